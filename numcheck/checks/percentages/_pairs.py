"""A part and its percentage side by side whose whole stands elsewhere (NC104), read as trios: "309 (20%)" of a
whole before them, "62 percent, or 526" after one, and the sentence's figure put as a share further on."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...datafiles import table, words
from ...model import Claim
from ...text import alternation, head_noun, singular
from .._common import (BOUND_WORDS, OF_THEM, of_a_word_before, OWNER_NAMED_BY_NOUN, gap, opens_paragraph, past_where_held,
                       subject_end)
from ..base import Context
from ._common import (APPROX, APPROX_WORDS, CLAUSE_END, DET, MERELY_WORDS, OR_PCT, RATE_NOUNS, SHARE_OF_WHOLE, alike, far_off,
                      ok_amount, ok_pct, own_base)
from ._trio import TOLD_OUT_OF, Trio, whole_of
from ._whole import (COMPARED_AFTER, alike_further_back, subject_figure, whole_after_pairs, whole_before,
                     whole_of_the_first_pair)


_COMMA = re.compile(r"\s*,\s*")
_OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the|their|its)\s+total\b", re.I)
_DASHED = re.compile(r"\s*(?:--|\u2013|\u2014)")
# "62 percent, or 526": the percentage, then the part it is
_OR_PART = re.compile(r"\s*(?:,\s*or|\()\s*" + APPROX)
# the share of the whole before, then its part set off on its own: "55 percent of them, some 15.5 million,", "85 pct of
# that -- 3.9 billion dollars --", "17.6 percent were German -- 4.1 million people,"; the part must end its phrase
# there (_PART_ENDS: not "30 percent are women -- 250 of them in the assembly plant", "-- 350 from China alone")
_SET_OFF_PART = re.compile(r"\s+of\s+(?:them|it|these|those|that|this)\s*(?:,\s*or|\(|,|--|\u2013|\u2014)\s*" + APPROX
                           + r"|(?:\s+(?:were|was|are|is)\s+[A-Za-z][\w-]*)?\s*(?:--|\u2013|\u2014|\s-)\s*" + APPROX)
_PART_ENDS = re.compile(r"\s*(?:[,.;)]|--|\u2013|\u2014|\s-\s|$)")
# what the part is, told between it and its percentage: "Of 254 passengers, 51 were injured, or 20 percent"
# (after the part's noun, perhaps with an age: "2.66 million people aged 60 or above, or nearly 20 percent", "9,600
# children under five, or 20 percent"), by a verb in -ed or another past (numcheck/data/irregular_past.txt: "28.2
# million took part in Sunday's runoff, a turnout of 75 percent", '13.28 million were "yes" votes -- 96.9 percent --'; not who said what, "2.1 million said yes, a turnout of
# 71 percent": a turnout is of all who voted)
_PAST, _SAYING = frozenset(words("irregular_past.txt")), frozenset(words("attribution_verbs.txt"))
_TOLD = re.compile(r"\s+(?:[a-z]+\s+)?(?:(?:were|was|are|is|had|have|has)\s+[\"\u201c]?[A-Za-z][\w-]*[\"\u201d]?|[a-z]+ed|"
                   + alternation(sorted(_PAST - _SAYING)) + r"|" + alternation(BOUND_WORDS) + r"\s+[a-z0-9-]+)"
                   r"(?:\s+(?:[a-z0-9][\w-]*|[A-Z][\w.-]*(?:['\u2019]s)?)){0,7}(?=\s*(?:,|\(|\s-\s|\s--|\s?[\u2013\u2014]))")
# ("9.2 million flew with its low-cost offshoot Jetstar (29.6 percent)")
# where or when a part "of them" lies, before its percentage: "took 493 of them on home soil, or 61.6 percent", "9,400
# kg of it at the port of Rotterdam (61.8%)"
_THEIR_PHRASE = re.compile(r"\s+(?:in|on|at|from|during|for|against|with|by)\s+[^,;:.()\d]{1,40}(?=\s*[,(])", re.I)
# what a part "of them" is, in a word or three, before its percentage: "86 of them gold, or 35 percent", "55 of them
# Boeing jets, or 37.5 percent"
_THEIR_STATE = re.compile(r"\s+[A-Za-z][\w.-]*(?:\s+[A-Za-z][\w.-]*){0,2}(?=\s*(?:,|--|\u2013|\u2014))")  # ("91 of them U.S. troops")
# ... then the percentage set off by "or" alone (not "an occupancy rate of", a rate of its own), with no base or place
# of its own after it (not "or 41.7 percent, of those refused asylum", "12.4 percent, on the busiest routes")
_OR_ONLY = re.compile(r"\s*(?:,\s*or|--|\u2013|\u2014)\s+" + APPROX, re.I)  # (or a dash: "17 of them civilians -- 74 percent")
_BRACKETS_NAMED = re.compile(r"\bin\s+(?:brackets|parenthes[ie]s)\b", re.I)


def _rate_of_the_state(state: str, rest: str) -> bool:
    """Whether the rate set off after the parts' state is the rate of that state ("61 of them fatal, a case fatality
    rate of 0.97 percent", "412 of them occupied, an occupancy rate of"): the share itself, by its name."""
    m = _STATE_RATE.fullmatch(rest)
    word = state.split()[-1].lower()
    stem = word[:5]
    return m is not None and len(stem) == 5 and (stem in m.group("name").lower()
                                                   or any(n in m.group("name").lower() for n in _rate_names().get(word, ())))


@lru_cache(maxsize=1)
def _rate_names() -> dict[str, tuple[str, ...]]:
    """numcheck/data/state_rate_names.tsv: a state's other rate names ("fatal": a death rate)."""
    return {state: tuple(names.split()) for state, names in table("state_rate_names.tsv", ("state", "names"))}


# a rate set off by a comma, named: ", a case fatality rate of "
_STATE_RATE = re.compile(r"\s*,\s*an?\s+(?P<name>(?:[a-z-]+\s+){1,2})(?:rate|ratio|proportion)\s+of\s+" + APPROX, re.I)
_AMONG_THEM = re.compile(r",\s*(?:among\s+them|including)\s+" + APPROX + r"\Z", re.I)
_BASE_AFTER = re.compile(r"\s*,\s*(?:of|in|on|at|by|among|for|from|across|between)\b", re.I)
# a percentage told as the share and nothing more: "or 61.6 percent," (not "or 25 percent more than a year ago", "or 10
# percent of all goals in the fixture")
_PLAIN_SHARE = re.compile(r"\s*(?:[,.;)]|--|\u2013|\u2014|$)|\s+of\s+(?:the|his|her|its|their)\s+(?:total|dead|victims|deaths|toll)\b",
                          re.I)  # ("17 of them civilians -- 74 percent of the dead --": of them)
# a percentage that says what share the sentence's figure is: "... amounting to only 32% of the 5.8 million",
# ", which is 38 percent of the 8.4 million", ", 36 percent of the global total of", ", giving the German group 17
# percent of the", ", a 56 percent share of the 858 jets" (_SHARE_NOUN), ", a turnout of 62 percent among the"
# (not all of SHARE_VERBS: "so it was taking 32% of the 5.8 million" is not read so; and "only" or "just" may stand
# before the percentage here, "accounting for just 32% of", as APPROX has it not)
_AMOUNTING = re.compile(r"(?:\b(?:amounting\s+to|represents|represented|" + SHARE_OF_WHOLE + r")\s+"
                        r"|,\s*(?:or\s+|which\s+(?:is|was)\s+|giving\s+(?:[a-z]+\s+){1,3}?(?:an?\s+)?"
                        r"|an?\s+(?:(?:[a-z]+\s+)?(?:" + RATE_NOUNS + r"|turnout)\s+of\s+)?)?)"
                        r"(?:(?:" + MERELY_WORDS + r"|more\s+than|less\s+than|" + APPROX_WORDS + r")\s+)?\Z", re.I)

# the whole after the percentage: "of the 5.8 million", "of Indonesia's 5.32 million", "of the total 2.18 trillion",
# or named ("of China's total exports of", "of the world total of", "of its total import bill of"); not a share of
# a worth ("of the value of")
_OF_WHOLE = re.compile(r"^\s+(?:of|among)\s+(?:[A-Z][\w.-]*['\u2019]s?\s+|" + OWNER_NAMED_BY_NOUN + r"|(?:an?\s+)?" + DET + r")"
                       r"(?:(?:(?!value\b|worth\b)[a-z][a-z'\u2019-]*\s+){1,5}of\s+)?" + APPROX + r"$")
# what follows such a share before its whole, other than "of": "giving it an 11.2 percent share of the"
_SHARE_NOUN = re.compile(r"^\s+share\s+(?=of\s)", re.I)


# a percentage whose own words say it is the part put another way: "240,000 tonnes, nearly 39 percent,", "bought
# 241,000, equal to 47 percent"
_WORDED = re.compile(r"(?:equal|equivalent)\s+to\s", re.I)


def _amounting_before(text: str, at: int) -> bool:
    """_AMOUNTING before ``at``, read over 40 characters, or over 120 where who gave the figures was blanked to spaces
    after its opening comma ("voted in the election,                              a turnout of 62 percent among the
    18.9 million": checks/_asides)."""
    near = max(0, at - 40)
    if _AMOUNTING.search(text, near, at):
        return True
    return "  " in text[near:at] and _AMOUNTING.search(text, max(0, at - 120), at) is not None


def apposed(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """A part with its percentage in apposition ("309 (20%)", "51 were injured, or 20 percent"), of a whole
    stated before them (whole_before), after a list of such pairs (whole_after_pairs) or with the first of them
    (whole_of_the_first_pair); a percentage in ``done``
    is read already, and each one read here is added."""
    text = ctx.text
    for i in range(1, len(cl)):
        k = past_where_held(text, cl, i - 1)
        part, pct = cl[k], cl[i]  # (past a count of where the part lies: "210,952
        # live in the country's 12 official camps, roughly 53 percent")
        if id(pct) in done or not (ok_amount(part) and ok_pct(pct) and pct.change is None) \
                or _BRACKETS_NAMED.search(text, ctx.sentences.span(part.start)[0], part.start):
            continue  # (nor where the sentence says what its brackets hold: "with share of the national vote in
            # brackets: Justice and Development Party (AKP) 363 (34.3 percent)")
        pointed = of_a_word_before(ctx, part)  # ("32,870 of the displaced", where the sentence before says "displaced")
        them = OF_THEM.match(text, part.end) or pointed
        between = text[them.end():pct.start] if them else gap(text, part, pct) if k == i - 1 else gap(text, cl[i - 1], pct)
        plain = (them or _AMONG_THEM.search(text, max(0, part.start - 16), part.start)) \
            and _PLAIN_SHARE.match(text, pct.end)  # ("cut 1,150 jobs, among them 380 in its investment arm, about 33
        # percent of the total": a part told as some of them, then where it lies)
        told = _TOLD.match(between) or (_THEIR_PHRASE.match(between) if plain else None)
        if told is None and plain and not _BASE_AFTER.match(text, pct.end):
            state = _THEIR_STATE.match(between)
            told = state if state and (_OR_ONLY.fullmatch(between, state.end())
                                       or _rate_of_the_state(state.group(0), between[state.end():])) else None
        between = between[told.end():] if told else between
        if told and _DASHED.match(between) and not CLAUSE_END.match(text, pct.end):
            continue  # (after a dash the percentage is the share alone: '13.28 million were "yes" votes -- 96.9 percent
            # --', not "276 were children -- 12% of the total for the region")
        approx = _COMMA.fullmatch(between) and (pct.qualifier in ("~", "<", "<=") or _WORDED.match(pct.text)
                                                 or (them and _one_larger_before(ctx, cl, k))
                                                 or _OF_THE_TOTAL.match(text, pct.end)) \
            and CLAUSE_END.match(text, pct.end)  # (", 77.2 percent of the total,": the share, said so)
        if not (OR_PCT.match(between) or approx) or own_base(text, pct) or COMPARED_AFTER.match(text, pct.end):
            continue  # ", about 66 percent,", "360,000 tonnes of it, 47 percent,": a bare comma before a percentage
            # about the share, or after a part told "of them" (not "... of them under 30",
            # nor a change, "9.6 million tonnes, or 4 percent more than a year earlier")
        whole = whole_before(ctx, cl, k, pct) or whole_after_pairs(text, cl, i) or whole_of_the_first_pair(text, cl, i)
        if whole is not None and whole.end < part.start and _of_a_named_base(text, part, whole) and not pointed:
            continue  # "Of the 3,200 workers ..., 2,400 ... are from India, and 600 of the Indians, or 25 percent": of
            # the base it names
        if whole is not None and _OF_THE_TOTAL.match(text, pct.end) and _a_total_told(ctx, cl, part, whole):
            continue  # "total rice exports would reach 4.2 million tonnes. Shipments to Africa ... stand at 1.6 million
            # tonnes, with 690,000 tonnes, 16 percent of the total, ...": the total told as one
        if whole is not None:
            done.add(id(pct))
            yield Trio(part, whole, pct, pct)


_OF_A_NAMED_BASE = re.compile(r"\s+of\s+the\s+([A-Za-z]+)\b")


def _of_a_named_base(text: str, part: Claim, whole: Claim) -> bool:
    """Whether the part is told "of the" noun of another base than the whole's ("Of the 3,200 workers, ... 600 of the
    Indians"; not "of those deaths", "of the workers": the whole again)."""
    m = _OF_A_NAMED_BASE.match(text, part.end)
    noun = singular(head_noun(whole.subject).lower()) if whole.subject else ""
    return m is not None and singular(m.group(1).lower()) not in (noun, "total")


def _a_total_told(ctx: Context, cl: list[Claim], part: Claim, whole: Claim) -> bool:
    """Whether another figure like the part, in its sentence or the one before, is told as a total ("total rice
    exports would reach"): "of the total" may be of it."""
    text = ctx.text
    s0 = ctx.sentences.span(part.start)[0]
    p0 = ctx.sentences.span(s0 - 1)[0] if s0 else s0
    return any(c is not whole and c is not part and p0 <= c.start < part.start and alike(c, part)
               and _TOTAL_WORD.search(text, max(p0, c.start - 40), c.start) for c in cl)


_TOTAL_WORD = re.compile(r"\btotal\b", re.I)


def _one_larger_before(ctx: Context, cl: list[Claim], k: int) -> bool:
    """Whether one figure only, in the part's sentence before it, is like it and larger: the one "of them" points at
    ("bought 767,000 tonnes ..., and U.S. suppliers provided 360,000 tonnes of it, 47 percent"; not "Of the 1,500
    workers, 300 are contract staff, 20 percent, and 90 of them, 30 percent": of the 300)."""
    part = cl[k]
    s0 = ctx.sentences.span(part.start)[0]
    larger = [c for c in cl[:k] if c.start >= s0 and c.kind == part.kind and c.unit == part.unit and ok_amount(c)
              and c.point is not None and part.point is not None and c.point > part.point]
    return len(larger) == 1


def part_after(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """ "The poll of 1,012 adults found 62 percent, or 526, ...": the percentage, then its part, of a whole
    stated before them as whole_before reads it (a percentage in ``done`` is read already; each one read here is added)."""
    for i in range(1, len(cl)):
        pct, part = cl[i - 1], cl[i]
        g = gap(ctx.text, pct, part)
        if id(pct) in done or not (ok_pct(pct) and pct.change is None and ok_amount(part)) or own_base(ctx.text, pct) \
                or not (_OR_PART.fullmatch(g) or _SET_OFF_PART.fullmatch(g)
                        and _PART_ENDS.match(ctx.text, subject_end(ctx.text, part))):
            continue
        whole = whole_before(ctx, cl, i, pct)
        if whole is None and _OF_THAT.match(ctx.text, pct.end):
            whole = _last_before(ctx, cl, i - 1, part)  # "earned 4.6 billion dollars ... Copper made up 85 pct of that
            # -- 3.9 billion dollars --": the figure the sentence before is about
        if whole is not None:
            done.add(id(pct))
            yield Trio(part, whole, pct, part)


_OF_THAT = re.compile(r"\s+of\s+(?:that|this)\b", re.I)


def _last_before(ctx: Context, cl: list[Claim], k: int, like: Claim) -> Claim | None:
    """The one figure like ``like`` in the sentence before ``cl[k]``'s, in its paragraph, as subject_figure reads it,
    with no figure in ``cl[k]``'s sentence before it: "Labor won 83 seats. That is ..." (not "The party won 83 seats,
    and its allies 12. That is ...": the two together, perhaps)."""
    s0 = ctx.sentences.span(cl[k].start)[0]
    if s0 == 0 or opens_paragraph(ctx.text, s0):
        return None
    since = ctx.sentences.span(s0 - 1)[0]
    j = k
    while j > 0 and cl[j - 1].start >= since:  # back over the two sentences only (linear in them)
        j -= 1
        if cl[j].start >= s0 and ok_amount(cl[j]):
            return None
    alike = [c for c in cl[j:k] if c.start < s0 and c.kind == like.kind and c.unit == like.unit and ok_amount(c)]
    return subject_figure(ctx, cl, k, like, since=since) if len(alike) == 1 else None


def share_further_on(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """ "700,000 people ... up from 440,000 ... amounting to only 32% of the 5.8 million": the sentence's figure
    put as a share of a whole named after the percentage (a percentage in ``done`` is read already; each one read
    here is added)."""
    for k, pct in enumerate(cl[:-1]):
        whole = cl[k + 1]
        if id(pct) in done or not (ok_pct(pct) and pct.change is None and ok_amount(whole)) \
                or not _amounting_before(ctx.text, pct.start) \
                or not _OF_WHOLE.match(_SHARE_NOUN.sub(" ", ctx.text[pct.end:whole.start], count=1)):
            continue
        part = subject_figure(ctx, cl, k, whole)
        before = next((cl[i - 1] for i in range(1, k) if cl[i] is part), None)
        if part is not None and before is not None and (whole_of(ctx.text, before, part)
                                                        or TOLD_OUT_OF.match(gap(ctx.text, before, part))):
            continue  # "take 2.1 million of Iraq's 2.6 million barrels per day of output off the market, or 2.8 percent
            # of world demand of about 75 million bpd": the figure is the whole of the part before it (or "45,200
            # students have been admitted ... out of 72,400 who sat the exam, an enrolment rate of 58 percent of the
            # 77,900 who registered": the rate is the part's)
        if part is not None and far_off(part, whole, pct):
            continue  # another base: "retire 24 aircraft by 2010, or 18 percent of its capacity of 31,000 seats",
            # "3,000 people, or 10 percent of the residents of 12 villages"
        if part is not None:
            done.add(id(pct))
            yield Trio(part, whole, pct, pct)


# a sentence that opens by putting the figure before it as a share: "That is 55 percent of the 150 seats", "That
# represents 52.45 percent of the 8,625,885 valid votes cast", "That was 70 percent of the world's output of", "The
# figure is equal to 12.6 percent of a labour force of 41.4 million"
_NAMED_OPENER = re.compile(r"\s*The\s")  # "The figure is", "The total was": a figure named, not pointed at
_THAT_IS = re.compile(r"\s*(?:That|This|It|The\s+(?:figure|number|total|amount|sum|tally))\s+(?:is|was|represents|represented"
                      r"|means|meant|amounts\s+to|amounted\s+to|equals|equalled|equaled|(?:is|was)\s+equal\s+to"
                      r"|gives\s+(?:it|them|him|her)|gave\s+(?:it|them|him|her))\s+"
                      r"(?:(?:only|just|more\s+than|less\s+than|" + APPROX_WORDS + r")\s+)?", re.I)  # ("That gives it 97.6 percent of")


def share_of_the_last(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """ "Labor won 83 seats. That is 55 percent of the 150 seats": the figure the sentence before is about (as
    subject_figure reads it), put as a share of a whole named after the percentage by a sentence that opens by
    pointing back at it, in the same paragraph (a percentage in ``done`` is read already; each one read here is
    added)."""
    text = ctx.text
    for k, pct in enumerate(cl[:-1]):
        whole = cl[k + 1]
        if id(pct) in done or not (ok_pct(pct) and pct.change is None and ok_amount(whole)):
            continue
        s0 = ctx.sentences.span(pct.start)[0]
        if not _THAT_IS.fullmatch(text, s0, pct.start) \
                or not _OF_WHOLE.match(_SHARE_NOUN.sub(" ", text[pct.end:whole.start], count=1)):
            continue
        part = _last_before(ctx, cl, k, whole)
        if part is not None and _NAMED_OPENER.match(text, s0) and alike_further_back(ctx, part, ctx.sentences.span(part.start)[0]):
            continue  # "The total is" may point further back than the sentence before: "... produced 3.70 million
            # vehicles. Hyundai Motor accounted for 1.68 million. The total is 5.6 percent of a global output of"
        if part is not None and not far_off(part, whole, pct):
            done.add(id(pct))
            yield Trio(part, whole, pct, pct)


# from a share told first to its part: " of the teaching staff at Turkey's state universities, ", " of Spain's
# population, " (what it is a share of, no figure, then a comma)
_SHARE_OF_THEN = re.compile(r"\s+of\s+[^\d,;:()]{1,80},\s*(?:some\s+|about\s+)?$", re.I)
# from the part to its whole: " of ", " of its ", " out of "
_PART_OF_WHOLE = re.compile(r"\s+(?:out\s+)?of\s+(?:its\s+|their\s+|the\s+)?$", re.I)


def shares_told_first(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """A share told first, then the part "of" the whole it is, set off after what it is a share of: "Women make up 38
    percent of the teaching staff at Turkey's state universities, 4,256 of 11,200", "5.2 percent of Spain's
    population, 2.28 million of 43.8 million" (a percentage in ``done`` is read already; each read here is added)."""
    text = ctx.text
    for pct, part, whole in zip(cl, cl[1:], cl[2:]):
        if id(pct) in done or not (ok_pct(pct) and pct.change is None and ok_amount(part) and ok_amount(whole)) \
                or not _SHARE_OF_THEN.match(text[pct.end:part.start]) \
                or not _PART_OF_WHOLE.fullmatch(text, part.end, whole.start) \
                or not (alike(part, whole) or part.kind == "count" and not part.unit and whole.kind != "percent") \
                or CLAUSE_END.match(text, whole.end) is None and not whole.subject \
                or another_tally(text[pct.end:part.start], whole) \
                or not _base_named_again(text[pct.end:part.start], whole):
            continue
        done.add(id(pct))
        yield Trio(part, whole, pct, pct)


def another_tally(base: str, whole: Claim) -> bool:
    """Whether the pair counts seats or votes and the share is not of them, or the share is of the vote and the pair
    not: "won 35.2 percent of the vote, 356 of the 646 seats", "59 percent of the vote, 20 of the 23 states" (two
    results of one election, each of its own base)."""
    noun = singular(head_noun(whole.subject).lower()) if whole.subject else ""
    of_the_vote = bool(_OF_THE_VOTE.search(base))
    return noun == "seat" and "seat" not in base.lower() or noun in _VOTE_NOUNS and not of_the_vote \
        or of_the_vote and noun not in _VOTE_NOUNS


_VOTE_NOUNS = frozenset({"vote", "ballot"})  # ("88 percent of the vote, 854,316 of the 2,248,000 valid ballots": one)


def _base_named_again(base: str, whole: Claim) -> bool:
    """Whether the pair's whole counts what the share is of: no noun of its own ("4,256 of 11,200", "2.28 million of
    43.8 million") or the share's own ("of the staff, 300 of its 1,200 staff"); not another thing counted ("27 percent
    of the value of imports, 1,840 of the 9,200 containers": a share by value beside a count)."""
    if _BY_VALUE.search(base):
        return False
    if not whole.subject:
        return True
    noun = singular(head_noun(whole.subject).lower())
    named = {singular(w) for w in re.findall(r"[a-z]+", base.lower())}
    staff = _staff_words()  # ("41.5 percent of the ministry's workforce, 2,905 of 7,000 employees": one workforce)
    return noun in named or noun in staff and bool(named & staff)


@lru_cache(maxsize=1)
def _staff_words() -> frozenset[str]:
    """numcheck/data/workforce_words.txt: the words for one workforce."""
    return frozenset(words("workforce_words.txt"))


_BY_VALUE = re.compile(r"\b(?:by\s+value|value|worth)\b", re.I)
_OF_THE_VOTE = re.compile(r"\b(?:vote|votes|ballots)\b", re.I)
