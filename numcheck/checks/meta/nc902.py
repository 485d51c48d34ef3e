"""NC902 unknown-code: a directive naming a code numcheck does not have (emitted by numcheck.suppress)."""
from __future__ import annotations

from ._common import Emitted


class UnknownCode(Emitted):
    """A ``numcheck:`` directive names a code or check name that numcheck does not have.

    A mistyped code suppresses nothing and would hide nothing, so the finding
    it was meant for still shows; this says why, with the closest known code.

    Anti-pattern:
        <!-- numcheck: ignore NC999 -->

    Best practice:
        <!-- numcheck: ignore NC109 -->   or   <!-- numcheck: ignore parts-total-mismatch -->
    """

    code = "NC902"
    name = "unknown-code"
    severity = "warning"



CHECK = UnknownCode()
