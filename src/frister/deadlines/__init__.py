"""Fristberegning: durations, deadline arithmetic with Danish conventions, and its steps.

Every computed :class:`Deadline` carries the steps that led to it (the start,
each count, a month clipped to its last day, a closed day moved off), each
naming the convention applied and its legal basis.
"""

from frister.deadlines._conventions import Convention, Mark, conventions
from frister.deadlines._duration import Duration, Unit, parse_duration
from frister.deadlines._fristberegning import (
    Deadline,
    MonthRule,
    Roll,
    birthday,
    compute_deadline,
)
from frister.deadlines._steps import (
    Birthday,
    ClockChange,
    Count,
    Direction,
    Due,
    Earliest,
    Expiry,
    ExpiryAction,
    MonthDay,
    MonthDayKind,
    Start,
    Step,
)

__all__ = [
    "Birthday",
    "ClockChange",
    "Convention",
    "Count",
    "Deadline",
    "Direction",
    "Due",
    "Duration",
    "Earliest",
    "Expiry",
    "ExpiryAction",
    "Mark",
    "MonthDay",
    "MonthDayKind",
    "MonthRule",
    "Roll",
    "Start",
    "Step",
    "Unit",
    "birthday",
    "compute_deadline",
    "conventions",
    "parse_duration",
]
