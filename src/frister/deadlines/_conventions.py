"""The named conventions of fristberegning, loaded from ``data/conventions.toml``.

Each computation step names the convention it applied, so an explanation can
print the basis and whether the convention still awaits legal review.
"""

from __future__ import annotations

import enum
import tomllib
from functools import cache
from importlib.resources import files
from typing import Any

import attrs

from frister.calendar._dates import Language
from frister.errors import DataFileError, FristerError


class Mark(enum.Enum):
    """How well a legal fact is established (the research's verification marks)."""

    VERIFIED = "verified"
    VERIFIED_SECONDARY = "verified-secondary"
    UNVERIFIED = "unverified"
    LEGAL_REVIEW = "legal-review"
    NONE = "none"

    def label(self, lang: Language) -> str:
        """How the mark is printed; empty for NONE."""
        return _MARK_LABELS[self][lang]


_MARK_LABELS = {
    Mark.VERIFIED: {"da": "verificeret", "en": "verified"},
    Mark.VERIFIED_SECONDARY: {"da": "verificeret (sekundær kilde)", "en": "verified (secondary)"},
    Mark.UNVERIFIED: {"da": "UVERIFICERET", "en": "UNVERIFIED"},
    Mark.LEGAL_REVIEW: {
        "da": "afventer juridisk afklaring",
        "en": "awaiting legal review",
    },
    Mark.NONE: {"da": "", "en": ""},
}


@attrs.frozen
class Convention:
    """One convention of fristberegning: what it says, its basis and its mark."""

    id: str
    da: str
    en: str
    basis: str
    basis_en: str
    mark: Mark
    note_da: str | None = None
    note_en: str | None = None

    def text(self, lang: Language) -> str:
        """What the convention says, in ``lang``."""
        return self.da if lang == "da" else self.en

    def citation(self, lang: Language) -> str:
        """The basis and mark, as printed after a step: 'forældelsesloven § 27 stk. 1; verified'."""
        basis = self.basis if lang == "da" else self.basis_en
        label = self.mark.label(lang)
        return f"{basis}; {label}" if label else basis

    def review_note(self, lang: Language) -> str | None:
        """What awaits legal review, if anything."""
        return self.note_da if lang == "da" else self.note_en


_REQUIRED = {"da", "en", "basis", "mark"}
_OPTIONAL = {"basis_en", "note_da", "note_en"}
_FILE = "conventions.toml"


def _convention(entry: str, table: dict[str, Any]) -> Convention:
    def fail(field: str, problem: str) -> DataFileError:
        return DataFileError(_FILE, entry, field, problem)

    if not isinstance(table, dict):
        raise fail("(entry)", "expected a table")
    for key in sorted(set(table) - _REQUIRED - _OPTIONAL):
        raise fail(key, "unknown key")
    for key in sorted(_REQUIRED - set(table)):
        raise fail(key, "missing")
    for key, value in table.items():
        if not isinstance(value, str) or not value.strip():
            raise fail(key, f"expected a non-empty text, got {value!r}")
    if ("note_da" in table) != ("note_en" in table):
        raise fail("note_da/note_en", "give both languages or neither")
    try:
        mark = Mark(table["mark"])
    except ValueError:
        raise fail("mark", f"unknown mark {table['mark']!r}") from None
    return Convention(
        id=entry,
        da=table["da"],
        en=table["en"],
        basis=table["basis"],
        basis_en=str(table.get("basis_en", table["basis"])),
        mark=mark,
        note_da=table.get("note_da"),
        note_en=table.get("note_en"),
    )


@cache
def conventions() -> dict[str, Convention]:
    """All conventions by id, read once from the bundled data file."""
    raw = tomllib.loads(files("frister").joinpath("data", _FILE).read_text(encoding="utf-8"))
    return {entry: _convention(entry, table) for entry, table in raw.items()}


def convention(convention_id: str) -> Convention:
    """The convention with this id; a missing id is a bug in frister, not user input."""
    try:
        return conventions()[convention_id]
    except KeyError:
        raise FristerError(f"no convention {convention_id!r} in {_FILE}") from None
