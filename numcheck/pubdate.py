"""Publication dates: full (2025-02-01) or partial (2005, 2005-02), kept as an inclusive day interval."""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime

_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][0-9:.+\-Z]*)?\s*$")


def parse_published(value: "str | date | datetime | None") -> tuple[date, date] | None:
    """Return (first day, last day) the publication date allows, or None.  Raises ValueError on junk."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        d = value.date()
        return d, d
    if isinstance(value, date):
        return value, value
    m = _ISO.match(str(value))
    if not m:
        raise ValueError(f"bad publication date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, dd = int(m.group(1)), m.group(2), m.group(3)
    try:
        if mo is None:
            return date(y, 1, 1), date(y, 12, 31)
        mo_i = int(mo)
        if dd is None:
            return date(y, mo_i, 1), date(y, mo_i, calendar.monthrange(y, mo_i)[1])
        day = date(y, mo_i, int(dd))
        return day, day
    except ValueError as exc:
        raise ValueError(f"bad publication date {value!r}: {exc}") from None


# Where documents state their own date, each with an example:
_IN_DOCUMENT = (
    # a leading "date 2025-02-01" or "Date: 2025-02-01" line (the example article)
    re.compile(r"\A\s*(?:date|published|dateline)\s*:?\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)\b", re.I),
    # YAML front matter:  ---\ndate: 2025-02-01\n---
    re.compile(r"\A\ufeff?---\s*\n(?:.*\n)*?\s*(?:date|published)\s*:\s*[\"']?(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)", re.I),
    # <meta property="article:published_time" content="2025-02-01T08:00:00Z">
    re.compile(r"<meta\b[^>]*?(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|date|pubdate)[\"'][^>]*?content=[\"'](\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)", re.I),
    re.compile(r"<meta\b[^>]*?content=[\"'](\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)[^\"']*[\"'][^>]*?(?:property|name|itemprop)=[\"'](?:article:published_time|datePublished|date|pubdate)[\"']", re.I),
    # <time datetime="2025-02-01">
    re.compile(r"<time\b[^>]*?datetime=[\"'](\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)", re.I),
)


def find_published(text: str) -> tuple[date, date] | None:
    """The publication date a document states about itself, or None.  Looks only at the head (64 KiB)."""
    head = text[:65536]
    for pattern in _IN_DOCUMENT:
        m = pattern.search(head)
        if m:
            try:
                return parse_published(m.group(1))
            except ValueError:
                continue
    return None


def iso(pub: tuple[date, date] | None) -> str | None:
    """A publication date interval back to its ISO form: 2025-02-01, 2005-02 (a month) or 2005 (a year)."""
    if pub is None:
        return None
    a, b = pub
    if a == b:
        return a.isoformat()
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return f"{a.year:04d}"
    return f"{a.year:04d}-{a.month:02d}"
