"""The last-resort readings of NC109, which know what is a total and what are parts by the words told with them,
not by how the parts are joined.

A total said to be one, its parts every figure of its kind before it in its sentence: "5.42 trillion yen and 4.61
trillion yen respectively, for total trade of 10.03 trillion yen", "killed 112 people in Assam and 87 in Bihar,
bringing the death toll in the two states to 199", "7 reactors at Kashiwazaki-Kariwa and 10 at its two Fukushima
plants, 17 in total", "2.11 million and 1.04 million tonnes, or 3.15 million tonnes together". A whole told first,
its parts every figure of its kind in the clause after "with", "including", "of which" or "among them" ("sold 7.52
million vehicles worldwide, with 2.37 million in Japan and 5.15 million overseas"): some of it, or all of it when
the last is the rest ("and all other countries for 1.32 billion").

The other readings know how the parts are joined; this one knows only that the figure is a total and which figures
of its kind stand before it, so it is the last resort: it reads no figure another reading took, and it gives up
where its sentence holds a figure of the kind it cannot place (a change, a level left "from", a bound).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ... import tolerance as tol
from ...datafiles import table, words
from ...model import Claim
from ...text import alternation, compound_noun, head_noun, singular
from .._common import (OF_THEM, OPENS_ON_WHOLE, claims_between, opens_paragraph, plain_gap, seat_nouns, subject_end,
                       where_held)
from ..base import Context
from ..repeats._names import group_names
from ._holders import holders_counted
from ._lists import (NAMES_LISTED, TOTAL_AFTER_WORDS, counts_alike, holders_after, joined, one_state_of_several, states_joined,
                     toll_nouns)
from ._of_whole import WON_BEFORE
from ._typo import rest_told_near
from ._parts import (A_RATE, ANOTHER_TIME, CALENDAR_WORDS, OVERLAP_TOLD, PART_OF, RATE_AFTER, REST_BEFORE,
                     RUNNING_VERBS, Sum, a_people, bare_scaled, collective, elided, far_past, holders_named, holds_parts, part_ok, person_wholes,
                     places_nested, sorts_of_several, told_at_place, told_at_times, whole_ok)

# where the total's clause opens, after the last part: ", for total trade of", " - ", "(a combined"
_OPENER = re.compile(r"(?:,|\s(?:-|--|\u2013|\u2014)|\()\s*")
# the clause says what follows is all of the parts: "for total trade of", "a combined social sector spend of"
_ALL_LEAD = re.compile(r"\b(?:total(?:l?ing|l?ed)?|combined|overall|aggregate|together|altogether|in\s+all"
                       r"|between\s+them(?![^,;]*\b(?:bulk|most|majority|part|share|some|half|much|many)\s+of\b)"
                       r"|(?:a|the)\s+sum\s+of"
                       r"|accounting\s+for\s+all(?!\s+but))\b|(?:\bfor\s+|^)an?\s+(?:death\s+)?toll\s+of\s*$", re.I)  # ("accounting for all 87 crew members"; not
# "all but 7 of the 70 deaths"; "for a toll of 2,068", not "the worst toll since 30 died": a toll compared)
# or it follows the total: "17 in total", "3.15 million tonnes together", "10.9 million tonnes between them"
_ALL_WORDS = TOTAL_AFTER_WORDS + r"|all\s+told|overall"  # the words that say a figure is all of it, after it
_ALL_TAIL = re.compile(r"\s*(?:" + _ALL_WORDS + r"|together|between\s+them)\b", re.I)
# a running total moved by the parts, which may hold earlier counts too: "bringing the death toll in the two states
# to", "bringing to 95 the number held", "taking bilateral trade to"
_RUNNING = re.compile(r"^(?:or\s+)?(?:" + RUNNING_VERBS + r"|boosting|putting)\b(?:[^\d]*\s)?to\s*$", re.I)
# a clause of its own, which tells something else of the parts than their sum
_OWN_CLAUSE = re.compile(r"\b(?:who|which|that|where|whose|when|is|are|was|were|has|have|had|will|would|could|can"
                         r"|may|might|did|does|do)\b", re.I)
# a relative clause whose verb says its object is the total: "..., which left a total of 215 dead", "that brought the
# toll to" (a clause of its own otherwise: _OWN_CLAUSE)
_TOTAL_RELATIVE = re.compile(r"(?:which|that)\s+(?:left|brought|took|put|pushed|raised|made)\s+", re.I)
# a clause of its own after the parts: "..., and a total of 1,500 would be recruited", "..., while the overall death
# toll rose to 380"
_NEW_SUBJECT = re.compile(r"(?:and|but|while|whereas|yet)\b", re.I)
# a total told beside the parts, not made of them, which they may be some of: "with total sales at 9.8 billion",
# "part of a total aid package of 2 billion", "out of"
_SOME_LEAD = re.compile(r"(?:with|as|part\s+of|out\s+of|of\s+an?)\b", re.I)
# a total given to as many holders as there are parts: "giving the three largest parties 357"
_GIVING = re.compile(r"(?:giving|leaving|putting)\b", re.I)
# a total over a longer time than its parts', or of what was there before them: it may hold more ("bringing total
# recoveries this year to", "for a total capacity of", "out of")
_HOLDS_MORE = re.compile(r"\b(?:since|so\s+far|to\s+date|this\s+(?:year|season|month|week)|cumulative|capacity"
                         r"|out\s+of|including|among\s+them|(?:over|in|during)\s+the\s+(?:past|last)|from\s+the"
                         r"|(?:together|combined)\s+with)\b|\bwith\s+(?-i:[A-Z])", re.I)  # ("a total of 410 kg including
# other drugs", "215 dead in the province over the past month", "a toll of 1,150 from the monsoon rains", "a combined
# output of 2.9 million barrels a day with Slavneft")
# a total set against the parts, not made of them: "against total deliveries of 290 by Boeing"
_SET_AGAINST = re.compile(r"\b(?:against|compared\s+(?:with|to)|versus|than)\b", re.I)
_TOLL = re.compile(r"\btoll\b", re.I)
# amounts told per holder, not parts of the total after them: "6,000 dollars to each of the 200 families"
_EACH = re.compile(r"\beach\b|\bper\s+(?:family|person|head|household)\b", re.I)
_GROUP_NAMED = re.compile(r"\b(?-i:[A-Z])[a-z]+\s+(?:total|toll|tally|output|sales|exports)\b")  # "a combined Japanese total
# of": of a named group, which may hold more than the parts told
_WITH_MORE = re.compile(r"\b(?:together|along)\s+with\b", re.I)
# the rest, named in the total's own clause as what it is of: "with other donors giving a combined", "the remaining
# parties a combined"
# a clause of the rest between the last part and the total: ", while the other two neighbours" (not the last part's
# own place, "1,062 in other countries, for a total of")
_REST_CLAUSE = re.compile(r",\s*(?:while|and|with|whereas)\s+(?:the\s+)?(?:other|remaining)\b", re.I)
_REST_HOLDS = re.compile(r"\b(?:other|remaining)\s+(?-i:[a-z]+)|\bthe\s+rest\b", re.I)
_TO_END = re.compile(r"\bto\s*$", re.I)  # "which brought the toll to": a running total
# a figure left, which no list holds: "rose to 7.2 million from 5.9 million"
_LEVEL_FROM = re.compile(r"\bfrom\s+(?:a\s+|the\s+)?$", re.I)
# a figure of what a noun before it acts on, no part of a list: "and the demobilisation of some 100,000 troops"
_OF_BEFORE = re.compile(r"\b([a-z]{3,})\s+of\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+)?$")
# a count that says how many hold a part, not a part: "10 at its two Fukushima plants", "in the dam's two
# powerhouses"
_DETERMINED = re.compile(r"(?:\b(?:the|its|their|his|her|among|between|across)|['\u2019]s)\s+$", re.I)  # ("divided
# among three smaller groups": who share a part)
LEAD_LONGEST = 80  # characters of the clause before the total that are read


def told_totals(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """Every total said to be one with the figures of its kind before it in its sentence, none of them read."""
    for k, total in enumerate(cl):
        if k >= 2 and id(total) not in read and part_ok(total) and (not _compound(ctx.text, total) or _house(ctx.text, total)):
            found = _told_total(ctx, cl[:k], total, read)
            if found is not None:
                yield found


def _told_total(ctx: Context, before: list[Claim], total: Claim, read: set[int]) -> Sum | None:
    """The sum ``total`` is said to be, or None when it is not said to be one or its parts are not all clear."""
    text = ctx.text
    s0 = ctx.sentences.span(total.start)[0]
    opener = _clause_opener(ctx, s0, total)
    if opener is None:
        return None
    lead = plain_gap(ctx, opener[1], total.start)  # ("bringing the province's toll from the Dec 26 tsunami to")
    tail = text[subject_end(text, total):subject_end(text, total) + 40]
    if _ALL_TAIL.match(text, total.end):
        tail = text[total.end:total.end + 40]  # "2.43 million tonnes together" (read as its noun)
    if _WITH_MORE.search(lead):
        return None  # "5,000 and 3,000 fighters, together with some 2,000 in reserve": more beside them, no total
    if _REST_HOLDS.search(lead):
        return None  # "..., Britain (8.9 million) and Japan (4.5 million), with other donors giving a combined 8.1
        # million": the total of the rest, not of the list
    if A_RATE.search(lead):
        return None  # "180,000 barrels a day in July and 195,000 in August, bringing average output for the year to
        # 172,000": an average, no sum
    relative = _TOTAL_RELATIVE.match(lead)
    own = lead[relative.end():] if relative else lead
    if _OWN_CLAUSE.search(own) or _NEW_SUBJECT.match(own) or _SET_AGAINST.search(lead):
        return None  # "Twenty-two Maori and four 'pakiha' formed the team, who played a total of 107 matches", "The
        # three men, aged 24, 31 and 45, were charged with a total of 11 offences": a verb of its own; "..., but still
        # hold a total of 40 foreigners", "..., while the overall death toll rose to 380": a clause of its own
    running = bool(_RUNNING.match(lead) or relative and _TO_END.search(own))
    holders = holders_named(lead)
    if not (running or _ALL_LEAD.search(lead) or _ALL_TAIL.match(tail) or holders and _GIVING.match(lead)):
        return None
    parts = _parts_before(text, before, max(s0, _list_start(text, s0, opener[0])), opener[0], total)
    if parts is None or len(parts) < 2 or any(id(p) in read for p in parts) or far_past(tuple(parts), total) \
            or _figure_unread(ctx, parts[0].start, total.start) \
            or OPENS_ON_WHOLE.fullmatch(text, s0, parts[0].start) \
            or (not counts_alike(lead, parts) if running else not (parts_count_alike(total, parts) or _house(text, total))) \
            or one_state_of_several(text, parts, total):
        return None  # (nor a count of who holds them, "the three between them taking 212 golds", which leaves the
        # parts to their total); "culled 1.2 million chickens ..., taking the number of farms affected to 400"; "left 9 dead
        # and 60 wounded, bringing the toll to 17 dead and 210 injured"; "Of the 600 soldiers flown in, 450 ... and the
        # remaining 150 ..., bringing the force to 2,000": the first the whole of the others
    if _REST_CLAUSE.search(text, parts[-1].end, total.start) or holders_after(text, total) not in (0, len(parts)):
        return None  # "..., while the other two neighbours, Djibouti and Yemen, host 25,000 between them": the rest's;
        # "..., so a total of 16,165 came from the two Muslim-majority countries": of some of them
    if holders and holders != len(parts) or NAMES_LISTED.search(text, parts[-1].end, total.start):
        return None  # "for the three largest donors" beside two figures: the list is not what it seems; "Kia 1.08
        # million and GM Daewoo, Renault Samsung and Ssangyong a combined 930,000": the total of the takers named
    if OVERLAP_TOLD.search(text, parts[-1].end, total.start) or _EACH.search(text, parts[0].start, total.start):
        return None  # "86 houses and 23 shops, many of them in the same buildings, 95 buildings in all"; "paid 4,000
        # dollars and the airline 6,000 dollars to each of the 200 families, a sum of 2 million dollars"
    rest = REST_BEFORE.search(text, max(0, parts[-1].start - 40), parts[-1].start)  # ("..., with the remaining 61
    # divided among three smaller groups, out of a total of 460": the last part the rest, the parts are all of it)
    s1 = ctx.sentences.span(total.start)[1]
    if any(c.kind == total.kind and c.start > total.end and c.point is not None and c.point < (total.point or 0)
           for c in claims_between(ctx.claims, total.end, s1)):
        return None  # "for a total of 1,100 waterborne infections, the remaining 240 being hepatitis A", "once 75
        # cases of mycoplasma were included": more of it told after (not "221 of the 300 seats": its whole)
    more = not rest and not _THEIR_COMBINED.search(lead) and bool(running or relative or _SOME_LEAD.match(lead)
                                                                  or _HOLDS_MORE.search(lead)
                             or _HOLDS_MORE.search(tail) or _TOLL.search(lead) or _GROUP_NAMED.search(lead))  # (a toll, or a total a relative clause tells, may hold earlier deaths: "which
    # put the toll from the monsoon at 900")
    return Sum(_but_one(parts, total), total, including=more)  # (a running total may hold earlier counts, even of
    # as many holders: "bringing the death toll in the two states to 540")


# the list's holders' sum, a running total's words or not: "bringing their combined bad loans to"
_THEIR_COMBINED = re.compile(r"\btheir\s+combined\b", re.I)
# a sentence that sums the list of the sentence before by naming it combined: "The ... council put the combined toll at
# 73" (not "total", which may hold more: "The total this year is 900")
_SUMS_BEFORE = re.compile(r"(?<!with\s)\b(?:the|their|a)\s+combined\s+(?:[a-z]+\s+)?(?:toll|total|tally|figure|number"
                          r"|count|output)\b", re.I)  # (not "In all, 120 people were injured": what else they did;
# nor "Combined with the smelter": more)


_OF_WHOM_AFTER = re.compile(r"\s+(?:of|in|for|among|from)\b", re.I)  # a group or state the combined figure is of


def totals_of_the_list_before(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """The one figure of a sentence said to be the combined toll or total (_SUMS_BEFORE) of the list of the sentence
    before it, in the same paragraph: "The typhoon left 38 dead in Luzon, 26 in the Visayas and 9 in Mindanao. The
    national disaster coordinating council put the combined toll at 73."  Its sentence tells no time and nothing else
    that may hold more (_HOLDS_MORE), and the list is every figure of its kind in the sentence before, joined as one
    list."""
    text = ctx.text
    for k, total in enumerate(cl):
        if k < 2 or id(total) in read or not part_ok(total) or _compound(text, total):
            continue
        s0, s1 = ctx.sentences.span(total.start)
        if opens_paragraph(text, s0) or len(claims_between(ctx.claims, s0, s1)) > 1:
            continue  # (first: a sentence of one figure is read through once)
        said = _SUMS_BEFORE.search(text, s0, s1)
        if said is None or _OF_WHOM_AFTER.match(text, said.end()) or _HOLDS_MORE.search(text, s0, s1):
            continue  # (not "the combined output of the Mercosur bloc", "the combined toll in Thailand and Cambodia")
        p0 = ctx.sentences.span(s0 - 1)[0]
        parts = [c for c in claims_between(cl, p0, s0) if _of_kind(c, total)]
        if len(parts) >= 2 and not any(id(p) in read for p in parts) \
                and all(joined(ctx, a, b) for a, b in zip(parts, parts[1:])) and parts_count_alike(total, parts):
            yield Sum(tuple(parts), total, including=False)


# a part sorted by a phrase after it, whose sorts may overlap: "1,600 were among men", "90 to first-time buyers", "were
# in retraining" (not told by what each did: "516 favoured joining the euro, 468 were against")
_SORTED_BY = re.compile(r"\s+(?:(?:were|was|are|is|went|came)\s+)?(?:among|to|from|in|for|at|with|by|under|over|aged)\s")


# a figure needed, no part: "the opposition needs 151 to block"
_NEEDED = re.compile(r"\b(?:needs?|needed|requires?|required)\s+(?:about\s+|some\s+)?$", re.I)


@lru_cache(maxsize=1)
def _outcomes() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """numcheck/data/exclusive_outcomes.tsv: a pattern for the phrases, each phrase's (set, outcome)."""
    rows = table("exclusive_outcomes.tsv", ("set", "outcome", "phrase"))
    told = {phrase: (group, outcome) for group, outcome, phrase in rows}
    return re.compile(r"\s+(?:(?:had|have|has)\s+)?(" + alternation(sorted(told)) + r")\b", re.I), told


def _exclusive_outcomes(text: str, parts: list[Claim]) -> str:
    """How each part is told right after it by an outcome of one set, no two by the same outcome: "" where not;
    "some" ("516 favoured joining the euro, 468 were against": they cannot overlap); "all" where every outcome of the
    set is told ("512 rose, 301 fell and 87 were unchanged": they are all of the whole)."""
    pattern, told = _outcomes()
    seen = []
    for c in parts:
        m = pattern.match(text, c.end) or pattern.match(text, subject_end(text, c))
        if m is None:
            return ""
        seen.append(told[m.group(1).lower()])
    groups, outcomes = {group for group, _ in seen}, {outcome for _, outcome in seen}
    if len(groups) != 1 or len(outcomes) != len(seen):
        return ""
    every = {outcome for group, outcome in told.values() if group in groups}
    return "all" if outcomes == every else "some"


def parts_of_the_opening_whole(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """A sentence that opens on its whole ("Of the 250 seats, ...") and tells three or more figures of its kind after
    it as a list that ends on the rest ("Of the 250 seats, the Social Democrats won 96, the Christian Democrats 81, the
    Greens 29, and smaller parties the rest, 44"), or each told by an outcome that excludes the others ("Of 1,200
    respondents, 516 favoured joining the euro, 468 were against, and 216 were undecided").  Some of the whole, never
    more.  Not where a figure of the kind cannot be a part (a change, a bound, a level, one told "of them" or needed),
    or the sentence tells another time."""
    text = ctx.text
    for k, whole in enumerate(cl[:-2]):
        s0, s1 = ctx.sentences.span(whole.start)
        if k and cl[k - 1].start >= s0:
            continue  # (only a sentence's first figure can be the whole it opens on)
        if id(whole) in read or not part_ok(whole) or whole.kind != "count" or _compound(text, whole) \
                or not OPENS_ON_WHOLE.fullmatch(text, s0, whole.start) or ANOTHER_TIME.search(text, whole.end, s1):
            continue
        after = [c for c in claims_between(cl, whole.end, s1) if c.kind == whole.kind and not where_held(text, c)]  # (not
        # "obtained credits in five subjects": where a part lies)
        told_by = _exclusive_outcomes(text, after)
        seats = bool(after) and _seats_won(text, whole, after[0])  # ("Of the 450 seats in the assembly, the ruling
        # party won 261, the main opposition alliance 142 and independents 47": no seat is won twice)
        if len(after) < 3 or any(id(c) in read or not part_ok(c) or _compound(text, c)
                                 or told_by != "all" and not seats and tol.point(c) > tol.point(whole)
                                 or _DETERMINED.search(text, max(0, c.start - 8), c.start) or OF_THEM.match(text, c.end)
                                 or _NEEDED.search(text, max(0, c.start - 20), c.start) for c in after) \
                or not (told_by or seats
                        or REST_BEFORE.search(text, max(0, after[-1].start - 40), after[-1].start)
                        and not any(_SORTED_BY.match(text, subject_end(text, c)) for c in after)) \
                or _SUBJECT_OF_ITS_OWN.search(text, after[-2].end, after[-1].start):
            continue  # a part past the whole alone is said so (totals/_of_whole); "the eight cases are not related": the
            # whole again; "1,600 were among men, ..." and "30 have banned smoking in offices and 22 in restaurants":
            # sorts that may overlap; "168 have signed the treaty and 100 have ratified it", "Hu Jintao received 2,906
            # votes, Wu Bangguo 2,921": acts that may too, so only a list that ends on the rest, or whose parts are told
            # by outcomes that exclude each other, is read
        n0 = s1 + 1
        if n0 < len(text) and not opens_paragraph(text, n0) and OVERLAP_TOLD.search(text, n0, ctx.sentences.span(n0)[1]):
            continue  # "The credit holders are counted among those who passed": parts told to overlap after
        yield Sum(tuple(after), whole, including=told_by != "all")


def _seats_won(text: str, whole: Claim, first: Claim) -> bool:
    """Whether the whole counts seats and the first part after it is told as won ("won", "took", "secured"): the
    parts are seats of holders, which no two share."""
    return bool(whole.subject) and head_noun(whole.subject) in ("seat", "seats") \
        and WON_BEFORE.search(text, max(0, first.start - 30), first.start) is not None


# a clause with a subject of its own before the last figure: ", and the president will appoint the other 12" (the rest
# of another whole: the house, not the seats declared)
_SUBJECT_OF_ITS_OWN = re.compile(r",\s+and\s+(?:the\s+)?[a-z]+\s+(?:will|would|is|are|was|were|has|have|had|can|may|must)\b",
                                 re.I)
# between a whole and its first part: ", with Saudi Arabia accounting for", ", including", ", of which exports"
_SOME_OF = re.compile(r"[^\d.;:()]{0,50}?,\s*(?:with|including|of\s+which|of\s+whom|among\s+them)\b[^\d.;:()]{0,40}$",
                      re.I)
# ... or said to be of it by "of whom" or "of which" after a longer clause, perhaps with a bracket in it ("19,275
# suspected gang members since President Francisco Flores launched his "Mano Dura" (Iron Fist) crackdown last year,
# ... Of them, 12,486 ...", joined back by checks/_asides)
_OF_WHOM_LONG = re.compile(r"[^\d.;:]{0,120}?,\s*of\s+(?:which|whom)\b[^\d.;:()]{0,40}$", re.I)
# a whole said to be a total before it, its parts after a comma later in its clause: "A total of 1,142 Chinese
# companies exhibited at the Guangzhou fair, 684 from ..."
_A_TOTAL_OF = re.compile(r"\b(?:a\s+total\s+of|in\s+all|altogether)\s+$", re.I)
# ... or said to be a total after it and its noun: "leaving 47 people dead altogether, 21 in Rolpa, ...", "444,000
# people in total, 160,000 in gold, ...", "708 test wickets in all, 319 of them at home" (read for a mistyped digit
# only: the figures after the comma may be of other years, places or states, "..., compared with 470,000 in 2001")
_THEN_COMMA_WITH = re.compile(r"[^\d.;:()]{0,100}?,\s*(?:with\s+)?$", re.I)  # ("327,000 Liberians in total are
# registered as refugees in neighbouring countries, with 160,000 in Guinea"; read with the digits of its dates made
# letters, _plain_gap: "A total of 2.3 million Afghan refugees have returned home since the UN repatriation programme
# began in March 2002, the UNHCR said, 1.85 million from Pakistan and 450,000 from Iran")
_IN_ALL_AFTER = re.compile(r"\s*(?:[a-z]+\s+){0,4}?(?:" + _ALL_WORDS + r")\b", re.I)
# a whole told as the larger part of something, before its list: "made up the bulk", "the biggest share", "most of it"
_A_PART_ITSELF = re.compile(r"\b(?:the\s+)?(?:bulk|lion['\u2019]s\s+share|(?:biggest|largest)\s+(?:share|slice|part|portion|chunk)"
                            r"|most\s+of\s+(?:it|them|the)|majority\s+of)\b", re.I)
# another verb between the whole and its parts' cue, whose object they may be of
_ANOTHER_ACT = re.compile(r"\b(?:and|or|but)\b", re.I)
# a clause of its own after a list, "and" and a word no part opens with: ", and stranded", ", and control roads"
_NEW_VERB = re.compile(r",\s+and\s+(?!(?:the|a|an|another|other|all|some|about|nearly|almost|more|over|up|its|their|only"
                       r"|just|at|in|from|to|for|on)\b)[a-z]|,\s+(?!(?:" + alternation(words("ing_nouns.txt")) + r")\b)[a-z]+ing\b"
                       r"(?<!\bincluding)|,\s+(?:which|who|that)\b")  # (not a sector's name: ", mining 1.2 billion"; or a
# participle's: ", giving a total of 102"; or a relative clause's: ", which left a total of 215 dead")
# the words that say the figures after are parts, so a larger one is a mistake
_PARTS_SAID = re.compile(r"\b(?:including|of\s+which|of\s+whom|among\s+them)\b", re.I)
def _a_plain_list(text: str, whole: Claim, parts: list[Claim]) -> bool:
    """Parts joined by a comma or "and" and a short name each, no clause between ("Sofala 14,000 and Zambezia, where
    1.5 million were displaced in 1998, 280,000" holds another figure), none with a noun other than the whole's."""
    head = head_noun(whole.subject) if whole.subject else ""
    return all(_PLAIN_JOIN.fullmatch(text, a.end, b.start) for a, b in zip(parts, parts[1:])) \
        and all(not p.subject or not head or head_noun(p.subject) == head for p in parts)


_PLAIN_JOIN = re.compile(r"(?:\s+[a-z-]+)?\s*(?:,|,?\s+and)\s+(?!(?:where|which|who|whose|when)\b)[^,;:()\d]{1,40}", re.I)
# or the first part told as a share of it after "with": "with white rice accounting for", "with Java making up"
_SHARE_AFTER_WITH = re.compile(r"\bwith\s+(?:[A-Za-z-]+\s+){1,4}?(?:accounting\s+for|making\s+up|contributing)\s+$", re.I)
# where a whole's list of parts ends: the sentence's end, a semicolon, colon, dash or bracket
_LIST_ENDS = re.compile(r"[;:(]|\s(?:-|--|\u2013|\u2014)\s")


def wholes_told_first(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """Every whole told first with the figures of its kind in the clause after "with", "including", "of which" or
    "among them", none of them read."""
    for k in range(len(cl) - 2):
        whole, first = cl[k], cl[k + 1]
        if id(whole) in read or not part_ok(whole) or _compound(ctx.text, whole):
            continue
        in_all = _IN_ALL_AFTER.match(ctx.text, subject_end(ctx.text, whole), first.start)
        between = plain_gap(ctx, subject_end(ctx.text, whole), first.start)
        if not (_SOME_OF.match(between) or _OF_WHOM_LONG.match(between)
                or _A_TOTAL_OF.search(ctx.text, max(0, whole.start - 12), whole.start) and _THEN_COMMA_WITH.match(between)
                or in_all and _THEN_COMMA_WITH.match(ctx.text, in_all.end(), first.start)):
            continue
        if _A_PART_ITSELF.search(ctx.text, whole.end, first.start):
            continue  # "The United States' 18.6 billion ... made up the bulk, with Japan offering 5 billion, ...": a
            # part itself, the list its peers
        if _ANOTHER_ACT.search(states_joined().sub(" ", ctx.text[whole.end:first.start])) \
                or _larger_before(ctx, cl[:k], whole):  # (not "1,461 people dead or injured, including": one whole
            # in two states)
            continue  # "detained 45 people and seized weapons, including 30 rifles", "A total of 1,240 candidates
            # are contesting the 240 seats, of whom 210 are women": the parts are of another noun
        parts = _parts_after(ctx, cl[k + 1:], whole)
        if parts and told_at_times(ctx, parts):
            continue  # "3,420 defectors have arrived since the beginning of 2002, ..., 1,140 in 2002 and 1,280 in 2003":
            # some of the whole's time, or of others
        share_first = parts is not None and k > 0 and _of_kind(cl[k - 1], whole) \
            and PART_OF.fullmatch(ctx.text, cl[k - 1].end, whole.start) is not None
        if parts is not None and share_first:
            parts = [cl[k - 1], *parts]  # "won 128 of the 275 seats ..., with the Kurdish alliance taking 53, ...":
            # the share told of it first is a part too
        if parts is not None and len(parts) >= 2 and not any(id(p) in read for p in parts) \
                and parts_count_alike(whole, parts):
            parts = list(_but_one(parts, whole))
            rest = REST_BEFORE.search(ctx.text, max(0, parts[-1].start - 40), parts[-1].start)
            said = bool(_PARTS_SAID.search(ctx.text, whole.end, first.start)) \
                or whole.kind != "money" and not share_first and bool(_SHARE_AFTER_WITH.search(between)) \
                and _a_plain_list(ctx.text, whole, parts)  # (not
            # money, whose parts a company's losses and sales between divisions may pass it by; nor after a share
            # told of the whole, "won 58 of the 99 seats, with women making up 30": of the share)
            some = sorts_of_several(ctx.text, parts)  # "3,412 people have fled ..., 2,105 of them women and 1,007
            # children": some of them, never more
            if not said and not some and _list_told(ctx, whole, parts):  # "left 87 people dead in all, 52 in Leyte and 35 in Samar"
                largest = max(parts, key=tol.point)
                if holders_counted(ctx, whole, parts) or _short_of(parts, whole) \
                        and _all_places_told(ctx.text, whole, parts) and not rest_told_near(ctx, whole, parts):
                    yield Sum(tuple(parts), whole, including=False)  # all of it, place by place
                    continue
                if tol.interval(largest).lo > tol.interval(whole).hi and _counted_as(whole, largest) \
                        and (not told_at_place(ctx.text, whole) or bool(_by_one_word(ctx.text, whole, parts))):  # (not "50
                    # people in Jakarta in total, 19 in East Jakarta and 83 across Java": a wider place)
                    yield Sum((largest,), whole, including=True)  # parts that may overlap, but none past the whole
                    continue
            yield Sum(tuple(parts), whole, including=rest is None or some, loose=not (said or rest or some),
                      past_only=some)  # (after "with" the
            # figures may be something else, or count some twice: "1,234 new cases, with 830 in the capital, 312 in
            # the north and ...")


def _list_told(ctx: Context, whole: Claim, parts: list[Claim]) -> bool:
    """Whether a whole said to be a total ("in all", "altogether", "a total of") is broken down by the list right
    after a comma: of no other time and not compared, with no verb or "of them" of its own (another state: "..., 186
    of them children, and 700 were wounded"), each but the last after a comma and the last after "and", and nothing
    after the list in its sentence but who gave the figures ("..., 52 in Leyte and 35 in Samar, the civil defence
    office said").  Such parts may overlap ("8 million on domestic routes and 6 million in economy class"), but none
    is more than the whole."""
    text = ctx.text
    s0, s1 = ctx.sentences.span(whole.start)
    if not _A_TOTAL_OF.search(text, max(0, whole.start - 12), whole.start) \
            and not _IN_ALL_AFTER.match(text, subject_end(text, whole), parts[0].start):
        return False
    if A_RATE.search(text, s0, whole.end) or RATE_AFTER.match(text, whole.end) or whole.kind == "measure" \
            or "/" in whole.unit:
        return False  # "Average class size was 34 pupils overall, 29 in towns and 41 in villages", "35 per 1,000
        # births overall", "18 pesos a kilo overall", "120 km/h overall": an average or a rate, which its parts
        # may pass
    if not _COMMA_THEN.fullmatch(plain_gap(ctx, subject_end(text, whole), parts[0].start)) \
            or ANOTHER_TIME.search(text, parts[0].start, s1) or _SET_AGAINST.search(text, whole.end, s1):
        return False  # (the whole's own time may be told with it: "1.8 million Afghans returned home last year in all")
    gaps = [plain_gap(ctx, a.end, b.start) for a, b in zip(parts, parts[1:])]
    if not all(_LIST_GAP.fullmatch(g) for g in gaps[:-1]) or not _LAST_GAP.fullmatch(gaps[-1]) \
            or any(_OWN_CLAUSE.search(g) or OF_THEM.match(g) for g in gaps):
        return False
    close = _LIST_CLOSES.match(text, parts[-1].end, s1)
    return close is not None and not _OWN_CLAUSE.search(text, parts[-1].end, close.end("own")) \
        and not _A_DAY.search(text, parts[0].start, close.end("own"))  # (not "..., 52 in Hunan and 25 in Guangxi on
    # Sunday alone": of a shorter time than the whole)


# a time the list is told of, shorter than the whole's: "on Sunday alone", "on Monday", "overnight"
_A_DAY = re.compile(r"\b(?:" + alternation(sorted(CALENDAR_WORDS)) + r"|alone|yesterday|today|overnight|last\s+night"
                    r"|this\s+(?:week|month|morning))\b")


def _all_places_told(text: str, whole: Claim, parts: list[Claim]) -> bool:
    """Each part told at a place (or for a cause) by the same word ("22 in Thailand, 19 in Cambodia", "97 for looting and 46 for
    violating the curfew"), with no noun of its own but the whole's, none within another: a list short of its whole
    told so leaves no part out (places may lie within one another unseen, so a list past it may not be wrong)."""
    word = _by_one_word(text, whole, parts)
    if not word or places_nested(text, parts) or told_at_place(text, whole) and _whole_place_word(text, whole, parts) == word:
        return False  # (not "64 people in Central Java altogether, 23 in Semarang and 17 in Solo": some of its places;
        # but "4,650 troops are deployed in Liberia, 2,100 from Nigeria, ...": where they are, not where from)
    return True


def _whole_place_word(text: str, whole: Claim, parts: list[Claim]) -> str:
    """The little word the whole is told at its place by, before its parts ("deployed in Liberia": "in")."""
    m = _NAMED_PLACE.search(text, subject_end(text, whole), parts[0].start)
    return m.group(1).lower() if m else ""


_NAMED_PLACE = re.compile(r"\b(in|at|from|to|near|for|on|through|via)\s+(?:the\s+)?(?-i:[A-Z])", re.I)


def _by_one_word(text: str, whole: Claim, parts: list[Claim]) -> str:
    """The one word each part is told at a place or for a cause by, not a time, with no noun but the whole's ("" if
    none)."""
    words = set()
    for p in parts:
        if p.subject and (not whole.subject or head_noun(p.subject) != head_noun(whole.subject)):
            return ""
        m = _BY_WORD.match(text, subject_end(text, p))
        if m is None or m.group("word") in CALENDAR_WORDS or _A_TIME.match(m.group("word")) \
                or whole.kind == "money" and m.group(1).lower() == "for":
            return ""  # (not "6,100 on Friday and 3,300 on Saturday", "700 in June": times, the whole's may be
            # longer; nor "4.5 billion for new equipment and 1.1 billion for operations": sums set aside, some of it)
        words.add(m.group(1).lower())
    return words.pop() if len(words) == 1 else ""


_BY_WORD = re.compile(r"\s+(in|at|from|to|near|for|on)\s+(?:the\s+|its\s+|their\s+)?(?P<word>[A-Za-z]+)", re.I)
# a time told by its place in a sequence: "97 in its first session", "400 in the second half"
_A_TIME = re.compile(r"(?:first|second|third|fourth|last|final|next|early|late|opening|closing|morning|evening|night|day"
                     r"|week|month|year|quarter|half|session|round|stage|phase|term)$", re.I)
# an average, a rate or a score, whose parts (each place's or group's) may be past it


def _counted_as(whole: Claim, part: Claim) -> bool:
    """Whether a part counts what its whole counts: no noun of its own, the whole's, or a people among people
    ("139 Americans" of "214 personnel"; not "450 passengers" of "300 vehicles")."""
    if not part.subject or not whole.subject:
        return True
    return head_noun(part.subject) == head_noun(whole.subject) or _peoples_of(whole, part)


def _peoples_of(whole: Claim, part: Claim) -> bool:
    """A part that counts a people ("139 Americans") of a whole that counts persons ("214 personnel")."""
    return bool(whole.subject) and head_noun(whole.subject) in person_wholes() and a_people(part)


def _short_of(parts: list[Claim], whole: Claim) -> bool:
    """Whether the parts add up to less than the whole, however they are rounded."""
    return tol.summed(parts).hi < tol.interval(whole).lo


# a whole's clause closed by a comma and no more words before its list: "87 people dead in all, "
_COMMA_THEN = re.compile(r"[^\d.;:(),]{0,100}?,\s*")
# the words between two parts of a list: "in Leyte, " (a comma), and before the last: "in Leyte and "
_LIST_GAP = re.compile(r"[^\d.;:()]{0,40}?,\s*")
_LAST_GAP = re.compile(r"[^\d.;:(),]{0,40}?(?:,\s*|\s)and\s+")
# the list ends its sentence, but for who gave the figures: " in Samar, the civil defence office said."
_LIST_CLOSES = re.compile(r"(?P<own>[^\d.;:(),]{0,50}?)(?:[.;]|$|,\s*(?:[^\d.;:(),]{0,60}?\b(?:said|says|reported|told"
                          r"|according\s+to|showed|announced|quoted)\b)[^\d.;:()]{0,60}?(?:[.;]|$))")
# (not a clause of when or why, which may tell the rest: "..., as European governments made up the rest")




def _larger_before(ctx: Context, before: list[Claim], whole: Claim) -> bool:
    """A larger figure of the whole's kind earlier in its sentence, which the parts may be of."""
    s0 = ctx.sentences.span(whole.start)[0]
    return any(c.start >= s0 and _of_kind(c, whole) and tol.point(c) > tol.point(whole) for c in before)


def _parts_after(ctx: Context, after: list[Claim], whole: Claim) -> list[Claim] | None:
    """The figures of the whole's kind after it, to its list's end: None when one cannot be a part."""
    text = ctx.text
    s1 = ctx.sentences.span(whole.start)[1]
    end = _LIST_ENDS.search(text, after[0].start, s1)
    stop = end.start() if end else s1
    more = _NEW_VERB.search(text, after[0].end, stop)
    stop = more.start() if more else stop  # "a total of 260 flights, including 180 domestic departures, and stranded
    # about 25,000 passengers": the list ends where a clause of its own begins
    parts: list[Claim] = []
    for c in after:
        if c.start >= stop:
            break
        if not _of_kind(c, whole) or _BASE_OF_A_SHARE.search(text, max(0, c.start - 50), c.start) \
                or parts and (PART_OF.fullmatch(text, parts[-1].end, c.start)
                              or _RELATIVE_THEN.fullmatch(text, subject_end(text, parts[-1]), c.start)):
            continue  # (nor the base of a share told between: "450, or 2 percent of the country's prison population of
            # 22,000"; nor the whole of a part: "including 18 of the 30 chosen by direct election")
        if not part_ok(c) or _LEVEL_FROM.search(text, max(0, c.start - 12), c.start):
            return None
        parts.append(c)
    return [p for p in parts if not _holders_count(text, p, parts)]


# a relative clause after a part that tells a figure of its own: " of freshly uprooted plants that dried down to "
_RELATIVE_THEN = re.compile(r"[^,;:()\d]{0,40}?\b(?:that|which|who)\s+[^,;:()\d]{1,40}", re.I)
_BASE_OF_A_SHARE = re.compile(r"(?:percent|per\s+cent|%|pct)\s+of\s+[^,;:()\d]{0,40}$", re.I)


def _but_one(parts: list[Claim], total: Claim) -> tuple[Claim, ...]:
    """The parts, or all of them but one where those add up to the total and all of them do not: the one left out is
    no part of this list ("killed 12 people and wounded 30, leaving 200 homeless, a total of 42 casualties", "30
    killed and 72 wounded, among them 11 children, giving a total of 102", "Output reached 4.2 million tonnes, 1.9
    million tonnes of wheat and 1.4 million tonnes of maize, a total of 3.3 million").  A part or total mistyped
    leaves no such subset, save by chance."""
    t = tol.interval(total)
    if len(parts) > 2 and not tol.summed(parts).overlaps(t):
        for k in range(len(parts)):
            rest = parts[:k] + parts[k + 1:]
            if tol.summed(rest).overlaps(t):
                return tuple(rest)
    return tuple(parts)


def _clause_opener(ctx: Context, s0: int, total: Claim) -> tuple[int, int] | None:
    """(start, end) of the comma, dash or bracket that opens the total's clause, within LEAD_LONGEST characters of
    it and with no figure between (a date is words: "bringing the toll from the Dec 26 tsunami to"), or None."""
    lo = max(s0, total.start - 2 * LEAD_LONGEST)  # (read wide, then measured with a blanked aside squeezed: "damaged
    # 3,918 others, the government's disaster office said Monday, bringing the number of houses hit ... to 5,165")
    found = None
    for m in _OPENER.finditer(ctx.text, lo, total.start):
        found = m
    lead = plain_gap(ctx, found.end(), total.start) if found is not None else ""
    if found is None or len(lead) > LEAD_LONGEST or any(ch.isdigit() for ch in lead):
        return None
    return found.start(), found.end()


def _list_start(text: str, s0: int, end: int) -> int:
    """Where the parts may begin: after the sentence's last colon or semicolon before the total's clause."""
    cut = max(text.rfind(":", s0, end), text.rfind(";", s0, end))
    return cut + 1 if cut >= 0 else s0


def _figure_unread(ctx: Context, start: int, end: int) -> bool:
    """Whether digits stand between ``start`` and ``end`` that no claim holds ("... Meretz 5, United Arab List 4,
    Hadash 3, Balad 3 - 120 seats in all", the last read as names' numbers): a list with parts not read."""
    chars = list(ctx.text[start:end])
    for c in claims_between(ctx.claims, start, end):
        chars[max(c.start, start) - start:min(c.end, end) - start] = " " * (min(c.end, end) - max(c.start, start))
    return any(ch.isdigit() for ch in chars)


def _parts_before(text: str, before: list[Claim], start: int, end: int, total: Claim) -> list[Claim] | None:
    """The figures of the total's kind in [start, end): None when one of them cannot be a part (a change, a bound,
    a level left "from", a part of the one before); counts of holders ("at its two plants") left out.  The first may
    be a change in a count whose verb the next parts leave out ("will cut 1,800 jobs in Germany, 700 in Britain and
    500 elsewhere, 3,000 in all"), as a run's first may (_lists._run_end)."""
    parts: list[Claim] = []
    for c in before:
        if not start <= c.start < end or not _of_kind(c, total):
            continue
        if not (part_ok(c) or not parts and c.kind == "count" and whole_ok(c)) \
                or _LEVEL_FROM.search(text, max(0, c.start - 12), c.start) \
                or _acted_on(text, c, total) \
                or parts and _PARTS_SAID.search(text, parts[-1].end, c.start):
            return None  # (not "215 people ..., including 90 in Sindh": a part of the one before)
        parts.append(c)
    return [p for p in parts if not _holders_count(text, p, parts)]


def a_kind_word(subject: str) -> bool:
    """Whether a part's noun, as written, is no plural, so a kind of what the whole counts with its noun left out
    ("520 new schools (310 primary, 145 secondary and 65 vocational)"), or the stuff a measure is of ("178,200
    hectares of forest"); not "19,000 engineers"."""
    words = subject.split()
    word = words[-1] if words else ""
    return word.isalpha() and word.islower() and singular(word) == word and not word.endswith("s")


def one_group(a: str, b: str) -> bool:
    """Two nouns for one group (numcheck/data/group_names.tsv, "same"): "2,539 cases ... for a total of 4,156
    infections"."""
    same = group_names().same
    return same.get(a, a) == same.get(b, b)


def _acted_on(text: str, c: Claim, total: Claim) -> bool:
    """Whether ``c`` is the figure of what a noun before it acts on ("and the demobilisation of some 100,000 troops"),
    not a sum the noun tells, as the total does ("nonperforming loans of 20.2 trillion yen ..., bringing their
    combined bad loans to")."""
    m = _OF_BEFORE.search(text, max(0, c.start - 40), c.start)
    if m is None:
        return False
    noun = singular(m.group(1).lower())
    told = {singular(w) for w in re.findall(r"[a-z]+", text[max(0, total.start - 40):total.start].lower())}
    own = bool(total.subject) and noun == head_noun(total.subject)
    return not own and noun not in told


def parts_count_alike(total: Claim, parts: list[Claim]) -> bool:
    """Parts that count what the total counts: a count total's noun is a part's, or a collective noun the parts
    name members of one each ("for a total of 63 medals" after golds and silvers); not "1,200 homes and 800 ...,
    leaving a total of 12,000 people homeless", "450 branches and 320 branches, and 18,000 people"."""
    if total.kind != "count" or not total.subject or not parts[0].subject:
        return True  # (the first part tells what the list counts; the later ones often leave it out)
    heads = {head_noun(parts[0].subject), head_noun(total.subject)}
    return len(heads) == 1 or a_kind_word(parts[0].subject) or one_group(*heads) or collective(total, parts) \
        or head_noun(total.subject) in _activity_nouns() \
        or heads <= toll_nouns() or _peoples_of(total, parts[0])  # ("killed 41 people ..., accounting for all 70
    # deaths"; "214 personnel overall, 139 Americans")


@lru_cache(maxsize=1)
def _activity_nouns() -> frozenset[str]:
    """Nouns of a total that count whatever its parts count, the parts naming the things and the total what was done
    with them ("sold 47,230 cars ... and 4,680 abroad, for total sales of 51,910", "killed 1,870 people ..., for a
    toll of 2,068"): numcheck/data/aggregate_nouns.txt and told_total_nouns.txt, as head nouns."""
    return frozenset(head_noun(w) for w in (*words("aggregate_nouns.txt"), *words("told_total_nouns.txt")))


def _house(text: str, c: Claim) -> bool:
    """A house sized by its seats or members ("the 646-member House of Commons") that the parties' seats told before
    it are said to fill, right before it ("together making up the 646-member House", "filling the 132-member
    council"; not "making up most of the", "a majority in the"): a total, though a compound."""
    noun = compound_noun(text, c.end)
    return bool(noun) and singular(noun.lower()) in seat_nouns() \
        and bool(_FILLING.search(text, max(0, c.start - 30), c.start))


# the verb that says the seats before fill the house right after it
_FILLING = re.compile(r"\b(?:making\s+up|make\s+up|made\s+up|filling|fill|filled)\s+(?:all\s+(?:of\s+)?)?the\s+$", re.I)


def _compound(text: str, c: Claim) -> bool:
    """A figure hyphened to a word, the size of the thing it modifies ("a 12,000-strong force", "the 400-seat
    house"): neither a part nor a total."""
    return bool(compound_noun(text, c.end) or _HYPHENED.search(c.text))


_HYPHENED = re.compile(r"\d-[A-Za-z]")


def _of_kind(c: Claim, total: Claim) -> bool:
    """A figure of the total's kind, or a bare one beside a sum or measure ("2.11 million and 1.04 million tonnes",
    "720,000 and 1.41 million tonnes"), whose unit NC109's measured_alike then reads."""
    return c.kind == total.kind or total.kind in ("money", "measure") and (bare_scaled(c) or elided(c)) \
        or c.kind in ("money", "measure") and bare_scaled(total)  # "8.1 billion and 5.6 billion Swiss francs, a
    # combined 13.7 billion"


def _holders_count(text: str, c: Claim, parts: list[Claim]) -> bool:
    """A count in words that says how many hold or share a part, not a part: "10 at its two Fukushima plants",
    "while two minor candidates shared 211,744" (far smaller than every figure in digits beside it)."""
    if c.kind != "count" or c.text[:1].isdigit():
        return False
    if _DETERMINED.search(text, max(0, c.start - 8), c.start):
        return True
    digits = [p for p in parts if p.text[:1].isdigit()]
    return bool(digits) and holds_parts(c, digits)


