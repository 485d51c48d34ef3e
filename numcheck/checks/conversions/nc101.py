"""NC101 unit-conversion-mismatch: a physical-unit conversion that no rounding explains."""
from __future__ import annotations

from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Finding
from ..base import Check, Context
from ._common import UNIT_SLACK, conversions


class UnitConversion(Check):
    """A physical-unit conversion that no rounding explains.

    Both numbers are read as rounded to their significant figures ("620 miles"
    is 615-625 miles), and the conversion must fit inside that.  The
    suggestion is the converted figure written as the text writes the
    bracketed one, to its precision ("900 miles" -> "621 miles").

    Anti-pattern: The front is 1,000km (900 miles) long.
    Best practice: The front is 1,000km (620 miles) long.
    """

    code = "NC101"
    name = "unit-conversion-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        from ...units import convert, load_units

        units = load_units()
        for conv in conversions(ctx):
            a, b = conv.src, conv.dst
            if conv.same_currency or a.kind != "measure" or a.unit not in units or b.unit not in units:
                continue
            src = tol.rounded(a, open_sides=False)
            lo, hi = convert(src.lo, a.unit, b.unit), convert(src.hi, a.unit, b.unit)
            expected = tol.Interval(min(lo, hi), max(lo, hi))
            found = tol.rounded(b, open_sides=False)
            if expected.overlaps(found, UNIT_SLACK):
                continue
            point = convert(tol.point(a), a.unit, b.unit)
            factor = convert(1.0, a.unit, b.unit)
            yield ctx.finding(
                self, b.start, b.end,
                f"{a.text} is about {nf.amount(point, like=b)}; the text says {b.text} ({nf.rel_diff(tol.point(b), point)})",
                related=[ctx.related(a, "converted from")],
                evidence={"factor": nf.evidence(factor), "from_unit": a.unit, "to_unit": b.unit,
                          "expected": [nf.evidence(expected.lo, b.step), nf.evidence(expected.hi, b.step)]},
                suggestion=nf.restate(b, point, allowed=expected.widen(UNIT_SLACK)),
            )


CHECK = UnitConversion()
