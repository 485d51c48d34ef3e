"""``numcheck lsp``: a language server over stdio that checks open documents with the one engine as people type.

``server`` holds the state and the timing (debounce, cancellation, push or
pull), ``features`` the LSP methods, ``checker`` one check of one document,
``diagnostics``, ``actions`` and ``hover`` what is sent back, ``positions``
the offsets-to-positions arithmetic.
"""
from __future__ import annotations


def serve() -> None:
    """Run the server on stdin/stdout until the client says exit."""
    from .features import warm_up
    from .server import make_server

    server = make_server()
    server.worker.submit(warm_up)  # tables and checks load while the client and server shake hands
    server.start_io()
