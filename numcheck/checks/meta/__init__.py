"""Meta (NC9xx): what numcheck says about itself — a check that crashed, a directive that suppressed nothing, an unknown code.

These checks find nothing in the prose; the engine emits their findings
(``numcheck.engine`` for NC900, ``numcheck.suppress`` for NC901 and NC902).
They are registered like every other check so that ``explain``, the README's
code table, SARIF's rule list and code validation all know them.
"""
from __future__ import annotations

from .nc900 import CHECK as INTERNAL
from .nc901 import CHECK as UNUSED
from .nc902 import CHECK as UNKNOWN

__all__ = ["INTERNAL", "UNUSED", "UNKNOWN"]
