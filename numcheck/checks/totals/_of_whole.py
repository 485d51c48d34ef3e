"""A part told with its whole right after it, "X of the Y" (NC109): "won 114 of the 230 seats", "8,009 of the 10,749
people killed", "191 seats in the 250-seat parliament", or after the whole its sentence opens on ("Of the 538
electors, 271 voted for Bush").  One part alone cannot say whether others make up the rest,
but it can never be larger than its whole: "814 of the 230 seats" is a mistyped figure whichever one it is."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ... import tolerance as tol
from ...datafiles import words
from ...model import Claim
from ...text import alternation, head_noun, singular
from .._common import OPENS_ON_WHOLE, OWNS_AFTER, gap, of_its_whole
from ..base import Context
from ._parts import scaled
from ._wholes import opens_on

# a whole joined to another, the part being of both: "58 deputies of the 18-seat council and the 40-seat assembly"
_ONE_OF_WHOLES = re.compile(r"[\w\s-]{0,40}?\s(?:and|or|plus)\s+(?:(?:the|its|their|a|an)\s+)?")
_KINDS = ("count", "money")
# from the whole a sentence opens on to a part told by who holds it, by name, and a verb: " valid ballots cast overall,
# opposition leader Viktor Yushchenko received " (not "..., the charity said it had received 300 million euros in
# pledges", "..., election workers had 10 million ballots printed": the part tells a noun of its own)
_HOLDER_THEN = re.compile(r"[^,;:.()\d]{0,60},\s*(?:[A-Za-z][\w'\u2019.-]*\s+){0,5}?(?-i:[A-Z])[\w'\u2019.-]*\s+"
                          r"(?:received|won|took|got|polled|secured|gained|obtained|captured)\s+")
# the part ends its phrase bare, no noun of its own: "received 75,115,712, Prime Minister ..."
_BARE_PART_ENDS = re.compile(r"\s*(?:[,;.]|\band\b|$)")


def parts_over_wholes(ctx: Context, cl: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Each part with the whole right after it that it is larger than, or with the whole its sentence opens on ("Of
    the 538 electors, 871 voted for Bush")."""
    text = ctx.text
    for part, whole, after in zip(cl, cl[1:], [*cl[2:], None]):
        if _alike(part, whole) and of_its_whole(text, part, whole) and not _gone_past(text, part, whole) \
                and not (after and _ONE_OF_WHOLES.fullmatch(text, whole.end, after.start)) \
                and tol.interval(part).lo > tol.interval(whole).hi:
            yield part, whole
    for whole, part in zip(cl, cl[1:]):
        s0, g = ctx.sentences.span(whole.start)[0], gap(text, whole, part)
        if _alike(part, whole) and (opens_on(text, s0, whole, g) or OPENS_ON_WHOLE.fullmatch(text, s0, whole.start)
                                    and _HOLDER_THEN.fullmatch(g) and _BARE_PART_ENDS.match(text, part.end)) \
                and _same_noun(part, whole) and not _gone_past(text, part, whole) \
                and tol.interval(part).lo > tol.interval(whole).hi:
            yield part, whole


def seats_past_the_house(ctx: Context, cl: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Each count of seats told as won or held, after the one house its paragraph sizes, that is larger than the house
    ("the 450-seat Verkhovna Rada ... Yulia Tymoshenko's bloc won 929 seats"): no holder wins more seats than there
    are.  Not where the paragraph sizes more than one house or names another chamber or lower bodies (_TWO_CHAMBERS)."""
    text = ctx.text
    houses = [c for c in cl if c.kind == "count" and HOUSE_SIZE.match(text, c.end)]
    for house in houses:
        p0, p1 = _paragraph(text, house.start)
        if sum(p0 <= h.start < p1 for h in houses) > 1 or _TWO_CHAMBERS.search(text, p0, p1):
            continue
        for c in cl:
            if c.start > house.end and c.start < p1 and c.kind == "count" and c.subject \
                    and head_noun(c.subject) in ("seat", "seats") and WON_BEFORE.search(text, max(0, c.start - 30), c.start) \
                    and tol.interval(c).lo > tol.interval(house).hi and not _OF_ANOTHER.match(text, c.end) \
                    and not _ANOTHER_TIME.search(text, *ctx.sentences.span(c.start)):
                yield c, house  # (not "won more than 300 of the 430 seats" in 1990: seats of another body or time)


def _paragraph(text: str, at: int) -> tuple[int, int]:
    """The span of the paragraph holding ``at``: between line breaks, or the text's ends."""
    p0 = text.rfind("\n", 0, at) + 1
    p1 = text.find("\n", at)
    return p0, (p1 if p1 >= 0 else len(text))


# a house sized by its seats: "450-seat", "a 120-member parliament" (not "the 25-member bloc": countries; NC109's seat
# tables too, totals/_house_tally)
HOUSE_SIZE = re.compile(r"-seat\b|-member\s+(?:[A-Za-z'-]+\s+){0,3}?(?:parliament|assembly|house|congress|chamber|senate|legislature"
                        r"|council|knesset|duma|rada|bundestag|diet|majlis|sabha|cortes|sejm|storting|riksdag|folketing|dail)\b",
                        re.I)
# a count of seats won, its verb right before it: "won 929", "took 124", "will have 186", "with 306"
WON_BEFORE = re.compile(r"\b(?:won|wins|win|winning|took|takes|taking|secured|captured|gained|got|will\s+have|has|have|had|with)"
                         r"\s+(?:(?:about|some|only|just)\s+)?$", re.I)
_OF_ANOTHER = re.compile(r"\s+(?:out\s+)?of\s+(?:the\s+)?(?:[a-z]+\s+)?\d")  # "20,000 of the roughly 65,000"
_ANOTHER_TIME = re.compile(r"\b(?:in|since|of)\s+(?:19|20)\d\d\b|\b(?:last|previous|earlier|former|outgoing)\b", re.I)
# a paragraph that names more than one chamber, or councils by the dozen: seats of another body may be told
_TWO_CHAMBERS = re.compile(r"\b(?:senate|senators|upper\s+(?:house|chamber)|lower\s+(?:house|chamber)|both\s+(?:houses|chambers)"
                           r"|councils|assemblies|regional|provincial|state\s+(?:assembly|assemblies|legislatures?)|local|municipal)\b", re.I)


def _alike(part: Claim, whole: Claim) -> bool:
    return part.kind in _KINDS and whole.kind == part.kind and whole.unit == part.unit


def _same_noun(part: Claim, whole: Claim) -> bool:
    """A part that counts what its whole counts, or names nothing ("Of the 538 electors, 271 voted"; not "Of the 200
    companies, 450 jobs")."""
    return not part.subject or not whole.subject or head_noun(part.subject) == head_noun(whole.subject)


@lru_cache(maxsize=1)
def _goal() -> re.Pattern[str]:
    """A whole that may be gone past, its goal word within a few words after it: "of the 5 billion target", "of the
    100 places planned" (numcheck/data/goal_words.txt)."""
    return re.compile(r"(?:[\s-]+[\w-]+){0,3}?[\s-]+" + alternation(words("goal_words.txt")) + r"\b", re.I)


def _gone_past(text: str, part: Claim, whole: Claim) -> bool:
    """A whole that is a goal, which a part may pass; one that owns what the part counts; a bare figure after a
    scaled part, whose scale the text leaves out ("1.2 million of the 2.5"); a price ("300 of the $50 tickets": the
    part shows no money of its own); a count of something other than people, places, seats, votes or contests
    ("1,400 of the 747 jumbo jets"); or a part that is a demand, which may exceed what is offered ("bid for 4.5
    billion of the 1.2 billion shares", "had sold 160 of the 150 seats")."""
    return bool(_goal().match(text, whole.end) or OWNS_AFTER.match(text, whole.end)) \
        or scaled(part) and not scaled(whole) \
        or (part.kind == "money" and not _SHOWN_MONEY.search(part.text)) \
        or (whole.kind == "count" and not _counts_a_whole(text, whole)) \
        or bool(_DEMAND.search(text, max(0, part.start - 24), part.start))


# a part asked or sold for, which may go past what there is
_DEMAND = re.compile(r"\b(?:sold|booked|bid\s+for|applied\s+for|ordered|requested|sought|demanded|subscribed\s+for)\s+$",
                     re.I)
_SHOWN_MONEY = re.compile(r"[^\d\s,.]")  # a sum that shows its currency or scale ("$814m"), not a bare "300"


def _counts_a_whole(text: str, whole: Claim) -> bool:
    """Whether the whole counts people, places, seats, votes or contests, by its noun or the words right after it
    (numcheck/data/whole_counts.txt): not a product named by a number ("the 911 sports cars")."""
    if whole.subject and head_noun(whole.subject) in _whole_counts():
        return True
    m = re.match(r"(?:[\s-]+[a-z][\w-]*){1,3}", text[whole.end:whole.end + 40])
    return m is not None and any(singular(w) in _whole_counts() for w in re.split(r"[\s-]+", m.group(0)) if w)


@lru_cache(maxsize=1)
def _whole_counts() -> frozenset[str]:
    """numcheck/data/whole_counts.txt: what a count after "of the" is a whole of."""
    return frozenset(words("whole_counts.txt"))
