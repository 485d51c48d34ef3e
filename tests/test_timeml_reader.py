"""The TimeML reader (tests/timeml.py) that the date scorer and the wire dev sets share."""
from __future__ import annotations

import pytest

import timeml

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Shares fell &amp; rose <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>, <EVENT eid="e1">after</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3>.<SIGNAL sid="s1"/>
</TEXT>
</TimeML>
"""


def test_plain_text_offsets_and_dct(tmp_path):
    p = tmp_path / "x.tml"
    p.write_text(SAMPLE, encoding="utf-8")
    doc = timeml.read(p)
    assert doc.published == "1998-01-08"
    assert "<" not in doc.text and "Shares fell & rose yesterday, after three months." in doc.text
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("yesterday", "DATE", "1998-01-07"), ("three months", "DURATION", "P3M")]
    assert all(doc.text[t.start:t.end] == t.text for t in doc.timexes)


@pytest.mark.skipif(not timeml.files("timebank"), reason=f"TimeML corpora not found at {timeml.TIMEML}")
def test_every_gold_file_reads_with_a_date():
    for folder in ("timebank", "aquaint"):
        for path in timeml.files(folder):
            doc = timeml.read(path)
            assert doc.published, path
            assert all(doc.text[t.start:t.end] == t.text and t.text.strip() for t in doc.timexes), path
