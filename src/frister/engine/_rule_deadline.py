"""One rule's deadline for one trigger, without a case: the contract's ``catalog.due(...)``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import attrs

from frister.calendar import Language, local_date
from frister.case import Case, Event, Moment, check_moment
from frister.deadlines import Deadline
from frister.engine._checks import check_fact
from frister.engine._evaluate import evaluate
from frister.engine._readings import (
    Readings,
    Variant,
    compute_readings,
    note_versions,
    open_questions,
    protects,
)
from frister.engine._versions import governing_on, version_note
from frister.errors import (
    ConditionsNotMetError,
    FactError,
    InputError,
    InputTypeError,
    NoDeadlineError,
    did_you_mean,
)
from frister.explain import NO_DUE_REASONS, Note, explanation
from frister.rules import CatalogData, Condition, Operator, Question, RuleVersion, Text

_PARENT_VERSION_NOTES = frozenset({"version", "transition", "no-successor", "entry-into-force"})


def _day_of(moment: date | datetime) -> date:
    return local_date(moment) if isinstance(moment, datetime) else moment


@attrs.frozen
class RuleDeadline:
    """The deadline of one rule for one trigger: the contract's ``catalog.due(...)``."""

    rule_id: str
    title: Text
    due: Moment
    practical_due: Moment
    version: RuleVersion
    deadline: Deadline | None
    notes: tuple[Note, ...]
    questions: tuple[Question, ...]
    readings_of: Callable[[RuleDeadline], Readings] | None = attrs.field(
        default=None, eq=False, repr=False
    )
    """Computes :attr:`readings` on first access (``catalog.due`` sets it)."""
    _computed: list[Readings] = attrs.field(factory=list, eq=False, repr=False, init=False)

    @property
    def on_closed_day(self) -> bool:
        """True when the due date is a closed day the deadline does not move off."""
        return self.practical_due != self.due

    @property
    def due_day(self) -> date:
        """The Danish calendar day it is due, comparable with any date."""
        return _day_of(self.due)

    @property
    def readings(self) -> Readings:
        """The due date under every reading of each open question that touches this
        deadline (``question/reading`` → date; None where it awaits a legal source).

        Computed on first access: each reading evaluates the rule again.
        """
        if not self._computed:
            if self.readings_of is None:
                self._computed.append(Readings((), self.due, protects(self.version)))
            else:
                self._computed.append(self.readings_of(self))
        return self._computed[0]

    @property
    def safe_due(self) -> Moment:
        """The due date no reading can fault: the earliest for an authority's deadline,
        the latest for a citizen's (so that no citizen loses a day)."""
        safe = self.readings.safe_due
        return self.due if safe is None else safe

    def explain(self, lang: Language = "da") -> str:
        """The rule, version, conditions and every calendar step, as text."""
        heading = f"{self.rule_id}: {self.title(lang)}"
        return explanation(heading, self.notes, self.deadline, self.questions, lang)


_KIND_FACT = "type"
"""The fact that says which kind of trigger a rule is about (the type of a decision)."""


def _implied(version: RuleVersion, given: Mapping[str, Any]) -> tuple[Condition, ...]:
    """The conditions the rule id itself implies: ``type = "anbringelse-uden-samtykke"`` for
    ``anbringelse-uden-samtykke.genbehandling``, when no type is given."""
    return tuple(
        c
        for c in version.when
        if c.scope == "event"
        and c.name == _KIND_FACT
        and c.operator is Operator.EQUALS
        and c.name not in given
    )


def _implied_note(condition: Condition, rule_id: str) -> Note:
    return Note.of(
        "implied",
        {
            "condition": Text(condition.describe("da"), condition.describe("en")),
            "rule": rule_id,
        },
    )


def _readable_facts(catalog: CatalogData, rule_id: str) -> set[str]:
    """The facts a rule's triggers (and those of the rules it arises from) may carry."""
    rule = catalog.get(rule_id)
    names = {n for n, spec in catalog.case_facts.items() if not spec.derived}
    for version in rule.versions:
        names.update(catalog.events[version.trigger].facts)
        if version.arises_when_missed is not None:
            names.update(_readable_facts(catalog, version.arises_when_missed))
    return names


def _check_fact_names(catalog: CatalogData, rule_id: str, facts: Mapping[str, Any]) -> None:
    """A fact no trigger of the rule carries is a typo, never silently left out."""
    known = _readable_facts(catalog, rule_id)
    for name, value in facts.items():
        if name not in known:
            hint = did_you_mean(name, known)
            raise FactError(
                f"facts.{name}",
                value,
                f"not a fact {rule_id!r} can read{hint}; its facts are {', '.join(sorted(known))}",
            )


def rule_deadline(
    catalog: CatalogData,
    rule_id: str,
    trigger: date | datetime | str,
    facts: Mapping[str, Any] | None = None,
    variant: Variant | None = None,
) -> RuleDeadline:
    """The deadline of ``rule_id`` for a trigger at ``trigger`` with the given facts.

    ``facts`` are facts of the triggering event, plus case facts such as
    ``foedselsdato`` for the rules that need them. The version is the one in
    force on the trigger's day whose conditions the facts meet; it is replaced
    by its successor when the due date falls after it ended (Barnets lov § 213).
    ``variant`` computes another reading of the open questions (``_readings.py``).
    """
    moment = check_moment(trigger, "trigger")
    result = _rule_deadline(catalog, rule_id, moment, facts, variant or Variant())
    if variant is not None:
        return result
    given = dict(facts or {})

    def readings_of(dl: RuleDeadline) -> Readings:
        return _readings(catalog, rule_id, moment, given, dl)

    return attrs.evolve(result, readings_of=readings_of)


def _readings(
    catalog: CatalogData,
    rule_id: str,
    trigger: date | datetime,
    facts: Mapping[str, Any],
    dl: RuleDeadline,
) -> Readings:
    rule = catalog.get(rule_id)
    versions = note_versions(catalog, dl.notes, dl.version)
    questions = tuple(q for q in open_questions() if q.applies_to(rule, versions))

    def compute(changed: CatalogData, variant: Variant) -> tuple[Moment | None, Moment | None]:
        other = _rule_deadline(changed, rule_id, trigger, facts, variant)
        return other.due, other.practical_due

    return compute_readings(
        catalog, rule, questions, (dl.due, dl.practical_due), protects(dl.version), compute
    )


def _rule_deadline(
    catalog: CatalogData,
    rule_id: str,
    trigger: date | datetime,
    facts: Mapping[str, Any] | None,
    variant: Variant,
) -> RuleDeadline:
    rule = catalog.get(rule_id)
    if facts is not None and not isinstance(facts, Mapping):
        raise InputTypeError("facts", facts, "expected a mapping of fact name to value")
    facts = dict(facts or {})
    _check_fact_names(catalog, rule_id, facts)
    case_facts = {
        k: check_fact(catalog.case_facts[k], facts.pop(k), f"facts.{k}")
        for k in list(facts)
        if k in catalog.case_facts
    }
    candidates = []
    for versions in rule.variants().values():
        day = trigger.date() if isinstance(trigger, datetime) else trigger
        for version in versions:
            if version.in_force(day) and version.before is False:
                candidates.append(version)
    if not candidates:
        raise NoDeadlineError(
            f"rule_id={rule_id!r}: no version with a deadline was in force on {trigger}"
        )
    unmet: list[tuple[str, Condition]] = []
    refused: list[FactError] = []
    for version in candidates:
        kind = catalog.events[version.trigger]
        try:
            given = {
                k: check_fact(kind.facts[k], v, f"facts.{k}")
                for k, v in facts.items()
                if k in kind.facts
            }
        except FactError as error:
            # A value this version's trigger cannot carry; another variant's trigger may.
            refused.append(error)
            continue
        implied = _implied(version, given)
        event = Event(version.trigger, trigger, {**given, **{c.name: c.value for c in implied}})
        day = _day_of(trigger)
        failing = [c for c in version.when if not c.holds(event.facts, case_facts, day)]
        if failing:
            unmet.extend((version.id, c) for c in failing)
            continue
        if version.arises_when_missed is not None:
            parent = _rule_deadline(
                catalog, version.arises_when_missed, trigger, {**facts, **case_facts}, variant
            )
            own = [n for n in parent.notes if n.kind not in _PARENT_VERSION_NOTES]
            notes = [version_note(version, "trigger", _day_of(trigger))]
            governing = governing_on(catalog, rule, version, _day_of(parent.due), notes)
            notes.append(Note.of("arises", {"parent": parent.rule_id, "due": parent.due}))
            return attrs.evolve(
                parent,
                rule_id=rule_id,
                title=rule.title,
                version=governing,
                notes=(*(_implied_note(c, rule_id) for c in implied), *own, *notes),
                questions=governing.questions,
            )
        case = Case([event], case_facts)
        obligations = evaluate(
            catalog,
            case,
            trigger,
            variant.year,
            only=rule_id,
            march_first=variant.march_first,
            frozen_rules=frozenset(catalog.rules) if variant.keep_version else frozenset(),
            explaining=True,
        )
        for ob in obligations:
            if ob.rule_id == rule_id and ob.trigger == event and ob.occurrence == 1:
                if ob.due is None and ob.needs_time_of_day:
                    note = next(n for n in ob.notes if n.kind == "needs-time")
                    counts = note.values["duration"]("da")
                    raise InputError(
                        "trigger",
                        trigger,
                        f"{rule_id} counts {counts} and needs the time of day: "
                        "give an aware datetime",
                    )
                if ob.due is None:
                    reason = "; ".join(
                        n.describe("en") for n in ob.notes if n.kind in NO_DUE_REASONS
                    )
                    raise NoDeadlineError(f"rule_id={rule_id!r}: {reason}")
                assert ob.practical_due is not None
                return RuleDeadline(
                    rule_id=rule_id,
                    title=rule.title,
                    due=ob.due,
                    practical_due=ob.practical_due,
                    version=ob.version,
                    deadline=ob.deadline,
                    notes=(
                        *(_implied_note(c, rule_id) for c in implied),
                        *(n for n in ob.notes if n.kind != "status"),
                    ),
                    questions=ob.questions,
                )
    if refused and not unmet:
        raise refused[0]
    raise ConditionsNotMetError(rule_id, {**facts, **case_facts}, tuple(unmet))
