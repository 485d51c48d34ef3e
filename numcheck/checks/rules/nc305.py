"""NC305 event-date-mismatch: a date given for a named event that contradicts the event's date in the rules."""
from __future__ import annotations

import re
from datetime import date
from typing import Any, Iterator

from ...model import Finding
from ..base import Check, Context
from ._common import rule_evidence


# how a date is tied to a named event, read backwards from the date: "<alias> began in", "launched its <alias> on"
_BEGIN_VERBS = r"(?:began|begun|started|was\s+launched|launched|broke\s+out|erupted|was\s+unleashed|unleashed|was\s+ordered|ordered)"

_END_VERBS = r"(?:ended|finished|was\s+completed|concluded|was\s+signed|was\s+finalised|was\s+finalized)"

_DETERMINER = r"(?:its|their|the|his|her|a|an|russia's|moscow's|putin's)"

_PREP = r"(?:in|on|of|from)"


class EventDate(Check):
    """A date given for a named event that contradicts the event's date in the rules.

    What it flags:
    Only tight links count: "<event> began in <date>", "launched <event> in
    <date>", "the <date> <event>" (the start must fall in the date), "<event>
    ended in <date>" (the end must), and "<event> in <date>" (the date must
    not be before the event began, or must contain a one-day event).  Only
    names of two words or more count ("the full-scale invasion", not "the
    war", which may be another war).  Events sharing a name: any one fitting
    is enough.

    Why it matters:
    Key dates of a running story are restated in every report; a rule file
    holds them once.

    Anti-pattern:
        (rules examples) Russia launched its full-scale invasion in February 2023.

    Best practice:
        (rules examples) Russia launched its full-scale invasion in February 2022.

    Options:
    Rule files' ``events``.
    """

    code = "NC305"
    name = "event-date-mismatch"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        rs = ctx.rules
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
                evidence=rule_evidence(ev, start=ev.start.isoformat(), end=ev.end.isoformat(), link=how),
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


CHECK = EventDate()
