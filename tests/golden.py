"""Golden snapshots of the engine's output, so a rewrite provably changes nothing it should not.

The snapshots in ``tests/golden/`` were written by the engine before the
portfolio rebuild; ``tests/test_golden.py`` compares today's output with them.
After a change that *should* alter results (a rule corrected by legal review),
regenerate with ``python tests/golden.py`` and review the diff line by line.

- ``samples.json``: every obligation of every bundled sample case, in full
  (dates, statuses, notes, both explanations, and its date under every reading
  of the open questions that touch it).
- ``portfolio.json``: the first ``PORTFOLIO_SIZE`` cases of the seeded
  synthetic portfolio, one compact row per obligation plus a digest of the
  full JSON (explanations included), or the error a case raised.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

import frister
from frister import synthetic

GOLDEN = Path(__file__).parent / "golden"
PORTFOLIO_SIZE = 600
PORTFOLIO_SEED = 7


def _samples() -> Iterator[tuple[str, dict[str, Any]]]:
    folder = files("frister").joinpath("data", "samples")
    for path in sorted(folder.iterdir(), key=lambda p: p.name):
        if path.name.endswith(".json"):
            yield path.name.removesuffix(".json"), json.loads(path.read_text(encoding="utf-8"))


def samples_snapshot(catalog: frister.Catalog) -> dict[str, Any]:
    """Every sample case's obligations as JSON, explanations included."""
    snapshot = {}
    for name, data in _samples():
        case = frister.case_from_json(data, catalog)
        as_of = data["as_of"]
        obligations = catalog.evaluate(case, date.fromisoformat(as_of))
        snapshot[name] = [
            frister.obligation_to_json(ob, readings=catalog.readings(case, ob))
            for ob in obligations
        ]
    return snapshot


def _row(ob: frister.Obligation) -> list[Any]:
    def iso(moment: object) -> str | None:
        return moment.isoformat() if moment is not None else None  # type: ignore[attr-defined]

    return [
        ob.rule_id,
        ob.occurrence,
        ob.version.id,
        ob.trigger.kind,
        iso(ob.trigger.at),
        iso(ob.due),
        iso(ob.practical_due),
        ob.status.value,
        iso(ob.fulfilled_at),
        iso(ob.ended_at),
    ]


def portfolio_snapshot(catalog: frister.Catalog) -> dict[str, Any]:
    """The synthetic portfolio's obligations: compact rows and a digest of the full JSON."""
    snapshot: dict[str, Any] = {}
    as_of = synthetic.AS_OF
    for record in synthetic.generate_portfolio(PORTFOLIO_SIZE, seed=PORTFOLIO_SEED):
        try:
            obligations = catalog.evaluate(record.case, as_of)
        except frister.FristerError as error:
            snapshot[record.id] = {"error": f"{type(error).__name__}: {error}"}
            continue
        full = json.dumps(
            [frister.obligation_to_json(ob) for ob in obligations],
            ensure_ascii=False,
            sort_keys=True,
        )
        snapshot[record.id] = {
            "rows": [_row(ob) for ob in obligations],
            "sha256": hashlib.sha256(full.encode()).hexdigest(),
        }
    return snapshot


def _write(name: str, data: object) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    (GOLDEN / name).write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    catalog = frister.default_catalog()
    _write("samples.json", samples_snapshot(catalog))
    _write("portfolio.json", portfolio_snapshot(catalog))
