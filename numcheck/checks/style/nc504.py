"""NC504 imperial-without-metric: an imperial measure with no metric conversion beside it, where the house is metric."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Finding
from ...rules.units import claim_dimension
from ..base import Check, Context
from ._common import CONVERSION, house_style


# units a metric house style wants converted (pint names as in Claim.unit)
IMPERIAL = frozenset({
    "mile", "yard", "foot", "inch", "nautical_mile", "square_mile", "square_foot", "square_yard", "square_inch",
    "acre", "cubic_foot", "cubic_mile", "gallon", "imperial_gallon", "pint", "imperial_pint", "fluid_ounce",
    "pound", "ounce", "stone", "ton", "long_ton", "mile / hour", "mile_per_hour", "degree_Fahrenheit",
})


class ImperialWithoutMetric(Check):
    """An imperial measure with no metric conversion next to it, where the house style is metric.

    What it flags:
    With ``imperial_needs_metric``, a measure in miles, feet, pounds, gallons or
    Fahrenheit with no metric figure of the same dimension in brackets or
    after "or" beside it.  Prices per unit ("$1.49 a gallon") measure nothing
    and are left alone.

    Why it matters:
    A metric readership cannot picture "a 600-mile front"; wire copy from the
    US arrives without conversions.

    Anti-pattern:
        (rules style/guardian.yaml) Troops hold a 600-mile front.

    Best practice:
        (rules style/guardian.yaml) Troops hold a 600-mile (965km) front.

    Options:
    The ``style`` section's ``imperial_needs_metric``; silent without a style.
    """

    code = "NC504"
    name = "imperial-without-metric"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = house_style(ctx)
        if st is None or not st.imperial_needs_metric:
            return
        claims = [c for c in ctx.claims if c.kind == "measure" and c.unit]
        for i, claim in enumerate(claims):
            if claim.unit not in IMPERIAL or re.match(r"(?:a|an|per|each)\s", claim.text, re.I):
                continue  # "$1.49 a gallon" prices a unit; it measures nothing
            dim = claim_dimension(claim.kind, claim.unit, claim.dimension)
            pairs = [(claims[i - 1], claim)] if i > 0 else []
            pairs += [(claim, claims[i + 1])] if i + 1 < len(claims) else []
            if any(
                CONVERSION.fullmatch(ctx.text[a.end:b.start])
                and (b if a is claim else a).unit not in IMPERIAL
                and claim_dimension((b if a is claim else a).kind, (b if a is claim else a).unit, (b if a is claim else a).dimension) == dim
                for a, b in pairs
            ):
                continue
            yield ctx.finding(
                self, claim.start, claim.end,
                f"{claim.text!r} is in imperial units ({claim.unit.replace('_', ' ')}) with no metric conversion beside it",
                evidence={"rule": "style.imperial_needs_metric", "file": st.file, "line": st.line, "source": st.preset},
            )


CHECK = ImperialWithoutMetric()
