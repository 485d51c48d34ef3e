"""Recall and quietness of the arithmetic checks on sentences written blind, in wire style, by someone who never saw
numcheck: a part, its whole and its percentage; parts and their total; a group referred back to.

    .venv/bin/python bench/blind_arith.py FILE.jsonl [--published 2005-06-01] [--missed]

Each line of FILE is {"kind": "percentage" | "total" | "repeat", "text": ..., "numbers": [figures as written]},
with the arithmetic right as written.  Every item is checked as written (a finding of the kind's checks there is
a false alarm), then once per figure with that figure broken as bench/broken.py breaks one (its first significant
digit, moved a fifth or more); for a repeat only the back-reference (the second mention) is broken.  A break is
caught as bench/broken.py counts it (harness.measure.caught).  The file stays outside the repository: it is
development data, and its sentences are the writer's, not ours to commit.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness.edits import break_number  # noqa: E402
from harness.measure import SERIOUS, Case, caught  # noqa: E402
from harness.sites import families  # noqa: E402


def _positions(text: str, figure: str, kind: str, index: int) -> int:
    """Where the figure stands: its first occurrence, or for a repeat's back-reference (index 1) its second."""
    at = text.find(figure)
    if kind == "repeat" and index == 1:
        at = text.find(figure, at + len(figure))
    return at


def measure(items: list[dict], published: str, show_missed: bool) -> dict[str, Counter]:
    """Per kind: items, items with a false alarm, cases, caught."""
    from numcheck import check

    out: dict[str, Counter] = {}
    rng = random.Random(15)
    for item in items:
        kind, text = item["kind"], item["text"]
        tally = out.setdefault(kind, Counter())
        tally["items"] += 1
        before = check(text, published=published)
        own = [f for f in before if f.severity in SERIOUS and f.code.startswith(families(kind))]
        if own:
            tally["false alarms"] += 1
            if show_missed:
                print(f"FALSE ALARM [{kind}] {text}\n    {own[0].code} {own[0].message}")
        seen = {(f.code, f.message) for f in before}
        figures = item["numbers"][1:2] if kind == "repeat" else item["numbers"]
        for i, figure in enumerate(figures, 1 if kind == "repeat" else 0):
            at = _positions(text, figure, kind, i)
            broken = break_number(figure, rng) if at >= 0 else None
            if broken is None:
                tally["unbreakable"] += 1
                continue
            new = text[:at] + broken + text[at + len(figure):]
            case = Case("blind", kind, new, at, at + len(broken), figure, broken, "digit")
            hit = caught(case, check(new, published=published), seen)
            tally["cases"] += 1
            tally["caught"] += hit
            if show_missed and not hit:
                print(f"MISSED [{kind}] {figure} -> {broken}: {new}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--published", default="2005-06-01", help="the publication date the items are checked as of")
    ap.add_argument("--missed", action="store_true", help="print every missed break and false alarm")
    args = ap.parse_args()
    if not args.file.exists():
        sys.exit(f"blind_arith: no such file {args.file}")
    items = [json.loads(line) for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
    for kind, t in sorted(measure(items, args.published, args.missed).items()):
        rate = t["caught"] / t["cases"] if t["cases"] else 0.0
        print(f"{kind:11} items {t['items']:3}  false alarms {t['false alarms']:2}  "
              f"caught {t['caught']}/{t['cases']} = {rate:.0%}  (figures that could not be broken: {t['unbreakable']})")


if __name__ == "__main__":
    main()
