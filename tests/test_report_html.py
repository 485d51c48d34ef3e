"""``numcheck check --format html``: one self-contained page, read structurally (parsing it) and against hostile input."""
from __future__ import annotations

import base64
import subprocess
import sys
from pathlib import Path

import pytest

import numcheck
from html_dom import parse
from numcheck.engine import analyse
from numcheck.report import FileResult, render

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).with_name("numcheck"))
EXAMPLE = (ROOT / "examples" / "kursk-2025-02-01.txt").read_text(encoding="utf-8")
BROKEN = EXAMPLE.replace("three-year", "five-year").replace("1,000-kilometre", "3,000-kilometre") \
    .replace("more than 10,000", "more than 100,000")
DRAFT_MD = """---
date: 2025-02-01
---
# Front

The front is 1,000km (900 miles) long, officials said on Tuesday 1 February 2025.

```
1,000km (5 miles) in a code block is not prose
```
"""


def _page(tmp_path: Path, files: dict[str, str], *args: str) -> tuple[int, str, str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    p = subprocess.run([EXE, "check", *files, "--format", "html", "--output-file", str(out), *args], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    return p.returncode, out.read_text(encoding="utf-8") if out.exists() else "", p.stderr


def test_the_page_holds_every_document_claim_and_finding(tmp_path):
    code, page, err = _page(tmp_path, {"broken.txt": BROKEN, "draft.md": DRAFT_MD},
                            "--rules", str(ROOT / "rules" / "examples"))
    assert code == 1, err  # the exit code is the text format's
    dom = parse(page)
    docs = dom.find_all("section", cls="doc")
    assert [d.find_all("h2")[0].text() for d in docs] == ["broken.txt", "draft.md"]
    for doc, name in zip(docs, ("broken.txt", "draft.md")):
        text = (tmp_path / name).read_text(encoding="utf-8")
        a = analyse(text, path=tmp_path / name, rules=str(ROOT / "rules" / "examples"))
        items = doc.find_all("li", cls="finding")
        assert [(li.attrs["data-code"], li.attrs["data-severity"]) for li in items] == \
            [(f.code, f.severity) for f in sorted(a.findings, key=lambda f: (f.start, f.code))]
        for li, f in zip(items, sorted(a.findings, key=lambda f: (f.start, f.code))):
            assert f.message in li.text()  # the arithmetic
        highlighted = doc.find_all("span", cls="claim")
        assert {s.text() for s in highlighted} >= {c.text for c in a.claims if "\n" not in c.text}
        kinds = {next(k for k in s.classes() if k.startswith("k-"))[2:] for s in highlighted}
        assert kinds == {c.kind for c in a.claims}
        # the text is all there, line by line, with findings beside their first line
        rows = doc.find_all("div", cls="row")
        assert len(rows) == text.count("\n") + 1
        assert "".join(r.find_all("p", cls="text")[0].text() + "\n" for r in rows)[:-1] == text
    nc301 = next(li for li in dom.find_all("li", cls="finding") if li.attrs["data-code"] == "NC301")
    evidence = nc301.find_all("dl", cls="evidence")[0].text()
    assert "nk-troops-kursk" in evidence and "russia-ukraine-war.yaml" in evidence  # the rule that speaks
    assert "1,000km (5 miles)" in page and "NC101" not in docs[1].find_all("div", cls="row")[8].text()


def test_summary_per_file_and_code(tmp_path):
    _, page, _ = _page(tmp_path, {"broken.txt": BROKEN, "draft.md": DRAFT_MD, "clean.txt": EXAMPLE},
                       "--rules", str(ROOT / "rules" / "examples"))
    dom = parse(page)
    files = dom.find_all("table", cls="files")[0].find_all("tr")[1:]
    assert [r.find_all("a")[0].text() for r in files] == ["broken.txt", "draft.md", "clean.txt"]
    assert [td.text() for td in files[2].find_all("td")[2:]] == ["0", "0", "0"]
    codes = {r.find_all("code")[0].text(): r.find_all("td")[3].text()
             for r in dom.find_all("table", cls="codes")[0].find_all("tr")[1:]}
    assert codes == {"NC101": "1", "NC201": "1", "NC301": "2", "NC304": "1"}
    boxes = {i.attrs["value"] for i in dom.find_all("input", name="code")}
    assert boxes == set(codes)


def test_the_page_is_self_contained_and_readable_without_javascript(tmp_path):
    _, page, _ = _page(tmp_path, {"draft.md": DRAFT_MD})
    dom = parse(page)
    assert not dom.find_all("link") and all("src" not in s.attrs for s in dom.iter("script"))
    for el in dom.iter():
        for attr in ("src", "href"):
            value = el.attrs.get(attr) or ""
            assert not value.startswith(("http:", "https:", "//")), (el.tag, value)
    assert "@import" not in page and "url(" not in page
    assert "hidden" in dom.find_all("form", id="filters")[0].attrs  # the controls need the script
    assert all("hidden" not in li.attrs for li in dom.find_all("li", cls="finding"))
    assert "prefers-color-scheme: dark" in page


HOSTILE = ('Officials said <script>alert("text")</script> 1,000km (900 miles) " onmouseover="alert(1)" '
           '<img src=x onerror=alert(2)> [link](javascript:alert(3)) {{ 7*7 }} on Tuesday 1 February 2025.\n')


@pytest.mark.parametrize("name", ['<script>alert("name")<script>.txt', '" onclick="alert(4).md',
                                  "x'><img src=y onerror=alert(5)>.txt", "<svg onload=alert(10)>.md"])
def test_hostile_text_file_names_rules_and_messages_never_become_markup(tmp_path, name):
    rules = tmp_path / "rules.yaml"
    rules.write_text("""facts:
  - id: evil-rule
    subject: officials
    value: 3
    source: "<script>alert(6)</script><img src=z onerror=alert(7)> javascript:alert(8)"
""", encoding="utf-8")
    text = HOSTILE + "About 40 officials <b onclick='x()'>said</b> so.\n"
    (tmp_path / "numcheck.toml").write_text('docs-url = "javascript://x%0aalert(9)"\n', encoding="utf-8")
    code, page, err = _page(tmp_path, {name: text}, "--rules", str(rules))
    assert code == 1, err
    dom = parse(page)
    scripts = list(dom.iter("script"))
    assert len(scripts) == 1 and "alert" not in scripts[0].text()  # only the report's own script
    for el in dom.iter():
        assert not any(a.lower().startswith("on") for a in el.attrs), (el.tag, el.attrs)
        for attr in ("href", "src"):
            assert not (el.attrs.get(attr) or "").lower().lstrip().startswith(("javascript:", "data:text")), el.attrs
    assert not dom.find_all("img") and not dom.find_all("b")
    assert dom.find_all("h2")[1].text() == name  # the file name, as text
    body = " ".join(p.text() for p in dom.find_all("p", cls="text"))
    assert '<script>alert("text")</script>' in body and "<img src=x onerror=alert(2)>" in body
    assert "{{ 7*7 }}" in body and "49" not in body  # article text is not a template
    evidence = " ".join(d.text() for d in dom.find_all("dl", cls="evidence"))
    assert "<script>alert(6)</script><img src=z onerror=alert(7)>" in evidence  # the rule's string, as text
    assert "<script>alert(6)" not in page and "<img src=z" not in page
    assert all(not (a.attrs.get("href") or "").startswith("javascript") for a in dom.iter("a"))


def test_an_html_article_is_shown_as_its_source_text(tmp_path):
    html = "<html><body><p>The front is 1,000km (900 miles) long.</p><script>alert(1)</script></body></html>\n"
    _, page, _ = _page(tmp_path, {"page.html": html})
    dom = parse(page)
    assert len(list(dom.iter("script"))) == 1
    assert dom.find_all("p", cls="text")[0].text() == html.rstrip("\n")
    assert [li.attrs["data-code"] for li in dom.find_all("li", cls="finding")] == ["NC101"]


def test_render_needs_no_claims_and_escapes_without_the_cli():
    page = render("html", [FileResult("a<b>.md", "x <i>y</i> 5km (9 miles)",
                                      tuple(numcheck.check("x <i>y</i> 5km (9 miles)", format="text")))])
    dom = parse(page)
    assert not dom.find_all("i") and dom.find_all("h2")[1].text() == "a<b>.md"


def test_nc4_findings_carry_the_subjects_figure_over_time(tmp_path):
    pytest.importorskip("matplotlib")
    store = numcheck.History(tmp_path / "claims.db")
    store.add("North Korea has sent more than 10,000 troops to the Kursk region, Seoul and Kyiv officials said.",
              published="2024-12-15", source="Reuters")
    store.close()
    draft = "date 2024-12-18\n\nNorth Korea has sent 3,000 troops to the Kursk region, officials in Seoul and Kyiv said.\n"
    code, page, err = _page(tmp_path, {"draft.txt": draft}, "--history", "claims.db")
    assert code == 1, err
    dom = parse(page)
    nc401 = next(li for li in dom.find_all("li", cls="finding") if li.attrs["data-code"] == "NC401")
    assert "Reuters" in nc401.text() and "more than 10,000" in nc401.text()  # the earlier report
    img = nc401.find_all("img")[0]
    assert img.attrs["src"].startswith("data:image/svg+xml;base64,") and "troop" in img.attrs["alt"]
    svg = base64.b64decode(img.attrs["src"].split(",", 1)[1]).decode("utf-8")
    assert "more than 10,000 (Reuters)" in svg and "<script" not in svg
