"""Vocabularies for the extractor, read once from numcheck/data/*.tsv and compiled into regexes.

Nothing here knows about a particular text: it turns data files into lookup
tables and pattern pieces that ``quantities`` composes.  Everything is cached,
so the cost (a few milliseconds) is paid once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..text import alternation
from ..units import Unit, load_units


def rows(name: str) -> list[list[str]]:
    """The rows of a data file, split at tabs, without comments and blank lines."""
    text = (resources.files("numcheck") / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _words(name: str) -> list[str]:
    return [r[0].strip() for r in rows(name)]


def _alt(phrases: list[str]) -> str:
    """An alternation of phrases as a prefix tree, spaces matching any run of white space (``text.alternation``):
    the regex engine reads each character once instead of trying every phrase in turn, which is most of the
    extractor's scanning time."""
    return alternation(phrases)


@dataclass(frozen=True)
class Qualifier:
    phrase: str
    qualifier: str
    low: float | None   # factor of the stated value; None = open side
    high: float | None
    position: str       # before | after


@dataclass(frozen=True)
class Vague:
    phrase: str
    low: float
    high: float


@dataclass(frozen=True)
class Lexicon:
    number_words: dict[str, tuple[int, str]]
    scales: dict[str, float]
    fractions: dict[str, int]
    ordinals: dict[str, int]
    qualifiers_before: dict[str, Qualifier]
    qualifiers_after: dict[str, Qualifier]
    vague: dict[str, Vague]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    minor_units: dict[str, tuple[str, float]]
    units_ci: dict[str, Unit]        # lower-cased surface -> unit
    units_cs: dict[str, Unit]        # case-sensitive surface -> unit
    stopwords: frozenset[str]
    identifier_words: frozenset[str]
    changes_before: dict[str, str]   # phrase -> up/down
    changes_after: dict[str, str]
    metre_context: frozenset[str]
    year_nouns: frozenset[str]        # plurals a year names ("1990 levels", "1998 winners"), never counted
    idioms: dict[str, float]          # "baker's dozen" -> 13, only after "a"
    qualifier_tails: frozenset[str]   # last words of qualifier phrases: a cheap gate before the regex
    change_tails: frozenset[str]
    currency_tails: frozenset[str]    # last tokens / last characters a currency before a number can end with
    measure_idioms: dict[str, tuple[float, str]]  # "absolute zero" -> (0, "kelvin")
    rate_nouns: frozenset[str]        # "share", "night": what money is paid per after "a" ("$1.65 a share")
    multiples: dict[str, float]       # "twice" -> 2, "treble" -> 3: multiples written as words


def _opt(v: str) -> float | None:
    return None if v.strip() == "-" else float(v)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    number_words = {r[0]: (int(r[1]), r[2]) for r in rows("number_words.tsv")}
    scales = {r[0].lower(): float(r[1]) for r in rows("scale_abbrevs.tsv")}
    fractions = {r[0]: int(r[1]) for r in rows("fractions.tsv")}
    ordinals: dict[str, int] = {}
    for r in rows("ordinals.tsv"):
        ordinals[r[0]] = ordinals[r[0] + "s"] = int(r[1])
    before: dict[str, Qualifier] = {}
    after: dict[str, Qualifier] = {}
    for r in rows("qualifiers.tsv"):
        q = Qualifier(r[0].lower(), r[1], _opt(r[2]), _opt(r[3]), r[4].strip() if len(r) > 4 else "before")
        (after if q.position == "after" else before)[q.phrase] = q
    vague = {r[0].lower(): Vague(r[0].lower(), float(r[1]), float(r[2])) for r in rows("vague.tsv")}
    symbols: dict[str, str] = {}
    words: dict[str, str] = {}
    for r in rows("currencies.tsv"):
        code = r[0].strip()
        for s in r[1].split():
            symbols[s] = code
        for w in r[2].split("|"):
            if w:
                words[w.lower()] = code
    minor = {r[0]: (r[1], float(r[2])) for r in rows("minor_units.tsv")}
    ci: dict[str, Unit] = {}
    cs: dict[str, Unit] = {}
    for unit in load_units().values():
        for s in unit.surfaces:
            if s.startswith("="):
                cs[s[1:]] = unit
            else:
                ci.setdefault(s.lower(), unit)
    return Lexicon(
        number_words=number_words, scales=scales, fractions=fractions, ordinals=ordinals,
        qualifiers_before=before, qualifiers_after=after, vague=vague,
        currency_symbols=symbols, currency_words=words, minor_units=minor,
        units_ci=ci, units_cs=cs,
        stopwords=frozenset(w.lower() for w in _words("stopwords.txt")),
        identifier_words=frozenset(_words("identifier_words.txt")),
        changes_before={r[0]: r[1] for r in rows("changes.tsv") if r[2].strip() == "before"},
        changes_after={r[0]: r[1] for r in rows("changes.tsv") if r[2].strip() == "after"},
        metre_context=frozenset(_words("metre_context.txt")),
        year_nouns=frozenset(_words("year_nouns.txt")),
        idioms={r[0]: float(r[1]) for r in rows("number_idioms.tsv")},
        measure_idioms={r[0]: (float(r[1]), r[2].strip()) for r in rows("measure_idioms.tsv")},
        rate_nouns=frozenset(_words("rate_nouns.txt")),
        multiples={r[0].strip(): float(r[1]) for r in rows("multiple_words.tsv")},
        qualifier_tails=frozenset(q.split()[-1] for q in before),
        change_tails=frozenset([r[0].split()[-1].lower() for r in rows("changes.tsv")] + ["by"]),
        currency_tails=frozenset(
            [x[-1] for x in symbols] + [x.lower() for x in symbols if x[-1].isalpha()]
            + [c.lower() for c in set(symbols.values())] + ["m" + c.lower() for c in set(symbols.values())]
            + ["dollar", "dollars", "dlrs", "euro", "euros", "£"]),
    )


# Time units that "a" does not make a quantity of: "once a year", "a day later"
_NOT_A_UNIT = frozenset({"year", "month", "week", "day", "hour", "minute", "second", "pound", "foot",
                         "degree", "turn", "cup", "bar", "kilo", "stone", "knot", "ton", "pint"})


_TIME_ONE = "hour|day|week|month|year|minute|second|fortnight|night"

# ISO codes that are English words: read as money only in capitals ("PEN 7", not "his pen 7 times")
WORD_CODES = frozenset({"try", "pen", "cop", "ron", "gel", "all", "top", "cup"})


def _a_units(lx: "Lexicon") -> list[str]:
    """Unit names that "a"/"an" can count: "a gallon", "a kilometre", "a decade", "a penny"."""
    names = [s for s in lx.units_ci if s.isalpha() and len(s) > 3 and not s.endswith("s") and s not in _NOT_A_UNIT]
    return names + ["penny", "cent", "dime", "nickel"]


def _first_word(phrase: str) -> str:
    """The first word of a phrase ("a couple of" -> "a"): enough for a gate that only rules positions out."""
    return re.split(r"[\s\-]", phrase.lower(), maxsplit=1)[0] or phrase[:1]


@dataclass(frozen=True)
class Patterns:
    """The compiled pattern pieces, each under a comment with an example."""

    number: re.Pattern[str]
    number_lower: re.Pattern[str]  # the same pattern, case-sensitive, for a lower-cased copy of the text
    scale_after: re.Pattern[str]
    unit_after: re.Pattern[str]
    currency_before: re.Pattern[str]
    currency_after: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    qualifier_after: re.Pattern[str]
    unit_term_source: str
    per: re.Pattern[str]
    ordinal_after: re.Pattern[str]
    fraction_join: re.Pattern[str]
    change_before: re.Pattern[str]
    change_after: re.Pattern[str]


@lru_cache(maxsize=1)
def unit_term() -> re.Pattern[str]:
    """The compound-unit term pattern, compiled on first use."""
    return re.compile(patterns().unit_term_source)


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    lx = lexicon()
    words = list(lx.number_words)
    word = rf"(?:{_alt(words)})"
    tens = _alt([w for w, (_, role) in lx.number_words.items() if role == "ten"])
    plain_ordinals = [o for o in lx.ordinals if o not in ("first", "firsts", "second", "seconds")]
    # fifths | hundredths | twenty-first | half | quarters   (denominators)
    den = rf"(?:(?:{tens})[\s-]+(?:first|second)s?|{_alt(plain_ordinals + list(lx.fractions))})"
    scale_words = r"(?:hundred|thousand|million|billion|trillion)"
    tok = rf"(?:{den}|{word}|\d+(?:\.\d+)?)(?![\w])"
    join = r"(?:\s*[-‐‑]\s*|\s+|,\s+(?=\w+\s+(?:hundred|thousand)))(?:(?:and|&|point)\s+)?(?:(?:of\s+)?an?\s+)?"
    # 3 hundred and 21 | 4 thousand 3 hundred | 3 dozens   (a numeral that starts a phrase in words)
    numeral_start = (rf"\d+(?:\.\d+)?(?=\s+(?:hundred|dozens?|dzs?|dozs?)(?![\w])"
                     rf"|\s+(?:{scale_words}|lakhs?|crores?)\s+(?:and\s|\d|{word}(?![\w])))")
    # twenty-five | one hundred and six | a dozen | half a million | two-thirds | a third | nine point five
    start = rf"(?:{word}|half|quarter|an?(?=[\s-]+(?:{word}|{den})(?![\w]))|{numeral_start})(?![\w])"
    word_number = (
        rf"{start}(?:{join}{tok}){{0,40}}"  # bounded: a run of 10,000 "one"s is read 40 at a time
        rf"|an?(?=\s+(?:{_alt(_a_units(lx))})(?![\w-]))"
        # all day | a full week | another month | an hour | a year   (one of a time unit)
        rf"|(?:an?\s+)?(?:all|full|whole|another)(?=[\s-]+(?:{_TIME_ONE})(?![\w-]))"
        rf"|an?(?=\s+(?:(?:additional|extra|further)\s+)?(?:{_TIME_ONE})(?![\w-]))"  # an hour, an extra day
        rf"|an?\s+(?:{_alt(list(lx.idioms))})(?![\w-])"
    )

    # 10,000 | 3,500.75 | 1.2 | .5 | 10 000 (not "136 737 MAX jets") | 12,34,567.89 | 1.111,11 | 1.3e6 | 6.23x10^-4 | 1.1^23
    numeral = (
        r"\d+(?:\.\d+)?(?:[eE][+-]?\d+(?![\w])|\s*[x×]\s*\d+\s*\^\s*[+-]?\d+|\s*[x×]\s*10[-−]\d+|\^[+-]?\d+)"
        r"|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d,])"
        r"|\d{1,3}(?:\.\d{3})+,\d+(?!\d|[.,]\d)"
        r"|(?:\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?!\d|,\d|[ \t]+(?-i:[A-Z]))|\d+)(?:\.\d+)?"
        r"|\.\d+"
    )
    vulgar = r"[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]"
    digit_fraction = r"\d+\s*/\s*\d+(?![\d/])(?!\s*mm\s*hg)"  # "120/80mmHg" is a blood pressure, two figures
    vague = _alt(list(lx.vague))
    # fivefold | 3-fold | a tenfold rise   (a multiplier: the number, nothing counted)
    # the gate in front lets the engine skip every position inside a word at once (3x faster scans);
    # every alternative either starts with a digit or needs a word start anyway
    # a second gate: the position must begin a digit or a word that some alternative starts with, so
    # the common word start ("the", "council") fails on one small trie instead of every alternative
    # ... and a whole word, not the start of one: "and", "tension", "fourth" fail at once ("a" and "ten" are
    # in the trie); "fivefold" is a whole word of its own
    first = {_first_word(p) for p in (*lx.number_words, *lx.vague, *lx.measure_idioms)}
    first |= {"a", "an", "half", "quarter", "all", "full", "whole", "another",
              "years", "months", "weeks", "days", "hours", "decades", "centuries"}
    first |= {w + "fold" for w in lx.number_words}
    first |= set(lx.multiples)
    number = re.compile(
        rf"(?:(?<![A-Za-z])|(?=[0-9]))"
        rf"(?=\d|\.\d|{vulgar}|(?:{_alt(sorted(first))})(?![a-z]))"
        rf"(?:(?<![\w-])(?P<fold>(?:{word}|\d+(?:\.\d+)?)[-‐]?fold)(?![\w-])"
        rf"|(?<![\w-])(?P<mult>{_alt(list(lx.multiples))})(?=\s+(?:the|that|those|this|what|as|its|their|his|her)\s)"
        rf"|(?P<fraction>(?:\d+\s+)?{digit_fraction}|(?:\d+\s*)?{vulgar})"
        rf"|(?<![\w-])(?P<vague>{vague})(?![\w-])"
        rf"|(?<![\w-])(?P<words>{word_number})(?![\w])"
        rf"|(?<=\bfor )(?P<bare>years|months|weeks|days|hours|decades|centuries)(?![\w-])"
        rf"|(?P<numeral>{numeral})"
        rf"|(?<![\w-])(?P<idiom>{_alt(list(lx.measure_idioms))})(?![\w-]))",
        re.I,
    )
    # 3.5bn | 12 million | 30k | 1.2 trillion   (applied right after a numeral)
    scale_alt = _alt(list(lx.scales))
    scale_after = re.compile(rf"[ \t\u00a0]{{0,3}}(?:-[ \t]?)?(?P<scale>{scale_alt})(?![\w&])|[ \t\u00a0]{{1,3}}(?P<scaleword>{scale_words})(?![\w])", re.I)
    # km | square miles | per cent | % | degrees Celsius   (after the number, optional space or hyphen)
    ci_units = _alt(list(lx.units_ci))
    cs_units = _alt(list(lx.units_cs))
    unit_after = re.compile(
        rf"(?P<sep>[ \t\u00a0]{{0,3}}-[ \t\u00a0]{{0,3}}|[ \t\u00a0\n]{{0,3}})(?:"
        rf"(?P<percent>percentage[\s-]+points?(?![\w])|%|per\s*cent(?:age)?(?![\w])|percent(?:age)?s?(?![\w])|pct(?![\w])|pc(?![\w])|pp(?![\w])|ppts?(?![\w]))"
        rf"|(?P<unit>(?i:{ci_units}))(?![\w²³])"
        rf"|(?P<unitcs>{cs_units})(?![\w²³])"
        rf")"
    )
    # a unit inside a compound, exponent allowed right after: s2, m^2, s-1, fb−1, km²
    # (compiled on first use: most texts never need it)
    unit_term = (
        rf"(?:(?P<cs>{cs_units})|(?P<ci>(?i:{ci_units})))(?![A-Za-z])"
        r"(?:\^\s*(?P<e>[-−+]?\d)|(?P<sup>[²³])|(?P<d>[-−]?[123])(?![\d\w.,]))?")
    # / | per | an (hour)   (between the parts of a compound unit: km/h, $15.4/hour, $350 per kg)
    per = re.compile(r"\s*/\s*|\s+per\s+", re.I)
    symbols = sorted(lx.currency_symbols, key=len, reverse=True)
    # "C$" is also written "c $" and "hk $" in transcribed text
    spaced = [re.escape(x[:-1]) + r"\s" + re.escape(x[-1]) for x in symbols
              if len(x) > 1 and x[-1] == "$" and x[:-1].isalpha() and x[:-1].lower() not in ("a", "s")]  # "a $5" is not A$
    sym_alt = "|".join([re.escape(s) for s in symbols] + [f"(?i:{x})" for x in spaced])
    all_codes = sorted({c for c in lx.currency_symbols.values()})
    codes = "|".join(c for c in all_codes if c.lower() not in WORD_CODES)
    word_codes = "|".join(c for c in all_codes if c.lower() in WORD_CODES)  # "pen 7 times" is no money
    mcodes = "|".join(all_codes)
    # $ | US$ | £ | Â£ (mis-decoded) | € | â‚¬ | USD | MAUD (million AUD)   (before the number)
    currency_before = re.compile(
        rf"(?<![\w$£€¥])(?:(?P<mcode>M(?:{mcodes}))|(?P<sym>{sym_alt})|Â(?P<mojibake>£)|â‚¬(?P<euro>)"
        rf"|(?P<code>{word_codes}(?=\s)|(?i:{codes}|{_alt([w for w in lx.currency_words if ' ' in w or w in ('dollar', 'dollars', 'dlrs', 'euro', 'euros')])})(?=\s)))\s?$")
    cur_words = _alt(list(lx.currency_words) + list(lx.minor_units))
    signs = "|".join(re.escape(x) for x in symbols if not re.search(r"[A-Za-z]$", x))
    # dollars | euros | Swiss francs | pence | MUSD | 10 € | 10$   (after the number)
    currency_after = re.compile(
        rf"(?:\s*|-)(?:(?P<mcode>M(?:{mcodes}))(?![\w])|(?P<cur>(?i:{cur_words}))(?![\w])|(?P<sym>{signs})(?![\d]))")
    # more than | about | nearly | up to   (ending right before the number or its currency symbol)
    q_words = _alt([q for q in lx.qualifiers_before if q[0].isalpha()])
    q_symbols = _alt([q for q in lx.qualifiers_before if not q[0].isalpha()])
    qualifier_before = re.compile(rf"(?P<q>(?<![\w])(?:{q_words})|{q_symbols})\s*$", re.I)
    q_after = _alt(list(lx.qualifiers_after))
    # or more | -plus | or so   (right after the quantity)
    qualifier_after = re.compile(rf"\s*(?P<q>{q_after})(?![\w])(?!\s+(?:than|to\s+\d|\d))", re.I)
    # rose | fell by | a rise of   (right before the number, its qualifier or its currency)
    change_before = re.compile(rf"(?<![\w])(?P<c>{_alt(list(lx.changes_before))})(?:(?:\s+[\w'’-]+){{0,3}}?\s+by)?\s+$", re.I)
    # rise | fewer | , or 1%, lower   (right after the quantity: "a 5% rise", "ended 38 ringgit, or 1%, lower")
    change_after = re.compile(rf"(?:,[ \t]*or[ \t]+[\d.]+[ \t]*(?:%|per[ \t]*cent|percent),)?[\s-]+(?P<c>{_alt(list(lx.changes_after))})(?![\w])", re.I)
    # -first | second | fifth   (right after a number in words: "twenty-first" is an ordinal)
    ordinal_after = re.compile(rf"[\s-]+(?:{_alt(list(lx.ordinals))})(?![\w])", re.I)
    # over | out of | in   (between two numbers: "one in five", "2 out of 3")
    # (or "one school in five": a noun between, only before "in")
    fraction_join = re.compile(r"\s+(?:(?P<noun>[a-z]+)\s+(?=in\s))?(?P<j>over|out\s+of|in)\s+", re.I)
    return Patterns(
        ordinal_after=ordinal_after, fraction_join=fraction_join,
        change_before=change_before, change_after=change_after,
        number=number, number_lower=re.compile(number.pattern), scale_after=scale_after, unit_after=unit_after,
        currency_before=currency_before, currency_after=currency_after,
        qualifier_before=qualifier_before, qualifier_after=qualifier_after,
        unit_term_source=unit_term, per=per,
    )
