"""The Danish working-day calendar of public administration.

Working days are Monday to Friday that are not helligdage *of that year*
(store bededag closes up to and including 2023 only), minus any extra closed
days a calendar is configured with. Tables for 1900-2200 are built once per
configuration, on first use, and every query is a constant-time array lookup.
"""

from __future__ import annotations

import enum
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache, cached_property
from itertools import accumulate, compress
from operator import sub
from types import MappingProxyType
from typing import Any, Final

import attrs

from frister.calendar._dates import FIRST_SUPPORTED, LAST_SUPPORTED, check_date, out_of_range
from frister.errors import FristerError, InputError, InputTypeError

_FIRST_ORDINAL: Final = FIRST_SUPPORTED.toordinal()
_DAYS: Final = LAST_SUPPORTED.toordinal() - _FIRST_ORDINAL + 1
_YEARS: Final = range(FIRST_SUPPORTED.year, LAST_SUPPORTED.year + 1)
LAST_YEAR_WITH_STORE_BEDEDAG: Final = 2023
"""LOV nr. 214 af 6/3/2023: store bededag is no helligdag from 1 January 2024."""


class ClosedDayKind(enum.Enum):
    """Why a day is closed: the kinds an explanation distinguishes."""

    WEEKEND = "weekend"
    HELLIGDAG = "helligdag"
    """An official helligdag (folkekirkens helligdage) of that year."""
    EXTRA = "extra"
    """A named day that is not a helligdag but that this calendar closes."""
    LOCAL = "local"
    """A municipality's own closed date."""


@attrs.frozen
class ClosedDay:
    """A day on which a calendar is closed, with its Danish and English names."""

    date: date
    name: str
    name_en: str
    kind: ClosedDayKind

    def label(self, lang: str) -> str:
        """The name in the language asked for ('da' or 'en')."""
        return self.name if lang == "da" else self.name_en


class ExtraClosedDay(enum.Enum):
    """Named days that are not helligdage but that a calendar can close.

    Which of them closes depends on the rule: forældelsesloven § 27 stk. 2 moves
    a deadline off grundlovsdag, 24 and 31 December; agency practice (borger.dk)
    also off the Friday after Kristi himmelfartsdag. See ``fristberegning.md``.
    """

    FOERSTE_MAJ = ("1. maj", "1 May")
    GRUNDLOVSDAG = ("Grundlovsdag", "Constitution Day")
    FREDAG_EFTER_KRISTI_HIMMELFARTSDAG = (
        "Fredag efter Kristi himmelfartsdag",
        "Friday after Ascension Day",
    )
    JULEAFTENSDAG = ("Juleaftensdag", "Christmas Eve")
    NYTAARSAFTENSDAG = ("Nytårsaftensdag", "New Year's Eve")

    def __init__(self, name_da: str, name_en: str) -> None:
        self.name_da = name_da
        self.name_en = name_en

    def in_year(self, year: int) -> date:
        """The day's date in ``year``."""
        if self is ExtraClosedDay.FREDAG_EFTER_KRISTI_HIMMELFARTSDAG:
            from dateutil.easter import easter  # noqa: PLC0415 - only needed while building

            kristi_himmelfartsdag: date = easter(year) + timedelta(days=39)
            return kristi_himmelfartsdag + timedelta(days=1)
        month, day = _FIXED_EXTRA_DATES[self]
        return date(year, month, day)

    def __repr__(self) -> str:
        return f"ExtraClosedDay.{self.name}"


_FIXED_EXTRA_DATES: Final = {
    ExtraClosedDay.FOERSTE_MAJ: (5, 1),
    ExtraClosedDay.GRUNDLOVSDAG: (6, 5),
    ExtraClosedDay.JULEAFTENSDAG: (12, 24),
    ExtraClosedDay.NYTAARSAFTENSDAG: (12, 31),
}

CITIZEN_EXPIRY_EXTRAS: Final = (
    ExtraClosedDay.GRUNDLOVSDAG,
    ExtraClosedDay.JULEAFTENSDAG,
    ExtraClosedDay.NYTAARSAFTENSDAG,
)
"""Days a citizen's deadline moves off besides weekends and helligdage
(forældelsesloven § 27 stk. 2; as a default for social law: *legal review*)."""

_WEEKEND_NAMES: Final = {5: ("lørdag", "Saturday"), 6: ("søndag", "Sunday")}


def _to_extras(value: Iterable[ExtraClosedDay]) -> tuple[ExtraClosedDay, ...]:
    days = set()
    for day in value:
        if not isinstance(day, ExtraClosedDay):
            raise InputTypeError("extra_closed_days", day, "expected an ExtraClosedDay")
        days.add(day)
    order = list(ExtraClosedDay)
    return tuple(sorted(days, key=order.index))


def _to_local(value: Mapping[date, str]) -> tuple[tuple[date, str], ...]:
    if not isinstance(value, Mapping):
        raise InputTypeError("local_closed_days", value, "expected a mapping of date to name")
    for day, name in value.items():
        check_date(day, "local_closed_days")
        if not isinstance(name, str) or not name.strip():
            raise InputError(f"local_closed_days[{day}]", name, "needs a non-empty name")
    return tuple(sorted(value.items()))


@attrs.frozen
class _Tables:
    """Precomputed answers for one calendar configuration over the supported range."""

    closed: bytes
    """closed[i] is 1 when day FIRST_SUPPORTED + i is closed."""
    working_through: list[int]
    """working_through[i]: working days in [FIRST_SUPPORTED, FIRST_SUPPORTED + i]."""
    working: list[date]
    """All working days, ascending, as ready-made dates (returning them beats fromordinal)."""
    named: dict[int, ClosedDay]
    """Named closed days (helligdage, extras, local) by ordinal."""
    named_ordinals: list[int]
    """The keys of ``named``, ascending."""


@cache
def _helligdage() -> dict[int, ClosedDay]:
    """The official helligdage 1900-2200, by ordinal, from ``holidays``' Danish public category.

    ``holidays`` stops at 2100 by default; its rules are Easter offsets and
    fixed dates, valid for any Gregorian year, so a subclass widens the range.
    Each year must come out with 11 days up to 2023 and 10 from 2024 (store
    bededag abolished), or the table is refused rather than silently wrong.
    """
    from holidays.countries.denmark import Denmark  # noqa: PLC0415 - heavy, first use only

    class _Denmark(Denmark):
        end_year = LAST_SUPPORTED.year

    # The language is given explicitly: holidays otherwise reads it from the environment.
    danish: dict[date, str] = _Denmark(years=_YEARS, language="da")  # type: ignore[no-untyped-call]
    english: dict[date, str] = _Denmark(years=_YEARS, language="en_US")  # type: ignore[no-untyped-call]
    per_year = Counter(day.year for day in danish)
    for year in _YEARS:
        expected = 11 if year <= LAST_YEAR_WITH_STORE_BEDEDAG else 10
        if per_year[year] != expected or set(danish) != set(english):
            raise FristerError(
                f"holidays returned {per_year[year]} Danish helligdage for {year}, "
                f"expected {expected}; refusing to build a calendar on it"
            )
    return {
        day.toordinal(): ClosedDay(day, name, english[day], ClosedDayKind.HELLIGDAG)
        for day, name in danish.items()
    }


@cache
def _build_tables(
    extras: tuple[ExtraClosedDay, ...], local: tuple[tuple[date, str], ...]
) -> _Tables:
    named = dict(_helligdage())
    for extra in extras:
        for year in _YEARS:
            day = extra.in_year(year)
            named.setdefault(
                day.toordinal(), ClosedDay(day, extra.name_da, extra.name_en, ClosedDayKind.EXTRA)
            )
    for day, name in local:
        named.setdefault(day.toordinal(), ClosedDay(day, name, name, ClosedDayKind.LOCAL))

    closed = bytearray(_DAYS)
    first_saturday = (5 - FIRST_SUPPORTED.weekday()) % 7
    for weekend_day in (first_saturday, first_saturday + 1):
        count = len(range(weekend_day, _DAYS, 7))
        closed[weekend_day::7] = bytes([1]) * count
    for ordinal in named:
        closed[ordinal - _FIRST_ORDINAL] = 1
    is_working = bytes(1 - c for c in closed)
    return _Tables(
        closed=bytes(closed),
        working_through=list(accumulate(is_working)),
        working=list(
            map(
                date.fromordinal,
                compress(range(_FIRST_ORDINAL, _FIRST_ORDINAL + _DAYS), is_working),
            )
        ),
        named=named,
        named_ordinals=sorted(named),
    )


@cache
def _through_by_ordinal(
    extras: tuple[ExtraClosedDay, ...], local: tuple[tuple[date, str], ...]
) -> list[int | None]:
    """``working_through`` indexed by ordinal, None before 1900 (about 6 MB, built on demand)."""
    padding: list[int | None] = [None] * _FIRST_ORDINAL
    return padding + list(_build_tables(extras, local).working_through)


def _index(d: date, field: str) -> int:
    """The table index of ``d``; raises on a non-date or a date outside the range."""
    if type(d) is not date:
        check_date(d, field)
    i = d.toordinal() - _FIRST_ORDINAL
    if not 0 <= i < _DAYS:
        raise out_of_range(field, d)
    return i


def _per_date(values: object, field: str, count: int) -> list[Any]:
    """``values`` as a list with one entry per date, or an InputError naming ``field``."""
    if not isinstance(values, Iterable) or isinstance(values, str | bytes):
        raise InputTypeError(field, values, "expected an int or one value per date")
    items = list(values)
    if len(items) != count:
        raise InputError(field, f"{len(items)} values", f"expected one per date ({count})")
    return items


def _check_count(n: object, field: str) -> int:
    if type(n) is not int:
        raise InputTypeError(field, n, f"expected an int, got {type(n).__name__}")
    return n


@attrs.frozen(repr=False)
class DanishCalendar:
    """Danish public administration's working days, 1900-2200.

    ``DanishCalendar()`` closes weekends and the helligdage of each year (store
    bededag up to and including 2023). ``extra_closed_days`` adds named days
    that are not helligdage; ``local_closed_days`` adds a municipality's own
    dates with their names. Calendars are immutable; two with the same
    configuration are equal and share their precomputed tables.

    Interval semantics (libraries disagree, so they are stated here):
    ``add_working_days`` does not count the start day; ``working_days_between``
    counts the half-open interval (a, b].
    """

    extra_closed_days: tuple[ExtraClosedDay, ...] = attrs.field(default=(), converter=_to_extras)
    local_closed_days: tuple[tuple[date, str], ...] = attrs.field(factory=dict, converter=_to_local)

    @classmethod
    def for_citizen_deadlines(cls) -> DanishCalendar:
        """Where a citizen's deadline may not expire: also grundlovsdag, 24 and 31 Dec.

        Basis: JM vejl. 9533/2018 and forældelsesloven § 27 stk. 2; the extra days
        as a default for social law await legal review (``fristberegning.md``).
        """
        return cls(extra_closed_days=CITIZEN_EXPIRY_EXTRAS)

    def with_closed(
        self, *extra: ExtraClosedDay, local: Mapping[date, str] | None = None
    ) -> DanishCalendar:
        """A new calendar that also closes ``extra`` and the ``local`` dates."""
        return DanishCalendar(
            extra_closed_days=(*self.extra_closed_days, *extra),
            local_closed_days={**dict(self.local_closed_days), **(local or {})},
        )

    @cached_property
    def _tables(self) -> _Tables:
        return _build_tables(self.extra_closed_days, self.local_closed_days)

    @cached_property
    def _through_by_ordinal(self) -> list[int | None]:
        """working_through indexed by ordinal (None before 1900): the batch form's C path."""
        return _through_by_ordinal(self.extra_closed_days, self.local_closed_days)

    def describe(self, lang: str) -> str:
        """What the calendar closes, for people: 'weekender og helligdage, Grundlovsdag'."""
        da = lang == "da"
        parts = ["weekender og helligdage" if da else "weekends and public holidays"]
        parts.extend(day.name_da if da else day.name_en for day in self.extra_closed_days)
        if self.local_closed_days:
            count = len(self.local_closed_days)
            parts.append(f"{count} lokale lukkedage" if da else f"{count} local closed days")
        return ", ".join(parts)

    def __repr__(self) -> str:
        parts = []
        if self.extra_closed_days:
            parts.append(f"extra_closed_days={self.extra_closed_days!r}")
        if self.local_closed_days:
            parts.append(f"local_closed_days={dict(self.local_closed_days)!r}")
        return f"DanishCalendar({', '.join(parts)})"

    # -- single dates -------------------------------------------------------------

    def is_working_day(self, d: date) -> bool:
        """True when ``d`` is a weekday that this calendar does not close."""
        return not self._tables.closed[_index(d, "d")]

    def closed_day(self, d: date) -> ClosedDay | None:
        """Why ``d`` is closed (its helligdag or other name, else the weekend), or None."""
        tables = self._tables
        i = _index(d, "d")
        if not tables.closed[i]:
            return None
        named = tables.named.get(i + _FIRST_ORDINAL)
        if named is not None:
            return named
        name, name_en = _WEEKEND_NAMES[d.weekday()]
        return ClosedDay(d, name, name_en, ClosedDayKind.WEEKEND)

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after ``d`` (before it when n < 0); ``d`` itself is not counted.

        n == 0 returns ``d`` unchanged, working day or not. Going forward from a
        closed day counts from the next working day; going back counts from the
        previous one, so ``add_working_days(add_working_days(d, n), -n)`` is
        ``roll_backward(d)`` for n > 0.
        """
        tables = self._tables
        # The checks of _index and _check_count, inlined: this is the hot path.
        if type(d) is not date:
            check_date(d, "d")
        i = d.toordinal() - _FIRST_ORDINAL
        if not 0 <= i < _DAYS:
            raise out_of_range("d", d)
        if type(n) is not int:
            _check_count(n, "n")
        if n > 0:
            k = tables.working_through[i] + n - 1
        elif n < 0:
            k = tables.working_through[i] - (not tables.closed[i]) + n
        else:
            return d
        if not 0 <= k < len(tables.working):
            raise out_of_range("result", f"{d} {n:+d} working days")
        return tables.working[k]

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b]: after ``a``, up to and including ``b``; negative if b < a."""
        through = self._tables.working_through
        return through[_index(b, "b")] - through[_index(a, "a")]

    def roll_forward(self, d: date) -> date:
        """``d`` if it is a working day, else the next working day."""
        tables = self._tables
        i = _index(d, "d")
        if not tables.closed[i]:
            return d
        k = tables.working_through[i]
        if k >= len(tables.working):
            raise out_of_range("result", f"next working day after {d}")
        return tables.working[k]

    def roll_backward(self, d: date) -> date:
        """``d`` if it is a working day, else the previous working day."""
        tables = self._tables
        i = _index(d, "d")
        if not tables.closed[i]:
            return d
        k = tables.working_through[i] - 1
        if k < 0:
            raise out_of_range("result", f"working day before {d}")
        return tables.working[k]

    # -- years and spans ----------------------------------------------------------

    def holidays(self, year: int) -> Mapping[date, str]:
        """The closed days of ``year`` other than plain weekends, with their Danish names.

        Helligdage, configured extra days and local days are listed whichever
        weekday they fall on.
        """
        year = _check_count(year, "year")
        if year not in _YEARS:
            raise out_of_range("year", year)
        return MappingProxyType(
            {day.date: day.name for day in self._named_in(date(year, 1, 1), date(year, 12, 31))}
        )

    def named_closed_days(self, a: date, b: date) -> tuple[ClosedDay, ...]:
        """The named closed days (not plain weekends) in [a, b], in date order."""
        return self._named_in(check_date(a, "a"), check_date(b, "b"))

    def _named_in(self, a: date, b: date) -> tuple[ClosedDay, ...]:
        tables = self._tables
        lo = bisect_left(tables.named_ordinals, a.toordinal())
        hi = bisect_right(tables.named_ordinals, b.toordinal())
        return tuple(tables.named[o] for o in tables.named_ordinals[lo:hi])

    # -- batches ------------------------------------------------------------------

    def add_working_days_many(self, dates: Iterable[date], n: int | Iterable[int]) -> list[date]:
        """:meth:`add_working_days` for each date, with one ``n`` or one per date.

        The same answers and errors as the scalar form, in one pass with the
        table lookups inlined: for portfolios of cases.
        """
        tables = self._tables
        through, working, closed = tables.working_through, tables.working, tables.closed
        last = len(working)
        days = list(dates)
        counts = [n] * len(days) if isinstance(n, int) else _per_date(n, "n", len(days))
        results = []
        for d, k in zip(days, counts, strict=True):
            i = _index(d, "dates[]") if type(d) is not date else d.toordinal() - _FIRST_ORDINAL
            if not 0 <= i < _DAYS:
                raise out_of_range("dates[]", d)
            if type(k) is not int:
                _check_count(k, "n[]")
            if k > 0:
                j = through[i] + k - 1
            elif k < 0:
                j = through[i] - (not closed[i]) + k
            else:
                results.append(d)
                continue
            if not 0 <= j < last:
                raise out_of_range("result", f"{d} {k:+d} working days")
            results.append(working[j])
        return results

    def working_days_between_many(self, starts: Iterable[date], ends: Iterable[date]) -> list[int]:
        """:meth:`working_days_between` for each pair of start and end, pairwise."""
        through = self._tables.working_through
        firsts = list(starts)
        lasts = _per_date(ends, "ends", len(firsts))
        if firsts and set(map(type, firsts)) | set(map(type, lasts)) <= {date}:
            # Fast path, all in C: plain dates, looked up by ordinal; a date outside the
            # range meets the padding (None) or the end of the table and takes the slow
            # path below, which names it.
            by_ordinal = self._through_by_ordinal
            lookup = by_ordinal.__getitem__
            try:
                return list(
                    map(
                        sub,
                        map(lookup, map(date.toordinal, lasts)),
                        map(lookup, map(date.toordinal, firsts)),
                    )
                )
            except (TypeError, IndexError):
                pass
        return [
            through[_index(b, "ends[]")] - through[_index(a, "starts[]")]
            for a, b in zip(firsts, lasts, strict=True)
        ]
