"""The one engine: ``check()`` does for one document everything ``numcheck check`` does, and returns its findings.

read (the format's non-prose blanked with offsets kept, directives blanked, the
publication date the document states) -> extract -> every enabled check, each
isolated so a crash is one NC900 finding -> findings as the file shows them ->
configuration and inline suppressions (NC901, NC902).  The library, the frames,
Dask, the CLI, ``history add|import`` and the language server all come through
here, so they give the same answer; only ``numcheck.read`` and the CLI touch files.
"""
from __future__ import annotations

import os
import re
import traceback
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, Sequence

from .config import Config
from .model import Claim, Finding, Related, Unchecked
from .pubdate import find_published, iso, parse_published

if TYPE_CHECKING:  # pragma: no cover
    from .checks.base import Context
    from .history import History
    from .rules import RuleSet
    from .settings import Settings
    from .suppress import Suppressions

PathLike = "str | os.PathLike[str]"
RulesArg = "RuleSet | str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None"
ConfigArg = "Config | Settings | Mapping[str, Any] | str | os.PathLike[str] | None"


class ConfigError(ValueError):
    """Rules, a history store or a configuration that cannot be used: one line, for the CLI's exit 2."""


@dataclass(frozen=True)
class Document:
    """One document read for checking: the text as given, the prose to read, its format, date and directives."""

    raw: str
    prose: str
    format: str
    published: tuple[date, date] | None
    suppressions: "Suppressions"


def read_document(text: str, *, format: str | None = None, path: "str | os.PathLike[str] | None" = None,
                  published: "str | date | None" = None) -> Document:
    """Blank what is not prose (keeping every offset), find the publication date and the inline directives."""
    from .limits import check_size
    from .read import FORMATS, detect_format, prose
    from .suppress import parse as parse_suppressions

    if not isinstance(text, str):
        raise TypeError(f"numcheck takes text as a str, not {type(text).__name__}")
    check_size(text)
    fmt = format or detect_format(os.fspath(path) if path is not None else None, text)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    directives = parse_suppressions(text, fmt)
    pub = parse_published(published) if published not in (None, "") else find_published(text)
    return Document(text, directives.blank(prose(text, fmt)), fmt, pub, directives)


@dataclass(frozen=True)
class Analysis:
    """One document checked: how it was read, every claim in it, the findings ``check()`` returns, and what the
    checks found but could not check (``unchecked``: a conversion with no ECB rate, a currency no rate names)."""

    document: Document
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    unchecked: tuple[Unchecked, ...] = ()


def check(
    text: str,
    *,
    format: str | None = None,
    path: "str | os.PathLike[str] | None" = None,
    published: "str | date | None" = None,
    rules: Any = None,
    history: Any = None,
    config: Any = None,
) -> list[Finding]:
    """Every finding ``numcheck check`` reports for one document, sorted by position.

    ``format`` is "text", "markdown" or "html" (default: from ``path``'s suffix,
    else a sniff: an HTML head, Markdown front matter or a fenced code block, else text).  ``published`` overrides the date the
    document states (front matter, meta tag, a leading date line).  ``rules``
    adds rule files to the core rules (or is a loaded ``RuleSet``); ``history``
    is a ``History`` or its path.  ``config`` is a ``Config``, a mapping of its
    fields, a ``Settings``, or a numcheck.toml/pyproject.toml path; None means the
    configuration found upward from ``path`` (as the CLI does), or the defaults.
    """
    return list(analyse(text, format=format, path=path, published=published, rules=rules, history=history,
                        config=config).findings)


class Extractor(Protocol):
    """What turns a document's prose into claims: ``numcheck.extract`` by default, a paragraph cache in an editor."""

    def __call__(self, prose: str, *, published: str | None, dayfirst: bool, rules: "RuleSet") -> Sequence[Claim]: ...


def analyse(
    text: str,
    *,
    format: str | None = None,
    path: "str | os.PathLike[str] | None" = None,
    published: "str | date | None" = None,
    rules: Any = None,
    history: Any = None,
    config: Any = None,
    extractor: Extractor | None = None,
) -> Analysis:
    """``check()`` keeping what it read on the way: the document and its claims (for reports that show them).

    ``extractor`` replaces the extraction step by one that gives the same claims
    (``numcheck.incremental.ParagraphCache`` re-reads only the paragraphs that changed).
    """
    settings = resolve_settings(config, path)
    where = os.fspath(path) if path is not None else None
    cfg = settings.config_for(where) if settings is not None else Config.coerce(config)
    doc = read_document(text, format=format, path=path, published=published)
    ruleset = load_ruleset(rules, settings)
    store = open_history(history, settings)
    found, crashed = _extract(doc, cfg, ruleset, extractor)
    checked, unchecked = _run_checks(doc, found, cfg, ruleset, store) if not crashed else ([], [])
    findings = crashed + checked
    return Analysis(doc, found, tuple(_dedupe(doc.suppressions.apply(_as_in_file(findings, doc), cfg))),
                    tuple(unchecked))


def claims(text: str, *, format: str | None = None, path: "str | os.PathLike[str] | None" = None,
           published: "str | date | None" = None, rules: Any = None, dayfirst: bool = True) -> list[Claim]:
    """The claims of one document read as ``check()`` reads it (for frames, ``history add`` and ``numcheck extract``)."""
    from .extract import extract

    doc = read_document(text, format=format, path=path, published=published)
    return extract(doc.prose, published=iso(doc.published), dayfirst=dayfirst, rules=load_ruleset(rules, None))


# ---------------------------------------------------------------- running the checks

def _extract(doc: Document, cfg: Config, ruleset: "RuleSet",
             extractor: Extractor | None = None) -> tuple[tuple[Claim, ...], list[Finding]]:
    """The document's claims; if extraction itself crashes, no claims and one NC900 finding."""
    from .extract import extract

    run = extractor or extract
    try:
        return tuple(run(doc.prose, published=iso(doc.published), dayfirst=cfg.dayfirst, rules=ruleset)), []
    except Exception as exc:  # noqa: BLE001 - isolation is the point: said as NC900, never silent
        return (), [_internal_error("extract", "the extractor", exc)]


def _run_checks(doc: Document, claims: tuple[Claim, ...], cfg: Config, ruleset: "RuleSet",
                store: "History | None") -> tuple[list[Finding], list[Unchecked]]:
    """Every enabled check over one document, and what they could not check; a check that raises becomes one
    NC900 and the others still run."""
    from .checks import registry

    ctx = make_context(doc, claims, ruleset, store)
    findings: list[Finding] = []
    for chk in registry():
        if not cfg.enabled(chk.code):
            continue
        try:
            found = list(chk.run(ctx))
        except Exception as exc:  # noqa: BLE001 - one crashed check must not lose the others
            findings.append(_internal_error(chk.code, f"check {chk.code} ({chk.name})", exc))
            continue
        findings.extend(_with_severity(f, cfg) for f in found)
    findings.sort(key=lambda f: (f.start, f.code, f.end))
    return findings, sorted(set(ctx.skipped), key=lambda u: (u.start, u.code, u.end))


def make_context(doc: Document, claims: Sequence[Claim], ruleset: "RuleSet", store: "History | None") -> "Context":
    """What the checks read of one document; also what an editor's hover reads to say which rule speaks."""
    from .checks import Context

    return Context(text=doc.prose, claims=tuple(claims), published=doc.published[0] if doc.published else None,
                   published_end=doc.published[1] if doc.published else None, rules=ruleset, history=store,
                   options={})


def _internal_error(what: str, label: str, exc: BaseException) -> Finding:
    """NC900 for a crash: it names what crashed and the exception; the traceback rides in the evidence."""
    from .checks.meta import INTERNAL

    return Finding(
        code=INTERNAL.code, name=INTERNAL.name, severity=INTERNAL.severity,
        message=f"{label} crashed on this document, so its findings are missing: {type(exc).__name__}: {exc}",
        start=0, end=0, line=1, col=1,
        evidence={"check": what, "exception": f"{type(exc).__name__}: {exc}",
                  "traceback": "".join(traceback.format_exception(exc))},
    )


def _with_severity(f: Finding, cfg: Config) -> Finding:
    sev = cfg.severity_of(f)
    return f if sev == f.severity else replace(f, severity=sev)


_BLANKED_RUN = re.compile(r"[ \t\u00a0]{2,}")


def _as_in_file(findings: list[Finding], doc: Document) -> list[Finding]:
    """Findings as a reader of the file sees them: related spans quote the file, not the blanked prose,
    and runs of spaces left by blanked markup (``**10,000**``, ``&nbsp;``) read as one space in messages."""
    if doc.prose == doc.raw:
        return findings
    out = []
    for f in findings:
        related = tuple(
            Related(r.start, r.end, doc.raw[r.start:r.end], r.note)
            if doc.prose[r.start:r.end] == r.text and doc.raw[r.start:r.end] != r.text else r
            for r in f.related
        )
        message = _BLANKED_RUN.sub(" ", f.message)
        if related != f.related or message != f.message:
            f = replace(f, related=related, message=message)
        out.append(f)
    return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for f in findings:
        key = (f.code, f.start, f.end, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


# ---------------------------------------------------------------- configuration, rules, history

def resolve_settings(config: Any, path: "str | os.PathLike[str] | None") -> "Settings | None":
    """The Settings that apply, or None when ``config`` is a Config or a mapping of its fields."""
    from .settings import Settings, SettingsError, load, settings_for

    if isinstance(config, Settings):
        return config
    try:
        if isinstance(config, (str, os.PathLike)):
            if not Path(config).is_file():
                raise ConfigError(f"config {os.fspath(config)}: no such file")
            return load(os.fspath(config))
        if config is None:
            return settings_for(os.fspath(path)) if path is not None else Settings(root=Path.cwd())
    except SettingsError as exc:
        raise ConfigError(str(exc)) from None
    return None


_RULESETS: dict[tuple[Any, ...], "RuleSet"] = {}


def load_ruleset(rules: Any, settings: "Settings | None") -> "RuleSet":
    """The core rules plus ``rules`` (or the settings' rule files), loaded once per process per set of files."""
    from .rules import RuleSet, load_rules, rule_files_for

    if isinstance(rules, RuleSet):
        return rules
    if rules is None:
        paths: tuple[str, ...] = tuple(settings.rules) if settings is not None else ()
    elif isinstance(rules, (str, os.PathLike)):
        paths = (os.fspath(rules),)
    else:
        paths = tuple(os.fspath(r) for r in rules)
    for p in paths:
        if not Path(p).exists():
            raise ConfigError(f"rules {p}: no such file or directory")
    files = rule_files_for(list(paths) or None)
    key = (paths, tuple((str(f), f.stat().st_mtime_ns) for f in files))
    if key not in _RULESETS:
        try:
            ruleset = load_rules(list(paths) or None)
        except (OSError, ValueError) as exc:  # a RuleError is a ValueError that names file:line:col
            raise ConfigError(str(exc)) from None
        if len(_RULESETS) >= 16:  # a long-running process (the language server) sees rule files change
            _RULESETS.clear()
        _RULESETS[key] = ruleset
    return _RULESETS[key]


_HISTORIES: dict[tuple[str, int, int], "History"] = {}


def open_history(history: Any, settings: "Settings | None") -> "History | None":
    """A History store from an object, a path, or the settings' ``history``; opened once per path."""
    if history is not None and not isinstance(history, (str, os.PathLike)):
        return history
    path = os.fspath(history) if history is not None else (settings.history if settings is not None else None)
    if path is None:
        return None
    try:
        st = os.stat(path)
    except OSError:
        raise ConfigError(f"history {path}: no such file (build one with 'numcheck history add')") from None
    key = (os.path.abspath(path), st.st_dev, st.st_ino)  # a store replaced at the same path is a new store
    if key not in _HISTORIES:
        from .history import History, StoreError

        try:
            _HISTORIES[key] = History(path, create=False)
        except StoreError as exc:
            raise ConfigError(str(exc)) from None
    return _HISTORIES[key]
