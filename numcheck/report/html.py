"""The HTML report: one self-contained page with each document's text, its claims highlighted, findings beside them.

The page is built from a view model (plain frozen dataclasses made here) by
Jinja2 templates shipped in ``report/templates/`` with autoescaping on, so
article text, file names, rule strings and messages are always text, never
markup.  Styles and the script are inlined; the page needs no network and reads
in full with JavaScript off (the filters and the search box then stay hidden).
With a history store, each NC4xx finding carries its subject's figure over time
as an SVG image (``numcheck[plot]``), embedded as a data: URL so nothing in it
can run.
"""
from __future__ import annotations

import base64
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Sequence

from ..model import Claim, Finding
from . import FileResult, help_uri

KINDS = ("count", "measure", "money", "percent", "fraction", "date", "duration", "age", "set")
SEVERITIES = ("error", "warning", "info")
EVIDENCE_SKIP = ("traceback",)


@dataclass(frozen=True)
class Piece:
    """A run of one line's text with the same marks: the claim it belongs to and the findings over it."""

    text: str
    kind: str = ""
    claim: str = ""           # what was read, for the title attribute
    severity: str = ""        # the worst finding over it
    findings: str = ""        # ids of the findings over it, space-separated


@dataclass(frozen=True)
class FindingView:
    id: str
    finding: Finding
    related: tuple[tuple[str, str], ...]     # (text, note)
    evidence: tuple[tuple[str, str], ...]
    href: str | None
    plot: str | None = None                 # a data: URL of the subject's figure over time
    plot_note: str | None = None


@dataclass(frozen=True)
class Line:
    number: int
    pieces: tuple[Piece, ...]
    findings: tuple[FindingView, ...]


@dataclass(frozen=True)
class DocView:
    id: str
    path: str
    lines: tuple[Line, ...]
    counts: dict[str, int]
    n_claims: int
    kinds: dict[str, int]
    codes: tuple[str, ...]
    search: str = field(repr=False, default="")


def render(results: Sequence[FileResult], docs_url: str | None = None, history: Any = None,
           title: str = "numcheck report", **_: Any) -> str:
    """The page for a run's results; ``history`` (a store or its path) adds NC4xx figures over time."""
    from .. import __version__

    plots = _Plots(history)
    docs = [_document(i, r, docs_url, plots) for i, r in enumerate(results, 1)]
    codes = Counter(f.code for r in results for f in r.findings)
    names = {f.code: (f.name, f.severity) for r in results for f in r.findings}
    severities = Counter(f.severity for r in results for f in r.findings)
    return _template().render(
        title=title, version=__version__, docs=docs, kinds=KINDS, severities=SEVERITIES,
        codes=[(c, names[c][0], names[c][1], n) for c, n in sorted(codes.items())],
        totals={s: severities.get(s, 0) for s in SEVERITIES}, n_findings=sum(codes.values()),
        n_claims=sum(d.n_claims for d in docs)
    )


@lru_cache(maxsize=1)
def _template() -> Any:
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("numcheck.report", "templates"),
                             autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    return env.get_template("report.html.j2")


# ---------------------------------------------------------------- one document

def _document(n: int, r: FileResult, docs_url: str | None, plots: "_Plots") -> DocView:
    findings = sorted(r.findings, key=lambda f: (f.start, f.code))
    views = [_finding(f"f{n}-{k}", f, r, docs_url, plots) for k, f in enumerate(findings, 1)]
    claims = _disjoint(r.claims)
    lines = tuple(_lines(r.source, claims, views))
    return DocView(
        id=f"doc-{n}", path=r.path, lines=lines,
        counts={s: sum(1 for f in findings if f.severity == s) for s in SEVERITIES},
        n_claims=len(r.claims), kinds=dict(Counter(c.kind for c in r.claims)),
        codes=tuple(sorted({f.code for f in findings})),
    )


def _disjoint(claims: Sequence[Claim]) -> list[Claim]:
    """Claims in order with none overlapping the one before (a highlight cannot sit inside another)."""
    out: list[Claim] = []
    for c in sorted(claims, key=lambda c: (c.start, -c.end)):
        if c.end > c.start and (not out or c.start >= out[-1].end):
            out.append(c)
    return out


def _lines(source: str, claims: list[Claim], findings: list[FindingView]) -> list[Line]:
    """Each line of the source cut into pieces at every claim and finding edge; findings listed on their first line."""
    bounds = {0, len(source)}
    for c in claims:
        bounds.update((c.start, c.end))
    for v in findings:
        bounds.update((min(v.finding.start, len(source)), min(v.finding.end, len(source))))
    pos = 0
    while (nl := source.find("\n", pos)) != -1:
        bounds.add(nl)
        bounds.add(nl + 1)
        pos = nl + 1
    cuts = sorted(bounds)
    by_line: dict[int, list[FindingView]] = {}
    for v in findings:
        by_line.setdefault(source.count("\n", 0, min(v.finding.start, len(source))) + 1, []).append(v)
    out: list[Line] = []
    pieces: list[Piece] = []
    ci = 0
    for a, b in zip(cuts, cuts[1:]):
        if source[a:b] == "\n":
            out.append(Line(len(out) + 1, tuple(pieces), tuple(by_line.get(len(out) + 1, ()))))
            pieces = []
            continue
        while ci < len(claims) and claims[ci].end <= a:
            ci += 1
        claim = claims[ci] if ci < len(claims) and claims[ci].start <= a < claims[ci].end else None
        over = [v for v in findings if v.finding.start <= a < v.finding.end]
        pieces.append(Piece(source[a:b].rstrip("\r"), claim.kind if claim else "", _read(claim) if claim else "",
                            _worst(v.finding.severity for v in over), " ".join(v.id for v in over)))
    out.append(Line(len(out) + 1, tuple(pieces), tuple(by_line.get(len(out) + 1, ()))))
    return out


def _worst(severities: Any) -> str:
    found = set(severities)
    return next((s for s in SEVERITIES if s in found), "")


def _num(x: float | None) -> str:
    return "∞" if x is None else f"{x:,.10g}"


def _read(c: Claim) -> str:
    """What numcheck read, in one line (the highlight's tooltip)."""
    parts = [c.kind]
    if c.value is not None:
        parts.append(f"{_num(c.value)}{' ' + c.unit if c.unit else ''}")
    if c.low is not None or c.high is not None:
        parts.append(f"[{'-∞' if c.low is None else _num(c.low)}, {_num(c.high)}]")
    if c.qualifier != "=":
        parts.append(c.qualifier)
    if c.subject:
        parts.append(f"subject: {c.subject}")
    if c.timex:
        parts.append(f"TIMEX3 {c.timex}")
    return " · ".join(parts)


def _finding(fid: str, f: Finding, r: FileResult, docs_url: str | None, plots: "_Plots") -> FindingView:
    related = tuple((rel.text, rel.note) for rel in f.related)
    evidence = tuple((k, _value(v)) for k, v in f.evidence.items() if k not in EVIDENCE_SKIP and v not in (None, ""))
    href = help_uri(docs_url, f.code)
    if href is not None and not href.lower().startswith(("https://", "http://")):
        href = None  # a docs-url of another scheme (javascript:, data:) never becomes a link
    plot, note = plots.for_finding(f, r) if f.code.startswith("NC4") else (None, None)
    return FindingView(fid, f, related, evidence, href, plot, note)


def _value(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:.6g}"
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


# ---------------------------------------------------------------- figures over time

class _Plots:
    """The subject's figure over time beside each NC4xx finding, drawn once per subject."""

    def __init__(self, history: Any) -> None:
        self.history = history
        self.store: Any = None
        self.done: dict[str, tuple[str | None, str | None]] = {}

    def for_finding(self, f: Finding, r: FileResult) -> tuple[str | None, str | None]:
        if self.history is None:
            return None, None
        claim = next((c for c in r.claims if c.start == f.start and c.end == f.end), None)
        subject = claim.subject if claim is not None else ""
        if not subject:
            return None, None
        if subject not in self.done:
            self.done[subject] = self._draw(subject)
        return self.done[subject]

    def _draw(self, subject: str) -> tuple[str | None, str | None]:
        from ..history.plot import PlotUnavailable, draw, svg

        try:
            if self.store is None:
                from ..engine import open_history

                self.store = open_history(self.history, None)
            tl = self.store.timeline(subject)
            if not tl.points:
                return None, None
            data = svg(draw(tl)).encode("utf-8")
        except PlotUnavailable as exc:
            return None, str(exc)
        return "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii"), \
            f"{tl.subject}: {len(tl.points)} stored claim(s) over time, {len(tl.marks)} contradiction(s) among them"
