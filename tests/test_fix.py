"""numcheck.fix: suggestions applied by safety, never two overlapping edits, every other byte kept; the diff."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numcheck import check
from numcheck.fix import apply_fixes, safety, unified_diff
from numcheck.model import Finding
from numcheck.read import prose

PROPS = settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def finding(code: str, start: int, end: int, suggestion: str | None) -> Finding:
    return Finding(code=code, name="x", severity="error", message="m", start=start, end=end, suggestion=suggestion)


def test_fix_safety_is_declared_once_per_check() -> None:
    from numcheck.checks import registry

    declared = {c.code: c.fix for c in registry()}
    assert {code for code, fix in declared.items() if fix == "safe"} >= {"NC108", "NC201", "NC501", "NC502"}
    assert {code for code, fix in declared.items() if fix == "unsafe"} >= {"NC101", "NC102", "NC104", "NC106", "NC109"}
    assert set(declared.values()) <= {"safe", "unsafe", None}
    assert safety("NC201") == "safe" and safety("NC101") == "unsafe" and safety("NC999") is None


def test_every_check_documents_its_fix() -> None:
    from numcheck.checks import registry
    from numcheck.cli.explain import documentation

    for chk in registry():
        assert documentation(chk).endswith(chk.fix_note()), chk.code
    assert "Fix: unsafe" in documentation(next(c for c in registry() if c.code == "NC101"))


def test_safe_fixes_only_unless_asked() -> None:
    text = "On Friday 3 February 2025 it ran 1,000km (900 miles)."
    findings = check(text)
    assert {f.code for f in findings} == {"NC101", "NC201"}
    safe = apply_fixes(text, findings)
    assert safe.text == "On Monday 3 February 2025 it ran 1,000km (900 miles)."
    assert [s.finding.code for s in safe.skipped] == ["NC101"] and "unsafe" in safe.skipped[0].reason
    both = apply_fixes(text, findings, unsafe=True)
    assert both.text == "On Monday 3 February 2025 it ran 1,000km (620 miles)."
    assert [e.finding.code for e in both.edits] == ["NC201", "NC101"] and not both.skipped


def test_overlapping_edits_keep_the_first() -> None:
    text = "abcdefghij"
    fs = [finding("NC101", 2, 5, "X"), finding("NC104", 4, 7, "Y"), finding("NC106", 5, 6, "Z"), finding("NC109", 0, 1, None)]
    result = apply_fixes(text, fs, unsafe=True)
    assert result.text == "abXZghij"
    assert [e.finding.code for e in result.edits] == ["NC101", "NC106"]
    (skip,) = result.skipped
    assert skip.finding.code == "NC104" and skip.reason.startswith("overlaps the NC101 fix")


def test_nothing_to_do_and_bad_spans() -> None:
    assert apply_fixes("abc", [finding("NC101", 0, 1, "a")], unsafe=True).skipped[0].reason == "the text already reads so"
    assert "declares no fix" in apply_fixes("abc", [finding("NC999", 0, 1, "z")], unsafe=True).skipped[0].reason
    with pytest.raises(ValueError, match="outside the text"):
        apply_fixes("abc", [finding("NC101", 2, 9, "z")])


def test_unified_diff() -> None:
    assert unified_diff("same\n", "same\n", "a.md") == ""
    diff = unified_diff("one\ntwo 900 miles\n", "one\ntwo 620 miles\n", "story.md")
    assert diff.startswith("--- a/story.md\n+++ b/story.md\n@@ ")
    assert "-two 900 miles\n+two 620 miles\n" in diff
    tail = unified_diff("x 900", "x 620", "s.txt")
    assert tail.endswith("-x 900\n\\ No newline at end of file\n+x 620\n\\ No newline at end of file\n")


def test_markdown_structure_is_untouched() -> None:
    raw = ("# Front: **1,000km (900 miles)**\n\n"
           "```\nThe front is 1,000km (900 miles) long.\n```\n\n"
           "A [link](https://example.com/1000km-900miles) and the summit on Friday 3 February 2025.\n"
           "<!-- 1,000km (900 miles) -->\n")
    findings = check(prose(raw, "markdown"))
    result = apply_fixes(raw, findings, unsafe=True)
    assert result.text == raw.replace("**1,000km (900 miles)**", "**1,000km (620 miles)**", 1).replace(
        "Friday 3 February", "Monday 3 February")
    assert "```\nThe front is 1,000km (900 miles) long.\n```" in result.text  # code is not prose
    assert "<!-- 1,000km (900 miles) -->" in result.text


# the required cases: each code's suggestion, and the text once fixed passes that check
REQUIRED = [
    ("NC101", "The tower is 330 metres (1,083,500 feet) tall.", None, "The tower is 330 metres (1,083 feet) tall."),
    ("NC102", "Profits reached 5.65bn euros ($11.8bn).", "2005-02-21", "Profits reached 5.65bn euros ($7.4bn)."),
    ("NC104", "The firm cut 10% of its 5,000 staff, or 800 people.", None, "The firm cut 10% of its 5,000 staff, or 500 people."),
    ("NC106", "Profits rose 25% from £187m to £210m.", None, "Profits rose 12% from £187m to £210m."),
    ("NC108", "Unemployment rose 2% from 5% to 7%.", None, "Unemployment rose 2 percentage points from 5% to 7%."),
    ("NC109", "The fund holds £12m, £15m and £20m, a total of £50m.", None, "The fund holds £12m, £15m and £20m, a total of £47m."),
    ("NC201", "The summit opened on Friday 3 February 2025.", None, "The summit opened on Monday 3 February 2025."),
]


@pytest.mark.parametrize("code,text,published,fixed", REQUIRED, ids=[r[0] for r in REQUIRED])
def test_required_suggestions_fix_the_text(code, text, published, fixed) -> None:
    mine = [f for f in check(text, published=published) if f.code == code]
    result = apply_fixes(text, mine, unsafe=True)
    assert result.text == fixed
    assert [f for f in check(fixed, published=published) if f.code == code] == []


@st.composite
def text_and_findings(draw):
    text = draw(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60))
    codes = st.sampled_from(["NC101", "NC109", "NC201", "NC108", "NC999"])
    n = draw(st.integers(0, 6))
    fs = []
    for _ in range(n):
        a = draw(st.integers(0, len(text)))
        b = draw(st.integers(a, len(text)))
        fs.append(finding(draw(codes), a, b, draw(st.one_of(st.none(), st.text(max_size=8)))))
    return text, fs


@PROPS
@given(text_and_findings(), st.booleans())
def test_fixes_keep_every_byte_outside_the_edits(case, unsafe) -> None:
    text, fs = case
    result = apply_fixes(text, fs, unsafe=unsafe)
    # edits are in text order, never overlap, and only of the chosen safety
    for e, nxt in zip(result.edits, result.edits[1:]):
        assert e.end <= nxt.start and e.start < nxt.start
    assert all(safety(e.finding.code) == "safe" or unsafe for e in result.edits)
    # every suggestion is either applied or reported
    offered = [f for f in fs if f.suggestion is not None]
    assert sorted(map(id, offered)) == sorted(map(id, list(result.applied) + [s.finding for s in result.skipped]))
    # walking the edits over both texts: what lies between them is the same, byte for byte
    pos = out = 0
    for e in result.edits:
        kept = text[pos:e.start]
        assert result.text[out:out + len(kept)] == kept
        out += len(kept)
        assert text[e.start:e.end] == e.old and result.text[out:out + len(e.new)] == e.new
        out += len(e.new)
        pos = e.end
    assert result.text[out:] == text[pos:]
    assert [result.text[a:b] for a, b in result.new_spans()] == [e.new for e in result.edits]


@PROPS
@given(st.integers(2, 4000), st.integers(2, 4000))
def test_conversion_fix_sticks(km, miles) -> None:
    text = f"The front is {km:,}km ({miles:,} miles) long."
    _fixed_passes(text, "NC101")


@PROPS
@given(st.lists(st.integers(1, 90), min_size=2, max_size=4), st.integers(2, 400))
def test_total_fix_sticks(parts, total) -> None:
    listed = ", ".join(f"£{p}m" for p in parts[:-1]) + f" and £{parts[-1]}m"
    _fixed_passes(f"The fund holds {listed}, a total of £{total}m.", "NC109")


@PROPS
@given(st.integers(1, 99), st.integers(10, 5000), st.integers(1, 5000))
def test_percentage_fix_sticks(pct, whole, part) -> None:
    _fixed_passes(f"The firm cut {pct}% of its {whole:,} staff, or {part:,} people.", "NC104")


@PROPS
@given(st.integers(10, 400), st.integers(10, 400), st.integers(1, 90))
def test_change_fix_sticks(old, new, pct) -> None:
    verb = "rose" if new > old else "fell"
    _fixed_passes(f"Profits {verb} {pct}% from £{old}m to £{new}m.", "NC106")


@PROPS
@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)), st.sampled_from(WEEKDAYS))
def test_weekday_fix_sticks(day, weekday) -> None:
    text = f"The summit opened on {weekday} {day.day} {day.strftime('%B')} {day.year}."
    fired = _fixed_passes(text, "NC201", unsafe=False)
    assert fired == (WEEKDAYS[day.weekday()] != weekday)


def _fixed_passes(text: str, code: str, unsafe: bool = True) -> bool:
    """Apply ``code``'s suggestions; the fixed text gets no finding of ``code`` on an edited span.  Whether it fired."""
    mine = [f for f in check(text) if f.code == code]
    result = apply_fixes(text, mine, unsafe=unsafe)
    again = [f for f in check(result.text) if f.code == code]
    edited = result.new_spans()
    assert not [f for f in again if any(f.start < b and a < f.end for a, b in edited)], (text, result.text)
    return bool(mine)
