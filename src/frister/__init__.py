"""frister: Danish statutory deadlines, computed and explained.

This namespace holds what a user of a case system needs; the parts beneath it
are public modules of their own, each importing only from those below:

- :mod:`frister.calendar`: the working-day calendar and Danish date formatting;
- :mod:`frister.deadlines`: durations, fristberegning and its explained steps;
- :mod:`frister.rules`: the rule model and the catalog as data;
- :mod:`frister.explain`: explanations as data, rendered in Danish or English;
- :mod:`frister.case`: events and cases in, obligations out;
- :mod:`frister.engine`: which obligations a case gave rise to, and why;
- :mod:`frister.catalog`, :mod:`frister.json`, :mod:`frister.portfolio`,
  :mod:`frister.synthetic`, :mod:`frister.testing`; :mod:`frister.errors`.

The calendar and fristberegning load at import; the catalog, cases, JSON and
portfolios load on first use, so ``import frister`` stays light.
"""

from importlib import import_module
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _distribution_version
from typing import TYPE_CHECKING, Any

from frister.calendar import DanishCalendar, ExtraClosedDay
from frister.deadlines import (
    Deadline,
    Direction,
    Duration,
    MonthRule,
    Roll,
    Unit,
    birthday,
    compute_deadline,
    parse_duration,
)
from frister.errors import (
    ConditionsNotMetError,
    DataFileError,
    DateOutOfRangeError,
    DurationError,
    FactError,
    FristerError,
    InputError,
    InputTypeError,
    NaiveDatetimeError,
    NoDeadlineError,
    NonexistentDateError,
    NonexistentTimeError,
    UnknownEventKindError,
    UnknownRuleError,
)

if TYPE_CHECKING:
    from frister.case import Case, Event, Obligation, Status, day_of
    from frister.catalog import Catalog, default_catalog, load_catalog
    from frister.engine import OpenQuestion, Readings, RuleDeadline, YearReading, open_questions
    from frister.json import (
        case_from_json,
        case_to_json,
        deadline_to_json,
        event_from_json,
        event_to_json,
        obligation_from_json,
        obligation_to_json,
    )
    from frister.portfolio import (
        CaseRecord,
        Portfolio,
        PortfolioResult,
        evaluate_portfolio,
        investigation_plan,
        read_portfolio,
        write_portfolio,
    )

try:
    __version__: str = _distribution_version("frister")
    """The installed frister's version (PEP 440), as ``frister --version`` prints it."""
except PackageNotFoundError:  # pragma: no cover - run from a source tree never installed
    __version__ = "0+unknown"

_LAZY = {
    **dict.fromkeys(("Case", "Event", "Obligation", "Status", "day_of"), "frister.case"),
    **dict.fromkeys(("Catalog", "default_catalog", "load_catalog"), "frister.catalog"),
    **dict.fromkeys(
        ("OpenQuestion", "Readings", "RuleDeadline", "YearReading", "open_questions"),
        "frister.engine",
    ),
    **dict.fromkeys(
        (
            "case_from_json",
            "case_to_json",
            "deadline_to_json",
            "event_from_json",
            "event_to_json",
            "obligation_from_json",
            "obligation_to_json",
        ),
        "frister.json",
    ),
    **dict.fromkeys(
        (
            "CaseRecord",
            "Portfolio",
            "PortfolioResult",
            "evaluate_portfolio",
            "investigation_plan",
            "read_portfolio",
            "write_portfolio",
        ),
        "frister.portfolio",
    ),
}


def __getattr__(name: str) -> Any:
    """Load the catalog side of the API on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'frister' has no attribute {name!r}")
    return getattr(import_module(module), name)


def __dir__() -> list[str]:
    return sorted(__all__)


__all__ = [
    "Case",
    "CaseRecord",
    "Catalog",
    "ConditionsNotMetError",
    "DanishCalendar",
    "DataFileError",
    "DateOutOfRangeError",
    "Deadline",
    "Direction",
    "Duration",
    "DurationError",
    "Event",
    "ExtraClosedDay",
    "FactError",
    "FristerError",
    "InputError",
    "InputTypeError",
    "MonthRule",
    "NaiveDatetimeError",
    "NoDeadlineError",
    "NonexistentDateError",
    "NonexistentTimeError",
    "Obligation",
    "OpenQuestion",
    "Portfolio",
    "PortfolioResult",
    "Readings",
    "Roll",
    "RuleDeadline",
    "Status",
    "Unit",
    "UnknownEventKindError",
    "UnknownRuleError",
    "YearReading",
    "birthday",
    "case_from_json",
    "case_to_json",
    "compute_deadline",
    "day_of",
    "deadline_to_json",
    "default_catalog",
    "evaluate_portfolio",
    "event_from_json",
    "event_to_json",
    "investigation_plan",
    "load_catalog",
    "obligation_from_json",
    "obligation_to_json",
    "open_questions",
    "parse_duration",
    "read_portfolio",
    "write_portfolio",
]
