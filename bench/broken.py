"""Broken-text generator and recall/quietness measurement for the NC1xx checks on the BBC corpus.

Takes real BBC articles, finds numbers that other numbers in the text pin down
(a conversion, a change with its levels, a percentage with its part and whole,
a figure repeated for the same subject, parts with their total), breaks ONE of
them, and records where the break is.  A break is caught when a warning or
error finding that the original text did not have covers the broken number
(its span or one of its related spans).

The break is a wrong leading digit: the first significant digit of the number
is replaced so that the value moves by at least 20% (a sub-editor's "that
can't be right"), keeping the number's format ("£481.5m" -> "£681.5m").

    python bench/broken.py --split train,val --published 2005,none     # development
    python bench/broken.py --split test --published 2005,none -v       # final measurement (run once)

bbc_test.csv is for the final measurement only: never tune on it.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc"
MIN_MOVE = 1.2  # the broken value differs from the original by at least this factor either way
KINDS = ("conversion", "change", "percentage", "repeat", "total")


@dataclass(frozen=True)
class BrokenCase:
    """One article with one number broken, and where."""

    source: int      # index of the article in its split
    kind: str        # one of KINDS
    text: str        # the broken text
    start: int       # span of the broken number in ``text``
    end: int
    original: str    # the number as it was
    broken: str      # the number as it is now


def load_split(names: str) -> list[str]:
    """Article texts of the named splits ("train,val"), in file order."""
    csv.field_size_limit(10 ** 8)
    out: list[str] = []
    for name in names.split(","):
        path = CORPUS / f"bbc_{name.strip()}.csv"
        if not path.exists():
            raise FileNotFoundError(f"no corpus file {path}")
        with open(path, newline="", encoding="utf-8") as fh:
            out.extend(row["text"] for row in csv.DictReader(fh))
    return out


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def break_number(surface: str, rng: random.Random) -> str | None:
    """The surface with its first significant digit changed so the value moves >= MIN_MOVE; None if impossible."""
    m = _DIGITS.search(surface)
    if not m:
        return None
    num = m.group(0)
    first = next((i for i, ch in enumerate(num) if ch.isdigit() and ch != "0"), None)
    if first is None:
        return None
    old = float(num.replace(",", ""))
    choices = []
    for d in "123456789":
        if d == num[first]:
            continue
        new_num = num[:first] + d + num[first + 1:]
        new = float(new_num.replace(",", ""))
        if old > 0 and (new / old >= MIN_MOVE or old / new >= MIN_MOVE):
            choices.append(new_num)
    if not choices:
        return None
    new_num = rng.choice(choices)
    return surface[:m.start()] + new_num + surface[m.end():]


def _has_digit(c) -> bool:
    return bool(re.search(r"\d", c.text))


def sites(text: str, claims) -> Iterator[tuple[str, object]]:
    """(kind, claim to break) for every breakable number the text pins down by other numbers."""
    from numcheck.extract.subjects import is_plural
    from numcheck.text import SentenceIndex

    num = [c for c in claims if c.kind in ("count", "money", "measure", "percent") and c.point is not None]
    for a, b in zip(num, num[1:]):
        between = text[a.end:b.start]
        # conversion: "£2.6bn ($4.8bn)", "100 kilometres (60 miles)"
        if a.kind == b.kind and a.kind in ("money", "measure") and a.unit != b.unit and \
                re.fullmatch(r"\s*(?:\(|,?\s*or\s)\s*", between) and _has_digit(b):
            yield "conversion", b
    for s0, s1 in SentenceIndex(text).spans():
        inside = [c for c in num if s0 <= c.start < s1]
        for c in inside:
            # a change stated with the level it left and the level it reached
            if c.change and _has_digit(c):
                others = [d for d in inside if d is not c and d.change is None]
                fromto = any(d.range and d.text.lower().startswith("from") for d in others)
                froms = any(re.search(r"\bfrom\s+$", text[max(0, d.start - 6):d.start]) for d in others)
                tos = any(re.search(r"\bto\s+$", text[max(0, d.start - 4):d.start]) for d in others)
                if fromto or (froms and tos):
                    yield "change", c
        # parts with their total: "three men and two women - five people", "a total of"
        for i in range(len(inside) - 2):
            a, b, c = inside[i:i + 3]
            if a.kind == b.kind == c.kind and a.kind in ("count", "money") and a.subject != b.subject and \
                    re.fullmatch(r"\s*[A-Za-z ]{0,20}?,?\s+and\s+", text[a.end:b.start]) and \
                    re.fullmatch(r"\s*[A-Za-z ]{0,20}?(?:,\s*a total of|,\s*making|,\s*totalling|\s+-|\s+\()\s*", text[b.end:c.start]) \
                    and _has_digit(c):
                yield "total", c
        # percentage with part and whole: "12 of the 20 members (60%)", "10% of its 5,000 staff, or 500 people"
        for i in range(len(inside) - 2):
            a, b, c = inside[i:i + 3]
            kinds = (a.kind, b.kind, c.kind)
            if kinds in (("count", "count", "percent"), ("percent", "count", "count"), ("count", "percent", "count")) and \
                    re.search(r"\bof\b", text[a.end:c.start]) and re.search(r"\(|\bor\b", text[a.end:c.start]):
                target = c if c.kind == "count" else a
                if _has_digit(target):
                    yield "percentage", target
    # repeated figure: the same value for the same subject twice
    seen: dict[tuple[str, float], object] = {}
    for c in num:
        # a quantity of things (not a name like "BBC 6 Music", "Top 100", "60m hurdles", "2004 earnings")
        if not c.subject or c.change or c.range or not _has_digit(c) or c.kind not in ("count", "money"):
            continue
        if c.kind == "count" and not is_plural(c.subject.split()[-1]):
            continue
        if re.search(r"(?:number|top|hot|no\.?|pop|world|class|grade|level)\s+$", text[max(0, c.start - 8):c.start], re.I) or \
                (c.kind == "count" and 1900 <= c.point <= 2100):
            continue
        key = (c.subject.lower(), c.point)
        if key in seen:
            yield "repeat", c
        else:
            seen[key] = c


def make_cases(texts: list[str], seed: int = 0, per_article: int = 1) -> list[BrokenCase]:
    """Up to ``per_article`` broken variants per article (one per kind where it has sites), reproducibly."""
    from numcheck.extract import extract

    rng = random.Random(seed)
    cases: list[BrokenCase] = []
    for idx, text in enumerate(texts):
        claims = extract(text)
        by_kind: dict[str, list] = {}
        for kind, c in sites(text, claims):
            by_kind.setdefault(kind, []).append(c)
        kinds = sorted(by_kind)
        rng.shuffle(kinds)
        for kind in kinds[:per_article]:
            c = rng.choice(by_kind[kind])
            new = break_number(c.text, rng)
            if new is None:
                continue
            broken = text[:c.start] + new + text[c.end:]
            cases.append(BrokenCase(idx, kind, broken, c.start, c.start + len(new), c.text, new))
    return cases


def _serious(f) -> bool:
    return f.severity in ("warning", "error")


def caught(case: BrokenCase, findings, before: set) -> bool:
    """True when a new warning/error covers the broken number (its span or a related span)."""
    for f in findings:
        if not _serious(f) or (f.code, f.message) in before:
            continue
        spans = [(f.start, f.end)] + [(r.start, r.end) for r in f.related]
        if any(s < case.end and case.start < e for s, e in spans):
            return True
    return False


def measure(split: str, seed: int = 0, prefix: str = "NC1", published=None, verbose: bool = False) -> dict:
    """Quietness on the originals and recall on one broken variant per article, for checks under ``prefix``."""
    from numcheck import check
    from numcheck.config import Config

    cfg = Config(select=(prefix,))
    texts = load_split(split)
    t0 = time.perf_counter()
    originals = [check(t, published=published, config=cfg) for t in texts]
    t_orig = time.perf_counter() - t0
    noisy = Counter(f.code for fs in originals for f in fs if _serious(f))
    cases = make_cases(texts, seed=seed)
    hit: Counter = Counter()
    total: Counter = Counter()
    missed = []
    for case in cases:
        before = {(f.code, f.message) for f in originals[case.source]}
        fs = check(case.text, published=published, config=cfg)
        total[case.kind] += 1
        if caught(case, fs, before):
            hit[case.kind] += 1
        else:
            missed.append(case)
    # every breakable site of every kind (several variants per article), for per-kind figures
    all_hit: Counter = Counter()
    all_total: Counter = Counter()
    for case in make_cases(texts, seed=seed + 1, per_article=len(KINDS)):
        before = {(f.code, f.message) for f in originals[case.source]}
        all_total[case.kind] += 1
        all_hit[case.kind] += caught(case, check(case.text, published=published, config=cfg), before)
    n_find = sum(noisy.values())
    report = {
        "split": split, "articles": len(texts), "findings": n_find, "by_code": dict(noisy),
        "findings_per_20": 20 * n_find / max(1, len(texts)),
        "cases": sum(total.values()), "caught": sum(hit.values()),
        "recall": sum(hit.values()) / max(1, sum(total.values())),
        "by_kind": {k: f"{hit[k]}/{total[k]}" for k in sorted(total)},
        "every_site_by_kind": {k: f"{all_hit[k]}/{all_total[k]}" for k in sorted(all_total)},
        "seconds_originals": round(t_orig, 1),
    }
    if verbose:
        for i, fs in enumerate(originals):
            for f in fs:
                if _serious(f):
                    print(f"FINDING [{i}] {f.code} {f.message}")
        for case in missed:
            s = max(0, case.start - 100)
            print(f"MISSED {case.kind} [{case.source}] {case.original} -> {case.broken}: ...{case.text[s:case.end + 60]}...")
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="train,val", help="comma-separated BBC splits (train,val; test is for the final run only)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--select", default="NC1", help="code prefix of the checks measured (default NC1)")
    ap.add_argument("--published", default=None,
                    help="publication date passed to check(); several, comma-separated, are measured in turn "
                         "('none' for unknown; default: unknown)")
    ap.add_argument("-v", "--verbose", action="store_true", help="print the missed cases")
    args = ap.parse_args(argv)
    for pub in (args.published or "none").split(","):
        pub = None if pub.strip().lower() == "none" else pub.strip()
        try:
            rep = measure(args.split, args.seed, args.select, pub, args.verbose)
        except FileNotFoundError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        print(f"published: {pub}")
        for k, v in rep.items():
            print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
