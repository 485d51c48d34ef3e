"""Stage 2, the scale: "bn", "million", "k" after a number multiply it ("$3.5bn" -> 3.5e9).

"m" is a million only where it cannot be a metre, "mm" only as "MM", "b" and
"k" only glued to the figure, unless a currency makes the reading certain.
"""
from __future__ import annotations

import re

from . import cues
from .lexicon import Lexicon, Patterns
from .parts import Draft, Number, Scan
from ..text import is_plural

_FOLLOWER = re.compile(r"[\s-]*([A-Za-z][\w'’-]*)")
_GLUED_END = re.compile(r"(?:[\s.,;:!?)]|$)")
_WORDS_AHEAD = re.compile(r"(?:[ \t]+[A-Za-z][\w'-]*){0,3}")
_POSSESSIVE = re.compile(r"['’]s$")
# "the final 400m", "my last 200m": a stretch of a race
_STRETCH_BEFORE = re.compile(r"\b(?:final|last|first|opening|closing)\s+$", re.I)
_STOP_LOOKING = frozenset("a an the of in at on to for by and or but is are was were has have".split())


def apply_scale(text: str, num: Number, P: Patterns, lx: Lexicon, currency: bool) -> Number:
    """The number times the scale word right after it, or the number unchanged."""
    sm = P.scale_after.match(text, num.end)
    if currency and not sm and text[num.end:num.end + 1] == "T" and not text[num.end + 1:num.end + 2].isalpha():
        return num.scaled_by(1e12, num.end + 1)  # "$2.174T"
    if not sm or num.fraction and not num.vague and num.value is not None and num.value < 1 and not currency:
        return num
    word = sm.group("scale") or sm.group("scaleword")
    key = word.lower()
    if key == "m" and word == "m" and not currency and _is_metres(text, num, sm, P, lx):
        return num
    if key == "mm" and word != "MM":
        return num  # "7.62mm" is millimetres; "1MM" is a million
    glued_end = _GLUED_END.match(text[sm.end():sm.end() + 1]) is not None
    if key == "b" and not currency and (word != "b" or sm.start("scale") != num.end or not glued_end):
        return num  # "1.2b" yes; "5 b" no
    if key == "k" and not currency and sm.start("scale") != num.end and not glued_end:
        return num  # "30k", "2.33 k." yes; "30 k people" no
    mult = lx.scales.get(key) or float(lx.number_words[key][0])
    return num.scaled_by(mult, sm.end())


def _is_metres(text: str, num: Number, sm: re.Match[str], P: Patterns, lx: Lexicon) -> bool:
    """News writes millions as "5m people", "1.4m cash machines", "a peak of 15.3m"; metres are
    "100m race", "the 400m", "a 10m-high wall", "5 m" (spaced)."""
    attached = sm.start("scale") == num.end
    nxt = _FOLLOWER.match(text[sm.end(): sm.end() + 30])
    follower = nxt.group(1).lower() if nxt else ""
    follower = _POSSESSIVE.sub("", follower)
    if not attached or text[sm.end():sm.end() + 1] == "-" or follower in lx.metre_context \
            or _STRETCH_BEFORE.search(text, max(0, num.start - 10), num.start):
        return True  # "5 m", "a 10m-high wall", "the 200m champion's time", "in the final 400m"
    if num.value is not None and num.value >= 1000 and num.step >= 1 and not is_plural(follower):
        return True  # "the 5000m runner", "the 10,000m": a distance ("China's 1,300m people" are people)
    if _plural_follows(text, sm.end()) or cues.near(text, num.start, sm.end(), "millions"):
        return False  # "the 1.4m cash machines", "a peak of 15.3m at the time" (viewers)
    the_before = text[max(0, num.start - 4):num.start].lower() == "the "
    verb_follows = nxt is not None and follower != "of" and (follower in lx.stopwords or "'" in follower or "’" in follower)
    return verb_follows or (the_before and not is_plural(nxt.group(1) if nxt else "")
                            and P.currency_after.match(text, sm.end()) is None)


def _plural_follows(text: str, pos: int) -> bool:
    """A plural noun within the next three words: "1.4m cash machines" counts machines."""
    ahead = _WORDS_AHEAD.match(text, pos)
    for word in (ahead.group(0) if ahead else "").split()[:3]:
        if is_plural(_POSSESSIVE.sub("", word)) and not word.endswith(("'s", "’s")):
            return True
        if word.lower() in _STOP_LOOKING:
            return False
    return False


def scale(scan: Scan, d: Draft) -> Draft:
    """The scale stage: "3.5bn", "12 million", "$2.174T"."""
    num = apply_scale(scan.text, d.num, scan.P, scan.lx, d.currency is not None)
    return d if num is d.num else d.with_number(num)
