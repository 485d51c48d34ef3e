"""Which findings a run keeps: select/ignore by code or prefix, severity overrides, the fail level.

Matching follows ruff: ``NC1`` selects every NC1xx code, ``NC101`` one code,
``ALL`` everything; the longest matching prefix between select and ignore wins.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .model import SEVERITIES, Finding

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def parse_codes(value: str | Iterable[str] | None) -> tuple[str, ...]:
    """Codes, prefixes, ALL or check names as given by a person -> codes; ValueError names an unknown one."""
    from .codes import resolve_all

    return resolve_all(value)


def _match_len(code: str, prefixes: tuple[str, ...]) -> int:
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif code.startswith(p):
            best = max(best, len(p))
    return best


@dataclass(frozen=True)
class Config:
    """Run options shared by the API and the CLI; the CLI builds one from files and flags."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict, hash=False)
    fail_on: str = "warning"
    dayfirst: bool = True
    options: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "select", parse_codes(self.select) or ("ALL",))
        object.__setattr__(self, "ignore", parse_codes(self.ignore))
        for code, sev in self.severity.items():
            if sev not in SEVERITIES:
                raise ValueError(f"severity for {code} must be one of {', '.join(SEVERITIES)}, not {sev!r}")
        object.__setattr__(self, "severity", {parse_codes([k])[0]: v for k, v in self.severity.items()})
        if self.fail_on not in SEVERITIES:
            raise ValueError(f"fail level must be one of {', '.join(SEVERITIES)}, not {self.fail_on!r}")

    @classmethod
    def coerce(cls, config: "Config | Mapping[str, Any] | None") -> "Config":
        if config is None:
            return cls()
        if isinstance(config, Config):
            return config
        known = {"select", "ignore", "severity", "fail_on", "dayfirst"}
        unknown = set(config) - known - {"options"}
        if unknown:
            raise ValueError(f"unknown config keys: {', '.join(sorted(unknown))}")
        return cls(**{k: v for k, v in config.items()})

    def enabled(self, code: str) -> bool:
        s = _match_len(code, self.select)
        i = _match_len(code, self.ignore)
        return s >= 0 and s > i

    def severity_of(self, finding: Finding) -> str:
        best, sev = -1, finding.severity
        for prefix, value in self.severity.items():
            p = prefix.upper()
            if finding.code.startswith(p) and len(p) > best:
                best, sev = len(p), value
        return sev

    def fails(self, finding: Finding) -> bool:
        return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[self.fail_on]
