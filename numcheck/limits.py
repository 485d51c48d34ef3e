"""Input size limit: refuse inputs too large to check quickly, with a clear message, before any work.

A newsroom lint step sometimes gets a 50 MB data dump by mistake; reading it
would take minutes and say nothing useful.  ``check_size`` is called at the
entry points (``extract``, ``check``, the CLI readers) and raises
``InputTooLarge`` (a ``ValueError``, so callers that already turn ValueError
into a one-line error need nothing new).

The limit is in bytes of the UTF-8 encoding, the unit people see in ``ls``.
Default 20 MB; the environment variable ``NUMCHECK_MAX_BYTES`` overrides it
(a plain integer, optionally with a k/M/G suffix; ``0`` or ``none`` turns
the limit off); an explicit ``limit`` argument overrides both.
"""
from __future__ import annotations

import os
import re

DEFAULT_MAX_BYTES = 20_000_000
ENV_VAR = "NUMCHECK_MAX_BYTES"

# "20000000", "20M", "512k", "1G", "20 MB"  (decimal multiples, like the default)
_SIZE = re.compile(r"\s*(\d+)\s*([kKmMgG]?)[bB]?\s*")
_MULT = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}


class InputTooLarge(ValueError):
    """The input is over the size limit; the message says the size, the limit and how to raise it."""

    def __init__(self, size: int, limit: int, what: str = "input") -> None:
        self.size, self.limit, self.what = size, limit, what
        super().__init__(
            f"{what} is {_human(size)}, over the {_human(limit)} limit; "
            f"split it, or raise the limit with {ENV_VAR}=<bytes>"
        )


def parse_size(value: str) -> int | None:
    """ "20M" -> 20000000, "0"/"none"/"off" -> None (no limit); ValueError on anything else."""
    v = value.strip().lower()
    if v in ("", "none", "off", "unlimited"):
        return None
    m = _SIZE.fullmatch(value)
    if not m:
        raise ValueError(f"{ENV_VAR}={value!r} is not a size: expected bytes like 20000000 or 20M")
    n = int(m.group(1)) * _MULT[m.group(2).lower()]
    return n or None


def max_bytes(limit: int | None = None) -> int | None:
    """The limit in force: ``limit`` if given, else ``NUMCHECK_MAX_BYTES``, else 20 MB; None = unlimited."""
    if limit is not None:
        return limit if limit > 0 else None
    env = os.environ.get(ENV_VAR)
    if env is not None:
        return parse_size(env)
    return DEFAULT_MAX_BYTES


def check_size(text: str | bytes, limit: int | None = None, what: str = "input") -> None:
    """Raise ``InputTooLarge`` when ``text`` is over the limit; cheap for inputs far under it.

    ``str`` is measured as UTF-8 bytes; the exact count is only computed when
    the character count alone cannot decide (1 to 4 bytes per character).
    """
    cap = max_bytes(limit)
    if cap is None:
        return
    if isinstance(text, (bytes, bytearray, memoryview)):
        size = len(text)
    else:
        n = len(text)
        if n * 4 <= cap:
            return
        size = _utf8_len(text)
    if size > cap:
        raise InputTooLarge(size, cap, what)


def _utf8_len(text: str) -> int:
    """Bytes of the UTF-8 encoding; lone surrogates (from surrogateescape) count as 3 like any BMP char."""
    return len(text.encode("utf-8", "surrogatepass"))


def _human(n: int) -> str:
    for unit, size in (("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000)):
        if n >= size:
            return f"{n / size:.1f} {unit}".replace(".0 ", " ")
    return f"{n} bytes"
