"""NC3xx: claims against rule files: reference facts, possible bounds, subject dimensions, event durations.

Every finding cites its rule: ``evidence = {"rule", "file", "line", "source"}``.
Subjects match by folded phrase, alias and head noun (``RuleSet.subject_keys``);
where a rule has ``context`` words, one must be in the claim's sentence.  When
in doubt these checks stay silent: a wrong rule finding costs more trust than
a missed one.
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import Any, Iterator

from .. import numfmt as nf
from ..model import Claim, Finding
from ..rules.subjects import fold, fold_words, mentions
from ..rules.units import claim_dimension, to_base
from .base import Check, Context

INF = float("inf")
_TIMEX_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)(Y|M|W|D|DE|CE)$")
_DAYS = {"D": 1.0, "W": 7.0, "M": 365.2425 / 12, "Y": 365.2425, "DE": 3652.425, "CE": 36524.25}
_UNIT_WORD = {"D": "days", "W": "weeks", "M": "months", "Y": "years", "DE": "decades", "CE": "centuries"}


def _rules(ctx: Context) -> Any:
    rs = ctx.rules
    return rs if rs is not None and hasattr(rs, "facts") else None


def _evidence(rule: Any, **extra: Any) -> dict[str, Any]:
    return {"rule": rule.id, "file": rule.file, "line": rule.line, "source": getattr(rule, "source", ""), **extra}


def _fmt(x: float | None) -> str:
    if x is None or math.isinf(x):
        return "any"
    return nf.number(x, 4 if abs(x) >= 1 else 3)


def _span_text(lo: float, hi: float) -> str:
    if math.isinf(hi) and not math.isinf(lo):
        return f"at least {_fmt(lo)}"
    if math.isinf(lo) and not math.isinf(hi):
        return f"at most {_fmt(hi)}"
    return nf.between(lo, hi, render=_fmt)


_QUALIFIER_WORDS = {">": "more than", ">=": "at least", "<": "fewer than", "<=": "at most", "~": "about"}


def _said(claim: Claim, interval: tuple[float, float]) -> str:
    """What a claim states, in words: "more than 100,000", "about 2,000", "24-99"."""
    lo, hi = interval
    q = claim.qualifier
    if q in (">", ">=") and math.isinf(hi):
        return f"{_QUALIFIER_WORDS[q]} {_fmt(lo)}"
    if q in ("<", "<=") and claim.value is not None:
        return f"{_QUALIFIER_WORDS[q]} {_fmt(hi)}"
    if q == "~" and claim.value is not None:
        return f"about {_fmt(claim.value * (lo / claim.low if claim.low else 1))}"
    return _span_text(lo, hi)


def claim_interval(claim: Claim) -> tuple[float, float] | None:
    """The interval a claim allows in its stated unit (open sides infinite), or None without numbers."""
    if claim.low is None and claim.high is None:
        if claim.value is None:
            return None
        return claim.value, claim.value
    lo = -INF if claim.low is None else claim.low
    hi = INF if claim.high is None else claim.high
    return lo, hi


def _base_factor(claim: Claim) -> float | None:
    """Stated unit -> base unit factor of a claim (1 for counts, percent and money)."""
    if claim.kind in ("count", "percent", "money", "fraction"):
        return 1.0
    if claim.canonical is not None and claim.value:
        return claim.canonical.value / claim.value
    base = to_base(1.0, claim.unit)
    return base


def _subject_matches(rs: Any, subject: str, names: tuple[str, ...]) -> bool:
    keys = set(rs.subject_keys(subject))
    if not keys:
        return False
    for name in names:
        if fold(name) in keys or rs.canonical_subject(name) in keys:
            return True
    return False


class _SentenceWords:
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


def facts_about(ctx: Context, claim: Claim, context: "_SentenceWords | None" = None) -> Iterator[Any]:
    """The facts a rule file gives for this claim: its subject, its kind of unit, in force on the date, in context.

    ``context`` shares the sentences already folded between the claims of one text (NC301 passes one).
    """
    rs = _rules(ctx)
    if rs is None or not claim.subject:
        return
    words = context or _SentenceWords(ctx)
    for fact in rs.facts:
        if not fact.holds_on(ctx.published) or not _unit_fits(claim, fact):
            continue
        if _subject_matches(rs, claim.subject, (fact.subject, *fact.aliases)) and words.any_in(claim, fact.context):
            yield fact


class FactMismatch(Check):
    """A claim about a subject falls outside the reference value a rule file gives for it.

    The fact's interval is widened by its tolerance; the claim's interval
    (qualifiers included: "more than 10,000" allows 10,000 and up) must meet
    it.  Facts apply only in their valid period and, when they list context
    words, only in sentences that mention one.  When several facts match,
    one that holds is enough.

    Anti-pattern: "Pyongyang deployed more than 100,000 troops" (rule: 10,000-12,000 troops).
    Best practice: "Pyongyang deployed more than 10,000 troops".
    """

    code = "NC301"
    name = "fact-mismatch"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = _rules(ctx)
        if rs is None or not rs.facts:
            return
        context = _SentenceWords(ctx)
        for claim in ctx.claims:
            if claim.kind in ("date", "duration") or claim.change or not claim.subject:
                continue
            iv = claim_interval(claim)
            if iv is None:
                continue
            violated = None
            for fact in facts_about(ctx, claim, context):
                factor = _base_factor(claim)
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
        expected = _span_text(fact.low if fact.low is not None else -INF, fact.high if fact.high is not None else INF)
        if g[0] > w[1]:
            limit = f"up to {_fmt(w[1])}"
            gap = f"{_fmt(g[0])} is {g[0] / w[1]:.1f} times that" if w[1] > 0 else f"{_fmt(g[0] - w[1])} over"
        else:
            limit = f"down to {_fmt(w[0])}"
            gap = f"{_fmt(g[1])} is {_fmt(w[0] - g[1])} short"
        tol = f", ±{fact.tolerance:.0%}: {limit}" if fact.tolerance else ""
        src = f" (source: {fact.source})" if fact.source else ""
        msg = (
            f"found {_said(claim, g)}{unit} {claim.subject}, expected {expected}{unit} "
            f"(rule {fact.id}{tol}); {gap}{src}"
        )
        return ctx.finding(
            self, claim.start, claim.end, msg,
            evidence=_evidence(fact, expected=[fact.low, fact.high], unit=fact.unit, tolerance=fact.tolerance),
        )


def _unit_words(unit: str) -> str:
    """A unit name for a message: "kilometer" -> "km"-free plain words ("kilometers"), codes unchanged."""
    if unit.isupper() or unit == "percent":
        return unit
    return unit.replace("_", " ") + "s"


def _unit_fits(claim: Claim, fact: Any) -> bool:
    """Whether a claim and a fact measure the same kind of thing (counts with counts, km with miles)."""
    dim = fact.dimension
    if dim == "count":
        return claim.kind == "count" and not claim.unit
    if dim == "percent":
        return claim.kind == "percent"
    if dim == "currency":
        return claim.kind == "money" and claim.unit == fact.unit
    return claim.kind in ("measure", "duration") and claim_dimension(claim.kind, claim.unit, claim.dimension) == dim


class BoundViolation(Check):
    """A value that cannot be true: outside the physical or logical range a bound gives.

    Bounds match by claim kind, subject and dimension; ``after`` phrases
    restrict a bound to claims followed by them ("120% of the population" is
    impossible, "120% of GDP" is not).  Changes ("rose 150%") are not checked,
    nor counts with no subject ("a balance of minus 10" counts nothing).

    Anti-pattern: "115% of voters backed the plan".
    Best practice: "15% of voters backed the plan".
    """

    code = "NC302"
    name = "impossible-value"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = _rules(ctx)
        if rs is None or not rs.bounds:
            return
        for claim in ctx.claims:
            if claim.kind == "date" or claim.change:
                continue
            iv = claim_interval(claim)
            if iv is None:
                continue
            if claim.kind == "count" and not claim.subject:
                continue  # "minus 10" in a survey is a balance, not a count of things
            dim = claim_dimension(claim.kind, claim.unit, claim.dimension)
            for b in rs.bounds:
                if b.kinds and claim.kind not in b.kinds:
                    continue
                if b.dimension and dim != b.dimension:
                    continue
                if b.subjects and not (claim.subject and _subject_matches(rs, claim.subject, b.subjects)):
                    continue
                if b.after and not _followed_by(ctx.text, claim.end, b.after):
                    continue
                lo, hi = iv
                if b.base_unit and b.base_unit != "percent" and claim.kind in ("measure", "duration"):
                    factor = _base_factor(claim)
                    if factor is None:
                        continue
                    lo, hi = _to_base_interval(claim, lo, hi, factor)
                unit = f" {b.base_unit}" if b.base_unit and b.base_unit != "percent" else "%" if claim.kind == "percent" else ""
                said = _said(claim, (lo, hi)) + unit
                if unit.strip() and unit != "%":
                    said = f"{claim.text} ({said})"  # converted to base units: show what the text says too
                if b.max is not None and lo > b.max:
                    msg = f"found {said}, expected at most {_fmt(b.max)}{unit}; {_fmt(lo - b.max)}{unit} over"
                elif b.min is not None and hi < b.min:
                    msg = f"found {said}, expected at least {_fmt(b.min)}{unit}; {_fmt(b.min - hi)}{unit} under"
                elif b.integer and claim.qualifier == "=" and lo == hi and not float(lo).is_integer():
                    msg = f"found {_fmt(lo)}, expected a whole number"
                else:
                    continue
                why = f": {b.message}" if b.message else ""
                yield ctx.finding(self, claim.start, claim.end, f"{msg} (rule {b.id}{why})",
                                  evidence=_evidence(b, min=b.min, max=b.max, unit=b.base_unit))
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


class DimensionMismatch(Check):
    """A measure whose unit has the wrong dimension for its subject: a front is a length.

    Anti-pattern: "the 1,000-hour front".
    Best practice: "the 1,000-kilometre front".
    """

    code = "NC303"
    name = "dimension-mismatch"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = _rules(ctx)
        if rs is None or not rs.dimensions:
            return
        for claim in ctx.claims:
            if claim.kind not in ("measure", "duration") or not claim.subject:
                continue
            expected = rs.dimension_of(claim.subject)
            got = claim_dimension(claim.kind, claim.unit, claim.dimension)
            if not expected or not got or expected == got:
                continue
            rule = next((d for d in rs.dimension_rules if d.dimension == expected and fold(d.subject) in rs.subject_keys(claim.subject)), None)
            ev = {"rule": f"dimensions:{rule.subject}" if rule else "dimensions", "file": rule.file if rule else "", "line": rule.line if rule else 0, "source": ""}
            yield ctx.finding(
                self, claim.start, claim.end,
                f"found a {got} ({claim.unit.replace('_', ' ') or claim.kind}) for {claim.subject}, expected a {expected} "
                f"(rule {ev['rule']}: a {claim.subject} is measured as a {expected})",
                evidence={**ev, "expected": expected, "found": got},
            )


class EventDuration(Check):
    """A duration of a named event that does not fit the event's dates and the publication date.

    "the three-year conflict" names an event by alias ("conflict"); the time
    from its start to publication (or to its end) must round to the stated
    number.  With several events under one name, any one fitting is enough.
    The alias must be written around the claim as the rule has it ("the
    conflict"), so "30 years of war" about another war stays silent.  Needs a
    publication date; without one the check is silent.

    When one event goes by that name, the suggestion is the elapsed time
    written as the text writes the stated one ("five-year" -> "three-year").

    Anti-pattern: "the five-year conflict" (full-scale invasion 2022-02-24, published 2025-02-01).
    Best practice: "the three-year conflict".
    """

    code = "NC304"
    name = "event-duration-mismatch"
    severity = "warning"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = _rules(ctx)
        if rs is None or not rs.events or ctx.published is None:
            return
        last = ctx.published_end or ctx.published
        for claim in ctx.claims:
            if claim.kind != "duration" or not claim.subject or claim.change:
                continue
            m = _TIMEX_DURATION.match(claim.timex or "")
            events = rs.events_for_subject(claim.subject)
            if not m or not events:
                continue
            # the event must be named around the claim ("the three-year conflict"), not just a bare "war"
            named = set(map(id, rs.events_in(ctx.text[max(0, claim.start - 40):claim.end + 40])))
            events = tuple(ev for ev in events if id(ev) in named)
            if not events:
                continue
            unit = m.group(2)
            stated = claim_interval(claim) or (float(m.group(1)), float(m.group(1)))
            if claim.value is None and claim.low is None and claim.high is None:
                stated = (float(m.group(1)), float(m.group(1)))
            step = claim.step or 1.0
            lo, hi = stated[0] - step / 2, stated[1] + step / 2
            best: tuple[float, Any, tuple[float, float]] | None = None
            for ev in events:
                span = _elapsed(ev, ctx.published, last, unit)
                if span is None:
                    continue
                if span[1] >= lo and span[0] <= hi:
                    best = None
                    break
                gap = min(abs(span[0] - stated[0]), abs(span[1] - stated[1]))
                if best is None or gap < best[0]:
                    best = (gap, ev, span)
            else:
                if best is not None:
                    yield self._finding(ctx, claim, best[1], best[2], unit, stated, certain=len(events) == 1)

    def _finding(self, ctx: Context, claim: Claim, ev: Any, span: tuple[float, float], unit: str, stated: tuple[float, float],
                 certain: bool = False) -> Finding:
        word = _UNIT_WORD[unit]
        pub = ctx.published.isoformat() if ctx.published else "?"
        got = nf.between(span[0], span[1], render=lambda x: f"{x:.1f}")
        off = min(abs(span[0] - stated[0]), abs(span[1] - stated[1]), abs(span[0] - stated[1]), abs(span[1] - stated[0]))
        if ev.ongoing or ev.end == ev.start:
            lasted = f"{ev.id} began on {ev.start.isoformat()}, {got} {word} before publication ({pub})"
        else:
            lasted = f"{ev.id} lasted {got} {word} ({ev.start.isoformat()} to {ev.end.isoformat()})"
        msg = f"found {_said(claim, stated)} {word} of {claim.subject}, expected {got}: {lasted}; {off:.1f} {word} off (rule {ev.id})"
        half = (claim.step or 1.0) / 2  # the stated duration must round to the elapsed one
        fits = nf.Interval(span[0] - half, span[1] + half)
        return ctx.finding(self, claim.start, claim.end, msg,
                           evidence=_evidence(ev, start=ev.start.isoformat(), end=ev.end.isoformat(), elapsed=round(span[0], 2), unit=word),
                           suggestion=nf.restate(claim, (span[0] + span[1]) / 2, fits) if certain else None)


def _elapsed(ev: Any, first: date, last: date, unit: str) -> tuple[float, float] | None:
    """(least, most) time the event had lasted when read between days ``first`` and ``last``, in ``unit``."""
    a = ev.elapsed_until(first)
    b = ev.elapsed_until(last)
    if a is None and b is None:
        return None
    per = _DAYS[unit]
    da = (a[1] - a[0]).days if a else 0
    db = (b[1] - b[0]).days if b else da
    return da / per, db / per


# how a date is tied to a named event, read backwards from the date: "<alias> began in", "launched its <alias> on"
_BEGIN_VERBS = r"(?:began|begun|started|was\s+launched|launched|broke\s+out|erupted|was\s+unleashed|unleashed|was\s+ordered|ordered)"
_END_VERBS = r"(?:ended|finished|was\s+completed|concluded|was\s+signed|was\s+finalised|was\s+finalized)"
_DETERMINER = r"(?:its|their|the|his|her|a|an|russia's|moscow's|putin's)"
_PREP = r"(?:in|on|of|from)"


class EventDate(Check):
    """A date given for a named event that contradicts the event's date in the rules.

    Only tight links count: "<event> began in <date>", "launched <event> in
    <date>", "the <date> <event>" (the start must fall in the date), "<event>
    ended in <date>" (the end must), and "<event> in <date>" (the date must
    not be before the event began, or must contain a one-day event).  Only
    names of two words or more count ("the full-scale invasion", not "the
    war", which may be another war).  Events sharing a name: any one fitting
    is enough.

    Anti-pattern: "Russia launched its full-scale invasion in February 2023".
    Best practice: "Russia launched its full-scale invasion in February 2022".
    """

    code = "NC305"
    name = "event-date-mismatch"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = _rules(ctx)
        if rs is None or not rs.events:
            return
        patterns = _event_patterns(rs)
        for claim in ctx.claims:
            if claim.kind != "date" or not claim.date_start or not claim.date_end:
                continue
            try:
                d0, d1 = date.fromisoformat(claim.date_start), date.fromisoformat(claim.date_end)
            except ValueError:
                continue
            before = ctx.text[max(0, claim.start - 120):claim.start]
            after = ctx.text[claim.end:claim.end + 80]
            links = _links(patterns, before, after)
            if not links:
                continue
            fits, tried = False, []
            for ev, how in links:
                tried.append((ev, how))
                if _fits(ev, how, d0, d1, ctx.published):
                    fits = True
                    break
            if fits:
                continue
            ev, how = tried[0]
            if how == "start":
                said, expected = f"the start of {ev.id}", ev.start.isoformat()
            elif how == "end":
                said, expected = f"the end of {ev.id}", ev.end.isoformat() if not ev.ongoing else "none yet (it is ongoing)"
            elif ev.ongoing:
                said, expected = ev.id, f"{ev.start.isoformat()} or later"
            else:
                said, expected = ev.id, ev.start.isoformat() if ev.start == ev.end else f"{ev.start.isoformat()} to {ev.end.isoformat()}"
            yield ctx.finding(
                self, claim.start, claim.end,
                f"found {claim.text} for {said}, expected {expected} (rule {ev.id})",
                evidence=_evidence(ev, start=ev.start.isoformat(), end=ev.end.isoformat(), link=how),
            )


def _event_patterns(rs: Any) -> list[tuple[Any, str]]:
    """(event, alias regex without its article) for every alias, longest first."""
    out = []
    for ev in rs.events:
        for alias in ev.aliases:
            ws = alias.lower().split()
            if ws and ws[0] in ("the", "a", "an"):
                ws = ws[1:]
            if len(ws) >= 2:  # "the war", "the invasion": too common to tie a date to one event
                out.append((ev, r"[\s-]+".join(re.escape(w) for w in ws)))
    out.sort(key=lambda p: -len(p[1]))
    return out


def _links(patterns: list[tuple[Any, str]], before: str, after: str) -> list[tuple[Any, str]]:
    """The (event, "start" | "end" | "during") ties between a date and the event names around it."""
    found: list[tuple[Any, str]] = []
    seen: set[int] = set()
    for ev, alias in patterns:
        if id(ev) in seen:
            continue
        how = None
        if re.search(rf"\b{alias}\s+{_BEGIN_VERBS}\s+{_PREP}\s+$", before, re.I) or re.search(
            rf"\b{_BEGIN_VERBS}\s+(?:{_DETERMINER}\s+)?{alias}\s+{_PREP}\s+$", before, re.I
        ):
            how = "start"
        elif re.search(rf"\b{alias}\s+{_END_VERBS}\s+{_PREP}\s+$", before, re.I):
            how = "end"
        elif re.search(rf"\b(?:the|{_DETERMINER})\s+$", before, re.I) and re.match(rf"(?:'s)?\s+{alias}\b", after, re.I):
            how = "start"  # "the 2014 annexation", "Russia's February 2022 invasion"
        elif re.search(rf"\b{alias}\s+(?:in|on)\s+$", before, re.I):
            how = "during"
        if how:
            seen.add(id(ev))
            found.append((ev, how))
    return found


def _fits(ev: Any, how: str, d0: date, d1: date, published: date | None) -> bool:
    """Whether a stated date (d0..d1, inclusive) can be right for the event under that link."""
    if how == "start":
        return d0 <= ev.start <= d1
    if how == "end":
        return ev.ongoing or d0 <= ev.end <= d1  # an ongoing event's end is unknown: silence
    if ev.ongoing:  # "the war in 2023": any time from its start on
        return d1 >= ev.start
    return d0 <= ev.end and d1 >= ev.start


CHECKS = (FactMismatch(), BoundViolation(), DimensionMismatch(), EventDuration(), EventDate())
