"""NC900 internal-error: a check raised an exception on this document (emitted by numcheck.engine)."""
from __future__ import annotations

from ._common import Emitted


class InternalError(Emitted):
    """A check raised an exception on this document, so its findings for it are lost.

    What it flags:
    A crash inside one check (or in the extractor): the document gets this
    finding, naming the check and the exception, and the other checks still
    run.  ``numcheck check`` exits with 2 so that CI does not pass a document
    that was not fully checked; with ``--debug`` the traceback goes to stderr.

    Why it matters:
    A check that crashed silently would pass the very document it could not
    read.  This code cannot be ignored.

    Anti-pattern:
        (illustration) NC900 check NC203 (elapsed-time-mismatch) crashed on this document, so its findings are missing: ZeroDivisionError

    Best practice:
        (illustration) Report it with the document and the output of numcheck --debug check FILE.

    Options:
    None.
    """

    code = "NC900"
    name = "internal-error"
    severity = "error"



CHECK = InternalError()
