"""The date vocabulary (numcheck/data/dates.tsv) and the small number-word readers dates need.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...text import alternation
from .arith import Ref
from .form import Skip


def _trie(words: set[str]) -> str:
    """A regex alternation shaped as a trie ("jan(?:uary)?|ju(?:ly|ne)"), a space matching one space."""
    return alternation(words, space=r"\ ")


@dataclass(frozen=True)
class Vocab:
    """The date words of ``dates.tsv`` by kind; ``cap`` holds words that count only when capitalised."""

    words: dict[str, dict[str, str]]
    cap: frozenset[str]

    def alt(self, kind: str, exclude: tuple[str, ...] = ()) -> str:
        """A regex alternation of the words of one kind, longest first; capitalised-only words case-sensitive."""
        plain = {w for w in self.words[kind] if w not in exclude and w not in self.cap}
        capped = [w for w in self.words[kind] if w not in exclude and w in self.cap]
        out = [_trie(plain)] if plain else []
        out += [f"(?-i:{w.capitalize()}|{w.upper()})" for w in capped]
        return "|".join(out)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    words: dict[str, dict[str, str]] = {}
    cap: set[str] = set()
    raw = resources.files("numcheck.data").joinpath("dates.tsv").read_text(encoding="utf-8")
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"dates.tsv line {n}: expected kind<TAB>word<TAB>value, got {line!r}")
        kind, word, value = parts[0], parts[1].lower(), parts[2]
        words.setdefault(kind, {})[word] = value
        if len(parts) > 3 and parts[3].strip() == "cap":
            cap.add(word)
    return Vocab(words, frozenset(cap))


def _num_words(s: str) -> int | None:
    """'twenty-one' -> 21, 'fifteen' -> 15, '3' -> 3, 'a few' -> 3 (small cardinals only)."""
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    s = re.sub(r"^an?\s+(?=few|couple)", "", s)
    cards = vocab().words["card"]
    total = 0
    seen = False
    for tok in re.split(r"[\s-]+", s):
        if tok in ("and", "of", ""):
            continue
        if tok not in cards:
            return None
        total += int(cards[tok])
        seen = True
    return total if seen else None


def _ord_words(s: str) -> int | None:
    """'twenty-first' -> 21, '3rd' -> 3, 'fifteen' -> 15."""
    s = s.lower().strip().rstrip(".")
    m = re.match(r"(\d+)(?:st|nd|rd|th)?$", s)
    if m:
        return int(m.group(1))
    ords = vocab().words["ord"]
    toks = [t for t in re.split(r"[\s-]+", s) if t]
    if not toks:
        return None
    if toks[-1] in ords:
        head = _num_words(" ".join(toks[:-1])) if len(toks) > 1 else 0
        return None if head is None else head + int(ords[toks[-1]])
    return _num_words(s)


def _year_words(s: str) -> int | None:
    """A year in words: 'nineteen seventy eight' -> 1978, 'two thousand and eighteen' -> 2018."""
    s = s.lower().replace("-", " ")
    toks = [t for t in s.split() if t != "and"]
    if not toks:
        return None
    if toks[:2] == ["two", "thousand"]:
        rest = _num_words(" ".join(toks[2:])) if len(toks) > 2 else 0
        return None if rest is None else 2000 + rest
    if len(toks) >= 2:
        head = _num_words(toks[0])
        if head is not None and 10 <= head <= 20:
            tail = toks[1:]
            if tail[0] in ("zero", "oh", "o"):
                v = _num_words(" ".join(tail[1:]))
                return None if v is None else head * 100 + v
            if tail == ["hundred"]:
                return head * 100
            v = _num_words(" ".join(tail))
            if v is not None and 10 <= v <= 99:
                return head * 100 + v
    return None


def _year_value(s: str, ref: Ref = None) -> int | None:
    """A year written as digits (2005, '05) or words; two digits pivot on the reference (or 1950-2049)."""
    s = s.strip().lstrip("'’")
    if s.isdigit():
        if len(s) == 4:
            return int(s)
        if len(s) == 2:
            v = int(s)
            pivot = (ref.year % 100 + 20) % 100 if ref else 50
            century = (ref.year // 100 * 100) if ref else 2000
            if ref is None:
                return 2000 + v if v < 50 else 1900 + v
            return century + v if v <= pivot else century - 100 + v
        return None
    return _year_words(s)


MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def month_of(s: str) -> int:
    """The month a word names: "Sept." -> 9; an all-capital abbreviation ("DEC") is an acronym, not a month."""
    word = s.rstrip(".")
    if word.isupper() and word.lower() in MONTH_ABBREVIATIONS:
        raise Skip
    return int(vocab().words["month"][word.lower()])


def weekday_of(s: str) -> int:
    """The ISO weekday a word names: "Thurs." -> 4, "Sundays" -> 7."""
    w = s.lower().rstrip(".")
    if w.endswith("s") and w not in vocab().words["weekday"]:
        w = w[:-1]
    return int(vocab().words["weekday"][w])


def year_of(s: str, ref: Ref = None) -> int:
    """A year as written inside a date (see _year_value); a string that is no year means the match is no date."""
    y = _year_value(s, ref)
    if y is None:
        raise Skip
    return y


def count_of(s: str) -> int:
    """A count written in a date phrase ("two", "a few", "3"); a word that is none means the match is no date."""
    n = _num_words(s)
    if n is None:
        raise Skip
    return n


def ordinal_of(s: str, most: int | None = None) -> int:
    """An ordinal written in a date phrase ("third", "21st"), from 1 to ``most``; anything else: no date."""
    n = _ord_words(s)
    if n is None or n < 1 or most is not None and n > most:
        raise Skip
    return n
