"""The coverage page: every rule id of the legal research, the catalog versions that encode
it, or why it is not (fully) encoded. The data is ``frister/data/coverage.toml``."""

from __future__ import annotations

import tomllib
from collections import Counter
from importlib.resources import files
from typing import Final, Literal

import attrs

from frister._docs._text import _cell, _esc
from frister.catalog import Catalog
from frister.errors import DataFileError
from frister.rules import Text

Status = Literal["encoded", "partial", "not-encoded"]

_FILE: Final = "coverage.toml"
_STATUSES: Final[dict[str, Text]] = {
    "encoded": Text("kodet", "encoded"),
    "partial": Text("delvist kodet", "partly encoded"),
    "not-encoded": Text("ikke kodet", "not encoded"),
}
_KEYS: Final = frozenset({"id", "section", "status", "versions", "reason"})


@attrs.frozen
class CoverageEntry:
    """One research rule id: its section, status, the versions encoding it and why."""

    id: str
    section: str
    status: Status
    versions: tuple[str, ...]
    reason: Text | None


def _text(value: object, entry: str) -> Text:
    if not isinstance(value, dict) or set(value) != {"da", "en"}:
        raise DataFileError(_FILE, entry, "reason", "must be { da = ..., en = ... }")
    da, en = value["da"], value["en"]
    if not isinstance(da, str) or not isinstance(en, str) or not da or not en:
        raise DataFileError(_FILE, entry, "reason", "da and en must be non-empty strings")
    return Text(da, en)


def _entry(raw: object, number: int) -> CoverageEntry:
    if not isinstance(raw, dict):
        raise DataFileError(_FILE, f"rule {number}", "", "must be a table")
    entry = str(raw.get("id", f"rule {number}"))
    unknown = set(raw) - _KEYS
    if unknown:
        raise DataFileError(_FILE, entry, sorted(unknown)[0], "unknown key")
    for key in ("id", "section", "status"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise DataFileError(_FILE, entry, key, "required, a non-empty string")
    status = raw["status"]
    if status not in _STATUSES:
        raise DataFileError(_FILE, entry, "status", f"one of {', '.join(_STATUSES)}")
    versions = raw.get("versions", [])
    if not isinstance(versions, list) or not all(isinstance(v, str) for v in versions):
        raise DataFileError(_FILE, entry, "versions", "must be a list of version ids")
    if status != "not-encoded" and not versions:
        raise DataFileError(_FILE, entry, "versions", f"a rule {status} names its versions")
    if status == "not-encoded" and versions:
        raise DataFileError(_FILE, entry, "versions", "a rule not encoded has no versions")
    reason = _text(raw["reason"], entry) if "reason" in raw else None
    if status != "encoded" and reason is None:
        raise DataFileError(_FILE, entry, "reason", f"a rule {status} says why")
    return CoverageEntry(entry, raw["section"], status, tuple(versions), reason)


def load_coverage() -> tuple[CoverageEntry, ...]:
    """The bundled coverage of the research, in the research's order; checked strictly."""
    data = tomllib.loads(files("frister").joinpath("data", _FILE).read_text(encoding="utf-8"))
    if set(data) != {"rule"} or not isinstance(data["rule"], list):
        raise DataFileError(_FILE, "", "", "holds [[rule]] tables only")
    entries = tuple(_entry(raw, n) for n, raw in enumerate(data["rule"], start=1))
    twice = [i for i, n in Counter(e.id for e in entries).items() if n > 1]
    if twice:
        raise DataFileError(_FILE, twice[0], "id", "appears more than once")
    return entries


def coverage_page(catalog: Catalog) -> str:
    """``daekning.md``: the research's rule ids with their versions or the reason."""
    entries = load_coverage()
    owner = {v.id: r.id for r in catalog.rules.values() for v in r.versions}
    counts: Counter[str] = Counter(e.status for e in entries)
    summary_da = ", ".join(f"{counts[s]} {t.da}" for s, t in _STATUSES.items())
    summary_en = ", ".join(f"{counts[s]} {t.en}" for s, t in _STATUSES.items())
    lines = [
        "# Dækning af researchen",
        "",
        "*Coverage of the research*",
        "",
        f"Den juridiske research (`research-deadlines.md`, afsnit A) har {len(entries)} "
        f"regel-id'er: {summary_da}. For hver står de versioner i kataloget, der koder den, "
        "eller hvorfor den ikke (helt) er kodet.",
        "",
        f"*The legal research (`research-deadlines.md`, section A) has {len(entries)} rule "
        f"ids: {summary_en}. Each lists the catalog versions that encode it, or why it is not "
        "(fully) encoded.*",
        "",
        "| Afsnit *(section)* | Research-id | Status | Regel og versioner *(rule and versions)* "
        "| Begrundelse *(reason)* |",
        "|---|---|---|---|---|",
    ]
    for entry in entries:
        status = _STATUSES[entry.status]
        versions = []
        for version in entry.versions:
            rule = owner.get(version)
            versions.append(
                f"[`{rule}`](regler/{rule}.md): `{version}`" if rule else f"`{version}`"
            )
        reason = f"{_cell(entry.reason.da)}<br>*{_cell(entry.reason.en)}*" if entry.reason else ""
        lines.append(
            f"| {_esc(entry.section)} | `{entry.id}` | {status.da} *({status.en})* "
            f"| {'<br>'.join(versions)} | {reason} |"
        )
    lines.append("")
    return "\n".join(lines)
