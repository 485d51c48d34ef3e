"""What the NC9xx codes share: a check whose findings the engine makes, so its ``run`` finds nothing."""
from __future__ import annotations

from typing import Iterator

from ...model import Finding
from ..base import Check, Context


class Emitted(Check):
    """A check whose findings the engine makes, not ``run``."""

    def run(self, ctx: Context) -> Iterator[Finding]:
        return iter(())

