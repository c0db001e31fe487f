"""Benchmark case evaluation: ``catalog.evaluate`` over synthetic portfolios of growing size.

Run from the project root after ``pip install -e '.[bench]'``::

    python benchmarks/bench_engine.py                          # 1,000 and 10,000 cases
    python benchmarks/bench_engine.py --sizes 1000,10000,100000

Each size runs in a fresh subprocess, so its memory peak is its own. There the
cases of :func:`frister.synthetic.generate_portfolio` (seed 0) are first
generated into a list (timed apart), then evaluated one by one with
``catalog.evaluate(case, AS_OF)`` in one process on one core. The script
prints obligations/s against the team's target of 100,000, cases/s,
obligations per case, the cost per case relative to the smallest size (1.00
means linear), and the process's peak resident memory after loading, after
generating and after evaluating. ``evaluate_portfolio`` (the catalog's method
if it has one, else ``frister.portfolio``'s) is timed with workers=1 and
workers=2 as well, when it exists.

The script is a report, not a CI gate: it prints PASS/FAIL and always exits 0.
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from functools import partial
from importlib.metadata import version
from typing import Any, Final

import frister
import frister.portfolio
from frister.synthetic import AS_OF, generate_portfolio

TARGET: Final = 100_000
"""Obligations per second the engine should evaluate on one core."""
DEFAULT_SIZES: Final = "1000,10000"
WARMUP: Final = 50
"""Cases (of another seed) evaluated before timing, so one-off table builds are not timed."""
REPEAT_BUDGET: Final = 5_000
"""Sizes up to this many cases are timed several times and the best run kept."""
MAX_REPEATS: Final = 5


@dataclasses.dataclass(frozen=True)
class Result:
    """What one size's subprocess measured."""

    size: int
    seed: int
    load_s: float
    warmup_s: float
    generate_s: float
    evaluate_s: float
    evaluate_runs: list[float]
    obligations: int
    events: int
    statuses: dict[str, int]
    rss_loaded_kib: int
    rss_generated_kib: int
    rss_evaluated_kib: int
    portfolio: dict[str, float]
    portfolio_note: str


def peak_kib() -> int:
    """This process's peak resident set so far (ru_maxrss: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def evaluate_all(catalog: frister.Catalog, cases: list[frister.Case]) -> tuple[int, Counter[str]]:
    """Evaluate every case; the number of obligations and their statuses."""
    total = 0
    statuses: Counter[str] = Counter()
    for case in cases:
        obligations = catalog.evaluate(case, AS_OF)
        total += len(obligations)
        for ob in obligations:
            statuses[ob.status] += 1
    return total, statuses


def consume(result: object) -> None:
    """Exhaust a lazy result, so its work is inside the timing."""
    if isinstance(result, Iterator):
        for _ in result:
            pass


def portfolio_evaluator(catalog: frister.Catalog) -> tuple[Callable[..., Any] | None, str]:
    """``catalog.evaluate_portfolio`` if the catalog has it, else ``frister.portfolio``'s."""
    method: Callable[..., Any] | None = getattr(catalog, "evaluate_portfolio", None)
    if method is not None:
        return method, "catalog.evaluate_portfolio"
    function: Callable[..., Any] | None = getattr(frister.portfolio, "evaluate_portfolio", None)
    if function is not None:
        return partial(function, catalog), "frister.portfolio.evaluate_portfolio"
    return None, "evaluate_portfolio"


def time_portfolio(catalog: frister.Catalog, size: int, seed: int) -> tuple[dict[str, float], str]:
    """Time evaluate_portfolio with 1 and 2 workers, if it exists."""
    method, name = portfolio_evaluator(catalog)
    if method is None:
        return {}, f"{name} does not exist yet: not timed"
    timings: dict[str, float] = {}
    for workers in (1, 2):
        portfolio = generate_portfolio(size, seed=seed)  # lazy: generation is inside this timing
        started = time.perf_counter()
        try:
            consume(method(portfolio, AS_OF, workers=workers))
        except TypeError as error:
            return timings, f"{name}(portfolio, as_of, workers=n) failed: {error}"
        timings[f"workers={workers}"] = time.perf_counter() - started
    return timings, f"{name}; includes generating the cases, which stream in lazily"


def measure(size: int, seed: int) -> Result:
    """One size, in this process: load, warm up, generate, evaluate, and the memory peaks."""
    started = time.perf_counter()
    catalog = frister.default_catalog()
    load_s = time.perf_counter() - started

    warm = [r.case for r in generate_portfolio(WARMUP, seed=seed + 1)]
    started = time.perf_counter()
    evaluate_all(catalog, warm)
    warmup_s = time.perf_counter() - started
    del warm
    rss_loaded = peak_kib()

    started = time.perf_counter()
    cases = [record.case for record in generate_portfolio(size, seed=seed)]
    generate_s = time.perf_counter() - started
    events = sum(len(case.events) for case in cases)
    rss_generated = peak_kib()
    gc.collect()
    gc.freeze()  # the held case list is not the engine's garbage: keep collections off it

    repeats = max(1, min(MAX_REPEATS, REPEAT_BUDGET // size))
    runs: list[float] = []
    obligations, statuses = 0, Counter[str]()
    for _ in range(repeats):
        started = time.perf_counter()
        obligations, statuses = evaluate_all(catalog, cases)
        runs.append(time.perf_counter() - started)
    rss_evaluated = peak_kib()
    gc.unfreeze()
    del cases
    gc.collect()

    portfolio, note = time_portfolio(catalog, size, seed)
    return Result(
        size=size,
        seed=seed,
        load_s=load_s,
        warmup_s=warmup_s,
        generate_s=generate_s,
        evaluate_s=min(runs),
        evaluate_runs=runs,
        obligations=obligations,
        events=events,
        statuses=dict(statuses),
        rss_loaded_kib=rss_loaded,
        rss_generated_kib=rss_generated,
        rss_evaluated_kib=rss_evaluated,
        portfolio=portfolio,
        portfolio_note=note,
    )


def run_child(size: int, seed: int) -> Result:
    """Measure one size in a fresh interpreter; its last stdout line is the JSON result."""
    command = [sys.executable, __file__, "--child", str(size), "--seed", str(seed)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"size {size} failed (exit {done.returncode}):\n{done.stderr}")
    return Result(**json.loads(done.stdout.strip().splitlines()[-1]))


# -- report ---------------------------------------------------------------------------------


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f}"


def print_header(sizes: list[int], seed: int) -> None:
    print("frister engine benchmark: catalog.evaluate over synthetic portfolios")
    print(
        f"python {platform.python_version()} ({platform.system()} {platform.machine()},"
        f" {os.cpu_count()} cores); frister {version('frister')}"
    )
    sizes_text = ", ".join(f"{s:,}" for s in sizes)
    print(
        f"cases: frister.synthetic.generate_portfolio(size, seed={seed}) for sizes {sizes_text},"
        f" evaluated at {AS_OF}; each size in its own subprocess, one process, one core"
    )
    print(
        f"timing: generation first, into a list (timed apart), then gc.freeze() so collections"
        f" do not rescan that list; then evaluation with the garbage collector on, best of up to"
        f" {MAX_REPEATS} runs for sizes <= {REPEAT_BUDGET:,}, one run above; {WARMUP} cases of"
        " another seed are evaluated first (warm-up, not timed)"
    )


def print_table(results: list[Result]) -> None:
    base = results[0]
    base_us = base.evaluate_s / base.size * 1e6
    versus = f"vs {base.size:,}"
    header = (
        f"{'cases':>8} {'gen s':>7} {'gen cases/s':>11} {'eval s':>8} {'cases/s':>8}"
        f" {'obligations':>11} {'obl/case':>8} {'obl/s':>8} {'us/case':>8} {versus:>9}"
        f" {'RSS MiB load/gen/eval':>22}"
    )
    print()
    print(header)
    print("-" * len(header))
    for r in results:
        us = r.evaluate_s / r.size * 1e6
        rss = f"{mib(r.rss_loaded_kib)}/{mib(r.rss_generated_kib)}/{mib(r.rss_evaluated_kib)}"
        print(
            f"{r.size:>8,} {r.generate_s:>7.2f} {r.size / r.generate_s:>11,.0f}"
            f" {r.evaluate_s:>8.2f} {r.size / r.evaluate_s:>8,.0f} {r.obligations:>11,}"
            f" {r.obligations / r.size:>8.2f} {r.obligations / r.evaluate_s:>8,.0f}"
            f" {us:>8,.0f} {us / base_us:>8.2f}x {rss:>22}"
        )
    print(
        f"vs {base.size:,} = cost per case over the cost per case at {base.size:,} cases"
        " (1.00x: linear). RSS = the subprocess's peak resident memory (ru_maxrss) after"
        " loading the catalog and warming up, after generating the list, after evaluating."
    )


def print_details(results: list[Result]) -> None:
    print()
    for r in results:
        runs = ", ".join(f"{t:.2f}" for t in r.evaluate_runs)
        spread = (
            f"; median {statistics.median(r.evaluate_runs):.2f} s"
            if len(r.evaluate_runs) > 1
            else ""
        )
        statuses = ", ".join(f"{k} {v / r.obligations:.0%}" for k, v in sorted(r.statuses.items()))
        per_case_mib = (r.rss_generated_kib - r.rss_loaded_kib) / 1024 / r.size * 1024
        print(
            f"{r.size:,} cases: catalog load {r.load_s:.2f} s, warm-up {r.warmup_s:.2f} s;"
            f" {r.events / r.size:.1f} events/case; the case list costs about"
            f" {per_case_mib:.1f} KiB/case; evaluation runs (s): {runs}{spread}"
        )
        print(f"  statuses: {statuses}")
        if r.portfolio:
            one, two = r.portfolio.get("workers=1"), r.portfolio.get("workers=2")
            parts = [f"{k} {v:.2f} s ({r.size / v:,.0f} cases/s)" for k, v in r.portfolio.items()]
            speedup = f"; speed-up 2 vs 1 workers: {one / two:.2f}x" if one and two else ""
            loop = r.generate_s + r.evaluate_s
            print(f"  evaluate_portfolio: {', '.join(parts)}{speedup} ({r.portfolio_note})")
            print(f"  for comparison, the plain loop with its generation: {loop:.2f} s")
        else:
            print(f"  evaluate_portfolio: {r.portfolio_note}")


def print_targets(results: list[Result]) -> None:
    print("\ntargets (a report, not a gate: the script exits 0 either way):")
    for r in results:
        rate = r.obligations / r.evaluate_s
        verdict = "PASS" if rate >= TARGET else "FAIL"
        print(
            f"  {verdict}  {r.size:,} cases: {rate:,.0f} obligations/s on one core,"
            f" {rate / TARGET:.2f}x the target of {TARGET:,}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="comma-separated case counts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(dataclasses.asdict(measure(args.child, args.seed))))
        return 0
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    started = time.perf_counter()
    print_header(sizes, args.seed)
    results = []
    for size in sizes:
        print(f"  measuring {size:,} cases ...", flush=True)
        results.append(run_child(size, args.seed))
    print_table(results)
    print_details(results)
    print_targets(results)
    print(f"\ntotal run time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
