"""NC302 impossible-value: a value outside the physical or logical range a bound gives."""
from __future__ import annotations

import math
from typing import Iterator

from ...model import Claim, Finding
from ...rules.subjects import fold_words
from ...rules.units import claim_dimension, to_base
from ..base import Check, Context
from .._common import subject_end
from ._common import base_factor, claim_interval, fmt, rule_evidence, said_text, subject_matches


class BoundViolation(Check):
    """A value that cannot be true: outside the physical or logical range a bound gives.

    What it flags:
    A claim outside a rule file's ``bounds``: a percentage of people over 100,
    a negative count, an age over 130.  Bounds match by claim kind, subject and
    dimension; ``after`` phrases restrict a bound to claims followed by them
    ("120% of the population" is impossible, "120% of GDP" is not).  Changes
    ("rose 150%") are not checked, nor counts that name no things after the
    number ("the balance of opinion was minus 10" counts nothing).

    Why it matters:
    An impossible value is always an error, and a cheap one to catch.

    Anti-pattern:
        115% of voters backed the plan.

    Best practice:
        15% of voters backed the plan.

    Options:
    Rule files' ``bounds``; the core rules (rules/core/bounds.yaml) are
    loaded by default.
    """

    code = "NC302"
    name = "impossible-value"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = ctx.rules
        if rs is None or not rs.bounds:
            return
        for claim in ctx.claims:
            if claim.kind == "date" or claim.change:
                continue
            iv = claim_interval(claim)
            if iv is None:
                continue
            if claim.kind == "count" and subject_end(ctx.text, claim) == claim.end:
                continue  # no things named after it: "minus 10" in a survey (its subject a balance) counts nothing
            dim = claim_dimension(claim.kind, claim.unit, claim.dimension)
            for b in rs.bounds:
                if b.kinds and claim.kind not in b.kinds:
                    continue
                if b.dimension and dim != b.dimension:
                    continue
                if b.subjects and not (claim.subject and subject_matches(rs, claim.subject, b.subjects)):
                    continue
                if b.after and not _followed_by(ctx.text, claim.end, b.after):
                    continue
                lo, hi = iv
                if b.base_unit and b.base_unit != "percent" and claim.kind in ("measure", "duration"):
                    factor = base_factor(claim)
                    if factor is None:
                        continue
                    lo, hi = _to_base_interval(claim, lo, hi, factor)
                unit = f" {b.base_unit}" if b.base_unit and b.base_unit != "percent" else "%" if claim.kind == "percent" else ""
                said = said_text(claim, (lo, hi)) + unit
                if unit.strip() and unit != "%":
                    said = f"{claim.text} ({said})"  # converted to base units: show what the text says too
                if b.max is not None and lo > b.max:
                    msg = f"found {said}, expected at most {fmt(b.max)}{unit}; {fmt(lo - b.max)}{unit} over"
                elif b.min is not None and hi < b.min:
                    msg = f"found {said}, expected at least {fmt(b.min)}{unit}; {fmt(b.min - hi)}{unit} under"
                elif b.integer and claim.qualifier == "=" and lo == hi and not float(lo).is_integer():
                    msg = f"found {fmt(lo)}, expected a whole number"
                else:
                    continue
                why = f": {b.message}" if b.message else ""
                yield ctx.finding(self, claim.start, claim.end, f"{msg} (rule {b.id}{why})",
                                  evidence=rule_evidence(b, min=b.min, max=b.max, unit=b.base_unit))
                break


def _to_base_interval(claim: Claim, lo: float, hi: float, factor: float) -> tuple[float, float]:
    """Stated-unit interval -> base units, honouring offsets (degrees Celsius to kelvin)."""
    a, b = to_base(lo, claim.unit) if not math.isinf(lo) else lo, to_base(hi, claim.unit) if not math.isinf(hi) else hi
    if a is None or b is None:
        return lo * factor, hi * factor
    return a, b


def _followed_by(text: str, end: int, phrases: tuple[str, ...]) -> bool:
    after = fold_words(text[end:end + 80])
    return any(after.startswith(" " + " ".join(fold_words(p).split()) + " ") for p in phrases)


CHECK = BoundViolation()
