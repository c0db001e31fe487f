"""Fuzzing the two doors input comes in by: rule files and case JSON (issue 9).

Whatever a rule file or a case file holds, frister either accepts it or raises a
FristerError naming the problem; any other exception is a bug. Inputs are
mutations of valid ones (so the fuzzing reaches deep into the checks) and plain
noise. The example counts are bounded so the CI profile stays quick.
"""

from __future__ import annotations

import contextlib
import copy
import json
import math
from datetime import date, datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import frister

CATALOG = frister.default_catalog()
SAMPLES = sorted((Path(frister.__file__).parent / "data" / "samples").glob("*.json"))

# Values that reach the checks' edges: known names, near misses, odd durations and days.
_WORDS = [
    *list(CATALOG.events)[:6],
    "underretning.modtagt",
    "sagsbehandlingsfrist",
    "underretning.kvittering",
    "event.omraade",
    "event.omrade",
    "case.foedselsdato",
    "omraade",
    "type",
    "anbringelse",
    "handicap-merudgifter",
    "6 hverdage",
    "-6 hverdage",
    "0 dage",
    "24 timer",
    "99999 år",
    "4 måneder",
    "keep",
    "forward",
    "before",
    "refuse",
    "D",
    "N",
    "R",
    "2024-02-30",
    "2024-03-31T02:30:00+01:00",
    "2024-03-22T16:05:00+01:00",
    "2024-03-22T16:05",
    "2024-03-22",
    "1899-12-31",
    "2201-01-01",
    "verified",
    "legal-review",
    "",
]

_SCALARS = st.one_of(
    st.sampled_from(_WORDS),
    st.text(max_size=12),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(date(1800, 1, 1), date(2300, 12, 31)),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(_WORDS) | st.text(max_size=8), inner, max_size=3),
    ),
    max_leaves=6,
)


def _slots(doc: Any, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key) in ``doc``, the places a mutation can hit."""
    items = (
        doc.items() if isinstance(doc, dict) else enumerate(doc) if isinstance(doc, list) else ()
    )
    for key, value in items:
        found.append((doc, key))
        _slots(value, found)
    return found


@st.composite
def _mutated(draw: st.DrawFn, original: Any) -> Any:
    doc = copy.deepcopy(original)
    for _ in range(draw(st.integers(1, 4))):
        slots = _slots(doc, [(None, None)])
        container, key = draw(st.sampled_from(slots))
        if container is None:
            continue
        action = draw(st.sampled_from(["delete", "replace", "add"]))
        if action == "delete":
            del container[key]
        elif action == "replace":
            container[key] = draw(_VALUES)
        elif isinstance(container, dict):
            container[draw(st.sampled_from(_WORDS) | st.text(max_size=8))] = draw(_VALUES)
        else:
            container.append(draw(_VALUES))
    return doc


# -- rule files ------------------------------------------------------------------------


def _toml(value: Any) -> str:
    """A value as inline TOML (the test's own writer: the environment has none)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        assert math.isfinite(value)
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{ " + ", ".join(f"{json.dumps(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
        )
    raise AssertionError(value)


def _toml_file(doc: Any) -> str:
    if not isinstance(doc, dict):
        return f"value = {_toml(doc)}\n"
    return "".join(f"{json.dumps(str(k))} = {_toml(v)}\n" for k, v in doc.items())


_PACK: dict[str, Any] = {
    "pack": {"key": "test", "name": "Testkommune", "text": "Interne frister"},
    "obligation": {
        "test.kvittering": {"shape": "D", "stage": "underretning", "da": "Kvittering", "en": "Ack"}
    },
    "version": [
        {
            "id": "test.kvittering",
            "obligation": "test.kvittering",
            "citation": {"paragraph": "Standard 1"},
            "wording": "Inden 3 hverdage.",
            "mark": "verified",
            "trigger": "underretning.modtaget",
            "when": [{"fact": "event.underretter", "not_in": ["anonym"]}],
            "deadline": "3 hverdage",
            "roll": "keep",
            "fulfilled_by": ["underretning.kvitteret"],
            "match": ["underretning_id"],
        }
    ],
    "durations": {
        "sagsbehandlingsfrist": {
            "fact": "event.omraade",
            "values": {"handicap-merudgifter": "8 uger"},
        }
    },
    "kind": {"test.hændelse": {"da": "Hændelse", "en": "Event", "facts": {"x": {"type": "text"}}}},
}


def test_the_fuzzing_pack_loads_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "pack.toml"
    path.write_text(_toml_file(_PACK), encoding="utf-8")
    catalog = CATALOG.with_rules(path)
    assert "test.kvittering" in catalog.rules
    # Fri 22 Mar 2024 + 3 hverdage: Wed 27 Mar 2024.
    assert catalog.due("test.kvittering", date(2024, 3, 22)).due == date(2024, 3, 27)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.one_of(_mutated(_PACK), _VALUES))
def test_a_rule_file_loads_or_raises_a_frister_error(tmp_path: Path, doc: Any) -> None:
    path = tmp_path / "pack.toml"
    path.write_text(_toml_file(doc), encoding="utf-8")
    try:
        catalog = CATALOG.with_rules(path)
    except frister.FristerError:
        return
    # What loads must evaluate a plain notification without anything but FristerError.
    event = frister.Event("underretning.modtaget", date(2024, 3, 22), {"underretter": "fagperson"})
    with contextlib.suppress(frister.FristerError):
        catalog.evaluate(frister.Case([event]), date(2024, 6, 1))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=200))
def test_rule_file_noise_loads_or_raises_a_frister_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "noise.toml"
    path.write_text(text, encoding="utf-8")
    with contextlib.suppress(frister.FristerError):
        CATALOG.with_rules(path)


# -- case JSON -------------------------------------------------------------------------

_CASES = [json.loads(path.read_text(encoding="utf-8")) for path in SAMPLES]


def _jsonable(value: Any) -> Any:
    """As JSON would deliver it: dates become text, keys become text."""
    return json.loads(json.dumps(value, default=str))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(_CASES).flatmap(_mutated) | _VALUES, st.sampled_from(_WORDS))
def test_case_json_evaluates_or_raises_a_frister_error(doc: Any, as_of: str) -> None:
    data = _jsonable(doc)
    try:
        case = frister.case_from_json(data, CATALOG)
        obligations = CATALOG.evaluate(case, as_of if as_of[:1].isdigit() else "2025-06-30")
        for ob in obligations:
            json.dumps(frister.obligation_to_json(ob))
            ob.explain("da")
    except frister.FristerError:
        pass
