"""Files -> text: decode bytes, blank out what is not prose (Markdown, HTML), find the publication date.

The prose text has exactly the length of the decoded file: every character
that is not prose (code, front matter, tags, URLs, markup) becomes a space and
every newline stays, so an offset, line or column found in the prose is the
same offset, line or column in the file.  An HTML entity becomes its character
at the entity's last position (``&pound;5`` -> ``      £5``) for the same reason.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .pubdate import find_published, iso

FORMATS = ("text", "markdown", "html")
EXTENSIONS = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".mdx": "markdown", ".qmd": "markdown", ".rmd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}
BINARY_SNIFF = 8192


class BinaryFileError(ValueError):
    """The bytes are not text (NUL bytes without a UTF-16/32 byte-order mark)."""


@dataclass(frozen=True)
class Source:
    """One input, decoded: ``raw`` is the file's text; ``text`` (the prose, same length) and ``published`` are
    derived on first use, so the engine (which reads ``raw`` itself) pays for them only once."""

    path: str
    raw: str
    format: str = "text"
    encoding: str = "utf-8"
    notices: tuple[str, ...] = ()

    @cached_property
    def text(self) -> str:
        return prose(self.raw, self.format)

    @cached_property
    def published(self) -> str | None:
        return published_iso(self.raw)


# ---------------------------------------------------------------- decoding

_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, notice): BOM first, then strict UTF-8, then cp1252 with a notice.

    Raises ``BinaryFileError`` for bytes that are not text.  The BOM is
    dropped (editors do not count it as a column).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc, None
            except UnicodeDecodeError as exc:
                raise BinaryFileError(f"bad {enc} after its byte-order mark: {exc.reason} at byte {exc.start}") from None
    head = data[:BINARY_SNIFF]
    if b"\x00" in head:
        utf16 = _bomless_utf16(head)
        if utf16 is None:
            raise BinaryFileError("binary file (NUL bytes)")
        try:
            return data.decode(utf16), utf16, f"no byte-order mark; read as {utf16.upper()}"
        except UnicodeDecodeError:
            raise BinaryFileError("binary file (NUL bytes)") from None
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("cp1252", errors="replace")
        return text, "cp1252", f"not valid UTF-8 (line {line}); read as cp1252"


def encode_like(original: bytes, raw: str, new: str) -> bytes:
    """``new`` encoded exactly as ``original`` was (its byte-order mark, its codec and byte order), for writing fixes back.

    ``raw`` is what ``original`` decoded to; ValueError when encoding it again
    does not give ``original`` byte for byte (a lossy cp1252 read, a file
    changed since it was read), so a fix never rewrites bytes it did not mean to.
    """
    bom = next((b for b, _ in _BOMS if original.startswith(b)), b"")
    candidates = [_BOM_CODECS[bom]] if bom else ["utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp1252"]
    for codec in candidates:
        try:
            if bom + raw.encode(codec) == original:
                return bom + new.encode(codec)
        except UnicodeEncodeError:
            continue
    raise ValueError("the file does not read back to the same bytes (changed since it was read, or not valid in its encoding)")


_BOM_CODECS = {codecs.BOM_UTF32_LE: "utf-32-le", codecs.BOM_UTF32_BE: "utf-32-be", codecs.BOM_UTF8: "utf-8",
               codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}


def _bomless_utf16(head: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte for ASCII; say which half."""
    n = len(head) - len(head) % 2
    if n < 4:
        return None
    even, odd = head[0:n:2], head[1:n:2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def detect_format(path: str | None, text: str) -> str:
    """By extension; else sniff: an HTML head, or Markdown's front matter or a fenced code block; else plain text.

    The sniff is for text with no name (stdin, ``numcheck.check(text)``): a draft
    read from a .md file and passed as a string must not have its code blocks checked.
    """
    if path:
        fmt = EXTENSIONS.get(Path(path).suffix.lower())
        if fmt:
            return fmt
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if front_matter_end(text) or _has_fenced_block(text[:65536]):
        return "markdown"
    return "text"


def _has_fenced_block(text: str) -> bool:
    """Whether a fence line (```python, ~~~) is later closed by a bare fence of the same kind; one pass."""
    fence: tuple[str, int] | None = None
    for line in text.splitlines():
        m = _FENCE.match(line)
        if m is None or m.group(1)[0] == "`" and "`" in m.group(2):
            continue
        if fence is None:
            fence = (m.group(1)[0], len(m.group(1)))
        elif m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
            return True
    return False


# ---------------------------------------------------------------- blanking

def _blank(buf: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if buf[i] not in "\r\n":
            buf[i] = " "


def _blank_matches(buf: list[str], text: str, pattern: re.Pattern, group: int = 0) -> None:
    for m in pattern.finditer(text):
        if m.start(group) >= 0:
            _blank(buf, m.start(group), m.end(group))


# a URL: https://example.com/2025/02/01/x?id=7  or  www.example.com/page-3
_URL = re.compile(r"\b(?:[a-z][a-z0-9+.\-]{0,31}://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]", re.I)

# comments, CDATA, doctype and processing instructions:  <!-- x -->  <![CDATA[x]]>  <!DOCTYPE html>  <?xml ?>
_HTML_SPECIAL = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![A-Za-z][^>]*>|<\?.*?\?>", re.S)
# elements whose content is not prose:  <script>...</script>  <pre><code>x = 1</code></pre>
_HTML_RAW = re.compile(
    r"<(script|style|pre|code|kbd|samp|textarea|svg|math|template)\b[^>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I
)
# a tag with attributes, quoted values may hold '>':  <a href="x>y" class=z>  </p>  <br/>
_HTML_TAG = re.compile(r"</?[A-Za-z][\w:.\-]*(?:\s(?:\"[^\"]*\"|'[^']*'|[^'\"<>])*)?/?>")
# a character reference:  &nbsp;  &#8722;  &#x2212;
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# template tags of static-site generators:  {{< figure width="600" >}}  {% include x.html %}  {{ page.date }}
_TEMPLATE = re.compile(r"\{\{[^\n]*?\}\}|\{%[^\n]*?%\}")


def _blank_html(buf: list[str], text: str) -> None:
    """Tags, comments and the content of script/style/code-like elements go; entities decode in place."""
    _blank_matches(buf, text, _TEMPLATE)
    _blank_matches(buf, text, _HTML_SPECIAL)
    _blank_matches(buf, text, _HTML_RAW)
    _blank_matches(buf, text, _HTML_TAG)
    if "&" in text:
        _decode_entities(buf, text)


def _decode_entities(buf: list[str], text: str) -> None:
    import html

    for m in _ENTITY.finditer(text):
        if buf[m.start()] != "&":  # already blanked (inside a tag or code)
            continue
        char = html.unescape(m.group())
        if char == m.group() or len(char) > len(m.group()):
            continue
        _blank(buf, m.start(), m.end())
        buf[m.end() - len(char):m.end()] = list(char)


# ---- Markdown block structure, line by line

# a fence opens a code block:  ```python   ~~~~   > ```   (inside a quote or list)
_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})(.*)$")
# a list item starts a list context, where indented lines are continuation, not code:  - x   12. x   * x
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
# a link reference definition:  [1]: https://example.com "Title"
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S")
# a table delimiter row:  |---|:--:|   --- | ---
_TABLE_DELIM = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$")
# YAML or TOML front matter opens on the first line:  ---  or  +++
_FRONT_KEY = re.compile(r"^[A-Za-z_][\w\-]*\s*[:=]")


def _lines(text: str) -> list[tuple[int, int, str]]:
    """(start, end, content without its line break) for every line."""
    out, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        out.append((pos, pos + len(body), body))
        pos += len(line)
    return out


def front_matter_end(text: str) -> int:
    """Offset just past a leading ``---``/``+++`` front-matter block, or 0 when there is none."""
    lines = _lines(text[:65536])
    if len(lines) < 2 or lines[0][2].strip() not in ("---", "+++"):
        return 0
    fence = lines[0][2].strip()
    if not _FRONT_KEY.match(lines[1][2]) and lines[1][2].strip() != fence:
        return 0
    closers = (fence, "...") if fence == "---" else (fence,)
    for start, end, body in lines[1:]:
        if body.strip() in closers:
            return end
    return 0


def _blank_markdown_blocks(buf: list[str], text: str, code_only: bool = False) -> None:
    """Fenced and indented code blocks; unless ``code_only``, link reference definitions and table rules too."""
    lines = _lines(text)
    fence: tuple[str, int] | None = None
    prev_blank, in_list, in_indented = True, False, False
    for start, end, body in lines:
        if fence is not None:
            _blank(buf, start, end)
            m = _FENCE.match(body)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= fence[1] and not m.group(2).strip():
                fence = None
            continue
        m = _FENCE.match(body)
        if m and not (m.group(1)[0] == "`" and "`" in m.group(2)):
            fence = (m.group(1)[0], len(m.group(1)))
            _blank(buf, start, end)
            prev_blank = False
            continue
        blank = not body.strip()
        indented = body.startswith(("    ", "\t"))
        if indented and not blank and (prev_blank or in_indented) and not in_list:
            _blank(buf, start, end)
            in_indented = True
            prev_blank = False
            continue
        if not blank:
            in_indented = False
            if _LIST_ITEM.match(body):
                in_list = True
            elif not indented and prev_blank:
                in_list = False  # a new unindented paragraph ends the list
            if not code_only and (_REF_DEF.match(body) or _TABLE_DELIM.match(body)):
                _blank(buf, start, end)
        prev_blank = blank


# ---- Markdown inline markup, on the whole text (after blocks are blanked)

_MD_INLINE = tuple(re.compile(p, f) for p, f in (
    # an image, alt text and all:  ![chart of 2024 data](img/2024.png "x")
    (r"!\[[^\]\n]*\]\([^)\n]*\)", 0),
    # a footnote reference or definition marker:  [^1]   [^note]:
    (r"\[\^[^\]\s]+\]:?", 0),
    # an ATX heading marker:  ## Heading
    (r"^ {0,3}#{1,6}(?=[ \t]|$)", re.M),
    # blockquote markers:  > > quoted
    (r"^ {0,3}(?:>[ \t]?)+", re.M),
    # a list marker, ordered ones would read as numbers:  12. item   - item
    (r"^[ \t>]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.M),
    # a setext underline or thematic break:  =====   ---   * * *
    (r"^ {0,3}(?:=+|-{2,}|(?:[-*_][ \t]*){3,})[ \t]*$", re.M),
    # emphasis and strike-through markers:  **10,000**  _x_  ~~y~~
    (r"\*+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])|~~", 0),
    # a backslash escape keeps the escaped character:  \*  \#
    (r"\\(?=[!-/:-@\[-`{-~])", 0),
))
# an inline code span, delimited by equal backtick runs:  `x = 1`   `` a`b ``
_BACKTICKS = re.compile(r"`+")
# a blank line ends a paragraph, and no code span crosses it
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\r?\n")


def _blank_inline_code(buf: list[str], text: str) -> None:
    """Pair each backtick run with the next run of the same length in the same paragraph (linear-ish, no rescans)."""
    from bisect import bisect_left, bisect_right

    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(text)]
    if len(runs) < 2:
        return
    by_len: dict[int, list[int]] = {}
    for k, (s, e) in enumerate(runs):
        by_len.setdefault(e - s, []).append(k)
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    i = 0
    while i < len(runs):
        s, e = runs[i]
        same = by_len[e - s]
        j = bisect_right(same, i)
        if j < len(same):
            k = same[j]
            s2, e2 = runs[k]
            b = bisect_left(breaks, e)
            if b == len(breaks) or breaks[b] >= s2:
                _blank(buf, s, e2)
                i = k + 1
                continue
        i += 1


# an inline or reference link: the brackets and destination go, the link text stays:  [the report](https://x "t")  [text][ref]
_MD_LINK = re.compile(r"(\[)[^\[\]\n]*(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
# an autolink:  <https://example.com>  <news@example.com>
_AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.\-]*:|www\.)[^\s<>]*>|<[^\s<>@]+@[^\s<>]+>", re.I)


# a heading id or attribute list:  ## Results {#results-2024}   {: .wide}
_ATTR_LIST = re.compile(r"\{[#:.][^{}\n]*\}")


def _blank_markdown_inline(buf: list[str]) -> None:
    for pattern in (_TEMPLATE, _ATTR_LIST, _HTML_SPECIAL, _HTML_RAW, _AUTOLINK, _HTML_TAG):
        _blank_matches(buf, "".join(buf), pattern)
    text = "".join(buf)
    for pattern in _MD_INLINE:
        _blank_matches(buf, text, pattern)
    text = "".join(buf)
    for m in _MD_LINK.finditer(text):
        _blank(buf, m.start(1), m.end(1))
        _blank(buf, m.start(2), m.end(2))
    if "&" in text:
        _decode_entities(buf, "".join(buf))


# ---------------------------------------------------------------- prose

def prose(text: str, fmt: str) -> str:
    """The text with everything that is not prose replaced by spaces (newlines kept)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")
    buf = list(text)
    fm = front_matter_end(text) if fmt != "html" else 0
    if fm:
        _blank(buf, 0, fm)
    if fmt == "markdown":
        _blank_markdown_blocks(buf, "".join(buf))
        _blank_inline_code(buf, "".join(buf))
        _blank_matches(buf, "".join(buf), _URL)
        _blank_markdown_inline(buf)
    elif fmt == "html":
        _blank_html(buf, text)
        _blank_matches(buf, "".join(buf), _URL)
    else:
        _blank_matches(buf, "".join(buf), _URL)
    out = "".join(buf)
    assert len(out) == len(text)
    return out


def without_code(text: str, fmt: str) -> str:
    """The text with only code blanked (code blocks, inline code, <pre>, <code>, <script>, <style>).

    Suppression directives are looked for in the original text; one that
    stands inside code is an example in documentation, not a directive.
    """
    buf = list(text)
    if fmt == "markdown":
        _blank_markdown_blocks(buf, text, code_only=True)
        _blank_inline_code(buf, "".join(buf))
    if fmt in ("markdown", "html"):
        _blank_matches(buf, "".join(buf), _HTML_RAW)
    return "".join(buf)


def published_iso(text: str) -> str | None:
    """The document's own publication date as YYYY, YYYY-MM or YYYY-MM-DD, or None."""
    return iso(find_published(text))


def read_bytes(data: bytes, path: str = "<stdin>", fmt: str | None = None) -> Source:
    """Decode one input; raises ``BinaryFileError`` for binary data, ValueError over the size limit (naming the file)."""
    from .limits import check_size

    check_size(data, what=path)
    raw, encoding, notice = decode(data)
    fmt = fmt or detect_format(None if path == "<stdin>" else path, raw)
    return Source(path, raw, fmt, encoding, (notice,) if notice else ())


def read_path(path: str | Path, fmt: str | None = None) -> Source:
    """Read a file from disk; ``OSError`` and ``BinaryFileError`` propagate for the caller to report."""
    p = Path(path)
    with open(p, "rb") as fh:
        data = fh.read()
    return read_bytes(data, str(path), fmt)


def read_text(text: str, path: str = "<string>", fmt: str | None = None) -> Source:
    """An already-decoded string (for the API and tests)."""
    fmt = fmt or detect_format(None if path.startswith("<") else path, text)
    return Source(path, text, fmt)
