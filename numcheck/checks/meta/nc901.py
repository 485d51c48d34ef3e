"""NC901 unused-suppression: a directive that suppresses nothing (emitted by numcheck.suppress)."""
from __future__ import annotations

from ._common import Emitted


class UnusedSuppression(Emitted):
    """A ``numcheck:`` directive that suppresses nothing, names a code that is not enabled, or is malformed.

    What it flags:
    An inline ``numcheck: ignore`` (or ``disable``) whose codes find nothing
    in the span it covers, an ``enable`` with no matching ``disable``, and a
    directive numcheck cannot read, as ruff's RUF100 reports an unused ``noqa``.

    Why it matters:
    Stale suppressions hide the next real problem in the paragraph they cover.

    Anti-pattern:
        (format markdown)
        <!-- numcheck: ignore NC101 -->
        The front is 1,000km (620 miles) long.

    Best practice:
        (format markdown)
        The front is 1,000km (620 miles) long.

    Options:
    None.
    """

    code = "NC901"
    name = "unused-suppression"
    severity = "warning"



CHECK = UnusedSuppression()
