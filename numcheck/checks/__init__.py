"""The check registry: every check family's ``CHECKS`` tuple, gathered in code order.

Adding a check touches one place: its family module's ``CHECKS`` tuple (and a
new family module is one line here).
"""
from __future__ import annotations

from functools import lru_cache

from .base import Check, Context

FAMILIES: tuple[str, ...] = ("conversions", "percentages", "changes", "totals", "repeats", "granularity", "time", "history", "rules", "style", "meta")


@lru_cache(maxsize=1)
def registry() -> tuple[Check, ...]:
    """All registered checks, sorted by code.  Imported lazily so start-up pays only for what runs."""
    import importlib

    checks: list[Check] = []
    for family in FAMILIES:
        module = importlib.import_module(f"{__name__}.{family}")
        checks.extend(module.CHECKS)
    return tuple(sorted(checks, key=lambda c: c.code))


def by_code(code: str) -> Check | None:
    for c in registry():
        if c.code == code.upper():
            return c
    return None


__all__ = ["Check", "Context", "registry", "by_code", "FAMILIES"]
