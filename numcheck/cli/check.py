"""``numcheck check [PATH|DIR|-]...``: the lint step.  Read, check, apply suppressions, report, gate on the fail level.

Exit codes: 0 no finding at or above the fail level, 1 some, 2 a usage or
input error (a file that cannot be read is one line on stderr, and exit 2
only when nothing could be read at all).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from . import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError

FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit")
LEVELS = ("error", "warning", "info")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="check the numeric claims in files and report what cannot all be true",
        description="Check files (Markdown, HTML, plain text), directories or - (stdin).",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, directories (walked) or - for stdin; default .")
    p.add_argument("--rules", action="append", metavar="DIR", help="extra rule files or directories (repeatable)")
    p.add_argument("--history", metavar="DB", help="the earlier-reports store to check against")
    p.add_argument("--date", metavar="D", help="publication date YYYY, YYYY-MM or YYYY-MM-DD (overrides the document's)")
    p.add_argument("--select", action="append", metavar="CODES", help="only these codes or prefixes, e.g. NC1,NC203")
    p.add_argument("--ignore", action="append", metavar="CODES", help="also skip these codes or prefixes")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    p.add_argument("--fail-on", choices=LEVELS, help="lowest severity that makes the exit code 1 (default warning)")
    p.add_argument("--statistics", action="store_true", help="print counts per code instead of each finding")
    order = p.add_mutually_exclusive_group()
    order.add_argument("--month-first", dest="dayfirst", action="store_false", default=None, help="read 1/2/2025 as January 2")
    order.add_argument("--day-first", dest="dayfirst", action="store_true", help="read 1/2/2025 as 1 February")
    p.add_argument("--include", action="append", metavar="GLOB", help="files a directory walk picks up (replaces the default)")
    p.add_argument("--exclude", action="append", metavar="GLOB", help="more paths a directory walk passes over")
    p.add_argument("--config", metavar="FILE", help="use this numcheck.toml/pyproject.toml instead of searching")
    p.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    p.add_argument("--stdin-filename", metavar="NAME", help="name (and format) for input read from -")
    p.add_argument("--no-source", action="store_true", help="text format: do not quote the source lines")
    p.add_argument("--fix", action="store_true", help="apply the safe suggestions to the files, then report what is left")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply the unsafe (numeric) suggestions too")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff instead of writing them")
    p.set_defaults(func=run)


def _codes(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    from ..config import _codes as parse

    try:
        return parse(",".join(values))
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _color(stream: Any) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (AttributeError, ValueError):
        return False


class _Resources:
    """Rule sets and history stores, loaded once per distinct path list and shared across files."""

    def __init__(self) -> None:
        self.rules: dict[tuple[str, ...], Any] = {}
        self.histories: dict[str, Any] = {}

    def ruleset(self, paths: tuple[str, ...]) -> Any:
        if paths not in self.rules:
            for p in paths:
                if not Path(p).exists():
                    raise UsageError(f"--rules {p}: no such file or directory")
            try:
                from ..rules import load_rules
            except ImportError:  # the rules loader is not built: the engine takes the paths as they are
                self.rules[paths] = list(paths) or None
            else:
                try:
                    self.rules[paths] = load_rules(list(paths) or None)
                except (OSError, ValueError) as exc:  # RuleError is a ValueError that names file:line:col
                    raise UsageError(str(exc)) from None
        return self.rules[paths]

    def history(self, path: str | None) -> Any:
        if path is None:
            return None
        if path not in self.histories:
            if not Path(path).exists():
                raise UsageError(f"--history {path}: no such file (build one with 'numcheck history add')")
            try:
                from ..history import History
            except ImportError as exc:
                raise UsageError(f"--history {path}: the history store is not available in this build ({exc})") from None
            try:
                self.histories[path] = History(path)
            except Exception as exc:  # any failure to open the store is the user's input error
                raise UsageError(f"--history {path}: cannot open: {exc}") from None
        return self.histories[path]

    def close(self) -> None:
        for h in self.histories.values():
            close = getattr(h, "close", None)
            if callable(close):
                close()


def run(args: argparse.Namespace) -> int:
    from ..engine import check
    from ..read import BinaryFileError
    from ..report import FileResult
    from ..settings import Settings, SettingsError, load, settings_for
    from ..suppress import parse as parse_suppressions
    from .inputs import Progress, collect, read_target

    if args.date:
        from ..pubdate import parse_published

        try:
            parse_published(args.date)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    overrides = dict(
        rules=tuple(str(Path(r)) for r in args.rules) if args.rules else None,
        select=_codes(args.select),
        extend_ignore=_codes(args.ignore),
        fail_on=args.fail_on,
        dayfirst=args.dayfirst,
        history=args.history,
    )
    try:
        fixed: Settings | None = None
        if args.isolated:
            fixed = Settings(root=Path.cwd())
        elif args.config:
            if not Path(args.config).is_file():
                raise UsageError(f"--config {args.config}: no such file")
            fixed = load(args.config)
        if not args.paths and args.stdin_filename:
            args.paths = ["-"]
        targets, errors = collect(args.paths or ["."], args.include, tuple(args.exclude or ()), fixed)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None

    res = _Resources()
    fixer = _Fixer(args.unsafe_fixes, write=args.fix and not args.diff)
    results: list[FileResult] = []
    notices: list[str] = []
    failing = crashed = False
    progress = Progress(len(targets))
    try:
        for target in targets:
            progress.step(target.path)
            try:
                src = read_target(target, args.stdin_filename)
            except BinaryFileError as exc:
                (notices if target.walked else errors).append(f"{target.path}: skipped: {exc}")
                continue
            except OSError as exc:
                errors.append(f"{target.path}: cannot read: {exc.strerror or exc}")
                continue
            except ValueError as exc:  # over the size limit: the message names the file
                errors.append(str(exc))
                continue
            notices.extend(f"{src.path}: {n}" for n in src.notices)
            try:
                where = args.stdin_filename if target.path == "-" else target.path
                settings = (fixed or settings_for(where)).override(**overrides)
            except SettingsError as exc:
                raise UsageError(str(exc)) from None
            config = settings.config_for(None if target.path == "-" and not args.stdin_filename else where)

            def lint(src: Any) -> list:
                suppressions = parse_suppressions(src.raw, src.format)
                findings = check(
                    suppressions.blank(src.text),
                    published=args.date or src.published,
                    rules=res.ruleset(settings.rules),
                    history=res.history(settings.history),
                    config=config,
                )
                return suppressions.apply(_as_in_file(findings, src.text, src.raw), config)

            try:
                findings = lint(src)
                if args.fix or args.diff:
                    src, findings = fixer.run(target, src, findings, lint)
            except UsageError:
                raise
            except Exception as exc:
                if getattr(args, "debug", False):
                    raise
                errors.append(f"{src.path}: internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)")
                crashed = True
                continue
            failing = failing or any(config.fails(f) for f in findings)
            results.append(FileResult(src.path, src.raw, tuple(findings)))
    finally:
        progress.close()
        res.close()

    errors.extend(fixer.errors)
    if args.diff:
        sys.stdout.write("".join(fixer.diffs))
    elif results or not errors:
        # fixed stdin goes to stdout, as ruff does; the report then goes to stderr
        out = sys.stderr if fixer.stdout is not None else sys.stdout
        if fixer.stdout is not None:
            sys.stdout.write(fixer.stdout)
        out.write(_render(args, results))
        out.flush()
    if not targets and not errors:
        notices.append("no files to check (see --include)")
    notices.extend(fixer.summary(args.diff))
    for line in notices + errors:
        print(f"numcheck: {line}", file=sys.stderr)
    if crashed or (errors and not results):
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if fixer.diffs else EXIT_CLEAN
    return EXIT_FINDINGS if failing else EXIT_CLEAN


FIX_PASSES = 4  # a fix left out for overlapping another is tried again on the re-checked text


class _Fixer:
    """``--fix`` / ``--diff``: apply suggestions (numcheck.fix), re-check, and write back or diff, file by file."""

    def __init__(self, unsafe: bool, write: bool) -> None:
        self.unsafe, self.write = unsafe, write
        self.applied = self.files = self.unsafe_left = 0
        self.diffs: list[str] = []
        self.errors: list[str] = []
        self.stdout: str | None = None

    def run(self, target: Any, src: Any, findings: list, lint: Any) -> tuple[Any, list]:
        """The source and its findings after fixing (the fixed text re-checked), writing the file if asked."""
        from dataclasses import replace

        from ..fix import UNSAFE, apply_fixes, safety, unified_diff
        from ..read import prose, published_iso

        first, applied = src, 0
        for _ in range(FIX_PASSES):
            result = apply_fixes(src.raw, findings, self.unsafe)
            if not result.changed:
                break
            applied += len(result.edits)
            src = replace(src, text=prose(result.text, src.format), raw=result.text, published=published_iso(result.text))
            findings = lint(src)
        self.unsafe_left += sum(1 for f in findings if f.suggestion is not None and not self.unsafe and safety(f.code) == UNSAFE)
        if not applied:
            return src, findings
        if not self.write:
            self.diffs.append(unified_diff(first.raw, src.raw, src.path))
        elif target.path == "-":
            self.stdout = src.raw
        elif not self._write(target.path, first.raw, src.raw):
            return first, lint(first)
        self.applied += applied
        self.files += 1
        return src, findings

    def _write(self, path: str, old: str, new: str) -> bool:
        import os
        import shutil
        import tempfile

        from ..read import encode_like

        try:
            data = encode_like(Path(path).read_bytes(), old, new)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".numcheck-fix-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            shutil.copymode(path, tmp)
            os.replace(tmp, path)
        except (OSError, ValueError) as exc:
            self.errors.append(f"{path}: fixes not written: {exc}")
            return False
        return True

    def summary(self, diff: bool) -> list[str]:
        lines = []
        if self.applied:
            verb = "would fix" if diff else "fixed"
            lines.append(f"{verb} {self.applied} finding{'s' * (self.applied != 1)} in {self.files} file{'s' * (self.files != 1)}")
        if self.unsafe_left:
            lines.append(f"{self.unsafe_left} more fix{'es' * (self.unsafe_left != 1)} available with --unsafe-fixes")
        return lines


def _as_in_file(findings: list, prose: str, raw: str) -> list:
    """Findings as a reader of the file sees them: related spans quote the file, not the blanked prose,
    and runs of spaces left by blanked markup (``**10,000**``, ``&nbsp;``) read as one space in messages."""
    import re
    from dataclasses import replace

    from ..model import Related

    if prose == raw:
        return findings
    out = []
    for f in findings:
        related = tuple(
            Related(r.start, r.end, raw[r.start:r.end], r.note)
            if prose[r.start:r.end] == r.text and raw[r.start:r.end] != r.text else r
            for r in f.related
        )
        message = re.sub(r"[ \t\u00a0]{2,}", " ", f.message)
        if related != f.related or message != f.message:
            f = replace(f, related=related, message=message)
        out.append(f)
    return out


def _render(args: argparse.Namespace, results: list) -> str:
    from .. import report

    if args.statistics:
        if args.format == "json":
            from ..report.json import render_statistics

            return render_statistics(results)
        from ..report.text import render_statistics

        return render_statistics(results, color=_color(sys.stdout))
    if args.format == "text":
        return report.render("text", results, color=_color(sys.stdout), show_source=not args.no_source)
    if args.format == "sarif":
        return report.render("sarif", results, rules=rule_infos({f.code for r in results for f in r.findings}))
    return report.render(args.format, results)


def rule_infos(codes: set[str]) -> dict[str, Any]:
    """RuleInfo for each code from the check registry (and the CLI's own NC9xx checks)."""
    from ..report import RuleInfo
    from .explain import documentation, find_check

    out = {}
    for code in codes:
        chk = find_check(code)
        if chk is not None:
            out[code] = RuleInfo(chk.code, chk.name, chk.severity, documentation(chk))
    return out
