"""NC206 past-event-after-publication: a past-tense event dated after the publication date."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Finding
from ..base import Check, Context
from ._common import dates_of, days_of, sentence_near


# event verbs in the past tense (not reporting verbs: "said" reports plans as readily as events)
_PAST = re.compile(
    r"\b(?:was|were|had|did|launched|won|lost|died|killed|began|ended|took\s+place|happened|"
    r"occurred|signed|visited|arrived|left|released|published|elected|opened|closed|fell|rose|grew|held|"
    r"met|struck|hit|invaded|captured|attacked|crashed|resigned|married|became|came|went|saw)\b", re.I)

# the date must be the time of the clause: right after "on", "in" or "during" ("was signed on 3 March 2025"),
# not an attribute ("the bid for the 2012 Games")
_ADVERBIAL = re.compile(r"\b(?:on|in|during)\s+\Z", re.I)

_NOT_PAST = re.compile(
    r"\b(?:will|would|shall|could|might|may|can|'ll|’ll|due|expected|scheduled|planned|plans?|set\s+to|to\s+be|"
    r"until|till|by|before|ahead|next|from|upcoming|forecasts?|predicted|projected|target|aims?|hopes?|"
    r"intends?|deadline|ends?\s+in|runs?\s+(?:to|until)|through|expires?|valid|contract|deal\s+until|"
    r"if|unless|whether|should|must|earmarked|for\s+\w+ing|expect\w*|forecast\w*|predict\w*|plann?\w*|hop\w*|"
    r"is|are|am|be|being)\b", re.I)

_MODAL_AFTER = re.compile(r"[^.!?;\n]{0,30}?\b(?:may|might|will|would|could|should|is\s+expected|are\s+expected)\b",
                          re.I)


# right before a verb: it is an infinitive or follows a modal, so it tells no past ("expected to hit", "will win")
_NOT_A_TENSE = re.compile(r"\b(?:to|will|would|could|may|might|should|can|must)\s+$|['\u2019]ll\s+$", re.I)


class PastEventAfterPublication(Check):
    """A past-tense event dated after the publication date.

    What it flags:
    A past-tense event verb ("was signed", "won", "opened") with a date written
    with its year that falls after the publication date ("The treaty was
    signed on 3 March 2025", published 1 February 2025).  A future or modal
    word nearby ("will", "expected", "until", "may"), a verb after "to" or a
    modal ("is expected to hit ... in 2007"), reported speech ("warned that
    ..."), a date of what the verb leads to ("opened the way to a review in
    2008") or another clause keeps it silent.

    Why it matters:
    Either the date or the tense is wrong: the story reports as done something
    that had not happened when it was published.

    Anti-pattern:
        (published 2025-02-01) The treaty was signed on 3 March 2025.

    Best practice:
        (published 2025-02-01) The treaty will be signed on 3 March 2025.

    Options:
    Needs a publication date; without one the check is silent.
    """

    code = "NC206"
    name = "past-event-after-publication"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        if ctx.published_end is None:
            return
        text = ctx.text
        for c in dates_of(ctx):
            if not c.date_start or "/" in (c.timex or "") or not re.search(r"\d{4}", c.text):
                continue  # only stated years: relative dates are anchored to publication already
            day = days_of(c)[0]
            if day <= ctx.published_end:
                continue
            s_lo, _ = sentence_near(ctx, c)
            before = text[max(s_lo, c.start - 60):c.start]
            if not _ADVERBIAL.search(before) or not _PAST.search(before) or _NOT_PAST.search(before):
                continue
            verb = list(_PAST.finditer(before))[-1]
            if _NOT_A_TENSE.search(text, max(s_lo, c.start - 60 - 40), c.start - len(before) + verb.start()):
                continue  # "is expected to hit", "will win": an infinitive or a modal's verb, not a past tense
            between = before[verb.end():]
            if re.search(r"[,;:]|\bthat\b|\bto\b", between):
                # the past verb is in another clause, reports one ("warned that ..."), or the date is of what the
                # verb leads to ("opened the way to a review in 2008", "agreed to meet in 2026")
                continue
            if _MODAL_AFTER.match(text, c.end):
                continue  # "earnings in 2005 may also slide"
            yield ctx.finding(
                self, c.start, c.end,
                f"{c.text} ({c.date_start}) is after publication on {ctx.published_end.isoformat()} "
                f"({(day - ctx.published_end).days} days later), but the sentence tells it as past",
                evidence={"date": c.date_start, "published": ctx.published_end.isoformat()},
            )


CHECK = PastEventAfterPublication()
