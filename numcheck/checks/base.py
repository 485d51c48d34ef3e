"""What a check is: a code, a name, a default severity, a docstring with examples, and a run method.

A check reads a ``Context`` (the text, its sentences, its claims, the
publication date, the rules and the history) and yields findings.
``Context.finding`` fills in line and column, so checks only think in
character offsets, and tidies evidence floats (``numfmt.tidy``) so no check
leaks float noise into JSON.

A finding's ``suggestion`` replaces exactly ``text[start:end]``: checks that
flag a claim suggest the whole claim rewritten in its own style ("about 900
miles" -> "about 621 miles"), checks that flag a word suggest the word.  Each
check says once, in ``fix``, what applying its suggestions risks (ruff's fix
safety): ``numcheck check --fix`` applies the safe ones, ``--unsafe-fixes``
the rest too (``numcheck.fix``).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Protocol

from ..model import Claim, Finding, Related, Unchecked
from ..numfmt import tidy
from ..text import SentenceIndex

if TYPE_CHECKING:  # pragma: no cover - the rules package is imported only where rules are used
    from ..rules import RuleSet

# fix safety, as ruff has it: what applying a check's suggestion may change
FIX_NOTES = {
    "safe": "Fix: safe. The suggestion changes wording only; `numcheck check --fix` applies it.",
    "unsafe": "Fix: unsafe. The suggestion changes a figure, which an editor should confirm; "
              "`numcheck check --fix --unsafe-fixes` applies it.",
    None: "Fix: none. This check suggests no replacement text.",
}


class HistoryStore(Protocol):
    """What the NC4xx checks ask of earlier reports (``numcheck.history.History`` is one)."""

    def lookup(self, keys: Iterable[str], canon_unit: str, t_low: str, t_high: str,
               exclude_digest: str | None = None, limit: int = 2000, *, ends_after: str | None = None,
               kind: str | None = None, change: "str | None | bool" = False,
               cumulative: bool | None = None, span: tuple[int, int] | None = None,
               converted: bool = False) -> list[dict[str, Any]]:
        """Stored claims under one of ``keys`` (subjects, or with ``converted`` what sums of money convert) in
        ``canon_unit`` whose time starts in [t_low, t_high]."""
        ...

    def idf(self, words: Iterable[str]) -> dict[str, float]:
        """How telling each entity word is across the stored reports."""
        ...


@dataclass(frozen=True)
class Context:
    """Everything a check may look at for one text.  Built once per ``check()`` call."""

    text: str
    claims: tuple[Claim, ...]
    published: date | None = None
    published_end: date | None = None
    rules: "RuleSet | None" = None
    history: HistoryStore | None = None
    options: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    # what the checks found but could not check, with why (Context.unchecked_by); the engine reports them
    skipped: list[Unchecked] = field(default_factory=list, compare=False, hash=False, repr=False)
    # where a sentence that points back at the one before was joined to it as a clause (_asides.joined_back): the
    # text reads as one sentence there, but the writer told two
    joined: tuple[int, ...] = ()
    _line_starts: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self._line_starts:
            starts = [0]
            find = self.text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
            object.__setattr__(self, "_line_starts", tuple(starts))

    @cached_property
    def sentences(self) -> SentenceIndex:
        """The text's sentences, split once on first use and shared by every check."""
        return SentenceIndex(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def finding(
        self,
        check: "Check",
        start: int,
        end: int,
        message: str,
        related: Iterable[Related] = (),
        evidence: dict[str, Any] | None = None,
        suggestion: str | None = None,
        severity: str | None = None,
    ) -> Finding:
        line, col = self.line_col(start)
        return Finding(
            code=check.code,
            name=check.name,
            severity=severity or check.severity,
            message=message,
            start=start,
            end=end,
            line=line,
            col=col,
            related=tuple(related),
            evidence=tidy(evidence or {}),
            suggestion=suggestion,
        )

    def unchecked_by(self, check: "Check", start: int, end: int, reason: str) -> None:
        """Say that ``check`` found ``text[start:end]`` but could not check it, and why (never a finding)."""
        self.skipped.append(Unchecked(check.code, check.name, reason, start, end, self.text[start:end]))

    def related(self, claim: Claim, note: str = "") -> Related:
        return Related(claim.start, claim.end, claim.text, note)


class ClaimsByStart:
    """Claims sorted by start, for "which of them start between lo and hi" in log time (checks stay linear)."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.claims = sorted(claims, key=lambda c: c.start)
        self.starts = [c.start for c in self.claims]

    def between(self, lo: int, hi: int) -> list[Claim]:
        """Claims starting in [lo, hi), in text order."""
        return self.claims[bisect_left(self.starts, lo):bisect_left(self.starts, hi)]

    def before(self, pos: int, reach: int) -> list[Claim]:
        """Claims starting in [pos - reach, pos), nearest last."""
        return self.between(pos - reach, pos)


class Check:
    """Base class: subclasses set ``code``, ``name``, ``severity`` and a docstring, and implement ``run``.

    The docstring is what ``numcheck explain CODE`` prints: say what is wrong,
    then an ``Anti-pattern:`` and a ``Best practice:`` example; ``fix_note``
    adds what ``fix`` says.  ``fix`` is "safe" when every suggestion the check
    makes changes wording only (weekday names, percent against points, house
    style), "unsafe" when a suggestion changes a figure, None when it makes none.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    fix: ClassVar[str | None] = None

    @classmethod
    def fix_note(cls) -> str:
        """The documentation line for this check's fix safety."""
        return FIX_NOTES[cls.fix]

    def run(self, ctx: Context) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError
