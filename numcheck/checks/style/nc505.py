"""NC505 false-precision: more significant figures than an approximate figure or a conversion can carry."""
from __future__ import annotations

import math
from typing import Iterator

from ... import numfmt as nf
from ...model import Claim, Finding
from ...rules.units import claim_dimension
from ..base import Check, Context
from ._common import CONVERSION, house_style, number_surface, significant_figures


class FalsePrecision(Check):
    """More significant figures than an approximate figure or a conversion can carry.

    What it flags:
    With ``max_significant``, an approximate figure with more significant
    figures than that ("about 12,345 people": five, while saying it is a
    guess), and a conversion more precise than its source ("100 miles
    (160.934km)").  The suggestion rounds the figure.

    Why it matters:
    False precision claims a knowledge the writer does not have, and readers
    repeat it.

    Anti-pattern:
        (rules style/economist.yaml) About 12,345 people attended the rally.

    Best practice:
        (rules style/economist.yaml) About 12,000 people attended the rally.

    Options:
    The ``style`` section's ``max_significant``; silent without a style.
    """

    code = "NC505"
    name = "false-precision"
    severity = "info"
    fix = "unsafe"  # rounding changes the figure's digits

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = house_style(ctx)
        if st is None or st.max_significant is None:
            return
        ev = {"rule": "style.max_significant", "file": st.file, "line": st.line, "source": st.preset}
        prev: Claim | None = None
        for claim in ctx.claims:
            digits = number_surface(claim)
            if claim.kind == "date" or digits is None:
                prev = claim
                continue
            sig = significant_figures(digits.group())
            if claim.qualifier == "~" and sig > st.max_significant:
                yield ctx.finding(
                    self, claim.start, claim.end,
                    f"{claim.text!r} is approximate but has {_figures(sig)} (most {st.max_significant})",
                    evidence=ev, suggestion=_rounded_to(claim, st.max_significant),
                )
            elif prev is not None and prev.kind == "measure" and claim.kind == "measure" and _is_conversion(ctx.text, prev, claim):
                pd = number_surface(prev)
                if pd is not None:
                    psig = significant_figures(pd.group())
                    if sig > max(psig + 1, st.max_significant):
                        yield ctx.finding(
                            self, claim.start, claim.end,
                            f"{claim.text!r} converts {prev.text!r} ({_figures(psig)}) into {sig}: round it",
                            related=[ctx.related(prev, "original figure")], evidence=ev,
                            suggestion=_rounded_to(claim, min(psig + 1, st.max_significant)),
                        )
            prev = claim


def _rounded_to(claim: Claim, sig: int) -> str | None:
    """The claim rewritten with its figure rounded to ``sig`` significant figures ("about 12,345" -> "about 12,300")."""
    if claim.value is None or claim.value == 0:
        return None
    return nf.restate(claim, claim.value, step=10.0 ** (math.floor(math.log10(abs(claim.value))) - sig + 1))


def _figures(n: int) -> str:
    return f"{n} significant figure{'s' * (n != 1)}"


def _is_conversion(text: str, a: Claim, b: Claim) -> bool:
    """Whether ``b`` is a bracketed conversion of ``a``: "100 miles (160km)" with one dimension."""
    if not CONVERSION.fullmatch(text[a.end:b.start]):
        return False
    da = claim_dimension(a.kind, a.unit, a.dimension)
    return bool(da) and da == claim_dimension(b.kind, b.unit, b.dimension) and a.unit != b.unit and not math.isclose(a.value or 0, b.value or 0)


CHECK = FalsePrecision()
