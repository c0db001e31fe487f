"""Evaluating a portfolio: case by case, in this process or in worker processes.

Only one case is held at a time (with workers: a few chunks of cases), and a
case frister rejects (a ``FristerError``) is reported and skipped; any other
exception is a bug and propagates.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from frister.calendar import FIRST_SUPPORTED, LAST_SUPPORTED, DanishCalendar
from frister.catalog import Catalog, load_catalog
from frister.engine import YearReading
from frister.errors import (
    DateOutOfRangeError,
    FristerError,
    InputError,
    InputTypeError,
    NaiveDatetimeError,
    WorkerError,
)
from frister.portfolio._records import CaseRecord, Portfolio, SlicedSource, Unreadable
from frister.portfolio._result import PortfolioResult
from frister.portfolio._rows import CaseFailure, Moment, Table

Progress = Callable[[int, int | None], object]
"""Called as ``progress(done, total)`` while a portfolio is evaluated; ``total`` may be None."""

CHUNK_SIZE = 64
"""Cases sent to a worker process at a time (about a tenth of a second of work)."""

_Item = CaseRecord | CaseFailure
_COPENHAGEN = ZoneInfo("Europe/Copenhagen")


def evaluate_portfolio(
    catalog: Catalog,
    portfolio: Portfolio,
    as_of: date | datetime,
    *,
    workers: int = 1,
    reading: YearReading = YearReading.CALENDAR_YEAR,
    progress: Progress | None = None,
) -> PortfolioResult:
    """Every case's obligations on ``as_of``, a row per occurrence, in the portfolio's order.

    A case frister rejects (an unknown event kind, a fact of the wrong type, a
    bad value in a file) is reported in ``errors`` and the rest are evaluated;
    so is a case id that comes twice (the second time). ``workers=N`` evaluates
    in N processes, with the same result. ``progress(done, total)`` is called
    as cases are done (``total`` is None when the portfolio does not know it).
    """
    _check(catalog, portfolio, workers, reading, progress)
    as_of = check_moment(as_of, "as_of")
    table = Table.for_catalog(catalog)
    errors: list[CaseFailure] = []
    total = portfolio.size
    done = 0
    if workers == 1:
        for item in admitted(portfolio.entries()):
            if isinstance(item, CaseFailure):
                errors.append(item)
            else:
                _evaluate_into(table, errors, catalog, item, as_of, reading)
            done += 1
            if progress is not None:
                progress(done, total)
    else:
        for count, (part, part_errors) in _in_processes(
            catalog, portfolio, as_of, reading, workers
        ):
            table.extend(part)
            errors.extend(part_errors)
            done += count
            if progress is not None:
                progress(done, total)
    return PortfolioResult(as_of, table, tuple(errors))


def check_moment(value: object, field: str) -> Moment:
    """A date, or an aware datetime, in frister's range; an InputError naming ``field``."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise NaiveDatetimeError(
                field, value, "naive datetime: give a time zone (e.g. Europe/Copenhagen)"
            )
        day = value.astimezone(_COPENHAGEN).date()  # the Danish day, as the engine reads it
    elif isinstance(value, date):
        day = value
    else:
        raise InputTypeError(field, value, "expected a date or an aware datetime")
    if not FIRST_SUPPORTED <= day <= LAST_SUPPORTED:
        raise DateOutOfRangeError(
            field, value, f"outside the supported range {FIRST_SUPPORTED}..{LAST_SUPPORTED}"
        )
    return value


def _check(
    catalog: object, portfolio: object, workers: object, reading: object, progress: object
) -> None:
    if not isinstance(catalog, Catalog):
        raise InputTypeError("catalog", catalog, "expected frister.Catalog")
    if not isinstance(portfolio, Portfolio):
        raise InputTypeError("portfolio", portfolio, "expected frister.portfolio.Portfolio")
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 1:
        raise InputError("workers", workers, "expected a whole number of processes, 1 or more")
    if workers > 1 and not catalog.paths:
        raise InputError(
            "workers",
            workers,
            "the catalog was not loaded from rule files, so worker processes cannot load it",
        )
    if not isinstance(reading, YearReading):
        raise InputTypeError("reading", reading, "expected frister.YearReading")
    if progress is not None and not callable(progress):
        raise InputTypeError("progress", progress, "expected a callable(done, total) or None")


def admitted(entries: Iterable[CaseRecord | Unreadable]) -> Iterator[_Item]:
    """The records to evaluate, with a failure in place of an unreadable or repeated case."""
    seen: set[str] = set()
    for entry in entries:
        if isinstance(entry, Unreadable):
            yield CaseFailure.of(entry.case_id, entry.error)
        elif entry.id in seen:
            error = InputError("id", entry.id, "the case id comes twice in the portfolio")
            yield CaseFailure.of(entry.id, error)
        else:
            seen.add(entry.id)
            yield entry


def _evaluate_into(
    table: Table,
    errors: list[CaseFailure],
    catalog: Catalog,
    record: CaseRecord,
    as_of: Moment,
    reading: YearReading,
) -> None:
    try:
        obligations = catalog.evaluate(record.case, as_of, reading=reading)
    except FristerError as error:
        errors.append(CaseFailure.of(record.id, error))
    else:
        table.add(record, obligations, catalog)


def evaluate_items(
    catalog: Catalog, items: Iterable[_Item], as_of: Moment, reading: YearReading
) -> tuple[Table, list[CaseFailure]]:
    """A chunk's table and failures (failures found earlier pass through in place)."""
    table = Table.for_catalog(catalog)
    errors: list[CaseFailure] = []
    for item in items:
        if isinstance(item, CaseFailure):
            errors.append(item)
        else:
            _evaluate_into(table, errors, catalog, item, as_of, reading)
    return table, errors


# -- worker processes -------------------------------------------------------------------


def fingerprint(catalog: Catalog) -> str:
    """A digest of the catalog's rules and vocabulary, to check a worker loaded the same."""
    text = repr((sorted(catalog.rules.items()), sorted(catalog.events.items()), catalog.calendar))
    return hashlib.sha256(text.encode()).hexdigest()


@lru_cache(maxsize=4)
def worker_catalog(paths: tuple[Path, ...], calendar: DanishCalendar, digest: str) -> Catalog:
    """The catalog rebuilt from its rule files, once per process (catalogs do not pickle)."""
    catalog = load_catalog(*paths, bundled=False, calendar=calendar)
    if fingerprint(catalog) != digest:
        names = ", ".join(str(p) for p in paths)
        raise FristerError(
            f"the rule files ({names}) gave another catalog in a worker process than in the "
            "main process: were they changed during the run?"
        )
    return catalog


_worker_source: list[SlicedSource] = []
"""In a worker process, the portfolio's source when it reads its own cases (given as the
worker starts); empty in the main process."""


def _warm(
    paths: tuple[Path, ...], calendar: DanishCalendar, digest: str, source: SlicedSource | None
) -> None:
    """Load the catalog as a worker starts and keep the source it reads cases from; a
    failure is left to the task that needs it (a pool whose initializer raises is broken
    for good, with a less helpful message)."""
    if source is not None:
        _worker_source.append(source)
    with contextlib.suppress(Exception):
        worker_catalog(paths, calendar, digest)


_Chunk = tuple[Table, list[CaseFailure], list[str]]
"""A chunk's table, failures, and (for a source read in the worker) its case ids in order."""


def _evaluate_chunk(
    paths: tuple[Path, ...],
    calendar: DanishCalendar,
    digest: str,
    items: list[_Item] | range,
    as_of: Moment,
    reading: YearReading,
) -> _Chunk:
    """Evaluate the cases sent, or (a range) read those cases from the worker's source."""
    try:
        catalog = worker_catalog(paths, calendar, digest)
        if isinstance(items, range):
            read = list(admitted(_worker_source[0].entries_between(items.start, items.stop)))
            ids = [item.id if isinstance(item, CaseRecord) else item.case_id for item in read]
            return (*evaluate_items(catalog, read, as_of, reading), ids)
        return (*evaluate_items(catalog, items, as_of, reading), [])
    except Exception as error:
        raise portable(error) from None


def portable(error: Exception) -> Exception:
    """``error`` if it survives pickling back to the main process, else a RuntimeError with
    its class and message (one that cannot be unpickled there would be lost)."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # any failure at all: send a plain copy
        return RuntimeError(f"{type(error).__module__}.{type(error).__qualname__}: {error}")
    return error


def _in_processes(
    catalog: Catalog, portfolio: Portfolio, as_of: Moment, reading: YearReading, workers: int
) -> Iterator[tuple[int, tuple[Table, list[CaseFailure]]]]:
    """Chunks evaluated in ``workers`` processes, in order, at most two chunks a worker in
    flight (``Executor.map`` would submit the whole portfolio at once).

    A source that reads any run of its cases (a scanned file, synthetic cases) is
    given to each worker once and the workers read their own cases: this process then
    only collects rows, and two workers run nearly twice as fast as one. Other cases
    are read here and sent in chunks.

    A process pool from ``concurrent.futures`` rather than ``multiprocessing.Pool``: a
    worker that dies (out of memory, killed, or unable to start) fails the run with a
    WorkerError instead of hanging it.
    """
    arguments = (catalog.paths, catalog.calendar, fingerprint(catalog))
    source = portfolio.sliced()
    chunks: Iterator[list[_Item] | range] = (
        _chunks(admitted(portfolio.entries()), CHUNK_SIZE)
        if source is None
        else (
            range(start, min(start + CHUNK_SIZE, len(source)))
            for start in range(0, len(source), CHUNK_SIZE)
        )
    )
    seen: set[str] = set()
    # spawn, not fork: the same on every platform, and safe in a process with threads.
    executor = ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_warm,
        initargs=(*arguments, source),
    )
    pending: deque[tuple[int, Future[_Chunk]]] = deque()

    def collect() -> tuple[int, tuple[Table, list[CaseFailure]]]:
        count, task = pending.popleft()
        table, errors, ids = _result(task, workers)
        for case_id in ids:
            if case_id in seen:
                raise FristerError(
                    f"{source!r} gave the case id {case_id!r} twice; a source read by "
                    "worker processes must give each case once"
                )
            seen.add(case_id)
        return count, (table, errors)

    try:
        for chunk in chunks:
            task = executor.submit(_evaluate_chunk, *arguments, chunk, as_of, reading)
            pending.append((len(chunk), task))
            while len(pending) >= 2 * workers:
                yield collect()
        while pending:
            yield collect()
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _result(task: Future[_Chunk], workers: int) -> _Chunk:
    try:
        return task.result()
    except BrokenProcessPool as error:
        raise WorkerError(
            f"workers={workers}: a worker process stopped before it finished its cases (it "
            "could not start, ran out of memory or was killed). Worker processes start "
            "afresh and import the main module: run from a script file, with the call under "
            '`if __name__ == "__main__":`, or use workers=1'
        ) from error


def _chunks(items: Iterator[_Item], size: int) -> Iterator[list[_Item]]:
    chunk: list[_Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
