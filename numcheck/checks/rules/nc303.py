"""NC303 dimension-mismatch: a measure whose unit has the wrong dimension for its subject."""
from __future__ import annotations

from typing import Iterator

from ...model import Finding
from ...rules.units import claim_dimension
from ..base import Check, Context


class DimensionMismatch(Check):
    """A measure whose unit has the wrong dimension for its subject: a front is a length.

    What it flags:
    A measure whose subject a rule file's ``dimensions`` know ("front":
    length) given in a unit of another dimension ("the 1,000-hour front").

    Why it matters:
    A unit of the wrong kind is a slip of the unit or of the subject, and
    either way the figure means nothing as written.

    Anti-pattern:
        (rules examples) Troops hold the 1,000-hour front.

    Best practice:
        (rules examples) Troops hold the 1,000-kilometre front.

    Options:
    Rule files' ``dimensions`` (rules/core/dimensions.yaml is loaded by default).
    """

    code = "NC303"
    name = "dimension-mismatch"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = ctx.rules
        if rs is None or not rs.dimensions:
            return
        for claim in ctx.claims:
            if claim.kind not in ("measure", "duration") or not claim.subject:
                continue
            rule = rs.dimension_rule(claim.subject)
            got = claim_dimension(claim.kind, claim.unit, claim.dimension)
            if rule is None or not got or got in rule.allowed:
                continue
            expected = " or ".join(rule.allowed)
            ev = {"rule": f"dimensions:{rule.subject}", "file": rule.file, "line": rule.line, "source": ""}
            yield ctx.finding(
                self, claim.start, claim.end,
                f"found a {got} ({claim.unit.replace('_', ' ') or claim.kind}) for {claim.subject}, expected a {expected} "
                f"(rule {ev['rule']}: a {claim.subject} is measured as a {expected})",
                evidence={**ev, "expected": expected, "found": got},
            )


CHECK = DimensionMismatch()
