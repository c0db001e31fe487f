"""Helpers shared by the rule tests (tests/test_rules_*.py): build a case, pick a rule's
obligations, and assert what a caseworker and a lawyer read in both languages."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import frister
from frister import Case, Event, Obligation, Status, YearReading

CATALOG = frister.default_catalog()

LABELS = {
    Status.PENDING: ("afventer", "pending"),
    Status.MET: ("opfyldt", "met"),
    Status.MET_LATE: ("opfyldt for sent", "met late"),
    Status.OVERDUE: ("overskredet", "overdue"),
    Status.ENDED: ("bortfaldet", "ended"),
}


def ev(kind: str, at: date | datetime, **facts: Any) -> Event:
    """An event with its facts as keywords."""
    return Event(kind, at, facts)


def run(
    rule_id: str,
    events: Sequence[Event],
    as_of: date,
    facts: Mapping[str, Any] | None = None,
    reading: YearReading | None = None,
) -> list[Obligation]:
    """The obligations of ``rule_id`` in a case of ``events`` on ``as_of``."""
    case = Case(events=list(events), facts=dict(facts or {}))
    if reading is None:
        result = CATALOG.evaluate(case, as_of)
    else:
        result = CATALOG.evaluate(case, as_of, reading=reading)
    return [ob for ob in result if ob.rule_id == rule_id]


def single(
    rule_id: str,
    events: Sequence[Event],
    as_of: date,
    facts: Mapping[str, Any] | None = None,
) -> Obligation:
    """The one obligation of ``rule_id``; fails if there is not exactly one."""
    obs = run(rule_id, events, as_of, facts)
    assert len(obs) == 1, [(ob.rule_id, ob.version.id, ob.due) for ob in obs]
    return obs[0]


def status_line(text: str) -> str:
    """The 'Status pr. ...' / 'Status on ...' line of an explanation."""
    lines = [line for line in text.splitlines() if line.startswith(("Status pr. ", "Status on "))]
    assert len(lines) == 1, text
    return lines[0]


def assert_status(ob: Obligation, status: Status) -> None:
    """The status, and its label in both languages' explanations."""
    assert ob.status is status, (ob.status, ob.explain("en"))
    da, en = LABELS[status]
    assert status_line(ob.explain("da")).endswith(f": {da}")
    assert status_line(ob.explain("en")).endswith(f": {en}")


def assert_cites(ob: Obligation | frister.RuleDeadline, citation: str) -> None:
    """The explanation names the citation in both languages."""
    assert str(ob.version.citation).startswith(citation), str(ob.version.citation)
    assert citation in ob.explain("da")
    assert citation in ob.explain("en")


def assert_kept_on_closed_day(
    ob: Obligation | frister.RuleDeadline, due: date, practical: date
) -> None:
    """The due date is a closed day that the authority's deadline does not move off."""
    assert ob.due == due
    assert ob.practical_due == practical
    assert ob.on_closed_day
    assert "flyttes ikke" in ob.explain("da")
    assert "does not move" in ob.explain("en")


def configured_catalog(durations: Mapping[str, Any], folder: Path) -> frister.Catalog:
    """The bundled catalog with a municipality's configuration, as a rule example's marker
    names it (``durations``: obligation → ``pack``, ``fact``, ``values``), written as a
    rule file of its own (docs/catalog-format.md, "A municipality's file") and loaded."""
    lines = ["[pack]", 'key = "eksempel"', 'text = "Eksempel"']
    for rule_id, table in durations.items():
        lines.insert(2, f"name = {json.dumps(table['pack'])}")
        lines += [f'[durations."{rule_id}"]', f"fact = {json.dumps(table['fact'])}"]
        lines.append(f'[durations."{rule_id}".values]')
        lines += [f"{json.dumps(k)} = {json.dumps(v)}" for k, v in table["values"].items()]
    path = folder / f"eksempel-{len(list(folder.iterdir()))}.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return CATALOG.with_rules(path)
