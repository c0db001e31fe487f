"""The Danish public-administration calendar: working days, closed days, 1900-2200."""

from frister.calendar._calendar import (
    CITIZEN_EXPIRY_EXTRAS,
    ClosedDay,
    ClosedDayKind,
    DanishCalendar,
    ExtraClosedDay,
)
from frister.calendar._dates import FIRST_SUPPORTED, LAST_SUPPORTED, Language

__all__ = [
    "CITIZEN_EXPIRY_EXTRAS",
    "FIRST_SUPPORTED",
    "LAST_SUPPORTED",
    "ClosedDay",
    "ClosedDayKind",
    "DanishCalendar",
    "ExtraClosedDay",
    "Language",
]
