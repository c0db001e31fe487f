"""The facts a rule reads, with their types and allowed values: ``catalog.requirements``."""

from __future__ import annotations

import attrs

from frister.rules import RuleVersion, Text
from frister.rules._catalog import CatalogData


@attrs.frozen
class FactRequirement:
    """A fact a rule reads: where it lives, its type, its allowed values and what reads it.

    ``fact`` is ``event.<name>`` (a fact of the triggering event, given to
    ``catalog.due`` in ``facts``) or ``case.<name>`` (a case fact, given in
    ``facts`` too). ``reads`` says, per version id, how the rule uses it: a
    condition in words, or ``due date``, ``match``, ``duration key``, ``birth date``.
    """

    fact: str
    event_kind: str | None
    """The trigger kind an event fact belongs to (rules with several triggers list each)."""
    type: str
    values: tuple[str, ...]
    title: Text | None
    reads: tuple[tuple[str, str], ...]

    def describe(self) -> str:
        """'event.type on udvalg.afgoerelse (text: anbringelse-uden-samtykke, ...) - ...'."""
        allowed = f": {', '.join(self.values)}" if self.values else ""
        uses = "; ".join(f"{version}: {how}" for version, how in self.reads)
        where = f" on {self.event_kind}" if self.event_kind else ""
        return f"{self.fact}{where} ({self.type}{allowed}) - {uses}"


def rule_requirements(catalog: CatalogData, rule_id: str) -> tuple[FactRequirement, ...]:
    """Every fact ``rule_id``'s versions read from the triggering event or the case."""
    rule = catalog.get(rule_id)
    found: dict[tuple[str, str | None], list[tuple[str, str]]] = {}

    def read(version: RuleVersion, fact: str, how: str) -> None:
        kind = version.trigger if fact.startswith("event.") else None
        found.setdefault((fact, kind), []).append((version.id, how))

    for version in rule.versions:
        conditions = [*version.when, *(c for a in version.deadlines for c in a.when)]
        for condition in conditions:
            read(version, condition.fact, condition.describe("en"))
        if version.due_from_fact is not None:
            read(version, f"event.{version.due_from_fact}", "the due date, when given")
        for name in version.match:
            read(version, f"event.{name}", "links the trigger to the events that fulfil it")
        configured = catalog.durations.get(rule_id)
        if version.configurable and configured is not None:
            read(version, configured.fact, "chooses the municipality's duration")
        if version.age is not None and catalog.birth_fact is not None:
            read(version, f"case.{catalog.birth_fact}", f"the {version.age}th birthday")
    requirements = []
    for (fact, kind), reads in found.items():
        name = fact.split(".", 1)[1]
        spec = catalog.events[kind].facts[name] if kind else catalog.case_facts[name]
        requirements.append(
            FactRequirement(
                fact, kind, spec.type.value, spec.values, spec.title, tuple(dict.fromkeys(reads))
            )
        )
    return tuple(requirements)
