"""numcheck: find every numeric claim in prose, normalise it, and flag the ones that cannot all be true.

The public API is imported lazily, so ``import numcheck`` costs almost nothing
and pandas, pint and the rate tables load only when something needs them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"
__all__ = [
    "extract", "check", "Claim", "Finding", "History", "load_rules",
    "claims_frame", "findings_frame", "Config",
]

# numcheck.extract is a package whose module object is callable (see extract/__init__.py),
# so numcheck.extract(text) and "import numcheck.extract.dates" both work.
from . import extract  # noqa: E402  (cheap: patterns compile on first use)

_LAZY = {
    "check": ("numcheck.engine", "check"),
    "Claim": ("numcheck.model", "Claim"),
    "Finding": ("numcheck.model", "Finding"),
    "Config": ("numcheck.config", "Config"),
    "History": ("numcheck.history", "History"),
    "load_rules": ("numcheck.rules", "load_rules"),
    "claims_frame": ("numcheck.report.frame", "claims_frame"),
    "findings_frame": ("numcheck.report.frame", "findings_frame"),
}

if TYPE_CHECKING:  # pragma: no cover
    from .engine import check
    from .model import Claim, Finding


def __getattr__(name: str) -> Any:
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'numcheck' has no attribute {name!r}") from None
    import importlib

    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_LAZY))
