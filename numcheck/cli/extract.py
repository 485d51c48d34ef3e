"""``numcheck extract FILE... [--date D] [--format table|json|jsonl|csv]``: print every claim.

Files are read as ``check`` reads them (Markdown and HTML reduced to prose,
offsets kept), so the offsets printed are offsets into the file as decoded.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import IO, Any

from ..model import CLAIM_KEYS
from . import EXIT_CLEAN, EXIT_ERROR, UsageError
from .inputs import read_inputs

FORMATS = ("table", "json", "jsonl", "csv")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="list the numeric and temporal claims in files")
    p.add_argument("paths", nargs="+", metavar="FILE", help="files or directories to read; - for stdin")
    p.add_argument("--date", help="publication date (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--format", choices=FORMATS, default="table")
    p.add_argument("--month-first", action="store_true", help="read 1/2/2025 as January 2")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..engine import claims
    from ..pubdate import parse_published

    if args.date:
        try:
            parse_published(args.date)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    docs, errors = read_inputs(args.paths)
    rows = []
    notices = [f"{doc.path}: {n}" for doc in docs for n in doc.notices]
    for doc in docs:
        for c in claims(doc.raw, format=doc.format, path=doc.path, published=args.date or None,
                        dayfirst=not args.month_first):
            rows.append({"path": doc.path, **c.to_dict()})
    out = sys.stdout
    if errors and not docs:
        for e in errors:
            print(f"numcheck: {e}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "jsonl":
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        keys = list(rows[0]) if rows else ["path", *CLAIM_KEYS]
        w = csv.DictWriter(out, fieldnames=keys, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: json.dumps(v) if isinstance(v, dict) else v for k, v in r.items()})
    else:
        _table(rows, out, with_path=len(docs) > 1)
    for e in notices + errors:
        print(f"numcheck: {e}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN


def _table(rows: list[dict[str, Any]], out: IO[str], with_path: bool = False) -> None:
    cols: tuple[str, ...] = ("text", "kind", "value", "low", "high", "qualifier", "unit", "subject", "timex")
    if with_path:
        cols = ("path",) + cols
    cells = [[_fmt(r[c]) for c in cols] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
    widths = [min(w, 40) for w in widths]
    out.write("  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip() + "\n")
    for row in cells:
        out.write("  ".join(v[:w].ljust(w) for v, w in zip(row, widths)).rstrip() + "\n")


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:g}" if abs(v) < 1e15 else f"{v:.6g}"
    return str(v).replace("\n", " ")
