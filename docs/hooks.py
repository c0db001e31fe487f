"""MkDocs hook: write the rule book's pages from the catalog before every build.

``docs/generated/`` is never edited by hand and never committed: each build
(``mkdocs build --strict``, ``mkdocs serve``) regenerates it with
``frister._docs.write_rule_book``, so the pages cannot drift from the catalog
and the engine. The generator rewrites a page only when its text changed (so
``mkdocs serve``, which watches docs/, does not rebuild for ever) and removes
the pages of rules that are gone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

GENERATED = "generated"


def on_pre_build(config: Any) -> None:
    """Regenerate ``<docs_dir>/generated`` from the bundled catalog."""
    # Imported here, not at the top: MkDocs loads hooks while it reads the config,
    # and the generator (with the whole catalog) is only needed when a build starts.
    from frister._docs import write_rule_book  # noqa: PLC0415

    write_rule_book(Path(config["docs_dir"]) / GENERATED)
