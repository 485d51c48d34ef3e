"""Rule files: load and validate the YAML that says what is true, possible and house style.

``load_rules(paths=None)`` gives a RuleSet: the shipped core rules (the
repository's top-level ``rules/core``), then each path in order, later files
overriding earlier ones by id.  Loaded sets are cached (in memory, and as a
pickle keyed by file paths, sizes and mtimes in the user cache dir) so a
pre-commit run pays neither for YAML parsing nor for importing yaml.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from .errors import RuleError
from .model import Bound, Dimension, Event, Fact, RuleSet, Style, VocabEntry

__all__ = [
    "load_rules", "validate", "RuleSet", "RuleError", "Event", "Fact", "Bound",
    "Dimension", "Style", "VocabEntry", "core_dir", "shipped_dir", "rule_files_for",
]

RULE_SUFFIXES = (".yaml", ".yml")
CACHE_VERSION = 3  # bump when the RuleSet layout or the loader's meaning changes
_MEMO: dict[str, RuleSet] = {}
_CODE_FILES = ("model.py", "loader.py", "schema.py", "units.py", "subjects.py", "errors.py")


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """The rule files named by ``paths`` in load order: files as given, directories' *.yaml sorted."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs.sort()
                found += [os.path.join(root, n) for n in names if n.endswith(RULE_SUFFIXES)]
            found.sort(key=lambda f: os.path.relpath(f, path).replace(os.sep, "/"))
            out.extend(Path(f) for f in found if os.path.isfile(f))
        else:
            out.append(path)
    seen: set[str] = set()
    unique = []
    for f in out:
        key = _real(os.path.abspath(f))  # (absolute: a relative name means another file in another folder)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


@lru_cache(maxsize=4096)
def _real(path: str) -> str:
    """A rule file's real path, to load a file linked twice once: read once per process (every check() call walks
    the rule folders again, to see files added or edited, and a link retargeted mid-run is not worth a system call
    per file each time)."""
    return os.path.realpath(path)


@lru_cache(maxsize=1)
def shipped_dir() -> Path | None:
    """The shipped rules/ folder: the repository's top-level rules/, else a copy in numcheck/data/rules (where the
    package lies does not change while it runs: found once)."""
    pkg = Path(__file__).resolve().parent.parent
    for cand in (pkg.parent / "rules", pkg / "data" / "rules"):
        if (cand / "core").is_dir():
            return cand
    return None


def core_dir() -> Path | None:
    """The folder of core rules loaded by default (None if this install has none)."""
    root = shipped_dir()
    return root / "core" if root else None


def _as_list(paths: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None") -> list[Path]:
    if paths is None:
        return []
    if isinstance(paths, (str, os.PathLike)):
        return [Path(paths)]
    return [Path(p) for p in paths]


def _files(paths: list[Path], core: bool) -> tuple[list[Path], list[RuleError]]:
    """Files in load order and errors for directories that hold none."""
    errors = []
    roots: list[Path] = []
    if core and core_dir() is not None:
        roots.append(core_dir())  # type: ignore[arg-type]
    for p in paths:
        if p.is_dir() and not rule_files([p]):
            errors.append(RuleError(str(p), 1, 1, "no rule files in this directory", "rule files end in .yaml or .yml"))
        roots.append(p)
    return rule_files(roots), errors


def rule_files_for(paths: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None" = None, *, core: bool = True) -> list[Path]:
    """The rule files ``load_rules(paths, core=core)`` reads, in load order."""
    return _files(_as_list(paths), core)[0]


def validate(paths: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None" = None, *, core: bool = True) -> list[RuleError]:
    """Every error in the rule files at ``paths`` (core rules loaded first as context), in file order."""
    files, errors = _files(_as_list(paths), core)
    from .loader import build

    _, found = build(files)
    return errors + found


def load_rules(paths: "str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None" = None, *, core: bool = True) -> RuleSet:
    """The RuleSet of the core rules plus ``paths`` (files or folders); raises RuleError on the first error."""
    files, errors = _files(_as_list(paths), core)
    if errors:
        raise errors[0]
    key = _cache_key(files)
    if key is not None:
        hit = _MEMO.get(key) or _read_cache(key)
        if hit is not None:
            _MEMO[key] = hit
            return hit
    from .loader import build

    ruleset, found = build(files)
    if found:
        raise found[0]
    if key is not None:
        _MEMO[key] = ruleset
        _write_cache(key, ruleset)
    return ruleset


# ---------------------------------------------------------------- cache


def _cache_key(files: list[Path]) -> str | None:
    """A digest of each rule file's path, size and mtime plus ``_static_key``; None if a file is unreadable."""
    parts = [_static_key()]
    try:
        for f in files:
            st = os.stat(f)
            parts.append(f"{f}\0{os.path.abspath(f)}\0{st.st_size}\0{st.st_mtime_ns}")  # as given: findings cite it
    except OSError:
        return None
    return hashlib.sha1("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


@lru_cache(maxsize=1)
def _static_key() -> str:
    """What else a cached RuleSet depends on: version, data tables and this package's code (fixed per process)."""
    from .. import __version__
    from .units import CURRENCIES_TSV, QUALIFIERS_TSV, UNITS_TSV

    parts = [f"v{CACHE_VERSION}", __version__]
    code = Path(__file__).resolve().parent
    for f in [UNITS_TSV, CURRENCIES_TSV, QUALIFIERS_TSV, *(code / n for n in _CODE_FILES)]:
        try:
            st = os.stat(f)
            parts.append(f"{f}\0{st.st_size}\0{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{f}\0missing")
    return "\n".join(parts)


def _cache_dir() -> Path | None:
    if os.environ.get("NUMCHECK_NO_CACHE"):
        return None
    base = os.environ.get("NUMCHECK_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "numcheck"
    )
    return Path(base)


def _read_cache(key: str) -> RuleSet | None:
    d = _cache_dir()
    if d is None:
        return None
    try:
        with open(d / f"rules-{key}.pickle", "rb") as fh:
            obj = pickle.load(fh)
    except Exception:  # missing, stale or unreadable: rebuild silently
        return None
    return obj if isinstance(obj, RuleSet) else None


def _write_cache(key: str, ruleset: RuleSet) -> None:
    d = _cache_dir()
    if d is None:
        return
    try:
        d.mkdir(parents=True, exist_ok=True)
        tmp = d / f".rules-{key}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(ruleset, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, d / f"rules-{key}.pickle")
    except Exception:  # a read-only home or full disk must not stop a check
        try:
            tmp.unlink()
        except Exception:
            pass
