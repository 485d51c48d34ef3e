"""claims_frame / findings_frame: the contract's columns plus an id, the same rows as extract()/check()."""
from __future__ import annotations

import importlib

import pandas as pd
import pytest

from history_helpers import q

import numcheck
from numcheck.model import CLAIM_KEYS, FINDING_KEYS
from numcheck.report.frame import CLAIM_DTYPES, FINDING_DTYPES, claims_frame, findings_frame

TEXTS = [
    "Pyongyang deployed more than 10,000 troops to Kursk in August 2024.",
    "Ukraine says around 2,000 Russian civilians live there; the front is 1,000 km long.",
    "No numbers here at all.",
]


def frame() -> pd.DataFrame:
    return pd.DataFrame({"doc": ["a", "b", "c"], "body": TEXTS, "date": ["2025-02-01", None, "2025-02-03"]})


def test_claims_frame_has_the_contract_columns_and_extracts_rows():
    df = frame()
    out = numcheck.claims_frame(df, text="body", published="date", id="doc")
    assert list(out.columns) == ["doc", *CLAIM_KEYS]
    expected = [(doc, *c.to_dict().values())
                for doc, t, p in zip(df.doc, df.body, df.date)
                for c in numcheck.extract(t, published=p if isinstance(p, str) else None)]
    got = [tuple(r) for r in out.itertuples(index=False)]
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g[0] == e[0] and g[1] == e[1] and g[2:4] == e[2:4]  # id, surface, span
    assert set(out.doc) <= {"a", "b"}


def test_claims_frame_uses_the_index_when_no_id_column():
    df = frame().set_index(pd.Index([10, 11, 12]))
    out = claims_frame(df, text="body")
    assert out.columns[0] == "id" and set(out.id) <= {10, 11, 12}
    assert str(out.id.dtype) == "int64"


def test_empty_and_textless_frames_keep_columns_and_dtypes():
    empty = claims_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}))
    assert list(empty.columns) == ["id", *CLAIM_KEYS]
    assert {c: str(t) for c, t in empty.dtypes.items() if c != "id"} == CLAIM_DTYPES
    nan = claims_frame(pd.DataFrame({"text": [None, float("nan")]}))
    assert len(nan) == 0 and list(nan.columns) == ["id", *CLAIM_KEYS]
    f = findings_frame(pd.DataFrame({"text": ["Nothing."]}))
    assert list(f.columns) == ["id", *FINDING_KEYS]
    assert {c: str(t) for c, t in f.dtypes.items() if c != "id"} == FINDING_DTYPES


def test_missing_column_is_a_clear_error():
    with pytest.raises(KeyError, match="no text column 'txt'"):
        claims_frame(frame(), text="txt")
    with pytest.raises(KeyError, match="no id column"):
        findings_frame(frame(), text="body", id="nope")


def test_findings_frame_matches_check_and_uses_history(tmp_path, monkeypatch):
    earlier = ("Western, South Korean and Ukrainian intelligence agencies say Pyongyang deployed more than 10,000 "
               "troops to support Russia's forces fighting in its western Kursk region.")
    h = numcheck.History(tmp_path / "h.db")
    h.add(earlier, published="2025-02-01", source="BBC",
          claims=[q(earlier, "more than 10,000 troops", 10000, "troops", qualifier=">", low=10000)])
    for i in range(30):
        t = f"Report {i} from Moscow: {i + 3} delegates met in Geneva."
        h.add(t, published="2025-01-15", claims=[q(t, f"{i + 3} delegates", i + 3, "delegates")])
    new = "Pyongyang has 8,000 North Korean troops fighting in Russia's Kursk region, South Korean officials said."
    extract_mod = importlib.import_module("numcheck.extract")
    monkeypatch.setattr(extract_mod, "extract",
                        lambda t, **kw: [q(t, "8,000 North Korean troops", 8000, "North Korean troops")] if "8,000" in t else [])
    df = pd.DataFrame({"id": [7, 8], "text": [new, "Nothing to see."], "date": ["2025-02-03", "2025-02-03"]})
    out = numcheck.findings_frame(df, published="date", id="id", history=h)
    nc4 = out[out.code.str.startswith("NC4")]
    assert list(nc4.id) == [7] and nc4.iloc[0].evidence["source"] == "BBC"
    assert nc4.iloc[0].related[0]["text"] == "more than 10,000 troops"
    by_path = findings_frame(df, published="date", id="id", history=h.path)
    assert list(by_path[by_path.code.str.startswith("NC4")].id) == [7]
    plain = findings_frame(df, published="date", id="id")
    assert not plain.code.str.startswith("NC4").any()
