"""Portfolios: many cases evaluated at once, as a municipality measures its deadlines.

``evaluate_portfolio`` streams a ``Portfolio`` of ``CaseRecord`` objects through
the catalog (in worker processes with ``workers=N``) into a compact
``PortfolioResult``; ``read_portfolio`` / ``write_portfolio`` read and write
case-system exports (CSV, JSON Lines, Parquet). ``frister.portfolio.dask``
evaluates beyond one machine. See docs/udviklere/portefoelje.md.
"""

from frister.portfolio._evaluation import CHUNK_SIZE, Progress, evaluate_portfolio
from frister.portfolio._extras import MissingExtraError
from frister.portfolio._mi_base import COHORTS, GROUP_KEYS, Cohort, Period, quarters
from frister.portfolio._mi_lawfulness import (
    COLOURS,
    CaseVerdict,
    Criteria,
    Criterion,
    Finding,
    Lawfulness,
    default_criteria,
    load_criteria,
)
from frister.portfolio._mi_lists import FollowupSweep, ListItem, SweepItem, WorkList
from frister.portfolio._mi_plan import (
    InvestigationPlan,
    PlannedStep,
    PlanStep,
    default_steps,
    investigation_plan,
    load_steps,
)
from frister.portfolio._mi_rates import (
    STAGE_LINES,
    OnTime,
    OnTimeCounts,
    OnTimeGroup,
    StageLine,
    StageRow,
    StageTable,
    Trend,
    TrendPoint,
)
from frister.portfolio._mi_report import REPORT_FORMATS, Report
from frister.portfolio._records import CaseRecord, Portfolio, SlicedSource, Unreadable
from frister.portfolio._result import PortfolioResult
from frister.portfolio._rows import ROW_FIELDS, CaseFailure, PortfolioRow
from frister.portfolio._tables import (
    CASE_COLUMNS,
    EVENT_COLUMNS,
    FORMATS,
    LABEL_PREFIX,
    TableError,
    read_portfolio,
    write_portfolio,
)

__all__ = [
    "CASE_COLUMNS",
    "CHUNK_SIZE",
    "COHORTS",
    "COLOURS",
    "EVENT_COLUMNS",
    "FORMATS",
    "GROUP_KEYS",
    "LABEL_PREFIX",
    "REPORT_FORMATS",
    "ROW_FIELDS",
    "STAGE_LINES",
    "CaseFailure",
    "CaseRecord",
    "CaseVerdict",
    "Cohort",
    "Criteria",
    "Criterion",
    "Finding",
    "FollowupSweep",
    "InvestigationPlan",
    "Lawfulness",
    "ListItem",
    "MissingExtraError",
    "OnTime",
    "OnTimeCounts",
    "OnTimeGroup",
    "Period",
    "PlanStep",
    "PlannedStep",
    "Portfolio",
    "PortfolioResult",
    "PortfolioRow",
    "Progress",
    "Report",
    "SlicedSource",
    "StageLine",
    "StageRow",
    "StageTable",
    "SweepItem",
    "TableError",
    "Trend",
    "TrendPoint",
    "Unreadable",
    "WorkList",
    "default_criteria",
    "default_steps",
    "evaluate_portfolio",
    "investigation_plan",
    "load_criteria",
    "load_steps",
    "quarters",
    "read_portfolio",
    "write_portfolio",
]
