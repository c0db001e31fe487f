"""The worked examples: searching triggers and facts per rule and computing them with the
engine (``catalog.due`` and ``catalog.evaluate``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from types import MappingProxyType
from typing import Any, Final

import attrs

from frister._docs._text import _OR, _day, _join, _names, _short
from frister.calendar import (
    COPENHAGEN,
    ClosedDay,
    ClosedDayKind,
    DanishCalendar,
    Language,
    format_date,
)
from frister.case import Case, Event, Moment, Obligation, Status
from frister.catalog import Catalog
from frister.deadlines import (
    Count,
    Deadline,
    Duration,
    Expiry,
    Roll,
    Unit,
    compute_deadline,
    parse_duration,
)
from frister.engine import Readings, RuleDeadline
from frister.errors import FristerError
from frister.rules import (
    Condition,
    ConfiguredDurations,
    FactSpec,
    FactType,
    ObligationRule,
    Operator,
    RuleVersion,
    Shape,
    Text,
)

_OPEN_YEAR: Final = 2025
"""The year examples of versions still in force are set in."""

_TRIGGER_TIME: Final = time(16, 5)
"""Events of kinds that start hour deadlines happen at 16:05 Danish time in the examples."""

EXAMPLE_PACK: Final = "Eksempelkommune"
"""The made-up municipality whose configuration the examples use where the law leaves a
length to the municipality (RSL § 3, stk. 2)."""

EXAMPLE_DURATION: Final = ("event.omraade", "handicap-merudgifter", "8 uger")
"""Its configuration: the fact it is keyed by, the value and the duration; the rule page's
configuration section shows the same."""

_HOLIDAY_KINDS: Final = frozenset(
    {ClosedDayKind.HELLIGDAG, ClosedDayKind.EXTRA, ClosedDayKind.LOCAL}
)


def _years_back(day: date, years: int) -> date | None:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return None


def _named(days: Sequence[ClosedDay]) -> list[ClosedDay]:
    """The named closed days that fall on a weekday (those that change a deadline)."""
    return [d for d in days if d.kind is not ClosedDayKind.WEEKEND and d.date.weekday() < 5]


def _applied(deadline: Deadline | None) -> tuple[str, ...]:
    return tuple(c.id for c in deadline.conventions) if deadline is not None else ()


# -- examples as data --------------------------------------------------------------------


@attrs.frozen
class _Result:
    """One computed outcome: a deadline from ``catalog.due`` or an obligation from
    ``catalog.evaluate``, with what went in."""

    method: str
    rule_id: str
    trigger: Event
    facts: Mapping[str, Any]
    due: Moment | None
    practical_due: Moment | None
    version: RuleVersion
    explanation: Text
    label: Text | None = None
    case: Case | None = None
    as_of: Moment | None = None
    occurrence: int = 1
    status: Status | None = None
    conventions: tuple[str, ...] = ()
    readings: Readings | None = None
    """The date under every reading of the open questions that touch it."""
    configured: ConfiguredDurations | None = None
    """The municipal configuration the example was computed under (see EXAMPLE_DURATION)."""


@attrs.frozen
class _Scenario:
    """A worked example: a title, what it shows, and one or more results."""

    kind: str
    title: Text
    intro: Text
    results: tuple[_Result, ...]
    version: RuleVersion


@attrs.frozen
class _Found:
    trigger: Moment
    facts: dict[str, Any]
    deadline: RuleDeadline


class _Examples:
    """Finds triggers and facts for a rule's examples and computes them with the engine."""

    def __init__(self, catalog: Catalog, given: Condition | None = None) -> None:
        self.catalog = catalog
        self.given = given
        """A condition every example trigger meets besides the rule's own (the fact a
        municipality's configuration is keyed by), where the trigger can carry the fact."""
        self.calendar: DanishCalendar = catalog.calendar
        self.hour_kinds = {
            v.trigger
            for rule in catalog.rules.values()
            for v in rule.versions
            if any(a.duration.unit is Unit.HOURS for a in v.deadlines)
        }

    def configured(self, rule_id: str) -> tuple[_Examples, ConfiguredDurations] | None:
        """Examples under the made-up municipality's configuration of ``rule_id``, when the
        law leaves its length to the municipality and this catalog configures none."""
        rule = self.catalog.rules[rule_id]
        if rule_id in self.catalog.durations or not any(v.configurable for v in rule.versions):
            return None
        fact, value, text = EXAMPLE_DURATION
        configured = ConfiguredDurations(rule_id, fact, {value: parse_duration(text)}, EXAMPLE_PACK)
        durations = MappingProxyType({**self.catalog.durations, rule_id: configured})
        given = Condition(fact, Operator.EQUALS, value)
        return _Examples(attrs.evolve(self.catalog, durations=durations), given), configured

    # -- inputs ------------------------------------------------------------------------

    def at(self, kind: str, day: date) -> Moment:
        """The moment an event of ``kind`` happens on ``day`` in the examples."""
        if kind in self.hour_kinds:
            return datetime.combine(day, _TRIGGER_TIME, tzinfo=COPENHAGEN)
        return day

    def conditions(self, version: RuleVersion, day: date) -> tuple[Condition, ...]:
        """The version's conditions, and its parent's when it arises from a missed one."""
        found = version.when
        if version.arises_when_missed:
            parent = self.catalog.rules[version.arises_when_missed]
            for other in parent.versions:
                if other.trigger == version.trigger and other.in_force(day):
                    found = found + other.when
                    break
        given = self.given
        if given is not None and given.name in self.catalog.events[version.trigger].facts:
            found = (*found, given)
        return found

    def spec(self, kind: str, condition: Condition) -> FactSpec | None:
        if condition.scope == "case":
            return self.catalog.case_facts.get(condition.name)
        return self.catalog.events[kind].facts.get(condition.name)

    def satisfy(
        self,
        kind: str,
        conditions: Sequence[Condition],
        day: date,
        birth: date | None = None,
    ) -> tuple[dict[str, Any], list[Condition]] | None:
        """Facts under which the conditions hold on ``day``, built from the conditions;
        conditions on derived case facts are returned for the case to meet."""
        facts: dict[str, Any] = {}
        derived: list[Condition] = []
        plain: list[Condition] = []
        for condition in conditions:
            spec = self.spec(kind, condition)
            if spec is None:
                return None
            if spec.derived:
                # A derived fact is False unless the case's events make it true.
                if not condition.holds({}, {condition.name: False}, day):
                    derived.append(condition)
                continue
            plain.append(condition)
            value = self._value(condition, spec, day, birth)
            if value is not None:
                facts[condition.name] = value
        if birth is not None:
            assert self.catalog.birth_fact is not None  # the loader requires it for age rules
            facts[self.catalog.birth_fact] = birth
        event_facts = {k: v for k, v in facts.items() if k in self.catalog.events[kind].facts}
        case_facts = {k: v for k, v in facts.items() if k in self.catalog.case_facts}
        if not all(c.holds(event_facts, case_facts, day) for c in plain):
            return None
        return facts, derived

    def _value(self, condition: Condition, spec: FactSpec, day: date, birth: date | None) -> Any:
        op = condition.operator
        value = condition.value
        if op is Operator.EQUALS:
            return value
        if op is Operator.IN:
            return value[0]
        if op is Operator.NOT_IN:
            return next((v for v in spec.values if v not in value), None)
        if op is Operator.NOT_EQUALS:
            return None
        if op is Operator.PRESENT:
            return self._plausible(spec, day) if value else None
        if birth is not None:
            return birth
        if op is Operator.AGE_AT_LEAST:
            return _years_back(day - timedelta(days=91), int(value))
        return _years_back(day - timedelta(days=91), max(int(value) - 2, 0))

    def _plausible(self, spec: FactSpec, day: date) -> Any:
        if spec.values:
            return spec.values[0]
        return {
            FactType.TEXT: f"{spec.name.removesuffix('_id')}-1",
            FactType.BOOL: True,
            FactType.DATE: day + timedelta(days=30),
            FactType.INT: 1,
        }[spec.type]

    def ids(self, version: RuleVersion, kind: str) -> dict[str, Any]:
        """The link facts (``match``) an event of ``kind`` carries in the examples."""
        facts = self.catalog.events[kind].facts
        return {n: f"{n.removesuffix('_id')}-1" for n in version.match if n in facts}

    @staticmethod
    def mode(version: RuleVersion) -> str:
        if version.age is not None:
            return "age"
        if version.due_from_fact and not version.deadlines:
            return "fact"
        if version.from_fact:
            return "from-fact"
        return "trigger"

    def inputs(
        self,
        version: RuleVersion,
        base: date,
        anchor_trigger: date | None,
        extra: Sequence[Condition] = (),
    ) -> tuple[Moment, dict[str, Any]] | None:
        """Trigger and facts from a base day: the trigger day itself, the birthday an age
        rule counts from, or the date a rule takes from a fact."""
        mode = self.mode(version)
        birth = None
        if mode == "age":
            assert version.age is not None
            assert anchor_trigger is not None
            birth = _years_back(base, version.age)
            if birth is None:
                return None
            day = anchor_trigger
        elif mode in ("fact", "from-fact"):
            day = self.calendar.roll_backward(base - timedelta(days=21))
        else:
            day = base
        made = self.satisfy(
            version.trigger, (*self.conditions(version, day), *extra), day, birth=birth
        )
        if made is None or made[1]:
            return None
        facts = made[0]
        if mode == "fact":
            assert version.due_from_fact is not None
            facts[version.due_from_fact] = base
        elif mode == "from-fact":
            assert version.from_fact is not None
            facts[version.from_fact] = base  # the date counted from (a terminsdato)
        return self.at(version.trigger, day), facts

    def due(self, rule_id: str, trigger: Moment, facts: Mapping[str, Any]) -> RuleDeadline | None:
        try:
            return self.catalog.due(rule_id, trigger, facts)
        except FristerError:
            return None

    # -- searching ---------------------------------------------------------------------

    @staticmethod
    def year(version: RuleVersion) -> int:
        """The year a version's examples are set in: its last year, or 2025 if still in force."""
        if version.valid_to is not None:
            return version.valid_to.year
        start = version.valid_from.year if version.valid_from else _OPEN_YEAR
        return max(_OPEN_YEAR, start)

    def first_day(self, version: RuleVersion, year: int, month: int = 1) -> date:
        """The first working day from the given month of ``year`` on which the version is
        in force."""
        day = date(year, month, 1)
        if version.valid_from is not None and day < version.valid_from:
            day = version.valid_from
        day = self.calendar.roll_forward(day)
        if version.valid_to is not None and day > version.valid_to:
            day = self.calendar.roll_backward(version.valid_to)
        return day

    def tier(
        self, found: RuleDeadline, kinds: frozenset[ClosedDayKind] = _HOLIDAY_KINDS
    ) -> tuple[int, list[ClosedDay]]:
        """2: the due day is a named closed day on a weekday; 1: the count passed over one;
        else 0."""

        def named(days: Sequence[ClosedDay]) -> list[ClosedDay]:
            return [d for d in _named(days) if d.kind in kinds]

        if isinstance(found.due, datetime):
            closed = self.calendar.closed_day(_day(found.due))
            days = named([closed]) if closed is not None else []
            return (2, days) if days else (0, [])
        steps = found.deadline.steps if found.deadline is not None else ()
        for step in steps:
            if isinstance(step, Expiry):
                days = named([d for d in step.closed if d.date == step.nominal])
                if days:
                    return 2, days
        closed = self.calendar.closed_day(_day(found.due))
        if closed is not None and named([closed]):  # a notice keeps its closed day, unflagged
            return 2, named([closed])
        for step in steps:
            if isinstance(step, Count) and named(step.skipped):
                return 1, named(step.skipped)
        return 0, []

    def holiday(
        self,
        rule: ObligationRule,
        version: RuleVersion,
        extra: Sequence[Condition] = (),
        kinds: frozenset[ClosedDayKind] | None = None,
    ) -> tuple[_Found, int, list[ClosedDay]] | None:
        """The first trigger in the version's example year (or earlier years) whose deadline,
        under this version, falls on a holiday; else one whose count passes over a holiday;
        else the first trigger that gives a deadline under this version at all. With
        ``kinds``, only a deadline falling on a closed day of those kinds will do."""
        year = self.year(version)
        first_year = version.valid_from.year if version.valid_from else year - 3
        only_counts = all(a.duration.unit is Unit.WORKING_DAYS for a in version.deadlines) and bool(
            version.deadlines
        )
        fallback: tuple[_Found, int, list[ClosedDay]] | None = None
        for y in range(year, max(first_year, year - 3) - 1, -1):
            lo = self.first_day(version, y)
            hi = date(y, 12, 31)
            if version.valid_to is not None:
                hi = min(hi, version.valid_to)
            best: tuple[_Found, int, list[ClosedDay]] | None = None
            for base, anchor in self._bases(version, lo, hi):
                made = self.inputs(version, base, anchor, extra)
                if made is None:
                    continue
                trigger, facts = made
                found = self.due(rule.id, trigger, facts)
                if found is None:
                    continue
                if version.valid_to is not None and _day(found.due) > version.valid_to:
                    break  # later bases only fall due later, under another version
                counted_from_trigger = version.from_fact is None
                if found.version.id != version.id or (
                    counted_from_trigger and _day(found.due) <= _day(trigger)
                ):
                    continue
                hit = _Found(trigger, facts, found)
                tier, days = self.tier(found, kinds or _HOLIDAY_KINDS)
                if kinds is not None and tier != 2:
                    continue
                if fallback is None:
                    fallback = (hit, 0, [])
                if tier == 2:
                    return hit, tier, days
                if tier == 1 and best is None:
                    best = (hit, tier, days)
                    if only_counts:
                        break
            if best is not None:
                return best
        return fallback

    def _bases(
        self, version: RuleVersion, lo: date, hi: date
    ) -> Iterator[tuple[date, date | None]]:
        mode = self.mode(version)
        if mode == "age":
            anchor = lo
            day = anchor + timedelta(days=30)
            while day <= hi + timedelta(days=550):
                yield day, anchor
                day += timedelta(days=1)
            return
        dated = mode in ("fact", "from-fact")
        day = lo + timedelta(days=21) if dated else lo
        while day <= hi:
            if dated or self.calendar.is_working_day(day):
                yield day, None
            day += timedelta(days=1)

    def across(
        self, rule: ObligationRule, old: RuleVersion, new: RuleVersion | None
    ) -> _Found | None:
        """A trigger shortly before ``old`` ended whose deadline falls after it: under
        ``new`` (its successor), or under ``old`` itself when nothing follows it."""
        assert old.valid_to is not None
        end = old.valid_to
        start = self.calendar.roll_forward(end - timedelta(days=30))
        expected = new.id if new is not None else old.id
        fallback = None
        mode = self.mode(old)
        if mode == "age":
            bases: Iterator[tuple[date, date | None]] = (
                (end + timedelta(days=i), start) for i in range(1, 550)
            )
        elif mode == "fact":
            bases = ((end + timedelta(days=i), None) for i in range(1, 22))
        else:
            bases = ((start + timedelta(days=i), None) for i in range((end - start).days + 1))
        for base, anchor in bases:
            made = self.inputs(old, base, anchor)
            if made is None:
                continue
            trigger, facts = made
            if _day(trigger) > end:
                continue
            found = self.due(rule.id, trigger, facts)
            if found is None or found.version.id != expected or _day(found.due) <= end:
                continue
            hit = _Found(trigger, facts, found)
            preferred = _day(found.due) if mode == "age" else _day(trigger)
            if self.calendar.is_working_day(preferred):
                return hit
            if fallback is None:
                fallback = hit
        return fallback

    # -- results -----------------------------------------------------------------------

    def from_due(self, rule: ObligationRule, found: _Found, version: RuleVersion) -> _Result:
        deadline = found.deadline
        facts = dict(found.facts)
        event_facts = {k: v for k, v in facts.items() if k not in self.catalog.case_facts}
        return _Result(
            method="due",
            rule_id=rule.id,
            trigger=Event(version.trigger, found.trigger, event_facts),
            facts=facts,
            due=deadline.due,
            practical_due=deadline.practical_due,
            version=deadline.version,
            explanation=Text(deadline.explain("da"), deadline.explain("en")),
            conventions=_applied(deadline.deadline),
            readings=deadline.readings,
        )

    def evaluate(
        self,
        rule: ObligationRule,
        case: Case,
        as_of: Moment,
        trigger: Event,
        label: Callable[[Obligation], Text] | None = None,
        occurrences: Sequence[int] | None = None,
    ) -> list[_Result]:
        """The rule's obligations from ``trigger`` in ``case`` on ``as_of``."""
        results = []
        for ob in self.catalog.evaluate(case, as_of):
            if ob.rule_id != rule.id or ob.trigger != trigger:
                continue
            if occurrences is not None and ob.occurrence not in occurrences:
                continue
            results.append(
                _Result(
                    method="evaluate",
                    rule_id=rule.id,
                    trigger=ob.trigger,
                    facts=dict(ob.trigger.facts),
                    due=ob.due,
                    practical_due=ob.practical_due,
                    version=ob.version,
                    explanation=Text(ob.explain("da"), ob.explain("en")),
                    label=label(ob) if label else None,
                    case=case,
                    as_of=as_of,
                    occurrence=ob.occurrence,
                    status=ob.status,
                    conventions=_applied(ob.deadline),
                    readings=self.catalog.readings(case, ob, as_of),
                )
            )
        return results

    def trigger_event(
        self, version: RuleVersion, day: date
    ) -> tuple[Event, list[Event], dict[str, Any]] | None:
        """The triggering event on ``day`` with facts meeting the version's conditions, the
        events the case needs before it, and the case facts."""
        made = self.satisfy(version.trigger, self.conditions(version, day), day)
        if made is None:
            return None
        facts, derived = made
        case_facts = {k: facts.pop(k) for k in list(facts) if k in self.catalog.case_facts}
        earlier: list[Event] = []
        for condition in derived:
            how = self.catalog.case_facts[condition.name].derived_from
            wants_open = condition.operator is Operator.EQUALS and condition.value is True
            if how is None or not wants_open:
                return None
            # A matter opened a quarter before the trigger and still open (a measure started).
            earlier.append(Event(how.opened_by, day - timedelta(days=91), {how.key: "indsats-1"}))
        facts.update(self.ids(version, version.trigger))
        return Event(version.trigger, self.at(version.trigger, day), facts), earlier, case_facts

    def fulfilment(self, version: RuleVersion, kind: str, day: date) -> Event:
        made = self.satisfy(kind, version.fulfilled_when, day) if version.fulfilled_when else None
        facts = dict(made[0]) if made else {}
        facts = {k: v for k, v in facts.items() if k in self.catalog.events[kind].facts}
        facts.update(self.ids(version, kind))
        return Event(kind, self.at(kind, day), facts)


# -- the examples of one rule ------------------------------------------------------------


def _dated(version: RuleVersion) -> bool:
    """Whether ``catalog.due`` gives the version a due date."""
    if version.before or version.frequency is not None:
        return False
    return bool(
        version.deadlines
        or version.age is not None
        or version.arises_when_missed
        or version.due_from_fact
    )


def _successions(rule: ObligationRule) -> list[tuple[RuleVersion, RuleVersion | None]]:
    """Each version that ended, with the version that takes over from it (or None)."""
    pairs = []
    by_id = {v.id: v for v in rule.versions}
    for versions in rule.variants().values():
        for index, version in enumerate(versions):
            if version.valid_to is None:
                continue
            if version.successor is not None:
                pairs.append((version, by_id.get(version.successor)))
            elif index + 1 < len(versions):
                pairs.append((version, versions[index + 1]))
            else:
                pairs.append((version, None))
    return pairs


def _variants(rule: ObligationRule) -> list[tuple[RuleVersion, ...]]:
    """The rule's variants, the one with the newest version first; each in date order."""
    variants = list(rule.variants().values())
    return sorted(variants, key=lambda vs: max(v.valid_from or date.min for v in vs), reverse=True)


def _newest_first(rule: ObligationRule) -> list[RuleVersion]:
    return [v for vs in _variants(rule) for v in reversed(vs)]


def _label(version: RuleVersion, lang: Language) -> str:
    """The short citation, with the duration when that is what tells two versions apart."""
    durations = [a.duration.describe(lang) for a in version.deadlines]
    if version.then is not None:
        durations.append(version.then.describe(lang))
    extra = f" ({', '.join(durations)})" if durations else ""
    return _short(version) + extra


def _into_barnets_lov(old: RuleVersion, new: RuleVersion | None) -> bool:
    """The hand-over that a transitional provision in the catalog governs (BL § 213)."""
    return new is not None and old.law.key in new.law.transition_from


class _RuleExamples:
    def __init__(self, examples: _Examples, rule: ObligationRule) -> None:
        self.x = examples
        self.rule = rule
        self.catalog = examples.catalog

    def q(self, kind: str) -> Text:
        """An event's title in quotes, for a sentence: »Underretning modtaget«."""
        title = self.catalog.events[kind].title
        return Text(f"»{title.da}«", f'"{title.en}"')

    def under(self, version: RuleVersion) -> tuple[_Examples, ConfiguredDurations | None]:
        """The examples a version is computed with: a version arising from a deadline whose
        length the law leaves to the municipality has a date only under a municipality's
        configuration, so it gets the made-up one the parent's page shows."""
        if version.arises_when_missed:
            setup = self.x.configured(version.arises_when_missed)
            if setup is not None:
                return setup
        return self.x, None

    def configured_intro(
        self, version: RuleVersion, configured: ConfiguredDurations | None, intro: Text
    ) -> Text:
        """The intro after a sentence naming the made-up configuration it was computed under."""
        if configured is None:
            return intro
        assert version.arises_when_missed is not None
        parent = self.catalog.rules[version.arises_when_missed].title
        (value, duration), *_ = configured.values.items()
        return Text(
            f"Loven fastsætter ingen længde for »{parent.da}«; eksemplet bruger en opdigtet "
            f"kommunes konfiguration ({configured.pack}: {configured.fact} = {value}: "
            f"{duration.describe('da')}), ikke en lovbestemt frist. {intro.da}",
            f'The law sets no length for "{parent.en}"; the example uses a made-up '
            f"municipality's configuration ({configured.pack}: {configured.fact} = {value}: "
            f"{duration.describe('en')}), not a statutory time limit. {intro.en}",
        )

    def scenarios(self) -> list[_Scenario]:
        """Per variant, newest version first: each version's examples, then the example
        across the change from the version before it."""
        found: list[_Scenario] = []
        successions = _successions(self.rule)
        for versions in _variants(self.rule):
            for version in reversed(versions):
                found.extend(self.of_version(version))
                for old, new in successions:
                    if old in versions and new is version:
                        found.extend(self.across(old, new))
            for old, new in successions:
                if old in versions and new is None:
                    found.extend(self.across(old, None))
        covered = {s.version.id for s in found}
        for version in self.rule.versions:
            if version.id not in covered:
                raise FristerError(
                    f"rule book: {self.rule.id}: no worked example could be computed for "
                    f"version {version.id}"
                )
        return found

    def of_version(self, version: RuleVersion) -> list[_Scenario]:
        found: list[_Scenario] = []
        if _dated(version):
            found.extend(self.holiday(version))
            for alternative in version.deadlines:
                if alternative.when:
                    found.extend(self.holiday(version, alternative.when, alternative.duration))
            if version.expiry_closed and version.valid_to is None:
                found.extend(self.extra_closed(version))
            if version.due_from_fact and version.deadlines:
                found.extend(self.fixed(version))
        if version.before:
            found.extend(self.precondition(version))
        elif version.frequency is not None:
            found.extend(self.periods(version))
        elif self.rule.shape is Shape.R:
            found.extend(self.recurrence(version))
        elif version.arises_when_missed:
            found.extend(self.arising(version))
        elif not version.deadlines and version.age is None:
            found.extend(self.open_duty(version))
        return found

    # -- dated examples ----------------------------------------------------------------

    def holiday(
        self,
        version: RuleVersion,
        extra: Sequence[Condition] = (),
        duration: Duration | None = None,
    ) -> list[_Scenario]:
        x, configured = self.under(version)
        hit = x.holiday(self.rule, version, extra)
        if hit is None:
            return []
        found, tier, days = hit
        result = attrs.evolve(x.from_due(self.rule, found, version), configured=configured)
        citation = str(version.citation)
        if duration is not None:
            conditions = Text(
                " og ".join(c.describe("da") for c in extra),
                " and ".join(c.describe("en") for c in extra),
            )
            title = Text(
                f"Den anden frist: {duration.describe('da')}, når {conditions.da}",
                f"The other deadline: {duration.describe('en')} when {conditions.en}",
            )
        elif tier == 2 and version.roll is Roll.FORWARD:
            title = Text(
                f"Fristen ville udløbe på {_names(days, 'da')} og forlænges",
                f"The time limit would end on {_names(days, 'en')} and is extended",
            )
        elif tier == 2:
            title = Text(
                f"Fristen falder på {_names(days, 'da')}",
                f"The deadline falls on {_names(days, 'en')}",
            )
        elif tier == 1:
            title = Text(
                f"Optællingen springer over {_names(days, 'da')}",
                f"The count passes over {_names(days, 'en')}",
            )
        else:
            title = Text("Et eksempel", "An example")
        if version.roll is Roll.FORWARD and tier == 2:
            how = Text(
                "en borgers frist, der udløber på en lukket dag, forlænges til førstkommende "
                "hverdag.",
                "a citizen's time limit that ends on a closed day moves to the next working day.",
            )
        elif tier == 2 and isinstance(result.due, datetime):
            how = Text(
                "timerne løber døgnet rundt, og at fristen ikke flyttes, selv om den udløber "
                "på en helligdag.",
                "the hours run round the clock and that the deadline does not move even though "
                "it ends on a public holiday.",
            )
        elif tier == 2 and version.earliest:
            how = Text(
                "en tidligste dato ikke flyttes, og at der ikke vises en tidligere praktisk "
                "dag: en afgørelse før datoen er for tidlig.",
                "an earliest date does not move, and that no earlier practical day is shown: a "
                "decision before the date is too early.",
            )
        elif tier == 2 and version.notice:
            how = Text(
                "et varsel regnes til den tidligste dag, afgørelsen kan få virkning, og at den "
                "dag ikke flyttes.",
                "a notice runs to the earliest day the decision can take effect, and that the "
                "day does not move.",
            )
        elif tier == 2:
            how = Text(
                "myndighedens frist ikke flyttes: den markeres, og den praktiske sidste dag er "
                "den foregående hverdag.",
                "the authority's deadline does not move: it is flagged, and the practical due "
                "date is the previous working day.",
            )
        elif tier == 1:
            how = Text(
                "helligdage ikke tælles som hverdage.",
                "public holidays are not counted as working days.",
            )
        else:
            how = Text("", "")
        searched = Text("Hændelsens dato", "The event's date")
        if self.x.mode(version) == "fact":
            searched = Text(
                f"Datoen i `{version.due_from_fact}`, som myndigheden har sat,",
                f"The date in `{version.due_from_fact}`, set by the authority,",
            )
        elif self.x.mode(version) == "from-fact":
            searched = Text(
                f"Datoen i `{version.from_fact}`, som fristen regnes fra,",
                f"The date in `{version.from_fact}`, which the date is counted from,",
            )
        elif self.x.mode(version) == "age":
            searched = Text("Fødselsdatoen", "The date of birth")
        intro = Text(
            f"{searched.da} er fundet ved en søgning i en periode, hvor {citation} gælder. "
            + (f"Eksemplet viser, at {how.da}" if how.da else ""),
            f"{searched.en} was found by a search in a period in which {citation} applies. "
            + (f"It shows that {how.en}" if how.en else ""),
        )
        intro = self.configured_intro(version, configured, intro)
        kind = "alternativ" if duration is not None else "helligdag"
        return [_Scenario(kind, title, intro, (result,), version)]

    def extra_closed(self, version: RuleVersion) -> list[_Scenario]:
        """A citizen's time limit that would end on a day closed only for citizens."""
        hit = self.x.holiday(self.rule, version, kinds=frozenset({ClosedDayKind.EXTRA}))
        if hit is None:
            return []
        found, _tier, days = hit
        result = self.x.from_due(self.rule, found, version)
        title = Text(
            f"Fristen ville udløbe på {_names(days, 'da')} og forlænges",
            f"The time limit would end on {_names(days, 'en')} and is extended",
        )
        names_da = _join([d.label("da") for d in days], "da")
        names_en = _join([d.label("en") for d in days], "en")
        intro = Text(
            f"{names_da} er ikke en helligdag og er en hverdag for myndighedens frister, men "
            "en borgers frist kan ikke udløbe den dag, så den forlænges til førstkommende "
            "hverdag. Om det gælder for socialretlige frister, afventer juridisk afklaring "
            "(se [borgerens frist på en lukket dag](../fristberegning.md#citizen-roll)).",
            f"{names_en} is no public holiday and is a working day for the authority's "
            "deadlines, but a citizen's time limit cannot end on it, so it moves to the next "
            "working day. Whether that holds for social-law time limits awaits legal review.",
        )
        return [_Scenario("lukket-for-borgere", title, intro, (result,), version)]

    def fixed(self, version: RuleVersion) -> list[_Scenario]:
        """The due date given with the event (a decision's own time limit)."""
        fact = version.due_from_fact
        assert fact is not None
        hit = self.x.holiday(self.rule, version)
        if hit is None:
            return []
        found = hit[0]
        trigger_day = _day(found.trigger)
        setting = compute_deadline(trigger_day, "6 måneder", roll=Roll.KEEP).due
        assert isinstance(setting, date)
        facts = {**found.facts, fact: setting}
        deadline = self.x.due(self.rule.id, found.trigger, facts)
        if deadline is None or deadline.version.id != version.id:
            return []
        result = self.x.from_due(self.rule, _Found(found.trigger, facts, deadline), version)
        title = Text(
            f"Fristen er fastsat ved hændelsen (`{fact}`)",
            f"The date was set with the event (`{fact}`)",
        )
        intro = Text(
            f"Når hændelsen har en dato i `{fact}`, er den dato fristen, og den lovbestemte "
            "længde bruges ikke. Datoen i eksemplet er valgt som 6 måneder efter hændelsen.",
            f"When the event carries a date in `{fact}`, that date is the deadline and the "
            "statutory length is not used. The date in the example was chosen as 6 months "
            "after the event.",
        )
        return [_Scenario("fastsat", title, intro, (result,), version)]

    def across(self, old: RuleVersion, new: RuleVersion | None) -> list[_Scenario]:
        assert old.valid_to is not None
        end_da, end_en = format_date(old.valid_to, "da"), format_date(old.valid_to, "en")
        if new is None:
            title = Text(
                f"Efter {end_da}: ingen efterfølgende regel",
                f"After {end_en}: no later rule",
            )
        elif _into_barnets_lov(old, new):
            title = Text(
                "Over årsskiftet 2023/2024: fra serviceloven til barnets lov",
                "Across 1 January 2024: from Serviceloven to Barnets lov",
            )
        else:
            start_da = format_date(new.valid_from, "da") if new.valid_from else end_da
            start_en = format_date(new.valid_from, "en") if new.valid_from else end_en
            title = Text(
                f"Over skiftet {start_da}: fra {_label(old, 'da')} til {_label(new, 'da')}",
                f"Across {start_en}: from {_label(old, 'en')} to {_label(new, 'en')}",
            )
        if _dated(old):
            found = self.x.across(self.rule, old, new)
            if found is None:
                return []
            result = self.x.from_due(self.rule, found, old)
            if new is None:
                intro = Text(
                    f"Udløst, mens {old.citation} gjaldt, med en frist efter {end_da}. Ingen "
                    "regel afløser den i samme variant, så fristen beregnes efter den ophørte "
                    "regel.",
                    f"Triggered while {old.citation} applied, with a deadline after {end_en}. "
                    "No rule follows it in the same variant, so the deadline is computed under "
                    "the ended rule.",
                )
            elif _into_barnets_lov(old, new):
                intro = Text(
                    f"Udløst, mens {old.citation} gjaldt, men fristen falder efter {end_da}. "
                    f"Efter Barnets lov § 213, stk. 1, færdigbehandles sagen efter barnets lov, "
                    f"så fristen regnes efter {new.citation}.",
                    f"Triggered while {old.citation} applied, but the deadline falls after "
                    f"{end_en}. Under Barnets lov § 213, stk. 1, the matter is finished under "
                    f"Barnets lov, so the deadline is computed under {new.citation}.",
                )
            else:
                intro = Text(
                    f"Udløst, mens {old.citation} gjaldt, men fristen falder efter {end_da}. "
                    "frister anvender den regel, der gælder på fristens dag; ingen "
                    "overgangsregel er undersøgt (afventer juridisk afklaring).",
                    f"Triggered while {old.citation} applied, but the deadline falls after "
                    f"{end_en}. frister applies the rule in force on the due day; no "
                    "transitional provision has been researched (awaiting legal review).",
                )
            return [_Scenario("overgang", title, intro, (result,), new or old)]
        if old.frequency is not None or old.before:
            return []  # shown by the version's own example over the change (periods)
        return self.open_across(old, new, title)

    def open_across(
        self, old: RuleVersion, new: RuleVersion | None, title: Text
    ) -> list[_Scenario]:
        """A duty with no date, triggered before the change and fulfilled after it."""
        assert old.valid_to is not None
        day = self.x.calendar.roll_backward(old.valid_to)
        made = self.x.trigger_event(old, day)
        if made is None or not old.fulfilled_by:
            return []
        trigger, earlier, case_facts = made
        done = self.x.calendar.add_working_days(old.valid_to, 3)
        fulfil = self.x.fulfilment(old, old.fulfilled_by[0], done)
        case = Case([*earlier, trigger, fulfil], case_facts)
        results = self.x.evaluate(self.rule, case, done, trigger)
        if not results:
            return []
        governing = new or old
        end_da, end_en = format_date(old.valid_to, "da"), format_date(old.valid_to, "en")
        basis = Text(
            "efter Barnets lov § 213, stk. 1, færdigbehandles sagen efter barnets lov",
            "under Barnets lov § 213, stk. 1, the matter is finished under Barnets lov",
        )
        if not _into_barnets_lov(old, new):
            basis = Text(
                "frister anvender den regel, der gælder, når pligten opfyldes (afventer "
                "juridisk afklaring)",
                "frister applies the rule in force when the duty is fulfilled (awaiting legal "
                "review)",
            )
        intro = Text(
            f"Pligten opstod, mens {old.citation} gjaldt, og blev opfyldt efter {end_da}; "
            f"{basis.da}, så forpligtelsen afsluttes efter {governing.citation}.",
            f"The duty arose while {old.citation} applied and was fulfilled after {end_en}; "
            f"{basis.en}, so the obligation is concluded under {governing.citation}.",
        )
        return [_Scenario("overgang", title, intro, tuple(results), governing)]

    # -- undated examples --------------------------------------------------------------

    def precondition(self, version: RuleVersion) -> list[_Scenario]:
        day = self.x.first_day(version, self.x.year(version), 3)
        made = self.x.trigger_event(version, day)
        if made is None:
            return []
        trigger, earlier, case_facts = made
        before = self.x.calendar.add_working_days(day, -5)
        cases: list[tuple[Text, list[Event]]] = []
        for kind in (*version.fulfilled_by[:1], *version.exempted_by[:1]):
            title = self.q(kind)
            cases.append(
                (
                    Text(f"Med {title.da} forinden", f"With {title.en} beforehand"),
                    [self.x.fulfilment(version, kind, before)],
                )
            )
        cases.append((Text("Uden noget forinden", "With nothing beforehand"), []))
        results: list[_Result] = []
        for label, events in cases:
            case = Case([*earlier, *events, trigger], case_facts)
            results.extend(
                attrs.evolve(r, label=label)
                for r in self.x.evaluate(self.rule, case, trigger.at, trigger)
            )
        if not results:
            return []
        fulfil = Text(
            _join([self.q(k).da for k in version.fulfilled_by], "da", _OR),
            _join([self.q(k).en for k in version.fulfilled_by], "en", _OR),
        )
        exempt = Text(
            _join([self.q(k).da for k in version.exempted_by], "da", _OR),
            _join([self.q(k).en for k in version.exempted_by], "en", _OR),
        )
        trigger_title = self.q(version.trigger)
        intro = Text(
            f"Pligten har ingen selvstændig frist: {fulfil.da} skal være registreret før "
            f"{trigger_title.da} ({format_date(day, 'da')})"
            + (f", medmindre {exempt.da} er registreret" if version.exempted_by else "")
            + ". Samme hændelse vurderes med og uden det, der skal ske forinden.",
            f"The duty has no time limit of its own: {fulfil.en} must be recorded before "
            f"{trigger_title.en} ({format_date(day, 'en')})"
            + (f", unless {exempt.en} is recorded" if version.exempted_by else "")
            + ". The same event is evaluated with and without what must come first.",
        )
        title = Text(
            "Forudsætningen: opfyldt"
            + (", undtaget" if version.exempted_by else "")
            + " og ikke opfyldt",
            "The precondition: met"
            + (", exempted" if version.exempted_by else "")
            + " and not met",
        )
        return [_Scenario("forloeb", title, intro, tuple(results), version)]

    def periods(self, version: RuleVersion) -> list[_Scenario]:
        year = self.x.year(version)
        day = self.x.first_day(version, year, 3)
        made = self.x.trigger_event(version, day)
        if made is None or not version.fulfilled_by:
            return []
        trigger, earlier, case_facts = made
        kind = version.fulfilled_by[0]
        roll = self.x.calendar.roll_forward
        talks = [
            roll(day + timedelta(days=61)),
            roll(day + timedelta(days=214)),
            roll(date(year + 1, 4, 15)),
        ]
        events = [self.x.fulfilment(version, kind, talk) for talk in talks]
        case = Case([*earlier, trigger, *events], case_facts)
        as_of = self.x.calendar.roll_forward(date(year + 2, 1, 2))
        results = self.x.evaluate(
            self.rule,
            case,
            as_of,
            trigger,
            lambda ob: Text(f"Periode {ob.occurrence}", f"Period {ob.occurrence}"),
        )
        if not results:
            return []
        talks_da = _join([format_date(t, "da") for t in talks], "da")
        talks_en = _join([format_date(t, "en") for t in talks], "en")
        title = Text(
            f"Årene {year}, {year + 1} og {year + 2}: opfyldt, overskredet og i gang",
            f"The years {year}, {year + 1} and {year + 2}: met, overdue and running",
        )
        intro = Text(
            f"{self.q(version.trigger).da} {format_date(day, 'da')}; {self.q(kind).da} "
            f"{talks_da}. Opgjort {format_date(as_of, 'da')}. Året læses som kalenderåret "
            "(standard; afventer juridisk afklaring).",
            f"{self.q(version.trigger).en} {format_date(day, 'en')}; {self.q(kind).en} "
            f"{talks_en}. Evaluated on {format_date(as_of, 'en')}. The year is read as the "
            "calendar year (the default; awaiting legal review).",
        )
        return [_Scenario("forloeb", title, intro, tuple(results), version)]

    def recurrence(self, version: RuleVersion) -> list[_Scenario]:
        """The first and second occurrence, in the latest year in which both fall under
        the version (else in its example year)."""
        year = self.x.year(version)
        first_year = version.valid_from.year if version.valid_from else year - 2
        fallback: list[_Scenario] = []
        for y in range(year, max(first_year, year - 2) - 1, -1):
            found = self.recurrence_in(version, y)
            if found and all(r.version.id == version.id for r in found[0].results):
                return found
            fallback = fallback or found
        return fallback

    def recurrence_in(self, version: RuleVersion, year: int) -> list[_Scenario]:
        day = self.x.first_day(version, year, 3)
        made = self.x.trigger_event(version, day)
        if made is None or not version.fulfilled_by:
            return []
        trigger, earlier, case_facts = made
        first = self.x.evaluate(self.rule, Case([*earlier, trigger], case_facts), day, trigger)
        if not first or first[0].practical_due is None:
            return []
        done = self.x.calendar.add_working_days(_day(first[0].practical_due), -5)
        fulfil = self.x.fulfilment(version, version.fulfilled_by[0], done)
        note = Text("", "")
        if version.then_from_fact:
            following = compute_deadline(done, "6 måneder", roll=Roll.KEEP).due
            fulfil = attrs.evolve(fulfil, facts={**fulfil.facts, version.then_from_fact: following})
            note = Text(
                f" Ved opfølgningen fastsatte kommunen næste dato i `{version.then_from_fact}` "
                f"({format_date(_day(following), 'da')}, valgt til eksemplet); uden den har "
                "næste forekomst ingen dato.",
                f" At the follow-up the municipality set the next date in "
                f"`{version.then_from_fact}` ({format_date(_day(following), 'en')}, chosen "
                "for the example); without it the next occurrence has no date.",
            )
        case = Case([*earlier, trigger, fulfil], case_facts)
        as_of = done + timedelta(days=1)
        results = self.x.evaluate(
            self.rule,
            case,
            as_of,
            trigger,
            lambda ob: Text(f"Forekomst {ob.occurrence}", f"Occurrence {ob.occurrence}"),
            occurrences=(1, 2),
        )
        if len(results) < 2:
            return []
        title = Text("Første og anden forekomst", "First and second occurrence")
        intro = Text(
            f"{self.q(version.trigger).da} {format_date(day, 'da')}; {self.q(fulfil.kind).da} "
            f"{format_date(done, 'da')} opfylder den første forekomst, og den næste regnes "
            f"derfra. Opgjort {format_date(as_of, 'da')}." + note.da,
            f"{self.q(version.trigger).en} {format_date(day, 'en')}; {self.q(fulfil.kind).en} "
            f"on {format_date(done, 'en')} fulfils the first occurrence, and the next is "
            f"counted from there. Evaluated on {format_date(as_of, 'en')}." + note.en,
        )
        return [_Scenario("forloeb", title, intro, tuple(results), version)]

    def arising(self, version: RuleVersion) -> list[_Scenario]:
        parent_id = version.arises_when_missed
        assert parent_id is not None
        x, configured = self.under(version)
        day = x.first_day(version, x.year(version), 3)
        made = x.trigger_event(version, day)
        if made is None:
            return []
        trigger, earlier, case_facts = made
        case = Case([*earlier, trigger], case_facts)
        parents = [
            ob
            for ob in x.catalog.evaluate(case, trigger.at)
            if ob.rule_id == parent_id and ob.trigger == trigger
        ]
        if not parents or parents[0].due is None:
            return []
        as_of = _day(parents[0].due) + timedelta(days=1)
        results = [
            attrs.evolve(r, configured=configured)
            for r in x.evaluate(self.rule, case, as_of, trigger)
        ]
        if not results or results[0].version.id != version.id:
            return []
        parent = self.catalog.rules[parent_id].title
        title = Text(
            f"Opstår, når fristen for »{parent.da}« er overskredet",
            f'Arises when the deadline for "{parent.en}" is missed',
        )
        intro = Text(
            f"{self.q(version.trigger).da} {format_date(day, 'da')}; intet er registreret "
            f"ved fristen. Opgjort dagen efter, {format_date(as_of, 'da')}.",
            f"{self.q(version.trigger).en} {format_date(day, 'en')}; nothing is recorded "
            f"by the deadline. Evaluated the next day, {format_date(as_of, 'en')}.",
        )
        intro = self.configured_intro(version, configured, intro)
        return [_Scenario("forloeb", title, intro, tuple(results), version)]

    def open_duty(self, version: RuleVersion) -> list[_Scenario]:
        """No statutory date (or one the municipality sets): open until fulfilled."""
        day = self.x.first_day(version, self.x.year(version), 3)
        made = self.x.trigger_event(version, day)
        if made is None or not version.fulfilled_by:
            return []
        trigger, earlier, case_facts = made
        done = self.x.calendar.add_working_days(day, 10)
        fulfil = self.x.fulfilment(version, version.fulfilled_by[0], done)
        case = Case([*earlier, trigger, fulfil], case_facts)
        results: list[_Result] = []
        for as_of in (done - timedelta(days=1), done):
            for r in self.x.evaluate(self.rule, case, as_of, trigger):
                assert r.status is not None
                label = Text(
                    f"Pr. {format_date(as_of, 'da')}: {r.status.label('da')}",
                    f"On {format_date(as_of, 'en')}: {r.status.label('en')}",
                )
                results.append(attrs.evolve(r, label=label))
        if not results:
            return []
        if version.configurable:
            title = Text(
                "Loven overlader fristens længde til kommunen",
                "The law leaves the length to the municipality",
            )
            intro = Text(
                "Uden en konfigureret varighed har forpligtelsen ingen dato; den står åben, til "
                "den er opfyldt. En kommune giver varigheden i sin egen regelfil (se nedenfor).",
                "With no configured duration the obligation has no date; it stays open until "
                "fulfilled. A municipality gives the duration in a rule file of its own (see "
                "below).",
            )
        else:
            title = Text(
                "Ingen frist: åben, til pligten er opfyldt",
                "No time limit: open until the duty is fulfilled",
            )
            intro = Text(
                f"{self.q(version.trigger).da} {format_date(day, 'da')}; "
                f"{self.q(fulfil.kind).da} {format_date(done, 'da')}. Forpligtelsen opgøres "
                "dagen før og samme dag: indtil den er opfyldt, er den åben uden frist.",
                f"{self.q(version.trigger).en} {format_date(day, 'en')}; "
                f"{self.q(fulfil.kind).en} {format_date(done, 'en')}. The obligation is "
                "evaluated the day before and the same day: until fulfilled it is open with "
                "no deadline.",
            )
        return [_Scenario("forloeb", title, intro, tuple(results), version)]
