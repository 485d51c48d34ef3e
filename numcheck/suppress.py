"""Inline control: ``numcheck: ignore/disable/enable`` directives in a file, and NC901 for those that suppress nothing.

Directives are read from the original file (in Markdown and HTML they live in
comments, which the prose text has already blanked), then applied to the
findings of the whole file.  This runs after the checks, not as a check: only
once every finding is known can a directive be seen to suppress nothing.

Comment forms (any file unless noted)::

    <!-- numcheck: ignore NC101, NC203 -->     HTML comment
    [//]: # (numcheck: ignore NC101)           Markdown link-label comment (Markdown files)
    # numcheck: disable NC2                    line comments #, // or % (plain-text files)

Directives::

    ignore [CODES]            alone on its line: the next paragraph (up to a blank line; in HTML
                              also up to the line closing its block element, </p>, </li>...; in
                              a plain-text file with no blank lines, where each line is a
                              paragraph, the next line); after text on its line: that line only
    ignore-next-line [CODES]  the next non-blank line only
    disable [CODES]           from here to the matching enable (or the end of the file)
    enable [CODES]            ends a disable; without codes ends them all

CODES are codes or prefixes (``NC203``, ``NC2``, ``ALL``) separated by spaces
or commas; none means every code.  A reason may follow ``--`` or ``;``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Sequence

from .checks.base import Check
from .checks.meta import UNKNOWN, UNUSED
from .config import Config
from .codes import UnknownCodeError, resolve, suggest
from .model import Finding

ACTIONS = ("ignore", "ignore-next-line", "disable", "enable")
_SELF = (UNUSED.code, UNKNOWN.code)  # findings about directives, hidden only when named


# the directive inside a comment:  numcheck: ignore NC101, NC2 -- quoted from the source
# (bodies are stripped afterwards: no whitespace runs around them in the patterns, so no quadratic backtracking)
_FORMS = {
    # <!-- numcheck: ignore NC101 -->
    "html": re.compile(r"<!--\s*numcheck\s*:(?P<body>[^\n]*?)-->", re.I),
    # [//]: # (numcheck: ignore NC101)
    "markdown": re.compile(r"^[ \t]*\[//\]:[ \t]*#[ \t]*\([ \t]*numcheck[ \t]*:(?P<body>[^\n]*?)\)[ \t]*$", re.I | re.M),
    # # numcheck: ignore NC101     // numcheck: disable     % numcheck: enable
    "text": re.compile(r"(?:^|(?<=[ \t]))(?:#|//|%)[ \t]*numcheck[ \t]*:(?P<body>[^\n]*)", re.I | re.M),
}
# in HTML a paragraph also ends with the line that closes its block element:  </p>  </li>  </h2>
_BLOCK_END = re.compile(r"</(?:p|li|h[1-6]|blockquote|div|td|th|dd|dt|figcaption|caption|pre|section|article|aside|header|footer|tr|table|ul|ol)\s*>", re.I)


@dataclass(frozen=True)
class Directive:
    """One parsed directive: what it does, to which codes, where it stands and which lines it covers."""

    action: str
    codes: tuple[str, ...]
    start: int
    end: int
    line: int
    col: int
    first: int = 0
    last: int = 0
    bad: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suppressions:
    """The directives of one file, with the means to blank them and to apply them to findings."""

    directives: tuple[Directive, ...]
    problems: tuple[Directive, ...] = ()
    _line_starts: tuple[int, ...] = field(default=(0,), repr=False)

    def blank(self, text: str) -> str:
        """The text with every directive comment replaced by spaces, so its codes are not read as numbers."""
        if not self.directives and not self.problems:
            return text
        buf = list(text)
        for d in (*self.directives, *self.problems):
            for i in range(d.start, min(d.end, len(buf))):
                if buf[i] not in "\r\n":
                    buf[i] = " "
        return "".join(buf)

    def apply(self, findings: Iterable[Finding], config: Config | None = None) -> list[Finding]:
        """Drop the suppressed findings and add NC901 findings for directives that suppressed nothing."""
        cfg = config or Config()
        used: set[tuple[int, str]] = set()
        kept = []
        for f in findings:
            hit = self._suppressing(f)
            if hit:
                used.update(hit)
            else:
                kept.append(f)
        extra: list[Finding] = []
        if cfg.enabled(UNUSED.code):
            extra += [self._finding(d, msg, cfg) for d, msg in self._unused(used, cfg)]
        if cfg.enabled(UNKNOWN.code):
            extra += [self._finding(d, msg, cfg, UNKNOWN) for d, msg in self._unknown()]
        # an NC901/NC902 is itself suppressible (by a directive naming it), never counted as a use
        if any(c in _SELF for d in self.directives for c in d.codes):
            extra = [f for f in extra if not self._suppressing(f)]
        kept.extend(extra)
        kept.sort(key=lambda f: (f.start, f.code, f.end))
        return kept

    def _suppressing(self, f: Finding) -> list[tuple[int, str]]:
        hits = []
        for i, d in enumerate(self.directives):
            if d.action == "enable" or not d.first <= f.line <= d.last or (d.bad and not d.codes):
                continue  # a directive naming only unknown codes suppresses nothing
            if f.code in _SELF and f.code not in d.codes:
                continue  # only a directive naming NC901 (NC902) hides an NC901 (NC902)
            for c in d.codes or ("ALL",):
                if c == "ALL" or f.code.startswith(c):
                    hits.append((i, c))
                    break
        return hits

    def _unused(self, used: set[tuple[int, str]], cfg: Config) -> Iterator[tuple[Directive, str]]:
        for d in self.problems:
            if d.action == "enable":
                named = " ".join(("enable",) + d.codes)
                yield d, f"'{named}' has no matching 'disable' above it"
            else:
                yield d, f"malformed numcheck directive: {', '.join(d.bad) or 'no action'}"
        for i, d in enumerate(self.directives):
            if d.action == "enable":
                continue
            if not d.codes and d.bad:
                continue  # every code it names is unknown: NC902 says so
            if not d.codes:
                if (i, "ALL") not in used:
                    yield d, f"unused suppression: '{d.action}' suppresses nothing"
                continue
            unused = [c for c in d.codes if (i, c) not in used and c != UNUSED.code]
            if not unused:
                continue
            off = [c for c in unused if c != "ALL" and not _any_enabled(c, cfg)]
            idle = [c for c in unused if c not in off]
            parts = []
            if idle:
                parts.append(f"{', '.join(idle)} suppress{'es' if len(idle) == 1 else ''} nothing")
            if off:
                parts.append(f"{', '.join(off)} {'is' if len(off) == 1 else 'are'} not enabled")
            yield d, f"unused suppression in '{d.action}': {'; '.join(parts)}"

    def _unknown(self) -> Iterator[tuple[Directive, str]]:
        for d in self.directives:
            for b in d.bad:
                yield d, f"'{d.action}' names {b!r}, which is not a numcheck code or check name{suggest(b)}"

    def _finding(self, d: Directive, message: str, cfg: Config, check: Check = UNUSED) -> Finding:
        f = Finding(
            code=check.code, name=check.name, severity=check.severity, message=message,
            start=d.start, end=d.end, line=d.line, col=d.col,
            evidence={"directive": d.action, "codes": list(d.codes)},
        )
        sev = cfg.severity_of(f)
        return f if sev == f.severity else Finding(**{**f.__dict__, "severity": sev})


def _any_enabled(prefix: str, cfg: Config) -> bool:
    """Whether some code under a code or prefix runs: a select at least as close beats every covering ignore."""
    def size(p: str) -> int:
        return 0 if p == "ALL" else len(p)

    ign = max((size(i) for i in cfg.ignore if i == "ALL" or prefix.startswith(i)), default=-1)
    sel = max((size(s) for s in cfg.select if s == "ALL" or prefix.startswith(s) or s.startswith(prefix)), default=-1)
    return sel >= 0 and sel > ign


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return tuple(starts)


def _parse_body(body: str) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    """'ignore NC101, NC2 -- reason' -> ('ignore', ('NC101', 'NC2'), bad tokens)."""
    body = re.split(r"\s--\s|\s--$|;", " " + body + " ", maxsplit=1)[0]
    tokens = [t for t in re.split(r"[\s,]+", body) if t]
    if not tokens or tokens[0].lower() not in ACTIONS:
        return None, (), tuple(tokens[:1])
    codes, bad = [], []
    for t in tokens[1:]:
        try:
            codes.append(resolve(t))
        except UnknownCodeError:
            bad.append(t)
    return tokens[0].lower(), tuple(codes), tuple(bad)


def parse(text: str, fmt: str = "text") -> Suppressions:
    """Every directive in a file's original text, with the lines each one covers."""
    if "numcheck" not in text and "NUMCHECK" not in text.upper():
        return Suppressions(())
    starts = _line_starts(text)
    forms = [_FORMS["html"]]
    if fmt == "markdown":
        forms.append(_FORMS["markdown"])
    if fmt == "text":
        forms.append(_FORMS["text"])
    candidates: list[tuple[int, int, str]] = []
    for form in forms:
        for m in form.finditer(text):
            end = m.end()
            if form is _FORMS["text"]:
                end = m.start() + len(m.group().rstrip())
            candidates.append((m.start(), end, m.group("body").strip()))
    if candidates and fmt in ("markdown", "html"):
        from .read import without_code

        visible = without_code(text, fmt)
        candidates = [c for c in candidates if visible[c[0]] == text[c[0]]]  # not an example inside code
    candidates.sort()
    found: list[tuple[int, int, str]] = []
    for c in candidates:  # where forms overlap (a # inside an HTML comment) the one that starts first wins
        if not found or c[0] >= found[-1][1]:
            found.append(c)
    lines = text.split("\n")
    buf = list(text)
    for s, e, _ in found:
        buf[s:e] = [c if c == "\n" else " " for c in text[s:e]]
    stripped = "".join(buf).split("\n")
    lone = set()  # lines that hold nothing but directives
    for s, e, _ in found:
        for n in range(bisect_right(starts, s), bisect_right(starts, max(s, e - 1)) + 1):
            if not stripped[n - 1].strip():
                lone.add(n)
    nlines = len(lines)
    blank_line = [False] + [not ln.strip() for ln in lines]  # 1-based
    # for each line: the first line at or after it with content that is not only directives,
    # and the last line of the paragraph it starts (before the next blank line)
    # a plain-text file with no blank line between its lines has one paragraph per line (unwrapped copy)
    filled = [n for n in range(1, nlines + 1) if not blank_line[n]]
    one_line_paragraphs = fmt == "text" and bool(filled) and not any(blank_line[filled[0]:filled[-1] + 1])
    content_from = [0] * (nlines + 2)
    para_end = [0] * (nlines + 2)
    content_from[nlines + 1] = 0
    for n in range(nlines, 0, -1):
        content_from[n] = content_from[n + 1] if blank_line[n] or n in lone else n
        ends_here = one_line_paragraphs or (fmt == "html" and _BLOCK_END.search(lines[n - 1]) is not None)
        para_end[n] = n if n == nlines or blank_line[n + 1] or ends_here else para_end[n + 1]

    def next_content(after: int) -> int | None:
        return content_from[after + 1] or None if after + 1 <= nlines else None

    directives: list[Directive] = []
    problems: list[Directive] = []
    open_disables: list[tuple[int, Directive]] = []
    for s, e, body in found:
        line = bisect_right(starts, s)
        last_line = bisect_right(starts, max(s, e - 1))
        col = s - starts[line - 1] + 1
        action, codes, bad = _parse_body(body)
        d = Directive(action or "", codes, s, e, line, col, bad=bad)
        if action is None:
            problems.append(d)
            continue
        if action == "ignore" and line not in lone:
            d = _with(d, line, last_line)
        elif action in ("ignore", "ignore-next-line"):
            first = next_content(last_line)
            if first is None:
                d = _with(d, 0, -1)
            elif action == "ignore-next-line":
                d = _with(d, first, first)
            else:
                d = _with(d, first, para_end[first])
        elif action == "disable":
            d = _with(d, line, nlines)
            open_disables.append((len(directives), d))
        else:  # enable
            closed = False
            for k in range(len(open_disables) - 1, -1, -1):
                idx, dis = open_disables[k]
                if not codes or set(codes) & set(dis.codes or ("ALL",)):
                    directives[idx] = _with(dis, dis.first, line)
                    del open_disables[k]
                    closed = True
                    if codes:
                        break
            if not closed:
                problems.append(d)
                continue
        directives.append(d)
    return Suppressions(tuple(directives), tuple(problems), starts)


def _with(d: Directive, first: int, last: int) -> Directive:
    return Directive(d.action, d.codes, d.start, d.end, d.line, d.col, first, last, d.bad)


def apply(text: str, findings: Sequence[Finding], config: Config | None = None, fmt: str = "text") -> list[Finding]:
    """Library entry point: apply the directives in ``text`` (the original file) to ``findings``."""
    return parse(text, fmt).apply(findings, config)
