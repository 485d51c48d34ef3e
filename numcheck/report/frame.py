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
                 rules: Any = None, format: str = "text") -> Any:
    """One row per claim of each text in ``df[text]``: the id column, then the claim contract's columns.

    ``published`` names a column of publication dates (str, date or Timestamp;
    missing means the text's own date); ``id`` names the column that identifies
    each text (default: the frame's index, in a column called "id"); ``format``
    says how the texts are written ("text", "markdown", "html"), read as
    ``numcheck check`` reads a file.  A row with a bad date is skipped with a
    ``numcheck.table.RowSkipped`` warning naming it.
    """
    from ..engine import claims, load_ruleset
    from ..table import rows as table_rows

    ruleset = load_ruleset(rules, None)
    out = [(row.id, *c.to_dict().values())
           for row in table_rows(df, text, published, id)
           for c in claims(row.text, format=format, published=row.published, rules=ruleset)]
    return _frame(out, id or "id", df, id, CLAIM_DTYPES)


def findings_frame(df: Any, text: str = "text", published: str | None = None, id: str | None = None,
                   rules: Any = None, history: Any = None, config: Any = None, format: str = "text") -> Any:
    """One row per finding of each text: the id column, then the finding contract's columns.

    The findings are ``numcheck.check``'s for each text (``format``, ``config``,
    inline suppressions and all).  ``history`` is a ``History`` (or a path to
    one) for the NC4xx checks.
    """
    from ..engine import check, load_ruleset, open_history
    from ..table import rows as table_rows

    ruleset = load_ruleset(rules, None)
    store = open_history(history, None)
    out = [(row.id, *f.to_dict().values())
           for row in table_rows(df, text, published, id)
           for f in check(row.text, format=format, published=row.published, rules=ruleset, history=store,
                          config=config)]
    return _frame(out, id or "id", df, id, FINDING_DTYPES)


def _frame(rows: list[tuple], id_name: str, df: Any, id: str | None, dtypes: dict[str, str]) -> Any:
    import pandas as pd

    columns = [id_name, *dtypes]
    out = pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame({c: [] for c in columns})
    id_dtype = df[id].dtype if id else df.index.dtype
    return out.astype({id_name: id_dtype, **dtypes})
