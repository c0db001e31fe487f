"""The Danish public-administration calendar: working days, closed days, 1900-2200."""

from frister.calendar._calendar import (
    CITIZEN_EXPIRY_EXTRAS,
    LAST_YEAR_WITH_STORE_BEDEDAG,
    ClosedDay,
    ClosedDayKind,
    DanishCalendar,
    ExtraClosedDay,
)
from frister.calendar._dates import (
    COPENHAGEN,
    FIRST_SUPPORTED,
    LAST_SUPPORTED,
    Language,
    format_date,
    format_moment,
    local_date,
)

__all__ = [
    "CITIZEN_EXPIRY_EXTRAS",
    "COPENHAGEN",
    "FIRST_SUPPORTED",
    "LAST_SUPPORTED",
    "LAST_YEAR_WITH_STORE_BEDEDAG",
    "ClosedDay",
    "ClosedDayKind",
    "DanishCalendar",
    "ExtraClosedDay",
    "Language",
    "format_date",
    "format_moment",
    "local_date",
]
