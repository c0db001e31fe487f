"""frister: Danish statutory deadlines, computed and explained.

The public surface is this namespace; everything in underscored modules is
private and may change.
"""

from frister._calendar import (
    CITIZEN_EXPIRY_EXTRAS,
    ClosedDay,
    ClosedDayKind,
    DanishCalendar,
    ExtraClosedDay,
)
from frister._case import Case, Event, Note, Obligation, Status
from frister._catalog import Catalog, RuleDeadline, default_catalog, load_catalog
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
from frister._evaluate import YearReading
from frister._fristberegning import Deadline, MonthRule, Roll, birthday, compute_deadline
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
    "compute_deadline",
    "conventions",
    "default_catalog",
    "load_catalog",
    "parse_duration",
]
