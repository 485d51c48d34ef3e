"""Pipelines on Dask: ``claims_frame`` and ``findings_frame`` applied to a dask DataFrame partition by partition.

Each partition runs the pandas version in ``numcheck.report.frame``, so an
archive too big for one machine runs on a Dask cluster unchanged; the output
is a lazy dask DataFrame with the same columns.  A ``History`` passed for the
NC4xx checks travels to the workers by its path (it pickles that way).
"""
from __future__ import annotations

from typing import Any


def claims_frame(ddf: Any, text: str = "text", published: str | None = None, id: str | None = None,
                 rules: Any = None, format: str = "text") -> Any:
    """A lazy dask DataFrame of every claim in ``ddf[text]`` (see ``numcheck.claims_frame``)."""
    from .report import frame

    meta = frame.claims_frame(_empty(ddf), text=text, published=published, id=id, rules=rules, format=format)
    return ddf.map_partitions(frame.claims_frame, text=text, published=published, id=id, rules=rules,
                              format=format, meta=meta, align_dataframes=False)


def findings_frame(ddf: Any, text: str = "text", published: str | None = None, id: str | None = None,
                   rules: Any = None, history: Any = None, config: Any = None, format: str = "text") -> Any:
    """A lazy dask DataFrame of every finding for ``ddf[text]`` (see ``numcheck.findings_frame``)."""
    from .report import frame

    meta = frame.findings_frame(_empty(ddf), text=text, published=published, id=id, rules=rules, format=format)
    return ddf.map_partitions(frame.findings_frame, text=text, published=published, id=id, rules=rules,
                              history=history, config=config, format=format, meta=meta, align_dataframes=False)


def _empty(ddf: Any) -> Any:
    """The partitions' empty prototype, checked to be a dask DataFrame."""
    meta = getattr(ddf, "_meta", None)
    if meta is None or not hasattr(ddf, "map_partitions"):
        raise TypeError(f"numcheck.dask takes a dask DataFrame, not {type(ddf).__name__}")
    return meta.iloc[:0]
