"""Settling an occurrence: what fulfilled or ended it, and its status on the evaluation date."""

from __future__ import annotations

from frister.case import Event, Moment, Obligation, Status, on_or_after
from frister.deadlines import (
    Deadline,
)
from frister.engine._context import (
    Context,
    both,
    day,
    following,
    linked,
    linked_on_trust,
    on_time,
    past,
)
from frister.engine._versions import governing_on
from frister.explain import Note, no_due_reason
from frister.rules import (
    ObligationRule,
    RuleVersion,
    Shape,
)


def settle(
    context: Context,
    rule: ObligationRule,
    version: RuleVersion,
    trigger: Event,
    anchor: Event,
    number: int,
    due: Moment | None,
    deadline: Deadline | None,
    notes: list[Note],
    claimed: set[int],
) -> Obligation:
    if version.before:
        fulfilled = _fulfilling(context, version, version.fulfilled_by, trigger, trigger, claimed)
        exempted = (
            None
            if fulfilled
            else _fulfilling(context, version, version.exempted_by, trigger, trigger, claimed)
        )
        if exempted is not None:
            if context.explaining:
                notes.append(Note.of("exempted", {"event": context.describe(exempted)}))
            fulfilled = exempted
    elif version.earliest:
        # The act an earliest date limits is the trigger itself: in order on or after the date.
        fulfilled = trigger if due is not None and on_or_after(trigger.at, due) else None
    else:
        # A derived trigger (a receipt) counts from the event it was derived from: a complaint
        # made before the deemed receipt is in time.
        start = context.derived_from.get(id(anchor), anchor)
        fulfilled = _fulfilling(context, version, version.fulfilled_by, start, trigger, claimed)
    ended = _ending(context, version, trigger, fulfilled, due)
    if fulfilled is not None and ended is None:
        claimed.add(id(fulfilled))
    if due is None and version.valid_to is not None:
        # An open duty with no date is finished under the rule in force when it is done
        # (or still open): Barnets lov § 213 stk. 1 for matters open on 31 Dec 2023.
        done = fulfilled.day if fulfilled is not None else day(context.as_of)
        version = governing_on(context.catalog, rule, version, done, context.notes(notes))
    if version.notice or version.earliest:
        practical: Moment | None = due  # the earliest day a decision may take effect: no earlier
    elif deadline is not None and deadline.due == due:
        practical = deadline.practical_due
    else:
        practical = due
    status = status_of(context, version, due, fulfilled, ended)
    if context.explaining and version.earliest and due is not None:
        said = "earliest-kept" if status is Status.MET else "too-early"
        notes.append(Note.of(said, {"event": context.describe(trigger), "due": due}))
    if context.explaining and status is Status.OVERDUE:
        if version.before:
            notes.append(Note.of("before-breached", {"event": context.describe(trigger)}))
        if rule.shape is Shape.C:
            notes.append(Note.of("citizen-expired"))
    return conclude(
        context,
        rule,
        version,
        trigger,
        number,
        status,
        due,
        practical,
        fulfilled if ended is None else None,
        ended,
        deadline,
        notes,
    )


def conclude(
    context: Context,
    rule: ObligationRule,
    version: RuleVersion,
    trigger: Event,
    number: int,
    status: Status,
    due: Moment | None,
    practical: Moment | None,
    fulfilled: Event | None,
    ended: Event | None,
    deadline: Deadline | None,
    notes: list[Note],
) -> Obligation:
    """The occurrence as it stands, with the fulfilment, ending and status written out."""
    match = version.match
    by_fulfilment = linked_on_trust(trigger, fulfilled, match) if match and fulfilled else ()
    by_ending = linked_on_trust(trigger, ended, match) if match and ended else ()
    if context.explaining:
        for event, kind, lacking in (
            (fulfilled, "fulfilled", by_fulfilment),
            (ended, "ended", by_ending),
        ):
            if event is None:
                continue
            notes.append(Note.of(kind, {"event": context.describe(event)}))
            if lacking:
                described = {"event": context.describe(event), "facts": ", ".join(lacking)}
                notes.append(Note.of("link-assumed", described))
        notes.append(Note.of("status", {"as_of": context.as_of, "status": both(status.label)}))
    return Obligation(
        rule_id=rule.id,
        title=rule.title,
        occurrence=number,
        trigger=trigger,
        version=version,
        due=due,
        practical_due=practical,
        status=status,
        as_of=context.as_of,
        fulfilled_by=fulfilled,
        ended_by=ended,
        deadline=deadline,
        notes=tuple(notes) if context.replay is None else context.replay,
        conditions=version.when,
        questions=version.questions,
        no_due_reason=no_due_reason(notes) if due is None else None,
        linked_on_trust=tuple(dict.fromkeys(by_fulfilment + by_ending)),
    )


def _fulfilling(
    context: Context,
    version: RuleVersion,
    kinds: tuple[str, ...],
    trigger: Event,
    occurrence: Event,
    claimed: set[int],
) -> Event | None:
    """The first unclaimed event of ``kinds`` linked to ``trigger`` that meets the rule's
    fulfilment conditions (read with the case facts at the ``occurrence``'s trigger): at
    or after the trigger, or at or before it for a precondition."""
    at, before, match, conditions = (
        trigger.at,
        version.before,
        version.match,
        version.fulfilled_when,
    )
    for event in context.of_kinds(kinds):
        if event is trigger or id(event) in claimed:
            continue
        in_order = on_or_after(at, event.at) if before else on_or_after(event.at, at)
        if not in_order or not linked(trigger, event, match):
            continue
        if not conditions or context.holds(conditions, event, at=occurrence):
            return event
    return None


def _ending(
    context: Context,
    version: RuleVersion,
    trigger: Event,
    fulfilled: Event | None,
    due: Moment | None,
) -> Event | None:
    for event in following(context, version.ended_by, trigger, version.match):
        if fulfilled is not None and on_or_after(event.at, fulfilled.at):
            return None
        if due is not None and past(event.at, due):
            return None  # the deadline had already run out: the breach stands
        return event
    return None


def status_of(
    context: Context,
    version: RuleVersion,
    due: Moment | None,
    fulfilled: Event | None,
    ended: Event | None,
) -> Status:
    if ended is not None:
        return Status.ENDED
    if version.earliest:
        # Met when the act came on or after its earliest date; before it, too early: a
        # breach, shown as overdue (Status has no value of its own for it; see the notes).
        if due is None:
            return Status.PENDING
        return Status.MET if fulfilled is not None else Status.OVERDUE
    if fulfilled is not None:
        if due is None or version.before or on_time(fulfilled.at, due):
            return Status.MET
        return Status.MET_LATE
    if due is None:
        return Status.PENDING
    if version.notice:
        return Status.MET if day(context.as_of) >= day(due) else Status.PENDING
    if version.before or past(context.as_of, due):
        return Status.OVERDUE
    return Status.PENDING
