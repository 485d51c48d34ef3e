"""NC103 inconsistent-exchange-rate: two conversions in one text that imply different rates."""
from __future__ import annotations

from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Finding
from ..base import Check, Context
from ._common import Conversion, bad_currency, conversions, currency


class InconsistentRate(Check):
    """Two conversions between the same currencies in one text that imply different exchange rates.

    What it flags:
    A text that converts between the same two currencies more than once, where
    one conversion implies a rate that no rounding reconciles with the others
    ("$630m (£340m)" is 0.54 pounds a dollar; "$100m (£75m)" is 0.75).  With
    two conversions the later one is flagged; with three or more, the odd one
    out.  Rates may differ by 8% either side, as they do over the years a text
    may cover.  No suggestion: which side of which conversion is wrong is not
    certain.

    Why it matters:
    It needs no publication date and no rate table: the text contradicts
    itself, so at least one of the figures is wrong.

    Anti-pattern:
        It earned $630m (£340m) and lost $100m (£75m).

    Best practice:
        It earned $630m (£340m) and lost $100m (£54m).

    Options:
    None.  A conversion NC102 already flags against the ECB's rates is not
    flagged again here.
    """

    code = "NC103"
    name = "inconsistent-exchange-rate"
    severity = "warning"
    SLACK = 0.08  # each side: rates drift within a text about several years ("in 2000 ... the following year")

    def run(self, ctx: Context) -> Iterator[Finding]:
        groups: dict[tuple[str, str], list[tuple[Conversion, tol.Interval]]] = {}
        for conv in conversions(ctx):
            a, b = conv.src, conv.dst
            if a.kind != "money" or conv.same_currency:
                continue
            ia, ib = tol.rounded(a, open_sides=False), tol.rounded(b, open_sides=False)
            ca, cb = currency(a), currency(b)
            if ca < cb:
                r = ib.divide(ia)
                key = (ca, cb)
            else:
                r = ia.divide(ib)
                key = (cb, ca)
            if r is not None:
                groups.setdefault(key, []).append((conv, r))
        for (x, y), items in groups.items():
            if len(items) < 2:
                continue
            for i, (conv, r) in enumerate(items):
                agree = [j for j, (_, s) in enumerate(items) if j != i and r.overlaps(s, self.SLACK)]
                if agree:
                    continue
                others = [s for j, (_, s) in enumerate(items) if j != i]
                # with two conversions, only the later one is flagged; with more, the odd one out
                if len(items) == 2 and i == 0:
                    continue
                if len(items) > 2 and not any(s.overlaps(t, self.SLACK) for k, s in enumerate(others) for t in others[k + 1:]):
                    continue
                if bad_currency(ctx, conv) is not None:
                    continue  # NC102 already says so
                ref_conv, ref = next((c, s) for j, (c, s) in enumerate(items) if j != i)
                a, b = conv.src, conv.dst
                yield ctx.finding(
                    self, b.start, b.end,
                    f"{a.text} ({b.text}) implies {x}/{y} {nf.number(r.mid)}; "
                    f"{ref_conv.src.text} ({ref_conv.dst.text}) implies {nf.number(ref.mid)} ({nf.rel_diff(r.mid, ref.mid)})"
                    + ("; either conversion may be the wrong one" if len(items) == 2 else ""),
                    related=[ctx.related(ref_conv.src, "same text, other rate"), ctx.related(ref_conv.dst, "same text, other rate")],
                    evidence={"pair": f"{x}/{y}", "rate": [nf.rate(r.lo), nf.rate(r.hi)],
                              "other_rate": [nf.rate(ref.lo), nf.rate(ref.hi)]},
                )


CHECK = InconsistentRate()
