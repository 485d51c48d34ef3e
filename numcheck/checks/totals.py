"""NC109: parts listed with a stated total must add up to it.

Read shapes: "three men and two women - five people", "£2m and £3m, a total of
£5m", "five people - three men and two women -", "12 people, including 8
children and 6 women" (with "including" the parts may fall short of the total,
never exceed it).  Parts and total must be the same kind and unit; every number
is read to its stated precision and qualifier.
"""
from __future__ import annotations

import re
from typing import Iterator

from .. import numfmt as nf
from .. import tolerance as tol
from ..model import Claim, Finding
from ._nc1 import gap, numeric
from .base import Check, Context

_JOIN = re.compile(r"^\s*(?:,|,?\s+and|,?\s+plus|\s+as\s+well\s+as)\s+$", re.I)
# parts, then the total:  " - "  " (a total of "  ", making "  ", in all "
_THEN_TOTAL = re.compile(
    r"^\s*(?:(?:-|\u2013|\u2014|\(|,|:)\s*(?:(?:a\s+total\s+of|in\s+total|making(?:\s+a\s+total\s+of)?|totalling|totaling|altogether|in\s+all)\s+)?"
    r"|,?\s+(?:a\s+total\s+of|making(?:\s+a\s+total\s+of)?|totalling|totaling|bringing\s+the\s+total\s+to)\s+)$", re.I)
_EXPLICIT = re.compile(r"total|making|altogether|in\s+all", re.I)
# the total, then its parts:  "five people - "  "12 people, including "  "12 people: "  "five people died - "
_THEN_PARTS = re.compile(r"^\s*(?:(?:(?:were|have\s+been|had\s+been|was)\s+)?[a-z]+(?:ed|en)\s+)?(?:(?P<dash>-|\u2013|\u2014|\(|:)|,?\s*(?P<incl>including|among\s+them|of\s+whom))\s*$", re.I)
_COLLECTIVE = frozenset("people persons victims casualties deaths dead killed injured players members staff workers "
                        "employees children adults passengers patients residents soldiers troops civilians "
                        "candidates seats votes jobs students pupils cases medals".split())


def _part_ok(c: Claim) -> bool:
    return c.kind in ("count", "money", "measure") and c.change is None and c.point is not None and not c.range \
        and c.qualifier in ("=", "~")


class PartsTotal(Check):
    """Parts that do not add up to the total stated with them.

    The finding is on the total; the suggestion is the sum, written as the
    total is ("five" -> "six", "£60m" -> "£50m").  With "including" the parts
    may fall short of the total, so a total below them is wrong but its right
    value is not certain, and there is no suggestion.

    Anti-pattern: Five people died - three men and three women.
    Best practice: Six people died - three men and three women.
    """

    code = "NC109"
    name = "parts-total-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        cl = [c for c in numeric(ctx)]
        i = 0
        while i < len(cl):
            # a run of parts joined by ", " / " and "
            j = i
            while j + 1 < len(cl) and _part_ok(cl[j]) and _part_ok(cl[j + 1]) and _JOIN.match(gap(text, cl[j], cl[j + 1])) \
                    and ctx.sentences.index(cl[j].start) == ctx.sentences.index(cl[j + 1].start):
                j += 1
            if j > i:
                parts = cl[i:j + 1]
                after = cl[j + 1] if j + 1 < len(cl) else None
                before = cl[i - 1] if i > 0 else None
                if after is not None and _part_ok(after):
                    g = gap(text, parts[-1], after)
                    m = _THEN_TOTAL.match(g)
                    if m and (_EXPLICIT.search(g) or self._collective(after, parts)):
                        yield from self._compare(ctx, parts, after, including=False)
                if before is not None and _part_ok(before):
                    m = _THEN_PARTS.match(gap(text, before, parts[0]))
                    if m and (m.group("incl") or self._collective(before, parts)):
                        yield from self._compare(ctx, parts, before, including=bool(m.group("incl")))
                i = j + 1
            else:
                i += 1

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
        point = sum(p.point for p in parts)
        step = min(p.step or 1.0 for p in parts)
        listed = " + ".join(nf.amount(p.point, like=p, step=p.step or 1.0) for p in parts)
        word = "the parts it includes" if including else "its parts"
        tail = ", so the total is at least that" if including else ""
        yield ctx.finding(
            self, total.start, total.end,
            f"{word} add up to {listed} = {nf.amount(point, like=total, step=step)}; "
            f"the text says {total.text} ({nf.rel_diff(total.point, point)}){tail}",
            related=[ctx.related(p, "part") for p in parts],
            evidence={"parts": [p.point for p in parts], "sum": [s.lo, s.hi], "including": including},
            suggestion=None if including else nf.restate(total, point, allowed=s))


CHECKS = (PartsTotal(),)
