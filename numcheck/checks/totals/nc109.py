"""NC109 parts-total-mismatch: parts listed with a stated total must add up to it.

Read shapes: "three men and two women - five people", "£2m and £3m, a total of
£5m", "five people - three men and two women -", "12 people, including 8
children and 6 women" (with "including" the parts may fall short of the total,
never exceed it).  Parts and total must be the same kind and unit; every number
is read to its stated precision and qualifier.
"""
from __future__ import annotations

import re
from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Claim, Finding
from ...datafiles import words
from ...text import compound_noun, head_noun, singular
from .._common import OPENS_ON_WHOLE, gap, numeric, subject_end
from ..base import Check, Context


# between parts, which a name may open: "1,234 cases, Vietnam 412 and Thailand 113"
_JOIN = re.compile(r"^\s*(?:,|,?\s+and|,?\s+plus|\s+as\s+well\s+as)\s+(?:[A-Z][\w'\u2019-]*\s+)?$")
# parts, then the total:  " - "  " (a total of "  ", making "  ", in all "
_THEN_TOTAL = re.compile(
    r"^\s*(?:(?:-|\u2013|\u2014|\(|,|:)\s*(?:(?:a\s+total\s+of|in\s+total|making(?:\s+a\s+total\s+of)?|totalling|totaling|altogether|in\s+all)\s+)?"
    r"|,?\s+(?:a\s+total\s+of|making(?:\s+a\s+total\s+of)?|totalling|totaling)\s+"
    r"|,\s*(?:a\s+)?combined\s+|,?\s+for\s+(?:a\s+total\s+of\s+)?"
    r"|,?\s+(?P<running>bringing\s+the\s+(?:[a-z]+\s+)?(?:total|toll|tally|number)(?:\s+of\s+[a-z]+)?\s+to)\s+)$", re.I)
_EXPLICIT = re.compile(r"total|making|altogether|in\s+all|combined|bringing", re.I)
# the total, then its parts:  "five people - "  "12 people, including "  "12 people: "  "five people died - "
_THEN_PARTS = re.compile(r"^\s*(?:(?:(?:were|have\s+been|had\s+been|was)\s+)?[a-z]+(?:ed|en)\s*)?(?:(?P<dash>--|-|\u2013|\u2014|\(|:)|,?\s*(?P<incl>including|among\s+them|of\s+whom))\s*$", re.I)
# "£12m, £15m and £20m respectively, a total of £50m"
_RESPECTIVELY = re.compile(r"^\s*respectively\b", re.I)
# the total, then the words that say it is one: "310,000 in all", "£1.1bn in total"
_TOTAL_AFTER = re.compile(r"\s+(?:in\s+all|in\s+total|altogether|combined)\b", re.I)
# a whole, then what it is made of: "120 aircraft includes", "2,000 staff are split between", "30-member board has",
# "1,000 tickets were sold:"
_WHOLE_THEN_PARTS = re.compile(
    r"^(?:-[a-z]+)?\s*(?:[a-z][\w'\u2019-]*\s+){0,5}?(?:(?P<include>includes?|included|including)|"
    r"(?P<made>comprises?|comprised|consists?\s+of|consisted\s+of|,?\s*(?:(?:is|are|was|were)\s+)?made\s+up\s+of|"
    r"(?:is|are|was|were)\s+(?:split|divided|broken\s+down)\s+(?:between|into|among))|"
    r"(?P<has>has|have|had)|(?:(?:[a-z]+\s+){0,2}[a-z]+\s*)?:)\s*$"
    r"|^(?:\s+(?:on|in|last|this|during)\s+[^,;:.()]{0,25})?\s*,\s*(?:of\s+(?:whom|which)|among\s+them|including"
    r"|(?P<comprising>comprising))\s*$"
    r"|^\s*(?:[a-z][^,;:.()\d-]{0,40}?)?\s(?P<dash>--|\u2013|\u2014)\s*$", re.I)
# a whole said to be a total, then its parts after "with": "Total trade reached 9,949.0 billion yen, with exports of"
_TOTAL_WITH = re.compile(r"^(?:\s+(?:on|in|last|this|during)\s+[^,;:.()]{0,25})?\s*,\s*with\s+(?:[a-z]+\s+of\s+)?$", re.I)
# a whole, then a comma and its parts each told with a place or time: "displaced 14,806 people in the past month,
# 9,311 in North Kivu and 5,495 in South Kivu"
# (not a whole told of a place of its own, "59 litres in France, 12 litres in the US and three in Japan": peers)
_BREAKDOWN = re.compile(r"(?!\s+(?:in|at|from)\s+(?:the\s+)?[A-Z])(?:\s+(?:on|in|of|from|last|this|during|over)\s+[^,;:.()]{0,30})?\s*,\s*")
# what a group is, told between the whole a sentence opens on and its first part: "Of the 16 outbreaks confirmed
# this week, 9 were in the south"
_OPENING_TOLD = re.compile(r"(?:\s+[a-z][^,;:.()\d]{0,40})?\s*,\s*")
# the place a last part is told of, before the total: "4 in Jamaica, bringing the regional toll to 31"
_LAST_PHRASE = re.compile(r"^\s+(?:in|at|on|from|to|for|near)\s+[^,;:.()\d]{0,40}(?=,)", re.I)
_SAID_TOTAL = re.compile(r"\b(?:total|combined|overall|toll)\b[^.;,\d]{0,30}$", re.I)
# between parts said one by one: "300 were men and 250", "1,500 in London and 800", "700 to adults and 400"
# (a clause with its own verb, "800 were women, and 900 were over 60", may count the same people twice: only a
# place or time closes a part with a comma, "830 in the north, 312 in the south")
_PLACE = (r"(?:(?:were|was|are|is)\s+)?(?:in|at|on|from|to|for|near)\s+(?:[A-Za-z][\w'\u2019-]*\s+){0,3}"
          r"[A-Za-z][\w'\u2019-]*(?:,(?:\s*and)?|\s+and)")
_LOOSE_JOIN = re.compile(r"^\s*(?:(?:[A-Za-z][\w'\u2019-]*\s+){0,3}?(?:,|,?\s*and)(?:\s+[a-z]+\s+of)?|" + _PLACE + r")\s+$",
                         re.I)  # "exports of 5,521.4 billion yen and imports of 4,427.6 billion yen"
# between parts each told with its place or time: "19 people in Haiti, 8 in the Dominican Republic and 4"
_PLACE_JOIN = re.compile(r"^\s*" + _PLACE + r"\s+$", re.I)
_COLLECTIVE = frozenset("people persons victims casualties deaths dead killed injured players members staff workers "
                        "employees children adults passengers patients residents soldiers troops civilians "
                        "candidates seats votes jobs students pupils cases medals prisoners hostages refugees detainees "
                        "delegates deputies lawmakers tourists pilgrims migrants immigrants evacuees survivors "
                        "protesters".split())


MAX_PARTS = 8  # a list of parts told one by one is read this far: longer runs are tables, not one whole's parts

# from the seats to the first house: "58 deputies to the bicameral parliament -- the "
_HOUSES_OPEN = re.compile(r"^[^.;\d]{0,60}(?:--|-|\u2013|\u2014|:)\s*(?:the\s+)?$", re.I)
# from one house to the next: "-seat Republican Council (upper house) and the "
_HOUSE_JOIN = re.compile(r"-[a-z]+\s+[^.;\d]{0,60}?(?:,|\band\b)\s*(?:the\s+)?", re.I)


# the place or thing a part is told of: "3,000 in the United States", "2,500 in sales", "9 were in the south"
_PART_PHRASE = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?(?:in|at|on|from|to|for|near)\s+"
                          r"(?:(?:the|a|an|its|their|his|her)\s+)?(?P<word>[A-Za-z])")


def _counts_members(whole: Claim) -> bool:
    """A whole that counts people, seats or the like (_COLLECTIVE), which a dash may break down in full."""
    return bool(whole.subject) and whole.subject.split()[-1].lower() in _COLLECTIVE


def _told_of(text: str, part: Claim) -> bool:
    """A part told with its place or time: "9,311 in North Kivu", "14 on Saturday"."""
    return bool(_PART_PHRASE.match(text, subject_end(text, part)))


def _list_goes_on(cl: list[Claim], last: Claim, whole: Claim, end: int) -> bool:
    """A figure like the parts just after the last one read, in the sentence: the list went on in words the joins
    do not read ("200 elected members, 72 appointed by the king and 40 seats reserved"), so it is not known whole."""
    after = cl.index(last) + 1
    return any(c.start < end and c.kind == whole.kind and c.unit == whole.unit for c in cl[after:after + 2])


def _broken_down(text: str, whole: Claim, parts: list[Claim]) -> bool:
    """A bare comma after a whole makes a breakdown only of parts each told with a place or time, and of a whole
    not told with one of the same sort: "13,214 in the east, 10,936 in the south and 6,807 in the north" are peers."""
    return all(_told_of(text, p) for p in parts) and not (_told_of(text, whole) and _phrases_alike(text, [whole, *parts]))


def _phrases_alike(text: str, parts: list[Claim]) -> bool:
    """Parts told with a place or thing each tell the same sort: all named places ("in Haiti ... in Jamaica") or
    none ("in the north ... in the south"); "3,000 in the United States and 2,500 in sales" counts some twice."""
    sorts = set()
    for p in parts:
        m = _PART_PHRASE.match(text, subject_end(text, p))
        if m:
            sorts.add(m.group("word").isupper())
    return len(sorts) <= 1


def _house_size(text: str, c: Claim, holders: frozenset[str]) -> bool:
    """A house sized by a hyphen in a noun that counts seats: "18-seat", "40-member"."""
    return singular(compound_noun(text, c.end).lower()) in holders


def _part_ok(c: Claim) -> bool:
    return c.kind in ("count", "money", "measure") and c.change is None and c.point is not None and not c.range \
        and c.qualifier in ("=", "~")


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
    must add up to it; after a comma, parts must each be told with a place or
    time, and parts told with places must all be named places or none ("3,000
    in the United States and 2,500 in sales" may count some twice).  "Comprises",
    like "made up of", means all of it, unless the list goes on in words not
    read ("200 elected members, 72 appointed by the king and 40 seats
    reserved"); a run of counts may begin with its total ("A total of 7,629
    candidates, 6,482 men and 1,147 women").  A total may also
    follow as "a combined 6.4 million", "for 27 medals", "bringing the
    national toll to 140" (a running total: the parts may fall short of it),
    or close the run of parts ("12 bronze medals, 52 in all").  Seats set off by a
    dash or colon from the houses that hold them, each sized by a hyphen
    ("will elect 58 deputies to the bicameral parliament -- the 18-seat
    council and the 40-seat assembly": numcheck/data/seat_holders.txt) are
    all their seats.  Parts and total
    must be the same kind and unit, and each is read to its precision and
    qualifier.  With "including", or a whole stated first, the parts may fall
    short of the total, never exceed it, except as said above.  The
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
        text = ctx.text
        cl = [c for c in numeric(ctx)]
        compared: set[int] = set()  # first parts already read with a total
        i = 0
        while i < len(cl):
            # a run of parts joined by ", " / " and "
            j = i
            while j + 1 < len(cl) and _part_ok(cl[j]) and _part_ok(cl[j + 1]) \
                    and (_JOIN.match(gap(text, cl[j], cl[j + 1])) or _PLACE_JOIN.match(gap(text, cl[j], cl[j + 1]))) \
                    and ctx.sentences.index(cl[j].start) == ctx.sentences.index(cl[j + 1].start):
                j += 1
            if j > i + 1 and _TOTAL_AFTER.match(text, subject_end(text, cl[j])):
                j -= 1  # "23 gold, 17 silver and 12 bronze medals, 52 in all": the last of the run is the total
            if j > i and _phrases_alike(text, cl[i:j + 1]):
                parts = cl[i:j + 1]
                after = cl[j + 1] if j + 1 < len(cl) else None
                before = cl[i - 1] if i > 0 else None
                if after is not None and _part_ok(after):
                    g = _LAST_PHRASE.sub("", _RESPECTIVELY.sub("", gap(text, parts[-1], after), count=1), count=1)
                    m = _THEN_TOTAL.match(g)
                    said = _EXPLICIT.search(g) or _TOTAL_AFTER.match(text, subject_end(text, after))
                    if m and (said or self._collective(after, parts)):
                        compared.add(id(parts[0]))
                        # "bringing the toll to 31": a running total, which may hold earlier counts too
                        yield from self._compare(ctx, parts, after, including=bool(m.group("running")))
                if before is not None and _part_ok(before):
                    m = _THEN_PARTS.match(gap(text, before, parts[0]))
                    if m and (m.group("incl") or self._collective(before, parts)):
                        compared.add(id(parts[0]))
                        yield from self._compare(ctx, parts, before, including=bool(m.group("incl")))
                if id(parts[0]) not in compared and len(parts) > 2 and self._total_first(ctx, parts):
                    # the run began with its total: "A total of 7,629 candidates, 6,482 men and 1,147 women"
                    compared.add(id(parts[1]))
                    yield from self._compare(ctx, parts[1:], parts[0], including=False)
                i = j + 1
            else:
                i += 1
        yield from self._whole_first(ctx, cl, compared)
        yield from self._houses(ctx, cl)

    def _whole_first(self, ctx: Context, cl: list[Claim], compared: set[int]) -> Iterator[Finding]:
        """A whole, then what it is made of ("The fleet of 120 aircraft includes 80 Airbus and 50 Boeing jets",
        "Of the 500 delegates, 300 were men and 250 were women"): the parts may fall short of it, never exceed it."""
        text = ctx.text
        for k in range(1, len(cl)):
            whole, first = cl[k - 1], cl[k]
            if id(first) in compared or not (_part_ok(whole) and _part_ok(first)):
                continue
            s0, s1 = ctx.sentences.span(whole.start)
            g = gap(text, whole, first)
            opens = OPENS_ON_WHOLE.fullmatch(text, s0, whole.start) and _OPENING_TOLD.fullmatch(g)
            then = _WHOLE_THEN_PARTS.match(g)
            total_with = _TOTAL_WITH.match(g) and _SAID_TOTAL.search(text, max(s0, whole.start - 40), whole.start)
            only_comma = not (opens or then or total_with)  # a breakdown after a bare comma, if any
            if only_comma and not (_BREAKDOWN.fullmatch(g) and _told_of(text, first)):
                continue
            parts = [first]
            for c in cl[k + 1:k + MAX_PARTS]:
                if c.start >= s1 or not _part_ok(c) or not _LOOSE_JOIN.match(gap(text, parts[-1], c)) \
                        or (only_comma and not _told_of(text, c)):
                    break
                parts.append(c)
            if only_comma and not _broken_down(text, whole, parts):
                continue
            loose = not then or bool(then.group("has"))
            if len(parts) < 2 or (loose and any(tol.point(p) >= tol.point(whole) for p in parts)):
                continue  # "The 30-member board has 18 elected members and 120 staff": other things
            dash = bool(then and then.group("dash"))
            if _phrases_alike(text, parts) or dash:
                # "26, made up of 10 gold, 8 silver and 8 bronze", "212 seats -- 154 for X and 58 for Y": all of it
                # (after a dash, only a whole that counts people or seats: "£20m - £12m from sales and £5m from ...")
                exhaustive = (bool(then and (then.group("made") or then.group("comprising")))
                              or (dash and _counts_members(whole))) and not _list_goes_on(cl, parts[-1], whole, s1)
                yield from self._compare(ctx, parts, whole, including=not exhaustive)

    def _houses(self, ctx: Context, cl: list[Claim]) -> Iterator[Finding]:
        """Seats, then the houses that hold them sized by a hyphen, set off by a dash or colon: "will elect 58
        deputies to the bicameral parliament -- the 18-seat Republican Council (upper house) and the 40-seat
        People's Assembly" (numcheck/data/seat_holders.txt).  The houses are all the seats: their sizes add up."""
        text = ctx.text
        holders = frozenset(words("seat_holders.txt"))
        for k, whole in enumerate(cl):
            if whole.kind != "count" or not whole.subject or head_noun(whole.subject) not in holders:
                continue
            s1 = ctx.sentences.span(whole.start)[1]
            parts = [c for c in cl[k + 1:] if c.start < s1 and c.kind == "count" and _house_size(text, c, holders)]
            if len(parts) < 2 or not _HOUSES_OPEN.match(gap(text, whole, parts[0])) \
                    or not all(_HOUSE_JOIN.fullmatch(text, a.end, b.start) for a, b in zip(parts, parts[1:])):
                continue
            yield from self._compare(ctx, parts, whole, including=False)

    def _total_first(self, ctx: Context, parts: list[Claim]) -> bool:
        """The first of a run said to be the total, then a comma and the others naming who it counts."""
        total, s0 = parts[0], ctx.sentences.span(parts[0].start)[0]
        return bool(re.fullmatch(r"\s*,\s*", gap(ctx.text, total, parts[1]))
                    and re.search(r"\b(?:a\s+total\s+of|in\s+all|altogether)\s+$", ctx.text[max(s0, total.start - 20):total.start], re.I)
                    and self._collective(total, parts[1:]))

    @staticmethod
    def _collective(total: Claim, parts: list[Claim]) -> bool:
        """A dash or bracket makes a total only when the total names a whole the parts divide."""
        if not total.subject:
            return False
        head = total.subject.split()[-1].lower()
        if head not in _COLLECTIVE:
            return False
        return all(p.subject for p in parts) and len({p.subject.lower() for p in parts}) == len(parts)

    def _compare(self, ctx: Context, parts: list[Claim], total: Claim, including: bool) -> Iterator[Finding]:
        if any(p.kind != total.kind or p.unit != total.unit for p in parts):
            return
        s = tol.interval(parts[0])
        for p in parts[1:]:
            s = s + tol.interval(p)
        t = tol.interval(total)
        if including:
            if s.lo <= t.hi:
                return
        elif s.overlaps(t):
            return
        point = sum(tol.point(p) for p in parts)
        step = min(p.step or 1.0 for p in parts)
        while point and point % (step * 10) == 0 and step * 10 <= abs(point):
            step *= 10  # £300m + £500m + £200m = £1bn, not £1.000bn
        listed = " + ".join(nf.amount(tol.point(p), like=p, step=p.step or 1.0) for p in parts)
        word = "the parts it includes" if including else "its parts"
        tail = ", so the total is at least that" if including else ""
        yield ctx.finding(
            self, total.start, total.end,
            f"{word} add up to {listed} = {nf.amount(point, like=total, step=step)}; "
            f"the text says {total.text} ({nf.rel_diff(tol.point(total), point)}){tail}",
            related=[ctx.related(p, "part") for p in parts],
            evidence={"parts": [tol.point(p) for p in parts], "sum": [s.lo, s.hi], "including": including},
            suggestion=None if including else nf.restate(total, point, allowed=s))


CHECK = PartsTotal()
