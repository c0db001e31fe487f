"""Every reading of an open question that changes a date, computed.

The questions and their readings are data (``data/readings.toml``, from the
research's sections A, B and D). For one rule deadline frister computes the
due date under each reading, the others held at frister's own, and the safe
date over every combination: the earliest for an authority's deadline, the
latest for a citizen's (and for a notice period), so that no citizen loses a
day. A reading the shared material cannot compute (opening hours, postal
delivery days) is listed as awaiting a legal source, never invented.
"""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any, Literal

import attrs

from frister.calendar import ExtraClosedDay, Language, format_moment
from frister.case import Case, Moment, Obligation
from frister.deadlines import Mark, MonthRule, Roll, Unit
from frister.engine._context import YearReading, day
from frister.engine._evaluate import evaluate
from frister.errors import DataFileError, FristerError
from frister.explain import DERIVED_NOTES
from frister.rules import CatalogData, ObligationRule, RuleVersion, Text

_UNITS = {"hours": Unit.HOURS, "working-days": Unit.WORKING_DAYS, "months": Unit.MONTHS}
_DAYS = {d.name.lower().replace("_", "-"): d for d in ExtraClosedDay}
_APPLIES = frozenset(
    {"unit", "roll", "age", "frequency", "transition", "obligations", "derived_by"}
)
_EFFECTS = frozenset(
    {"close", "expiry_closed", "months", "year", "birthday_29_february", "keep_version", "awaiting"}
)
_READING_KEYS = frozenset({"id", "da", "en", "changes_da", "changes_en", "basis", "mark", "used"})
_QUESTION_KEYS = frozenset({"research", "mark", "da", "en", "applies", "reading"})
_OPTIONAL_QUESTION_KEYS = frozenset({"convention"})

AWAITING = Text("afventer retskilde", "awaiting legal source")


@attrs.frozen
class Variant:
    """What a reading changes in the computation; the default changes nothing."""

    close: tuple[ExtraClosedDay, ...] = ()
    """Extra days the counting calendar closes (hverdage)."""
    expiry_closed: tuple[ExtraClosedDay, ...] | None = None
    """The days a deadline may not end on, instead of the rule's own."""
    months: MonthRule | None = None
    year: YearReading = YearReading.CALENDAR_YEAR
    march_first: bool = False
    keep_version: bool = False

    def merge(self, other: Variant) -> Variant:
        """Both variants' changes (each question changes a different thing)."""
        return Variant(
            close=(*self.close, *(d for d in other.close if d not in self.close)),
            expiry_closed=other.expiry_closed
            if other.expiry_closed is not None
            else self.expiry_closed,
            months=other.months or self.months,
            year=other.year if other.year is not YearReading.CALENDAR_YEAR else self.year,
            march_first=self.march_first or other.march_first,
            keep_version=self.keep_version or other.keep_version,
        )


@attrs.frozen
class Reading:
    """One reading of an open question: its wording, what it changes, its basis and mark."""

    id: str
    text: Text
    changes: Text
    basis: str
    mark: Mark
    used: bool = False
    """The reading frister computes its due dates with."""
    awaiting: bool = False
    """Not computable from the shared material: awaiting a legal source."""
    variant: Variant = Variant()


@attrs.frozen
class OpenQuestion:
    """An open legal question that changes a date, with its readings (``readings.toml``)."""

    id: str
    research: str
    mark: Mark
    text: Text
    applies: Mapping[str, Any] = attrs.field(hash=False)
    readings: tuple[Reading, ...]
    convention: str | None = None
    """The convention of ``conventions.toml`` whose default the question is about."""

    @property
    def used(self) -> Reading:
        """The reading frister uses."""
        return next(r for r in self.readings if r.used)

    def applies_to(
        self, rule: ObligationRule, versions: tuple[RuleVersion, ...], channel: object = None
    ) -> bool:
        """Whether the question can change a date of ``rule`` computed under ``versions``
        (``channel``: how a derived trigger was sent, e.g. ``"brev"``)."""
        a = self.applies
        if "derived_by" in a:
            return channel is not None and channel == a["derived_by"]
        if "obligations" in a and rule.id not in a["obligations"]:
            return False
        if "unit" in a:
            unit = _UNITS[a["unit"]]
            return any(alt.duration.unit is unit for v in versions for alt in v.deadlines) or any(
                v.then is not None and v.then.unit is unit for v in versions
            )
        if "roll" in a:
            return any(v.roll is Roll.FORWARD for v in versions)
        if "age" in a:
            return any(v.age is not None for v in versions)
        if "frequency" in a:
            return any(v.frequency is not None for v in versions)
        if "transition" in a:
            return len({v.law.key for v in versions}) > 1
        return False


@cache
def open_questions() -> tuple[OpenQuestion, ...]:
    """The open questions that change a date, from ``data/readings.toml``."""
    resource = files("frister").joinpath("data", "readings.toml")
    try:
        with resource.open("rb") as handle:
            raw = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise FristerError(f"readings.toml: {error}") from error
    return tuple(_question(key, value) for key, value in raw.get("question", {}).items())


def _bad(entry: str, field: str, problem: str) -> DataFileError:
    return DataFileError("readings.toml", entry, field, problem)


def _required(entry: str, raw: dict[str, Any], *keys: str) -> None:
    for key in keys:
        if key not in raw:
            raise _bad(entry, key, "required")


def _question(key: str, raw: dict[str, Any]) -> OpenQuestion:
    entry = f"question.{key}"
    unknown = set(raw) - _QUESTION_KEYS - _OPTIONAL_QUESTION_KEYS
    if unknown:
        raise _bad(entry, ", ".join(sorted(unknown)), "unknown key")
    _required(entry, raw, *sorted(_QUESTION_KEYS))
    applies = dict(raw["applies"])
    if set(applies) - _APPLIES or not applies:
        raise _bad(entry, "applies", f"unknown or no selector {sorted(applies)}")
    if "unit" in applies and applies["unit"] not in _UNITS:
        raise _bad(entry, "applies.unit", f"unknown unit {applies['unit']!r}")
    readings = tuple(_reading(entry, r) for r in raw["reading"])
    if sum(r.used for r in readings) != 1:
        raise _bad(entry, "reading", "exactly one reading must have used = true")
    if len({r.id for r in readings}) != len(readings):
        raise _bad(entry, "reading", "reading ids repeat")
    return OpenQuestion(
        id=key,
        research=raw["research"],
        mark=Mark(raw["mark"]),
        text=Text(raw["da"], raw["en"]),
        applies=MappingProxyType(applies),
        readings=readings,
        convention=raw.get("convention"),
    )


def _reading(where: str, raw: dict[str, Any]) -> Reading:
    where = f"{where}.reading.{raw.get('id')}"
    unknown = set(raw) - _READING_KEYS - _EFFECTS
    if unknown:
        raise _bad(where, ", ".join(sorted(unknown)), "unknown key")
    _required(where, raw, *sorted(_READING_KEYS - {"used"}))
    effects = set(raw) & _EFFECTS
    used = bool(raw.get("used", False))
    if (used and effects) or (not used and len(effects) != 1):
        raise _bad(where, "effect", "the used reading has none; every other has exactly one")

    def days(name: str) -> tuple[ExtraClosedDay, ...]:
        try:
            return tuple(_DAYS[d] for d in raw[name])
        except KeyError as error:
            raise _bad(where, name, f"unknown day {error}") from None

    variant = Variant(
        close=days("close") if "close" in raw else (),
        expiry_closed=days("expiry_closed") if "expiry_closed" in raw else None,
        months=MonthRule(raw["months"]) if "months" in raw else None,
        year=YearReading(raw.get("year", YearReading.CALENDAR_YEAR.value)),
        march_first=raw.get("birthday_29_february") == "1-march",
        keep_version=bool(raw.get("keep_version", False)),
    )
    if "birthday_29_february" in raw and not variant.march_first:
        raise _bad(where, "birthday_29_february", "must be '1-march'")
    return Reading(
        id=raw["id"],
        text=Text(raw["da"], raw["en"]),
        changes=Text(raw["changes_da"], raw["changes_en"]),
        basis=raw["basis"],
        mark=Mark(raw["mark"]),
        used=used,
        awaiting=bool(raw.get("awaiting", False)),
        variant=variant,
    )


# -- results ---------------------------------------------------------------------------


@attrs.frozen
class ReadingDue:
    """The due date under one reading (the other questions at frister's readings)."""

    question: OpenQuestion
    reading: Reading
    due: Moment | None
    """None when the reading awaits a legal source or gives no date."""
    practical_due: Moment | None

    @property
    def key(self) -> str:
        """``question/reading``: the key in :class:`Readings`."""
        return f"{self.question.id}/{self.reading.id}"

    def describe(self, lang: Language) -> str:
        """'2024-04-04' as a date, or why there is none."""
        if self.reading.awaiting:
            return AWAITING(lang)
        if self.due is None:
            return "ingen frist" if lang == "da" else "no deadline"
        return format_moment(self.due, lang)


Protects = Literal["authority", "citizen"]


class Readings(Mapping[str, Moment | None]):
    """Reading (``question/reading``) → due date, None where it awaits a legal source.

    ``results`` has each reading with its question; ``safe_due`` is the earliest
    due date over every combination of computable readings for an authority's
    deadline, the latest for a citizen's, so that no citizen loses a day.
    """

    __slots__ = ("_by_key", "protects", "results", "safe_due")

    def __init__(
        self, results: tuple[ReadingDue, ...], safe_due: Moment | None, protects: Protects
    ) -> None:
        self.results = results
        self.safe_due = safe_due
        self.protects = protects
        self._by_key = {r.key: r.due for r in results}

    def __getitem__(self, key: str) -> Moment | None:
        return self._by_key[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_key)

    def __len__(self) -> int:
        return len(self._by_key)

    def __repr__(self) -> str:
        return f"Readings({self._by_key!r}, safe_due={self.safe_due!r})"

    @property
    def questions(self) -> tuple[OpenQuestion, ...]:
        """The open questions that touch this deadline, in the data's order."""
        return tuple(dict.fromkeys(r.question for r in self.results))

    @property
    def awaiting(self) -> tuple[ReadingDue, ...]:
        """The readings not computed: they await a legal source and are not in ``safe_due``."""
        return tuple(r for r in self.results if r.reading.awaiting)

    @property
    def differ(self) -> bool:
        """Whether any computed reading gives another date than frister's."""
        used = {r.due for r in self.results if r.reading.used}
        return any(r.due not in used for r in self.results if not r.reading.awaiting)

    def explain(self, lang: Language = "da") -> str:
        """Each question, each reading's date (frister's marked), and the safe date."""
        da = lang == "da"
        if not self.results:
            return (
                "Ingen åbne spørgsmål ændrer denne frist."
                if da
                else "No open question changes this deadline."
            )
        lines = []
        for question in self.questions:
            lines.append(
                f"{question.text(lang)}  [{question.research}; {question.mark.label(lang)}]"
            )
            for result in (r for r in self.results if r.question is question):
                used = " ← frister" if result.reading.used else ""
                lines.append(f"  {result.describe(lang):<28} {result.reading.text(lang)}{used}")
                lines.append(
                    f"  {'':<28} {result.reading.basis}; {result.reading.mark.label(lang)}"
                )
        safe = format_moment(self.safe_due, lang) if self.safe_due is not None else "-"
        who = {
            ("da", "authority"): "den tidligste, da det er myndighedens frist",
            ("da", "citizen"): "den seneste, så borgeren ikke mister en dag",
            ("en", "authority"): "the earliest, as it is the authority's deadline",
            ("en", "citizen"): "the latest, so that the citizen loses no day",
        }[(lang, self.protects)]
        lines.append(f"{'Sikker frist' if da else 'Safe due date'}: {safe} ({who})")
        if self.awaiting:
            lines.append(
                "  Læsninger, der afventer retskilde, indgår ikke."
                if da
                else "  Readings awaiting a legal source are not included."
            )
        return "\n".join(lines)


def protects(version: RuleVersion) -> Protects:
    """Whose deadline it is: a citizen's moves forward off closed days, and a notice
    period or an earliest date (a decision no sooner than) protects the citizen too, so its
    safe date is the latest; every other deadline is the authority's."""
    citizen = version.roll is Roll.FORWARD or version.notice or version.earliest
    return "citizen" if citizen else "authority"


Compute = Callable[[CatalogData, Variant], tuple[Moment | None, Moment | None]]
"""The due and practical due of the deadline under a catalog changed by a variant."""


def compute_readings(
    catalog: CatalogData,
    rule: ObligationRule,
    questions: tuple[OpenQuestion, ...],
    used: tuple[Moment | None, Moment | None],
    whose: Protects,
    compute: Compute,
) -> Readings:
    """Every reading of ``questions`` computed by ``compute``, and the safe date over all
    combinations of the computable ones (frister's own readings give ``used``)."""
    memo: dict[Variant, tuple[Moment | None, Moment | None]] = {Variant(): used}

    def under(variant: Variant) -> tuple[Moment | None, Moment | None]:
        if variant not in memo:
            try:
                memo[variant] = compute(_changed(catalog, rule, variant), variant)
            except FristerError:
                memo[variant] = (None, None)
        return memo[variant]

    results = []
    for question in questions:
        for reading in question.readings:
            due, practical = (None, None) if reading.awaiting else under(reading.variant)
            results.append(ReadingDue(question, reading, due, practical))
    choices = [[r.variant for r in q.readings if not r.awaiting] for q in questions]
    dues = []
    for combination in itertools.islice(itertools.product(*choices), 64):
        variant = Variant()
        for part in combination:
            variant = variant.merge(part)
        due = under(variant)[0]
        if due is not None:
            dues.append(due)
    safe = _extreme(dues, whose) if dues else used[0]
    return Readings(tuple(results), safe, whose)


def _extreme(dues: list[Moment], whose: Protects) -> Moment:
    pick = min if whose == "authority" else max
    if all(isinstance(d, type(dues[0])) for d in dues):
        return pick(dues)
    return pick(dues, key=day)


def _changed(catalog: CatalogData, rule: ObligationRule, variant: Variant) -> CatalogData:
    """The catalog with the rule's versions and the calendar as the variant reads them."""
    if variant.close:
        catalog = catalog.with_calendar(catalog.calendar.with_closed(*variant.close))
    if variant.expiry_closed is None and variant.months is None:
        return catalog
    changes: dict[str, Any] = {}
    if variant.expiry_closed is not None:
        changes["expiry_closed"] = variant.expiry_closed
    if variant.months is not None:
        changes["months"] = variant.months
    versions = tuple(attrs.evolve(v, **changes) for v in rule.versions)
    changed = attrs.evolve(rule, versions=versions)
    return attrs.evolve(catalog, rules=MappingProxyType({**catalog.rules, rule.id: changed}))


def note_versions(
    catalog: CatalogData, notes: tuple[Any, ...], governing: RuleVersion
) -> tuple[RuleVersion, ...]:
    """The versions an occurrence's date went through (its version notes), then the governing."""
    named = (catalog.version(n.values["version"]) for n in notes if n.kind == "version")
    return tuple(dict.fromkeys((*named, governing)))


def obligation_readings(
    catalog: CatalogData, case: Case, ob: Obligation, as_of: Moment
) -> Readings:
    """Every reading for one evaluated occurrence ``ob`` of ``case``: the case evaluated
    again under each reading (only ``ob``'s rule), matched by trigger and occurrence."""
    rule = catalog.get(ob.rule_id)
    versions = note_versions(catalog, ob.notes, ob.version)
    channel = next((n.values.get("kanal") for n in ob.notes if n.kind in DERIVED_NOTES), None)
    questions = tuple(q for q in open_questions() if q.applies_to(rule, versions, channel))
    if not questions:
        return Readings((), ob.due, protects(ob.version))
    derived = channel is not None

    def same(other: Obligation) -> bool:
        return (
            other.occurrence == ob.occurrence
            and other.trigger.kind == ob.trigger.kind
            and dict(other.trigger.facts) == dict(ob.trigger.facts)
            and (derived or other.trigger.at == ob.trigger.at)
        )

    def compute(changed: CatalogData, variant: Variant) -> tuple[Moment | None, Moment | None]:
        frozen = frozenset({rule.id}) if variant.keep_version else frozenset()
        results = evaluate(
            changed,
            case,
            as_of,
            variant.year,
            only=rule.id,
            march_first=variant.march_first,
            frozen_rules=frozen,
        )
        found = next((other for other in results if same(other)), None)
        return (None, None) if found is None else (found.due, found.practical_due)

    used = compute(catalog, Variant())
    return compute_readings(catalog, rule, questions, used, protects(ob.version), compute)
