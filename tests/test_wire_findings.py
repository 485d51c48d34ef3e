"""The real-copy precision listing (bench/wire_findings.py) and its judgements file (bench/judgements/wire-dev.jsonl)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import wire_findings  # noqa: E402
from shared import CORPORA, needs  # noqa: E402

from numcheck.model import Finding, Related


def _finding(start: int = 10, message: str = "m") -> Finding:
    return Finding("NC101", "unit-conversion-mismatch", "error", message, start, start + 8,
                   related=(Related(0, 9, "125 km", "converted from"),))


def test_key_follows_the_spans_not_the_wording() -> None:
    a = wire_findings.key("wire/1", _finding(message="125 km is about 77.7 miles"))
    assert a == wire_findings.key("wire/1", _finding(message="125 km is 78 miles"))
    assert a != wire_findings.key("wire/2", _finding())
    assert a != wire_findings.key("wire/1", _finding(start=11))


def test_judgements_file_is_well_formed() -> None:
    judged = wire_findings.load_judgements()
    assert judged, "bench/judgements/wire-dev.jsonl is empty"
    lines = [json.loads(ln) for ln in wire_findings.JUDGEMENTS.read_text(encoding="utf-8").splitlines() if ln.strip()]
    assert len(lines) == len(judged), "a finding key is judged twice"
    for j in lines:
        assert j["verdict"] in wire_findings.VERDICTS and j["reason"] and j["cause"] and j["sentence"]


def test_a_bad_judgement_is_named_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "j.jsonl"
    bad.write_text('{"key": "k", "verdict": "real", "reason": "r"}\n{"key": "k2", "verdict": "maybe", "reason": "r"}\n')
    with pytest.raises(SystemExit, match=r"j.jsonl:2: a judgement needs"):
        wire_findings.load_judgements(bad)


def test_tally_reads_only_judged_findings() -> None:
    rows = [{"key": k, "mode": "plain", "code": "NC101"} for k in ("a", "b", "c")]
    judged = {"a": {"verdict": "real", "reason": "x"}, "b": {"verdict": "false", "cause": "different group", "reason": "y"}}
    t = wire_findings.tally(rows, judged)["plain"]
    assert (t["findings"], t["read"], t["real"], t["false"], t["precision"]) == (3, 2, 1, 1, 0.5)
    assert t["false_causes"] == {"different group": 1}


def test_listing_rows_carry_the_sentence_and_the_verdict(tmp_path: Path) -> None:
    from numcheck import check

    from harness.corpora import Article

    art = Article("wire/x", "Egypt said on Thursday. The town lies 125 kilometers (65 miles) south of Cairo.", "1997-04-17")
    rows = [wire_findings.record("plain", art, f) for f in check(art.text, published=art.published)]
    assert [r["code"] for r in rows] == ["NC101"]
    assert rows[0]["sentence"] == "The town lies 125 kilometers (65 miles) south of Cairo." and rows[0]["span"] == "65 miles"
    judged = {rows[0]["key"]: {"verdict": "real", "cause": "wrong conversion", "reason": "125 km is 78 miles"}}
    jsonl, txt = wire_findings.write(rows, judged, tmp_path)
    assert json.loads(jsonl.read_text(encoding="utf-8"))["verdict"] == "real"
    assert "REAL: 125 km is 78 miles" in txt.read_text(encoding="utf-8")


@needs(CORPORA / "timeml")
def test_listing_on_a_few_articles(tmp_path: Path) -> None:
    rows = wire_findings.findings(["wire-dev", "tbaq"], limit=30)
    jsonl, _ = wire_findings.write(rows, wire_findings.load_judgements(), tmp_path)
    written = [json.loads(ln) for ln in jsonl.read_text(encoding="utf-8").splitlines()]
    assert len(written) == len(rows)
    for w in written:
        assert w["verdict"] in ("real", "false", "unread") and w["mode"] in ("plain", "history") and w["sentence"]
        assert w["article"].startswith(("gigaword-silver/", "timebank/", "aquaint/"))
        assert (w["earlier"] is not None) == (w["mode"] == "history")
