"""NC301 fact-mismatch: a claim outside the reference value a rule file gives for its subject."""
from __future__ import annotations

from typing import Any, Iterator

from ...model import Claim, Finding
from ..base import Check, Context
from ._common import (INF, SentenceWords, base_factor, claim_interval, facts_about, fmt, rule_evidence, said_text,
                      span_text)


class FactMismatch(Check):
    """A claim about a subject falls outside the reference value a rule file gives for it.

    What it flags:
    A figure whose subject a rule file's ``facts`` know ("troops" in Kursk:
    10,000-12,000) and whose interval, qualifiers included ("more than 10,000"
    allows 10,000 and up), does not meet the fact's interval widened by its
    tolerance.  Facts apply only in their valid period and, when they list
    context words, only in sentences that mention one.  When several facts
    match, one that holds is enough.

    Why it matters:
    A newsroom's reference figures (a population, a deployment, a budget) are
    quoted again and again; a rule file catches the copy that drifted from them.

    Anti-pattern:
        (published 2025-02-01; rules examples) Pyongyang sent more than 100,000 troops to Kursk.

    Best practice:
        (published 2025-02-01; rules examples) Pyongyang sent more than 10,000 troops to Kursk.

    Options:
    Rule files' ``facts`` (``--rules``, ``rules=``); none are loaded by
    default, so the check is silent without a domain pack.
    """

    code = "NC301"
    name = "fact-mismatch"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = ctx.rules
        if rs is None or not rs.facts:
            return
        context = SentenceWords(ctx)
        for claim in ctx.claims:
            if claim.kind in ("date", "duration") or claim.change or not claim.subject:
                continue
            iv = claim_interval(claim)
            if iv is None:
                continue
            violated = None
            for fact in facts_about(ctx, claim, context):
                factor = base_factor(claim)
                if factor is None:
                    continue
                lo, hi = iv[0] * factor, iv[1] * factor
                flo, fhi = fact.window()
                flo, fhi = flo * fact.scale, fhi * fact.scale
                above, below = lo > fhi, hi < flo
                if not (above and fact.flag != "below" or below and fact.flag != "above"):
                    violated = None  # one matching fact that holds is enough: silence
                    break
                violated = violated or (fact, (lo, hi), (flo, fhi))
            if violated is not None:
                yield self._finding(ctx, claim, *violated)

    def _finding(self, ctx: Context, claim: Claim, fact: Any, got: tuple[float, float], window: tuple[float, float]) -> Finding:
        scale = fact.scale or 1.0
        g = (got[0] / scale, got[1] / scale)
        w = (window[0] / scale, window[1] / scale)
        unit = f" {_unit_words(fact.unit)}" if fact.unit else ""
        expected = span_text(fact.low if fact.low is not None else -INF, fact.high if fact.high is not None else INF)
        if g[0] > w[1]:
            limit = f"up to {fmt(w[1])}"
            gap = f"{fmt(g[0])} is {g[0] / w[1]:.1f} times that" if w[1] > 0 else f"{fmt(g[0] - w[1])} over"
        else:
            limit = f"down to {fmt(w[0])}"
            gap = f"{fmt(g[1])} is {fmt(w[0] - g[1])} short"
        tol = f", ±{fact.tolerance:.0%}: {limit}" if fact.tolerance else ""
        src = f" (source: {fact.source})" if fact.source else ""
        msg = (
            f"found {said_text(claim, g)}{unit} {claim.subject}, expected {expected}{unit} "
            f"(rule {fact.id}{tol}); {gap}{src}"
        )
        return ctx.finding(
            self, claim.start, claim.end, msg,
            evidence=rule_evidence(fact, expected=[fact.low, fact.high], unit=fact.unit, tolerance=fact.tolerance),
        )


def _unit_words(unit: str) -> str:
    """A unit name for a message: "kilometer" -> "km"-free plain words ("kilometers"), codes unchanged."""
    if unit.isupper() or unit == "percent":
        return unit
    return unit.replace("_", " ") + "s"


CHECK = FactMismatch()
