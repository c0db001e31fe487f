"""An evaluation writes no notes until they are read; what it writes then is what an
evaluation with notes writes, for every obligation, however it is read or copied."""

from __future__ import annotations

import copy

import attrs
import pytest

import frister
from frister.case import Obligation
from frister.engine import evaluate
from frister.engine._context import YearReading
from frister.rules import Text
from frister.synthetic import AS_OF, generate_portfolio

CATALOG = frister.default_catalog()
CASES = [record.case for record in generate_portfolio(120, seed=7)]


def _explained(case: frister.Case) -> list[Obligation]:
    return evaluate(CATALOG, case, AS_OF, YearReading.CALENDAR_YEAR, explaining=True)


@pytest.mark.parametrize("index", range(0, 120, 7))
def test_notes_read_later_are_the_notes_written_at_once(index: int) -> None:
    case = CASES[index]
    quiet = CATALOG.evaluate(case, AS_OF)
    explained = _explained(case)
    assert [ob.notes for ob in quiet] == [ob.notes for ob in explained]
    assert [ob.explain("en") for ob in quiet] == [ob.explain("en") for ob in explained]
    assert all(ob.notes for ob in quiet)  # every occurrence says at least its status


def test_no_due_reason_is_known_without_reading_the_notes() -> None:
    reasons = [
        (ob.rule_id, ob.no_due_reason)
        for case in CASES
        for ob in CATALOG.evaluate(case, AS_OF)
        if ob.due is None
    ]
    assert reasons, "the synthetic portfolio has occurrences without a due date"
    explained = [
        (ob.rule_id, next(n.kind for n in ob.notes if n.kind in frister.explain.NO_DUE_REASONS))
        for case in CASES
        for ob in _explained(case)
        if ob.due is None
    ]
    assert reasons == explained


def test_a_copy_carries_its_notes() -> None:
    case = next(c for c in CASES if len(CATALOG.evaluate(c, AS_OF)) > 3)
    obligations = CATALOG.evaluate(case, AS_OF)
    expected = [ob.notes for ob in _explained(case)]
    assert [copy.copy(ob).notes for ob in obligations] == expected
    evolved = attrs.evolve(obligations[2], title=Text("x", "x"))
    assert evolved.notes == expected[2]
