"""The shared text layer: the sentence index, the one plural table and singular, and regex alternations.

Every check that asks "which sentence holds this claim?" asks the same
``SentenceIndex``, built once per text (``Context.sentences``), and so does
the history store; each lookup is a binary search, so a check that asks once
per claim stays linear in the text.

A line break always ends a sentence: a headline, a list item, a table row or a
plain-text paragraph is a statement of its own.  Prose hard-wrapped inside a
sentence is split at the wrap too, which can only cost a check a pair of
claims (a miss), never join two statements (a false alarm).

The extractor keeps two local tests of its own, for other questions: whether a
capital opens a clause (extract/quantities.py, after colons and brackets too)
and where the clause before a date begins (extract/dates/resolve.py, at
semicolons too); they look a few characters back and run before any index.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

# A sentence ends at . ! or ? (closing quotes and brackets may follow) before white space and a
# capital, a digit, a currency sign or an opening quote:  'said Sella. "This season'  /  'in 2004. The'
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00a3$\u20ac])"
                  # ...and at a line break: a paragraph, a headline, a list item or a table row
                  r"|\n\s*")
# ...but not at the full stop of an abbreviation or an initial: "Mr. Smith", "J. Smith", "U.S. troops"
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bMrs?|\bDr|\bSt|\bNo)$")
# ...nor at a month's abbreviation before its day: "The bombings on Aug. 7 killed 259 people"
_MONTH_DAY = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$")


def sentence_starts(text: str) -> list[int]:
    """The offset of each sentence's first character (after the white space before it); the first is 0."""
    starts = [0]
    for m in _END.finditer(text):
        i = m.start()
        if text[i] == "." and "\n" not in m.group() and (
                _ABBREVIATION.search(text, max(0, i - 3), i)
                or _MONTH_DAY.search(text, max(0, i - 5), i) and text[m.end():m.end() + 1].isdigit()):
            continue
        if m.end() > starts[-1]:
            starts.append(m.end())
    return starts


class SentenceIndex:
    """The sentences of one text: ``span(pos)`` is the sentence holding offset ``pos`` as (start, end).

    A sentence runs from its first character to the next sentence's first
    character (trailing white space included), so the spans cover the text.
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = sentence_starts(text)

    def __len__(self) -> int:
        return len(self.starts)

    def index(self, pos: int) -> int:
        """The number of the sentence holding ``pos`` (0 for the first)."""
        return max(bisect_right(self.starts, pos) - 1, 0)

    def span_at(self, i: int) -> tuple[int, int]:
        """(start, end) of sentence number ``i``."""
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def span(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``."""
        return self.span_at(self.index(pos))

    def sentence(self, pos: int) -> str:
        """The text of the sentence holding ``pos``, white space stripped."""
        start, end = self.span(pos)
        return self.text[start:end].strip()

    def spans(self) -> list[tuple[int, int]]:
        """Every sentence's (start, end), in order."""
        return [self.span_at(i) for i in range(len(self.starts))]


# ---------------------------------------------------------------- plurals: one table, one rule set

_GRAMMAR_S = frozenset({"is", "was", "has", "as", "us", "this", "its", "his", "plus", "minus", "across",
                        "less", "unless", "thus", "perhaps", "always", "whereas", "towards", "afterwards"})
_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")


@dataclass(frozen=True)
class Plurals:
    """numcheck/data/plurals.tsv: irregular plurals and their singulars, and words in -s that are no plural."""

    singular: dict[str, str]    # every listed word -> its singular ("people" -> "person", "news" -> "news")
    plural: frozenset[str]      # listed words that are plurals ("people", "sheep")
    both: frozenset[str]        # the same word for one and many ("sheep", "series")
    not_plural: frozenset[str]  # listed words in -s that are not ("news", "rabies")


@lru_cache(maxsize=1)
def plurals() -> Plurals:
    from .datafiles import DataFileError, table

    singular: dict[str, str] = {}
    plural: set[str] = set()
    both: set[str] = set()
    not_plural: set[str] = set()
    for word, one, number in table("plurals.tsv", ("word", "singular", "number")):
        word, one = word.lower(), one.lower()
        singular[word] = one
        if number in ("plural", "both"):
            plural.add(word)
            if number == "both":
                both.add(word)
        elif number == "singular":
            not_plural.add(word)
        else:
            raise DataFileError(f"numcheck/data/plurals.tsv: {word!r} has number {number!r}, not plural, singular or both")
    return Plurals(singular, frozenset(plural), frozenset(both), frozenset(not_plural))


def is_plural(word: str) -> bool:
    """Whether a word as written is a plural noun: "troops", "people", "MPs"; not "news", "Athens", "Series H"."""
    table = plurals()
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return True  # PCs, MPs, CDs
    w = word.lower().rsplit("-", 1)[-1]
    if word[:1].isupper() and w in table.both:
        return False  # "Series H", "F-Series": a name
    if word[:1].isupper() and w not in table.plural and not word.isupper():
        if not word[1:].islower():
            return False
        if word.endswith(("eles", "ens", "ings")):
            return False  # "Los Angeles", "Athens", "Hastings": names, not plurals
    if w in table.plural:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "ous", "sis")) and w not in table.not_plural \
        and w not in _GRAMMAR_S


def singular(word: str) -> str:
    """One noun in the lower-case singular: "Troops" -> "troop", "casualties" -> "casualty", "knives" -> "knife",
    "workers'" -> "worker"; a hyphenated word changes its last part ("sub-editors" -> "sub-editor")."""
    w = _POSSESSIVE.sub("", word.lower().strip(".,;:\"()"))
    table = plurals()
    head, dash, last = w.rpartition("-")
    if last in table.singular:
        return head + dash + table.singular[last]
    if last.endswith("ies") and len(last) > 4:
        return head + dash + last[:-3] + "y"
    if last.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return head + dash + last[:-2]
    if is_plural(last):
        return head + dash + last[:-1]
    return w


# ---------------------------------------------------------------- regex alternations

_Trie = dict[str, "_Trie"]  # a character -> the rest; "" marks the end of a phrase


def alternation(phrases: "Iterable[str]", space: str = r"\s+") -> str:
    """A regex alternation of phrases as a prefix tree; a space in a phrase matches ``space``.

    "ten|twelve|twenty" becomes "t(?:en|we(?:lve|nty))": the regex engine reads
    each character once instead of trying every phrase in turn.  Where one
    phrase ends and a longer one goes on, the longer is tried first, as with a
    longest-first list.  Runs of spaces in a phrase count as one; ``space`` is
    ``r"\\s+"`` (any white space) or ``r"[\\s-]+"`` where a hyphen may join the
    words ("two thirds", "two-thirds").  The result is a group: it can be
    followed by a quantifier or a boundary as it stands.
    """
    trie: _Trie = {}
    for phrase in set(" ".join(p.split()) for p in phrases):
        if not phrase:
            continue
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _emit(trie, space) + ")"


def _emit(node: _Trie, space: str) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = space if ch == " " else re.escape(ch)
        branches.append(piece + _emit(node[ch], space))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?"
    return body


_COMPOUND = re.compile(r"-([A-Za-z]+)\b")
# a deadline, which dates what may happen by then, not a sentence's figures: "until 5 p.m. EST Nov. 9", "set to
# expire Nov. 6", "could take until the spring" (NC401, NC110; matched at the date's start)
DEADLINE = re.compile(r"\b(?:until|till|expire[sd]?|expiring)\s+(?:[^;:!?]{0,16}?\s)?$", re.I)


def compound_noun(text: str, end: int) -> str:
    """The word a hyphen joins to the number ending at ``end``, as written ("the 120-seat parliament" -> "seat"),
    or "": the noun of a compound modifier."""
    m = _COMPOUND.match(text, end)
    return m.group(1) if m else ""


def head_noun(subject: str) -> str:
    """The last word of a subject, in the lower-case singular: "Russian civilians" -> "civilian", "PCs" -> "pc"."""
    if not subject:
        return ""
    last = subject.split()[-1]
    if len(last) > 2 and last.endswith("s") and last[:-1].isupper():
        return last[:-1].lower()
    return singular(last)


# a wire dateline opening a paragraph: "HYDEN, Ky., Dec 5 (AP) -", "HARBIN, Nov. 21 (Xinhua) --": its date is the report's
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(?:,\s*[A-Z][A-Za-z.]*(?:\s+[A-Z][A-Za-z.]*)*?)*(?:,\s*[A-Z][a-z]+\.?\s*\d{1,2}\s*\([A-Za-z -]+\)"
                       r"|\s*\([A-Z][A-Za-z]{1,11}\)(?=\s*(?:--|-|\u2013|\u2014)))")
# (its date may be left out before a one-word agency and a dash: "NAIROBI (AFP) -"; not "AIDS (Acquired Immune
# Deficiency Syndrome)"; its country may take two words: "INCHEON, South Korea, Nov 9 (AFP)")


_AFTER_DATELINE = re.compile(r"\s*(?:--|-|\u2013|\u2014)?\s*")


def after_dateline(text: str, start: int) -> int:
    """Where the words of a sentence starting at ``start`` begin, past a wire dateline and its dash if it opens on one
    ("DOHA, Dec 9 (AFP) - China, which ..." -> the "C")."""
    while start < len(text) and text[start].isspace():
        start += 1
    m = DATELINE.match(text, start)
    return _AFTER_DATELINE.match(text, m.end()).end() if m else start  # type: ignore[union-attr]


def in_dateline(text: str, pos: int) -> bool:
    """Whether ``pos`` lies in a wire dateline at the start of its paragraph: a date there dates the report, not an
    event."""
    start = text.rfind("\n\n", 0, pos)
    start = 0 if start < 0 else start + 2
    while start < pos and text[start].isspace():
        start += 1
    m = DATELINE.match(text, start)
    return m is not None and pos < m.end()


# verbs that move a rate to its new level, before the rate's noun: "taking the pass percentage to 84.8" (read by the
# extractor, numcheck/extract/unit.py, and by NC104, checks/percentages/_common.py)
RATE_MOVERS = r"(?:taking|bringing|pushing|putting|lifting)"
# a compass direction, as a regex: "north", "south-west", "northeast" (a length lies that way: "225 km west of Tehran")
COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?"
