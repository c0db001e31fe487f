"""The published JSON Schemas: current with the catalog, and every sample and output valid."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import frister
from frister.json import CASE_KEYS, case_schema, obligation_schema
from schema_check import errors

CATALOG = frister.default_catalog()
ROOT = Path(__file__).parent.parent
SCHEMAS = ROOT / "src" / "frister" / "data" / "schema"
SAMPLES = sorted((ROOT / "src" / "frister" / "data" / "samples").glob("*.json"))


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return data


def test_the_bundled_schemas_are_those_of_the_default_catalog() -> None:
    # Regenerate with frister.json.write_schemas("src/frister/data/schema", catalog).
    assert _load("case.schema.json") == case_schema(CATALOG)
    assert _load("obligation.schema.json") == obligation_schema(CATALOG)
    assert set(case_schema(CATALOG)["properties"]) == set(CASE_KEYS)


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_every_sample_and_its_obligations_match_the_schemas(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    case_schema_ = _load("case.schema.json")
    assert errors(data, case_schema_, case_schema_) == []
    case = frister.case_from_json(data, CATALOG)
    obligation_schema_ = _load("obligation.schema.json")
    obligations = CATALOG.evaluate(case, date.fromisoformat(data["as_of"]))
    assert obligations
    for ob in obligations:
        for readings in (None, CATALOG.readings(case, ob)):
            written = json.loads(json.dumps(frister.obligation_to_json(ob, readings=readings)))
            assert errors(written, obligation_schema_, obligation_schema_) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(evnets=d.pop("events")), "unknown key 'evnets'"),
        (lambda d: d["events"][0].update(kind="underretning.modtagt"), "matches 0 of oneOf"),
        (lambda d: d["events"][0].update(at="22-03-2024"), "matches 0 of oneOf"),
        (lambda d: d["facts"].update(foedselsdato="2016-9-3"), "does not match"),
    ],
)
def test_the_case_schema_refuses_what_case_from_json_refuses(change: Any, problem: str) -> None:
    data = json.loads(SAMPLES[0].read_text(encoding="utf-8"))
    change(data)
    schema = _load("case.schema.json")
    assert any(problem in e for e in errors(data, schema, schema))
    with pytest.raises(frister.InputError):
        CATALOG.evaluate(frister.case_from_json(data, CATALOG), date(2025, 3, 31))
