"""Drawing a ``Timeline``: the figure over publication date, each claim's interval as a band, contradictions marked.

matplotlib is an optional extra (``numcheck[plot]``), imported here only, with
the Agg backend and settings that make the same store give the same SVG bytes:
a fixed ``svg.hashsalt``, no date in the metadata; text stays text (searchable, and read by screen readers).
"""
from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

from .timeline import Point, Timeline

RC = {"svg.hashsalt": "numcheck", "svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 8}
COLOURS = {"point": "#0072B2", "band": "#56B4E9", "contradiction": "#D55E00", "revision": "#E69F00"}  # Okabe-Ito
METADATA = {"svg": {"Date": None, "Creator": "numcheck"}, "png": {"Software": "numcheck"}}


class PlotUnavailable(RuntimeError):
    """matplotlib is not installed: one line saying how to get it."""


def pyplot() -> Any:
    try:
        import matplotlib
    except ImportError:
        raise PlotUnavailable("plots need matplotlib: pip install 'numcheck[plot]'") from None
    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def draw(tl: Timeline, ax: Any = None) -> Any:
    """The figure for a timeline (on ``ax`` when given)."""
    plt = pyplot()
    import matplotlib.dates as mdates

    with plt.rc_context(RC):
        if ax is None:
            fig, ax = plt.subplots(figsize=(7.5, 3.6), dpi=100)
        else:
            fig = ax.figure
        if not tl.points:
            ax.text(0.5, 0.5, f"no dated claims about {tl.subject!r}", ha="center", va="center", transform=ax.transAxes)
            ax.set_axis_off()
            return fig
        _bands(ax, tl)
        _points(ax, tl)
        _marks(ax, tl)
        ax.set_title(f"{tl.subject}: {len(tl.points)} claim(s) in {len({p.report_id for p in tl.points})} report(s)")
        ax.set_ylabel(tl.unit or "count")
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
        first, last = min(p.published for p in tl.points), max(p.published for p in tl.points)
        pad = max(timedelta(days=2), (last - first) / 12)
        ax.set_xlim(first - pad, last + pad)
        ax.grid(True, axis="y", color="#dddddd", linewidth=0.5)
        fig.autofmt_xdate()
        ax.legend(loc="best", fontsize=7, frameon=False)
        fig.tight_layout()
    return fig


def _bands(ax: Any, tl: Timeline) -> None:
    """The interval each claim allows; an open side runs to the edge of the plot with an arrow."""
    ys = [v for p in tl.points for v in (p.low, p.high, p.value) if v is not None]
    top, bottom = max(ys) * 1.15, min(0.0, min(ys))
    labelled = False
    for p in tl.points:
        lo = p.low if p.low is not None else bottom
        hi = p.high if p.high is not None else top
        if lo == hi:
            continue
        ax.vlines(p.published, lo, hi, colors=COLOURS["band"], linewidth=6, alpha=0.55,
                  label=None if labelled else "interval the wording allows")
        labelled = True
        if p.high is None:
            ax.annotate("", xy=(p.published, top), xytext=(p.published, p.y),
                        arrowprops={"arrowstyle": "->", "color": COLOURS["band"]})
    ax.set_ylim(bottom, top)


def _points(ax: Any, tl: Timeline) -> None:
    ax.plot([p.published for p in tl.points], [p.y for p in tl.points], "o", color=COLOURS["point"], markersize=4,
            label="stated figure", zorder=3)
    for p in tl.points:
        ax.annotate(_label(p), (p.published, p.y), textcoords="offset points", xytext=(4, 4), fontsize=6.5,
                    color="#333333")


def _label(p: Point) -> str:
    source = p.source if len(p.source) <= 28 else "…" + p.source[-27:]
    return f"{p.text} ({source})"


def _marks(ax: Any, tl: Timeline) -> None:
    by_id = {p.claim_id: p for p in tl.points}
    revised = tl.revisions()
    if revised:
        ax.plot([p.published for p in revised], [p.y for p in revised], "D", color=COLOURS["revision"], markersize=7,
                fillstyle="none", label="revision (the text marks a change)", zorder=4)
    shown = False
    for m in tl.marks:
        p = by_id.get(m.claim_id)
        if p is None:
            continue
        ax.plot([p.published], [p.y], "X", color=COLOURS["contradiction"], markersize=9, zorder=5,
                label=None if shown else "contradiction (NC4xx)")
        ax.annotate(m.code, (p.published, p.y), textcoords="offset points", xytext=(4, -10), fontsize=6.5,
                    color=COLOURS["contradiction"], fontweight="bold")
        shown = True
        q = by_id.get(m.earlier_id) if m.earlier_id is not None else None
        if q is not None:
            ax.plot([q.published, p.published], [q.y, p.y], "--", color=COLOURS["contradiction"], linewidth=1)


def save(fig: Any, path: str) -> None:
    """Write SVG or PNG by the suffix, with no date in it."""
    fmt = path.rsplit(".", 1)[-1].lower()
    if fmt not in METADATA:
        raise ValueError(f"{path}: cannot tell the format from its suffix: use .svg or .png")
    with pyplot().rc_context(RC):
        fig.savefig(path, format=fmt, metadata=METADATA[fmt])


def svg(fig: Any) -> str:
    """The figure as SVG text, for embedding in a page."""
    buf = io.StringIO()
    with pyplot().rc_context(RC):
        fig.savefig(buf, format="svg", metadata=METADATA["svg"])
    pyplot().close(fig)
    return buf.getvalue()
