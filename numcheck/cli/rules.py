"""``numcheck rules validate PATH...`` (exit 2 on any error) and ``numcheck rules list [PATH...]``."""
from __future__ import annotations

import argparse
import json
import os
import sys

from . import EXIT_CLEAN, EXIT_ERROR, UsageError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rules", help="validate rule files or list what is loaded")
    verbs = p.add_subparsers(dest="rules_verb", metavar="{validate,list}")
    v = verbs.add_parser("validate", help="check rule files; one line per error, exit 2 on any")
    v.add_argument("paths", nargs="+", metavar="PATH", help="rule files or folders of them")
    v.add_argument("--no-core", action="store_true", help="do not load the shipped core rules first")
    v.set_defaults(func=run_validate)
    ls = verbs.add_parser("list", help="show every loaded rule and the file:line it comes from")
    ls.add_argument("paths", nargs="*", metavar="PATH", help="rule files or folders on top of the core rules")
    ls.add_argument("--no-core", action="store_true", help="do not load the shipped core rules")
    ls.add_argument("--format", choices=("text", "json"), default="text")
    ls.set_defaults(func=run_list)
    p.set_defaults(func=_missing_verb)


def _missing_verb(args: argparse.Namespace) -> int:
    raise UsageError("numcheck rules: choose a verb: validate PATH... or list [PATH...]")


def _rel(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return rel if not rel.startswith("..") else path


def run_validate(args: argparse.Namespace) -> int:
    from ..rules import rule_files_for, validate

    errors = validate(args.paths, core=not args.no_core)
    for e in errors:
        print(str(e).replace(e.file, _rel(e.file), 1), file=sys.stderr)
    if errors:
        print(f"numcheck: {len(errors)} error{'s' * (len(errors) != 1)} in rule files", file=sys.stderr)
        return EXIT_ERROR
    files = rule_files_for(args.paths, core=False)
    print(f"ok: {len(files)} rule file{'s' * (len(files) != 1)} valid")
    return EXIT_CLEAN


def rows(ruleset) -> list[dict]:
    """One row per loaded rule: kind, id, what it says, and where it comes from."""
    out: list[dict] = []
    for e in ruleset.events:
        when = e.start.isoformat() if e.start == e.end else f"{e.start.isoformat()}..{e.end.isoformat()}"
        out.append({"kind": "event", "id": e.id, "summary": f"{when}{' (ongoing)' if e.ongoing else ''}; aliases: {', '.join(e.aliases) or '-'}", "file": e.file, "line": e.line})
    for f in ruleset.facts:
        value = _interval(f.low, f.high)
        out.append({"kind": "fact", "id": f.id, "summary": f"{f.subject} = {value}{' ' + f.unit if f.unit else ''} ±{f.tolerance:.0%}", "file": f.file, "line": f.line})
    for b in ruleset.bounds:
        scope = ",".join(b.kinds) or b.dimension or ",".join(b.subjects)
        unit = f" {b.base_unit}" if b.base_unit and b.base_unit != "percent" else ""
        out.append({"kind": "bound", "id": b.id, "summary": f"{scope}: {_interval(b.min, b.max)}{unit}{' integer' if b.integer else ''}", "file": b.file, "line": b.line})
    for d in ruleset.dimension_rules:
        out.append({"kind": "dimension", "id": d.subject, "summary": d.dimension, "file": d.file, "line": d.line})
    for syn, target in sorted(ruleset.aliases.items()):
        file, line = ruleset.alias_sources.get(syn, ("", 0))
        out.append({"kind": "alias", "id": syn, "summary": f"-> {target}", "file": file, "line": line})
    for v in ruleset.vocabulary:
        out.append({"kind": "vocabulary", "id": v.phrase, "summary": f"{v.qualifier or ''} {v.low:g}..{v.high:g}{' (numbers)' if v.absolute else ' (factors)'}".strip(), "file": v.file, "line": v.line})
    st = ruleset.style
    if st.active:
        fields = {k: getattr(st, k) for k in ("words_below", "percent", "unit_consistency", "unit_variety", "imperial_needs_metric", "max_significant")}
        out.append({"kind": "style", "id": st.preset or "style", "summary": ", ".join(f"{k}={v}" for k, v in fields.items() if v not in (None, False)), "file": st.file, "line": st.line})
    return out


def _interval(lo, hi) -> str:
    if lo is not None and hi is not None:
        return f"{lo:,.10g}" if lo == hi else f"{lo:,.10g}..{hi:,.10g}"
    if lo is not None:
        return f">= {lo:,.10g}"
    return f"<= {hi:,.10g}"


def run_list(args: argparse.Namespace) -> int:
    from ..rules import RuleError, load_rules

    try:
        rs = load_rules(args.paths or None, core=not args.no_core)
    except RuleError as exc:
        print(str(exc).replace(exc.file, _rel(exc.file), 1), file=sys.stderr)
        return EXIT_ERROR
    table = rows(rs)
    if args.format == "json":
        json.dump({"files": [_rel(f) for f in rs.files], "rules": [{**r, "file": _rel(r["file"]) if r["file"] else ""} for r in table]}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    print("files loaded (later override earlier):")
    for f in rs.files:
        print(f"  {_rel(f)}")
    widths = [max([len(k)] + [len(r[k]) for r in table]) for k in ("kind", "id")]
    for r in table:
        where = f"{_rel(r['file'])}:{r['line']}" if r["file"] else ""
        print(f"{r['kind']:<{widths[0]}}  {r['id']:<{widths[1]}}  {r['summary']}  {where}".rstrip())
    return EXIT_CLEAN
