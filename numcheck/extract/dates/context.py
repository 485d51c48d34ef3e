"""What the words around a date say about it: the tense of its clause, and a count noun that makes it no date.

"will meet on 3 March" is the next 3 March, "met on 3 March" the latest one;
"in 2000 homes" is a count, not a year.  Resolvers ask these questions of the
text; the answers are cue words (numcheck/data/tense.tsv), read in the clause
around the match.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...text import alternation


# a plural noun or a unit right after a number: "2005 people", "May 5 km", "1,000 metres" (not "is", "was"...)
COUNT_NOUN = re.compile(
    r"\s*(?:[a-z]+s\b(?<!\bis)(?<!\bwas)(?<!\bhas)(?<!\bas)(?<!\bthis)(?<!\bits)(?<!\bhis)(?<!\bthus)(?<!\bplus)(?<!\bacross)(?<!\bless)(?<!\bunless)"
    r"(?<!\bdoes)(?<!\bgoes)(?<!\bsays)(?<!\bmakes)(?<!\bsees)(?<!\bmeans)(?<!\bonwards)(?<!\bafterwards)(?<!\btowards)(?<!\bwas)|km\b|kg\b|mph\b|mm\b|cm\b|ft\b|lb\b|g\b|m\b|mi\b|kWh?\b|MW\b|GW\b|tonnes?\b|metres?\b|meters?\b|feet\b|people\b|men\b|women\b|children\b|sq\b)"
)


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    """The tense cue phrases of numcheck/data/tense.tsv by kind, longest first."""
    out: dict[str, list[str]] = {}
    raw = resources.files("numcheck.data").joinpath("tense.tsv").read_text(encoding="utf-8")
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, sep, phrase = line.partition("\t")
        if not sep or not phrase.strip():
            raise ValueError(f"tense.tsv line {n}: expected kind<TAB>phrase, got {line!r}")
        out.setdefault(kind, []).append(phrase.strip())
    return {k: sorted(v, key=len, reverse=True) for k, v in out.items()}


@lru_cache(maxsize=1)
def _past_verbs() -> frozenset[str]:
    return frozenset(_cues()["past"])


def _alt(kind: str) -> str:
    """The phrases of one kind as a trie-shaped alternation (fast to match); a space matches any whitespace."""
    return alternation(_cues()[kind])


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The verb cues (one pattern: a future match wins where both start, and "will be held" hides its "held"),
    and the words right before a date that put it ahead or behind, compiled."""
    not_past = "".join(rf"(?<!\b{re.escape(w)})" for w in _cues()["not-past"])
    cues = re.compile(
        rf"\b(?:(?P<future>(?i:(?:{_alt('modal')})(?:\s+(?:{_alt('helper')}))*(?:\s+[a-z]+)?"  # will (not be) held
        rf"|(?:(?:is|are|was|were)\s+)?(?:{_alt('to')})\s+to"  # is due to
        rf"|to\s+be\s+[a-z]+|{_alt('future')}))\b"
        rf"|(?P<present>(?:is|are|am)\s+(?:[a-z]+ly\s+)?(?:{_alt('past')}|[a-z]{{3,}}ed))\b"  # "are held": no past
        rf"|(?P<past>{_alt('past')}|[a-z]{{3,}}ed)\b{not_past})")
    ahead = re.compile(rf"\b(?:{_alt('ahead')})\s+\Z", re.I)
    # "since" points back across a few words too: "since shortly after the Oct. 23 slaying"
    behind = re.compile(rf"\b(?:{_alt('behind')})\s+\Z|\bsince\s+(?:[a-z]+\s+){{1,3}}\Z", re.I)
    return cues, ahead, behind


# a sentence end: . ! ? before a capital or quote (not the dot of "Oct. 2", nor of an initial or a title: "4 a.m.
# EDT Thursday", "U.S. officials", "Roe vs. Wade", "Mr. Smith"), a newline, or a semicolon
_SENTENCE_END = re.compile(r"(?:[!?]|\." + "".join(f"(?<!\\b{a}\\.)" for a in ("[a-zA-Z]", "vs", "Mr", "Mrs", "Ms", "Dr", "St", "No"))
                           + r")[\"”’)]?\s+(?=[A-Z\"“‘(`])|\n|;")

# a time of day between such a word and the day: "until 9 a.m. EST Tuesday", "by midnight Friday"
_TIME_BEFORE = re.compile(r"(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[A-Z]{2,4})?|morning|afternoon|evening|night),?\s*\Z",
                          re.I)


def clause_before(text: str, start: int, reach: int = 120) -> str:
    """Up to ``reach`` characters before ``start``, from the last sentence end on."""
    seg = text[max(0, start - reach):start]
    last = None
    for last in _SENTENCE_END.finditer(seg):
        pass
    return seg[last.end():] if last else seg


# where the words after a date stop governing it: a comma, quote or bracket ("... on Thursday,'' Castro said")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”‘’`]|'(?!s\b)")


def _sentence_after(text: str, end: int) -> str:
    after = text[end:end + 200]
    m = _SENTENCE_END.search(after)
    return after[:m.start()] if m else after


def _clause_after(text: str, end: int) -> str:
    after = text[end:end + 80]
    m = _CLAUSE_BREAK.search(after) or _SENTENCE_END.search(after)
    return after[:m.start()] if m else after


@dataclass(frozen=True)
class Told:
    """The tense a date is told in ("future", "past" or None) and whether the cue governs it firmly: a verb or
    "since" right before it ("was held on 3 March", "since October"), not a verb further off in its clause."""

    tense: str | None
    firm: bool = False


def tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None for a date in its clause (see ``told``)."""
    return told(text, start, end).tense


def told(text: str, start: int, end: int) -> Told:
    """The tense of a date's clause: the word right before it if it points one way ("until", "since"), else the
    nearest verb cue on either side ("will meet on Friday", "said Friday")."""
    cues, ahead, behind = _patterns()
    near = _TIME_BEFORE.sub("", text[max(0, start - 40):start])
    before, after = clause_before(text, start), _clause_after(text, end)
    if ahead.search(near):
        if _PAST_PERFECT.search(before.rpartition(",")[2]) or _PAST_PERFECT.search(_sentence_after(text, end)):
            return Told("past")  # "by Wednesday, two members had filed reports": a deadline already passed
        return Told("future")  # not firm: "to repatriate the child by Jan. 14" on 15 January is reported speech
    if behind.search(near):
        return Told("past", True)
    last = None
    future = False
    for m in cues.finditer(before):
        if future and m.lastgroup == "past" and m.group().endswith("ed") and m.group() not in _past_verbs() \
                and not _GOVERNS.fullmatch(before, m.end()):
            continue  # "will redeem preferred shares on Oct. 31": an -ed word after a modal is no past verb
        future = m.lastgroup == "future"
        last = m
    first = cues.search(after)
    if first is None and last is None and _LEADING_COMMA.match(text, end):
        first = cues.search(_sentence_after(text, end))  # "In January, a week after the vote, the company moved"
        if first is not None and first.lastgroup == "future" and _PAST_INTENT.fullmatch(first.group()):
            return Told("past")  # "On Friday, the government planned to pay": the date is the planning's
    if last is not None and (first is None or len(before) - last.end() <= first.start()):
        kind, firm = last.lastgroup, _GOVERNS.fullmatch(before, last.end()) is not None
    elif first is not None:
        kind, firm = first.lastgroup, False
    else:
        return Told(None)
    return Told(kind if kind != "present" else None, firm)


# what may stand between a verb and the date it governs: "announced Wednesday", "held on Friday"
_GOVERNS = re.compile(r"\s*(?:(?:on|in|at|by|during|for|until|since|from|as\s+of)\s+(?:the\s+)?)?", re.I)


# a past perfect in the clause: what was due by a date had happened or not by then ("until Thursday, they had not")
_PAST_PERFECT = re.compile(r"\bhad\s+(?:not\s+|already\s+|never\s+)?[a-z]+(?:ed|en|wn|ne|de|ld|lt|pt|ught|id)\b", re.I)
# an intention told in the past: "planned to", "agreed to" (a date before it, opening the sentence, is the planning's)
_PAST_INTENT = re.compile(r"[a-z]+ed\s+to", re.I)


# a comma right after a date that opens its sentence: the verb it goes with comes after it
_LEADING_COMMA = re.compile(r"\s*,")
