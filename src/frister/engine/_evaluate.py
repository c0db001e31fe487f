"""Case evaluation: which obligations a case's events gave rise to, when each is due, and why.

Pure: the result depends only on the catalog, the case and ``as_of``. Events
after ``as_of`` have not happened yet and are ignored.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from frister.case import (
    Case,
    Moment,
    Obligation,
    Status,
    check_moment,
    on_or_after,
)
from frister.engine._checks import check_case
from frister.engine._context import Context, YearReading, day
from frister.engine._derived import derive
from frister.engine._shapes import arising, duplicate, occurrences
from frister.engine._versions import entering_after, version_at
from frister.errors import InputTypeError
from frister.explain import Note
from frister.rules import (
    CatalogData,
    ObligationRule,
)


def evaluate(
    catalog: CatalogData,
    case: Case,
    as_of: Moment | str,
    reading: YearReading,
    only: str | None = None,
    *,
    march_first: bool = False,
    frozen_rules: frozenset[str] = frozenset(),
    explaining: bool = False,
) -> list[Obligation]:
    """The obligations of ``case`` as they stand on ``as_of`` (of one rule, with ``only``).

    ``march_first`` and ``frozen_rules`` compute other readings of open questions
    (``engine/_readings.py``); the defaults are frister's readings. Without
    ``explaining`` no notes are written: the obligations write theirs when first read,
    by evaluating the case once more with notes (most results are counted, not read).
    """
    case = check_case(catalog, case)
    as_of = check_moment(as_of, "as_of")
    if not isinstance(reading, YearReading):
        raise InputTypeError("reading", reading, "expected frister.YearReading")
    visible = [e for e in case.events if on_or_after(as_of, e.at)]
    context = Context(
        catalog, case.facts, visible, as_of, reading, march_first, frozen_rules, explaining
    )
    replay = None
    if not explaining:
        replay = context.replay = _Replay(
            partial(
                evaluate,
                catalog,
                case,
                as_of,
                reading,
                only,
                march_first=march_first,
                frozen_rules=frozen_rules,
            )
        )
    visible.sort(key=context.key)
    context.given_index = {id(event): i for i, event in enumerate(case.events)}
    derive(context)
    context.index()
    needed = None if only is None else _with_parents(catalog, only)
    results = context.results
    for rule in catalog.rules_triggered_by(context.kinds()):
        if needed is None or rule.id in needed:
            results[rule.id] = _evaluate_rule(context, rule)
    for rule in catalog.arising_rules:
        if (needed is None or rule.id in needed) and any(results.get(p) for p in rule.parents):
            results[rule.id] = _evaluate_rule(context, rule)
    order = catalog.rule_order
    rank = context.rank
    obligations = [
        ob for obs in context.results.values() for ob in obs if only is None or ob.rule_id == only
    ]
    obligations.sort(key=lambda ob: (rank(ob.trigger), order[ob.rule_id], ob.occurrence))
    if replay is not None:
        replay.positions = {id(ob): i for i, ob in enumerate(obligations)}
    return obligations


class _Replay:
    """The notes of a quiet evaluation's obligations, written when first read by evaluating
    the case again with notes; the same evaluation gives the same obligations in order."""

    def __init__(self, explained: Callable[..., list[Obligation]]) -> None:
        self._evaluate = explained
        self._explained: list[Obligation] | None = None
        self.positions: dict[int, int] = {}
        """Each quiet obligation's place in the result, by identity (no reference cycle)."""

    def __call__(self, ob: Obligation) -> tuple[Note, ...]:
        if self._explained is None:
            self._explained = self._evaluate(explaining=True)
        position = self.positions.get(id(ob))
        if position is not None:
            return self._explained[position].notes
        # A copy made with attrs.evolve: the occurrence it is a copy of.
        for other in self._explained:
            if (other.rule_id, other.occurrence, other.trigger, other.version) == (
                ob.rule_id,
                ob.occurrence,
                ob.trigger,
                ob.version,
            ):
                return other.notes
        return ()  # an occurrence this evaluation never gave: no notes of its own


def _with_parents(catalog: CatalogData, rule_id: str) -> set[str]:
    needed = {rule_id}
    for version in catalog.rules[rule_id].versions:
        if version.arises_when_missed:
            needed |= _with_parents(catalog, version.arises_when_missed)
    return needed


def _evaluate_rule(context: Context, rule: ObligationRule) -> list[Obligation]:
    results: list[Obligation] = []
    claimed: set[int] = set()
    if rule.parents:
        for parent in rule.parents:
            for missed in context.results.get(parent, []):
                if missed.status in (Status.OVERDUE, Status.MET_LATE):
                    results.extend(arising(context, rule, missed, claimed))
        return results
    triggered_by = rule.triggered_by
    for event in context.of_kinds(rule.trigger_kinds):
        for versions in triggered_by[event.kind]:
            version = version_at(versions, event.kind, event.day)
            if version is None:
                # A running measure meets a rule that entered into force after it started:
                # the duty attaches to the age or the year, not to the start of the measure.
                version = entering_after(versions, event.kind, event.day)
                if version is not None and version.earliest:
                    version = None  # an act is judged by the rule in force when it happens
            if version is None:
                continue
            if version.when and not context.holds(version.when, event):
                continue
            entered = (
                version.valid_from
                if version.valid_from and version.valid_from > event.day
                else None
            )
            for ob in occurrences(context, rule, version, event, claimed):
                if version.age is not None and duplicate(ob, results):
                    continue  # one duty per child at one age, however many measures run
                if entered and ob.due is not None and day(ob.due) < entered:
                    continue  # the age was reached before the rule existed
                results.append(ob)
    return results
