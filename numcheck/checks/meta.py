"""NC9xx: what numcheck says about itself — a check that crashed, a directive that suppressed nothing, an unknown code.

These checks find nothing in the prose; the engine emits their findings
(``numcheck.engine`` for NC900, ``numcheck.suppress`` for NC901 and NC902).
They are registered like every other check so that ``explain``, the README's
code table, SARIF's rule list and code validation all know them.
"""
from __future__ import annotations

from typing import Iterator

from ..model import Finding
from .base import Check, Context


class _Emitted(Check):
    """A check whose findings the engine makes, not ``run``."""

    def run(self, ctx: Context) -> Iterator[Finding]:
        return iter(())


class InternalError(_Emitted):
    """A check raised an exception on this document, so its findings for it are lost.

    One crashed check does not lose the others: the document gets this finding,
    naming the check and the exception, and ``numcheck check`` exits with 2 so
    that CI does not pass a document that was not fully checked.  With
    ``--debug`` the traceback goes to stderr.  This code cannot be ignored.

    Anti-pattern:
        (a numcheck bug) NC900 check NC203 (elapsed-time-mismatch) crashed: ZeroDivisionError

    Best practice:
        Report it with the document and ``numcheck --debug check FILE`` output.
    """

    code = "NC900"
    name = "internal-error"
    severity = "error"


class UnusedSuppression(_Emitted):
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


class UnknownCode(_Emitted):
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


INTERNAL = InternalError()
UNUSED = UnusedSuppression()
UNKNOWN = UnknownCode()
CHECKS = (INTERNAL, UNUSED, UNKNOWN)
