"""TempEval-3 scores of numcheck's dates, times, durations and sets on TimeBank + AQUAINT, per category.

    .venv/bin/python bench/timeml_score.py                      # all documents, every split's summary
    .venv/bin/python bench/timeml_score.py --split dev          # the table for one split
    .venv/bin/python bench/timeml_score.py --before /tmp/base   # side by side with another checkout
    .venv/bin/python bench/timeml_score.py --errors /tmp/e.tsv  # every wrong or missed pair, with context

Prints span P/R/F1, value P/R/F1 (TempEval-3 attribute F1: value accuracy
times span F1) and type accuracy for the whole set, the development split and
the held-out split, then the per-category table of the chosen split.  The
scoring rules are in tests/tempeval.py.  ``--before DIR`` scores the numcheck
package found in DIR (e.g. ``git archive main numcheck | tar -x -C DIR``) in a
child process and prints its columns beside this checkout's.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import tempeval  # noqa: E402


def _scores(folders: list[str]) -> dict[str, tempeval.Score]:
    import numcheck

    return {split: tempeval.score(tempeval.documents(split, folders), numcheck.extract) for split in tempeval.SPLITS}


def _dump(scores: dict[str, tempeval.Score]) -> str:
    return json.dumps({k: {c: vars(cell) for c, cell in s.cells.items()} for k, s in scores.items()})


def _load(raw: str) -> dict[str, tempeval.Score]:
    out = {}
    for split, cells in json.loads(raw).items():
        out[split] = tempeval.Score({c: tempeval.Cell(**v) for c, v in cells.items()})
    return out


def _before(checkout: Path, folders: list[str]) -> dict[str, tempeval.Score]:
    """The scores of the numcheck package in ``checkout``, computed in a child process run outside this tree."""
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve()))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--json", "--folders", ",".join(folders)]
    with tempfile.TemporaryDirectory() as cwd:
        done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"timeml_score: scoring {checkout} failed:\n{done.stderr}")
    return _load(done.stdout)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=tempeval.SPLITS, default="all", help="the split whose table is printed")
    ap.add_argument("--folders", default=",".join(tempeval.GOLD_FOLDERS), help="corpus folders, comma-separated")
    ap.add_argument("--before", type=Path, help="a directory holding another numcheck package to compare with")
    ap.add_argument("--errors", type=Path, help="write every wrong, missed and extra pair of the split here")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    folders = [f for f in a.folders.split(",") if f]
    if not tempeval.documents("all", folders):
        raise SystemExit(f"timeml_score: no TimeML documents under {tempeval.timeml.TIMEML}")
    now = _scores(folders)
    if a.json:
        print(_dump(now))
        return 0
    columns = {"before": _before(a.before, folders), "after": now} if a.before else {"numcheck": now}
    for split in tempeval.SPLITS:
        for label, scores in columns.items():
            print(tempeval.summary(f"{split}:{label}" if a.before else split, scores[split]))
    import numcheck

    with_ages = tempeval.score(tempeval.documents("all", folders), numcheck.extract, ages=True)
    print(tempeval.summary("all+ages", with_ages) + "   (age claims scored too; the gold leaves ages unannotated)")
    print(f"\nper category, {a.split} ({len(tempeval.documents(a.split, folders))} documents):")
    print("\n".join(tempeval.table({label: s[a.split] for label, s in columns.items()})))
    if a.errors:
        a.errors.write_text("\n".join(now[a.split].errors) + "\n", encoding="utf-8")
        print(f"\n{len(now[a.split].errors)} wrong, missed or extra pairs written to {a.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
