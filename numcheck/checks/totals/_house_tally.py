"""A house sized by its seats, then its tally after a colon (NC109): "Seat distribution in the 150-member lower house
after Wednesday's general election, according to provisional official results: Christian Democrats (CDA) 41, Labour
(PvdA) 33, Socialist Party (SP) 25, Liberals (VVD) 22, other parties 29"; "State of the parties in the 646-seat House
of Commons ...: Labour 356 (down 47), Conservatives 198 (up 33), ...".  The entries are all the seats when the last is
told as the rest ("others", "other parties"), else some of them (a seat may be vacant, a party left out)."""
from __future__ import annotations

import re
from typing import Iterator

from ...extract.identifiers import CHANGE_IN_BRACKETS
from ...model import Claim
from ..base import Context
from ._of_whole import HOUSE_SIZE
from ._parts import Sum, part_ok

# from the colon or the entry before to the next entry's figure: its name, perhaps with its initials in brackets
# (", Labour (PvdA) ", " Christian Democrats (CDA) ", ", and independents ")
_ENTRY_LEAD = re.compile(r"\s*(?:,\s*|;\s*)?(?:and\s+)?(?:the\s+)?(?!(?:and|with|while|up|down|from|against|than|versus|compared)\b)"
                         r"[A-Za-z](?:(?!\b(?:up|down|from|against|than|versus|compared|with|while)\b)[^,;:.\d()]){0,50}?"
                         r"(?:\s*\([A-Za-z][^()\d]{0,15}\))?\s+")  # (not ", up from 266", ", with the ANC's share up from")
# the change told after an entry's figure, skipped: " (down 47)", " (+3)"
_CHANGE = re.compile(CHANGE_IN_BRACKETS, re.I)
# the last entry told as the rest of the seats
_REST_NAME = re.compile(r"\b(?:others|other\s+(?:parties|groups|lists)|independents\s+and\s+others|(?:smaller|minor)\s+parties"
                        r"|the\s+rest)\s*$", re.I)


_SEATS = frozenset({"seat", "seats"})


def house_tallies(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Every house's size with the tally after the colon of its sentence; no count stands between the two."""
    text = ctx.text
    for k, house in enumerate(cl):
        if house.kind != "count" or not HOUSE_SIZE.match(text, house.end) or not part_ok(house):
            continue
        s1 = ctx.sentences.span(house.start)[1]
        colon = text.find(":", house.end, s1)
        if colon < 0 or any(house.end <= c.start < colon and c.kind == "count" for c in cl[k + 1:]):
            continue
        entries, rest = _entries(text, [c for c in cl[k + 1:] if colon < c.start < s1], colon + 1)
        if len(entries) >= 2:
            yield Sum(tuple(entries), house, including=not rest)


def _entries(text: str, after: list[Claim], pos: int) -> tuple[list[Claim], bool]:
    """The tally's entries from ``pos`` on, each named before its figure, and whether the last is the rest."""
    entries: list[Claim] = []
    rest = False
    for c in after:
        if c.start < pos:
            continue  # (inside an entry's change: "(down 47)")
        lead = _ENTRY_LEAD.fullmatch(text, pos, c.start)
        if lead is None or c.kind != "count" or not part_ok(c) or c.subject and c.subject.split()[-1].lower() not in _SEATS:
            break  # (not "and 12 other parties 43": who holds the last entry)
        entries.append(c)
        rest = bool(_REST_NAME.search(text, pos, c.start - 1))
        change = _CHANGE.match(text, c.end)
        pos = change.end() if change else c.end
    return entries, rest
