"""A run of parts told one by one and its total (NC109): the total after them ("£2m and £3m, a total of £5m"),
before them ("five people - three men and two women"), or at their head ("A total of 7,629 candidates, 6,482 men
and 1,147 women")."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Claim
from ...text import alternation, compound_noun, head_noun
from .._common import compared_before, gap, held_in, of_its_whole, subject_end
from ..base import Context
from ._parts import (A_RATE, CALENDAR_WORDS, GOES_ON, PLACE, REST_BEFORE, REST_WORDS, RUNNING_TOTAL, Sum, alike_figure, collective,
                     counted_in, elided, holders_named, holds_parts, part_ok, phrases_alike, places_of_people, told_of, whole_ok)


def runs_with_totals(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Every run of parts joined by ", " / " and " in one sentence, read with the total after, before or at its head."""
    i = 0
    while i < len(cl):
        j = _run_end(ctx, cl, i)
        if j > i and phrases_alike(ctx.text, cl[i:j + 1]):
            yield from _totals_of(ctx, cl, i, j)
            i = j + 1
        else:
            i += 1


# a noun phrase, and nothing else, between a count and the next figure: " candidates "
_NOUN_ONLY = re.compile(r"^\s+(?:[a-z][\w-]*\s+){1,3}$")


def names_group(text: str, cl: list[Claim], k: int) -> bool:
    """A bare count between two figures of another kind or scale, after "other", or in words before digits, that
    names who the second is of: "Poe 3.7 million and the other three candidates 2.4 million", "and the other 12
    parishes 474", "the Greens 6 and four minor parties 10 between them"."""
    if not 0 < k < len(cl) - 1:
        return False
    before, c, after = cl[k - 1], cl[k], cl[k + 1]
    named = _GROUP_NOUN.match(text[c.end:after.start])
    return c.kind == "count" and after.kind == before.kind and after.unit == before.unit \
        and (_scale(c) != _scale(before) and _scale(after) == _scale(before) and _far_smaller(c, before)
             and bool(_NOUN_ONLY.match(text[c.end:after.start]))
             or bool(named and (_OTHER_BEFORE.search(text, max(0, c.start - 16), c.start)
                                and not (_in_words(after) and not _in_words(c))  # (not "the remaining 61 divided
                                # among three smaller groups": the count in words is of who holds the 61)
                                or _in_words(c) and not _in_words(after)))
             or _in_words(c) and (not _in_words(after) or bool(c.subject)) and bool(_OTHER_NEXT.match(text, c.end, after.start)))
    # ("while the kingdom's nine other governorates were home to 1,458,712", "Two smaller parties won the other eight")


def _far_smaller(c: Claim, before: Claim) -> bool:
    """A count three orders of magnitude or more below the figure before it: how many hold the next ("the other three
    candidates 2.4 million"), not a part of its own written without the scale ("Europe 2.83 million, the Americas
    870,000 and other regions 1.75 million")."""
    return c.point is not None and before.point is not None and abs(c.point) * 1000 <= abs(before.point)


def _in_words(c: Claim) -> bool:
    """A figure written in words alone ("four"), no digit in it."""
    return not any(ch.isdigit() for ch in c.text)


# the rest of a group named by its count: "St. Catherine 378 and the other 12 parishes 474"
_OTHER_BEFORE = re.compile(r"\b(?:other|remaining)\s+$", re.I)
_OTHER_NEXT = re.compile(r"\s+(?:[a-z]+\s+){0,4}?(?:the\s+)?(?:other|remaining)\s+[^\d,;:.()]{0,60}$", re.I)  # "nine other
# governorates were home to ", "Three smaller parties won the other "
_GROUP_NOUN = re.compile(r"^\s+(?:(?!(?:of|the|in|from|to|at|by|with|for|on|into)\b)[a-z][\w-]*\s+){1,2}(?:(?:for|at)\s+)?$")  # "parishes
# ", "makers for " (the verb left out: "Honda for 98,441 and the other six makers for 433,063"), not "seats of the ",
# nor "came from " ("the other 99 came from 16 countries": the 99 is a part)


def _scale(c: Claim) -> float:
    """The multiplier a figure is written with ("3.7 million": 1e6), 1 for none."""
    return nf.scale_factor(c) or 1.0


# the total, then the words that say it is one: "310,000 in all", "£1.1bn in total"
TOTAL_AFTER_WORDS = r"in\s+all|in\s+total|altogether|combined"
_TOTAL_AFTER = re.compile(r"\s+(?:" + TOTAL_AFTER_WORDS + r")\b", re.I)


def _run_end(ctx: Context, cl: list[Claim], i: int) -> int:
    """The index of the last part of the run that starts at ``cl[i]`` (``i`` itself when none joins it).  The first
    may be a change whose verb the next parts leave out ("will cut 1,000 jobs at Luton, 500 at Ellesmere Port and 900
    at Bochum, a total of 2,400"): each is a cut."""
    j = i
    while j + 1 < len(cl) and joined(ctx, cl[j], cl[j + 1], first=whole_ok if j == i else part_ok) \
            and not _TOTAL_LEAD.search(ctx.text, max(0, cl[j + 1].start - 20), cl[j + 1].start):
        j += 1
    if j > i + 1 and _TOTAL_AFTER.match(ctx.text, subject_end(ctx.text, cl[j])):
        j -= 1  # "23 gold, 17 silver and 12 bronze medals, 52 in all": the last of the run is the total
    return j


# a figure told as the total of the run before it: "won 251 seats and the Greens 55, together 306 in the ..."
_TOTAL_LEAD = re.compile(r"\b(?:together|combined|altogether|in\s+all|a\s+total\s+of)\s+$", re.I)
# a part added to the one before: "2,200 teachers in January and another 1,800 in September"
_ANOTHER = r"(?:another|a\s+further)\s+"
_FURTHER = "(?:" + _ANOTHER + ")?"
# who tells the next part, in lower case: "won 14,218,906 votes and his challenger 12,702,377", "Industry used 5,410
# gigawatt-hours, households 2,630 and commerce 1,184", "destroyed 3,460 homes and damaged another 11,285"; words that
# are no function word (numcheck/data/stopwords.txt: not ", filling all 650"), no participle in -ing and no verb of
# saying ("1,200 people died, and police said 300"), perhaps hyphened ("and semi-manufactured products 1.4 billion")
# and with the "for" of a verb left out ("The navy accounted for 71 tonnes, the police for 38 tonnes")
_TELLER_WORD = r"(?!(?:{stop}|said|says|say|told|added|reported)\b)(?![a-z]+ing\b)[a-z]{{2,}}(?:-[a-z]+)*\s+"
# the first part's time, told before the next: "Heathrow handled 68.1 million passengers last year, Gatwick 35.2
# million"
_TIME_TOLD = r"(?:(?:last|this)\s+(?:year|month|week|season|quarter)\s*|in\s+(?:19|20)\d\d\s*)?"
# between parts, which a name may open: "1,234 cases, Vietnam 412 and Thailand 113", "and imports from Malaysia 9.1
# billion", "Labour on 311 seats, the Conservatives on 246 and the Liberal Democrats on 48", "the opposition Democrats
# 87", "the Kurdish alliance 75", "India for 225" (a name with its noun, or the "for" of a verb left out)
# a teller's name of up to four capitalised words, perhaps with a little word between them ("the opposition Movement for
# Democratic Change 57", "the Kita and Fana zones 85,000")
_TELLER_NAME = r"[A-Z][\w'\u2019.-]*\s+(?:(?:(?:of|for|the|and|de|del|du)\s+)?[A-Z][\w'\u2019.-]*\s+){{0,3}}"
_JOIN = (r"^\s*(?:(?:{state})\s*)?" + _TIME_TOLD + r"(?:,|,?\s+and|,?\s+plus|\s+as\s+well\s+as)\s+" + _FURTHER + r"(?:(?:{state})\s+)?" +
         r"(?:(?:(?:the|his|her|their|its)\s+)?(?:{teller}){{1,3}}(?:for\s+)?(?:(?<!ed\s)$|" + _ANOTHER + r"))?"
         r"(?:(?:(?:the|its|his|her|their)\s+)?(?:{teller}){{0,2}}(?:(?:from|to|in)\s+)?" + _TELLER_NAME + r"(?:{teller}){{0,2}}(?:at\s+|for\s+)?|(?:the\s+)?(?:(?:[A-Z][\w'\u2019-]*\s+){{1,3}}|other\s+[a-z]+\s+|independents\s+)"
         r"(?:on|with|took|won)\s+)?$")


@lru_cache(maxsize=1)
def _join() -> re.Pattern[str]:
    """_JOIN with its teller words, which leave out the lexicon's stopwords."""
    from ...extract.lexicon import lexicon

    teller = _TELLER_WORD.format(stop=alternation(sorted(lexicon().stopwords)))
    return re.compile(_JOIN.format(teller=teller, state=_states()))


@lru_cache(maxsize=1)
def _states() -> str:
    """numcheck/data/part_states.txt as an alternation: "dead", "missing", "wounding"."""
    return alternation(sorted(_states_set()))


def one_state_of_several(text: str, parts: list[Claim], total: Claim) -> bool:
    """A total told in a state ("28 dead") after parts told in several ("9 dead and 60 wounded"): of one of them (not
    a total told in them all: "a total of 36 dead or missing")."""
    if not _state_of(text, total) or states_joined().match(text, total.end):
        return False
    return len({_state_of(text, p) for p in parts} - {""}) > 1


@lru_cache(maxsize=1)
def states_joined() -> re.Pattern[str]:
    """Two states joined after a figure: " dead or missing", " killed and injured"."""
    return re.compile(r"\s+(?:" + _states() + r")\s+(?:or|and)\s+(?:" + _states() + r")\b", re.I)


def _state_of(text: str, part: Claim) -> str:
    """The state a part is told in: its subject ("9 dead") or the word after it ("60 wounded"), else ""."""
    if part.subject and part.subject.lower() in _states_set():
        return part.subject.lower()
    at = subject_end(text, part)
    m = _state_after().match(text[at:at + 40])  # (its pattern is anchored at the start of a gap)
    return m.group(0).split()[-1].lower() if m else ""


@lru_cache(maxsize=1)
def _states_set() -> frozenset[str]:
    from ...datafiles import words

    return frozenset(words("part_states.txt"))


@lru_cache(maxsize=1)
def _state_after() -> re.Pattern[str]:
    """A part's state right after it, before the total: "93,836 missing, a total of"."""
    return re.compile(r"^\s+(?:still\s+)?(?:" + _states() + r")\b", re.I)


# between parts each told with its place or time: "19 people in Haiti, 8 in the Dominican Republic and 4"
_PLACE_JOIN = re.compile(r"^\s*" + PLACE + r"\s+" + _FURTHER + "$", re.I)


def joined_text(g: str) -> bool:
    """Whether the words between two parts join them as a list (_JOIN, _PLACE_JOIN)."""
    return bool(_join().match(g) or _PLACE_JOIN.match(g))


def joined(ctx: Context, a: Claim, b: Claim, first: Callable[[Claim], bool] = part_ok) -> bool:
    """Two parts said one after the other in one sentence: "3 men and 2 women", "19 in Haiti, 8 in ..." (``first``:
    what the first may be)."""
    g = gap(ctx.text, a, b)
    return first(a) and part_ok(b) \
        and (joined_text(g) or bool(_PARALLEL_GAP.match(g)) and told_in_parallel(ctx.text, a, b)) \
        and ctx.sentences.index(a.start) == ctx.sentences.index(b.start)


# a part's own phrase, perhaps after its verb, then a comma or "and" before the next: " had returned home from Guinea,
# ", " in the league, " (joined only where the next part's phrase opens with the same word: _told_in_parallel)
_PARALLEL_GAP = re.compile(r"^\s+(?:[a-z]+\s+){0,3}?(?:in|from|to|at|on|for|with|by|through|via|into)\s+[^,;:.()\d]{1,40}?"
                           r"(?:,|,?\s+and)\s+$", re.I)


def _totals_of(ctx: Context, cl: list[Claim], i: int, j: int) -> list[Sum]:
    """The run ``cl[i:j + 1]`` with the total after it or before it, or else (of three or more) at its head."""
    parts = cl[i:j + 1]
    k = j + 1
    while k < len(cl) and compound_noun(ctx.text, cl[k].end):
        k += 1  # "for a four-round total of 273": a size in a compound modifier is neither part nor total
    after = _total_after(ctx.text, parts, cl[k]) if k < len(cl) else None
    if after is not None and i > 0 and (_begun_before(ctx, cl[i - 1], parts[0])
                                        or _like_before(ctx, cl[:i], parts, after.total)):
        after = Sum(after.parts, after.total, including=True)
    if after is not None and tol.point(parts[0]) > tol.point(after.total) and not told_of(ctx.text, parts[0]) \
            and not _RESPECTIVELY.match(gap(ctx.text, parts[-1], after.total)) \
            and not (_AND_ONLY.fullmatch(gap(ctx.text, parts[0], parts[1]))
                     and not _WHOLE_OF_A_PART.search(ctx.text, max(0, parts[0].start - 12), parts[0].start)) \
            and not (_each_its_noun(ctx.text, parts) and holders_named(_tail(ctx, after.total)) in (0, len(parts))):
        # "Output reached 4.2 million tonnes, 1.9 million tonnes of wheat and 1.4 million tonnes of maize, a total of
        # 3.3 million tonnes of grain": the first, told of no place, is a whole of its own, the run after it the
        # total's parts (not "93 people in Orissa, 9 in Andhra Pradesh ..., bringing the national toll to 40", nor
        # a run told "respectively" or each with a noun of its own, "32 golds, 17 silvers and 14 bronzes": all parts)
        after = Sum(tuple(parts[1:]), after.total, including=True) if len(parts) > 2 else None
    if after is not None and holders_after(ctx.text, after.total) not in (0, len(after.parts)):
        after = None  # "1.1 million, 900,000 from Japan and 700,000 from South Korea, a total of 1.6 million from the
        # two": of as many holders as it names, not of every part
    before = _total_before(ctx.text, parts, cl[i - 1]) if i > 0 else None
    counted = counted_in(ctx.text, cl, i, gap(ctx.text, cl[i - 1], parts[0])) if before is not None else None
    if before is not None and counted is not None:
        before = Sum(before.parts, counted, before.including)  # "42,000 people in 85 factories, of whom 30,000 ...":
        # of the people, not the factories
    sums = [s for s in (after, before) if s is not None]
    if not sums and j + 1 < len(cl) and all(p.kind == "count" for p in parts) \
            and held_in(ctx.text, parts[0], cl[j + 1], parts[-1]):
        whole, rest = cl[j + 1], _rest_after_house(ctx, cl, j + 2)
        complete = (_rest_last(ctx.text, parts) and bool(_HOUSE_ENDS.match(ctx.text, whole.end)) or rest is not None) \
            and not _seats_told_next(ctx, whole)
        sums = [Sum(tuple(parts) + ((rest,) if rest is not None else ()), whole, including=not complete)]  # seats
        # won, of the house's: vacancies may be left, unless the last part is the rest and nothing more is told ("and
        # other parties 28 in the 659-seat House"; "Labour won 50 seats and National 48 in the 121-seat parliament,
        # with the remaining 23 shared among six smaller parties")
    if not sums and j + 1 < len(cl) and part_ok(cl[j + 1]) and cl[j + 1].kind == parts[-1].kind \
            and of_its_whole(ctx.text, parts[-1], cl[j + 1]) and not _OUT_OF.search(ctx.text, parts[-1].end, cl[j + 1].start) \
            and len({head_noun(p.subject) for p in parts if p.subject}) <= 1 \
            and holders_named(_tail(ctx, cl[j + 1])) == len(parts):
        sums = [Sum(tuple(parts), cl[j + 1], including=not _rest_last(ctx.text, parts))]  # "Nigeria accounted for 355, India for 225 and
        # Pakistan for 103 of the 683 polio cases reported in the three countries": the list is some of the whole after
        # it, never more, where the whole names as many holders as there are parts (not "Germany won 12 golds, France 9
        # and Italy 7 of the 10 awarded in fencing": only the last is of it; nor "scored 45 and 38 out of 50": each out
        # of it; nor parts that count different things, "23 forwards and 21 backs, and 9 of the 44")
    if not sums and len(parts) > 2:
        head = _total_first(ctx, parts)
        sums = [head] if head is not None else []
    return sums


def told_in_parallel(text: str, first: Claim, second: Claim) -> bool:
    """Whether the second part's phrase opens with a word that the first part's words use too ("72,400 refugees had
    returned home from Guinea, 8,750 from Sierra Leone"): the two are told alike, parts of one list."""
    m = _PREPOSITION.match(text, subject_end(text, second))
    if m is None:
        return False
    mine = re.search(r"\b" + m.group(1) + r"\s+(?:the\s+)?(\S)([A-Za-z]*)", gap(text, first, second), re.I)
    return mine is not None and not mine.group(1).isdigit() and mine.group(1).isupper() == m.group(2).isupper() \
        and mine.group(1) + mine.group(2) not in CALENDAR_WORDS
    # (told of the same sort: "from Guinea, 8,750 from Sierra Leone"; not "54 million tonnes of rice in 2004, 10 million
    # tonnes in East Java", nor "in January, 12 in Kabul")


_PREPOSITION = re.compile(r"\s+(in|from|to|at|on|for|with|by|through|via|into)\s+(?:the\s+)?(\S)", re.I)


def _rest_last(text: str, parts: list[Claim]) -> bool:
    """Whether the last part is told as the rest ("and other parties 28", "the remaining 12", "and others 48"): the
    list is all of it."""
    at = max(0, parts[-1].start - 40)
    return REST_BEFORE.search(text, at, parts[-1].start) is not None or _AND_OTHERS.search(text, at, parts[-1].start) is not None


def _rest_after_house(ctx: Context, cl: list[Claim], k: int) -> Claim | None:
    """The figure ``cl[k]``, right after a house's size, where it is told as the rest of the seats in a clause that
    ends the sentence (", with the remaining 23 shared among six smaller parties"), else None."""
    if k >= len(cl) or cl[k].kind != "count" or not part_ok(cl[k]):
        return None
    text, rest = ctx.text, cl[k]
    m = _REST_AFTER_HOUSE.fullmatch(text, subject_end(text, cl[k - 1]), rest.start)
    s1 = ctx.sentences.span(rest.start)[1]
    return rest if m and ";" not in text[rest.end:s1] and not any(c.start < s1 and not _AMONG.search(text, max(0, c.start - 12), c.start)
                                                                 for c in cl[k + 1:]) else None  # (none after but who
    # shares it: "among six smaller parties"; nor more told after a semicolon: "; the Greens ran on the alliance's joint
    # list and their seats are part of its total")


_AMONG = re.compile(r"\b(?:among|between|by)\s+$", re.I)
# from a house's size to the rest of its seats: "-seat parliament, with the remaining "
_REST_AFTER_HOUSE = re.compile(r"(?:-[a-z]+)?(?:\s+[A-Za-z][\w'\u2019.-]*){0,5}\s*,\s*(?:with|and|while)\s+" + REST_WORDS
                               + r"\s+", re.I)


def _seats_told_next(ctx: Context, body: Claim) -> bool:
    """Whether the sentence after a house's tally, in its paragraph, tells of seats or votes the tally leaves out
    ("Voting in one constituency was delayed", "Ten seats were left vacant")."""
    s1 = ctx.sentences.span(body.start)[1]
    if s1 >= len(ctx.text) or "\n" in ctx.text[s1 - 1:s1 + 2]:
        return False
    n0, n1 = ctx.sentences.span(min(len(ctx.text) - 1, s1 + 1))
    return bool(_SEATS_LEFT.search(ctx.text, n0, n1))


_SEATS_LEFT = re.compile(r"\b(?:seats?|constituenc(?:y|ies)|vacant|annulled|delayed|postponed|recounts?|run-?off|results?"
                         r"|independent)\b", re.I)
# a house named after its size, and then the sentence's end: "in the 120-seat parliament." (not "..., with one vote
# postponed", "; two seats remain empty": seats the tally leaves out)
_HOUSE_ENDS = re.compile(r"-[a-z]+(?:\s+(?!(?:with|and|but|while|after|where|as)\b)[A-Za-z][\w'\u2019.-]*){0,5}\s*(?:\.|\Z)")


_AND_OTHERS = re.compile(r"\band\s+others\s+$", re.I)


_OUT_OF = re.compile(r"\bout\s+of\b", re.I)
_OF_NOUN = re.compile(r"\s+of\s+([a-z]+)\b")  # "15 million tonnes of maize"
# a figure, then a comma before the run: "4.7 million head of cattle, " (the list may have begun with it)
_COMMA_BEFORE = re.compile(r"[^.;:()\d]{0,40},\s*$")


def _like_before(ctx: Context, before: list[Claim], parts: list[Claim], total: Claim) -> bool:
    """A figure like the run's, smaller than the total, earlier in the sentence of a total said after the run ("13.2
    million passenger trips on Sunday, while roads carried 187.5 million and civil aviation 2.1 million, for a
    combined 202.8 million"): it may be a part too, so the run may fall short of the total.  Not a count of as many
    as the parts, of something else: who the parts are of ("The three largest parties won 135, 99 and 54 seats")."""
    first = parts[0]
    s0 = ctx.sentences.span(first.start)[0]
    for c in reversed(before):  # back to the sentence's start only, so a long text costs no more per run
        if c.start < s0:
            return False
        takers = tol.point(c) == len(parts) and bool(c.subject) and c.subject != total.subject
        if (c.kind == first.kind and c.unit == first.unit or alike_figure(c, first)) and part_ok(c) \
                and tol.point(c) < tol.point(total) and not takers:  # ("Saudi Arabia transferred 23.1 million dollars
            # ..., the United Arab Emirates 12.5 million": the unit left out)
            return True
    return False


def _tail(ctx: Context, c: Claim) -> str:
    """The words after a figure to its sentence's end."""
    return ctx.text[c.end:ctx.sentences.span(c.start)[1]]


def _each_its_noun(text: str, parts: list[Claim]) -> bool:
    """Every part is a count that names what it counts, or a measure told "of" what it measures, no two alike ("32
    golds, 17 silvers and 14 bronzes", "34.8 million tonnes of soybeans, 15 million tonnes of maize and 14.5 million
    tonnes of wheat"; not "4.2 million tonnes, 1.9 million tonnes of wheat", where the first may be a whole of its
    own)."""
    if all(p.kind == "count" and p.subject for p in parts):
        return len({head_noun(p.subject) for p in parts}) == len(parts)
    of = [_OF_NOUN.match(text, p.end) for p in parts]  # "34.8 million tonnes of soybeans, 15 million tonnes of maize"
    return all(of) and len({head_noun(m.group(1)) for m in of if m}) == len(parts)


def _begun_before(ctx: Context, prev: Claim, first: Claim) -> bool:
    """A figure like the run's first, in its sentence and set off from it by a comma only, which the joins did not
    read ("4.7 million head of cattle, 2.9 million goats and 1.6 million sheep, a total of 9.2 million animals"): the
    list may begin there, so the run's parts may fall short of the total after them, never exceed it."""
    return prev.kind == first.kind and prev.unit == first.unit and part_ok(prev) \
        and ctx.sentences.index(prev.start) == ctx.sentences.index(first.start) \
        and bool(_COMMA_BEFORE.fullmatch(gap(ctx.text, prev, first)))


# two parts joined by "and" alone, no comma: told alike, the first no whole of the second ("won 596 seats and its
# coalition partner New Komeito 31, giving the ruling bloc 327")
_AND_ONLY = re.compile(r"[^,;:()]*\band\b[^,;:()]*")
_WHOLE_OF_A_PART = re.compile(r"\bof\s+(?:the\s+|its\s+|their\s+)?$", re.I)  # "won 178 of the 386 seats"
# "£12m, £15m and £20m respectively, a total of £50m"
_RESPECTIVELY = re.compile(r"^\s*respectively\b", re.I)
# the place a last part is told of, before the total: "4 in Jamaica, bringing the regional toll to 31"
# (or its time: "1.3 million tonnes of barley this season, 3.2 million tonnes combined", "seven more on Sunday - 25")
_LAST_PHRASE = re.compile(r"^\s+(?:more\s+)?(?:in|at|on|from|to|for|near|over|during|this|last|with)\s+"
                          r"(?:[^,;:.()\d-]|(?<=\s)(?:19|20)\d\d\b){0,40}(?=\s*(?:,|\s-|\u2013|\u2014|\())", re.I)  # ("in 2007,")
# parts, then the total:  " - "  ", or 10,850 altogether"  ", a sum of "  ", a haul of "  " for a four-round total of "  " (a total of "  ", making "  ", in all "  ", taking the number of homeless to "
# ", out of "  ", accounting for all "
# ", giving the ruling bloc " (a coalition's, which may hold others)  ", for a national crop of "
_THEN_TOTAL = re.compile(
    r"^\s*(?:(?:-|\u2013|\u2014|\(|,|:)\s*(?:or\s+)?(?:(?:a\s+(?:total|sum|haul|tally)\s+of|in\s+total|making(?:\s+a\s+total\s+of)?|totalling|totaling|altogether|in\s+all)\s+)?"
    r"|,?\s+(?:a\s+(?:total|sum)\s+of|(?:together\s+)?making(?:\s+up|\s+a\s+total\s+of)?|totalling|totaling)\s+"
    r"|,\s*(?:a\s+)?combined\s+|,?\s+(?P<giving>giving\s+(?:a|an|the)\s+(?:[a-z]+\s+){0,3}?(?:total|crop|harvest|output|tally))\s+of\s+"
    r"|,?\s+(?P<bloc>giving\s+(?:the|their|its)\s+(?:[a-z-]+\s+){0,2}?(?:bloc|coalition|alliance|camp))\s+"
    r"|,?\s+for\s+(?:an?\s+(?:(?P<period>[\w-]+)\s+)?total\s+(?:(?P<named>[a-z]+)\s+)?of\s+|a\s+combined\s+"
    r"|an?\s+(?:national|nationwide|combined|overall|countrywide)\s+(?:[a-z]+\s+)?of\s+)?"
    r"|,?\s+(?P<running>" + RUNNING_TOTAL + r"(?:\s+(?:of|since|from|in)?\s*[a-z]+){0,3}?\s+to)\s+"
    r"|,?\s+(?P<within>out\s+of(?:\s+a\s+total(?:\s+of)?|\s+(?:a\s+)?total\s+[a-z]+\s+of|\s+the)?)\s+"
    r"|,?\s+(?P<all>(?:filling|accounting\s+for)\s+all(?:\s+the)?)\s+"
    r"|,\s*(?P<ing>[a-z]+ing)\s+)$", re.I)  # ", affecting 14,745 in all": only with the words after that say so
# the words that say the figure after the parts is their total (a dash alone says so only of a whole they divide)
_EXPLICIT = re.compile(r"total|\bsum\b|\bhaul\b|\btally\b|making|giving|altogether|in\s+all|combined|national|overall|bringing|taking|pushing|out\s+of"
                       r"|\ball\b", re.I)


_EVERY_STATE = "casualty"  # the toll noun that counts the dead and the hurt alike (numcheck/data/toll_nouns.txt)
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+([a-z]+)", re.I)


def counts_alike(running: str, parts: list[Claim]) -> bool:
    """A running total that names what it counts ("the number of farms") counts what its parts count (a part told as
    "others" counts what the one before it does where the total counts every state: "killed 191 people and injured
    656 others, bringing the number of casualties to 847"; not "killed 14 people and infected 210 others, bringing
    the number of deaths to 180")."""
    m = _NUMBER_OF.search(running)
    heads = {head_noun(p.subject) for p in parts if p.subject}
    if m is not None and head_noun(m.group(1)) == _EVERY_STATE:
        heads -= {"other"}
    return m is None or not heads or head_noun(m.group(1)) in heads \
        or head_noun(m.group(1)) in toll_nouns() and heads <= toll_nouns()


@lru_cache(maxsize=1)
def toll_nouns() -> frozenset[str]:
    """numcheck/data/toll_nouns.txt and part_states.txt: "casualties" and "the dead" count the "people" a toll's parts
    count."""
    from ...datafiles import words

    return frozenset(words("toll_nouns.txt")) | _states_set()


def _same_noun(part: Claim, total: Claim) -> bool:
    """The first part counts what the total counts: "Labour on 311 seats, ... filling all 650 seats"."""
    return bool(part.subject and total.subject) and head_noun(part.subject) == head_noun(total.subject)


def _measured(parts: list[Claim]) -> bool:
    """Parts that are sums or measures, which say what they count by their unit ("5,410 gigawatt-hours"), the
    first told with it and the others perhaps bare ("households 2,630 and commerce 1,184": measured_alike)."""
    return parts[0].kind in ("money", "measure") and all(p.kind == parts[0].kind or elided(p) for p in parts)


def _total_after(text: str, parts: list[Claim], after: Claim) -> Sum | None:
    """The total after the parts, said to be one ("a total of", "in all") or a whole the parts divide
    ("- five people")."""
    if not part_ok(after):
        return None
    g = gap(text, parts[-1], after)
    each_its_own = bool(_RESPECTIVELY.match(g)) and _a_pool(text, parts, after)
    if EACH.search(g):
        return None  # "got 50,000 dollars from the company and 25,000 dollars from insurers each, a total of 900,000
        # dollars": what each of many got, and the total of all of theirs
    if NAMES_LISTED.search(g):
        return None  # "Kia 1.08 million and GM Daewoo, Renault Samsung and Ssangyong a combined 930,000": the total of
        # the takers named between, not of the figures before
    for told in (_RESPECTIVELY, _state_after(), _LAST_PHRASE):  # (who said so is blanked: checks/_asides)
        g = told.sub("", g, count=1)
    m = _THEN_TOTAL.match(g)
    said = _EXPLICIT.search(g) or _TOTAL_AFTER.match(text, subject_end(text, after))
    if m and m.group("ing") and not (_TOTAL_AFTER.match(text, subject_end(text, after)) and _same_or_bare(parts, after)):
        return None  # "destroyed 3,460 homes and damaged 11,285, leaving 19,745 homeless", "displacing 25,000 people
        # in all": not said to be the parts' total
    if m and m.group("period") and not _of_each(m.group("period"), parts):
        return None  # "rounds of 69 and 70 for a four-round total of 280", "for a season total of 22": a longer time
    if m and one_state_of_several(text, parts, after):
        return None  # "left 9 dead and 60 wounded, bringing the total ... to 28 dead and 400 wounded": the dead's total
    if m and m.group("running") and not counts_alike(m.group("running"), parts):
        return None  # "culled 1.2 million chickens and 300,000 ducks, taking the number of farms affected to 400"
    if m and (m.group("within") or m.group("all")) \
            and not (collective(after, parts) or _measured(parts) or _same_noun(parts[0], after) or each_its_own):
        return None  # "45 and 38 out of 50", "230 families and 140 men ... filling all 300 beds": each part its own
    if m and m.group("bloc") and _CHANGED_SINCE.search(text, after.end, _sentence_end(text, after.end)):
        return None  # "giving the ruling bloc 137 ... after three deputies ... said they would sit as independents":
        # the bloc since, not the seats won
    if m and _FOR_OTHERS.match(text, subject_end(text, after)):
        return None  # "a combined 181 for the governing coalition": of some of them
    if m and (said or collective(after, parts)):
        # "bringing the toll to 31": a running total, which may hold earlier counts too; "out of 9,224": others too
        # ("for a total capacity of 1,000 megawatts" may hold what was there before the parts told)
        return Sum(tuple(parts), after, including=bool(m.group("running") or m.group("within") or m.group("giving")
                                                       or m.group("bloc") and not _partners_told(text, parts, after)
                                                       or m.group("named")
                                                       or _LONGER.match(text, subject_end(text, after))
                                                       or _HOLDS_OTHERS.match(text, subject_end(text, after))))
    return None


def _sentence_end(text: str, at: int) -> int:
    """Where the sentence from ``at`` ends: its full stop, or the text's end."""
    m = _FULL_STOP.search(text, at)
    return m.start() if m else len(text)


_FULL_STOP = re.compile(r"\.(?!\d)")  # (not the point of "4.5")


# what changed a bloc since the seats were won: "after three deputies ...", "once ... joined", "merged into"
_CHANGED_SINCE = re.compile(r"\b(?:after|once|when|until|since|merg\w*|defect\w*|quit|left)\b", re.I)


def _partners_told(text: str, parts: list[Claim], bloc: Claim) -> bool:
    """Whether the parts after the first are told as its partners ("won 296 seats and its coalition partner New
    Komeito 31, giving the ruling bloc 327"), and no one joins them after the bloc's figure: the bloc is those parts,
    no others (not "giving the ruling bloc 275 of the 480 seats together with the small New Conservative Party")."""
    tail = _THRESHOLD.sub("", _OF_THE_HOUSE.sub("", text[bloc.end:_sentence_end(text, bloc.end)]))
    return all(_PARTNERS.search(gap(text, a, b)) for a, b in zip(parts, parts[1:])) \
        and not _JOINED_BY.search(tail) and not any(ch.isdigit() for ch in tail)  # (nor "after it captured three
    # more in by-elections", "across both chambers, where it also holds 55 in the Senate")


_JOINED_BY = re.compile(r"\b(?:with|plus|join\w*|including|backed|backing|support\w*|added|adding|independents?|others"
                        r"|after|once|when|until|merg\w*|more|also|both|across|additional|further|defect\w*)\b", re.I)
_THRESHOLD = re.compile(r",?\s*(?:just\s+)?(?:short\s+of|above|over|beyond|below)\s+(?:the\s+|a\s+)?\d[\d,]*\s+(?:needed|required)\b",
                        re.I)  # "short of the 272 needed for a majority"
_OF_THE_HOUSE = re.compile(r"\b(?:of|in)\s+the\s+\d[\d,]*(?:-(?:seat|member))?\b")  # "327 of the 480 seats", "in the
# 543-seat Lok Sabha": the house's size
_PARTNERS = re.compile(r"\b(?:its|their|his|her)\s+(?:[a-z-]+\s+){0,2}?(?:partners?|allies|ally)\b", re.I)
EACH = re.compile(r"\beach\b", re.I)
_CLAUSE_ENDS = re.compile(r"[,;.()]")


def holders_after(text: str, total: Claim) -> int:
    """How many holders the words after a total name, to its clause's end ("a total of 1.6 million from the two")."""
    end = subject_end(text, total)
    return holders_named(_CLAUSE_ENDS.split(text[end:end + 40], 1)[0])
# takers listed by name between the last part and the total: "and GM Daewoo, Renault Samsung and Ssangyong a combined"
_NAME = r"(?-i:[A-Z])[\w'\u2019.-]*(?:\s+(?-i:[A-Z])[\w'\u2019.-]*)*"
NAMES_LISTED = re.compile(_NAME + r",\s+" + _NAME + r",?\s+and\s+" + _NAME + r"\s+(?:an?\s+)?(?:combined|joint|total(?:\s+of)?)\s*$")
# (not "stole 18.5 million, 7.2 million and 3.1 million taka from banks in Dhaka, Chittagong and Khulna in the first
# half, totalling": the parts' own places)
_POOLED = re.compile(r"\b(?:seats?|votes?|ballots?)\b", re.I)


def _a_pool(text: str, parts: list[Claim], after: Claim) -> bool:
    """Whether parts told "respectively out of" a whole share it out, each holder its own ("won 128, 109 and 52 seats
    respectively out of the 289", "4.2 billion, 3.1 billion and 1.9 billion dollars respectively, out of December exports
    of 9.2 billion dollars"): seats, votes or sums, no scores or rates ("scored 45 and 38 respectively out of 50", "won
    45 and 38 matches respectively out of 50": each out of it)."""
    if A_RATE.search(text, max(0, parts[0].start - 40), after.end):
        return False
    return after.kind in ("money", "measure") or bool(_POOLED.search(text, parts[-1].end, subject_end(text, after)))
# a total over a longer time than its parts', which they may fall short of: "or 10 million pounds altogether since
# 2001", "60,000 in all so far this year", "combined over the decade" ("giving a Games tally of" likewise)
_LONGER = re.compile(r"(?:\s+(?:in\s+all|in\s+total|altogether|combined))?\s*,?\s+(?:since|so\s+far|to\s+date|over\s+the"
                     r"|in\s+the\s+first|this\s+(?:year|season))\b", re.I)
# a total told with what else it holds: "for a total of 165 casualties including the injured" (after parts of the dead)
# a total told of a group named after it, which may hold some of the parts only: "a combined 181 for the governing
# coalition" (not "for the two parties": as many as the parts)
_FOR_OTHERS = re.compile(r"\s+for\s+the\s+(?!(?:two|three|four|five|six|seven|eight|nine|ten|year|month|week|day|quarter"
                         r"|half|season|period|decade|campaign|first|second|whole|entire)\b)[a-z]", re.I)  # (not "for the
# year": a time)
_HOLDS_OTHERS = re.compile(r"\s*,?\s+(?:(?:including|counting|once|if|when)\b|(?:together\s+|combined\s+)?with\s+(?-i:[A-Z]))",
                           re.I)  # ("a tally of 118 once the 15 seats ... are included")
# ("a combined output of 2.9 million barrels a day with Slavneft")
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _of_each(period: str, parts: list[Claim]) -> bool:
    """Whether "a <period> total" is of the parts told: "four-round" with four rounds, not "season" or
    "first-quarter"."""
    n = _COUNT_WORDS.get(period.split("-")[0].lower()) if "-" in period else None
    return n == len(parts)


def _same_or_bare(parts: list[Claim], total: Claim) -> bool:
    """The total counts what the first part counts, or the parts say nothing of what they count."""
    return not parts[0].subject or not total.subject or _same_noun(parts[0], total)


# the total, then its parts:  "five people - "  "12 people, including "  "12 people: "  "five people died - "
_THEN_PARTS = re.compile(r"^\s*(?:(?:(?:were|have\s+been|had\s+been|was)\s+)?[a-z]+(?:ed|en)\s*)?"
                         r"(?:(?:on|in|at|aboard)\s+(?:[a-z]+\s+){0,2}?[a-z]+\s*)?"  # "82 people on board - "
                         r"(?:(?P<dash>--|-|\u2013|\u2014|\(|:)|,?\s*(?P<incl>including|among\s+them|of\s+whom))\s*$", re.I)


def _total_before(text: str, parts: list[Claim], before: Claim) -> Sum | None:
    """The total before the parts: "12 people, including 8 children" (they may fall short), "five people -
    three men"."""
    if not part_ok(before) or places_of_people(before, parts) or holds_parts(before, parts) \
            or compared_before(text, before):
        return None  # "arrested 219 suspects across 22 African countries, among them 87 in Nigeria": not of the 22;
        # "sold 8.81 million vehicles, well ahead of Ford's 6.60 million, including 2.26 million in Japan": of the 8.81
    m = _THEN_PARTS.match(gap(text, before, parts[0]))
    if m and (m.group("incl") or collective(before, parts)):
        return Sum(tuple(parts), before, including=bool(m.group("incl")))
    return None


def _total_first(ctx: Context, parts: list[Claim]) -> Sum | None:
    """The first of a run said to be the total, then a comma and the others naming who it counts: "A total of 7,629
    candidates, 6,482 men and 1,147 women", "detected 12 launches in total, eight ... missiles and four ..."."""
    total, s0 = parts[0], ctx.sentences.span(parts[0].start)[0]
    said_after = _TOTAL_AFTER.match(ctx.text, subject_end(ctx.text, total))
    g = gap(ctx.text, total, parts[1])
    if said_after and g.startswith(said_after.group()):
        g = g[len(said_after.group()):]  # "12 launches in total, eight ... and four ..."
    if re.fullmatch(r"\s*,\s*", g) \
            and (said_after or re.search(r"\b(?:a\s+total\s+of|in\s+all|altogether)\s+$",
                                         ctx.text[max(s0, total.start - 20):total.start], re.I)) \
            and (collective(total, parts[1:]) or said_after and _named_each(parts[1:])) \
            and not GOES_ON.match(ctx.text, subject_end(ctx.text, parts[-1]), ctx.sentences.span(total.start)[1]):
        return Sum(tuple(parts[1:]), total, including=False)
    return None  # "30,000 troops in total, 12,000 marines and 9,000 paratroopers among them": some of them


def _named_each(parts: list[Claim]) -> bool:
    """Parts that each name what they count, no two alike ("eight ballistic missiles and four cruise missiles")."""
    return all(p.subject for p in parts) and len({p.subject.lower() for p in parts}) == len(parts)
