"""suppress: directive forms, scopes (line, paragraph, next line, ranges), NC901 for unused ones."""
from __future__ import annotations

import pytest

from numcheck.config import Config
from numcheck.model import Finding
from numcheck.suppress import UNUSED, apply, parse


def F(code: str, line: int, severity: str = "warning") -> Finding:
    return Finding(code, "x", severity, f"{code} on line {line}", line * 10, line * 10 + 1, line, 1)


def codes_lines(findings):
    return [(f.code, f.line) for f in findings]


def test_html_comment_alone_covers_the_next_paragraph():
    text = "Intro.\n<!-- numcheck: ignore NC101 -->\nline 3\nline 4\n\nline 6\n"
    out = apply(text, [F("NC101", 3), F("NC101", 4), F("NC101", 6), F("NC203", 3)])
    assert codes_lines(out) == [("NC203", 3), ("NC101", 6)]


def test_trailing_comment_covers_its_own_line_only():
    text = "line 1 <!-- numcheck: ignore -->\nline 2\n"
    out = apply(text, [F("NC101", 1), F("NC203", 1), F("NC101", 2)])
    assert codes_lines(out) == [("NC101", 2)]


def test_ignore_next_line_skips_blank_lines_and_covers_one_line():
    text = "<!-- numcheck: ignore-next-line NC2 -->\n\nline 3\nline 4\n"
    out = apply(text, [F("NC203", 3), F("NC203", 4)])
    assert codes_lines(out) == [("NC203", 4)]


def test_disable_enable_range_and_prefixes():
    text = "a\n<!-- numcheck: disable NC2 -->\nc\nd\n<!-- numcheck: enable NC2 -->\nf\n"
    out = apply(text, [F("NC203", 3), F("NC201", 4), F("NC101", 4), F("NC203", 6)])
    assert codes_lines(out) == [("NC101", 4), ("NC203", 6)]


def test_disable_without_enable_runs_to_the_end_and_blanket_enable_closes_all():
    text = "<!-- numcheck: disable -->\nb\nc\n"
    assert apply(text, [F("NC101", 3), F("NC501", 2)]) == []
    text = "<!-- numcheck: disable NC1 -->\n<!-- numcheck: disable NC5 -->\nc\n<!-- numcheck: enable -->\ne\n"
    out = apply(text, [F("NC101", 3), F("NC501", 3), F("NC101", 5), F("NC501", 5)])
    assert codes_lines(out) == [("NC101", 5), ("NC501", 5)]


def test_unused_suppressions_are_nc901():
    text = "<!-- numcheck: ignore NC101, NC203 -->\nline 2\n"
    out = apply(text, [F("NC101", 2)])
    assert [f.code for f in out] == ["NC901"]
    f = out[0]
    assert f.line == 1 and f.col == 1 and "NC203" in f.message and "NC101" not in f.message
    assert (f.start, f.end) == (0, text.index("\n"))
    assert f.name == "unused-suppression" and f.severity == UNUSED.severity


def test_unused_blanket_and_not_enabled_codes():
    text = "x <!-- numcheck: ignore -->\n<!-- numcheck: ignore NC5 -->\nline 3\n"
    out = apply(text, [], Config(ignore=("NC5",)))
    msgs = [f.message for f in out]
    assert len(out) == 2
    assert "suppresses nothing" in msgs[0]
    assert "NC5 is not enabled" in msgs[1]


def test_enable_without_disable_and_malformed_directives():
    text = "<!-- numcheck: enable NC1 -->\n<!-- numcheck: shush NC1 -->\n<!-- numcheck: ignore NC1x -->\n"
    out = apply(text, [])
    msgs = [f.message for f in out]
    assert "no matching 'disable'" in msgs[0]
    assert "malformed" in msgs[1] and "shush" in msgs[1]
    assert [(f.code, f.line) for f in out if "'NC1x'" in f.message] == [("NC902", 3)]
    assert "not a numcheck code" in out[2].message


@pytest.mark.parametrize("directive, hint", [
    ("ignore NC999", "did you mean"),                       # well-formed but unknown: was "suppresses nothing"
    ("ignore NC1O1", "did you mean NC101"),                 # a letter O for a zero
    ("ignore-next-line elapsed-time-mistmatch", "elapsed-time-mismatch"),
])
def test_unknown_code_in_a_directive_is_nc902_and_suppresses_nothing(directive, hint):
    from numcheck.model import Finding

    text = f"<!-- numcheck: {directive} -->\nThe front is 1,000km long.\n"
    real = Finding("NC101", "unit-conversion-mismatch", "error", "x", 40, 47, line=2, col=1)
    out = apply(text, [real])
    assert real in out, "a directive naming only unknown codes must not hide the finding it was meant for"
    unknown = [f for f in out if f.code == "NC902"]
    assert len(unknown) == 1 and hint in unknown[0].message
    assert not any(f.code == "NC901" for f in out)


def test_a_directive_may_name_a_check_by_its_name():
    from numcheck.model import Finding

    text = "<!-- numcheck: ignore unit-conversion-mismatch -->\nThe front is 1,000km long.\n"
    real = Finding("NC101", "unit-conversion-mismatch", "error", "x", 40, 47, line=2, col=1)
    assert apply(text, [real]) == []


def test_nc901_can_be_ignored_by_config_or_by_a_directive():
    text = "<!-- numcheck: ignore NC101 -->\nline 2\n"
    assert apply(text, [], Config(ignore=("NC901",))) == []
    text = "<!-- numcheck: disable NC901 -->\n<!-- numcheck: ignore NC101 -->\nline 3\n"
    assert apply(text, []) == []


def test_nc901_severity_override():
    text = "<!-- numcheck: ignore NC101 -->\nline 2\n"
    (f,) = apply(text, [], Config(severity={"NC901": "error"}))
    assert f.severity == "error"


def test_reason_after_double_dash_or_semicolon():
    text = "<!-- numcheck: ignore NC101 -- quoted from the source -->\nline 2\n"
    assert apply(text, [F("NC101", 2)]) == []
    text = "<!-- numcheck: ignore NC101; the agency's own figure -->\nline 2\n"
    assert apply(text, [F("NC101", 2)]) == []


def test_plain_text_line_comments_only_in_text_files():
    text = "# numcheck: ignore-next-line\nline 2\n// numcheck: disable NC5\nline 4\n"
    out = apply(text, [F("NC101", 2), F("NC501", 4)], fmt="text")
    assert out == []
    # in Markdown '# numcheck:' is a heading, not a directive
    out = apply(text, [F("NC101", 2)], fmt="markdown")
    assert codes_lines(out) == [("NC101", 2)]


def test_markdown_link_label_comment():
    text = "[//]: # (numcheck: ignore NC101)\nline 2\n"
    assert apply(text, [F("NC101", 2)], fmt="markdown") == []


def test_blank_removes_directive_text_so_codes_are_not_read_as_numbers():
    text = "# numcheck: ignore NC101\nline 2 <!-- numcheck: ignore NC203 -->\n"
    sup = parse(text, "text")
    out = sup.blank(text)
    assert len(out) == len(text) and "101" not in out and "203" not in out and "line 2" in out


def test_text_without_directives_is_untouched():
    sup = parse("Nothing here 5 km.", "text")
    assert sup.directives == () and sup.blank("abc") == "abc"
    assert sup.apply([F("NC101", 1)]) == [F("NC101", 1)]


def test_directive_at_end_of_file_covers_nothing_and_is_unused():
    out = apply("line 1\n<!-- numcheck: ignore NC101 -->\n", [F("NC101", 1)])
    assert sorted(f.code for f in out) == ["NC101", "NC901"]


@pytest.mark.parametrize("form", ["<!--numcheck:ignore NC101-->", "<!--  NumCheck :  ignore   nc101  -->"])
def test_spacing_and_case_are_forgiving(form):
    assert apply(f"{form}\nline 2\n", [F("NC101", 2)]) == []


# directives that once made the parser backtrack or rescan: (build from a size, the size once timed)
MALFORMED = {
    "unclosed_comment": (lambda n: "<!-- numcheck: " + " " * n, 100000),
    "unfinished_line": (lambda n: "# numcheck: " + " " * n + "x", 100000),
    "many_directives": (lambda n: "<!-- numcheck: ignore -->\n" * n, 3000),
    "many_disables": (lambda n: "<!-- numcheck: disable -->\nx\n" * n, 3000),
}


def _parse_apply_blank(text: str) -> None:
    sup = parse(text, "text")
    sup.apply([F("NC101", 2)])
    assert len(sup.blank(text)) == len(text)


@pytest.mark.parametrize("shape", list(MALFORMED))
def test_many_or_malformed_directives_stay_linear(shape):
    """Counted work and CPU time grow linearly (tests/workcount.py); the blanked text keeps its length."""
    from workcount import Family, count_growth, cpu_growth

    build, size = MALFORMED[shape]
    fam = Family(shape, build, _parse_apply_blank)
    count_growth(fam)
    cpu_growth(fam)
    _parse_apply_blank(build(size))


def test_unwrapped_plain_text_has_one_paragraph_per_line():
    text = "First paragraph.\n# numcheck: ignore NC203\nSecond paragraph, Friday.\nThird paragraph, Friday.\n"
    out = apply(text, [F("NC203", 3), F("NC203", 4)], fmt="text")
    assert codes_lines(out) == [("NC203", 4)]
    # with blank lines between paragraphs, a paragraph runs to the next blank line
    text = "First.\n\n# numcheck: ignore NC203\nSecond, wrapped\nonto two lines.\n\nThird.\n"
    out = apply(text, [F("NC203", 4), F("NC203", 5), F("NC203", 7)], fmt="text")
    assert codes_lines(out) == [("NC203", 7)]


def test_html_paragraph_ends_with_its_closing_tag():
    text = "<p>One</p>\n<!-- numcheck: ignore NC101 -->\n<p>Two,\nwrapped</p>\n<p>Three</p>\n"
    out = apply(text, [F("NC101", 3), F("NC101", 4), F("NC101", 5)], fmt="html")
    assert codes_lines(out) == [("NC101", 5)]


def test_directives_inside_code_are_examples_not_directives():
    text = ("Use `<!-- numcheck: ignore NC101 -->` like this:\n\n```markdown\n<!-- numcheck: disable -->\n```\n\n"
            "    <!-- numcheck: ignore -->\n\n<pre><!-- numcheck: ignore NC5 --></pre>\nline 10\n")
    assert parse(text, "markdown").directives == ()
    assert parse(text, "markdown").problems == ()
    assert apply(text, [F("NC101", 10)], fmt="markdown") == [F("NC101", 10)]
    html = "<code><!-- numcheck: ignore --></code>\n<!-- numcheck: ignore NC101 -->\n<p>x</p>\n"
    assert [d.line for d in parse(html, "html").directives] == [2]
