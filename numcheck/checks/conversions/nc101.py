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

    What it flags:
    A figure converted into another unit of the same dimension, in brackets
    ("1,000km (620 miles)") or after "or" ("100 kilometres or 60 miles"), that
    no rounding of either side can make equal.  Both numbers are read as
    rounded to their significant figures ("620 miles" is 615-625 miles) and the
    conversion must fit inside that, with 2% for a factor written short (1.6
    for 1.609).  The finding is on the converted figure; the suggestion is that
    figure converted again, written as the text writes it ("900 miles" -> "620 miles").

    Why it matters:
    A conversion is a promise that two figures say the same thing.  A slip in
    one of them (a factor applied the wrong way, a digit dropped) tells half the
    readers a different fact, and a reader who checks one side against the
    other stops trusting the rest.

    Anti-pattern:
        The front is 1,000km (900 miles) long.

        Temperatures reached 40C (124F) in the shade.

    Best practice:
        The front is 1,000km (620 miles) long.

        Temperatures reached 40C (104F) in the shade.

    Options:
    None: the unit table (numcheck/data/units.tsv) gives every factor, exactly.
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
