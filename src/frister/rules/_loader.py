"""Strict loading of catalog files (TOML) into rule objects; no code runs.

Every problem is a DataFileError naming the file, the entry and the field.
Cross-file checks (unknown event kinds or obligations, overlapping or gapped
version periods) run once all files are read.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from frister.calendar._calendar import ExtraClosedDay
from frister.deadlines._conventions import Mark
from frister.deadlines._duration import Duration, parse_duration
from frister.deadlines._fristberegning import MonthRule, Roll
from frister.deadlines._steps import Direction
from frister.errors import DataFileError, DurationError, did_you_mean
from frister.rules._model import (
    Alternative,
    Citation,
    Condition,
    ConfiguredDurations,
    Derivation,
    EventKind,
    FactSpec,
    FactType,
    FactWords,
    Frequency,
    Law,
    ObligationRule,
    OpenWhile,
    Operator,
    Question,
    RuleVersion,
    Shape,
    Text,
)

T = TypeVar("T")

_EXTRA_BY_KEY = {day.name.lower().replace("_", "-"): day for day in ExtraClosedDay}


class _Table:
    """A TOML table read strictly: typed access, and unknown keys reported at the end."""

    def __init__(self, file: str, entry: str, data: object) -> None:
        self.file = file
        self.entry = entry
        if not isinstance(data, dict):
            raise self.error("(entry)", f"expected a table, got {data!r}")
        self.data: dict[str, Any] = data
        self.used: set[str] = set()

    def error(self, field: str, problem: str) -> DataFileError:
        return DataFileError(self.file, self.entry, field, problem)

    def get(self, key: str, kind: type[T] | tuple[type, ...], default: Any = None) -> Any:
        self.used.add(key)
        if key not in self.data:
            return default
        value = self.data[key]
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
            names = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            raise self.error(key, f"expected {names}, got {value!r}")
        return value

    def need(self, key: str, kind: type[T] | tuple[type, ...]) -> Any:
        if key not in self.data:
            self.used.add(key)
            raise self.error(key, "missing")
        return self.get(key, kind)

    def text(self, key: str) -> str:
        value: str = self.need(key, str)
        if not value.strip():
            raise self.error(key, "must not be empty")
        return value

    def opt_text(self, key: str) -> str | None:
        return self.text(key) if key in self.data else self.get(key, str)

    def strings(self, key: str) -> tuple[str, ...]:
        values = self.get(key, list, [])
        for value in values:
            if not isinstance(value, str) or not value.strip():
                raise self.error(key, f"expected a list of non-empty texts, got {value!r}")
        return tuple(values)

    def duration(self, key: str) -> Duration | None:
        raw = self.get(key, str)
        if raw is None:
            return None
        try:
            return parse_duration(raw)
        except DurationError as error:
            raise self.error(key, error.problem) from None

    def choice(self, key: str, options: Mapping[str, T], default: T) -> T:
        raw = self.get(key, str)
        if raw is None:
            return default
        if raw not in options:
            raise self.error(key, f"{raw!r} is not one of {', '.join(sorted(options))}")
        return options[raw]

    def bilingual(self, key: str) -> Text | None:
        raw = self.get(key, dict)
        if raw is None:
            return None
        table = _Table(self.file, f"{self.entry}.{key}", raw)
        text = Text(table.text("da"), table.text("en"))
        table.finish()
        return text

    def finish(self) -> None:
        for key in sorted(set(self.data) - self.used):
            raise self.error(key, "unknown key")


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(path.name, "(file)", "(syntax)", str(error)) from None
    except OSError as error:
        raise DataFileError(str(path), "(file)", "(read)", str(error)) from None


@attrs.frozen
class Loaded:
    """Everything read from a set of catalog files, before cross-checks."""

    stages: dict[str, Text] = attrs.field(factory=dict)
    obligations: dict[str, tuple[Shape, str, Text, str]] = attrs.field(factory=dict)
    events: dict[str, EventKind] = attrs.field(factory=dict)
    case_facts: dict[str, FactSpec] = attrs.field(factory=dict)
    fact_words: dict[str, FactWords] = attrs.field(factory=dict)
    case_fact_files: dict[str, str] = attrs.field(factory=dict)
    derivations: dict[str, Derivation] = attrs.field(factory=dict)
    versions: list[tuple[str, RuleVersion]] = attrs.field(factory=list)
    durations: dict[str, ConfiguredDurations] = attrs.field(factory=dict)
    duration_files: dict[str, str] = attrs.field(factory=dict)


_SHAPES = {shape.value: shape for shape in Shape}
_FACT_TYPES = {kind.value: kind for kind in FactType}
_MARKS = {
    "verified": Mark.VERIFIED,
    "verified-secondary": Mark.VERIFIED_SECONDARY,
    "unverified": Mark.UNVERIFIED,
}
_QUESTION_MARKS = {"unverified": Mark.UNVERIFIED, "legal-review": Mark.LEGAL_REVIEW}
_ROLLS = {roll.value: roll for roll in Roll}
_MONTHS = {rule.value: rule for rule in MonthRule}
_DIRECTIONS = {direction.value: direction for direction in Direction}
_OPERATORS = {op.value: op for op in Operator}


def load_files(paths: Iterable[Path], into: Loaded | None = None) -> Loaded:
    """Read catalog files into ``into`` (or a fresh Loaded); per-file checks only."""
    loaded = into if into is not None else Loaded()
    for path in paths:
        raw = _read(path)
        name = path.name
        for section in raw:
            if section not in {
                "stages",
                "obligation",
                "case",
                "kind",
                "derive",
                "law",
                "pack",
                "version",
                "durations",
                "fact",
            }:
                raise DataFileError(name, section, "(section)", "unknown section")
        if "stages" in raw:
            _load_stages(name, raw["stages"], loaded)
        for key, table in _subtables(name, raw, "obligation"):
            _load_obligation(name, key, table, loaded)
        if "case" in raw:
            for key, table in _subtables(name, raw, "case"):
                loaded.case_facts[key] = _fact(name, f"case.{key}", key, table)
                loaded.case_fact_files[key] = name
        for key, table in _subtables(name, raw, "kind"):
            _load_kind(name, key, table, loaded)
        for key, table in _subtables(name, raw, "fact"):
            loaded.fact_words[key] = _fact_words(name, key, table)
        for key, table in _subtables(name, raw, "derive"):
            loaded.derivations[key] = _derivation(name, key, table)
        law = _load_law(name, raw)
        versions = raw.get("version", [])
        if versions and law is None:
            raise DataFileError(name, "version", "(section)", "versions need a [law] or [pack]")
        if not isinstance(versions, list):
            raise DataFileError(name, "version", "(section)", "expected [[version]] tables")
        for index, table in enumerate(versions):
            assert law is not None
            loaded.versions.append((name, _version(name, index, table, law, loaded.fact_words)))
        for key, table in _subtables(name, raw, "durations"):
            if key in loaded.durations:
                also = loaded.duration_files[key]
                raise DataFileError(name, f"durations.{key}", "(id)", f"also configured in {also}")
            loaded.durations[key] = _configured(name, key, table, law)
            loaded.duration_files[key] = name
    return loaded


def _subtables(file: str, raw: dict[str, Any], section: str) -> list[tuple[str, Any]]:
    tables = raw.get(section, {})
    if not isinstance(tables, dict):
        raise DataFileError(file, section, "(section)", "expected tables")
    return list(tables.items())


def _load_stages(file: str, raw: object, loaded: Loaded) -> None:
    for key, value in _Table(file, "stages", raw).data.items():
        table = _Table(file, f"stages.{key}", value)
        loaded.stages[key] = Text(table.text("da"), table.text("en"))
        table.finish()


def _load_obligation(file: str, key: str, raw: object, loaded: Loaded) -> None:
    table = _Table(file, f"obligation.{key}", raw)
    if key in loaded.obligations:
        raise table.error(
            "(id)", f"obligation {key!r} is declared twice (also in {loaded.obligations[key][3]})"
        )
    shape = table.choice("shape", _SHAPES, None)
    if shape is None:
        raise table.error("shape", "missing")
    stage = table.text("stage")
    title = Text(table.text("da"), table.text("en"))
    table.finish()
    loaded.obligations[key] = (shape, stage, title, file)


def _fact(file: str, entry: str, name: str, raw: object) -> FactSpec:
    table = _Table(file, entry, raw)
    kind = table.choice("type", _FACT_TYPES, None)
    if kind is None:
        raise table.error("type", "missing")
    values = table.strings("values")
    if values and kind is not FactType.TEXT:
        raise table.error("values", "only text facts can list their values")
    derived_raw = table.get("derived", dict)
    derived = None
    if derived_raw is not None:
        how = _Table(file, f"{entry}.derived", derived_raw)
        derived = OpenWhile(how.text("opened_by"), how.text("closed_by"), how.text("key"))
        how.finish()
        if kind is not FactType.BOOL:
            raise table.error("derived", "a fact derived from open matters is a bool")
    birth_date = table.get("birth_date", bool, False)
    if birth_date and kind is not FactType.DATE:
        raise table.error("birth_date", "a birth date is a date fact")
    da, en = table.opt_text("da"), table.opt_text("en")
    table.finish()
    title = Text(da, en) if da and en else None
    return FactSpec(name, kind, values, derived, title, birth_date)


def _load_kind(file: str, key: str, raw: object, loaded: Loaded) -> None:
    table = _Table(file, f"kind.{key}", raw)
    if key in loaded.events:
        raise table.error("(kind)", f"event kind {key!r} is declared twice")
    title = Text(table.text("da"), table.text("en"))
    origin = table.get("origin", str, "catalog.md")
    facts_raw = table.get("facts", dict, {})
    facts = {
        name: _fact(file, f"kind.{key}.facts.{name}", name, spec)
        for name, spec in facts_raw.items()
    }
    table.finish()
    loaded.events[key] = EventKind(key, title, facts, origin)


def _derivation(file: str, key: str, raw: object) -> Derivation:
    table = _Table(file, f"derive.{key}", raw)
    source = table.text("from")
    by = table.text("by")
    after_raw = table.need("after", dict)
    after = {
        value: _duration_or_fail(table, f"after.{value}", text) for value, text in after_raw.items()
    }
    derivation = Derivation(
        kind=key,
        source=source,
        by=by,
        after=after,
        match=table.strings("match"),
        copy=table.strings("copy"),
        basis=table.text("basis"),
        mark=table.choice("mark", {**_MARKS, "none": Mark.NONE}, Mark.NONE),
    )
    table.finish()
    return derivation


def _duration_or_fail(table: _Table, field: str, text: object) -> Duration:
    if not isinstance(text, str):
        raise table.error(field, f"expected a duration text, got {text!r}")
    try:
        return parse_duration(text)
    except DurationError as error:
        raise table.error(field, error.problem) from None


def _load_law(file: str, raw: dict[str, Any]) -> Law | None:
    if "law" in raw and "pack" in raw:
        raise DataFileError(file, "law", "(section)", "a file is either a [law] or a [pack]")
    section = "law" if "law" in raw else "pack" if "pack" in raw else None
    if section is None:
        return None
    table = _Table(file, section, raw[section])
    law = Law(
        key=table.text("key"),
        name=table.text("name"),
        short=table.text("short") if section == "law" else table.opt_text("short") or "",
        text=table.text("text"),
        url=table.opt_text("url"),
        is_pack=section == "pack",
        transition_from=MappingProxyType(
            {
                key: _bilingual_table(file, f"{section}.transition_from.{key}", value)
                for key, value in table.get("transition_from", dict, {}).items()
            }
        ),
    )
    table.finish()
    return law


def _bilingual_table(file: str, entry: str, raw: object) -> Text:
    table = _Table(file, entry, raw)
    text = Text(table.text("da"), table.text("en"))
    table.finish()
    return text


def _fact_words(file: str, key: str, raw: object) -> FactWords:
    table = _Table(file, f"fact.{key}", raw)
    title = Text(table.text("da"), table.text("en"))
    holds_da, holds_en = table.opt_text("is_da"), table.opt_text("is_en")
    fails_da, fails_en = table.opt_text("not_da"), table.opt_text("not_en")
    sentences = (holds_da, holds_en, fails_da, fails_en)
    if any(s is not None for s in sentences) and not all(s is not None for s in sentences):
        raise table.error("is_da", "give is_da, is_en, not_da and not_en together")
    values = {}
    for value, words in (table.get("values", dict, {}) or {}).items():
        values[value] = _bilingual_table(file, f"fact.{key}.values.{value}", words)
    verbatim = table.get("verbatim", bool, False)
    table.finish()
    return FactWords(
        key,
        title,
        Text(holds_da, holds_en) if holds_da and holds_en else None,
        Text(fails_da, fails_en) if fails_da and fails_en else None,
        MappingProxyType(values),
        verbatim,
    )


def _conditions(
    table: _Table, key: str, words: Mapping[str, FactWords] | None = None
) -> tuple[Condition, ...]:
    raw = table.get(key, list, [])
    conditions = []
    for index, item in enumerate(raw):
        entry = _Table(table.file, f"{table.entry}.{key}[{index}]", item)
        fact = entry.text("fact")
        if not fact.startswith(("event.", "case.")) or fact.count(".") != 1:
            raise entry.error("fact", f"{fact!r}: write event.<name> or case.<name>")
        operators = [name for name in _OPERATORS if name in entry.data]
        if len(operators) != 1:
            raise entry.error("(operator)", f"give exactly one of {', '.join(_OPERATORS)}")
        operator = _OPERATORS[operators[0]]
        value = entry.get(operators[0], object)
        if operator in (Operator.IN, Operator.NOT_IN):
            if not isinstance(value, list):
                raise entry.error(operators[0], "expected a list")
            value = tuple(value)
        if operator in (Operator.AGE_AT_LEAST, Operator.AGE_BELOW) and (
            type(value) is not int or value < 0
        ):
            raise entry.error(operators[0], "expected a whole number of years")
        if operator is Operator.PRESENT and not isinstance(value, bool):
            raise entry.error("present", "expected true or false")
        entry.finish()
        conditions.append(Condition(fact, operator, value, words))
    return tuple(conditions)


def _version(
    file: str, index: int, raw: object, law: Law, words: Mapping[str, FactWords] | None = None
) -> RuleVersion:
    entry = raw.get("id", f"version[{index}]") if isinstance(raw, dict) else f"version[{index}]"
    table = _Table(file, str(entry), raw)
    citation_table = _Table(file, f"{entry}.citation", table.need("citation", dict))
    citation = Citation(
        law=law,
        paragraph=citation_table.text("paragraph"),
        stk=citation_table.opt_text("stk"),
        pkt=citation_table.opt_text("pkt"),
        nr=citation_table.opt_text("nr"),
    )
    citation_table.finish()
    deadline = table.duration("deadline")
    alternatives_raw = table.get("deadlines", list, [])
    if deadline is not None and alternatives_raw:
        raise table.error("deadlines", "give either deadline or deadlines, not both")
    alternatives = [Alternative(deadline)] if deadline is not None else []
    for i, alt_raw in enumerate(alternatives_raw):
        alt = _Table(file, f"{entry}.deadlines[{i}]", alt_raw)
        duration = alt.duration("deadline")
        if duration is None:
            raise alt.error("deadline", "missing")
        alternatives.append(Alternative(duration, _conditions(alt, "when", words)))
        alt.finish()
    frequency_raw = table.get("frequency", dict)
    frequency = None
    if frequency_raw is not None:
        freq = _Table(file, f"{entry}.frequency", frequency_raw)
        count = freq.need("count", int)
        if count < 1:
            raise freq.error("count", "must be at least 1")
        if freq.need("per", str) != "year":
            raise freq.error("per", "only 'year' is supported")
        freq.finish()
        frequency = Frequency(count)
    questions = []
    for i, q_raw in enumerate(table.get("questions", list, [])):
        q = _Table(file, f"{entry}.questions[{i}]", q_raw)
        mark = q.choice("mark", _QUESTION_MARKS, None)
        if mark is None:
            raise q.error("mark", "missing")
        questions.append(Question(mark, Text(q.text("da"), q.text("en"))))
        q.finish()
    extras = []
    for key in table.strings("expiry_closed"):
        if key not in _EXTRA_BY_KEY:
            raise table.error("expiry_closed", f"{key!r} is not one of {', '.join(_EXTRA_BY_KEY)}")
        extras.append(_EXTRA_BY_KEY[key])
    mark = table.choice("mark", _MARKS, None)
    if mark is None:
        raise table.error("mark", "missing")
    age = table.get("age", int)
    if age is not None and not 0 < age <= 30:
        raise table.error("age", f"{age} is not an age a rule can turn on")
    version = RuleVersion(
        id=table.text("id"),
        obligation=table.text("obligation"),
        law=law,
        citation=citation,
        wording=table.text("wording"),
        mark=mark,
        trigger=table.text("trigger"),
        variant=table.get("variant", str, "main"),
        successor=table.opt_text("successor"),
        valid_from=table.get("valid_from", date),
        valid_to=table.get("valid_to", date),
        source=table.opt_text("source"),
        questions=tuple(questions),
        summary=table.bilingual("summary"),
        when=_conditions(table, "when", words),
        deadlines=tuple(alternatives),
        due_from_fact=table.opt_text("due_from_fact"),
        or_at_event=table.strings("or_at_event"),
        age=age,
        from_fact=table.opt_text("from_fact"),
        direction=table.choice("direction", _DIRECTIONS, Direction.AFTER),
        roll=table.choice("roll", _ROLLS, None),
        expiry_closed=tuple(extras),
        months=table.choice("months", _MONTHS, MonthRule.SAME_DAY_OR_MONTH_END),
        fulfilled_by=table.strings("fulfilled_by"),
        fulfilled_when=_conditions(table, "fulfilled_when", words),
        match=table.strings("match"),
        ended_by=table.strings("ended_by"),
        before=table.get("before", bool, False),
        exempted_by=table.strings("exempted_by"),
        then=table.duration("then"),
        then_from_fact=table.opt_text("then_from_fact"),
        frequency=frequency,
        arises_when_missed=table.opt_text("arises_when_missed"),
        configurable=table.get("configurable", bool, False),
        notice=table.get("notice", bool, False),
        earliest=table.get("earliest", bool, False),
    )
    table.finish()
    if isinstance(version.valid_from, date) and type(version.valid_from) is not date:
        raise table.error("valid_from", "expected a date without a time")
    if version.valid_from and version.valid_to and version.valid_from > version.valid_to:
        raise table.error(
            "valid_to", f"{version.valid_to} is before valid_from {version.valid_from}"
        )
    if not version.id.startswith(f"{law.key}."):
        raise table.error("id", f"{version.id!r} must start with the law key {law.key!r}.")
    return version


def _configured(file: str, key: str, raw: object, law: Law | None) -> ConfiguredDurations:
    table = _Table(file, f"durations.{key}", raw)
    fact = table.text("fact")
    if not fact.startswith("event."):
        raise table.error("fact", "durations are keyed by a fact of the triggering event (event.x)")
    values = {
        value: _duration_or_fail(table, f"values.{value}", text)
        for value, text in table.need("values", dict).items()
    }
    table.finish()
    return ConfiguredDurations(key, fact, values, law.name if law else file)


# -- cross-checks ------------------------------------------------------------------


Fail = Callable[[str, str], DataFileError]


def build_obligations(loaded: Loaded) -> dict[str, ObligationRule]:
    """Group versions by obligation and check every reference and period."""
    _check_derived_facts(loaded)
    by_obligation: dict[str, list[tuple[str, RuleVersion]]] = {}
    seen: dict[str, str] = {}
    for file, version in loaded.versions:
        fail = _failer(file, version.id)
        if version.id in seen:
            raise fail("id", f"version id {version.id!r} is also in {seen[version.id]}")
        seen[version.id] = file
        if version.obligation not in loaded.obligations:
            hint = did_you_mean(version.obligation, loaded.obligations)
            raise fail("obligation", f"unknown obligation {version.obligation!r}{hint}")
        _check_version(version, loaded, fail)
        by_obligation.setdefault(version.obligation, []).append((file, version))
    for file, version in loaded.versions:
        fail = _failer(file, version.id)
        if version.successor is not None and version.successor not in seen:
            raise fail("successor", f"unknown version {version.successor!r}")
        if version.arises_when_missed is not None and (
            version.arises_when_missed not in loaded.obligations
        ):
            raise fail("arises_when_missed", f"unknown obligation {version.arises_when_missed!r}")
    rules = {}
    for obligation_id, (shape, stage, title, file) in loaded.obligations.items():
        if stage not in loaded.stages:
            raise DataFileError(
                file, f"obligation.{obligation_id}", "stage", f"unknown stage {stage!r}"
            )
        entries = by_obligation.get(obligation_id, [])
        if not entries:
            raise DataFileError(
                file,
                f"obligation.{obligation_id}",
                "(versions)",
                "no law file has a version of this obligation",
            )
        chronological = sorted((v for _, v in entries), key=lambda v: v.valid_from or date.min)
        rule = ObligationRule(obligation_id, shape, stage, title, tuple(chronological))
        _check_periods(rule, dict((v.id, f) for f, v in entries))
        rules[obligation_id] = rule
    _check_durations(loaded, rules)
    return rules


def _check_durations(loaded: Loaded, rules: dict[str, ObligationRule]) -> None:
    """A municipality's ``[durations]`` name a configurable obligation and a fact of its trigger.

    When that fact has a closed list of values, the municipality's keys join the list
    (they are its own area keys, catalog.md: ``omraade``); every other value is still refused.
    """
    for key, configured in loaded.durations.items():
        fail = _failer(loaded.duration_files[key], f"durations.{key}")
        rule = rules.get(key)
        if rule is None:
            raise fail("(id)", f"no obligation {key!r}{did_you_mean(key, rules)}")
        configurable = [v for v in rule.versions if v.configurable]
        if not configurable:
            raise fail(
                "(id)",
                f"{key!r} is not configurable: its durations are the law's, not the municipality's",
            )
        name = configured.fact.split(".", 1)[1]
        for version in configurable:
            kind = loaded.events[version.trigger]
            spec = kind.facts.get(name)
            if spec is None:
                hint = did_you_mean(name, kind.facts)
                raise fail("fact", f"{version.trigger!r} has no fact {name!r}{hint}")
            if spec.type is not FactType.TEXT:
                raise fail("fact", f"{configured.fact} is a {spec.type.value} fact, not a text")
            extra = tuple(v for v in configured.values if v not in spec.values)
            if spec.values and extra:
                facts = {**kind.facts, name: attrs.evolve(spec, values=spec.values + extra)}
                loaded.events[version.trigger] = attrs.evolve(kind, facts=facts)


def _check_derived_facts(loaded: Loaded) -> None:
    for name, spec in loaded.case_facts.items():
        how = spec.derived_from
        if how is None:
            continue
        for field in ("opened_by", "closed_by"):
            kind = loaded.events.get(getattr(how, field))
            file, entry = loaded.case_fact_files[name], f"case.{name}.derived"
            if kind is None:
                problem = f"unknown event kind {getattr(how, field)!r}"
                raise DataFileError(file, entry, field, problem)
            if how.key not in kind.facts:
                raise DataFileError(file, entry, "key", f"{kind.kind!r} has no fact {how.key!r}")


def _failer(file: str, entry: str) -> Fail:
    def fail(field: str, problem: str) -> DataFileError:
        return DataFileError(file, entry, field, problem)

    return fail


def _check_version(version: RuleVersion, loaded: Loaded, fail: Fail) -> None:
    events = loaded.events
    if version.trigger not in events:
        hint = did_you_mean(version.trigger, events)
        raise fail("trigger", f"unknown event kind {version.trigger!r}{hint}")
    trigger = events[version.trigger]
    for field in ("fulfilled_by", "ended_by", "exempted_by", "or_at_event"):
        for kind in getattr(version, field):
            if kind not in events:
                raise fail(field, f"unknown event kind {kind!r}{did_you_mean(kind, events)}")
    _check_conditions(version.when, trigger, loaded, "when", fail)
    for alternative in version.deadlines:
        _check_conditions(alternative.when, trigger, loaded, "deadlines.when", fail)
    for kind in version.fulfilled_by:
        _check_conditions(version.fulfilled_when, events[kind], loaded, "fulfilled_when", fail)
    for fact in version.match:
        if fact not in trigger.facts:
            hint = did_you_mean(fact, trigger.facts)
            raise fail("match", f"{version.trigger!r} has no fact {fact!r}{hint}")
    if version.due_from_fact is not None:
        spec = trigger.facts.get(version.due_from_fact)
        if spec is None or spec.type is not FactType.DATE:
            raise fail(
                "due_from_fact", f"{version.trigger!r} has no date fact {version.due_from_fact!r}"
            )
    if version.then_from_fact is not None:
        for kind in version.fulfilled_by:
            spec = events[kind].facts.get(version.then_from_fact)
            if spec is None or spec.type is not FactType.DATE:
                raise fail(
                    "then_from_fact", f"{kind!r} has no date fact {version.then_from_fact!r}"
                )
    if version.from_fact is not None:
        _check_from_fact(version, trigger, fail)
    if version.earliest:
        _check_earliest(version, fail)
    dated = bool(version.deadlines) or version.age is not None or version.then is not None
    if (dated or version.due_from_fact or version.arises_when_missed) and version.roll is None:
        raise fail(
            "roll", "missing: say whether the deadline moves off closed days (keep or forward)"
        )
    if version.age is not None and not any(f.birth_date for f in loaded.case_facts.values()):
        raise fail("age", "needs a case fact with birth_date = true (foedselsdato)")
    shape, *_ = loaded.obligations[version.obligation]
    _check_shape(version, shape, fail)


def _check_from_fact(version: RuleVersion, trigger: EventKind, fail: Fail) -> None:
    """A deadline counted from a date fact of the trigger (BL § 49 stk. 3: the terminsdato)."""
    spec = trigger.facts.get(version.from_fact or "")
    if spec is None or spec.type is not FactType.DATE:
        hint = did_you_mean(version.from_fact or "", trigger.facts)
        raise fail("from_fact", f"{version.trigger!r} has no date fact {version.from_fact!r}{hint}")
    if not version.deadlines:
        raise fail("from_fact", "counts a deadline from the fact: give deadline (or deadlines)")
    for field, used in (
        ("age", version.age is not None),
        ("due_from_fact", version.due_from_fact is not None),
        ("configurable", version.configurable),
    ):
        if used:
            raise fail("from_fact", f"cannot be combined with {field}: the anchor is the fact")


def _check_earliest(version: RuleVersion, fail: Fail) -> None:
    """An earliest date: the triggering event is the act, checked against the date."""
    if not version.deadlines:
        raise fail("earliest", "needs a date: give deadline (or deadlines), usually with from_fact")
    if version.roll is not Roll.KEEP:
        raise fail(
            "earliest",
            'needs roll = "keep": an earliest date is not moved off a closed day, and no '
            "earlier practical day is shown",
        )
    for field in (
        "fulfilled_by",
        "ended_by",
        "exempted_by",
        "or_at_event",
        "before",
        "notice",
        "then",
        "then_from_fact",
        "frequency",
        "arises_when_missed",
        "configurable",
        "due_from_fact",
    ):
        if getattr(version, field):
            raise fail(
                "earliest",
                f"cannot be combined with {field}: the act an earliest date limits is the "
                "triggering event itself",
            )


def _check_shape(version: RuleVersion, shape: Shape, fail: Fail) -> None:
    needs = {
        Shape.R: (
            version.then is not None or version.then_from_fact is not None,
            "a recurring rule needs then or then_from_fact",
        ),
        Shape.F: (version.frequency is not None, "a frequency rule needs frequency"),
        Shape.P: (version.before, "a precondition needs before = true"),
        Shape.A: (version.age is not None, "an age rule needs age"),
    }
    ok, problem = needs.get(shape, (True, ""))
    if not ok:
        raise fail("(shape)", f"{problem} (shape {shape.value})")
    if version.frequency is not None and shape is not Shape.F:
        raise fail("frequency", f"only shape F has a frequency (shape {shape.value})")
    if version.earliest and shape is not Shape.D:
        raise fail("earliest", f"only shape D has an earliest date (shape {shape.value})")


def _check_conditions(
    conditions: tuple[Condition, ...], event: EventKind, loaded: Loaded, field: str, fail: Fail
) -> None:
    for condition in conditions:
        facts = event.facts if condition.scope == "event" else loaded.case_facts
        spec = facts.get(condition.name)
        if spec is None:
            where = f"event kind {event.kind!r}" if condition.scope == "event" else "the case"
            hint = did_you_mean(condition.name, facts)
            raise fail(field, f"{where} has no fact {condition.name!r}{hint}")
        age_test = condition.operator in (Operator.AGE_AT_LEAST, Operator.AGE_BELOW)
        if age_test and spec.type is not FactType.DATE:
            raise fail(field, f"{condition.fact} is not a date; age tests need a birth date")
        values = condition.value if isinstance(condition.value, tuple) else (condition.value,)
        if spec.values and condition.operator is not Operator.PRESENT:
            for value in values:
                if value not in spec.values:
                    raise fail(
                        field,
                        f"{condition.fact} is never {value!r} "
                        f"(it is one of {', '.join(spec.values)})",
                    )


def _check_periods(rule: ObligationRule, files: dict[str, str]) -> None:
    for variant, versions in rule.variants().items():
        for earlier, later in pairwise(versions):
            fail = _failer(files[later.id], later.id)
            if earlier.valid_to is None:
                raise fail(
                    "valid_from",
                    f"overlaps {earlier.id} (variant {variant!r}), which has no valid_to",
                )
            if later.valid_from is None:
                raise fail(
                    "valid_from", f"missing: {earlier.id} comes before it in variant {variant!r}"
                )
            if later.valid_from <= earlier.valid_to:
                raise fail(
                    "valid_from",
                    f"{later.valid_from} overlaps {earlier.id} "
                    f"(until {earlier.valid_to}, variant {variant!r})",
                )
            if later.valid_from != earlier.valid_to + timedelta(days=1):
                raise fail(
                    "valid_from",
                    f"gap after {earlier.id} (until {earlier.valid_to}, "
                    f"variant {variant!r}): the next version must start the day after",
                )
