"""The steps of a deadline computation, as data, and their wording in Danish and English.

A computation returns its steps; explanations, JSON and the rule book are all
renderings of them. Each step names the convention it applied (see
``data/conventions.toml``), so its basis and review mark are printed beside it.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, timedelta

import attrs

from frister.calendar._calendar import ClosedDay, ClosedDayKind
from frister.calendar._dates import Language, format_date, format_moment
from frister.deadlines._conventions import Convention, Mark, convention
from frister.deadlines._duration import Duration

Moment = date | datetime
"""A trigger or due date: a date for day-based deadlines, an aware datetime for hours."""


class Direction(enum.Enum):
    """Whether a duration runs after its trigger or is counted back from an anchor."""

    AFTER = "after"
    BEFORE = "before"


def _closed_list(days: tuple[ClosedDay, ...], lang: Language) -> str:
    """'lør. 28. dec. 2024, ons. 25. dec. 2024 Juledag': weekends need no name."""
    return ", ".join(
        format_date(day.date, lang)
        + ("" if day.kind is ClosedDayKind.WEEKEND else f" {day.label(lang)}")
        for day in days
    )


@attrs.frozen
class Start:
    """Where counting starts: the trigger, or the anchor a deadline is counted back from."""

    at: Moment
    day_based: bool
    direction: Direction = Direction.AFTER
    convention: str | None = None

    def describe(self, lang: Language) -> str:
        when = format_moment(self.at, lang)
        if self.direction is Direction.BEFORE:
            return f"Der tælles tilbage fra {when}" if lang == "da" else f"Counted back from {when}"
        if not self.day_based:
            return f"Udgangspunkt: {when}" if lang == "da" else f"Start: {when}"
        if lang == "da":
            return f"Udgangspunkt: {when}; dagen tælles ikke med"
        return f"Start: {when}; that day is not counted"


@attrs.frozen
class Count:
    """The duration added to (or taken from) the start, with the closed weekdays passed over."""

    duration: Duration
    direction: Direction
    result: Moment
    skipped: tuple[ClosedDay, ...]
    convention: str

    def describe(self, lang: Language) -> str:
        sign = "+" if self.direction is Direction.AFTER else "−"
        text = f"{sign} {self.duration.describe(lang)} → {format_moment(self.result, lang)}"
        if self.skipped:
            passed = "ikke medregnet" if lang == "da" else "not counted"
            text += f"; {passed}: {_closed_list(self.skipped, lang)}"
        return text


class MonthDayKind(enum.Enum):
    """What happened to a day of the month that month arithmetic could not keep."""

    CLIPPED = "clipped"
    """The day does not exist in the target month: the month's last day is used."""
    MONTH_END = "month-end"
    """The start was a month's last day: the target month's last day is used."""


@attrs.frozen
class MonthDay:
    """Month or year arithmetic moved the day of the month, and why."""

    kind: MonthDayKind
    wanted_day: int
    result: date
    convention: str

    def describe(self, lang: Language) -> str:
        result = format_date(self.result, lang)
        if self.kind is MonthDayKind.CLIPPED:
            if lang == "da":
                return (
                    f"Den {self.wanted_day}. findes ikke i måneden; "
                    f"månedens sidste dag bruges: {result}"
                )
            return (
                f"Day {self.wanted_day} does not exist in that month; "
                f"the month's last day is used: {result}"
            )
        if lang == "da":
            return (
                f"Udgangspunktet er en måneds sidste dag; målmånedens sidste dag bruges: {result}"
            )
        return f"The start is a month's last day; the target month's last day is used: {result}"


@attrs.frozen
class ClockChange:
    """An hour deadline spans a change to or from summer time (offsets in date order)."""

    offset_earlier: timedelta
    offset_later: timedelta
    convention: str | None = None

    def describe(self, lang: Language) -> str:
        shift = int((self.offset_later - self.offset_earlier).total_seconds() // 3600)
        hours = abs(shift)
        if lang == "da":
            direction = "frem" if shift > 0 else "tilbage"
            return (
                f"Uret stilles {hours} time {direction} i perioden; der regnes i reelle "
                f"timer, så fristens klokkeslæt afviger {hours} time fra udgangspunktets"
            )
        direction = "forward" if shift > 0 else "back"
        return (
            f"The clocks go {direction} {hours} hour within the period; real hours are "
            f"counted, so the due time differs by {hours} hour from the start's clock time"
        )


@attrs.frozen
class Birthday:
    """An age reached: the birthday it falls on."""

    birth: date
    age: int
    result: date
    convention: str = "ages"

    def describe(self, lang: Language) -> str:
        birth = format_date(self.birth, lang)
        result = format_date(self.result, lang)
        born_29_february = (self.birth.month, self.birth.day) == (2, 29)
        leap = born_29_february and (self.result.month, self.result.day) == (2, 28)
        march = born_29_february and (self.result.month, self.result.day) == (3, 1)
        if lang == "da":
            text = f"Født {birth}; fylder {self.age} år {result}"
            if march:
                return text + " (1. marts i et år uden 29. februar)"
            return text + " (28. februar i et år uden 29. februar)" if leap else text
        text = f"Born {birth}; turns {self.age} on {result}"
        if march:
            return text + " (1 March in a year without 29 February)"
        return text + " (28 February in a year without 29 February)" if leap else text


class ExpiryAction(enum.Enum):
    """What happened to a deadline that ends on a closed day."""

    MOVED = "moved"
    """Moved forward to the next working day (a citizen's deadline)."""
    KEPT = "kept"
    """Kept and flagged; the practical due date is the previous working day (an authority's)."""


@attrs.frozen
class Expiry:
    """The computed day is closed where the deadline expires, and what was done about it."""

    nominal: date
    closed: tuple[ClosedDay, ...]
    """The closed days from the nominal day to the working day it moved to (or just the nominal)."""
    action: ExpiryAction
    to: date
    convention: str

    def describe(self, lang: Language) -> str:
        closed = _closed_list(self.closed, lang)
        to = format_date(self.to, lang)
        if self.action is ExpiryAction.MOVED:
            if lang == "da":
                return (
                    f"Fristen kan ikke udløbe på en lukket dag ({closed}); "
                    f"den forlænges til førstkommende hverdag, {to}"
                )
            return (
                f"The deadline cannot end on a closed day ({closed}); "
                f"it moves to the next working day, {to}"
            )
        if lang == "da":
            return (
                f"Fristen udløber på en lukket dag ({closed}) og flyttes ikke; "
                f"praktisk sidste dag er den foregående hverdag, {to}"
            )
        return (
            f"The deadline ends on a closed day ({closed}) and does not move; "
            f"the practical due date is the previous working day, {to}"
        )


@attrs.frozen
class Due:
    """The result: the legal due date or moment."""

    due: Moment
    convention: str | None = None

    def describe(self, lang: Language) -> str:
        if isinstance(self.due, datetime):
            when = format_moment(self.due, lang)
            return f"Frist: {when}" if lang == "da" else f"Due: {when}"
        when = format_date(self.due, lang)
        if lang == "da":
            return f"Frist: {when}, hele dagen (til og med kl. 23.59)"
        return f"Due: {when}, the whole day (up to and including 23:59)"


@attrs.frozen
class Earliest:
    """The result of a minimum (a notice, an earliest date): the first day the act may
    happen or take effect; there is no 'whole day' to run out, so no end-of-day convention."""

    day: date
    convention: str | None = None

    def describe(self, lang: Language) -> str:
        when = format_date(self.day, lang)
        return f"Tidligst: {when}" if lang == "da" else f"Earliest: {when}"


Step = Start | Count | MonthDay | ClockChange | Birthday | Expiry | Due | Earliest
"""One step of a computation."""


def step_conventions(steps: tuple[Step, ...]) -> tuple[Convention, ...]:
    """The conventions the steps applied, each once, in order of first use."""
    seen: dict[str, Convention] = {}
    for step in steps:
        if step.convention is not None and step.convention not in seen:
            seen[step.convention] = convention(step.convention)
    return tuple(seen.values())


def render(steps: tuple[Step, ...], lang: Language) -> str:
    """The steps as lines a person reads, each with the basis of its convention."""
    lines = []
    for step in steps:
        line = step.describe(lang)
        if step.convention is not None:
            line += f"  [{convention(step.convention).citation(lang)}]"
        lines.append(line)
    awaiting = [
        c for c in step_conventions(steps) if c.mark in (Mark.LEGAL_REVIEW, Mark.UNVERIFIED)
    ]
    if awaiting:
        heading = "Afventer juridisk afklaring:" if lang == "da" else "Awaiting legal review:"
        lines.append(heading)
        lines.extend(f"  - {c.review_note(lang) or c.text(lang)}" for c in awaiting)
    return "\n".join(lines)
