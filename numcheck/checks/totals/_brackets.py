"""A whole, then its parts each in brackets after its name (NC109): "spending of 545 million dollars, split among
education (312 million), transport (298 million) and public safety (235 million)"."""
from __future__ import annotations

import re

from ... import tolerance as tol
from ...model import Claim
from .._common import gap
from ..base import Context
from ._parts import Sum, clause_ends, counts_members, left_out_next, part_ok, whole_ok
from ._wholes import MAX_PARTS

# from the whole to its first part's bracket: ", split among education (", " went to the Nepali Congress (", " are
# planted with cocoa (" (crops, named in lower case, which may leave land unplanted: some of it)
_OPEN = re.compile(r"[^.;()\d]{0,40}?\b(?:(?P<made>split|divided|broken\s+down|made\s+up\s+of|comprising|consisting"
                   r"\s+of)|(?P<planted>(?:planted|sown)\s+(?:with|to))|includ(?:ing|es?|ed)|went\s+to"
                   r"|shared\s+(?:among|between)|spread\s+(?:among|across|over)|:)"
                   r"[^.;()\d]{0,50}\($", re.I)
# from one part's closing bracket to the next part's opening one: "), transport (", ") and public safety ("
_NEXT = re.compile(r"\)\s*(?:,|,?\s+and)\s+(?!including\b)[^.;:()\d]{1,50}\($", re.I)  # (not "), including snipers (")


def bracketed_parts(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The whole ``cl[k - 1]`` and the bracketed parts from ``cl[k]`` on, or None."""
    text, whole = ctx.text, cl[k - 1]
    opened = _OPEN.fullmatch(gap(text, whole, cl[k]))
    if opened is None or not whole_ok(whole) or not _in_brackets(text, cl[k]):
        return None
    s1 = ctx.sentences.span(whole.start)[1]
    parts = [cl[k]]
    for c in cl[k + 1:k + MAX_PARTS]:
        if c.start >= s1 or not part_ok(c) or not _in_brackets(text, c) or not _NEXT.fullmatch(gap(text, parts[-1], c)):
            break
        parts.append(c)
    names = [_NAME.search(text, b.end, p.start) for b, p in zip([whole, *parts], parts)]  # the name before each bracket
    told = [m.group(0) for m in names if m]
    if len(set(told)) < len(told):
        return None  # "Germany (1,400), France (700) and Britain (500), with Germany (1,400) the hardest hit"
    if len(parts) < 2 or tol.point(whole) == len(parts) \
            or (whole.kind == "count" and any((p.step or 1.0) < 1 for p in parts)):
        return None  # "The 3 stadiums chosen: Lisbon (65,000), ...", "The 20 stocks ... included Nokia (12.4)": a
        # figure of another measure for each, not a part
    if not opened.group("made") and (len(told) < len(parts) and not opened.group("planted")
                                     or whole.kind == "count" and (not counts_members(whole)
                                                                   or any(tol.point(p) > tol.point(whole) for p in parts))):
        return None  # "including Londoners (610), juveniles (230) and women (140)", "the driver (45)": kinds that
        # may overlap, or ages; only named places, parties and the like are apart; "The 10 host cities include
        # Johannesburg (94,700)", "The 8 candidates included Smith (45,210)": a measure of each thing counted,
        # where "seats", "votes" or "cases" are held
    ends = clause_ends(text, text.find(")", parts[-1].end) + 1, s1) and not left_out_next(ctx, s1)
    return Sum(tuple(parts), whole, including=not (opened.group("made") and ends))  # (the list may go on: "..., with
    # the rest going to a reserve fund", "and smaller counties")


# a name in capitals right before a part's bracket: "Lagos (", "the Nepali Congress ("
_NAME = re.compile(r"(?:[A-Z][\w'\u2019.-]*\s+){1,4}\($")


def _in_brackets(text: str, c: Claim) -> bool:
    """A figure that is all its brackets hold: "(312 million)"."""
    return text[c.start - 1:c.start] == "(" and text[c.end:c.end + 1] == ")"
