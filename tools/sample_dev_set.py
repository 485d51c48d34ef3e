"""Samples the corpus half of the blind quantity dev set (tests/data/news_dev.jsonl) as sentence references.

Reads the TimeML wire (Gigaword silver, TimeBank, AQUAINT) with the tests'
reader, splits each document's plain text into sentences, and draws sentences
with a fixed seed across many files, at most two per file.  Sentences with
digits or number words are preferred but not required, so the sample also holds
dates, names and sentences with no number at all (the false-positive side).

Only references are written (file, start, end, sha1 of the sentence, DCT):
no corpus text enters the repository.  Nothing here looks at numcheck.

    python3 tools/sample_dev_set.py > /tmp/refs.jsonl
"""
from __future__ import annotations

import hashlib
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import timeml  # noqa: E402

SEED = 20240614
# (folder, source label, sentences wanted)
QUOTAS = (("gigaword-silver", "gigaword", 160), ("timebank", "timebank", 55), ("aquaint", "aquaint", 25))
SECOND_SENTENCE = 0.3     # chance that a drawn file gives a second sentence
MIN_CHARS, MAX_CHARS = 40, 420

# words that end in a full stop without ending a sentence:  Mr.  U.S.  Jan.  Corp.  No.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
    "prof", "jr", "sr", "rev", "messrs", "co", "corp", "inc", "ltd", "bros", "no", "nos", "vs", "v", "etc",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave",
    "fig", "approx", "dept", "univ", "assn", "calif", "fla", "mass", "conn", "ill", "penn", "wash", "ariz",
}
# a sentence end: . ! ? (and a closing quote), space, then an opening quote, capital or digit
_END = re.compile(r"(?<=[.!?])([\"'’”]*)(\s+)(?=[\"“'`(]*[A-Z0-9])")
_NUMBER_WORD = re.compile(
    r"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|"
    r"quarters?|thirds?|twice|several|\w+fold)\b", re.I)
_DIGITS = re.compile(r"\d")
_YEAR_ONLY = re.compile(r"\b(1[89]\d\d|20[0-2]\d)s?\b")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: paragraphs split on blank lines, then on sentence ends."""
    spans = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        start = para.start()
        for m in _END.finditer(para.group()):
            end = para.start() + m.start() + len(m.group(1))
            word = re.search(r"([A-Za-z]+)\.$", text[start:end - len(m.group(1))])
            if word and (word.group(1).lower() in _ABBREV or len(word.group(1)) == 1):
                continue
            spans.append((start, end))
            start = para.start() + m.end()
        spans.append((start, para.end()))
    return [(s, e) for s, e in (_trim(text, s, e) for s, e in spans) if s < e]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def prose(sentence: str) -> bool:
    """A sentence of running text: not a table row, a dateline or a headline fragment."""
    return (MIN_CHARS <= len(sentence) <= MAX_CHARS and "   " not in sentence and "\t" not in sentence
            and sentence.rstrip("\"'’”)").endswith((".", "!", "?")))


def weight(sentence: str) -> float:
    """Preference for a sentence: numbers beyond years first, then number words, then the rest."""
    without_years = _YEAR_ONLY.sub("", sentence)
    if _DIGITS.search(without_years):
        return 12.0
    if _NUMBER_WORD.search(sentence):
        return 6.0
    if _DIGITS.search(sentence):
        return 1.0
    return 0.3


def draw(rng: random.Random, folder: str, source: str, wanted: int, seen: set[str]) -> list[dict]:
    """Up to ``wanted`` references from one folder, files in a seeded order, one or two sentences each.

    ``seen`` holds the digests drawn so far: a sentence repeated in another file (the wire reissues
    stories) is drawn once.
    """
    paths = timeml.files(folder)
    rng.shuffle(paths)
    out: list[dict] = []
    for path in paths:
        if len(out) >= wanted:
            break
        doc = timeml.read(path)
        spans = [(s, e) for s, e in sentences(doc.text)
                 if prose(doc.text[s:e]) and _digest(doc.text[s:e]) not in seen]
        if not spans:
            continue
        k = min(2 if rng.random() < SECOND_SENTENCE else 1, wanted - len(out), len(spans))
        chosen = _weighted_sample(rng, spans, [weight(doc.text[s:e]) for s, e in spans], k)
        for s, e in sorted(chosen):
            out.append({"source": source, "file": f"{folder}/{path.name}", "start": s, "end": e,
                        "sha1": _digest(doc.text[s:e]), "published": (doc.published or "")[:10]})
            seen.add(_digest(doc.text[s:e]))
    return out


def _digest(sentence: str) -> str:
    """First 12 hex digits of the sentence's SHA-1 (UTF-8): the check that a reference still holds."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def _weighted_sample(rng: random.Random, items: list, weights: list[float], k: int) -> list:
    items, weights = list(items), list(weights)
    chosen = []
    for _ in range(k):
        i = rng.choices(range(len(items)), weights=weights)[0]
        chosen.append(items.pop(i))
        weights.pop(i)
    return chosen


def main() -> None:
    rng = random.Random(SEED)
    seen: set[str] = set()
    for folder, source, wanted in QUOTAS:
        for ref in draw(rng, folder, source, wanted, seen):
            print(json.dumps(ref))


if __name__ == "__main__":
    main()
