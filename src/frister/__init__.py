"""frister: Danish statutory deadlines, computed and explained.

The public surface is this namespace; everything in underscored modules is
private and may change. The calendar and fristberegning load at import; the
catalog, cases and JSON load on first use, so ``import frister`` stays light.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from frister._calendar import (
    CITIZEN_EXPIRY_EXTRAS,
    ClosedDay,
    ClosedDayKind,
    DanishCalendar,
    ExtraClosedDay,
)
from frister._conventions import Convention, Mark, conventions
from frister._dates import FIRST_SUPPORTED, LAST_SUPPORTED
from frister._duration import Duration, Unit, parse_duration
from frister._errors import (
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
    UnknownEventKindError,
    UnknownRuleError,
)
from frister._fristberegning import Deadline, MonthRule, Roll, birthday, compute_deadline
from frister._steps import (
    Birthday,
    ClockChange,
    Count,
    Direction,
    Due,
    Expiry,
    ExpiryAction,
    MonthDay,
    MonthDayKind,
    Start,
    Step,
)

if TYPE_CHECKING:
    from frister._case import Case, Event, Note, Obligation, Status
    from frister._catalog import Catalog, RuleDeadline, default_catalog, load_catalog
    from frister._evaluate import YearReading
    from frister._json import (
        case_from_json,
        case_to_json,
        deadline_to_json,
        event_from_json,
        event_to_json,
        obligation_from_json,
        obligation_to_json,
    )
    from frister._rules import (
        Citation,
        Condition,
        Law,
        ObligationRule,
        Question,
        RuleVersion,
        Shape,
        Text,
    )

_LAZY = {
    **dict.fromkeys(("Case", "Event", "Note", "Obligation", "Status"), "frister._case"),
    **dict.fromkeys(
        ("Catalog", "RuleDeadline", "default_catalog", "load_catalog"), "frister._catalog"
    ),
    "YearReading": "frister._evaluate",
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
        "frister._json",
    ),
    **dict.fromkeys(
        (
            "Citation",
            "Condition",
            "Law",
            "ObligationRule",
            "Question",
            "RuleVersion",
            "Shape",
            "Text",
        ),
        "frister._rules",
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
    "CITIZEN_EXPIRY_EXTRAS",
    "FIRST_SUPPORTED",
    "LAST_SUPPORTED",
    "Birthday",
    "Case",
    "Catalog",
    "Citation",
    "ClockChange",
    "ClosedDay",
    "ClosedDayKind",
    "Condition",
    "Convention",
    "Count",
    "DanishCalendar",
    "DataFileError",
    "DateOutOfRangeError",
    "Deadline",
    "Direction",
    "Due",
    "Duration",
    "DurationError",
    "Event",
    "Expiry",
    "ExpiryAction",
    "ExtraClosedDay",
    "FactError",
    "FristerError",
    "InputError",
    "InputTypeError",
    "Law",
    "Mark",
    "MonthDay",
    "MonthDayKind",
    "MonthRule",
    "NaiveDatetimeError",
    "NoDeadlineError",
    "NonexistentDateError",
    "Note",
    "Obligation",
    "ObligationRule",
    "Question",
    "Roll",
    "RuleDeadline",
    "RuleVersion",
    "Shape",
    "Start",
    "Status",
    "Step",
    "Text",
    "Unit",
    "UnknownEventKindError",
    "UnknownRuleError",
    "YearReading",
    "birthday",
    "case_from_json",
    "case_to_json",
    "compute_deadline",
    "conventions",
    "deadline_to_json",
    "default_catalog",
    "event_from_json",
    "event_to_json",
    "load_catalog",
    "obligation_from_json",
    "obligation_to_json",
    "parse_duration",
]
