"""NC502 percent-style: one way of writing percent, the house's."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Finding
from ..base import Check, Context
from ._common import house_style


_PERCENT_FORMS = {"%": re.compile(r"%"), "per cent": re.compile(r"\bper\s+cent\b", re.I), "percent": re.compile(r"\bpercent\b", re.I)}


class PercentStyle(Check):
    """One way of writing percent, the house's: "%", "per cent" or "percent".

    What it flags:
    A percentage written another way than the style's ``percent`` setting.
    The suggestion rewrites it the house's way.

    Why it matters:
    Mixed forms in one paper read as carelessness; the fix is mechanical.

    Anti-pattern:
        (rules style/guardian.yaml) Inflation rose to 5 per cent in March.

    Best practice:
        (rules style/guardian.yaml) Inflation rose to 5% in March.

    Options:
    The ``style`` section's ``percent`` ("%", "per cent" or "percent"); silent without a style.
    """

    code = "NC502"
    name = "percent-style"
    severity = "warning"
    fix = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = house_style(ctx)
        if st is None or not st.percent:
            return
        for claim in ctx.claims:
            if claim.kind != "percent":
                continue
            for form, rx in _PERCENT_FORMS.items():
                if form == st.percent:
                    continue
                m = rx.search(claim.text)
                if m is None or (form == "percent" and _PERCENT_FORMS["per cent"].search(claim.text)):
                    continue
                if form == "percent" and re.search(r"\bpercentage\b", claim.text, re.I):
                    continue
                start, suggestion = _percent_edit(claim.text, m, st.percent)
                yield ctx.finding(
                    self, claim.start + start, claim.start + m.end(),
                    f"{m.group()!r}: {st.preset or 'house'} style writes percent as {st.percent!r}",
                    evidence={"rule": "style.percent", "file": st.file, "line": st.line, "source": st.preset},
                    suggestion=suggestion,
                )
                break


def _percent_edit(text: str, m: re.Match[str], want: str) -> tuple[int, str]:
    """Where the percent edit starts and what it writes: "5 per cent" -> "5%" takes the space too, "5%" -> "5 per cent" adds one."""
    if want == "%":
        return len(text[:m.start()].rstrip()), want
    return m.start(), want if text[:m.start()].endswith((" ", "\u00a0")) else " " + want


CHECK = PercentStyle()
