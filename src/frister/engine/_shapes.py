"""One strategy per shape: deadlines and recurrences, yearly periods, duties after a miss."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from frister.case import Event, Obligation, Status
from frister.deadlines import (
    Duration,
    Roll,
    Unit,
    compute_deadline,
)
from frister.engine._context import Context, YearReading, both, day, following
from frister.engine._due import occurrence_due
from frister.engine._settle import conclude, settle, status_of
from frister.engine._versions import governing_on, version_at, version_note
from frister.explain import Note
from frister.rules import (
    Condition,
    ObligationRule,
    RuleVersion,
    Shape,
    Text,
)


def occurrences(
    context: Context, rule: ObligationRule, version: RuleVersion, event: Event, claimed: set[int]
) -> list[Obligation]:
    if version.frequency is not None:
        return _periods(context, rule, version, event)
    results = []
    anchor: Event = event
    number = 1
    while True:
        ob = _occurrence(context, rule, version, event, anchor, number, claimed)
        results.append(ob)
        if rule.shape is not Shape.R or ob.fulfilled_by is None or ob.status is Status.ENDED:
            return results
        anchor = ob.fulfilled_by
        number += 1
        variant = rule.variants()[version.variant]
        following_version = version_at(variant, version.trigger, anchor.day) or ob.version
        if rule.id in context.frozen_rules and following_version.law.key != ob.version.law.key:
            following_version = ob.version  # a reading of D.1: the old law keeps governing
        version = following_version


def _occurrence(
    context: Context,
    rule: ObligationRule,
    version: RuleVersion,
    trigger: Event,
    anchor: Event,
    number: int,
    claimed: set[int],
) -> Obligation:
    notes = _opening_notes(context, version, trigger)
    due, deadline, version, more = occurrence_due(context, rule, version, trigger, anchor, number)
    notes.extend(more)
    return settle(context, rule, version, trigger, anchor, number, due, deadline, notes, claimed)


def _actual(condition: Condition, event: Event, case_facts: Mapping[str, Any]) -> object:
    facts = event.facts if condition.scope == "event" else case_facts
    value = facts.get(condition.name)
    if value is None:
        return Text("ikke oplyst", "not given")
    return value


def duplicate(ob: Obligation, earlier: Sequence[Obligation]) -> bool:
    return any(
        other.version.variant == ob.version.variant
        and other.due == ob.due
        and other.status is not Status.ENDED
        for other in earlier
    )


def _periods(
    context: Context, rule: ObligationRule, version: RuleVersion, trigger: Event
) -> list[Obligation]:
    assert version.frequency is not None
    count = version.frequency.count
    today = day(context.as_of)
    end = next(following(context, version.ended_by, trigger, version.match), None)
    talks = [
        e
        for e in following(context, version.fulfilled_by, trigger, version.match)
        if context.holds(version.fulfilled_when, e, at=trigger)
    ]
    results = []
    start = max(trigger.day, version.valid_from or trigger.day)
    number = 1
    while start <= today:
        last = _period_end(start, trigger.day, number, context.reading)
        inside = [e for e in talks if start <= e.day <= last]
        notes = _trigger_notes(context, version, trigger)
        governing = governing_on(context.catalog, rule, version, last, context.notes(notes))
        if context.explaining:
            notes.append(
                Note.of(
                    "period", {"start": start, "end": last, "count": count, "seen": len(inside)}
                )
            )
        fulfilled = inside[count - 1] if len(inside) >= count else None
        stopped = end if end is not None and end.day <= last and fulfilled is None else None
        practical = context.catalog.calendar.roll_backward(last)
        status = status_of(context, governing, last, fulfilled, stopped)
        ob = conclude(
            context,
            rule,
            governing,
            trigger,
            number,
            status,
            last,
            practical,
            fulfilled,
            stopped,
            None,
            notes,
        )
        results.append(ob)
        if end is not None and end.day <= last:
            break
        start = last + timedelta(days=1)
        number += 1
    return results


def _opening_notes(context: Context, version: RuleVersion, trigger: Event) -> list[Note]:
    """The trigger (and how it was derived) and each condition the version asks, with the
    value it met, when explaining."""
    if not context.explaining:
        return []
    notes = [Note.of("trigger", {"event": context.describe(trigger)})]
    if id(trigger) in context.derived:
        notes.append(context.derived[id(trigger)])
    facts = context.facts_at(trigger)
    notes.extend(
        Note.of("condition", {"condition": both(c.describe), "actual": _actual(c, trigger, facts)})
        for c in version.when
    )
    return notes


def _trigger_notes(context: Context, version: RuleVersion, trigger: Event) -> list[Note]:
    """The opening notes and the version in force on the trigger's day, when explaining."""
    notes = _opening_notes(context, version, trigger)
    if context.explaining:
        notes.append(version_note(version, "trigger", trigger.day))
    return notes


def _period_end(start: date, first: date, number: int, reading: YearReading) -> date:
    if reading is YearReading.CALENDAR_YEAR:
        return date(start.year, 12, 31)
    deadline = compute_deadline(first, Duration(12 * number, Unit.MONTHS), roll=Roll.KEEP)
    assert isinstance(deadline.due, date)
    return deadline.due - timedelta(days=1)


def arising(
    context: Context, rule: ObligationRule, missed: Obligation, claimed: set[int]
) -> list[Obligation]:
    trigger = missed.trigger
    results = []
    for versions in rule.variants().values():
        version = version_at(versions, trigger.kind, trigger.day)
        if version is None:
            continue
        if not context.holds(version.when, trigger):
            continue  # the duty's own conditions, read on the missed one's trigger
        notes = _trigger_notes(context, version, trigger)
        if missed.due is not None:
            version = governing_on(
                context.catalog, rule, version, day(missed.due), context.notes(notes)
            )
        if context.explaining:
            notes.append(Note.of("arises", {"parent": missed.rule_id, "due": missed.due}))
        results.append(
            settle(
                context,
                rule,
                version,
                trigger,
                trigger,
                1,
                missed.due,
                missed.deadline,
                notes,
                claimed,
            )
        )
    return results
