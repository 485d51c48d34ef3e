"""Recall and quietness of the history checks (NC4xx) on story series written blind, in wire style, by someone who
never saw numcheck: later reports restating an earlier report's figures, near word for word or in other words.

    .venv/bin/python bench/blind_history.py FOLDER [FOLDER ...] [--missed]

Each FOLDER holds ``articles.jsonl`` ({"series", "id", "published", "text"} per line) and ``restated.jsonl``
({"later", "figure", "occurrence", "earlier", "earlier_figure", "how": "verbatim" | "paraphrase"} per line: a
figure of a later article that must equal one of an earlier article, the writer's gold).  The articles of all the
folders are taken in publication order, each checked against a numcheck.History of every article before it, as
bench/broken.py's history kind does.  Each article is checked as written (its NC4xx warnings are false alarms: the
writer's copy is right), then once per restated figure with that figure broken as bench/broken.py breaks one (its
first significant digit, moved a fifth or more); a break is caught as bench/broken.py counts it
(harness.measure.caught).  Years and the figures of dates are left out, as bench/broken.py's history kind leaves
them out.  Restatements are also counted on the subset bench/broken.py's history kind would pick
("same fact": the two sentences share most of their words and a name, harness.restated.Sentence).  The folders stay
outside the repository: their articles are the writer's, not ours to commit.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness.edits import break_number  # noqa: E402
from harness.measure import SERIOUS, Case, caught  # noqa: E402
from harness.restated import NC4, Sentence  # noqa: E402


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        sys.exit(f"blind_history: no such file {path}")
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _nth(text: str, figure: str, occurrence: int) -> int:
    """Where the figure's ``occurrence``-th appearance starts (-1 when it has fewer)."""
    at = -1
    for _ in range(occurrence):
        at = text.find(figure, at + 1)
        if at < 0:
            return -1
    return at


def _date_or_year(text: str, at: int, figure: str) -> bool:
    """Whether the figure is a year or part of a date ("May 11"): bench/broken.py's history kind leaves those out."""
    from numcheck import extract

    return bool(re.fullmatch(r"(?:19|20)\d\d", figure)) or any(
        c.kind == "date" and c.start <= at < c.end for c in extract(text))


def _sentence_at(text: str, at: int) -> Sentence:
    from numcheck.text import SentenceIndex

    s0, s1 = SentenceIndex(text).span(at)
    return Sentence.of(text[s0:s1], at - s0)


def _same_fact(later: str, at: int, earlier: str, earlier_figure: str) -> bool:
    """Whether bench/broken.py's history kind would take the two sentences for the same fact."""
    where = earlier.find(earlier_figure)
    return where >= 0 and _sentence_at(later, at).same_fact(_sentence_at(earlier, where))


def measure(articles: list[dict[str, Any]], restated: list[dict[str, Any]], show: bool) -> dict[str, Counter]:
    """Per group ("all", "verbatim", "paraphrase", "same fact"): cases and catches; and the false alarms."""
    from numcheck import History, check

    by_id = {a["id"]: a for a in articles}
    sites: dict[str, list[dict[str, Any]]] = {}
    for r in restated:
        sites.setdefault(r["later"], []).append(r)
    out: dict[str, Counter] = {}
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as tmp:
        store = History(Path(tmp) / "history.db")
        for a in sorted(articles, key=lambda a: (a["published"], a["id"])):
            text, published = a["text"], a["published"]
            before = check(text, published=published, history=store, config=NC4)
            alarms = [f for f in before if f.severity in SERIOUS]
            out.setdefault("articles", Counter()).update(checked=1, alarms=len(alarms))
            for f in alarms if show else ():
                print(f"FALSE ALARM {a['id']} {f.code} {f.message}")
            seen = {(f.code, f.message) for f in before}
            for r in sites.get(a["id"], ()):
                _one(r, text, published, by_id, store, seen, rng, out, show, check)
            store.add(text, published=published, source=a["id"])
        store.close()
    return out


def _one(r: dict[str, Any], text: str, published: str, by_id: dict[str, Any], store: Any, seen: set,
         rng: random.Random, out: dict[str, Counter], show: bool, check: Any) -> None:
    """Break one restated figure and count whether an NC4xx covers it."""
    at = _nth(text, r["figure"], int(r.get("occurrence", 1)))
    if at >= 0 and _date_or_year(text, at, r["figure"]):
        out.setdefault("all", Counter())["dates"] += 1
        return
    broken = break_number(r["figure"], rng) if at >= 0 else None
    if broken is None:
        out.setdefault("all", Counter())["unbreakable"] += 1
        return
    new = text[:at] + broken + text[at + len(r["figure"]):]
    case = Case("blind", "history", new, at, at + len(broken), r["figure"], broken, "digit")
    hit = caught(case, check(new, published=published, history=store, config=NC4), seen)
    groups = ["all", r.get("how", "?")]
    same = _same_fact(text, at, by_id[r["earlier"]]["text"], r["earlier_figure"])
    if same:
        groups.append("same fact")
    for g in groups:
        out.setdefault(g, Counter()).update(cases=1, caught=int(hit))
    if show and not hit:
        s0 = max(0, at - 160)
        print(f"MISSED {r['later']} {r['figure']} -> {broken} (as {r['earlier_figure']!r} in {r['earlier']}; "
              f"{r.get('how')}{'; same fact' if same else ''}): ...{new[s0:at + 80]!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", type=Path, nargs="+")
    ap.add_argument("--missed", action="store_true", help="print every missed break and false alarm")
    args = ap.parse_args()
    articles = [a for f in args.folders for a in _read(f / "articles.jsonl")]
    restated = [r for f in args.folders for r in _read(f / "restated.jsonl")]
    out = measure(articles, restated, args.missed)
    arts = out.pop("articles", Counter())
    for group in ("all", "verbatim", "paraphrase", "same fact"):
        t = out.get(group, Counter())
        rate = t["caught"] / t["cases"] if t["cases"] else 0.0
        print(f"{group:10} caught {t['caught']}/{t['cases']} = {rate:.0%}")
    print(f"years and dates left out {out.get('all', Counter())['dates']}; "
          f"unbreakable figures {out.get('all', Counter())['unbreakable']}; articles {arts['checked']}, "
          f"NC4xx warnings on them as written {arts['alarms']}")


if __name__ == "__main__":
    main()
