"""A sum of money, then what it is set aside for (NC109): "approved the 2009 budget of 3.1 trillion naira, of which 1.2
trillion naira is earmarked for capital projects such as roads and power plants and 1.9 trillion naira for recurrent
spending", "tabled a RM4.1 billion state budget, the largest in Sarawak's history, with RM2.5 billion allocated for
development and RM1.6 billion for operating expenditure".  The sums set aside are some of the whole: they may fall
short of it, never exceed it."""
from __future__ import annotations

import re

from ...model import Claim
from .._common import subject_end
from ..base import Context
from ._parts import Sum, part_ok, whole_ok

# from the whole to the first sum set aside, in its sentence: ", of which ", ", the largest in Sarawak's history, with "
_OPENING = re.compile(r"[^;:()]{0,80}?,\s*(?:of\s+which|with)\s+", re.I)
# the first sum's purpose, then the next sum: " is earmarked for capital projects such as roads and power plants and "
_SET_ASIDE = re.compile(r"\s+(?:(?:is|are|was|were|will\s+be|would\s+be|has\s+been|have\s+been)\s+)?"
                        r"(?:earmarked|allocated|allotted|set\s+aside|budgeted|reserved|meant|intended|destined)\s+"
                        r"(?:for|to)\s+[^,;:.()\d]{1,80}?\s*,?\s+and\s+", re.I)
# the next sum's purpose, told by ellipsis: " for recurrent spending", " to defence"
_FOR = re.compile(r"\s+(?:[a-z]+\s+)?(?:for|to)\s+[a-z]", re.I)


def allotted_sums(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The whole ``cl[k - 1]`` and the two sums from ``cl[k]`` on set aside out of it."""
    text, whole = ctx.text, cl[k - 1]
    if k + 1 >= len(cl) or whole.kind != "money" or not whole_ok(whole):
        return None
    first, second = cl[k], cl[k + 1]
    s1 = ctx.sentences.span(whole.start)[1]
    if second.start >= s1 or not all(p.kind == "money" and p.unit == whole.unit and part_ok(p) for p in (first, second)):
        return None
    aside = _SET_ASIDE.fullmatch(text, subject_end(text, first), second.start)
    if _OPENING.fullmatch(text, subject_end(text, whole), first.start) and aside and _FOR.match(text, second.end) \
            and not _SPAN.search(text, aside.start(), min(s1, second.end + 40)):
        return Sum((first, second), whole, including=True)
    return None


# a time a sum is set aside over, which sums over longer times hold again: "1 billion dollars allocated for the first
# year and 1.2 billion dollars for the first two years"
_SPAN = re.compile(r"\b(?:years?|months?|annually|a\s+year|per\s+year)\b", re.I)
