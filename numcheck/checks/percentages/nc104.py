"""NC104 percentage-mismatch: a percentage that does not match the part and the whole stated with it."""
from __future__ import annotations

from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Claim, Finding
from .._common import gap, numeric
from ..base import Check, Context
from ._common import OF, OR, OR_PCT, ok_part, ok_pct, part_ratio, share_of


class PercentOfParts(Check):
    """A percentage that does not match the part and the whole stated with it.

    What it flags:
    A part, its whole and a percentage stated together ("12 of the 20 members
    (60%)", "10% of its 5,000 staff, or 500 people", "500 people, or 10% of
    its 5,000 staff") where the part over the whole, each read as rounded, is
    not the percentage (2% of it either way is allowed).  The finding is on
    the last of the three numbers; its suggestion is that number computed from
    the other two, to its own precision.

    Why it matters:
    The three numbers are a sum the reader can do; when they disagree, one of
    them was mistyped or taken from another table, and the sentence says two
    different things at once.

    Anti-pattern:
        The firm cut 10% of its 5,000 staff, or 800 people.

    Best practice:
        The firm cut 10% of its 5,000 staff, or 500 people.

    Options:
    None.
    """

    code = "NC104"
    name = "percentage-mismatch"
    severity = "error"
    fix = "unsafe"
    SLACK = 0.02

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        cl = numeric(ctx)
        for i in range(len(cl) - 2):
            a, b, c = cl[i], cl[i + 1], cl[i + 2]
            g1, g2 = gap(text, a, b), gap(text, b, c)
            # X of Y (Z%)
            if ok_part(a) and ok_part(b) and ok_pct(c) and c.change is None and OF.match(g1) and OR_PCT.match(g2):
                yield from self._compare(ctx, part=a, whole=b, pct=c, flag=c)
            # Z% of Y, or X
            elif ok_pct(a) and ok_part(b) and ok_part(c) and OF.match(g1) and OR.match(g2):
                yield from self._compare(ctx, part=c, whole=b, pct=a, flag=c)
            # X, or Z% of Y
            elif ok_part(a) and ok_pct(b) and b.change is None and ok_part(c) and OR_PCT.match(g1) and OF.match(g2):
                yield from self._compare(ctx, part=a, whole=c, pct=b, flag=a)

    def _compare(self, ctx: Context, part: Claim, whole: Claim, pct: Claim, flag: Claim) -> Iterator[Finding]:
        if part.subject and whole.subject and part.subject == whole.subject and tol.point(part) > tol.point(whole):
            return
        ratio = part_ratio(part, whole)
        if ratio is None or ratio.overlaps(share_of(pct), self.SLACK):
            return
        exp_pct = tol.point(part) / tol.point(whole) * 100
        exp_part = tol.point(pct) / 100 * tol.point(whole)
        whole_text = nf.amount(tol.point(whole), like=whole, step=whole.step)
        if flag is pct:
            msg = (f"{nf.amount(tol.point(part), like=part, step=part.step)} of {whole_text} is {nf.amount(exp_pct, like=pct)}; "
                   f"the text says {pct.text} ({nf.signed(tol.point(pct) - exp_pct)} points)")
            allowed = ratio.widen(self.SLACK).scale(100.0)
            suggestion = nf.restate(pct, exp_pct, allowed)
        else:
            msg = (f"{pct.text} of {whole_text} is about {nf.amount(exp_part, like=part)}; "
                   f"the text says {part.text} ({nf.rel_diff(tol.point(part), exp_part)})")
            whole_iv = tol.rounded(whole)
            allowed = share_of(pct).widen(self.SLACK).scale(whole_iv.lo, whole_iv.hi)
            suggestion = nf.restate(part, exp_part, allowed)
        others = [c for c in (part, whole, pct) if c is not flag]
        yield ctx.finding(self, flag.start, flag.end, msg,
                          related=[ctx.related(c, "stated with it") for c in others],
                          evidence={"part": tol.point(part), "whole": tol.point(whole), "percent": tol.point(pct),
                                    "computed_percent": nf.evidence(exp_pct, pct.step)},
                          suggestion=suggestion)


CHECK = PercentOfParts()
