"""Case evaluation: which obligations a case's events gave rise to, when each is due, and why.

Pure: the result depends only on the catalog, the case and ``as_of``. Events
after ``as_of`` have not happened yet and are ignored.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import attrs

from frister.calendar._calendar import DanishCalendar
from frister.calendar._dates import Language, local_date
from frister.case import (
    Case,
    Event,
    Moment,
    Note,
    Obligation,
    Status,
    check_moment,
    on_or_after,
    order_key,
)
from frister.deadlines._duration import Duration, Unit
from frister.deadlines._fristberegning import (
    Deadline,
    Roll,
    birthday,
    compute_deadline,
    fixed_deadline,
)
from frister.errors import FactError, InputError, InputTypeError, UnknownEventKindError
from frister.rules._model import (
    Alternative,
    Condition,
    FactSpec,
    FactType,
    ObligationRule,
    RuleVersion,
    Shape,
    Text,
)

if TYPE_CHECKING:
    from frister.catalog import Catalog


class YearReading(enum.Enum):
    """How 'at least N times a year' is read (research A.6: awaiting legal source)."""

    CALENDAR_YEAR = "calendar-year"
    """Each calendar year the measure runs (the default)."""
    ROLLING = "rolling"
    """Each 12-month period counted from the start of the measure."""


def _day(moment: Moment) -> date:
    return local_date(moment) if isinstance(moment, datetime) else moment


def _past(as_of: Moment, due: Moment) -> bool:
    """The deadline has run out on ``as_of``: a day deadline runs the whole due day."""
    if isinstance(as_of, datetime) and isinstance(due, datetime):
        return as_of > due
    return _day(as_of) > _day(due)


def _on_time(done: Moment, due: Moment) -> bool:
    if isinstance(done, datetime) and isinstance(due, datetime):
        return done <= due
    return _day(done) <= _day(due)


# -- checking the input ---------------------------------------------------------------


def _check_fact(spec: FactSpec, value: object, field: str) -> Any:
    kind = spec.type
    ok = {
        FactType.TEXT: isinstance(value, str),
        FactType.BOOL: isinstance(value, bool),
        FactType.DATE: isinstance(value, date) and not isinstance(value, datetime),
        FactType.INT: type(value) is int,
    }[kind]
    if not ok:
        raise FactError(field, value, f"expected a {kind.value} fact")
    if spec.values and value not in spec.values:
        raise FactError(field, value, f"expected one of {', '.join(spec.values)}")
    return value


def check_case(catalog: Catalog, case: Case) -> None:
    """Every event kind known, every fact declared and of its type; else a clear error."""
    if not isinstance(case, Case):
        raise InputTypeError("case", case, "expected frister.Case")
    for name, value in case.facts.items():
        spec = catalog.case_facts.get(name)
        if spec is None or spec.derived:
            known = ", ".join(n for n, s in catalog.case_facts.items() if not s.derived)
            raise FactError(f"case.facts.{name}", value, f"not a case fact; case facts are {known}")
        _check_fact(spec, value, f"case.facts.{name}")
    for index, event in enumerate(case.events):
        check_event(catalog, event, f"events[{index}]")


def check_event(catalog: Catalog, event: Event, field: str) -> None:
    """The event's kind is declared and its facts are declared with the right types."""
    kind = catalog.events.get(event.kind)
    if kind is None:
        raise UnknownEventKindError(
            f"{field}.kind", event.kind, "unknown event kind (the vocabulary is in catalog.events)"
        )
    for name, value in event.facts.items():
        spec = kind.facts.get(name)
        if spec is None:
            known = ", ".join(kind.facts) or "none"
            raise FactError(
                f"{field}.facts.{name}", value, f"not a fact of {event.kind}; its facts are {known}"
            )
        _check_fact(spec, value, f"{field}.facts.{name}")


# -- the evaluation context -----------------------------------------------------------


_MEASURE_KINDS = ("indsats.iverksat", "indsats.ophoert")


@attrs.define
class _Context:
    catalog: Catalog
    case_facts: Mapping[str, Any]
    events: list[Event]
    as_of: Moment
    reading: YearReading
    derived: dict[int, Note] = attrs.field(factory=dict)
    derived_from: dict[int, Event] = attrs.field(factory=dict)
    results: dict[str, list[Obligation]] = attrs.field(factory=dict)
    _position: dict[int, int] = attrs.field(factory=dict)
    _by_kinds: dict[tuple[str, ...], list[Event]] = attrs.field(factory=dict)
    _facts_at: dict[int, dict[str, Any]] = attrs.field(factory=dict)

    def index(self) -> None:
        """Index the (final, sorted) timeline: each event's position, events by kind."""
        self._position = {id(event): i for i, event in enumerate(self.events)}
        self._by_kinds.clear()
        for event in self.events:
            self._by_kinds.setdefault((event.kind,), []).append(event)

    def of_kinds(self, kinds: tuple[str, ...]) -> list[Event]:
        """The events of these kinds, in timeline order."""
        found = self._by_kinds.get(kinds)
        if found is None:
            found = [e for kind in set(kinds) for e in self._by_kinds.get((kind,), ())]
            found.sort(key=lambda e: self._position[id(e)])
            self._by_kinds[kinds] = found
        return found

    def facts_at(self, event: Event) -> dict[str, Any]:
        """The case facts, plus the derived fact aktiv_indsats at the event's time."""
        facts = self._facts_at.get(id(event))
        if facts is None:
            facts = {**self.case_facts, "aktiv_indsats": self._active_measure(event)}
            self._facts_at[id(event)] = facts
        return facts

    def _active_measure(self, at: Event) -> bool:
        open_ids: dict[object, int] = {}
        for event in self.of_kinds(_MEASURE_KINDS):
            if event is at or not on_or_after(at.at, event.at):
                continue
            key = event.facts.get("indsats_id")
            if event.kind == "indsats.iverksat":
                open_ids[key] = open_ids.get(key, 0) + 1
            elif event.kind == "indsats.ophoert" and open_ids.get(key):
                open_ids[key] -= 1
        return any(count > 0 for count in open_ids.values())


def evaluate(
    catalog: Catalog,
    case: Case,
    as_of: Moment,
    reading: YearReading,
    only: str | None = None,
) -> list[Obligation]:
    """The obligations of ``case`` as they stand on ``as_of`` (of one rule, with ``only``)."""
    check_case(catalog, case)
    as_of = check_moment(as_of, "as_of")
    if not isinstance(reading, YearReading):
        raise InputTypeError("reading", reading, "expected frister.YearReading")
    visible = [e for e in case.events if on_or_after(as_of, e.at)]
    visible.sort(key=_event_key)
    context = _Context(catalog, case.facts, visible, as_of, reading)
    _derive(context)
    context.index()
    rules = _parents_first(catalog.rules)
    if only is not None:
        needed = _with_parents(catalog, only)
        rules = [rule for rule in rules if rule.id in needed]
    for rule in rules:
        context.results[rule.id] = _evaluate_rule(context, rule)
    order = {rule_id: i for i, rule_id in enumerate(catalog.rules)}
    obligations = [
        ob for obs in context.results.values() for ob in obs if only is None or ob.rule_id == only
    ]
    obligations.sort(key=lambda ob: (_event_key(ob.trigger), order[ob.rule_id], ob.occurrence))
    return obligations


def _event_key(event: Event) -> tuple[object, ...]:
    """Time order; events at the same moment in a fixed order, whatever order they came in."""
    return (*order_key(event.at), event.kind, sorted((k, repr(v)) for k, v in event.facts.items()))


def _parents_first(rules: Mapping[str, ObligationRule]) -> list[ObligationRule]:
    def depends(rule: ObligationRule) -> bool:
        return any(v.arises_when_missed for v in rule.versions)

    return sorted(rules.values(), key=depends)


def _with_parents(catalog: Catalog, rule_id: str) -> set[str]:
    needed = {rule_id}
    for version in catalog.rules[rule_id].versions:
        if version.arises_when_missed:
            needed |= _with_parents(catalog, version.arises_when_missed)
    return needed


def _derive(context: _Context) -> None:
    """Add derived events (a decision's receipt from how it was sent) where none is recorded."""
    added = []
    for derivation in context.catalog.derivations.values():
        recorded = [e for e in context.events if e.kind == derivation.kind]
        for source in (e for e in context.events if e.kind == derivation.source):
            if any(_linked(source, e, derivation.match) for e in recorded):
                continue
            channel = source.facts.get(derivation.by)
            after = derivation.after.get(str(channel)) if channel is not None else None
            if after is None:
                continue
            day = compute_deadline(
                source.day, after, roll=Roll.KEEP, calendar=context.catalog.calendar
            ).due
            assert isinstance(day, date)
            facts = {k: source.facts[k] for k in derivation.copy if k in source.facts}
            event = Event(derivation.kind, day, facts)
            if not on_or_after(context.as_of, event.at):
                continue
            context.derived_from[id(event)] = source
            context.derived[id(event)] = Note(
                "derived",
                {
                    "kanal": channel,
                    "at": day,
                    "basis": derivation.basis,
                },
            )
            added.append(event)
    context.events.extend(added)
    context.events.sort(key=_event_key)


def _linked(a: Event, b: Event, facts: Sequence[str]) -> bool:
    """Events of one matter: every link fact both carry has the same value."""
    return all(a.facts[f] == b.facts[f] for f in facts if f in a.facts and f in b.facts)


# -- one rule -------------------------------------------------------------------------


def _evaluate_rule(context: _Context, rule: ObligationRule) -> list[Obligation]:
    results: list[Obligation] = []
    claimed: set[int] = set()
    parents = {v.arises_when_missed for v in rule.versions if v.arises_when_missed}
    if parents:
        for parent in parents:
            for missed in context.results.get(parent, []):
                if missed.status in (Status.OVERDUE, Status.MET_LATE):
                    results.extend(_arising(context, rule, missed, claimed))
        return results
    for event in context.of_kinds(rule.trigger_kinds):
        for versions in rule.variants().values():
            version = _version_at(versions, event.kind, event.day)
            if version is None:
                # A running measure meets a rule that entered into force after it started:
                # the duty attaches to the age or the year, not to the start of the measure.
                version = _entering_after(versions, event.kind, event.day)
            if version is None:
                continue
            facts = context.facts_at(event)
            if not all(c.holds(event.facts, facts, event.day) for c in version.when):
                continue
            entered = (
                version.valid_from
                if version.valid_from and version.valid_from > event.day
                else None
            )
            for ob in _occurrences(context, rule, version, event, claimed):
                if version.age is not None and _duplicate(ob, results):
                    continue  # one duty per child at one age, however many measures run
                if entered and ob.due is not None and _day(ob.due) < entered:
                    continue  # the age was reached before the rule existed
                results.append(ob)
    return results


def _entering_after(versions: Sequence[RuleVersion], kind: str, day: date) -> RuleVersion | None:
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


def _duplicate(ob: Obligation, earlier: Sequence[Obligation]) -> bool:
    return any(
        other.version.variant == ob.version.variant
        and other.due == ob.due
        and other.status is not Status.ENDED
        for other in earlier
    )


def _version_at(versions: Sequence[RuleVersion], kind: str, day: date) -> RuleVersion | None:
    for version in versions:
        if version.trigger == kind and version.in_force(day):
            return version
    return None


def _occurrences(
    context: _Context, rule: ObligationRule, version: RuleVersion, event: Event, claimed: set[int]
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
        version = _version_at(variant, version.trigger, anchor.day) or ob.version


def _occurrence(
    context: _Context,
    rule: ObligationRule,
    version: RuleVersion,
    trigger: Event,
    anchor: Event,
    number: int,
    claimed: set[int],
) -> Obligation:
    notes = [Note("trigger", {"event": _describe_event(trigger)})]
    if id(trigger) in context.derived:
        notes.append(context.derived[id(trigger)])
    facts = context.facts_at(trigger)
    notes.extend(
        Note("condition", {"condition": _both(c.describe), "actual": _actual(c, trigger, facts)})
        for c in version.when
    )
    due, deadline, version, due_notes = _due(context, rule, version, trigger, anchor, number)
    notes.extend(due_notes)
    return _settle(context, rule, version, trigger, anchor, number, due, deadline, notes, claimed)


def _both(render: Callable[[Language], str]) -> Text:
    """A text in both languages, written when first read, so notes stay language-neutral data."""
    return Text.rendered(render)


def _actual(condition: Condition, event: Event, case_facts: Mapping[str, Any]) -> object:
    facts = event.facts if condition.scope == "event" else case_facts
    value = facts.get(condition.name)
    if value is None:
        return Text("ikke oplyst", "not given")
    return value


def _describe_event(event: Event) -> Text:
    def describe(lang: Language) -> str:
        facts = ", ".join(f"{k}={v}" for k, v in event.facts.items())
        return event.describe(lang) + (f" ({facts})" if facts else "")

    return _both(describe)


# -- computing the due date -----------------------------------------------------------


def _due(
    context: _Context,
    rule: ObligationRule,
    version: RuleVersion,
    trigger: Event,
    anchor: Event,
    number: int,
) -> tuple[Moment | None, Deadline | None, RuleVersion, list[Note]]:
    """The due date under the version in force on the day it falls due, with its notes."""
    notes: list[Note] = [version_note(version, "trigger" if number == 1 else "anchor", anchor.day)]
    due, deadline, more = _due_under(context, rule, version, trigger, anchor, number)
    seen = {version.id}
    while due is not None and version.valid_to is not None and _day(due) > version.valid_to:
        successor = _transition(context.catalog, rule, version, _day(due), notes)
        if successor is None or successor.id in seen:
            break
        version = successor
        seen.add(version.id)
        due, deadline, more = _due_under(context, rule, version, trigger, anchor, number)
        if due is not None and version.valid_from is not None and _day(due) < version.valid_from:
            # The new rule's own date lies before it existed: the duty falls due the day the
            # new rule enters into force (awaiting legal review).
            more.append(Note("entry-into-force", {"computed": due, "due": version.valid_from}))
            due = version.valid_from
    return due, deadline, version, notes + more


def _transition(
    catalog: Catalog, rule: ObligationRule, version: RuleVersion, day: date, notes: list[Note]
) -> RuleVersion | None:
    """The version that takes over on ``day``, after ``version`` ended; notes say why."""
    successor = _successor(catalog, rule, version)
    if successor is None:
        notes.append(Note("no-successor", {"due": day, "end": version.valid_to}))
        return None
    into_barnets_lov = version.law.key == "serviceloven" and successor.law.key == "barnets-lov"
    basis = (
        Text(
            "efter Barnets lov § 213, stk. 1, færdigbehandles sagen efter Barnets lov",
            "under Barnets lov § 213, stk. 1, the matter is finished under Barnets lov",
        )
        if into_barnets_lov
        else Text(
            "frister anvender den regel, der er i kraft på dagen (afventer juridisk "
            "afklaring: ingen overgangsregel er undersøgt)",
            "frister applies the rule in force on the day (awaiting legal review: no "
            "transitional provision has been researched)",
        )
    )
    notes.append(
        Note(
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


_VERSION_REASONS = {
    "trigger": Text("udløsningsdagen", "the day of the trigger"),
    "anchor": Text("dagen for den forrige opfyldelse", "the day of the previous fulfilment"),
    "due": Text("fristens dag", "the due day"),
}


def version_note(version: RuleVersion, reason: str, day: date) -> Note:
    return Note(
        "version",
        {
            "citation": str(version.citation),
            "version": version.id,
            "period": _both(version.period),
            "reason": _VERSION_REASONS[reason],
            "day": day,
            "mark": _both(version.mark.label),
        },
    )


def _successor(catalog: Catalog, rule: ObligationRule, version: RuleVersion) -> RuleVersion | None:
    if version.successor is not None:
        return catalog.version(version.successor)
    variant = rule.variants()[version.variant]
    index = variant.index(version)
    return variant[index + 1] if index + 1 < len(variant) else None


def _due_under(
    context: _Context,
    rule: ObligationRule,
    version: RuleVersion,
    trigger: Event,
    anchor: Event,
    number: int,
) -> tuple[Moment | None, Deadline | None, list[Note]]:
    catalog = context.catalog
    notes: list[Note] = []
    if version.before:
        notes.append(Note("before", {"event": _describe_event(trigger)}))
        return trigger.at, None, notes
    if number > 1:
        return _next_due(context, version, anchor, number, notes)
    fixed = trigger.facts.get(version.due_from_fact) if version.due_from_fact else None
    if isinstance(fixed, date):
        notes.append(Note("due-from-fact", {"fact": version.due_from_fact, "due": fixed}))
        deadline = _fixed(catalog, version, fixed)
        return deadline.due, deadline, notes
    duration = _duration(context, rule, version, trigger, notes)
    start: Moment | Deadline = trigger.at
    if version.age is not None:
        birth = context.case_facts.get("foedselsdato")
        if not isinstance(birth, date):
            notes.append(Note("missing-birth"))
            return None, None, notes
        start = birthday(birth, version.age)
        notes.append(Note("age-anchor", {"age": version.age, "birth": birth}))
        if duration is None:
            assert isinstance(start.due, date)
            settled = _fixed(catalog, version, start.due)
            deadline = attrs.evolve(settled, steps=(*start.steps[:-1], *settled.steps))
            return deadline.due, deadline, notes
    if duration is None:
        if not any(n.kind in ("not-configured", "configurable") for n in notes):
            notes.append(Note("no-duration"))
        return None, None, notes
    deadline = _compute(catalog, version, start, duration, trigger)
    due: Moment = deadline.due
    for event in _following(context, version.or_at_event, trigger, version.match):
        if _on_time(event.at, due) and event.at != due:
            due = event.day
            notes.append(Note("earlier-event", {"event": _describe_event(event), "due": due}))
        break
    if version.notice:
        notes.append(Note("notice"))
    return due, deadline, notes


def _next_due(
    context: _Context, version: RuleVersion, anchor: Event, number: int, notes: list[Note]
) -> tuple[Moment | None, Deadline | None, list[Note]]:
    notes.append(Note("recurrence", {"number": number, "anchor": _describe_event(anchor)}))
    if version.then is not None:
        deadline = _compute(context.catalog, version, anchor.at, version.then, anchor)
        return deadline.due, deadline, notes
    fact = version.then_from_fact
    value = anchor.facts.get(fact) if fact else None
    if isinstance(value, date):
        notes.append(Note("next-from-fact", {"fact": fact, "due": value}))
        deadline = _fixed(context.catalog, version, value)
        return deadline.due, deadline, notes
    notes.append(Note("next-not-set", {"fact": fact, "anchor": anchor.day}))
    return None, None, notes


def _duration(
    context: _Context, rule: ObligationRule, version: RuleVersion, trigger: Event, notes: list[Note]
) -> Duration | None:
    facts = context.facts_at(trigger)
    for alternative in version.deadlines:
        if all(c.holds(trigger.facts, facts, trigger.day) for c in alternative.when):
            if alternative.when:
                notes.append(_alternative_note(alternative))
            return alternative.duration
    configured = context.catalog.durations.get(rule.id)
    if version.configurable and configured is not None:
        name = configured.fact.split(".", 1)[1]
        value = trigger.facts.get(name)
        duration = configured.values.get(str(value)) if value is not None else None
        if duration is not None:
            notes.append(
                Note(
                    "configured",
                    {
                        "pack": configured.pack,
                        "fact": configured.fact,
                        "value": value,
                        "duration": _both(duration.describe),
                    },
                )
            )
            return duration
        shown = value if value is not None else Text("ikke oplyst", "not given")
        notes.append(Note("not-configured", {"fact": configured.fact, "value": shown}))
    elif version.configurable:
        notes.append(Note("configurable"))
    return None


def _alternative_note(alternative: Alternative) -> Note:
    def because(lang: Language) -> str:
        joiner = " og " if lang == "da" else " and "
        return joiner.join(c.describe(lang) for c in alternative.when)

    return Note(
        "alternative",
        {"duration": _both(alternative.duration.describe), "condition": _both(because)},
    )


def _compute(
    catalog: Catalog,
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
    expiry = _expiry_calendar(catalog, version)
    assert version.roll is not None  # the loader requires a roll wherever a deadline is computed
    return compute_deadline(
        start,
        duration,
        roll=version.roll,
        calendar=catalog.calendar,
        expiry_calendar=expiry,
        months=version.months,
        direction=version.direction,
    )


def _fixed(catalog: Catalog, version: RuleVersion, day: date) -> Deadline:
    """A date set by the authority or a decision, moved or flagged by the rule's roll."""
    assert version.roll is not None  # the loader requires a roll wherever a date is set
    return fixed_deadline(
        day, roll=version.roll, expiry_calendar=_expiry_calendar(catalog, version)
    )


def _expiry_calendar(catalog: Catalog, version: RuleVersion) -> DanishCalendar:
    if version.expiry_closed:
        return catalog.calendar.with_closed(*version.expiry_closed)
    return catalog.calendar


def _following(
    context: _Context, kinds: tuple[str, ...], trigger: Event, match: Sequence[str]
) -> list[Event]:
    return [
        e
        for e in context.of_kinds(kinds)
        if e is not trigger and on_or_after(e.at, trigger.at) and _linked(trigger, e, match)
    ]


# -- fulfilment and status ------------------------------------------------------------


def _settle(
    context: _Context,
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
    facts = context.facts_at(trigger)
    if version.before:
        fulfilled = _fulfilling(context, version, version.fulfilled_by, trigger, facts, claimed)
        exempted = (
            None
            if fulfilled
            else _fulfilling(context, version, version.exempted_by, trigger, facts, claimed)
        )
        if exempted is not None:
            notes.append(Note("exempted", {"event": _describe_event(exempted)}))
            fulfilled = exempted
    else:
        # A derived trigger (a receipt) counts from the event it was derived from: a complaint
        # made before the deemed receipt is in time.
        start = context.derived_from.get(id(anchor), anchor)
        fulfilled = _fulfilling(context, version, version.fulfilled_by, start, facts, claimed)
    ended = _ending(context, version, trigger, fulfilled, due)
    if fulfilled is not None and ended is None:
        claimed.add(id(fulfilled))
    if due is None and version.valid_to is not None:
        # An open duty with no date is finished under the rule in force when it is done
        # (or still open): Barnets lov § 213 stk. 1 for matters open on 31 Dec 2023.
        done = fulfilled.day if fulfilled is not None else _day(context.as_of)
        version = governing_on(context.catalog, rule, version, done, notes)
    if version.notice:
        practical: Moment | None = due  # the earliest day a decision may take effect: no earlier
    elif deadline is not None and deadline.due == due:
        practical = deadline.practical_due
    else:
        practical = due
    status = _status(context, version, due, fulfilled, ended)
    if version.before and status is Status.OVERDUE:
        notes.append(Note("before-breached", {"event": _describe_event(trigger)}))
    if rule.shape is Shape.C and status is Status.OVERDUE:
        notes.append(Note("citizen-expired"))
    return _conclude(
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


def _conclude(
    context: _Context,
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
    if fulfilled is not None:
        notes.append(Note("fulfilled", {"event": _describe_event(fulfilled)}))
    if ended is not None:
        notes.append(Note("ended", {"event": _describe_event(ended)}))
    notes.append(Note("status", {"as_of": context.as_of, "status": _both(status.label)}))
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
        notes=tuple(notes),
        conditions=version.when,
        questions=version.questions,
    )


def _fulfilling(
    context: _Context,
    version: RuleVersion,
    kinds: tuple[str, ...],
    trigger: Event,
    case_facts: Mapping[str, Any],
    claimed: set[int],
) -> Event | None:
    """The first unclaimed event of ``kinds`` linked to ``trigger`` that meets the rule's
    fulfilment conditions: at or after the trigger, or at or before it for a precondition."""
    for event in context.of_kinds(kinds):
        if event is trigger or id(event) in claimed:
            continue
        in_order = (
            on_or_after(trigger.at, event.at)
            if version.before
            else on_or_after(event.at, trigger.at)
        )
        if not in_order or not _linked(trigger, event, version.match):
            continue
        if all(c.holds(event.facts, case_facts, event.day) for c in version.fulfilled_when):
            return event
    return None


def _ending(
    context: _Context,
    version: RuleVersion,
    trigger: Event,
    fulfilled: Event | None,
    due: Moment | None,
) -> Event | None:
    for event in _following(context, version.ended_by, trigger, version.match):
        if fulfilled is not None and on_or_after(event.at, fulfilled.at):
            return None
        if due is not None and _past(event.at, due):
            return None  # the deadline had already run out: the breach stands
        return event
    return None


def _status(
    context: _Context,
    version: RuleVersion,
    due: Moment | None,
    fulfilled: Event | None,
    ended: Event | None,
) -> Status:
    if ended is not None:
        return Status.ENDED
    if fulfilled is not None:
        if due is None or version.before or _on_time(fulfilled.at, due):
            return Status.MET
        return Status.MET_LATE
    if due is None:
        return Status.PENDING
    if version.notice:
        return Status.MET if _day(context.as_of) >= _day(due) else Status.PENDING
    if version.before or _past(context.as_of, due):
        return Status.OVERDUE
    return Status.PENDING


# -- frequencies and obligations that arise from a missed one --------------------------


def _periods(
    context: _Context, rule: ObligationRule, version: RuleVersion, trigger: Event
) -> list[Obligation]:
    assert version.frequency is not None
    count = version.frequency.count
    today = _day(context.as_of)
    ended_events = _following(context, version.ended_by, trigger, version.match)
    end = ended_events[0] if ended_events else None
    talks = [
        e
        for e in _following(context, version.fulfilled_by, trigger, version.match)
        if all(c.holds(e.facts, context.case_facts, e.day) for c in version.fulfilled_when)
    ]
    results = []
    start = max(trigger.day, version.valid_from or trigger.day)
    number = 1
    while start <= today:
        last = _period_end(start, trigger.day, number, context.reading)
        inside = [e for e in talks if start <= e.day <= last]
        notes = [
            Note("trigger", {"event": _describe_event(trigger)}),
            version_note(version, "trigger", trigger.day),
        ]
        governing = governing_on(context.catalog, rule, version, last, notes)
        notes.append(
            Note("period", {"start": start, "end": last, "count": count, "seen": len(inside)})
        )
        fulfilled = inside[count - 1] if len(inside) >= count else None
        stopped = end if end is not None and end.day <= last and fulfilled is None else None
        practical = context.catalog.calendar.roll_backward(last)
        status = _status(context, governing, last, fulfilled, stopped)
        ob = _conclude(
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


def governing_on(
    catalog: Catalog, rule: ObligationRule, version: RuleVersion, day: date, notes: list[Note]
) -> RuleVersion:
    """The version in force on ``day`` (a due day, or the day an open duty is done)."""
    seen = {version.id}
    while version.valid_to is not None and day > version.valid_to:
        successor = _transition(catalog, rule, version, day, notes)
        if successor is None or successor.id in seen:
            break
        version = successor
        seen.add(version.id)
    return version


def _period_end(start: date, first: date, number: int, reading: YearReading) -> date:
    if reading is YearReading.CALENDAR_YEAR:
        return date(start.year, 12, 31)
    deadline = compute_deadline(first, Duration(12 * number, Unit.MONTHS), roll=Roll.KEEP)
    assert isinstance(deadline.due, date)
    return deadline.due - timedelta(days=1)


def _arising(
    context: _Context, rule: ObligationRule, missed: Obligation, claimed: set[int]
) -> list[Obligation]:
    trigger = missed.trigger
    results = []
    for versions in rule.variants().values():
        version = _version_at(versions, trigger.kind, trigger.day)
        if version is None:
            continue
        notes = [
            Note("trigger", {"event": _describe_event(trigger)}),
            version_note(version, "trigger", trigger.day),
        ]
        if missed.due is not None:
            version = governing_on(context.catalog, rule, version, _day(missed.due), notes)
        notes.append(Note("arises", {"parent": missed.rule_id, "due": missed.due}))
        results.append(
            _settle(
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
