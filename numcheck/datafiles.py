"""The one reader of numcheck's vocabulary files (numcheck/data/*.tsv, *.txt), which holds each file to its header.

A data file opens with comment lines (``#``) saying what it holds.  A
tab-separated file names its columns in the first comment line that writes
``<TAB>``: ``# Share words: phrase<TAB>nominal share<TAB>low<TAB>high`` has
the columns phrase, nominal, low, high (each piece's first word; the first
piece's last).  A one-column list says ``one ... per line``.  The code that
reads a file says which columns it expects; a header that names others, or a
row with another number of fields, is a ``DataFileError`` naming the file and
the line, so a vocabulary edited out of step with its reader fails at once
instead of being read askew.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

_TAB = "<TAB>"
_ONE_PER_LINE = re.compile(r"\bone\b.*\bper line\b", re.I)
_NAME = re.compile(r"[A-Za-z_]+")


class DataFileError(ValueError):
    """A data file whose header or rows do not have the columns its reader expects."""


def _text(name: str) -> str:
    return (resources.files("numcheck") / "data" / name).read_text(encoding="utf-8")


def header_columns(header: list[str]) -> tuple[str, ...] | None:
    """The column names a header declares ("# x: a<TAB>b c<TAB>d" -> (a, b, d)), or None when it writes no <TAB>."""
    line = next((h for h in header if _TAB in h), None)
    if line is None:
        return None
    pieces = line.lstrip("#").split(_TAB)
    first = _NAME.findall(pieces[0])
    names = [first[-1] if first else ""] + [(_NAME.findall(p) or [""])[0] for p in pieces[1:]]
    return tuple(n.lower() for n in names)


@lru_cache(maxsize=None)
def table(name: str, columns: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The rows of ``numcheck/data/<name>`` split at tabs (comments and blank lines skipped), each with ``columns``.

    One column reads a list (``one ... per line`` in the header); several read a
    tab-separated table whose header names exactly ``columns``, in order.
    """
    lines = _text(name).splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    if len(columns) == 1 and header_columns(header) is None:
        if not any(_ONE_PER_LINE.search(h) for h in header):
            raise DataFileError(f"numcheck/data/{name}: the header does not say 'one ... per line'")
    elif header_columns(header) != columns:
        raise DataFileError(f"numcheck/data/{name}: the header names columns {header_columns(header)}, "
                            f"the reader expects {columns}")
    rows = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) != len(columns):
            raise DataFileError(f"numcheck/data/{name}:{number}: {len(fields)} fields, expected {len(columns)} "
                                f"({', '.join(columns)})")
        rows.append(fields)
    return tuple(rows)


def words(name: str) -> tuple[str, ...]:
    """A one-column list (``one ... per line``), as its lines."""
    return tuple(row[0] for row in table(name, ("phrase",)))
