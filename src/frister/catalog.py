"""The catalog: the Danish rules as data, with the entry points that compute with them.

:class:`Catalog` is the rule data of :mod:`frister.rules` plus the contract's
methods (``due``, ``evaluate``, ``evaluate_portfolio``), each a thin call into
the engine, so the data layer knows nothing of the engine above it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from frister.calendar import DanishCalendar
from frister.case import Case, Obligation
from frister.engine import (
    FactRequirement,
    Readings,
    RuleDeadline,
    YearReading,
    evaluate,
    obligation_readings,
    rule_deadline,
    rule_requirements,
)
from frister.rules._catalog import CatalogData, bundled_paths, load

if TYPE_CHECKING:
    from frister.portfolio import Portfolio, PortfolioResult, Progress


@attrs.frozen(repr=False)
class Catalog(CatalogData):
    """Obligations with their law versions, the event vocabulary and the calendar they use."""

    def due(
        self,
        rule_id: str,
        trigger: date | datetime | str,
        facts: Mapping[str, Any] | None = None,
    ) -> RuleDeadline:
        """The deadline of ``rule_id`` for a trigger at ``trigger`` with the given facts.

        ``facts`` are facts of the triggering event, plus case facts such as
        ``foedselsdato`` for the rules that need them. The version is the one in
        force on the trigger's day whose conditions the facts meet; it is replaced
        by its successor when the due date falls after it ended (Barnets lov § 213).
        """
        return rule_deadline(self, rule_id, trigger, facts)

    def requirements(self, rule_id: str) -> tuple[FactRequirement, ...]:
        """The facts ``rule_id`` reads (its conditions, due-date and link facts, the birth
        date of an age rule), each with its type, allowed values and which version reads it."""
        return rule_requirements(self, rule_id)

    def evaluate(
        self,
        case: Case,
        as_of: date | datetime | str,
        *,
        reading: YearReading = YearReading.CALENDAR_YEAR,
    ) -> list[Obligation]:
        """The obligations ``case`` gave rise to, each with its status on ``as_of``.

        ``reading`` says how "at least twice a year" is read: calendar years (the
        default) or 12-month periods from the start of the measure.
        """
        return evaluate(self, case, as_of, reading)

    def readings(
        self, case: Case, obligation: Obligation, as_of: date | datetime | None = None
    ) -> Readings:
        """``obligation``'s due date under every reading of each open question that
        touches it, and the safe date (``readings.safe_due``), as :attr:`RuleDeadline.readings`.

        Computed only when asked, by evaluating ``case`` again under each reading (only
        the obligation's rule), so ``evaluate`` pays nothing for it. ``as_of`` defaults to
        the obligation's own.
        """
        moment = obligation.as_of if as_of is None else as_of
        return obligation_readings(self, case, obligation, moment)

    def evaluate_portfolio(
        self,
        portfolio: Portfolio,
        as_of: date | datetime,
        *,
        workers: int = 1,
        reading: YearReading = YearReading.CALENDAR_YEAR,
        progress: Progress | None = None,
    ) -> PortfolioResult:
        """Every case of ``portfolio`` evaluated on ``as_of``: one row per obligation occurrence.

        It streams (one case at a time; with ``workers`` > 1, in that many processes) and a
        case with bad input is reported in ``result.errors`` while the others are evaluated.
        See :func:`frister.portfolio.evaluate_portfolio`.
        """
        # The portfolio layer sits above the catalog; this contract method reaches up to it.
        from frister.portfolio import evaluate_portfolio  # noqa: PLC0415

        return evaluate_portfolio(
            self, portfolio, as_of, workers=workers, reading=reading, progress=progress
        )

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as the files and calendar it was loaded from (for worker processes)."""
        return (_reload, (self.paths, self.calendar))


def _reload(paths: tuple[Path, ...], calendar: DanishCalendar) -> Catalog:
    return load(Catalog, paths, calendar)


def load_catalog(
    *paths: str | Path, bundled: bool = True, calendar: DanishCalendar | None = None
) -> Catalog:
    """A catalog from rule files of your own, on top of the bundled ones (or alone)."""
    first = bundled_paths() if bundled else []
    return load(Catalog, [*first, *(Path(p) for p in paths)], calendar or DanishCalendar())


@cache
def default_catalog() -> Catalog:
    """The bundled Danish rules, loaded and checked once."""
    return load(Catalog, bundled_paths(), DanishCalendar())
