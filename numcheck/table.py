"""Tables of texts (pandas DataFrames) as documents: one row each, a bad cell said by its row and that row skipped.

The frames (``claims_frame``, ``findings_frame``), Dask and ``history import``
all read tables through ``rows``, so a bad publication date or a cell that is
not text is reported the same way everywhere (a ``RowSkipped`` warning naming
the row's id) and never aborts the rest of the table.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Iterator

from .pubdate import parse_published


class RowSkipped(UserWarning):
    """A row of a table could not be used (bad date, a cell that is not text); the message names the row."""


@dataclass(frozen=True)
class Row:
    """One usable row: its id (the id column's value, else the frame's index), text, date and source."""

    id: Any
    text: str
    published: "str | date | None"
    source: str | None


def missing(v: Any) -> bool:
    """An empty cell: None, NaN, NaT, pandas' NA, or an empty string."""
    return v is None or (isinstance(v, float) and math.isnan(v)) or str(v) in ("", "NaT", "nan", "None", "<NA>")


def cell_date(v: Any) -> "str | date | None":
    """A publication date cell (str, Timestamp, date, NaN) as what ``check``/``History.add`` take; ValueError if bad."""
    if missing(v):
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if hasattr(v, "to_pydatetime"):
        return v.to_pydatetime().date()
    value = str(v).strip()
    parse_published(value)  # raises ValueError naming what is wrong
    return value


def require_columns(df: Any, **columns: str | None) -> None:
    """KeyError, in one line with the frame's columns, for a named column the frame lacks."""
    for role, col in columns.items():
        if col is not None and col not in df.columns:
            raise KeyError(f"no {role} column {col!r} in the frame (columns: {', '.join(map(str, df.columns))})")


def rows(df: Any, text: str = "text", published: str | None = None, id: str | None = None,
         source: str | None = None) -> Iterator[Row]:
    """The usable rows of ``df``; empty texts are passed over, bad cells warned about (``RowSkipped``) and skipped."""
    require_columns(df, text=text, published=published, id=id, source=source)
    n = len(df)
    ids = df[id].tolist() if id else df.index.tolist()
    texts = df[text].tolist()
    pubs = df[published].tolist() if published else [None] * n
    sources = df[source].tolist() if source else [None] * n
    for ident, t, p, s in zip(ids, texts, pubs, sources):
        if missing(t):
            continue
        if not isinstance(t, str):
            _skip(ident, id, f"the {text!r} cell is a {type(t).__name__}, not text")
            continue
        try:
            day = cell_date(p)
        except ValueError as exc:
            _skip(ident, id, str(exc))
            continue
        yield Row(ident, t, day, None if missing(s) else str(s))


def _skip(ident: Any, id_col: str | None, why: str) -> None:
    label = f"{id_col} {ident!r}" if id_col else f"row {ident!r}"
    warnings.warn(f"{label}: {why}; row skipped", RowSkipped, stacklevel=3)
