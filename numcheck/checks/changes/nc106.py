"""NC106 change-mismatch: a change (percent or absolute) that does not take the old level to the new one."""
from __future__ import annotations

from typing import Iterator

from ...model import Finding
from ..base import Check, Context
from ._reading import changes_read


class ChangeMismatch(Check):
    """A change (percent or absolute) that does not take the old level to the new one.

    The finding is on the stated change; the suggestion is the change the
    levels give, to the stated change's precision.  When the levels move the
    other way than the verb says, the verb is wrong too and there is no suggestion.

    Anti-pattern: Profits rose 25% from £187m to £210m.
    Best practice: Profits rose 12% from £187m to £210m.
    """

    code = "NC106"
    name = "change-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        return iter([f for f in changes_read(ctx) if f.code == self.code])


CHECK = ChangeMismatch()
