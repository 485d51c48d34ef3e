"""Quality of the NC4xx checks: false alarms per unbroken article, and recall on restated figures changed.

    .venv/bin/python bench/history_eval.py                          # bbc-dev and wire-dev
    .venv/bin/python bench/history_eval.py --corpus tbaq --sample 20    # print findings and misses (dev corpora only)
    .venv/bin/python bench/history_eval.py --corpus bbc-test,wire-test  # measurement only

This is the history kind of the injected-error harness (bench/harness/restated.py
says how cases are found and broken; bench/broken.py runs it beside the other
kinds): the articles of a corpus in publication order (file order for the
undated BBC, all published "2005"), each checked against a numcheck.History
holding the articles before it (bbc-test's store starts with bbc-dev).  A case
is a figure an earlier article stated in a sentence sharing most of its words
and a name (the same fact), broken by its leading digit; a hit is a new NC4xx
at the figure.  False alarms: NC4xx on the unbroken articles, per article
checked (target: at most 0.05; recall target: at least 70%).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import corpora, restated  # noqa: E402
from harness.run import BACKGROUND  # noqa: E402


def report(name: str, sample: int, limit: int | None = None) -> None:
    articles = corpora.load(name, limit)
    background = corpora.load(BACKGROUND[name], limit) if name in BACKGROUND else []
    r = restated.measure(articles, background, seed=0)
    n_find = sum(r.nc4.values())
    t = r.tally
    print(f"{name}: {r.checked} articles checked against the earlier ones")
    print(f"  false alarms: {n_find} NC4xx = {n_find / max(1, r.checked):.3f} per article {dict(r.nc4)} (target <= 0.05)")
    print(f"  recall: {t.caught}/{t.cases} restated figures changed and caught = "
          f"{(t.recall or 0):.0%} (target >= 70%)")
    if not sample:
        return
    if corpora.is_held_out(name):
        print("  (held out: findings and misses are not listed)")
        return
    for a, f in r.findings[:sample]:
        print(f"  FINDING {a.id} {f.code} {f.message}")
        print(f"      earlier: {f.evidence.get('source')}: {str(f.evidence.get('sentence', ''))[:200]!r}")
    for c in r.missed[:sample]:
        print(f"  MISSED {c.article} {c.original!r} -> {c.broken!r} ({c.note}): ...{c.text[max(0, c.start - 120):c.end + 60]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default="bbc-dev,wire-dev", help=f"comma-separated, of {', '.join(corpora.NAMES)}")
    ap.add_argument("--sample", type=int, default=0, help="findings and misses to print (development corpora only)")
    ap.add_argument("--limit", type=int, default=None, help="the first N articles of each corpus (quick runs)")
    a = ap.parse_args(argv)
    for name in (c.strip() for c in a.corpus.split(",") if c.strip()):
        if name not in corpora.NAMES:
            print(f"error: unknown corpus {name!r} (known: {', '.join(corpora.NAMES)})", file=sys.stderr)
            return 2
        report(name, a.sample, a.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
