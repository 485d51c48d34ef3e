"""Benchmark: numcheck.extract against quantulum3.parser.parse on the BBC test articles.

Runs both extractors in one process over ../shared/corpora/bbc/bbc_test.csv
(columns text, category) and prints each one's throughput in characters per
second, their ratio (target: numcheck >= 50x quantulum3), and peak memory.
The ratio is taken by CPU time, which a busy machine distorts least; the
wall-clock ratio is printed next to it.

quantulum3 manages some thousands of characters a second, so the full set
takes it minutes: it runs on the articles in file order until a time budget
is spent (--quantulum-budget, default 300 s), and the output says how many it
covered when that is fewer than all.  The ratio compares the two engines on
exactly those articles: numcheck's own pass (the fastest of --repeat, run
first) against quantulum3's.  quantulum3's pass also times numcheck on each
article right before it; that "paired" ratio is printed as a lower bound --
load hits both engines alike there, but quantulum3 evicts numcheck's caches.

Memory is reported two ways: the process's peak resident set size after each
engine's timing pass (numcheck runs first, so its figure is its own), and the
peak of Python allocations traced with tracemalloc while each engine extracts
from the first --memory-sample articles (a separate pass, so tracing does not
slow the timed runs).

    .venv/bin/python bench/extract_speed.py              # full run
    .venv/bin/python bench/extract_speed.py --limit 30   # quick run
"""
from __future__ import annotations

import argparse
import csv
import gc
import resource
import sys
import time
import tracemalloc
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "corpora" / "bbc" / "bbc_test.csv"
TARGET_RATIO = 50.0


@dataclass(frozen=True)
class Pass:
    """Per-article timings of one engine over the first ``len(seconds)`` articles."""

    engine: str
    seconds: tuple[float, ...]
    chars: tuple[int, ...]
    items: int  # claims / quantities found
    cpu: tuple[float, ...] = ()  # process CPU seconds per article (less sensitive to a busy machine)

    @property
    def total_chars(self) -> int:
        return sum(self.chars)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds)

    @property
    def throughput(self) -> float:
        return self.total_chars / self.total_seconds if self.total_seconds else float("inf")

    @property
    def cpu_throughput(self) -> float:
        spent = sum(self.cpu)
        return self.total_chars / spent if spent else float("inf")


def load_articles(path: Path, limit: int | None) -> list[str]:
    """The article texts, in file order."""
    if not path.is_file():
        raise SystemExit(f"extract_speed: corpus not found: {path}")
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or "text" not in reader.fieldnames:
            raise SystemExit(f"extract_speed: {path} has no 'text' column")
        texts = [row["text"] for row in reader]
    return texts[:limit] if limit else texts


def timed_pass(engine: str, run: Callable[[str], Sequence[object]], texts: Sequence[str],
               budget: float | None = None) -> Pass:
    """Time ``run`` on each text in order; stop early once ``budget`` seconds are spent."""
    seconds: list[float] = []
    cpu: list[float] = []
    chars: list[int] = []
    items = 0
    spent = 0.0
    for text in texts:
        c0 = time.process_time()
        t0 = time.perf_counter()
        found = run(text)
        dt = time.perf_counter() - t0
        cpu.append(time.process_time() - c0)
        seconds.append(dt)
        chars.append(len(text))
        items += len(found)
        spent += dt
        if budget is not None and spent >= budget:
            break
    return Pass(engine, tuple(seconds), tuple(chars), items, tuple(cpu))


def paired_pass(first: Callable[[str], Sequence[object]], second: Callable[[str], Sequence[object]],
                texts: Sequence[str], budget: float | None) -> tuple[Pass, Pass]:
    """Time both engines article by article, back to back, so a busy machine slows both alike.

    Stops once ``second`` (the slow engine) has spent ``budget`` seconds.
    """
    runs: dict[int, tuple[list[float], list[float], list[int]]] = {0: ([], [], []), 1: ([], [], [])}
    items = [0, 0]
    spent = 0.0
    for text in texts:
        for k, run in enumerate((first, second)):
            c0 = time.process_time()
            t0 = time.perf_counter()
            found = run(text)
            dt = time.perf_counter() - t0
            seconds, cpu, chars = runs[k]
            cpu.append(time.process_time() - c0)
            seconds.append(dt)
            chars.append(len(text))
            items[k] += len(found)
            if k == 1:
                spent += dt
        if budget is not None and spent >= budget:
            break
    a, b = runs[0], runs[1]
    return (Pass("numcheck", tuple(a[0]), tuple(a[2]), items[0], tuple(a[1])),
            Pass("quantulum3", tuple(b[0]), tuple(b[2]), items[1], tuple(b[1])))


def traced_peak(run: Callable[[str], Sequence[object]], texts: Sequence[str]) -> float:
    """Peak traced Python allocation (MiB) while ``run`` extracts from ``texts``."""
    gc.collect()
    tracemalloc.start()
    try:
        for text in texts:
            run(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 2**20


def max_rss_mib() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV, help="articles CSV with a 'text' column")
    ap.add_argument("--limit", type=int, default=None, metavar="N", help="use only the first N articles")
    ap.add_argument("--quantulum-budget", type=float, default=300.0, metavar="SECONDS",
                    help="stop timing quantulum3 after this many seconds (default 300; 0 = no limit)")
    ap.add_argument("--memory-sample", type=int, default=20, metavar="N",
                    help="articles used for the tracemalloc pass of each engine (default 20)")
    ap.add_argument("--repeat", type=int, default=5, metavar="N",
                    help="numcheck's own full-set pass is run N times and the fastest reported (default 5)")
    ap.add_argument("--fail-below", type=float, default=None, metavar="RATIO",
                    help="exit 1 when the speed ratio is below RATIO (default: report only)")
    args = ap.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be at least 1")

    texts = load_articles(args.csv, args.limit)
    total_chars = sum(map(len, texts))
    print(f"corpus: {args.csv} -- {len(texts)} articles, {total_chars:,} chars")

    # numcheck: import, one warm-up call (table loading), then the timed pass.
    t0 = time.perf_counter()
    from numcheck.extract import extract as nc_extract
    nc_extract("warm-up: 1,000 troops, $3.5bn, 12 per cent, in August")
    nc_startup = time.perf_counter() - t0
    passes = [timed_pass("numcheck", nc_extract, texts) for _ in range(max(1, args.repeat))]
    nc = min(passes, key=lambda p: sum(p.cpu))  # the least disturbed pass, as timeit takes the minimum
    nc_rss = max_rss_mib()

    # quantulum3: import and warm-up, then the timed pass within the budget.
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser as q_parser
    q_parse = q_parser.parse
    q_parse("warm-up: 1,000 troops, $3.5bn, 12 per cent")
    q_startup = time.perf_counter() - t0
    budget = args.quantulum_budget if args.quantulum_budget > 0 else None
    nc_same, q = paired_pass(nc_extract, q_parse, texts, budget)
    q_rss = max_rss_mib()

    n = len(q.seconds)
    nc_solo = Pass("numcheck", nc.seconds[:n], nc.chars[:n], 0, nc.cpu[:n])  # its own pass, same articles
    ratio = nc_solo.cpu_throughput / q.cpu_throughput if q.cpu_throughput else float("inf")
    wall_ratio = nc_solo.throughput / q.throughput if q.throughput else float("inf")
    paired_ratio = nc_same.cpu_throughput / q.cpu_throughput if q.cpu_throughput else float("inf")

    sample = texts[: max(1, min(args.memory_sample, len(texts)))]
    nc_peak = traced_peak(nc_extract, sample)
    q_peak = traced_peak(q_parse, sample)

    print(f"numcheck   : {nc.throughput:>12,.0f} chars/s over all {len(nc.seconds)} articles "
          f"({nc.total_seconds:.2f} s, {nc.cpu_throughput:,.0f} chars per CPU second, {nc.items} claims; "
          f"fastest of {len(passes)} passes; import+warm-up {nc_startup:.2f} s)")
    sampled = "all" if n == len(texts) else f"a sample: the first {n} of {len(texts)}"
    print(f"quantulum3 : {q.throughput:>12,.0f} chars/s over {sampled} articles "
          f"({q.total_chars:,} chars, {q.total_seconds:.1f} s, {q.items} quantities; "
          f"import+warm-up {q_startup:.2f} s)")
    if n < len(texts):
        full = total_chars / q.throughput
        print(f"             quantulum3 was timed on a sample because the full set would take about "
              f"{full / 60:.1f} min (budget {args.quantulum_budget:.0f} s)")
    verdict = "MET" if ratio >= TARGET_RATIO else "NOT MET"
    print(f"speed ratio numcheck/quantulum3 on the same {n} articles: {ratio:,.1f}x by CPU time "
          f"(target >= {TARGET_RATIO:.0f}x: {verdict}); {wall_ratio:,.1f}x by wall clock")
    print(f"             ({nc_solo.cpu_throughput:,.0f} vs {q.cpu_throughput:,.0f} chars per CPU second; CPU time is "
          f"what a busy machine distorts least)")
    print(f"             paired: {paired_ratio:,.1f}x with numcheck timed right before quantulum3 on each article "
          f"({nc_same.cpu_throughput:,.0f} chars per CPU second; a lower bound: quantulum3 evicts its caches)")
    print(f"peak RSS   : {nc_rss:,.1f} MiB after numcheck; {q_rss:,.1f} MiB after quantulum3 (process peak)")
    print(f"tracemalloc: peak {nc_peak:,.2f} MiB numcheck, {q_peak:,.2f} MiB quantulum3 "
          f"(first {len(sample)} articles each)")
    if args.fail_below is not None and ratio < args.fail_below:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
