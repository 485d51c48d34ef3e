"""How each part of a list is told, read from the words right after its figure (NC109): a part told with a verb its
first part lacks starts a clause of its own ("1,480 of them regional and 650 long-distance, and 1,900 arrived on
time"), and parts told "of them" must be told alike ("3.1 million of them on domestic routes and 2.6 million
travelling on discounted fares" may count some twice)."""
from __future__ import annotations

import re

from ...model import Claim
from .._common import OF_THEM
from ._parts import VERB_FORMS

_AUX = r"(?:(?:were|was|are|is|have\s+been|has\s+been|had\s+been|will\s+be|would\s+be)\s+)"
# the words right after a figure (past "of them" and an adverb): a verb ("were wounded", "arrived", "is expected"),
# perhaps with the preposition after it ("recorded in"); all in lower case
_VERB = re.compile(r"\s+(?:[a-z]+ly\s+)?(?:" + _AUX + r"?(?P<verb>" + VERB_FORMS + r")\b(?!-)|" + _AUX
                   + r"(?P<aux>(?:expected|due|set|likely)\b))(?:\s+(?P<prep>in|at|on|off|from|to|for|near|among|by|with)\b)?")
_PREP = re.compile(r"\s+(?:[a-z]+ly\s+)?(?P<prep>in|at|on|off|from|to|for|near|among|by|with|within|outside|overseas"
                   r"|abroad)\b")
_ING = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")  # (in lower case: "74 Boeing jets" is a name)
_TO = re.compile(r"\s+to\s+[a-z]+")


def _after(text: str, c: Claim) -> int:
    """Where the words telling ``c`` begin: after its figure and any "of them"."""
    them = OF_THEM.match(text, c.end)
    return them.end() if them else c.end


_COPULA = re.compile(r"\s+(?:are|were|is|was)(?=\s)")  # "830 are in China": told as "320 in Japan" is


def told_verb(text: str, c: Claim) -> str:
    """The verb a part is told with right after its figure ("60 were wounded", "1,900 arrived") or after its place
    ("2,300 in Sumatra remain missing"), or ""."""
    m = _VERB.match(text, _after(text, c))
    if m:
        return (m.group("verb") or m.group("aux")).lower()
    v = _VERB_AFTER_PLACE.match(text, _after(text, c))
    return v.group("verb") if v else ""


_VERB_AFTER_PLACE = re.compile(r"\s+(?:in|at|on|from)\s+(?:the\s+)?(?:[A-Z][\w'\u2019-]*\s+){1,3}"
                               r"(?P<verb>remain|remained|are|were|was|is|have|had|died|fled|stayed)\b")


def told_as(text: str, c: Claim) -> tuple[str, str]:
    """How a part is told: ("verb", prep) for a participle ("recorded in" -> ("verb", "in")), ("prep", prep), ("ing",
    ""), ("to", "") or ("noun", "") for a noun or adjective ("regional", "Airbus jets")."""
    at = _after(text, c)
    m = _VERB.match(text, at)
    if m:
        return "verb", (m.group("prep") or "").lower()
    copula = _COPULA.match(text, at)
    p = _PREP.match(text, copula.end() if copula else at)
    if p:
        return "prep", p.group("prep").lower()
    if _ING.match(text, at):
        return "ing", ""
    return ("to", "") if _TO.match(text, at) else ("noun", "")


def alike_told(text: str, first: Claim, c: Claim) -> bool:
    """Whether ``c`` is told as ``first`` is, or with its verb left out ("54 recorded in Uttar Pradesh and 42 in
    Bihar")."""
    a, b = told_as(text, first), told_as(text, c)
    return a == b or (a[0] == "verb" and b == ("prep", a[1]) and bool(a[1]))


# prepositions by what they tell of a part: where it is, where it went, where it came from
_WAYS = {"in": "at", "at": "at", "on": "at", "near": "at", "off": "at", "within": "at", "outside": "at",
         "overseas": "at", "abroad": "at", "to": "to", "for": "to", "from": "from", "by": "by"}


def same_way(text: str, first: Claim, c: Claim) -> bool:
    """Whether ``c`` is told the way the first part is, where both are told with a preposition: not "2,100 tonnes
    went to Aceh ... and 600 tonnes came from Australia" (where it went, and where it came from)."""
    a, b = _WAYS.get(told_as(text, first)[1], ""), _WAYS.get(told_as(text, c)[1], "")
    return not (a and b) or a == b


def own_clause(text: str, first: Claim, c: Claim) -> bool:
    """A part told with a verb where the first part has none ("15 in Kabul and 13 in Kandahar, and 60 were wounded
    in Kabul"), or with a verb of its own in another time ("9,000 went to schools ..., and 2,000 have since gone
    home", "are still in camps"): a clause of its own, not a part of the list."""
    if not told_verb(text, first) and told_verb(text, c):
        return True
    m = _FINITE_AFTER.match(text, _after(text, c))
    return m is not None and not text.startswith(m.group(0), _after(text, first))


_FINITE_AFTER = re.compile(r"\s+(?:have|has|had|are|is|remain|remained|later|still|will|would)\b")
