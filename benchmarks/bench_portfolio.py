"""Benchmark ``evaluate_portfolio``: throughput with 1 and 2 worker processes, and memory.

Run from the project root::

    python benchmarks/bench_portfolio.py                         # 10,000 cases, workers 1 and 2
    python benchmarks/bench_portfolio.py --size 100000 --workers 2
    python benchmarks/bench_portfolio.py --size 20000 --from-csv  # read from a CSV export

Each run is a fresh subprocess, so its memory peak is its own. The portfolio is
:func:`frister.synthetic.generate_portfolio` (seed 0), generated lazily in the
main process as it is evaluated (as a file would be read), evaluated on
:data:`frister.synthetic.AS_OF`. Printed per run: wall time, cases/s and rows/s,
the CPU seconds of the main process and of the worker processes (on a machine
shared with other work, wall time alone understates what two workers do),
peak resident memory, and the result's own size counted object by object.

It is a report, not a CI gate: it always exits 0.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from array import array
from pathlib import Path
from typing import Any

import frister
from frister.portfolio import PortfolioResult, evaluate_portfolio, read_portfolio, write_portfolio
from frister.synthetic import AS_OF, generate_portfolio


def _deep_size(value: object, seen: set[int]) -> int:
    """Bytes of ``value`` and what it holds, each object counted once."""
    if id(value) in seen:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, array | str | int | bytes):
        return size
    if isinstance(value, dict):
        return size + sum(_deep_size(k, seen) + _deep_size(v, seen) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return size + sum(_deep_size(item, seen) for item in value)
    return size


def result_bytes(result: PortfolioResult) -> int:
    """The result's columns and tables, counted object by object (shared objects once)."""
    table: Any = result._table
    seen: set[int] = set()
    names = [n for n in dir(table) if not n.startswith("__")]
    values = [getattr(table, n) for n in names if not callable(getattr(table, n))]
    return sum(_deep_size(v, seen) for v in values if isinstance(v, array | list | tuple))


def run(size: int, workers: int, from_csv: bool) -> dict[str, Any]:
    """One measurement, in this process."""
    catalog = frister.default_catalog()
    portfolio = generate_portfolio(size, seed=0)
    with tempfile.TemporaryDirectory() as folder:
        if from_csv:
            events, cases = Path(folder) / "events.csv", Path(folder) / "cases.csv"
            started = time.perf_counter()
            write_portfolio(portfolio, events, cases)
            written = time.perf_counter() - started
            portfolio = read_portfolio(events, cases)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        result = evaluate_portfolio(catalog, portfolio, AS_OF, workers=workers)
        wall = time.perf_counter() - started
        own = resource.getrusage(resource.RUSAGE_SELF)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
    rows = len(result.rows)
    return {
        "size": size,
        "workers": workers,
        "from_csv": from_csv,
        "write_csv_s": written if from_csv else None,
        "wall_s": wall,
        "cases_per_s": size / wall,
        "rows_per_s": rows / wall,
        "rows": rows,
        "errors": len(result.errors),
        "main_cpu_s": own.ru_utime + own.ru_stime - cpu.ru_utime - cpu.ru_stime,
        "workers_cpu_s": children.ru_utime + children.ru_stime,
        "peak_rss_mb": own.ru_maxrss / 1024,
        "rss_before_mb": before / 1024,
        "result_mb": result_bytes(result) / 1e6,
        "result_bytes_per_row": result_bytes(result) / max(rows, 1),
        "columns_bytes_per_row": result._table.nbytes() / max(rows, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated, e.g. 1,2")
    parser.add_argument("--from-csv", action="store_true", help="write and read a CSV export")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(args.size, int(args.workers), args.from_csv)))
        return 0
    print(f"frister {frister.__name__} on {os.cpu_count()} CPUs, {args.size:,} synthetic cases")
    results = []
    for workers in (int(w) for w in args.workers.split(",")):
        command = [sys.executable, __file__, "--child", "--size", str(args.size)]
        command += ["--workers", str(workers), *(["--from-csv"] if args.from_csv else [])]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stderr)
            continue
        result = json.loads(done.stdout)
        results.append(result)
        print(
            f"workers={workers}: {result['wall_s']:.1f} s, {result['cases_per_s']:,.0f} cases/s, "
            f"{result['rows_per_s']:,.0f} rows/s ({result['rows']:,} rows, "
            f"{result['errors']} errors); CPU main {result['main_cpu_s']:.1f} s, "
            f"workers {result['workers_cpu_s']:.1f} s; peak RSS {result['peak_rss_mb']:.0f} MB "
            f"(before evaluating {result['rss_before_mb']:.0f} MB); result "
            f"{result['result_mb']:.1f} MB = {result['result_bytes_per_row']:.0f} B/row "
            f"({result['columns_bytes_per_row']:.0f} B/row in the row columns)"
        )
    if len(results) >= 2:
        print(
            f"speed-up workers={results[-1]['workers']}: "
            f"{results[0]['wall_s'] / results[-1]['wall_s']:.2f}x"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
