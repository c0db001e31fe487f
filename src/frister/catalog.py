"""The catalog: the Danish rules as loaded data, and the entry points that use them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from types import MappingProxyType
from typing import Any

import attrs

from frister.calendar._calendar import DanishCalendar
from frister.calendar._dates import Language, local_date
from frister.case import (
    NO_DUE_REASONS,
    Case,
    Event,
    Moment,
    Note,
    Obligation,
    check_moment,
)
from frister.deadlines._fristberegning import Deadline
from frister.engine import YearReading, check_event, evaluate, governing_on, version_note
from frister.errors import FactError, FristerError, InputError, NoDeadlineError, UnknownRuleError
from frister.rules._loader import Loaded, build_obligations, load_files
from frister.rules._model import (
    ConfiguredDurations,
    Derivation,
    EventKind,
    FactSpec,
    ObligationRule,
    Question,
    RuleVersion,
    Text,
)

_BUNDLED_ORDER = ("obligations.toml", "events.toml")
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

    @property
    def on_closed_day(self) -> bool:
        """True when the due date is a closed day the deadline does not move off."""
        return self.practical_due != self.due

    def explain(self, lang: Language = "da") -> str:
        """The rule, version, conditions and every calendar step, as text."""
        lines = [f"{self.rule_id}: {self.title(lang)}"]
        lines.extend(note.describe(lang) for note in self.notes)
        if self.deadline is not None:
            lines.extend(f"  {line}" for line in self.deadline.explain(lang).splitlines())
        lines.extend(f"[{q.mark.label(lang)}] {q.text(lang)}" for q in self.questions)
        return "\n".join(lines)


@attrs.frozen(repr=False)
class Catalog:
    """Obligations with their law versions, the event vocabulary and the calendar they use."""

    rules: Mapping[str, ObligationRule] = attrs.field(hash=False)
    stages: Mapping[str, Text] = attrs.field(hash=False)
    events: Mapping[str, EventKind] = attrs.field(hash=False)
    case_facts: Mapping[str, FactSpec] = attrs.field(hash=False)
    derivations: Mapping[str, Derivation] = attrs.field(hash=False)
    durations: Mapping[str, ConfiguredDurations] = attrs.field(hash=False)
    paths: tuple[Path, ...] = ()
    calendar: DanishCalendar = attrs.field(factory=DanishCalendar)

    def __repr__(self) -> str:
        names = ", ".join(p.name for p in self.paths)
        return f"Catalog({len(self.rules)} obligations from {names})"

    # -- lookup ---------------------------------------------------------------------

    def get(self, rule_id: str) -> ObligationRule:
        """The obligation with this id; UnknownRuleError (naming close ids) if there is none."""
        rule = self.rules.get(rule_id) if isinstance(rule_id, str) else None
        if rule is None:
            raise UnknownRuleError(rule_id, list(self.rules))
        return rule

    def version(self, version_id: str) -> RuleVersion:
        """A law version by its id."""
        for rule in self.rules.values():
            for version in rule.versions:
                if version.id == version_id:
                    return version
        raise UnknownRuleError(version_id, [v.id for r in self.rules.values() for v in r.versions])

    # -- computing ------------------------------------------------------------------

    def due(
        self,
        rule_id: str,
        trigger: date | datetime,
        facts: Mapping[str, Any] | None = None,
    ) -> RuleDeadline:
        """The deadline of ``rule_id`` for a trigger at ``trigger`` with the given facts.

        ``facts`` are facts of the triggering event, plus case facts such as
        ``foedselsdato`` for the rules that need them. The version is the one in
        force on the trigger's day whose conditions the facts meet; it is replaced
        by its successor when the due date falls after it ended (Barnets lov § 213).
        """
        rule = self.get(rule_id)
        trigger = check_moment(trigger, "trigger")
        facts = dict(facts or {})
        case_facts = {k: facts.pop(k) for k in list(facts) if k in self.case_facts}
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
                parent = self.due(version.arises_when_missed, trigger, {**facts, **case_facts})
                own = [n for n in parent.notes if n.kind not in _PARENT_VERSION_NOTES]
                notes = [version_note(version, "trigger", _day_of(trigger))]
                governing = governing_on(self, rule, version, _day_of(parent.due), notes)
                notes.append(Note("arises", {"parent": parent.rule_id, "due": parent.due}))
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
                {k: v for k, v in facts.items() if k in self.events[version.trigger].facts},
            )
            try:
                check_event(self, event, "facts")
            except FactError as error:
                problems.append(str(error))
                continue
            case = Case([event], case_facts)
            obligations = evaluate(self, case, trigger, YearReading.CALENDAR_YEAR, only=rule_id)
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

    def evaluate(
        self,
        case: Case,
        as_of: date | datetime,
        *,
        reading: YearReading = YearReading.CALENDAR_YEAR,
    ) -> list[Obligation]:
        """The obligations ``case`` gave rise to, each with its status on ``as_of``.

        ``reading`` says how "at least twice a year" is read: calendar years (the
        default) or 12-month periods from the start of the measure.
        """
        return evaluate(self, case, as_of, reading)

    # -- composing ------------------------------------------------------------------

    def with_rules(self, *paths: str | Path) -> Catalog:
        """This catalog plus a municipality's rule files; an id clash is an error."""
        return _load([*self.paths, *(Path(p) for p in paths)], self.calendar)

    def with_calendar(self, calendar: DanishCalendar) -> Catalog:
        """The same rules counted with another calendar (a municipality's closed days)."""
        return attrs.evolve(self, calendar=calendar)


def _bundled_paths() -> list[Path]:
    with as_file(files("frister").joinpath("data", "catalog")) as folder:
        paths = sorted(Path(folder).glob("*.toml"))
    if not paths:
        raise FristerError(f"no rule files in {folder}: is frister installed with its data?")
    first = [p for name in _BUNDLED_ORDER for p in paths if p.name == name]
    return first + [p for p in paths if p.name not in _BUNDLED_ORDER]


def _load(paths: Iterable[Path], calendar: DanishCalendar) -> Catalog:
    paths = list(paths)
    seen = set()
    for path in paths:
        if path.resolve() in seen:
            raise FristerError(f"{path}: the same rule file is given twice")
        seen.add(path.resolve())
    loaded = load_files(paths, Loaded())
    rules = build_obligations(loaded)
    return Catalog(
        rules=MappingProxyType(rules),
        stages=MappingProxyType(loaded.stages),
        events=MappingProxyType(loaded.events),
        case_facts=MappingProxyType(loaded.case_facts),
        derivations=MappingProxyType(loaded.derivations),
        durations=MappingProxyType(loaded.durations),
        paths=tuple(paths),
        calendar=calendar,
    )


def load_catalog(
    *paths: str | Path, bundled: bool = True, calendar: DanishCalendar | None = None
) -> Catalog:
    """A catalog from rule files of your own, on top of the bundled ones (or alone)."""
    first = _bundled_paths() if bundled else []
    return _load([*first, *(Path(p) for p in paths)], calendar or DanishCalendar())


@cache
def default_catalog() -> Catalog:
    """The bundled Danish rules, loaded and checked once."""
    return _load(_bundled_paths(), DanishCalendar())
