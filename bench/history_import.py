"""Benchmark: importing the BBC corpus into a history store costs at most 2x extracting it.

    .venv/bin/python bench/history_import.py [--limit N] [--fail-above 2]

Both passes run in this process over the same articles: first extract() on
each (the baseline), then History.import_frame on a fresh store (which
extracts again and writes one transaction per report, WAL mode).  Prints both
times, claims stored, and the ratio import / extract by wall clock and by CPU.
Each article is published "2005" (the corpus has no dates; it is from 2004-2005).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile

from history_common import bbc_texts, timed

TARGET = 2.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--fail-above", type=float, default=None, help="exit 1 when the ratio is above this")
    args = ap.parse_args()
    import pandas as pd

    import numcheck
    from numcheck.engine import load_ruleset

    texts = bbc_texts(args.limit)
    rules = load_ruleset(None, None)
    numcheck.extract(texts[0], published="2005", rules=rules)  # warm-up: tables, regexes
    ext_wall, ext_cpu, n_claims = timed(lambda: sum(len(numcheck.extract(t, published="2005", rules=rules))
                                                    for t in texts))
    df = pd.DataFrame({"text": texts, "date": "2005", "source": "BBC"})
    with tempfile.TemporaryDirectory() as tmp:
        h = numcheck.History(os.path.join(tmp, "bbc.db"))
        imp_wall, imp_cpu, added = timed(lambda: h.import_frame(df, text="text", published="date", source="source"))
        stored, claims, size = len(h), h.n_claims, os.path.getsize(h.path)
        ok = h.integrity()
        h.close()
    ratio, ratio_cpu = imp_wall / ext_wall, imp_cpu / ext_cpu
    print(f"articles: {len(texts)} ({stored} distinct stored; {added} rows imported)")
    print(f"extract: {ext_wall:.1f} s wall, {ext_cpu:.1f} s CPU, {n_claims} claims")
    print(f"import:  {imp_wall:.1f} s wall, {imp_cpu:.1f} s CPU, {claims} claims stored, "
          f"{size / 1e6:.1f} MB, integrity {ok}")
    print(f"ratio import/extract: {ratio:.2f}x wall, {ratio_cpu:.2f}x CPU (target: <= {TARGET:g}x)")
    if args.fail_above is not None and ratio > args.fail_above:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
