"""report.text: the header line, the quoted line with the span underlined, colour, windows, summaries, statistics."""
from __future__ import annotations

from numcheck.model import Finding, Related
from numcheck.report import FileResult, render
from numcheck.report.text import quote, render_statistics, statistics

SRC = "date 2025-02-01\nThe front is 1,000km (900 miles) long.\n"


def finding(code="NC101", severity="warning", start=None, end=None, **kw) -> Finding:
    start = SRC.index("900 miles") if start is None else start
    end = start + len("900 miles") if end is None else end
    line = SRC.count("\n", 0, start) + 1
    col = start - (SRC.rfind("\n", 0, start) + 1) + 1
    return Finding(code, "conversion-mismatch", severity,
                   "1,000 km is 621 miles, not 900 (off by 31%)", start, end, line, col, **kw)


def test_header_quote_and_carets():
    out = render("text", [FileResult("story.txt", SRC, (finding(),))])
    lines = out.splitlines()
    assert lines[0] == "story.txt:2:23: NC101 [warning] 1,000 km is 621 miles, not 900 (off by 31%)"
    assert lines[1] == "  2 | The front is 1,000km (900 miles) long."
    assert lines[2] == "    | " + " " * 22 + "^" * 9
    # the carets sit exactly under the span
    assert lines[2].index("^") - lines[2].index("|") == lines[1].index("900") - lines[1].index("|")
    assert lines[-1] == "Found 1 finding (1 warning)."
    assert "\x1b[" not in out


def test_related_and_suggestion_lines():
    rel = Related(SRC.index("1,000km"), SRC.index("1,000km") + 7, "1,000km", "the metric figure")
    out = render("text", [FileResult("s.txt", SRC, (finding(related=(rel,), suggestion="620 miles"),))])
    assert "= related 2:14 '1,000km': the metric figure" in out
    assert "= suggestion: 620 miles" in out
    far = Related(0, 9, "earlier: 2,000 civilians", "BBC, 2025-01-10")
    out = render("text", [FileResult("s.txt", SRC, (finding(related=(far,)),))])
    assert "= related 'earlier: 2,000 civilians': BBC, 2025-01-10" in out


def test_colour_only_when_asked():
    out = render("text", [FileResult("s.txt", SRC, (finding(severity="error"),))], color=True)
    assert "\x1b[1;31mNC101\x1b[0m" in out and "\x1b[0m" in out


def test_no_source_is_one_line_per_finding():
    out = render("text", [FileResult("s.txt", SRC, (finding(), finding("NC102")))], show_source=False)
    assert out.splitlines()[:2] == [
        "s.txt:2:23: NC101 [warning] 1,000 km is 621 miles, not 900 (off by 31%)",
        "s.txt:2:23: NC102 [warning] 1,000 km is 621 miles, not 900 (off by 31%)",
    ]


def test_long_lines_are_windowed_around_the_span():
    src = "x" * 300 + " 900 miles " + "y" * 300
    s = src.index("900")
    text, carets = quote(src, Finding("NC101", "n", "info", "m", s, s + 9, 1, s + 1))
    assert text.startswith("…") and text.endswith("…") and len(text) <= 102
    assert text[carets.index("^"):carets.index("^") + 9] == "900 miles"


def test_tabs_and_wide_characters_keep_alignment():
    src = "\t東京 is 900 miles"
    s = src.index("900")
    text, carets = quote(src, Finding("NC101", "n", "info", "m", s, s + 3, 1, s + 1))
    assert "\t" not in text
    # 東京 is two double-width characters: the carets shift by 4 columns for them
    assert carets == " " * (1 + 4 + len(" is ")) + "^^^"


def test_empty_span_at_end_of_line_still_gets_a_caret():
    src = "ends here\nnext"
    text, carets = quote(src, Finding("NC101", "n", "info", "m", 9, 9, 1, 10))
    assert text == "ends here" and carets == " " * 9 + "^"


def test_summaries():
    assert render("text", [FileResult("a", "x", ())]) == "All checks passed (1 file).\n"
    two = [FileResult("a", SRC, (finding(severity="error"), finding("NC501", "info"))), FileResult("b", "", ())]
    assert render("text", two).endswith("Found 2 findings (1 error, 1 info).\n")


def test_statistics():
    res = [FileResult("a", SRC, (finding(), finding(), finding("NC501", "info")))]
    assert statistics(res) == [
        {"code": "NC101", "name": "conversion-mismatch", "severity": "warning", "count": 2},
        {"code": "NC501", "name": "conversion-mismatch", "severity": "info", "count": 1},
    ]
    assert render_statistics(res).splitlines() == [
        "2  NC101  [warning] conversion-mismatch",
        "1  NC501  [info] conversion-mismatch",
    ]
