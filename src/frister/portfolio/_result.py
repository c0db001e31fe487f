"""A portfolio's result: its rows made on access from the compact columns, and its failures."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, overload

import attrs

from frister.case import Status
from frister.portfolio._frame import to_frame
from frister.portfolio._mi_base import Cohort, PeriodLike, as_day
from frister.portfolio._mi_lawfulness import Criteria, Criterion, Lawfulness, lawfulness
from frister.portfolio._mi_lists import FollowupSweep, WorkList, followup_sweep, work_list
from frister.portfolio._mi_rates import (
    STAGE_LINES,
    OnTime,
    StageLine,
    StageTable,
    Trend,
    on_time,
    stage_table,
    trend,
)
from frister.portfolio._mi_report import Report, build_report
from frister.portfolio._rows import STATUSES, CaseFailure, Moment, PortfolioRow, Table

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd

    from frister.catalog import Catalog


class _Rows(Sequence[PortfolioRow]):
    """The result's rows, made on access."""

    __slots__ = ("_table",)

    def __init__(self, table: Table) -> None:
        self._table = table

    def __len__(self) -> int:
        return self._table.row_count

    @overload
    def __getitem__(self, index: int) -> PortfolioRow: ...
    @overload
    def __getitem__(self, index: slice) -> list[PortfolioRow]: ...
    def __getitem__(self, index: int | slice) -> PortfolioRow | list[PortfolioRow]:
        if isinstance(index, slice):
            return [self._table.row(i) for i in range(*index.indices(len(self)))]
        count = len(self)
        position = index + count if index < 0 else index
        if not 0 <= position < count:
            raise IndexError(f"row {index} of {count}")
        return self._table.row(position)

    def __iter__(self) -> Iterator[PortfolioRow]:
        return self._table.iter_rows()

    def __repr__(self) -> str:
        return f"<{len(self)} portfolio rows>"


@attrs.frozen(eq=False)
class PortfolioResult:
    """A portfolio's obligations on ``as_of``: a row per occurrence, and the cases that failed.

    ``rows`` is a sequence made on access from compact columns; ``to_frame()``
    gives a pandas DataFrame. ``cases`` counts the cases evaluated; the cases
    that could not be, with their error, are in ``errors``.
    """

    as_of: Moment
    _table: Table = attrs.field(repr=False, alias="table")
    errors: tuple[CaseFailure, ...] = ()

    @property
    def rows(self) -> Sequence[PortfolioRow]:
        """One row per obligation occurrence, case by case in the portfolio's order."""
        return _Rows(self._table)

    @property
    def cases(self) -> int:
        """The number of cases evaluated (not counting ``errors``)."""
        return len(self._table.case_ids)

    @property
    def case_ids(self) -> Sequence[str]:
        """The ids of the cases evaluated, in order."""
        return tuple(self._table.case_ids)

    @property
    def label_names(self) -> tuple[str, ...]:
        """Every label name some evaluated case has, sorted (the ``label.<name>`` columns)."""
        return tuple(sorted({name for labelset in self._table.labels for name, _ in labelset}))

    def status_counts(self) -> Mapping[Status, int]:
        """How many rows have each status (every status present, zero or more)."""
        column = self._table.status
        return MappingProxyType({s: column.count(code) for code, s in enumerate(STATUSES)})

    def to_frame(self) -> pd.DataFrame:
        """The rows as a pandas DataFrame (the ``frister[pandas]`` extra).

        Repeated texts are categoricals; moment columns hold dates and aware
        datetimes as Python objects (an hour deadline's due is a datetime);
        each label is a column ``label.<name>``.
        """
        return to_frame(self._table)

    # -- management information (docs/udviklere/ledelsesinformation.md) --------------
    #
    # Every figure below is computed from the rows as they stand on ``as_of``; the
    # catalog (default: the bundled one) gives titles, citations and UNVERIFIED marks.

    def on_time(
        self,
        target: str,
        period: PeriodLike,
        *,
        cohort: Cohort = "due",
        by: Sequence[str] = (),
        catalog: Catalog | None = None,
    ) -> OnTime:
        """The on-time rate of a rule id or a stage for a cohort of occurrences in ``period``.

        ``cohort``: ``"due"`` (legal due date in the period; the default, as
        SOFLIS counts follow-ups), ``"fulfilled"`` (done in the period) or
        ``"triggered"`` (triggering event in the period). ``by`` groups on
        ``unit``, ``caseworker``, ``rule_id``, ``stage``, ``measure_type`` or
        ``label.<name>``. The citizen's own deadlines (shape C) are never counted.
        """
        return on_time(self._table, as_day(self.as_of), target, period, cohort, by, catalog)

    def stage_table(
        self,
        period: PeriodLike,
        *,
        cohort: Cohort = "due",
        lines: Sequence[StageLine] = STAGE_LINES,
        lang: str = "da",
        catalog: Catalog | None = None,
    ) -> StageTable:
        """The supervision report's table: per stage, counts, rate and mean days in stage."""
        return stage_table(self._table, as_day(self.as_of), period, cohort, lines, catalog, lang)

    def trend(
        self,
        target: str,
        periods: Sequence[PeriodLike],
        baseline: PeriodLike,
        *,
        cohort: Cohort = "due",
        catalog: Catalog | None = None,
    ) -> Trend:
        """The rate per period and its change in percentage points against ``baseline``."""
        return trend(self._table, as_day(self.as_of), target, periods, baseline, cohort, catalog)

    def overdue(
        self,
        by: Sequence[str] = ("unit", "caseworker"),
        *,
        lang: str = "da",
        catalog: Catalog | None = None,
    ) -> WorkList:
        """Every occurrence overdue on ``as_of``, with days overdue, title and citation.

        The citizen's own deadlines (shape C) are in ``citizen_items``, apart.
        """
        return work_list(self._table, as_day(self.as_of), "overdue", by, None, catalog, lang)

    def upcoming(
        self,
        within: str = "14 dage",
        by: Sequence[str] = ("unit", "caseworker"),
        *,
        lang: str = "da",
        catalog: Catalog | None = None,
    ) -> WorkList:
        """Pending occurrences falling due from ``as_of`` to ``as_of`` + ``within``, days left."""
        return work_list(self._table, as_day(self.as_of), "upcoming", by, within, catalog, lang)

    def followup_sweep(
        self, window: str = "6 måneder", *, lang: str = "da", catalog: Catalog | None = None
    ) -> FollowupSweep:
        """Running measures with no follow-up in ``window`` (a management rule, not law)."""
        return followup_sweep(self._table, as_day(self.as_of), window, catalog, lang)

    def lawfulness(
        self,
        criteria: Criteria | Sequence[Criterion] | str | Path | None = None,
        *,
        lang: str = "da",
        catalog: Catalog | None = None,
    ) -> Lawfulness:
        """Green / yellow / red per case with the findings that decided it.

        ``criteria`` (configuration, not law) default to the bundled example set.
        """
        return lawfulness(self._table, as_day(self.as_of), criteria, catalog, lang)

    def report(
        self,
        period: PeriodLike,
        *,
        periods: Sequence[PeriodLike] | None = None,
        baseline: PeriodLike | None = None,
        within: str = "14 dage",
        window: str = "6 måneder",
        criteria: Criteria | Sequence[Criterion] | str | Path | None = None,
        lang: str = "da",
        catalog: Catalog | None = None,
    ) -> Report:
        """Every table above for ``period``: write it with ``.write("rapport.html")``.

        ``periods`` for the trend default to the five quarters up to the period's
        end, ``baseline`` to the first of them. ``.write`` takes .html (one file,
        inline SVG charts), .xlsx (``frister[excel]``) or .json.
        """
        return build_report(
            self._table,
            as_day(self.as_of),
            self.cases,
            period,
            periods=periods,
            baseline=baseline,
            within=within,
            window=window,
            criteria=criteria,
            lang=lang,
            catalog=catalog,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PortfolioResult):
            return NotImplemented
        return (
            self.as_of == other.as_of
            and self.errors == other.errors
            and self._table.case_ids == other._table.case_ids
            and self._table.ends == other._table.ends
            and all(a == b for a, b in zip(self.rows, other.rows, strict=True))
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"PortfolioResult(as_of={self.as_of.isoformat()}, {self.cases} cases, "
            f"{len(self.rows)} rows, {len(self.errors)} errors)"
        )
