"""Unicode that means a number, made plain for the readers, with a map back to the original offsets.

Full-width and Arabic-Indic digits, Arabic separators and percent signs, figure
and thin spaces, the fraction slash and the non-breaking hyphen become their
ASCII forms; invisible marks (right-to-left marks, word joiners, soft hyphens,
zero-width spaces) are dropped; mis-decoded UTF-8 ("â‚¬", "Â£", "â€™") is
repaired.  The readers see the plain text; every claim is mapped back so its
``text`` is the original's ``input[start:end]``.  Text with none of these
characters is passed through untouched at no cost.
"""
from __future__ import annotations

import dataclasses
import re

from ..model import Claim

# one character for one character
_SAME_LENGTH = {
    **{chr(0xFF10 + i): str(i) for i in range(10)},   # full-width digits ０-９
    **{chr(0x0660 + i): str(i) for i in range(10)},   # Arabic-Indic digits ٠-٩
    **{chr(0x06F0 + i): str(i) for i in range(10)},   # extended Arabic-Indic (Persian) digits
    **{chr(0x0966 + i): str(i) for i in range(10)},   # Devanagari digits
    "\uFF0C": ",", "\uFF0E": ".", "\uFF05": "%",        # full-width comma, full stop, percent
    "\u066C": ",", "\u066B": ".", "\u066A": "%",        # Arabic thousands and decimal separators, percent
    "\u2007": "\u00a0", "\u2009": "\u00a0", "\u202F": "\u00a0", "\u2008": "\u00a0",  # figure, thin, narrow spaces
    "\u2044": "/", "\u2215": "/",                       # fraction slash, division slash
    "\u2011": "-", "\u2010": "-", "\u2012": "-",        # non-breaking hyphen, hyphen, figure dash
    "\u2212": "-",                                      # minus sign
    "\uFE6A": "%", "\u2030": "‰",
}
# dropped: they change nothing a reader sees
_INVISIBLE = "\u200B\u200C\u200D\u200E\u200F\u2060\u00AD\uFEFF\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069"
# mis-decoded UTF-8 (read as Windows-1252), longest first
_MOJIBAKE = (("â‚¬", "€"), ("â€™", "’"), ("â€˜", "‘"), ("â€œ", "“"), ("â€\x9d", "”"), ("â€“", "–"),
             ("â€”", "—"), ("Â£", "£"), ("Â¥", "¥"), ("Â½", "½"), ("Â¼", "¼"), ("Â¾", "¾"), ("Â\u00a0", "\u00a0"))

_SUPERSCRIPT = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
                "⁻": "-", "⁺": "+"}
_TRIGGER = re.compile(r"\d[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]|[" + re.escape("".join(_SAME_LENGTH) + _INVISIBLE) + "]|â‚¬|â€|Â[£¥½¼¾\u00a0]")
_SAME_TABLE = str.maketrans(_SAME_LENGTH)


# what changes the length: a mis-decoded sequence, an invisible mark, a superscript (a power after a digit)
_CHANGE = re.compile("|".join(re.escape(bad) for bad, _ in _MOJIBAKE) + "|[" + _INVISIBLE + "]|["
                     + "".join(_SUPERSCRIPT) + "]")


def plain(text: str) -> tuple[str, list[int] | None]:
    """The plain text and, when characters were dropped, each plain character's index in ``text``.

    The text is copied in runs between the characters that change its length, so a long text with a few
    of them costs a few slices, not a loop over every character.
    """
    if not _TRIGGER.search(text):
        return text, None
    out: list[str] = []
    index: list[int] = []
    pos, n, changed = 0, len(text), False
    m = _CHANGE.search(text)
    while m is not None:
        i = m.start()
        if i > pos:
            out.append(text[pos:i])
            index.extend(range(pos, i))
        pos, did = _replace(text, m, out, index)
        changed = changed or did
        m = _CHANGE.search(text, pos)
    if not changed:  # nothing dropped or added: the same offsets
        return text.translate(_SAME_TABLE), None
    out.append(text[pos:])
    index.extend(range(pos, n))
    index.append(n)  # the end of the text maps to the end
    return "".join(out).translate(_SAME_TABLE), index


def _replace(text: str, m: re.Match[str], out: list[str], index: list[int]) -> tuple[int, bool]:
    """Write the plain form of one length-changing match: where reading goes on, and whether it changed."""
    i, found = m.start(), m.group()
    if found in _INVISIBLE:
        return m.end(), True
    if found in _SUPERSCRIPT:
        if not (out and out[-1][-1].isdigit()):  # "x²" stays as written
            out.append(found)
            index.append(i)
            return m.end(), False
        out.append("^")  # "10⁶" -> "10^6": a power, not 10
        index.append(i)
        while i < len(text) and text[i] in _SUPERSCRIPT:
            out.append(_SUPERSCRIPT[text[i]])
            index.append(i)
            i += 1
        return i, True
    out.append(_GOOD[found])
    index.append(i)
    return m.end(), True


_GOOD = dict(_MOJIBAKE)


def back(claims: list[Claim], original: str, index: list[int] | None) -> list[Claim]:
    """Claims found in the plain text, with spans and surfaces of the original."""
    if index is None:
        if not claims or all(original[c.start:c.end] == c.text for c in claims):
            return claims
        return [dataclasses.replace(c, text=original[c.start:c.end]) for c in claims]
    out = []
    for c in claims:
        start = index[c.start]
        end = index[c.end]  # where the next plain character starts: a repaired sequence stays whole
        while end > start and original[end - 1] in _INVISIBLE:
            end -= 1
        out.append(dataclasses.replace(c, text=original[start:end], start=start, end=end))
    return out
