"""Today's engine gives exactly the results in the golden snapshots (see tests/golden.py)."""

import json
from functools import cache
from typing import Any

import pytest

import frister
from golden import GOLDEN, portfolio_snapshot, samples_snapshot

CATALOG = frister.default_catalog()


def _golden(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLDEN / name).read_text(encoding="utf-8"))
    return data


def _roundtrip(data: object) -> Any:
    """Through JSON text, as the golden file went, so tuples compare as lists."""
    return json.loads(json.dumps(data, ensure_ascii=False, sort_keys=True))


@cache
def _samples_today() -> Any:
    return _roundtrip(samples_snapshot(CATALOG))


@pytest.mark.parametrize("name", sorted(_golden("samples.json")))
def test_sample_case_matches_its_golden_snapshot(name: str) -> None:
    assert _samples_today()[name] == _golden("samples.json")[name]


def test_synthetic_portfolio_matches_its_golden_snapshot() -> None:
    golden = _golden("portfolio.json")
    today = _roundtrip(portfolio_snapshot(CATALOG))
    assert sorted(today) == sorted(golden)
    differing = [case_id for case_id in golden if today[case_id] != golden[case_id]]
    assert not differing, f"{len(differing)} cases differ, first {differing[:5]}"
    assert sum(len(c.get("rows", ())) for c in golden.values()) > 5 * len(golden)
