"""The check registry: one module per check (``checks/<family>/ncNNN.py``, holding ``CHECK``), gathered in code order.

Adding a check is adding its module: the registry finds every ``ncNNN``
module in the family folders listed here, and a test holds each module to
its code.  Families are imported lazily, so start-up pays only for what runs.
"""
from __future__ import annotations

import importlib
import pkgutil
import re
from functools import lru_cache

from .base import Check, Context

FAMILIES: tuple[str, ...] = ("conversions", "percentages", "changes", "totals", "repeats", "time", "rules", "history",
                             "style", "meta")
_MODULE = re.compile(r"nc\d{3}")


@lru_cache(maxsize=None)
def family(name: str) -> tuple[Check, ...]:
    """The checks of one family folder, sorted by code."""
    if name not in FAMILIES:
        raise KeyError(f"no check family {name!r}: expected one of {', '.join(FAMILIES)}")
    package = importlib.import_module(f"{__name__}.{name}")
    checks = [importlib.import_module(f"{package.__name__}.{m.name}").CHECK
              for m in pkgutil.iter_modules(package.__path__) if _MODULE.fullmatch(m.name)]
    return tuple(sorted(checks, key=lambda c: c.code))


@lru_cache(maxsize=1)
def registry() -> tuple[Check, ...]:
    """All registered checks, sorted by code."""
    return tuple(sorted((c for name in FAMILIES for c in family(name)), key=lambda c: c.code))


def by_code(code: str) -> Check | None:
    for c in registry():
        if c.code == code.upper():
            return c
    return None


__all__ = ["Check", "Context", "registry", "family", "by_code", "FAMILIES"]
