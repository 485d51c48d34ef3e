"""Stage 6, coordination and ranges: a second number joined to the first ("5-7 km", "between 10 and 12",
"$3-4bn"), a unit written once for several numbers ("45 and 50 mg"), two bounds that make one interval
("more than 10 and less than 20"), and the game scores that look like ranges ("won 3-0").
"""
from __future__ import annotations

import re

from ..model import Canonical, Claim
from .identifiers import letter_after
from .number import read_number, unscaled
from .parts import After, Draft, Number, Scan
from .scale import apply_scale
from .unit import read_after

# 5-7 | 5 – 7 | 5 to 7 | 8- to 16 | 20 through 100 | 20~100 | between 5 and 7
_RANGE_JOIN = re.compile(r"(?:(?P<dash>(?<!\s)[-–—‒−~]|[ \t\u00a0]{1,3}[-–—‒−~][ \t\u00a0]{1,3}|[ \t\u00a0]{1,3}[–—‒~])(?![ \t]{0,3}to\s)|-?[ \t\u00a0]{0,3}(?P<word>to|and|or|through|thru)(?![\w]))[ \t\u00a0]{0,3}", re.I)
_SECOND_SIGN = re.compile(r"[-−](?=\d)")
_BETWEEN = re.compile(r"(?<![\w])(?P<w>between|from)\s+$", re.I)
_REPEATED_SYMBOL = re.compile(r"(?:US\$|\$|£|Â£|€|¥)\s?")  # "£3m-£4m": the second symbol
# "rose from 5 to 7" is a change, not a range
_CHANGE_CONTEXT = re.compile(r"(?<![\w])(?:rose|rise|risen|rising|grew|increased?|fell|fallen|falling|dropped|declined|decreased?|jumped|climbed|soared|slumped|plunged|cut|went|moved|changed|raised|lowered|up|down)\s+(?:\w+\s+){0,2}$", re.I)
_SCORE_MAX = 20
_SCORE_CONTEXT = re.compile(r"(?:\b(?:won|win|wins|beat|beaten|lost|lose|drew|draw|defeat|defeated|victory|thrashed|trounced|led|lead|leading|score|scored|scoreline)\b(?:\s+\w+){0,2}|\b(?P<team>[A-Z][\w.'-]*))\s*$")
# "45 and 50 mg", "5, 10 or 15 per cent" share a unit; "6,630, or 18.9%" restates, it does not share
_SHARED_JOIN = re.compile(r"[ \t]{1,3}(?:and|or)[ \t]{1,3}|[ \t]{0,2},[ \t]{0,3}(?!and\b|or\b)")
# "more than 10 and less than 20", "no more than 50 and no less than 20": two bounds, one interval
_BOUND_JOIN = re.compile(r"[ \t]{0,3}(?:,[ \t]{0,3})?(?:(?:and|but)[ \t]{1,3})?", re.I)


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
    j = rj.end()
    sign2 = 1.0
    if not rj.group("dash") and _SECOND_SIGN.match(text, j):
        sign2, j = -1.0, j + 1
    cb2 = _REPEATED_SYMBOL.match(text, j)
    if cb2 and d.currency:
        j = cb2.end()
    m2 = scan.P.number.match(text, j)
    if not m2 or m2.lastgroup not in ("numeral", "words") or scan.is_blocked(*m2.span()):
        return d
    n2 = read_number(scan, m2)
    if n2 is None:
        return d
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
    compatible = after is None or after.same(after2) or (after2 is None and after.end == d.end)
    if compatible and (after2 is not None or after is None or rj.group("dash")) and (v1 < v2 or sign2 < 0 or v1 < 0):
        return d.evolve(low=min(v1, v2), high=max(v1, v2), value=None, step=min(num.step, n2.step),
                        end=after2.end if after2 is not None else n2.end, after=after2 or after, is_range=True)
    if rj.group("dash") and d.m.group(0).isdigit() and m2.group(0).isdigit() and after is None:
        return m2.end()  # 38-8: a result, not a range
    return d


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
        return value * (n2.value / (unscaled(m2) or 1))  # "$3-4bn"
    if not num.scaled and m2.lastgroup == "words":
        last_word = m2.group(0).split()[-1].lower()
        size, role = scan.lx.number_words.get(last_word, (0, ""))
        if role in ("hundred", "scale") and value < size \
                and scan.text[num.start:num.end].split()[-1].lower() != last_word:
            return value * size  # "five to ten million", "between 5 and 6 hundred"
    return value


def _is_score(a: str, b: str, join: re.Match[str], before: str, unit_follows: bool, stopwords: frozenset[str]) -> bool:
    """3-0, 38-8, Barbarians 19-47: whole numbers joined by a dash after a team name or a result verb."""
    if not join.group("dash") or not a.isdigit() or not b.isdigit() or unit_follows:
        return False
    x, y = int(a), int(b)
    if x > _SCORE_MAX * 10 or y > _SCORE_MAX * 10:
        return False
    if x <= _SCORE_MAX and y <= _SCORE_MAX and x >= y:
        return True
    m = _SCORE_CONTEXT.search(before)
    if not m:
        return False
    word = m.group("team")
    return word is None or word.lower() not in stopwords


def shared(scan: Scan, d: Draft) -> Draft:
    """A unit written once for several numbers: "45 and 50 mg", "5, 10 or 15 per cent" (45 is in mg too)."""
    if d.after is not None or d.currency or d.is_range or d.value is None or d.group != "numeral":
        return d
    after = _shared_unit(scan, d.end)
    return d if after is None else d.evolve(after=after)


def _shared_unit(scan: Scan, pos: int) -> After | None:
    """The unit of the next figure in "45 and 50 mg" or "5, 10 or 15 per cent", lent to this one (end unchanged)."""
    text, origin = scan.text, pos
    for _ in range(4):
        j = _SHARED_JOIN.match(text, pos)
        if not j:
            return None
        m2 = scan.P.number.match(text, j.end())
        if not m2 or m2.lastgroup != "numeral":
            return None
        n2 = read_number(scan, m2)
        if n2 is None:
            return None
        after2 = read_after(scan, n2.end, n2, None)
        if after2 is not None:
            if after2.currency or (after2.unit is not None and after2.unit.kind == "duration"):
                return None
            return After(origin, percent=after2.percent, unit=after2.unit)
        pos = n2.end
    return None


def merge_bounds(text: str, claims: list[Claim]) -> list[Claim]:
    """ "more than 10 and less than 20": a lower and an upper bound side by side become one interval."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        merged = _bounds(text, prev, c) if prev is not None else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(c)
    return out


def _bounds(text: str, prev: Claim, c: Claim) -> Claim | None:
    if not (prev.kind == c.kind and prev.unit == c.unit and not prev.range and not c.range
            and c.start - prev.end <= 12 and _BOUND_JOIN.fullmatch(text, prev.end, c.start)
            and text[prev.end:c.start].strip()):
        return None
    lows = [x for x in (prev, c) if x.qualifier in (">", ">=") and x.high is None]
    highs = [x for x in (prev, c) if x.qualifier in ("<", "<=") and x.low is None]
    if len(lows) != 1 or len(highs) != 1:
        return None
    lo, hi = lows[0].low, highs[0].high
    if lo is None or hi is None or not lo < hi:
        return None
    return Claim(
        text=text[prev.start:c.end], start=prev.start, end=c.end, kind=c.kind, value=None,
        low=lo, high=hi, range=True, qualifier="=", change=prev.change or c.change, unit=c.unit,
        canonical=_midpoint(prev.canonical, c.canonical), subject=c.subject or prev.subject,
        step=c.step, dimension=c.dimension)


def _midpoint(a: Canonical | None, b: Canonical | None) -> Canonical | None:
    if a is None or b is None:
        return a or b
    return Canonical((a.value + b.value) / 2, a.unit)
