"""Properties of fristberegning that hold for every trigger, duration and calendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from frister import (
    DanishCalendar,
    Deadline,
    Direction,
    Duration,
    ExtraClosedDay,
    MonthRule,
    Roll,
    Unit,
    birthday,
    compute_deadline,
    default_catalog,
)
from frister.calendar import FIRST_SUPPORTED, LAST_SUPPORTED, Language
from frister.deadlines import ClockChange, Count
from frister.testing import aware_datetimes, calendars, durations, supported_dates

CPH = ZoneInfo("Europe/Copenhagen")
DAY_UNITS = (Unit.DAYS, Unit.WORKING_DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS)
# Triggers far enough from the range's ends that 60 years either way stay inside it
# (and the roll to a working day never leaves it).
AFTER_TRIGGERS = supported_dates(date(1900, 1, 8), date(2135, 12, 31))
BEFORE_TRIGGERS = supported_dates(date(1965, 1, 1), date(2200, 12, 20))
MONTH_RULES = st.sampled_from([MonthRule.SAME_DAY_OR_MONTH_END, MonthRule.MONTH_END_TO_MONTH_END])
ROLL_CALENDARS = calendars()
LANGUAGES: tuple[Language, ...] = ("da", "en")

_DA_WEEKDAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
# Danish abbreviations end in a full stop, except "maj", which is not shortened.
_DA_MONTHS = (
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
)
_EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _is_month_end(d: date) -> bool:
    return (d + timedelta(days=1)).day == 1


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _nominal(deadline: Deadline) -> date:
    """The computed day before any roll: the last Count step's result."""
    counts = [step for step in deadline.steps if isinstance(step, Count)]
    result = counts[-1].result
    assert isinstance(result, date)
    return result


def _render(moment: date | datetime, lang: Language) -> str:
    """A date or moment as explanations print it, written out independently of frister."""
    local = moment.astimezone(CPH) if isinstance(moment, datetime) else None
    d = local.date() if local is not None else moment
    if lang == "da":
        text = f"{_DA_WEEKDAYS[d.weekday()]}. {d.day}. {_DA_MONTHS[d.month - 1]} {d.year}"
    else:
        text = f"{_EN_WEEKDAYS[d.weekday()]} {d.day} {_EN_MONTHS[d.month - 1]} {d.year}"
    if local is None:
        return text
    clock = f"{local:%H:%M} ({local.tzname()})"
    return f"{text} kl. {clock}" if lang == "da" else f"{text} {clock}"


# -- months and years ---------------------------------------------------------------


@given(AFTER_TRIGGERS, st.integers(0, 120))
def test_months_never_overshoot_the_target_month(trigger: date, n: int) -> None:
    due = compute_deadline(trigger, Duration(n, Unit.MONTHS), roll=Roll.KEEP).due
    assert isinstance(due, date)
    assert _month_index(due) == _month_index(trigger) + n
    assert due.month == (trigger.month - 1 + n) % 12 + 1
    assert due.day <= trigger.day
    # A smaller day only when the target month is too short: then its last day.
    if due.day < trigger.day:
        assert _is_month_end(due)


@given(BEFORE_TRIGGERS, st.integers(0, 120))
def test_months_before_an_anchor_never_overshoot_either(anchor: date, n: int) -> None:
    due = compute_deadline(
        anchor, Duration(n, Unit.MONTHS), roll=Roll.KEEP, direction=Direction.BEFORE
    ).due
    assert isinstance(due, date)
    assert _month_index(due) == _month_index(anchor) - n
    assert due.day <= anchor.day
    if due.day < anchor.day:
        assert _is_month_end(due)


@given(AFTER_TRIGGERS, st.integers(0, 120))
def test_month_end_variant_lands_on_a_month_end_from_a_month_end(trigger: date, n: int) -> None:
    due = compute_deadline(
        trigger, Duration(n, Unit.MONTHS), roll=Roll.KEEP, months=MonthRule.MONTH_END_TO_MONTH_END
    ).due
    assert isinstance(due, date)
    assert _month_index(due) == _month_index(trigger) + n
    if _is_month_end(trigger):
        assert _is_month_end(due)
    else:
        assert due.day <= trigger.day


@given(AFTER_TRIGGERS, AFTER_TRIGGERS, st.integers(0, 60), MONTH_RULES)
def test_months_are_monotone_in_the_start(d1: date, d2: date, n: int, rule: MonthRule) -> None:
    early, late = sorted((d1, d2))
    duration = Duration(n, Unit.MONTHS)
    due_early = compute_deadline(early, duration, roll=Roll.KEEP, months=rule).due
    due_late = compute_deadline(late, duration, roll=Roll.KEEP, months=rule).due
    assert isinstance(due_early, date)
    assert isinstance(due_late, date)
    assert due_early <= due_late


@given(AFTER_TRIGGERS, st.integers(0, 60), st.integers(0, 60), MONTH_RULES)
def test_months_are_monotone_in_n(trigger: date, n1: int, n2: int, rule: MonthRule) -> None:
    small, large = sorted((n1, n2))
    due_small = compute_deadline(trigger, Duration(small, Unit.MONTHS), roll=Roll.KEEP, months=rule)
    due_large = compute_deadline(trigger, Duration(large, Unit.MONTHS), roll=Roll.KEEP, months=rule)
    assert isinstance(due_small.due, date)
    assert isinstance(due_large.due, date)
    assert due_small.due <= due_large.due


@given(AFTER_TRIGGERS, st.integers(0, 60), MONTH_RULES)
def test_years_keep_the_anniversary(trigger: date, n: int, rule: MonthRule) -> None:
    due = compute_deadline(trigger, Duration(n, Unit.YEARS), roll=Roll.KEEP, months=rule).due
    assert isinstance(due, date)
    assert due.year == trigger.year + n
    assert due.month == trigger.month
    if (trigger.month, trigger.day) == (2, 29) and not _is_leap(due.year):
        assert due.day == 28
    else:
        assert due.day == trigger.day


@given(supported_dates(date(1900, 1, 1), date(2099, 12, 31)), st.integers(0, 100))
def test_birthday_is_the_anniversary(birth: date, age: int) -> None:
    due = birthday(birth, age).due
    assert isinstance(due, date)
    assert due.year == birth.year + age
    assert due.month == birth.month
    if (birth.month, birth.day) == (2, 29) and not _is_leap(due.year):
        assert due.day == 28
    else:
        assert due.day == birth.day


# -- days, weeks, working days --------------------------------------------------------


@given(AFTER_TRIGGERS, st.integers(0, 3000))
def test_weeks_preserve_the_weekday(trigger: date, n: int) -> None:
    due = compute_deadline(trigger, Duration(n, Unit.WEEKS), roll=Roll.KEEP).due
    assert isinstance(due, date)
    assert due.weekday() == trigger.weekday()
    assert (due - trigger).days == 7 * n


@given(AFTER_TRIGGERS, st.integers(0, 20000))
def test_days_add_exactly_n_days(trigger: date, n: int) -> None:
    due = compute_deadline(trigger, Duration(n, Unit.DAYS), roll=Roll.KEEP).due
    assert isinstance(due, date)
    assert (due - trigger).days == n


@given(AFTER_TRIGGERS, st.integers(1, 500), ROLL_CALENDARS)
def test_working_days_end_on_the_nth_working_day(
    trigger: date, n: int, calendar: DanishCalendar
) -> None:
    deadline = compute_deadline(
        trigger, Duration(n, Unit.WORKING_DAYS), roll=Roll.KEEP, calendar=calendar
    )
    due = deadline.due
    assert isinstance(due, date)
    assert calendar.is_working_day(due)
    assert calendar.working_days_between(trigger, due) == n
    assert not deadline.on_closed_day
    # Every named closed weekday strictly after the trigger and before the due is listed.
    (count,) = [step for step in deadline.steps if isinstance(step, Count)]
    expected = [
        d.date
        for d in calendar.named_closed_days(trigger + timedelta(days=1), due)
        if d.date.weekday() < 5
    ]
    assert [d.date for d in count.skipped] == expected


@given(
    supported_dates(date(1965, 1, 1), date(2135, 12, 31)),
    durations(units=(Unit.DAYS, Unit.WEEKS), max_amount=3000),
)
def test_before_then_after_returns_to_the_start(start: date, duration: Duration) -> None:
    back = compute_deadline(start, duration, roll=Roll.KEEP, direction=Direction.BEFORE)
    forth = compute_deadline(back, duration, roll=Roll.KEEP)
    assert forth.due == start


@given(
    supported_dates(date(1905, 1, 1), date(2195, 12, 31)),
    st.integers(0, 300),
    ROLL_CALENDARS,
)
def test_working_days_after_then_before_returns_to_a_working_start(
    start: date, n: int, calendar: DanishCalendar
) -> None:
    start = calendar.roll_forward(start)
    duration = Duration(n, Unit.WORKING_DAYS)
    forth = compute_deadline(start, duration, roll=Roll.KEEP, calendar=calendar)
    back = compute_deadline(
        forth, duration, roll=Roll.KEEP, calendar=calendar, direction=Direction.BEFORE
    )
    assert back.due == start


# -- closed days ----------------------------------------------------------------------


@given(AFTER_TRIGGERS, durations(units=DAY_UNITS), ROLL_CALENDARS, MONTH_RULES)
def test_roll_forward_ends_on_the_first_working_day_from_the_nominal_day(
    trigger: date, duration: Duration, expiry: DanishCalendar, rule: MonthRule
) -> None:
    deadline = compute_deadline(
        trigger, duration, roll=Roll.FORWARD, expiry_calendar=expiry, months=rule
    )
    nominal = _nominal(deadline)
    due = deadline.due
    assert isinstance(due, date)
    assert expiry.is_working_day(due)
    assert due >= nominal
    day = nominal
    while day < due:  # no working day between the nominal day and the due date
        assert not expiry.is_working_day(day)
        day += timedelta(days=1)
    assert deadline.practical_due == due
    assert not deadline.on_closed_day


@given(AFTER_TRIGGERS, durations(units=DAY_UNITS), ROLL_CALENDARS, MONTH_RULES)
def test_keep_keeps_the_nominal_day_and_flags_a_closed_one(
    trigger: date, duration: Duration, expiry: DanishCalendar, rule: MonthRule
) -> None:
    deadline = compute_deadline(
        trigger, duration, roll=Roll.KEEP, expiry_calendar=expiry, months=rule
    )
    due, practical = deadline.due, deadline.practical_due
    assert isinstance(due, date)
    assert isinstance(practical, date)
    assert due == _nominal(deadline)
    assert practical <= due
    assert expiry.is_working_day(practical)
    assert deadline.on_closed_day == (not expiry.is_working_day(due))
    day = practical + timedelta(days=1)
    while day <= due:  # no working day between the practical and the legal due date
        assert not expiry.is_working_day(day)
        day += timedelta(days=1)


# -- hours ----------------------------------------------------------------------------


@given(
    aware_datetimes(date(1900, 1, 10), date(2200, 12, 20)),
    durations(units=(Unit.HOURS,), max_amount=24 * 8),
    st.sampled_from(Direction),
)
def test_hours_are_real_elapsed_hours(
    trigger: datetime, duration: Duration, direction: Direction
) -> None:
    deadline = compute_deadline(trigger, duration, roll=Roll.KEEP, direction=direction)
    due = deadline.due
    assert isinstance(due, datetime)
    sign = 1 if direction is Direction.AFTER else -1
    assert due.astimezone(UTC) - trigger.astimezone(UTC) == sign * timedelta(hours=duration.amount)
    assert due.tzinfo == CPH
    assert deadline.practical_due == due
    crossed = trigger.astimezone(CPH).utcoffset() != due.utcoffset()
    assert any(isinstance(step, ClockChange) for step in deadline.steps) == crossed


@given(
    aware_datetimes(date(1900, 1, 10), date(2135, 12, 31)),
    durations(units=DAY_UNITS),
)
def test_day_units_count_from_the_copenhagen_date(trigger: datetime, duration: Duration) -> None:
    from_moment = compute_deadline(trigger, duration, roll=Roll.KEEP)
    from_date = compute_deadline(trigger.astimezone(CPH).date(), duration, roll=Roll.KEEP)
    assert from_moment.due == from_date.due
    in_utc = compute_deadline(trigger.astimezone(UTC), duration, roll=Roll.KEEP)
    assert in_utc.due == from_date.due


# -- explanations ---------------------------------------------------------------------


@given(
    AFTER_TRIGGERS,
    durations(units=DAY_UNITS),
    st.sampled_from(Roll),
    ROLL_CALENDARS,
    st.sampled_from(LANGUAGES),
)
def test_explanation_starts_with_the_trigger_and_ends_with_the_due_date(
    trigger: date, duration: Duration, roll: Roll, expiry: DanishCalendar, lang: Language
) -> None:
    deadline = compute_deadline(trigger, duration, roll=roll, expiry_calendar=expiry)
    assert isinstance(deadline.due, date)
    text = deadline.explain(lang)
    lines = text.splitlines()
    heading = "Afventer juridisk afklaring:" if lang == "da" else "Awaiting legal review:"
    steps = lines[: lines.index(heading)] if heading in lines else lines
    start = "Udgangspunkt" if lang == "da" else "Start"
    assert steps[0].startswith(f"{start}: {_render(trigger, lang)}; ")
    assert steps[-1].startswith(
        f"{'Frist' if lang == 'da' else 'Due'}: {_render(deadline.due, lang)}"
    )
    assert len(steps) == len(deadline.steps)
    # Deterministic: the same computation gives the same text.
    again = compute_deadline(trigger, duration, roll=roll, expiry_calendar=expiry)
    assert again.explain(lang) == text


@given(aware_datetimes(date(1900, 1, 10), date(2200, 12, 20)), st.integers(0, 200))
def test_hour_explanation_starts_with_the_moment_and_ends_with_the_due_moment(
    trigger: datetime, n: int
) -> None:
    deadline = compute_deadline(trigger, Duration(n, Unit.HOURS), roll=Roll.KEEP)
    for lang in LANGUAGES:
        lines = deadline.explain(lang).splitlines()
        heading = "Afventer juridisk afklaring:" if lang == "da" else "Awaiting legal review:"
        steps = lines[: lines.index(heading)]
        assert (
            steps[0] == f"{'Udgangspunkt' if lang == 'da' else 'Start'}: {_render(trigger, lang)}"
        )
        assert steps[-1] == f"{'Frist' if lang == 'da' else 'Due'}: {_render(deadline.due, lang)}"


# -- frister.testing itself -------------------------------------------------------------


@given(durations())
def test_durations_yield_valid_durations(duration: Duration) -> None:
    assert isinstance(duration, Duration)
    assert type(duration.amount) is int
    assert 0 <= duration.amount <= 60
    assert isinstance(duration.unit, Unit)
    assert duration.wording is None
    assert Duration(duration.amount, duration.unit) == duration


@given(durations(units=(Unit.WEEKS, Unit.MONTHS), max_amount=3))
def test_durations_respect_units_and_max_amount(duration: Duration) -> None:
    assert duration.unit in (Unit.WEEKS, Unit.MONTHS)
    assert 0 <= duration.amount <= 3


@given(durations(max_amount=10**9))
def test_durations_cap_at_fristers_own_limit(duration: Duration) -> None:
    assert 0 <= duration.amount <= 1_000_000


@given(aware_datetimes())
def test_aware_datetimes_yield_accepted_moments(moment: datetime) -> None:
    assert isinstance(moment, datetime)
    assert moment.tzinfo == CPH
    assert moment.utcoffset() is not None
    assert FIRST_SUPPORTED <= moment.astimezone(CPH).date() <= LAST_SUPPORTED
    # frister accepts it: zero hours gives the same instant. (Compared in UTC: the
    # strategy also draws wall times in the spring-forward gap, such as 02:30 on
    # the last Sunday of March, which frister reads as 03:30 CEST.)
    due = compute_deadline(moment, Duration(0, Unit.HOURS), roll=Roll.KEEP).due
    assert isinstance(due, datetime)
    assert due.astimezone(UTC) == moment.astimezone(UTC)


@given(aware_datetimes(date(2024, 3, 1), date(2024, 3, 31)))
def test_aware_datetimes_respect_their_bounds(moment: datetime) -> None:
    assert date(2024, 3, 1) <= moment.date() <= date(2024, 3, 31)


@given(supported_dates(), supported_dates(date(2024, 1, 1), date(2024, 12, 31)))
def test_supported_dates_stay_in_range(anywhere: date, in_2024: date) -> None:
    assert FIRST_SUPPORTED <= anywhere <= LAST_SUPPORTED
    assert in_2024.year == 2024


# -- a catalog's remembered counts ------------------------------------------------------

_CATALOG = default_catalog()


@given(
    st.one_of(
        AFTER_TRIGGERS,
        aware_datetimes(date(1900, 1, 8), date(2135, 12, 31)),
        st.builds(
            birthday, supported_dates(date(1900, 1, 8), date(2100, 12, 31)), st.integers(0, 30)
        ),
    ),
    durations(DAY_UNITS),
    st.sampled_from(list(Roll)),
    st.sampled_from([(), (ExtraClosedDay.GRUNDLOVSDAG,), tuple(ExtraClosedDay)]),
    MONTH_RULES,
)
def test_a_catalogs_remembered_count_is_the_count_from_that_very_start(
    start: date | datetime | Deadline,
    duration: Duration,
    roll: Roll,
    closed: tuple[ExtraClosedDay, ...],
    months: MonthRule,
) -> None:
    # The catalog remembers counts by day; from a moment or after an earlier deadline the
    # same count must show that moment, or the earlier steps, exactly as a fresh count does.
    for _ in range(2):  # computed, then remembered
        remembered = _CATALOG.deadline(start, duration, roll, closed, months, Direction.AFTER)
        assert remembered == compute_deadline(
            start,
            duration,
            roll=roll,
            calendar=_CATALOG.calendar,
            expiry_calendar=_CATALOG.calendar.with_closed(*closed),
            months=months,
        )
