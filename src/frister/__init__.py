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
from frister._conventions import Convention, DataFileError, Mark, conventions
from frister._dates import FIRST_SUPPORTED, LAST_SUPPORTED
from frister._duration import Duration, Unit, parse_duration
from frister._errors import (
    DateOutOfRangeError,
    DurationError,
    FristerError,
    InputError,
    InputTypeError,
    NaiveDatetimeError,
    NonexistentDateError,
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

__all__ = [
    "CITIZEN_EXPIRY_EXTRAS",
    "FIRST_SUPPORTED",
    "LAST_SUPPORTED",
    "Birthday",
    "ClockChange",
    "ClosedDay",
    "ClosedDayKind",
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
    "Expiry",
    "ExpiryAction",
    "ExtraClosedDay",
    "FristerError",
    "InputError",
    "InputTypeError",
    "Mark",
    "MonthDay",
    "MonthDayKind",
    "MonthRule",
    "NaiveDatetimeError",
    "NonexistentDateError",
    "Roll",
    "Start",
    "Step",
    "Unit",
    "birthday",
    "compute_deadline",
    "conventions",
    "parse_duration",
]
