"""Fristberegning: adding a duration to a trigger under Danish conventions, with its steps.

The conventions are those of ``shared/law/fristberegning.md``: the trigger day
is not counted; weeks end on the same weekday; months on the same day of the
month or the month's last day; hours in real elapsed time in Europe/Copenhagen.
What happens when a deadline ends on a closed day is the caller's explicit
choice (:class:`Roll`), never a default.
"""

from __future__ import annotations

import calendar as _gregorian
import enum
from datetime import UTC, date, datetime, timedelta

import attrs

from frister.calendar._calendar import ClosedDay, DanishCalendar
from frister.calendar._dates import (
    COPENHAGEN,
    Language,
    check_aware,
    check_date,
    local_date,
    out_of_range,
)
from frister.deadlines._conventions import Convention
from frister.deadlines._duration import Duration, Unit, parse_duration
from frister.deadlines._steps import (
    Birthday,
    ClockChange,
    Count,
    Direction,
    Due,
    Expiry,
    ExpiryAction,
    Moment,
    MonthDay,
    MonthDayKind,
    Start,
    Step,
    render,
    step_conventions,
)
from frister.errors import InputError, InputTypeError, NonexistentDateError


class Roll(enum.Enum):
    """What happens when a day-based deadline ends on a day the expiry calendar closes."""

    FORWARD = "forward"
    """Move to the next working day: a citizen's deadline (klagefrist, partshøring)."""
    KEEP = "keep"
    """Do not move; flag it, with the previous working day as the practical due date:
    an authority's deadline."""


class MonthRule(enum.Enum):
    """How month arithmetic treats a day that the target month lacks."""

    SAME_DAY_OR_MONTH_END = "same-day-or-month-end"
    """The same day of the month, else the month's last day (forældelsesloven § 27 stk. 1)."""
    MONTH_END_TO_MONTH_END = "month-end-to-month-end"
    """As above, and from a month's last day always to the target month's last day
    (restaurationsloven § 36 a stk. 3)."""
    REFUSE = "refuse"
    """Raise NonexistentDateError rather than choose a day."""


@attrs.frozen
class Deadline:
    """A computed deadline: the due date or moment, and every step that led to it."""

    due: Moment
    """The legal due date (a date), or moment (an aware datetime, for hour deadlines)."""
    practical_due: Moment
    """The day to work towards: ``due``, or the previous working day when ``due`` is a
    closed day that an authority's deadline does not move off."""
    steps: tuple[Step, ...]

    @property
    def on_closed_day(self) -> bool:
        """True when the legal due date is a closed day that the deadline did not move off."""
        return self.practical_due != self.due

    @property
    def conventions(self) -> tuple[Convention, ...]:
        """The conventions applied, in order of first use, with their basis and mark."""
        return step_conventions(self.steps)

    def explain(self, lang: Language = "da") -> str:
        """The steps as text a caseworker or lawyer reads, in Danish or English."""
        return render(self.steps, lang)


_CONVENTION_BY_UNIT = {
    Unit.DAYS: "calendar-days",
    Unit.WORKING_DAYS: "working-days",
    Unit.WEEKS: "weeks",
    Unit.MONTHS: "months",
    Unit.YEARS: "years",
}

_DEFAULT_CALENDAR = DanishCalendar()


def compute_deadline(
    trigger: Moment | Deadline,
    duration: Duration | str,
    *,
    roll: Roll,
    calendar: DanishCalendar = _DEFAULT_CALENDAR,
    expiry_calendar: DanishCalendar | None = None,
    months: MonthRule = MonthRule.SAME_DAY_OR_MONTH_END,
    direction: Direction = Direction.AFTER,
) -> Deadline:
    """The deadline ``duration`` after ``trigger`` (or before it), with its steps.

    ``trigger`` is a date, an aware datetime (its Danish calendar day counts for
    day-based units; hours need one), or an earlier :class:`Deadline` whose due
    date becomes the anchor and whose steps come first. Working days are those
    of ``calendar``; ``expiry_calendar`` (default: ``calendar``) says which days
    the deadline may not end on, and ``roll`` what happens if it does.
    """
    if not isinstance(roll, Roll):
        raise InputTypeError("roll", roll, "expected frister.Roll.FORWARD or Roll.KEEP")
    if not isinstance(months, MonthRule):
        raise InputTypeError("months", months, "expected a frister.MonthRule")
    if not isinstance(direction, Direction):
        raise InputTypeError("direction", direction, "expected a frister.Direction")
    if not isinstance(calendar, DanishCalendar):
        raise InputTypeError("calendar", calendar, "expected a frister.DanishCalendar")
    if expiry_calendar is not None and not isinstance(expiry_calendar, DanishCalendar):
        raise InputTypeError("expiry_calendar", expiry_calendar, "expected a DanishCalendar")
    if isinstance(duration, str):
        duration = parse_duration(duration)
    elif not isinstance(duration, Duration):
        raise InputTypeError("duration", duration, "expected a Duration or a text such as '4 uger'")

    earlier: tuple[Step, ...] = ()
    if isinstance(trigger, Deadline):
        earlier = trigger.steps[:-1]
        trigger = trigger.due

    if duration.unit is Unit.HOURS:
        if roll is Roll.FORWARD:
            raise InputError(
                "roll", roll, "hour deadlines are not moved off closed days; use Roll.KEEP"
            )
        return _hours(check_aware(trigger, "trigger"), duration, direction, earlier)

    if isinstance(trigger, datetime):
        day = local_date(check_aware(trigger, "trigger"))
    else:
        day = check_date(trigger, "trigger")
    counting_back = direction is Direction.BEFORE
    start = Start(
        trigger,
        day_based=True,
        direction=direction,
        convention=None if counting_back else "trigger-day-not-counted",
    )
    steps: list[Step] = [*earlier, start]
    nominal = _count(day, duration, direction, calendar, months, steps)
    expiry = expiry_calendar if expiry_calendar is not None else calendar
    practical = _expire(nominal, roll, expiry, steps)
    due = nominal if roll is Roll.KEEP else practical
    steps.append(Due(due, convention="end-of-day"))
    return Deadline(due=due, practical_due=practical, steps=tuple(steps))


def counted_from(trigger: Moment | Deadline, counted: Deadline) -> Deadline:
    """``counted``, a day-based count from ``trigger``'s Danish day, shown as
    :func:`compute_deadline` shows a count from ``trigger`` itself: from the moment, or after
    the earlier deadline's steps. A count remembered per day so serves every trigger on it."""
    start, *rest = counted.steps
    assert isinstance(start, Start) and start.day_based
    if isinstance(trigger, Deadline):
        assert trigger.due == start.at
        steps = (*trigger.steps[:-1], start, *rest)
    else:
        assert isinstance(trigger, datetime) and local_date(trigger) == start.at
        moved = Start(
            trigger, day_based=True, direction=start.direction, convention=start.convention
        )
        steps = (moved, *rest)
    return Deadline(due=counted.due, practical_due=counted.practical_due, steps=steps)


def fixed_deadline(
    day: date, *, roll: Roll, expiry_calendar: DanishCalendar = _DEFAULT_CALENDAR
) -> Deadline:
    """A due date set by someone (a decision, a letter), with ``roll`` applied if it is closed."""
    day = check_date(day, "day")
    if not isinstance(roll, Roll):
        raise InputTypeError("roll", roll, "expected frister.Roll.FORWARD or Roll.KEEP")
    steps: list[Step] = []
    practical = _expire(day, roll, expiry_calendar, steps)
    due = day if roll is Roll.KEEP else practical
    steps.append(Due(due, convention="end-of-day"))
    return Deadline(due=due, practical_due=practical, steps=tuple(steps))


def birthday(birth: date, age: int, *, march_first: bool = False) -> Deadline:
    """The day a person born on ``birth`` turns ``age`` ("fylder 18 år"), with its step.

    For a 29 February birth the birthday in a year without one is 28 February
    (the earlier date, so an authority is never late; awaiting legal review);
    ``march_first=True`` computes the other reading, 1 March (research B.3).
    """
    birth = check_date(birth, "birth")
    if type(age) is not int or not 0 <= age <= 200:
        raise InputError("age", age, "expected a whole number of years from 0 to 200")
    year = birth.year + age
    if year > date.max.year:
        raise out_of_range("result", f"{birth} + {age} years")
    result = _replace_day(year, birth.month, birth.day)
    if march_first and (birth.month, birth.day) == (2, 29) and result.day == 28:
        result = date(year, 3, 1)
    check_date(result, "result")
    leap = (birth.month, birth.day) == (2, 29) and result.day == 28
    convention = "ages-29-february" if leap else "ages"
    steps: tuple[Step, ...] = (Birthday(birth, age, result, convention), Due(result))
    return Deadline(due=result, practical_due=result, steps=steps)


def _hours(
    trigger: datetime, duration: Duration, direction: Direction, earlier: tuple[Step, ...]
) -> Deadline:
    elapsed = timedelta(hours=duration.amount)
    if direction is Direction.BEFORE:
        elapsed = -elapsed
    start = trigger.astimezone(COPENHAGEN)
    due = (trigger.astimezone(UTC) + elapsed).astimezone(COPENHAGEN)
    check_aware(due, "result")
    steps: list[Step] = [*earlier, Start(trigger, day_based=False, direction=direction)]
    steps.append(Count(duration, direction, due, skipped=(), convention="hours"))
    earliest, latest = sorted((start, due))
    offset_earlier, offset_later = earliest.utcoffset(), latest.utcoffset()
    if offset_earlier is not None and offset_later is not None and offset_earlier != offset_later:
        steps.append(ClockChange(offset_earlier, offset_later))
    steps.append(Due(due))
    return Deadline(due=due, practical_due=due, steps=tuple(steps))


def _count(
    day: date,
    duration: Duration,
    direction: Direction,
    calendar: DanishCalendar,
    months: MonthRule,
    steps: list[Step],
) -> date:
    """Apply a day-based duration to ``day``, appending its steps; the nominal due date."""
    sign = 1 if direction is Direction.AFTER else -1
    amount = duration.amount
    unit = duration.unit
    convention = _CONVENTION_BY_UNIT[unit]
    if direction is Direction.BEFORE and unit is not Unit.WORKING_DAYS:
        convention = "before-anchor" if unit in (Unit.MONTHS, Unit.YEARS) else convention
    adjusted: MonthDay | None = None
    skipped: tuple[ClosedDay, ...] = ()
    try:
        if unit is Unit.WORKING_DAYS:
            result = calendar.add_working_days(day, sign * amount)
            low, high = sorted((day, result))
            skipped = tuple(
                closed
                for closed in calendar.named_closed_days(low, high)
                if closed.date.weekday() < 5 and closed.date != day
            )
        elif unit is Unit.DAYS:
            result = day + timedelta(days=sign * amount)
        elif unit is Unit.WEEKS:
            result = day + timedelta(weeks=sign * amount)
        elif unit is Unit.MONTHS:
            result, adjusted = _shift_months(day, sign * amount, months)
        else:
            result, adjusted = _shift_months(day, sign * 12 * amount, _year_rule(months))
    except OverflowError:
        raise out_of_range("result", f"{day} {'+' if sign > 0 else '-'} {duration}") from None
    result = check_date(result, "result")
    if adjusted is not None and adjusted.kind is MonthDayKind.CLIPPED:
        adjusted = attrs.evolve(adjusted, convention=_clip_convention(unit, direction))
    steps.append(Count(duration, direction, result, skipped, convention))
    if adjusted is not None:
        steps.append(adjusted)
    return result


def _clip_convention(unit: Unit, direction: Direction) -> str:
    """Which convention moved a day of the month: forward months are settled law, the rest not."""
    if direction is Direction.BEFORE:
        return "before-anchor"
    return "years-29-february" if unit is Unit.YEARS else "months-clipped"


def _year_rule(months: MonthRule) -> MonthRule:
    """Years keep the anniversary (restaurationsloven § 36 a stk. 4): no month-end variant."""
    return MonthRule.REFUSE if months is MonthRule.REFUSE else MonthRule.SAME_DAY_OR_MONTH_END


def _shift_months(day: date, count: int, rule: MonthRule) -> tuple[date, MonthDay | None]:
    index = day.year * 12 + day.month - 1 + count
    year, month0 = divmod(index, 12)
    month = month0 + 1
    if not 1 <= year <= 9999:
        raise OverflowError
    last = _gregorian.monthrange(year, month)[1]
    if rule is MonthRule.MONTH_END_TO_MONTH_END and day.day == _month_length(day):
        result = date(year, month, last)
        if day.day != last:
            return result, MonthDay(MonthDayKind.MONTH_END, day.day, result, "months-month-end")
        return result, None
    if day.day <= last:
        return date(year, month, day.day), None
    if rule is MonthRule.REFUSE:
        raise NonexistentDateError(
            "result",
            f"{year}-{month:02d}-{day.day:02d}",
            f"{_gregorian.month_name[month]} {year} has {last} days; MonthRule.REFUSE "
            "chooses no other day",
        )
    result = date(year, month, last)
    return result, MonthDay(MonthDayKind.CLIPPED, day.day, result, "months-clipped")


def _month_length(day: date) -> int:
    return _gregorian.monthrange(day.year, day.month)[1]


def _replace_day(year: int, month: int, day: int) -> date:
    """The date, or the month's last day when ``day`` is past it (29 Feb in other years)."""
    return date(year, month, min(day, _gregorian.monthrange(year, month)[1]))


def _expire(nominal: date, roll: Roll, calendar: DanishCalendar, steps: list[Step]) -> date:
    """The practical due date of ``nominal`` under ``roll``, appending an Expiry step if closed."""
    if calendar.is_working_day(nominal):
        return nominal
    if roll is Roll.FORWARD:
        to = calendar.roll_forward(nominal)
        closed = _closed_run(calendar, nominal, to - timedelta(days=1))
        steps.append(Expiry(nominal, closed, ExpiryAction.MOVED, to, "citizen-roll"))
    else:
        to = calendar.roll_backward(nominal)
        closed = _closed_run(calendar, nominal, nominal)
        steps.append(Expiry(nominal, closed, ExpiryAction.KEPT, to, "authority-no-roll"))
    return to


def _closed_run(calendar: DanishCalendar, first: date, last: date) -> tuple[ClosedDay, ...]:
    days = []
    day = first
    while day <= last:
        closed = calendar.closed_day(day)
        if closed is not None:
            days.append(closed)
        day += timedelta(days=1)
    return tuple(days)
