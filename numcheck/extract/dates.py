"""Dates: text -> date claims with TIMEX3 values and inclusive day intervals.

First version: bare years ("in 2022").  The dates issue extends this module.
"""
from __future__ import annotations

import re
from datetime import date

from ..model import Claim

# a year standing alone: "in 2022", "since 1945" (not 2,022 or 2022.5 or 20221)
_YEAR = re.compile(r"(?<![\d.,\-/])(1[5-9]\d\d|20\d\d)(?![\d]|[.,]\d|-\d|\s*(?:%|per\s*cent))")


def find_dates(text: str, published: tuple[date, date] | None, dayfirst: bool = True) -> list[Claim]:
    """Date claims in ``text``; ``published`` is the (first, last) day the publication date allows."""
    out = []
    for m in _YEAR.finditer(text):
        y = m.group(1)
        out.append(Claim(text=y, start=m.start(), end=m.end(), kind="date", timex=y,
                         date_start=f"{y}-01-01", date_end=f"{y}-12-31"))
    return out
