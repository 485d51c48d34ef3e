"""A check's documentation: its docstring read as fixed sections, and the examples in it that a test runs.

Every check's docstring has the same shape (ruff's rule docs, sqlfluff's rule
files), and ``numcheck explain``, the README's code table and SARIF's rule
help are made from it::

    <summary: one sentence, the README table's "what it flags">

    What it flags:
    <paragraphs>

    Why it matters:
    <paragraphs>

    Anti-pattern:
        <example>

    Best practice:
        <example>

    Options:
    <paragraphs: what the check reads beyond the text (publication date, rule
    file sections, a history store) and the tolerances it works to>

An example is one indented paragraph; each of its lines is one line of the
text checked (a line break ends a sentence, so prose examples are one line).
A paragraph may open with settings in brackets, ``(published 2025-02-01)``,
``(rules style/ap.yaml)`` (a rule file under numcheck's shipped rules/),
``(format markdown)``, several joined by ``;``; a line
``(earlier report, published 2025-01-28) <text>`` is a report stored in the
history before the text is checked; ``(illustration)`` marks an example that
is not run (NC900: no text makes a check crash).  Several examples are
separated by a blank line.  The anti-patterns must raise the check's code and
the best practices must not (tests/test_checks_docs.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

SECTIONS = ("What it flags", "Why it matters", "Anti-pattern", "Best practice", "Options")
EXAMPLE_SECTIONS = ("Anti-pattern", "Best practice")
_HEADING = re.compile(r"^(" + "|".join(map(re.escape, SECTIONS)) + r"):\s*$", re.M)
_SETTINGS = re.compile(r"^\(([^()]*)\)\s*")
_EARLIER = re.compile(r"^\(earlier report, published (\d{4}(?:-\d\d){0,2})\)\s*(.+)$")
_KEYS = ("published", "rules", "format", "illustration")


class DocError(ValueError):
    """A check docstring that does not follow the fixed sections."""


@dataclass(frozen=True)
class Example:
    """One runnable example: the text and how it is checked."""

    text: str
    published: str | None = None
    rules: tuple[str, ...] = ()
    format: str | None = None
    earlier: tuple[tuple[str, str], ...] = ()   # (published, text) of each earlier report
    illustration: bool = False                  # shown, not run


@dataclass(frozen=True)
class Doc:
    """A docstring split into its summary and its sections, in order."""

    summary: str
    sections: dict[str, str] = field(default_factory=dict)

    def examples(self, section: str) -> list[Example]:
        """The examples of the Anti-pattern or Best practice section."""
        if section not in EXAMPLE_SECTIONS:
            raise KeyError(section)
        return [parse_example(p) for p in re.split(r"\n\s*\n", self.sections[section]) if p.strip()]


def parse(doc: str) -> Doc:
    """The summary and the five sections of a dedented docstring; DocError names what is missing or out of order."""
    heads = list(_HEADING.finditer(doc))
    found = [m.group(1) for m in heads]
    if found != list(SECTIONS):
        raise DocError(f"sections {found}, expected {list(SECTIONS)}")
    summary = " ".join(doc[:heads[0].start()].strip().split("\n\n", 1)[0].split())
    if not summary:
        raise DocError("no summary before the sections")
    sections = {}
    for m, nxt in zip(heads, [*heads[1:], None]):
        body = doc[m.end():nxt.start() if nxt else len(doc)].strip("\n")
        if not body.strip():
            raise DocError(f"section {m.group(1)!r} is empty")
        sections[m.group(1)] = _dedent(body)
    return Doc(summary, sections)


def parse_example(paragraph: str) -> Example:
    """One example paragraph: earlier reports, settings, then the text (its lines kept as lines)."""
    earlier: list[tuple[str, str]] = []
    lines = []
    for line in paragraph.strip().splitlines():
        m = _EARLIER.match(line.strip())
        if m:
            earlier.append((m.group(1), m.group(2)))
        else:
            lines.append(line.strip())
    text = "\n".join(lines)
    settings: dict[str, str] = {}
    m = _SETTINGS.match(text)
    if m and _is_settings(m.group(1)):
        for item in m.group(1).split(";"):
            key, _, value = item.strip().partition(" ")
            settings[key] = value.strip()
        text = text[m.end():]
    if not text:
        raise DocError(f"example without text: {paragraph!r}")
    rules = tuple(r.strip() for r in settings.get("rules", "").split(",") if r.strip())
    return Example(text, settings.get("published") or None, rules, settings.get("format") or None, tuple(earlier),
                   "illustration" in settings)


def _is_settings(inner: str) -> bool:
    return all(item.strip().split(" ", 1)[0] in _KEYS for item in inner.split(";"))


def _dedent(body: str) -> str:
    """A section body with the indent of its least indented line removed."""
    lines = body.splitlines()
    indent = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return "\n".join(line[indent:] for line in lines)
