"""NC901 unused-suppression: a directive that suppresses nothing (emitted by numcheck.suppress)."""
from __future__ import annotations

from ._common import Emitted


class UnusedSuppression(Emitted):
    """A ``numcheck:`` directive that suppresses nothing, names a code that is not enabled, or is malformed.

    Stale suppressions hide the next real problem in the paragraph they cover,
    so they are reported like ruff's RUF100 (unused ``noqa``).  An ``enable``
    with no matching ``disable`` is reported too.

    Anti-pattern:
        <!-- numcheck: ignore NC101 -->
        The front is 1,000km (620 miles) long.      (NC101 finds nothing here)

    Best practice:
        The front is 1,000km (620 miles) long.      (no directive needed)
    """

    code = "NC901"
    name = "unused-suppression"
    severity = "warning"



CHECK = UnusedSuppression()
