"""The arithmetic kinds: conversion, percentage with its parts, change with its levels, total with its parts, repeat.

Each finder reads the numbers of one sentence (harness.numbers) and yields a
site where a relation between them holds within the rounding their written
digits allow (``_near``), so that breaking any member makes the sentence wrong.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .corpora import Article
from .numbers import Number, Unit, numbers
from .sites import Site, Target

SLACK = 0.015          # writers round the figures they compute from: 1.5% beyond the written digits
UNIT_TOLERANCE = 0.10  # "200 kilometres (120 miles)": conversions are rounded, but not by more than this
MONEY_TOLERANCE = 0.15  # a conversion within 15% of the ECB rate of the publication day is a conversion
WINDOW = 4             # the members of one relation lie within this many consecutive numbers of a sentence

# a conversion's brackets or "or": "1,000km (620 miles)", "$10m (about £5.4m)", "1,000 kilometres, or 621 miles"
_CONVERSION_GAP = re.compile(r"^\s*(?:[(\[]\s*|,?\s*or\s+)(?:(?:about|around|roughly|some|approximately|nearly|"
                             r"almost|or|just\s+over|just\s+under|more\s+than)\s+)?$", re.I)
# a change before its size: "rose 12%", "up 25% from", "an increase of 3,000", "edged up by 0.3 points"
_CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rose|rise[sn]?|rising|fell|fall(?:en|ing|s)?|increas\w*|decreas\w*|grew|grow\w*|gain\w*|lost|"
    r"los(?:e|es|ing)|drop\w*|declin\w*|jump\w*|climb\w*|surg\w*|slump\w*|plung\w*|soar\w*|tumbl\w*|slid\w*|"
    r"slip\w*|edg\w*|advanc\w*|shed\w*|add\w*|cut\w*|reduc\w*|rais\w*|boost\w*|expand\w*|shr[ai]nk\w*|"
    r"contract\w*|retreat\w*|eas\w*|improv\w*|widen\w*|narrow\w*|by)\b[^.;\d]{0,24}$", re.I)
_CHANGE_AFTER = re.compile(r"^\s*(?:increase|rise|drop|decline|fall|gain|jump|growth|cut|reduction|hike|decrease|"
                           r"surge|slump|climb|loss)\b", re.I)
_LEVEL_BEFORE = re.compile(r"\b(?:to|at|from|of\s+(?:a|an|the)\s+\w+|reach\w*|stood|total\w*)\s+(?:about\s+|around\s+|some\s+)?$", re.I)
_LEVEL = re.compile(r"\b(?:to|at|from|reach\w*|stood|number|no\.)\s+(?:(?:about|around|some|a\s+record)\s+)?$", re.I)
_RATIO_GAP = re.compile(r"^\s*(?:,\s*|\(\s*)?(?:or|and)?\s*$", re.I)
_TO_GAP = re.compile(r"^\s*\)?\s*,?\s*(?:to|at)\s+(?:a\s+|an\s+|the\s+)?(?:(?:new\s+)?(?:close|level|high|low|record|total)\s+of\s+)?$", re.I)
_UP = re.compile(r"\b(?:up|rose|rise|rising|increas|grew|grow|gain|jump|climb|surg|soar|advanc|add|rais|boost|"
                 r"expand|improv|widen|higher)", re.I)
_DOWN = re.compile(r"\b(?:down|fell|fall|decreas|lost|los[ei]|drop|declin|slump|plung|tumbl|slid|slip|shed|cut|"
                   r"reduc|shr[ai]nk|contract|retreat|eas|narrow|lower)", re.I)
_FROM = re.compile(r"\bfrom\s+(?:(?:a|an|the|last\s+year's|its|their)\s+)?(?:(?:low|high|level|total|figure|"
                   r"record|revised)\s+(?:of\s+)?)?$", re.I)
# the words that say some figures add up to another: "a total of", "of whom", "including", "respectively"
_TOTAL_CUE = re.compile(r"\b(?:total\w*|altogether|in\s+all|combined|of\s+whom|of\s+which|includ\w*|compris\w*|"
                        r"consist\w*|respectively|made\s+up|among\s+them|bringing|broken\s+down|split|divided|"
                        r"overall|together|sum)\b", re.I)
_PART_GAP = re.compile(r"^[^.;:]{0,70}$")
_PART_JOIN = re.compile(r",|\band\b|\bwhile\b|\bwith\b|\bplus\b", re.I)
# a back-reference to a group: "the 1,400 civilians", "those 12 miners", "all 72 hostages"
_BACK = re.compile(r"\b(?:the|these|those|all|all\s+the|all\s+of\s+the)\s+$", re.I)
_WORDS_AFTER = re.compile(r"^(?:[ \t]+[A-Za-z][A-Za-z'-]*){1,4}")
_GROUP_WORDS = frozenset("people children men women police staff personnel crew cattle sheep fish youths".split())
_NOT_GROUP = frozenset("years months weeks days hours minutes seconds times points percent cents others ones "
                       "yards inches metres meters miles kilometres kilometers tonnes tons dollars euros pounds "
                       "degrees games matches goals runs rounds votes seats".split())


def conversions(article: Article) -> Iterator[Site]:
    """A number and its conversion to another unit or currency, in brackets or after "or"."""
    text = article.text
    nums = [n for n in numbers(text) if n.units]
    for a, b in zip(nums, nums[1:]):
        gap = text[a.end:b.start]
        if not _CONVERSION_GAP.match(gap) or ("(" in gap and not _closes(text, b.end)):
            continue
        pairs = [(ua, ub) for ua in a.units for ub in b.units if ua.dimension == ub.dimension and ua.unit != ub.unit]
        if not pairs:
            continue
        ua, ub = (_resolve(u, text) for u in pairs[0])
        targets = (Target(a.digits_start, a.digits_end, "digit"), Target(b.digits_start, b.digits_end, "digit"))
        spans = ((a.start, a.end), (b.start, b.end))
        if ua.dimension == "currency":
            status, note = _money_status(a, ua, b, ub, article.published)
        else:
            status, note = _unit_status(a, ua, b, ub)
        yield Site("conversion", spans, targets, status, note, "money" if ua.dimension == "currency" else "unit")


def _closes(text: str, end: int) -> bool:
    """The bracket holds the one converted figure: ")" follows it, or no ")" comes before the sentence ends."""
    after = text[end:end + 60]
    if re.match(r"\s*[)\]]", after):
        return True
    close = re.search(r"[)\]]", after)
    stop = re.search(r"[.;\n]", after)
    return close is None or (stop is not None and stop.start() < close.start())


def _unit_status(a: Number, ua: Unit, b: Number, ub: Unit) -> tuple[str, str]:
    base_a = a.value * ua.factor + ua.offset
    base_b = b.value * ub.factor + ub.offset
    expect = (base_a - ub.offset) / ub.factor
    note = f"{a.text} = {expect:,.4g} {ub.unit}"
    if ua.dimension == "temperature":
        return ("ok" if abs(base_a - base_b) <= 2.0 else "inconsistent"), note
    return ("ok" if abs(base_b / base_a - 1) <= UNIT_TOLERANCE else "inconsistent"), note


def _money_status(a: Number, ua: Unit, b: Number, ub: Unit, published: str | None) -> tuple[str, str]:
    if "?" in (ua.unit, ub.unit):
        return "unchecked:currency word names several currencies", ""
    if not published:
        return "unchecked:no publication date", ""
    first, last = _rate_days(published)
    rates = ecb_rates(ua.unit, ub.unit, first, last)
    if rates is None:
        return f"unchecked:no ECB rate for {ua.unit}/{ub.unit} on {published}", ""
    lo, hi = (a.value * ua.factor * r / ub.factor for r in rates)
    when = str(first) if first == last else f"{first}..{last}"
    note = f"{a.text} = {lo:,.4g}" + (f"-{hi:,.4g}" if hi != lo else "") + f" {ub.unit} ({when})"
    ok = lo * (1 - MONEY_TOLERANCE) <= b.value <= hi * (1 + MONEY_TOLERANCE)
    return ("ok" if ok else "inconsistent"), note


@lru_cache(maxsize=None)
def _hints() -> dict[str, list[tuple[str, re.Pattern[str]]]]:
    """Ambiguous currency word -> [(code, pattern of the words that say it is that code)], from currency_hints.tsv."""
    path = Path(__file__).with_name("currency_hints.tsv")
    out: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines()[4:]:
        surface, code, words = line.split("\t")
        out.setdefault(surface, []).append((code, re.compile(r"\b(?:" + words + r")\b")))
    return out


def _resolve(unit: Unit, text: str) -> Unit:
    """An ambiguous currency ("rupees") read as the one its article names a country of, else left ambiguous."""
    if unit.unit != "?":
        return unit
    codes = [code for code, hint in _hints().get(unit.surface, ()) if hint.search(text)]
    return Unit(unit.dimension, codes[0], unit.factor, unit.offset, unit.surface) if len(codes) == 1 else unit


def _rate_days(published: str) -> tuple[date, date]:
    """The days a publication date covers: one day, or a whole month or year."""
    parts = [int(p) for p in published[:10].split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


@lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=True)


@lru_cache(maxsize=None)
def ecb_rates(src: str, dst: str, first: date, last: date) -> tuple[float, float] | None:
    """The lowest and highest ECB rate (``dst`` per ``src``) over the days; None when the ECB has none for them."""
    cc = _converter()
    if src not in cc.currencies or dst not in cc.currencies:
        return None
    # a publication period the ECB covers in part ("2005" for the yuan, published from April) uses that part
    first = max([first] + [cc.bounds[c].first_date for c in (src, dst)])
    last = min([last] + [cc.bounds[c].last_date for c in (src, dst)])
    if first > last:
        return None
    step = max(1, (last - first).days // 60)
    days = [first + timedelta(days=i) for i in range(0, (last - first).days + 1, step)]
    rates = [float(cc.convert(1.0, src, dst, date=d)) for d in days]
    return min(rates), max(rates)


ROUND_CAP = 0.025  # "3 million" is not "anything from 2.5 to 3.5 million": a figure with a scale word is taken to 2.5%


def _iv(n: Number) -> tuple[float, float]:
    """The values the written digits allow: half the last digit's size either way (at most ROUND_CAP when scaled)."""
    half = n.step / 2
    if n.scaled:
        half = min(half, ROUND_CAP * n.value)
    return n.value - half, n.value + half


def _near(value: tuple[float, float], stated: tuple[float, float], slack: float = SLACK) -> bool:
    """Whether a computed interval meets a stated one, allowing ``slack`` (relative) beyond both.

    Sums and differences of written figures are exact (slack 0); shares and
    percentage changes are computed and rounded by the writer (SLACK).
    """
    lo, hi = value
    return lo - abs(lo) * slack - 1e-9 <= stated[1] and stated[0] <= hi + abs(hi) * slack + 1e-9


def _sentences(text: str) -> list[tuple[int, int]]:
    from numcheck.text import SentenceIndex  # the project's one sentence splitter: not what is measured here

    return SentenceIndex(text).spans()


def _by_sentence(text: str) -> Iterator[tuple[list[Number], list[Number], str]]:
    """(numbers of each sentence, numbers of the sentence before it in the same paragraph, the sentence)."""
    nums = numbers(text)
    prev: list[Number] = []
    prev_end = 0
    for s0, s1 in _sentences(text):
        inside = [n for n in nums if s0 <= n.start < s1]
        if "\n" in text[prev_end:s0].strip(" \t") or "\n" in text[max(0, s0 - 2):s0]:
            prev = []
        yield inside, prev, text[s0:s1]
        prev, prev_end = inside, s1


def _digit(n: Number) -> Target:
    return Target(n.digits_start, n.digits_end, "digit")


def _is_level(text: str, n: Number) -> bool:
    """A level of a change ("up from 440,000", "rose to 930.85"), or a rank ("number 18"): not a part or a whole."""
    return bool(_LEVEL.search(text[max(0, n.start - 30):n.start]))


def _is_change(text: str, n: Number) -> bool:
    """A size of change ("rose 12%", "a 3,000 increase"), not a level ("rose to 930.85", "up from 9 million")."""
    before = text[max(0, n.start - 40):n.start]
    if _LEVEL_BEFORE.search(before):
        return False
    return bool(_CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(text[n.end:n.end + 20]))


def percentages(article: Article) -> Iterator[Site]:
    """A percentage with its part and whole: "Of the 1,200 patients, 300 (25%)", "4.1 million, or 13 percent"."""
    text = article.text
    for inside, prev, _ in _by_sentence(text):
        counts = [n for n in inside if n.plain and not (n.percent or n.points) and not _is_level(text, n)]
        for i, p in enumerate(inside):
            if not p.percent or p.points or not 0 < p.value < 100 or _is_change(text, p):
                continue
            window = inside[max(0, i - WINDOW + 1):i + WINDOW]
            near = [n for n in window if n in counts]
            wholes = near or [n for n in prev if n.plain and not (n.percent or n.points)]
            for part in near:
                if _is_change(text, part):
                    continue  # "rose 55.47, or 0.53 percent, to 10,586.23": a change with its level (changes())
                if abs(inside.index(part) - i) != 1 and part.start > p.start:
                    continue  # the part sits next to its percentage, or before it: "300 (25%)", "25% of ..., or 300"
                for whole in wholes:
                    if whole is part or not whole.same_unit(part) or whole.value <= part.value:
                        continue
                    a, w = _iv(part), _iv(whole)
                    share = (100 * a[0] / w[1], 100 * a[1] / max(w[0], 1e-9))
                    if _near(share, _iv(p)):
                        yield Site("percentage", ((part.start, part.end), (whole.start, whole.end), (p.start, p.end)),
                                   (_digit(part), _digit(whole), _digit(p)), _unless_bound(part, whole, p),
                                   f"{part.text} / {whole.text} = {100 * part.value / whole.value:.3g}%")
                        break


def changes(article: Article) -> Iterator[Site]:
    """A change with the levels it left and reached: "up 25% from 9 million" to 11.25 million, "fell 3 to 40 from 43"."""
    text = article.text
    for inside, _, _ in _by_sentence(text):
        for i, c in enumerate(inside):
            if not c.plain or not _is_change(text, c):
                continue
            if i + 2 < len(inside) and not c.percent:
                site = _change_ratio_site(text, c, inside[i + 1], inside[i + 2])
                if site is not None:
                    yield site
                    continue
            window = [n for n in inside[max(0, i - WINDOW + 1):i + WINDOW] if n is not c and n.plain]
            for l0 in window:
                if not _FROM.search(text[max(0, l0.start - 40):l0.start]):
                    continue
                for l1 in window:
                    if l1 is l0 or not l1.same_unit(l0):
                        continue
                    site = _change_site(text, c, l0, l1)
                    if site is not None:
                        yield site


def _change_ratio_site(text: str, c: Number, p: Number, l1: Number) -> Site | None:
    """"rose 55.47, or 0.53 percent, to 10,586.23": the percentage is the change over the level it left (L1 - C)."""
    if not (p.percent and not p.points and _RATIO_GAP.match(text[c.end:p.start]) and _TO_GAP.match(text[p.end:l1.start])):
        return None
    if not (c.same_unit(l1) or (c.points and l1.bare)):
        return None
    sign = _direction(text, c)
    lo0 = _iv(l1)[0] - sign * _iv(c)[1 if sign > 0 else 0]
    hi0 = _iv(l1)[1] - sign * _iv(c)[0 if sign > 0 else 1]
    if lo0 <= 0:
        return None
    share = (100 * _iv(c)[0] / hi0, 100 * _iv(c)[1] / lo0)
    if not _near(share, _iv(p)):
        return None
    note = f"{c.text} on {l1.value - sign * c.value:,.6g} is {100 * c.value / (l1.value - sign * c.value):.3g}%"
    return Site("change", tuple((n.start, n.end) for n in (c, p, l1)), (_digit(c), _digit(p), _digit(l1)), "ok", note,
                "size, percent and level")


def _direction(text: str, c: Number) -> int:
    """-1 when the words before a change say it went down, else 1."""
    before = text[max(0, c.start - 40):c.start]
    return -1 if _DOWN.search(before[-30:]) and not _UP.search(before[-12:]) else 1


def _change_site(text: str, c: Number, l0: Number, l1: Number) -> Site | None:
    lo0, hi0 = _iv(l0)
    lo1, hi1 = _iv(l1)
    diff = (lo1 - hi0, hi1 - lo0)
    if c.percent and not c.points:
        if lo0 <= 0:
            return None
        size, slack = (100 * diff[0] / hi0, 100 * diff[1] / lo0), SLACK
        note = f"{l0.text} -> {l1.text} is {100 * (l1.value - l0.value) / l0.value:+.3g}%"
    elif c.same_unit(l0) or (c.points and (l0.percent or l0.bare)):
        size, slack = diff, 0.0
        note = f"{l0.text} -> {l1.text} is {l1.value - l0.value:+,.6g}"
    else:
        return None
    sign = _direction(text, c)
    stated = _iv(c)
    stated = (sign * stated[0], sign * stated[1]) if sign > 0 else (sign * stated[1], sign * stated[0])
    if not _near_signed(size, stated, slack):
        return None
    spans = tuple((n.start, n.end) for n in (c, l0, l1))
    variant = "percent" if c.percent and not c.points else "points" if c.points else "absolute"
    return Site("change", spans, (_digit(c), _digit(l0), _digit(l1)), "ok", note, variant)


def _near_signed(value: tuple[float, float], stated: tuple[float, float], slack: float) -> bool:
    if stated[0] < 0 and value[1] < 0:
        return _near((-value[1], -value[0]), (-stated[1], -stated[0]), slack)
    return stated[0] >= 0 and value[0] > 0 and _near(value, stated, slack)


def totals(article: Article) -> Iterator[Site]:
    """Parts with their total: "£12m, £15m and £20m respectively, a total of £47m"; "80 Airbus and 40 Boeing jets"."""
    text = article.text
    for inside, _, sentence in _by_sentence(text):
        if not _TOTAL_CUE.search(sentence):
            continue
        nums = [n for n in inside if n.plain and not n.percent and not _FROM.search(text[max(0, n.start - 40):n.start])]
        for i in range(len(nums)):
            for k in range(2, 7):
                parts = nums[i:i + k]
                if len(parts) < k or any(_is_level(text, p) for p in parts) or not _joined(text, parts):
                    continue
                for total in (nums[i - 1] if i else None, nums[i + k] if i + k < len(nums) else None):
                    if total is None or not all(total.same_unit(p) for p in parts) or total.value <= max(p.value for p in parts):
                        continue
                    lo = sum(_iv(p)[0] for p in parts)
                    hi = sum(_iv(p)[1] for p in parts)
                    if _near((lo, hi), _iv(total), 0.0):
                        members = (*parts, total)
                        yield Site("total", tuple((n.start, n.end) for n in members), tuple(_digit(n) for n in members),
                                   _unless_bound(*members), " + ".join(p.text for p in parts) + f" = {total.text}")


def _unless_bound(*members: Number) -> str:
    """ "ok", or "unchecked:bound" where a member is one-sided ("more than 36 percent of the 27.5 million tonnes",
    "up to 70 percent of the 4,000 workers"): a leading digit broken may leave the relation true (the bound allows
    it), so the site is no case the data can check (the history kind leaves bounds out for the same reason)."""
    return "unchecked:bound" if any(n.bound for n in members) else "ok"


def _joined(text: str, parts: list[Number]) -> bool:
    """Consecutive parts of one list: short gaps with a comma or "and", all in one unit."""
    for a, b in zip(parts, parts[1:]):
        gap = text[a.end:b.start]
        if not (_PART_GAP.match(gap) and _PART_JOIN.search(gap)) or not a.same_unit(b):
            return False
    return True


def repeats(article: Article) -> Iterator[Site]:
    """A group referred back to with its number: "1,400 civilians ... the 1,400 civilians"."""
    text = article.text
    seen: dict[tuple[float, str], Number] = {}
    for n in numbers(text):
        if not n.bare or n.value < 2:
            continue
        head = _group_head(text, n)
        if not head:
            continue
        key = (n.value, head)
        first = seen.get(key)
        if first is None:
            seen[key] = n
        elif _BACK.search(text[max(0, n.start - 16):n.start]):
            yield Site("repeat", ((first.start, first.end), (n.start, n.end)), (_digit(n),), "ok",
                       f"{first.text} {head} said again")


def _group_head(text: str, n: Number) -> str:
    """The plural noun a bare count counts ("civilians" of "1,400 Iraqi civilians"), "" when it is not a group."""
    m = _WORDS_AFTER.match(text[n.end:n.end + 60])
    if not m:
        return ""
    words = m.group(0).split()
    while words and words[0][0].isupper() and len(words) > 1:
        words.pop(0)  # "Iraqi", "Airbus": a name before the head
    for w in words[:2]:
        head = w.lower()
        if head in _NOT_GROUP:
            return ""
        if head in _GROUP_WORDS or (head.endswith("s") and not head.endswith("ss") and len(head) > 3):
            return head
    return ""
