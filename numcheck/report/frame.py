"""Pipelines: a DataFrame of texts -> a DataFrame of claims or findings (the contract's columns plus an id column).

pandas is imported inside the functions, so the check path never pays for it.
The output has the same columns and dtypes whatever the input (even empty),
which is what lets ``numcheck.dask`` use these per partition.
"""
from __future__ import annotations

from typing import Any

from ..model import CLAIM_KEYS, FINDING_KEYS

# the dtype of each contract column: numbers as numbers, everything else as Python objects
CLAIM_DTYPES = {
    "text": "object", "start": "int64", "end": "int64", "kind": "object", "value": "float64",
    "low": "float64", "high": "float64", "range": "bool", "qualifier": "object", "change": "object",
    "unit": "object", "canonical": "object", "subject": "object", "timex": "object",
    "date_start": "object", "date_end": "object",
}
FINDING_DTYPES = {
    "code": "object", "name": "object", "severity": "object", "message": "object", "start": "int64",
    "end": "int64", "line": "int64", "col": "int64", "related": "object", "evidence": "object",
    "suggestion": "object",
}
assert tuple(CLAIM_DTYPES) == CLAIM_KEYS and tuple(FINDING_DTYPES) == FINDING_KEYS


def claims_frame(df: Any, text: str = "text", published: str | None = None, id: str | None = None,
                 rules: Any = None) -> Any:
    """One row per claim of each text in ``df[text]``: the id column, then the claim contract's columns.

    ``published`` names a column of publication dates (str, date or Timestamp;
    missing means the text's own date line); ``id`` names the column that
    identifies each text (default: the frame's index, in a column called "id").
    """
    from ..extract import extract

    ruleset = _ruleset(rules)
    id_name, ids, texts, pubs = _columns(df, text, published, id)
    rows = []
    for ident, t, p in zip(ids, texts, pubs):
        if not isinstance(t, str):
            continue
        for c in extract(t, published=p, rules=ruleset):
            rows.append((ident, *c.to_dict().values()))
    return _frame(rows, id_name, df, id, CLAIM_DTYPES)


def findings_frame(df: Any, text: str = "text", published: str | None = None, id: str | None = None,
                   rules: Any = None, history: Any = None, config: Any = None) -> Any:
    """One row per finding of each text: the id column, then the finding contract's columns.

    ``history`` is a ``History`` (or a path to one) for the NC4xx checks.
    """
    from ..engine import check

    ruleset = _ruleset(rules)
    if history is not None and not hasattr(history, "lookup"):
        from ..history import History

        history = History(history, create=False)
    id_name, ids, texts, pubs = _columns(df, text, published, id)
    rows = []
    for ident, t, p in zip(ids, texts, pubs):
        if not isinstance(t, str):
            continue
        for f in check(t, published=p, rules=ruleset, history=history, config=config):
            rows.append((ident, *f.to_dict().values()))
    return _frame(rows, id_name, df, id, FINDING_DTYPES)


def _ruleset(rules: Any) -> Any:
    """Load rules once per frame, not once per text."""
    from ..engine import _ruleset as engine_ruleset

    return engine_ruleset(rules)


def _columns(df: Any, text: str, published: str | None, id: str | None) -> tuple[str, list, list, list]:
    from ..history.store import _cell_date

    for role, col in (("text", text), ("published", published), ("id", id)):
        if col is not None and col not in df.columns:
            raise KeyError(f"no {role} column {col!r} in the frame (columns: {', '.join(map(str, df.columns))})")
    n = len(df)
    ids = df[id].tolist() if id else df.index.tolist()
    pubs = [_cell_date(p) for p in df[published].tolist()] if published else [None] * n
    return id or "id", ids, df[text].tolist(), pubs


def _frame(rows: list[tuple], id_name: str, df: Any, id: str | None, dtypes: dict[str, str]) -> Any:
    import pandas as pd

    columns = [id_name, *dtypes]
    out = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame({c: [] for c in columns})
    id_dtype = df[id].dtype if id else df.index.dtype
    return out.astype({id_name: id_dtype, **dtypes})
