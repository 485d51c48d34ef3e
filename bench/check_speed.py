"""Check throughput on the BBC corpus next to extraction alone: checking must cost < 2x extraction.

    python bench/check_speed.py                 # 300 articles of train+val
    python bench/check_speed.py --limit 0       # every article of train+val

Prints articles/s and MB/s for ``extract()`` alone, for the NC1xx checks alone
on claims extracted beforehand, for ``check()`` with the NC1xx checks only, and
for ``check()`` with every check, and the ratios of those times to extraction.  Each stage runs over the same texts after
one warm-up call, so lazy loading (the ECB rate table, unit table) is not
counted against throughput; the three timings are run ``--repeat`` times, interleaved, and the fastest of each kept,
since one pass on a shared machine varies by a third.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def _time(fn, texts) -> float:
    t0 = time.perf_counter()
    for t in texts:
        fn(t)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    from harness import corpora

    from numcheck import check
    from numcheck.extract import extract

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="bbc-dev", help=f"a corpus of bench/harness/corpora.py ({', '.join(corpora.NAMES)})")
    ap.add_argument("--limit", type=int, default=300, help="articles to time (0: all)")
    ap.add_argument("--published", default="2005", help="publication date passed to check() (BBC articles are 2004-2005)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds of the three timings, interleaved; the fastest of each "
                                                          "is kept (single passes varied by a third on a shared machine)")
    args = ap.parse_args(argv)
    try:
        texts = [a.text for a in corpora.load(args.corpus)]
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.limit:
        texts = texts[:args.limit]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    warm = "Profits reached 5.65bn euros ($7.4bn), up 12% from 5.04bn euros."
    check(warm, published=args.published)
    extract(warm)
    rounds = [(_time(lambda t: extract(t, published=args.published), texts),
               _time(lambda t: check(t, published=args.published, config={"select": ["NC1"]}), texts),
               _time(lambda t: check(t, published=args.published), texts)) for _ in range(max(1, args.repeat))]
    t_ext, t_nc1, t_all = (min(r[i] for r in rounds) for i in range(3))
    # the NC1xx checks alone, on claims extracted beforehand: what checking itself costs
    from datetime import date

    from numcheck.checks import Context, registry
    from numcheck.pubdate import parse_published

    pub = parse_published(args.published) if args.published else None
    nc1 = [c for c in registry() if c.code.startswith("NC1")]
    claims = [tuple(extract(t, published=args.published)) for t in texts]
    t0 = time.perf_counter()
    for t, cl in zip(texts, claims):
        ctx = Context(text=t, claims=cl, published=pub[0] if pub else None, published_end=pub[1] if pub else None)
        for chk in nc1:
            list(chk.run(ctx))
    t_only = time.perf_counter() - t0
    n = len(texts)
    print(f"articles: {n} ({mb:.2f} MB)")
    for name, t in (("extract only", t_ext), ("NC1xx alone", t_only), ("check NC1xx", t_nc1), ("check all", t_all)):
        print(f"{name:13s} {t:7.2f} s  {n / t:7.1f} articles/s  {mb / t:6.3f} MB/s")
    print(f"ratio check NC1xx / extract: {t_nc1 / t_ext:.2f}x (target < 2x; extraction included)")
    print(f"ratio NC1xx checks alone / extract: {t_only / t_ext:.2f}x")
    print(f"ratio check all   / extract: {t_all / t_ext:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
