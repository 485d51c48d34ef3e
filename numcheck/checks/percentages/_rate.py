"""A rate told first, then the part and the whole it is of (NC104): "Turnout stood at 63.4 percent, with 2,418,906
of the 3,815,227 registered voters casting ballots", "Unemployment rose to 9.7 percent in March, with 2,516,300
people out of a labour force of 25,940,000".

A rate told first may be followed by a breakdown with a rate of its own ("with 45,000 of the 300,000 young people
out of work"), so the whole must be named as the whole: by a noun of numcheck/data/whole_nouns.txt with only the
words of numcheck/data/whole_modifiers.txt, or by no noun at all ("with 2,593 of 2,967 employed").
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache
from typing import Iterator

from ...datafiles import words
from ...model import Claim
from ...text import after_dateline, head_noun, singular
from .._common import claims_between, gap, subject_end
from ..base import Context
from ._common import APPROX, alike, ok_amount, ok_pct
from ._trio import OUT_OF, Trio, whole_of

# the rate, then the verb that states it: "Turnout stood at", "South Korea's jobless rate stood at", "found jobs at
# a rate of", "Unemployment edged up to", "South Africa's official unemployment rate rose to"
# ("Turnout in the referendum was", "The pass rate in the school certificate examination rose to": the vote's or the
# exam's, not a part's; not "Unemployment in East Germany": a region's, whose part and whole may be the nation's)
# (the rate unqualified, before or after: not "Youth unemployment", "the female jobless rate", "Turnout in rural
# areas", "The jobless rate for women", which are of a part)
_RATE_LEAD = re.compile(r"(?:^\s*|(?:\b(?:the|a|its|their|national|overall)|['\u2019]s)\s+)(?:(?:official|registered|overall)\s+)?"
                        r"(?:(?:jobless|unemployment|participation"
                        r"|occupancy|vaccination|pass|voter|literacy|enrolment|enrollment|failure|immunisation|immunization|attendance)\s+)?(?:turnout|unemployment|joblessness|rate|prevalence|occupancy|participation)"
                        r"(?:\s+in\s+(?:(?:the|(?:[a-z]+\s+)?[\w-]+['\u2019]s)\s+(?:[\w-]+\s+){0,3}?(?:referendum|elections?|vote|poll|ballot|run-?off|plebiscite"
                        r"|examinations?|exams?|tests?)(?:\s+on\s+[\w-]+(?:\s+[\w-]+){0,3}?)?))?\s+(?:was|is|stood\s+at|rose\s+to|fell\s+to|reached|hit|climbed\s+to"
                        r"|dropped\s+to|(?:edged|ticked|inched)\s+(?:up|down)\s+to|of)\s+" + APPROX + r"\Z", re.I)
# from the rate to its part, perhaps after its time (not a place: "9.8 percent in the east" is a region's rate):
# ", with ", " in March, with ", " in the third quarter, with ", " in Saturday's presidential run-off, with "
_WITH = re.compile(r"(?:\s+(?:(?:in|for|during)\s+(?:the\s+)?(?:[a-z]+\s+)?(?:quarter|month|year|week|half|period)"
                   r"|in\s+(?:" + "|".join(calendar.month_name[1:]) + r"|\d{4})|(?:last|this)\s+(?:quarter|month|year|week)"
                   r"|in\s+(?:the\s+|[\w-]+['\u2019]s\s+)(?:[\w-]+\s+){0,3}?(?:referendum|elections?|vote|poll|ballot|run-?off"
                   r"|plebiscite)))?"
                   r"\s*,\s*(?:with|as)\s+" + APPROX + r"\Z")  # (", as 38,215,000 out of 52,856,000 eligible voters went")
# a part or whole told at a place, which has a rate of its own: "3,000 people in the town", "1.2 million out of work
# nationwide", "the 30,000 registered voters in the village"
_AT_PLACE = re.compile(r"\s+(?:(?:in|at|across|from)\s+(?!an?\s)|nationwide\b)", re.I)
_PEOPLE = frozenset({"", "people", "person"})
_OWNER = re.compile(r"[A-Z][\w.-]*['\u2019]s?")
# from the part to its whole named by a noun: " people out of a labour force of ", " people out of work in an
# economically active population of "
_NAMED_WHOLE = re.compile(r"[^.;:\d]{0,40}?(?P<how>\s)(?:out\s+of|in|among|from)\s+(?:a|an|the|its|their)\s+"
                          r"(?P<noun>(?:[a-z][\w-]*\s+){1,4})of\s+" + APPROX + r"\Z", re.I)


@lru_cache(maxsize=1)
def _whole_words() -> frozenset[str]:
    """The words that may name a whole: numcheck/data/whole_nouns.txt and whole_modifiers.txt."""
    return frozenset(words("whole_nouns.txt")) | frozenset(words("whole_modifiers.txt"))


def rates_told_first(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """Every rate told first with the part and whole after it (a percentage in ``done`` is read already; each read
    here is added)."""
    for k in range(len(cl) - 2):
        trio = _rate_first(ctx, cl[k], cl[k + 1], cl[k + 2])
        if trio is not None and id(trio.pct) not in done:
            done.add(id(trio.pct))
            yield trio


def fractions_told_after(ctx: Context, cl: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """A rate told first with its part out of its whole as one fraction after it, and what the part did (_act):
    "Voter turnout was 72.3 percent, as 38,215,000 out of 52,856,000 eligible voters went to the polls"."""
    text = ctx.text
    for pct, frac in zip(cl, cl[1:]):
        if not (ok_pct(pct) and pct.change is None and frac.kind == "fraction" and OUT_OF.search(frac.text)):
            continue
        s0, s1 = ctx.sentences.span(pct.start)
        after = subject_end(text, frac)
        end = _CLAUSE_END.search(text, after, s1)
        if _RATE_LEAD.search(text[after_dateline(text, s0):pct.start]) and _WITH.fullmatch(text, pct.end, frac.start) \
                and _act(text[after:end.start() if end else s1]) and _names_the_whole(frac.subject):
            yield pct, frac


def _names_the_whole(noun: str) -> bool:
    """Whether a noun names a rate's whole by the words of numcheck/data/whole_nouns.txt and whole_modifiers.txt alone
    ("registered voters", "a civilian labour force"; not "young people", "expatriate voters": parts with rates of
    their own), a people named last left aside ("eligible Americans")."""
    told = noun.split()
    if told and told[-1][:1].isupper():
        told = told[:-1]
    named = [singular(w.lower()) for w in told]
    return bool(named) and all(w in _whole_words() for w in named) and ("population" not in named or "active" in named)


def _rate_first(ctx: Context, pct: Claim, part: Claim, whole: Claim) -> Trio | None:
    """The rate ``pct`` with its ``part`` of ``whole`` after it, or None."""
    text = ctx.text
    if not (ok_pct(pct) and pct.change is None and ok_amount(part) and ok_amount(whole) and alike(part, whole)):
        return None
    s0, s1 = ctx.sentences.span(pct.start)
    if whole.start >= s1 or not _RATE_LEAD.search(text[after_dateline(text, s0):pct.start]) \
            or not _WITH.fullmatch(text, pct.end, part.start):
        return None
    noun = "" if _OWNER.fullmatch(part.subject) else head_noun(part.subject)  # ("7.16 million of Morocco's ...": the
    # whole's owner, no noun of the part's)
    if noun not in _PEOPLE | {head_noun(whole.subject)} or _AT_PLACE.match(text, subject_end(text, part)) \
            or _AT_PLACE.match(text, subject_end(text, whole)):
        return None  # "with 20,000 new jobs from a labour force of": another count; "3,000 people in the town": a part
    between = gap(text, part, whole)
    told_from = whole.start - len(between)  # where ``between`` begins: after the part's subject
    named = _NAMED_WHOLE.fullmatch(between)
    if whole_of(text, part, whole):  # ("7.16 million of Morocco's 13.88 million
        # registered voters": the owner read as the part's subject)
        noun = whole.subject
    elif named and _act(text[told_from:told_from + named.start("how")]):
        noun = named.group("noun")
    else:
        return None
    if not _names_the_whole(noun):
        return None  # "with 45,000 of the 300,000 young people": a part with a rate of its own; "a total population
        # of 38.2 million": not the labour force an unemployment rate is of; "the 212.7 million eligible Americans" (a
        # people by its name, after the words that make it a whole; not a group of them: "eligible Hispanic voters")
    after = subject_end(text, whole)
    end = _CLAUSE_END.search(text, after, s1)
    if not _act(text[after:end.start() if end else s1]):
        return None  # "of the 1.3 million registered voters casting postal ballots": a subset
    if any(alike(c, whole) for c in claims_between(ctx.claims, whole.end, s1)):
        return None  # "..., including 600,000 abroad": a figure like them after, which the rate may count in or out
    return Trio(part, whole, pct, pct)


_CLAUSE_END = re.compile(r"[,;]\s|\.\s(?!\d)|[,;.]?$")  # (not the point of "Nov. 4")
# when the act was done, on the day the rate is of, which leaves it whole: " in the Nov. 4 election", " in Sunday's
# referendum", " in the referendum", " on Sunday" (not "in the 2004 election", "in the previous election": another vote)
_DAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# what kind of vote it was, before its noun: "presidential and parliamentary", "general", "second-round"
_KIND_OF_VOTE = (r"(?:(?:presidential|parliamentary|legislative|general|local|municipal|regional|provincial|state"
                 r"|national|federal|second-round|first-round|and)\s+){0,4}")
_WHEN = re.compile(r"\s+(?:(?:in|at)\s+(?:" + _DAY + r"['\u2019]s\s+|the\s+(?:(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|" + _DAY
                   + r"(?:['\u2019]s)?)\s+)?)" + _KIND_OF_VOTE +
                   r"(?:elections?|vote|polls?|referendum|run-?off|round)|on\s+" + _DAY + r")\s*$")


@lru_cache(maxsize=1)
def _acts() -> frozenset[str]:
    """numcheck/data/rate_acts.txt and vote_acts.txt: what the part of a rate did, in full."""
    return frozenset(words("rate_acts.txt")) | _vote_acts()


def _act_told(told: str) -> str:
    """The words telling what a part did, without when it was done (_WHEN), spaced once, in lower case."""
    return " ".join(_WHEN.sub("", told).split()).lower()


def voted(told: str) -> bool:
    """Whether the words after a count tell that it voted, perhaps when and where (_WHEN): "cast ballots in Sunday's
    referendum" (numcheck/data/vote_acts.txt)."""
    return _act_told(told) in _vote_acts()


@lru_cache(maxsize=1)
def _vote_acts() -> frozenset[str]:
    return frozenset(words("vote_acts.txt"))


def _act(told: str) -> bool:
    """Whether the words telling what the part did are none, or one act of numcheck/data/rate_acts.txt, perhaps with
    when it was done (_WHEN)."""
    told = _act_told(told)
    return not told or told in _acts()
