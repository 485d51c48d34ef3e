"""The command line: the only code that prints or exits.  ``numcheck VERB ...``.

Each verb lives in its own module here with ``register(subparsers)`` adding its
parser (and setting ``func``) and a ``run(args) -> int``.  Every error the user
can cause becomes one line on stderr and exit code 2; ``--debug`` shows the
traceback instead.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

VERBS = ("check", "extract", "rules", "history", "explain", "lsp")

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A mistake in how numcheck was called or in what it was given: one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> "None":  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="numcheck", description="Find and check the numeric claims in prose.")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help="show tracebacks instead of one-line errors")
    sub = parser.add_subparsers(dest="verb", parser_class=_Parser)
    for verb in VERBS:
        importlib.import_module(f"{__name__}.{verb}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        if args.version:
            from .. import __version__

            print(f"numcheck {__version__}")
            return EXIT_CLEAN
        if not getattr(args, "func", None):
            build_parser().print_help(sys.stderr)
            return EXIT_ERROR
        return int(args.func(args))
    except UsageError as exc:
        if debug:
            raise
        print(f"numcheck: error: {exc}".replace("numcheck: error: numcheck", "numcheck"), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_CLEAN
    except Exception as exc:  # anything else is still one line, never a traceback
        if debug:
            raise
        print(f"numcheck: error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
