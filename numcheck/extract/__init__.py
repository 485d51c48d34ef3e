"""``extract()``: text -> claims.  Dates claim their spans first; quantities fill in the rest.

The stages are pure functions of the text and the publication date:
``dates.find_dates`` reads dates, times on a named day and recurrences (and the
years inside them), ``times.find_times`` the other times of day and stopwatch
times, to which ``dates.anchor_times`` gives the day their story names, then
``quantities.find_quantities`` reads numbers with their units, qualifiers and
subjects, skipping any span a date already holds.
"""
from __future__ import annotations

import sys
import types
from datetime import date
from typing import Any

from ..model import Claim
from ..pubdate import find_published, parse_published
from .spans import overlap_test



def extract(
    text: str,
    published: "str | date | None" = None,
    *,
    dayfirst: bool = True,
    rules: Any = None,
) -> list[Claim]:
    """Every numeric and temporal claim in ``text``, in order of position.

    ``published`` (YYYY, YYYY-MM or YYYY-MM-DD) anchors relative dates; when it
    is None the document's own date line, front matter or meta tag is used, and
    failing that relative dates stay unresolved (``XXXX-08``).
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() takes a str, not {type(text).__name__}")
    from ..limits import check_size

    check_size(text)  # a 50 MB dump by mistake is refused at once, not read for minutes
    pub = parse_published(published) if published is not None else find_published(text)
    from . import dates, normal, quantities, times

    vocabulary = getattr(rules, "vocabulary", None) if rules is not None else None
    plain, index = normal.plain(text)  # full-width digits, Arabic separators, invisible marks, mojibake
    date_claims = dates.find_dates(plain, pub, dayfirst=dayfirst)
    in_date = overlap_test((c.start, c.end) for c in date_claims)
    lone_times = [t for t in times.find_times(plain, pub) if not in_date(t.start, t.end)]
    date_claims += dates.anchor_times(plain, lone_times, date_claims, pub)
    offsets = [(c.start, c.end) for c in date_claims if dates.counted_offset(c)]  # "two years ago"
    taken = [(c.start, c.end) for c in date_claims if not dates.counted_offset(c)]
    once = [(c.start, c.end) for c in date_claims if c.kind == "set" and c.value == 1]  # "annually", "each month"
    quantity_claims = quantities.find_quantities(plain, taken=taken, vocabulary=vocabulary, yielding=once)
    if offsets:
        quantity_claims = _amounts_of_offsets(quantity_claims, offsets)
    in_quantity = overlap_test((c.start, c.end) for c in quantity_claims)
    date_claims = [c for c in date_claims if c.kind != "set" or not in_quantity(c.start, c.end)]  # "£5 annually"
    claims = date_claims + quantity_claims
    claims.sort(key=lambda c: (c.start, c.end))
    return normal.back(claims, text, index) if plain is not text else claims


def _amounts_of_offsets(claims: list[Claim], offsets: list[tuple[int, int]]) -> list[Claim]:
    """Inside "two years ago" only its amount of time is a quantity ("two years", marked ``within_date``)."""
    from dataclasses import replace

    inside = overlap_test(offsets)
    out = []
    for c in claims:
        if not inside(c.start, c.end):
            out.append(c)
        elif c.kind == "duration" and any(s <= c.start and c.end <= e for s, e in offsets):
            out.append(replace(c, within_date=True))
    return out


class _CallableModule(types.ModuleType):
    """The package numcheck.extract shares its name with the function; calling the package calls it.

    Without this, "import numcheck.extract.dates" rebinds numcheck.extract to the
    module and numcheck.extract(text) stops working, or binding the function
    breaks "import numcheck.extract.lexicon as lexicon".
    """

    def __call__(self, text: str, published: "str | date | None" = None, **kwargs: Any) -> list[Claim]:
        return extract(text, published, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
