"""Quantities: text -> claims for counts, measures, money, percentages, fractions, durations and ages.

One pass of the number pattern over the text; around each number, small
anchored patterns read what the number carries: a scale word after it
("3.5bn"), a currency before or after it, a unit or percent sign, a range
partner ("5-7 km"), qualifiers ("more than", "or so"), a change verb ("rose"),
and the counted thing after it ("troops").  Spans that dates, phone numbers,
times of day, URLs and identifiers hold are skipped.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

from ..model import Canonical, Claim
from ..units import Unit
from .lexicon import Lexicon, Qualifier, lexicon, patterns
from .subjects import subject_after
from .words import fraction_value, numeral_value, parse_words, tokens_of, words_value

# Spans that hold digits but no quantity, each with an example:
_NOT_QUANTITY = re.compile(
    r"(?:https?://|www\.)\S+"                                  # http://example.com/2005/10
    r"|[\w.+-]+@[\w-]+\.[\w.]+"                                # jo.2005@example.com
    r"|(?<![\w.])\+?\(?\d{2,5}\)?(?:[ \-]\d{3,4}){2,3}(?![\w])"  # 0800 123 4567, (202) 555-0100
    r"|\+\d{1,3}[ \-]?\(?\d{1,4}\)?(?:[ \-]?\d{2,4}){2,4}"   # +44 20 7946 0000
    r"|(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|GMT|BST|CET|EST|PST|UTC|hrs?\b|h\b))?(?![\d])"  # 10:30
    r"|(?<![\w.])\d{1,2}\.\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|CET|EST|PST|UTC)(?![\w])"  # 3.30pm
    r"|(?<![\w.])\d{1,2}\s*(?:[ap]\.m\.|[ap]m)(?![\w])"        # 11pm, 9 a.m.
    r"|(?<![\w.,])[012]\d[0-5]\d\s*(?:GMT|BST|CET|EST|PST|UTC|hrs|hours\s+GMT)(?![\w])"  # 1600 GMT
    r"|(?<![\w])\d+(?:st|nd|rd|th)(?![\w])"                    # 22nd, 1st
    r"|(?<![\w])\d+\.\d+\.\d+[\d.]*"                           # 2.0.1, 192.168.0.1
    r"|#\w+",                                                  # #2005
    re.I,
)
_RANGE_JOIN = re.compile(r"\s*(?:(?P<dash>-|–|—|‒|−)|(?P<word>to|and|or))\s*", re.I)
_BETWEEN = re.compile(r"(?<![\w])(?P<w>between|from)\s+$", re.I)
_SIGN = re.compile(r"(?:(?<![\w\d.,)\]%-])(?P<sym>[-−])|(?<![\w])(?P<word>minus|negative)\s+)$", re.I)
_AGE_AFTER = re.compile(r"(?:-old|\s+old|s?\s+of\s+age)(?![\w])", re.I)
_AGE_BEFORE = re.compile(r"(?<![\w])(?:aged|age)\s+$", re.I)
_LETTER_BEFORE = re.compile(r"[A-Za-z][\-\u2010\u2011]?$")
_WORD_BEFORE = re.compile(r"([A-Za-z][\w.'’-]*)\s+$")
_OF = re.compile(r"\s+of\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?", re.I)
_ATTACHED_ONLY = frozenset({"in"})
_ONE_PRONOUN_AFTER = re.compile(r"\s+(?:of|another|who|that|which|day|time|way|thing|side|hand)\b|'s\b|-(?:off|on-one)\b", re.I)
_ONE_PRONOUN_BEFORE = re.compile(r"(?<![\w])(?:no|the|any|every|each|this|that|which|only|someone|anyone|no-|at)\s+$", re.I)
_CHANGE_CONTEXT = re.compile(r"(?<![\w])(?:rose|rise|risen|rising|grew|increased?|fell|fallen|falling|dropped|declined|decreased?|jumped|climbed|soared|slumped|plunged|cut|went|moved|changed|raised|lowered|up|down)\s+(?:\w+\s+){0,2}$", re.I)

_REPEATED_SYMBOL = re.compile(r"(?:US\$|\$|£|Â£|€|¥)\s?")  # "£3m-£4m": the second symbol
_COUNT_SUFFIX = re.compile(r"-(?P<s>strong|odd|plus)(?![\w])", re.I)  # "2,000-strong", "20-odd"
_SCORE_MAX = 20
_SCORE_CONTEXT = re.compile(r"(?:\b(?:won|win|wins|beat|beaten|lost|lose|drew|draw|defeat|defeated|victory|thrashed|trounced|led|lead|leading|score|scored|scoreline)\b(?:\s+\w+){0,2}|\b(?P<team>[A-Z][\w.'-]*))\s*$")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”‘’'(]\s*|\n)$")
_TIMEX_UNIT = {"year": (1, "Y"), "month": (1, "M"), "week": (1, "W"), "day": (1, "D"),
               "hour": (1, "TH"), "minute": (1, "TM"), "second": (1, "TS"), "decade": (10, "Y"),
               "century": (100, "Y"), "millennium": (1000, "Y"), "fortnight": (2, "W")}


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


def find_quantities(text: str, taken: Iterable[tuple[int, int]] = (), vocabulary=None) -> list[Claim]:
    """Quantity claims in ``text``, skipping the ``taken`` spans (dates) and non-quantity spans."""
    lx = lexicon()
    P = patterns()
    blocked = sorted(list(taken) + [m.span() for m in _NOT_QUANTITY.finditer(text)])
    starts = [b[0] for b in blocked]
    ends_max = []
    running = -1
    for b in blocked:
        running = max(running, b[1])
        ends_max.append(running)
    qualifiers = _vocabulary_qualifiers(lx, vocabulary)
    vague = _vocabulary_vague(lx, vocabulary)

    def is_blocked(s: int, e: int) -> bool:
        i = bisect_right(starts, e - 1) - 1
        return i >= 0 and ends_max[i] > s

    claims: list[Claim] = []
    floor = 0
    search = P.number.search
    m = search(text, 0)
    while m is not None:
        s, e = m.span()
        nxt = s + 1
        if s >= floor and not is_blocked(s, e):
            claim = _read(text, m, lx, P, qualifiers, vague, is_blocked)
            if isinstance(claim, int):  # a span to pass over (a score like 3-0, an ordinal)
                floor = nxt = max(claim, nxt)
            elif claim is not None and claim.start >= floor:
                claims.append(claim)
                floor = nxt = max(claim.end, nxt)
            elif m.lastgroup != "words":
                nxt = e
        m = search(text, nxt)
    return claims


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
        value, step = numeral_value(raw)
        return _Number(s, e, value, value, value, step)
    if kind == "fraction":
        try:
            value = fraction_value(raw)
        except (ValueError, ZeroDivisionError):
            return None
        return _Number(s, e, value, value, value, 0.0, fraction="/" in raw or not raw[0].isdigit() or raw.strip()[-1] in "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞")
    if kind == "vague":
        v = vague.get(re.sub(r"\s+", " ", raw.lower()))
        if v is None:
            return None
        return _Number(s, e, None, v.low, v.high, 1.0, vague=True)
    if raw.lower() in ("a", "an"):  # "a decade"
        return _Number(s, e, 1.0, 1.0, 1.0, 1.0)
    toks = tokens_of(raw)
    got = parse_words([t.group(0) for t in toks])
    if got is None:
        return None
    value, used, is_fraction = got
    end = s + toks[used - 1].end()
    if patterns().ordinal_after.match(text, end):
        return None  # "twenty-first": an ordinal, not twenty
    return _Number(s, end, value, value, value, 1.0, fraction=is_fraction and value <= 1)


def _apply_scale(text: str, num: _Number, P, lx: Lexicon, currency: bool) -> _Number:
    """Read "bn", "million", "k" after a number; "m" is million only where it cannot be a metre."""
    sm = P.scale_after.match(text, num.end)
    if not sm or num.fraction and not num.vague and num.value is not None and num.value < 1 and not currency:
        return num
    word = sm.group("scale") or sm.group("scaleword")
    key = word.lower()
    if key == "m" and word == "m" and not currency:
        attached = sm.start("scale") == num.end
        nxt = re.match(r"[\s-]*([A-Za-z][\w-]*)", text[sm.end(): sm.end() + 30])
        if not attached or (nxt and nxt.group(1).lower() in lx.metre_context) or text[sm.end():sm.end() + 1] == "-":
            return num
    if key == "b" and not currency and word == "b":
        return num
    if key in ("k",) and not currency and sm.start("scale") != num.end:
        return num
    mult = lx.scales.get(key) or float(lx.number_words[key][0])
    f = lambda x: None if x is None else x * mult  # noqa: E731
    step = num.step * mult
    return _Number(num.start, sm.end(), f(num.value), f(num.low), f(num.high), step, num.vague, False, True)


def _read(text, m, lx: Lexicon, P, qualifiers, vague, is_blocked) -> Claim | None:
    num = _core(text, m, lx, vague)
    if num is None:
        return None
    s = num.start
    raw = m.group(0)
    lower_raw = raw.lower()
    left = text[max(0, s - 40):s]

    # identifiers: G7, F-16, Covid-19, MP3, Section 427
    if m.lastgroup in ("numeral", "fraction"):
        if _LETTER_BEFORE.search(left) and not P.currency_before.search(left):
            return None
        nxt = text[num.end:num.end + 1]
        if nxt and (nxt == "/" or (nxt == "." and text[num.end + 1:num.end + 2].isdigit())):
            return None
    wb = _WORD_BEFORE.search(left)
    if wb and wb.group(1) in lx.identifier_words and m.lastgroup == "numeral":
        return None
    if m.lastgroup in ("words", "vague") and raw[:1].isupper() and not _sentence_start(text, s):
        return None  # "the Six Nations", "Big Four"
    if m.lastgroup == "words" and lower_raw == "one":
        if _ONE_PRONOUN_AFTER.match(text, num.end) or _ONE_PRONOUN_BEFORE.search(left):
            return None

    # currency before: $3.5bn, US$ 5, Â£12m
    currency = None
    start = s
    cb = P.currency_before.search(left)
    if cb:
        sym = cb.group("sym")
        currency = lx.currency_symbols[sym] if sym else ("GBP" if cb.group("mojibake") else "EUR")
        start = s - (len(left) - cb.start())
        # "US$", "HK$": a letter before the symbol is part of it; "5$" is not a currency
        if start > 0 and text[start - 1].isalnum() and not (sym and sym[0].isalpha()):
            return None

    num = _apply_scale(text, num, P, lx, currency is not None)
    if not currency and not num.vague and not num.fraction and num.value is not None:
        num = _fraction_join(text, num, m, P, lx, vague, is_blocked)
    end = num.end
    low, high, value, step = num.low, num.high, num.value, num.step
    is_range = num.vague
    unit: Unit | None = None
    percent = None
    minor = 1.0
    age = False

    # a range partner: 5-7 km, 10,000-12,000, $3-4bn, between 10 and 12, from 5 to 7
    between = _BETWEEN.search(text[max(0, start - 12):start])
    rj = _RANGE_JOIN.match(text, end)
    if rj and not num.vague and value is not None:
        joiner = (rj.group("word") or "").lower()
        ok = bool(rj.group("dash")) or (joiner == "to" and not _CHANGE_CONTEXT.search(text[max(0, start - 30):start])) \
            or (joiner == "and" and between and between.group("w").lower() == "between")
        if joiner == "to" and between and between.group("w").lower() == "from" and _CHANGE_CONTEXT.search(text[max(0, start - 40):start - len(between.group(0))]):
            ok = False
        if joiner == "or":
            ok = False
        j = rj.end()
        cb2 = _REPEATED_SYMBOL.match(text, j)
        if cb2 and currency:
            j = cb2.end()
        m2 = P.number.match(text, j) if ok else None
        if m2 and m2.lastgroup in ("numeral", "words") and not is_blocked(*m2.span()):
            n2 = _core(text, m2, lx, vague)
            if n2 is not None and n2.value is not None:
                n2 = _apply_scale(text, n2, P, lx, currency is not None)
            if n2 is not None and n2.value is not None and (not _LETTER_AFTER(text, n2.end) or _unit_follows(text, n2.end, P)):
                v1 = value
                if not num.scaled and n2.scaled and value is not None and n2.value is not None:
                    v1 = value * (n2.value / (_unscaled(m2) or 1))
                ua2 = P.unit_after.match(text, n2.end)
                if _is_score(raw, m2.group(0), rj, text[max(0, start - 25):start],
                             bool(ua2 and (ua2.group("percent") or ua2.group("unit") or ua2.group("unitcs"))), lx.stopwords):
                    return m2.end()
                if v1 is not None and n2.value is not None and v1 < n2.value:
                    low, high, value = v1, n2.value, None
                    step = min(step * (v1 / num.value if num.value else 1), n2.step) if num.value else n2.step
                    end = n2.end
                    is_range = True
                elif rj.group("dash") and raw.isdigit() and m2.group(0).isdigit():
                    return m2.end()  # 38-8: a result, not a range

    # a unit or percent sign after: km, square miles, per cent, %, degrees Celsius, -year-old
    ua = P.unit_after.match(text, end)
    if ua:
        sep = ua.group("sep")
        if ua.group("percent"):
            p = ua.group("percent").lower()
            percent = "percentage_point" if ("point" in p or p.startswith("pp")) else "percent"
            end = ua.end()
        else:
            surface = ua.group("unit") or ua.group("unitcs")
            cand = lx.units_cs.get(surface) if ua.group("unitcs") else lx.units_ci.get(surface.lower())
            if cand is not None and surface.lower() in _ATTACHED_ONLY and sep:
                cand = None
            if cand is not None and sep.strip() == "-" and len(surface) <= 2:
                cand = None
            if cand is not None and surface.lower() in ("pounds", "pound") and (num.scaled or currency):
                cand = None  # "2.5 million pounds" is money
            if cand is not None and currency and cand.kind != "duration":
                cand = None
            if cand is not None:
                unit = cand
                end = ua.end()
    if unit is None and percent is None:
        ca = P.currency_after.match(text, end)
        if ca:
            word = ca.group("cur").lower()
            word = re.sub(r"\s+", " ", word)
            if word in lx.minor_units and not currency:
                code, minor = lx.minor_units[word]
                if word == "p" and ca.start("cur") != end:
                    code = None
                if code:
                    currency, end = code, ca.end()
            elif word in lx.currency_words and (currency is None or lx.currency_words[word] == currency):
                currency, end = lx.currency_words[word], ca.end()
    if unit is not None and unit.kind == "duration":
        am = _AGE_AFTER.match(text, end)
        if am:
            age, end = True, am.end()
        elif _AGE_BEFORE.search(text[max(0, start - 8):start]):
            age = True
    elif unit is None and percent is None and currency is None and _AGE_BEFORE.search(text[max(0, start - 8):start]) and value is not None and value < 130:
        age = True
        unit = lexicon().units_ci.get("years")

    suffix = _COUNT_SUFFIX.match(text, end) if unit is None and percent is None else None
    if suffix:
        end = suffix.end()
    # a bare number glued to letters is a name or code: 3D, 4G, 747s
    if unit is None and percent is None and currency is None and _LETTER_AFTER(text, end):
        return None

    # qualifiers: "more than 10,000", "10,000 or more", "2,000-plus"
    qualifier = "="
    qb = None
    qstart = start
    lead = text[max(0, start - 40):start]
    qm = P.qualifier_before.search(lead)
    if qm and not num.vague:
        q = qualifiers.get(re.sub(r"\s+", " ", qm.group("q").lower()))
        if q is not None:
            qb = q
            qstart = start - (len(lead) - qm.start())
    qa = P.qualifier_after.match(text, end) if qb is None and not is_range else None
    if qa:
        q = lx.qualifiers_after.get(re.sub(r"\s+", " ", qa.group("q").lower()))
        if q is not None:
            qb = q
            end = qa.end()
    if suffix and suffix.group("s").lower() in ("odd", "plus") and qb is None:
        qb = qualifiers.get("about") if suffix.group("s").lower() == "odd" else lx.qualifiers_after.get("plus")
        qstart = start
    if qb is not None and value is not None:
        qualifier = qb.qualifier
        low = value * qb.low if qb.low is not None else None
        high = value * qb.high if qb.high is not None else None
        if value < 0 and low is not None and high is not None:
            low, high = min(low, high), max(low, high)
        start = qstart
    elif between and is_range and not num.vague:
        start = start - len(between.group(0))

    # a sign: -1, minus five
    sg = _SIGN.search(text[max(0, start - 10):start]) if qb is None and value is not None and not is_range else None
    if sg:
        value, low, high = -value, -value, -value
        start -= len(text[max(0, start - 10):start]) - sg.start()

    # change: "rose 5%", "fell by 2,000", "a 5% rise"
    change = None
    cm = P.change_before.search(text[max(0, start - 30):start])
    if cm:
        change = lx.changes_before[re.sub(r"\s+", " ", cm.group("c").lower())]
    else:
        cam = P.change_after.match(text, end)
        if cam and (percent or currency or unit):
            change = lx.changes_after[cam.group("c").lower()]

    if minor != 1.0:
        value = None if value is None else value * minor
        low = None if low is None else low * minor
        high = None if high is None else high * minor
        step *= minor

    # kind, unit and canonical value
    point = value if value is not None else (
        (low + high) / 2 if low is not None and high is not None else (low if low is not None else high))
    timex = None
    dimension = ""
    if currency:
        kind, unit_name = "money", currency
        canonical = Canonical(point, currency) if point is not None else None
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
            kind = "age"
        elif unit.kind == "duration":
            kind = "duration"
            timex = _timex(unit.name, value if value is not None else None, num.vague)
        else:
            kind = "measure"
    else:
        unit_name = ""
        kind = "fraction" if num.fraction else "count"
        canonical = Canonical(point, "") if point is not None else None

    subject = subject_after(text, end, lx, allow_of=num.vague or kind in ("percent", "fraction", "count", "money", "measure"))
    if qualifier == "=" and not is_range and value is not None:
        low = high = value
    return Claim(
        text=text[start:end], start=start, end=end, kind=kind, value=value, low=low, high=high,
        range=is_range, qualifier=qualifier, change=change, unit=unit_name, canonical=canonical,
        subject=subject, timex=timex, step=step, dimension=dimension,
    )


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
    v = num.value / n2.value
    return _Number(num.start, n2.end, v, v, v, 0.0, fraction=True)


def _unscaled(m: re.Match) -> float | None:
    raw = m.group(0)
    if m.lastgroup == "numeral":
        return numeral_value(raw)[0]
    return words_value(raw)


def _sentence_start(text: str, s: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, s - 3):s]))


def _unit_follows(text: str, end: int, P) -> bool:
    return P.unit_after.match(text, end) is not None and text[end:end + 1].isalpha()


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


def _timex(unit: str, value: float | None, vague: bool) -> str:
    mult, code = _TIMEX_UNIT.get(unit, (None, None))
    if code is None:
        if unit in ("millisecond", "microsecond", "nanosecond") and value is not None:
            factor = {"millisecond": 1e-3, "microsecond": 1e-6, "nanosecond": 1e-9}[unit]
            return f"PT{_num(value * factor)}S"
        return "PXS"
    if value is None or vague:
        n = "X"
    else:
        n = _num(value * mult)
    return f"PT{n}{code[1]}" if code.startswith("T") else f"P{n}{code}"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"
