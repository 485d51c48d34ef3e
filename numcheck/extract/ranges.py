"""Stage 6, coordination and ranges: a second number joined to the first ("5-7 km", "between 10 and 12",
"$3-4bn"), a unit written once for several numbers ("45 and 50 mg"), and the game scores that look like
ranges ("won 3-0").  What the finished claims of a phrase say about each other is ``coordination``.
"""
from __future__ import annotations

import dataclasses
import re

from .currency import currency_before
from .identifiers import letter_after
from .number import next_figure, unscaled
from .parts import After, Draft, Number, Scan
from .scale import apply_scale
from .unit import read_after

# 5-7 | 5 – 7 | 5 to 7 | 8- to 16 | 20 through 100 | 20~100 | between 5 and 7
_RANGE_JOIN = re.compile(r"(?:(?P<dash>(?<!\s)[-–—‒−~]|[ \t\u00a0]{1,3}[-–—‒−~][ \t\u00a0]{1,3}|[ \t\u00a0]{1,3}[–—‒~])(?![ \t]{0,3}to\s)|-?[ \t\u00a0]{0,3}(?P<word>to|and|or|through|thru)(?![\w]))[ \t\u00a0]{0,3}", re.I)
_SECOND_SIGN = re.compile(r"[-−](?=\d)")
_BY = re.compile(r"\bby[ \t]+$", re.I)
_BETWEEN = re.compile(r"(?<![\w])(?P<w>between|from)\s+$", re.I)
_REPEATED_SYMBOL = re.compile(r"(?:US\$|\$|£|Â£|€|¥)\s?")  # "£3m-£4m": the second symbol
# "rose from 5 to 7" is a change, not a range
_CHANGE_CONTEXT = re.compile(r"(?<![\w])(?:rose|rise|risen|rising|grew|increased?|fell|fallen|falling|dropped|declined|decreased?|jumped|climbed|soared|slumped|plunged|cut|went|moved|changed|raised|lowered|up|down)\s+(?:\w+\s+){0,2}$", re.I)
_SCORE_MAX = 20
_SCORE_LIST = re.compile(r"\b(\d{1,2})-(\d{1,2}),[ \t]*$")
_SCORE_CONTEXT = re.compile(r"(?:\b(?:won|win|wins|beat|beaten|lost|lose|drew|draw|defeat|defeated|victory|thrashed|trounced|led|lead|leading|score|scored|scoreline)\b(?:\s+\w+){0,2}|\b(?P<team>[A-Z][\w.'-]*))\s*$")
# across "or", a percent sign is lent only to figures up to this: "10 or 20 percent", "150 or 200 percent", not
# "1,128 or 35 percent" (a count, then its share); a list ("1,200, 1,500 and 2,000 percent") lends it to all
PERCENT_NEVER = 1e4  # no figure this large takes a percent lent by the next ("4.5 million and 12 percent")
PERCENT_LEND_MAX = 1000
_OR_AHEAD = re.compile(r"[ \t]*,?[ \t]*or[ \t]", re.I)
# "45 and 50 mg", "5, 10 or 15 per cent", "from 6.1 to 5.9 percent" share a unit; "6,630, or 18.9%"
# restates, it does not share
_SHARED_JOIN = re.compile(r"[ \t]{1,3}(?:and|or|to)[ \t]{1,3}|[ \t]{0,2},[ \t]{0,3}(?!and\b|or\b)"
                          r"|/(?=\d{2,3}[ \t]*mm[ \t]*hg\b)", re.I)  # "120/80mmHg": the unit written once
# a currency symbol or code right where the next figure would start: "12 or £15"
_SYMBOL_AHEAD = re.compile(r"(?:US\$|[A-Z]{0,3}\$|£|€|¥|[A-Z]{3}[ \t]?)\d")


def between(scan: Scan, d: Draft) -> Draft:
    """ "between" or "from" right before the number (or its currency): a range may follow."""
    window = scan.text[max(0, d.start - 12):d.start]
    low = window.lower()
    if "between" not in low and "from" not in low:
        return d
    bm = _BETWEEN.search(window)
    return d if bm is None else d.evolve(between=bm)


def partner(scan: Scan, d: Draft) -> Draft | int:
    """The range stage: 5-7 km, 10,000-12,000, $3-4bn, 44 mg to 50 mg, between 10 and 12, 8- to 16-meter.

    Returns an offset to skip to for a game score ("won 3-0", "38-8").
    """
    text, start, num, after, value = scan.text, d.start, d.num, d.after, d.value
    rj = _RANGE_JOIN.match(text, after.end if after else d.end)
    if not rj or num.vague or value is None:
        return d
    if not _joins_range(text, rj, start, d.between):
        return d
    if (after is not None or d.currency) and _BY.search(text, max(0, start - 4), start) \
            and (rj.group("word") or "").lower() == "to":
        return d  # "cut the price by 29,000 yuan to 259,900 yuan": the change, then the level reached
    j = rj.end()
    sign2 = 1.0
    if not rj.group("dash") and _SECOND_SIGN.match(text, j):
        sign2, j = -1.0, j + 1
    cb2 = _REPEATED_SYMBOL.match(text, j)
    if cb2 and d.currency:
        j = cb2.end()
    figure = next_figure(scan, j)
    if figure is None:
        return d
    m2, n2 = figure
    n2 = apply_scale(text, n2, scan.P, scan.lx, d.currency is not None)
    if n2.value is None:
        return d
    after2 = read_after(scan, n2.end, n2, d.currency)
    unit_follows = bool(after2 and not after2.currency)
    if _is_score(d.m.group(0), m2.group(0), rj, text[max(0, start - 25):start], unit_follows, scan.lx.stopwords):
        return m2.end()
    if letter_after(text, n2.end) and after2 is None:
        return d
    v1 = _first_scaled(scan, d, value, m2, n2)
    v2 = n2.value * sign2
    if _SPACED_EM.fullmatch(rj.group(0)) and not (v1 < v2 and _decimals(d.m.group(0)) == _decimals(m2.group(0))):
        return d  # a spaced em dash sets a clause off ("under the age of 14 — 32.1 percent of the total", "894 — 30% —")
        # unless the two read as a range's ends ("1,000 — 1,200 people", "10 — 15 percent")
    if _SPACED_DASH.fullmatch(rj.group(0)) and (v1 > 0 and v2 > _SPACED_RANGE_SPAN * v1
                                                or _TOTAL_AFTER.match(text, after2.end if after2 else n2.end)):
        return d  # nor any spaced dash between figures an order of magnitude apart, or before a total: "Greens 51 -
        # 614 seats in all", "others 37 - 120 seats in all"
    money = bool(d.currency or (after2 is not None and after2.currency))
    tail = _quoted_tail(d.m.group(0), m2.group(0), rj, v2) if money else None
    if tail is not None:  # a dealer's quote, in a currency
        v2, n2 = tail, dataclasses.replace(n2, step=num.step)
    compatible = after is None or after.same(after2) or (after2 is None and after.end == d.end)
    if compatible and (after2 is not None or after is None or rj.group("dash")) and (v1 < v2 or sign2 < 0 or v1 < 0):
        return d.evolve(low=min(v1, v2), high=max(v1, v2), value=None, step=min(num.step, n2.step),
                        end=after2.end if after2 is not None else n2.end, after=after2 or after, is_range=True)
    if rj.group("dash") and d.m.group(0).isdigit() and m2.group(0).isdigit() and after is None and after2 is None:
        return m2.end()  # 38-8: a result, not a range (not "894 — 30% —": a figure, then its share set off)
    return d


_SPACED_EM = re.compile(r"[ \t\u00a0]+\u2014[ \t\u00a0]*")
_SPACED_DASH = re.compile(r"[ \t\u00a0]+[-\u2013\u2014\u2012\u2212][ \t\u00a0]*")
_TOTAL_AFTER = re.compile(r"[ \t]+(?:[a-z]+[ \t]+)?(?:in[ \t]+all|in[ \t]+total|altogether|all[ \t]+told)\b", re.I)
_SPACED_RANGE_SPAN = 10  # the widest a range written with a spaced dash reads: "5 - 7", "1,000 - 9,000"


def _decimals(figure: str) -> int:
    """How many decimals a figure is written with ("32.1" -> 1)."""
    return len(figure.rsplit(".", 1)[1]) if "." in figure else 0


def _quoted_tail(a: str, b: str, join: re.Match[str], v2: float) -> float | None:
    """ "117.40-43 yen", "1.2858-2861 dollars": a dealer's quote, whose second end is written as the last digits
    of the first (117.43, 1.2861); read so where the second figure has exactly the first's decimals, or has
    fewer and is smaller than the first ("2.5-3" is 2.5 to 3)."""
    if join.group(0) != "-" or "." not in a or not b.isdigit():
        return None
    frac = a.rsplit(".", 1)[1]
    if not frac.isdigit() or len(b) > len(frac) or not (len(b) == len(frac) >= 2 or v2 < float(a.replace(",", ""))):
        return None
    quoted = float((a[:len(a) - len(b)] + b).replace(",", ""))
    return quoted if quoted >= float(a.replace(",", "")) else None


def _joins_range(text: str, rj: re.Match[str], start: int, bm: re.Match[str] | None) -> bool:
    """Whether the joiner makes a range here: a dash, "through", "to" (not after "rose"), "between ... and"."""
    joiner = (rj.group("word") or "").lower()
    lead = text[max(0, start - 40):start]
    ok = bool(rj.group("dash")) or joiner in ("through", "thru") \
        or (joiner == "to" and not _CHANGE_CONTEXT.search(lead)) \
        or (joiner == "and" and bm is not None and bm.group("w").lower() == "between")
    if joiner == "to" and bm and bm.group("w").lower() == "from" and \
            _CHANGE_CONTEXT.search(text[max(0, start - 40):start - len(bm.group(0))]):
        return False  # "rose from 5 to 7"
    return ok


def _first_scaled(scan: Scan, d: Draft, value: float, m2: re.Match[str], n2: Number) -> float:
    """The first number of a range with the second one's scale: "$3-4bn" -> 3e9, "five to ten million"."""
    num = d.num
    if not num.scaled and n2.scaled and n2.value is not None and d.group == m2.lastgroup:
        lead = unscaled(m2) or 1  # the 4 of "$3-4bn"
        if takes_scale(value, lead):
            return value * (n2.value / lead)  # "$3-4bn"
    if not num.scaled and m2.lastgroup == "words" and n2.value is not None:
        last_word = m2.group(0).split()[-1].lower()
        size, role = scan.lx.number_words.get(last_word, (0, ""))
        if role in ("hundred", "scale") and value < n2.value / size \
                and scan.text[num.start:num.end].split()[-1].lower() != last_word:
            return value * size  # "five to ten million", "between 5 and 6 hundred"; not "100,000 and one million"
    return value


FALL = 10.0  # a bare figure may be this many times the scaled one after it ("110 and 45 million handsets respectively",
# "from 3.65 to 3.2 billion")


def takes_scale(value: float, lead: float) -> bool:
    """Whether a bare figure takes the scale word of the next one: "$3-4bn", "5, 10 and 15 million", "from 3.65
    to 3.2 billion"; not "100,000 to 1.2 million" or "300 to 1.2 million", already in units."""
    return value < lead or value < 1000 and value <= FALL * lead


def _after_a_score(before: str) -> bool:
    """Whether a game won ("9-7, ") comes right before: then "7-9" is the next game, not a range."""
    m = _SCORE_LIST.search(before)
    return m is not None and int(m.group(1)) > int(m.group(2))


def _is_score(a: str, b: str, join: re.Match[str], before: str, unit_follows: bool, stopwords: frozenset[str]) -> bool:
    """3-0, 38-8, Barbarians 19-47: whole numbers joined by a dash after a team name or a result verb."""
    if not join.group("dash") or not a.isdigit() or not b.isdigit() or unit_follows:
        return False
    x, y = int(a), int(b)
    if x > _SCORE_MAX * 10 or y > _SCORE_MAX * 10:
        return False
    if x <= _SCORE_MAX and y <= _SCORE_MAX and (x >= y or _after_a_score(before)):
        return True  # "9-7, 7-9, 9-7": a game lost in a list of games is a score too
    m = _SCORE_CONTEXT.search(before)
    if not m:
        return False
    word = m.group("team")
    return word is None or word.lower() not in stopwords


def shared(scan: Scan, d: Draft) -> Draft:
    """A unit written once for several numbers: "45 and 50 mg", "5, 10 or 15 per cent", "12 or £15",
    "from 6.1 to 5.9 percent" (45, 5, 12 and 6.1 take the unit the phrase gives the last figure)."""
    if d.after is not None or d.currency or d.is_range or d.value is None or d.num.fraction \
            or d.group not in ("numeral", "words"):
        return d
    after, mult = _shared_unit(scan, d)
    if after is not None and after.percent and (d.num.scaled or _scaled(d) or d.value >= PERCENT_NEVER
                                                or d.value > PERCENT_LEND_MAX and _OR_AHEAD.match(scan.text, d.end)):
        return d  # "at 11.9m and 49.2% of the audience", "1,128 or 35 percent": a count, then its share
    if mult != 1.0:
        d = d.evolve(value=d.value * mult, low=_times(d.low, mult), high=_times(d.high, mult), step=d.step * mult)
    return d if after is None else d.evolve(after=after)


def _times(x: float | None, mult: float) -> float | None:
    return None if x is None else x * mult


def _shared_unit(scan: Scan, d: Draft) -> tuple[After | None, float]:
    """The unit of the next figure in the phrase, lent to this one (end unchanged), and the scale word lent with
    it: 1.0, or the multiplier of "million" in "5, 10 and 15 million dollars" where a bare 5 takes it."""
    text, origin = scan.text, d.end
    pos = origin
    for _ in range(4):
        j = _SHARED_JOIN.match(text, pos)
        if not j:
            return None, 1.0
        start = j.end()
        sa = _SYMBOL_AHEAD.match(text, start)
        cb = currency_before(text, sa.end() - 1, scan.P, scan.lx) if sa else None
        if cb is not None and cb[1] == start:
            return After(origin, currency=cb[0], factor=cb[2]), 1.0  # "12 or £15"
        figure = next_figure(scan, start)
        if figure is None:
            return None, 1.0
        m2, n2 = figure
        n2 = apply_scale(text, n2, scan.P, scan.lx, False)
        mult = _lent_scale(d, m2, n2, j, text)
        if n2.scaled and mult == 1.0 and d.group == "numeral" and not _scaled(d):
            return None, 1.0  # "by 52 to 48 and 1.2 billion dollars": a scaled sum whose scale 48 does not take
        after2 = read_after(scan, n2.end, n2, None)
        if after2 is not None:
            if after2.unit is not None and after2.unit.kind == "duration":
                return None, 1.0  # "2 or 3 days": each a length of time of its own
            if after2.currency and "," in j.group(0):
                return None, 1.0  # "Latitude: 40.1693, 1666.90 BRL": a list, not one amount written twice
            return dataclasses.replace(after2, end=origin), mult
        if n2.scaled:
            return None, mult  # "3.2 and 2.75 million people": the scale alone
        pos = n2.end
    return None, 1.0


def _lent_scale(d: Draft, m2: re.Match[str], n2: Number, join: re.Match[str], text: str) -> float:
    """The scale word a bare numeral takes from the scaled numeral its list ends with, across "and", "or" or
    "to" ("5, 10 and 15 million", "110 and 45 million handsets respectively", "from 320 to 275 million tonnes");
    not across a comma alone ("won 3, 2 million watched"), nor to a larger figure before a scaled one that opens a
    clause ("killed 12 and 3 million people were displaced")."""
    if _scaled(d) or not n2.scaled or d.group != "numeral" or m2.lastgroup != "numeral" \
            or "," in join.group(0) or d.value is None or n2.value is None:
        return 1.0
    lead = unscaled(m2) or 1.0
    if d.value >= lead and _CLAUSE_VERB.match(text, n2.end):
        return 1.0  # "killed 12 and 3 million people were displaced": the scaled figure opens a clause of its own
    return n2.value / lead if takes_scale(d.value, lead) else 1.0


# a verb after the scaled figure and its noun: it opens a clause of its own ("3 million people were displaced")
_CLAUSE_VERB = re.compile(r"(?:[ \t]+[a-z]+){0,3}?[ \t]+(?:were|was|are|is|have|has|had|will|would|fled|died)\b", re.I)


def _scaled(d: Draft) -> bool:
    """Whether the draft's figure is written with a scale word ("3.2 million", "$3bn")."""
    own = unscaled(d.m)
    return d.num.scaled or (d.value is not None and own is not None and abs(d.value - own) > 1e-9 * abs(d.value))
