"""On-time rates: for one rule or stage, per period, per group, per stage and over time."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs

from frister.catalog import Catalog
from frister.errors import InputError, InputTypeError
from frister.portfolio._mi_base import (
    COHORTS,
    Cohort,
    Period,
    PeriodLike,
    Tabular,
    case_of_rows,
    catalog_or_default,
    check_by,
    day_of,
    key_getter,
    sort_key,
    to_period,
    unverified,
)
from frister.portfolio._rows import Table
from frister.rules import Shape

# Status codes in the table: the order of frister.Status.
_PENDING, _MET, _MET_LATE, _OVERDUE, _ENDED = range(5)
# Shapes whose occurrence runs from its trigger to its fulfilment (mean days in stage):
# not recurring ones (every occurrence has the measure's start as trigger), not
# frequencies, not preconditions (fulfilled before their trigger).
_TIMED = frozenset({Shape.D, Shape.A})


@attrs.frozen
class OnTimeCounts:
    """Occurrences by status on the as-of date; the rate is met / (met + met late + overdue).

    ``ended`` (the measure stopped before the occurrence was done) and
    ``not_yet_due`` (pending) are counted but outside the denominator.
    """

    met: int = 0
    met_late: int = 0
    overdue: int = 0
    ended: int = 0
    not_yet_due: int = 0

    @property
    def denominator(self) -> int:
        """met + met_late + overdue: the occurrences that have a verdict."""
        return self.met + self.met_late + self.overdue

    @property
    def total(self) -> int:
        """Every occurrence counted, whatever its status."""
        return self.denominator + self.ended + self.not_yet_due

    @property
    def rate(self) -> float | None:
        """The share met on time, or None when the denominator is 0."""
        return self.met / self.denominator if self.denominator else None

    def __add__(self, other: OnTimeCounts) -> OnTimeCounts:
        return OnTimeCounts(
            self.met + other.met,
            self.met_late + other.met_late,
            self.overdue + other.overdue,
            self.ended + other.ended,
            self.not_yet_due + other.not_yet_due,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "met": self.met,
            "met_late": self.met_late,
            "overdue": self.overdue,
            "ended": self.ended,
            "not_yet_due": self.not_yet_due,
            "denominator": self.denominator,
            "rate": self.rate,
        }


def _counts(tally: list[int]) -> OnTimeCounts:
    return OnTimeCounts(
        met=tally[_MET],
        met_late=tally[_MET_LATE],
        overdue=tally[_OVERDUE],
        ended=tally[_ENDED],
        not_yet_due=tally[_PENDING],
    )


@attrs.frozen
class OnTimeGroup:
    """One group's counts: ``key`` holds the values of the ``by`` keys, in order."""

    key: tuple[str | None, ...]
    counts: OnTimeCounts


@attrs.frozen
class OnTime(Tabular):
    """The on-time rate of ``target`` (a rule id or a stage) for a cohort of occurrences.

    The cohort says which occurrences are counted, and so what the rate
    means: ``due`` (legal due date in the period; status is judged against it),
    ``fulfilled`` (done in the period) or ``triggered`` (triggering event in the
    period). Status is
    as on ``as_of``. The citizen's own deadlines (shape C) and occurrences with
    no due date are never counted.
    """

    target: str
    rule_ids: tuple[str, ...]
    cohort: Cohort
    period: Period
    as_of: date
    by: tuple[str, ...]
    total: OnTimeCounts
    groups: tuple[OnTimeGroup, ...]
    version_ids: tuple[str, ...]
    """The law versions behind the counted occurrences."""
    unverified: tuple[str, ...]
    """Those of ``version_ids`` the research marks UNVERIFIED."""
    mean_days: float | None = None
    """Mean days from trigger to fulfilment over the occurrences met (on time or late);
    only for deadlines after a trigger (shapes D and A), else None."""

    @property
    def rate(self) -> float | None:
        """The whole cohort's rate."""
        return self.total.rate

    def group(self, *key: str | None) -> OnTimeCounts:
        """The counts of one group (zero counts if it has no occurrences)."""
        for g in self.groups:
            if g.key == key:
                return g.counts
        return OnTimeCounts()

    def records(self) -> list[dict[str, Any]]:
        groups = self.groups if self.by else (OnTimeGroup((), self.total),)
        return [{**dict(zip(self.by, g.key, strict=True)), **g.counts.as_dict()} for g in groups]

    def columns(self) -> tuple[str, ...]:
        return (*self.by, *OnTimeCounts().as_dict())

    def meta(self) -> dict[str, Any]:
        return {
            "table": "on_time",
            "target": self.target,
            "rule_ids": self.rule_ids,
            "cohort": self.cohort,
            "period": self.period.to_json(),
            "as_of": self.as_of,
            "by": self.by,
            "total": self.total.as_dict(),
            "mean_days": self.mean_days,
            "version_ids": self.version_ids,
            "unverified": self.unverified,
        }


def rule_codes(table: Table, target: str) -> tuple[set[int], tuple[str, ...]]:
    """The table's rule codes for a rule id or a stage (never shape C), and their ids."""
    if not isinstance(target, str):
        raise InputTypeError("target", target, "expected a rule id or a stage")
    by_rule = [c for c, (rid, _, _) in enumerate(table.rules) if rid == target]
    if by_rule and all(table.rules[c][2] is Shape.C for c in by_rule):
        raise InputError(
            "target",
            target,
            "is the citizen's own deadline (shape C), not the municipality's to meet",
        )
    codes = by_rule or [c for c, (_, stage, _) in enumerate(table.rules) if stage == target]
    codes = [c for c in codes if table.rules[c][2] is not Shape.C]
    if not codes:
        stages = sorted({stage for _, stage, _ in table.rules})
        known = ", ".join(stages)
        raise InputError("target", target, f"not a rule id or a stage (stages: {known})")
    return set(codes), tuple(dict.fromkeys(table.rules[c][0] for c in codes))


def cohort_column(table: Table, cohort: str) -> list[int]:
    if cohort not in COHORTS:
        raise InputError("cohort", cohort, f"expected one of {', '.join(COHORTS)}")
    if cohort == "fulfilled":
        return list(table.fulfilled_at)
    if cohort == "triggered":
        return list(table.trigger_at)
    return list(table.due)


def count(
    table: Table,
    codes: set[int],
    types: set[int] | None,
    period: Period,
    column: list[int],
    by: tuple[str, ...],
    cases: list[int] | None,
) -> tuple[dict[tuple[str | None, ...], list[int]], set[int], list[int]]:
    """Status tallies per group, the version codes seen, and [day sum, day count] of the met."""
    first, last = period.start.toordinal(), period.end.toordinal()
    rule, status, due, types_col = table.rule, table.status, table.due, table.measure_type
    fulfilled, trigger, version = table.fulfilled_at, table.trigger_at, table.version
    getter = key_getter(table, by) if by else None
    timed = {c for c in codes if table.rules[c][2] in _TIMED}
    tallies: dict[tuple[str | None, ...], list[int]] = {}
    versions: set[int] = set()
    days = [0, 0]
    whole = tallies.setdefault((), [0] * 5) if getter is None else None
    for i, code in enumerate(rule):
        if code not in codes or due[i] == 0:
            continue
        if types is not None and types_col[i] not in types:
            continue
        day = day_of(column[i])
        if not first <= day <= last:
            continue
        s = status[i]
        if whole is not None:
            whole[s] += 1
        else:
            assert getter is not None and cases is not None
            key = getter(i, cases[i])
            tally = tallies.get(key)
            if tally is None:
                tally = tallies[key] = [0] * 5
            tally[s] += 1
        versions.add(version[i])
        if s in (_MET, _MET_LATE) and code in timed:
            days[0] += day_of(fulfilled[i]) - day_of(trigger[i])
            days[1] += 1
    return tallies, versions, days


def on_time(
    table: Table,
    as_of: date,
    target: str,
    period: PeriodLike,
    cohort: Cohort = "due",
    by: Sequence[str] = (),
    catalog: Catalog | None = None,
    *,
    types: frozenset[str] | None = None,
) -> OnTime:
    catalog = catalog_or_default(catalog)
    codes, rule_ids = rule_codes(table, target)
    span = to_period(period)
    keys = check_by(by)
    column = cohort_column(table, cohort)
    type_codes = None if types is None else {c for c, t in enumerate(table.types) if t in types}
    cases = case_of_rows(table) if keys else None
    tallies, versions, days = count(table, codes, type_codes, span, column, keys, cases)
    groups = tuple(
        OnTimeGroup(key, _counts(tally))
        for key, tally in sorted(tallies.items(), key=lambda kv: sort_key(kv[0]))
    )
    total = OnTimeCounts()
    for g in groups:
        total += g.counts
    version_ids = tuple(sorted(table.versions[v] for v in versions))
    return OnTime(
        target=target,
        rule_ids=rule_ids,
        cohort=cohort,
        period=span,
        as_of=as_of,
        by=keys,
        total=total,
        groups=groups if keys else (),
        version_ids=version_ids,
        unverified=unverified(catalog, version_ids),
        mean_days=days[0] / days[1] if days[1] else None,
    )


# -- the supervision report's stage table -----------------------------------------------


@attrs.frozen
class StageLine:
    """One line of the stage table: which rules, optionally which measure types, and its names."""

    key: str
    da: str
    en: str
    rules: tuple[str, ...]
    types: frozenset[str] | None = None


_PREVENTIVE = frozenset({"stoettende-indsats"})
_PLACEMENT = frozenset({"anbringelse", "anbringelse-med-samtykke", "anbringelse-uden-samtykke"})
_PLANS = ("plan.foer-afgoerelse", "plan.efter-afgoerelse")

STAGE_LINES: tuple[StageLine, ...] = (
    StageLine(
        "underretning.vurdering",
        "Underretning: vurdering",
        "Notification: assessment",
        ("underretning.vurdering",),
    ),
    StageLine(
        "underretning.kvittering",
        "Underretning: kvittering",
        "Notification: acknowledgement",
        ("underretning.kvittering",),
    ),
    StageLine(
        "undersoegelse",
        "Børnefaglig undersøgelse",
        "Child-welfare investigation",
        ("undersoegelse.afslutning",),
    ),
    StageLine(
        "handleplan.forebyggelse",
        "Handleplan: forebyggelse",
        "Plan: preventive measures",
        _PLANS,
        _PREVENTIVE,
    ),
    StageLine(
        "handleplan.anbringelse", "Handleplan: anbringelse", "Plan: placements", _PLANS, _PLACEMENT
    ),
    StageLine(
        "opfoelgning.forebyggelse",
        "Opfølgning: forebyggelse",
        "Follow-up: preventive measures",
        ("opfoelgning",),
        _PREVENTIVE,
    ),
    StageLine(
        "opfoelgning.anbringelse",
        "Opfølgning: anbringelse",
        "Follow-up: placements",
        ("opfoelgning",),
        _PLACEMENT,
    ),
    StageLine(
        "tilsyn",
        "Personrettet tilsyn",
        "Supervision of the placed child",
        ("tilsyn.samtale-anbragt",),
    ),
)
"""The lines of the supervision report's table (Copenhagen's management supervision).

The measure type is the triggering event's ``type`` fact (``stoettende-indsats``
for preventive measures; ``anbringelse…`` for placements).
"""


@attrs.frozen
class StageRow:
    """One line of the stage table with its counts and mean days in stage."""

    line: StageLine
    counts: OnTimeCounts
    mean_days: float | None
    version_ids: tuple[str, ...]
    unverified: tuple[str, ...]


@attrs.frozen
class StageTable(Tabular):
    """Per stage: counts, the on-time rate and the mean days from trigger to fulfilment."""

    period: Period
    cohort: Cohort
    as_of: date
    rows: tuple[StageRow, ...]
    lang: str = "da"

    def row(self, key: str) -> StageRow:
        """The line with this key ('undersoegelse', 'opfoelgning.anbringelse', …)."""
        for r in self.rows:
            if r.line.key == key:
                return r
        raise InputError("key", key, f"lines are {', '.join(r.line.key for r in self.rows)}")

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "stage": r.line.key,
                "name": r.line.da if self.lang == "da" else r.line.en,
                **r.counts.as_dict(),
                "mean_days": None if r.mean_days is None else round(r.mean_days, 1),
                "unverified": r.unverified,
            }
            for r in self.rows
        ]

    def meta(self) -> dict[str, Any]:
        return {
            "table": "stage_table",
            "cohort": self.cohort,
            "period": self.period.to_json(),
            "as_of": self.as_of,
            "unverified": tuple(sorted({v for r in self.rows for v in r.unverified})),
        }


def stage_table(
    table: Table,
    as_of: date,
    period: PeriodLike,
    cohort: Cohort = "due",
    lines: Sequence[StageLine] = STAGE_LINES,
    catalog: Catalog | None = None,
    lang: str = "da",
) -> StageTable:
    catalog = catalog_or_default(catalog)
    span = to_period(period)
    column = cohort_column(table, cohort)
    rows = []
    for line in lines:
        if not isinstance(line, StageLine):
            raise InputTypeError("lines", line, "expected StageLine entries")
        codes = {c for c, (rid, _, _) in enumerate(table.rules) if rid in line.rules}
        types = (
            None
            if line.types is None
            else {c for c, t in enumerate(table.types) if t in line.types}
        )
        tallies, versions, days = count(table, codes, types, span, column, (), None)
        version_ids = tuple(sorted(table.versions[v] for v in versions))
        rows.append(
            StageRow(
                line,
                _counts(tallies[()]),
                days[0] / days[1] if days[1] else None,
                version_ids,
                unverified(catalog, version_ids),
            )
        )
    return StageTable(span, cohort, as_of, tuple(rows), check_lang(lang))


def check_lang(lang: str) -> str:
    if lang not in ("da", "en"):
        raise InputError("lang", lang, "expected 'da' or 'en'")
    return lang


# -- trend -------------------------------------------------------------------------------


@attrs.frozen
class TrendPoint:
    """One period's counts, rate and change against the baseline in percentage points."""

    period: Period
    counts: OnTimeCounts
    change_pp: float | None


@attrs.frozen
class Trend(Tabular):
    """The rate of ``target`` per period against a baseline period."""

    target: str
    cohort: Cohort
    as_of: date
    baseline: Period
    baseline_counts: OnTimeCounts
    points: tuple[TrendPoint, ...]
    unverified: tuple[str, ...]

    def records(self) -> list[dict[str, Any]]:
        return [
            {
                "period": p.period.label,
                **p.counts.as_dict(),
                "change_pp": None if p.change_pp is None else round(p.change_pp, 1),
            }
            for p in self.points
        ]

    def meta(self) -> dict[str, Any]:
        return {
            "table": "trend",
            "target": self.target,
            "cohort": self.cohort,
            "as_of": self.as_of,
            "baseline": self.baseline.to_json(),
            "baseline_rate": self.baseline_counts.rate,
            "unverified": self.unverified,
        }


def trend(
    table: Table,
    as_of: date,
    target: str,
    periods: Sequence[PeriodLike],
    baseline: PeriodLike,
    cohort: Cohort = "due",
    catalog: Catalog | None = None,
) -> Trend:
    if isinstance(periods, str) or not isinstance(periods, Sequence) or not periods:
        raise InputTypeError("periods", periods, "expected a non-empty sequence of periods")
    spans = [to_period(p, "periods") for p in periods]
    base = on_time(table, as_of, target, baseline, cohort, (), catalog)
    points = []
    marks = set(base.unverified)
    for span in spans:
        result = on_time(table, as_of, target, span, cohort, (), catalog)
        marks.update(result.unverified)
        rate, base_rate = result.rate, base.rate
        change = None if rate is None or base_rate is None else (rate - base_rate) * 100
        points.append(TrendPoint(span, result.total, change))
    marked = tuple(sorted(marks))
    return Trend(target, cohort, as_of, base.period, base.total, tuple(points), marked)
