"""``numcheck lsp``: a language server over stdio that checks open documents with the one engine as people type.

``server`` holds the state and the timing (debounce, cancellation, push or
pull), ``features`` the LSP methods, ``checker`` one check of one document,
``diagnostics``, ``actions`` and ``hover`` what is sent back, ``positions``
the offsets-to-positions arithmetic.
"""
from __future__ import annotations


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit."""
    from .server import make_server

    make_server().start_io()
