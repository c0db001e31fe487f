"""A case as frister sees it: events with facts in, obligations with explanations out."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cached_property
from types import MappingProxyType
from typing import Any

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
    """A date, or an aware datetime, in the supported range; anything else raises."""
    if isinstance(value, datetime):
        return check_aware(value, field)
    return check_date(value, field)


def _check_at(instance: Event, attribute: attrs.Attribute[Moment], value: Moment) -> None:
    check_moment(value, "at")


def _check_kind(instance: Event, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise InputError("kind", value, "expected an event kind such as 'underretning.modtaget'")


@attrs.frozen
class Event:
    """Something that happened in a case: its kind, when, and its facts."""

    kind: str = attrs.field(validator=_check_kind)
    at: Moment = attrs.field(validator=_check_at)
    facts: Mapping[str, Any] = attrs.field(factory=dict, converter=_freeze, hash=False)

    @cached_property
    def day(self) -> date:
        """The Danish calendar day it happened on."""
        return local_date(self.at) if isinstance(self.at, datetime) else self.at

    def describe(self, lang: Language) -> str:
        """'underretning.modtaget fre. 22. mar. 2024 kl. 16:05 (CET)'."""
        return f"{self.kind} {format_moment(self.at, lang)}"

    def __reduce__(self) -> tuple[type[Event], tuple[str, Moment, dict[str, Any]]]:
        """Pickled as its kind, time and facts (the read-only facts do not pickle)."""
        return (Event, (self.kind, self.at, dict(self.facts)))


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
    due: Moment | None
    practical_due: Moment | None
    status: Status
    as_of: Moment
    fulfilled_by: Event | None = None
    ended_by: Event | None = None
    deadline: Deadline | None = None
    notes: tuple[Note, ...] = ()
    conditions: tuple[Condition, ...] = ()
    questions: tuple[Question, ...] = ()

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

    def explain(self, lang: Language = "da") -> str:
        """The obligation, the rule and version that applied, every calendar step, the status."""
        heading = f"{self.rule_id}: {self.title(lang)}"
        if self.occurrence > 1:
            heading += f" ({'forekomst' if lang == 'da' else 'occurrence'} {self.occurrence})"
        return explanation(heading, self.notes, self.deadline, self.questions, lang)

    def describe_due(self, lang: Language) -> str:
        """The due date as text, or 'ingen frist' / 'no deadline'."""
        if self.due is None:
            return "ingen frist" if lang == "da" else "no deadline"
        if isinstance(self.due, datetime):
            return format_moment(self.due, lang)
        return format_date(self.due, lang)
