"""Re-extracting only the changed paragraphs gives what a full check gives, on random edit sequences, and does less work."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

import numcheck
from numcheck.engine import analyse
from numcheck.incremental import ParagraphCache, paragraphs

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "kursk-2025-02-01.txt").read_text(encoding="utf-8")

# pieces an editor types: figures, dates, conversions, ranges split over lines, breaks and joins
PIECES = [
    "more than 10,000 troops", "around 2,000 civilians", " on Friday", "in August", "$3.5bn (£2.8bn)",
    "1,000km (620 miles)", "rose 5% to 2,100", "between 10,000\nand 12,000 people", "nearly six months on",
    "\n\n", "\n", ". ", "Date: 2024-05-01 ", "a third of the 300 staff", "on Tuesday 4 February 2025",
    "12m + 15m + 20m = 47m", "<!-- numcheck: ignore NC201 -->", "five", "50 per cent", "2022", "“Quoted.”\n",
]


def _edit(rng: random.Random, text: str) -> str:
    """One random edit: insert a piece, delete a span, replace a word, or join two lines."""
    at = rng.randrange(len(text) + 1)
    kind = rng.random()
    if kind < 0.45:
        return text[:at] + rng.choice(PIECES) + text[at:]
    if kind < 0.7:
        return text[:at] + text[at + rng.randrange(1, 40):]
    if kind < 0.9:
        words = text.split(" ")
        i = rng.randrange(len(words))
        words[i] = rng.choice(["10,000", "Friday", "three", "kilometres", "troops", "", "2,500", "August"])
        return " ".join(words)
    nl = text.find("\n", at)
    return text if nl < 0 else text[:nl] + " " + text[nl + 1:]


def _dicts(xs) -> list[dict]:
    return [x.to_dict() for x in xs]


@pytest.mark.parametrize("seed", range(8))
def test_paragraph_cache_matches_a_full_check_on_random_edits(seed):
    rng = random.Random(seed)
    text = EXAMPLE if seed % 2 else EXAMPLE.replace("\n", "\n\n")
    fmt = ("text", "markdown")[seed % 3 == 0]
    rules = str(ROOT / "rules" / "examples")
    cache = ParagraphCache()
    for _ in range(20):
        text = _edit(rng, text)
        incremental = analyse(text, format=fmt, rules=rules, config={}, extractor=cache)
        full = analyse(text, format=fmt, rules=rules, config={})
        assert _dicts(incremental.claims) == _dicts(full.claims), f"seed {seed}: claims differ after an edit"
        assert _dicts(incremental.findings) == _dicts(full.findings)
    assert cache.total.reused > cache.total.extracted  # the cache did save work along the way
    assert incremental.findings == tuple(numcheck.check(text, format=fmt, rules=rules, config={}))


def test_a_one_word_edit_re_reads_one_paragraph():
    text = EXAMPLE.replace("\n", "\n\n")
    n = len(paragraphs(text))
    cache = ParagraphCache()
    analyse(text, config={}, extractor=cache)
    assert cache.last.extracted == n and cache.last.reused == 0
    edited = text.replace("more than 10,000 troops", "more than 12,000 troops")
    found = analyse(edited, config={}, extractor=cache)
    assert (cache.last.extracted, cache.last.reused) == (1, n - 1)
    assert cache.last.chars_extracted < len(text) / 5
    assert any(c.text == "more than 12,000" for c in found.claims)


def test_unchanged_text_re_reads_nothing_and_other_rules_re_read_everything():
    cache = ParagraphCache()
    analyse(EXAMPLE, config={}, extractor=cache)
    analyse(EXAMPLE, config={}, extractor=cache)
    assert cache.last.extracted == 0
    analyse(EXAMPLE, config={}, rules=str(ROOT / "rules" / "examples"), extractor=cache)
    assert cache.last.reused == 0


def test_paragraphs_cover_the_text_and_never_break_inside_a_sentence():
    text = "One line\nwrapped here.\nNext one.\n\n\nAfter a blank line, 5km\nand more.\n"
    pieces = paragraphs(text)
    assert "".join(p for _, p in pieces) == text
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    assert [p for _, p in pieces] == ["One line\nwrapped here.\n", "Next one.\n\n\n", "After a blank line, 5km\nand more.\n"]


def test_a_date_line_opening_a_later_paragraph_is_not_the_documents_date():
    text = "Officials met on Friday.\n\nDate: 2024-05-01 was when it began, on Friday."
    cache = ParagraphCache()
    got = analyse(text, config={}, extractor=cache)
    assert _dicts(got.claims) == _dicts(analyse(text, config={}).claims)
