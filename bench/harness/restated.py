"""The history kind: a figure an earlier article stated, restated by a later one about the same fact, then changed.

The articles of a corpus are taken in publication order (file order for the
undated BBC) and each is checked against a numcheck.History holding every
article before it (and, for a held-out corpus, the development articles
before those), as a newsroom's store would be.  A site is a figure of the
later article (digits, not a year, a day or a range end, not a bare count
under 10 or a number inside a name ("Windows 95", "the Hot 100", "Bet 365", a team sheet's "(Kezman 74)", an
HTML "&#233;"), not a one-sided bound: "more than 5,000" and "more than 3,000" can both be true) whose value and unit an earlier article states in a sentence sharing
most of its words with the later one (MIN_SHARE of the larger sentence's
words, figures left out) and at least one name, and where each figure's
subject (the name nearest before it in its sentence, if any) is a word of the
other sentence: "the same fact".  Without the name, and without the subject,
the template sentences of market reports pair one company's figures with
another's ("Esselte closed yesterday at $43.50" after "Philip Morris shares
closed yesterday at $43.50"), where silence is right.  The
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
SUBJECT_WORDS = 8  # a figure's subject stands within this many words before it ("Esselte closed yesterday at")
# a market's session: its figures are that day's, so a report of another day states another fact ("In the first 15
# minutes of trading, the Nikkei rose ...", "light sweet crude ... lost 45 cents to 62.98 dollars per barrel")
_MARKET = re.compile(r"\b(?:trading|traded|closed|closing|session|index|futures|contract|points|(?:a|per)\s+(?:barrel|share))\b",
                     re.I)
MIN_WORDS = 6    # shorter "sentences" are table rows and headlines
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CALENDAR = (frozenset(calendar.day_name) | frozenset(calendar.month_name[1:])  # capitalised, but not names
             | frozenset(calendar.month_abbr[1:]) | {"Sept"})
_LEGAL_FORMS = frozenset({"Co", "Corp", "Inc", "Ltd", "Plc", "PLC", "SA", "AG"})  # end a name, never a subject
NC4 = {"select": ["NC4"]}


@dataclass(frozen=True)
class Sentence:
    """A sentence's words (lower case, figures left out), its names (capitalised words after the first), and
    the subject of the figure read in it: the name nearest before the figure, the first word counting
    unless it is a function word ("Ralston shares closed", not "In composite trading")."""

    words: frozenset[str]
    names: frozenset[str]
    subject: str | None = None
    market: bool = False

    @classmethod
    def of(cls, sentence: str, figure_at: int | None = None) -> "Sentence":
        tokens = _WORD.findall(sentence)
        names = frozenset(t for t in tokens[1:] if t[0].isupper() and t not in _CALENDAR)
        subject = None if figure_at is None else _subject(sentence[:figure_at])
        return cls(frozenset(t.lower() for t in tokens), names, subject, bool(_MARKET.search(sentence)))

    def same_fact(self, other: "Sentence") -> bool:
        """Most words in common (MIN_SHARE of the larger sentence's), a name in common, and not two figures of
        two subjects (_other_subject)."""
        shared = len(self.words & other.words) / max(len(self.words), len(other.words), 1)
        return (shared >= MIN_SHARE and bool(self.names & other.names)
                and not self._other_subject(other))

    def _other_subject(self, other: "Sentence") -> bool:
        """Both figures have a subject and neither is a word of the other sentence: another company's
        price in the same template, not a restatement (a paraphrase keeps one of the two)."""
        if self.subject is None or other.subject is None:
            return False
        return not (_told_in(self.subject, other) or _told_in(other.subject, self))


def _told_in(subject: str, sentence: Sentence) -> bool:
    """Whether a figure's subject is a word of the sentence, possessive or not."""
    return any(_bare(w) == subject for w in sentence.words)


def _bare(word: str) -> str:
    """A word without its possessive ending ("EDS'", "Elvis's")."""
    return word.removesuffix("'s").removesuffix("'")


def _subject(before: str) -> str | None:
    """The name nearest before a figure (lower case), if one of the SUBJECT_WORDS words before it is a name."""
    from numcheck.extract.lexicon import lexicon

    tokens = _WORD.findall(before)
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 1 - SUBJECT_WORDS), -1):
        t = tokens[i]
        if t[0].isupper() and t not in _CALENDAR and t not in _LEGAL_FORMS and (i > 0 or t.lower() not in lexicon().stopwords):
            return _bare(t.lower())
    return None


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
        if not n.plain or n.bound or n.value <= 0 \
                or (n.bare and (n.value < 10 or in_name(text, n.start) or _TITLE_AFTER.match(text, n.end))):
            continue
        s0, s1 = index.span(n.start)
        sentence = Sentence.of(text[s0:s1], n.start - s0)
        if len(sentence.words) >= MIN_WORDS:
            yield n, sentence


# a bare number right after a capitalised word that does not open its sentence ("Windows 95", "the Hot 100",
# "Super Mario 64", "Bet 365", "(Kezman 74)"), or continuing such a list ("Windows 95, 98"), or in an HTML
# character reference ("Jos&#233;"): part of a name, not a figure a report restates
_NAME_BEFORE = re.compile(r"(?:(?:(?<=[^\s.!?\"'\u201c])\s+|\()[A-Z][A-Za-z]*(?:\s+\d+,)*|&#)\s*$")


# a bare number before two capitalised words, the first no plural: a name's ("the FBI's 10 Most Wanted List"), not a
# count ("12 Americans were", a headline's "12 Soldiers Die")
_TITLE_AFTER = re.compile(r"\s+(?![A-Z][a-z]+s\b)[A-Z][a-z]+\s+[A-Z][a-z]+")


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

    by_key: dict[tuple, list[tuple[str, Sentence, str | None]]] = field(default_factory=dict)
    articles: int = 0

    def add(self, article: Article) -> None:
        for n, ws in _figures(article.text):
            self.by_key.setdefault(_key(article.text, n), []).append((article.id, ws, article.published))
        self.articles += 1

    def restated(self, article: Article) -> list[Site]:
        """The figures of ``article`` an earlier article stated about the same fact (a market's figures only on the
        same day)."""
        out = []
        for n, ws in _figures(article.text):
            same = [aid for aid, old, day in self.by_key.get(_key(article.text, n), ())
                    if aid != article.id and ws.same_fact(old)
                    and not ((ws.market or old.market) and day and article.published and day[:10] != article.published[:10])]
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
