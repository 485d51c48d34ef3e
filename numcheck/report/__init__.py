"""Reports: pure functions from the findings of a run to the text of one output format.

Each format module has ``render(results, ...) -> str``; only the CLI prints.
``FileResult`` carries the original text too, so a report can quote lines.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Sequence

from ..model import Claim, Finding, Unchecked

FORMATS = ("text", "json", "jsonl", "sarif", "github", "junit", "html")


@dataclass(frozen=True)
class FileResult:
    """The findings of one input, with its path as given and its original (decoded) text (and its claims, for html),
    and what the checks found there but could not check."""

    path: str
    source: str
    findings: tuple[Finding, ...] = ()
    claims: tuple[Claim, ...] = ()
    unchecked: tuple[Unchecked, ...] = ()


@dataclass(frozen=True)
class RuleInfo:
    """What a report says about a code: its name, default severity and documentation."""

    code: str
    name: str
    severity: str = "warning"
    doc: str = ""
    help_uri: str | None = None

    @property
    def summary(self) -> str:
        """The first sentence/line of the documentation, or the name."""
        first = self.doc.strip().split("\n\n", 1)[0].replace("\n", " ").strip()
        return first or self.name


def end_line_col(source: str, finding: Finding) -> tuple[int, int]:
    """1-based line and column just past the finding's span (exclusive end), from the original text."""
    end = min(finding.end, len(source))
    line = source.count("\n", 0, end) + 1
    start_of_line = source.rfind("\n", 0, end) + 1
    return line, end - start_of_line + 1


def unchecked_counts(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    """What the checks could not check, counted by code and reason, most frequent first: code, name, reason, count."""
    counts: Counter[tuple[str, str, str]] = Counter()
    for r in results:
        counts.update((u.code, u.name, u.reason) for u in r.unchecked)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"code": c, "name": n, "reason": why, "count": k} for (c, n, why), k in rows]


def all_findings(results: Sequence[FileResult]) -> list[tuple[FileResult, Finding]]:
    return [(r, f) for r in results for f in r.findings]


def render(fmt: str, results: Sequence[FileResult], **options) -> str:
    """Dispatch to ``numcheck.report.<fmt>.render``; ``jsonl`` lives in the json module."""
    import importlib

    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"{__name__}.{'json' if fmt == 'jsonl' else fmt}")
    if fmt == "jsonl":
        return module.render_jsonl(results, **options)
    return module.render(results, **options)


def help_uri(base: str | None, code: str) -> str | None:
    """A code's documentation URL: ``{code}`` in ``base`` is filled in, else ``#nc203`` is appended; None without a base."""
    if not base:
        return None
    return base.replace("{code}", code) if "{code}" in base else f"{base}#{code.lower()}"
