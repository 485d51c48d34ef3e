"""Ages: "a 17-year-old", "aged 25", "87 yo", "Mr Mubanga, 29, said", "when I was 16", "before he turns 35".

An age is a duration in years with kind ``age``; a bare number becomes one
only where the sentence around it says so.
"""
from __future__ import annotations

import re

from .parts import Draft, Scan

_AGE_AFTER = re.compile(r"(?:-old|\s+old|s?\s+of\s+age)(?![\w])", re.I)
_AGE_BEFORE = re.compile(r"(?<![\w])(?:aged|age)\s+$", re.I)
_AGE_ABBREV = re.compile(r"\s*(?:yo|y\.o\.|y/o|yrs? old)(?![\w])", re.I)
# "Mr Mubanga, 29, said": a name, the age between commas
_APPOSITION_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+|\b(?:man|woman|boy|girl|mother|father|son|daughter|wife|husband)),\s+$")
_APPOSITION_AFTER = re.compile(r"\s*,\s+(?!\d)")
# "when I was 16", "before he turns 35"
_AGE_VERB_BEFORE = re.compile(r"(?:\b(?:I|he|she|we|they|you)\s+(?:was|were|am|is|are)|\b(?:turns?|turned|turning))\s+$")
_AGE_VERBS = frozenset("was were am is are turns turned turning turn".split())
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$|\s+(?:when|and|but|in|at|on|before|after|he|she)\b)")


def age(scan: Scan, d: Draft) -> Draft:
    """The age stage: a length of years said of a person, or a bare number the sentence makes an age."""
    text, start, end = scan.text, d.start, d.end
    years = scan.lx.units_ci.get("years")
    said_aged = "age" in text[max(0, start - 8):start].lower() and bool(_AGE_BEFORE.search(text[max(0, start - 8):start]))
    if d.unit is not None and d.unit.kind == "duration":
        am = _AGE_AFTER.match(text, end)
        if am:
            return d.evolve(age=True, end=am.end())  # "a 17-year-old", "25 years of age"
        return d.evolve(age=True) if said_aged else d  # "aged 25 years"
    if not d.bare or d.value is None:
        return d
    if d.value < 130 and said_aged:
        return d.evolve(age=True, unit=years)  # "aged 25"
    ab = _AGE_ABBREV.match(text, end) if d.value < 130 else None
    if ab:
        return d.evolve(age=True, unit=years, end=ab.end())  # "87 yo man"
    if not d.is_range and _said_of_a_person(scan, d):
        return d.evolve(age=True, unit=years)
    return d


def _said_of_a_person(scan: Scan, d: Draft) -> bool:
    """ "Mr Mubanga, 29, said", "when I was 16", "before he turns 35": a whole number that is an age."""
    value, text, start, end = d.value, scan.text, d.start, d.end
    if value is None or not float(value).is_integer() or not 0 < value <= 120 or d.num.scaled \
            or d.group not in ("numeral", "words"):
        return False
    if text[max(0, start - 3):start].rstrip().endswith(",") and _APPOSITION_BEFORE.search(text[max(0, start - 40):start]) \
            and _APPOSITION_AFTER.match(text, end):
        return True
    last = text[max(0, start - 20):start].split()[-1:]
    return bool(last) and last[0].lower() in _AGE_VERBS and bool(_AGE_VERB_BEFORE.search(text[max(0, start - 20):start])) \
        and bool(_CLAUSE_END.match(text, end))
