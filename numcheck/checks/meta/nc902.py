"""NC902 unknown-code: a directive naming a code numcheck does not have (emitted by numcheck.suppress)."""
from __future__ import annotations

from ._common import Emitted


class UnknownCode(Emitted):
    """A ``numcheck:`` directive names a code or check name that numcheck does not have.

    What it flags:
    A code or check name in an inline directive that no check has, with the
    closest known codes.

    Why it matters:
    A mistyped code suppresses nothing and would hide nothing, so the finding
    it was meant for still shows; this says why.

    Anti-pattern:
        (format markdown)
        <!-- numcheck: ignore NC199 -->
        Five people died - three men and three women.

    Best practice:
        (format markdown)
        <!-- numcheck: ignore NC109 -->
        Five people died - three men and three women.

    Options:
    None.
    """

    code = "NC902"
    name = "unknown-code"
    severity = "warning"



CHECK = UnknownCode()
