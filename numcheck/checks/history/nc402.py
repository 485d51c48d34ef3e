"""NC402 cumulative-figure-decreased: a running total lower than an earlier report's."""
from __future__ import annotations

import re
from typing import Any, Iterator

from ...model import Finding
from ..base import Context, HistoryStore
from ._common import (CHANGE_KINDS, CUMULATIVE_DAYS, MAX_CANDIDATES, REVISED, HistoryCheck, below, best_match, cite,
                      new_interval, old_interval, prepared, span_text, vague)


class CumulativeFigureDecreased(HistoryCheck):
    """A running total (toll, total, so far, in all) is lower than an earlier report's.

    What it flags:
    A cumulative figure ("the death toll", "in total", "so far", a count of the
    killed or injured) lower than the same total in a report of the past year,
    when the sentence says nothing of a revision ("revised", "corrected",
    "lowered").  A figure with no subject is not known to be the same total,
    and an age is never one.

    Why it matters:
    A running total can only grow between reports; a lower one is a typo, a
    different count, or an unmarked correction, and readers of both stories
    see the toll fall.

    Anti-pattern:
        (earlier report, published 2025-01-27) The death toll in the Kursk floods has reached 120, officials said.
        (published 2025-01-29) The death toll in the Kursk floods stands at 95, officials said.

    Best practice:
        (earlier report, published 2025-01-27) The death toll in the Kursk floods has reached 120, officials said.
        (published 2025-01-29) The death toll in the Kursk floods, revised down after a recount, stands at 95, officials said.

    Options:
    A history store and a publication date; silent without either.
    """

    code = "NC402"
    name = "cumulative-figure-decreased"
    severity = "warning"

    def _run(self, ctx: Context, store: HistoryStore) -> Iterator[Finding]:
        from ...history.store import shift

        news, dig, idf = prepared(ctx, store)
        for new in news:
            c = new.claim
            if (c.kind not in CHANGE_KINDS or new.t is None or not new.cumulative or not new.keys - {""}
                    or c.change is not None or re.search(REVISED, new.sentence, re.I) or c.canonical is None):
                continue
            rows = store.lookup(new.keys, c.canonical.unit, shift(new.t[0], -CUMULATIVE_DAYS), new.t[1],
                                exclude_digest=dig, limit=MAX_CANDIDATES, kind=c.kind, change=None,
                                cumulative=True)
            mine = new_interval(c)
            if vague(mine):
                continue

            def eligible(row: dict[str, Any]) -> bool:
                if row["kind"] != c.kind or row["change"] is not None or not row["cumulative"]:
                    return False
                if vague(old_interval(row)):
                    return False
                # the stored report must be earlier, not later
                return not (row["published"] and ctx.published
                            and row["published"] > (ctx.published_end or ctx.published).isoformat())

            def conflicts(row: dict[str, Any]) -> bool:
                return below(mine, old_interval(row))

            found = best_match(new, rows, idf, eligible, conflicts)
            if found is None:
                continue
            row, shared = found
            where, related, evidence = cite(row)
            theirs = old_interval(row)
            evidence["shared_entities"] = sorted(shared)
            yield ctx.finding(
                self, c.start, c.end,
                f"running total {c.text!r} (at most {span_text((mine[1], mine[1]), c)}) is lower than {row['text']!r} "
                f"(at least {span_text((theirs[0], theirs[0]), c)}) in an earlier report ({where}); a total cannot shrink "
                f"unless the text says it was revised",
                related=[related], evidence=evidence)


CHECK = CumulativeFigureDecreased()
