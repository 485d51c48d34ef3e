"""``numcheck check [PATH|DIR|-]...``: the lint step.  Parse arguments, walk files, call the engine, print, gate.

Everything a document's findings depend on happens in ``numcheck.engine.check``
(the same call the library, the frames and the language server make); this
module only turns arguments into settings, paths into decoded files, and
findings into output and an exit code.

Exit codes: 0 no finding at or above the fail level, 1 some, 2 a usage or input
error: a path that does not exist or cannot be read (the others are still
checked), an unknown code, or a check that crashed (NC900).
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, UsageError
from .fixing import Fixer

if TYPE_CHECKING:  # pragma: no cover
    from ..engine import Analysis
    from ..model import Finding
    from ..report import FileResult, RuleInfo
    from ..settings import Settings
    from .inputs import Target

FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "html")
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
    p.add_argument("--select", action="append", metavar="CODES",
                   help="only these codes, prefixes or check names, e.g. NC1,NC203,elapsed-time-mismatch")
    p.add_argument("--ignore", action="append", metavar="CODES", help="also skip these codes, prefixes or names")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")
    p.add_argument("--output-file", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--fail-on", choices=LEVELS, help="lowest severity that makes the exit code 1 (default warning)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings (errors still exit 2)")
    p.add_argument("--statistics", action="store_true", help="print counts per code instead of each finding, and what could not be checked, per reason")
    p.add_argument("--quiet", "-q", action="store_true", help="print the findings and nothing else (no summary, no notices)")
    p.add_argument("--show-settings", action="store_true",
                   help="print the configuration, rules and codes that apply to each file, and exit")
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
    from ..config import parse_codes

    if not values:
        return None
    try:
        return parse_codes(",".join(values))
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


@dataclass
class _Run:
    """What a run has gathered: each file's findings, and the lines for stderr."""

    results: list["FileResult"] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failing: bool = False
    crashed: bool = False
    docs_url: str | None = None
    history: str | None = None
    fixer: Fixer = field(default_factory=lambda: Fixer(unsafe=False, write=False))


def run(args: argparse.Namespace) -> int:
    fixed, overrides = _settings_from_args(args)
    targets = _targets(args, fixed)
    if args.show_settings:
        return _show_settings(args, targets.found, fixed, overrides)
    state = _Run(errors=list(targets.errors), fixer=Fixer(args.unsafe_fixes, write=args.fix and not args.diff))
    _check_all(args, targets.found, fixed, overrides, state)
    _emit(args, state, nothing_to_check=not targets.found)
    if state.crashed or state.errors:
        return EXIT_ERROR
    if args.diff:
        return EXIT_FINDINGS if state.fixer.diffs else EXIT_CLEAN
    return EXIT_FINDINGS if state.failing and not args.exit_zero else EXIT_CLEAN


def _settings_from_args(args: argparse.Namespace) -> tuple["Settings | None", dict[str, Any]]:
    """The settings fixed for every file (--config, --isolated) or None, and the CLI values that override files."""
    from ..pubdate import parse_published
    from ..settings import Settings, SettingsError, load

    if args.date:
        try:
            parse_published(args.date)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    for flag, paths in (("--rules", args.rules or ()), ("--history", [args.history] if args.history else ())):
        for p in paths:
            if not Path(p).exists():
                hint = " (build one with 'numcheck history add')" if flag == "--history" else " or directory"
                raise UsageError(f"{flag} {p}: no such file{hint}")
    overrides = dict(
        rules=tuple(str(Path(r)) for r in args.rules) if args.rules else None,
        select=_codes(args.select),
        extend_ignore=_codes(args.ignore),
        fail_on=args.fail_on,
        dayfirst=args.dayfirst,
        history=args.history,
    )
    if args.isolated:
        return Settings(root=Path.cwd()), overrides
    if args.config:
        if not Path(args.config).is_file():
            raise UsageError(f"--config {args.config}: no such file")
        try:
            return load(args.config), overrides
        except SettingsError as exc:
            raise UsageError(str(exc)) from None
    return None, overrides


@dataclass(frozen=True)
class _Targets:
    found: list["Target"]
    errors: list[str]


def _targets(args: argparse.Namespace, fixed: "Settings | None") -> _Targets:
    from ..settings import SettingsError
    from .inputs import collect

    if not args.paths and args.stdin_filename:
        args.paths = ["-"]
    try:
        found, errors = collect(args.paths or ["."], args.include, tuple(args.exclude or ()), fixed)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None
    return _Targets(found, errors)


def _settings_for(target: "Target", args: argparse.Namespace, fixed: "Settings | None",
                  overrides: dict[str, Any]) -> tuple[str | None, "Settings"]:
    """The path a target is known by (stdin's --stdin-filename) and the settings that govern it."""
    from ..settings import SettingsError, settings_for

    where = args.stdin_filename if target.path == "-" else target.path
    try:
        return where, (fixed or settings_for(where)).override(**overrides)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def _check_all(args: argparse.Namespace, targets: list["Target"], fixed: "Settings | None",
               overrides: dict[str, Any], state: _Run) -> None:
    from ..engine import ConfigError, analyse
    from ..read import BinaryFileError
    from ..report import FileResult
    from .inputs import Progress, read_target

    progress = Progress(len(targets))
    try:
        for target in targets:
            progress.step(target.path)
            try:
                src = read_target(target, args.stdin_filename)
            except BinaryFileError as exc:
                (state.notices if target.walked else state.errors).append(f"{target.path}: skipped: {exc}")
                continue
            except OSError as exc:
                state.errors.append(f"{target.path}: cannot read: {exc.strerror or exc}")
                continue
            except ValueError as exc:  # over the size limit: the message names the file
                state.errors.append(str(exc))
                continue
            state.notices.extend(f"{src.path}: {n}" for n in src.notices)
            where, settings = _settings_for(target, args, fixed, overrides)
            last: list["Analysis"] = []

            def lint(raw: str) -> list["Finding"]:
                """Check a version of the file (the fixer re-checks what it edits); the last one read is kept."""
                last[:] = [analyse(raw, format=src.format, path=where, published=args.date or None, config=settings)]
                return list(last[0].findings)

            try:
                findings = lint(src.raw)
                if args.fix or args.diff:
                    src, findings = state.fixer.run(target, src, findings, lint)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            analysis = last[0]
            _note_crashes(args, src.path, findings, state)
            config = settings.config_for(where)
            state.docs_url = state.docs_url or settings.docs_url
            state.history = state.history or settings.history
            state.failing = state.failing or any(config.fails(f) for f in findings)
            claims = analysis.claims if args.format == "html" else ()
            state.results.append(FileResult(src.path, src.raw, tuple(findings), claims, analysis.unchecked))
    finally:
        progress.close()


def _note_crashes(args: argparse.Namespace, path: str, findings: list, state: _Run) -> None:
    """An NC900 makes the run exit 2; with --debug its traceback goes to stderr."""
    from ..checks.meta import INTERNAL

    for f in findings:
        if f.code == INTERNAL.code:
            state.crashed = True
            if getattr(args, "debug", False):
                sys.stderr.write(f"{path}: {f.evidence.get('traceback', '')}")


def _emit(args: argparse.Namespace, state: _Run, nothing_to_check: bool) -> None:
    """The report to stdout or --output-file (fixed stdin goes to stdout, as ruff does, and the report to stderr);
    notices and errors to stderr."""
    state.errors.extend(state.fixer.errors)
    if args.diff:
        sys.stdout.write("".join(state.fixer.diffs))
    elif state.results or not state.errors:
        text = _render(args, state.results, state.docs_url, state.history)
        if state.fixer.stdout is not None:
            sys.stdout.write(state.fixer.stdout)
            sys.stderr.write(text)
        elif args.output_file:
            try:
                Path(args.output_file).write_text(text, encoding="utf-8")
            except OSError as exc:
                raise UsageError(f"--output-file {args.output_file}: cannot write: {exc.strerror or exc}") from None
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    if nothing_to_check and not state.errors:
        state.notices.append("no files to check (see --include)")
    state.notices.extend(state.fixer.summary(args.diff))
    for line in ([] if args.quiet else state.notices) + state.errors:
        print(f"numcheck: {line}", file=sys.stderr)


def _render(args: argparse.Namespace, results: list["FileResult"], docs_url: str | None = None,
            history: str | None = None) -> str:
    from .. import report

    color = _color(sys.stdout) and not args.output_file
    if args.statistics:
        if args.format == "json":
            from ..report.json import render_statistics as json_statistics

            return json_statistics(results)
        from ..report.text import render_statistics

        return render_statistics(results, color=color)
    if args.format == "text":
        return report.render("text", results, color=color, show_source=not args.no_source, summary=not args.quiet)
    if args.format == "sarif":
        codes = {f.code for r in results for f in r.findings}
        return report.render("sarif", results, rules=rule_infos(codes, docs_url))
    if args.format == "html":
        return report.render("html", results, docs_url=docs_url or os.environ.get("NUMCHECK_DOCS_URL"), history=history)
    return report.render(args.format, results)


def rule_infos(codes: set[str], docs_url: str | None = None) -> dict[str, "RuleInfo"]:
    """RuleInfo for each code from the check registry, with its documentation URL when one is configured."""
    from ..checks import by_code
    from ..report import RuleInfo, help_uri
    from .explain import documentation

    base = docs_url or os.environ.get("NUMCHECK_DOCS_URL")
    out = {}
    for code in codes:
        chk = by_code(code)
        if chk is not None:
            out[code] = RuleInfo(chk.code, chk.name, chk.severity, documentation(chk), help_uri(base, code))
    return out


def _show_settings(args: argparse.Namespace, targets: list["Target"], fixed: "Settings | None",
                   overrides: dict[str, Any]) -> int:
    """What applies to each file, as ruff's --show-settings prints it: config file, rules, codes, levels."""
    from ..checks import registry
    from ..engine import ConfigError, load_ruleset
    from ..rules import rule_files_for

    for target in targets:
        where, settings = _settings_for(target, args, fixed, overrides)
        config = settings.config_for(where)
        try:
            load_ruleset(None, settings)
        except ConfigError as exc:
            raise UsageError(str(exc)) from None
        enabled = [c.code for c in registry() if config.enabled(c.code)]
        lines = [
            f"file: {target.path}",
            f"config: {settings.path or '(none: defaults)'}",
            f"rules: {', '.join(str(f) for f in rule_files_for(list(settings.rules) or None))}",
            f"history: {settings.history or '(none)'}",
            f"select: {', '.join(config.select)}",
            f"ignore: {', '.join(config.ignore) or '(none)'}",
            f"severity: {', '.join(f'{k}={v}' for k, v in sorted(config.severity.items())) or '(defaults)'}",
            f"fail-on: {config.fail_on}",
            f"date-format: {'day-first' if config.dayfirst else 'month-first'}",
            f"codes enabled ({len(enabled)}): {' '.join(enabled)}",
        ]
        sys.stdout.write("\n".join(lines) + "\n\n")
    return EXIT_CLEAN
