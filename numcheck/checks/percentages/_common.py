"""What the percentage checks share: the words that join a part to its whole, and parts and percentages as intervals."""
from __future__ import annotations

import re

from ... import tolerance as tol
from ...model import Claim


DET = r"(?:(?:the|its|their|his|her|our|all|these|those|all\s+the|all\s+of\s+the)\s+)?"

OF = re.compile(r"^\s+(?:out\s+)?of\s+" + DET + "$", re.I)
# "450 of the council's 1,500 staff": a possessive between "of the" and the whole
OF_OWNER = re.compile(r"^\s+(?:out\s+)?of\s+" + DET + r"[A-Za-z][\w.-]*['\u2019]s?\s+$", re.I)

PAREN = re.compile(r"^\s*\(\s*$")

EXACT_SHARE_WIDTH = 0.1  # a share word whose table interval is this narrow names one share ("half"), not a span ("most")

OR = re.compile(r"^\s*(?:,\s*or|,?\s+or|\(|-|\u2013|\u2014|,\s*(?:some|about|around|nearly|almost))\s*$", re.I)

OR_PCT = re.compile(r"^\s*(?:,\s*or|,?\s+or|\()\s*(?:(?:about|around|nearly|almost|some|roughly|just\s+over|just\s+under|more\s+than|less\s+than)\s+)?$", re.I)


def part_ratio(part: Claim, whole: Claim) -> tol.Interval | None:
    return tol.rounded(part).divide(tol.rounded(whole))


def share_of(claim: Claim) -> tol.Interval:
    i = tol.interval(claim)
    return tol.Interval(i.lo / 100, i.hi / 100)


def ok_part(c: Claim) -> bool:
    return c.kind == "count" and c.change is None and tol.is_exactish(c)


def ok_pct(c: Claim) -> bool:
    return c.kind == "percent" and c.unit == "percent" and c.point is not None
