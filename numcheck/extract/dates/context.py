"""What the words around a date say about it: the tense of its clause, and a count noun that makes it no date.

"will meet on 3 March" is the next 3 March, "met on 3 March" the latest one;
"in 2000 homes" is a count, not a year.  Resolvers ask these questions of the
text; the answers are cue words, read in a short window around the match.
"""
from __future__ import annotations

import re

# a plural noun or a unit right after a number: "2005 people", "May 5 km", "1,000 metres" (not "is", "was"...)
COUNT_NOUN = re.compile(
    r"\s*(?:[a-z]+s\b(?<!\bis)(?<!\bwas)(?<!\bhas)(?<!\bas)(?<!\bthis)(?<!\bits)(?<!\bhis)(?<!\bthus)(?<!\bplus)(?<!\bacross)(?<!\bless)(?<!\bunless)"
    r"(?<!\bdoes)(?<!\bgoes)(?<!\bsays)(?<!\bmakes)(?<!\bsees)(?<!\bmeans)(?<!\bonwards)(?<!\bafterwards)(?<!\btowards)(?<!\bwas)|km\b|kg\b|mph\b|mm\b|cm\b|ft\b|lb\b|g\b|m\b|mi\b|kWh?\b|MW\b|GW\b|tonnes?\b|metres?\b|meters?\b|feet\b|people\b|men\b|women\b|children\b|sq\b)"
)

_FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|’ll|is\s+due|are\s+due|due\s+to|is\s+expected|are\s+expected|expected\s+to|plans?\s+to|planned|"
    r"going\s+to|set\s+to|scheduled|to\s+be\s+held|to\s+meet|to\s+visit|to\s+travel|to\s+vote|would|upcoming)\b",
    re.I,
)

# a sentence end: . ! ? before a capital or quote (not the dot of "Oct. 2"), a newline, or a semicolon
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n|;")

_PAST_CUES = re.compile(r"\b(?:was|were|had|did|said|took|began|came|went|held|met|won|lost|[a-z]{3,}ed)\b")


def clause_before(text: str, start: int) -> str:
    """Up to 120 characters before ``start``, from the last sentence end on."""
    seg = text[max(0, start - 120):start]
    last = None
    for last in _SENTENCE_END.finditer(seg):
        pass
    return seg[last.end():] if last else seg


def tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None for the clause around a date, from cue words ("will", "was", "-ed")."""
    seg = clause_before(text, start)
    after = text[end:end + 60]
    m = _SENTENCE_END.search(after)
    seg_after = after[:m.start()] if m else after
    if _FUTURE_CUES.search(seg) or _FUTURE_CUES.search(seg_after):
        return "future"
    if _PAST_CUES.search(seg) or _PAST_CUES.search(seg_after):
        return "past"
    return None


def future_context(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future ("will meet on Friday")."""
    return bool(_FUTURE_CUES.search(clause_before(text, start)))
