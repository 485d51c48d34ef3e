"""What the style checks share: the house style in force, a claim's written digits, and where sentences start."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...model import Claim
from ..base import Context

if TYPE_CHECKING:  # pragma: no cover
    from ...rules.model import Style


DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")

_SENTENCE_OPENING_MARKS = "\"'“‘(["  # may stand before a sentence's first word

# what may stand between a figure and its conversion: "100 miles (160km)", "100 miles, or 160km,", "160km [100 miles]"
CONVERSION = re.compile(r"\s*(?:[(\[]|,?\s*or|/|–|—)\s*(?:about|around|roughly|some|nearly|almost|c\.|ca\.)?\s*")


def house_style(ctx: Context) -> "Style | None":
    """The house style the rules set, or None when they set none (the NC5xx checks are then silent)."""
    st = ctx.rules.style if ctx.rules is not None else None
    return st if st is not None and st.active else None


def number_surface(claim: Claim) -> re.Match[str] | None:
    return DIGITS.search(claim.text)


def significant_figures(digits: str) -> int:
    """Significant figures of a written number: "12,345" -> 5, "2,000" -> 1, "3.50" -> 3, "0.05" -> 1."""
    s = digits.replace(",", "")
    if "." in s:
        whole, frac = s.split(".", 1)
        all_digits = (whole + frac).lstrip("0")
        return max(len(all_digits), 1)
    s = s.lstrip("0")
    return max(len(s.rstrip("0")), 1)


def at_sentence_start(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (``Context.sentences``), after any opening quotes or brackets."""
    text = ctx.text
    while pos > 0 and text[pos - 1] in _SENTENCE_OPENING_MARKS:
        pos -= 1
    return ctx.sentences.span(pos)[0] == pos
