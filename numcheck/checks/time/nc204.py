"""NC204 age-birth-mismatch: an age the stated birth date and the publication date cannot give."""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from ... import tolerance as tol
from ...model import Claim, Finding
from ...numfmt import days, restate
from ..base import Check, ClaimsByStart, Context
from ._common import dates_of, days_of, sentence_near


_BORN = re.compile(r"\b(?:born|b\.)\s+(?:in\s+|on\s+)?\Z", re.I)


class AgeBirthMismatch(Check):
    """An age that the stated birth year and the publication date cannot give.

    What it flags:
    An age in the sentence of a birth date that the birth date and the
    publication date cannot give, allowing both sides of a birthday when only
    the year is known: an age the extractor reads ("the 58-year-old, born in
    1960") or a bare number only an age can be ("The mayor, 62, who was born in
    1970", "Mr Patel (born 1981) is 35", "At 29, Lee, who was born in 1999").
    An age at a past event ("when she was 6", "at the age of 20") and a
    sentence that names another date (the age may be told at that date) are
    skipped.  When the birth date and the publication date give one age, the
    suggestion is that age written as the text writes the stated one.

    Why it matters:
    Ages are copied from old profiles and go stale by a year at a time; the
    birth year in the same sentence shows the error.

    Anti-pattern:
        (published 2025-02-01) The 58-year-old, born in 1960, said he would stand.

    Best practice:
        (published 2025-02-01) The 64-year-old, born in 1960, said he would stand.

    Options:
    Needs a publication date; without one the check is silent.
    """

    code = "NC204"
    name = "age-birth-mismatch"
    severity = "warning"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        if ctx.published is None:
            return
        p0, p1 = ctx.published, ctx.published_end or ctx.published
        text = ctx.text
        all_dates = dates_of(ctx)
        births = [c for c in all_dates if c.date_start and _BORN.search(text, max(0, c.start - 12), c.start)]
        if not births:
            return
        birth_index, date_index = ClaimsByStart(births), ClaimsByStart(all_dates)
        ages = [c for c in ctx.claims if _age_now(text, c)]
        for age in ages:
            s_lo, s_hi = sentence_near(ctx, age)
            near = birth_index.between(s_lo, s_hi)
            others = [d for d in date_index.between(s_lo, s_hi) if d not in near]
            if len(near) != 1 or others:
                continue  # no birth date here, or the age may be told at another date
            b = near[0]
            b0, b1 = days_of(b)
            lo = _age(b1, p0)
            hi = _age(b0, p1)
            if lo <= tol.point(age) <= hi:
                continue
            yield ctx.finding(
                self, age.start, age.end,
                f"{age.text} does not fit {b.text}: someone born {days(b0, b1)} is "
                f"{lo}-{hi} on {p0.isoformat()}" if lo != hi else
                f"{age.text} does not fit {b.text}: someone born then is {lo} on {p0.isoformat()}",
                related=[ctx.related(b, "the birth date")],
                evidence={"birth": [b.date_start, b.date_end], "published": p0.isoformat(), "age": [lo, hi]},
                suggestion=restate(age, lo) if lo == hi else None,
            )


# a bare number that is an age: "The mayor, 62, who", "Mr Patel (born 1981) is 35", "At 29, Lee"
_APPOSED_BEFORE = re.compile(r"[A-Za-z][,(]\s*$")
_APPOSED_AFTER = re.compile(r"\s*[,)]")
_IS_AGED = re.compile(r"\b(?:is|aged|turns|turned|now)\s+$", re.I)
_AT = re.compile(r"(?:^|[.!?:;]\s+|\n)\s*At\s+$")
# an age at a past event, not now: "when she was 6", "he was 12 when", "at the age of 6, he moved"
_THEN = re.compile(r"\b(?:was|were)\s+$|\bwhen\s+\w+\s+(?:was|were)\s+$|\bat\s+the\s+age\s+of\s+$", re.I)


def _age_now(text: str, c: Claim) -> bool:
    """Whether a claim states someone's age now: an age the extractor read ("the 58-year-old"), or a bare number
    that only an age can be ("The mayor, 62, who ...", "is 35", "At 29, Lee ..."); not an age at a past event."""
    if c.value is None or c.range or _THEN.search(text, max(0, c.start - 30), c.start):
        return False
    if c.kind == "age":
        return True
    if c.kind != "count" or c.subject or c.unit or c.qualifier != "=" or not (1 <= c.value <= 120) \
            or c.value != int(c.value) or not c.text.isdigit():
        return False
    before = text[max(0, c.start - 30):c.start]
    apposed = bool(_APPOSED_BEFORE.search(before)) and bool(_APPOSED_AFTER.match(text, c.end))
    return apposed or bool(_IS_AGED.search(before)) or bool(_AT.search(text, max(0, c.start - 30), c.start)
                                                             and _APPOSED_AFTER.match(text, c.end))


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


CHECK = AgeBirthMismatch()
