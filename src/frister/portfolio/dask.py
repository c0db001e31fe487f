"""Beyond one machine: a portfolio evaluated on a Dask cluster (the ``frister[dask]`` extra).

Each partition is evaluated on a worker into a compact result part; the parts
come back to the client in partition order and are joined into one
:class:`~frister.portfolio.PortfolioResult`, the same as ``evaluate_portfolio``
gives for the cases in that order. A catalog does not pickle, so each worker
process loads it once from the catalog's rule files (they must be readable at
the same paths on every worker) and checks it is the same catalog.

Two ways in:

- :func:`evaluate_bag`: a ``dask.bag.Bag`` of :class:`~frister.portfolio.CaseRecord`
  (records pickle), for cases already in a Dask pipeline;
- :func:`evaluate_files`: case-system exports split into files (by unit, by
  case id range, ...), each read by the worker that evaluates it, so the
  cases never pass through the client.

The computation runs on Dask's current scheduler: a ``distributed.Client`` if
one is active, else Dask's local default.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from frister.calendar import DanishCalendar
from frister.catalog import Catalog
from frister.engine import YearReading
from frister.errors import InputError, InputTypeError
from frister.portfolio._evaluation import (
    admitted,
    check_moment,
    evaluate_items,
    fingerprint,
    portable,
    worker_catalog,
)
from frister.portfolio._extras import require
from frister.portfolio._records import CaseRecord, Unreadable
from frister.portfolio._result import PortfolioResult
from frister.portfolio._rows import CaseFailure, Moment, Table

__all__ = ["evaluate_bag", "evaluate_files"]

_Part = tuple[Table, list[CaseFailure]]


def evaluate_bag(
    catalog: Catalog,
    bag: Any,
    as_of: date | datetime,
    *,
    reading: YearReading = YearReading.CALENDAR_YEAR,
) -> PortfolioResult:
    """Evaluate a ``dask.bag.Bag`` of CaseRecords, a partition per task; rows in bag order.

    A case frister rejects is reported in ``errors``; a case id in two
    partitions is an InputError (within one, the second is reported).
    """
    db = require("dask.bag", "dask", "frister.portfolio.dask")
    if not isinstance(bag, db.Bag):
        raise InputTypeError("bag", bag, "expected a dask.bag.Bag of frister.portfolio.CaseRecord")
    as_of = _check(catalog, as_of, reading)
    arguments = (catalog.paths, catalog.calendar, fingerprint(catalog), as_of, reading)
    parts = bag.map_partitions(_records_part, *arguments).compute()
    return _joined(catalog, as_of, parts)


def evaluate_files(
    catalog: Catalog,
    files: Sequence[str | Path | tuple[str | Path, str | Path | None]],
    as_of: date | datetime,
    *,
    reading: YearReading = YearReading.CALENDAR_YEAR,
) -> PortfolioResult:
    """Evaluate exports split into files, a file (an event table, or an event table and its
    case table) per task, each read on its worker; rows in the order of ``files``."""
    db = require("dask.bag", "dask", "frister.portfolio.dask")
    as_of = _check(catalog, as_of, reading)
    pairs = [_pair(item, f"files[{i}]") for i, item in enumerate(files)]
    if not pairs:
        raise InputError("files", files, "expected at least one file")
    arguments = (catalog.paths, catalog.calendar, fingerprint(catalog), as_of, reading)
    bag = db.from_sequence(pairs, npartitions=len(pairs))
    parts = bag.map_partitions(_files_part, *arguments).compute()
    return _joined(catalog, as_of, parts)


def _check(catalog: object, as_of: object, reading: object) -> Moment:
    if not isinstance(catalog, Catalog):
        raise InputTypeError("catalog", catalog, "expected frister.Catalog")
    if not catalog.paths:
        raise InputError(
            "catalog", catalog, "not loaded from rule files, so Dask workers cannot load it"
        )
    if not isinstance(reading, YearReading):
        raise InputTypeError("reading", reading, "expected frister.YearReading")
    return check_moment(as_of, "as_of")


def _pair(item: object, field: str) -> tuple[str, str | None]:
    events, cases = item if isinstance(item, tuple) else (item, None)
    for value in (events, cases):
        if value is not None and not isinstance(value, str | Path):
            raise InputTypeError(field, item, "expected a path or (events path, cases path)")
    return str(events), None if cases is None else str(cases)


def _records_part(
    records: Iterable[CaseRecord | Unreadable],
    paths: tuple[Path, ...],
    calendar: DanishCalendar,
    digest: str,
    as_of: Moment,
    reading: YearReading,
) -> list[_Part]:
    """One partition of records, evaluated on a worker."""
    try:
        catalog = worker_catalog(paths, calendar, digest)
        return [evaluate_items(catalog, admitted(list(records)), as_of, reading)]
    except Exception as error:
        raise portable(error) from None


def _files_part(
    pairs: Iterable[tuple[str, str | None]],
    paths: tuple[Path, ...],
    calendar: DanishCalendar,
    digest: str,
    as_of: Moment,
    reading: YearReading,
) -> list[_Part]:
    """One partition of files, read and evaluated on a worker, a case at a time."""
    from frister.portfolio._tables import read_portfolio  # noqa: PLC0415 - on the worker

    try:
        catalog = worker_catalog(paths, calendar, digest)
        parts = []
        for events, cases in pairs:
            portfolio = read_portfolio(events, cases, catalog=catalog)
            parts.append(evaluate_items(catalog, admitted(portfolio.entries()), as_of, reading))
        return parts
    except Exception as error:
        raise portable(error) from None


def _joined(catalog: Catalog, as_of: Moment, parts: Iterable[_Part]) -> PortfolioResult:
    table = Table.for_catalog(catalog)
    errors: list[CaseFailure] = []
    seen: set[str] = set()
    for part, part_errors in parts:
        for case_id in part.case_ids:
            if case_id in seen:
                raise InputError("case_id", case_id, "the case id is in two partitions")
            seen.add(case_id)
        table.extend(part)
        errors.extend(part_errors)
    return PortfolioResult(as_of, table, tuple(errors))
