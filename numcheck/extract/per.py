"""Stage 5b, the per part written in words: what an amount is paid or done per ("£1,200 a month", "$1.65 a
share", "37 hours a week", "0.5% a month", "€72m a year", "$18-a-share", "15 per constituency", "about 0.8mm
annually").

The per part may follow the amount itself, a conversion in brackets ("4.81 trillion yen (41.6 billion dollars)
a year" -- both amounts are per year), or, for a length of time, the counted noun phrase ("150 minutes of
moderate activity a week", "12,000 Corolla hatchbacks a year": ``after_noun_phrase``, which the claim builder
calls once it has read the noun phrase); only a per part right after the amount becomes part of its span.  The unit is built as pint writes a quotient ("GBP / month", "1 / minute").
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..units import Unit, load_units
from .lexicon import rows, unit_term
from .parts import After, Draft, Scan
from .rate import combine, term
from ..text import head_noun
from .subjects import subject_after, subject_span

# "a month", "an hour", "per share", "$18-a-share": what an amount is paid or done per
_RATE_JOIN = re.compile(r"(?:[ \t\u00a0]+|-)(?P<j>an?|per)(?:[ \t\u00a0]+|-)", re.I)
# "each year", "every month": a time unit after each / every
_EACH = re.compile(r"[ \t\u00a0]+(?:each|every)[ \t\u00a0]+(?P<u>year|month|week|day|hour|minute|second|night)(?![\w-])", re.I)
# "a year earlier", "a week ago", "a day later": a date after the amount, not a rate ("a year before tax" is one)
_DATED = re.compile(r"[ \t\u00a0]+(?:earlier|ago|later|before(?![ \t]+tax)|after(?![ \t]+tax)|back|previously|prior|since"
                    r"|or\s+so|and\s+a\s+half)\b", re.I)
# "(41.6 billion dollars)", "($162)": a conversion in brackets between an amount and its per part
_CONVERSION = re.compile(r"[ \t\u00a0]*\([^()]{1,60}\)")
# ", 2,220 euros)": the rest of the conversions in brackets after an amount inside them
_REST_IN_BRACKETS = re.compile(r"[^()]{0,40}\)")
_OPEN_BRACKET = re.compile(r"\((?=[^()]*\Z)")
_NOUN = re.compile(r"[a-z][a-z]*(?![\w-])")
_GAP = frozenset(" \t\u00a0-")  # what stands between an amount and its per part
_PER_STARTS = frozenset("apemwdhyn")  # a, an, per, each, every, annually, monthly, weekly, daily, hourly, ...
_OF_PHRASE = re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+[a-z]")
_PHRASE = re.compile(r"[a-z]")
_TIME = frozenset({"time", "night"})  # dimensions a per part after a noun phrase may have


@lru_cache(maxsize=1)
def _adverbs() -> re.Pattern[str]:
    """ "annually", "per annum", "monthly": a per part in one word or phrase (data/rate_adverbs.tsv)."""
    words = sorted((r[0].strip() for r in rows("rate_adverbs.tsv")), key=len, reverse=True)
    return re.compile(r"[ \t\u00a0]+(?P<a>" + "|".join(w.replace(" ", r"\s+") for w in words) + r")(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _adverb_units() -> dict[str, str]:
    return {r[0].strip(): r[1].strip() for r in rows("rate_adverbs.tsv")}


def rate(scan: Scan, d: Draft) -> Draft:
    """The per-part stage: money, a percentage, a measure or a count per a unit or a thing written after it."""
    text, end = scan.text, d.end
    direct = text[end:end + 1] in _GAP and text[end + 1:end + 2].lower() in _PER_STARTS
    if not direct and not ((d.currency or d.unit is not None) and ")" in text[end:end + 64]):
        return d  # a cheap test: no per part can follow here, nor after brackets
    kind = _rate_kind(d)
    if kind is None:
        return d
    found = _per_at(scan, d.end, kind, time_only=kind == "percent")
    if found is not None:
        return _with_per(d, kind, *found, extend=True)
    for pos, time_only, consumes in _later_positions(scan, d, kind):
        found = _per_at(scan, pos, kind, time_only)
        if found is not None:
            if consumes:  # the words up to the per part are read: "a day" of "two tablets a day" is no duration
                scan.reach[0] = max(scan.reach[0], found[1])
            return _with_per(d, kind, found[0], d.end, extend=False)
    return d


def _rate_kind(d: Draft) -> str | None:
    """What the amount is (money, percent, measure or count), or None where it takes no per part."""
    if d.value is None and not d.is_range or d.age:
        return None
    if d.currency:
        return None if d.after is not None and d.after.per is not None else "money"
    if d.percent:
        return "percent"
    if d.unit is not None:
        if d.unit.kind == "temperature" or d.unit.dimension == "compound" or " " in d.unit.name:
            return None  # "50 km/h" is a rate already
        return "measure"
    return "count"


def _later_positions(scan: Scan, d: Draft, kind: str) -> list[tuple[int, bool, bool]]:
    """Where else a per part of this amount may stand, whether it must be a time, and whether the words up to
    it are the amount's (so that no claim is read in them): after a conversion in brackets (the conversion is
    read next), or after the rest of the brackets the amount stands in."""
    text, out = scan.text, []
    if kind in ("money", "measure") and ")" in text[d.end:d.end + 64]:  # "150 kilometres (93 miles) an hour"
        conv = _CONVERSION.match(text, d.end)
        if conv:
            out.append((conv.end(), False, False))  # "4.81 trillion yen (41.6 billion dollars) a year"
        rest = _REST_IN_BRACKETS.match(text, d.end)
        if rest and _OPEN_BRACKET.search(text, max(0, d.start - 40), d.start):
            last = not any(ch.isdigit() for ch in rest.group(0))  # the last amount in the brackets
            out.append((rest.end(), False, last))  # "(2,945 dollars, 2,220 euros) a month"
    return out


def after_noun_phrase(scan: Scan, d: Draft, end: int) -> Draft:
    """A time per part after the counted or measured noun phrase ending at ``end``: "150 minutes of moderate
    activity a week", "12,000 Corolla hatchbacks a year", "14 units of alcohol a week" (the claim builder
    reads the noun phrase anyway, so this stage runs there).  The words up to the per part are passed over."""
    text = scan.text
    if text[end + 1:end + 2].lower() not in _PER_STARTS and text[end:end + 4] != " of ":
        return d  # a cheap test: no per part nor "of" phrase follows the noun phrase
    kind = _rate_kind(d)
    if kind not in ("count", "measure") or d.multiplier or end <= d.end:
        return d
    of = _OF_PHRASE.match(text, end)
    if of:  # "14 units of alcohol a week"
        more, end2 = subject_span(scan.text, of.start(), scan.lx)
        end = end2 if more else end
    found = _per_at(scan, end, kind, time_only=True)
    if found is None:
        return d
    scan.reach[0] = max(scan.reach[0], found[1])
    return _with_per(d, kind, found[0], d.end, extend=False)


def _per_at(scan: Scan, pos: int, kind: str, time_only: bool) -> tuple[Unit, int] | None:
    """The per part written at ``pos`` ("a month", "per share", "annually", "each year") and its end."""
    text = scan.text
    if text[pos + 1:pos + 2].lower() not in _PER_STARTS or text[pos:pos + 1] not in " \t\u00a0-":
        return None  # a cheap test: every per part starts with a space or hyphen, then one of these letters
    found = None
    j = _RATE_JOIN.match(text, pos)
    if j:
        found = _per(scan, j, money=kind == "money", count=kind == "count")
    if found is None:
        found = _adverb(text, pos)
    if found is None:
        return None
    per, end = found
    if time_only and per.dimension not in _TIME:
        return None
    if scan.is_fixed(pos, end) or _DATED.match(text, end):
        return None  # inside a date ("a year ago"), or a date after it ("$5 a week earlier")
    return per, end


def _adverb(text: str, pos: int) -> tuple[Unit, int] | None:
    """ "annually", "per annum", "each year", "every month": a time per part with no "a" or "per"."""
    am = _adverbs().match(text, pos)
    if am:
        name = _adverb_units()[re.sub(r"\s+", " ", am.group("a").lower())]
        return (_thing(name) if name == "night" else load_units()[name]), am.end()
    em = _EACH.match(text, pos)
    if em:
        name = em.group("u").lower()
        return (_thing(name) if name == "night" else load_units()[name]), em.end()
    return None


def _per(scan: Scan, j: re.Match[str], money: bool, count: bool) -> tuple[Unit, int] | None:
    """The unit or thing after "a"/"an"/"per": a thing paid or done per ("a share", "a night", "a common
    share"), a unit of the table ("a barrel", "an hour"), a currency ("per dollar"), or after "per" any
    noun ("per passenger", "per constituency")."""
    text, lx, pos = scan.text, scan.lx, j.end()
    word = _NOUN.match(text, pos)
    noun = word.group(0).lower() if word else ""
    if noun in lx.rate_nouns and word:
        return _thing(noun), word.end()
    if money and word and noun not in lx.stopwords:
        second = _NOUN.match(text, word.end() + 1) if text[word.end():word.end() + 1] == " " else None
        if second and second.group(0) in lx.rate_nouns:
            return _thing(second.group(0)), second.end()  # "$17.50 a common share"
    tm = unit_term().match(text, pos)
    if tm and len(tm.group(0)) > 1 and text[tm.end():tm.end() + 1] != "-":
        t = term(tm, lx)
        if t is not None and t[1] == 1:
            return t[0], tm.end()
    if money and noun in lx.currency_words:
        return _thing(lx.currency_words[noun]), word.end() if word else pos  # "$1.36 per euro": USD / EUR
    if (money or count) and word and j.group("j").lower() == "per" and noun not in lx.stopwords:
        phrase = _PHRASE.match(text, pos)
        words = subject_after(text, pos - 1, lx, allow_of=False).split() if phrase else []
        if words and not words[-1][:1].isupper():  # "per successful asylum seeker": per seeker
            return _thing(head_noun(words[-1])), text.index(words[-1], pos) + len(words[-1])
    return None


def _thing(noun: str) -> Unit:
    """A counted thing as the denominator of a rate: "share" in "USD / share", "night" in "hour / night"."""
    return Unit(name=noun, kind="measure", dimension="time" if noun == "night" else "count", factor=1.0,
                offset=0.0, base=noun)


def _with_per(d: Draft, kind: str, per: Unit, end: int, extend: bool) -> Draft:
    """The draft with its unit divided by ``per``; the span runs to ``end`` when the per part is its own."""
    new_end = end if extend else d.end
    if kind == "money":
        return d.evolve(after=combine(After(end, currency=d.currency, factor=d.factor), [(per, -1)], end), end=new_end)
    combined = combine(After(end, unit=d.unit), [(per, -1)], end)
    if kind == "percent":
        return d.evolve(after=After(end, percent=d.percent, per=combined.unit), end=new_end)
    return d.evolve(unit=combined.unit, end=new_end)
