"""A part told with its whole right after it, "X of the Y" (NC109): "won 114 of the 230 seats", "8,009 of the 10,749
people killed", "191 seats in the 250-seat parliament".  One part alone cannot say whether others make up the rest,
but it can never be larger than its whole: "814 of the 230 seats" is a mistyped figure whichever one it is."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ... import tolerance as tol
from ...datafiles import words
from ...model import Claim
from ...text import alternation
from .._common import of_its_whole
from ..base import Context
from ._parts import scaled

# a whole that owns what the part counts: "5,000 of the 300 companies' workers"
_OWNER = re.compile(r"(?:\s+[\w-]+){0,3}?['\u2019](?:s\b|\s)")
# a whole joined to another, the part being of both: "58 deputies of the 18-seat council and the 40-seat assembly"
_ONE_OF_WHOLES = re.compile(r"[\w\s-]{0,40}?\s(?:and|or|plus)\s+(?:(?:the|its|their|a|an)\s+)?")
_KINDS = ("count", "money")


def parts_over_wholes(ctx: Context, cl: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Each part with the whole right after it that it is larger than."""
    text = ctx.text
    for part, whole, after in zip(cl, cl[1:], [*cl[2:], None]):
        if part.kind in _KINDS and whole.kind == part.kind and whole.unit == part.unit \
                and of_its_whole(text, part, whole) and not _gone_past(text, part, whole) \
                and not (after and _ONE_OF_WHOLES.fullmatch(text, whole.end, after.start)) \
                and tol.interval(part).lo > tol.interval(whole).hi:
            yield part, whole


@lru_cache(maxsize=1)
def _goal() -> re.Pattern[str]:
    """A whole that may be gone past, its goal word within a few words after it: "of the 5 billion target", "of the
    100 places planned" (numcheck/data/goal_words.txt)."""
    return re.compile(r"(?:[\s-]+[\w-]+){0,3}?[\s-]+" + alternation(words("goal_words.txt")) + r"\b", re.I)


def _gone_past(text: str, part: Claim, whole: Claim) -> bool:
    """A whole that is a goal, which a part may pass; one that owns what the part counts; or a bare figure after a
    scaled part, whose scale the text leaves out ("1.2 million of the 2.5")."""
    return bool(_goal().match(text, whole.end) or _OWNER.match(text, whole.end)) \
        or scaled(part) and not scaled(whole)
