"""Hover on a number, amount or date: what numcheck read, the conversion it used, the rules and earlier reports about it.

All of it comes from the last check of the document (its claims and findings)
and from the same rule set and history store the checks read, through
``engine.make_context``, ``checks.rules.facts_about`` and ``checks.conversions``:
what the hover says is what the checks compared.
"""
from __future__ import annotations

import math
from typing import Any, Iterator

from lsprotocol import types

from ..model import Claim
from .checker import Checked

EARLIER = 3  # earlier reports quoted in a hover


def hover(checked: Checked, pos: types.Position) -> types.Hover | None:
    """The hover for the claim under ``pos``, or None when there is no claim there."""
    if checked.analysis is None:
        return None
    at = checked.lines.offset(pos)
    claim = next((c for c in checked.analysis.claims if c.start <= at < c.end or at == c.end > c.start), None)
    if claim is None:
        return None
    parts = [*_read(claim), *_conversion(checked, claim), *_facts(checked, claim), *_earlier(checked, claim),
             *_findings(checked, claim)]
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n".join(parts)),
        range=checked.lines.range(claim.start, claim.end),
    )


def _num(x: float | None) -> str:
    if x is None or (isinstance(x, float) and math.isinf(x)):
        return "∞"
    return f"{x:,.10g}" if abs(x) < 1e15 else f"{x:.4g}"


def _read(c: Claim) -> Iterator[str]:
    """What the extractor read: kind, value, interval, unit or currency, subject, TIMEX3."""
    yield f"**{_escape(c.text)}** · {c.kind}" + (f" · {c.change}" if c.change else "")
    facts = []
    if c.value is not None:
        facts.append(f"value {_num(c.value)}")
    if c.low is not None or c.high is not None:
        lo = "-∞" if c.low is None else _num(c.low)
        facts.append(f"interval [{lo}, {_num(c.high)}{')' if c.high is None else ']'}")
    if c.qualifier != "=":
        facts.append(f"qualifier `{c.qualifier}`")
    if c.unit:
        facts.append(f"{'currency' if c.kind == 'money' else 'unit'} {c.unit}")
    if c.canonical is not None and c.canonical.unit != c.unit:
        facts.append(f"= {_num(c.canonical.value)} {c.canonical.unit}")
    if facts:
        yield " · ".join(facts)
    if c.subject:
        yield f"subject: {_escape(c.subject)}"
    if c.timex:
        days = f" ({c.date_start} .. {c.date_end})" if c.date_start and c.date_end and c.date_start != c.date_end \
            else (f" ({c.date_start})" if c.date_start else "")
        yield f"TIMEX3 `{c.timex}`{days}"


def _context(checked: Checked) -> Any:
    from ..engine import make_context

    a = checked.analysis
    assert a is not None
    return make_context(a.document, a.claims, checked.ruleset, checked.history)


def _conversion(checked: Checked, c: Claim) -> Iterator[str]:
    """The rate or factor between this claim and the one it converts to or from, as NC101/NC102 read them."""
    if c.kind not in ("money", "measure"):
        return
    from .. import rates
    from ..checks.conversions import conversions, currency
    from ..units import convert, load_units

    ctx = _context(checked)
    for conv in conversions(ctx):
        a, b = conv.src, conv.dst
        if c not in (a, b) or conv.same_currency:
            continue
        if a.kind == "money":
            span = rates.span(currency(a), currency(b), ctx.published, ctx.published_end)
            yield f"conversion {a.text} → {b.text}: " + (span.describe() if span else "no ECB rate for these currencies")
        elif a.unit in load_units() and b.unit in load_units():
            yield f"conversion {a.text} → {b.text}: 1 {a.unit} = {convert(1.0, a.unit, b.unit):.6g} {b.unit}"


def _facts(checked: Checked, c: Claim) -> Iterator[str]:
    """The rule-file facts NC301 compares this claim with."""
    if checked.ruleset is None:
        return
    from ..checks.rules import facts_about

    for fact in facts_about(_context(checked), c):
        lo, hi = fact.low, fact.high
        value = _num(lo) if lo == hi else f"{_num(lo) if lo is not None else '…'}-{_num(hi) if hi is not None else '…'}"
        tol = f", ±{fact.tolerance:.0%}" if fact.tolerance else ""
        where = f"{fact.file}:{fact.line}" if fact.file else "rules"
        source = f" — {_escape(fact.source)}" if fact.source else ""
        yield f"rule `{fact.id}` ({where}): {_escape(fact.subject)} {value} {fact.unit}{tol}{source}".replace("  ", " ")


def _earlier(checked: Checked, c: Claim) -> Iterator[str]:
    """The latest earlier reports in the history store with a claim about the same subject."""
    if checked.history is None or not c.subject or c.kind in ("date", "duration"):
        return
    try:
        rows = checked.history.claims(subject=c.subject)
    except Exception as exc:  # noqa: BLE001 - a store that cannot be read is said, not a crash
        yield f"history store: cannot read ({type(exc).__name__}: {exc})"
        return
    unit = c.canonical.unit if c.canonical is not None else c.unit
    rows = rows[rows["canon_unit"] == unit] if "canon_unit" in rows else rows
    pub = checked.analysis.document.published if checked.analysis else None
    if pub is not None:
        rows = rows[rows["published"].isna() | (rows["published"] <= pub[1].isoformat())]
    for _, r in rows.sort_values("published", na_position="first").tail(EARLIER).iloc[::-1].iterrows():
        when = r["published"] or "undated"
        yield f"earlier report {_escape(str(r['source'] or r['report_id']))}, {when}: {_escape(str(r['sentence']))}"


def _findings(checked: Checked, c: Claim) -> Iterator[str]:
    a = checked.analysis
    assert a is not None
    for f in a.findings:
        if f.start < c.end and c.start < f.end:
            yield f"{f.code} {f.name}: {_escape(f.message)}"


def _escape(s: str) -> str:
    """Text shown as Markdown: characters that would become markup are escaped."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in s)
