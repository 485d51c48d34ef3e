"""``numcheck history add|import|list|export|plot``: fill and read the claims store the NC4xx checks compare against.

The store is ``--db DB`` (default: $NUMCHECK_HISTORY, else ./numcheck-history.db).
A file that is not a numcheck store is refused in one line, exit 2.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings
from typing import Any

from . import EXIT_CLEAN, EXIT_ERROR, UsageError

DEFAULT_DB = "numcheck-history.db"
TABLE_FORMATS = ("csv", "jsonl", "parquet")


def default_db() -> str:
    return os.environ.get("NUMCHECK_HISTORY") or DEFAULT_DB


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("history", help="keep earlier reports' claims to check new texts against (NC4xx)")
    verbs = p.add_subparsers(dest="history_verb", parser_class=type(p))
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=None, metavar="DB",
                        help=f"the history store (default: $NUMCHECK_HISTORY or {DEFAULT_DB})")

    a = verbs.add_parser("add", parents=[common], help="store the claims of report files")
    a.add_argument("paths", nargs="+", metavar="FILE", help="report files; - for stdin")
    a.add_argument("--date", help="publication date for every FILE (YYYY, YYYY-MM or YYYY-MM-DD); "
                                  "default: the date each file states about itself")
    a.add_argument("--source", help="source name for every FILE (default: the file path)")
    a.set_defaults(func=run_add)

    i = verbs.add_parser("import", parents=[common], help="store every report of a csv, jsonl or parquet table")
    i.add_argument("table", metavar="REPORTS", help="reports.csv, reports.jsonl or reports.parquet")
    i.add_argument("--text-col", default="text", help="column holding the report text (default: text)")
    i.add_argument("--date-col", help="column holding the publication date")
    i.add_argument("--source-col", help="column holding the source name")
    i.add_argument("--id-col", help="column that names each row in messages (default: the row number)")
    i.add_argument("--date", help="publication date for rows without a date column")
    i.add_argument("--format", choices=("text", "markdown", "html"), default="text",
                   help="how the texts are written (default: text)")
    i.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
    i.set_defaults(func=run_import)

    ls = verbs.add_parser("list", parents=[common], help="list the stored reports")
    ls.add_argument("--format", choices=("table", "json"), default="table")
    ls.set_defaults(func=run_list)

    e = verbs.add_parser("export", parents=[common], help="write the stored claims as csv, jsonl or parquet")
    e.add_argument("-o", "--output", help="output file (format from its extension); default: stdout")
    e.add_argument("--format", choices=TABLE_FORMATS, help="output format (default: from -o, else jsonl)")
    e.add_argument("--subject", help="only claims about this subject (its head noun)")
    e.add_argument("--since", help="only reports published on or after this date")
    e.add_argument("--until", help="only reports published on or before this date")
    e.set_defaults(func=run_export)

    pl = verbs.add_parser("plot", parents=[common], help="draw every stored claim about a subject over publication date")
    pl.add_argument("subject", metavar="SUBJECT", help="what the figures count or measure (its head noun matches)")
    pl.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.svg or FILE.png")
    pl.add_argument("--since", help="only reports published on or after this date")
    pl.add_argument("--until", help="only reports published on or before this date")
    pl.add_argument("--rules", action="append", metavar="DIR", help="rule files whose aliases the NC4xx checks use")
    pl.set_defaults(func=run_plot)
    p.set_defaults(func=_no_verb, history_parser=p)


def _no_verb(args: argparse.Namespace) -> int:
    raise UsageError("numcheck history: say what to do: add, import, list, export or plot")


def _open(args: argparse.Namespace, create: bool) -> Any:
    from ..history import History, StoreError

    path = args.db or default_db()
    try:
        return History(path, create=create)
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def _check_date(value: str | None) -> None:
    from ..pubdate import parse_published

    if value:
        try:
            parse_published(value)
        except ValueError as exc:
            raise UsageError(str(exc)) from None


def run_add(args: argparse.Namespace) -> int:
    from .inputs import read_inputs

    _check_date(args.date)
    docs, errors = read_inputs(args.paths)
    with _open(args, create=True) as h:
        before = len(h)
        for doc in docs:
            h.add(doc.raw, published=args.date or None, source=args.source or doc.path, format=doc.format,
                  path=doc.path)
        added = len(h) - before
        print(f"{h.path}: {added} report(s) added, {len(docs) - added} already stored; "
              f"{len(h)} report(s), {h.n_claims} claim(s) in all", file=sys.stderr)
    for e in errors:
        print(f"numcheck: {e}", file=sys.stderr)
    return EXIT_ERROR if errors else EXIT_CLEAN


def read_table(path: str) -> Any:
    """A csv, jsonl or parquet file as a DataFrame; one-line UsageError when it cannot be read."""
    import pandas as pd

    ext = os.path.splitext(path)[1].lower()
    try:
        if ext in (".csv", ".tsv"):
            return pd.read_csv(path, sep="\t" if ext == ".tsv" else ",")
        if ext in (".jsonl", ".ndjson"):
            return pd.read_json(path, lines=True, dtype=False)
        if ext in (".parquet", ".pq"):
            return pd.read_parquet(path)
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except Exception as exc:  # pandas raises many kinds for a bad table
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UsageError(f"{path}: cannot read as {ext[1:]}: {first}") from None
    raise UsageError(f"{path}: unknown table format {ext or '(none)'}: use .csv, .jsonl or .parquet")


class Progress:
    """A one-line progress bar on stderr, drawn only on a terminal and at most ten times a second."""

    def __init__(self, label: str, stream: Any = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.t0 = time.monotonic()
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if done < total and now - self.last < 0.1:
            return
        self.last = now
        width = 30
        filled = int(width * done / total) if total else width
        rate = done / (now - self.t0) if now > self.t0 else 0.0
        eta = (total - done) / rate if rate else 0.0
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total} "
                          f"{rate:.1f}/s eta {eta:.0f}s ")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()


def run_import(args: argparse.Namespace) -> int:
    from ..table import RowSkipped

    _check_date(args.date)
    df = read_table(args.table)
    for flag, col in (("--text-col", args.text_col), ("--date-col", args.date_col), ("--source-col", args.source_col)):
        if col is not None and col not in df.columns:
            raise UsageError(f"{args.table}: no column {col!r} for {flag} (columns: {', '.join(map(str, df.columns))})")
    date_col = args.date_col
    if date_col is None and args.date:
        date_col = "__numcheck_date__"
        df = df.assign(**{date_col: args.date})
    with _open(args, create=True) as h, warnings.catch_warnings(record=True) as skipped:
        warnings.simplefilter("always", RowSkipped)
        before = len(h)
        progress = None if args.no_progress else Progress(f"importing {os.path.basename(args.table)}")
        h.import_frame(df, text=args.text_col, published=date_col, source=args.source_col, progress=progress,
                       format=args.format, id=args.id_col)
        print(f"{h.path}: {len(h) - before} report(s) added from {len(df)} row(s); "
              f"{len(h)} report(s), {h.n_claims} claim(s) in all", file=sys.stderr)
    rows = [w for w in skipped if issubclass(w.category, RowSkipped)]
    for w in rows:
        print(f"numcheck: {args.table}: {w.message}", file=sys.stderr)
    return EXIT_ERROR if rows else EXIT_CLEAN


def run_list(args: argparse.Namespace) -> int:
    with _open(args, create=False) as h:
        rows = h.reports().drop(columns=["digest"]).to_dict("records")
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    cols = ("id", "published", "n_claims", "source")
    sys.stdout.write("  ".join(cols) + "\n")
    for r in rows:
        sys.stdout.write("  ".join("-" if r[c] is None else str(r[c]) for c in cols) + "\n")
    return EXIT_CLEAN


_SUFFIX_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


def _export_format(output: str | None) -> str:
    """The format an output file's suffix names (jsonl for stdout); any other suffix is an error, not JSONL."""
    if not output:
        return "jsonl"
    ext = os.path.splitext(output)[1].lower()
    if ext not in _SUFFIX_FORMATS:
        raise UsageError(f"numcheck history export: cannot tell the format of {output!r} from {ext or 'no suffix'}: "
                         f"use .csv, .jsonl or .parquet, or --format")
    return _SUFFIX_FORMATS[ext]


def run_export(args: argparse.Namespace) -> int:
    from ..history import StoreError

    fmt = args.format or _export_format(args.output)
    if fmt == "parquet" and not args.output:
        raise UsageError("numcheck history export: parquet needs -o FILE")
    for value in (args.since, args.until):
        _check_date(value)
    with _open(args, create=False) as h:
        try:
            frame = h.claims(subject=args.subject, since=args.since, until=args.until)
        except StoreError as exc:
            raise UsageError(str(exc)) from None
    if fmt == "parquet":
        frame.to_parquet(args.output, index=False)
    elif fmt == "csv":
        frame.to_csv(args.output or sys.stdout, index=False)
    else:
        text = frame.to_json(orient="records", lines=True, force_ascii=False)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as fh:
                fh.write(text)
        else:
            sys.stdout.write(text)
    if args.output:
        print(f"{args.output}: {len(frame)} claim(s)", file=sys.stderr)
    return EXIT_CLEAN


def run_plot(args: argparse.Namespace) -> int:
    from ..history.plot import PlotUnavailable, save

    ext = os.path.splitext(args.output)[1].lower()
    if ext not in (".svg", ".png"):
        raise UsageError(f"numcheck history plot: -o {args.output}: use a .svg or .png file")
    for value in (args.since, args.until):
        _check_date(value)
    with _open(args, create=False) as h:
        tl = h.timeline(args.subject, since=args.since, until=args.until, rules=args.rules)
        if not tl.points:
            raise UsageError(f"{h.path}: no dated claims about {args.subject!r}{_subjects_hint(h)}")
        try:
            from ..history.plot import draw

            save(draw(tl), args.output)
        except PlotUnavailable as exc:
            raise UsageError(str(exc)) from None
    print(f"{args.output}: {len(tl.points)} claim(s) about {tl.subject!r} in "
          f"{len({p.report_id for p in tl.points})} report(s), {len(tl.marks)} contradiction(s), "
          f"{len(tl.revisions())} revision(s)", file=sys.stderr)
    return EXIT_CLEAN


def _subjects_hint(h: Any) -> str:
    """The subjects with most stored claims, for a subject that has none."""
    frame = h.claims()
    keys = frame.loc[frame["subject_key"] != "", "subject_key"].value_counts().head(5).index.tolist()
    return f" (subjects with most claims: {', '.join(keys)})" if keys else " (the store holds no subjects)"
