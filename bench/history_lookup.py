"""Benchmark: checking one article against 1,000,000 stored claims takes at most 2x what it takes against 10,000.

    .venv/bin/python bench/history_lookup.py [--big 1000000] [--small 10000] [--articles 40]

The stores are filled from the BBC train articles' claims (extracted once,
turned into rows by the store's own ``claim_rows``), copied with every date
moved a year per copy, so the big store is an archive of ~60 years of reports
(about 1,500 reports a year) and the small one under a year.  Both are then
queried the way ``check`` does.  The checked articles are BBC val articles,
dated inside the last year of each store; the time is the whole ``check()``
(extraction, all checks, NC4xx lookups), median of three runs, printed with
the same articles checked without a history as a baseline.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta

from history_common import CORPUS, timed

TARGET = 2.0
BASE = date(1960, 1, 1)


def _shift(v, days: int):
    return (date.fromisoformat(v) + timedelta(days=days)).isoformat() if v else v


def fill(path: str, base: list[tuple[str, str, list]], n_claims: int) -> tuple[object, str]:
    """A store holding ``n_claims`` rows: copies of the base reports' rows, a year later per copy."""
    import numcheck
    from numcheck.history import digest
    from numcheck.history.store import _INSERT_CLAIM, CLAIM_COLUMNS

    date_cols = [CLAIM_COLUMNS.index(c) - 1 for c in ("date_start", "date_end", "t_start", "t_end")]
    h = numcheck.History(path)
    conn = h._db()
    stored, copy, rid, last = 0, 0, 0, BASE
    df: dict[str, int] = {}
    while stored < n_claims:
        conn.execute("BEGIN IMMEDIATE")
        for i, (text, published, rows) in enumerate(base):
            if stored >= n_claims:
                break
            days = copy * 366
            day = _shift(published, days)
            rid += 1
            conn.execute("INSERT INTO reports (id, digest, source, published, published_end, added, n_claims) "
                         "VALUES (?, ?, 'BBC', ?, ?, '2025-01-01T00:00:00', ?)",
                         (rid, digest(f"{copy}:{i}:{text}"), day, day, len(rows)))
            out = []
            for r in rows:
                r = list(r)
                for j in date_cols:
                    r[j] = _shift(r[j], days)
                out.append((rid, *r))
            conn.executemany(_INSERT_CLAIM, out)
            stored += len(out)
            for e in {e for r in rows for e in r[23].split()}:
                df[e] = df.get(e, 0) + 1
            last = max(last, date.fromisoformat(day))
        conn.execute("COMMIT")
        copy += 1
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT INTO entity_df (entity, n) VALUES (?, ?)", list(df.items()))
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    return h, last.isoformat()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", type=int, default=1_000_000)
    ap.add_argument("--small", type=int, default=10_000)
    ap.add_argument("--articles", type=int, default=40, help="val articles to check")
    ap.add_argument("--fail-above", type=float, default=None)
    args = ap.parse_args()
    import pandas as pd

    import numcheck
    from numcheck.engine import load_ruleset
    from numcheck.history.store import claim_rows
    from numcheck.pubdate import parse_published

    rules = load_ruleset(None, None)
    train = pd.read_csv(CORPUS / "bbc_train.csv").text.tolist()
    val = pd.read_csv(CORPUS / "bbc_val.csv").text.tolist()[: args.articles]
    t0 = time.perf_counter()
    base = []
    for i, t in enumerate(train):
        day = (BASE + timedelta(days=i * 365 // len(train))).isoformat()
        claims = numcheck.extract(t, published=day, rules=rules)
        base.append((t, day, claim_rows(t, claims, parse_published(day))))
    print(f"base: {len(base)} train articles, {sum(len(r) for _, _, r in base)} claims ({time.perf_counter() - t0:.0f} s)")
    with tempfile.TemporaryDirectory() as tmp:
        results = {}
        for label, n in (("small", args.small), ("big", args.big)):
            t0 = time.perf_counter()
            h, last = fill(os.path.join(tmp, f"{label}.db"), base, n)
            print(f"{label}: {h.n_claims:,} claims in {len(h):,} reports up to {last} "
                  f"(filled in {time.perf_counter() - t0:.0f} s, {os.path.getsize(h.path) / 1e6:.0f} MB)")
            when = (date.fromisoformat(last) - timedelta(days=60)).isoformat()
            plan = " ".join(r[-1] for r in h._db().execute(
                "EXPLAIN QUERY PLAN SELECT * FROM claims WHERE subject_key IN ('job') AND canon_unit = '' "
                "AND t_start BETWEEN ? AND ?", (when, last)))
            print(f"  query plan: {plan}")
            for t in val[:3]:  # warm the page cache and the idf cache
                numcheck.check(t, published=when, rules=rules, history=h)
            runs = []
            for _ in range(3):
                wall, _, _ = timed(lambda: [numcheck.check(t, published=when, rules=rules, history=h) for t in val])
                runs.append(wall / len(val))
            results[label] = statistics.median(runs)
            h.close()
        plain = statistics.median(timed(lambda: [numcheck.check(t, published="2005-06-01", rules=rules)
                                                 for t in val])[0] / len(val) for _ in range(3))
    ratio = results["big"] / results["small"]
    print(f"check one article: {results['small'] * 1000:.1f} ms with {args.small:,} claims stored, "
          f"{results['big'] * 1000:.1f} ms with {args.big:,}; no history: {plain * 1000:.1f} ms")
    print(f"ratio big/small: {ratio:.2f}x (target: <= {TARGET:g}x)")
    return 1 if args.fail_above is not None and ratio > args.fail_above else 0


if __name__ == "__main__":
    sys.exit(main())
