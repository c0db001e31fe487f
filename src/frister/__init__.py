"""frister: Danish statutory deadlines, computed and explained.

The public surface is this namespace; everything in underscored modules is
private and may change. The calendar and fristberegning load at import; the
catalog, cases and JSON load on first use, so ``import frister`` stays light.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from frister.calendar import (
    CITIZEN_EXPIRY_EXTRAS,
    FIRST_SUPPORTED,
    LAST_SUPPORTED,
    ClosedDay,
    ClosedDayKind,
    DanishCalendar,
    ExtraClosedDay,
)
from frister.deadlines import (
    Birthday,
    ClockChange,
    Convention,
    Count,
    Deadline,
    Direction,
    Due,
    Duration,
    Expiry,
    ExpiryAction,
    Mark,
    MonthDay,
    MonthDayKind,
    MonthRule,
    Roll,
    Start,
    Step,
    Unit,
    birthday,
    compute_deadline,
    conventions,
    parse_duration,
)
from frister.errors import (
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

if TYPE_CHECKING:
    from frister.case import Case, Event, Obligation, Status
    from frister.catalog import Catalog, default_catalog, load_catalog
    from frister.engine import RuleDeadline, YearReading
    from frister.explain import Note
    from frister.json import (
        case_from_json,
        case_to_json,
        deadline_to_json,
        event_from_json,
        event_to_json,
        obligation_from_json,
        obligation_to_json,
    )
    from frister.rules import (
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
    **dict.fromkeys(("Case", "Event", "Obligation", "Status"), "frister.case"),
    "Note": "frister.explain",
    **dict.fromkeys(("Catalog", "default_catalog", "load_catalog"), "frister.catalog"),
    **dict.fromkeys(("RuleDeadline", "YearReading"), "frister.engine"),
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
            "Citation",
            "Condition",
            "Law",
            "ObligationRule",
            "Question",
            "RuleVersion",
            "Shape",
            "Text",
        ),
        "frister.rules",
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
