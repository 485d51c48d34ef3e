"""NC106 change-mismatch: a change (percent or absolute) that does not take the old level to the new one."""
from __future__ import annotations

from typing import Iterator

from ...model import Finding
from ..base import Check, Context
from ._reading import changes_read


class ChangeMismatch(Check):
    """A change (percent or absolute) that does not take the old level to the new one.

    What it flags:
    A change stated with the levels it moves between, in one clause: "rose 12%
    from £187m to £210m", "fell by 2,000 to 8,000 from 10,000", "fell from
    7,613 to 6,630, or 12.9%", "rose 20.54 points, or 0.2%, to 10,842", and
    the figure a change is put beside as its new level ("12.5 million
    passengers, up 25% from 9 million").  A level another verb reaches is that
    verb's ("grew by 24,400 to 3.4m, with the labour force rising to 3.6m from
    3.5m").  The change verbs are those of numcheck/data/changes.tsv.  Every
    number is read to its stated precision, with 3% of the change for writers
    who compute from unrounded figures, so "0.1 percent" of an index move of
    0.19% is flagged.  A clause that
    qualifies its change ("underlying", "at constant exchange rates", "in real
    terms") is skipped: the change is then of another measure.  The finding is
    on the stated change; the suggestion is the change the levels give, to its
    precision.  When the levels move the other way than the verb says, the
    verb is wrong too and there is no suggestion.

    Why it matters:
    Changes are computed by hand from two figures, often from different
    releases; a wrong change is the most quoted number in the story.

    Anti-pattern:
        Profits rose 25% from £187m to £210m.

    Best practice:
        Profits rose 12% from £187m to £210m.

    Options:
    None.  NC108 reads the same clauses (one reading, shared) and flags a
    change between percentages given in the wrong unit.
    """

    code = "NC106"
    name = "change-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        return iter([f for f in changes_read(ctx) if f.code == self.code])


CHECK = ChangeMismatch()
