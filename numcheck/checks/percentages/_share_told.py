"""A part and its whole with a share word told beside them, not before the whole (NC105): "won 120 of the 240 seats
..., or exactly half", "1.1 million, or more than half, of the 2.15 million registered foreign workers", "shipped 2.95
billion dollars of clothing last year, more than two-thirds of the country's total exports of 4.36 billion dollars"."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Claim
from .._common import OWNER, OWNS_AFTER, of_its_whole, subject_end
from ._common import ok_part

# from the whole to its share word, in the whole's clause: " seats decided by ... in this month's election, or ",
# " districts, "
# (or set off by dashes: "5,000 of the 9,800 households surveyed -- about one in five --", or a spaced hyphen, " -
# three-quarters -")
_TO_SHARE = re.compile(r"[^,;:.()\u2013\u2014]{0,100}?(?:,|\s(?:--|\u2013|\u2014|-(?=\s)))\s*(?:or\s+)?")
# the share word ends its clause, or names the whole once more: ", the commission said", "more than two-thirds of
# the total," (not "about half the country": a share of something else, its area)
_SHARE_ENDS = re.compile(r"(?:\s+of\s+(?:the|its|their)\s+total)?\s*(?:[,.;)]|--|\u2013|\u2014|(?<=\s)-\s|\Z)")
# a part, then its share word set off: "1.1 million, or "
_PART_TO_SHARE = re.compile(r"[^,;:()\u2013\u2014]{0,40}?(?:,|\s(?:--|\u2013|\u2014|-(?=\s)))\s*(?:or\s+)?")
# the share word, then the whole it is of: ", of the ", " of the country's total exports of ", " of India's total
# software exports of ", " - of the " (the share set off by dashes: "Some 1,200 - a third - of the 2,400 workers")
_SHARE_TO_WHOLE = re.compile(r"(?:,|\s(?:--|-|\u2013|\u2014))?\s+of\s+(?:(?:the|its|their|all)\s+|" + OWNER + r")?"
                             r"(?:(?:(?!(?:on|in|from|for|by|with|after|than)\s)[a-z][\w'\u2019-]*\s+){0,4}(?:of|at)\s+)?")
# (not across another preposition: "half of the group's profit on revenue of 12 billion dollars")
Span = tuple[int, int]


def parts_with_shares(text: str, cl: list[Claim], shares: list[Span]) -> Iterator[tuple[Span, Claim, Claim]]:
    """Each share word (by its span) with the whole and the part it puts as a share."""
    figures = [c for c in cl if c.kind in ("count", "money")]  # (a share told between them is none of the pair)
    for before, part, whole, after in zip([None, *figures], figures, figures[1:], [*figures[2:], None]):
        if not (ok_part(part) and ok_part(whole) or _money_alike(part, whole)):
            continue
        if of_its_whole(text, part, whole):
            if before is not None and of_its_whole(text, before, part):
                continue  # "24 of the 72 elected seats in the 100-seat chamber": the share may be of either
            at = subject_end(text, whole)
            for sh in shares:  # (no figure between the whole and the share: "24 of the 72 elected seats in the
                # 100-seat chamber, or about a quarter" may be of either)
                if sh[0] >= at and (after is None or after.start > sh[1]) and _TO_SHARE.fullmatch(text, at, sh[0]) \
                        and _SHARE_ENDS.match(text, sh[1]):
                    yield sh, whole, part
            continue
        for sh in shares:
            if part.end < sh[0] and sh[1] < whole.start and _PART_TO_SHARE.fullmatch(text, subject_end(text, part), sh[0]) \
                    and _SHARE_TO_WHOLE.fullmatch(text, sh[1], whole.start) and not OWNS_AFTER.match(text, whole.end):
                yield sh, whole, part  # (not "500, or half, of the 40 companies' 1,000 workers": the workers')


def _money_alike(part: Claim, whole: Claim) -> bool:
    """Two sums in one currency: "2.95 billion dollars ... total exports of 4.36 billion dollars"."""
    return part.kind == whole.kind == "money" and part.unit == whole.unit and part.change is None and whole.change is None
