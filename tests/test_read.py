"""read: decoding (BOMs, cp1252 fallback, binary), Markdown/HTML -> prose with offsets kept, publication dates."""
from __future__ import annotations

import codecs

import pytest

from numcheck.read import (
    BinaryFileError, decode, detect_format, front_matter_end, prose, read_bytes, read_path, read_text,
)


def _same_shape(a: str, b: str) -> None:
    assert len(a) == len(b)
    assert [i for i, c in enumerate(a) if c in "\r\n"] == [i for i, c in enumerate(b) if c in "\r\n"]


# ---------------------------------------------------------------- decoding

def test_utf8_plain_and_bom():
    assert decode("10 km – 6 mi".encode()) == ("10 km – 6 mi", "utf-8", None)
    text, enc, notice = decode(codecs.BOM_UTF8 + "café 5".encode())
    assert (text, enc, notice) == ("café 5", "utf-8-sig", None)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, enc, notice = decode(bom + "Kyiv said 2,000 – €5".encode(codec))
    assert text == "Kyiv said 2,000 – €5" and enc == "utf-16" and notice is None


def test_utf32_bom_is_not_mistaken_for_utf16():
    text, enc, _ = decode(codecs.BOM_UTF32_LE + "x 1".encode("utf-32-le"))
    assert (text, enc) == ("x 1", "utf-32")


def test_utf16_without_bom_is_sniffed_with_a_notice():
    text, enc, notice = decode("More than 10,000 troops".encode("utf-16-le"))
    assert text == "More than 10,000 troops" and enc == "utf-16-le" and "UTF-16-LE" in notice


def test_cp1252_fallback_gives_a_notice_with_the_line():
    data = "line one\nprice \u00a35 \u2013 \u201cquoted\u201d".encode("cp1252")
    text, enc, notice = decode(data)
    assert enc == "cp1252"
    assert text == "line one\nprice £5 – “quoted”"
    assert "line 2" in notice and "cp1252" in notice


def test_binary_is_refused():
    with pytest.raises(BinaryFileError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    with pytest.raises(BinaryFileError):
        read_bytes(b"GIF89a\x00\x01\x02\x00\xff\x00", "x.gif")


def test_detect_format():
    assert detect_format("a/b.MD", "") == "markdown"
    assert detect_format("x.html", "") == "html"
    assert detect_format("x.txt", "<html>") == "text"
    assert detect_format(None, "  <!DOCTYPE html><html>") == "html"
    assert detect_format(None, "plain") == "text"
    # a Markdown draft passed as a string: front matter or a fenced code block says so
    assert detect_format(None, "---\ndate: 2025-02-01\n---\nText 5 km.") == "markdown"
    assert detect_format(None, "Text.\n\n```\nx = 5 km\n```\n") == "markdown"
    assert detect_format(None, "Prices ``` rose\nby 5%.") == "text"
    assert detect_format("notes.txt", "```\nx\n```\n") == "text"


# ---------------------------------------------------------------- markdown

MD = """---
title: Kursk 2025
date: 2025-02-01
---
# Heading with 2025

More than **10,000** troops, see [the 2024 report](https://example.com/2024/08/06 "t") and `x = 12`.

```python
x = 1000
```

    indented code 999

1. first item 44
2. AT&amp;T paid &pound;5 ![chart 77](img/88.png)[^3]

<script>var y = 5;</script> <!-- a comment 66 -->
Visit https://example.org/a_b/123 today.
"""


def test_markdown_keeps_offsets_and_newlines():
    out = prose(MD, "markdown")
    _same_shape(out, MD)
    # every kept character is where it was
    for i, c in enumerate(out):
        assert c == MD[i] or c == " " or MD[i] == "&" or MD[i:i + 8].startswith(("&amp;", "&pound;")) or c in "&£"


def test_markdown_blanks_non_prose_and_keeps_prose():
    out = prose(MD, "markdown")
    for gone in ("title", "Kursk 2025", "x = 1000", "999", "x = 12", "https", "2024/08/06", "chart 77",
                 "88.png", "[^3]", "var y", "66", "123", "**", "#", "1.", "2."):
        assert gone not in out, gone
    for kept in ("Heading with 2025", "More than   10,000   troops", "the 2024 report", "first item 44",
                 "paid       £5", "Visit", "today."):
        assert kept in out, kept
    # entities become their character at the entity's end
    i = MD.index("&pound;5")
    assert out[i:i + len("&pound;5")] == "      £5"


def test_fence_of_tildes_and_unclosed_fence_run_to_the_end():
    text = "a 1\n~~~~\nb 2\n~~~\nc 3\n~~~~\nd 4\n```\ne 5\n"
    out = prose(text, "markdown")
    assert "a 1" in out and "d 4" in out
    assert "b 2" not in out and "c 3" not in out and "e 5" not in out


def test_indented_lines_inside_a_list_are_prose():
    text = "- item\n\n    continued 12 km\n\nPara\n\n    code 13\n"
    out = prose(text, "markdown")
    assert "continued 12 km" in out
    assert "code 13" not in out


def test_inline_code_with_double_backticks_and_unmatched_backtick():
    text = "use `` a`b 7 `` here, but ` alone 8 stays"
    out = prose(text, "markdown")
    assert "7" not in out and "alone 8 stays" in out


def test_front_matter_needs_keys():
    assert front_matter_end("---\ntitle: x\n---\nbody") == len("---\ntitle: x\n---")
    assert front_matter_end("---\nJust a rule\n---\n") == 0
    assert front_matter_end("+++\ndate = 2025-01-01\n+++\n") > 0
    assert front_matter_end("no front matter") == 0


def test_crlf_is_kept():
    text = "---\r\ndate: 2025-02-01\r\n---\r\nSome `code 5` and 10 km.\r\n"
    out = prose(text, "markdown")
    _same_shape(out, text)
    assert "10 km." in out and "code 5" not in out and "2025" not in out


# ---------------------------------------------------------------- html

HTML = """<!DOCTYPE html>
<html><head><meta property="article:published_time" content="2025-02-01T08:00:00Z">
<style>p { margin: 10px; }</style>
<script>var n = 42;</script></head>
<body><p class="x>y">Pyongyang sent more than 10,000&nbsp;troops.</p>
<pre><code>x = 1000</code></pre><!-- hidden 66 -->
<p>See <a href="https://example.com/2024/1">the 2024 report</a> &minus;5 &#8364;3 &#x20AC;4</p>
</body></html>
"""


def test_html_prose():
    out = prose(HTML, "html")
    _same_shape(out, HTML)
    for gone in ("DOCTYPE", "meta", "margin", "42", "class", "x>y", "1000", "66", "href", "2024/1", "<p>", "</a>"):
        assert gone not in out, gone
    for kept in ("Pyongyang sent more than 10,000", "troops.", "the 2024 report", "−5", "€3", "€4"):
        assert kept in out, kept
    i = HTML.index("troops")
    assert out[i:i + 6] == "troops"


def test_html_published_from_meta():
    src = read_text(HTML, "a.html")
    assert src.format == "html" and src.published == "2025-02-01"


# ---------------------------------------------------------------- plain text and sources

def test_plain_text_only_loses_urls():
    text = " date 2025-02-01 See https://bbc.co.uk/news/world-123 for 10,000 troops."
    out = prose(text, "text")
    assert "world-123" not in out and "10,000 troops." in out and "date 2025-02-01" in out


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError):
        prose("x", "rst")


def test_read_path_markdown_with_bom_and_date(tmp_path):
    p = tmp_path / "draft.md"
    p.write_bytes(codecs.BOM_UTF8 + b"---\ndate: 2024-08\n---\nText 5 km.\n")
    src = read_path(p)
    assert src.format == "markdown" and src.encoding == "utf-8-sig"
    assert src.published == "2024-08"
    assert src.raw.startswith("---") and len(src.raw) == len(src.text)
    assert src.text.index("Text 5 km.") == src.raw.index("Text 5 km.")


def test_read_bytes_year_only_date_and_notice():
    src = read_bytes("date 2005\nPrice £5".encode("cp1252"), "x.txt")
    assert src.published == "2005"
    assert src.notices and "cp1252" in src.notices[0]


def test_line_and_column_survive_blanking():
    """A claim found in the prose has the line/column of the same characters in the original file."""
    from numcheck.checks.base import Context

    raw = MD
    out = prose(raw, "markdown")
    i = out.index("first item 44") + len("first item ")
    ctx = Context(text=out, claims=())
    line, col = ctx.line_col(i)
    assert raw.split("\n")[line - 1][col - 1:col + 1] == "44"


# inputs that once made a reader backtrack or rescan: (build from a size, the size once timed)
PATHOLOGICAL = {
    "unmatched_backtick_runs": (lambda n: "`" + "`` x " * n, 20000),
    "long_dotted_word": (lambda n: "a." * n, 50000),         # URL schemes
    "unclosed_tag": (lambda n: "<a " + " " * n, 100000),
    "unclosed_tags": (lambda n: "<a x " * n, 20000),
    "list_markers": (lambda n: ("- " * n) + "x", 50000),
    "open_links": (lambda n: "[" * n + "](" * n, 50000),
    "long_url": (lambda n: "http://" + "a" * n + ".", 100000),
}


@pytest.mark.parametrize("shape", list(PATHOLOGICAL))
@pytest.mark.parametrize("fmt", ["markdown", "html", "text"])
def test_pathological_inputs_stay_linear(shape, fmt):
    """Counted work and CPU time grow linearly (tests/workcount.py), and the prose keeps the text's length."""
    from workcount import Family, count_growth, cpu_growth

    build, size = PATHOLOGICAL[shape]
    fam = Family(f"{shape}_{fmt}", build, lambda s: prose(s, fmt))
    count_growth(fam)
    cpu_growth(fam)
    text = build(size)
    assert len(prose(text, fmt)) == len(text)


def test_template_tags_and_attribute_lists_are_not_prose():
    text = '## Results 2024 {#results-2024}\n\n{{< figure src="x.png" width="600" >}}\nSales rose 5%. {% include n8.html %} {{ page.year }}\n'
    out = prose(text, "markdown")
    for gone in ("results-2024", "600", "n8", "page.year"):
        assert gone not in out
    assert "Results 2024" in out and "Sales rose 5%." in out
    html = '<p>{{ price_2024 }} was 5 km</p>'
    assert prose(html, "html").strip() == "was 5 km"
