"""Reading the TimeML corpora in ../shared/corpora/timeml: plain text, publication date and gold TIMEX3.

One reader for every test and benchmark that uses TimeBank, AQUAINT or the
Gigaword silver wire.  The plain text is the content of ``<TEXT>`` with every
tag removed and XML entities unescaped (the corpus README's rule); a TIMEX3's
offsets are its place in that plain text.  The publication date is the DCT
TIMEX3's ``value`` (``1998-01-08``).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from shared import SHARED  # noqa: E402
TIMEML = SHARED / "corpora" / "timeml"
FOLDERS = ("timebank", "aquaint", "gigaword-silver")

# <TEXT> ... </TEXT>: the body; everything outside it (DOCID, DCT, TITLE) is metadata
_BODY = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
# <DCT>KUALA LUMPUR, <TIMEX3 ... value="1997-04-01" ...>April 1 , 1997</TIMEX3> (AFP)</DCT>
_DCT = re.compile(r"<DCT>.*?<TIMEX3\b[^>]*\bvalue=\"([^\"]*)\"", re.S)
# any tag:  <EVENT eid="e1" class="OCCURRENCE">  </TIMEX3>  <SIGNAL sid="s1"/>
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)\b([^>]*?)(/?)>")
# attributes inside a tag:  type="DATE" value="1997-04-01"
_ATTR = re.compile(r"([A-Za-z]+)=\"([^\"]*)\"")
# entities left in text between tags:  &amp;  &quot;  &#39;
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


@dataclass(frozen=True)
class Timex:
    """One gold TIMEX3: its span in the plain text, type (DATE, TIME, DURATION, SET) and value."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class Document:
    """One TimeML file read: its path, publication date, plain text and gold TIMEX3s in text order."""

    path: Path
    published: str | None
    text: str
    timexes: tuple[Timex, ...]


def read(path: str | Path) -> Document:
    """Parse one .tml file into plain text with TIMEX3 offsets."""
    path = Path(path)
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    body = _BODY.search(raw)
    text, timexes = _strip(body.group(1) if body else "")
    return Document(path, dct.group(1) if dct else None, text, timexes)


def _strip(body: str) -> tuple[str, tuple[Timex, ...]]:
    """The body without tags (entities unescaped), and each TIMEX3 at its place in that text."""
    out: list[str] = []
    size = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    pos = 0
    for m in _TAG.finditer(body):
        piece = _unescape(body[pos:m.start()])
        out.append(piece)
        size += len(piece)
        pos = m.end()
        closing, name, attrs, selfclosing = m.group(1), m.group(2), m.group(3), m.group(4)
        if name != "TIMEX3" or selfclosing:
            continue
        if not closing:
            open_timex.append((size, dict(_ATTR.findall(attrs))))
        elif open_timex:
            start, a = open_timex.pop()
            timexes.append(Timex(start, size, "", a.get("type", ""), a.get("value", "")))
    out.append(_unescape(body[pos:]))
    text = "".join(out)
    located = tuple(Timex(t.start, t.end, text[t.start:t.end], t.type, t.value)
                    for t in sorted(timexes, key=lambda t: t.start))
    return text, located


def _unescape(s: str) -> str:
    return _ENTITY.sub(lambda m: html.unescape(m.group()), s) if "&" in s else s


def files(folder: str) -> list[Path]:
    """The .tml files of one corpus folder (timebank, aquaint, gigaword-silver), sorted; [] when absent."""
    d = TIMEML / folder
    return sorted(d.glob("*.tml")) if d.is_dir() else []
