"""``numcheck lsp``: start the language server on stdin/stdout (editors run this; see the README for set-up)."""
from __future__ import annotations

import argparse
import logging

from . import EXIT_CLEAN


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("lsp", help="run the language server over stdio (for editors)",
                       description="A language server for Markdown, plain text and HTML: diagnostics as you type, "
                                   "quick fixes, and hover on numbers and dates.")
    p.add_argument("--log-file", metavar="FILE", help="write the server's log here (stdout is the protocol)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..lsp import serve

    if args.log_file:
        logging.basicConfig(filename=args.log_file, level=logging.DEBUG if args.debug else logging.INFO)
    serve()
    return EXIT_CLEAN
