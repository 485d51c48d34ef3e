"""Ages: "a 17-year-old", "aged 25", "87 yo", "Mr Mubanga, 29, said", "when I was 16", "before he turns 35".

An age is a duration in years with kind ``age``; a bare number becomes one
only where the sentence around it says so.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..units import load_units
from .lexicon import rows
from .parts import Draft, Scan

MAX_AGE = 130  # no one is older: a larger figure by a person's name is no age ("those under 18, 18.3 million,")

_AGE_AFTER = re.compile(r"(?:-old|\s+old|s?\s+of\s+age)(?![\w])", re.I)
# "aged 25", "at the age of 13", "a life expectancy of 81", "aged between 25 and 34"
_AGE_BEFORE = re.compile(r"(?<![\w])(?:aged|age|expectancy)(?:\s+of)?(?:\s+(?:between|from|over|under|about|around))?\s+$", re.I)
_AGE_ABBREV = re.compile(r"\s*(?:yo|y\.o\.|y/o|yrs? old)(?![\w])", re.I)
# "Mr Mubanga, 29, said": a name, the age between commas
# "Maria Lopez, 52, said", "the actor, now 70, retired", "the Scot, 42."
_APPOSITION_BEFORE = re.compile(r"(?:\b(?P<name>[A-Z][a-z]+)|\b(?P<noun>[a-z]+)),\s+(?:now\s+|aged\s+)?$")
_APPOSITION_AFTER = re.compile(r"\s*(?:,\s+(?!\d)|[.;]\s|[.;]?$)")
# "Smith (45) appeared in court"
_BRACKETED_AGE = re.compile(r"\b[A-Z][a-z]+\s*\(\s*$")
_CLOSE_BRACKET = re.compile(r"\s*\)")
# "in their 30s", "a man in his early 40s": a decade of life
# ("in their 30s and 40s", "in their late 30s or early 40s": the second one too)
_DECADE_OF_LIFE = re.compile(r"\b(?:their|his|her|my|your|our)\s+(?:(?:(?:early|mid|late)[\s-]+)?[1-9]0s\s*(?:and|or|to|-|–)\s*)?"
                             r"(?:(?P<part>early|mid|late)[\s-]+)?$", re.I)
# "when I was 16", "before he turns 35"
_AGE_VERB_BEFORE = re.compile(r"(?:\b(?:I|he|she|we|they|you)\s+(?:was|were|am|is|are)|\b(?:turns?|turned|turning))\s+$", re.I)
_AGE_VERBS = frozenset("was were am is are turns turned turning turn".split())
# "retire at 67", "could retire with a pot of £330,000 at 68": the age one stops work at
_RETIRE_AT = re.compile(r"\bretir(?:e|es|ed|ing)\b[^.;:!?]*\bat\s+$", re.I)
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$|\s+(?:when|and|but|in|at|on|before|after|he|she)\b)")


def age(scan: Scan, d: Draft) -> Draft:
    """The age stage: a length of years said of a person, or a bare number the sentence makes an age."""
    text, start, end = scan.text, d.start, d.end
    years = scan.lx.units_ci.get("years")
    lead = text[max(0, start - 30):start]
    said_aged = ("age" in lead.lower() or "expectancy" in lead.lower()) and bool(_AGE_BEFORE.search(lead))
    if d.unit is not None and d.unit.kind == "duration":
        am = _AGE_AFTER.match(text, end)
        if am:
            return d.evolve(age=True, end=am.end())  # "a 17-year-old", "25 years of age"
        decade = _decade_of_life(text, d)
        if decade is not None:
            return decade
        glued_s = d.unit.name == "second" and text[d.num.end:d.end] == "s"  # "the age of 70s rock": a decade
        return d.evolve(age=True) if said_aged and not glued_s else d  # "aged 25 years"
    point = d.value if d.value is not None else d.high
    if not d.bare or point is None:
        return d
    if point < MAX_AGE and said_aged:
        return d.evolve(age=True, unit=years)  # "aged 25", "aged between 25 and 34", "a life expectancy of 81"
    ab = _AGE_ABBREV.match(text, end) if d.value is not None and d.value < MAX_AGE else None
    if ab:
        return d.evolve(age=True, unit=years, end=ab.end())  # "87 yo man"
    if not d.is_range and point < MAX_AGE and _said_of_a_person(scan, d):  # "those under 18, 18.3 million," is no age
        return d.evolve(age=True, unit=years)
    return d


def _decade_of_life(text: str, d: Draft) -> Draft | None:
    """ "in their 30s", "in his early 40s": an age between 30 and 39 (not 30 seconds)."""
    value = d.value
    if d.unit is None or d.unit.name != "second" or value is None or value % 10 or not 10 <= value <= 90 \
            or text[d.num.end:d.end] != "s":
        return None
    dm = _DECADE_OF_LIFE.search(text, max(0, d.start - 45), d.start)
    if dm is None:
        return None
    low, high = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get((dm.group("part") or "").lower(), (0, 9))
    years = load_units()["year"]
    return d.evolve(age=True, unit=years, value=None, low=value + low, high=value + high, is_range=True, step=1.0)


@lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    return frozenset(r[0].strip() for r in rows("person_nouns.txt"))


def _said_of_a_person(scan: Scan, d: Draft) -> bool:
    """ "Mr Mubanga, 29, said", "when I was 16", "before he turns 35": a whole number that is an age."""
    value, text, start, end = d.value, scan.text, d.start, d.end
    if value is None or not float(value).is_integer() or not 0 < value <= 120 or d.num.scaled \
            or d.group not in ("numeral", "words"):
        return False
    ap = _APPOSITION_BEFORE.search(text[max(0, start - 40):start]) if "," in text[max(0, start - 8):start] else None
    if ap and (ap.group("name") or ap.group("noun") in _person_nouns()) and _APPOSITION_AFTER.match(text, end):
        return True
    if value >= 10 and _BRACKETED_AGE.search(text[max(0, start - 30):start]) and _CLOSE_BRACKET.match(text, end):
        return True  # "Smith (45) appeared"; "Rivaldo (2)" scored twice
    if 40 <= value <= 100 and "retir" in text[max(0, start - 90):start] \
            and _RETIRE_AT.search(text, max(0, start - 90), start) and _CLAUSE_END.match(text, end):
        return True  # "could retire with a pot of £330,000 at 68", "retiring at 67"
    last = text[max(0, start - 20):start].split()[-1:]
    return bool(last) and last[0].lower() in _AGE_VERBS and bool(_AGE_VERB_BEFORE.search(text[max(0, start - 20):start])) \
        and bool(_CLAUSE_END.match(text, end))
