"""Real-copy precision: every finding on the unbroken development wire, listed for a person to judge, and the tally.

    .venv/bin/python bench/wire_findings.py                     # list to /tmp/numcheck-wire-findings.{jsonl,txt}
    .venv/bin/python bench/wire_findings.py --out DIR           # elsewhere
    .venv/bin/python bench/wire_findings.py --unread            # print only the findings nobody has judged yet

The articles are the development half of the Gigaword wire (bench/harness/corpora.py:
wire-dev) and TimeBank + AQUAINT (tbaq), each checked with its own publication
date and the default configuration ("plain"), and again against a history store
of the articles published before it ("history", NC4xx only: the store a
newsroom would keep).  Each finding gets a key (its article, code and spans) and
is written with its sentence, message, related spans and suggestion.

bench/judgements/wire-dev.jsonl holds the judgements, one per finding key:
{"key", "article", "code", "verdict": "real" | "false", "cause", "reason", "sentence"}.
A finding whose key is judged takes that verdict (so a rerun after a change
needs only its new findings read); the rest are "unread".  The tally printed
is findings, read, real errors, false alarms and precision (real / read), per
mode, and the false alarms by cause: the list to work from.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import corpora, restated  # noqa: E402
from harness.corpora import Article  # noqa: E402

JUDGEMENTS = HERE / "judgements" / "wire-dev.jsonl"
CORPORA = ("wire-dev", "tbaq")
VERDICTS = ("real", "false")


def key(article: str, f: Any) -> str:
    """A finding's identity across runs: its article, code, span and related spans (not its wording)."""
    related = sorted((r.start, r.end, r.text) for r in f.related)
    raw = json.dumps([article, f.code, f.start, f.end, related], ensure_ascii=False)
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def record(mode: str, a: Article, f: Any) -> dict[str, Any]:
    """One finding as a listing row: where, what, the sentence, and the other side."""
    from numcheck.text import SentenceIndex

    return {
        "key": key(a.id, f), "mode": mode, "article": a.id, "published": a.published, "code": f.code,
        "severity": f.severity, "span": a.text[f.start:f.end], "message": f.message,
        "sentence": SentenceIndex(a.text).sentence(f.start),
        "related": [{"text": r.text, "note": r.note} for r in f.related],
        "earlier": f.evidence.get("source") and {"source": f.evidence.get("source"), "sentence": f.evidence.get("sentence")},
        "suggestion": f.suggestion,
    }


def findings(names: Iterable[str], limit: int | None = None, history: bool = True) -> list[dict[str, Any]]:
    """Every finding on the named corpora: plain check(), then NC4xx against the store of earlier articles."""
    from numcheck import check

    rows: list[dict[str, Any]] = []
    for name in names:
        articles = corpora.load(name, limit)
        for a in articles:
            rows.extend(record("plain", a, f) for f in check(a.text, published=a.published))
        if history:
            rows.extend(record("history", a, f) for a, f in restated.measure(articles, [], seed=0).findings)
    return rows


def load_judgements(path: Path = JUDGEMENTS) -> dict[str, dict[str, Any]]:
    """key -> judgement; a bad line or verdict stops with the line number."""
    out: dict[str, dict[str, Any]] = {}
    if not path.exists():
        return out
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            j = json.loads(line)
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{path}:{i}: not JSON ({exc})") from None
        if j.get("verdict") not in VERDICTS or not j.get("key") or not j.get("reason"):
            raise SystemExit(f"{path}:{i}: a judgement needs a key, a verdict ({' or '.join(VERDICTS)}) and a reason")
        out[j["key"]] = j
    return out


def tally(rows: list[dict[str, Any]], judged: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Per mode: findings, read, real, false, precision, and the false alarms by cause."""
    out: dict[str, Any] = {}
    for mode in sorted({r["mode"] for r in rows}):
        mine = [r for r in rows if r["mode"] == mode]
        verdicts = [judged[r["key"]] for r in mine if r["key"] in judged]
        real = sum(v["verdict"] == "real" for v in verdicts)
        causes = Counter(v.get("cause") or v["reason"] for v in verdicts if v["verdict"] == "false")
        out[mode] = {"findings": len(mine), "read": len(verdicts), "real": real, "false": len(verdicts) - real,
                     "precision": real / len(verdicts) if verdicts else None,
                     "by_code": dict(Counter(r["code"] for r in mine)), "false_causes": dict(causes.most_common())}
    return out


def write(rows: list[dict[str, Any]], judged: dict[str, dict[str, Any]], out: Path) -> tuple[Path, Path]:
    """The listing as JSONL (one finding a line, with its verdict if judged) and as readable text."""
    out.mkdir(parents=True, exist_ok=True)
    jsonl, txt = out / "numcheck-wire-findings.jsonl", out / "numcheck-wire-findings.txt"
    with open(jsonl, "w", encoding="utf-8") as fj, open(txt, "w", encoding="utf-8") as ft:
        for r in rows:
            j = judged.get(r["key"])
            verdict = {"verdict": j["verdict"], "cause": j.get("cause"), "reason": j["reason"]} if j else {"verdict": "unread"}
            fj.write(json.dumps({**r, **verdict}, ensure_ascii=False) + "\n")
            ft.write(_readable(r, verdict))
    return jsonl, txt


def _readable(r: dict[str, Any], verdict: dict[str, Any]) -> str:
    lines = [f"{r['key']}  {r['mode']}  {r['article']} ({r['published']})  {r['code']} [{r['severity']}]  "
             f"{verdict['verdict'].upper()}" + (f": {verdict['reason']}" if verdict.get("reason") else ""),
             f"  span:     {r['span']!r}", f"  message:  {r['message']}", f"  sentence: {r['sentence']}"]
    lines += [f"  related:  {x['text']!r} {x['note']}" for x in r["related"] if not r["earlier"]]
    if r["earlier"]:
        lines.append(f"  earlier:  {r['earlier']['source']}: {r['earlier']['sentence']}")
    if r["suggestion"]:
        lines.append(f"  suggests: {r['suggestion']!r}")
    return "\n".join(lines) + "\n\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp"), help="directory for the listing (default /tmp)")
    ap.add_argument("--limit", type=int, default=None, help="the first N articles of each corpus (quick runs)")
    ap.add_argument("--no-history", action="store_true", help="skip the NC4xx run against the earlier articles")
    ap.add_argument("--unread", action="store_true", help="print the findings not judged yet")
    a = ap.parse_args(argv)
    judged = load_judgements()
    rows = findings(CORPORA, a.limit, history=not a.no_history)
    jsonl, txt = write(rows, judged, a.out)
    if a.unread:
        for r in rows:
            if r["key"] not in judged:
                print(_readable(r, {"verdict": "unread"}), end="")
    print(f"listing: {jsonl} and {txt}")
    print(json.dumps(tally(rows, judged), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
