"""The rule book: Markdown pages for legal staff, written from the catalog and the engine.

:func:`write_rule_book` writes one page per obligation (Danish first, English beside it)
with each law version's period, citation, wording, marks and questions, and worked
examples that the engine computes while the book is built; and the overview pages: the
rules by case stage, the laws, the transition from Serviceloven to Barnets lov, the
calendar, the conventions of fristberegning and the questions awaiting legal review.
MkDocs builds the site from them (``docs/hooks.py``); ``frister docs`` writes them by hand.

The pages depend on the catalog alone: no clock, no randomness, no files read. Every
example date comes from ``catalog.due`` or ``catalog.evaluate``; every trigger is found by
searching dates, never written per rule. Each example carries a machine-readable marker
(an HTML comment) so a test can compute it again and compare.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Final

import attrs
from dateutil.easter import easter

from frister._calendar import (
    CITIZEN_EXPIRY_EXTRAS,
    ClosedDay,
    ClosedDayKind,
    DanishCalendar,
    ExtraClosedDay,
)
from frister._case import Case, Event, Moment, Obligation, Status
from frister._catalog import Catalog, RuleDeadline, default_catalog
from frister._conventions import Convention, Mark, conventions
from frister._dates import COPENHAGEN, Language, format_date, format_moment, local_date
from frister._duration import Duration, Unit
from frister._errors import FristerError
from frister._fristberegning import Deadline, MonthRule, Roll, compute_deadline
from frister._json import case_to_json
from frister._rules import (
    Condition,
    FactSpec,
    FactType,
    Law,
    ObligationRule,
    Operator,
    RuleVersion,
    Shape,
    Text,
)
from frister._steps import Count, Direction, Expiry

__all__ = ["write_rule_book"]

_MANIFEST: Final = ".frister-docs"
"""Lists the pages the last run wrote, so a page whose rule is gone is removed."""
_OPEN_YEAR: Final = 2025
"""The year examples of versions still in force are set in."""
_CALENDAR_YEARS: Final = range(2020, 2031)
_TRIGGER_TIME: Final = time(16, 5)
"""Events of kinds that start hour deadlines happen at 16:05 Danish time in the examples."""
_BARNETS_LOV_START: Final = date(2024, 1, 1)
_LAST_STORE_BEDEDAG_YEAR: Final = 2023
_STORE_BEDEDAG_LAW: Final = (
    "Lov nr. 214 af 06/03/2023 om konsekvenser ved afskaffelsen af store bededag",
    "https://www.retsinformation.dk/eli/lta/2023/214",
)
_ELI: Final = "https://www.retsinformation.dk/eli/lta/{year}/{number}"

_SHAPES: Final = {
    Shape.D: Text("Frist efter en hændelse", "Deadline after an event"),
    Shape.R: Text("Tilbagevendende frist", "Recurring deadline"),
    Shape.F: Text("Et antal gange hvert år", "A number of times each year"),
    Shape.P: Text("Skal ske før en hændelse", "Must happen before an event"),
    Shape.A: Text("Frist knyttet til barnets alder", "Deadline tied to the child's age"),
    Shape.C: Text("Borgerens frist", "The citizen's time limit"),
    Shape.N: Text("Ingen lovbestemt frist", "No statutory time limit"),
}

_CONVENTION_NAMES: Final = {
    "trigger-day-not-counted": Text("Udløsningsdagen tælles ikke med", "The trigger day"),
    "end-of-day": Text("Fristen løber hele dagen", "A deadline runs the whole day"),
    "hours": Text("Timer", "Hours"),
    "working-days": Text("Hverdage", "Working days"),
    "calendar-days": Text("Kalenderdage", "Calendar days"),
    "weeks": Text("Uger", "Weeks"),
    "months": Text("Måneder", "Months"),
    "months-month-end": Text("Måneder fra en måneds sidste dag", "Months from a month's end"),
    "months-refuse": Text("Måneder, streng", "Months, strict"),
    "years": Text("År", "Years"),
    "years-29-february": Text("År fra 29. februar", "Years from 29 February"),
    "before-anchor": Text("Frister forud for et tidspunkt", "Deadlines before an anchor"),
    "ages": Text("Alder", "Ages"),
    "citizen-roll": Text(
        "Borgerens frist på en lukket dag", "A citizen's deadline on a closed day"
    ),
    "authority-no-roll": Text(
        "Myndighedens frist på en lukket dag", "An authority's deadline on a closed day"
    ),
}

_UNIT_CONVENTION: Final = {
    Unit.HOURS: "hours",
    Unit.DAYS: "calendar-days",
    Unit.WORKING_DAYS: "working-days",
    Unit.WEEKS: "weeks",
    Unit.MONTHS: "months",
    Unit.YEARS: "years",
}

_OPEN_MARKS: Final = (Mark.UNVERIFIED, Mark.LEGAL_REVIEW)
_HOLIDAY_KINDS: Final = frozenset(
    {ClosedDayKind.HELLIGDAG, ClosedDayKind.EXTRA, ClosedDayKind.LOCAL}
)


# -- small helpers ----------------------------------------------------------------------


def _day(moment: Moment) -> date:
    return local_date(moment) if isinstance(moment, datetime) else moment


def _esc(text: str) -> str:
    """Text as Markdown prose: no raw HTML."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cell(text: str) -> str:
    """Text for a table cell: no pipes, no line breaks."""
    return _esc(text).replace("|", "\\|").replace("\n", "<br>")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _mark(mark: Mark, lang: Language) -> str:
    label = mark.label(lang)
    return label or ("ikke angivet" if lang == "da" else "not given")


def _convention_mark(conv: Convention, lang: Language) -> str:
    if conv.mark is Mark.NONE:
        return "intet juridisk spørgsmål" if lang == "da" else "no legal question"
    return _mark(conv.mark, lang)


def _both(text: Text) -> str:
    """'dansk *(english)*' for one line in a table."""
    if text.da == text.en:
        return _cell(text.da)
    return f"{_cell(text.da)} *({_cell(text.en)})*"


def _short(version: RuleVersion) -> str:
    """The citation with the law's short name: 'BL § 138, stk. 1'."""
    full = str(version.citation)
    law = version.law
    if law.short and full.startswith(law.name):
        return law.short + full[len(law.name) :]
    return full


def _years_back(day: date, years: int) -> date | None:
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return None


def _json(value: object) -> str:
    def plain(item: object) -> object:
        if isinstance(item, date):
            return item.isoformat()
        if isinstance(item, Mapping):
            return {str(k): plain(v) for k, v in item.items()}
        if isinstance(item, list | tuple):
            return [plain(v) for v in item]
        return item

    return json.dumps(plain(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _fact_value(value: object, lang: Language) -> str:
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "da" else ("yes" if value else "no")
    if isinstance(value, date):
        return format_moment(value, lang)
    return str(value)


def _named(days: Sequence[ClosedDay]) -> list[ClosedDay]:
    """The named closed days that fall on a weekday (those that change a deadline)."""
    return [d for d in days if d.kind is not ClosedDayKind.WEEKEND and d.date.weekday() < 5]


def _names(days: Sequence[ClosedDay], lang: Language) -> str:
    return ", ".join(f"{d.label(lang)} ({format_date(d.date, lang)})" for d in days)


_AND: Final = Text("og", "and")
_OR: Final = Text("eller", "or")


def _join(items: Sequence[str], lang: Language, word: Text = _AND) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word(lang)} {items[-1]}"


def _fence(text: str, indent: str) -> list[str]:
    lines = [f"{indent}```text"]
    lines.extend(f"{indent}{line}".rstrip() for line in text.splitlines())
    lines.append(f"{indent}```")
    return lines


def _warning(title: str, da: str, en: str, label_en: str) -> list[str]:
    return [
        f'!!! warning "{title}"',
        "",
        f"    {_esc(da)}",
        "",
        f"    *English ({label_en}):* {_esc(en)}",
        "",
    ]


def _source_url(version: RuleVersion) -> str | None:
    """The official address of the text file quoted ("2012_810" is LBK 810/2012)."""
    match = re.fullmatch(r"(\d{4})_(\d+)", version.source or "")
    if match is None:
        return None
    return _ELI.format(year=match.group(1), number=match.group(2))


def _conventions_of(version: RuleVersion) -> list[str]:
    """The conventions of fristberegning a version's deadlines are computed with."""
    units = [a.duration.unit for a in version.deadlines]
    if version.then is not None:
        units.append(version.then.unit)
    dated = bool(units) or version.age is not None or version.due_from_fact is not None
    if not dated or version.roll is None:
        return []
    ids = []
    if any(u is not Unit.HOURS for u in units):
        ids.append("trigger-day-not-counted")
    for unit in Unit:
        if unit in units:
            ids.append(_UNIT_CONVENTION[unit])
    if Unit.MONTHS in units or Unit.YEARS in units:
        if version.months is MonthRule.MONTH_END_TO_MONTH_END:
            ids.append("months-month-end")
        elif version.months is MonthRule.REFUSE:
            ids.append("months-refuse")
    if Unit.YEARS in units:
        ids.append("years-29-february")
    if version.age is not None:
        ids.append("ages")
    if version.direction is Direction.BEFORE:
        ids.append("before-anchor")
    by_day = any(u is not Unit.HOURS for u in units) or not units
    if by_day:
        ids.append("authority-no-roll" if version.roll is Roll.KEEP else "citizen-roll")
        ids.append("end-of-day")
    known = conventions()
    return [i for i in ids if i in known]


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

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.calendar: DanishCalendar = catalog.calendar
        self.hour_kinds = {
            v.trigger
            for rule in catalog.rules.values()
            for v in rule.versions
            if any(a.duration.unit is Unit.HOURS for a in v.deadlines)
        }

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
            facts["foedselsdato"] = birth
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
        elif mode == "fact":
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
                if found.version.id != version.id or _day(found.due) <= _day(trigger):
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
        day = lo + timedelta(days=21) if mode == "fact" else lo
        while day <= hi:
            if mode == "fact" or self.calendar.is_working_day(day):
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
            wants_measure = condition.operator is Operator.EQUALS and condition.value is True
            if condition.name != "aktiv_indsats" or not wants_measure:
                return None
            earlier.append(
                Event(
                    "indsats.iverksat",
                    day - timedelta(days=91),
                    {"indsats_id": "indsats-1", "type": "stoettende-indsats"},
                )
            )
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
    return new is not None and old.law.key == "serviceloven" and new.law.key == "barnets-lov"


class _RuleExamples:
    def __init__(self, examples: _Examples, rule: ObligationRule) -> None:
        self.x = examples
        self.rule = rule
        self.catalog = examples.catalog

    def title(self, kind: str) -> Text:
        return self.catalog.events[kind].title

    def q(self, kind: str) -> Text:
        """An event's title in quotes, for a sentence: »Underretning modtaget«."""
        title = self.title(kind)
        return Text(f"»{title.da}«", f'"{title.en}"')

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
        hit = self.x.holiday(self.rule, version, extra)
        if hit is None:
            return []
        found, tier, days = hit
        result = self.x.from_due(self.rule, found, version)
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
        elif self.x.mode(version) == "age":
            searched = Text("Fødselsdatoen", "The date of birth")
        intro = Text(
            f"{searched.da} er fundet ved en søgning i en periode, hvor {citation} gælder. "
            + (f"Eksemplet viser, at {how.da}" if how.da else ""),
            f"{searched.en} was found by a search in a period in which {citation} applies. "
            + (f"It shows that {how.en}" if how.en else ""),
        )
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
        day = self.x.first_day(version, self.x.year(version), 3)
        made = self.x.trigger_event(version, day)
        if made is None:
            return []
        trigger, earlier, case_facts = made
        parent_id = version.arises_when_missed
        assert parent_id is not None
        case = Case([*earlier, trigger], case_facts)
        parents = [
            ob
            for ob in self.catalog.evaluate(case, trigger.at)
            if ob.rule_id == parent_id and ob.trigger == trigger
        ]
        if not parents or parents[0].due is None:
            return []
        as_of = _day(parents[0].due) + timedelta(days=1)
        results = self.x.evaluate(self.rule, case, as_of, trigger)
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


# -- rendering: a rule page --------------------------------------------------------------


def _marker(scenario: _Scenario, result: _Result) -> str:
    due = result.due.isoformat() if result.due is not None else "none"
    parts = [
        f"rule={result.rule_id}",
        f"trigger={result.trigger.at.isoformat()}",
        f"facts={_json(dict(result.facts))}",
        f"due={due}",
        f"version={result.version.id}",
        f"method={result.method}",
        f"kind={scenario.kind}",
    ]
    if result.method == "evaluate":
        assert result.case is not None
        assert result.as_of is not None
        assert result.status is not None
        parts += [
            f"as_of={result.as_of.isoformat()}",
            f"occurrence={result.occurrence}",
            f"status={result.status.value}",
            f"case={_json(case_to_json(result.case))}",
        ]
    body = " ".join(parts)
    if "--" in body:
        raise FristerError(f"rule book: an example marker cannot hold '--': {body}")
    return f"<!-- example {body} -->"


class _Pages:
    """Renders the catalog and its examples as Markdown pages."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.examples = _Examples(catalog)
        self.scenarios: dict[str, list[_Scenario]] = {}
        for rule in catalog.rules.values():
            for version in rule.versions:
                if not str(version.citation).strip() or not version.citation.paragraph.strip():
                    raise FristerError(
                        f"rule book: {rule.id}: version {version.id} has no citation"
                    )
            scenarios = _RuleExamples(self.examples, rule).scenarios()
            if not scenarios:
                raise FristerError(f"rule book: {rule.id} has no worked example")
            self.scenarios[rule.id] = scenarios
        self.uses = self._convention_uses()

    def conventions_of(self, version: RuleVersion) -> list[str]:
        """The conventions a version's deadlines use: from its durations and roll, and those
        its examples applied."""
        seen = set(_conventions_of(version))
        for scenarios in self.scenarios.values():
            for scenario in scenarios:
                for result in scenario.results:
                    if result.version.id == version.id:
                        seen.update(result.conventions)
        return [cid for cid in conventions() if cid in seen]

    def _convention_uses(self) -> dict[str, list[str]]:
        uses: dict[str, list[str]] = {}
        for rule in self.catalog.rules.values():
            for version in rule.versions:
                for cid in self.conventions_of(version):
                    if rule.id not in uses.setdefault(cid, []):
                        uses[cid].append(rule.id)
        return uses

    # -- texts -------------------------------------------------------------------------

    def event(self, kind: str, lang: Language) -> str:
        spec = self.catalog.events.get(kind)
        title = spec.title(lang) if spec else kind
        return f"{_cell(title)} (`{kind}`)"

    def events(self, kinds: Sequence[str], lang: Language) -> str:
        return _join([self.event(k, lang) for k in kinds], lang, Text("eller", "or"))

    @staticmethod
    def conditions(conditions: Sequence[Condition], lang: Language) -> str:
        if not conditions:
            return "ingen" if lang == "da" else "none"
        return "; ".join(_cell(c.describe(lang)) for c in conditions)

    def deadline(self, version: RuleVersion, lang: Language, rules: str = "") -> str:
        """The deadline in words; ``rules`` is the path from the page to the rule pages."""
        da = lang == "da"
        if version.before:
            return (
                "før den udløsende hændelse (en forudsætning)"
                if da
                else "before the triggering event (a precondition)"
            )
        if version.frequency is not None:
            count = version.frequency.count
            return (
                f"mindst {count} gange i hvert år (som standard kalenderår)"
                if da
                else f"at least {count} times in each year (calendar years by default)"
            )
        if version.arises_when_missed:
            parent = self.catalog.rules[version.arises_when_missed]
            link = f"[{_cell(parent.title(lang))}]({rules}{parent.id}.md)"
            return (
                f"samme dag som fristen for {link}; pligten opstår, når den frist er overskredet"
                if da
                else f"the same day as the deadline for {link}; the duty arises when that "
                "deadline is missed"
            )
        parts: list[str] = []
        if version.due_from_fact:
            parts.append(
                f"den dato, hændelsen angiver i `{version.due_from_fact}`"
                if da
                else f"the date the event gives in `{version.due_from_fact}`"
            )
        if version.deadlines:
            texts = []
            for alternative in version.deadlines:
                amount = alternative.duration.describe(lang)
                if version.age is not None:
                    before = version.direction is Direction.BEFORE
                    word = (
                        ("før" if before else "efter") if da else ("before" if before else "after")
                    )
                    amount += (
                        f" {word} barnets {version.age}-årsdag"
                        if da
                        else f" {word} the child's {version.age}th birthday"
                    )
                else:
                    amount += " efter den udløsende hændelse" if da else " after the trigger"
                if alternative.when:
                    cond = (" og " if da else " and ").join(
                        _cell(c.describe(lang)) for c in alternative.when
                    )
                    amount += f", {'når' if da else 'when'} {cond}"
                elif len(version.deadlines) > 1:
                    amount = f"{'ellers' if da else 'otherwise'} {amount}"
                texts.append(amount)
            joined = "; ".join(texts)
            if parts:
                joined = f"{'ellers' if da else 'otherwise'} {joined}"
            parts.append(joined)
        elif version.age is not None:
            parts.append(
                f"barnets {version.age}-årsdag" if da else f"the child's {version.age}th birthday"
            )
        elif version.configurable and not parts:
            parts.append(
                "ingen lovbestemt længde; kommunen fastsætter fristen"
                if da
                else "no statutory length; the municipality sets it"
            )
        elif not parts:
            parts.append(
                "ingen lovbestemt frist; pligten står åben, til den er opfyldt"
                if da
                else "no statutory time limit; the duty stays open until fulfilled"
            )
        if version.configurable and version.due_from_fact:
            parts.append(
                "uden en dato er der ingen frist (loven fastsætter ingen længde)"
                if da
                else "with no date there is no deadline (the law sets no length)"
            )
        if version.or_at_event:
            kinds = self.events(version.or_at_event, lang)
            parts.append(
                f"eller tidligere: ved {kinds}, hvis det sker før"
                if da
                else f"or earlier: at {kinds}, if that happens first"
            )
        if version.notice:
            parts.append(
                "et varsel: fristen er den tidligste dag, afgørelsen kan få virkning"
                if da
                else "a notice: the date is the earliest day the decision can take effect"
            )
        return "; ".join(parts)

    def recurrence(self, version: RuleVersion, lang: Language) -> str | None:
        da = lang == "da"
        if version.then is not None:
            then = version.then.describe(lang)
            return (
                f"herefter {then} efter den forrige opfyldelse"
                if da
                else f"then {then} after the previous fulfilment"
            )
        if version.then_from_fact:
            fact = version.then_from_fact
            return (
                f"herefter den dato, kommunen fastsætter ved hver opfyldelse (`{fact}`); "
                "uden den ingen dato"
                if da
                else f"then the date the municipality sets at each fulfilment (`{fact}`); "
                "without it no date"
            )
        return None

    def rule_table(self, version: RuleVersion) -> list[str]:
        rows: list[tuple[Text, str, str]] = []

        def row(label: Text, da: str | None, en: str | None) -> None:
            if da is not None and en is not None:
                rows.append((label, da, en))

        row(
            Text("Udløses af", "Triggered by"),
            self.event(version.trigger, "da"),
            self.event(version.trigger, "en"),
        )
        row(
            Text("Betingelser", "Conditions"),
            self.conditions(version.when, "da"),
            self.conditions(version.when, "en"),
        )
        row(Text("Frist", "Deadline"), self.deadline(version, "da"), self.deadline(version, "en"))
        row(
            Text("Gentagelse", "Recurrence"),
            self.recurrence(version, "da"),
            self.recurrence(version, "en"),
        )
        if version.age is not None:
            before = version.direction is Direction.BEFORE
            row(
                Text("Alder", "Age"),
                f"{version.age} år; fristen regnes {'før' if before else 'fra'} fødselsdagen",
                f"{version.age}; the deadline is counted {'before' if before else 'from'} "
                "the birthday",
            )
        if version.fulfilled_by:
            when_da = (
                f", når {self.conditions(version.fulfilled_when, 'da')}"
                if version.fulfilled_when
                else ""
            )
            when_en = (
                f", when {self.conditions(version.fulfilled_when, 'en')}"
                if version.fulfilled_when
                else ""
            )
            row(
                Text("Opfyldes ved", "Fulfilled by"),
                self.events(version.fulfilled_by, "da") + when_da,
                self.events(version.fulfilled_by, "en") + when_en,
            )
        if version.exempted_by:
            row(
                Text("Undtaget ved", "Exempted by"),
                self.events(version.exempted_by, "da"),
                self.events(version.exempted_by, "en"),
            )
        if version.ended_by:
            row(
                Text("Bortfalder ved", "Ended by"),
                self.events(version.ended_by, "da"),
                self.events(version.ended_by, "en"),
            )
        if version.match:
            names = ", ".join(f"`{m}`" for m in version.match)
            row(
                Text("Sammenkædning", "Linked by"),
                f"hændelser i samme sag kædes sammen ved {names}",
                f"events of one matter are linked by {names}",
            )
        hours_only = bool(version.deadlines) and all(
            a.duration.unit is Unit.HOURS for a in version.deadlines
        )
        if hours_only:
            row(
                Text("Lukket dag", "Closed day"),
                "timerne løber døgnet rundt; fristen flyttes ikke for weekender og helligdage",
                "the hours run round the clock; the deadline is not moved for weekends and "
                "holidays",
            )
        elif version.roll is not None:
            keep = version.roll is Roll.KEEP
            row(
                Text("Lukket dag", "Closed day"),
                "myndighedens frist: flyttes ikke, markeres"
                if keep
                else "borgerens frist: forlænges til næste hverdag",
                "the authority's deadline: not moved, flagged"
                if keep
                else "the citizen's deadline: moves to the next working day",
            )
        if version.expiry_closed:
            row(
                Text("Kan heller ikke udløbe på", "Cannot end on either"),
                ", ".join(d.name_da for d in version.expiry_closed),
                ", ".join(d.name_en for d in version.expiry_closed),
            )
        if version.months is not MonthRule.SAME_DAY_OR_MONTH_END:
            row(Text("Månedsregel", "Month rule"), version.months.value, version.months.value)
        lines = ["| | Dansk | English |", "|---|---|---|"]
        lines.extend(f"| **{label.da}** *({label.en})* | {da} | {en} |" for label, da, en in rows)
        return lines

    def version_section(self, rule: ObligationRule, version: RuleVersion) -> list[str]:
        many = len(rule.variants()) > 1
        heading = str(version.citation) + (f" (variant `{version.variant}`)" if many else "")
        lines = [f"### {_esc(heading)} {{#{_slug(version.id)}}}", ""]
        period = Text(version.period("da"), version.period("en"))
        mark = Text(_mark(version.mark, "da"), _mark(version.mark, "en"))
        lines += [
            f"| **Version** | `{version.id}` |",
            "|---|---|",
            f"| **Periode** *(period)* | {_both(period)} |",
            f"| **Hjemmel** *(citation)* | {_cell(str(version.citation))} |",
            f"| **Lov** *(law)* | {self.law_link(version.law)} |",
            f"| **Status** *(mark)* | {_both(mark)} |",
        ]
        if many:
            lines.append(f"| **Variant** | `{version.variant}` |")
        lines.append("")
        if version.mark in _OPEN_MARKS:
            lines += _warning(
                "Afventer juridisk afklaring",
                f"Versionens status er {_mark(version.mark, 'da')}.",
                f"The version's status is {_mark(version.mark, 'en')}.",
                _mark(version.mark, "en"),
            )
        if version.summary is not None:
            lines += [
                f"**Kort fortalt:** {_esc(version.summary.da)}",
                "",
                f"*In brief:* {_esc(version.summary.en)}",
                "",
            ]
        source = _source_url(version)
        if version.source and source:
            shown = source.removeprefix("https://www.")
            where = f"citeret fra tekstfilen `{version.source}`, [{shown}]({source})"
        else:
            where = (
                "ikke kontrolleret mod en tekstfil (se spørgsmålene) *(not checked against a "
                "text file)*"
            )
        lines += [
            f"**Lovens ordlyd** *(the statute's wording)*: {_esc(str(version.citation))}, {where}:",
            "",
        ]
        lines += [
            f"> {_esc(line)}" if line.strip() else ">" for line in version.wording.split("\n")
        ]
        lines.append("")
        lines += ["**Reglen** *(the rule)*", ""]
        lines += self.rule_table(version)
        lines.append("")
        lines += self.counting(version)
        lines += self.questions(version)
        return lines

    def law_link(self, law: Law) -> str:
        text = _cell(f"{law.name}, {law.text}")
        return f"[{text}]({law.url})" if law.url else text

    def counting(self, version: RuleVersion) -> list[str]:
        ids = self.conventions_of(version)
        if not ids:
            return []
        known = conventions()
        lines = ["**Fristberegning** *(counting conventions)*", ""]
        for cid in ids:
            conv = known[cid]
            name = _CONVENTION_NAMES.get(cid, Text(cid, cid))
            lines.append(
                f"- [{_esc(name.da)}](../fristberegning.md#{cid}): {_esc(conv.da)} "
                f"Grundlag: {_esc(conv.basis)}. Status: {_convention_mark(conv, 'da')}. "
                f"*{_esc(conv.en)}*"
            )
        lines.append("")
        return lines

    @staticmethod
    def questions(version: RuleVersion) -> list[str]:
        if not version.questions:
            return []
        lines = [
            "**Spørgsmål til juridisk afklaring** *(questions for legal review)* – se også "
            "[alle spørgsmål](../spoergsmaal.md)",
            "",
        ]
        for question in version.questions:
            lines += _warning(
                question.mark.label("da"),
                question.text.da,
                question.text.en,
                question.mark.label("en"),
            )
        return lines

    def rule_page(self, rule: ObligationRule) -> str:
        stage = self.catalog.stages.get(rule.stage, Text(rule.stage, rule.stage))
        shape = _SHAPES[rule.shape]
        lines = [
            f"# {_esc(rule.title.da)}",
            "",
            f"*{_esc(rule.title.en)}*",
            "",
            f"| **Regel-id** *(obligation id)* | `{rule.id}` |",
            "|---|---|",
            f"| **Form** *(shape)* | {rule.shape.value}: {_both(shape)} |",
            f"| **Sagsfase** *(case stage)* | [{_cell(stage.da)}](index.md#{_slug(rule.stage)}) "
            f"*({_cell(stage.en)})* |",
            "",
            "## Lovversioner {#lovversioner}",
            "",
            "*Law versions*",
            "",
        ]
        variants = rule.variants()
        if len(variants) > 1:
            lines += [
                "Reglen har flere varianter, der gælder side om side under hver sine "
                "betingelser; inden for en variant afløser versionerne hinanden.",
                "",
                "*The rule has several variants that apply side by side under their own "
                "conditions; within a variant the versions succeed one another.*",
                "",
            ]
        lines += [
            "| Hjemmel *(citation)* | Periode *(period)* | Variant | Status *(mark)* "
            "| Spørgsmål *(questions)* |",
            "|---|---|---|---|---|",
        ]
        ordered = _newest_first(rule)
        for version in ordered:
            lines.append(
                f"| [{_cell(str(version.citation))}](#{_slug(version.id)}) "
                f"| {_cell(version.period('da'))} | `{version.variant}` "
                f"| {_cell(_mark(version.mark, 'da'))} | {len(version.questions)} |"
            )
        lines.append("")
        for version in ordered:
            lines += self.version_section(rule, version)
        if any(v.configurable for v in rule.versions):
            lines += self.configuration(rule)
        lines += self.example_section(rule)
        lines += [
            "---",
            "",
            "Se også *(see also)*: [alle regler](index.md) · [overgangen til barnets lov]"
            "(../overgang.md) · [fristberegning](../fristberegning.md) · [spørgsmål til "
            "juridisk afklaring](../spoergsmaal.md)",
            "",
        ]
        return "\n".join(lines)

    def configuration(self, rule: ObligationRule) -> list[str]:
        configured = self.catalog.durations.get(rule.id)
        lines = [
            "## Kommunens egen frist {#konfiguration}",
            "",
            "*The municipality's own time limit*",
            "",
            "Loven fastsætter ingen længde. En kommune angiver sine frister i sin egen regelfil "
            "(formatet er beskrevet i `docs/catalog-format.md`) og indlæser den med "
            "`frister.default_catalog().with_rules(sti)`; varigheden vælges efter en oplysning "
            "på hændelsen:",
            "",
            "*The law sets no length. A municipality gives its time limits in a rule file of "
            "its own and loads it with `frister.default_catalog().with_rules(path)`; the "
            "duration is chosen by a fact of the event:*",
            "",
            "```toml",
            "[pack]",
            'key = "min-kommune"',
            'name = "Min Kommune"',
            'text = "Sagsbehandlingsfrister, vedtaget af byrådet"',
            "",
            f'[durations."{rule.id}"]',
            'fact = "event.omraade"',
            'values = { "handicap-merudgifter" = "8 uger" }',
            "```",
            "",
        ]
        if configured is not None:
            values = ", ".join(f"{k} = {v}" for k, v in configured.values.items())
            lines += [
                f"Konfigureret i dette katalog af {configured.pack}: `{configured.fact}`: "
                f"{_esc(values)}.",
                "",
            ]
        return lines

    # -- examples ----------------------------------------------------------------------

    def example_section(self, rule: ObligationRule) -> list[str]:
        lines = [
            "## Eksempler {#eksempler}",
            "",
            "*Worked examples*",
            "",
            "Eksemplerne er beregnet af frister, da regelbogen blev bygget; ingen dato er "
            "skrevet i hånden. Hvert eksempel viser det, der gik ind (hændelse og "
            "oplysninger), fristen, den gældende regel og hele forklaringen, som frister "
            "giver den.",
            "",
            "*The examples were computed by frister when the rule book was built; no date is "
            "written by hand. Each shows the input (event and facts), the due date, the "
            "governing rule and frister's full explanation.*",
            "",
        ]
        for number, scenario in enumerate(self.scenarios[rule.id], start=1):
            lines += self.scenario(number, scenario)
        return lines

    def scenario(self, number: int, scenario: _Scenario) -> list[str]:
        lines = [
            f"### Eksempel {number}: {_esc(scenario.title.da)} {{#eksempel-{number}}}",
            "",
            f"*Example {number}: {_esc(scenario.title.en)}*",
            "",
            _esc(scenario.intro.da),
            "",
            f"*{_esc(scenario.intro.en)}*",
            "",
        ]
        shown: Case | None = None
        for result in scenario.results:
            if result.method == "evaluate" and result.case is not None and result.case != shown:
                lines += self.case_table(result.case)
                shown = result.case
            lines += self.result(scenario, result)
        return lines

    def facts(self, facts: Mapping[str, Any], lang: Language) -> str:
        if not facts:
            return "ingen" if lang == "da" else "none"
        return "; ".join(
            f"`{name}`: {_cell(_fact_value(value, lang))}" for name, value in sorted(facts.items())
        )

    def case_table(self, case: Case) -> list[str]:
        lines = [
            "| Tidspunkt *(time)* | Hændelse *(event)* | Oplysninger *(facts)* |",
            "|---|---|---|",
        ]
        for event in sorted(case.events, key=lambda e: (_day(e.at), e.kind)):
            title = self.catalog.events[event.kind].title
            lines.append(
                f"| {_cell(format_moment(event.at, 'da'))} | {_cell(title.da)} "
                f"(`{event.kind}`) | {self.facts(event.facts, 'da')} |"
            )
        if case.facts:
            lines.append(
                f"| | *Sagens oplysninger (case facts)* | {self.facts(case.facts, 'da')} |"
            )
        lines.append("")
        return lines

    def result(self, scenario: _Scenario, result: _Result) -> list[str]:
        lines = []
        if result.label is not None:
            lines += [f"**{_esc(result.label.da)}** *({_esc(result.label.en)})*", ""]
        lines += [_marker(scenario, result), ""]
        if result.method == "due":
            lines += [
                f"| **Udløsende hændelse** *(trigger)* | {self.event(result.trigger.kind, 'da')}: "
                f"{_cell(format_moment(result.trigger.at, 'da'))} |",
                "|---|---|",
                f"| **Oplysninger** *(facts)* | {self.facts(result.facts, 'da')} |",
            ]
        else:
            assert result.as_of is not None
            lines += [
                f"| **Opgjort pr.** *(as of)* | {_cell(format_moment(result.as_of, 'da'))} |",
                "|---|---|",
            ]
            if result.occurrence > 1 or self.catalog.rules[result.rule_id].shape in (
                Shape.R,
                Shape.F,
            ):
                lines.append(f"| **Forekomst** *(occurrence)* | {result.occurrence} |")
        if result.version.notice:
            label = "Tidligste virkningsdag** *(earliest effect)*"
        elif result.version.before:
            label = "Skal foreligge før** *(required before)*"
        else:
            label = "Frist** *(due)*"
        if result.due is None:
            due = "ingen frist *(no deadline)*"
        else:
            due = f"**{_cell(format_moment(result.due, 'da'))}**"
        lines.append(f"| **{label} | {due} |")
        if (
            result.due is not None
            and result.practical_due is not None
            and result.practical_due != result.due
        ):
            lines.append(
                "| **Praktisk sidste dag** *(practical due)* | "
                f"{_cell(format_moment(result.practical_due, 'da'))} (fristen falder på en "
                "lukket dag og flyttes ikke) |"
            )
        if result.status is not None:
            status = Text(result.status.label("da"), result.status.label("en"))
            lines.append(f"| **Status** | {_both(status)} |")
        rule = self.catalog.rules[result.rule_id]
        link = (
            f"[{_cell(str(result.version.citation))}](#{_slug(result.version.id)})"
            if any(v.id == result.version.id for v in rule.versions)
            else _cell(str(result.version.citation))
        )
        lines += [
            f"| **Gældende regel** *(governing rule)* | {link} (`{result.version.id}`) |",
            "",
            '=== "Forklaring (dansk)"',
            "",
            *_fence(result.explanation.da, "    "),
            "",
            '=== "Explanation (English)"',
            "",
            *_fence(result.explanation.en, "    "),
            "",
        ]
        return lines

    # -- overview pages ----------------------------------------------------------------

    def rules_index(self) -> str:
        lines = [
            "# Regler efter sagsfase",
            "",
            "*Rules by case stage*",
            "",
            "Hver regel (forpligtelse) har sin egen side med lovversioner, lovtekst, spørgsmål "
            "og beregnede eksempler. Formen angiver, hvordan fristen er bygget: "
            + "; ".join(f"**{s.value}** {_esc(t.da.lower())}" for s, t in _SHAPES.items())
            + ".",
            "",
            "*Each rule (obligation) has a page of its own with its law versions, statute "
            "wording, questions and computed examples. The shape says how the deadline is "
            "built: "
            + "; ".join(f"**{s.value}** {_esc(t.en.lower())}" for s, t in _SHAPES.items())
            + ".*",
            "",
        ]
        stages = list(self.catalog.stages)
        stages += sorted({r.stage for r in self.catalog.rules.values()} - set(stages))
        for stage in stages:
            title = self.catalog.stages.get(stage, Text(stage, stage))
            rules = [r for r in self.catalog.rules.values() if r.stage == stage]
            lines += [f"## {_esc(title.da)} {{#{_slug(stage)}}}", "", f"*{_esc(title.en)}*", ""]
            if not rules:
                lines += ["Ingen regler i denne fase. *(No rules in this stage.)*", ""]
                continue
            lines += [
                "| Regel *(rule)* | Titel | Title | Form *(shape)* | Hjemmel *(citations)* "
                "| Status *(marks)* |",
                "|---|---|---|---|---|---|",
            ]
            for rule in rules:
                many = len(rule.variants()) > 1
                citations = "<br>".join(
                    f"{_cell(_short(v))} ({_cell(v.period('da'))}"
                    + (f", variant `{v.variant}`)" if many else ")")
                    for v in _newest_first(rule)
                )
                marks = sorted({_mark(v.mark, "da") for v in rule.versions})
                questions = sum(len(v.questions) for v in rule.versions)
                mark_text = ", ".join(marks)
                if questions:
                    mark_text += f"; {questions} spørgsmål"
                lines.append(
                    f"| [`{rule.id}`]({rule.id}.md) | {_cell(rule.title.da)} "
                    f"| {_cell(rule.title.en)} | {rule.shape.value} | {citations} "
                    f"| {_cell(mark_text)} |"
                )
            lines.append("")
        return "\n".join(lines)

    def laws(self) -> dict[str, tuple[Law, list[RuleVersion]]]:
        laws: dict[str, tuple[Law, list[RuleVersion]]] = {}
        for rule in self.catalog.rules.values():
            for version in rule.versions:
                laws.setdefault(version.law.key, (version.law, []))[1].append(version)
        return laws

    def laws_index(self) -> str:
        lines = [
            "# Love",
            "",
            "*Laws*",
            "",
            "Lovene og bekendtgørelserne, som reglerne bygger på, med den konsolidering, der er "
            "citeret, og dens officielle adresse.",
            "",
            "*The acts and orders the rules rest on, with the consolidation quoted and its "
            "official address.*",
            "",
            "| Lov *(law)* | Kort *(short)* | Citeret tekst *(text quoted)* | Versioner "
            "*(versions)* | Regler *(rules)* |",
            "|---|---|---|---|---|",
        ]
        for key, (law, versions) in self.laws().items():
            rules = len({v.obligation for v in versions})
            text = f"[{_cell(law.text)}]({law.url})" if law.url else _cell(law.text)
            lines.append(
                f"| [{_cell(law.name)}]({key}.md) | {_cell(law.short)} | {text} "
                f"| {len(versions)} | {rules} |"
            )
        lines.append("")
        return "\n".join(lines)

    def law_page(self, law: Law, versions: list[RuleVersion]) -> str:
        lines = [
            f"# {_esc(law.name)}",
            "",
            f"Citeret tekst *(text quoted)*: {self.law_link(law)}",
            "",
            f"{len(versions)} versioner af {len({v.obligation for v in versions})} regler. "
            f"*({len(versions)} versions of {len({v.obligation for v in versions})} rules.)*",
            "",
            "| Regel *(rule)* | Titel | Hjemmel *(citation)* | Periode *(period)* "
            "| Status *(mark)* | Version |",
            "|---|---|---|---|---|---|",
        ]
        for version in versions:
            rule = self.catalog.rules[version.obligation]
            lines.append(
                f"| [`{rule.id}`](../regler/{rule.id}.md#{_slug(version.id)}) "
                f"| {_cell(rule.title.da)} | {_cell(str(version.citation))} "
                f"| {_cell(version.period('da'))} | {_cell(_mark(version.mark, 'da'))} "
                f"| `{version.id}` |"
            )
        lines.append("")
        return "\n".join(lines)

    def transition(self) -> str:
        lines = [
            "# Fra serviceloven til barnets lov",
            "",
            "*From Serviceloven to Barnets lov*",
            "",
            "Barnets lov gælder fra 1. januar 2024; reglerne om børn og unge i serviceloven "
            "gælder til og med 31. december 2023. Efter Barnets lov § 213, stk. 1, "
            "færdigbehandles sager, der ikke er afsluttet ved årsskiftet, efter barnets lov. "
            "frister anvender det sådan: en forpligtelse, der er udløst efter serviceloven, "
            "men forfalder efter 31. december 2023, regnes efter barnets lovs version af "
            "samme regel (samme variant); en pligt uden dato afsluttes efter den regel, der "
            "gælder, når den opfyldes.",
            "",
            "*Barnets lov applies from 1 January 2024; the child provisions of Serviceloven "
            "apply up to and including 31 December 2023. Under Barnets lov § 213, stk. 1, "
            "matters not finished at the turn of the year are finished under Barnets lov. "
            "frister applies it thus: an obligation triggered under Serviceloven but falling "
            "due after 31 December 2023 is computed under the Barnets lov version of the same "
            "rule (same variant); a duty with no date is concluded under the rule in force "
            "when it is fulfilled.*",
            "",
        ]
        untouched = []
        for rule in self.catalog.rules.values():
            laws = {v.law.key for v in rule.versions}
            if not laws & {"serviceloven", "barnets-lov"}:
                untouched.append(rule)
                continue
            lines += self.transition_rule(rule)
        if untouched:
            lines += [
                "## Regler uden for overgangen {#uden-for-overgangen}",
                "",
                "*Rules outside the transition*",
                "",
                "Disse regler har hverken en version i serviceloven eller i barnets lov. "
                "*(These rules have no version in Serviceloven or Barnets lov.)*",
                "",
            ]
            lines += [
                f"- [{_esc(r.title.da)}](regler/{r.id}.md) (`{r.id}`): "
                + ", ".join(_esc(str(v.citation)) for v in r.versions)
                for r in untouched
            ]
            lines.append("")
        return "\n".join(lines)

    def transition_rule(self, rule: ObligationRule) -> list[str]:
        lines = [
            f"## {_esc(rule.title.da)} {{#{_slug(rule.id)}}}",
            "",
            f"*{_esc(rule.title.en)}* · [`{rule.id}`](regler/{rule.id}.md)",
            "",
        ]
        scenarios = self.scenarios[rule.id]
        handled = False
        for old, new in _successions(rule):
            if old.law.key != "serviceloven":
                continue
            if new is not None and new.law.key != "barnets-lov":
                continue  # an earlier Serviceloven version; listed under the last one
            handled = True
            if new is None:
                lines += [
                    f"**{_esc(str(old.citation))}** (variant `{old.variant}`, "
                    f"{_esc(old.period('da'))}) har ingen efterfølger i barnets lov i samme "
                    "variant: en forpligtelse, der forfalder efter 31. december 2023, regnes "
                    "efter den ophørte regel.",
                    "",
                    f"*{_esc(str(old.citation))} has no successor in Barnets lov in the same "
                    "variant: an obligation falling due after 31 December 2023 is computed "
                    "under the ended rule.*",
                    "",
                ]
                continue
            lines += [
                "| | Serviceloven | Barnets lov |",
                "|---|---|---|",
                f"| **Hjemmel** *(citation)* | {_cell(str(old.citation))} "
                f"| {_cell(str(new.citation))} |",
                f"| **Periode** *(period)* | {_cell(old.period('da'))} "
                f"| {_cell(new.period('da'))} |",
                f"| **Frist** *(deadline)* | {self.deadline(old, 'da', 'regler/')} "
                f"| {self.deadline(new, 'da', 'regler/')} |",
                f"| **Udløses af** *(trigger)* | {self.event(old.trigger, 'da')} "
                f"| {self.event(new.trigger, 'da')} |",
                f"| **Betingelser** *(conditions)* | {self.conditions(old.when, 'da')} "
                f"| {self.conditions(new.when, 'da')} |",
                f"| **Opfyldes ved** *(fulfilled by)* | {self.events(old.fulfilled_by, 'da')} "
                f"| {self.events(new.fulfilled_by, 'da')} |",
                f"| **Status** *(mark)* | {_cell(_mark(old.mark, 'da'))} "
                f"| {_cell(_mark(new.mark, 'da'))} |",
            ]
            if self.recurrence(old, "da") or self.recurrence(new, "da"):
                lines.append(
                    f"| **Gentagelse** *(recurrence)* | {self.recurrence(old, 'da') or '–'} "
                    f"| {self.recurrence(new, 'da') or '–'} |"
                )
            if len(rule.variants()) > 1:
                lines.append(f"| **Variant** | `{old.variant}` | `{new.variant}` |")
            lines.append("")
            same_deadline = self.deadline(old, "da") == self.deadline(new, "da") and (
                self.recurrence(old, "da") == self.recurrence(new, "da")
            )
            same_when = old.when == new.when and old.trigger == new.trigger
            change = []
            change.append("Fristen er den samme." if same_deadline else "Fristen er ændret.")
            change.append(
                "Udløsning og betingelser er de samme."
                if same_when
                else "Udløsning eller betingelser er ændret."
            )
            change_en = [
                "The deadline is the same." if same_deadline else "The deadline has changed.",
                "Trigger and conditions are the same."
                if same_when
                else "Trigger or conditions have changed.",
            ]
            assert old.valid_to is not None
            end = old.valid_to
            anchor = next(
                (
                    i
                    for i, s in enumerate(scenarios, start=1)
                    if any(r.version.id == new.id and r.trigger.day <= end for r in s.results)
                ),
                None,
            )
            link = (
                f" [Eksempel over årsskiftet](regler/{rule.id}.md#eksempel-{anchor})."
                if anchor
                else ""
            )
            lines += [" ".join(change) + link, "", f"*{' '.join(change_en)}*", ""]
            earlier = [
                v
                for v in rule.variants()[old.variant]
                if v.law.key == "serviceloven" and v is not old
            ]
            if earlier:
                lines += [
                    "Tidligere versioner i serviceloven *(earlier versions)*: "
                    + "; ".join(
                        f"{_esc(str(v.citation))} ({_esc(v.period('da'))})" for v in earlier
                    ),
                    "",
                ]
        bl_only = [
            v
            for v in rule.versions
            if v.law.key == "barnets-lov"
            and not any(
                new is v and old.law.key == "serviceloven" for old, new in _successions(rule)
            )
        ]
        if bl_only:
            lines += [
                "Versioner i barnets lov uden en forgænger i serviceloven i samme variant "
                "*(Barnets lov versions with no Serviceloven predecessor in the same variant)*:",
                "",
            ]
            lines += [
                f"- {_esc(str(v.citation))} (variant `{v.variant}`): "
                f"{self.deadline(v, 'da', 'regler/')}; betingelser: "
                f"{self.conditions(v.when, 'da')}"
                for v in bl_only
            ]
            lines.append("")
            if handled:
                lines += [
                    "Anvendelsesområdet er delt anderledes i barnets lov end i serviceloven; "
                    "der er ingen automatisk overgang mellem varianterne. *(The scope is divided "
                    "differently; there is no automatic transition between the variants.)*",
                    "",
                ]
        return lines

    def calendar_page(self) -> str:
        calendar = DanishCalendar()
        citizen = calendar.with_closed(*CITIZEN_EXPIRY_EXTRAS)
        name, url = _STORE_BEDEDAG_LAW
        last = date(_LAST_STORE_BEDEDAG_YEAR, 1, 1)
        bededage = [
            d for d, n in calendar.holidays(last.year).items() if n.lower() == "store bededag"
        ]
        after = easter(last.year + 1) + timedelta(days=26)
        if len(bededage) != 1 or not calendar.is_working_day(after):
            raise FristerError("rule book: the calendar no longer ends store bededag after 2023")
        bededag = (
            f"Derfor tæller store bededag {last.year} ({format_date(bededage[0], 'da')}) ikke som "
            f"hverdag, mens store bededag {after.year} ({format_date(after, 'da')}) gør."
        )
        lines = [
            "# Kalender",
            "",
            "*The calendar*",
            "",
            "Hverdage er mandag til fredag, der ikke er helligdage det pågældende år. "
            "Helligdagene er folkekirkens helligdage. **Store bededag er helligdag til og med "
            f"{last.year}**; fra {after.year} er den en almindelig hverdag ([{name}]({url})). "
            + bededag,
            "",
            "*Working days are Monday to Friday that are not helligdage of that year. "
            f"**Store bededag is a helligdag up to and including {last.year}**; from "
            f"{after.year} it is an ordinary working day.*",
            "",
            "Borgerens frister (klagefrist, svarfrist ved partshøring) kan heller ikke udløbe "
            "på "
            + _join([d.name_da.lower() for d in CITIZEN_EXPIRY_EXTRAS], "da")
            + ", jf. [borgerens frist på en lukket dag](fristberegning.md#citizen-roll); "
            "for myndighedens frister er de hverdage.",
            "",
            "*A citizen's time limits cannot end on "
            + _join([d.name_en for d in CITIZEN_EXPIRY_EXTRAS], "en")
            + " either; for the authority's deadlines they are working days.*",
            "",
            "## Navngivne ekstra dage {#ekstra-dage}",
            "",
            "*Named extra days*",
            "",
            "Dage, der ikke er helligdage, men som en kalender kan lukke. *(Days that are not "
            "helligdage but that a calendar can close.)*",
            "",
            "| Dag | Day | 2025 | Lukket for *(closed for)* | Regler *(rules)* |",
            "|---|---|---|---|---|",
        ]
        for extra in ExtraClosedDay:
            rules = [
                r.id
                for r in self.catalog.rules.values()
                if any(extra in v.expiry_closed for v in r.versions)
            ]
            closed_for = (
                "borgerens frister (udløb)"
                if extra in CITIZEN_EXPIRY_EXTRAS
                else "kun hvis kalenderen sættes op til det *(only if configured)*"
            )
            links = ", ".join(f"[`{r}`](regler/{r}.md)" for r in rules) or "–"
            lines.append(
                f"| {_cell(extra.name_da)} | {_cell(extra.name_en)} "
                f"| {_cell(format_date(extra.in_year(2025), 'da'))} | {closed_for} | {links} |"
            )
        lines.append("")
        for year in _CALENDAR_YEARS:
            start, end = date(year, 1, 1), date(year, 12, 31)
            working = calendar.working_days_between(start, end) + calendar.is_working_day(start)
            lines += [
                f"## {year} {{#aar-{year}}}",
                "",
                f"Arbejdsdage i alt *(working days in total)*: {working}",
                "",
                "| Dato *(date)* | Helligdag | Holiday | Lukket for *(closed for)* |",
                "|---|---|---|---|",
            ]
            days = dict(calendar.holidays(year))
            extras = {d: n for d, n in citizen.holidays(year).items() if d not in days}
            for day in sorted({*days, *extras}):
                closed = citizen.closed_day(day)
                assert closed is not None
                scope = "alle frister" if day in days else "kun borgerens frister"
                lines.append(
                    f"| {_cell(format_date(day, 'da'))} | {_cell(closed.label('da'))} "
                    f"| {_cell(closed.label('en'))} | {scope} |"
                )
            lines.append("")
        return "\n".join(lines)

    def conventions_page(self) -> str:
        lines = [
            "# Fristberegning",
            "",
            "*The conventions of deadline computation*",
            "",
            "Hvert trin i en fristberegning navngiver den regel for fristberegning, det "
            "anvender, med dens grundlag og status; forklaringerne i eksemplerne viser dem "
            "i kantede parenteser. Regler med status *afventer juridisk afklaring* er "
            "standardvalg, som frister bruger, indtil de er bekræftet.",
            "",
            "*Each step of a computation names the convention it applied, with its basis and "
            "mark; the explanations in the examples show them in square brackets. Conventions "
            "awaiting legal review are defaults frister uses until they are confirmed.*",
            "",
        ]
        for cid, conv in conventions().items():
            name = _CONVENTION_NAMES.get(cid, Text(cid, cid))
            lines += [
                f"## {_esc(name.da)} {{#{cid}}}",
                "",
                f"*{_esc(name.en)}* · `{cid}`",
                "",
                "| | Dansk | English |",
                "|---|---|---|",
                f"| **Regel** *(rule)* | {_cell(conv.da)} | {_cell(conv.en)} |",
                f"| **Grundlag** *(basis)* | {_cell(conv.basis)} | {_cell(conv.basis_en)} |",
                f"| **Status** *(mark)* | {_cell(_convention_mark(conv, 'da'))} "
                f"| {_cell(_convention_mark(conv, 'en'))} |",
            ]
            lines.append("")
            if conv.mark in _OPEN_MARKS:
                lines += _warning(
                    conv.mark.label("da"),
                    conv.note_da or "Reglen er et standardvalg, der afventer juridisk afklaring.",
                    conv.note_en or "The convention is a default awaiting legal review.",
                    conv.mark.label("en"),
                )
            uses = self.uses.get(cid, [])
            if uses:
                lines += [
                    "Anvendes af *(used by)*: "
                    + ", ".join(f"[`{r}`](regler/{r}.md)" for r in uses),
                    "",
                ]
        lines += self.derivations_section()
        return "\n".join(lines)

    def derivations_section(self) -> list[str]:
        if not self.catalog.derivations:
            return []
        lines = [
            "## Afledte hændelser {#afledte-haendelser}",
            "",
            "*Derived events*",
            "",
            "Er en hændelse ikke registreret, kan frister udlede den af en anden. *(When an "
            "event is not recorded, frister can derive it from another.)*",
            "",
            "| Hændelse *(event)* | Udledes af *(from)* | Efter *(after)* | Grundlag *(basis)* "
            "| Status *(mark)* |",
            "|---|---|---|---|---|",
        ]
        for derivation in self.catalog.derivations.values():
            after = "; ".join(
                f"`{derivation.by}` = {k}: {v.describe('da')}" for k, v in derivation.after.items()
            )
            lines.append(
                f"| {self.event(derivation.kind, 'da')} | {self.event(derivation.source, 'da')} "
                f"| {_cell(after)} | {_cell(derivation.basis)} "
                f"| {_cell(_mark(derivation.mark, 'da'))} |"
            )
        lines.append("")
        return lines

    def questions_page(self) -> str:
        rules = list(self.catalog.rules.values())
        total = sum(len(v.questions) for r in rules for v in r.versions)
        by_mark = {
            mark: sum(1 for r in rules for v in r.versions for q in v.questions if q.mark is mark)
            for mark in _OPEN_MARKS
        }
        open_conventions = [c for c in conventions().values() if c.mark in _OPEN_MARKS]
        lines = [
            "# Spørgsmål til juridisk afklaring",
            "",
            "*Questions for legal review*",
            "",
            f"Katalogets åbne punkter samlet ét sted: {total} spørgsmål i lovversionerne "
            f"({by_mark[Mark.UNVERIFIED]} uverificerede, {by_mark[Mark.LEGAL_REVIEW]} "
            f"afventer juridisk afklaring) og {len(open_conventions)} regler for "
            "fristberegning, der afventer afklaring. Hvert punkt linker til de regler, det "
            "berører.",
            "",
            f"*The catalog's open points in one place: {total} questions in the law versions "
            f"({by_mark[Mark.UNVERIFIED]} unverified, {by_mark[Mark.LEGAL_REVIEW]} awaiting "
            f"legal review) and {len(open_conventions)} conventions of deadline computation "
            "awaiting review. Each links to the rules it affects.*",
            "",
            "## Oversigt {#oversigt}",
            "",
            "| Regel *(rule)* | Titel | UVERIFICERET | Afventer juridisk afklaring |",
            "|---|---|---|---|",
        ]
        for rule in rules:
            counts = [
                sum(1 for v in rule.versions for q in v.questions if q.mark is mark)
                for mark in _OPEN_MARKS
            ]
            lines.append(
                f"| [`{rule.id}`](regler/{rule.id}.md) | {_cell(rule.title.da)} "
                f"| {counts[0]} | {counts[1]} |"
            )
        lines.append("")
        lines += [
            "## Versioner med åben status {#versioner}",
            "",
            "*Versions with an open mark*",
            "",
        ]
        marked = [(r, v) for r in rules for v in r.versions if v.mark in _OPEN_MARKS]
        if not marked:
            lines += [
                "Ingen version har selv status uverificeret eller afventer juridisk afklaring; "
                "de åbne punkter er spørgsmålene nedenfor. *(No version itself is marked "
                "unverified or awaiting legal review; the open points are the questions "
                "below.)*",
                "",
            ]
        for rule, version in marked:
            lines.append(
                f"- [{_esc(str(version.citation))}](regler/{rule.id}.md#{_slug(version.id)}) "
                f"(`{version.id}`): {_esc(_mark(version.mark, 'da'))}"
            )
        if marked:
            lines.append("")
        lines += [
            "## Fristberegning {#fristberegning}",
            "",
            "*Conventions of deadline computation*",
            "",
        ]
        for conv in open_conventions:
            lines += self.open_convention(conv)
        lines += self.open_transitions()
        open_derivations = [d for d in self.catalog.derivations.values() if d.mark in _OPEN_MARKS]
        if open_derivations:
            lines += ["## Afledte hændelser {#afledte}", ""]
            lines += [
                f"- {self.event(d.kind, 'da')} udledt af {self.event(d.source, 'da')}: "
                f"{_esc(d.basis)} ({_esc(_mark(d.mark, 'da'))})"
                for d in open_derivations
            ]
            lines.append("")
        lines += ["## Spørgsmål efter regel {#regler}", "", "*Questions by rule*", ""]
        for stage, title in self.catalog.stages.items():
            staged = [r for r in rules if r.stage == stage and any(v.questions for v in r.versions)]
            if not staged:
                continue
            lines += [
                f"### {_esc(title.da)} {{#fase-{_slug(stage)}}}",
                "",
                f"*{_esc(title.en)}*",
                "",
            ]
            for rule in staged:
                lines += self.rule_questions(rule)
        others = [
            r
            for r in rules
            if r.stage not in self.catalog.stages and any(v.questions for v in r.versions)
        ]
        for rule in others:
            lines += self.rule_questions(rule)
        return "\n".join(lines)

    def open_convention(self, conv: Convention) -> list[str]:
        name = _CONVENTION_NAMES.get(conv.id, Text(conv.id, conv.id))
        uses = self.uses.get(conv.id, [])
        lines = [
            f"### {_esc(name.da)} {{#konvention-{conv.id}}}",
            "",
            f"*{_esc(name.en)}* · [`{conv.id}`](fristberegning.md#{conv.id})",
            "",
        ]
        lines += _warning(
            conv.mark.label("da"),
            f"{conv.da} {conv.note_da or ''}".strip(),
            f"{conv.en} {conv.note_en or ''}".strip(),
            conv.mark.label("en"),
        )
        lines += [
            "Berører *(affects)*: "
            + (", ".join(f"[`{r}`](regler/{r}.md)" for r in uses) or "ingen regel i kataloget"),
            "",
        ]
        return lines

    def open_transitions(self) -> list[str]:
        pairs = [
            (rule, old, new)
            for rule in self.catalog.rules.values()
            for old, new in _successions(rule)
            if not _into_barnets_lov(old, new)
        ]
        if not pairs:
            return []
        lines = [
            "## Skift mellem versioner uden undersøgt overgangsregel {#overgange}",
            "",
            "*Changes between versions with no researched transitional provision*",
            "",
            "Ved disse skift anvender frister den regel, der gælder på fristens dag (eller, "
            "for en pligt uden dato, når den opfyldes); ingen overgangsregel er undersøgt. "
            "Er der ingen efterfølger, regnes fristen efter den ophørte regel. *(At these "
            "changes frister applies the rule in force on the due day, or when a duty with no "
            "date is fulfilled; no transitional provision has been researched. With no "
            "successor, the deadline is computed under the ended rule.)*",
            "",
            "Falder den nye regels egen frist før dagen, hvor den trådte i kraft, er fristen den "
            "dag, reglen trådte i kraft (afventer juridisk afklaring). *(If the new rule's own "
            "deadline falls before the day it entered into force, the deadline is that day; "
            "awaiting legal review.)*",
            "",
        ]
        for rule, old, new in pairs:
            target = _esc(str(new.citation)) if new is not None else "ingen efterfølger"
            lines.append(
                f"- [`{rule.id}`](regler/{rule.id}.md): {_esc(str(old.citation))} "
                f"({_esc(old.period('da'))}) → {target}"
            )
        lines.append("")
        return lines

    def rule_questions(self, rule: ObligationRule) -> list[str]:
        lines = [f"#### {_esc(rule.title.da)} {{#{_slug(rule.id)}}}", ""]
        lines += [f"*{_esc(rule.title.en)}* · [`{rule.id}`](regler/{rule.id}.md)", ""]
        for version in _newest_first(rule):
            if not version.questions:
                continue
            lines += [
                f"**[{_esc(str(version.citation))}](regler/{rule.id}.md#"
                f"{_slug(version.id)})** (`{version.id}`, {_esc(version.period('da'))})",
                "",
            ]
            for question in version.questions:
                lines += _warning(
                    question.mark.label("da"),
                    question.text.da,
                    question.text.en,
                    question.mark.label("en"),
                )
        return lines

    # -- all pages ---------------------------------------------------------------------

    def pages(self) -> dict[str, str]:
        pages = {"regler/index.md": self.rules_index()}
        for rule in self.catalog.rules.values():
            pages[f"regler/{rule.id}.md"] = self.rule_page(rule)
        pages["love/index.md"] = self.laws_index()
        for key, (law, versions) in self.laws().items():
            pages[f"love/{key}.md"] = self.law_page(law, versions)
        pages["overgang.md"] = self.transition()
        pages["kalender.md"] = self.calendar_page()
        pages["fristberegning.md"] = self.conventions_page()
        pages["spoergsmaal.md"] = self.questions_page()
        return {path: text.rstrip("\n") + "\n" for path, text in sorted(pages.items())}


def write_rule_book(out_dir: Path, catalog: Catalog | None = None) -> list[Path]:
    """Write the rule book's Markdown pages into ``out_dir``; return their paths.

    ``regler/index.md`` and ``regler/<obligation id>.md``, ``love/index.md`` and
    ``love/<law key>.md``, ``overgang.md``, ``kalender.md``, ``fristberegning.md`` and
    ``spoergsmaal.md``. The same catalog always gives the same bytes; a file is only
    rewritten when its text changed, and pages an earlier run wrote that are no longer
    part of the book are removed. Raises FristerError when a rule has no citation or
    no worked example can be computed for one of its versions.
    """
    pages = _Pages(catalog if catalog is not None else default_catalog()).pages()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = out_dir / _MANIFEST
    if manifest.is_file():
        for old in manifest.read_text(encoding="utf-8").splitlines():
            stale = out_dir / old
            if old and old not in pages and stale.is_file() and out_dir in stale.parents:
                stale.unlink()
    written = []
    for relative, text in pages.items():
        path = out_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("utf-8")
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
        written.append(path)
    manifest.write_text("".join(f"{p}\n" for p in pages), encoding="utf-8")
    return written
