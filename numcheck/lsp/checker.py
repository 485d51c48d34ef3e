"""One check of one open document, as the language server runs it in its worker thread: engine in, diagnostics out.

Everything here is synchronous and never raises: what cannot be checked (binary
text, a document over the size limit, a malformed configuration or rule file, a
crash) becomes one diagnostic at the top of the document saying why, and the
reason is returned for the server to log.
"""
from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types

from ..engine import Analysis, ConfigError, analyse, load_ruleset, open_history
from ..incremental import ParagraphCache
from ..limits import InputTooLarge
from ..settings import Settings, SettingsError, find_config, load
from .diagnostics import Support, diagnostic, docs_base, notice
from .positions import Lines

LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}


@dataclass(frozen=True)
class Checked:
    """What one check of one version of a document gave."""

    version: int | None
    lines: Lines
    diagnostics: list[types.Diagnostic]
    analysis: Analysis | None = None
    settings: Settings | None = None
    ruleset: Any = None
    history: Any = None
    problem: str | None = None  # why the document was not (fully) checked, for the log


@dataclass
class SettingsCache:
    """numcheck.toml / pyproject.toml per directory, loaded again when the file changes (its mtime) or is forgotten."""

    root: str | None = None
    _loaded: dict[Path, tuple[int, Settings]] = field(default_factory=dict)

    def settings_for(self, path: str | None) -> Settings:
        start = Path(path) if path else Path(self.root or os.getcwd()) / "untitled"
        config = find_config(start)
        if config is None:
            return Settings(root=Path(self.root or os.getcwd()))
        try:
            mtime = config.stat().st_mtime_ns
        except OSError:
            mtime = -1
        known = self._loaded.get(config)
        if known is None or known[0] != mtime:
            known = (mtime, load(config))
            self._loaded[config] = known
        return known[1]

    def forget(self) -> None:
        self._loaded.clear()


def check_document(text: str, version: int | None, path: str | None, language: str | None, cache: ParagraphCache,
                   settings: SettingsCache, encoding: str, uri: str, support: Support = Support()) -> Checked:
    """Check one version of a document with the one engine; never raises."""
    lines = Lines(text, encoding) if "\x00" not in text else Lines("", encoding)
    if "\x00" in text:
        return _not_checked(version, lines, "not checked: binary content (NUL characters), not text")
    try:
        conf = settings.settings_for(path)
        analysis = analyse(text, format=LANGUAGES.get(language or ""), path=path, config=conf, extractor=cache)
        ruleset = load_ruleset(None, conf)
        store = open_history(None, conf)
    except InputTooLarge as exc:
        return _not_checked(version, Lines("", encoding), f"not checked: {exc}")
    except (ConfigError, SettingsError) as exc:
        return _not_checked(version, lines, f"configuration error: {exc}", types.DiagnosticSeverity.Error, "config")
    except Exception as exc:  # noqa: BLE001 - a server must outlive any document
        detail = "".join(traceback.format_exception(exc))
        return _not_checked(version, lines, f"internal error while checking: {type(exc).__name__}: {exc}",
                            types.DiagnosticSeverity.Error, "NC900", detail)
    base = docs_base(conf.docs_url)
    diags = [diagnostic(f, uri, lines, base, support) for f in analysis.findings]
    crashed = [f.evidence.get("traceback", "") for f in analysis.findings if f.code == "NC900"]
    return Checked(version, lines, diags, analysis, conf, ruleset, store, "\n".join(crashed) or None)


def _not_checked(version: int | None, lines: Lines, message: str,
                 severity: types.DiagnosticSeverity = types.DiagnosticSeverity.Warning, code: str = "not-checked",
                 detail: str | None = None) -> Checked:
    return Checked(version, lines, [notice(message, severity, code)], problem=detail or message)
