"""Configuration files: ``numcheck.toml`` or ``[tool.numcheck]`` in pyproject.toml, found upward from the checked file.

In one directory ``numcheck.toml`` wins over ``pyproject.toml``; a
pyproject.toml without a ``[tool.numcheck]`` table is passed over, as ruff does.
Relative paths in a file (rules, history, per-file-ignores globs) are relative
to the directory that holds it.  Keys (hyphens or underscores)::

    rules = ["rules/local"]            extra rule files or directories
    select = ["NC1", "NC2"]            codes or prefixes to run (default ALL)
    ignore = ["NC5"]                   codes or prefixes not to run
    per-file-ignores = {"drafts/*.md" = ["NC5"]}
    severity = {NC203 = "error"}       severity overrides by code or prefix
    fail-on = "warning"                error | warning | info
    date-format = "day-first"          day-first | month-first (for 1/2/2025)
    history = "claims.db"              the earlier-reports store
    include = ["*.md", "*.txt"]        what a directory walk picks up
    exclude = ["archive/**"]           what a directory walk passes over
    docs-url = "https://wiki.example.org/numcheck"   where each code's documentation lives (SARIF helpUri)

A mistake becomes ``SettingsError("file:line: message")``; the CLI prints it and exits 2.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping

from .config import Config, parse_codes
from .model import SEVERITIES

FILENAMES = ("numcheck.toml", "pyproject.toml")
DEFAULT_INCLUDE = ("*.md", "*.markdown", "*.mdx", "*.txt", "*.text", "*.html", "*.htm")
DEFAULT_EXCLUDE = (".*", "node_modules", "__pycache__", "venv", ".venv", "site-packages", "_build", "build", "dist")
DATE_FORMATS = {"day-first": True, "month-first": False}


class SettingsError(ValueError):
    """A bad configuration file: the message is one line, ``file:line: what is wrong``."""


@dataclass(frozen=True)
class Settings:
    """What a configuration file says, resolved against its directory.  ``path`` is None for defaults."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    rules: tuple[str, ...] = ()
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict, hash=False)
    fail_on: str = "warning"
    dayfirst: bool = True
    history: str | None = None
    docs_url: str | None = None
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE

    def config_for(self, file: str | Path | None = None) -> Config:
        """The Config for one file: per-file ignores added to the general ones."""
        ignore = list(self.ignore)
        if file is not None and self.per_file_ignores:
            rel = _relative(Path(file), self.root)
            for pattern, codes in self.per_file_ignores:
                if glob_match(rel, pattern):
                    ignore.extend(codes)
        return Config(select=self.select, ignore=tuple(ignore), severity=dict(self.severity),
                      fail_on=self.fail_on, dayfirst=self.dayfirst)

    def override(self, **cli: Any) -> "Settings":
        """CLI values replace the file's; ``ignore`` adds to it (as ruff's --extend-ignore would) when ``extend_ignore``."""
        changes = {k: v for k, v in cli.items() if v is not None and k != "extend_ignore"}
        if cli.get("extend_ignore"):
            changes["ignore"] = tuple(self.ignore) + tuple(cli["extend_ignore"])
        return replace(self, **changes) if changes else self

    def excluded(self, path: Path) -> bool:
        """Whether a directory walk should pass over ``path`` (matched by name and by path under root)."""
        rel = _relative(path, self.root)
        return any(fnmatch.fnmatchcase(path.name, p) or glob_match(rel, p) for p in self.exclude)

    def included(self, path: Path) -> bool:
        rel = _relative(path, self.root)
        return any(fnmatch.fnmatchcase(path.name, p) or glob_match(rel, p) for p in self.include)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def glob_match(rel: str, pattern: str) -> bool:
    """A gitignore-flavoured match: a pattern without '/' matches any path component or the name."""
    pattern = pattern.strip().rstrip("/")
    if pattern.startswith("/"):
        pattern = pattern[1:]
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in rel.split("/"))
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    # "archive/**" matches everything under archive/, "**/x.md" matches x.md anywhere
    if pattern.endswith("/**") and (rel == pattern[:-3] or rel.startswith(pattern[:-2])):
        return True
    if pattern.startswith("**/"):
        return glob_match(rel, pattern[3:]) or fnmatch.fnmatchcase(rel, pattern)
    return False


# ---------------------------------------------------------------- finding files

def find_config(start: Path) -> Path | None:
    """The nearest numcheck.toml or pyproject.toml with [tool.numcheck], from ``start`` upward."""
    d = start if start.is_dir() else start.parent
    d = d.resolve()
    for folder in (d, *d.parents):
        for name in FILENAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return re.search(r"^\s*\[\s*tool\s*\.\s*numcheck\b", path.read_text("utf-8", "replace"), re.M) is not None
    except OSError:
        return False


_CACHE: dict[Path, Settings] = {}


def settings_for(file: str | Path | None) -> Settings:
    """The Settings that govern ``file`` (None or '-' means the working directory), cached per config file."""
    start = Path.cwd() if file in (None, "-", "<stdin>") else Path(file)
    path = find_config(start)
    if path is None:
        return Settings(root=Path.cwd())
    if path not in _CACHE:
        _CACHE[path] = load(path)
    return _CACHE[path]


# ---------------------------------------------------------------- reading one file

_KEYS = ("rules", "select", "ignore", "per-file-ignores", "severity", "fail-on",
         "date-format", "history", "include", "exclude", "docs-url")


def load(path: str | Path) -> Settings:
    """Parse and validate one configuration file."""
    import tomllib

    path = Path(path)
    try:
        raw = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}:1:1: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        msg = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc)) or "invalid TOML"
        where = f"{m.group(1)}:{m.group(2)}" if m else "1:1"
        raise SettingsError(f"{path}:{where}: invalid TOML: {msg}") from None
    table: Any = data
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml" or "tool" in data and "numcheck" in data.get("tool", {}):
        table = data.get("tool", {}).get("numcheck", {})
        prefix = ("tool", "numcheck")
    return _build(path, raw, table, prefix)


def _build(path: Path, raw: str, table: Mapping[str, Any], prefix: tuple[str, ...]) -> Settings:
    def fail(key: str, message: str, sub: str | None = None) -> SettingsError:
        line = _line_of(raw, prefix, key, sub)
        return SettingsError(f"{path}:{line}:{_col_of(raw, line)}: {message}")

    if not isinstance(table, Mapping):
        raise fail("", f"[{'.'.join(prefix)}] must be a table")
    root = path.parent.resolve()
    out: dict[str, Any] = {"path": path, "root": root}
    for key, value in table.items():
        norm = key.replace("_", "-")
        if norm not in _KEYS:
            hint = _suggest(norm)
            raise fail(key, f"unknown key {key!r}{hint}")
        try:
            if norm in ("select", "ignore"):
                out[norm] = parse_codes(_strings(value, norm))
            elif norm in ("rules",):
                out["rules"] = tuple(str((root / p)) for p in _strings(value, norm))
            elif norm in ("include", "exclude"):
                out[norm] = tuple(_strings(value, norm))
            elif norm == "per-file-ignores":
                if not isinstance(value, Mapping):
                    raise ValueError("per-file-ignores must be a table of glob = [codes]")
                pfi = []
                for glob, codes in value.items():
                    try:
                        pfi.append((glob, parse_codes(_strings(codes, f"per-file-ignores {glob!r}"))))
                    except ValueError as exc:
                        raise fail(key, str(exc), glob) from None
                out["per_file_ignores"] = tuple(pfi)
            elif norm == "severity":
                if not isinstance(value, Mapping):
                    raise ValueError("severity must be a table of CODE = \"error\" | \"warning\" | \"info\"")
                sev = {}
                for code, level in value.items():
                    try:
                        resolved = parse_codes([code])[0]
                        if level not in SEVERITIES:
                            raise ValueError(f"severity for {code} must be one of {', '.join(SEVERITIES)}, not {level!r}")
                    except ValueError as exc:
                        raise fail(key, str(exc), code) from None
                    sev[resolved] = level
                out["severity"] = sev
            elif norm == "fail-on":
                if value not in SEVERITIES:
                    raise ValueError(f"fail-on must be one of {', '.join(SEVERITIES)}, not {value!r}")
                out["fail_on"] = value
            elif norm == "date-format":
                if value not in DATE_FORMATS:
                    raise ValueError(f"date-format must be 'day-first' or 'month-first', not {value!r}")
                out["dayfirst"] = DATE_FORMATS[value]
            elif norm == "docs-url":
                if not isinstance(value, str) or not re.match(r"^[a-z][a-z0-9+.\-]*://\S+$", value, re.I):
                    raise ValueError(f"docs-url must be an absolute URL (https://...), not {value!r}")
                out["docs_url"] = value
            elif norm == "history":
                if not isinstance(value, str) or not value:
                    raise ValueError(f"history must be a path string, not {value!r}")
                out["history"] = str(root / value)
        except SettingsError:
            raise
        except ValueError as exc:
            raise fail(key, str(exc)) from None
    return Settings(**out)


def _strings(value: Any, key: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(f"{key} must be a string or a list of strings, not {value!r}")


def _suggest(key: str) -> str:
    import difflib

    close = difflib.get_close_matches(key, _KEYS, n=1)
    return f" (did you mean {close[0]!r}?)" if close else f"; known keys: {', '.join(_KEYS)}"


def _col_of(raw: str, line: int) -> int:
    """The 1-based column of the value on ``line`` (after "="), else of its first character."""
    lines = raw.splitlines()
    if not 1 <= line <= len(lines):
        return 1
    text = lines[line - 1]
    eq = text.find("=")
    at = eq + 1 if eq >= 0 and not text.lstrip().startswith("[") else 0
    while at < len(text) and text[at] in " \t":
        at += 1
    return min(at, max(len(text) - 1, 0)) + 1


def _line_of(raw: str, prefix: tuple[str, ...], key: str, sub: str | None = None) -> int:
    """The 1-based line where ``key`` (or ``key.sub``) is set inside the ``prefix`` table; best effort."""
    header = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
    current: tuple[str, ...] = ()
    table_line = None
    key_line = None
    want = tuple(prefix)

    def parts(dotted: str) -> tuple[str, ...]:
        return tuple(t.strip("\"'") for t in re.findall(r'"[^"]*"|\'[^\']*\'|[A-Za-z0-9_\-]+', dotted))

    for n, line in enumerate(raw.splitlines(), 1):
        m = header.match(line)
        if m:
            current = parts(m.group(1))
            if current == want and table_line is None:
                table_line = n
            if key and current == want + (key,):
                key_line = key_line or n
            continue
        m = re.match(r"^\s*((?:\"[^\"]*\"|'[^']*'|[A-Za-z0-9_.\- ])+?)\s*=", line)
        if not m:
            continue
        lhs = current + parts(m.group(1))
        if sub is not None and lhs == want + (key, sub):
            return n
        if sub is not None and key_line and current == want + (key,) and lhs[-1:] == (sub,):
            return n
        if key and lhs[: len(want) + 1] == want + (key,) and key_line is None:
            key_line = n
    return key_line or table_line or 1

