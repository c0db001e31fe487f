"""A case as frister sees it: events with facts in, obligations with explanations out."""

from __future__ import annotations

import enum
import re
from calendar import monthrange
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from functools import cached_property
from types import MappingProxyType
from typing import Any, Final

import attrs

from frister.calendar._dates import (
    Language,
    check_aware,
    check_date,
    format_date,
    format_moment,
    local_date,
)
from frister.deadlines import Deadline
from frister.errors import InputError, InputTypeError
from frister.explain import Note, explanation
from frister.rules import Condition, Question, RuleVersion, Text

Moment = date | datetime


def _freeze(facts: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if facts is None:
        return MappingProxyType({})
    if not isinstance(facts, Mapping):
        raise InputTypeError("facts", facts, "expected a mapping of fact name to value")
    for name in facts:
        if not isinstance(name, str):
            raise InputTypeError("facts", name, "fact names are texts")
    return MappingProxyType(dict(facts))


def check_moment(value: object, field: str) -> Moment:
    """A date, or an aware datetime, in the supported range; anything else raises.

    An ISO 8601 text is read strictly, as in a case file (:func:`parse_moment`).
    """
    if isinstance(value, str):
        return parse_moment(value, field)
    if isinstance(value, datetime):
        return check_aware(value, field)
    return check_date(value, field)


_ISO_DAY: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_ISO_MOMENT: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})?", re.ASCII
)


def parse_moment(value: object, field: str) -> Moment:
    """An ISO date ('2024-03-22') or an ISO datetime with its offset
    ('2024-03-22T16:05:00+01:00'); a naive datetime, another ISO form or a day that
    does not exist is refused, naming the field."""
    if not isinstance(value, str):
        raise InputTypeError(field, value, "expected an ISO date or datetime text")
    form = _ISO_MOMENT if "T" in value else _ISO_DAY
    found = form.fullmatch(value)
    if found is None:
        raise InputError(
            field, value, "not an ISO date (2024-03-22) or datetime (2024-03-22T16:05:00+01:00)"
        )
    try:
        moment: Moment = (
            datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        )
    except ValueError:
        raise InputError(field, value, _no_such_day(found) or "not a valid ISO date") from None
    return check_moment(moment, field)


def parse_date(value: object, field: str) -> date:
    """An ISO date ('2024-03-22'), read strictly; a day that does not exist is named as such."""
    if not isinstance(value, str) or "T" in value:
        raise InputTypeError(field, value, "expected an ISO date text (2024-03-22)")
    day = parse_moment(value, field)
    assert not isinstance(day, datetime)
    return day


def _no_such_day(found: re.Match[str]) -> str | None:
    """'2024-02-30' is written as an ISO date but names a day that does not exist: say so."""
    year, month, day = (int(part) for part in found.groups()[:3])
    if not 1 <= month <= 12:
        return f"an ISO date of a day that does not exist: there is no month {month:02d}"
    last = monthrange(year, month)[1] if year >= 1 else 31
    if not 1 <= day <= last:
        return f"an ISO date of a day that does not exist: {year:04d}-{month:02d} has {last} days"
    return None


def _to_moment(value: object) -> Moment:
    """Event.at: an ISO text is read (strictly) into a date or an aware datetime."""
    return parse_moment(value, "at") if isinstance(value, str) else value  # type: ignore[return-value]


def _check_at(instance: Event, attribute: attrs.Attribute[Moment], value: Moment) -> None:
    check_moment(value, "at")


def _check_kind(instance: Event, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise InputError("kind", value, "expected an event kind such as 'underretning.modtaget'")


@attrs.frozen
class Event:
    """Something that happened in a case: its kind, when, and its facts."""

    kind: str = attrs.field(validator=_check_kind)
    at: Moment = attrs.field(converter=_to_moment, validator=_check_at)
    facts: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze, hash=False)

    @cached_property
    def day(self) -> date:
        """The Danish calendar day it happened on."""
        return local_date(self.at) if isinstance(self.at, datetime) else self.at

    def describe(self, lang: Language) -> str:
        """'underretning.modtaget fre. 22. mar. 2024 kl. 16:05 (CET)'."""
        return f"{self.kind} {format_moment(self.at, lang)}"

    def __reduce__(self) -> tuple[Any, tuple[str, Moment, dict[str, Any]]]:
        """Pickled as its kind, time and facts (the read-only facts do not pickle)."""
        return (_restored, (self.kind, self.at, dict(self.facts)))


def _restored(kind: str, at: Moment, facts: dict[str, Any]) -> Event:
    """An event unpickled: its values were checked when it was made, so they are set as
    they are (a worker process rebuilds thousands of events a second)."""
    event = object.__new__(Event)
    object.__setattr__(event, "kind", kind)
    object.__setattr__(event, "at", at)
    object.__setattr__(event, "facts", MappingProxyType(facts))
    return event


def _to_events(events: Iterable[Event]) -> tuple[Event, ...]:
    items = tuple(events)
    for event in items:
        if not isinstance(event, Event):
            raise InputTypeError("events", event, "expected frister.Event")
    return items


@attrs.frozen
class Case:
    """A case: its events in any order and the facts about the case itself."""

    events: tuple[Event, ...] = attrs.field(factory=tuple, converter=_to_events)
    facts: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze, hash=False)

    def __reduce__(self) -> tuple[type[Case], tuple[tuple[Event, ...], dict[str, Any]]]:
        """Pickled as its events and facts, so cases can go to worker processes."""
        return (Case, (self.events, dict(self.facts)))


def order_key(moment: Moment) -> tuple[date, int, float]:
    """Sort key putting date-only events first on their day, then by the real moment."""
    if isinstance(moment, datetime):
        return (local_date(moment), 1, moment.timestamp())
    return (moment, 0, 0.0)


def on_or_after(later: Moment, earlier: Moment) -> bool:
    """``later`` is at or after ``earlier``; by day when either has no time of day."""
    if isinstance(later, datetime) and isinstance(earlier, datetime):
        return later >= earlier
    return _day(later) >= _day(earlier)


def _day(moment: Moment) -> date:
    return local_date(moment) if isinstance(moment, datetime) else moment


def day_of(moment: Moment) -> date:
    """The Danish calendar day of a due date or moment: the date itself, or the
    Europe/Copenhagen day of an aware datetime. Compare dues with days through it
    (``day_of(ob.due) <= date(2024, 4, 4)``): a datetime and a date do not compare."""
    return _day(check_moment(moment, "moment"))


class Status(enum.StrEnum):
    """Where an obligation stands on the evaluation date."""

    PENDING = "pending"
    MET = "met"
    MET_LATE = "met_late"
    OVERDUE = "overdue"
    ENDED = "ended"

    def label(self, lang: Language) -> str:
        """'opfyldt for sent' / 'met late'."""
        return _STATUS_LABELS[self][0 if lang == "da" else 1]


_STATUS_LABELS = {
    Status.PENDING: ("afventer", "pending"),
    Status.MET: ("opfyldt", "met"),
    Status.MET_LATE: ("opfyldt for sent", "met late"),
    Status.OVERDUE: ("overskredet", "overdue"),
    Status.ENDED: ("bortfaldet", "ended"),
}


@attrs.frozen
class Obligation:
    """One occurrence of an obligation in a case, as it stands on ``as_of``."""

    rule_id: str
    title: Text
    occurrence: int
    trigger: Event
    version: RuleVersion
    due: date | datetime | None
    """A date for day-based rules, an aware datetime (Europe/Copenhagen) for hour rules,
    None when there is no due date (see the notes); :attr:`due_day` is always a date."""
    practical_due: date | datetime | None
    status: Status
    as_of: Moment
    fulfilled_by: Event | None = None
    ended_by: Event | None = None
    deadline: Deadline | None = None
    _notes: tuple[Note, ...] | Callable[[Obligation], tuple[Note, ...]] = attrs.field(
        default=(), eq=False, repr=False, alias="notes"
    )
    """The notes, or what writes them when first read: an evaluation settles every
    obligation without writing notes and replays the case with notes only when asked."""
    conditions: tuple[Condition, ...] = ()
    questions: tuple[Question, ...] = ()
    no_due_reason: str | None = None
    """Why there is no due date, as a note kind a sweep can count: ``"next-not-set"``
    (the municipality set no next follow-up), ``"needs-time"``, ``"not-configured"``,
    ``"configurable"``, ``"no-duration"``, ``"missing-birth"``, ``"missing-fact"`` (the
    trigger lacks the date fact the date is counted from); None when there is a due."""
    linked_on_trust: tuple[str, ...] = ()
    """The link facts (``undersoegelse_id``, ...) given on only one of the trigger and the
    event that fulfilled or ended it: the two were counted as one matter on trust (the
    catalog's convention), which a data-quality count may want to see."""

    @property
    def notes(self) -> tuple[Note, ...]:
        """What the engine found on the way to the date and status, as data (see explain())."""
        notes = self._notes
        return notes if isinstance(notes, tuple) else notes(self)

    @property
    def fulfilled_at(self) -> Moment | None:
        """When it was fulfilled, or None."""
        return self.fulfilled_by.at if self.fulfilled_by is not None else None

    @property
    def ended_at(self) -> Moment | None:
        """When it ended (the measure stopped), or None."""
        return self.ended_by.at if self.ended_by is not None else None

    @property
    def on_closed_day(self) -> bool:
        """True when the due date is a closed day the deadline does not move off."""
        return self.due is not None and self.practical_due != self.due

    @property
    def due_day(self) -> date | None:
        """The Danish calendar day the obligation is due, comparable with any date."""
        return _day(self.due) if self.due is not None else None

    def due_by(self, day: date) -> bool:
        """True when it has a due date on or before ``day`` (a date; a datetime's own day)."""
        return self.due is not None and _day(self.due) <= day_of(day)

    @property
    def next_not_set(self) -> bool:
        """True for a follow-up whose next date the municipality never set (Barnets lov § 95):
        pending with no date, a result to act on rather than an open-ended wait."""
        return self.no_due_reason == "next-not-set"

    @property
    def needs_time_of_day(self) -> bool:
        """True when the rule counts hours and its trigger was given without a time of day:
        the obligation has no due date until the moment is given."""
        return self.no_due_reason == "needs-time"

    def explain(self, lang: Language = "da") -> str:
        """The obligation, the rule and version that applied, every calendar step, the status."""
        heading = f"{self.rule_id}: {self.title(lang)}"
        if self.occurrence > 1:
            heading += f" ({'forekomst' if lang == 'da' else 'occurrence'} {self.occurrence})"
        return explanation(heading, self.notes, self.deadline, self.questions, lang)

    def describe_due(self, lang: Language) -> str:
        """The due date as text, or 'ingen frist' / 'no deadline'."""
        if self.due is None:
            if self.needs_time_of_day:
                return "mangler klokkeslæt" if lang == "da" else "needs the time of day"
            if self.next_not_set:
                return "næste opfølgning ikke fastsat" if lang == "da" else "next follow-up not set"
            return "ingen frist" if lang == "da" else "no deadline"
        if isinstance(self.due, datetime):
            return format_moment(self.due, lang)
        return format_date(self.due, lang)
