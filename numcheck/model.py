"""The data that flows between stages: claims (what a text states) and findings (what is wrong).

Both are frozen dataclasses that validate themselves on construction, so a bad
value is caught where it is made, not three stages later.  ``to_dict`` gives
exactly the keys of the contract in design.md; anything else a dataclass holds
is internal (used by checks) and never leaks into output.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("count", "measure", "money", "percent", "fraction", "date", "duration", "age", "set")
QUALIFIERS = ("=", "~", ">", ">=", "<", "<=")
CHANGES = (None, "up", "down")
SEVERITIES = ("error", "warning", "info")

CLAIM_KEYS = (
    "text", "start", "end", "kind", "value", "low", "high", "range", "qualifier",
    "change", "unit", "canonical", "subject", "timex", "date_start", "date_end",
)
FINDING_KEYS = (
    "code", "name", "severity", "message", "start", "end", "line", "col",
    "related", "evidence", "suggestion",
)


@dataclass(frozen=True)
class Canonical:
    """A value in base units (SI base for measures, the currency itself for money)."""

    value: float
    unit: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "unit": self.unit}


@dataclass(frozen=True)
class Claim:
    """One numeric or temporal statement in a text, with the interval it allows.

    ``step`` is internal: the size of the last stated digit in the stated unit
    ("7.4" -> 0.1, "3.5bn" -> 1e8), which checks use as the claim's precision.
    ``dimension`` is internal too: pint's dimension name for measures
    ("length"), "currency" for money, "" otherwise.
    """

    text: str
    start: int
    end: int
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    range: bool = False
    qualifier: str = "="
    change: str | None = None
    unit: str = ""
    canonical: Canonical | None = None
    subject: str = ""
    timex: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    step: float | None = field(default=None, compare=False, repr=False)
    dimension: str = field(default="", compare=False, repr=False)
    # the amount of time a date is counted by ("two years" of "two years ago"): a quantity to readers, but the
    # date claim around it is what the time and history checks read
    within_date: bool = field(default=False, compare=False, repr=False)

    def __hash__(self) -> int:
        """The span, kind and text only: claims key the checks' caches and sets, and hashing every field (the
        canonical value among them) cost a twentieth of checking; equal claims still hash alike."""
        return hash((self.start, self.end, self.kind, self.text))

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown claim kind {self.kind!r}")
        if self.qualifier not in QUALIFIERS:
            raise ValueError(f"unknown qualifier {self.qualifier!r}")
        if self.change not in CHANGES:
            raise ValueError(f"unknown change {self.change!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}:{self.end} does not fit text {self.text!r}")

    @property
    def currency(self) -> str:
        """A money claim's currency without what it is paid per ("USD / share" -> "USD"); "" for other kinds."""
        return self.unit.split(" / ", 1)[0] if self.kind == "money" else ""

    @property
    def per(self) -> str:
        """What a rate is per ("USD / share" -> "share", "GBP / month" -> "month"); "" for a plain amount."""
        return self.unit.split(" / ", 1)[1] if " / " in self.unit else ""

    @property
    def point(self) -> float | None:
        """The value if stated, else the middle of the interval, else its closed side."""
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "range": self.range,
            "qualifier": self.qualifier,
            "change": self.change,
            "unit": self.unit,
            "canonical": self.canonical.to_dict() if self.canonical else None,
            "subject": self.subject,
            "timex": self.timex,
            "date_start": self.date_start,
            "date_end": self.date_end,
        }


@dataclass(frozen=True)
class Related:
    """The other side of a finding: a span of the same text, or of an earlier report."""

    start: int
    end: int
    text: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "note": self.note}


@dataclass(frozen=True)
class Finding:
    """One problem: a code, where it is, the arithmetic that shows it, and what backs it.

    ``suggestion``, when not None, is the text that replaces exactly
    ``input[start:end]`` to correct the finding ("1,083 feet" for the span
    "1,083,500 feet"); it is given only where the right value is certain, and
    the check's ``fix`` says whether applying it is safe (``numcheck.fix``).
    """

    code: str
    name: str
    severity: str
    message: str
    start: int
    end: int
    line: int = 1
    col: int = 1
    related: tuple[Related, ...] = ()
    evidence: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    suggestion: str | None = None

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"unknown severity {self.severity!r}")
        if not (len(self.code) == 5 and self.code.startswith("NC") and self.code[2:].isdigit()):
            raise ValueError(f"bad finding code {self.code!r}")
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")
        if self.line < 1 or self.col < 1:
            raise ValueError("line and col are 1-based")

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "col": self.col,
            "related": [r.to_dict() for r in self.related],
            "evidence": dict(self.evidence),
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Unchecked:
    """A statement a check found but could not check, and why: counted in a run's statistics, never a finding.

    "920m ringgit (245m dollars)" in a paper of 1997 is a conversion NC102
    cannot check (the ECB's rates start on 1999-01-04); saying so keeps a
    clean run from reading as "all conversions hold".
    """

    code: str
    name: str
    reason: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "reason": self.reason, "start": self.start, "end": self.end,
                "text": self.text}
