"""Portfolios: many cases evaluated at once, as a municipality measures its deadlines.

``evaluate_portfolio`` streams a ``Portfolio`` of ``CaseRecord`` objects through
the catalog (in worker processes with ``workers=N``) into a compact
``PortfolioResult``; ``read_portfolio`` / ``write_portfolio`` read and write
case-system exports (CSV, JSON Lines, Parquet). ``frister.portfolio.dask``
evaluates beyond one machine. See docs/udviklere/portefoelje.md.
"""

from frister.portfolio._evaluation import CHUNK_SIZE, Progress, evaluate_portfolio
from frister.portfolio._extras import MissingExtraError
from frister.portfolio._records import CaseRecord, Portfolio, Unreadable
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
    "EVENT_COLUMNS",
    "FORMATS",
    "LABEL_PREFIX",
    "ROW_FIELDS",
    "CaseFailure",
    "CaseRecord",
    "MissingExtraError",
    "Portfolio",
    "PortfolioResult",
    "PortfolioRow",
    "Progress",
    "TableError",
    "Unreadable",
    "evaluate_portfolio",
    "read_portfolio",
    "write_portfolio",
]
