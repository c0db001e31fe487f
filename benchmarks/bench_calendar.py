"""Benchmark frister's working-day calendar against its peers, and check that they agree.

Run from the project root after ``pip install -e '.[bench]'``::

    python benchmarks/bench_calendar.py

Everything runs in one process on the same seeded inputs: 20,000 (date, n) pairs
with dates 2000-2050 and n in -60..60, and 20,000 (a, b) pairs with b within
120 calendar days of a. Slow peers (workalendar, pandas, a day-by-day loop over
``holidays.DK``, numpy with ``holidays=`` per call) run on the first 2,000 pairs.
Each peer's answers are translated to frister's semantics and compared with
frister's; disagreements are counted and shown, never hidden.

The script prints PASS/FAIL against the team's performance targets but always
exits 0: it is a report, not a CI gate.
"""

from __future__ import annotations

import os
import platform
import random
import statistics
import subprocess
import sys
import time
import timeit
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from importlib.metadata import version
from typing import Any, Final

import holidays
import numpy as np
import numpy.typing as npt
from dateutil.easter import easter
from pandas.tseries.offsets import CustomBusinessDay
from workalendar.europe import Denmark

from frister import DanishCalendar

SEED: Final = 20261122
N: Final = 20_000
"""Inputs for frister and numpy."""
SLOW_N: Final = 2_000
"""Inputs (the first SLOW_N of the same lists) for the slow peers."""
FIRST: Final = date(2000, 1, 1)
LAST: Final = date(2050, 12, 31)
MAX_COUNT: Final = 60
"""n is drawn from -MAX_COUNT..MAX_COUNT."""
MAX_SPAN: Final = 120
"""b is drawn from a - MAX_SPAN .. a + MAX_SPAN calendar days."""
PEER_YEARS: Final = range(1999, 2052)
"""Years the peers' holiday lists cover: the inputs' years plus room for the results."""
WEEKMASK: Final = "1111100"
ROUNDS: Final = 7
"""Timing rounds; each round times every implementation in turn, so a burst of load
on a shared machine cannot land on all the samples of one implementation."""
FAST_REPEATS: Final = 3
"""Timed runs per round for the fast implementations (so 21 samples in all)."""
SLOW_REPEATS: Final = 1
"""Timed runs per round for the slow peers (7 samples in all)."""
SUBPROCESS_REPEATS: Final = 9
EXAMPLES: Final = 3

Dates64 = npt.NDArray[np.datetime64]
Ints64 = npt.NDArray[np.int64]


# -- inputs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Inputs:
    """The same inputs in the shapes each implementation takes."""

    add_pairs: list[tuple[date, int]]
    dates: list[date]
    counts: list[int]
    between_pairs: list[tuple[date, date]]
    starts: list[date]
    ends: list[date]
    add_pairs64: list[tuple[np.datetime64, int]]
    between_pairs64: list[tuple[np.datetime64, np.datetime64]]
    dates64: Dates64
    counts64: Ints64
    starts64: Dates64
    ends64: Dates64


def make_inputs() -> Inputs:
    """Seeded random inputs: the same on every run and machine."""
    rng = random.Random(SEED)
    first, last = FIRST.toordinal(), LAST.toordinal()
    dates = [date.fromordinal(rng.randint(first, last)) for _ in range(N)]
    counts = [rng.randint(-MAX_COUNT, MAX_COUNT) for _ in range(N)]
    starts = [date.fromordinal(rng.randint(first, last)) for _ in range(N)]
    ends = [a + timedelta(days=rng.randint(-MAX_SPAN, MAX_SPAN)) for a in starts]
    dates64 = np.array(dates, dtype="datetime64[D]")
    starts64 = np.array(starts, dtype="datetime64[D]")
    ends64 = np.array(ends, dtype="datetime64[D]")
    return Inputs(
        add_pairs=list(zip(dates, counts, strict=True)),
        dates=dates,
        counts=counts,
        between_pairs=list(zip(starts, ends, strict=True)),
        starts=starts,
        ends=ends,
        add_pairs64=list(zip(dates64, counts, strict=True)),
        between_pairs64=list(zip(starts64, ends64, strict=True)),
        dates64=dates64,
        counts64=np.array(counts, dtype=np.int64),
        starts64=starts64,
        ends64=ends64,
    )


# -- the implementations, each translated to frister's semantics ------------------------
#
# frister: add_working_days(d, n) does not count d; n == 0 returns d;
# working_days_between(a, b) counts (a, b], negative when b < a.


def frister_add(cal: DanishCalendar, pairs: Sequence[tuple[date, int]]) -> list[date]:
    add = cal.add_working_days
    return [add(d, n) for d, n in pairs]


def frister_between(cal: DanishCalendar, pairs: Sequence[tuple[date, date]]) -> list[int]:
    between = cal.working_days_between
    return [between(a, b) for a, b in pairs]


def numpy_add_scalar(
    pairs: Sequence[tuple[np.datetime64, int]], cal: np.busdaycalendar
) -> list[np.datetime64]:
    """One busday_offset call per date.

    numpy rolls a closed start before offsetting: roll backward for n > 0 and
    forward for n < 0 is "start not counted"; n == 0 is handled here.
    """
    offset = np.busday_offset
    return [
        offset(d, n, roll="backward", busdaycal=cal)
        if n > 0
        else offset(d, n, roll="forward", busdaycal=cal)
        if n < 0
        else d
        for d, n in pairs
    ]


def numpy_add_scalar_holidays(
    pairs: Sequence[tuple[np.datetime64, int]], hol: Dates64
) -> list[np.datetime64]:
    """As :func:`numpy_add_scalar`, passing weekmask= and holidays= on every call."""
    offset = np.busday_offset
    return [
        offset(d, n, roll="backward", weekmask=WEEKMASK, holidays=hol)
        if n > 0
        else offset(d, n, roll="forward", weekmask=WEEKMASK, holidays=hol)
        if n < 0
        else d
        for d, n in pairs
    ]


def numpy_between_scalar(
    pairs: Sequence[tuple[np.datetime64, np.datetime64]], cal: np.busdaycalendar
) -> list[int]:
    """One busday_count call per pair.

    busday_count(a, b) counts [a, b) when a <= b but -(b, a] when b < a (numpy
    shifts the half-open interval when it swaps the ends). frister's (a, b] is
    [a + 1, b + 1) going forward, and numpy's answer as it is going backward.
    """
    count = np.busday_count
    one = np.timedelta64(1, "D")
    return [
        int(count(a + one, b + one, busdaycal=cal) if a < b else count(a, b, busdaycal=cal))
        for a, b in pairs
    ]


def numpy_add_vectorized(dates: Dates64, counts: Ints64, cal: np.busdaycalendar) -> Dates64:
    """One busday_offset call over the whole array, translated.

    With roll='backward' everywhere, n > 0 is right as it is; for n < 0 from a
    closed day the roll back already took one step, so offset by n + 1; n == 0
    keeps the date.
    """
    closed = ~np.is_busday(dates, busdaycal=cal)
    offsets = counts + ((counts < 0) & closed)
    moved = np.busday_offset(dates, offsets, roll="backward", busdaycal=cal)
    kept: Dates64 = np.where(counts == 0, dates, moved)
    return kept


def numpy_add_untranslated(dates: Dates64, counts: Ints64, cal: np.busdaycalendar) -> Dates64:
    """busday_offset alone: a lower bound on numpy's time, not frister's answers."""
    return np.busday_offset(dates, counts, roll="backward", busdaycal=cal)


def numpy_add_from_lists(
    dates: Sequence[date], counts: Sequence[int], cal: np.busdaycalendar
) -> list[date]:
    """:func:`numpy_add_vectorized` from and to lists of dates, like frister's batch form."""
    dates64 = np.array(dates, dtype="datetime64[D]")
    counts64 = np.array(counts, dtype=np.int64)
    result: list[date] = numpy_add_vectorized(dates64, counts64, cal).tolist()
    return result


def numpy_between_vectorized(starts: Dates64, ends: Dates64, cal: np.busdaycalendar) -> Ints64:
    """One busday_count call over the arrays, shifted by a day where a < b (see above)."""
    shift = (starts < ends).astype("timedelta64[D]")
    counts: Ints64 = np.busday_count(starts + shift, ends + shift, busdaycal=cal)
    return counts


def numpy_between_from_lists(
    starts: Sequence[date], ends: Sequence[date], cal: np.busdaycalendar
) -> list[int]:
    starts64 = np.array(starts, dtype="datetime64[D]")
    ends64 = np.array(ends, dtype="datetime64[D]")
    result: list[int] = numpy_between_vectorized(starts64, ends64, cal).tolist()
    return result


def pandas_add(pairs: Sequence[tuple[date, int]], offset: Any) -> list[Any]:
    """``d + n * CustomBusinessDay``; pandas rolls a closed start even for n == 0, so skip it."""
    return [d + n * offset if n else d for d, n in pairs]


def workalendar_add(pairs: Sequence[tuple[date, int]], cal: Any) -> list[date]:
    return [cal.add_working_days(d, n) for d, n in pairs]


def workalendar_between(pairs: Sequence[tuple[date, date]], cal: Any) -> list[int]:
    """get_working_days_delta counts (min, max] whatever the order: give it frister's sign."""
    delta = cal.get_working_days_delta
    return [-delta(a, b) if b < a else delta(a, b) for a, b in pairs]


_DAY: Final = timedelta(days=1)


def _loop_add(hol: Any, d: date, n: int) -> date:
    step = _DAY if n > 0 else -_DAY
    left = abs(n)
    while left:
        d += step
        if d.weekday() < 5 and d not in hol:
            left -= 1
    return d


def _loop_between(hol: Any, a: date, b: date) -> int:
    lo, hi, sign = (a, b, 1) if a <= b else (b, a, -1)
    count = 0
    while lo < hi:
        lo += _DAY
        if lo.weekday() < 5 and lo not in hol:
            count += 1
    return sign * count


def holidays_loop_add(pairs: Sequence[tuple[date, int]], hol: Any) -> list[date]:
    return [_loop_add(hol, d, n) for d, n in pairs]


def holidays_loop_between(pairs: Sequence[tuple[date, date]], hol: Any) -> list[int]:
    return [_loop_between(hol, a, b) for a, b in pairs]


# -- the peers, built once --------------------------------------------------------------------


@dataclass(frozen=True)
class Peers:
    """frister's calendar and each peer's calendar object, built once before anything runs."""

    cal: DanishCalendar
    hol: Any
    """holidays.DK for PEER_YEARS, in Danish."""
    hol64: Dates64
    """The same helligdage as a datetime64 array."""
    busdaycal: np.busdaycalendar
    cbd: Any
    """pandas CustomBusinessDay with the same helligdage."""
    wk: Any
    """workalendar.europe.Denmark()."""

    @classmethod
    def build(cls) -> Peers:
        cal = DanishCalendar()
        cal.is_working_day(FIRST)  # build the tables before anything is timed
        hol = holidays.country_holidays("DK", years=PEER_YEARS, language="da")
        hol64 = np.array(sorted(hol), dtype="datetime64[D]")
        return cls(
            cal=cal,
            hol=hol,
            hol64=hol64,
            busdaycal=np.busdaycalendar(weekmask=WEEKMASK, holidays=hol64),
            cbd=CustomBusinessDay(holidays=sorted(hol)),
            wk=Denmark(),
        )


# -- agreement ------------------------------------------------------------------------------


def to_dates(values: Sequence[Any]) -> list[date]:
    """numpy datetime64 scalars and pandas Timestamps as plain dates."""
    out: list[date] = []
    for value in values:
        if isinstance(value, np.datetime64):
            out.append(value.astype("datetime64[D]").item())
        elif hasattr(value, "to_pydatetime"):
            out.append(value.to_pydatetime().date())
        else:
            out.append(value)
    return out


def compare(
    label: str,
    inputs: Sequence[tuple[date, Any]],
    expected: Sequence[object],
    got: Sequence[object],
    reason: Callable[[int], str],
) -> int:
    """Print the number of disagreements with frister and a few examples; return the count."""
    bad = [i for i, (e, g) in enumerate(zip(expected, got, strict=True)) if e != g]
    print(f"  {label}: {len(bad)} of {len(expected)} disagree")
    for i in bad[:EXAMPLES]:
        x, y = inputs[i]
        print(f"      ({x}, {y}): frister {expected[i]}, peer {got[i]} - {reason(i)}")
    return len(bad)


def unexpected(_: int) -> str:
    return "UNEXPECTED: this peer uses the same helligdage as frister"


def check_same_helligdage(inp: Inputs, p: Peers) -> int:
    """Peers built on holidays.DK must agree exactly; return the number of disagreements."""
    add_ref = frister_add(p.cal, inp.add_pairs)
    between_ref = frister_between(p.cal, inp.between_pairs)
    slow_add, slow_between = inp.add_pairs[:SLOW_N], inp.between_pairs[:SLOW_N]

    def add(label: str, got: Sequence[object]) -> int:
        return compare(label, inp.add_pairs, add_ref[: len(got)], got, unexpected)

    def between(label: str, got: Sequence[object]) -> int:
        return compare(label, inp.between_pairs, between_ref[: len(got)], got, unexpected)

    return sum(
        (
            add(
                "frister add_working_days_many", p.cal.add_working_days_many(inp.dates, inp.counts)
            ),
            between(
                "frister working_days_between_many",
                p.cal.working_days_between_many(inp.starts, inp.ends),
            ),
            add(
                "numpy busday_offset per call",
                to_dates(numpy_add_scalar(inp.add_pairs64, p.busdaycal)),
            ),
            add(
                "numpy busday_offset per call, holidays=",
                to_dates(numpy_add_scalar_holidays(inp.add_pairs64[:SLOW_N], p.hol64)),
            ),
            add(
                "numpy busday_offset vectorized",
                numpy_add_from_lists(inp.dates, inp.counts, p.busdaycal),
            ),
            between(
                "numpy busday_count per call",
                numpy_between_scalar(inp.between_pairs64, p.busdaycal),
            ),
            between(
                "numpy busday_count vectorized",
                numpy_between_from_lists(inp.starts, inp.ends, p.busdaycal),
            ),
            add("pandas CustomBusinessDay", to_dates(pandas_add(slow_add, p.cbd))),
            add("holidays.DK loop add", holidays_loop_add(slow_add, p.hol)),
            between("holidays.DK loop between", holidays_loop_between(slow_between, p.hol)),
        )
    )


def print_untranslated(inp: Inputs, p: Peers) -> None:
    """How many answers would differ without the translations: why they are needed."""
    add_ref = frister_add(p.cal, inp.add_pairs)
    between_ref = frister_between(p.cal, inp.between_pairs)
    naive_np: list[date] = np.busday_offset(
        inp.dates64, inp.counts64, roll="forward", busdaycal=p.busdaycal
    ).tolist()
    naive_count: list[int] = np.busday_count(
        inp.starts64, inp.ends64, busdaycal=p.busdaycal
    ).tolist()
    zero = [i for i, n in enumerate(inp.counts) if n == 0]
    naive_pd = sum(to_dates([inp.dates[i] + 0 * p.cbd])[0] != inp.dates[i] for i in zero)
    slow = inp.between_pairs[:SLOW_N]
    naive_wk = sum(
        p.wk.get_working_days_delta(a, b) != e
        for (a, b), e in zip(slow, between_ref[:SLOW_N], strict=True)
    )
    print("  without the translations these would differ from frister:")
    print(
        f"    numpy busday_offset(roll='forward') for every n:"
        f" {sum(x != y for x, y in zip(naive_np, add_ref, strict=True))} of {N};"
        f" busday_count(a, b) as it is:"
        f" {sum(x != y for x, y in zip(naive_count, between_ref, strict=True))} of {N}"
    )
    print(
        f"    pandas d + 0 * CustomBusinessDay: {naive_pd} of the {len(zero)} inputs with n == 0;"
        f" workalendar get_working_days_delta unsigned: {naive_wk} of {len(slow)}"
    )


KNOWN_24_DEC: Final = "24 Dec closed"
KNOWN_BEDEDAG: Final = "store bededag closed in 2024+"
OTHER: Final = "other"


def _day_kind(d: date) -> str:
    if (d.month, d.day) == (12, 24):
        return KNOWN_24_DEC
    if d.year >= 2024 and d == easter(d.year) + timedelta(days=26):
        return KNOWN_BEDEDAG
    return OTHER


@dataclass(frozen=True)
class WorkalendarDiff:
    """Days on which workalendar's Denmark and frister's default calendar differ."""

    days: dict[date, str]
    """Each day in PEER_YEARS the two disagree on, with its kind."""

    @classmethod
    def find(cls, cal: DanishCalendar, wk: Any) -> WorkalendarDiff:
        day, last = date(PEER_YEARS[0], 1, 1), date(PEER_YEARS[-1], 12, 31)
        days: dict[date, str] = {}
        while day <= last:
            frister_open = cal.is_working_day(day)
            if frister_open != wk.is_working_day(day):
                # A known kind only where workalendar closes a day frister keeps open.
                days[day] = _day_kind(day) if frister_open else OTHER
            day += _DAY
        return cls(days)

    def classify(self, lo: date, hi: date, reopened_agrees: Callable[[list[date]], bool]) -> str:
        """The kind of the differing days in [lo, hi].

        ``other`` unless they are all of a known kind and workalendar, with just
        those days reopened (``extra_working_days``), gives frister's answer.
        """
        found = {d: k for d, k in self.days.items() if lo <= d <= hi}
        kinds = set(found.values())
        if not kinds or OTHER in kinds or not reopened_agrees(sorted(found)):
            return OTHER
        return " and ".join(sorted(kinds))


def _workalendar_add_causes(
    inp: Inputs, p: Peers, diff: WorkalendarDiff, got: list[date]
) -> Counter[str]:
    pairs = inp.add_pairs[:SLOW_N]
    expected = frister_add(p.cal, pairs)
    reasons: dict[int, str] = {}
    for i, ((d, n), e, g) in enumerate(zip(pairs, expected, got, strict=True)):
        if e != g:

            def agrees(reopen: list[date], d: date = d, n: int = n, e: date = e) -> bool:
                return bool(p.wk.add_working_days(d, n, extra_working_days=reopen) == e)

            reasons[i] = diff.classify(min(d, e, g), max(d, e, g), agrees)
    compare("workalendar add_working_days", pairs, expected, got, reasons.__getitem__)
    return Counter(reasons.values())


def _workalendar_between_causes(
    inp: Inputs, p: Peers, diff: WorkalendarDiff, got: list[int]
) -> Counter[str]:
    pairs = inp.between_pairs[:SLOW_N]
    expected = frister_between(p.cal, pairs)
    reasons: dict[int, str] = {}
    for i, ((a, b), e, g) in enumerate(zip(pairs, expected, got, strict=True)):
        if e != g:

            def agrees(reopen: list[date], a: date = a, b: date = b, e: int = e) -> bool:
                count = p.wk.get_working_days_delta(a, b, extra_working_days=reopen)
                return bool((-count if b < a else count) == e)

            reasons[i] = diff.classify(min(a, b) + _DAY, max(a, b), agrees)
    compare("workalendar working_days_between", pairs, expected, got, reasons.__getitem__)
    return Counter(reasons.values())


def check_workalendar(inp: Inputs, p: Peers) -> int:
    """Compare workalendar with frister, classify every disagreement; return the 'other' count."""
    diff = WorkalendarDiff.find(p.cal, p.wk)
    per_kind = ", ".join(f"{k}: {v}" for k, v in sorted(Counter(diff.days.values()).items()))
    print(
        f"  workalendar Denmark treats {len(diff.days)} days of {PEER_YEARS[0]}-{PEER_YEARS[-1]}"
        f" differently from frister ({per_kind})"
    )
    add_causes = _workalendar_add_causes(
        inp, p, diff, workalendar_add(inp.add_pairs[:SLOW_N], p.wk)
    )
    between_causes = _workalendar_between_causes(
        inp, p, diff, workalendar_between(inp.between_pairs[:SLOW_N], p.wk)
    )
    for name, causes in (("add", add_causes), ("between", between_causes)):
        known = ", ".join(f"{k}: {v}" for k, v in sorted(causes.items()) if k != OTHER)
        other = causes[OTHER]
        print(f"    workalendar {name} disagreements by cause: {known or 'none'}; {OTHER}: {other}")
    return add_causes[OTHER] + between_causes[OTHER]


# -- timing ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    """One timed implementation: ``fn`` does ``count`` operations."""

    op: str
    key: str
    impl: str
    count: int
    repeat: int
    fn: Callable[[], object]


@dataclass(frozen=True)
class Row:
    op: str
    key: str
    impl: str
    count: int
    ns: float


ADD: Final = "add_working_days"
BETWEEN: Final = "working_days_between"
ADD_MANY: Final = "add (batch)"
BETWEEN_MANY: Final = "between (batch)"


def scalar_specs(inp: Inputs, p: Peers) -> list[Spec]:
    fast, slow = FAST_REPEATS, SLOW_REPEATS
    slow_add, slow_between = inp.add_pairs[:SLOW_N], inp.between_pairs[:SLOW_N]
    slow_add64 = inp.add_pairs64[:SLOW_N]
    return [
        Spec(
            ADD,
            "frister add",
            "frister DanishCalendar.add_working_days",
            N,
            fast,
            lambda: frister_add(p.cal, inp.add_pairs),
        ),
        Spec(
            ADD,
            "numpy add",
            "numpy busday_offset per call (busdaycalendar)",
            N,
            fast,
            lambda: numpy_add_scalar(inp.add_pairs64, p.busdaycal),
        ),
        Spec(
            ADD,
            "numpy add holidays",
            "numpy busday_offset per call (holidays=, weekmask=)",
            SLOW_N,
            slow,
            lambda: numpy_add_scalar_holidays(slow_add64, p.hol64),
        ),
        Spec(
            ADD,
            "pandas add",
            "pandas d + n * CustomBusinessDay(holidays=...)",
            SLOW_N,
            slow,
            lambda: pandas_add(slow_add, p.cbd),
        ),
        Spec(
            ADD,
            "holidays add",
            "day-by-day loop over holidays.DK",
            SLOW_N,
            slow,
            lambda: holidays_loop_add(slow_add, p.hol),
        ),
        Spec(
            ADD,
            "workalendar add",
            "workalendar Denmark.add_working_days",
            SLOW_N,
            slow,
            lambda: workalendar_add(slow_add, p.wk),
        ),
        Spec(
            BETWEEN,
            "frister between",
            "frister DanishCalendar.working_days_between",
            N,
            fast,
            lambda: frister_between(p.cal, inp.between_pairs),
        ),
        Spec(
            BETWEEN,
            "numpy between",
            "numpy busday_count per call (busdaycalendar)",
            N,
            fast,
            lambda: numpy_between_scalar(inp.between_pairs64, p.busdaycal),
        ),
        Spec(
            BETWEEN,
            "holidays between",
            "day-by-day loop over holidays.DK",
            SLOW_N,
            slow,
            lambda: holidays_loop_between(slow_between, p.hol),
        ),
        Spec(
            BETWEEN,
            "workalendar between",
            "workalendar Denmark.get_working_days_delta",
            SLOW_N,
            slow,
            lambda: workalendar_between(slow_between, p.wk),
        ),
    ]


def batch_specs(inp: Inputs, p: Peers) -> list[Spec]:
    fast = FAST_REPEATS
    return [
        Spec(
            ADD_MANY,
            "frister add many",
            "frister add_working_days_many(list, list)",
            N,
            fast,
            lambda: p.cal.add_working_days_many(inp.dates, inp.counts),
        ),
        Spec(
            ADD_MANY,
            "numpy add vec",
            "numpy busday_offset vectorized, translated (datetime64)",
            N,
            fast,
            lambda: numpy_add_vectorized(inp.dates64, inp.counts64, p.busdaycal),
        ),
        Spec(
            ADD_MANY,
            "numpy add vec lists",
            "numpy busday_offset vectorized, list[date] in/out",
            N,
            fast,
            lambda: numpy_add_from_lists(inp.dates, inp.counts, p.busdaycal),
        ),
        Spec(
            ADD_MANY,
            "numpy add vec raw",
            "numpy busday_offset alone (not translated; a floor)",
            N,
            fast,
            lambda: numpy_add_untranslated(inp.dates64, inp.counts64, p.busdaycal),
        ),
        Spec(
            BETWEEN_MANY,
            "frister between many",
            "frister working_days_between_many(list, list)",
            N,
            fast,
            lambda: p.cal.working_days_between_many(inp.starts, inp.ends),
        ),
        Spec(
            BETWEEN_MANY,
            "numpy between vec",
            "numpy busday_count vectorized, translated (datetime64)",
            N,
            fast,
            lambda: numpy_between_vectorized(inp.starts64, inp.ends64, p.busdaycal),
        ),
        Spec(
            BETWEEN_MANY,
            "numpy between vec lists",
            "numpy busday_count vectorized, list[date] in/out",
            N,
            fast,
            lambda: numpy_between_from_lists(inp.starts, inp.ends, p.busdaycal),
        ),
        Spec(
            BETWEEN_MANY,
            "numpy between vec raw",
            "numpy busday_count alone (not translated; a floor)",
            N,
            fast,
            lambda: np.busday_count(inp.starts64, inp.ends64, busdaycal=p.busdaycal),
        ),
    ]


def time_all(inp: Inputs, p: Peers) -> list[Row]:
    """Time every implementation, best of all its runs over the rounds; rows in table order."""
    specs = [*scalar_specs(inp, p), *batch_specs(inp, p)]
    best = [float("inf")] * len(specs)
    for _ in range(ROUNDS):
        for k, spec in enumerate(specs):
            runs = timeit.repeat(spec.fn, number=1, repeat=spec.repeat)  # gc off while timed
            best[k] = min(best[k], *runs)
    return [
        Row(s.op, s.key, s.impl, s.count, seconds / s.count * 1e9)
        for s, seconds in zip(specs, best, strict=True)
    ]


# -- startup --------------------------------------------------------------------------------


def run_subprocess(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=True)


def wall_ms(code: str) -> float:
    t0 = time.perf_counter()
    run_subprocess([sys.executable, "-c", code])
    return (time.perf_counter() - t0) * 1e3


def importtime_ms() -> float:
    """frister's cumulative time in ``python -X importtime -c 'import frister'``."""
    err = run_subprocess([sys.executable, "-X", "importtime", "-c", "import frister"]).stderr
    for line in err.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[2].strip() == "frister":
            return int(parts[1]) / 1e3
    raise RuntimeError("no 'frister' line in the -X importtime output")


_BUILD_CODE: Final = """
import time
from datetime import date
import frister
default, citizen = frister.DanishCalendar(), frister.DanishCalendar.for_citizen_deadlines()
t0 = time.perf_counter()
default.is_working_day(date(2024, 1, 2))
t1 = time.perf_counter()
citizen.is_working_day(date(2024, 1, 2))
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""

_LOADED_CODE: Final = """
import sys
import frister
print(" ".join(m for m in ("holidays", "numpy", "pandas", "dateutil", "attrs") if m in sys.modules))
"""


@dataclass(frozen=True)
class StartupCosts:
    import_ms: float
    bare_ms: float
    importtime_ms: float
    build_ms: float
    second_build_ms: float
    loaded: str


def measure_startup() -> StartupCosts:
    bare: list[float] = []
    imported: list[float] = []
    for _ in range(SUBPROCESS_REPEATS):  # interleaved, so drift hits both alike
        bare.append(wall_ms("pass"))
        imported.append(wall_ms("import frister"))
    cumulative = [importtime_ms() for _ in range(SUBPROCESS_REPEATS)]
    builds = [
        [float(x) for x in run_subprocess([sys.executable, "-c", _BUILD_CODE]).stdout.split()]
        for _ in range(SUBPROCESS_REPEATS)
    ]
    loaded = run_subprocess([sys.executable, "-c", _LOADED_CODE]).stdout.strip()
    return StartupCosts(
        import_ms=statistics.median(imported) - statistics.median(bare),
        bare_ms=statistics.median(bare),
        importtime_ms=statistics.median(cumulative),
        build_ms=statistics.median(b[0] for b in builds) * 1e3,
        second_build_ms=statistics.median(b[1] for b in builds) * 1e3,
        loaded=loaded or "none",
    )


def print_startup(s: StartupCosts) -> None:
    print(f"\nstartup (fresh subprocesses, median of {SUBPROCESS_REPEATS}):")
    print(
        f"  import frister: {s.import_ms:.0f} ms (python -c 'import frister' minus a bare"
        f" python start of {s.bare_ms:.0f} ms); -X importtime cumulative {s.importtime_ms:.0f} ms;"
        f" of holidays/numpy/pandas/dateutil/attrs the import loads: {s.loaded}"
    )
    print(
        f"  table build (first is_working_day on a fresh DanishCalendar()): {s.build_ms:.0f} ms;"
        f" a second configuration after it (for_citizen_deadlines): {s.second_build_ms:.0f} ms"
    )


# -- report ---------------------------------------------------------------------------------


def print_table(rows: list[Row]) -> None:
    baseline = {r.op: r.ns for r in rows if r.key.startswith("frister")}
    header = f"{'operation':<21} {'implementation':<56} {'inputs':>6} {'ns/op':>8} {'peer/fr':>8}"
    print(header)
    print("-" * len(header))
    last_op = ""
    for row in rows:
        op = row.op if row.op != last_op else ""
        last_op = row.op
        ratio = row.ns / baseline[row.op]
        print(f"{op:<21} {row.impl:<56} {row.count:>6} {row.ns:>8,.0f} {ratio:>7.2f}x")
    print("peer/fr = the row's ns/op over frister's for the operation (above 1: frister is faster)")


def faster(peer_ns: float, frister_ns: float) -> str:
    ratio = peer_ns / frister_ns
    return f"{ratio:.1f}x faster than" if ratio >= 1 else f"{1 / ratio:.1f}x SLOWER than"


def print_summary(ns: dict[str, float]) -> None:
    print("\nsummary:")
    for op, key in ((ADD, "add"), (BETWEEN, "between")):
        f = ns[f"frister {key}"]
        pandas = f", {faster(ns['pandas add'], f)} pandas" if key == "add" else ""
        print(
            f"  frister {op} is {faster(ns[f'workalendar {key}'], f)} workalendar,"
            f" {faster(ns[f'numpy {key}'], f)} scalar numpy,"
            f" {faster(ns[f'holidays {key}'], f)} a holidays.DK loop{pandas}"
        )
    for op, key in ((ADD, "add"), (BETWEEN, "between")):
        fb, vec, lists = (
            ns[f"frister {key} many"],
            ns[f"numpy {key} vec"],
            ns[f"numpy {key} vec lists"],
        )
        print(
            f"  frister {op}_many {fb:.0f} ns/date vs numpy vectorized {vec:.0f} ns/date"
            f" (frister/numpy {fb / vec:.1f}); numpy from and to list[date]: {lists:.0f} ns/date"
            f" (frister/numpy {fb / lists:.2f})"
        )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_targets(
    ns: dict[str, float], startup: StartupCosts, unexpected_total: int, wk_other: int
) -> None:
    print("\ntargets (a report, not a gate: the script exits 0 either way):")
    for op, key in ((ADD, "add"), (BETWEEN, "between")):
        f = ns[f"frister {key}"]
        wk, sc = ns[f"workalendar {key}"] / f, ns[f"numpy {key}"] / f
        print(f"  {verdict(wk >= 100)}  {op} >= 100x faster than workalendar: {wk:.0f}x")
        print(f"  {verdict(sc >= 5)}  {op} >= 5x faster than scalar numpy: {sc:.1f}x")
    for op, key in ((ADD, "add"), (BETWEEN, "between")):
        fb, vec = ns[f"frister {key} many"], ns[f"numpy {key} vec"]
        print(
            f"  {verdict(fb <= 3 * vec)}  {op}_many <= 3x numpy vectorized per date:"
            f" {fb:.0f} vs {vec:.0f} ns ({fb / vec:.1f}x)"
        )
    ms = startup.import_ms
    print(f"  {verdict(ms < 150)}  import frister < 150 ms: {ms:.0f} ms")
    print(
        f"  {verdict(unexpected_total == 0)}  agreement: frister's batch forms, numpy, pandas and"
        f" the holidays.DK loop give frister's answers: {unexpected_total} disagreements"
    )
    print(
        f"  {verdict(wk_other == 0)}  agreement: every workalendar disagreement is 24 Dec or"
        f" store bededag 2024+: {wk_other} other"
    )


def print_header() -> None:
    print("frister calendar benchmark")
    print(
        f"python {platform.python_version()} ({platform.system()} {platform.machine()},"
        f" {os.cpu_count()} cores); frister {version('frister')}, numpy {np.__version__},"
        f" pandas {version('pandas')}, workalendar {version('workalendar')},"
        f" holidays {version('holidays')}"
    )
    print(
        f"inputs (seed {SEED}): {N:,} (date, n) with dates {FIRST}..{LAST} and n in"
        f" -{MAX_COUNT}..{MAX_COUNT}; {N:,} (a, b) with |b - a| <= {MAX_SPAN} calendar days"
    )
    print(
        f"the slow peers (workalendar, pandas, the holidays.DK loop, numpy with holidays= per"
        f" call) run on the first {SLOW_N:,} of the same inputs"
    )


def main() -> int:
    started = time.perf_counter()
    print_header()
    inp = make_inputs()
    peers = Peers.build()
    print("\nagreement with frister (each peer translated to frister's semantics):")
    unexpected_total = check_same_helligdage(inp, peers)
    wk_other = check_workalendar(inp, peers)
    print_untranslated(inp, peers)
    print(
        f"\ntiming: ns per date or pair, best of {ROUNDS * FAST_REPEATS} runs"
        f" ({ROUNDS * SLOW_REPEATS} for the slow peers) interleaved over {ROUNDS} rounds"
    )
    rows = time_all(inp, peers)
    print_table(rows)
    startup = measure_startup()
    print_startup(startup)
    ns = {r.key: r.ns for r in rows}
    print_summary(ns)
    print_targets(ns, startup, unexpected_total, wk_other)
    print(f"\ntotal run time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
