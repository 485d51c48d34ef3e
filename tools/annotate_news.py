"""Helper for the news dev set: samples sentence references from the BBC corpus and shows them for annotation.

Sentences are stored as references (file, row, start, end, sha1), never as
text, so no corpus text enters the repository.  ``sample`` writes new
references with empty gold; ``show`` prints each referenced sentence with its
gold so an annotator can fill in or review ``tests/data/news_gold.jsonl``.

    python tools/annotate_news.py sample > /tmp/refs.jsonl
    python tools/annotate_news.py show [tests/data/news_gold.jsonl]

Only bbc_train.csv and bbc_val.csv are ever read: bbc_test.csv is held out.
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpora" / "bbc"
FILES = ("bbc_train.csv", "bbc_val.csv")
GOLD = REPO / "tests" / "data" / "news_gold.jsonl"
SEED = 20261125
WITH_NUMBERS_PER_CATEGORY = 26
WITHOUT_NUMBERS_PER_CATEGORY = 4

# A sentence ends at . ! or ? (optionally followed by a closing quote) before
# whitespace and a capital letter or opening quote: "... in 2004. The ..."
_END = re.compile(r"""[.!?]["')]?(?=\s+["'(]?[A-Z])""")
_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|quarter|third|"
    r"couple|several|double|twice|triple)\b", re.I)


def sha1(sentence: str) -> str:
    """A short digest that detects a corpus whose offsets no longer give the stored sentence."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def load_rows(name: str) -> list[dict[str, str]]:
    """The rows of one corpus file in file order (row 0 is the first data row after the header)."""
    with open(BBC / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of an article; the first one is dropped because it carries the headline."""
    spans, start = [], 0
    for m in _END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans[1:]


def has_number(s: str) -> bool:
    return bool(re.search(r"\d", s) or _NUMBER_WORD.search(s))


def sample() -> list[dict]:
    """References to ~150 sentences, stratified by category, with and without numbers."""
    rng = random.Random(SEED)
    pools: dict[tuple[str, bool], list[dict]] = {}
    for name in FILES:
        for i, row in enumerate(load_rows(name)):
            text = row["text"]
            for s, e in sentences(text):
                sent = text[s:e]
                if not 40 <= len(sent) <= 300 or sent.count('"') % 2:
                    continue
                ref = {"file": name, "row": i, "start": s, "end": e, "sha1": sha1(sent),
                       "category": row["category"]}
                pools.setdefault((row["category"], has_number(sent)), []).append(ref)
    out: list[dict] = []
    for cat in sorted({c for c, _ in pools}):
        for numeric, n in ((True, WITH_NUMBERS_PER_CATEGORY), (False, WITHOUT_NUMBERS_PER_CATEGORY)):
            pool = pools[(cat, numeric)]
            chosen: list[dict] = []
            seen_articles: set[tuple[str, int]] = set()
            for ref in rng.sample(pool, len(pool)):  # one sentence per article keeps the set varied
                key = (ref["file"], ref["row"])
                if key in seen_articles:
                    continue
                seen_articles.add(key)
                chosen.append(ref)
                if len(chosen) == n:
                    break
            out.extend(chosen)
    for k, ref in enumerate(out):
        ref["id"] = k
        ref["quantities"] = []
    return out


def text_of(ref: dict, cache: dict) -> str:
    if ref["file"] not in cache:
        cache[ref["file"]] = load_rows(ref["file"])
    return cache[ref["file"]][ref["row"]]["text"][ref["start"]:ref["end"]]


def show(path: Path) -> None:
    cache: dict = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ref = json.loads(line)
        sent = text_of(ref, cache)
        flag = "" if sha1(sent) == ref["sha1"] else "  [SHA1 DRIFT]"
        print(f"#{ref['id']} {ref['category']}{flag}\n  {sent}")
        for q in ref.get("quantities", []):
            print(f"    - {q}")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("sample", "show"):
        print("usage: annotate_news.py sample | show [GOLD.jsonl]", file=sys.stderr)
        return 2
    if not BBC.is_dir():
        print(f"corpus not found: {BBC}", file=sys.stderr)
        return 2
    if argv[0] == "sample":
        for ref in sample():
            print(json.dumps(ref))
    else:
        show(Path(argv[1]) if len(argv) > 1 else GOLD)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
