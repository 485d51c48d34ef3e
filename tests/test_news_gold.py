"""News dev set: value F1 and value+unit F1 of numcheck.extract on 150 hand-annotated BBC sentences.

A development proxy for issue 2's held-out news set (scored the way the
literature scores quantity extractors; best published value+unit F1 85.6).
``tests/data/news_gold.jsonl`` holds references, not text: each line names a
sentence by corpus file (bbc_train.csv or bbc_val.csv, never bbc_test.csv),
0-based data row, and character offsets into that row's ``text``, with a
12-hex sha1 of the sentence to detect drift.  The text is read from
../shared at run time; the scoring tests skip when the corpus is absent.
Sampling (fixed seed, stratified by category, 26 sentences with a digit or
number word + 4 without per category) is ``tools/annotate_news.py sample``.

Annotation guideline (the gold was written from the text alone, before numcheck
was run on it):

* A quantity is a number with what it measures or counts: counts, money,
  percentages, physical measures, durations, ages, fractions, multipliers
  ("10 times", "tenfold" -> 10, unit ""), vague amounts.
* Not quantities (not annotated): dates and years (incl. "the 1990s", "the
  first quarter", "five years ago"), times of day and match minutes
  ("Biscan 67"), ordinals ("second place", "999th"), identifiers and names
  (Section 427, Covid-19, G7, the Six Nations, Formula 1, Windows 95, No 10,
  Shrek 2, Nikkei 225, BBC 1, "number one single", "round four", "the top 20",
  "the last 32"), phone numbers, scores of games ("won 3-0", "6-4 6-3"), and
  "one" as a pronoun or in idioms ("one of my friends", "as one that", "that
  one question", "in one glorious swoop").
* Each gold quantity is {"surface": exact substring, "value": float with the
  scale applied ("£12m" -> 12000000), "unit": normalised unit}; vague amounts
  and ranges have "value": null with "low"/"high" and are scored by interval.
  Vague words take the project's intervals (numcheck/data/vague.tsv, design.md:
  dozens [24, 99], several [3, 9], thousands [2000, 9999], tens of thousands
  [20000, 99999], millions [2e6, 9999999], ...).
* Units: money = ISO 4217 code; percent = "percent"; percentage points =
  "percentage_point"; measures = pint unit name (kilometer, meter, metric_ton);
  durations = the time unit (year, month, minute); ages = "year"; fractions
  ("a quarter of", "one in ten") = ""; counts = the head noun of the counted
  thing, singular and lower-case ("10,000 troops" -> "troop", "2,000 Russian
  civilians" -> "civilian", "five of the 10 largest banks" -> "bank",
  "people" -> "person", "150 million new PCs" -> "pc"); a count with no counted
  noun right after it has unit "" ("the 30-year-old", "won by 2", "sales rose
  to 80,600", "a crowd of 360,000", "2.7bn a year earlier" where the currency is
  only implied).

Scoring: each sentence is run through ``numcheck.extract(text)`` (published=None)
and date claims are dropped.  Predictions are matched to gold greedily by
overlapping span (each gold in order takes the unmatched overlapping prediction
with the largest overlap).  A pair is a value hit when the values agree within
1e-6 relative (gold intervals: the claim's low and high agree); a value+unit
hit also needs the unit to agree, where numcheck's unit is
``subjects.head_noun(claim.subject)`` for counts and ``claim.unit`` otherwise
(for a duration with no value, the number and unit of its TIMEX3 P<n><U>).
Precision = hits / predictions, recall = hits / gold, over the whole set.
Figures are printed and mismatches written per sentence to
/tmp/numcheck-score/news_gold.txt.

The asserted floors (FLOORS below) sit a few points under what was measured
when this set was made, to catch regressions; the issue's target (value+unit F1
> 85.6) is reported, not asserted, because this is a development proxy.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import pytest
from scoring import timex_reading
from gold_matching import Tally, amounts_agree, match, prf, sha1
from gold_matching import tally as shared_tally
from gold_matching import verdict as shared_verdict

TESTS = Path(__file__).resolve().parent
GOLD = TESTS / "data" / "news_gold.jsonl"
BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
OUT = Path(os.environ.get("NUMCHECK_SCORE_DIR", "/tmp/numcheck-score")) / "news_gold.txt"
ALLOWED_FILES = ("bbc_train.csv", "bbc_val.csv")
TARGET_VALUE_UNIT_F1 = 85.6
# Measured 2026-11-25 at commit 2937f0b: value F1 90.2, value+unit F1 82.6; floors ~4 points below.
FLOORS = {"value_f1": 86.0, "value_unit_f1": 78.0}  # measured 90.2 and 82.6

needs_corpus = pytest.mark.skipif(
    not all((BBC / f).is_file() for f in ALLOWED_FILES),
    reason=f"BBC corpus not found at {BBC} (../shared is not beside the repo)",
)


@dataclass(frozen=True)
class Gold:
    """One annotated quantity, located in its sentence."""

    surface: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str


@dataclass(frozen=True)
class Pred:
    """What the scorer reads from one claim: span, value or interval, and unit."""

    text: str
    start: int
    end: int
    kind: str
    value: float | None
    low: float | None
    high: float | None
    unit: str


def to_pred(claim: Any) -> Pred:
    """A claim as the scorer reads it: counts take their subject's head noun as unit."""
    from numcheck.text import head_noun

    value, unit = claim.value, claim.unit
    if claim.kind == "count":
        unit = head_noun(claim.subject)
    elif claim.kind == "duration" and (value is None or not unit):
        value, unit = timex_reading(claim.timex) or (value, unit)
    return Pred(claim.text, claim.start, claim.end, claim.kind, value, claim.low, claim.high, unit)


def value_match(g: Gold, p: Pred) -> bool:
    return amounts_agree(g.value, g.low, g.high, p.value, p.low, p.high)


def unit_match(g: Gold, p: Pred) -> bool:
    return g.unit == p.unit


def tally(pairs: Iterable[tuple[Gold | None, Pred | None]]) -> Tally:
    return shared_tally(pairs, value_match, unit_match)


def verdict(g: Gold | None, p: Pred | None) -> str:
    return shared_verdict(g, p, value_match, unit_match)


def locate(sentence: str, entries: Sequence[dict]) -> list[Gold]:
    """Gold quantities with spans: each surface is searched from the end of the previous one."""
    out, pos = [], 0
    for q in entries:
        i = sentence.find(q["surface"], pos)
        if i < 0:
            raise ValueError(f"gold surface {q['surface']!r} not found in order in {sentence!r}")
        pos = i + len(q["surface"])
        out.append(Gold(q["surface"], i, pos, q["value"], q.get("low"), q.get("high"), q["unit"]))
    return out


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=None)
def corpus(name: str) -> tuple[str, ...]:
    with open(BBC / name, newline="", encoding="utf-8") as f:
        return tuple(row["text"] for row in csv.DictReader(f))


def sentence_of(ref: dict) -> str:
    return corpus(ref["file"])[ref["row"]][ref["start"]:ref["end"]]


def fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:g}"


def describe(q: Gold | Pred) -> str:
    amount = fmt(q.value) if q.value is not None or q.low is None else f"[{fmt(q.low)}, {fmt(q.high)}]"
    kind = f" {q.kind}" if isinstance(q, Pred) else ""
    return f"{q.surface if isinstance(q, Gold) else q.text!r}{kind} {amount} {q.unit!r}"


# --- the gold file itself (no corpus needed) ---------------------------------------------------

def test_gold_file_is_well_formed():
    refs = load_gold()
    assert len(refs) >= 150
    assert [r["id"] for r in refs] == list(range(len(refs)))
    assert len({(r["file"], r["row"], r["start"]) for r in refs}) == len(refs), "duplicate sentence references"
    empty = 0
    for r in refs:
        assert r["file"] in ALLOWED_FILES, f"#{r['id']}: only train/val may be used, never bbc_test.csv"
        assert 0 <= r["start"] < r["end"] and re.fullmatch(r"[0-9a-f]{12}", r["sha1"])
        assert "text" not in r, "references only: no corpus text in the repo"
        empty += not r["quantities"]
        for q in r["quantities"]:
            assert set(q) <= {"surface", "value", "unit", "low", "high"} and q["surface"]
            assert isinstance(q["unit"], str) and q["unit"] == q["unit"].strip()
            if q["value"] is None:
                assert q["low"] is not None and q["high"] is not None and q["low"] <= q["high"]
            else:
                assert isinstance(q["value"], float) and "low" not in q
    assert empty >= 20, "the set keeps sentences with no quantity to measure false positives"


# --- the scorer's own rules, on hand-built claims -----------------------------------------------

def _claim(text: str, start: int, kind: str, value: float | None, unit: str = "", subject: str = "",
           low: float | None = None, high: float | None = None, timex: str | None = None) -> Any:
    from numcheck.model import Claim

    lo = value if low is None else low
    hi = value if high is None else high
    return Claim(text=text, start=start, end=start + len(text), kind=kind, value=value, low=lo,
                 high=hi, unit=unit, subject=subject, timex=timex)


def test_counts_take_the_subject_head_noun_and_other_kinds_their_unit():
    assert to_pred(_claim("2,000", 0, "count", 2000.0, subject="Russian civilians")).unit == "civilian"
    assert to_pred(_claim("£12m", 0, "money", 12e6, unit="GBP")).unit == "GBP"
    assert to_pred(_claim("six months", 0, "duration", None, timex="P6M")).value == 6.0
    assert to_pred(_claim("six months", 0, "duration", None, timex="P6M")).unit == "month"


def test_greedy_matching_scores_value_and_unit_separately():
    sent = "About 2,000 civilians fled and 12 km of road closed."
    golds = locate(sent, [{"surface": "2,000", "value": 2000.0, "unit": "civilian"},
                          {"surface": "12 km", "value": 12.0, "unit": "kilometer"}])
    preds = [to_pred(_claim("About 2,000 civilians", 0, "count", 2000.0, subject="civilians fled")),
             to_pred(_claim("12 km", 31, "measure", 12.0, unit="kilometer")),
             to_pred(_claim("and", 27, "count", 1.0))]
    pairs = match(golds, preds)
    assert [verdict(g, p) for g, p in pairs] == ["unit", "ok", "extra"]
    t = tally(pairs)
    assert (t.gold, t.pred, t.value_hits, t.unit_hits) == (2, 3, 2, 1)
    p, r, f = prf(t.value_hits, t.pred, t.gold)
    assert (round(p, 1), r) == (66.7, 100.0) and round(f, 1) == 80.0


def test_vague_gold_is_scored_by_interval_and_misses_count_against_recall():
    sent = "Dozens of homes and 5 cars."
    golds = locate(sent, [{"surface": "Dozens", "value": None, "low": 24.0, "high": 99.0, "unit": "home"},
                          {"surface": "5", "value": 5.0, "unit": "car"}])
    right = to_pred(_claim("Dozens", 0, "count", None, subject="homes", low=24.0, high=99.0))
    wrong = to_pred(_claim("Dozens", 0, "count", None, subject="homes", low=12.0, high=99.0))
    assert verdict(*match(golds, [right])[0]) == "ok"
    assert verdict(*match(golds, [wrong])[0]) == "value"
    assert verdict(*match(golds, [right])[1]) == "missed"
    assert prf(0, 0, 0) == (100.0, 100.0, 100.0)


def test_gold_surfaces_are_located_in_order():
    golds = locate("five million lives now and five million later", [
        {"surface": "five million", "value": 5e6, "unit": "life"},
        {"surface": "five million", "value": 5e6, "unit": ""}])
    assert [g.start for g in golds] == [0, 27]
    with pytest.raises(ValueError):
        locate("no numbers", [{"surface": "5", "value": 5.0, "unit": ""}])


# --- the corpus-backed checks -----------------------------------------------------------------

@needs_corpus
def test_references_still_give_their_sentences():
    for r in load_gold():
        s = sentence_of(r)
        assert sha1(s) == r["sha1"], f"#{r['id']}: {r['file']} row {r['row']} offsets drifted: {s[:60]!r}"
        assert s[:1].strip() and s.rstrip()[-1:] in ".!?\"'", f"#{r['id']} is not a whole sentence: {s!r}"
        locate(s, r["quantities"])


def score() -> tuple[Tally, list[str], dict[str, int]]:
    """Run numcheck on every sentence; return the totals, report lines and verdict counts."""
    import numcheck

    total, lines, counts = Tally(), [], {}
    for r in load_gold():
        s = sentence_of(r)
        golds = locate(s, r["quantities"])
        preds = [to_pred(c) for c in numcheck.extract(s) if c.kind != "date"]
        pairs = match(golds, preds)
        total = total + tally(pairs)
        bad = [(verdict(g, p), g, p) for g, p in pairs if verdict(g, p) != "ok"]
        for v, _, _ in bad:
            counts[v] = counts.get(v, 0) + 1
        if bad:
            lines.append(f"#{r['id']} {r['category']} {r['file']}:{r['row']}\n  {s}")
            for v, g, p in bad:
                lines.append(f"    {v:7} gold {describe(g) if g else '-'}  |  got {describe(p) if p else '-'}")
    return total, lines, counts


@needs_corpus
def test_news_value_and_value_unit_f1(capsys):
    total, lines, counts = score()
    vp, vr, vf = prf(total.value_hits, total.pred, total.gold)
    up, ur, uf = prf(total.unit_hits, total.pred, total.gold)
    summary = [
        f"news dev set: {total.gold} gold quantities, {total.pred} predictions (dates dropped)",
        f"value       P {vp:5.1f}  R {vr:5.1f}  F1 {vf:5.1f}",
        f"value+unit  P {up:5.1f}  R {ur:5.1f}  F1 {uf:5.1f}   (issue target > {TARGET_VALUE_UNIT_F1}: "
        f"{'met' if uf > TARGET_VALUE_UNIT_F1 else 'not met'}; development proxy, not asserted)",
        "mismatches: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(summary + [""] + lines) + "\n", encoding="utf-8")
    with capsys.disabled():
        print("\n" + "\n".join(summary) + f"\nper-sentence mismatches: {OUT}")
    assert vf >= FLOORS["value_f1"], f"value F1 {vf:.1f} fell below its floor {FLOORS['value_f1']}"
    assert uf >= FLOORS["value_unit_f1"], f"value+unit F1 {uf:.1f} fell below its floor {FLOORS['value_unit_f1']}"
