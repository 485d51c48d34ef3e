"""How noisy the NC2xx time checks are on real edited news: findings per 20 articles, by code.

    .venv/bin/python bench/time_quietness.py                     # BBC train+val and the dated Gigaword wire
    .venv/bin/python bench/time_quietness.py --before /tmp/base  # also the numcheck package in /tmp/base
    .venv/bin/python bench/time_quietness.py --show              # print each finding with its sentence

Real articles are assumed right, so every finding is a false alarm until read.
The BBC articles carry no date and are checked with published="2005" (as
tests/test_quietness.py does); the Gigaword silver wire (../shared/corpora/timeml)
is checked with each document's own date line (DCT).  ``--before DIR`` runs the
same count with the numcheck package in DIR in a child process.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

CONFIG = {"select": ["NC2"]}


def _corpora() -> dict[str, list[tuple[str, str | None]]]:
    import timeml
    from harness import corpora

    bbc = [(a.text, a.published) for a in corpora.load("bbc-dev")]
    wire = [(d.text, d.published) for d in map(timeml.read, timeml.files("gigaword-silver"))]
    return {"bbc train+val": bbc, "gigaword-silver": wire}


def _count(show: bool) -> dict[str, dict[str, int]]:
    from numcheck import check

    out = {}
    for name, docs in _corpora().items():
        codes: Counter[str] = Counter()
        for text, published in docs:
            for f in check(text, published=published, config=CONFIG):
                codes[f.code] += 1
                if show:
                    print(f"{name}\t{f.code}\t{f.message}\t{text[max(0, f.start - 80):f.end + 40]!r}")
        out[name] = {"articles": len(docs), **codes}
    return out


def _before(checkout: Path) -> dict[str, dict[str, int]]:
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve()))
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--json"], env=env, cwd=cwd,
                              capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"time_quietness: counting with {checkout} failed:\n{done.stderr}")
    return json.loads(done.stdout)


def _line(label: str, counts: dict[str, int]) -> str:
    n = counts["articles"]
    codes = {k: v for k, v in counts.items() if k != "articles"}
    total = sum(codes.values())
    per = ", ".join(f"{k} {20 * v / n:.2f}" for k, v in sorted(codes.items())) or "none"
    return f"  {label:8} {total:4} findings in {n} articles: {20 * total / n:.2f} per 20 ({per})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--before", type=Path, help="a directory holding another numcheck package to compare with")
    ap.add_argument("--show", action="store_true", help="print every finding")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    now = _count(a.show and not a.json)
    if a.json:
        print(json.dumps(now))
        return 0
    before = _before(a.before) if a.before else None
    for corpus, counts in now.items():
        print(corpus)
        if before is not None:
            print(_line("before", before[corpus]))
        print(_line("after" if before else "numcheck", counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
