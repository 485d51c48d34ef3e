"""Quality of the NC4xx checks on the BBC corpus: false alarms per article, and recall on broken copies.

    python bench/history_eval.py [--history train] [--check val] [--cache DIR] [--sample 25]

History: every article of bbc_<history>.csv, each published "2005" (the corpus
has no dates; its articles are from 2004-2005, so a year-precision synthetic
date says "same period" for every pair — the hardest case for precision, as
time never separates two articles).

False alarms: NC4xx warnings per article when checking bbc_<check>.csv.

Recall: broken copies built without using numcheck's matcher.  A case is a
figure in a <check> article (digits, closed interval, >= 5, not a year) whose
exact canonical value and unit also appear in a <history> article in a
sentence sharing at least 30% of its words (Jaccard) — "an earlier article
also states it".  The copy changes that figure to 60% of its value; a hit is an
NC401/NC402 at the changed figure citing an earlier claim with the original
value.  ``--check train-late`` splits train (first 1,200 as history, the rest
checked) for tuning without touching val; bbc_test.csv is never used.
"""
from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1]))
CORPUS = HERE.parents[2] / "shared" / "corpora" / "bbc"
DATE = "2005"
_WORDS = re.compile(r"[a-z0-9]+")
_NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")


def load(split: str):
    import pandas as pd

    if split == "test":
        raise SystemExit("bbc_test.csv is for final measurement only, not for this script")
    if split.startswith("train-"):
        df = pd.read_csv(CORPUS / "bbc_train.csv")
        return df.iloc[:1200] if split == "train-early" else df.iloc[1200:]
    return pd.read_csv(CORPUS / f"bbc_{split}.csv")


def extract_cached(texts, cache: Path | None):
    from numcheck.engine import load_ruleset
    from numcheck.extract import extract

    rules = load_ruleset(None, None)
    out = []
    for t in texts:
        path = None
        if cache is not None:
            path = cache / (hashlib.sha1(t.encode()).hexdigest() + ".pkl")
            if path.exists():
                out.append(pickle.loads(path.read_bytes()))
                continue
        claims = extract(t, published=DATE, rules=rules)
        if path is not None:
            path.write_bytes(pickle.dumps(claims))
        out.append(claims)
    return out


def build_store(path: Path, texts, claims) -> object:
    from numcheck.history import History

    if path.exists():
        path.unlink()
    h = History(path)
    for t, cs in zip(texts, claims):
        h.add(t, published=DATE, source=None, claims=cs)
    return h


def check_text(text, claims, h, rules):
    """numcheck.check's NC4xx part with claims already extracted (the engine would re-extract)."""
    from numcheck.checks.base import Context
    from numcheck.checks.history import CHECKS
    from numcheck.pubdate import parse_published

    pub = parse_published(DATE)
    ctx = Context(text=text, claims=tuple(claims), published=pub[0], published_end=pub[1], rules=rules, history=h)
    return [f for chk in CHECKS for f in chk.run(ctx)]


def words(s: str) -> set[str]:
    return set(_WORDS.findall(s.lower()))


def broken_cases(check_texts, check_claims, h, rng):
    """(text, span, original canonical value) for figures an earlier article also states, changed to 60%."""
    from numcheck.text import SentenceIndex

    stored = h.claims()
    stored = stored[stored.canon_value.notna()]
    index: dict[tuple[str, float], list[tuple[str, int]]] = {}
    for v, u, s, rid in zip(stored.canon_value, stored.canon_unit, stored.sentence, stored.report_id):
        index.setdefault((u, round(float(v), 6)), []).append((s, rid))
    cases = []
    for text, claims in zip(check_texts, check_claims):
        sentences = SentenceIndex(text)
        for c in claims:
            if c.kind == "date" or c.canonical is None or c.value is None or c.qualifier not in ("=", "~"):
                continue
            m = _NUM.search(c.text)
            if not m or c.value < 5 or (c.kind == "count" and 1900 <= c.value <= 2030 and not c.unit):
                continue
            if c.low is not None and c.high is not None and c.high > c.low * 1.5:
                continue
            s0, s1 = sentences.span(c.start)
            sent = text[s0:s1]
            same = [rid for s, rid in index.get((c.canonical.unit, round(c.canonical.value, 6)), ())
                    if len(words(s) & words(sent)) / max(1, len(words(s) | words(sent))) >= 0.3]
            if not same:
                continue
            digits = m.group(0).replace(",", "")
            old = float(digits)
            new = old * 0.6
            new_s = (f"{new:.{len(digits.split('.')[1])}f}" if "." in digits else f"{round(new):,}")
            if float(new_s.replace(",", "")) == old:
                continue
            a = c.start + m.start()
            broken = text[:a] + new_s + text[a + len(m.group(0)):]
            cases.append((broken, (c.start, c.end + len(new_s) - len(m.group(0))), c.canonical.value, same, c.text))
    rng.shuffle(cases)
    return cases


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--history", default="train", help="train or train-early")
    ap.add_argument("--check", default="val", help="val or train-late")
    ap.add_argument("--cache", default=None, help="directory to cache extracted claims in")
    ap.add_argument("--store", default="/tmp/numcheck-history-eval.db")
    ap.add_argument("--reuse-store", action="store_true", help="keep an existing --store")
    ap.add_argument("--sample", type=int, default=25, help="findings to print for review")
    ap.add_argument("--max-cases", type=int, default=300)
    args = ap.parse_args()
    from numcheck.engine import load_ruleset
    from numcheck.history import History

    cache = Path(args.cache) if args.cache else None
    if cache:
        cache.mkdir(parents=True, exist_ok=True)
    rules = load_ruleset(None, None)
    hist = load(args.history)
    chk = load(args.check)
    t0 = time.perf_counter()
    hist_texts = hist.text.tolist()
    if args.reuse_store and Path(args.store).exists():
        h = History(args.store)
    else:
        h = build_store(Path(args.store), hist_texts, extract_cached(hist_texts, cache))
    check_texts = chk.text.tolist()
    check_claims = extract_cached(check_texts, cache)
    print(f"history: {len(h)} reports, {h.n_claims} claims ({time.perf_counter() - t0:.0f}s)")

    fired = []
    for i, (t, cs) in enumerate(zip(check_texts, check_claims)):
        for f in check_text(t, cs, h, rules):
            fired.append((i, f, t))
    n = len(check_texts)
    print(f"false alarms: {len(fired)} NC4xx on {n} {args.check} articles = 1 per {n / max(1, len(fired)):.1f} "
          f"articles (target: at most 1 per 20)")
    by_code: dict[str, int] = {}
    for _, f, _ in fired:
        by_code[f.code] = by_code.get(f.code, 0) + 1
    print("  by code:", by_code)
    for i, f, t in fired[: args.sample]:
        print(f"  [{i}] {f.code} {f.message}")
        print(f"      new: ...{t[max(0, f.start - 120):f.end + 60]!r}")
        print(f"      old: {f.evidence.get('sentence', '')[:240]!r}")

    rng = random.Random(7)
    cases = broken_cases(check_texts, check_claims, h, rng)[: args.max_cases]
    from numcheck.extract import extract

    hits, misses = 0, []
    for broken, (a, b), original, same, surface in cases:
        claims = extract(broken, published=DATE, rules=rules)
        found = [f for f in check_text(broken, claims, h, rules)
                 if f.code in ("NC401", "NC402") and f.start < b and a < f.end]
        cited = [f for f in found if f.evidence.get("report_id") in same or _cites_value(h, f, original)]
        if cited:
            hits += 1
        else:
            misses.append((broken[max(0, a - 120):b + 60], surface, found))
    print(f"recall: {hits}/{len(cases)} broken figures flagged with the earlier article cited = "
          f"{hits / max(1, len(cases)):.0%} (target: >= 70%)")
    for ctx_text, surface, found in misses[: args.sample]:
        print(f"  missed {surface!r}: ...{ctx_text!r} {[f.code for f in found]}")
    return 0


def _cites_value(h, f, original: float) -> bool:
    row = h._db().execute("SELECT canon_value FROM claims WHERE id = ?", (f.evidence.get("claim_id"),)).fetchone()
    return bool(row) and row[0] is not None and abs(row[0] - original) <= abs(original) * 1e-9


if __name__ == "__main__":
    sys.exit(main())
