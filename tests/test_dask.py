"""numcheck.dask on a real LocalCluster with two worker processes: same rows as the pandas version."""
from __future__ import annotations

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe", reason="dask[dataframe] not installed")
distributed = pytest.importorskip("distributed", reason="dask.distributed not installed")

from history_helpers import q  # noqa: E402

import numcheck  # noqa: E402
import numcheck.dask as ndask  # noqa: E402
from numcheck.report.frame import claims_frame  # noqa: E402

TEXTS = [
    "Pyongyang deployed more than 10,000 troops to Kursk in August 2024.",
    "Ukraine says around 2,000 Russian civilians live there.",
    "Russia has been advancing across the 1,000-kilometre front since 2022.",
    "The budget of $3.5bn was approved on 31 January 2025.",
    "Nothing numeric here.",
    "Inflation rose 5% in 2023, and 7.4 million people voted.",
]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_claims_frame_partition_by_partition_on_two_worker_processes(client):
    assert len(client.scheduler_info()["workers"]) == 2
    df = pd.DataFrame({"doc": [f"d{i}" for i in range(len(TEXTS))], "text": TEXTS, "date": "2025-02-01"})
    ddf = dd.from_pandas(df, npartitions=3)
    lazy = ndask.claims_frame(ddf, published="date", id="doc")
    got = lazy.compute()
    want = claims_frame(df, published="date", id="doc")
    assert list(got.columns) == list(want.columns)
    key = ["doc", "start", "end"]
    assert _rows(got.sort_values(key)) == _rows(want.sort_values(key))
    assert len(got) > 0


def _rows(frame: pd.DataFrame) -> list[tuple]:
    """Rows with every missing value as None (dask may store strings as pyarrow, missing as NA)."""
    return [tuple(None if (not isinstance(v, (dict, list)) and pd.isna(v)) else v for v in row)
            for row in frame.itertuples(index=False)]


def test_findings_frame_with_history_on_workers(client, tmp_path):
    earlier = ("Western, South Korean and Ukrainian intelligence agencies say Pyongyang deployed more than 10,000 "
               "troops to support Russia's forces fighting in its western Kursk region.")
    h = numcheck.History(tmp_path / "h.db")
    h.add(earlier, published="2025-02-01", source="BBC",
          claims=[q(earlier, "more than 10,000 troops", 10000, "troops", qualifier=">", low=10000)])
    df = pd.DataFrame({"text": TEXTS, "date": "2025-02-03"})
    got = ndask.findings_frame(dd.from_pandas(df, npartitions=2), published="date", history=h).compute()
    want = numcheck.findings_frame(df, published="date", history=h)
    assert sorted(zip(got.id, got.code, got.start)) == sorted(zip(want.id, want.code, want.start))


def test_rejects_a_pandas_frame():
    with pytest.raises(TypeError, match="dask DataFrame"):
        ndask.claims_frame(pd.DataFrame({"text": ["x"]}))
