"""The evaluation context: a case's timeline indexed once, and the small predicates on moments."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from frister.calendar import Language, local_date
from frister.case import Event, Moment, Obligation, on_or_after, order_key
from frister.explain import Note
from frister.rules import CatalogData, Condition, OpenWhile, Text


class YearReading(enum.Enum):
    """How 'at least N times a year' is read (research A.6: awaiting legal source)."""

    CALENDAR_YEAR = "calendar-year"
    """Each calendar year the measure runs (the default)."""
    ROLLING = "rolling"
    """Each 12-month period counted from the start of the measure."""


def day(moment: Moment) -> date:
    return local_date(moment) if isinstance(moment, datetime) else moment


def past(as_of: Moment, due: Moment) -> bool:
    """The deadline has run out on ``as_of``: a day deadline runs the whole due day."""
    if isinstance(as_of, datetime) and isinstance(due, datetime):
        return as_of > due
    return day(as_of) > day(due)


def on_time(done: Moment, due: Moment) -> bool:
    if isinstance(done, datetime) and isinstance(due, datetime):
        return done <= due
    return day(done) <= day(due)


class Context:
    """One evaluation's state: the catalog, the case's visible timeline and its indexes,
    the readings asked for, and the results so far (arising duties read their parents')."""

    def __init__(
        self,
        catalog: CatalogData,
        case_facts: Mapping[str, Any],
        events: list[Event],
        as_of: Moment,
        reading: YearReading,
        march_first: bool = False,
        frozen_rules: frozenset[str] = frozenset(),
        explaining: bool = True,
    ) -> None:
        self.catalog = catalog
        self.case_facts = case_facts
        self.events = events
        self.as_of = as_of
        self.reading = reading
        self.march_first = march_first
        """A 29 February birthday falls on 1 March in other years (a reading of research B.3)."""
        self.frozen_rules = frozen_rules
        """Rules whose trigger's version keeps governing after it ended (a reading of D.1)."""
        self.explaining = explaining
        """Write every note. Without, only the notes that decide something (why there is no
        due date) are written, and the obligations replay the case when their notes are read."""
        self.replay: Callable[[Obligation], tuple[Note, ...]] | None = None
        """What writes the notes of a quiet evaluation's obligations when they are read."""
        self.derived: dict[int, Note] = {}
        self.derived_from: dict[int, Event] = {}
        self.results: dict[str, list[Obligation]] = {}
        self.given_index: dict[int, int] = {}
        """Each event's index in the case as given (``events[3]``), for messages."""
        self._rank: dict[int, int] = {}
        self._by_kinds: dict[tuple[str, ...], list[Event]] = {}
        self._facts_at: dict[int, dict[str, Any]] = {}
        self._keys: dict[int, tuple[object, ...]] = {}
        self._described: dict[int, Text] = {}

    def notes(self, notes: list[Note]) -> list[Note] | None:
        """``notes`` to write into when explaining, else None (write nothing)."""
        return notes if self.explaining else None

    def index(self) -> None:
        """Index the (final, sorted) timeline: ranks, events by kind."""
        self._rank = {}
        self._by_kinds.clear()
        previous: tuple[object, ...] | None = None
        rank = 0
        for position, event in enumerate(self.events):
            self._by_kinds.setdefault((event.kind,), []).append(event)
            key = self.key(event)
            if key != previous:
                rank, previous = position, key
            self._rank[id(event)] = rank

    def key(self, event: Event) -> tuple[object, ...]:
        """The event's :func:`event_key`, worked out once per evaluation."""
        key = self._keys.get(id(event))
        if key is None:
            key = self._keys[id(event)] = event_key(event)
        return key

    def describe(self, event: Event) -> Text:
        """The event as notes show it, one text per event however many notes name it."""
        text = self._described.get(id(event))
        if text is None:
            text = self._described[id(event)] = describe_event(event)
        return text

    def kinds(self) -> frozenset[str]:
        """The event kinds the timeline has."""
        return frozenset(event.kind for event in self.events)

    def rank(self, event: Event) -> int:
        """The event's place in time order; events alike in time, kind and facts share it."""
        return self._rank[id(event)]

    def of_kinds(self, kinds: tuple[str, ...]) -> list[Event]:
        """The events of these kinds, in timeline order."""
        found = self._by_kinds.get(kinds)
        if found is None:
            wanted = set(kinds)
            found = [e for e in self.events if e.kind in wanted]
            self._by_kinds[kinds] = found
        return found

    def facts_at(self, event: Event) -> dict[str, Any]:
        """The case facts, plus the derived case facts (``aktiv_indsats``) at the event's time."""
        facts = self._facts_at.get(id(event))
        if facts is None:
            facts = dict(self.case_facts)
            for spec in self.catalog.derived_facts:
                assert spec.derived_from is not None
                facts[spec.name] = self._open_at(spec.derived_from, event)
            self._facts_at[id(event)] = facts
        return facts

    def holds(self, conditions: Sequence[Condition], event: Event, at: Event | None = None) -> bool:
        """Whether every condition holds: event facts read on ``event`` (and its day), case
        facts (with the derived ones) as they stood at ``at`` (by default ``event``), worked
        out only if a condition reads one."""
        case_facts: Mapping[str, Any] = _UNREAD
        for condition in conditions:
            if case_facts is _UNREAD and condition.scope != "event":
                case_facts = self.facts_at(event if at is None else at)
            if not condition.holds(event.facts, case_facts, event.day):
                return False
        return True

    def _open_at(self, how: OpenWhile, at: Event) -> bool:
        """Some matter is open at ``at``: opened by an earlier event and not yet closed."""
        open_keys: dict[object, int] = {}
        for event in self.of_kinds((how.opened_by, how.closed_by)):
            if event is at or not on_or_after(at.at, event.at):
                continue
            key = event.facts.get(how.key)
            if event.kind == how.opened_by:
                open_keys[key] = open_keys.get(key, 0) + 1
            elif open_keys.get(key):
                open_keys[key] -= 1
        return any(count > 0 for count in open_keys.values())


_UNREAD: Mapping[str, Any] = MappingProxyType({})
"""The case facts before a condition has needed them."""


def event_key(event: Event) -> tuple[object, ...]:
    """Time order; events at the same moment in a fixed order, whatever order they came in."""
    return (*order_key(event.at), event.kind, _FactsOrder(event))


class _FactsOrder:
    """An event's facts as a sort key, written out only when two events alike in time and
    kind are compared (rarely: most events differ before their facts are reached)."""

    __slots__ = ("_event", "_key")

    def __init__(self, event: Event) -> None:
        self._event = event
        self._key: list[tuple[str, str]] | None = None

    def key(self) -> list[tuple[str, str]]:
        if self._key is None:
            self._key = sorted((k, repr(v)) for k, v in self._event.facts.items())
        return self._key

    def __lt__(self, other: _FactsOrder) -> bool:
        return self.key() < other.key()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _FactsOrder) and self.key() == other.key()

    __hash__ = None  # type: ignore[assignment]


def linked(a: Event, b: Event, facts: Sequence[str]) -> bool:
    """Events of one matter: every link fact both carry has the same value."""
    mine, theirs = a.facts, b.facts
    for fact in facts:
        if fact in mine and fact in theirs and mine[fact] != theirs[fact]:
            return False
    return True


def linked_on_trust(a: Event, b: Event, facts: Sequence[str]) -> tuple[str, ...]:
    """The link facts only one of two linked events carries: :func:`linked` took them to be
    of one matter on trust."""
    return tuple(f for f in facts if (f in a.facts) != (f in b.facts))


def following(
    context: Context, kinds: tuple[str, ...], trigger: Event, match: Sequence[str]
) -> Iterator[Event]:
    """The events of ``kinds`` at or after ``trigger`` and of its matter, in time order."""
    at = trigger.at
    for e in context.of_kinds(kinds):
        if e is not trigger and on_or_after(e.at, at) and linked(trigger, e, match):
            yield e


def both(render: Callable[[Language], str]) -> Text:
    """A text in both languages, written when first read, so notes stay language-neutral data."""
    return Text.rendered(render)


def describe_event(event: Event) -> Text:
    def describe(lang: Language) -> str:
        facts = ", ".join(f"{k}={v}" for k, v in event.facts.items())
        return event.describe(lang) + (f" ({facts})" if facts else "")

    return both(describe)
