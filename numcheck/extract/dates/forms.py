"""The date forms: regex pieces and templates, their first words and cheap conditions, compiled lazily.

Each form is a template built from named pieces ({MON}, {DAY}, {YEAR}) and a
list of words it can start with; ``_dispatch`` maps a first word to the forms
worth trying there and ``_possible`` checks their necessary conditions before
a form is compiled or run, which keeps both the cold start and the scan cheap.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .vocab import _trie, vocab

_NUMWORD_1_9 = "one|two|three|four|five|six|seven|eight|nine"


_MONTH_CONTEXT = (
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "through", "throughout",
    "between", "and", "to", "of", "every", "each", "around", "the", "(", "-to-",
)


_YEAR_CONTEXT = (
    "in", "since", "by", "until", "till", "from", "during", "of", "before", "after", "year", "the", "to",
    "between", "through", "and", "or", "than", "for", "with", "circa", "c.", "fiscal", "fy", "around",
    "about", "as of", "spring", "summer", "autumn", "winter", "a", "its", "their", "his", "her", "our",
    "both", "that", "'", '"', "“",
)


def _lookbehinds(words: tuple[str, ...]) -> str:
    """Lookbehinds for context words, so the claim starts at the date itself: "in 2005", "since 1945".

    A word must be followed by a space or newline; a quote mark stands right before the date ('"2005 offers').
    Words of one length share one lookbehind (re needs a fixed width), which keeps the pattern small.
    """
    by_len: dict[int, list[str]] = {}
    marks = []
    longer = []
    for w in words:
        if w[:1].isalpha():
            by_len.setdefault(len(w), []).append(re.escape(w))
        elif len(w) == 1:
            marks.append(re.escape(w))
        else:
            longer.append(f"(?<={re.escape(w)})")
    alts = [f"(?<=\\b(?:{'|'.join(ws)})\\s)" for _, ws in sorted(by_len.items())] + longer
    if marks:
        alts.append(f"(?<=[{''.join(marks)}])")
    return "(?:" + "|".join(alts) + ")"


def _holiday_names() -> set[str]:
    """The holiday names of dates.tsv, each also with a typographic apostrophe."""
    names = set(vocab().words.get("holiday", {}))
    return names | {n.replace("'", "’") for n in names}


def holiday_first_words() -> set[str]:
    """The first word of each holiday name ("new" of "New Year's Day"): the words the form can start with."""
    return {re.match(r"[a-z]+", n).group() for n in vocab().words.get("holiday", {})}


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    """The named pieces forms are built from; built once (each lazily compiled form expands them), read only."""
    v = vocab()
    p: dict[str, str] = {}
    # January, Jan., Sept, May (capitalised only)
    full = tuple(w for w in v.words["month"] if len(w) > 4 or w in ("may", "june", "july"))
    abbr = tuple(w for w in v.words["month"] if w not in full)
    p["MON"] = rf"\b(?:(?:{v.alt('month', exclude=abbr)})(?![a-z])|(?:{v.alt('month', exclude=full)})(?![a-z])\.?)"
    # Monday, Mon (capitalised only), Thurs.
    p["WD"] = rf"\b(?:{v.alt('weekday')})\b\.?"
    # full weekday names only: a standalone "Sun" is a newspaper
    p["WDFULL"] = r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    # a day of the month in digits: 3, 03, 3rd, 21st (not part of a longer number)
    p["DNUM"] = r"(?<!\d)(?<!\d[.,])(?:[12]\d|3[01]|0?[1-9])(?!\d|[.,]\d)(?:st|nd|rd|th)?\b"
    # a day in ordinal words: first, twenty-first, thirtieth (a loose shape; the resolver checks the word)
    p["DORD"] = r"\b(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|[a-z]{2,7}th)\b"
    p["DCARD"] = rf"\b(?:(?:twenty|thirty)(?:[\s-](?:{_NUMWORD_1_9}))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
    p["DAY"] = r"(?:{DNUM}|{DORD})"
    # a four-digit year inside a date: 2025, 1391
    p["Y4"] = r"(?<![\d.,])[12]\d{3}(?!\d|[.,]\d|{CLOCK})"
    # a 24-hour clock time, not a year: "1400 GMT", "1945 hrs"
    p["CLOCK"] = r"\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PT|PST|hrs?|hours|h)\b"
    # a year in words: nineteen seventy eight, two thousand and eighteen
    teens = "ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    tens = "(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
    two = rf"(?:{tens}(?:[\s-](?:{_NUMWORD_1_9}))?|{teens})"
    p["YWORDS"] = (
        rf"\b(?:(?:{teens}|twenty)[\s-](?:{two}|(?:zero|oh)[\s-](?:{_NUMWORD_1_9})|hundred)"
        rf"|two\s+thousand(?:(?:\s+and)?[\s-](?:{two}|{_NUMWORD_1_9}))?)\b"
    )
    p["YEAR"] = r"(?:{Y4}|{YWORDS}|['’]\d\d\b)"
    p["SEASON"] = rf"\b(?:{v.alt('season')})\b"
    # Christmas, New Year's Eve, Good Friday (the resolver wants a capital; apostrophes either way)
    p["HOL"] = rf"\b{_trie(_holiday_names())}\b"
    p["ORD"] = rf"\b(?:{v.alt('ord')}|[1-5](?:st|nd|rd|th))\b"
    p["REL"] = r"\b(?:this|last|next|previous|coming|upcoming|current|past)\b"
    # part of a period: early, mid-, late, the end of, the beginning of
    p["PART"] = r"\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|late|mid)\b[\s-]*"
    # a count in a relative phrase: 2, two, a, a few, several, a couple of
    p["N"] = rf"(?:(?<![\d.,\-–])\b\d{{1,3}}(?!\d|[.,]\d)|\b(?:a\s+few|a\s+couple\s+of|couple\s+of|few|several|(?:twenty|thirty|forty|fifty)(?:[\s-](?:{_NUMWORD_1_9}))?|{teens}|{_NUMWORD_1_9}|an?)\b)"
    p["UNIT"] = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))\b"
    # the word before a bare month or year that makes it a date: "in August", "since 1945"
    p["MCTX"] = _lookbehinds(_MONTH_CONTEXT)
    p["YCTX"] = _lookbehinds(_YEAR_CONTEXT)
    p["SEP"] = r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*"
    return p


def _expand(template: str, pieces: dict[str, str], prefix: str) -> str:
    """Insert pieces (recursively) and prefix every named group with the form's name."""
    def sub(m: re.Match[str]) -> str:
        name, group = m.group(1), m.group(2)
        body = _expand(pieces[name], pieces, prefix)
        if group:
            return f"(?P<{prefix}__{group}>{body})"
        return f"(?:{body})"

    out = re.sub(r"\{([A-Z][A-Z0-9]*)(?::(\w+))?\}", sub, template)
    out = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={prefix}__{m.group(1)})", out)
    return re.sub(r"\(\?P<(?!\w+__)(\w+)>", lambda m: f"(?P<{prefix}__{m.group(1)}>", out)


# Forms, in the order they are tried at one position (longest first).  Each is
# (name, template, first words): the resolver of the same name is a branch of
# resolve._resolve_form, and "first words" says which words the form can start with
# (#y four digits, #dd one or two, #ddd three, #month, #weekday, #season, #ord, #num, #rel, #part, #relday,
# #decade, or a literal word), so a position is only tried against the forms
# that can start there.
_FORMS: tuple[tuple[str, str, str], ...] = (
    # Christmas, Christmas Day 2004, last Easter, New Year's Eve (not Father Christmas, Chinese New Year or a
    # Christmas tree: the name of a thing, not a day)
    ("holiday", r"(?:(?P<rel>this|last|next)\s+)?(?<!Father )(?<!Chinese )(?<!Lunar )(?<!Jewish )(?<!Islamic )"
                r"(?P<h>{HOL})(?!\s+(?:island|tree|trees|card|cards|cracker|crackers|pudding|puddings|jumper|jumpers"
                r"|carol|carols|lights|egg|eggs|bunny|rising|offensive|tet|agreement|accord)\b)(?:,?\s+(?:of\s+)?{Y4:y})?", "#rel #holiday"),
    # 2025-02-01, 2015/08/12, 2019-sep-1
    ("iso", r"(?<![\d.\-/])(?P<y>[12]\d{3})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2]|{MON})(?P=s)(?P<d>[0-3]?\d)(?![\d]|[.\-/]\d)", "#y"),
    # 21/04/2016, 02/22/2016, 13.5.2015, 9-18-15, 08/12,2015
    ("numeric", r"(?<![\d.,\-/])(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?:(?P=s)|,\s?)(?P<y>\d{4}|\d{2})(?![\d]|[.\-/]\d|%)", "#dd"),
    # 4 to 22 January 1995, 3 until 12 of Sept, 2 and 7 Feb, two thousand and eighteen
    ("range_dm", r"(?<![\d.,])(?P<d1>{DNUM}|{DORD}){SEP}(?P<d2>{DNUM}|{DORD})\s+(?:of\s+)?{MON:m}(?:,?\s*{YEAR:y})?", "#ord #num #dd"),
    # from 4 to January 22, 1995; from 02 to April 07
    ("range_d_md", r"(?<=\bfrom )(?P<d1>{DNUM}){SEP}{MON:m}\s*(?P<d2>{DNUM})(?!\s*[:%])(?:,?\s*{YEAR:y})?", "#dd"),
    # 4 to 22 this month, 4-23 in next month
    ("range_drel", r"(?<![\d.,])(?P<d1>{DNUM}){SEP}(?P<d2>{DNUM})\s+(?:(?:of|in)\s+)?(?P<rel>this|next|last|previous)\s+month\b", "#dd"),
    # November 19-20, November 19 to 20, Feb between 2-7 2018
    ("range_md", r"{MON:m}\s*(?:between\s+)?(?P<d1>{DNUM}){SEP}(?P<d2>{DNUM})(?!\s*[:%])(?:,?\s*{YEAR:y})?", "#month"),
    # Friday 3 February 2025, 1st Jan, Wed, 22 of Jan, the tenth of September, two thousand
    ("dmy", r"(?:(?P<wd>{WD}),?\s+(?:the\s+)?)?(?P<d>{DAY})\.?(?:\s*|-)(?:of\s+)?{MON:m}(?:(?:\s*,?\s*|-|\s+in\s+){YEAR:y})?", "#weekday #ord #num #dd"),
    # the first week of October, the last week of 2015, the third week of this month
    ("week_of", r"(?:\bthe\s+)?(?P<n>{ORD})\s+week\s+(?:of\s+|in\s+)?(?:(?P<rel>this|next|last|previous)\s+(?P<u>month|year)\b|{MON:m}(?:,?\s+{Y4:my})?|{YEAR:y})", "the #ord #dd"),
    # week 10, Week 31
    ("week_num", r"\bweek\s+(?P<w>[1-9]|[1-4]\d|5[0-3])\b(?!\s*(?:of|in)\b|[.,]\d)(?:\s+(?:of\s+)?{Y4:y})?", "week"),
    # the 20th of next month, 31st of this month
    ("d_relmonth", r"(?:the\s+)?(?P<d>{DAY})\s+of\s+(?P<rel>this|next|last|previous)\s+month\b", "the #ord #num #dd"),
    # Monday January 12th, 2016; Feb. 1, 2025; Oct-2; May twenty-first; September the 21st nineteen seventy eight
    ("mdy", r"(?:(?P<wd>{WD}),?\s+)?{MON:m}\s*[-/.]?\s*(?:the\s+)?(?P<d>{DNUM}|{DORD}|{DCARD})(?!\s*(?:%|per\s?cent|[:.]\d))(?:(?:\s*,\s*|\s+|\s+in\s+){YEAR:y})?", "#weekday #month"),
    # on the 27th, for the 21st, until the second (a day of the current or last month)
    ("the_nth", r"(?:(?<=\bon )|(?<=\bfor )|(?<=\bby )|(?<=\buntil )|(?<=\bsince )|(?<=\bfrom )|(?<=\bof ))the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{DORD}|thirty)(?!\d|[.,]\d)(?=\s*(?:[.!?;)]|\Z|,\s))", "the"),
    # on 4.22, on 22/04, from 10/1 (month and day, no year, after a date preposition)
    ("on_md", r"(?:(?<=\bon )|(?<=\bfrom )|(?<=\bsince )|(?<=\buntil )|(?<=\bto ))(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?![\d%]|[.\-/]\d|\s*of\b)", "#dd"),
    # 4/22, 22/04 (a slash date whose order is certain: one side above 12)
    ("slash_md", r"(?<![\d.,/\-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d%/]|[.,]\d)", "#dd"),
    # second Sunday, first Friday (of the current month)
    ("ord_wd", r"(?<!\bthe )(?<!\ba )(?<!\bevery )\b(?P<n>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WDFULL})(?!\s+(?:of|in)\b|\s+[a-z])", "#ord #dd"),
    # Thursday the 21st, Friday the fifteen
    ("wd_the_d", r"(?P<wd>{WDFULL}),?\s+the\s+(?P<d>{DNUM}|{DORD}|{DCARD})", "#weekday"),
    # the first Friday of July, the third Wednesday of previous month
    ("nth_wd", r"(?:the\s+)?(?P<n>{ORD})\s+(?P<wd>{WDFULL})\s+(?:of|in)\s+(?:(?P<rel>this|next|last|previous)\s+month\b|{MON:m}(?:\s+{Y4:y})?)", "the #ord #dd"),
    # fiscal year 2008, the 2004/05 financial year, last fiscal year, FY2005
    ("fiscal", r"(?:(?:the\s+)?(?P<rel>this|last|next|current|previous)\s+(?:fiscal|financial)\s+year\b|(?:(?:the\s+)?(?:fiscal(?:\s+year)?|financial\s+year)|\bFY)\s*{Y4:y}(?:\s?[-/]\s?(?P<y2>\d{4}|\d\d)(?!\d))?|(?:the\s+)?{Y4:y3}\s?[-/]\s?(?P<y4>\d{4}|\d\d)(?!\d)\s+(?:fiscal|financial|tax)\s+year\b)", "the #rel fiscal financial fy #y"),
    # Q3 2016, 2016 Q3, 2016H2, the third quarter of 2016, first half of this year
    ("quarter", r"(?:(?P<y1>{Y4})\s*-?\s*|\b)(?P<q>[QH][1-4])\b(?:\s*{Y4:y2}|\s+(?P<rel>this|last|next)\s+year\b)?", "q h #y"),
    ("quarter_words", r"(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-]+(?P<kind>quarter|half)\b(?:\s+(?:of\s+)?(?:{YEAR:y}|(?P<rel>this|last|next)\s+year\b|the\s+year\b)|(?P<bare>(?=[\s-]+(?:profits?|earnings|results|sales|revenues?|growth|figures|output|loss(?:es)?|gdp|net)\b)|(?<=quarter)(?!\s+of\b)))", "the #ord #dd"),
    ("y_quarter", r"(?P<y>{Y4})\s+the\s+(?P<n>first|second|third|fourth)\s+quarter\b", "#y"),
    # the week after next, the year after next, the weekend after the next
    ("after_next", r"\bthe\s+(?P<u>week|weekend|month|year)\s+after\s+(?:the\s+)?next\b", "the"),
    # rest of the week / month / year
    ("rest_of", r"\brest\s+(?:of\s+)?(?:the|this|my|current)?\s*(?P<u>week|month|year)\b", "rest"),
    # earlier this month, later this year, earlier in the week
    ("earlier_this", r"\b(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<u>week|month|year)\b", "earlier later"),
    # the past few days, the last several weeks, the next couple of months (numbered spans are durations)
    ("rel_n", r"\b(?:the\s+)?(?P<rel>past|last|previous|next|coming|following)\s+(?P<n>{N})\s*(?P<u>{UNIT})", "the #rel"),
    # two days ago, a month ago, 1 month 21 days ago, a few months ago
    ("ago", r"(?P<parts>(?:{N}\s*{UNIT}(?:,?\s*(?:and\s+)?)?)+)\s+(?P<dir>ago|from\s+now)\b", "#num #dd #ddd"),
    # two days from tomorrow, four days from yesterday, two days after today
    ("from_relday", r"(?P<n>{N})\s+(?P<u>days?|weeks?)\s+(?P<dir>from|after|before)\s+(?P<base>today|tomorrow|yesterday)\b", "#num #dd #ddd"),
    # two sundays from now
    ("n_weekdays", r"(?P<n>{N})\s+(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\s+from\s+now\b", "#num #dd"),
    # the day before yesterday, the day after tomorrow
    ("day_around", r"\bthe\s+day\s+(?P<dir>before|after)\s+(?P<base>yesterday|tomorrow|tmrw)\b", "the"),
    # next week on Friday, next week Sunday, this week Friday
    ("week_wd", r"\b(?P<rel>this|next|last|previous)\s+week(?:'s)?\s+(?:on\s+)?(?P<wd>{WDFULL})", "#rel"),
    # Friday next week, Sunday of next week
    ("wd_week", r"(?P<wd>{WDFULL})\s+(?:of\s+)?(?P<rel>this|next|last|previous)\s+week\b", "#weekday"),
    # this Friday, next Sunday, last Monday, Friday (standalone, not "Good Friday" or "Sunday Times")
    ("weekday", r"(?:(?P<rel>this|next|last|coming|past|previous)\s+)?(?<!Good )(?<!Black )(?<!Bloody )(?<!Easter )(?<!Super )(?<!Ash )(?<!Palm )(?<!Holy )(?<!Maundy )(?<!Shrove )(?<!Cyber )(?<!Whit )(?<!Low )(?<!Blue )(?<!Manic )(?<!Mail on )(?<!Independent on )(?<!Scotland on )(?<!Wales on )(?P<wd>{WDFULL})(?!\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Sport|Independent|Tribune|Star|Night\s+Live|People|Business|Sunday|Magazine|Review|Edition|Programme|Show)\b)(?!['’]s\s+(?:edition|paper|newspaper))", "#rel #weekday"),
    # today, yesterday, tomorrow, tonight, last night, this morning
    ("relday", r"\b(?P<w>today|yesterday|tomorrow|tmrw|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b", "#relday last this"),
    # now, currently, at present (the publication day); recent years, the past (before it); the future (after)
    ("ref", r"\b(?P<w>now|currently|at\s+present|nowadays|(?:in\s+)?recent\s+(?:days|weeks|months|years|decades)|the\s+past(?!\s+(?:\d|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|day|week|month|quarter|year|decade|century|weekend|[a-z]+day))|the\s+(?:near\s+|distant\s+)?future)\b", "now currently at nowadays in recent the"),
    # this weekend, the weekend, last weekend
    ("weekend", r"\b(?P<rel>this|last|next|the|that|coming|past)\s+weekend\b", "#rel the that"),
    # early next year, late last week, the end of this month, mid next week
    ("part_rel", r"(?P<part>{PART})(?P<rel>this|last|next)\s+(?P<u>week|month|year|decade)\b", "#part"),
    # this week, last month, next year, the coming week, this decade, the next decade
    ("rel_unit", r"\b(?:the\s+)?(?P<rel>this|last|next|previous|coming|upcoming|current|past)\s+(?P<u>week|month|quarter|year|decade|century)\b", "the #rel"),
    # June next year, August last year
    ("mon_relyear", r"{MON:m}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b", "#month"),
    # the 1970s, the late 1990s, the '40s, the seventies, the nineteen seventies, the noughties
    ("decade", r"(?:\bthe\s+)?(?P<part>(?:early|mid|late)[\s-]+)?(?:(?P<y4>[12]\d{2}0)\s?['’]?s\b|(?<=the )(?P<part2>(?:early|mid|late)[\s-]+)?['’]?(?P<y2>[0-9]0)['’]?s\b|(?P<words>(?:(?:nineteen|twenty)[\s-])?(?:seventies|sixties|fifties|forties|thirties|twenties|eighties|nineties|noughties)|twenty[\s-]tens|two\s+thousand(?:\s+and\s+tens|s)))", "the #part ' ’ #num #decade #y #dd"),
    # the 15th century, the twenty-first century
    ("century", r"(?:\bthe\s+)?(?P<part>(?:early|mid|late)[\s-]+)?(?P<n>(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|{DORD})[\s-]+century\b", "the #part #ord #num #dd"),
    # summer 2016, the spring of 1978, this summer, last winter, mid summer
    ("season", r"(?:(?P<rel>this|last|next|the|mid|early|late|in|during|until|by|since)\s+(?:the\s+)?)?(?P<part>(?:early|mid|late)[\s-]+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?{YEAR:y})?", "#rel #part in during until by since #season"),
    # 2015-3, 2016/11, 2016 - 11, 11/2016, 3-2015
    ("ym_num", r"(?<![\d.,\-/])(?:(?P<y>[12]\d{3})\s?[-/]\s?(?P<m>0?[1-9]|1[0-2])|(?P<m2>0?[1-9]|1[0-2])\s?[-/]\s?(?P<y2>[12]\d{3}))(?![\d]|[.,/\-]\d|%)", "#y #dd"),
    # 2009-2010, 2009-10, 2004/05
    ("yrange", r"(?<![\d.,\-/])(?P<y1>1[5-9]\d\d|20\d\d)\s?[-–/]\s?(?P<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\d]|[.,]\d|%)", "#y"),
    # August 2019, November, 2016, June of nineteen ninety-nine, August 99, late August 2004
    ("month_year", r"(?P<part>{PART})?{MON:m}\s*[,/-]?\s*(?:of\s+)?(?P<y>{Y4}|{YWORDS}|['’]?\d\d(?![\d:]))", "#part #month"),
    # 2016 June, 2016, nov
    ("year_month", r"(?P<y>{Y4})\s*,?\s*{MON:m}(?!\s*\d)", "#y"),
    # (in|since|until|...) August; late August; this September
    # last September, next June, this August
    ("rel_month", r"\b(?P<rel>this|last|next)\s+{MON:m}", "#rel"),
    ("month", r"(?:{MCTX}(?P<part0>(?:early|mid|late)[\s-]+)?|(?P<part>{PART})|(?P<bare>(?={MON}(?:['’]s\b|\s+(?:was|is|will|has|had|saw)\b))))(?P<mctx>{MON:m})", "#part #month"),
    # a year in context: in 2022, since 1945, the 2004 election, mid-2004, fiscal 2005
    ("year", r"(?:{YCTX}|(?P<part>{PART})|(?<=\()(?=\d{4}\))|(?=\d{4}['’]s\b)|(?=\d{4}\s+(?:was|is|will|has|had|saw|marked|offers|brings)\b))(?P<yr>1[5-9]\d\d|20\d\d)(?!\d|[.,]\d|%|{CLOCK}|\s*(?:per\s?cent|percent)|\s?[-–/]\s?\d)", "#part #num #y"),
)


_CONTEXT_WORDS = re.compile(
    r"\s*(?:[a-z]+s\b(?<!\bis)(?<!\bwas)(?<!\bhas)(?<!\bas)(?<!\bthis)(?<!\bits)(?<!\bhis)(?<!\bthus)(?<!\bplus)(?<!\bacross)(?<!\bless)(?<!\bunless)"
    r"(?<!\bdoes)(?<!\bgoes)(?<!\bsays)(?<!\bmakes)(?<!\bsees)(?<!\bmeans)(?<!\bonwards)(?<!\bafterwards)(?<!\btowards)(?<!\bwas)|km\b|kg\b|mph\b|mm\b|cm\b|ft\b|lb\b|g\b|m\b|mi\b|kWh?\b|MW\b|GW\b|tonnes?\b|metres?\b|meters?\b|feet\b|people\b|men\b|women\b|children\b|sq\b)"
)


@lru_cache(maxsize=1)
def _ago_parts() -> re.Pattern[str]:
    pieces = _pieces()
    return re.compile(f"({_expand('{N}', pieces, 'x')})\\s*({_expand('{UNIT}', pieces, 'x')})", re.I)


# What must appear in the lower-cased text within _NEED_WINDOW characters of a start before a form is
# tried (or compiled): cheap necessary conditions.  "^..." must match at the start itself; an upper-case
# name alone, or {NAME} inside a pattern, stands for a word list (MONTH, WEEKDAY, SEASON, UNIT, SEP).
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ('^\\d{4}[-/.]',),
    "numeric": ('^\\d{1,2}[/.\\-]\\d{1,2}(?:[/.\\-]|,\\s?)\\d',),
    "range_dm": ('^(?:\\d{1,2}|[a-z]+(?:[\\s-][a-z]+)?)(?:st|nd|rd|th)?\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*(?:\\d|[a-z])', '{MONTH}',),
    "range_d_md": ('^\\d{1,2}\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*{MONTH}',),
    "range_drel": ('^\\d{1,2}(?:st|nd|rd|th)?\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*\\d', '\\bmonth\\b',),
    "range_md": ('^{MONTH}\\.?\\s*(?:between\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*\\d',),
    "dmy": ('^(?:[a-z]+\\.?,?\\s+(?:the\\s+)?)?[a-z0-9]+(?:[\\s-][a-z]+)?\\.?(?:\\s*|-)(?:of\\s+)?{MONTH}',),
    "week_of": ('^(?:the\\s+)?[a-z0-9]+\\s+week\\b',),
    "week_num": ('^week\\s+\\d',),
    "d_relmonth": ('^(?:the\\s+)?[a-z0-9-]+(?:\\s[a-z]+)?\\s+of\\s+[a-z]+\\s+month\\b',),
    "mdy": ('^(?:[a-z]+\\.?,?\\s+)?{MONTH}\\.?\\s*[-/.]?\\s*(?:the\\s+)?(?:\\d|first|second|third|[a-z]+th\\b|twenty|thirty|[a-z]+teen\\b)',),
    "the_nth": ('^the\\s+(?:\\d|twenty|thirty|[a-z-]*(?:st|nd|rd|th|first|second|third|fifth|eighth|ninth|twelfth)\\b)',),
    "on_md": ('^\\d{1,2}[/.\\-]\\d',),
    "slash_md": ('^\\d{1,2}/\\d',),
    "ord_wd": ('^[a-z0-9]+\\s+{WEEKDAY}',),
    "wd_the_d": ('^[a-z]+,?\\s+the\\s',),
    "nth_wd": ('^(?:the\\s+)?[a-z0-9]+\\s+{WEEKDAY}',),
    "fiscal": ('^(?:the\\s+)?(?:[a-z]+\\s+)?(?:\\d{4}\\s?[-/]\\s?\\d+\\s+)?(?:fiscal|financial|fy)|^(?:the\\s+)?\\d{4}\\s?[-/]\\s?\\d+\\s+(?:fiscal|financial|tax)',),
    "quarter": ('^(?:\\d{4}\\s*-?\\s*)?[qh][1-4]\\b',),
    "quarter_words": ('^(?:the\\s+)?[a-z0-9]+[\\s-]+(?:quarter|half)\\b',),
    "y_quarter": ('^\\d{4}\\s+the\\s+[a-z]+\\s+quarter\\b',),
    "after_next": ('^the\\s+[a-z]+\\s+after\\b',),
    "rest_of": ('^rest\\b',),
    "earlier_this": ('^(?:earlier|later)\\s+(?:this|in)\\b',),
    "rel_n": ('^(?:the\\s+)?(?:past|last|previous|next|coming|following)\\s', 'UNIT',),
    "ago": ('\\b(?:ago|from\\s+now)\\b',),
    "from_relday": ('^[a-z0-9]+\\s+(?:days?|weeks?)\\s+(?:from|after|before)\\s+(?:today|tomorrow|yesterday)\\b',),
    "n_weekdays": ('^[a-z0-9]+\\s+[a-z]+days\\s+from\\s+now\\b',),
    "day_around": ('^the\\s+day\\s+(?:before|after)\\b',),
    "week_wd": ('^[a-z]+\\s+week', '{WEEKDAY}',),
    "wd_week": ('^{WEEKDAY}[a-z]*\\s+(?:of\\s+)?[a-z]+\\s+week\\b',),
    "weekday": ('^(?:(?:this|next|last|coming|past|previous)\\s+)?{WEEKDAY}',),
    "weekend": ('\\bweekend\\b',),
    "part_rel": ('^(?:the\\s+)?(?:end|beginning|start|middle|early|late|mid)\\b', '\\b(?:this|last|next)\\s+(?:week|month|year|decade)\\b',),
    "rel_unit": ('^(?:the\\s+)?(?:this|last|next|previous|coming|upcoming|current|past)\\s+(?:week|month|quarter|year|decade|century)\\b',),
    "mon_relyear": ('^{MONTH}\\.?\\s+(?:of\\s+)?[a-z]+\\s+year\\b',),
    "decade": ("(?:0\\s?['’]?s|ties|tens|thousands)\\b",),
    "century": ('^(?:the\\s+)?(?:(?:early|mid|late)[\\s-]+)?[a-z0-9-]+(?:\\s[a-z]+)?[\\s-]+centur',),
    "season": ('{SEASON}',),
    "holiday": ('{HOLIDAY}',),
    "ym_num": ('^\\d{1,4}\\s?[-/]\\s?\\d',),
    "yrange": ('^\\d{4}\\s?[-–/]\\s?\\d\\d',),
    "month_year": ("^(?:[a-z]+[\\s-]+){0,3}{MONTH}\\.?\\s*[,/-]?\\s*(?:of\\s+)?(?:\\d|['’]|nineteen|twenty|two|ten|eleven|twelve|[a-z]+teen)",),
    "year_month": ('^\\d{4}\\s*,?\\s*{MONTH}',),
    "rel_month": ('^[a-z]+\\s+{MONTH}',),
    "month": ('{MONTH}',),
}


_NEED_WINDOW = 70


_TEMPLATES = {name: tpl for name, tpl, _ in _FORMS}


_REL_WORDS = ("this", "last", "next", "previous", "coming", "upcoming", "current", "past", "following")


_PART_WORDS = ("the", "end", "beginning", "start", "middle", "early", "late", "mid")


@lru_cache(maxsize=1)
def _need_words() -> dict[str, str]:
    v = vocab()
    return {
        "MONTH": rf"\b{_trie(set(v.words['month']))}(?![a-z])", "WEEKDAY": rf"\b{_trie(set(v.words['weekday']))}",
        "SEASON": rf"\b{_trie(set(v.words['season']))}\b", "UNIT": rf"{_trie(set(v.words['unit']))}\b",
        "HOLIDAY": rf"\b{_trie(_holiday_names())}\b",
        "SEP": r"-|–|—|\b(?:to|until|till|through|thru|and)\b",
    }


@lru_cache(maxsize=None)
def _need(need: str) -> tuple[bool, re.Pattern[str]]:
    """One necessary condition compiled: (anchored, pattern).  Shared by every form that states it."""
    words = _need_words()
    body = need.lstrip("^")
    body = words.get(body) or re.sub(r"\{([A-Z]+)\}", lambda m: f"(?:{words[m.group(1)]})", body)
    return need.startswith("^"), re.compile(body)


@lru_cache(maxsize=None)
def _needs(name: str) -> tuple[tuple[bool, re.Pattern[str]], ...]:
    """The compiled necessary conditions of a form."""
    return tuple(_need(n) for n in _NEEDS.get(name, ()))


@lru_cache(maxsize=None)
def _key_forms(key: str) -> tuple[tuple[tuple[str, tuple[int, ...]], ...], tuple[tuple[bool, re.Pattern[str]], ...]]:
    """The forms a first word dispatches to, each with the indices of its conditions among the key's
    distinct ones (forms share some), so one test serves every form that states it."""
    conds: list[tuple[bool, re.Pattern[str]]] = []
    entries = []
    for name in _dispatch().get(key, ()):
        idx = []
        for c in _needs(name):
            if c not in conds:
                conds.append(c)
            idx.append(conds.index(c))
        entries.append((name, tuple(idx)))
    return tuple(entries), tuple(conds)


def _possible(key: str, low: str, pos: int) -> Iterator[str]:
    """The forms starting with ``key`` whose necessary conditions hold at ``pos``, in order."""
    entries, conds = _key_forms(key)
    memo: list[bool | None] = [None] * len(conds)
    end = pos + _NEED_WINDOW
    for name, idx in entries:
        for i in idx:
            ok = memo[i]
            if ok is None:
                anchored, pat = conds[i]
                ok = memo[i] = (pat.match(low, pos, end) if anchored else pat.search(low, pos, end)) is not None
            if not ok:
                break
        else:
            yield name


@lru_cache(maxsize=None)
def _form(name: str) -> re.Pattern[str]:
    """One form's pattern, compiled the first time a text needs it (compiling all costs a cold start dearly)."""
    tpl = _TEMPLATES[name]
    return re.compile(f"(?P<{name}>{_expand(tpl, _pieces(), name)})", re.I)


@lru_cache(maxsize=1)
def _dispatch() -> dict[str, tuple[str, ...]]:
    """First word (lower case; "#y", "#dd", "#ddd" for digits) -> names of the forms that can start with it,
    in _FORMS order."""
    v = vocab()
    classes = {
        "#month": v.words["month"], "#weekday": v.words["weekday"], "#season": v.words["season"],
        "#holiday": holiday_first_words(),
        "#ord": v.words["ord"], "#num": v.words["card"], "#relday": v.words["relday"],
        "#decade": v.words["decade"], "#rel": _REL_WORDS, "#part": _PART_WORDS,
    }
    table: dict[str, list[str]] = {}
    for name, _, first in _FORMS:
        keys: set[str] = set()
        for spec in first.split():
            keys |= set(classes[spec]) if spec in classes else {spec}
        if "#d" in keys:  # digits are keyed by their count: 2025 is "#y", 3 and 21 are "#dd"
            keys.discard("#d")
            keys |= {"#y", "#dd", "#ddd"}
        for k in keys:
            table.setdefault(k, []).append(name)
    return {k: tuple(names) for k, names in table.items()}


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """Words every date contains at least one of: digits, month, weekday, season, relative and unit words.

    Scanning the lower-cased text for these first, and trying the forms only at
    the few word starts just before each, keeps the pass linear and cheap.
    """
    v = vocab()
    words = set(v.words["month"]) | set(v.words["weekday"]) | set(v.words["season"]) | set(v.words["relday"])
    words |= set(v.words["unit"]) | set(v.words["decade"]) | {w for w in v.words["ord"] if w != "last"}
    words |= {w for n in v.words.get("holiday", {}) for w in re.findall(r"[a-z]+", n)} - {"new", "st", "s", "good", "of"}
    words |= {w + "s" for w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
    words |= {"weekend", "weekends", "night", "morning", "afternoon", "evening", "quarter", "half",
              "thousand", "thousands", "nineteen", "twenty", "thirty", "tmrw", "q1", "q2", "q3", "q4", "h1", "h2",
              "now", "currently", "present", "nowadays", "recent", "past", "future", "fiscal", "financial", "fy"}
    return re.compile(rf"\d+|\b{_trie(words)}\b")


@lru_cache(maxsize=1)
def _keyed_start() -> re.Pattern[str]:
    """A word start (in lower-cased text) that some form begins with: a word of the dispatch table, a digit
    (not inside 10,000 or 3.5) or the apostrophe of '90s.

    Dense text has a trigger every few words, so nearly every word start falls in some lookback window;
    matching only the keyed ones keeps the per-word work inside the regex engine."""
    words = {k for k in _dispatch() if k.isalpha()}
    return re.compile(rf"(?<![\w'’])(?<!\d[.,])(?:\d|['’]|{_trie(words)}(?![a-z]))")


@lru_cache(maxsize=1)
def _small_number_gate() -> re.Pattern[str]:
    """What must follow a one- to three-digit number for any form to start there (most numbers count things).

    The union of the digit forms' shapes: 21/04, 4-22 January, 3 May, the 20th of next month, 1st week,
    2nd Sunday, third quarter, 15th century, two days ago, 3 days from today, the '70s.
    """
    w = _need_words()
    return re.compile(
        rf"\d+(?:st|nd|rd|th)?(?:\s*[/.\-–—]\s*\d"
        rf"|\s*(?:-|–|—|to|until|till|through|thru|and)\s*(?:\d|{w['MONTH']})"
        rf"|[\s.-]*(?:of\s+)?{w['MONTH']}"
        rf"|\s+of\s+[a-z]+\s+month"
        rf"|[\s-]+(?:[a-z0-9,]+[\s-]+){{0,6}}?(?:ago\b|from\s+now|weeks?\b|quarter|half\b|centur|{w['WEEKDAY']}"
        rf"|days?\s+(?:from|after|before)|[a-z]+days\s+from)"
        rf"|['’]?s\b)")


_DIGITS = re.compile(r"\d+")


_LOOKBACK = 36  # how far before a trigger word a form may start ("the third quarter of", "a couple of")


@lru_cache(maxsize=1)
def _weekday_word() -> re.Pattern[str]:
    return re.compile(_expand("{WD}", _pieces(), "wd"), re.I)
