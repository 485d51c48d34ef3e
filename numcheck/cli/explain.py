"""``numcheck explain CODE``: print a check's documentation with its examples; without CODE, list every code."""
from __future__ import annotations

import argparse
import inspect
import sys
from typing import Any

from . import EXIT_CLEAN, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("explain", help="print what a check code means, with examples")
    p.add_argument("code", nargs="?", metavar="CODE", help="a check code (NC203), prefix (NC2) or name (elapsed-time-mismatch); omit to list all")
    p.add_argument("--markdown", action="store_true", help="print the table of codes as Markdown (the README's)")
    p.set_defaults(func=run)


def documentation(chk: Any) -> str:
    """The check's docstring, dedented (an instance docstring, set by rule-built checks, wins), then its fix safety."""
    doc = chk.__dict__.get("__doc__") if hasattr(chk, "__dict__") else None
    text = inspect.cleandoc(doc or type(chk).__doc__ or "(no documentation)")
    note = getattr(chk, "fix_note", None)
    return f"{text}\n\n{note()}" if callable(note) else text


def summary(chk: Any) -> str:
    """The first paragraph of a check's documentation on one line, for tables."""
    return " ".join(documentation(chk).split("\n\n", 1)[0].split()).replace("``", "`")


def code_table() -> str:
    """The README's table of codes, generated from the registry (a test fails when the README drifts)."""
    from ..checks import registry

    rows = ["| code | name | default severity | what it flags |", "|---|---|---|---|"]
    rows += [f"| {c.code} | {c.name} | {c.severity} | {summary(c)} |" for c in sorted(registry(), key=lambda c: c.code)]
    return "\n".join(rows) + "\n"


def run(args: argparse.Namespace) -> int:
    from ..checks import by_code, registry
    from ..codes import UnknownCodeError, resolve

    out = sys.stdout
    if args.markdown:
        out.write(code_table())
        return EXIT_CLEAN
    if not args.code:
        for c in sorted(registry(), key=lambda c: c.code):
            out.write(f"{c.code}  {c.severity:<7}  {c.name}\n")
        return EXIT_CLEAN
    try:
        code = resolve(args.code)
    except UnknownCodeError as exc:
        raise UsageError(f"explain: {exc}") from None
    chk = by_code(code)
    if chk is None:  # a prefix (NC2) or ALL: list what it covers
        for c in sorted(registry(), key=lambda c: c.code):
            if code == "ALL" or c.code.startswith(code):
                out.write(f"{c.code}  {c.severity:<7}  {c.name}\n")
        return EXIT_CLEAN
    out.write(f"{chk.code} ({chk.name}) [default severity: {chk.severity}]\n\n{documentation(chk)}\n")
    return EXIT_CLEAN
