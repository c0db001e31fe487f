"""One rule's deadline for one trigger, without a case: the contract's ``catalog.due(...)``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

import attrs

from frister.calendar import Language, local_date
from frister.case import Case, Event, Moment, check_moment
from frister.deadlines import Deadline
from frister.engine._checks import check_event
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
from frister.errors import FactError, InputError, NoDeadlineError
from frister.explain import NO_DUE_REASONS, Note, explanation
from frister.rules import CatalogData, Question, RuleVersion, Text

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


def rule_deadline(
    catalog: CatalogData,
    rule_id: str,
    trigger: date | datetime,
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
    result = _rule_deadline(catalog, rule_id, trigger, facts, variant or Variant())
    if variant is not None:
        return result
    given = dict(facts or {})

    def readings_of(dl: RuleDeadline) -> Readings:
        return _readings(catalog, rule_id, trigger, given, dl)

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
    trigger = check_moment(trigger, "trigger")
    facts = dict(facts or {})
    case_facts = {k: facts.pop(k) for k in list(facts) if k in catalog.case_facts}
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
    problems = []
    for version in candidates:
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
                notes=(*own, *notes),
                questions=governing.questions,
            )
        event = Event(
            version.trigger,
            trigger,
            {k: v for k, v in facts.items() if k in catalog.events[version.trigger].facts},
        )
        try:
            check_event(catalog, event, "facts")
        except FactError as error:
            problems.append(str(error))
            continue
        case = Case([event], case_facts)
        obligations = evaluate(
            catalog,
            case,
            trigger,
            variant.year,
            only=rule_id,
            march_first=variant.march_first,
            frozen_rules=frozenset(catalog.rules) if variant.keep_version else frozenset(),
        )
        for ob in obligations:
            if ob.rule_id == rule_id and ob.trigger == event and ob.occurrence == 1:
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
                    notes=tuple(n for n in ob.notes if n.kind != "status"),
                    questions=ob.questions,
                )
    unmet = "; ".join(problems) or "the facts meet no version's conditions"
    raise InputError("facts", facts, f"rule {rule_id!r} does not apply: {unmet}")
