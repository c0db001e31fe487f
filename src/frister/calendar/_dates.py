"""Date plumbing shared by the calendar and fristberegning: range, checks, wording.

Dates are formatted by hand (no locale), so output never depends on the machine.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Final, Literal
from zoneinfo import ZoneInfo

from frister.errors import (
    DateOutOfRangeError,
    InputTypeError,
    NaiveDatetimeError,
    NonexistentTimeError,
)

FIRST_SUPPORTED: Final = date(1900, 1, 1)
"""The first day frister's calendar answers for."""
LAST_SUPPORTED: Final = date(2200, 12, 31)
"""The last day frister's calendar answers for."""

COPENHAGEN: Final = ZoneInfo("Europe/Copenhagen")
"""Danish legal time; hour deadlines run in its real elapsed time."""

Language = Literal["da", "en"]
"""The languages explanations are rendered in."""


def check_date(value: object, field: str) -> date:
    """Return ``value`` if it is a plain date in the supported range, else raise."""
    if isinstance(value, datetime):
        raise InputTypeError(
            field, value, "expected a date, got a datetime; pass .date() explicitly"
        )
    if not isinstance(value, date):
        raise InputTypeError(field, value, f"expected a date, got {type(value).__name__}")
    if not FIRST_SUPPORTED <= value <= LAST_SUPPORTED:
        raise out_of_range(field, value)
    return value


def check_aware(value: object, field: str) -> datetime:
    """Return ``value`` if it is a time-zone-aware datetime in the supported range, else raise."""
    if not isinstance(value, datetime):
        raise InputTypeError(field, value, f"expected a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(
            field,
            value,
            "naive datetime: give a time zone (e.g. Europe/Copenhagen) so the hour is unambiguous",
        )
    if not FIRST_SUPPORTED <= local_date(value) <= LAST_SUPPORTED:
        raise out_of_range(field, value)
    wall = value.replace(tzinfo=None)
    if value.astimezone(UTC).astimezone(value.tzinfo).replace(tzinfo=None) != wall:
        raise NonexistentTimeError(
            field,
            value,
            f"{wall:%Y-%m-%d %H:%M} does not exist in {value.tzinfo}: the clocks were put "
            "forward over it (summer time began); give the time the clocks showed, "
            "or a UTC offset",
        )
    return value


def local_date(moment: datetime) -> date:
    """The Danish calendar day an aware moment falls on."""
    return moment.astimezone(COPENHAGEN).date()


def out_of_range(field: str, value: object) -> DateOutOfRangeError:
    """The error for a date outside 1900-01-01..2200-12-31."""
    return DateOutOfRangeError(
        field, value, f"outside the supported range {FIRST_SUPPORTED}..{LAST_SUPPORTED}"
    )


_WEEKDAYS = {
    "da": ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


_MONTH_ABBREVIATIONS = {
    "da": (
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "maj",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "okt.",
        "nov.",
        "dec.",
    ),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def format_date(d: date, lang: Language) -> str:
    """'fre. 22. mar. 2024' in Danish, 'Fri 22 Mar 2024' in English."""
    weekday = _WEEKDAYS[lang][d.weekday()][:3]
    month = _MONTH_ABBREVIATIONS[lang][d.month - 1]
    if lang == "da":
        return f"{weekday}. {d.day}. {month} {d.year}"
    return f"{weekday} {d.day} {month} {d.year}"


def format_moment(moment: date | datetime, lang: Language) -> str:
    """A date as :func:`format_date`; an aware datetime with its Copenhagen clock time."""
    if not isinstance(moment, datetime):
        return format_date(moment, lang)
    local = moment.astimezone(COPENHAGEN)
    clock = local.strftime("%H:%M")
    zone = local.tzname() or ""
    if lang == "da":
        return f"{format_date(local.date(), lang)} kl. {clock} ({zone})"
    return f"{format_date(local.date(), lang)} {clock} ({zone})"
