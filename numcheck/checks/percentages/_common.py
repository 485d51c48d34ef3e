"""What the percentage checks share: the words that join a part to its whole, and parts and percentages as intervals."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import tolerance as tol
from ...datafiles import words
from ...model import Claim
from ...text import RATE_MOVERS, alternation, head_noun, singular
from .._common import subject_end
from ..totals._lists import toll_nouns
from ..totals._parts import person_wholes


DET = (r"(?:(?:the|its|their|his|her|our|all|these|those|all\s+the|all\s+of\s+the)\s+(?:(?:record|estimated|combined|entire|last|past"
       r"|first|previous)\s+)?"
       r"|(?:the|a|its|their)\s+(?:[a-z]+\s+)?total\s+(?:of\s+)?)?")  # "of the (national) total (of) 27.0 billion", "of
# the record 29.51 million arrivals", "14 of the last 20 races"

# the words of approximation a figure may carry: ", about 28 percent" (NC104 reads a bare comma before one as "or")
APPROX_WORDS = r"about|around|nearly|almost|some|roughly"
# a word that says a share is small, which the extractor leaves outside the percentage: ", just 23 percent", ", and
# only 2.9 million, or 12 percent"
MERELY_WORDS = r"just|only|barely|merely|a\s+mere"
# a word of approximation before a figure the extractor leaves outside it ("or roughly 526" reads "roughly 526"), or
# one that says it is small ("-- just 6 percent --", "(only 12 percent)")
APPROX = r"(?:(?:" + APPROX_WORDS + r"|just\s+over|just\s+under|more\s+than|less\s+than|" + MERELY_WORDS + r")\s+)?"

# verbs that say a figure is a share of a whole, beside it or further on: "amounting to 32% of the 5.8 million"
# (NC104 reads these, with "amounting to", before a percentage whose part is the sentence's figure)
SHARE_OF_WHOLE = r"accounting\s+for|making\s+up|representing|equivalent\s+to|equal\s+to"
# nouns for the share a part is of its whole, which a word before them may qualify ("a pass rate of"); a qualified
# "share" names another base ("a vote share of 41 percent" beside seats), so "share" stands alone.  A turnout, a
# majority or a prevalence may be of another base than the figures beside them, so only the readings of figures side
# by side take them (SHARE_VERBS), and the one that names the whole right after the percentage (", a turnout of 62
# percent among the 18.9 million registered": percentages/_pairs._AMOUNTING), not the far-apart one
# (percentages/_sentence.py)
RATE_NOUNS = r"rate|proportion|ratio|percentage|performance|(?:load|cabin|seat)\s+factor|penetration|occupancy|coverage"
# verbs that put a figure as a share: "18.3 million, accounting for 14.9 percent", "a rate of 12 percent"
SHARE_VERBS = (SHARE_OF_WHOLE + r"|meeting|covering|taking|(?:running|operating)\s+at"  # "at 84.1 percent of its capacity"
               r"|an?\s+(?:share|(?:[a-z]+\s+){0,2}?(?:" + RATE_NOUNS + r"|majority|prevalence|turnout))\s+of")

_OF = r"^(?:\s+|\s*,\s*(?=out\s+of\b))(?:(?:out\s+)?of|among)\s+"  # "12 of 20", "12 out of 20", "123 deaths among 1,046
# patients", "3,168,541 votes, out of 10,244,382"
OF = re.compile(_OF + DET + "$", re.I)
# "450 of the council's 1,500 staff": a possessive between "of the" and the whole
OF_OWNER = re.compile(_OF + DET + r"(?:(?-i:[A-Z][\w.-]*)\s+(?:(?-i:of|and)\s+)?){0,3}(?:(?:next|last|this)\s+)?[A-Za-z][\w.-]*['\u2019]s?\s+"
                      r"(?:(?:record|estimated|combined|entire|total|overall)\s+)?$",
                      re.I)  # "of South Korea's", "of the Royal Bank of Scotland's", "of Peru's record", "of next year's"
# "40 percent of the total trade volume of 104.6 billion": the whole named by a noun between two "of"s (or told by its
# worth or sum: "of total exports worth 164.8 billion dollars", "of sales totalling")
OF_NAMED = re.compile(r"^\s+(?:out\s+)?of\s+(?:an?\s+)?" + DET + r"(?:[a-z][a-z'\u2019-]*\s+){1,4}?(?:of|worth|valued\s+at|totall?ing)\s+"
                      + APPROX + "$")
# "55 billion euros of the European Union's 2007 budget of 126.5 billion euros": a part of a whole named by its owner,
# its year and its noun
OF_OWNED_NAMED = re.compile(_OF + DET + r"(?:(?-i:[A-Z][\w.-]*)\s+(?:(?-i:of|and)\s+)?){0,3}[A-Za-z][\w.-]*['\u2019]s?\s+"
                            r"(?:(?:19|20)\d\d(?:/\d\d)?\s+)?(?:[a-z][a-z'\u2019-]*\s+){1,3}of\s+" + APPROX + "$", re.I)

PAREN = re.compile(r"^\s*\(\s*$")

# what a group is, told after its noun and before its share or its part: "the 4,290 people questioned, or 73
# percent", "the 311 people arrested during the weekend riots, about 28 percent", "of the 2,300 adults tested in the
# survey in Lagos, or 583 people"; a year may be told ("since 1998")
GROUP_CLAUSE = re.compile(r"^\s+[a-z](?:[^.;:\d()\u2013\u2014]|(?<=\s)\d{4}\b){0,90}?(?=\s*(?:[,(]|--|\u2013|\u2014))")

EXACT_SHARE_WIDTH = 0.1  # a share word whose table interval is this narrow names one share ("half"), not a span ("most")

OR = re.compile(r"^\s*(?:,\s*or|,?\s+or|\(|--|-|\u2013|\u2014|,\s*(?:" + APPROX_WORDS + r"))\s*$", re.I)

# who a share is given to: "giving it", "giving the German automaker" (two words at most before its noun)
_GIVEN = r"(?:it|him|her|them|the\s+(?:[\w'\u2019.-]+\s+){0,2}?[\w'\u2019.-]+)"
_A_SHARE_OF = r"an?\s+(?:[a-z]+\s+)?(?:share|" + RATE_NOUNS + r")\s+of"

# a figure, then the same figure put another way: "300 (20%)", "700 of them, or 45%", "150 -- or 33 percent",
# "18.3 million, accounting for 14.9 percent", "123 deaths among 1,046 patients, a rate of 12 percent"
OR_PCT = re.compile(r"^\s*(?:,\s*or|,?\s+or|\(|,\s*(?:" + SHARE_VERBS + r"|which\s+(?:is|was))|(?:--|\u2013|\u2014|(?<=\s)-(?=\s))(?:\s*(?:or|which\s+(?:is|was)|" + SHARE_VERBS + r"))?"
                    r"|,\s*" + RATE_MOVERS + r"\s+(?:the|its|their)\s+(?:[a-z]+\s+){0,2}?(?:percentage|" + RATE_NOUNS
                    + r")\s+(?:to|at)|,\s*giving\s+" + _GIVEN + r")\s*" + APPROX + "$", re.I)
# ("402 - about 66 percent -", "4,320 -- which is 21.8 percent --", "-- a share of 30.9 percent", ", taking the pass
# percentage to", ", giving him 55.9 percent")
# (or the share named: ", giving it a market share of 20 percent", read only where the percentage ends its clause,
# not "25 percent by value": another base)
GIVING_SHARE = re.compile(r"\s*,\s*giving\s+" + _GIVEN + r"\s+" + _A_SHARE_OF + r"\s+" + APPROX, re.I)


# the other side of a result, told after the first: "2,329 votes to Thabo Mbeki's ", "263 votes to ", "74 to " (not a
# change's level, "rose 12 percent to ", "by 5,000 tonnes to ")
RIVAL_BEFORE = re.compile(r"\d\s+(?:(?:million|billion)\s+)?(?:(?:electoral|popular)\s+)?(?:votes?\s+|seats?\s+|ballots?\s+)?"
                          r"(?:to|against)\s+(?:(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['\u2019]s?\s+)?$")


def part_ratio(part: Claim, whole: Claim) -> tol.Interval | None:
    return tol.rounded(part).divide(tol.rounded(whole))


def share_of(claim: Claim) -> tol.Interval:
    i = tol.interval(claim)
    return tol.Interval(i.lo / 100, i.hi / 100)


FAR_PAST = 10  # one leading digit mistyped moves a share less than this many times either way


def far_off(part: Claim, whole: Claim, pct: Claim) -> bool:
    """Whether the part's share of the whole is FAR_PAST times the percentage or more, either way: no digit mistyped
    makes that, so the percentage is of another base than these two figures ("retire 24 aircraft by 2010, or 18
    percent of its capacity of 31,000 seats")."""
    whole_value, stated = tol.point(whole), tol.point(pct)
    if whole_value <= 0 or stated <= 0:
        return True
    share = tol.point(part) / whole_value * 100
    return share <= 0 or max(share / stated, stated / share) >= FAR_PAST


def ok_part(c: Claim) -> bool:
    """A part or whole of a share word (NC105): a count stated as one figure, about it or closed near it ("nearly
    5,000": 4,500 to 5,000), or a lower bound ("more than 1,800 of the 2,700": at least two-thirds); not an upper
    one, a limit ("under 5,000")."""
    return c.kind == "count" and c.change is None and c.point is not None and tol.interval(c).lo > float("-inf")


def ok_amount(c: Claim) -> bool:
    """A part or whole of a percentage (NC104): a count, a sum of money or a measure, stated as one figure, perhaps
    a lower bound ("More than 1,800 of the 2,700 homes, or 67 percent": the share is at least 66.7 percent; an
    upper one is more often a limit or an age, "children under five")."""
    return c.kind in ("count", "money", "measure") and c.change is None and c.point is not None \
        and c.qualifier not in ("<", "<=")


def alike(a: Claim, b: Claim) -> bool:
    """Two figures in one kind and unit: a part and its whole ("$12.4bn ... 40 percent of $24.8bn")."""
    return a.kind == b.kind and a.unit == b.unit


def ok_pct(c: Claim) -> bool:
    return c.kind == "percent" and c.unit == "percent" and c.point is not None


# a figure that is the whole of a percentage before it: "1.3 percent of sales of ", "6 percent of the "
WHOLE_OF_A_SHARE = re.compile(r"(?:percent|per\s+cent|%)\s+of\s+[^,;.\d]{0,40}$", re.I)

# after a percentage, nothing that makes it the share of something else: the clause ends ("-- 67.3% of the total.")
CLAUSE_END = re.compile(r"(?:\s+of\s+(?:the|their|its)\s+(?:total|whole|dead))?\s*(?:[,.;:)]|--|\u2013|\u2014|\Z)")


# owners of a base that is wider than a whole told before: "of the country's exports" after a province's
WIDER_OWNERS = frozenset({"country", "nation", "world", "region", "continent", "industry", "market"})
# the base's noun ends its phrase: "of output in May", not "of export earnings", "of toll revenue" (another base)
_NO_NOUN_AFTER = (r"(?!\s+(?!(?:in|at|on|for|from|to|by|during|since|last|this|and|or|while|with|as|of|than|the|a|an)\b)"
                  r"[a-z])")


@lru_cache(maxsize=1)
def _own_base() -> re.Pattern[str]:
    """A percentage that names its own base ("30% of the vote") is a share of that, unless the base points back: to a
    total or output told with the part ("of the group total", "of output", "of arrivals", not "of world output":
    numcheck/data/share_bases.txt), or to them (not "of those who had made up their minds", "of those aged over 60":
    a subset named), or to "that" before its part."""
    bases = alternation(sorted({*words("share_bases.txt"), *words("share_bases_told.txt")}))
    told = alternation(sorted(words("share_bases_told.txt")))  # (these after an owner too: "of the state's toll")
    return re.compile(r"\s+of\s+(?!(?:the\s+)?(?:[a-z]+\s+)?total\b|(?:the\s+)?(?:" + bases + r")s?\b" + _NO_NOUN_AFTER +
                      r"|the\s+(?!(?:" + alternation(sorted(WIDER_OWNERS)) + r")\b)[a-z]+['\u2019]s\s+(?:" + told + r")s?\b" + _NO_NOUN_AFTER +
                      r"|(?:the\s+)?(?:them|those|these|whom|all)\b(?!\s+(?:who|which|that|aged|with|without|in|from|under"
                      r"|over|living|born|[a-z]+ed)\b)|(?:that|this)\s*(?:[,(]|--|\u2013|\u2014))", re.I)
    # ("85 pct of that -- 3.9 billion dollars --": of the figure before)


def own_base(text: str, pct: Claim) -> bool:
    """A percentage of a base it names itself ("30% of the vote"), which is no share of the figures around it."""
    return bool(_own_base().match(text, subject_end(text, pct)) or _own_base().match(text, pct.end))


def nouns_alike(part: str, whole: str) -> bool:
    """counts_alike of the nouns a part and a whole are told by."""
    if not part or not whole:
        return True
    heads = {singular(head_noun(part)), singular(head_noun(whole))}
    return len(heads) == 1 or heads <= toll_nouns() or heads <= _persons() \
        or singular(head_noun(whole)) in words("whole_nouns.txt")  # ("Peru's population ... 7.82 million")


@lru_cache(maxsize=1)
def _persons() -> frozenset[str]:
    """Nouns for persons (numcheck/data/person_nouns.txt, person_wholes.txt): a whole of some is a whole of others."""
    return frozenset(words("person_nouns.txt")) | person_wholes()
