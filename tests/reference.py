"""A deliberately simple, independent Danish public-administration calendar.

Written from the law notes (``shared/law/fristberegning.md`` and sections 1-3
of ``research-calendar.md``), not from frister's code, so the tests can check
frister against it. Nothing here is fast: Easter is computed by hand, and every
count walks day by day. Nothing here imports frister, ``dateutil`` or
``holidays``.

The reference works on any Gregorian date; it knows nothing of frister's
supported range (the tests compare the two and expect frister to raise where
the reference's answer falls outside 1900-2200).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import cache
from typing import Final

ONE_DAY: Final = timedelta(days=1)

# The optional extra closed days, by the same names as frister's ExtraClosedDay
# members (the tests map one to the other by name; nothing else is shared).
FOERSTE_MAJ: Final = "FOERSTE_MAJ"
GRUNDLOVSDAG: Final = "GRUNDLOVSDAG"
FREDAG_EFTER_KRISTI_HIMMELFARTSDAG: Final = "FREDAG_EFTER_KRISTI_HIMMELFARTSDAG"
JULEAFTENSDAG: Final = "JULEAFTENSDAG"
NYTAARSAFTENSDAG: Final = "NYTAARSAFTENSDAG"
ALL_EXTRAS: Final = frozenset(
    {
        FOERSTE_MAJ,
        GRUNDLOVSDAG,
        FREDAG_EFTER_KRISTI_HIMMELFARTSDAG,
        JULEAFTENSDAG,
        NYTAARSAFTENSDAG,
    }
)

LAST_YEAR_OF_STORE_BEDEDAG: Final = 2023
"""Store bededag is a helligdag up to and including 2023 (LOV nr. 214 af 6/3/2023)."""


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday by the anonymous (Meeus/Jones/Butcher) algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_correction = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_correction) // 451
    month, day_minus_one = divmod(h + weekday_correction - 7 * m + 114, 31)
    return date(year, month, day_minus_one + 1)


@cache
def helligdage(year: int) -> dict[date, str]:
    """The official helligdage of ``year`` (not counting ordinary Sundays), by date.

    The names are spelled as ``holidays.DK`` spells them in Danish, which is what
    frister reports.
    """
    e = easter_sunday(year)

    def after_easter(days: int) -> date:
        return e + timedelta(days=days)

    days = {
        date(year, 1, 1): "Nytårsdag",
        after_easter(-3): "Skærtorsdag",
        after_easter(-2): "Langfredag",
        after_easter(0): "Påskedag",
        after_easter(1): "Anden påskedag",
    }
    if year <= LAST_YEAR_OF_STORE_BEDEDAG:
        days[after_easter(26)] = "Store bededag"
    days[after_easter(39)] = "Kristi himmelfartsdag"
    days[after_easter(49)] = "Pinsedag"
    days[after_easter(50)] = "Anden pinsedag"
    days[date(year, 12, 25)] = "Juledag"
    days[date(year, 12, 26)] = "Anden juledag"
    return days


def extra_days(year: int, extras: Iterable[str]) -> dict[date, str]:
    """The optional extra closed days of ``year`` that ``extras`` asks for, by date."""
    wanted = set(extras)
    unknown = wanted - ALL_EXTRAS
    if unknown:
        raise ValueError(f"unknown extra closed days: {sorted(unknown)}")
    all_of_year = {
        FOERSTE_MAJ: (date(year, 5, 1), "1. maj"),
        GRUNDLOVSDAG: (date(year, 6, 5), "Grundlovsdag"),
        FREDAG_EFTER_KRISTI_HIMMELFARTSDAG: (
            easter_sunday(year) + timedelta(days=40),
            "Fredag efter Kristi himmelfartsdag",
        ),
        JULEAFTENSDAG: (date(year, 12, 24), "Juleaftensdag"),
        NYTAARSAFTENSDAG: (date(year, 12, 31), "Nytårsaftensdag"),
    }
    return dict(all_of_year[name] for name in sorted(wanted))


class ReferenceCalendar:
    """Weekends and helligdage closed, plus the chosen extra days."""

    def __init__(self, extras: Iterable[str] = ()) -> None:
        self.extras = frozenset(extras)
        if not self.extras <= ALL_EXTRAS:
            raise ValueError(f"unknown extra closed days: {sorted(self.extras - ALL_EXTRAS)}")
        self._closed_by_year: dict[int, frozenset[date]] = {}

    def named_closed_days(self, year: int) -> dict[date, str]:
        """Helligdage and extra days of ``year``; a helligdag's name wins on a shared date."""
        named = dict(extra_days(year, self.extras))
        named.update(helligdage(year))
        return dict(sorted(named.items()))

    def _closed_named(self, year: int) -> frozenset[date]:
        closed = self._closed_by_year.get(year)
        if closed is None:
            closed = frozenset(self.named_closed_days(year))
            self._closed_by_year[year] = closed
        return closed

    def is_working_day(self, d: date) -> bool:
        """Monday to Friday, and neither a helligdag nor a chosen extra day."""
        return d.weekday() < 5 and d not in self._closed_named(d.year)

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after ``d`` (before it if n < 0), not counting ``d``."""
        step = ONE_DAY if n > 0 else -ONE_DAY
        current = d
        found = 0
        while found < abs(n):
            current += step
            if self.is_working_day(current):
                found += 1
        return current

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]; minus the working days in (b, a] when b < a."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        current = a
        while current < b:
            current += ONE_DAY
            if self.is_working_day(current):
                count += 1
        return count

    def roll_forward(self, d: date) -> date:
        """``d`` if it is a working day, else the next one."""
        current = d
        while not self.is_working_day(current):
            current += ONE_DAY
        return current

    def roll_backward(self, d: date) -> date:
        """``d`` if it is a working day, else the previous one."""
        current = d
        while not self.is_working_day(current):
            current -= ONE_DAY
        return current
