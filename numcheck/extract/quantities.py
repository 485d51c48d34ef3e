"""Quantities: text -> claims for counts, measures, money, percentages, fractions, durations and ages.

One pass of the number pattern over the text; around each number, small
anchored patterns read what the number carries: a scale word after it
("3.5bn"), a currency before or after it, a unit or percent sign, a range
partner ("5-7 km"), qualifiers ("more than", "or so"), a change verb ("rose"),
and the counted thing after it ("troops").  Spans that dates, phone numbers,
times of day, URLs and identifiers hold are skipped.
"""
from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from typing import Iterable

from ..model import Canonical, Claim
from ..units import Unit
from .dates.durations import TIMEX_UNITS, duration_timex
from .lexicon import Lexicon, Qualifier, lexicon, patterns, unit_term
from .spans import overlap_test
from .subjects import is_plural, subject_after
from .words import bound_tokens, fraction_value, numeral_value, parse_words, tokens_of

# Spans that hold digits but no quantity, each with an example:
_LINKS = re.compile(
    r"(?:https?://|www\.)\S+"                                  # http://example.com/2005/10
    r"|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+"                   # jo.2005@example.com (possessive: linear)
)
_NOT_QUANTITY = re.compile(
    r"(?=[\d(+#])(?:"                                          # every form starts with one of these
    r"(?<![\w.])(?<!\d )\(?0\d{1,4}\)?(?:[ \-]\d{3,4}){1,3}(?![\w])"  # 0800 123 4567, 020 7946 0000
    r"|(?<![\w.])\(\d{3}\)\s?\d{3}-\d{4}(?![\w])"             # (202) 555-0100
    r"|\+\d{1,3}[ \-]?\(?\d{1,4}\)?(?:[ \-]?\d{2,4}){2,4}"   # +44 20 7946 0000
    r"|(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|GMT|BST|CET|EST|PST|UTC|hrs?\b|h\b))?(?![\d])"  # 10:30
    r"|(?<![\w.])\d{1,2}\.\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|CET|EST|PST|UTC)(?![\w])"  # 3.30pm
    r"|(?<![\w.])\d{1,2}\s*(?:[ap]\.m\.|[ap]m)(?![\w])"        # 11pm, 9 a.m.
    r"|(?<![\w.,])[012]\d[0-5]\d\s*(?:GMT|BST|CET|EST|PST|UTC|hrs|hours\s+GMT)(?![\w])"  # 1600 GMT
    r"|(?<![\w])\d+(?:st|nd|rd|th)(?![\w])"                    # 22nd, 1st
    r"|(?<![\w])\d+\.\d+\.\d+[\d.]*"                           # 2.0.1, 192.168.0.1
    r"|#\w+"                                                  # #2005
    r"|(?<![\w/])24/7(?![\w/])"                                # 24/7
    r")",
    re.I,
)
# 5-7 | 5 – 7 | 5 to 7 | 8- to 16 | 20 through 100 | 20~100 | between 5 and 7
_RANGE_JOIN = re.compile(r"(?:(?P<dash>(?<!\s)[-–—‒−~]|[ \t\u00a0]{1,3}[-–—‒−~][ \t\u00a0]{1,3}|[ \t\u00a0]{1,3}[–—‒~])(?![ \t]{0,3}to\s)|-?[ \t\u00a0]{0,3}(?P<word>to|and|or|through|thru)(?![\w]))[ \t\u00a0]{0,3}", re.I)
_SECOND_SIGN = re.compile(r"[-−](?=\d)")
_BETWEEN = re.compile(r"(?<![\w])(?P<w>between|from)\s+$", re.I)
_SIGN = re.compile(r"(?:(?<![\w\d.,)\]%-])(?P<sym>[-−])|(?<![\w])(?P<word>minus|negative)\s+|^\s*(?P<lead>[-−])\s+)$", re.I)
_AGE_AFTER = re.compile(r"(?:-old|\s+old|s?\s+of\s+age)(?![\w])", re.I)
_AGE_BEFORE = re.compile(r"(?<![\w])(?:aged|age)\s+$", re.I)
_INCH_CONTEXT = re.compile(r"(?:\s*[.,;:!?)\]]|\s*$|\s+(?:thick|long|wide|tall|high|deep|across|diameter|screen|display)\b)")
_BASE_EXPONENT = re.compile(r"\^\s*(?P<e>[-−+]?\d)|(?P<d>[-−][123])(?![\d\w.,])|(?P<sup>[²³])")
_AND_A_HALF = re.compile(r"\s+and\s+(?:a\s+)?half(?![\w-])", re.I)
_HALF_AN = re.compile(r"\s+an?(?=\s)", re.I)
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-)\s*")
_CODE_HYPHEN = re.compile(r"[A-Za-z][A-Za-z]*\d+-$")
_BRACKETED_UNIT = re.compile(r"\s*[(\[{<]\s*(?P<u>[A-Za-z°º/²³µμ]+)\s*[)\]}>]")
_AGE_ABBREV = re.compile(r"\s*(?:yo|y\.o\.|y/o|yrs? old)(?![\w])", re.I)
_SINGLE_LETTER_GUARD = re.compile(r"-(?!(?:high|long|wide|deep|tall|thick|wide)\b)|/(?![A-Za-z])|\s+[A-Z]")
_ONE_PRONOUN_AFTER = re.compile(r"\s+(?:of|another|who|that|which|day|time|way|thing|side|hand)\b|'s\b|-(?:off|on-one)\b", re.I)
_ONE_PRONOUN_BEFORE = re.compile(r"(?<![\w])(?:no|the|any|every|each|this|that|which|only|someone|anyone|no-|at)\s+$", re.I)
_CHANGE_CONTEXT = re.compile(r"(?<![\w])(?:rose|rise|risen|rising|grew|increased?|fell|fallen|falling|dropped|declined|decreased?|jumped|climbed|soared|slumped|plunged|cut|went|moved|changed|raised|lowered|up|down)\s+(?:\w+\s+){0,2}$", re.I)

# "15 dollars 50", "17 USD 25", "10 $ 30 cent", "thirteen dollars and forty-five cents"  (cents after the major unit)
_CENTS_JOIN = re.compile(r"(?:\s+and)?\s+")
_CENTS_END = re.compile(r"[\s-]*(?P<c>cents?|c)(?![\w])|(?=\s*(?:[.,;!?]|$|more\b|and\b|only\b))", re.I)
# "5 feet 2 inches", "12 ft 2 in", "5 stone 3 lb"  (a smaller unit after the larger)
_SUBUNIT = {
    "foot": (re.compile(r"(?:\s+and)?\s+(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:inches|inch|in\b|\"|″)"), 12.0),
    "stone": (re.compile(r"(?:\s+and)?\s+(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:pounds|pound|lbs?\b)"), 14.0),
    "pound": (re.compile(r"(?:\s+and)?\s+(?P<n>\d{1,2}(?:\.\d+)?)\s*(?:ounces|ounce|oz\b)"), 16.0),
}
# "per cent of 210": a percentage written before its number (with nothing numeric before it)
_PERCENT_OF = re.compile(r"(?P<p>(?:per\s*cent|percents?|percentage)\s+of)\s+$", re.I)
_REPEATED_SYMBOL = re.compile(r"(?:US\$|\$|£|Â£|€|¥)\s?")  # "£3m-£4m": the second symbol
_COUNT_SUFFIX = re.compile(r"-(?P<s>strong|odd|plus)(?![\w])", re.I)  # "2,000-strong", "20-odd"
_SCORE_MAX = 20
_SCORE_CONTEXT = re.compile(r"(?:\b(?:won|win|wins|beat|beaten|lost|lose|drew|draw|defeat|defeated|victory|thrashed|trounced|led|lead|leading|score|scored|scoreline)\b(?:\s+\w+){0,2}|\b(?P<team>[A-Z][\w.'-]*))\s*$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”‘’'(]\s*|\n)$")


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    step: float
    vague: bool = False
    fraction: bool = False
    scaled: bool = False
    idiom: tuple[float, str] | None = None
    one_of: bool = False   # "a", "all", "another": one of the unit that follows, only with a unit


def find_quantities(text: str, taken: Iterable[tuple[int, int]] = (), vocabulary=None) -> list[Claim]:
    """Quantity claims in ``text``, skipping the ``taken`` spans (dates) and non-quantity spans."""
    lx = lexicon()
    P = patterns()
    spans = [m.span() for m in _NOT_QUANTITY.finditer(text)]
    if "@" in text or "://" in text or "www." in text:
        spans += [m.span() for m in _LINKS.finditer(text)]
    is_blocked = overlap_test([*taken, *spans])
    qualifiers = _vocabulary_qualifiers(lx, vocabulary)
    vague = _vocabulary_vague(lx, vocabulary)

    claims: list[Claim] = []
    floor = 0
    search = P.number.search
    m = search(text, 0)
    while m is not None:
        s, e = m.span()
        nxt = s + 1
        if s >= floor and not is_blocked(s, e):
            claim = _read(text, m, lx, P, qualifiers, vague, is_blocked, floor)
            if isinstance(claim, int):  # a span to pass over (a score like 3-0, an ordinal)
                floor = nxt = max(claim, nxt)
            elif claim is not None and claim.start >= floor:
                claims.append(claim)
                floor = nxt = max(claim.end, nxt)
            elif m.lastgroup != "words":
                nxt = e
        m = search(text, nxt)
    return _merge_bounds(text, claims)


# "more than 10 and less than 20", "no more than 50 and no less than 20": two bounds, one interval
_BOUND_JOIN = re.compile(r"[ \t]{0,3}(?:,[ \t]{0,3})?(?:(?:and|but)[ \t]{1,3})?", re.I)


def _merge_bounds(text: str, claims: list[Claim]) -> list[Claim]:
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == c.kind and prev.unit == c.unit and not prev.range and not c.range
                and c.start - prev.end <= 12 and _BOUND_JOIN.fullmatch(text, prev.end, c.start)
                and text[prev.end:c.start].strip()):
            lows = [x for x in (prev, c) if x.qualifier in (">", ">=") and x.high is None]
            highs = [x for x in (prev, c) if x.qualifier in ("<", "<=") and x.low is None]
            if len(lows) == 1 and len(highs) == 1 and lows[0].low < highs[0].high:
                lo, hi = lows[0].low, highs[0].high
                out[-1] = Claim(
                    text=text[prev.start:c.end], start=prev.start, end=c.end, kind=c.kind, value=None,
                    low=lo, high=hi, range=True, qualifier="=", change=prev.change or c.change, unit=c.unit,
                    canonical=_midpoint(prev.canonical, c.canonical), subject=c.subject or prev.subject,
                    step=c.step, dimension=c.dimension)
                continue
        out.append(c)
    return out


def _midpoint(a: Canonical | None, b: Canonical | None) -> Canonical | None:
    if a is None or b is None:
        return a or b
    return Canonical((a.value + b.value) / 2, a.unit)


def _vocabulary_qualifiers(lx: Lexicon, vocabulary) -> dict[str, Qualifier]:
    q = dict(lx.qualifiers_before)
    for entry in vocabulary or ():
        if not getattr(entry, "absolute", False) and entry.phrase.lower() in q:
            old = q[entry.phrase.lower()]
            q[entry.phrase.lower()] = Qualifier(old.phrase, entry.qualifier or old.qualifier,
                                                entry.low, entry.high, old.position)
    return q


def _vocabulary_vague(lx: Lexicon, vocabulary) -> dict:
    v = dict(lx.vague)
    for entry in vocabulary or ():
        if getattr(entry, "absolute", False):
            from .lexicon import Vague

            v[entry.phrase.lower()] = Vague(entry.phrase.lower(), entry.low, entry.high)
    return v


def _core(text: str, m: re.Match, lx: Lexicon, vague: dict) -> _Number | None:
    """The number itself: value, interval and step, before anything around it is read."""
    s, e = m.span()
    kind = m.lastgroup
    raw = m.group(0)
    if kind == "numeral":
        if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
            return None  # "007", the "00" of a typo like "$110,00": a code, not a quantity
        try:
            value, step = numeral_value(raw)
        except ValueError:
            return None  # 1e999999: no number a text can mean
        if not math.isfinite(value):
            return None
        return _Number(s, e, value, value, value, step)
    if kind == "fraction":
        try:
            value = fraction_value(raw)
        except (ValueError, ZeroDivisionError):
            return None
        return _Number(s, e, value, value, value, 0.0, fraction="/" in raw or not raw[0].isdigit() or raw.strip()[-1] in "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")
    if kind == "bare":  # "for years": some number of years, more than one
        return _Number(s, s, None, 2.0, None, 1.0, vague=True)
    if kind == "idiom":  # "absolute zero"
        return _Number(s, e, 0.0, 0.0, 0.0, 1.0, idiom=lx.measure_idioms[re.sub(r"\s+", " ", raw.lower())])
    if kind == "vague":
        if raw.lower() == "scores" and not re.match(r"\s+of\b", text[e:e + 4]):
            return None  # "scores" alone is usually the verb
        v = vague.get(re.sub(r"\s+", " ", raw.lower()))
        if v is None:
            return None
        if v.low == v.high:  # "a couple of": exactly two
            return _Number(s, e, v.low, v.low, v.high, 1.0)
        return _Number(s, e, None, v.low, v.high, 1.0, vague=True)
    low_raw = raw.lower()
    if low_raw in ("a", "an"):  # "a decade", "an hour"
        return _Number(s, e, 1.0, 1.0, 1.0, 1.0, one_of=True)
    if low_raw.split()[-1] in ("all", "full", "whole", "another"):  # "all day", "another week"
        return _Number(s, e, 1.0, 1.0, 1.0, 1.0, one_of=True)
    words, ends = bound_tokens(raw)
    got = parse_words(words)
    if got is None:
        parts = tokens_of(raw)
        for k in range(1, len(parts)):  # "hundred-10": a figure after a hyphen is not part of the number
            if not parts[k].group(0).isalpha() and "-" in raw[parts[k - 1].end():parts[k].start()]:
                parts = parts[:k]
                break
        words, ends = [t.group(0) for t in parts], [t.end() for t in parts]
        got = parse_words(words)  # "three-nought-four": read the parts one by one
        if got is None:
            return None
    value, used, is_fraction = got
    end = s + ends[used - 1]
    if patterns().ordinal_after.match(text, end):
        return None  # "twenty-first": an ordinal, not twenty
    return _Number(s, end, value, value, value, 1.0, fraction=is_fraction and value <= 1)


def _apply_scale(text: str, num: _Number, P, lx: Lexicon, currency: bool) -> _Number:
    """Read "bn", "million", "k" after a number; "m" is million only where it cannot be a metre."""
    sm = P.scale_after.match(text, num.end)
    if currency and not sm and text[num.end:num.end + 1] == "T" and not text[num.end + 1:num.end + 2].isalpha():
        f = lambda x: None if x is None else x * 1e12  # noqa: E731  "$2.174T"
        return _Number(num.start, num.end + 1, f(num.value), f(num.low), f(num.high), num.step * 1e12, num.vague, False, True)
    if not sm or num.fraction and not num.vague and num.value is not None and num.value < 1 and not currency:
        return num
    word = sm.group("scale") or sm.group("scaleword")
    key = word.lower()
    if key == "m" and word == "m" and not currency:
        attached = sm.start("scale") == num.end
        nxt = re.match(r"[\s-]*([A-Za-z][\w'’-]*)", text[sm.end(): sm.end() + 30])
        # news writes millions as "5m people", "1.4m cash machines", "a peak of 15.3m"; metres are
        # "100m race", "the 400m", "a 10m-high wall", "5 m" (spaced)
        follower = nxt.group(1).lower() if nxt else ""
        the_before = text[max(0, num.start - 4):num.start].lower() == "the "
        verb_follows = nxt is not None and follower != "of" and (follower in lx.stopwords or "'" in follower or "’" in follower)
        metres = (not attached or text[sm.end():sm.end() + 1] == "-" or follower in lx.metre_context or verb_follows
                  or (the_before and not is_plural(nxt.group(1) if nxt else "") and P.currency_after.match(text, sm.end()) is None))
        if metres:
            return num
    if key == "mm" and word != "MM":
        return num  # "7.62mm" is millimetres; "1MM" is a million
    glued_end = re.match(r"(?:[\s.,;:!?)]|$)", text[sm.end():sm.end() + 1]) is not None
    if key == "b" and not currency and (word != "b" or sm.start("scale") != num.end or not glued_end):
        return num  # "1.2b" yes; "5 b" no
    if key == "k" and not currency and sm.start("scale") != num.end and not glued_end:
        return num  # "30k", "2.33 k." yes; "30 k people" no
    mult = lx.scales.get(key) or float(lx.number_words[key][0])
    f = lambda x: None if x is None else x * mult  # noqa: E731
    step = num.step * mult
    return _Number(num.start, sm.end(), f(num.value), f(num.low), f(num.high), step, num.vague, False, True)


@dataclass(frozen=True)
class _After:
    """What follows a number: a percent sign, a unit, or a currency (with a factor for pence, MUSD)."""

    end: int
    percent: str | None = None
    unit: Unit | None = None
    currency: str | None = None
    factor: float = 1.0
    per: Unit | None = None   # money per something: "$15.4/hour" -> "USD / hour"

    def same(self, other: "_After | None") -> bool:
        return other is not None and (self.percent, self.unit, self.currency) == (other.percent, other.unit, other.currency)


def _before_currency(text: str, s: int, P, lx: Lexicon) -> tuple[str, int, float] | None:
    """A currency written before the number: "$", "US$ ", "Â£", "EUR ", "MAUD " -> (code, start, factor)."""
    left = text[max(0, s - 24):s]
    tail = left.rstrip()
    if not tail or (tail[-1] not in lx.currency_tails and tail.rsplit(None, 1)[-1].lower() not in lx.currency_tails):
        return None  # nothing a currency can end with: skip the regex
    cb = P.currency_before.search(left)
    if not cb:
        return None
    start = s - (len(left) - cb.start())
    if cb.group("mcode"):
        return cb.group("mcode")[1:], start, 1e6
    if cb.group("code"):
        word = cb.group("code").lower()
        code = lx.currency_words.get(word) or word.upper()
        return code, start, 1.0
    sym = cb.group("sym")
    if sym:
        sym = re.sub(r"\s+", "", sym)
        sym = sym if sym in lx.currency_symbols else sym.upper()
        # "US$", "HK$": letters inside a symbol are fine; "5$" or "x$" glued to a word are not
        if start > 0 and text[start - 1].isalnum():
            return None
        return lx.currency_symbols[sym], start, 1.0
    return ("GBP" if cb.group("mojibake") else "EUR"), start, 1.0


def _after(text: str, pos: int, P, lx: Lexicon, num: "_Number", currency: str | None) -> _After | None:
    """The percent sign, unit or currency right after a number (pos is where the number ends)."""
    ua = P.unit_after.match(text, pos)
    if ua:
        sep = ua.group("sep")
        if ua.group("percent"):
            p = ua.group("percent").lower()
            return _After(ua.end(), percent="percentage_point" if ("point" in p or p.startswith("pp")) else "percent")
        surface = ua.group("unit") or ua.group("unitcs")
        unit = lx.units_cs.get(surface) if ua.group("unitcs") else lx.units_ci.get(surface.lower())
        if unit is not None:
            ok = True
            if surface.lower() == "in":  # "2 in." is inches; "2 in 5" is not
                ok = not sep.strip() and _INCH_CONTEXT.match(text, ua.end()) is not None
            elif sep.strip() == "-" and len(surface) <= 1:
                ok = False
            elif len(surface) == 1 and _SINGLE_LETTER_GUARD.match(text, ua.end()):
                ok = False  # "F-Series", "L-202", "23456 F Block"
            elif unit.kind == "temperature" and len(surface) == 1 and (num.value or 0) > 1000:
                ok = False
            elif surface.lower() in ("pounds", "pound") and (num.scaled or currency):
                ok = False  # "2.5 million pounds" is money
            elif currency and unit.kind != "duration":
                ok = False
            if ok:
                return _compound(text, _After(ua.end(), unit=unit), P, lx)
    bu = _BRACKETED_UNIT.match(text, pos)
    if bu and not currency:
        surface = bu.group("u")
        unit = lx.units_cs.get(surface) or lx.units_ci.get(surface.lower())
        if unit is not None and unit.kind != "duration":
            return _After(bu.end(), unit=unit)  # "20 (kg)", "20 [kg]"
    if currency:
        return None
    token = text[pos + 1:pos + 12].split(" ", 1)[0] if text[pos:pos + 1] == " " else ""
    inverse = unit_term().match(text, pos + 1) if any(c in token for c in "-−^") else None
    if inverse and (inverse.group("d") or inverse.group("e") or "").replace("−", "-").startswith("-"):
        return _compound(text, _After(pos, unit=None), P, lx, first=inverse)  # "4e14 s-1", "1 fb−1"
    ca = P.currency_after.match(text, pos)
    if not ca:
        return None
    if ca.group("mcode"):
        return _After(ca.end(), currency=ca.group("mcode")[1:], factor=1e6)
    if ca.group("sym"):
        return _compound(text, _After(ca.end(), currency=lx.currency_symbols[ca.group("sym")]), P, lx)
    cur = ca.group("cur")
    if cur[:1].isupper() and cur[1:].islower() and " " not in cur and cur.lower() not in ("euro", "euros"):
        return None  # "50 Cent": a name ("65 Canadian cents" is money)
    word = re.sub(r"\s+", " ", ca.group("cur").lower())
    if word in lx.minor_units:
        code, factor = lx.minor_units[word]
        if word == "p" and ca.start("cur") != pos:
            return None  # "50p" yes, "50 p" no
        return _After(ca.end(), currency=code, factor=factor)
    return _compound(text, _After(ca.end(), currency=lx.currency_words[word]), P, lx)


def _term(m: re.Match, lx: Lexicon) -> tuple[Unit, int] | None:
    """A unit term of a compound and its exponent: "s2" -> (second, 2), "fb−1" -> (femtobarn, -1)."""
    unit = lx.units_cs.get(m.group("cs")) if m.group("cs") else lx.units_ci.get(m.group("ci").lower())
    if unit is None or unit.kind == "temperature":
        return None
    if m.group("sup"):
        exp = {"²": 2, "³": 3}[m.group("sup")]
    else:
        raw = (m.group("e") or m.group("d") or "1").replace("−", "-").replace("+", "")
        exp = int(raw)
    return unit, exp


def _compound(text: str, after: _After, P, lx: Lexicon, first: re.Match | None = None) -> _After:
    """Extend a unit (or a currency) with "/ unit" and "per unit" parts: km/s2, J/m^2 per year, $15.4/hour."""
    parts: list[tuple[Unit, int]] = []
    end = after.end
    be = _BASE_EXPONENT.match(text, end) if after.unit is not None and first is None else None
    if be:  # "1 fb−1", "5 m^2"
        exp = int((be.group("e") or be.group("d")).replace("−", "-").replace("+", "")) if not be.group("sup") else {"²": 2, "³": 3}[be.group("sup")]
        first_unit = after.unit
        after = _After(be.end(), unit=None)
        parts.append((first_unit, exp))
        end = be.end()
    if first is not None:
        t = _term(first, lx)
        if t is None:
            return after
        parts.append(t)
        end = first.end()
    while True:
        pm = P.per.match(text, end)
        if not pm:
            break
        tm = unit_term().match(text, pm.end())
        if not tm:
            break
        t = _term(tm, lx)
        if t is None or (len(tm.group(0)) == 1 and tm.group(0) in "aA"):
            break
        parts.append((t[0], -t[1]))
        end = tm.end()
    if not parts:
        return after
    if after.unit is not None and after.unit.kind == "temperature":
        return after
    if parts and parts[0][1] > 0 and after.unit is None and not after.currency:
        unit0, exp0 = parts.pop(0)  # "5 m^2": the first part is the numerator
        after = _After(after.end, unit=Unit(
            name=unit0.name + (f" ** {exp0}" if exp0 != 1 else ""), kind="measure", dimension="compound",
            factor=unit0.factor ** exp0, offset=0.0, base=f"({unit0.base}) ** {exp0}" if exp0 != 1 else unit0.base,
            surfaces=()))
        if not parts:
            return _After(end, unit=after.unit)
    num_name = after.currency or (after.unit.name if after.unit else "1")
    factor = after.unit.factor if after.unit else 1.0
    base = after.currency or (after.unit.base if after.unit else "")
    name = num_name
    for unit, exp in parts:
        factor *= unit.factor ** exp
        op = " / " if exp < 0 else " * "
        power = f" ** {abs(exp)}" if abs(exp) != 1 else ""
        name += f"{op}{unit.name}{power}"
        base += f"{op}({unit.base}){power}"
    if name.startswith("1 * "):
        name = name[4:]
    compound = Unit(name=name, kind="measure", dimension="compound", factor=factor, offset=0.0,
                    base=base.strip(" *"), surfaces=())
    if after.currency:
        return _After(end, currency=after.currency, factor=after.factor, per=compound)
    return _After(end, unit=compound)


_APPOSITION_BEFORE = re.compile(r"(?:\b[A-Z][a-z]+|\b(?:man|woman|boy|girl|mother|father|son|daughter|wife|husband)),\s+$")
_APPOSITION_AFTER = re.compile(r"\s*,\s+(?!\d)")
_AGE_VERB_BEFORE = re.compile(r"(?:\b(?:I|he|she|we|they|you)\s+(?:was|were|am|is|are)|\b(?:turns?|turned|turning))\s+$")
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|$|\s+(?:when|and|but|in|at|on|before|after|he|she)\b)")
_AMOUNT_VERBS = frozenset("raised lost cut cuts cutting shed added gained gains boosted".split())
_TIME_ONE_UNITS = frozenset("hour day week month year minute second".split())
_DURATION_CONTEXT = re.compile(r"(?:\b(?:for|about|around|nearly|almost|over|within|than|after|lasted|lasting|took|spent|"
                               r"wait|waited|half|another|just|only|under|least|most|up\s+to)\s+)$", re.I)
_AGE_VERBS = frozenset("was were am is are turns turned turning turn".split())
_A_ORDINAL = re.compile(r"an?\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", re.I)
_RANK_WORDS = frozenset("round stage leg heat game match set hole lap phase chapter part series season "
                        "episode verse row seat gate platform level grade tier day week".split())
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|this|that|first|second|third|fourth|final|last|other|opposite|each|either|"
                                r"his|her|their|its|our|my|your|top|bottom|upper|lower|same)\s+$", re.I)
_ADJECTIVE_ONE = re.compile(r"(?:^|\W)(?:an?|the)\s+[a-z]+\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")
_CAPITALISED_BEFORE = re.compile(r"(?:^|[^\w.’'-])([A-Z][a-z]+)\s$")


def _name_before(text: str, s: int, lx: Lexicon, P, num: "_Number") -> bool:
    """A bare whole number right after a capitalised word inside a sentence is part of a name."""
    prev = text[max(0, s - 30):s].split()
    if not prev or not prev[-1][:1].isupper() and not prev[-1][:2].lstrip("(")[:1].isupper():
        return False
    cm = _CAPITALISED_BEFORE.search(text, max(0, s - 30), s)
    if not cm or num.value is None or not float(num.value).is_integer() or num.scaled:
        return False
    word = cm.group(1)
    if word.lower() in lx.stopwords or word.lower() in lx.qualifier_tails or word in _MONTHS_AND_DAYS:
        return False
    if _sentence_start(text, cm.start(1)) and text[max(0, cm.start(1) - 1):cm.start(1)] != "(":
        return False
    after = P.unit_after.match(text, num.end)
    if after and (after.group("percent") or after.group("unit") or after.group("unitcs")):
        return False
    if P.currency_after.match(text, num.end) or P.scale_after.match(text, num.end):
        return False
    return True


_MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday".split())


def _is_identifier(text: str, m: re.Match, num: "_Number", lx: Lexicon, P) -> bool:
    """G7, F-16, Covid-19, MP3, J1149.5+6663, Section 427, the Six Nations, "no one"."""
    s = num.start
    left = text[max(0, s - 40):s]
    group = m.lastgroup
    if group in ("numeral", "fraction"):
        c1, c2 = left[-1:], left[-2:-1]
        if (c1.isascii() and c1.isalpha() or c1 in "-\u2010\u2011" and c2.isascii() and c2.isalpha()) \
                and _before_currency(text, s, P, lx) is None:
            return True  # G7, F-16, Covid-19
        if left[-1:] == "+" and left[-2:-1].isalnum():
            return True
        if left[-1:] == "-" and _CODE_HYPHEN.search(left):
            return True  # "scp2-173m", "A4-210"
        nxt = text[num.end:num.end + 1]
        if nxt == "/" and not unit_term().match(text, num.end + 1) or (nxt == "." and text[num.end + 1:num.end + 2].isdigit()):
            return True
    if group == "numeral" and left[-1:].isspace():
        words = left.split()
        if words and words[-1] in lx.identifier_words:
            return True  # Section 427, Flight 370
    raw = m.group(0)
    if group in ("words", "vague") and raw[:1].isupper() and not _sentence_start(text, s):
        return True  # "the Six Nations", "Big Four"
    after2 = text[num.end:num.end + 3]
    if after2[:2] in ("'s", "’s") and group != "fraction":
        return True  # "50's beef", "Hot 97's": a name
    if group == "words" and raw.lower() == "half" and text[num.end:num.end + 1] in "-‐‑":
        return True  # "half-marathon", "half-time"
    if left.endswith(("number ", "No. ", "No ")) and group == "words":
        return True  # "number one in the charts": a rank
    nm = _NEXT_WORD.match(text, num.end)
    if nm and nm.group(1).lower() in (lx.currency_words.keys() | lx.minor_units.keys()) and nm.group(1).lower() not in ("euro", "euros"):
        return True  # "50 Cent", "Three Pounds": a name
    if group in ("numeral", "fraction") and _name_before(text, s, lx, P, num):
        return True  # "Hot 97 studios", "Apollo 11", "(Biscan 67)", "Fahrenheit 9/11"
    if left[-1:] == "/" and left[-2:-1].isalpha():
        return True  # "OS/2"
    if group == "words" and left.split()[-1:] and left.split()[-1].lower() in _RANK_WORDS and left[-1:].isspace():
        return True  # "round four", "stage two": a name for a place in a sequence
    if group == "words" and _A_ORDINAL.fullmatch(raw) and re.match(r"\s+(?!of\b)[a-z]", text[num.end:num.end + 3]):
        return True  # "a third term", "a fifth week in a row": an ordinal, not a fraction ("a third of" is one)
    if group == "words" and raw.lower() in ("half", "quarter") and _DETERMINER_BEFORE.search(left):
        return True  # "the opposite half of the draw", "the first quarter"
    if group == "words" and raw.lower() == "one" and _ADJECTIVE_ONE.search(left):
        return True  # "a later one", "the big one"
    if group == "words" and raw.lower() == "one" and num.end == m.end():
        if P.unit_after.match(text, num.end) and P.unit_after.match(text, num.end).group("unit"):
            return False  # "that one mile"
        if _ONE_PRONOUN_AFTER.match(text, num.end) or _ONE_PRONOUN_BEFORE.search(left):
            return True
    return False


def _read(text, m, lx: Lexicon, P, qualifiers, vague, is_blocked, floor: int = 0) -> Claim | int | None:
    """The claim around one number match; an int means "skip to here" (scores, ordinals)."""
    num = _core(text, m, lx, vague)
    if num is None or _is_identifier(text, m, num, lx, P):
        return None
    if num.idiom is not None:
        value, unit_name = num.idiom
        from ..units import load_units

        return _claim(text, num.start, num.end, num, value, value, value, False, "=", None, None, None,
                      load_units()[unit_name], False, 1.0, lx)
    s = num.start
    start = s
    currency, factor = None, 1.0
    signed = False
    window = text[max(0, s - 10):s]
    sg = _SIGN.search(window) if num.value is not None and (window[-1:] in ("-", "−", " ")) and (
        "-" in window or "−" in window or "minus" in window.lower() or "negative" in window.lower()) else None
    if sg and sg.group("sym") and re.search(r"\d\s+$", text[max(0, s - 12):s - 1]):
        sg = None  # "75 -300mm": a dash between figures, not a minus
    if sg:  # -1, minus five, <-30, -18 °C to -34 °C
        num = _Number(num.start, num.end, -num.value, -num.value, -num.value, num.step, num.vague, num.fraction, num.scaled)
        start = s - (len(text[max(0, s - 10):s]) - sg.start())
        signed = True
    cb = _before_currency(text, start, P, lx)
    if cb and cb[1] < floor:
        cb = None  # "10 $ 30 $": the first "$" belongs to the first number
    if cb is None and not signed and text[s - 1:s] in ("-", "−") and num.value is not None:
        cb = _before_currency(text, s - 1, P, lx)  # "$-99.99"
        if cb:
            num = _Number(num.start, num.end, -num.value, -num.value, -num.value, num.step, num.vague, num.fraction, num.scaled)
    if cb:
        currency, start, factor = cb
    num = _apply_scale(text, num, P, lx, currency is not None)
    if not currency and not num.vague and not num.fraction and num.value is not None:
        num = _fraction_join(text, num, m, P, lx, vague, is_blocked)
    end = num.end
    low, high, value, step = num.low, num.high, num.value, num.step
    is_range = num.vague
    compound_timex = None
    if num.fraction and m.lastgroup == "words":
        ha = _HALF_AN.match(text, end)
        if ha and _after(text, ha.end(), P, lx, num, None) is not None:
            end = ha.end()  # "half an hour", "half a year"
    pm = _PLUS_MINUS.match(text, end) if value is not None and not num.vague else None
    if pm:  # "9.83e-3 +/- 1e-5 km/s2": the value with its uncertainty
        m3 = P.number.match(text, pm.end())
        n3 = _core(text, m3, lx, vague) if m3 and m3.lastgroup == "numeral" else None
        if n3 is not None and n3.value is not None:
            low, high, end, is_range = value - n3.value, value + n3.value, n3.end, True
    after = _after(text, end, P, lx, num, currency)
    if after is None and currency:
        rate = _compound(text, _After(end, currency=currency, factor=factor), P, lx)
        after = rate if rate.end > end else None  # "$15.4/hour", "$350 per kg"

    # a range partner: 5-7 km, 10,000-12,000, $3-4bn, 44 mg to 50 mg, between 10 and 12, 8- to 16-meter
    window = text[max(0, start - 12):start].lower()
    between = _BETWEEN.search(text[max(0, start - 12):start]) if ("between" in window or "from" in window) else None
    rj = _RANGE_JOIN.match(text, after.end if after else end)
    if rj and not num.vague and value is not None:
        joiner = (rj.group("word") or "").lower()
        lead = text[max(0, start - 40):start]
        ok = bool(rj.group("dash")) or joiner in ("through", "thru") \
            or (joiner == "to" and not _CHANGE_CONTEXT.search(lead)) \
            or (joiner == "and" and between is not None and between.group("w").lower() == "between")
        if joiner == "to" and between and between.group("w").lower() == "from" and \
                _CHANGE_CONTEXT.search(text[max(0, start - 40):start - len(between.group(0))]):
            ok = False
        j = rj.end()
        sign2 = 1.0
        if ok and not rj.group("dash") and _SECOND_SIGN.match(text, j):
            sign2, j = -1.0, j + 1
        cb2 = _REPEATED_SYMBOL.match(text, j)
        if cb2 and currency:
            j = cb2.end()
        m2 = P.number.match(text, j) if ok else None
        if m2 and m2.lastgroup in ("numeral", "words") and not is_blocked(*m2.span()):
            n2 = _core(text, m2, lx, vague)
            if n2 is not None and n2.value is not None:
                n2 = _apply_scale(text, n2, P, lx, currency is not None)
                after2 = _after(text, n2.end, P, lx, n2, currency)
                unit_follows = bool(after2 and not after2.currency)
                if _is_score(m.group(0), m2.group(0), rj, text[max(0, start - 25):start], unit_follows, lx.stopwords):
                    return m2.end()
                compatible = after is None or after.same(after2) or (after2 is None and after.end == end)
                if not _LETTER_AFTER(text, n2.end) or after2 is not None:
                    v1 = value
                    if not num.scaled and n2.scaled and m.lastgroup == m2.lastgroup:
                        v1 = value * (n2.value / (_unscaled(m2) or 1))  # "$3-4bn"
                    elif not num.scaled and m2.lastgroup == "words" and value is not None:
                        last_word = m2.group(0).split()[-1].lower()
                        scale = lx.number_words.get(last_word, (0, ""))
                        if scale[1] in ("hundred", "scale") and value < scale[0] \
                                and text[num.start:num.end].split()[-1].lower() != last_word:
                            v1 = value * scale[0]  # "five to ten million", "between 5 and 6 hundred"
                    v2 = n2.value * sign2
                    if compatible and (after2 is not None or after is None or rj.group("dash")) and (v1 < v2 or sign2 < 0 or v1 < 0):
                        low, high, value = min(v1, v2), max(v1, v2), None
                        step = min(num.step, n2.step)
                        end = n2.end
                        after = after2 or after
                        if after2 is not None:
                            end = after2.end
                        is_range = True
                    elif rj.group("dash") and m.group(0).isdigit() and m2.group(0).isdigit() and after is None:
                        return m2.end()  # 38-8: a result, not a range
    if after is None and not currency and not is_range and value is not None and m.lastgroup == "numeral":
        after = _shared_unit(text, end, P, lx, vague)  # "45 and 50 mg": 45 is in mg too
    if after is not None and after.end > end:
        end = after.end
    unit = after.unit if after else None
    percent = after.percent if after else None
    if after is None and not currency and not is_range and re.match(r"\s*(?:[.,;!?]|$)", text[end:end + 2]):
        po = _PERCENT_OF.search(text[max(0, start - 25):start]) if text[max(0, start - 4):start].rstrip().lower().endswith("of") else None
        if po:
            before = text[:start - (len(text[max(0, start - 25):start]) - po.start())].rstrip()
            if not before or not (before[-1].isdigit() or before.split()[-1].lower() in lx.number_words):
                percent = "percent"
                start -= len(text[max(0, start - 25):start]) - po.start()
    if after and after.currency:
        currency, factor = after.currency, after.factor
        num2 = _apply_scale(text, _Number(num.start, end, value, low, high, step, num.vague, num.fraction, num.scaled), P, lx, True)
        if num2.end > end and not num.scaled:  # "75 USD million"
            value, low, high, step, end = num2.value, num2.low, num2.high, num2.step, num2.end
    if currency and value is not None and not is_range and float(value).is_integer():
        cents = _cents(text, end, P, lx, vague)
        if cents is not None and (after is not None and after.currency or cents[2]
                                  or re.match(r"\s*(?:[.!?]|$)", text[cents[1]:cents[1] + 2])):
            value = value + cents[0] / 100
            low = high = value
            step = 0.01
            end = cents[1]
    if unit is not None and unit.kind == "duration" and value is not None and not is_range:
        ha = _AND_A_HALF.match(text, end)
        if ha:  # "an hour and a half", "two years and a half"
            value, end = value + 0.5, ha.end()
            low = high = value
        listed = bool(_LISTED_DURATION.search(text, max(0, start - 24), start))
        more = _compound_duration(text, end, P, lx, vague, unit, value, listed)
        if more is not None:  # "1 year 1 month 21 days": the whole, in the first part's unit
            end, compound_timex, value, step = more
            low = high = value
    if unit is not None and value is not None and not is_range:
        sub = _SUBUNIT.get(unit.name)
        if sub:
            sm = sub[0].match(text, end)
            if sm:
                value = value + float(sm.group("n")) / sub[1]
                low = high = value
                end = sm.end()
    age = False
    if unit is not None and unit.kind == "duration":
        am = _AGE_AFTER.match(text, end)
        if am:
            age, end = True, am.end()
        elif "age" in text[max(0, start - 8):start].lower() and _AGE_BEFORE.search(text[max(0, start - 8):start]):
            age = True
    elif unit is None and percent is None and currency is None and value is not None and value < 130 \
            and "age" in text[max(0, start - 8):start].lower() and _AGE_BEFORE.search(text[max(0, start - 8):start]):
        age = True
        unit = lx.units_ci.get("years")
    elif unit is None and percent is None and currency is None and value is not None and value < 130 \
            and _AGE_ABBREV.match(text, end):
        age, end = True, _AGE_ABBREV.match(text, end).end()  # "87 yo man"
        unit = lx.units_ci.get("years")
    bare = unit is None and percent is None and currency is None and not is_range and value is not None
    if bare and not age and float(value).is_integer() and 0 < value <= 120 and m.lastgroup in ("numeral", "words") \
            and not num.scaled and (text[max(0, start - 3):start].rstrip().endswith(",")
                                    and _APPOSITION_BEFORE.search(text[max(0, start - 40):start]) and _APPOSITION_AFTER.match(text, end)
                                    or text[max(0, start - 20):start].split()[-1:] and text[max(0, start - 20):start].split()[-1].lower() in _AGE_VERBS
                                    and _AGE_VERB_BEFORE.search(text[max(0, start - 20):start]) and _CLAUSE_END.match(text, end)):
        age = True  # "Mr Mubanga, 29, said", "when I was 16", "before he turns 35"
        unit = lx.units_ci.get("years")
    if bare and not age and m.lastgroup == "numeral" and len(m.group(0)) == 4 and 1800 <= value <= 2100 and not num.scaled:
        head = subject_after(text, end, lx).split()
        if not head or not is_plural(head[-1]):
            # "beyond 2009", "the classic 1982 film": a year the date reader's contexts left alone;
            # after a qualifier or before "of" ("at least 2006", "2000 of them") it may be either: neither
            lead = text[max(0, start - 20):start].split()[-1:]
            if signed or _OF_AFTER.match(text, end) or (lead and lead[0].lower() in lx.qualifier_tails):
                return None
            return _bare_year(text, num.start, num.end, int(value))
    # a bare number glued to letters is a name or code: 3D, 4G, 747s
    if unit is None and percent is None and currency is None and _LETTER_AFTER(text, end):
        return None
    if num.one_of and (unit is None and currency is None):
        return None
    if num.one_of and m.group(0).lower() in ("a", "an") and unit is not None and unit.kind == "duration" \
            and unit.name in _TIME_ONE_UNITS and value == 1 and not _DURATION_CONTEXT.search(text[max(0, start - 25):start]):
        return None  # "once a year", "a day later": not a length of time ("an hour and a half" is one)
    suffix = _COUNT_SUFFIX.match(text, end) if unit is None and percent is None else None
    if suffix:
        end = suffix.end()

    # qualifiers: "more than 10,000", "10,000 or more", "2,000-plus", "more than 5 or equal"
    qualifier, qb, qstart = "=", None, start
    lead = text[max(0, start - 40):start]
    words = lead.split()
    gate = bool(words) and (words[-1].lower() in lx.qualifier_tails or lead.rstrip()[-1:] in "<>=≤≥")
    qm = P.qualifier_before.search(lead) if gate else None
    if qm and not num.vague and start - (len(lead) - qm.start()) >= floor:
        q = qualifiers.get(re.sub(r"\s+", " ", qm.group("q").lower()))
        if q is not None:
            qb, qstart = q, start - (len(lead) - qm.start())
    qa = P.qualifier_after.match(text, end) if not is_range else None
    if qa:
        q = lx.qualifiers_after.get(re.sub(r"\s+", " ", qa.group("q").lower()))
        if q is not None and q.qualifier == "=" and qb is not None and qb.qualifier in (">", "<"):
            qb = Qualifier(qb.phrase, qb.qualifier + "=", qb.low, qb.high, "before")  # "more than 5 or equal"
            end = qa.end()
        elif q is not None and q.qualifier != "=":
            if qb is not None and qb.qualifier == "~":
                qstart = start
            if qb is None or qb.qualifier in ("~", "="):
                qb = q
                end = qa.end()
    if suffix and suffix.group("s").lower() in ("odd", "plus") and qb is None:
        qb = qualifiers.get("about") if suffix.group("s").lower() == "odd" else lx.qualifiers_after.get("plus")
    if qb is not None and value is not None:
        qualifier = qb.qualifier
        low = value * qb.low if qb.low is not None else None
        high = value * qb.high if qb.high is not None else None
        if low is not None and high is not None and low > high:
            low, high = high, low
        start = qstart
    elif between and is_range and not num.vague:
        start = start - len(between.group(0))

    # change: "rose 5%", "fell by 2,000", "a 5% rise"
    change = None
    before = text[max(0, start - 30):start]
    words = before.split()
    cm = P.change_before.search(before) if words and words[-1].lower() in lx.change_tails else None
    if cm:
        verb = re.sub(r"\s+", " ", cm.group("c").lower())
        change = lx.changes_before[verb]
        if currency and verb in _AMOUNT_VERBS and not cm.group(0).rstrip().lower().endswith(" by"):
            change = None  # "raised £20m", "lost $100m": an amount raised or lost, not a change in a level
    else:
        cam = P.change_after.match(text, end)
        if cam and (percent or currency or unit):
            change = lx.changes_after[cam.group("c").lower()]

    if factor != 1.0:
        value = None if value is None else value * factor
        low = None if low is None else low * factor
        high = None if high is None else high * factor
        step *= factor
    if any(x is not None and not math.isfinite(x) for x in (value, low, high)):
        return None  # "1e300bn": beyond any float a claim can hold
    claim = _claim(text, start, end, num, value, low, high, is_range, qualifier, change,
                   currency, percent, unit, age, step, lx, after.per if after else None)
    if compound_timex and claim.kind == "duration":
        claim = dataclasses.replace(claim, timex=compound_timex)
    return claim


_OF_AFTER = re.compile(r"\s+of\b", re.I)


def _bare_year(text: str, start: int, end: int, year: int) -> Claim:
    """A year standing without a date context, as the date claim it is (no publication date needed)."""
    return Claim(text=text[start:end], start=start, end=end, kind="date", timex=f"{year:04d}",
                 date_start=f"{year:04d}-01-01", date_end=f"{year:04d}-12-31")


def _claim(text, start, end, num, value, low, high, is_range, qualifier, change,
           currency, percent, unit, age, step, lx, per: Unit | None = None) -> Claim:
    """Kind, unit name, canonical value and subject, then the frozen claim."""
    point = value if value is not None else (
        (low + high) / 2 if low is not None and high is not None else (low if low is not None else high))
    timex = None
    dimension = ""
    if currency:
        kind, unit_name = "money", per.name if per else currency
        canonical = Canonical(point * (per.factor if per else 1.0), per.base if per else currency) if point is not None else None
        dimension = "currency"
    elif percent:
        kind, unit_name = "percent", percent
        canonical = Canonical(point / 100 if percent == "percent" else point,
                              "dimensionless" if percent == "percent" else "percentage_point") if point is not None else None
    elif unit is not None:
        unit_name = unit.name
        dimension = unit.dimension
        canonical = Canonical(unit.to_base(point), unit.base) if point is not None else None
        if age:
            kind = "age"  # TimeML reads "a 22-year-old" as a duration: P22Y
            timex = duration_timex([(unit.name, value)], num.vague) if unit.kind == "duration" else None
        elif unit.kind == "duration":
            kind = "duration"
            timex = duration_timex([(unit.name, value)], num.vague)
        else:
            kind = "measure"
    else:
        unit_name = ""
        kind = "fraction" if num.fraction else "count"
        canonical = Canonical(point, "") if point is not None else None
    subject = subject_after(text, end, lx, allow_of=True)
    if qualifier == "=" and not is_range and value is not None:
        low = high = value
    return Claim(
        text=text[start:end], start=start, end=end, kind=kind, value=value, low=low, high=high,
        range=is_range, qualifier=qualifier, change=change, unit=unit_name, canonical=canonical,
        subject=subject, timex=timex, step=step, dimension=dimension,
    )


# "45 and 50 mg", "5, 10 or 15 per cent" share a unit; "6,630, or 18.9%" restates, it does not share
_SHARED_JOIN = re.compile(r"[ \t]{1,3}(?:and|or)[ \t]{1,3}|[ \t]{0,2},[ \t]{0,3}(?!and\b|or\b)")


def _shared_unit(text: str, pos: int, P, lx, vague) -> "_After | None":
    """The unit of the next figure in "45 and 50 mg" or "5, 10 or 15 per cent", lent to this one (end unchanged)."""
    origin = pos
    for _ in range(4):
        j = _SHARED_JOIN.match(text, pos)
        if not j:
            return None
        m2 = P.number.match(text, j.end())
        if not m2 or m2.lastgroup != "numeral":
            return None
        n2 = _core(text, m2, lx, vague)
        if n2 is None:
            return None
        after2 = _after(text, n2.end, P, lx, n2, None)
        if after2 is not None:
            if after2.currency or (after2.unit is not None and after2.unit.kind == "duration"):
                return None
            return _After(origin, percent=after2.percent, unit=after2.unit)
        pos = n2.end
    return None


def _compound_duration(text, pos, P, lx, vague, unit, value, listed: bool = False) -> tuple[int, str, float, float] | None:
    """ "1 year 1 month 21 days", "two hours and 40 minutes": (end, TIMEX3, total, step) of the whole, the
    total and the step (the smallest part's unit) in the first part's unit.

    Parts written side by side join, and one last smaller part after "and" unless the duration is itself
    an item of a list (``listed``): "3 years, 2 months and 14 days" stays three claims, each checkable on
    its own.
    """
    parts = [(unit.name, value)]
    end = pos
    for _ in range(4):
        j = _DURATION_JOIN.match(text, end)  # "1 year 1 month": one duration; with commas, a list
        if not j:
            break
        m2 = P.number.match(text, j.end())
        if not m2 or m2.lastgroup not in ("numeral", "words"):
            break
        n2 = _core(text, m2, lx, vague)
        if n2 is None or n2.value is None:
            break
        a2 = _after(text, n2.end, P, lx, n2, None)
        if a2 is None or a2.unit is None or a2.unit.kind != "duration" or a2.unit.name in (p[0] for p in parts) \
                or a2.unit.name not in TIMEX_UNITS:
            break
        if j.group("and") and (listed or _duration_seconds(a2.unit.name) >= _duration_seconds(parts[-1][0])):
            break  # "two hours and 40 minutes" is one length of time; "10 minutes and 2 hours" two
        parts.append((a2.unit.name, n2.value))
        end = a2.end
        if j.group("and"):
            break
    if len(parts) < 2:
        return None
    first = _duration_seconds(unit.name)
    total = sum(v * _duration_seconds(name) for name, v in parts) / first
    step = min(_duration_seconds(name) for name, _ in parts) / first
    return end, duration_timex(list(parts)), total, step


_LISTED_DURATION = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)[ \t]*,[ \t]*\Z", re.I)
_DURATION_JOIN = re.compile(r"[ \t]+(?:(?P<and>and)[ \t]+)?")


def _duration_seconds(name: str) -> float:
    from ..units import load_units

    return load_units()[name].factor


def _cents(text: str, pos: int, P, lx, vague) -> tuple[float, int, bool] | None:
    """(cents, end, said "cents") for the minor amount after a major one, or None."""
    j = _CENTS_JOIN.match(text, pos)
    if not j:
        return None
    m2 = P.number.match(text, j.end())
    if not m2 or m2.lastgroup not in ("numeral", "words"):
        return None
    n2 = _core(text, m2, lx, vague)
    if n2 is None or n2.value is None or not 0 < n2.value < 100 or not float(n2.value).is_integer():
        return None
    e = _CENTS_END.match(text, n2.end)
    if not e:
        return None
    if m2.lastgroup == "numeral" and len(m2.group(0)) != 2 and not e.group("c"):
        return None  # "15 dollars 5" is not 15.05
    return n2.value, e.end(), bool(e.group("c"))


def _fraction_join(text, num: _Number, m, P, lx, vague, is_blocked) -> _Number:
    """ "one in five", "2 out of 3", "1 over 20": a ratio, unless a unit follows ("3 over 5 years")."""
    fj = P.fraction_join.match(text, num.end)
    if not fj:
        return num
    m2 = P.number.match(text, fj.end())
    if not m2 or m2.lastgroup not in ("numeral", "words") or is_blocked(*m2.span()):
        return num
    n2 = _core(text, m2, lx, vague)
    if n2 is None or not n2.value:
        return num
    after = P.unit_after.match(text, n2.end)
    if after and (after.group("unit") or after.group("unitcs") or after.group("percent")) or P.currency_after.match(text, n2.end):
        return num
    if fj.group("j").lower() == "over" and re.match(r"\s+[a-z]", text[n2.end:n2.end + 2]):
        return num
    if num.value > n2.value and fj.group("j").lower() != "over":
        return num  # "12 out of 10", "8 in 5": not a ratio
    v = num.value / n2.value
    return _Number(num.start, n2.end, v, v, v, 0.0, fraction=True)


def _unscaled(m: re.Match) -> float | None:
    """The value of a range's second number before its scale word: "4" of "$3-4bn"."""
    raw = m.group(0)
    if m.lastgroup == "numeral":
        return numeral_value(raw)[0]
    got = parse_words(bound_tokens(raw)[0])
    return got[0] if got else None


def _sentence_start(text: str, s: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, s - 3):s]))


def _LETTER_AFTER(text: str, end: int) -> bool:
    c = text[end:end + 1]
    return bool(c) and (c.isalpha() or c == "_")


def _is_score(a: str, b: str, join: re.Match, before: str, unit_follows: bool, stopwords) -> bool:
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
