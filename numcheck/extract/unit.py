"""Stage 4, the unit: the percent sign, unit or currency right after a number ("5 km", "12%", "20 dollars"),
and the forms around it ("half an hour", "5 feet 2 inches", "per cent of 210").
"""
from __future__ import annotations

import re

from ..text import RATE_MOVERS
from ..units import load_units
from . import cues
from .currency import named_after
from .lexicon import Lexicon, Patterns, unit_term
from .parts import After, Draft, Number, Scan
from .rate import compound

# "2 in." and "2 in thick" are inches; "2 in 5" is not, nor "2,664 in high schools" (a noun after the word)
_INCH_CONTEXT = re.compile(r"(?:\s*[.,;:!?)\]]|\s*$|\s+(?:(?:thick|long|wide|tall|high|deep|across)\b"
                           r"(?!\s+(?!(?:and|or|by|x|at|with|from|to|in|on|of)\b)[a-z])|(?:diameter|screen|display)\b))")
# "a 2in-thick slab"
_MEASURE_HYPHEN = re.compile(r"-(?:thick|long|wide|tall|high|deep)\b")
# "F-Series", "L-202", "23456 F Block": a single letter that names, not measures
_SINGLE_LETTER_GUARD = re.compile(r"-(?!(?:high|long|wide|deep|tall|thick|wide)\b)|/(?![A-Za-z])|\s+[A-Z]")
# "20 (kg)", "20 [kg]"
_BRACKETED_UNIT = re.compile(r"\s*[(\[{<]\s*(?P<u>[A-Za-z°º/²³µμ]+)\s*[)\]}>]")
# "half an hour", "half a year", "a quarter of a percentage point", "a third of a mile"
_HALF_AN = re.compile(r"\s+(?:of\s+)?an?(?=\s)", re.I)
# "5 feet 2 inches", "12 ft 2 in", "5 stone 3 lb"  (a smaller unit after the larger)
_SUBUNIT = {
    "foot": (re.compile(r"(?:\s+and)?\s+(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|\"|″)"), 12.0),
    "stone": (re.compile(r"(?:\s+and)?\s+(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:pounds|pound|lbs?\b)"), 14.0),
    "pound": (re.compile(r"(?:\s+and)?\s+(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:ounces|ounce|oz\b)"), 16.0),
}
# "per cent of 210": a percentage written before its number (with nothing numeric before it)
_PERCENT_OF = re.compile(r"(?P<p>(?:per\s*cent|percents?|percentage)\s+of)\s+$", re.I)
# "the pass percentage rose to 84.8", "The percentage of Filipinos living below the poverty line rose to 32.9": a
# percentage told by its noun and a verb of its level, the number bare after it
_PERCENTAGE_MOVED = re.compile(r"\bpercentage(?:\s+of\s+[^,.;:()\d]{1,60}?)?\s+(?:rose|fell|climbed|dropped|increased|decreased"
                               r"|improved|jumped|slipped|stood|reached|hit|went\s+(?:up|down))\s+(?:to|at)\s+$"
                               r"|\b" + RATE_MOVERS + r"\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}?percentage"
                               r"\s+(?:to|at)\s+$", re.I)  # ("taking the pass percentage to 84.8")
# what may follow such a bare number: the end of its clause, or its time ("rose to 32.9 in 2006")
_CLAUSE_OR_TIME = re.compile(r"\s*(?:[.,;!?)]|$)|\s+(?:in|on|last|this|from)\s", re.I)
_AT_END = re.compile(r"\s*(?:[.,;!?]|$)")
# "5,000 pounds of wheat": a mass, whatever the sentence is about
_OF_THING = re.compile(r"\s+of\s+(?!the\b)[a-z]", re.I)
# "31 consecutive days", "two straight years", "three more hours", "eight trading days": a word between a figure
# and its time unit
_TIME_ADJECTIVE = re.compile(r"[ \t\u00a0]+(?:consecutive|straight|successive|more|extra|additional|further|full|long"
                             r"|trading|business|working|calendar)"
                             r"(?=[ \t\u00a0])", re.I)
# "380 points", "7 basis points", "25bp", "two pts": points of a stock index, a poll or a yield, or a score
_POINTS = re.compile(r"[ \t\u00a0]?(?:(?P<basis>basis[ \t\u00a0]+points?|(?-i:bps?))|(?P<points>points?|pts))(?![\w])", re.I)
# "50 c", "12c", "75 p": a letter that may be a unit
_LETTER = re.compile(r"[ \t]?(?P<l>[cp])(?![\w])")


def read_after(scan: Scan, pos: int, num: Number, currency: str | None) -> After | None:
    """The percent sign, unit or currency right after a number (``pos`` is where the number ends)."""
    text, P, lx = scan.text, scan.P, scan.lx
    ua = P.unit_after.match(text, pos)
    if ua:
        if ua.group("percent"):
            p = ua.group("percent").lower()
            return After(ua.end(), percent="percentage_point" if ("point" in p or p.startswith("pp")) else "percent")
        found = _unit_word(text, ua, num, currency, lx)
        if found is not None:
            return compound(text, found, P, lx)
    ta = _TIME_ADJECTIVE.match(text, pos)
    ua = P.unit_after.match(text, ta.end()) if ta and not currency else None
    if ua is not None and ua.group("unit"):  # "31 consecutive days", "two straight years"
        unit = lx.units_ci.get(ua.group("unit").lower())
        if unit is not None and unit.kind == "duration":
            return After(ua.end(), unit=unit)
    bu = _BRACKETED_UNIT.match(text, pos)
    if bu and not currency:
        surface = bu.group("u")
        unit = lx.units_cs.get(surface) or lx.units_ci.get(surface.lower())
        if unit is not None and unit.kind != "duration":
            return After(bu.end(), unit=unit)  # "20 (kg)", "20 [kg]"
    if currency:
        return None
    points = _points(text, pos, num)
    if points is not None:
        return points
    token = text[pos + 1:pos + 12].split(" ", 1)[0] if text[pos:pos + 1] == " " else ""
    inverse = unit_term().match(text, pos + 1) if any(c in token for c in "-−^") else None
    if inverse and (inverse.group("d") or inverse.group("e") or "").replace("−", "-").startswith("-"):
        return compound(text, After(pos, unit=None), P, lx, first=inverse)  # "4e14 s-1", "1 fb−1"
    return named_after(text, pos, P, lx, num.scaled) or _cued_letter(text, pos, num)


def _cued_letter(text: str, pos: int, num: Number) -> After | None:
    """ "50 c" for coins, "18 c" for a room, "75 p" for a chocolate bar: a letter after a number that only
    the words around it make a unit."""
    lm = _LETTER.match(text, pos)
    if not lm:
        return None
    return _as_after(cues.reading(text, num.start, lm.end(), lm.group("l")), lm.end())


def _points(text: str, pos: int, num: Number) -> After | None:
    """ "7 basis points" (a hundredth of a percentage point), and "380 points" read by the words near it: an
    index's points, a poll's or a yield's percentage points, or (no cue) a count of points."""
    pm = _POINTS.match(text, pos)
    if pm is None:
        return None
    if pm.group("basis"):
        return After(pm.end(), percent="basis_point")
    return _as_after(cues.reading(text, num.start, pm.end(), pm.group("points").lower()), pm.end())


def _as_after(unit_name: str | None, end: int) -> After | None:
    """A reading from the cue table as what follows the number: a unit, a percentage, a currency or a minor
    currency."""
    if unit_name is None:
        return None
    if unit_name.startswith("percent:"):
        return After(end, percent=unit_name[8:])
    if unit_name.startswith("minor:"):
        return After(end, currency=unit_name[6:], factor=0.01)
    if unit_name.isupper():
        return After(end, currency=unit_name)
    return After(end, unit=load_units()[unit_name])


# "second" as the ordinal of a noun in the plural after a count in the thousands: "410,000 second doses", "3,200
# second homes" (not "400 second delays", a duration)
_ORDINAL_SECOND = re.compile(r"\s+[a-z]+s\b")


def _unit_word(text: str, ua: re.Match[str], num: Number, currency: str | None, lx: Lexicon) -> After | None:
    """The unit a unit-pattern match names, unless its context says it is something else."""
    sep = ua.group("sep")
    surface = ua.group("unit") or ua.group("unitcs")
    # an exact-case surface wins: "720 Nm" is newton metres, "5 nm" nanometres
    unit = lx.units_cs.get(surface) or (None if ua.group("unitcs") else lx.units_ci.get(surface.lower()))
    if unit is None:
        return None
    if cues.ambiguous(surface) and not currency and not num.scaled and not _OF_THING.match(text, ua.end()):
        cued = _as_after(cues.reading(text, num.start, ua.end(), surface), ua.end())
        if cued is not None:
            return cued  # "paid 34 pounds", "a high of 32 degrees"
    if surface.lower() == "in":  # "20in wheels" and "2 in." are inches; "2 in 5" is not
        glued = sep == "" and (text[ua.end():ua.end() + 1] != "-" or _MEASURE_HYPHEN.match(text, ua.end()) is not None)
        ok = glued or not sep.strip() and _INCH_CONTEXT.match(text, ua.end()) is not None
    elif sep.strip() == "-" and len(surface) <= 1 or surface == "MP" and sep:
        ok = False  # "5-m"; "one MP said" (a member of parliament; megapixels are glued: "12MP")
    elif len(surface) == 1 and _SINGLE_LETTER_GUARD.match(text, ua.end()):
        ok = False  # "F-Series", "L-202", "23456 F Block"
    elif unit.kind == "temperature" and len(surface) == 1 and (num.value or 0) > 1000:
        ok = False
    elif surface.lower() in ("pounds", "pound") and (num.scaled or currency):
        ok = False  # "2.5 million pounds" is money
    elif currency and unit.kind != "duration":
        ok = False
    elif surface.lower() == "second" and (num.value or 0) >= 1000 and _ORDINAL_SECOND.match(text, ua.end()):
        ok = False  # "820,000 first doses, 410,000 second doses": the ordinal before a plural noun, not a time
    else:
        ok = True
    return After(ua.end(), unit=unit) if ok else None


def half_an(scan: Scan, d: Draft) -> Draft:
    """ "half an hour", "a quarter of a percentage point": the article belongs to the fraction when a unit
    follows it."""
    if not (d.num.fraction and d.group == "words"):
        return d
    ha = _HALF_AN.match(scan.text, d.end)
    if ha and read_after(scan, ha.end(), d.num, None) is not None:
        return d.evolve(end=ha.end())
    return d


def unit(scan: Scan, d: Draft) -> Draft:
    """The unit stage: what follows the number ("5 km", "12%", "20 dollars")."""
    after = read_after(scan, d.end, d.num, d.currency)
    return d if after is None else d.evolve(after=after)


def settle(scan: Scan, d: Draft) -> Draft:
    """The unit found after the number and its partners becomes the claim's, and the span takes it in."""
    after = d.after
    if after is None:
        return d
    end = after.end if after.end > d.end else d.end
    return d.evolve(end=end, unit=after.unit, percent=after.percent)


def percent_of(scan: Scan, d: Draft) -> Draft:
    """ "per cent of 210" with nothing numeric before it: a percentage written before its number; or one its noun
    tells with a verb of its level ("the pass percentage rose to 84.8")."""
    text, start = scan.text, d.start
    if d.after is not None or d.currency or d.is_range:
        return d
    if _CLAUSE_OR_TIME.match(text, d.end) and _PERCENTAGE_MOVED.search(text, max(0, start - 100), start):
        return d.evolve(percent="percent")  # (the claim is the number: the verb between is not the percentage's)
    if not _AT_END.match(text[d.end:d.end + 2]):
        return d
    if not text[max(0, start - 4):start].rstrip().lower().endswith("of"):
        return d
    window = text[max(0, start - 25):start]
    po = _PERCENT_OF.search(window)
    if not po:
        return d
    before = text[:start - (len(window) - po.start())].rstrip()
    if before and (before[-1].isdigit() or before.split()[-1].lower() in scan.lx.number_words):
        return d
    return d.evolve(percent="percent", start=start - (len(window) - po.start()))


def subunit(scan: Scan, d: Draft) -> Draft:
    """ "5 feet 2 inches", "12 ft 2 in", "5 stone 3 lb": the smaller unit added to the larger."""
    if d.unit is None or d.value is None or d.is_range:
        return d
    sub = _SUBUNIT.get(d.unit.name)
    sm = sub[0].match(scan.text, d.end) if sub else None
    if sub is None or sm is None:
        return d
    value = d.value + float(sm.group("n")) / sub[1]
    return d.evolve(value=value, low=value, high=value, end=sm.end())
