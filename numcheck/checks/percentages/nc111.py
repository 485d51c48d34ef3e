"""NC111 impossible-percentage: a percentage that no whole number of a stated small base can give (the GRIM test).

"71% of 43 respondents" is impossible: 30/43 is 69.8% and 31/43 is 72.1%.  The
percentage is read to its stated precision (71% is 70.5-71.5%, 7.4% is
7.35-7.45%); only exact statements of a countable base are tested, and only
where the base is small enough for the test to mean anything (100/N larger
than the percentage's precision).
"""
from __future__ import annotations

import math
import re
from typing import Iterator

from ...text import head_noun, is_plural
from ...model import Finding
from .._common import gap, numeric, subject_end
from ..base import Check, Context


_OF = re.compile(r"^\s+of\s+(?:(?:the|its|their|all|all\s+the|these|those)\s+)?$", re.I)

MAX_BASE = 1000


def possible(pct_lo: float, pct_hi: float, n: int) -> tuple[bool, int]:
    """Whether some k in 0..n gives k/n*100 within [pct_lo, pct_hi]; and the nearest k."""
    k = round(((pct_lo + pct_hi) / 2) * n / 100)
    for cand in (math.floor(pct_lo * n / 100), math.ceil(pct_lo * n / 100), math.floor(pct_hi * n / 100)):
        if 0 <= cand <= n and pct_lo - 1e-9 <= cand / n * 100 <= pct_hi + 1e-9:
            return True, cand
    return False, k


class ImpossiblePercentage(Check):
    """A percentage that no whole number out of the stated base can produce.

    What it flags:
    "71% of 43 respondents": 30 of 43 is 69.8% and 31 of 43 is 72.1%, so no
    number of respondents gives 71% (the GRIM test).  The percentage is read to
    its stated precision (71% is 70.5-71.5%); only an exact percentage of an
    exact, countable base up to 1,000 is tested, and only where the base is
    small enough for the test to mean anything (100/N larger than the
    percentage's precision).

    Why it matters:
    A percentage that cannot come from its base was miscalculated, mistyped,
    or quotes another base than the one given: the figures are not what the
    sentence says they are.

    Anti-pattern:
        In the poll, 71% of the 43 respondents said they would vote.

    Best practice:
        In the poll, 72% of the 43 respondents said they would vote.

    Options:
    None.
    """

    code = "NC111"
    name = "impossible-percentage"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        cl = numeric(ctx)
        for p, n in zip(cl, cl[1:]):
            if not (p.kind == "percent" and p.unit == "percent" and p.qualifier == "=" and not p.range
                    and p.change is None and p.value is not None):
                continue
            if not (n.kind == "count" and n.qualifier == "=" and not n.range and n.change is None
                    and n.value is not None and n.value == int(n.value) and 1 < n.value <= MAX_BASE):
                continue
            if not _OF.match(gap(text, p, n)) or not n.subject or not is_plural(n.subject.split()[-1]):
                continue
            if p.subject and head_noun(p.subject) != head_noun(n.subject):
                continue  # "10 percent of the residents of 12 villages": a share of the residents, not of the villages
            end = subject_end(text, n)
            if re.match(r"['\u2019]", text[end:end + 1]) or re.match(r"\s+of\b", text[end:end + 4]):
                continue  # "5% of 20 countries' exports", "10% of 40 tonnes of ..." : not a share of the count
            step = p.step or 1.0
            half = step / 2
            lo, hi = p.value - half, p.value + half
            N = int(n.value)
            if 100 / N <= step:
                continue
            ok, k = possible(lo, hi, N)
            if ok:
                continue
            below = math.floor(p.value * N / 100)
            above = below + 1
            yield ctx.finding(
                self, p.start, p.end,
                f"{p.text} of {N} is impossible: {below}/{N} = {below / N * 100:.{_dp(step)}f}% and "
                f"{above}/{N} = {above / N * 100:.{_dp(step)}f}%",
                related=[ctx.related(n, "the base")],
                evidence={"base": N, "percent": [lo, hi], "nearest": [below, above]},
            )


def _dp(step: float) -> int:
    return max(1, -int(math.floor(math.log10(step))) + 1) if step < 1 else 1


CHECK = ImpossiblePercentage()
