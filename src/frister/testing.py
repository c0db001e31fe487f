"""Hypothesis strategies for code that embeds frister.

Needs the ``testing`` extra (``pip install frister[testing]``). Every strategy
draws only values frister accepts, so an embedder's property test fails on
its own logic, not on frister's input checks.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import strategies as st

from frister._calendar import DanishCalendar, ExtraClosedDay
from frister._dates import COPENHAGEN, FIRST_SUPPORTED, LAST_SUPPORTED
from frister._duration import MAX_AMOUNT, Duration, Unit
from frister._errors import InputError

__all__ = [
    "aware_datetimes",
    "calendars",
    "closed_days",
    "durations",
    "supported_dates",
    "working_days",
]

_DEFAULT_CALENDAR = DanishCalendar()


def supported_dates(
    min_value: date = FIRST_SUPPORTED, max_value: date = LAST_SUPPORTED
) -> st.SearchStrategy[date]:
    """Dates inside frister's supported range (1900-2200), optionally narrowed."""
    return st.dates(max(min_value, FIRST_SUPPORTED), min(max_value, LAST_SUPPORTED))


def working_days(
    calendar: DanishCalendar = _DEFAULT_CALENDAR,
    min_value: date = FIRST_SUPPORTED,
    max_value: date = LAST_SUPPORTED,
) -> st.SearchStrategy[date]:
    """Working days of ``calendar`` in [min_value, max_value]; an InputError if there are none."""
    low, high = max(min_value, FIRST_SUPPORTED), min(max_value, LAST_SUPPORTED)
    between = calendar.working_days_between(low, high) if low <= high else 0
    if between + (low <= high and calendar.is_working_day(low)) == 0:
        raise InputError("max_value", max_value, f"no working day from {low} to it")
    return supported_dates(low, calendar.roll_backward(high)).map(calendar.roll_forward)


def closed_days(
    calendar: DanishCalendar = _DEFAULT_CALENDAR,
    min_value: date = FIRST_SUPPORTED,
    max_value: date = LAST_SUPPORTED,
) -> st.SearchStrategy[date]:
    """Days ``calendar`` closes: Saturdays and Sundays, and its named closed days."""
    low, high = max(min_value, FIRST_SUPPORTED), min(max_value, LAST_SUPPORTED)
    weekends = (
        supported_dates(low, high)
        .map(lambda d: d + timedelta(days=(5 - d.weekday()) % 7))
        .flatmap(lambda saturday: st.sampled_from([saturday, saturday + timedelta(days=1)]))
        .filter(lambda d: d <= high)
    )
    named = [
        day
        for year in range(low.year, high.year + 1)
        for day in calendar.holidays(year)
        if low <= day <= high
    ]
    has_weekend = any(
        (low + timedelta(days=i)).weekday() >= 5 for i in range(min((high - low).days + 1, 7))
    )
    if not has_weekend and not named:
        raise InputError("max_value", max_value, f"no closed day from {low} to it")
    if not has_weekend:
        return st.sampled_from(named)
    return weekends | st.sampled_from(named) if named else weekends


def aware_datetimes(
    min_value: date = FIRST_SUPPORTED, max_value: date = LAST_SUPPORTED
) -> st.SearchStrategy[datetime]:
    """Moments in Europe/Copenhagen on supported days, including the daylight-saving edges."""
    return st.datetimes(
        min_value=datetime.combine(max(min_value, FIRST_SUPPORTED), datetime.min.time()),
        max_value=datetime.combine(min(max_value, LAST_SUPPORTED), datetime.max.time()),
        timezones=st.just(COPENHAGEN),
    )


def durations(
    units: tuple[Unit, ...] = tuple(Unit), max_amount: int = 60
) -> st.SearchStrategy[Duration]:
    """Durations in the given units, from 0 to ``max_amount`` (at most frister's own limit)."""
    return st.builds(
        Duration,
        amount=st.integers(0, min(max_amount, MAX_AMOUNT)),
        unit=st.sampled_from(units),
    )


def calendars() -> st.SearchStrategy[DanishCalendar]:
    """Calendars with any combination of the named extra closed days."""
    return st.sets(st.sampled_from(list(ExtraClosedDay))).map(
        lambda extra: DanishCalendar(extra_closed_days=extra)
    )
