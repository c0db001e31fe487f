"""Benchmark management information: each MI call on an evaluated portfolio, timed apart.

Run from the project root::

    python benchmarks/bench_mi.py                      # 10,000 cases
    python benchmarks/bench_mi.py --size 100000        # the issue's size: a few minutes
    python benchmarks/bench_mi.py --size 100000 --workers 2 --keep /tmp/mi-100k.pickle

The portfolio is :func:`frister.synthetic.generate_portfolio` (seed 0),
evaluated once on :data:`frister.synthetic.AS_OF` (timed, but not an MI call);
``--keep FILE`` pickles the result and reuses it on the next run. Then every MI
call runs once in this process, on one core, and its wall time is printed
against the target of one minute per call (issue 8). The report outputs (HTML,
Excel, JSON) are written to a temporary folder; Excel needs ``frister[excel]``.

It is a report, not a CI gate: it always exits 0.
"""

from __future__ import annotations

import argparse
import math
import pickle
import resource
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import frister
from frister.portfolio import PortfolioResult, evaluate_portfolio, quarters
from frister.synthetic import AS_OF, generate_portfolio

TARGET_S = 60.0
PERIOD = "2026Q2"


def _evaluated(size: int, workers: int, keep: Path | None) -> tuple[PortfolioResult, float]:
    if keep is not None and keep.exists():
        started = time.perf_counter()
        result: PortfolioResult = pickle.loads(keep.read_bytes())
        if result.cases == size:
            print(f"read {keep} in {time.perf_counter() - started:.1f} s")
            return result, float("nan")
    catalog = frister.default_catalog()
    started = time.perf_counter()
    result = evaluate_portfolio(catalog, generate_portfolio(size, seed=0), AS_OF, workers=workers)
    wall = time.perf_counter() - started
    if keep is not None:
        keep.write_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    return result, wall


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1, help="for the evaluation only")
    parser.add_argument("--keep", type=Path, help="pickle the evaluated result here and reuse it")
    args = parser.parse_args()

    result, evaluation = _evaluated(args.size, args.workers, args.keep)
    catalog = frister.default_catalog()
    catalog.versions_by_id  # noqa: B018 - warm the catalog's lookups outside the timings
    print(
        f"{result.cases:,} cases, {len(result.rows):,} rows; evaluation "
        f"{evaluation:.1f} s with workers={args.workers}; peak RSS {_peak_mib():.0f} MiB"
    )
    report_holder: list[Any] = []

    def report() -> object:
        built = result.report(PERIOD)
        report_holder.append(built)
        return built

    calls: list[tuple[str, Callable[[], object]]] = [
        (
            "on_time(undersoegelse.afslutning, due)",
            lambda: result.on_time("undersoegelse.afslutning", PERIOD),
        ),
        (
            "on_time(opfoelgning, fulfilled)",
            lambda: result.on_time("opfoelgning", PERIOD, cohort="fulfilled"),
        ),
        (
            "on_time(stage undersoegelse, triggered)",
            lambda: result.on_time("undersoegelse", PERIOD, cohort="triggered"),
        ),
        (
            "on_time(opfoelgning, by unit, caseworker)",
            lambda: result.on_time("opfoelgning", PERIOD, by=("unit", "caseworker")),
        ),
        (
            "on_time(opfoelgning, by measure_type)",
            lambda: result.on_time("opfoelgning", "2025", by=("measure_type",)),
        ),
        ("stage_table", lambda: result.stage_table(PERIOD)),
        (
            "trend(opfoelgning, 8 quarters)",
            lambda: result.trend("opfoelgning", quarters("2024Q3", "2026Q2"), baseline="2024Q3"),
        ),
        ("overdue(by unit, caseworker)", result.overdue),
        ("upcoming(14 dage)", lambda: result.upcoming("14 dage")),
        ("followup_sweep(6 måneder)", result.followup_sweep),
        ("lawfulness(default criteria)", result.lawfulness),
        (
            "investigation_plan x 1,000 days",
            lambda: [
                frister.investigation_plan(
                    catalog, date.fromordinal(date(2024, 1, 1).toordinal() + i)
                )
                for i in range(1000)
            ],
        ),
        ("report(2026Q2): every table", report),
    ]
    timings: list[tuple[str, float, str]] = []
    for name, call in calls:
        started = time.perf_counter()
        value = call()
        timings.append((name, time.perf_counter() - started, _size(value)))
    with tempfile.TemporaryDirectory() as folder:
        built = report_holder[0]
        for suffix in (".html", ".json", ".xlsx"):
            started = time.perf_counter()
            try:
                path = built.write(Path(folder) / f"rapport{suffix}")
            except frister.FristerError as error:  # no openpyxl: say so, go on
                timings.append((f"report.write({suffix})", float("nan"), str(error)[:40]))
                continue
            size = f"{path.stat().st_size / 1e6:.1f} MB"
            timings.append((f"report.write({suffix})", time.perf_counter() - started, size))

    print(f"\n{'call':<44} {'s':>8}  {'result':<22} target {TARGET_S:.0f} s")
    for name, seconds, what in timings:
        verdict = "-" if math.isnan(seconds) else ("PASS" if seconds < TARGET_S else "FAIL")
        print(f"{name:<44} {seconds:8.2f}  {what:<22} {verdict}")
    print(f"\npeak RSS {_peak_mib():.0f} MiB")


def _size(value: object) -> str:
    for attr in ("items", "cases", "rows", "groups", "points", "steps"):
        held = getattr(value, attr, None)
        if isinstance(held, tuple) and held:
            return f"{len(held):,} {attr}"
    if isinstance(value, list):
        return f"{len(value):,} plans"
    total = getattr(value, "total", None)
    if total is not None:
        return f"{total.denominator:,} counted"
    return type(value).__name__


if __name__ == "__main__":
    main()
