"""TempEval-3 scoring of numcheck's temporal claims against gold TIMEX3 (TimeBank, AQUAINT), by category.

Shared by tests/test_tempeval.py (floors, run in ``make test``) and
bench/timeml_score.py (the per-category table and the error list).

The rules (TempEval-3, UzZaman et al. 2013, "relaxed" scoring as the corpus
README states it):

* a prediction is every claim of kind date (times of day included), duration
  or set with a TIMEX3 value, as numcheck.extract.dates.timex3 writes it in
  TimeML: its TIMEX3 type is SET for a ``set`` claim, DURATION for a
  duration, TIME for a date whose value carries a time (``T08:00``, ``TEV``),
  DATE otherwise, and a range claim ("from 1991 to 1997", timex 1991/1997) is
  its two ends, as TimeML annotates it (it has no interval value).  Age claims carry a TIMEX3 duration
  too ("a 22-year-old" P22Y) but are not scored: the gold corpora leave ages
  unannotated (2 of 41 "N-year-old" in TimeBank + AQUAINT, 4 of 128 in the
  silver wire), so scoring them would measure that convention, not the
  reader; ``predictions(..., ages=True)`` counts them, and the bench prints
  that figure too;
* a prediction and a gold TIMEX3 match when their spans overlap; pairs are
  one to one, each gold in text order taking the free overlapping prediction
  with the largest overlap (tests/gold_matching.match);
* span P = matched / predictions, R = matched / gold;
* value F1 is TempEval-3's attribute F1 for ``value``: a matched pair is right
  when the values are equal strings; P = right / predictions, R = right /
  gold.  That equals value accuracy (right / matched) times span F1, the
  formula the TempEval-3 paper gives, and the report prints both factors;
* type accuracy = matched pairs with the gold type / matched.

Categories sort gold TIMEX3s (and unmatched predictions) by what they express,
following the issue's list: calendar days, months, years, quarters, weeks,
seasons, decades and centuries, references (PRESENT_REF...), times of day,
sets, ages, durations and vague durations (``PXY``), unanchored dates
(``XXXX-08``) and the rest.

The development split holds a fixed ~70% of the documents (by a digest of the
file name, so it never changes with the code); the rest is held out, to see
how much tuning on the development part carries over.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

import timeml
from gold_matching import match, prf
try:
    from numcheck.extract.dates.timex3 import Timex3, timex3s
except ImportError:  # an older numcheck (bench --before) has no TIMEX3 view: each claim is one TIMEX3
    Timex3, timex3s = None, None  # type: ignore[assignment,misc]

GOLD_FOLDERS = ("timebank", "aquaint")
SPLITS = ("all", "dev", "held-out")
DEV_SHARE = 7  # tenths of the documents in the development split

# The order categories are tried in and printed in.
CATEGORIES = (
    "day", "month", "year", "quarter/half", "week/weekend", "season", "decade/century", "reference",
    "time of day", "set", "age", "duration", "vague duration", "unanchored date", "other",
)

_AGE = re.compile(r"(?:year|month|week|day)s?[- ]old|\baged?\b", re.I)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"\d{4}-\d\d-\d\d")),
    ("month", re.compile(r"\d{4}-\d\d")),
    ("year", re.compile(r"\d{4}")),
    ("quarter/half", re.compile(r"(?:\d{4}|XXXX)-[QH][\dX]")),
    ("week/weekend", re.compile(r"(?:\d{4}|XXXX)-W(?:\d\d|XX)(?:-WE)?")),
    ("season", re.compile(r"(?:\d{4}|XXXX)-(?:SP|SU|FA|WI)")),
    ("decade/century", re.compile(r"\d{2,3}X?|\d\dXX")),
    ("reference", re.compile(r"(?:PRESENT|PAST|FUTURE)_REF")),
)


def category(type_: str, value: str, text: str = "") -> str:
    """The category of one TIMEX3 by its type, value and (for ages) its words."""
    if type_ == "SET":
        return "set"
    if type_ == "TIME" or re.search(r"T(?:\d\d|MO|AF|EV|NI|DT)", value):
        return "time of day"
    if type_ == "DURATION" or re.match(r"PT?[\dX]", value):
        if _AGE.search(text):
            return "age"
        return "vague duration" if "X" in value else "duration"
    for name, pat in _PATTERNS:
        if pat.fullmatch(value):
            return name
    return "unanchored date" if "X" in value else "other"


@dataclass(frozen=True)
class Pred:
    """What the scorer reads from one claim: span, TIMEX3 type and value (a range claim gives its two ends)."""

    start: int
    end: int
    text: str
    type: str
    value: str


def predictions(claims: Iterable[Any], ages: bool = False) -> list[Pred]:
    """Every scored claim with a TIMEX3 value, as TimeML writes it (ages too when ``ages``)."""
    if timex3s is None:
        kinds = ("date", "duration", "set") + (("age",) if ages else ())
        return [Pred(c.start, c.end, c.text, _old_type(c.kind, c.timex), c.timex)
                for c in claims if c.timex and c.kind in kinds]
    return [Pred(t.start, t.end, t.text, t.type, t.value) for t in timex3s(claims, ages)]


def _old_type(kind: str, value: str) -> str:
    if kind == "set":
        return "SET"
    if kind in ("duration", "age"):
        return "DURATION"
    return "TIME" if re.search(r"T(?:\d\d|MO|AF|EV|NI|DT)", value) else "DATE"


@dataclass
class Cell:
    """Counts for one category: gold, predictions, span matches, right values, right types."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: "Cell") -> None:
        self.gold += other.gold
        self.pred += other.pred
        self.matched += other.matched
        self.value += other.value
        self.type += other.type


@dataclass
class Score:
    """Counts per category and in total, with the wrong pairs for reading."""

    cells: dict[str, Cell] = field(default_factory=lambda: {c: Cell() for c in CATEGORIES})
    errors: list[str] = field(default_factory=list)

    @property
    def total(self) -> Cell:
        t = Cell()
        for c in self.cells.values():
            t.add(c)
        return t

    def figures(self) -> dict[str, float]:
        """Span P/R/F1, value P/R/F1, value accuracy and type accuracy, in percent."""
        t = self.total
        sp, sr, sf = prf(t.matched, t.pred, t.gold)
        vp, vr, vf = prf(t.value, t.pred, t.gold)
        acc = 100.0 * t.value / t.matched if t.matched else 0.0
        tacc = 100.0 * t.type / t.matched if t.matched else 0.0
        return {"span_p": sp, "span_r": sr, "span_f1": sf, "value_p": vp, "value_r": vr, "value_f1": vf,
                "value_acc": acc, "type_acc": tacc}


def score_document(doc: timeml.Document, preds: Sequence[Pred], into: Score) -> None:
    """Pair one document's predictions with its gold and add the counts (and wrong pairs) to ``into``."""
    for g, p in match(doc.timexes, preds):
        if g is not None:
            cell = into.cells[category(g.type, g.value, g.text)]
            cell.gold += 1
            cell.pred += p is not None
            if p is not None:
                cell.matched += 1
                cell.value += p.value == g.value
                cell.type += p.type == g.type
            if p is None or p.value != g.value:
                got = f"{p.text!r} {p.type} {p.value}" if p else "-"
                into.errors.append(f"{doc.path.name}\t{category(g.type, g.value, g.text)}\tgold {g.text!r} {g.type} {g.value}"
                                   f"\tgot {got}\t{_context(doc.text, g.start, g.end)}")
        elif p is not None:
            into.cells[category(p.type, p.value, p.text)].pred += 1
            into.errors.append(f"{doc.path.name}\textra {category(p.type, p.value, p.text)}\tgold -"
                               f"\tgot {p.text!r} {p.type} {p.value}\t{_context(doc.text, p.start, p.end)}")


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    s = text[max(0, start - width):start] + "[" + text[start:end] + "]" + text[end:end + width]
    return re.sub(r"\s+", " ", s)


def in_split(path_name: str, split: str) -> bool:
    """Whether a document belongs to ``split`` (all, dev or held-out), fixed by a digest of its file name."""
    if split == "all":
        return True
    dev = int(hashlib.sha1(path_name.encode("utf-8")).hexdigest(), 16) % 10 < DEV_SHARE
    return dev if split == "dev" else not dev


def documents(split: str = "all", folders: Sequence[str] = GOLD_FOLDERS) -> list[timeml.Document]:
    """The gold documents of one split, in folder and file order."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}: expected one of {', '.join(SPLITS)}")
    return [timeml.read(p) for f in folders for p in timeml.files(f) if in_split(p.name, split)]


def score(docs: Iterable[timeml.Document], extract: Callable[..., Any], ages: bool = False) -> Score:
    """Run ``extract(text, published=...)`` on each document and score its temporal claims."""
    out = Score()
    for doc in docs:
        score_document(doc, predictions(extract(doc.text, published=doc.published), ages), out)
    return out


def table(scores: dict[str, Score]) -> list[str]:
    """Per-category lines: gold count, span recall, value accuracy on matches, value recall; extras.

    ``scores`` maps a column label ("before", "after") to its score; categories print in CATEGORIES order.
    """
    labels = list(scores)
    head = f"{'category':18}{'gold':>6}" + "".join(
        f" | {lab[:10]:>10} spanR valAcc  valR extra" for lab in labels)
    lines = [head, "-" * len(head)]
    for name in CATEGORIES + ("total",):
        cells = [s.total if name == "total" else s.cells[name] for s in scores.values()]
        gold = cells[0].gold
        if not gold and not any(c.pred for c in cells):
            continue
        row = f"{name:18}{gold:>6}"
        for c in cells:
            extra = c.pred - c.matched
            row += (f" | {'':>10} {_pct(c.matched, c.gold):>5} {_pct(c.value, c.matched):>6}"
                    f" {_pct(c.value, c.gold):>5} {extra:>5}")
        lines.append(row)
    return lines


def _pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}" if b else "-"


def summary(label: str, s: Score) -> str:
    f = s.figures()
    t = s.total
    return (f"{label:10} gold {t.gold:5} pred {t.pred:5} | span P {f['span_p']:5.1f} R {f['span_r']:5.1f} "
            f"F1 {f['span_f1']:5.1f} | value P {f['value_p']:5.1f} R {f['value_r']:5.1f} F1 {f['value_f1']:5.1f}"
            f" (acc {f['value_acc']:5.1f} x span F1) | type acc {f['type_acc']:5.1f}")
