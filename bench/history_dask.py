"""Benchmark: numcheck.dask.claims_frame on a LocalCluster with 2 worker processes vs 1, over the 2,225 BBC articles.

    .venv/bin/python bench/history_dask.py [--limit N] [--partitions 16]

Both clusters run in this process one after the other, each a
``distributed.LocalCluster`` of single-threaded worker processes, over the
same dask DataFrame; each run is timed from submit to the last row back
(after a warm-up task per worker, so worker start-up and imports are not
counted).  Prints both times, the claim counts (they must agree), and the
speed-up (target: >= 1.6x).

The machine needs two free cores for this to mean anything, so the same run
also measures a baseline: the same partitions through a plain
``multiprocessing`` pool of 1 and then 2 processes.  That pool's speed-up is
what the machine allows at that moment; Dask's is printed next to it and as a
share of it.
"""
from __future__ import annotations

import argparse
import sys

from history_common import bbc_texts, timed

TARGET = 1.6


def run(texts: list[str], workers: int, partitions: int) -> tuple[float, int]:
    import dask.dataframe as dd
    import distributed
    import pandas as pd

    import numcheck.dask as ndask

    df = pd.DataFrame({"id": range(len(texts)), "text": texts, "date": "2005"})
    ddf = dd.from_pandas(df, npartitions=partitions)
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=40) as cluster, \
            distributed.Client(cluster) as client:
        # warm-up: import numcheck and load its tables on every worker
        warm = ndask.claims_frame(dd.from_pandas(df.head(workers * 2), npartitions=workers * 2),
                                  published="date", id="id")
        warm.compute()
        client.run(lambda: __import__("numcheck.extract"))
        wall, _, out = timed(lambda: ndask.claims_frame(ddf, published="date", id="id").compute())
    return wall, len(out)


def _partition(texts: list[str]) -> int:
    import pandas as pd

    from numcheck.report.frame import claims_frame

    return len(claims_frame(pd.DataFrame({"text": texts, "date": "2005"}), published="date"))


def pool_run(texts: list[str], workers: int, partitions: int) -> float:
    """The same partitions through a multiprocessing pool (spawned, warmed): the machine's own speed-up."""
    import multiprocessing

    size = -(-len(texts) // partitions)
    chunks = [texts[i:i + size] for i in range(0, len(texts), size)]
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        pool.map(_partition, [texts[:2]] * workers)  # warm-up: imports and tables in every process
        wall, _, _ = timed(lambda: sum(pool.map(_partition, chunks, chunksize=1)))
    return wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--partitions", type=int, default=8,
                    help="partitions of the 2,225 articles (default 8: ~280 articles a task, so scheduling stays small)")
    ap.add_argument("--fail-below", type=float, default=None)
    args = ap.parse_args()
    texts = bbc_texts(args.limit)
    p1 = pool_run(texts, 1, args.partitions)
    p2 = pool_run(texts, 2, args.partitions)
    print(f"baseline multiprocessing pool: 1 process {p1:.1f} s, 2 processes {p2:.1f} s, "
          f"speed-up {p1 / p2:.2f}x (what the machine allows now)")
    one, n1 = run(texts, 1, args.partitions)
    print(f"1 worker:  {one:.1f} s, {n1} claims from {len(texts)} articles")
    two, n2 = run(texts, 2, args.partitions)
    print(f"2 workers: {two:.1f} s, {n2} claims")
    if n1 != n2:
        print("claim counts differ between runs!")
        return 1
    speedup = one / two
    print(f"speed-up 2 workers / 1: {speedup:.2f}x (target: >= {TARGET:g}x); "
          f"{speedup / (p1 / p2):.0%} of the pool's {p1 / p2:.2f}x")
    return 1 if args.fail_below is not None and speedup < args.fail_below else 0


if __name__ == "__main__":
    sys.exit(main())
