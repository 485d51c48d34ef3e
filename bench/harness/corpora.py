"""The corpora the harness measures on, as dated articles with stable ids.

    bbc-train, bbc-val, bbc-dev (train+val), bbc-test   BBC 2004-2005, undated: checked as published "2005"
    wire-dev, wire-test    the Gigaword silver wire (AFP, Xinhua), split in two fixed halves by a hash
                           of the file name; each document carries its own publication date (DCT)
    tbaq                   TimeBank + AQUAINT, dated; development data like wire-dev

bbc-test and wire-test are for measurement: a run may report their figures,
but their cases are never listed one by one (``is_held_out``).
"""
from __future__ import annotations

import csv
import hashlib
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
BBC = SHARED / "corpora" / "bbc"
BBC_PUBLISHED = "2005"  # the corpus is from 2004-2005 and has no dates (as tests/test_quietness.py checks it)
HELD_OUT = ("bbc-test", "wire-test")
NAMES = ("bbc-train", "bbc-val", "bbc-dev", "bbc-test", "wire-dev", "wire-test", "tbaq")


@dataclass(frozen=True)
class Article:
    """One article: a stable id ("gigaword-silver/AFP_ENG_19970401.0006", "bbc-val/17"), its text and publication date."""

    id: str
    text: str
    published: str | None


def wire_half(name: str) -> str:
    """'dev' or 'test' for a Gigaword file name: the parity of its SHA-1, fixed for ever."""
    return "dev" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "test"


def is_held_out(corpus: str) -> bool:
    """Whether a corpus is measured only: its cases and findings are not to be read while tuning."""
    return corpus in HELD_OUT


def load(corpus: str, limit: int | None = None) -> list[Article]:
    """The articles of one named corpus, in publication order where dated (file order for the BBC)."""
    if corpus not in NAMES:
        raise ValueError(f"unknown corpus {corpus!r} (known: {', '.join(NAMES)})")
    if corpus.startswith("bbc-"):
        split = corpus[4:]
        out = [a for s in (("train", "val") if split == "dev" else (split,)) for a in _bbc(s)]
    elif corpus == "tbaq":
        out = _timeml("timebank") + _timeml("aquaint")
    else:
        half = corpus[5:]
        out = [a for a in _timeml("gigaword-silver") if wire_half(a.id.rsplit("/", 1)[1]) == half]
    if corpus.startswith("wire-") or corpus == "tbaq":
        out.sort(key=lambda a: (a.published or "", a.id))
    return out[:limit] if limit else out


def _bbc(split: str) -> list[Article]:
    path = BBC / f"bbc_{split}.csv"
    if not path.exists():
        raise FileNotFoundError(f"no corpus file {path}")
    csv.field_size_limit(10 ** 8)
    with open(path, newline="", encoding="utf-8") as fh:
        return [Article(f"bbc-{split}/{i}", row["text"], BBC_PUBLISHED) for i, row in enumerate(csv.DictReader(fh))]


def _timeml(folder: str) -> list[Article]:
    sys.path.insert(0, str(ROOT / "tests"))
    import timeml  # tests/timeml.py: the one TimeML reader

    paths = timeml.files(folder)
    if not paths:
        raise FileNotFoundError(f"no TimeML files under {timeml.TIMEML / folder}")
    docs = (timeml.read(p) for p in paths)
    return [Article(f"{folder}/{d.path.stem}", d.text, d.published) for d in docs]
