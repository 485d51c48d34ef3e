"""Check codes as users write them: ``NC203``, a prefix ``NC2``, ``ALL``, or a check's name ``elapsed-time-mismatch``.

Every place that takes codes from a person (``--select``, ``--ignore``,
configuration files, ``explain``, inline directives) resolves them here, so a
mistyped code is an error with a "did you mean" everywhere, never a silent
no-op.  A prefix is known when some registered code starts with it.
"""
from __future__ import annotations

import difflib
import re
from typing import Iterable

_CODE = re.compile(r"^NC\d{0,3}$")
_LOOKALIKES = str.maketrans("OILSZ", "01152")  # letters typed for the digits they resemble


class UnknownCodeError(ValueError):
    """A code, prefix or name that no registered check has; the message carries the closest ones."""


def names() -> dict[str, str]:
    """Every registered code -> its check name, NC9xx included."""
    from .checks import registry

    return {c.code: c.name for c in registry()}


def is_known(token: str) -> bool:
    """Whether ``token`` (already upper-cased, code syntax) is ALL or a prefix of some registered code."""
    return token == "ALL" or any(code.startswith(token) for code in names())


def resolve(token: str) -> str:
    """A code, prefix, ALL or check name -> the code or prefix it means; ``UnknownCodeError`` otherwise."""
    raw = token.strip()
    upper = raw.upper()
    if upper == "ALL" or (_CODE.match(upper) and is_known(upper)):
        return upper
    by_name = {n: c for c, n in names().items()}
    if raw.lower() in by_name:
        return by_name[raw.lower()]
    raise UnknownCodeError(f"unknown code {raw!r}{suggest(raw)}")


def resolve_all(value: "str | Iterable[str] | None") -> tuple[str, ...]:
    """Comma- or space-separated codes (or a list of them), each resolved; the first unknown one raises."""
    if value is None:
        return ()
    items = value.replace(",", " ").split() if isinstance(value, str) else [str(v) for v in value]
    return tuple(resolve(t) for t in items if t.strip())


def suggest(token: str) -> str:
    """' (did you mean NC203?)' with the closest codes or names, or a pointer to the list."""
    upper = token.strip().upper()
    if upper.startswith("NC"):
        fixed = "NC" + upper[2:].translate(_LOOKALIKES)  # a letter for a digit: NC1O1, NC2l3
        if _CODE.match(fixed) and fixed != upper and is_known(fixed):
            return f" (did you mean {fixed}?)"
        near = _nearest_codes(fixed)
        if near:
            return " (did you mean " + " or ".join(near) + "?)"
    pool = {p.lower(): p for p in (*names(), *names().values())}
    close = difflib.get_close_matches(token.strip().lower(), pool, n=2, cutoff=0.6)
    if close:
        return " (did you mean " + " or ".join(pool[c] for c in close) + "?)"
    return " (run 'numcheck explain' to list the codes)"


def _nearest_codes(token: str) -> list[str]:
    """Codes one digit away from a well-formed unknown code, same family first: NC198 -> NC199, NC108, NC298..."""
    if not re.fullmatch(r"NC\d{3}", token):
        return []
    def distance(code: str) -> tuple[int, int, int]:
        diffs = sum(a != b for a, b in zip(code[2:], token[2:]))
        return diffs, code[2] != token[2], abs(int(code[2:]) - int(token[2:]))
    close = sorted((c for c in names() if distance(c)[0] == 1), key=distance)
    return close[:2]
