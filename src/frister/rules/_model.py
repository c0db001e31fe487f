"""The rule model: obligations, their law versions, conditions and the event vocabulary.

These are the objects the catalog files load into (see docs/catalog-format.md).
They are frozen and compose: a version is a trigger, conditions, a deadline and
what fulfils or ends it; the engine in ``_evaluate`` gives them meaning.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from datetime import date
from functools import cached_property
from types import MappingProxyType
from typing import Any

import attrs

from frister.calendar._calendar import ExtraClosedDay
from frister.calendar._dates import Language, format_date
from frister.deadlines._conventions import Mark
from frister.deadlines._duration import Duration
from frister.deadlines._fristberegning import MonthRule, Roll
from frister.deadlines._steps import Direction


class Shape(enum.Enum):
    """The shapes of obligation in ``catalog.md``."""

    D = "D"
    R = "R"
    F = "F"
    P = "P"
    A = "A"
    C = "C"
    N = "N"


class Text:
    """A text in Danish and English; equal to another text with the same wording.

    :meth:`rendered` makes one whose wording is written only when first read, so
    an evaluation over many cases does not write explanations nobody reads.
    """

    __slots__ = ("_da", "_en", "_render")

    def __init__(self, da: str, en: str) -> None:
        self._da: str | None = da
        self._en: str | None = en
        self._render: Callable[[Language], str] | None = None

    @classmethod
    def rendered(cls, render: Callable[[Language], str]) -> Text:
        """The text ``render`` writes in each language, written on first use."""
        text = cls.__new__(cls)
        text._da = text._en = None
        text._render = render
        return text

    @property
    def da(self) -> str:
        """The Danish wording."""
        if self._da is None:
            assert self._render is not None
            self._da = self._render("da")
        return self._da

    @property
    def en(self) -> str:
        """The English wording."""
        if self._en is None:
            assert self._render is not None
            self._en = self._render("en")
        return self._en

    def __call__(self, lang: Language) -> str:
        return self.da if lang == "da" else self.en

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return (self.da, self.en) == (other.da, other.en)

    def __hash__(self) -> int:
        return hash((self.da, self.en))

    def __repr__(self) -> str:
        return f"Text(da={self.da!r}, en={self.en!r})"

    def __reduce__(self) -> tuple[type[Text], tuple[str, str]]:
        return (Text, (self.da, self.en))


SHAPE_TITLES: Mapping[Shape, Text] = MappingProxyType(
    {
        Shape.D: Text("Frist efter en hændelse", "Deadline after an event"),
        Shape.R: Text("Tilbagevendende frist", "Recurring deadline"),
        Shape.F: Text("Et antal gange hvert år", "A number of times each year"),
        Shape.P: Text("Skal ske før en hændelse", "Must happen before an event"),
        Shape.A: Text("Frist knyttet til barnets alder", "Deadline tied to the child's age"),
        Shape.C: Text("Borgerens frist", "The citizen's time limit"),
        Shape.N: Text("Ingen lovbestemt frist", "No statutory time limit"),
    }
)
"""What each shape of ``catalog.md`` means, in Danish and English."""


@attrs.frozen
class Question:
    """An open point for legal review, with its mark."""

    mark: Mark
    text: Text


@attrs.frozen
class Law:
    """A law (or a municipality's rule pack) that versions belong to."""

    key: str
    name: str
    short: str
    text: str
    url: str | None = None
    is_pack: bool = False
    transition_from: Mapping[str, Text] = attrs.field(factory=dict, hash=False)
    """Transitional provisions: for the key of an earlier law, the basis on which a matter
    begun under it is finished under this law."""


@attrs.frozen
class Citation:
    """Law, paragraph, stk., pkt., nr.: 'Barnets lov § 136, stk. 2'."""

    law: Law
    paragraph: str
    stk: str | None = None
    pkt: str | None = None
    nr: str | None = None

    def __str__(self) -> str:
        prefix = "" if self.law.is_pack else "§ "
        parts = [f"{self.law.name} {prefix}{self.paragraph}"]
        if self.stk:
            parts.append(f"stk. {_span(self.stk, '')}")
        if self.pkt:
            parts.append(f"{_span(self.pkt, '.')} pkt.")
        if self.nr:
            parts.append(f"nr. {_span(self.nr, '')}")
        return ", ".join(parts)


def _span(text: str, suffix: str) -> str:
    """Danish citation style for a span written "1-2": 'stk. 1 og 2', '1. og 2. pkt.', '1.-3.'."""
    first, sep, last = text.partition("-")
    if not sep or not (first.isdigit() and last.isdigit()):
        return f"{text}{suffix}"
    joiner = " og " if int(last) == int(first) + 1 else "-"
    return f"{first}{suffix}{joiner}{last}{suffix}"


class Operator(enum.Enum):
    """How a condition compares a fact."""

    EQUALS = "equals"
    NOT_EQUALS = "not_equals"
    IN = "in"
    NOT_IN = "not_in"
    PRESENT = "present"
    AGE_AT_LEAST = "age_at_least"
    AGE_BELOW = "age_below"


_OPERATOR_WORDS = {
    Operator.EQUALS: ("er", "is"),
    Operator.NOT_EQUALS: ("er ikke", "is not"),
    Operator.IN: ("er en af", "is one of"),
    Operator.NOT_IN: ("er ingen af", "is none of"),
    Operator.PRESENT: ("er oplyst", "is given"),
    Operator.AGE_AT_LEAST: ("giver en alder på mindst", "gives an age of at least"),
    Operator.AGE_BELOW: ("giver en alder under", "gives an age below"),
}


def _age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


_MISSING = object()


def _listed(words: list[str], lang: Language) -> str:
    """'a', 'a eller b', 'a, b eller c' (English: 'or')."""
    last = " eller " if lang == "da" else " or "
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + last + words[-1]


@attrs.frozen
class FactWords:
    """A fact in plain words (``[fact.<name>]`` in ``events.toml``): what it is, and a
    condition on it as a sentence, so a rule reads 'underretningen kommer ikke fra en
    anonym underretter', not 'hændelsens underretter er ingen af anonym'."""

    name: str
    title: Text
    """What the fact is, as a noun phrase (the event vocabulary page)."""
    holds: Text | None = None
    """A yes/no fact: the statement when yes; a text fact: a sentence with {} for values."""
    fails: Text | None = None
    """The same when no, or not the value(s)."""
    values: Mapping[str, Text] = attrs.field(factory=dict, hash=False)
    verbatim: bool = False
    """Values are printed as written (statute citations)."""

    def value(self, value: object, lang: Language) -> str | None:
        """The value in words, or None when it has none."""
        if self.verbatim:
            return str(value)
        words = self.values.get(str(value))
        return words(lang) if words is not None else None

    def sentence(self, operator: Operator, value: object, lang: Language) -> str | None:
        """The condition as a sentence, or None when the wording does not cover it."""
        if operator is Operator.PRESENT:
            if lang == "da":
                return f"det er {'' if value else 'ikke '}oplyst: {self.title('da')}"
            return f"{'' if value else 'not '}recorded: {self.title('en')}"
        if self.holds is None or self.fails is None:
            return None
        if isinstance(value, bool):  # a yes/no fact: equals true holds, equals false fails
            positive = value is (operator in (Operator.EQUALS, Operator.IN))
            sentence = (self.holds if positive else self.fails)(lang)
            if positive and operator is Operator.NOT_EQUALS:
                # "not false" also holds when nobody recorded the fact
                sentence += (
                    " (også når det ikke er oplyst)"
                    if lang == "da"
                    else " (also when not recorded)"
                )
            return sentence
        values = list(value) if isinstance(value, tuple | list) else [value]
        words = [self.value(v, lang) for v in values]
        if any(w is None for w in words):
            return None
        positive = operator in (Operator.EQUALS, Operator.IN)
        template = (self.holds if positive else self.fails)(lang)
        return template.replace("{}", _listed([w for w in words if w is not None], lang))


@attrs.frozen
class Condition:
    """A test of one fact of the triggering event (``event.x``) or the case (``case.x``)."""

    fact: str
    operator: Operator
    value: Any = None
    words: Mapping[str, FactWords] | None = attrs.field(
        default=None, eq=False, hash=False, repr=False
    )
    """The vocabulary's plain words for facts (``[fact.*]``), where the catalog has them."""

    @cached_property
    def scope(self) -> str:
        """'event' or 'case'."""
        return self.fact.split(".", 1)[0]

    @cached_property
    def name(self) -> str:
        """The fact's name without its scope."""
        return self.fact.split(".", 1)[1]

    def holds(
        self, event_facts: Mapping[str, Any], case_facts: Mapping[str, Any], on: date
    ) -> bool:
        """Whether it holds; a missing fact fails equals/in/age_at_least, passes the others."""
        facts = event_facts if self.scope == "event" else case_facts
        actual = facts.get(self.name, _MISSING)
        op = self.operator
        if op is Operator.PRESENT:
            return (actual is not _MISSING) == bool(self.value)
        if actual is _MISSING:
            # Positive tests need the fact; negative ones (an exception that must be shown,
            # e.g. "under 16") do not exclude a rule on a fact nobody recorded.
            return op in (Operator.NOT_EQUALS, Operator.NOT_IN, Operator.AGE_BELOW)
        if op is Operator.EQUALS:
            return bool(actual == self.value)
        if op is Operator.NOT_EQUALS:
            return bool(actual != self.value)
        if op is Operator.IN:
            return bool(actual in self.value)
        if op is Operator.NOT_IN:
            return bool(actual not in self.value)
        age = _age_on(actual, on)
        limit: int = self.value
        return age >= limit if op is Operator.AGE_AT_LEAST else age < limit

    def describe(self, lang: Language) -> str:
        """The condition in plain words: 'underretningen kommer ikke fra en anonym
        underretter'; without wording for the fact, 'hændelsens underretter er ingen af
        anonym'."""
        if self.operator in (Operator.AGE_AT_LEAST, Operator.AGE_BELOW):
            at_least = self.operator is Operator.AGE_AT_LEAST
            if lang == "da":
                verb = "er fyldt" if at_least else "er under"
                return f"barnet eller den unge {verb} {self.value} år på hændelsens dag"
            verb = "has turned" if at_least else "is under"
            return f"the child or young person {verb} {self.value} on the day of the event"
        fact_words = self.words.get(self.name) if self.words is not None else None
        if fact_words is not None:
            sentence = fact_words.sentence(self.operator, self.value, lang)
            if sentence is not None:
                return sentence
        return self.generic(lang)

    def generic(self, lang: Language) -> str:
        """'hændelsens underretter er ingen af anonym': the fact's name and the operator."""
        words = _OPERATOR_WORDS[self.operator][0 if lang == "da" else 1]
        value = self.value
        if isinstance(value, tuple | list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = ("ja" if value else "nej") if lang == "da" else ("yes" if value else "no")
        elif isinstance(value, date):
            value = format_date(value, lang)
        owner = {"event": ("hændelsens", "the event's"), "case": ("sagens", "the case's")}
        subject = f"{owner[self.scope][0 if lang == 'da' else 1]} {self.name}"
        if self.operator is Operator.PRESENT:
            negation = ("ikke " if lang == "da" else "not ") if not self.value else ""
            return f"{subject} {negation}{words}"
        return f"{subject} {words} {value}"

    def __repr__(self) -> str:
        return f"Condition({self.describe('en')})"


@attrs.frozen
class Alternative:
    """One of several durations, chosen by conditions ('2 år' if placed within the last year)."""

    duration: Duration
    when: tuple[Condition, ...] = ()


@attrs.frozen
class Frequency:
    """At least ``count`` fulfilling events in each year."""

    count: int


@attrs.frozen
class RuleVersion:
    """One law version of an obligation: its period, citation, wording, marks and shape."""

    id: str
    obligation: str
    law: Law
    citation: Citation
    wording: str
    mark: Mark
    trigger: str
    variant: str = "main"
    successor: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    source: str | None = None
    questions: tuple[Question, ...] = ()
    summary: Text | None = None
    when: tuple[Condition, ...] = ()
    deadlines: tuple[Alternative, ...] = ()
    due_from_fact: str | None = None
    or_at_event: tuple[str, ...] = ()
    age: int | None = None
    from_fact: str | None = None
    """A date fact of the triggering event the deadline is counted from (with ``direction``),
    instead of the event's own time: "3 måneder før kvindens terminsdato" (BL § 49 stk. 3)."""
    direction: Direction = Direction.AFTER
    roll: Roll | None = None
    expiry_closed: tuple[ExtraClosedDay, ...] = ()
    months: MonthRule = MonthRule.SAME_DAY_OR_MONTH_END
    fulfilled_by: tuple[str, ...] = ()
    fulfilled_when: tuple[Condition, ...] = ()
    match: tuple[str, ...] = ()
    ended_by: tuple[str, ...] = ()
    before: bool = False
    exempted_by: tuple[str, ...] = ()
    then: Duration | None = None
    then_from_fact: str | None = None
    frequency: Frequency | None = None
    arises_when_missed: str | None = None
    configurable: bool = False
    notice: bool = False
    earliest: bool = False
    """The date is the earliest day the triggering event itself (the act) may happen: on or
    after it the occurrence is met, before it the act came too early, a breach shown as
    overdue ("kan tidligst træffes", BL § 49 stk. 3)."""

    def in_force(self, day: date) -> bool:
        """Whether the version is in force on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    @cached_property
    def citation_text(self) -> str:
        """The citation as text, written once: 'Barnets lov § 136, stk. 2'."""
        return str(self.citation)

    @cached_property
    def period_text(self) -> Text:
        """The period in force in both languages, written on first use."""
        return Text.rendered(self.period)

    @cached_property
    def mark_text(self) -> Text:
        """The verification mark in both languages, written on first use."""
        return Text.rendered(self.mark.label)

    def period(self, lang: Language) -> str:
        """'1. jan. 2024 –' style period text."""
        start = format_date(self.valid_from, lang) if self.valid_from else ""
        end = format_date(self.valid_to, lang) if self.valid_to else ""
        if not start and not end:
            return "hele perioden" if lang == "da" else "the whole period"
        if not start:
            return f"til og med {end}" if lang == "da" else f"up to and including {end}"
        if not end:
            return f"fra {start}" if lang == "da" else f"from {start}"
        return f"{start} – {end}"


@attrs.frozen
class ObligationRule:
    """An obligation id with its shape, case stage, titles and law versions."""

    id: str
    shape: Shape
    stage: str
    title: Text
    versions: tuple[RuleVersion, ...]

    @cached_property
    def parents(self) -> tuple[str, ...]:
        """The obligations whose missed occurrences start this one, each once."""
        return tuple(
            dict.fromkeys(v.arises_when_missed for v in self.versions if v.arises_when_missed)
        )

    @cached_property
    def trigger_kinds(self) -> tuple[str, ...]:
        """The event kinds any version is triggered by, each once."""
        return tuple(dict.fromkeys(v.trigger for v in self.versions))

    def variants(self) -> Mapping[str, tuple[RuleVersion, ...]]:
        """The versions by variant, each in date order (grouped once, on first use)."""
        return self._variants

    @cached_property
    def triggered_by(self) -> Mapping[str, tuple[tuple[RuleVersion, ...], ...]]:
        """For each trigger kind, each variant's versions with that trigger, in date order
        (the variants without one are left out)."""
        return MappingProxyType(
            {
                kind: tuple(
                    mine
                    for versions in self.variants().values()
                    if (mine := tuple(v for v in versions if v.trigger == kind))
                )
                for kind in self.trigger_kinds
            }
        )

    @cached_property
    def _variants(self) -> Mapping[str, tuple[RuleVersion, ...]]:
        grouped: dict[str, list[RuleVersion]] = {}
        for version in self.versions:
            grouped.setdefault(version.variant, []).append(version)
        return MappingProxyType({key: tuple(_by_start(vs)) for key, vs in grouped.items()})


def _by_start(versions: list[RuleVersion]) -> list[RuleVersion]:
    return sorted(versions, key=lambda v: v.valid_from or date.min)


class FactType(enum.Enum):
    """The types a fact can have."""

    TEXT = "text"
    BOOL = "bool"
    DATE = "date"
    INT = "int"


@attrs.frozen
class OpenWhile:
    """How a derived case fact is worked out: true at a moment while a matter opened by an
    event of ``opened_by`` has not been closed by an event of ``closed_by`` with the same
    ``key`` fact (a measure started and not ended)."""

    opened_by: str
    closed_by: str
    key: str


@attrs.frozen
class FactSpec:
    """A fact an event (or the case) may carry: its type and, for closed texts, its values."""

    name: str
    type: FactType
    values: tuple[str, ...] = ()
    derived_from: OpenWhile | None = None
    title: Text | None = None
    birth_date: bool = False
    """The case fact age rules count from (``foedselsdato``)."""

    @property
    def derived(self) -> bool:
        """Worked out by frister from the case's events, never given."""
        return self.derived_from is not None


@attrs.frozen
class EventKind:
    """An event kind of the vocabulary, with its facts."""

    kind: str
    title: Text
    facts: Mapping[str, FactSpec] = attrs.field(hash=False)
    origin: str = "catalog.md"


@attrs.frozen
class Derivation:
    """An event derived from another when it is not recorded (a decision's receipt)."""

    kind: str
    source: str
    by: str
    after: Mapping[str, Duration] = attrs.field(hash=False)
    match: tuple[str, ...] = ()
    copy: tuple[str, ...] = ()
    basis: str = ""
    mark: Mark = Mark.NONE


@attrs.frozen
class ConfiguredDurations:
    """A municipality's durations for an obligation whose length the law leaves to it."""

    obligation: str
    fact: str
    values: Mapping[str, Duration] = attrs.field(hash=False)
    pack: str = ""
