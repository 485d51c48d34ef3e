"""``numcheck check --fix / --unsafe-fixes / --diff`` on real drafts, in process: what is written, what is shown, exit codes."""
from __future__ import annotations

import codecs
import io
import sys

import pytest

from numcheck.cli import main

DRAFT = ("# Draft\n\nThe summit opened on Friday 3 February 2025 and the front runs 1,000km (900 miles).\n\n"
         "```\nFriday 3 February 2025: 1,000km (900 miles)\n```\n")
SAFE = DRAFT.replace("opened on Friday", "opened on Monday")
BOTH = SAFE.replace("runs 1,000km (900 miles)", "runs 1,000km (620 miles)")


def numcheck(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["check", "--isolated", "--no-source", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.md"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_diff_shows_safe_fixes_and_writes_nothing(draft, capsys) -> None:
    code, out, err = numcheck(capsys, str(draft), "--diff")
    assert code == 1 and draft.read_text(encoding="utf-8") == DRAFT
    assert "-The summit opened on Friday 3 February 2025" in out and "+The summit opened on Monday 3 February 2025" in out
    assert "(900 miles)." in out and "620 miles" not in out  # unsafe: not without --unsafe-fixes
    assert "would fix 1 finding in 1 file" in err and "1 more fix available with --unsafe-fixes" in err
    code, out, _ = numcheck(capsys, str(draft), "--diff", "--unsafe-fixes")
    assert code == 1 and "+The summit opened on Monday 3 February 2025 and the front runs 1,000km (620 miles)." in out


def test_fix_writes_safe_fixes_and_reports_what_is_left(draft, capsys) -> None:
    code, out, err = numcheck(capsys, str(draft), "--fix")
    assert draft.read_text(encoding="utf-8") == SAFE  # the code block is not prose: untouched
    assert code == 1 and "NC101" in out and "NC201" not in out and "fixed 1 finding in 1 file" in err
    code, out, err = numcheck(capsys, str(draft), "--fix", "--unsafe-fixes")
    assert code == 0 and draft.read_text(encoding="utf-8") == BOTH and "All checks passed" in out
    code, out, err = numcheck(capsys, str(draft), "--diff")
    assert code == 0 and out == ""  # nothing left to fix


def test_fix_keeps_encoding_and_line_endings(tmp_path, capsys) -> None:
    p = tmp_path / "draft.md"
    original = codecs.BOM_UTF16_BE + DRAFT.replace("\n", "\r\n").encode("utf-16-be")
    p.write_bytes(original)
    numcheck(capsys, str(p), "--fix")
    assert p.read_bytes() == codecs.BOM_UTF16_BE + SAFE.replace("\n", "\r\n").encode("utf-16-be")


def test_fix_refuses_a_file_it_cannot_write_back_byte_for_byte(tmp_path, capsys) -> None:
    p = tmp_path / "draft.txt"
    original = DRAFT.encode("utf-8").replace(b"# Draft", b"# Draft \x81")  # no cp1252 character: read lossily
    p.write_bytes(original)
    code, out, err = numcheck(capsys, str(p), "--fix")
    assert p.read_bytes() == original and "fixes not written" in err
    assert "NC201" in out  # still reported, as it was not fixed


def test_fix_on_stdin_prints_the_fixed_text(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    code, out, err = numcheck(capsys, "-", "--stdin-filename", "draft.md", "--fix")
    assert out == SAFE and "NC101" in err
