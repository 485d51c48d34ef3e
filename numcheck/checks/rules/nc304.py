"""NC304 event-duration-mismatch: a duration of a named event that does not fit its dates and the publication date."""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterator

from ... import numfmt as nf
from ...model import Claim, Finding
from ..base import Check, Context
from ._common import claim_interval, rule_evidence, said_text


_TIMEX_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)(Y|M|W|D|DE|CE)$")

_DAYS = {"D": 1.0, "W": 7.0, "M": 365.2425 / 12, "Y": 365.2425, "DE": 3652.425, "CE": 36524.25}

_UNIT_WORD = {"D": "days", "W": "weeks", "M": "months", "Y": "years", "DE": "decades", "CE": "centuries"}


class EventDuration(Check):
    """A duration of a named event that does not fit the event's dates and the publication date.

    What it flags:
    "the three-year conflict" names an event by an alias a rule file gives
    ("conflict"); the time from its start to publication (or to its end) must
    round to the stated number.  With several events under one name, any one
    fitting is enough.  The alias must be written around the claim as the rule
    has it ("the conflict"), so "30 years of war" about another war stays
    silent.  When one event goes by that name, the suggestion is the elapsed
    time written as the text writes the stated one ("five-year" -> "three-year").

    Why it matters:
    Durations of running events go stale with every anniversary, and stories
    are reused.

    Anti-pattern:
        (published 2025-02-01; rules examples) Casualties mounted in the five-year conflict.

    Best practice:
        (published 2025-02-01; rules examples) Casualties mounted in the three-year conflict.

    Options:
    Rule files' ``events``; needs a publication date (silent without one).
    """

    code = "NC304"
    name = "event-duration-mismatch"
    severity = "warning"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = ctx.rules
        if rs is None or not rs.events or ctx.published is None:
            return
        last = ctx.published_end or ctx.published
        for claim in ctx.claims:
            if claim.kind != "duration" or not claim.subject or claim.change or claim.within_date:
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
        msg = f"found {said_text(claim, stated)} {word} of {claim.subject}, expected {got}: {lasted}; {off:.1f} {word} off (rule {ev.id})"
        half = (claim.step or 1.0) / 2  # the stated duration must round to the elapsed one
        fits = nf.Interval(span[0] - half, span[1] + half)
        return ctx.finding(self, claim.start, claim.end, msg,
                           evidence=rule_evidence(ev, start=ev.start.isoformat(), end=ev.end.isoformat(), elapsed=round(span[0], 2), unit=word),
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


CHECK = EventDuration()
