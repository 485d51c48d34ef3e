"""Timex dev set: TempEval-3-style extraction and value F1 of numcheck's dates and durations on 40 BBC passages.

A development proxy for issue 3's held-out set of news documents with gold
TIMEX3 values (best published value F1 77.61, HeidelTime).
``tests/data/timex_gold.jsonl`` holds references, not text: each line names a
passage (two consecutive sentences) by corpus file (bbc_train.csv or
bbc_val.csv, never bbc_test.csv), 0-based data row and character offsets into
that row's ``text``, with a 12-hex sha1 of the passage to detect drift, the
document creation time ``dct`` and the gold TIMEX3 list.  The text is read from
../shared at run time; the corpus-backed tests skip when it is absent.

Sampling (``sample()`` below, also ``python tests/test_timex_gold.py sample``):
passages of two consecutive sentences (the headline-bearing first sentence of
an article excluded), 100-450 characters, with balanced double quotes; per
category (business, entertainment, politics, sport, tech) 7 passages that
match a temporal cue (``_CUE``: a month or weekday name, a 19xx/20xx year,
yesterday, "ago", "last/next/this year|month|week", "<word> years/months/weeks/
days/hours") and 1 that matches no weaker cue at all (``_ANY_CUE``); fixed seed,
at most one passage per article.  The cue only steers the sample: "May" in a
surname is picked up, so some "with" passages have no timex, which is kept.

Document creation times were fixed by hand from each whole article BEFORE its
passage was annotated: a date consistent with what the article reports (e.g.
"England 17-18 France" -> the match day 2005-02-13; "MCI accepted ... on
Monday", "Earlier this month, SBC ..." -> 2005-02-18); articles with no clue at
all take the fixed default 2005-03-15.  The DCTs are plausible, not verified
publication dates: the gold is only required to be consistent with them.

Annotation guideline (TimeML / TempEval-3, written from the text alone, before
numcheck was run on the passage):

* Every temporal expression is a TIMEX3: {"surface", "type", "value"} with type
  DATE, TIME, DURATION or SET.  The surface is the expression's extent as it
  stands in the text, with its determiner and head ("the end of last year",
  "the fourth quarter of 2005", "six years ago", "two hours and 40 minutes").
  Scoring is by relaxed (overlap) match, so extent details do not count.
* DATE values: calendar dates 2005-02-22; months 2004-12; years 1997; decades
  199X; ISO weeks 2005-W08 and weekends 2004-W52-WE; seasons 2006-SP (SP SU FA
  WI); quarters 2005-Q4; PRESENT_REF / PAST_REF / FUTURE_REF for "now",
  "currently", "recently", "the future".  Modifiers (early/late/the end of,
  about) change the TIMEX3 ``mod`` attribute, not the value: "late December"
  -> 2004-12, "the end of 2004" -> 2004, "early April" -> 2005-04.
* Relative expressions are resolved against the DCT: a weekday in a past-tense
  clause is the latest such day before the DCT ("on Tuesday", DCT Wednesday
  2005-02-23 -> 2005-02-22); a bare month is the latest such month not after the
  DCT for past tense and the next one for future tense ("It had cut rates in
  November", DCT 2005-02-10 -> 2004-11; "from 8 November", DCT 2004-10-26 ->
  2004-11-08); "this year" -> the DCT's year; "last year" -> the year before;
  "this week"/"next week" -> the DCT's ISO week / the one after; "N years ago"
  -> the DCT year minus N; "earlier that month" takes the month in focus.
  Holidays are dates ("Christmas" -> 2004-12-25); a generic one keeps X
  placeholders ("When Christmas falls on a weekend" -> XXXX-12-25, XXXX-WXX-WE).
* DURATION values: P3Y, P6M, P3W, P1D, PT2H40M; vague amounts take X: "years"
  -> PXY, "a few weeks" / "the next several weeks" -> PXW; modifiers ("up to
  three months", "more than a year") do not change the value (P3M, P1Y).
  Ages are durations as in TimeBank ("22-year-old" -> P22Y).  "a third week
  in a row" -> P3W (three consecutive weeks).
* SET: rates and recurrences: "a year" in "25% a year", "every year",
  "annual", "year on year" -> P1Y.
* TIME: times of day: "8am" -> XXXX-XX-XXT08:00 (generic, no day), "during the
  day" -> XXXX-XX-XXTDT, "at night" -> XXXX-XX-XXTNI.
* Not timexes: names that contain a date word (Christine May), ordinals and
  durations that are measures of something else ("a 60m hurdles"), "all time",
  "day to day" used as an adjective meaning routine.

Scoring (TempEval-3 relaxed): each passage is run through
``numcheck.extract(text, published=dct)`` and the claims with a TIMEX3 value
of kind date (times of day are dates with a time), duration, set and age are
kept (this set annotates ages, as its guideline above says; the TimeBank scorer
in tests/tempeval.py leaves them out because that corpus does not).  Predictions
are paired with gold greedily by overlapping span (each gold in order takes the
unpaired overlapping prediction with the largest overlap).  Extraction
P/R/F1 = paired / predictions, paired / gold.  Value F1 is TempEval-3's
attribute F1 for value: a pair is correct when ``claim.timex`` equals the gold
value exactly; P = correct / predictions, R = correct / gold.  Figures are
printed and mismatches written per passage to /tmp/numcheck-score/timex_gold.txt.

The asserted floors (FLOORS below) sit a few points under what was measured
when this set was made, to catch regressions; the issue's target (value F1 >
77.61) is reported, not asserted, because 40 BBC passages are a development
proxy for the real held-out set.
"""
from __future__ import annotations

import csv
import json
import os
import random
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

import pytest
from gold_matching import match, overlap, prf, sha1

TESTS = Path(__file__).resolve().parent
GOLD = TESTS / "data" / "timex_gold.jsonl"
BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
OUT = Path(os.environ.get("NUMCHECK_SCORE_DIR", "/tmp/numcheck-score")) / "timex_gold.txt"
ALLOWED_FILES = ("bbc_train.csv", "bbc_val.csv")
TARGET_VALUE_F1 = 77.61  # HeidelTime's value F1 on the real held-out set (issue 3)
TYPES = ("DATE", "TIME", "DURATION", "SET")
KINDS = ("date", "duration", "set", "age")
# Measured 2026-11-25 at commit 1f42471 (+ the one gold slip fix in /work/notes/timex-gold.md):
# extraction F1 80.4, value F1 70.1; floors ~4 points below.
FLOORS = {"extraction_f1": 76.0, "value_f1": 66.0}  # measured 80.4 and 70.1

needs_corpus = pytest.mark.skipif(
    not all((BBC / f).is_file() for f in ALLOWED_FILES),
    reason=f"BBC corpus not found at {BBC} (../shared is not beside the repo)",
)

# --- sampling ---------------------------------------------------------------------------------

SEED = 20261125
WITH_CUE_PER_CATEGORY = 7
WITHOUT_CUE_PER_CATEGORY = 1
_END = re.compile(r"""[.!?]["')]?(?=\s+["'(]?[A-Z])""")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_CUE = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS}|(?:19|20)\d\d|yesterday|ago|(?:last|next|this) (?:year|month|week)|"
    r"\w+[- ](?:years?|months?|weeks?|days?|hours?))\b")
_ANY_CUE = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS}|(?:19|20)\d\d|\d{{2,4}}s|yesterday|today|tomorrow|tonight|ago|decade|"
    r"centur(?:y|ies)|(?:last|next|this|previous|coming|past|recent) (?:year|month|week|season|decade|"
    r"quarter|weekend|summer|winter|spring|autumn)s?|(?:\d+|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|twelve|a|an|several|few)[- ](?:years?|months?|weeks?|days?|hours?|minutes?|decades?)|"
    r"quarter|annual(?:ly)?|daily|weekly|monthly|now|currently|recently|earlier|later|since)\b", re.I)


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[tuple[str, str], ...]:
    """(text, category) of each data row of one corpus file, in file order."""
    if name not in ALLOWED_FILES:
        raise ValueError(f"{name}: only {', '.join(ALLOWED_FILES)} may be read (bbc_test.csv is held out)")
    with open(BBC / name, newline="", encoding="utf-8") as f:
        return tuple((row["text"], row["category"]) for row in csv.DictReader(f))


def passages(text: str, n: int = 2) -> list[tuple[int, int]]:
    """Spans of n consecutive sentences; the first sentence carries the headline and is skipped."""
    spans, start = [], 0
    for m in _END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append((start, len(text)))
    spans = spans[1:]
    return [(spans[i][0], spans[i + n - 1][1]) for i in range(len(spans) - n + 1)]


def sample() -> list[dict]:
    """References to 40 passages: per category 7 with a temporal cue and 1 with none, one per article."""
    rng = random.Random(SEED)
    pools: dict[tuple[str, str], list[dict]] = {}
    for name in ALLOWED_FILES:
        for i, (text, category) in enumerate(rows(name)):
            for s, e in passages(text):
                p = text[s:e]
                if not 100 <= len(p) <= 450 or p.count('"') % 2:
                    continue
                cue = "with" if _CUE.search(p) else ("without" if not _ANY_CUE.search(p) else "weak")
                pools.setdefault((category, cue), []).append(
                    {"file": name, "row": i, "start": s, "end": e, "sha1": sha1(p), "category": category})
    out, used = [], set()
    for category in sorted({c for c, _ in pools}):
        for cue, k in (("with", WITH_CUE_PER_CATEGORY), ("without", WITHOUT_CUE_PER_CATEGORY)):
            pool = pools[(category, cue)]
            rng.shuffle(pool)
            taken = 0
            for ref in pool:
                if (ref["file"], ref["row"]) in used:
                    continue
                used.add((ref["file"], ref["row"]))
                out.append(ref)
                taken += 1
                if taken == k:
                    break
    return out


# --- gold and predictions ---------------------------------------------------------------------

@dataclass(frozen=True)
class Gold:
    """One annotated TIMEX3, located in its passage."""

    surface: str
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True)
class Pred:
    """What the scorer reads from one date or duration claim."""

    text: str
    start: int
    end: int
    kind: str
    timex: str | None


@dataclass(frozen=True)
class Tally:
    """Counts for one passage (or summed over the set)."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    value_hits: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.gold + other.gold, self.pred + other.pred,
                     self.matched + other.matched, self.value_hits + other.value_hits)


def to_pred(claim: Any) -> Pred:
    return Pred(claim.text, claim.start, claim.end, claim.kind, claim.timex)


def tally(pairs: Iterable[tuple[Gold | None, Pred | None]]) -> Tally:
    t = Tally()
    for g, p in pairs:
        both = g is not None and p is not None
        t = t + Tally(int(g is not None), int(p is not None), int(both), int(both and g.value == p.timex))
    return t


def verdict(g: Gold | None, p: Pred | None) -> str:
    if p is None:
        return "missed"
    if g is None:
        return "extra"
    return "ok" if g.value == p.timex else "value"


def locate(passage: str, entries: Sequence[dict]) -> list[Gold]:
    """Gold timexes with spans: each surface is searched from the end of the previous one."""
    out, pos = [], 0
    for t in entries:
        i = passage.find(t["surface"], pos)
        if i < 0:
            raise ValueError(f"gold surface {t['surface']!r} not found in order in {passage!r}")
        pos = i + len(t["surface"])
        out.append(Gold(t["surface"], i, pos, t["type"], t["value"]))
    return out


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def passage_of(ref: dict) -> str:
    return rows(ref["file"])[ref["row"]][0][ref["start"]:ref["end"]]


# TIMEX3 values this set uses: dates (year/month/day, decade, ISO week and weekend, season, quarter),
# reference words, times of day, and durations/sets (numbers or X for vague amounts).
_DATE_VALUE = re.compile(
    r"^(?:PRESENT_REF|PAST_REF|FUTURE_REF|(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?|\d{3}X|\d{2}XX|"
    r"\d{4}-W\d{2}(?:-WE)?|XXXX-WXX-WE|\d{4}-(?:SP|SU|FA|WI)|\d{4}-Q[1-4]|\d{4}-H[12])$")
_TIME_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)T(?:\d{2}:\d{2}|MO|AF|EV|NI|DT)$")
_PERIOD_VALUE = re.compile(r"^P(?:(?:\d+|X)[YMWD])*(?:T(?:(?:\d+|X)[HMS])+)?$")


def valid_value(kind: str, value: str) -> bool:
    """Whether a gold value has the TIMEX3 shape its type requires."""
    if kind == "DATE":
        return bool(_DATE_VALUE.match(value))
    if kind == "TIME":
        return bool(_TIME_VALUE.match(value))
    return value != "P" and bool(_PERIOD_VALUE.match(value))


# --- the gold file itself (no corpus needed) ---------------------------------------------------

def test_gold_file_is_well_formed():
    refs = load_gold()
    assert len(refs) == 40
    assert [r["id"] for r in refs] == list(range(len(refs)))
    assert len({(r["file"], r["row"]) for r in refs}) == len(refs), "one passage per article"
    assert {r["category"] for r in refs} == {"business", "entertainment", "politics", "sport", "tech"}
    for r in refs:
        assert r["file"] in ALLOWED_FILES, f"#{r['id']}: only train/val may be used, never bbc_test.csv"
        assert 0 <= r["start"] < r["end"] and re.fullmatch(r"[0-9a-f]{12}", r["sha1"])
        assert "text" not in r, "references only: no corpus text in the repo"
        assert re.fullmatch(r"200[45]-\d{2}-\d{2}", r["dct"]), f"#{r['id']}: the DCT is a 2004-2005 day"
        for t in r["timexes"]:
            assert set(t) == {"surface", "type", "value"} and t["surface"] == t["surface"].strip()
            assert t["type"] in TYPES and valid_value(t["type"], t["value"]), f"#{r['id']}: {t}"
    assert sum(not r["timexes"] for r in refs) >= 5, "passages without a timex measure false positives"


def test_value_shapes_are_checked():
    assert valid_value("DATE", "2005-W08") and valid_value("DATE", "2004-W52-WE")
    assert valid_value("DATE", "2006-SP") and valid_value("DATE", "199X") and valid_value("DATE", "XXXX-12-25")
    assert valid_value("DURATION", "PT2H40M") and valid_value("DURATION", "PXW") and valid_value("SET", "P1Y")
    assert valid_value("TIME", "XXXX-XX-XXT08:00") and valid_value("TIME", "XXXX-XX-XXTNI")
    assert not valid_value("DATE", "Feb 2005") and not valid_value("DURATION", "P") and not valid_value("DATE", "P3Y")


# --- the scorer's own rules, on hand-built claims -----------------------------------------------

def _claim(text: str, start: int, kind: str, timex: str | None) -> Any:
    from numcheck.model import Claim

    return Claim(text=text, start=start, end=start + len(text), kind=kind, value=None, low=None,
                 high=None, unit="", subject="", timex=timex)


def test_relaxed_match_and_value_scoring():
    passage = "It fell in late December and will take the next several weeks, every year."
    golds = locate(passage, [{"surface": "late December", "type": "DATE", "value": "2004-12"},
                             {"surface": "the next several weeks", "type": "DURATION", "value": "PXW"},
                             {"surface": "every year", "type": "SET", "value": "P1Y"}])
    preds = [to_pred(_claim("December", 16, "date", "2004-12")),         # partial overlap counts
             to_pred(_claim("several weeks", 48, "duration", "P7W")),     # wrong value
             to_pred(_claim("It", 0, "date", "2005"))]                    # spurious
    pairs = match(golds, preds)
    assert [verdict(g, p) for g, p in pairs] == ["ok", "value", "missed", "extra"]
    t = tally(pairs)
    assert (t.gold, t.pred, t.matched, t.value_hits) == (3, 3, 2, 1)
    p, r, f = prf(t.matched, t.pred, t.gold)
    assert round(p, 1) == round(r, 1) == 66.7
    assert prf(t.value_hits, t.pred, t.gold)[2] == pytest.approx(100 / 3)
    assert prf(0, 0, 0) == (100.0, 100.0, 100.0)


def test_each_prediction_pairs_with_at_most_one_gold():
    passage = "three years and three years"
    golds = locate(passage, [{"surface": "three years", "type": "DURATION", "value": "P3Y"},
                             {"surface": "three years", "type": "DURATION", "value": "P3Y"}])
    assert [g.start for g in golds] == [0, 16]
    pairs = match(golds, [to_pred(_claim("three years and three years", 0, "duration", "P3Y"))])
    assert [verdict(g, p) for g, p in pairs] == ["ok", "missed"]
    with pytest.raises(ValueError):
        locate("no time here", [{"surface": "May", "type": "DATE", "value": "2005-05"}])


def test_the_held_out_file_is_never_read():
    with pytest.raises(ValueError, match="held out"):
        rows("bbc_test.csv")


# --- the corpus-backed checks -----------------------------------------------------------------

@needs_corpus
def test_references_still_give_their_passages():
    for r in load_gold():
        s = passage_of(r)
        assert sha1(s) == r["sha1"], f"#{r['id']}: {r['file']} row {r['row']} offsets drifted: {s[:60]!r}"
        assert rows(r["file"])[r["row"]][1] == r["category"]
        locate(s, r["timexes"])


@needs_corpus
def test_the_sample_is_reproducible():
    keys = ("file", "row", "start", "end", "sha1", "category")
    assert [{k: r[k] for k in keys} for r in load_gold()] == sample()


def score() -> tuple[Tally, list[str], dict[str, int], dict[str, list[int]]]:
    """Run numcheck on every passage; return the totals, report lines, error categories and per-type recall."""
    import numcheck

    total, lines, counts = Tally(), [], {}
    by_type: dict[str, list[int]] = {t: [0, 0, 0] for t in TYPES}  # gold, span-matched, value-equal
    for r in load_gold():
        s = passage_of(r)
        golds = locate(s, r["timexes"])
        claims = numcheck.extract(s, published=r["dct"])
        preds = [to_pred(c) for c in claims if c.kind in KINDS and c.timex]
        pairs = match(golds, preds)
        total = total + tally(pairs)
        bad = []
        for g, p in pairs:
            v = verdict(g, p)
            if g is not None:
                by_type[g.type][0] += 1
                by_type[g.type][1] += p is not None
                by_type[g.type][2] += v == "ok"
            if v == "ok":
                continue
            if v == "missed":
                other = [c for c in claims if c.kind not in KINDS and overlap(g.start, g.end, c.start, c.end)]
                label = f"missed {g.type}" + (f" (read as {other[0].kind})" if other else "")
            elif v == "extra":
                label = "extra"
            else:
                label = f"value {g.type}"
            counts[label] = counts.get(label, 0) + 1
            bad.append((label, g, p))
        if bad:
            lines.append(f"#{r['id']} {r['category']} {r['file']}:{r['row']} dct {r['dct']}\n  {s}")
            for label, g, p in bad:
                gs = f"{g.surface!r} {g.type} {g.value}" if g else "-"
                ps = f"{p.text!r} {p.kind} {p.timex}" if p else "-"
                lines.append(f"    {label:28} gold {gs}  |  got {ps}")
    return total, lines, counts, by_type


@needs_corpus
def test_timex_extraction_and_value_f1(capsys):
    total, lines, counts, by_type = score()
    ep, er, ef = prf(total.matched, total.pred, total.gold)
    vp, vr, vf = prf(total.value_hits, total.pred, total.gold)
    summary = [
        f"timex dev set: {total.gold} gold TIMEX3, {total.pred} date/duration predictions, "
        f"{total.matched} span-matched, {total.value_hits} value-equal",
        f"extraction (relaxed)  P {ep:5.1f}  R {er:5.1f}  F1 {ef:5.1f}",
        f"value                 P {vp:5.1f}  R {vr:5.1f}  F1 {vf:5.1f}   (issue target > {TARGET_VALUE_F1}: "
        f"{'met' if vf > TARGET_VALUE_F1 else 'not met'}; development proxy, not asserted)",
        "recall by gold type (gold / span-matched / value-equal): "
        + ", ".join(f"{t} {n}/{m}/{v}" for t, (n, m, v) in by_type.items()),
        "errors: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(summary + [""] + lines) + "\n", encoding="utf-8")
    with capsys.disabled():
        print("\n" + "\n".join(summary) + f"\nper-passage mismatches: {OUT}")
    assert ef >= FLOORS["extraction_f1"], f"extraction F1 {ef:.1f} fell below its floor {FLOORS['extraction_f1']}"
    assert vf >= FLOORS["value_f1"], f"value F1 {vf:.1f} fell below its floor {FLOORS['value_f1']}"


def _show(path: Path = GOLD) -> None:
    """Print each referenced passage with its DCT and gold, for annotation review."""
    for r in load_gold() if path == GOLD else [json.loads(x) for x in path.read_text().splitlines() if x]:
        print(f"#{r.get('id')} {r['category']} {r['file']}:{r['row']} dct {r.get('dct')}\n  {passage_of(r)}")
        for t in r.get("timexes", []):
            print(f"    {t['surface']!r} {t['type']} {t['value']}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["sample"]:
        for i, ref in enumerate(sample()):
            print(json.dumps({"id": i, **ref, "dct": None, "timexes": []}))
    elif sys.argv[1:2] == ["show"]:
        _show(Path(sys.argv[2]) if len(sys.argv) > 2 else GOLD)
    else:
        sys.exit("usage: python tests/test_timex_gold.py sample|show [FILE]")
