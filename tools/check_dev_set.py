"""Checks the blind quantity dev set (tests/data/news_dev.jsonl) against its guideline, and counts it.

Every corpus reference must still give its sentence (SHA-1 of the UTF-8 text
at file/start/end), every surface must sit at its offsets, and every quantity's
fields must agree with each other: kinds and units from the guideline's lists,
qualifiers matching the interval (``more than 10,000`` -> low 10000, high
null), ranges and vague amounts with a null value, ``low <= value <= high``.
Plain Python; pint is used to read measure units when it is installed, and the
report says when it is not.  Nothing here imports numcheck.

    python3 tools/check_dev_set.py            # check, print problems, exit 1 if any
    python3 tools/check_dev_set.py --stats    # also print the counts for the guideline
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
import timeml  # noqa: E402

DEV_SET = ROOT / "tests" / "data" / "news_dev.jsonl"
SOURCES = {"gigaword": "gw-", "timebank": "tb-", "aquaint": "tb-", "written": "wr-"}
DESKS = {"markets", "business", "tech", "autos", "sport", "science", "politics", "health", "finance", "wire"}
KINDS = {"count", "money", "percent", "percentage_point", "measure", "duration", "age", "fraction", "multiple"}
QUALIFIERS = {"=", "~", ">", ">=", "<", "<="}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "quarter", "year", "decade", "century"}
# unit names of this set that pint does not define (the guideline says why each is used)
NOT_PINT = {"index_point", "basis_point", "ppb", "tael", "night", "share", "barrel", "match", "constituency"}
KEYS = ("surface", "start", "end", "kind", "value", "low", "high", "qualifier", "change", "unit", "subject")
_ISO = re.compile(r"[A-Z]{3}")


def sentence_of(rec: dict, docs: dict[str, str]) -> str | None:
    """The sentence a line stands for: its text, or the corpus span it references (None if unreadable)."""
    if rec.get("source") == "written":
        return rec.get("text")
    path = timeml.TIMEML / rec["file"]
    if not path.is_file():
        return None
    if rec["file"] not in docs:
        docs[rec["file"]] = timeml.read(path).text
    return docs[rec["file"]][rec["start"]:rec["end"]]


def check_line(rec: dict, sentence: str | None, pint_units) -> list[str]:
    """Problems with one line (its own fields, then each quantity's)."""
    problems = _line_problems(rec, sentence)
    spans: list[tuple[int, int]] = []
    for i, q in enumerate(rec.get("quantities", [])):
        where = f"quantity {i} {q.get('surface')!r}"
        problems += [f"{where}: {p}" for p in quantity_problems(q, sentence, pint_units)]
        spans.append((q.get("start", 0), q.get("end", 0)))
    if spans != sorted(spans):
        problems.append("quantities not in text order")
    for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
        if s2 < e1:
            problems.append(f"quantities overlap at {s1}:{e1} and {s2}:{e2}")
    return problems


def _line_problems(rec: dict, sentence: str | None) -> list[str]:
    problems = []
    source = rec.get("source")
    if source not in SOURCES:
        return [f"unknown source {source!r}"]
    if not str(rec.get("id", "")).startswith(SOURCES[source]):
        problems.append(f"id {rec.get('id')!r} does not fit source {source}")
    if rec.get("desk") not in DESKS or (source != "written") != (rec.get("desk") == "wire"):
        problems.append(f"desk {rec.get('desk')!r} does not fit source {source}")
    if not re.fullmatch(r"\d{4}-\d\d-\d\d", str(rec.get("published"))):
        problems.append(f"published {rec.get('published')!r} is not YYYY-MM-DD")
    if source == "written":
        if "file" in rec or not rec.get("text"):
            problems.append("a written sentence holds its text and no file reference")
    else:
        if "text" in rec:
            problems.append("a corpus sentence must be a reference, not text")
        if sentence is None:
            problems.append(f"cannot read {rec.get('file')} (corpus absent?)")
        elif hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12] != rec.get("sha1"):
            problems.append(f"sha1 mismatch: the reference no longer gives the sentence ({sentence[:60]!r})")
    return problems


def quantity_problems(q: dict, sentence: str | None, pint_units) -> list[str]:
    """Problems with one quantity: fields present, surface at its offsets, kind/unit, interval."""
    missing = [k for k in KEYS if k not in q]
    extra = set(q) - set(KEYS) - {"minor"}
    if missing or extra:
        return [f"missing keys {missing}" if missing else f"unknown keys {sorted(extra)}"]
    problems = []
    if sentence is not None and sentence[q["start"]:q["end"]] != q["surface"]:
        problems.append(f"surface is not sentence[{q['start']}:{q['end']}] = {sentence[q['start']:q['end']]!r}")
    if q["kind"] not in KINDS:
        problems.append(f"unknown kind {q['kind']!r}")
    problems += unit_problems(q, pint_units)
    problems += interval_problems(q)
    if q["change"] not in (None, "up", "down"):
        problems.append(f"change {q['change']!r}")
    if "minor" in q and (q["minor"] is not True or q["kind"] != "money"):
        problems.append("minor appears only as true, on money")
    if not isinstance(q["subject"], str) or q["subject"] != q["subject"].lower():
        problems.append(f"subject {q['subject']!r} is not lower case")
    return problems


def unit_problems(q: dict, pint_units) -> list[str]:
    """The unit must be of the kind's sort: an ISO code for money, a time unit for durations ..."""
    kind, unit = q["kind"], q["unit"]
    head, _, per = (part.strip() for part in unit.partition("/"))
    if per and not head:
        return [f"rate {unit!r} has no numerator"]
    ok = {
        "money": bool(_ISO.fullmatch(head)),
        "percent": head == "percent",
        "percentage_point": unit in ("percentage_point", "basis_point"),
        "duration": head in TIME_UNITS,
        "age": unit in ("year", "month"),
        "count": unit == "" or head == "1",
        "fraction": unit == "",
        "multiple": unit == "",
        "measure": True,
    }.get(kind, False)
    if not ok:
        return [f"unit {unit!r} does not fit kind {kind}"]
    if kind == "measure" and unit and pint_units is not None:
        names = {n for n in re.split(r"[\s*/()]+", unit) if n and not n.isdigit()}
        unknown = [n for n in names if n not in NOT_PINT and not pint_units(n)]
        if unknown:
            return [f"unit {unit!r}: pint does not know {unknown}"]
    return []


def interval_problems(q: dict) -> list[str]:
    """Value, low, high and qualifier must say the same thing (guideline section 4.2)."""
    value, low, high, qual = q["value"], q["low"], q["high"], q["qualifier"]
    if qual not in QUALIFIERS:
        return [f"qualifier {qual!r}"]
    if value is None:
        if low is None and high is None:
            return ["a range or vague amount needs low or high"]
        if low is not None and high is not None and low > high:
            return [f"low {low} > high {high}"]
        return []
    expected = {"=": (value, value), "~": (value, value), ">": (value, None), ">=": (value, None),
                "<": (None, value), "<=": (None, value)}[qual]
    if (low, high) != expected:
        return [f"qualifier {qual} with value {value} wants low/high {expected}, found {(low, high)}"]
    return []


def pint_lookup():
    """A function telling whether pint knows a unit name, or None when pint is not installed."""
    try:
        import pint
    except ImportError:
        return None
    ureg = pint.UnitRegistry()

    def known(name: str) -> bool:
        try:
            ureg.parse_units(name)
            return True
        except Exception:
            return False
    return known


def stats(records: list[dict]) -> str:
    """The counts the guideline's last section reports."""
    lines = [f"sentences: {len(records)}, with a quantity: {sum(1 for r in records if r['quantities'])}, "
             f"quantities: {sum(len(r['quantities']) for r in records)}"]
    by_source = Counter(r["source"] for r in records)
    by_desk = Counter(r["desk"] for r in records)
    qs_source = Counter()
    qs_desk = Counter()
    for r in records:
        qs_source[r["source"]] += len(r["quantities"])
        qs_desk[r["desk"]] += len(r["quantities"])
    lines.append("by source: " + ", ".join(f"{k} {by_source[k]} ({qs_source[k]} q)" for k in sorted(by_source)))
    lines.append("by desk: " + ", ".join(f"{k} {by_desk[k]} ({qs_desk[k]} q)" for k in sorted(by_desk)))
    kinds = Counter(q["kind"] for r in records for q in r["quantities"])
    lines.append("by kind: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))
    forms = Counter()
    for r in records:
        for q in r["quantities"]:
            forms["range or vague"] += q["value"] is None
            forms["qualified"] += q["value"] is not None and q["qualifier"] != "="
            forms["change"] += q["change"] is not None
            forms["rate"] += "/" in q["unit"]
            forms["minor"] += bool(q.get("minor"))
    lines.append("forms: " + ", ".join(f"{k} {n}" for k, n in forms.items()))
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEV_SET))
    parser.add_argument("--stats", action="store_true", help="print the counts per source, desk and kind")
    args = parser.parse_args()
    pint_units = pint_lookup()
    if pint_units is None:
        print("note: pint is not installed; measure unit names were not checked against pint")
    if not timeml.TIMEML.is_dir():
        print(f"note: {timeml.TIMEML} is absent; corpus references cannot be checked")
    docs: dict[str, str] = {}
    records, seen, bad = [], set(), 0
    for n, line in enumerate(Path(args.path).read_text(encoding="utf-8").splitlines(), 1):
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            print(f"line {n}: not JSON: {e}")
            bad += 1
            continue
        problems = check_line(rec, sentence_of(rec, docs), pint_units)
        if rec.get("id") in seen:
            problems.append("duplicate id")
        seen.add(rec.get("id"))
        for p in problems:
            print(f"line {n} {rec.get('id')}: {p}")
        bad += bool(problems)
        records.append(rec)
    if args.stats:
        print(stats(records))
    print(f"{len(records)} lines checked, {bad} with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
