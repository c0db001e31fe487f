"""The rule book: Markdown pages for legal staff, written from the catalog and the engine.

:func:`write_rule_book` writes one page per obligation (Danish first, English beside it)
with each law version's period, citation, wording, marks and questions, and worked
examples that the engine computes while the book is built; and the overview pages: the
rules by case stage, the laws, the transition from Serviceloven to Barnets lov, the
calendar, the conventions of fristberegning, the questions awaiting legal review, and the
coverage of the legal research (``frister/data/coverage.toml``).
MkDocs builds the site from them (``docs/hooks.py``); ``frister docs`` writes them by hand.

The pages depend on the catalog alone (and the bundled coverage table): no clock, no
randomness, no files of the user's read. Every
example date comes from ``catalog.due`` or ``catalog.evaluate``; every trigger is found by
searching dates, never written per rule. Each example carries a machine-readable marker
(an HTML comment) so a test can compute it again and compare.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from frister._docs._overview import _Book
from frister.catalog import Catalog, default_catalog

__all__ = ["write_rule_book"]

_MANIFEST: Final = ".frister-docs"
"""Lists the pages the last run wrote, so a page whose rule is gone is removed."""


def write_rule_book(out_dir: Path, catalog: Catalog | None = None) -> list[Path]:
    """Write the rule book's Markdown pages into ``out_dir``; return their paths.

    ``regler/index.md`` and ``regler/<obligation id>.md``, ``love/index.md`` and
    ``love/<law key>.md``, ``overgang.md``, ``kalender.md``, ``fristberegning.md`` and
    ``spoergsmaal.md``, and ``daekning.md`` (the research's rule ids and how each is
    encoded, from ``frister/data/coverage.toml``). The same catalog always gives the same
    bytes; a file is only rewritten when its text changed, and pages an earlier run wrote
    that are no longer part of the book are removed. Raises FristerError when a rule has
    no citation or no worked example can be computed for one of its versions.
    """
    pages = _Book(catalog if catalog is not None else default_catalog()).pages()
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
