"""What the rule checks share: a rule's evidence, claims as intervals in base units, and which facts speak about a claim."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Iterator

from ... import numfmt as nf
from ...model import Claim
from ...rules.subjects import fold, fold_words, mentions
from ...rules.units import claim_dimension, to_base
from ..base import Context


if TYPE_CHECKING:  # pragma: no cover
    from ...rules import RuleSet


INF = float("inf")


def rule_evidence(rule: Any, **extra: Any) -> dict[str, Any]:
    return {"rule": rule.id, "file": rule.file, "line": rule.line, "source": getattr(rule, "source", ""), **extra}


def fmt(x: float | None) -> str:
    if x is None or math.isinf(x):
        return "any"
    return nf.number(x, 4 if abs(x) >= 1 else 3)


def span_text(lo: float, hi: float) -> str:
    if math.isinf(hi) and not math.isinf(lo):
        return f"at least {fmt(lo)}"
    if math.isinf(lo) and not math.isinf(hi):
        return f"at most {fmt(hi)}"
    return nf.between(lo, hi, render=fmt)


_QUALIFIER_WORDS = {">": "more than", ">=": "at least", "<": "fewer than", "<=": "at most", "~": "about"}


def said_text(claim: Claim, interval: tuple[float, float]) -> str:
    """What a claim states, in words: "more than 100,000", "about 2,000", "24-99"."""
    lo, hi = interval
    q = claim.qualifier
    if q in (">", ">=") and math.isinf(hi):
        return f"{_QUALIFIER_WORDS[q]} {fmt(lo)}"
    if q in ("<", "<=") and claim.value is not None:
        return f"{_QUALIFIER_WORDS[q]} {fmt(hi)}"
    if q == "~" and claim.value is not None:
        return f"about {fmt(claim.value * (lo / claim.low if claim.low else 1))}"
    return span_text(lo, hi)


def claim_interval(claim: Claim) -> tuple[float, float] | None:
    """The interval a claim allows in its stated unit (open sides infinite), or None without numbers."""
    if claim.low is None and claim.high is None:
        if claim.value is None:
            return None
        return claim.value, claim.value
    lo = -INF if claim.low is None else claim.low
    hi = INF if claim.high is None else claim.high
    return lo, hi


def base_factor(claim: Claim) -> float | None:
    """Stated unit -> base unit factor of a claim (1 for counts, percent and money)."""
    if claim.kind in ("count", "percent", "money", "fraction"):
        return 1.0
    if claim.canonical is not None and claim.value:
        return claim.canonical.value / claim.value
    base = to_base(1.0, claim.unit)
    return base


def subject_matches(rs: "RuleSet", subject: str, names: tuple[str, ...]) -> bool:
    keys = set(rs.subject_keys(subject))
    if not keys:
        return False
    for name in names:
        if fold(name) in keys or rs.canonical_subject(name) in keys:
            return True
    return False


class SentenceWords:
    """Whether a word is in a claim's sentence; each sentence folded once and each word looked for once in it."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.folded: dict[int, str] = {}
        self.found: dict[tuple[int, str], bool] = {}

    def any_in(self, claim: Claim, words: tuple[str, ...]) -> bool:
        if not words:
            return True
        sentences = self.ctx.sentences
        i = sentences.index(claim.start)
        if i not in self.folded:
            start, end = sentences.span_at(i)
            self.folded[i] = fold_words(self.ctx.text[start:end])
        for w in words:
            if (i, w) not in self.found:
                self.found[i, w] = mentions(self.folded[i], w)
            if self.found[i, w]:
                return True
        return False


def facts_about(ctx: Context, claim: Claim, context: "SentenceWords | None" = None) -> Iterator[Any]:
    """The facts a rule file gives for this claim: its subject, its kind of unit, in force on the date, in context.

    ``context`` shares the sentences already folded between the claims of one text (NC301 passes one).
    """
    rs = ctx.rules
    if rs is None or not claim.subject:
        return
    words = context or SentenceWords(ctx)
    for fact in rs.facts:
        if not fact.holds_on(ctx.published) or not unit_fits(claim, fact):
            continue
        if subject_matches(rs, claim.subject, (fact.subject, *fact.aliases)) and words.any_in(claim, fact.context):
            yield fact


def unit_fits(claim: Claim, fact: Any) -> bool:
    """Whether a claim and a fact measure the same kind of thing (counts with counts, km with miles)."""
    dim = fact.dimension
    if dim == "count":
        return claim.kind == "count" and not claim.unit
    if dim == "percent":
        return claim.kind == "percent"
    if dim == "currency":
        return claim.kind == "money" and claim.unit == fact.unit
    return claim.kind in ("measure", "duration") and claim_dimension(claim.kind, claim.unit, claim.dimension) == dim
