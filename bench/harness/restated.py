"""The history kind: a figure an earlier article stated, restated by a later one about the same fact, then changed.

The articles of a corpus are taken in publication order (file order for the
undated BBC) and each is checked against a numcheck.History holding every
article before it (and, for a held-out corpus, the development articles
before those), as a newsroom's store would be.  A site is a figure of the
later article (digits, not a year, a day or a range end, not a bare count
under 10 or a number inside a name ("Windows 95", "the Hot 100", "Bet 365", a team sheet's "(Kezman 74)", an
HTML "&#233;"), not a one-sided bound: "more than 5,000" and "more than 3,000" can both be true) whose value and unit an earlier article states in a sentence sharing
most of its words with the later one (MIN_SHARE of the larger sentence's
words, figures left out) and at least one name: "the same fact" (without the
name, the template sentences of earnings and market reports would pair one
company's figures with another's).  The
site is broken as every other kind is (harness.edits: the leading digit, a
fifth or more) and caught by a new NC4xx at the figure.  The NC4xx findings on
the unbroken articles are the false-alarm figure.
"""
from __future__ import annotations

import calendar
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .corpora import Article
from .measure import Case, Tally, caught, make_case
from .numbers import Number, numbers
from .sites import Site, Target

MIN_SHARE = 0.5  # "share most of their words": at least half of the larger sentence's words are in the other
MIN_WORDS = 6    # shorter "sentences" are table rows and headlines
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CALENDAR = frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])  # capitalised, but not names
NC4 = {"select": ["NC4"]}


@dataclass(frozen=True)
class Sentence:
    """A sentence's words (lower case, figures left out) and its names (capitalised words after the first)."""

    words: frozenset[str]
    names: frozenset[str]

    @classmethod
    def of(cls, sentence: str) -> "Sentence":
        tokens = _WORD.findall(sentence)
        names = frozenset(t for t in tokens[1:] if t[0].isupper() and t not in _CALENDAR)
        return cls(frozenset(t.lower() for t in tokens), names)

    def same_fact(self, other: "Sentence") -> bool:
        """Most words in common (MIN_SHARE of the larger sentence's) and a name in common."""
        shared = len(self.words & other.words) / max(len(self.words), len(other.words), 1)
        return shared >= MIN_SHARE and bool(self.names & other.names)


def _key(text: str, n: Number) -> tuple:
    """A figure's value and unit; for a bare count, also the word after it ("12 Americans" is not "12 soldiers")."""
    head = ""
    if n.bare:
        m = _WORD.match(text[n.end:n.end + 30].lstrip())
        head = m.group().lower() if m else ""
    return (round(n.value, 6), n.percent, n.points, frozenset(u.unit for u in n.units), head)


def _figures(text: str) -> Iterable[tuple[Number, Sentence]]:
    """Each restatable figure of a text with its sentence."""
    from numcheck.text import SentenceIndex

    index = SentenceIndex(text)
    for n in numbers(text):
        if not n.plain or n.bound or n.value <= 0 or (n.bare and (n.value < 10 or in_name(text, n.start))):
            continue
        s0, s1 = index.span(n.start)
        sentence = Sentence.of(text[s0:s1])
        if len(sentence.words) >= MIN_WORDS:
            yield n, sentence


# a bare number right after a capitalised word that does not open its sentence ("Windows 95", "the Hot 100",
# "Super Mario 64", "Bet 365", "(Kezman 74)"), or continuing such a list ("Windows 95, 98"), or in an HTML
# character reference ("Jos&#233;"): part of a name, not a figure a report restates
_NAME_BEFORE = re.compile(r"(?:(?:(?<=[^\s.!?\"'\u201c])\s+|\()[A-Z][A-Za-z]*(?:\s+\d+,)*|&#)\s*$")


def in_name(text: str, start: int) -> bool:
    """Whether the bare number at ``start`` is part of a name (see _NAME_BEFORE)."""
    before = text[max(0, start - 60):start]
    m = _NAME_BEFORE.search(before)
    if m is None:
        return False
    word = re.match(r"[\s(]*([A-Z][A-Za-z]*)", m.group())
    return word is None or word.group(1) not in _CALENDAR  # "March 15" is a date, read elsewhere


@dataclass
class Earlier:
    """The figures earlier articles stated, by value and unit, with the words of the sentences stating them."""

    by_key: dict[tuple, list[tuple[str, Sentence]]] = field(default_factory=dict)
    articles: int = 0

    def add(self, article: Article) -> None:
        for n, ws in _figures(article.text):
            self.by_key.setdefault(_key(article.text, n), []).append((article.id, ws))
        self.articles += 1

    def restated(self, article: Article) -> list[Site]:
        """The figures of ``article`` an earlier article stated about the same fact."""
        out = []
        for n, ws in _figures(article.text):
            same = [aid for aid, old in self.by_key.get(_key(article.text, n), ()) if aid != article.id and ws.same_fact(old)]
            if same:
                out.append(Site("history", ((n.start, n.end),), (Target(n.digits_start, n.digits_end, "digit"),),
                                "ok", f"{n.text} as in {same[-1]}"))
        return out


@dataclass
class HistoryResult:
    """The history kind on one corpus: the tally, the articles checked against a store, their NC4xx, the misses."""

    tally: Tally = field(default_factory=Tally)
    checked: int = 0
    nc4: Counter = field(default_factory=Counter)
    missed: list[Case] = field(default_factory=list)
    findings: list[tuple[Article, Any]] = field(default_factory=list)  # the NC4xx on the unbroken articles


def measure(articles: list[Article], background: list[Article], seed: int) -> HistoryResult:
    """Check each article against a store of those before it; break one restated figure of each."""
    from numcheck import History, check

    result = HistoryResult()
    earlier = Earlier()
    with tempfile.TemporaryDirectory() as tmp:
        store = History(Path(tmp) / "history.db")
        for a in background:
            store.add(a.text, published=a.published, source=a.id)
            earlier.add(a)
        for a in articles:
            if earlier.articles:
                _check_one(a, store, earlier, seed, result, check)
            store.add(a.text, published=a.published, source=a.id)
            earlier.add(a)
        store.close()
    return result


def _check_one(a: Article, store, earlier: Earlier, seed: int, result: HistoryResult, check) -> None:
    fs = check(a.text, published=a.published, history=store, config=NC4)
    result.checked += 1
    result.nc4.update(f.code for f in fs)
    result.findings.extend((a, f) for f in fs)
    case = make_case(a, earlier.restated(a), seed)
    if case is None:
        return
    before = {(f.code, f.message) for f in fs}
    hit = caught(case, check(case.text, published=a.published, history=store, config=NC4), before)
    result.tally.add(case, hit)
    if not hit:
        result.missed.append(case)
