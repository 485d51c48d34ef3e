"""Encodings through the CLI: every text encoding a newsroom file arrives in is read, nothing is lost.

``numcheck extract`` and ``numcheck check`` run in a subprocess on files
written byte by byte: UTF-8 with and without a BOM, UTF-16 with a BOM (both
byte orders), Windows-1252/Latin-1 (read with a one-line notice), mojibake
("Â£", "â€™": read, with offsets into the text as it is), binary files
(skipped with a one-line notice; exit 2 only when nothing could be read),
and file names that are not UTF-8.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).with_name("numcheck")
# a UTF-8 locale, as on a newsroom machine; no PYTHONIOENCODING, so numcheck's own choices are tested
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LANG", "LC_CTYPE")}
ENV["LC_ALL"] = "C.UTF-8"
SENTENCE = "It cost £5m, and more than 10,000 troops went.\n"
CONTRADICTION = "Intro line.\nThe road is 5 km (10 miles) long.\n"


def run(*args: str | os.PathLike, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    cmd = [str(EXE), *[os.fsdecode(a) if isinstance(a, os.PathLike) else a for a in args]]
    return subprocess.run(cmd, input=stdin, capture_output=True, timeout=120, cwd=cwd,
                          env=ENV)


def claims(*paths: Path, extra: tuple[str, ...] = ()) -> tuple[list[dict], subprocess.CompletedProcess]:
    p = run("extract", "--format", "jsonl", *extra, *paths)
    rows = [json.loads(ln) for ln in p.stdout.decode("utf-8").splitlines() if ln.strip()]
    return rows, p


def stderr_lines(p: subprocess.CompletedProcess) -> list[str]:
    return [ln for ln in p.stderr.decode("utf-8", "replace").splitlines() if ln.strip()]


def no_traceback(p: subprocess.CompletedProcess) -> None:
    assert b"Traceback" not in p.stderr, p.stderr.decode("utf-8", "replace")


def _money_and_troops(rows: list[dict], text: str) -> None:
    """The sentence's two claims, each with offsets into the decoded text."""
    by_kind = {r["kind"]: r for r in rows}
    assert by_kind["money"]["value"] == 5_000_000 and by_kind["money"]["unit"] == "GBP", rows
    assert by_kind["count"]["value"] == 10_000 and by_kind["count"]["qualifier"] == ">", rows
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"], (r, text)


ENCODED = [
    pytest.param(SENTENCE.encode("utf-8"), id="utf-8"),
    pytest.param(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), id="utf-8-bom"),
    pytest.param(SENTENCE.encode("utf-16"), id="utf-16-bom-native"),
    pytest.param(b"\xff\xfe" + SENTENCE.encode("utf-16-le"), id="utf-16-le-bom"),
    pytest.param(b"\xfe\xff" + SENTENCE.encode("utf-16-be"), id="utf-16-be-bom"),
    pytest.param(SENTENCE.replace("\n", "\r\n").encode("utf-8"), id="utf-8-crlf"),
]


@pytest.mark.parametrize("data", ENCODED)
def test_unicode_encodings_read_without_notice(tmp_path, data):
    f = tmp_path / "a.txt"
    f.write_bytes(data)
    rows, p = claims(f)
    no_traceback(p)
    assert p.returncode == 0, p.stderr
    assert stderr_lines(p) == []
    text = SENTENCE if b"\r\n" not in data else SENTENCE.replace("\n", "\r\n")
    _money_and_troops(rows, text)


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_cp1252_fallback_reads_with_one_notice(tmp_path, codec):
    f = tmp_path / "legacy.txt"
    text = "Café owners said " + SENTENCE
    f.write_bytes(text.encode(codec))
    rows, p = claims(f)
    no_traceback(p)
    assert p.returncode == 0
    notes = stderr_lines(p)
    assert len(notes) == 1 and "legacy.txt" in notes[0] and "cp1252" in notes[0], notes
    _money_and_troops(rows, text)


def test_cp1252_notice_names_the_first_bad_line(tmp_path):
    f = tmp_path / "late.txt"
    f.write_bytes(b"line one\nline two\nit cost \x805m\n")
    rows, p = claims(f)
    assert p.returncode == 0
    (note,) = stderr_lines(p)
    assert "line 3" in note, note
    euro = [r for r in rows if r["kind"] == "money"]
    assert euro and euro[0]["unit"] == "EUR" and euro[0]["value"] == 5_000_000, rows


def test_cp1252_curly_quotes_and_dashes(tmp_path):
    f = tmp_path / "word.txt"
    f.write_bytes(b"\x93Between 5\x967 km,\x94 she said \x97 about \x8010m.\n")
    rows, p = claims(f)
    assert p.returncode == 0
    text = f.read_bytes().decode("cp1252")
    ranges = [r for r in rows if r["range"]]
    assert ranges and ranges[0]["low"] == 5 and ranges[0]["high"] == 7 and ranges[0]["unit"] == "kilometer", rows
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]


MOJIBAKE = [
    # UTF-8 read as cp1252 and saved again as UTF-8: the bytes are valid UTF-8, the text is garbled
    pytest.param("It cost Â£5m, the countryâ€™s 10,000 troops.\n", "Â£5m", "GBP", 5e6, id="pound"),
    pytest.param("Aid of â‚¬3bn arrived.\n", "â‚¬3bn", "EUR", 3e9, id="euro"),
    pytest.param("the armyâ€™s budget of Â£12m\n", "Â£12m", "GBP", 12e6, id="apostrophe-then-pound"),
]


@pytest.mark.parametrize("text,surface,unit,value", MOJIBAKE)
def test_mojibake_is_read_and_offsets_point_into_the_original(tmp_path, text, surface, unit, value):
    f = tmp_path / "moji.txt"
    f.write_bytes(text.encode("utf-8"))
    rows, p = claims(f)
    no_traceback(p)
    assert p.returncode == 0
    money = [r for r in rows if r["kind"] == "money"]
    assert money, rows
    assert money[0]["text"] == surface and money[0]["unit"] == unit and money[0]["value"] == value, money
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"], (r, text)


def test_mojibake_apostrophe_does_not_hide_the_claim_after_it(tmp_path):
    text = "the countryâ€™s 10,000 troops\n"
    f = tmp_path / "moji.txt"
    f.write_bytes(text.encode("utf-8"))
    rows, p = claims(f)
    counts = [r for r in rows if r["kind"] == "count"]
    assert counts and counts[0]["value"] == 10_000 and counts[0]["subject"] == "troops", rows
    assert text[counts[0]["start"]:counts[0]["end"]] == counts[0]["text"]


def test_check_line_col_after_bom_and_crlf(tmp_path):
    """A BOM is not a column; CRLF ends a line once: the finding's line:col is where an editor shows it."""
    for name, data in (("bom.txt", b"\xef\xbb\xbf" + CONTRADICTION.encode()),
                       ("crlf.txt", CONTRADICTION.replace("\n", "\r\n").encode()),
                       ("u16.txt", CONTRADICTION.encode("utf-16"))):
        f = tmp_path / name
        f.write_bytes(data)
        p = run("check", "--format", "json", f)
        no_traceback(p)
        assert p.returncode == 1, (name, p.stderr)
        (finding,) = [x for x in json.loads(p.stdout) if x["code"] == "NC101"]
        line = CONTRADICTION.split("\n")[finding["line"] - 1]
        assert line[finding["col"] - 1:].startswith("10 miles"), (name, finding)


BINARY = [
    pytest.param(b"\x00\x01\x02\x03binary\x00 5 km", id="nul-bytes"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), id="png-header"),
    pytest.param(b"PK\x03\x04\x14\x00\x00\x00" + b"\x00" * 64, id="zip-header"),
    pytest.param(bytes(range(256)) * 40, id="every-byte"),
]


@pytest.mark.parametrize("data", BINARY)
def test_binary_alone_is_skipped_with_one_line_and_exit_2(tmp_path, data):
    f = tmp_path / "blob.bin"
    f.write_bytes(data)
    for verb in ("extract", "check"):
        p = run(verb, f)
        no_traceback(p)
        assert p.returncode == 2, (verb, p.returncode, p.stderr)
        notes = stderr_lines(p)
        assert len(notes) == 1 and "blob.bin" in notes[0] and "binary" in notes[0], notes


@pytest.mark.parametrize("data", BINARY[:1])
def test_binary_next_to_text_is_skipped_and_the_text_is_read(tmp_path, data):
    blob, good = tmp_path / "blob.bin", tmp_path / "good.txt"
    blob.write_bytes(data)
    good.write_text(CONTRADICTION, encoding="utf-8")
    rows, p = claims(blob, good)
    # a file named on the command line that cannot be read is an error (exit 2), and the others are still read
    assert p.returncode == 2 and rows and all(r["path"].endswith("good.txt") for r in rows), (p.returncode, rows)
    assert len(stderr_lines(p)) == 1
    p = run("check", "--format", "json", blob, good)
    assert p.returncode == 2, p.stderr
    assert [x["code"] for x in json.loads(p.stdout)] == ["NC101"]
    assert len(stderr_lines(p)) == 1


def test_directory_walk_skips_binary_and_reads_text(tmp_path):
    (tmp_path / "img.md").write_bytes(b"\x00\x00\x00\x00PNG")
    (tmp_path / "story.md").write_text(CONTRADICTION, encoding="utf-8")
    p = run("check", "--format", "json", tmp_path)
    no_traceback(p)
    assert p.returncode == 1, p.stderr
    assert [x["path"].endswith("story.md") for x in json.loads(p.stdout)] == [True]


def test_utf16_without_bom_is_read_with_a_notice(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes(SENTENCE.encode("utf-16-le"))
    rows, p = claims(f)
    no_traceback(p)
    assert p.returncode == 0
    _money_and_troops(rows, SENTENCE)


@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\n\n\n", b"\r", b" " * 10000])
def test_empty_and_blank_files_are_clean(tmp_path, data):
    f = tmp_path / "empty.txt"
    f.write_bytes(data)
    for verb in ("extract", "check"):
        p = run(verb, f)
        no_traceback(p)
        assert p.returncode == 0, (verb, data, p.stderr)


@pytest.mark.parametrize("data", [
    pytest.param(b"\xef\xbb\xbfabc \xff 5 km", id="bad-utf8-after-utf8-bom"),
    pytest.param(b"\xff\xfe5\x00 \x00k\x00m\x00\x00\xd8", id="utf16-lone-surrogate"),
    pytest.param(b"It cost \xc2", id="truncated-utf8"),
])
def test_broken_encodings_never_traceback(tmp_path, data):
    f = tmp_path / "broken.txt"
    f.write_bytes(data)
    for verb in ("extract", "check"):
        p = run(verb, f)
        no_traceback(p)
        assert p.returncode in (0, 1, 2), p.returncode
        assert len(stderr_lines(p)) <= 1, p.stderr


def test_stdin_bytes_in_cp1252(tmp_path):
    p = run("extract", "--format", "jsonl", "-", stdin="It cost £5m.\n".encode("cp1252"))
    no_traceback(p)
    assert p.returncode == 0
    rows = [json.loads(ln) for ln in p.stdout.decode().splitlines()]
    assert rows and rows[0]["unit"] == "GBP" and rows[0]["value"] == 5e6


def test_missing_file_is_one_line_exit_2(tmp_path):
    for verb in ("extract", "check"):
        p = run(verb, tmp_path / "nope.txt")
        no_traceback(p)
        assert p.returncode == 2
        notes = stderr_lines(p)
        assert len(notes) == 1 and "nope.txt" in notes[0], notes


NON_UTF8_NAME = os.fsencode("bad") + b"\xff.txt"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
@pytest.mark.parametrize("fmt", [
    "text", "json", "jsonl", "github", "junit",
    "sarif",
])
def test_file_name_that_is_not_utf8_does_not_lose_the_report(tmp_path, fmt):
    name = os.fsdecode(NON_UTF8_NAME)
    f = tmp_path / name
    f.write_text(CONTRADICTION, encoding="utf-8")
    for args, cwd in (((f,), None), ((Path(name), Path(".")), tmp_path)):  # absolute, then relative as from `numcheck check .`
        p = run("check", "--format", fmt, *args, cwd=cwd)
        no_traceback(p)
        assert p.returncode == 1, (fmt, args, p.returncode, p.stderr)
        assert b"10 miles" in p.stdout or b"NC101" in p.stdout
