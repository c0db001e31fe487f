"""Beyond one machine: a portfolio on a two-process Dask cluster gives evaluate_portfolio's result.

Needs the ``dask`` extra: without it this is skipped on a developer's machine;
in CI (``CI`` set) it fails instead, since CI installs the extra.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date, datetime
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import pytest

import frister
from frister.portfolio import (
    CaseRecord,
    Portfolio,
    evaluate_portfolio,
    write_portfolio,
)
from frister.synthetic import AS_OF, generate_portfolio

CATALOG = frister.default_catalog()


def _require_dask() -> None:
    missing = [m for m in ("dask", "distributed") if find_spec(m) is None]
    if not missing:
        return
    reason = f"the Dask recipe needs the dask extra (pip install -e '.[dask]'); missing {missing}"
    if os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}:
        pytest.fail(f"{reason} (CI is set, so the Dask test must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A local cluster of two worker processes with a thread each, for this module's tests."""
    _require_dask()
    distributed: Any = import_module("distributed")  # untyped: reached through Any
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def bag_of(records: list[CaseRecord], npartitions: int = 1) -> Any:
    """A dask.bag.Bag of the records in ``npartitions`` partitions."""
    dask_bag: Any = import_module("dask.bag")
    return dask_bag.from_sequence(records, npartitions=npartitions)


def _bad(case_id: str) -> CaseRecord:
    event = frister.Event("underretning.modtgaet", date(2024, 3, 22))
    return CaseRecord(case_id, frister.Case([event]))


RECORDS = list(generate_portfolio(80, seed=5))


def test_a_bag_of_records_gives_evaluate_portfolios_result(client: Any) -> None:
    from frister.portfolio.dask import evaluate_bag  # noqa: PLC0415

    records = [*RECORDS[:30], _bad("BAD"), *RECORDS[30:]]
    result = evaluate_bag(CATALOG, bag_of(records, 4), AS_OF)
    assert result == evaluate_portfolio(CATALOG, Portfolio(records), AS_OF)
    assert [f.case_id for f in result.errors] == ["BAD"]
    # Both workers took part.
    assert len(client.scheduler_info()["workers"]) == 2


def test_files_are_read_and_evaluated_on_the_workers(client: Any, tmp_path: Path) -> None:
    from frister.portfolio.dask import evaluate_files  # noqa: PLC0415

    first, second = RECORDS[:40], RECORDS[40:]
    write_portfolio(Portfolio(first), tmp_path / "a.csv", tmp_path / "a-cases.csv")
    write_portfolio(Portfolio(second), tmp_path / "b.jsonl", tmp_path / "b-cases.jsonl")
    files: list[str | Path | tuple[str | Path, str | Path | None]] = [
        (tmp_path / "a.csv", tmp_path / "a-cases.csv"),
        (tmp_path / "b.jsonl", str(tmp_path / "b-cases.jsonl")),
    ]
    result = evaluate_files(CATALOG, files, AS_OF)
    assert result == evaluate_portfolio(CATALOG, Portfolio(RECORDS), AS_OF)


def test_a_case_in_two_partitions_is_an_error(client: Any) -> None:
    from frister.portfolio.dask import evaluate_bag  # noqa: PLC0415

    records = [RECORDS[0], RECORDS[1], RECORDS[0]]
    with pytest.raises(frister.InputError, match="two partitions"):
        evaluate_bag(CATALOG, bag_of(records, 3), AS_OF)


class Explosive(str):
    """A text that breaks when compared: a bug outside frister's input checks."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        raise RuntimeError("boom")

    __hash__ = str.__hash__


def test_a_bug_on_a_worker_reaches_the_client(client: Any) -> None:
    from frister.portfolio.dask import evaluate_bag  # noqa: PLC0415

    facts = {"underretning_id": "U9", "underretter": Explosive("fagperson")}
    event = frister.Event("underretning.modtaget", date(2024, 3, 22), facts)
    records = [RECORDS[0], CaseRecord("X", frister.Case([event]))]
    with pytest.raises(RuntimeError, match="boom"):
        evaluate_bag(CATALOG, bag_of(records, 2), AS_OF)


def test_the_arguments_are_checked() -> None:
    _require_dask()
    from frister.portfolio.dask import evaluate_bag, evaluate_files  # noqa: PLC0415

    with pytest.raises(frister.InputTypeError):
        evaluate_bag(CATALOG, RECORDS[:1], AS_OF)
    with pytest.raises(frister.NaiveDatetimeError):
        evaluate_bag(CATALOG, bag_of(RECORDS[:1]), datetime(2024, 6, 30, 12))
    with pytest.raises(frister.InputError):
        evaluate_files(CATALOG, [], AS_OF)
