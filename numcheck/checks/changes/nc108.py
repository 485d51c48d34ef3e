"""NC108 points-vs-percent: a change between two percentages given in percent where it is in points, or the other way round."""
from __future__ import annotations

from typing import Iterator

from ...model import Finding
from ..base import Check, Context
from ._reading import changes_read


class PointsVsPercent(Check):
    """A change between two percentages given in percent where it is in percentage points, or the other way round.

    What it flags:
    "Unemployment rose 2% from 5% to 7%": the rise is 2 percentage points, or
    40%.  Found by NC106's reading of the clause (one reading, shared), so
    select and ignore work on each code alone.  The suggestion keeps the figure
    and changes its unit ("2%" -> "2 percentage points", "10 percentage points"
    -> "10%", percent as the levels write it).

    Why it matters:
    A rise of 2% and a rise of 2 points differ by a factor of the level (here
    20 times); readers and markets read the two very differently.

    Anti-pattern:
        Unemployment rose 2% from 5% to 7%.

    Best practice:
        Unemployment rose 2 percentage points, from 5% to 7%.

    Options:
    None.
    """

    code = "NC108"
    name = "points-vs-percent"
    severity = "warning"
    fix = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        return iter([f for f in changes_read(ctx) if f.code == self.code])


CHECK = PointsVsPercent()
