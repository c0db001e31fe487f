"""Lawfulness per case, green / yellow / red, from criteria that are data (configuration)."""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from frister.case import Status
from frister.catalog import Catalog
from frister.errors import DataFileError, InputError, InputTypeError
from frister.portfolio._mi_base import Tabular, catalog_or_default, unverified
from frister.portfolio._mi_rates import check_lang
from frister.portfolio._rows import STATUSES, Moment, Table, decode

COLOURS = ("green", "yellow", "red")
_RANK = {colour: rank for rank, colour in enumerate(COLOURS)}


@attrs.frozen
class Criterion:
    """A finding of ``colour`` when an occurrence of ``rule`` has one of ``statuses``.

    A criterion is the municipality's configuration, not law; ``types``
    narrows it to occurrences whose triggering event has one of those
    ``type`` facts.
    """

    id: str
    colour: str
    rule: str
    statuses: frozenset[Status]
    da: str
    en: str
    types: frozenset[str] | None = None

    def __attrs_post_init__(self) -> None:
        if self.colour not in ("yellow", "red"):
            raise InputError("colour", self.colour, "a criterion is 'yellow' or 'red'")
        if not self.statuses:
            raise InputError("status", (), "a criterion needs at least one status")


@attrs.frozen
class Criteria:
    """A set of criteria and where they came from (a file, or 'frister default')."""

    criteria: tuple[Criterion, ...]
    source: str


_DEFAULT_FILE = "lawfulness.toml"


def default_criteria() -> Criteria:
    """The bundled example set (frister/data/mi/lawfulness.toml): configuration, not law."""
    text = resources.files("frister").joinpath("data", "mi", _DEFAULT_FILE).read_text("utf-8")
    return _parse(text, f"frister default ({_DEFAULT_FILE})")


def load_criteria(path: str | Path) -> Criteria:
    """A municipality's own criteria from a TOML file shaped like the default set."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(str(file), "file", "path", f"cannot be read: {error}") from None
    return _parse(text, str(file))


def _parse(text: str, source: str) -> Criteria:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(source, "file", "toml", str(error)) from None
    entries = data.get("criterion")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(source, "file", "criterion", "expected [[criterion]] entries")
    out = []
    seen = set()
    for index, entry in enumerate(entries):
        name = str(entry.get("id", f"criterion {index + 1}"))

        def text_field(key: str, entry: dict[str, Any] = entry, name: str = name) -> str:
            value = entry.get(key)
            if not isinstance(value, str) or not value:
                raise DataFileError(source, name, key, "expected a non-empty text")
            return value

        ident = text_field("id")
        if ident in seen:
            raise DataFileError(source, name, "id", "used twice")
        seen.add(ident)
        statuses = entry.get("status")
        if not isinstance(statuses, list) or not statuses:
            raise DataFileError(source, name, "status", "expected a list of statuses")
        try:
            parsed = frozenset(Status(s) for s in statuses)
        except ValueError:
            known = ", ".join(s.value for s in Status)
            raise DataFileError(source, name, "status", f"statuses are {known}") from None
        types = entry.get("types")
        if types is not None and (
            not isinstance(types, list) or not all(isinstance(t, str) for t in types)
        ):
            raise DataFileError(source, name, "types", "expected a list of texts")
        colour = text_field("colour")
        if colour not in ("yellow", "red"):
            raise DataFileError(source, name, "colour", "expected 'yellow' or 'red'")
        out.append(
            Criterion(
                ident,
                colour,
                text_field("rule"),
                parsed,
                text_field("da"),
                text_field("en"),
                None if types is None else frozenset(types),
            )
        )
    return Criteria(tuple(out), source)


@attrs.frozen
class Finding:
    """One occurrence that met a criterion."""

    criterion: str
    colour: str
    rule_id: str
    status: Status
    occurrence: int
    due: Moment | None
    text: str


@attrs.frozen
class CaseVerdict:
    """A case's colour and the findings that decided it (none: green)."""

    case_id: str
    caseworker: str | None
    unit: str | None
    colour: str
    findings: tuple[Finding, ...]


@attrs.frozen
class Lawfulness(Tabular):
    """Every case's colour on ``as_of`` by ``criteria`` (configuration, labelled as such)."""

    as_of: date
    criteria: Criteria
    cases: tuple[CaseVerdict, ...]
    unverified: tuple[str, ...]

    def counts(self) -> dict[str, int]:
        """How many cases of each colour (every colour present)."""
        out = dict.fromkeys(COLOURS, 0)
        for verdict in self.cases:
            out[verdict.colour] += 1
        return out

    def counts_by(self, key: str = "unit") -> dict[str | None, dict[str, int]]:
        """Cases of each colour per ``unit`` or ``caseworker`` (every colour present)."""
        if key not in ("unit", "caseworker"):
            raise InputError("key", key, "expected 'unit' or 'caseworker'")
        out: dict[str | None, dict[str, int]] = {}
        for verdict in self.cases:
            group = out.setdefault(getattr(verdict, key), dict.fromkeys(COLOURS, 0))
            group[verdict.colour] += 1
        return out

    def case(self, case_id: str) -> CaseVerdict:
        """The verdict of one case."""
        for verdict in self.cases:
            if verdict.case_id == case_id:
                return verdict
        raise InputError("case_id", case_id, "no such case in the result")

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "case_id": v.case_id,
                "caseworker": v.caseworker,
                "unit": v.unit,
                "colour": v.colour,
                "findings": tuple(f.criterion for f in v.findings),
                "details": tuple(f.text for f in v.findings),
            }
            for v in self.cases
        ]

    def columns(self) -> tuple[str, ...]:
        return ("case_id", "caseworker", "unit", "colour", "findings", "details")

    def meta(self) -> dict[str, Any]:
        return {
            "table": "lawfulness",
            "as_of": self.as_of,
            "criteria_source": self.criteria.source,
            "criteria_are_law": False,
            "criteria": [
                {"id": c.id, "colour": c.colour, "rule": c.rule, "status": sorted(c.statuses)}
                for c in self.criteria.criteria
            ],
            "counts": self.counts(),
            "unverified": self.unverified,
        }


def lawfulness(
    table: Table,
    as_of: date,
    criteria: Criteria | Sequence[Criterion] | str | Path | None,
    catalog: Catalog | None,
    lang: str,
) -> Lawfulness:
    catalog = catalog_or_default(catalog)
    lang = check_lang(lang)
    if criteria is None:
        chosen = default_criteria()
    elif isinstance(criteria, Criteria):
        chosen = criteria
    elif isinstance(criteria, str | Path):
        chosen = load_criteria(criteria)
    elif isinstance(criteria, Sequence) and all(isinstance(c, Criterion) for c in criteria):
        chosen = Criteria(tuple(c for c in criteria if isinstance(c, Criterion)), "given")
    else:
        raise InputTypeError("criteria", criteria, "expected Criteria, Criterion objects or a path")
    for c in chosen.criteria:
        if c.rule not in catalog.rules:
            raise InputError("criteria", c.rule, f"criterion {c.id!r} names an unknown rule")
    by_rule: dict[int, list[tuple[Criterion, set[int], set[int] | None]]] = {}
    status_codes = {s: code for code, s in enumerate(STATUSES)}
    for c in chosen.criteria:
        statuses = {status_codes[s] for s in c.statuses}
        types = None
        if c.types is not None:
            types = {code for code, t in enumerate(table.types) if t in c.types}
        for code, (rid, _, _) in enumerate(table.rules):
            if rid == c.rule:
                by_rule.setdefault(code, []).append((c, statuses, types))
    verdicts = []
    versions: set[str] = set()
    start = 0
    rule, status, kinds = table.rule, table.status, table.measure_type
    for case, end in enumerate(table.ends):
        findings = []
        for i in range(start, end):
            tests = by_rule.get(rule[i])
            if tests is None:
                continue
            for c, statuses, types in tests:
                if status[i] in statuses and (types is None or kinds[i] in types):
                    findings.append(
                        Finding(
                            c.id,
                            c.colour,
                            c.rule,
                            STATUSES[status[i]],
                            table.occurrence[i],
                            decode(table.due[i], table.zones),
                            c.da if lang == "da" else c.en,
                        )
                    )
                    versions.add(table.versions[table.version[i]])
        start = end
        colour = max((f.colour for f in findings), key=_RANK.__getitem__, default="green")
        verdicts.append(
            CaseVerdict(
                table.case_ids[case],
                table.caseworkers[case],
                table.units[case],
                colour,
                tuple(findings),
            )
        )
    return Lawfulness(as_of, chosen, tuple(verdicts), unverified(catalog, versions))
