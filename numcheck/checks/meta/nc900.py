"""NC900 internal-error: a check raised an exception on this document (emitted by numcheck.engine)."""
from __future__ import annotations

from ._common import Emitted


class InternalError(Emitted):
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



CHECK = InternalError()
