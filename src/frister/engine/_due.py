"""Due dates: the deadline of one occurrence under the version in force when it falls due."""

from __future__ import annotations

from datetime import date, datetime

import attrs

from frister.calendar import Language
from frister.case import Event, Moment
from frister.deadlines import (
    Deadline,
    Duration,
    Unit,
    birthday,
    compute_deadline,
)
from frister.deadlines._steps import Due, Earliest, Expiry, ExpiryAction
from frister.engine._context import Context, both, day, following, on_time
from frister.engine._versions import crosses_law, transition, version_note
from frister.errors import InputError
from frister.explain import Note
from frister.rules import (
    Alternative,
    CatalogData,
    ObligationRule,
    RuleVersion,
    Text,
)


def occurrence_due(
    context: Context,
    rule: ObligationRule,
    version: RuleVersion,
    trigger: Event,
    anchor: Event,
    number: int,
) -> tuple[Moment | None, Deadline | None, RuleVersion, list[Note]]:
    """The due date under the version in force on the day it falls due, with its notes."""
    notes: list[Note] = []
    if context.explaining:
        notes.append(version_note(version, "trigger" if number == 1 else "anchor", anchor.day))
    due, deadline, more = _due_under(context, rule, version, trigger, anchor, number)
    seen = {version.id}
    while due is not None and version.valid_to is not None and day(due) > version.valid_to:
        if rule.id in context.frozen_rules and crosses_law(context.catalog, rule, version):
            if context.explaining:
                notes.append(Note.of("reading-kept", {"old": str(version.citation)}))
            break
        successor = transition(context.catalog, rule, version, day(due), context.notes(notes))
        if successor is None or successor.id in seen:
            break
        version = successor
        seen.add(version.id)
        due, deadline, more = _due_under(context, rule, version, trigger, anchor, number)
        if due is not None and version.valid_from is not None and day(due) < version.valid_from:
            # The new rule's own date lies before it existed. The shared law has no basis for
            # a date here: frister assumes the day the new rule entered into force, says so,
            # and shows that day's own steps (flagged if closed), so steps and due agree.
            if context.explaining:
                more.append(
                    Note.of("entry-into-force", {"computed": due, "due": version.valid_from})
                )
            deadline = _fixed(context.catalog, version, version.valid_from)
            due = deadline.due
    return due, deadline, version, notes + more


def _due_under(
    context: Context,
    rule: ObligationRule,
    version: RuleVersion,
    trigger: Event,
    anchor: Event,
    number: int,
) -> tuple[Moment | None, Deadline | None, list[Note]]:
    catalog = context.catalog
    notes: list[Note] = []
    if version.before:
        if context.explaining:
            notes.append(Note.of("before", {"event": context.describe(trigger)}))
        return trigger.at, None, notes
    if number > 1:
        return _next_due(context, version, anchor, number, notes)
    fixed = trigger.facts.get(version.due_from_fact) if version.due_from_fact else None
    if isinstance(fixed, date):
        if context.explaining:
            notes.append(Note.of("due-from-fact", {"fact": version.due_from_fact, "due": fixed}))
        deadline = _fixed(catalog, version, fixed)
        return deadline.due, deadline, notes
    duration = _duration(context, rule, version, trigger, notes)
    start: Moment | Deadline = trigger.at
    if version.from_fact is not None:
        anchor_day = trigger.facts.get(version.from_fact)
        if not isinstance(anchor_day, date):
            # Decisive (why there is no date): written whether or not explaining.
            notes.append(
                Note.of("missing-fact", {"event": trigger.kind, "fact": version.from_fact})
            )
            return None, None, notes
        start = anchor_day
        if context.explaining:
            notes.append(Note.of("fact-anchor", {"fact": version.from_fact, "day": anchor_day}))
    if version.age is not None:
        fact = context.catalog.birth_fact
        birth = context.case_facts.get(fact) if fact is not None else None
        if not isinstance(birth, date):
            notes.append(Note.of("missing-birth", {"fact": fact}))
            return None, None, notes
        start = birthday(birth, version.age, march_first=context.march_first)
        if context.explaining:
            notes.append(Note.of("age-anchor", {"age": version.age, "birth": birth}))
        if duration is None:
            assert isinstance(start.due, date)
            settled = _fixed(catalog, version, start.due)
            deadline = attrs.evolve(settled, steps=(*start.steps[:-1], *settled.steps))
            return deadline.due, deadline, notes
    if duration is None:
        if not any(n.kind in ("not-configured", "configurable") for n in notes):
            notes.append(Note.of("no-duration"))
        return None, None, notes
    if duration.unit is Unit.HOURS and not isinstance(start, datetime):
        index = context.given_index.get(id(trigger))
        where = f"events[{index}]" if index is not None else trigger.kind
        notes.append(Note.of("needs-time", {"event": where, "duration": both(duration.describe)}))
        return None, None, notes
    deadline = _compute(catalog, version, start, duration, trigger)
    due: Moment = deadline.due
    for event in following(context, version.or_at_event, trigger, version.match):
        if on_time(event.at, due) and event.at != due:
            due = event.day
            if context.explaining:
                notes.append(
                    Note.of("earlier-event", {"event": context.describe(event), "due": due})
                )
        break
    if version.notice:
        if context.explaining:
            notes.append(Note.of("notice"))
        deadline = _as_minimum(deadline, context.notes(notes))
    elif version.earliest:
        if context.explaining:
            notes.append(Note.of("earliest", {"event": trigger.kind}))
        deadline = _as_minimum(deadline, context.notes(notes), "earliest-closed")
    return due, deadline, notes


def _as_minimum(
    deadline: Deadline, notes: list[Note] | None, kind: str = "notice-closed"
) -> Deadline:
    """A notice (or an earliest date) is a minimum: its date is the earliest day the decision
    may take effect (or be made), so no earlier 'practical' day is shown or used, even when
    the day is closed, and its last step says 'earliest', not a deadline's whole day."""
    kept = [s for s in deadline.steps if isinstance(s, Expiry) and s.action is ExpiryAction.KEPT]
    if kept and notes is not None:
        notes.append(Note.of(kind, {"due": deadline.due}))
    assert isinstance(deadline.due, date)  # day-based: a minimum counts days, not hours
    steps = (
        *(s for s in deadline.steps if s not in kept and not isinstance(s, Due)),
        Earliest(deadline.due),
    )
    return attrs.evolve(deadline, practical_due=deadline.due, steps=steps)


def _next_due(
    context: Context, version: RuleVersion, anchor: Event, number: int, notes: list[Note]
) -> tuple[Moment | None, Deadline | None, list[Note]]:
    if context.explaining:
        notes.append(Note.of("recurrence", {"number": number, "anchor": context.describe(anchor)}))
    if version.then is not None:
        deadline = _compute(context.catalog, version, anchor.at, version.then, anchor)
        return deadline.due, deadline, notes
    fact = version.then_from_fact
    value = anchor.facts.get(fact) if fact else None
    if isinstance(value, date):
        if context.explaining:
            notes.append(Note.of("next-from-fact", {"fact": fact, "due": value}))
        deadline = _fixed(context.catalog, version, value)
        return deadline.due, deadline, notes
    notes.append(Note.of("next-not-set", {"fact": fact, "anchor": anchor.day}))
    return None, None, notes


def _duration(
    context: Context, rule: ObligationRule, version: RuleVersion, trigger: Event, notes: list[Note]
) -> Duration | None:
    for alternative in version.deadlines:
        if not alternative.when or context.holds(alternative.when, trigger):
            if alternative.when and context.explaining:
                notes.append(_alternative_note(alternative))
            return alternative.duration
    configured = context.catalog.durations.get(rule.id)
    if version.configurable and configured is not None:
        name = configured.fact.split(".", 1)[1]
        value = trigger.facts.get(name)
        duration = configured.values.get(str(value)) if value is not None else None
        if duration is not None:
            if context.explaining:
                notes.append(
                    Note.of(
                        "configured",
                        {
                            "pack": configured.pack,
                            "fact": configured.fact,
                            "value": value,
                            "duration": both(duration.describe),
                        },
                    )
                )
            return duration
        shown = value if value is not None else Text("ikke oplyst", "not given")
        notes.append(Note.of("not-configured", {"fact": configured.fact, "value": shown}))
    elif version.configurable:
        notes.append(Note.of("configurable"))
    return None


def _alternative_note(alternative: Alternative) -> Note:
    def because(lang: Language) -> str:
        joiner = " og " if lang == "da" else " and "
        return joiner.join(c.describe(lang) for c in alternative.when)

    return Note.of(
        "alternative",
        {"duration": both(alternative.duration.describe), "condition": both(because)},
    )


def _compute(
    catalog: CatalogData,
    version: RuleVersion,
    start: Moment | Deadline,
    duration: Duration,
    trigger: Event,
) -> Deadline:
    if duration.unit is Unit.HOURS and not isinstance(start, datetime):
        raise InputError(
            f"{trigger.kind}.at",
            trigger.at,
            f"{version.obligation} counts {duration} and needs the time of day: give an aware "
            "datetime",
        )
    assert version.roll is not None  # the loader requires a roll wherever a deadline is computed
    closed, months, direction = version.expiry_closed, version.months, version.direction
    if duration.unit is not Unit.HOURS:
        return catalog.deadline(start, duration, version.roll, closed, months, direction)
    return compute_deadline(
        start,
        duration,
        roll=version.roll,
        calendar=catalog.calendar,
        expiry_calendar=catalog.expiry_calendar(closed),
        months=months,
        direction=direction,
    )


def _fixed(catalog: CatalogData, version: RuleVersion, day: date) -> Deadline:
    """A date set by the authority or a decision, moved or flagged by the rule's roll."""
    assert version.roll is not None  # the loader requires a roll wherever a date is set
    return catalog.fixed(day, version.roll, version.expiry_closed)
