"""Derived events: a decision's receipt worked out from how it was sent, where none is recorded."""

from __future__ import annotations

from datetime import date
from functools import partial

from frister.calendar import Language
from frister.case import Event, on_or_after
from frister.deadlines import (
    Direction,
    MonthRule,
    Roll,
    Unit,
)
from frister.deadlines._steps import Count
from frister.engine._context import Context, both, linked
from frister.explain import Note


def _describe(steps: tuple[Count, ...], lang: Language) -> str:
    return "; ".join(step.describe(lang) for step in steps)


def derive(context: Context) -> None:
    """Add derived events (a decision's receipt from how it was sent) where none is recorded."""
    added = []
    for derivation in context.catalog.derivations.values():
        recorded = [e for e in context.events if e.kind == derivation.kind]
        for source in (e for e in context.events if e.kind == derivation.source):
            if any(linked(source, e, derivation.match) for e in recorded):
                continue
            channel = source.facts.get(derivation.by)
            after = derivation.after.get(str(channel)) if channel is not None else None
            if after is None:
                continue
            deadline = context.catalog.deadline(
                source.day, after, Roll.KEEP, (), MonthRule.SAME_DAY_OR_MONTH_END, Direction.AFTER
            )
            day = deadline.due
            assert isinstance(day, date)
            facts = {k: source.facts[k] for k in derivation.copy if k in source.facts}
            event = Event(derivation.kind, day, facts)
            if not on_or_after(context.as_of, event.at):
                continue
            context.derived_from[id(event)] = source
            added.append(event)
            if not context.explaining:
                continue
            counted = [s for s in deadline.steps if isinstance(s, Count)]
            context.derived[id(event)] = Note.of(
                "derived-letter" if after.unit is Unit.WORKING_DAYS else "derived",
                {
                    "kanal": channel,
                    "source": context.describe(source),
                    "steps": both(partial(_describe, tuple(counted))),
                    "at": day,
                    "basis": derivation.basis,
                    "mark": both(derivation.mark.label),
                },
            )
    if added:
        context.events.extend(added)
        context.events.sort(key=context.key)
