"""``numcheck history plot`` and ``History.plot``: the figure over time, its bands, its marks, and byte-identical SVG."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

import numcheck
from numcheck.history.timeline import timeline

pytest.importorskip("matplotlib", reason="the plot extra (numcheck[plot]) is not installed")

EXE = str(Path(sys.executable).with_name("numcheck"))
REPORTS = [
    ("2024-11-01", "BBC", "North Korea has deployed about 11,000 troops to the Kursk region so far, officials in "
                          "Seoul and Kyiv said."),
    ("2024-12-15", "Reuters", "Pyongyang has sent more than 10,000 troops to the Kursk region, Seoul and Kyiv "
                              "officials said."),
    ("2024-12-18", "Wire", "North Korea has sent 3,000 troops to the Kursk region, officials in Seoul and Kyiv said."),
    ("2025-02-01", "BBC", "The estimate of North Korean troops in the Kursk region was revised to 12,000 troops, "
                          "officials in Seoul and Kyiv said. The front is 1,000km long."),
]


@pytest.fixture()
def store(tmp_path):
    h = numcheck.History(tmp_path / "claims.db")
    for day, source, text in REPORTS:
        h.add(text, published=day, source=source)
    yield h
    h.close()


def test_the_timeline_holds_every_dated_claim_about_the_subject(store):
    tl = timeline(store, "North Korean troops")
    assert tl.subject == "troop" and tl.unit == ""
    assert [(p.source, p.published.isoformat(), p.text) for p in tl.points] == [
        ("BBC", "2024-11-01", "about 11,000"), ("Reuters", "2024-12-15", "more than 10,000"),
        ("Wire", "2024-12-18", "3,000"), ("BBC", "2025-02-01", "12,000")]
    more_than = tl.points[1]
    assert (more_than.low, more_than.high) == (10000.0, None)  # open above
    assert [p.text for p in tl.revisions()] == ["12,000"]  # "revised to": a revision, not a contradiction


def test_the_marks_are_the_findings_check_gives_each_report_against_the_earlier_ones(store, tmp_path):
    tl = timeline(store, "troops")
    assert [(m.code, m.claim_id, m.earlier_id) for m in tl.marks] == [("NC401", 3, 2)]
    # the same finding as checking the Wire report against a store holding only the two reports before it
    earlier = numcheck.History(tmp_path / "earlier.db")
    for day, source, text in REPORTS[:2]:
        earlier.add(text, published=day, source=source)
    direct = [f for f in numcheck.check(REPORTS[2][2], published=REPORTS[2][0], history=earlier, config={})
              if f.code.startswith("NC4")]
    assert [f.message for f in direct] == [m.message for m in tl.marks]


def test_history_plot_returns_a_figure_and_its_svg_is_the_same_bytes_every_time(store, tmp_path):
    from numcheck.history.plot import save

    fig = store.plot("troops")
    assert fig.axes and "troop: 4 claim(s) in 4 report(s)" == fig.axes[0].get_title()
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    save(fig, str(a))
    save(store.plot("troops"), str(b))
    assert a.read_bytes() == b.read_bytes()
    svg = a.read_text(encoding="utf-8")
    assert "<dc:date>" not in svg
    ElementTree.fromstring(svg)  # well-formed
    texts = " ".join(t.text or "" for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text"))
    for label in ("more than 10,000 (Reuters)", "3,000 (Wire)", "NC401", "contradiction (NC4xx)",
                  "revision (the text marks a change)", "interval the wording allows"):
        assert label in texts, label


def test_the_cli_writes_svg_and_png_and_filters_by_date(store, tmp_path):
    out = tmp_path / "troops.svg"
    p = subprocess.run([EXE, "history", "plot", "troops", "--db", store.path, "-o", str(out)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert "4 claim(s) about 'troop' in 4 report(s), 1 contradiction(s), 1 revision(s)" in p.stderr
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    png = tmp_path / "troops.png"
    p = subprocess.run([EXE, "history", "plot", "troops", "--db", store.path, "--since", "2024-12-16", "-o", str(png)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "2 claim(s) about 'troop' in 2 report(s)" in p.stderr


@pytest.mark.parametrize("argv, says", [
    (["history", "plot", "tanks", "-o", "x.svg"], "no dated claims about 'tanks' (subjects with most claims: troop"),
    (["history", "plot", "troops", "-o", "x.pdf"], "use a .svg or .png file"),
    (["history", "plot", "troops", "--since", "last year", "-o", "x.svg"], "bad publication date"),
])
def test_the_cli_says_what_is_wrong_in_one_line(store, tmp_path, argv, says):
    p = subprocess.run([EXE, *argv, "--db", store.path], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert p.returncode == 2 and says in p.stderr and len(p.stderr.strip().splitlines()) == 1, p.stderr


def test_without_matplotlib_the_plot_says_how_to_get_it(monkeypatch, store):
    from numcheck.history.plot import PlotUnavailable

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(PlotUnavailable, match=r"numcheck\[plot\]"):
        store.plot("troops")


def test_importing_numcheck_and_checking_does_not_import_matplotlib():
    code = ("import sys, numcheck; numcheck.check('Pyongyang sent 10,000 troops.', config={}); "
            "print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True).stdout
    assert out.strip() == "False"
