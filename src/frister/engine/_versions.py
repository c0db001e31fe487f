"""Law versions: which version governs an occurrence, and the notes that say why."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from frister.explain import Note
from frister.rules import (
    CatalogData,
    ObligationRule,
    RuleVersion,
    Text,
)


def version_at(versions: Sequence[RuleVersion], kind: str, day: date) -> RuleVersion | None:
    for version in versions:
        if version.trigger == kind and version.in_force(day):
            return version
    return None


def entering_after(versions: Sequence[RuleVersion], kind: str, day: date) -> RuleVersion | None:
    """An age or yearly rule that entered into force after ``day``, while the measure ran."""
    later = [
        v
        for v in versions
        if v.trigger == kind
        and v.valid_from
        and v.valid_from > day
        and (v.age is not None or v.frequency is not None)
    ]
    return min(later, key=lambda v: v.valid_from or day) if later else None


_NO_TRANSITIONAL_PROVISION = Text(
    "frister anvender den regel, der er i kraft på dagen (afventer juridisk "
    "afklaring: ingen overgangsregel er undersøgt)",
    "frister applies the rule in force on the day (awaiting legal review: no "
    "transitional provision has been researched)",
)
"""The basis shown where the catalog records no transitional provision between two laws."""


def transition(
    catalog: CatalogData,
    rule: ObligationRule,
    version: RuleVersion,
    day: date,
    notes: list[Note] | None,
) -> RuleVersion | None:
    """The version that takes over on ``day``, after ``version`` ended; ``notes`` (if any)
    say why."""
    successor = _successor(catalog, rule, version)
    if notes is None:
        return successor
    if successor is None:
        notes.append(Note.of("no-successor", {"due": day, "end": version.valid_to}))
        return None
    basis = successor.law.transition_from.get(version.law.key, _NO_TRANSITIONAL_PROVISION)
    notes.append(
        Note.of(
            "transition",
            {
                "old": str(version.citation),
                "due": day,
                "end": version.valid_to,
                "new": str(successor.citation),
                "basis": basis,
            },
        )
    )
    notes.append(version_note(successor, "due", day))
    return successor


def crosses_law(catalog: CatalogData, rule: ObligationRule, version: RuleVersion) -> bool:
    """Whether the version that takes over after ``version`` is another law's (the reform)."""
    successor = _successor(catalog, rule, version)
    return successor is not None and successor.law.key != version.law.key


_VERSION_REASONS = {
    "trigger": Text("udløsningsdagen", "the day of the trigger"),
    "anchor": Text("dagen for den forrige opfyldelse", "the day of the previous fulfilment"),
    "due": Text("fristens dag", "the due day"),
}


def version_note(version: RuleVersion, reason: str, day: date) -> Note:
    return Note.of(
        "version",
        {
            "citation": version.citation_text,
            "version": version.id,
            "period": version.period_text,
            "reason": _VERSION_REASONS[reason],
            "day": day,
            "mark": version.mark_text,
        },
    )


def _successor(
    catalog: CatalogData, rule: ObligationRule, version: RuleVersion
) -> RuleVersion | None:
    if version.successor is not None:
        return catalog.version(version.successor)
    variant = rule.variants()[version.variant]
    index = variant.index(version)
    return variant[index + 1] if index + 1 < len(variant) else None


def governing_on(
    catalog: CatalogData,
    rule: ObligationRule,
    version: RuleVersion,
    day: date,
    notes: list[Note] | None,
) -> RuleVersion:
    """The version in force on ``day`` (a due day, or the day an open duty is done);
    ``notes`` (if any) say why."""
    seen = {version.id}
    while version.valid_to is not None and day > version.valid_to:
        successor = transition(catalog, rule, version, day, notes)
        if successor is None or successor.id in seen:
            break
        version = successor
        seen.add(version.id)
    return version
