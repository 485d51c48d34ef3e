"""Conversions (NC101-NC103): a figure given again in another unit or currency, in brackets or after "or".

A conversion is two claims of the same dimension in different units, the second
right after the first in brackets ("1,000km (620 miles)", "$32bn (£16.7bn;
24.1bn euros)") or after "or" ("100 kilometres or 60 miles").  Both sides are
taken as rounded to their significant figures (numcheck.tolerance.rounded),
so only a conversion that no rounding explains fires.  The pairs are found
once per text (``_common.conversions``) and shared by the three checks.
"""
from __future__ import annotations

from ._common import conversions, currency

__all__ = ["conversions", "currency"]
