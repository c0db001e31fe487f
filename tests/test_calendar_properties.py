"""Properties of DanishCalendar, checked against ``tests/reference.py`` and against itself.

The exhaustive checks (every supported date, every supported year) are plain
loops; the rest are hypothesis properties, drawing with ``frister.testing``'s
strategies, which are themselves tested at the end.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import reference
from frister import DanishCalendar, DateOutOfRangeError, ExtraClosedDay
from frister.calendar import FIRST_SUPPORTED, LAST_SUPPORTED, ClosedDayKind
from frister.testing import calendars, closed_days, supported_dates, working_days
from reference import ReferenceCalendar

ONE_DAY = timedelta(days=1)
DEFAULT = DanishCalendar()
ALL_EXTRAS = DanishCalendar(extra_closed_days=list(ExtraClosedDay))
YEARS = range(FIRST_SUPPORTED.year, LAST_SUPPORTED.year + 1)

# Counts of up to 300 working days span at most ~430 calendar days, so starts drawn
# from this narrower range never leave the supported range.
INNER = supported_dates(date(1902, 1, 1), date(2198, 12, 31))
COUNTS = st.integers(-300, 300)
POSITIVE_COUNTS = st.integers(1, 300)


@cache
def reference_for(calendar: DanishCalendar) -> ReferenceCalendar:
    """The reference calendar with the same extra closed days (matched by member name)."""
    assert calendar.local_closed_days == (), "the reference has no local days"
    return ReferenceCalendar(day.name for day in calendar.extra_closed_days)


def add_or_none(calendar: DanishCalendar, d: date, n: int) -> date | None:
    """``add_working_days``, or None where the result would leave the supported range."""
    try:
        return calendar.add_working_days(d, n)
    except DateOutOfRangeError:
        return None


# -- the reference itself -------------------------------------------------------------


def test_reference_easter_matches_the_research_table() -> None:
    # research-calendar.md section 2.1, Easter column (hand-checked facts).
    table = {
        2020: date(2020, 4, 12),
        2021: date(2021, 4, 4),
        2022: date(2022, 4, 17),
        2023: date(2023, 4, 9),
        2024: date(2024, 3, 31),
        2025: date(2025, 4, 20),
        2026: date(2026, 4, 5),
        2027: date(2027, 3, 28),
        2028: date(2028, 4, 16),
        2029: date(2029, 4, 1),
        2030: date(2030, 4, 21),
    }
    assert {year: reference.easter_sunday(year) for year in table} == table


def test_reference_easter_is_a_sunday_between_22_march_and_25_april() -> None:
    for year in YEARS:
        easter = reference.easter_sunday(year)
        assert easter.weekday() == 6, year
        assert date(year, 3, 22) <= easter <= date(year, 4, 25), year


def test_reference_knows_the_same_extra_days_as_frister() -> None:
    assert {day.name for day in ExtraClosedDay} == reference.ALL_EXTRAS


# -- exhaustive agreement with the reference ------------------------------------------


@pytest.mark.parametrize("calendar", [DEFAULT, ALL_EXTRAS], ids=["default", "all-extras"])
def test_every_supported_date_agrees_with_the_reference(calendar: DanishCalendar) -> None:
    """is_working_day and the kind closed_day gives, for all ~110,000 supported dates."""
    ref = reference_for(calendar)
    mismatches: list[tuple[date, ClosedDayKind | None, ClosedDayKind | None]] = []
    for year in YEARS:
        helligdage = frozenset(reference.helligdage(year))
        extras = frozenset(reference.extra_days(year, ref.extras)) - helligdage
        d = date(year, 1, 1)
        while d.year == year:
            expected: ClosedDayKind | None
            if d in helligdage:
                expected = ClosedDayKind.HELLIGDAG
            elif d in extras:
                expected = ClosedDayKind.EXTRA
            elif d.weekday() >= 5:
                expected = ClosedDayKind.WEEKEND
            else:
                expected = None
            closed = calendar.closed_day(d)
            actual = None if closed is None else closed.kind
            working = calendar.is_working_day(d)
            if actual != expected or working != (expected is None):
                mismatches.append((d, expected, actual))
            d += ONE_DAY
    shown = [
        f"{d}: expected {'working' if e is None else e.value}, got "
        f"{'working' if a is None else a.value}"
        for d, e, a in mismatches[:5] + mismatches[-3:]
    ]
    assert not mismatches, (
        f"{len(mismatches)} dates disagree with the reference, "
        f"{mismatches[0][0] if mismatches else ''} to {mismatches[-1][0] if mismatches else ''}: "
        + "; ".join(shown)
    )


@pytest.mark.parametrize("calendar", [DEFAULT, ALL_EXTRAS], ids=["default", "all-extras"])
def test_holidays_of_every_year_agree_with_the_reference(calendar: DanishCalendar) -> None:
    ref = reference_for(calendar)
    wrong_years = [
        year for year in YEARS if dict(calendar.holidays(year)) != ref.named_closed_days(year)
    ]
    assert not wrong_years, (
        f"holidays(year) differs from the reference in {len(wrong_years)} years: "
        f"{wrong_years[:5]} ... {wrong_years[-3:]}"
    )


def test_holiday_counts_per_year() -> None:
    # 11 helligdage up to and including 2023, 10 from 2024 (none coincides: all
    # movable ones are distinct offsets from Easter in March-June).
    counts = {year: len(DEFAULT.holidays(year)) for year in YEARS}
    assert {year: c for year, c in counts.items() if c != (11 if year <= 2023 else 10)} == {}


# -- add_working_days -----------------------------------------------------------------


@given(calendar=calendars(), d=INNER, n=POSITIVE_COUNTS)
def test_forward_lands_on_a_working_day_n_working_days_later(
    calendar: DanishCalendar, d: date, n: int
) -> None:
    result = calendar.add_working_days(d, n)
    assert result > d
    assert calendar.is_working_day(result)
    assert calendar.working_days_between(d, result) == n


@given(calendar=calendars(), d=INNER, n=POSITIVE_COUNTS)
def test_backward_lands_on_a_working_day_n_working_days_earlier(
    calendar: DanishCalendar, d: date, n: int
) -> None:
    # "The n-th working day before d, d not counted": [result, d) holds n working days.
    # working_days_between counts (result, d], which drops result (a working day) and
    # adds d if d is a working day: n - 1 + is_working_day(d).
    result = calendar.add_working_days(d, -n)
    assert result < d
    assert calendar.is_working_day(result)
    expected = n - 1 + int(calendar.is_working_day(d))
    assert calendar.working_days_between(result, d) == expected
    assert calendar.working_days_between(result - ONE_DAY, d - ONE_DAY) == n


@given(calendar=calendars(), d=INNER, n=POSITIVE_COUNTS)
def test_counting_back_returns_to_roll_backward(calendar: DanishCalendar, d: date, n: int) -> None:
    # The docstring's promise.
    there = calendar.add_working_days(d, n)
    assert calendar.add_working_days(there, -n) == calendar.roll_backward(d)


@given(calendar=calendars(), d=INNER, n=POSITIVE_COUNTS)
def test_counting_forward_again_returns_to_roll_forward(
    calendar: DanishCalendar, d: date, n: int
) -> None:
    # The mirror image: back n, then forward n, ends on roll_forward(d).
    there = calendar.add_working_days(d, -n)
    assert calendar.add_working_days(there, n) == calendar.roll_forward(d)


@given(calendar=calendars(), d=INNER, n=COUNTS)
def test_add_splits(calendar: DanishCalendar, d: date, n: int) -> None:
    # Adding n in two steps of the same sign, from a working day, is adding n at once.
    start = calendar.roll_forward(d)
    k = n // 2
    assert calendar.add_working_days(calendar.add_working_days(start, k), n - k) == (
        calendar.add_working_days(start, n)
    )


@given(calendar=calendars(), d1=INNER, d2=INNER, n=COUNTS)
def test_add_is_monotone_in_the_start(calendar: DanishCalendar, d1: date, d2: date, n: int) -> None:
    d1, d2 = min(d1, d2), max(d1, d2)
    assert calendar.add_working_days(d1, n) <= calendar.add_working_days(d2, n)


@given(calendar=calendars(), d=INNER, delta=st.integers(0, 20), n=COUNTS)
def test_add_is_monotone_in_nearby_starts(
    calendar: DanishCalendar, d: date, delta: int, n: int
) -> None:
    # Starts close together (across weekends and holidays) are where monotonicity bites.
    later = d + timedelta(days=delta)
    assert calendar.add_working_days(d, n) <= calendar.add_working_days(later, n)


@given(calendar=calendars(), d=INNER, n1=COUNTS, n2=COUNTS)
def test_add_is_strictly_increasing_in_n(
    calendar: DanishCalendar, d: date, n1: int, n2: int
) -> None:
    assume(n1 != n2)
    n1, n2 = min(n1, n2), max(n1, n2)
    assert calendar.add_working_days(d, n1) < calendar.add_working_days(d, n2)


@given(calendar=calendars(), d=INNER, n=st.integers(-1, 1))
def test_one_step_is_the_next_or_previous_working_day(
    calendar: DanishCalendar, d: date, n: int
) -> None:
    result = calendar.add_working_days(d, n)
    if n == 0:
        assert result == d
    elif n == 1:
        assert result == calendar.roll_forward(d + ONE_DAY)
    else:
        assert result == calendar.roll_backward(d - ONE_DAY)


# -- working_days_between -------------------------------------------------------------


@given(calendar=calendars(), a=supported_dates(), b=supported_dates())
def test_between_is_antisymmetric(calendar: DanishCalendar, a: date, b: date) -> None:
    assert calendar.working_days_between(a, b) == -calendar.working_days_between(b, a)
    assert calendar.working_days_between(a, a) == 0


@given(calendar=calendars(), a=supported_dates(), b=supported_dates(), c=supported_dates())
def test_between_is_additive(calendar: DanishCalendar, a: date, b: date, c: date) -> None:
    between = calendar.working_days_between
    assert between(a, b) + between(b, c) == between(a, c)


@given(calendar=calendars(), a=supported_dates(), b=supported_dates())
def test_between_sign_and_bounds(calendar: DanishCalendar, a: date, b: date) -> None:
    count = calendar.working_days_between(a, b)
    span = (b - a).days
    if span >= 0:
        assert 0 <= count <= span
    else:
        assert span <= count <= 0


@given(calendar=calendars(), d=supported_dates())
def test_between_consecutive_days_is_whether_the_second_is_a_working_day(
    calendar: DanishCalendar, d: date
) -> None:
    assume(d < LAST_SUPPORTED)
    following = d + ONE_DAY
    assert calendar.working_days_between(d, following) == int(calendar.is_working_day(following))


# -- roll_forward and roll_backward ---------------------------------------------------


@given(calendar=calendars(), d=supported_dates(max_value=date(2200, 12, 1)))
def test_roll_forward(calendar: DanishCalendar, d: date) -> None:
    rolled = calendar.roll_forward(d)
    assert rolled >= d
    assert calendar.is_working_day(rolled)
    day = d
    while day < rolled:
        assert not calendar.is_working_day(day), day
        day += ONE_DAY
    assert (rolled == d) == calendar.is_working_day(d)
    assert calendar.working_days_between(d, rolled) == int(rolled != d)


@given(calendar=calendars(), d=supported_dates(min_value=date(1900, 2, 1)))
def test_roll_backward(calendar: DanishCalendar, d: date) -> None:
    rolled = calendar.roll_backward(d)
    assert rolled <= d
    assert calendar.is_working_day(rolled)
    day = d
    while day > rolled:
        assert not calendar.is_working_day(day), day
        day -= ONE_DAY
    assert (rolled == d) == calendar.is_working_day(d)
    assert calendar.working_days_between(rolled, d) == 0


# -- agreement with the reference on random inputs ------------------------------------


@given(calendar=calendars(), d=supported_dates(), n=COUNTS)
def test_add_agrees_with_the_reference(calendar: DanishCalendar, d: date, n: int) -> None:
    expected = reference_for(calendar).add_working_days(d, n)
    if FIRST_SUPPORTED <= expected <= LAST_SUPPORTED:
        assert calendar.add_working_days(d, n) == expected
    else:
        with pytest.raises(DateOutOfRangeError):
            calendar.add_working_days(d, n)


@given(calendar=calendars(), a=supported_dates(), span=st.integers(-1000, 1000))
def test_between_agrees_with_the_reference(calendar: DanishCalendar, a: date, span: int) -> None:
    b = a + timedelta(days=span)
    assume(FIRST_SUPPORTED <= b <= LAST_SUPPORTED)
    expected = reference_for(calendar).working_days_between(a, b)
    assert calendar.working_days_between(a, b) == expected


@given(calendar=calendars(), d=supported_dates(date(1900, 2, 1), date(2200, 12, 1)))
def test_rolls_agree_with_the_reference(calendar: DanishCalendar, d: date) -> None:
    ref = reference_for(calendar)
    assert calendar.roll_forward(d) == ref.roll_forward(d)
    assert calendar.roll_backward(d) == ref.roll_backward(d)


@given(
    calendar=calendars(),
    dates=st.lists(supported_dates(), max_size=20),
    data=st.data(),
)
def test_batches_agree_with_the_scalar_forms(
    calendar: DanishCalendar, dates: list[date], data: st.DataObject
) -> None:
    counts = data.draw(st.lists(COUNTS, min_size=len(dates), max_size=len(dates)))
    ends = data.draw(st.lists(supported_dates(), min_size=len(dates), max_size=len(dates)))
    expected = [add_or_none(calendar, d, n) for d, n in zip(dates, counts, strict=True)]
    if None in expected:
        with pytest.raises(DateOutOfRangeError):
            calendar.add_working_days_many(dates, counts)
    else:
        assert calendar.add_working_days_many(dates, counts) == expected
    assert calendar.working_days_between_many(dates, ends) == [
        calendar.working_days_between(a, b) for a, b in zip(dates, ends, strict=True)
    ]


# -- extras only ever close more ------------------------------------------------------


@given(calendar=calendars(), d=supported_dates())
def test_extras_close_a_superset(calendar: DanishCalendar, d: date) -> None:
    if not DEFAULT.is_working_day(d):
        assert not calendar.is_working_day(d)
    if not calendar.is_working_day(d):
        assert not ALL_EXTRAS.is_working_day(d)


@given(calendar=calendars(), year=st.sampled_from(YEARS))
def test_extras_list_a_superset_of_holidays(calendar: DanishCalendar, year: int) -> None:
    default = DEFAULT.holidays(year)
    extended = calendar.holidays(year)
    assert default.items() <= extended.items()
    assert set(extended) <= set(ALL_EXTRAS.holidays(year))


@given(calendar=calendars(), a=INNER, b=INNER)
def test_extras_count_no_more_working_days(calendar: DanishCalendar, a: date, b: date) -> None:
    a, b = min(a, b), max(a, b)
    assert calendar.working_days_between(a, b) <= DEFAULT.working_days_between(a, b)


# -- frister.testing's strategies -----------------------------------------------------


@given(d=supported_dates())
def test_supported_dates_stay_in_range(d: date) -> None:
    assert FIRST_SUPPORTED <= d <= LAST_SUPPORTED


@given(data=st.data(), low=st.dates(), high=st.dates())
def test_narrowed_supported_dates_stay_in_both_ranges(
    data: st.DataObject, low: date, high: date
) -> None:
    lo = max(low, FIRST_SUPPORTED)
    hi = min(high, LAST_SUPPORTED)
    assume(lo <= hi)
    d = data.draw(supported_dates(low, high))
    assert FIRST_SUPPORTED <= d <= LAST_SUPPORTED
    assert low <= d <= high


@given(d=working_days())
def test_working_days_yields_working_days(d: date) -> None:
    assert DEFAULT.is_working_day(d)
    assert FIRST_SUPPORTED <= d <= LAST_SUPPORTED


@given(data=st.data(), calendar=calendars(), low=INNER, width=st.integers(14, 400))
def test_working_days_of_a_calendar_in_a_range(
    data: st.DataObject, calendar: DanishCalendar, low: date, width: int
) -> None:
    high = low + timedelta(days=width)
    d = data.draw(working_days(calendar, low, high))
    assert calendar.is_working_day(d)
    assert low <= d <= high


@given(d=closed_days())
def test_closed_days_yields_closed_days(d: date) -> None:
    assert not DEFAULT.is_working_day(d)
    assert DEFAULT.closed_day(d) is not None
    assert FIRST_SUPPORTED <= d <= LAST_SUPPORTED


@given(data=st.data(), calendar=calendars(), low=INNER, width=st.integers(14, 400))
def test_closed_days_of_a_calendar_in_a_range(
    data: st.DataObject, calendar: DanishCalendar, low: date, width: int
) -> None:
    high = low + timedelta(days=width)
    d = data.draw(closed_days(calendar, low, high))
    assert not calendar.is_working_day(d)
    assert low <= d <= high


@given(calendar=calendars())
def test_calendars_draws_extra_only_calendars(calendar: DanishCalendar) -> None:
    assert calendar.local_closed_days == ()
    assert set(calendar.extra_closed_days) <= set(ExtraClosedDay)
    assert calendar == DanishCalendar(extra_closed_days=calendar.extra_closed_days)
