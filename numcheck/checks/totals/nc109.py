"""NC109 parts-total-mismatch: parts listed with a stated total must add up to it.

Read shapes: "three men and two women - five people", "£2m and £3m, a total of
£5m", "five people - three men and two women -", "12 people, including 8
children and 6 women" (with "including" the parts may fall short of the total,
never exceed it).  Parts and total must be the same kind and unit; every number
is read to its stated precision and qualifier.
"""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import chain
from typing import Iterable, Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Claim, Finding
from .._asides import joined_back, without_asides, without_changes
from .._common import DIFFERENCE_AFTER, numeric, of_its_whole, tells_who
from ..base import Check, ClaimsByStart, Context
from ._lists import names_group, runs_with_totals
from ._of_whole import parts_over_wholes, seats_past_the_house
from ._together import held_together
from ._tally import breakdowns, tallies
from ._told import parts_of_the_opening_whole, told_totals, totals_of_the_list_before, wholes_told_first
from ._allotted import allotted_sums, taken_from_the_opening_whole, split_between
from ._house_tally import house_tallies
from ._votes import vote_tallies
from ._parts import SIZE_COMPOUND, Sum, each_reading, far_past, may_overlap, measured_alike
from ._rest import more_told_next, wholes_opened_with_rest_next, wholes_with_rest, with_rest_told_next
from ._next import parts_in_next_sentence
from ._running import running_from
from ._beside import runs_after_sentence, runs_beside
from ._brackets import bracketed_parts
from ._breakdown import breakdowns_past_the_whole
from ._typo import compared, one_digit_off, rest_told_near, told_partial
from ._units import in_the_totals_unit
from ._holders import holders_counted, holders_listed
from ._verbs import parts_led_by_verbs, records_of_matches
from ._view import without_conversions
from ._wholes import houses_with_seats, wholes_with_parts


class PartsTotal(Check):
    """Parts that do not add up to the total stated with them.

    What it flags:
    A list of parts with its total: "three men and two women - five people",
    "£12m, £15m and £20m respectively, a total of £50m", "120,000, 95,000 and
    80,000 cars respectively, 310,000 in all", "five people - three men and two
    women -", "12 people, including 8 children", and a whole followed by what
    it is made of ("The fleet of 120 aircraft includes 80 Airbus and 50 Boeing
    jets", "Of the 500 delegates, 300 were men and 250 were women", "1,000
    tickets were sold: 700 to adults and 400 to children", "1,250 employees,
    of whom 830 are in China and 320 in Japan", "12,000 troops are made up of
    ...", "were broken down into ...", "rose to 85, including 60 in Baghdad and
    25 in Basra", "187 seats -- 122 for the Socialists and 65 for their
    partners --", "Total output reached 8,412.6 tonnes, with rice of 5,301.2
    tonnes and wheat of 3,111.4 tonnes", "forced 9,215 people from their homes,
    6,102 in Sindh and 3,113 in Punjab").  After a dash, "made up of",
    "consists of" or "is split between" the parts are all of the whole and
    must add up to it, and so after a colon when they are told alike and
    count people, seats or votes (numcheck/data/collective_nouns.txt),
    sums or measures ("4,700 asylum seekers arrived: 2,300 Eritreans, 1,500
    Somalis and 900 Sudanese"); after a comma, parts must each be told with a place or
    time, and parts told with places must all be named places or none ("3,000
    in the United States and 2,500 in sales" may count some twice).  "Comprises",
    like "made up of", means all of it, unless the list goes on in words not
    read ("200 elected members, 72 appointed by the king and 40 seats
    reserved"); a run of counts may begin with its total ("A total of 7,629
    candidates, 6,482 men and 1,147 women").  A count or measure broken down
    right after it (", with mainland Chinese making up", a colon, a bracket,
    ", 36.5 million of them broiler chickens", or a next sentence opening
    "Of that,") may be told in part, so only a sum past it is flagged
    (totals/_breakdown).  A total may also
    follow as "a combined 6.4 million", "for 27 medals", "bringing the
    national toll to 140" (a running total: the parts may fall short of it),
    or close the run of parts ("12 bronze medals, 52 in all"), or come after
    them as "taking the number of homeless to 10,932" (running), "out of a
    total of 9,224" (others may be in it too) or "accounting for all 37
    people", "filling all 650 seats" (after election results told party by
    party, "Labour on 311 seats, the Conservatives on 246, ..."), or "for a
    total capacity of" (which may hold what was there before), or "together
    making up".  A whole said to be a total ("87 people dead in all", "a
    total of 12,400 people") with a list after a comma that tells it by one
    word each ("52 in Leyte and 25 in Samar", "97 for looting and 16 for
    violating the curfew"), and nothing after but who said so, is all of it
    where the list falls short; places may lie within one another unseen, so
    past it only a part larger than the whole alone is said ("50 people in
    Asia overall, 33 in Vietnam, 83 in Thailand"); a count of who share a
    whole ("divided between the two blocs, 67 for ...") is none of its
    parts.  A count of new ones may bring a running total from one
    level to another ("14 new deaths, bringing the total to 178 from 164",
    "adding to 23,421 ... and bringing the tally to 24,517"): the later
    level is the earlier plus the count (not a fall, "freed 40 prisoners,
    taking the number held from 250 to 210", nor two counts, nor a level of
    another time, "from 164 a week ago").  A whole told by a passive verb
    may be followed by "of them" parts ("41 people were killed in the blast,
    29 of them miners and 12 rescue workers"), some of it, and a whole with
    its change told by "of which" parts each named before its figure
    ("469.47 million tonnes, up 9 percent, of which summer grain was 101.07
    million tonnes, early rice 31.23 million tonnes and ..."); a figure that
    tells who a part is ("4,712 people aged 65 or older") is none of the
    sum's.  A toll's parts may be told with their states or led by verbs
    ("84,537 dead and 93,836 missing, a total of 138,373", "killing 27 and
    wounding 96, police said, taking the total number of casualties to 123":
    numcheck/data/part_states.txt; "killed 191 people and injured 656 others,
    bringing the number of casualties to 847": casualties count every state),
    but a total told in one state is not the sum of parts in several; parts
    told at times ("since January 2004 -- 21 million in January, 14 million in
    February ..."), or named by nouns of several partitions ("2,105 of them
    women and 1,007 children"), are some of a whole, not all of it; parts may be named before their figures after
    "made up of", "financed by" or "comprising" ("recurrent spending of 594
    billion shillings and development expenditure of 271 billion"); a count
    "reached" may be broken down in full by a partition; a sum's conversion
    in brackets is the same sum again, neither part nor total
    (totals/_view.py); with "including", a group named by nationality and
    one named by sex or age may share members.  A last
    part said to be the rest ("and the remaining 836", "the rest, 128,", "all
    other countries 285,500", "1,500 in the rest of Europe", "9.1 million in
    the other provinces") makes the parts
    all of the whole before them however they are joined (the whole may
    follow, "the remaining 17 of the 300", or stand in the sentence before,
    "Of these, 903 were ...", or opening a sentence of parts after the one
    that tells the whole, "... forecast at 18.5 million tonnes. Maharashtra
    is expected to produce 6.1 million tonnes, Uttar Pradesh 5.2 million and
    the other states 7.2 million", unless that sentence told a part of it
    already), and so do parts after a dash ("86 tonnes - 54
    tonnes of tuna and 32 tonnes of mackerel") and one part for each of the
    places counted ("in two operations - 860 kilograms at ... and 540
    kilograms at ..."); a whole "will be funded by" its parts.  In a list of sums of money, a bare scaled sum
    keeps the total's currency ("9.08 billion dollars in claims: 1.3 billion
    for property damage, 520 million for vehicles").  Parts that name every
    noun of a partition (gold, silver and bronze; men and women:
    numcheck/data/partitions.txt; "207 were women and 111 men", "780 passed and
    470 failed") are all of
    the whole before them, even after a bare comma ("26 medals, five gold,
    four silver and seven bronze").  A first part told "of them" after a
    comma starts a breakdown ("86,400 people, 47,900 of them women and the
    other 38,500 men").  A count told across places ("25 people in three
    states: 14 in Mississippi, ...") is the whole of parts told by place.  The parts of a count
    held in a sized body are of that count ("87 seats in the 150-seat
    chamber, made up of ...").  Seats set off by a
    dash or colon from the houses that hold them, each sized by a hyphen
    ("will elect 58 deputies to the bicameral parliament -- the 18-seat
    council and the 40-seat assembly": numcheck/data/seat_holders.txt) are
    all their seats.  Seats told party by party before the house sized by a
    hyphen that holds them ("won 143 seats, the opposition 87 and
    independents 22 in the 252-seat assembly") are of its seats.  Parts each
    led by a verb of a partition ("played 30 matches, winning 18, drawing 7
    and losing 5") are all of the whole, and so are parts in brackets after
    their names once "split" or "divided" sets them off ("split among
    education (312 million), transport (298 million) and ..."; after "went
    to", "including" or a colon they may fall short).  A whole said to be
    contributed to ("with Europe contributing 8.4 billion, the Americas 6.2
    billion and ...") holds its parts, unless it is a profit or told net of
    something ("less 200 million in rebates"), as a toll "stands at 30,957,
    with 21,214 in the east, ..." does.  A part told
    "of" its whole ("won 114 of the 230 seats", "8,009 of the 10,749 people
    killed", "191 seats in Mozambique's 250-seat parliament") can never be
    larger than it, where the whole counts people, places, seats, votes or
    contests (numcheck/data/whole_counts.txt), unless the whole is a goal it
    may pass ("of the 5 billion target": numcheck/data/goal_words.txt), owns
    what the part counts, or the part is a demand ("bid for 4.5 billion of the
    1.2 billion shares"); the finding is then on the part
    (totals/_of_whole.py), nor larger than the whole its sentence opens on
    ("Of the 538 electors, 871 voted for Bush").  Who gave the figures, in a
    clause set off by commas ("2,135 schools, the ministry said, of which
    ..."), is read as if it were not there, and a sentence that opens by
    pointing back at the whole of the one before ("... 3,450 new jobs. They
    break down as follows: ...", "The figure comprised ...") as joined to it
    (checks/_asides.py); a level a change left ("cut from 500 seats") is no
    whole.  Results told one by one after a first share of a
    house's seats or of the votes ("won 114 of the 193 seats, ..., with the
    Malawi Congress Party winning 26, the United Democratic Front 17 and
    independents 32", "against 107 for the ruling party, with the remaining
    nine", "the Conservatives 198, the Liberal Democrats 62", its verb left
    out) are some of the whole with it, or all of it when the last is the
    rest; not where they may break the first share down (they add up to it,
    "with his Liberal Democratic Party taking 296", a coalition's or a group's
    share: numcheck/data/cross_groups.txt) or another time's results are told
    ("against 103 last time").  A whole "divided as follows:" by name is all
    of its results (totals/_tally.py).  A vote told by its parts ("by 476
    votes to 99, with one abstention", "522 backed the directive, 81 voted
    against and 37 abstained": numcheck/data/vote_words.tsv) makes up in full
    those who took part once the abstentions are told, and the votes cast
    once the spoiled ballots are; otherwise, and of those present or the
    body's size, it is some (totals/_votes.py).  A record of three kinds told
    before its matches ("18 wins, nine draws and seven defeats from their 34
    matches") is all of them, and sums set aside out of a budget ("of which
    1.2 trillion naira is earmarked for capital projects and 1.9 trillion
    naira for recurrent spending", "with RM2.5 billion allocated for
    development and RM1.6 billion for operating expenditure", "allotting NIS
    2.1 billion to roads and NIS 1.3 billion to housing", "with 210 million
    euros for reconstruction and 135 million euros for ...")
    are some of it (totals/_allotted.py), and so are parts told with who gave
    them ("with Johor recording 11,240, Pahang 6,355 and ..."); a whole "split
    between" takers told with what each gets ("..., which gets Rs 1,250 crore,
    and state schemes, which get Rs 550 crore", "split between the ruling party
    with 38, the opposition with 19 and independents with 7", "divided among
    health (285 million), education (230 million) and roads (125 million)") is
    all of them, and so is a whole a counted few hold together, one part each
    ("Together the two companies paid 412 billion roubles, 306 billion by
    Gazprom and 106 billion by Lukoil"), or a total told across places the
    sentence counts, one part at each ("Fighting in three provinces has killed
    a total of 47 people, 21 in Helmand, 15 in Kandahar and 11 in Uruzgan").  A
    whole's change told as an aside does not part it from its parts ("2.48
    million residents, up 11 percent since 1991, of whom ...").  Parts and total
    must be the same kind and unit, and each is read to its precision and
    qualifier.  With "including", or a whole stated first, the parts may fall
    short of the total, never exceed it, except as said above.  Parts that
    may fall short, and any run of two or more smaller figures of a figure's
    kind and unit beside it in its sentence (not a count of another noun,
    not set against it: "by 312 votes to 198", "while", "compared with"),
    unless the text tells them as examples of it ("among them", "such as";
    "including" or "of whom" when the parts are told in the sentence after
    the whole's), tells a rest with no figure after them ("the rest being
    vocational colleges") or compares it with their sum ("more than ...
    put together"), raise a warning when they
    fall short by what one digit of one figure, changed, would make up
    exactly, a hundred or more of the figures' rounding unit ("39,500
    runners ..., 22,300 in the marathon and 16,200 in the half": 38,500 is
    one digit off): a mistyped digit is far likelier than that chance.  The
    finding is on the total; the suggestion is the sum, written as the total is
    ("five" -> "six"); with "including" there is none (the right total is not certain).

    Why it matters:
    A total that its own parts contradict means a part was dropped, doubled or
    mistyped; the reader can do the sum and will.

    Anti-pattern:
        Five people died - three men and three women.

    Best practice:
        Six people died - three men and three women.

    Options:
    None.
    """

    code = "NC109"
    name = "parts-total-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        ctx, converted = without_conversions(without_changes(without_asides(joined_back(ctx))))  # "865 billion shillings (11.2 billion U.S. dollars)
        # budget", "2,135 schools, the ministry said, of which"
        every = [_sized_counted(ctx.text, c) for c in numeric(ctx) if id(c) not in converted and not ctx.text[c.start].isspace()]  # (nor one
        # in who gave the figures, blanked: ", the two countries said,")
        cl = [c for k, c in enumerate(every) if not names_group(ctx.text, every, k)  # "the other three candidates 2.4 million"
              and not tells_who(ctx.text, every[k - 1] if k else None, c)  # "4,712 people aged 65 or older and 603"
              and not (c.kind == "percent" and c.change is not None)  # "469.47 million tonnes, up 9 percent, of which"
              and not DIFFERENCE_AFTER.match(ctx.text, c.end)  # "43 are non-party members, one more than in"
              and not _size_of_noun(ctx.text, c)]  # "3.2 million 60-kg bags": the 60 kg is each bag's size
        listed = list(runs_with_totals(ctx, cl))
        read = {id(s.parts[0]) for s in listed}  # a run read with its total is not read again as a whole's parts
        counts = ClaimsByStart(c for c in cl if c.kind == "count")
        found = [*listed, *wholes_with_parts(ctx, cl, read), *houses_with_seats(ctx, cl),
                 *each_reading(ctx, cl, parts_led_by_verbs), *each_reading(ctx, cl, bracketed_parts),
                 *each_reading(ctx, cl, running_from), *tallies(ctx, cl),
                 *each_reading(ctx, cl, records_of_matches), *each_reading(ctx, cl, allotted_sums),
                 *each_reading(ctx, cl, taken_from_the_opening_whole),
                 *each_reading(ctx, cl, split_between), *each_reading(ctx, cl, held_together),
                 *vote_tallies(ctx, cl), *breakdowns(ctx, cl), *house_tallies(ctx, cl)]
        found = [s for s in map(in_the_totals_unit, found) if not far_past(s.parts, s.total)]  # (its parts are free
        # for another reading; parts in another unit of the total's measure read in its unit first)
        told = read | {id(p) for s in found for p in s.parts}  # a part read once is not read again with the rest
        rests = list(wholes_with_rest(ctx, cl, told))
        rests += parts_in_next_sentence(ctx, cl, told | {id(p) for s in rests for p in s.parts})
        taken = told | {id(c) for s in rests for c in (s.total, *s.parts)} | {id(s.total) for s in found}
        for last_resort in (told_totals, wholes_told_first, totals_of_the_list_before, parts_of_the_opening_whole,
                            wholes_opened_with_rest_next):
            # a total said to be one, of the figures before it; a whole told first with the figures after "with",
            # "including"; a sentence that sums the list before it; one that opens on its whole: each reads no figure
            # an earlier one took
            more = list(last_resort(ctx, cl, taken))
            rests += more
            taken |= {id(c) for s in more for c in (s.total, *s.parts)}
        flagged: set[int] = set()
        past = (s for s in breakdowns_past_the_whole(ctx, cl) if id(s.total) not in flagged)  # a whole's breakdown
        # past it, though another reading took some of its parts (and read fewer: "..., with mainland Chinese making up
        # 10.5 million, Hong Kong residents 7.6 million and visitors from elsewhere 2.6 million"), unless it flagged the
        # whole (read lazily, after the other readings' sums)
        for s in chain(_distinct(chain(found, rests)), past):
            s = in_the_totals_unit(_as_many_as_holders(ctx, with_rest_told_next(ctx, cl, s)))  # ("2.6 tonnes, 1.75
            # tonnes at the port and 850 kilogrammes at a warehouse")
            if measured_alike(ctx, counts, s.parts, s.total) and not far_past(s.parts, s.total):
                for f in self._compare(ctx, s):
                    flagged.update(id(p) for p in (s.total, *s.parts))
                    yield f
        for part, whole in chain(parts_over_wholes(ctx, cl), seats_past_the_house(ctx, cl)):
            if not {id(part), id(whole)} <= flagged:  # not again where the sum it is in was flagged
                yield self._over_whole(ctx, part, whole)
        told |= {id(p) for s in rests for p in s.parts}
        for b in chain(runs_beside(ctx, every, told), runs_after_sentence(ctx, every, told)):  # figures beside a
            # larger one that no reading took, in its sentence or the next
            yield from self._one_digit_off(ctx, b.sum, beyond=b.opens)

    def _compare(self, ctx: Context, found: Sum) -> Iterator[Finding]:
        """A finding, on the total, where the parts' sum (each read to its precision) cannot be it (with
        including: where it exceeds it)."""
        parts, total = found.parts, found.total
        including = found.including or more_told_next(ctx, found)
        if found.loose:
            yield from self._one_digit_off(ctx, found, beyond=True)
            return
        s = tol.summed(parts)
        t = tol.interval(total) if including else _floor_reached(total, tol.interval(total))
        if including and len(parts) == 1 and s.lo > t.hi:
            yield self._over_whole(ctx, parts[0], total)  # ("50 people in Asia overall, 33 in Vietnam, 83 in ...")
            return
        if including:
            if s.lo <= t.hi:
                if not found.past_only:
                    yield from self._one_digit_off(ctx, found)
                return
            if may_overlap(ctx.text, parts, ctx.sentences.span(parts[-1].start)[1]) \
                    and all(tol.point(p) <= tol.point(total) for p in parts):
                return  # "included 41 Britons and 15 women": some may be both (but no part is past the whole)
        elif s.overlaps(t):
            return
        point = sum(tol.point(p) for p in parts)
        step = _sum_step(parts, point)
        listed = " + ".join(nf.amount(tol.point(p), like=p, step=p.step or 1.0) for p in parts)
        word = "the parts it includes" if including else "its parts"
        tail = ", so the total is at least that" if including else ""
        yield ctx.finding(
            self, total.start, total.end,
            f"{word} add up to {listed} = {nf.amount(point, like=total, step=step)}; "
            f"the text says {total.text} ({nf.rel_diff(tol.point(total), point)}){tail}",
            related=[ctx.related(p, "part") for p in parts],
            evidence={"parts": [tol.point(p) for p in parts], "sum": [s.lo, s.hi], "including": including},
            suggestion=None if including or _past_its_whole(ctx, total, point) else nf.restate(total, point, allowed=s))

    def _over_whole(self, ctx: Context, part: Claim, whole: Claim) -> Finding:
        """A finding, on the part, where a part told "of" its whole is larger than it (totals/_of_whole)."""
        return ctx.finding(
            self, part.start, part.end,
            f"{part.text} is more than the {whole.text} it is part of; one of the two figures is wrong",
            related=[ctx.related(whole, "whole")],
            evidence={"parts": [tol.point(part)], "whole": tol.point(whole), "part_over_whole": True})

    def _one_digit_off(self, ctx: Context, found: Sum, beyond: bool = False) -> Iterator[Finding]:
        """A warning, on the total, where parts that may fall short of it (or go past it: ``beyond``) miss it by one
        digit of one figure (_typo)."""
        parts, total = found.parts, found.total
        figures = sorted((total, *parts), key=lambda c: c.start)
        point = sum(tol.point(p) for p in parts)
        end = ctx.sentences.span(figures[-1].start)[1]
        apart = ctx.sentences.span(figures[0].start)[0] != ctx.sentences.span(figures[-1].start)[0] \
            or any(figures[0].start < j < figures[-1].start for j in ctx.joined)  # (told in two sentences)
        told_so = told_partial(ctx.text, figures, end, apart) if point < tol.point(total) else compared(ctx.text, figures, end)
        # (parts told as some of it may fall short, never go past it; either way not where the total is compared with
        # them)
        if told_so or not one_digit_off(parts, total, beyond) or more_told_next(ctx, found) \
                or rest_told_near(ctx, total, parts):  # ("... The remaining 500 were from Sumatra")
            return
        listed = " + ".join(nf.amount(tol.point(p), like=p, step=p.step or 1.0) for p in parts)
        yield ctx.finding(
            self, total.start, total.end,
            f"{listed} = {nf.amount(point, like=total, step=_sum_step(parts, point))} is one digit off "
            f"{total.text}: if these are all of it, one of the figures is mistyped",
            related=[ctx.related(p, "part") for p in parts],
            evidence={"parts": [tol.point(p) for p in parts], "sum": point, "one_digit_off": True},
            severity="warning")


_HYPHENED_UNIT = re.compile(SIZE_COMPOUND + "$")
_NOUN_AFTER = re.compile(r"\s+[a-z]")


def _as_many_as_holders(ctx: Context, s: Sum) -> Sum:
    """A sum that may be some of its whole, told as all of it where the text counts the whole's holders, or names
    them, as many as the parts (totals/_holders): each holds its part, and they hold it all."""
    if s.including and (holders_counted(ctx, s.total, s.parts) or holders_listed(ctx, s.total, s.parts)):
        return replace(s, including=False, past_only=False)
    return s


# how far past a floor ("at least 27", "more than 10,000") the parts told as all of it may add up
FLOOR_REACH = 1.2


def _floor_reached(total: Claim, t: tol.Interval) -> tol.Interval:
    """The total told as a floor, read for parts that are all of it: they count what the floor was told from, so
    they may pass it a little, not without end ("At least 27 people were killed, 16 of them in clashes and the other
    11 in police firing"; "The dead were 29 men, 24 women and 21 children" after "killed at least 74")."""
    reach = max(tol.exact(total).hi, tol.point(total) * FLOOR_REACH)  # ("Over 2 million": 2.5 million as written)
    return tol.Interval(t.lo, reach) if t.hi == tol.INF and t.lo > 0 else t


def _past_its_whole(ctx: Context, total: Claim, point: float) -> bool:
    """Whether the parts' sum would pass the whole the total is told of ("giving the ruling bloc 327 of the 480
    seats"): no fix to offer, a part may be the wrong figure."""
    after = next((c for c in ctx.claims if c.start >= total.end), None)
    return after is not None and of_its_whole(ctx.text, total, after) and point > tol.point(after)


def _sized_counted(text: str, c: Claim) -> Claim:
    """A bare count before a size hyphened to its noun, told with that noun ("900,000 60-kg bags" counts bags, no
    tonnes elided after "61,000 tonnes")."""
    m = _SIZED_AFTER.match(text, c.end) if c.kind == "count" and not c.subject else None
    return replace(c, subject=m.group("noun")) if m else c


_SIZED_AFTER = re.compile(r"\s+\d+(?:\.\d+)?-(?:kg|kilo(?:gram)?(?:me)?|tonne|ton|lb|pound|litre|liter|gallon|foot|feet|metre"
                          r"|meter)\s+(?P<noun>[a-z]+)")


def _size_of_noun(text: str, c: Claim) -> bool:
    """A measure hyphened to its unit before a noun ("60-kg bags", "20-foot containers"): the size of each thing
    counted, neither a part nor a total."""
    return c.kind == "measure" and bool(_HYPHENED_UNIT.search(c.text)) and bool(_NOUN_AFTER.match(text, c.end))


def _sum_step(parts: tuple[Claim, ...], point: float) -> float:
    """The step a sum is written to: its finest part's, widened over the zeros it ends in (£300m + £500m + £200m =
    £1bn, not £1.000bn; 2.68 million + 1.08 million + 930,000 = 4.69 million)."""
    step = min(p.step or 1.0 for p in parts)
    while point and abs(point) % (step * 10) < 1e-6 * step and step * 10 <= abs(point):
        step *= 10
    return step


def _distinct(sums: Iterable[Sum]) -> Iterator[Sum]:
    """Each sum once, where two readings find the same parts of the same total; the reading that knows them to be all
    of it wins ("Of the 948 delegations that voted, 133 backed ..., four opposed it and 11 abstained": some of the
    whole a sentence opens on, and all of those who voted)."""
    kept: dict[tuple[int, ...], Sum] = {}
    for s in sums:
        key = tuple(id(c) for c in (s.total, *s.parts))
        if key not in kept or (kept[key].including and not s.including):
            kept[key] = s
    yield from kept.values()


CHECK = PartsTotal()
