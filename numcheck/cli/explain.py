"""``numcheck explain CODE``: print a check's documentation with its examples; without CODE, list every code."""
from __future__ import annotations

import argparse
import inspect
import sys
from typing import Any

from . import EXIT_CLEAN, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="print what a check code means, with examples")
    p.add_argument("code", nargs="?", metavar="CODE", help="a check code such as NC203; omit to list all codes")
    p.set_defaults(func=run)


def all_checks() -> list[Any]:
    """The registered checks plus the ones the CLI applies itself (NC9xx), sorted by code."""
    from ..checks import registry
    from ..suppress import CLI_CHECKS

    seen = {c.code: c for c in registry()}
    for c in CLI_CHECKS:
        seen.setdefault(c.code, c)
    return [seen[k] for k in sorted(seen)]


def find_check(code: str) -> Any | None:
    code = code.strip().upper()
    from ..checks import by_code
    from ..suppress import CLI_CHECKS

    found = by_code(code)
    if found is not None:
        return found
    return next((c for c in CLI_CHECKS if c.code == code), None)


def documentation(chk: Any) -> str:
    """The check's docstring, dedented (an instance docstring, set by rule-built checks, wins), then its fix safety."""
    doc = chk.__dict__.get("__doc__") if hasattr(chk, "__dict__") else None
    text = inspect.cleandoc(doc or type(chk).__doc__ or "(no documentation)")
    note = getattr(chk, "fix_note", None)
    return f"{text}\n\n{note()}" if callable(note) else text


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    if not args.code:
        for c in all_checks():
            out.write(f"{c.code}  {c.severity:<7}  {c.name}\n")
        return EXIT_CLEAN
    code = args.code.strip().upper()
    if not (len(code) == 5 and code.startswith("NC") and code[2:].isdigit()):
        raise UsageError(f"explain: {args.code!r} is not a check code (expected NC followed by three digits, e.g. NC203)")
    chk = find_check(code)
    if chk is None:
        raise UsageError(f"explain: unknown code {code} (run 'numcheck explain' to list the codes)")
    out.write(f"{chk.code} ({chk.name}) [default severity: {chk.severity}]\n\n{documentation(chk)}\n")
    return EXIT_CLEAN
