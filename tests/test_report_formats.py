"""report: json/jsonl records, SARIF 2.1.0 (validated against the OASIS schema), GitHub commands, JUnit XML."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from numcheck.model import FINDING_KEYS, Finding, Related
from numcheck.report import FileResult, RuleInfo, render
from numcheck.report.github import escape_data, escape_property
from numcheck.report.sarif import artifact_uri

from shared import SARIF_SCHEMA as SCHEMA
SRC = "date 2025-02-01\nThe front is 1,000km (900 miles) long.\nOn Friday 3 February 2025 it fell.\n"


def at(text: str, code: str = "NC101", severity: str = "warning", message: str = "1,000 km is 621 miles, not 900",
       **kw) -> Finding:
    s = SRC.index(text)
    line = SRC.count("\n", 0, s) + 1
    col = s - (SRC.rfind("\n", 0, s) + 1) + 1
    return Finding(code, "conversion-mismatch" if code == "NC101" else "weekday-mismatch", severity, message,
                   s, s + len(text), line, col, **kw)


def results() -> list[FileResult]:
    rel = Related(SRC.index("1,000km"), SRC.index("1,000km") + 7, "1,000km", "stated here")
    far = Related(0, 5, "an earlier report's words", "BBC, 2024-08-06")
    return [
        FileResult("drafts/a story.txt", SRC, (
            at("900 miles", related=(rel, far), evidence={"rate": 0.621371}, suggestion="620 miles"),
            at("Friday", "NC203", "error", "3 February 2025 was a Monday, not a Friday"),
        )),
        FileResult("clean.md", "Nothing wrong.", ()),
    ]


# ---------------------------------------------------------------- json

def test_json_records_have_the_contract_keys_plus_location():
    recs = json.loads(render("json", results()))
    assert len(recs) == 2
    assert list(recs[0]) == ["path", *FINDING_KEYS, "end_line", "end_col"]
    r = recs[0]
    assert r["path"] == "drafts/a story.txt" and r["code"] == "NC101"
    assert (r["line"], r["col"], r["end_line"], r["end_col"]) == (2, 23, 2, 32)
    assert r["related"][0] == {"start": 29, "end": 36, "text": "1,000km", "note": "stated here"}


def test_jsonl_is_one_object_per_line():
    lines = render("jsonl", results()).splitlines()
    assert [json.loads(x)["code"] for x in lines] == ["NC101", "NC203"]
    assert render("jsonl", [FileResult("x", "", ())]) == ""


# ---------------------------------------------------------------- sarif

def _validate(log: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (../shared is not beside the repo)")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_is_schema_valid_with_rules_regions_and_related():
    infos = {"NC203": RuleInfo("NC203", "weekday-mismatch", "warning", "A weekday that does not fit its date.\n\nMore.")}
    log = json.loads(render("sarif", results(), rules=infos, version="9.9.9"))
    _validate(log)
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "numcheck" and driver["version"] == "9.9.9"
    assert [r["id"] for r in driver["rules"]] == ["NC101", "NC203"]
    nc203 = driver["rules"][1]
    assert nc203["shortDescription"]["text"] == "A weekday that does not fit its date."
    assert nc203["defaultConfiguration"]["level"] == "warning"
    assert run["columnKind"] == "unicodeCodePoints"
    first, second = run["results"]
    assert first["ruleId"] == "NC101" and first["ruleIndex"] == 0 and first["level"] == "warning"
    assert second["ruleIndex"] == 1 and second["level"] == "error"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "drafts/a%20story.txt"
    assert loc["region"] == {"startLine": 2, "startColumn": 23, "endLine": 2, "endColumn": 32,
                             "charOffset": 38, "charLength": 9, "snippet": {"text": "900 miles"}}
    # the related span in this file becomes a relatedLocation; the earlier report's does not
    assert [r["message"]["text"] for r in first["relatedLocations"]] == ["stated here"]
    assert first["properties"] == {"suggestion": "620 miles", "evidence": {"rate": 0.621371}}


def test_sarif_rules_carry_help_markdown_and_a_help_uri_when_docs_are_configured():
    from numcheck.report import help_uri

    doc = "A weekday that does not fit its date.\n\nAnti-pattern:\n    On Friday 3 February 2025."
    infos = {"NC203": RuleInfo("NC203", "weekday-mismatch", "warning", doc, help_uri("https://wiki.example/nc", "NC203")),
             "NC101": RuleInfo("NC101", "unit-conversion-mismatch", "error", "A conversion.",
                               help_uri("https://wiki.example/{code}.html", "NC101"))}
    log = json.loads(render("sarif", results(), rules=infos))
    _validate(log)
    rules = {r["id"]: r for r in log["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["NC203"]["helpUri"] == "https://wiki.example/nc#nc203"
    assert rules["NC101"]["helpUri"] == "https://wiki.example/NC101.html"
    assert rules["NC203"]["fullDescription"]["text"] == doc
    assert rules["NC203"]["help"]["markdown"].startswith("**NC203 weekday-mismatch**")
    assert "\n    On Friday 3 February 2025." in rules["NC203"]["help"]["markdown"]
    assert help_uri(None, "NC203") is None


def test_sarif_with_no_findings_is_valid_and_info_is_note():
    log = json.loads(render("sarif", [FileResult("a.md", "x", ())]))
    _validate(log)
    assert log["runs"][0]["results"] == [] and log["version"] == "2.1.0"
    log = json.loads(render("sarif", [FileResult("a", SRC, (at("Friday", "NC501", "info", "m"),))]))
    _validate(log)
    assert log["runs"][0]["results"][0]["level"] == "note"
    assert log["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] == "note"


def test_sarif_uris(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert artifact_uri("a/b c.md") == "a/b%20c.md"
    assert artifact_uri(str(tmp_path / "x" / "y.md")) == "x/y.md"
    assert artifact_uri("/elsewhere/z.md").startswith("file:///")
    assert artifact_uri("<stdin>") == "stdin"


# ---------------------------------------------------------------- github

def test_github_commands():
    lines = render("github", results()).splitlines()
    assert lines == [
        "::warning file=drafts/a story.txt,line=2,col=23,endColumn=32,title=NC101::1,000 km is 621 miles, not 900",
        "::error file=drafts/a story.txt,line=3,col=4,endColumn=10,title=NC203::3 February 2025 was a Monday, not a Friday",
    ]
    info = render("github", [FileResult("a", SRC, (at("Friday", "NC501", "info", "m"),))])
    assert info.startswith("::notice ")


def test_github_escaping_follows_the_toolkit():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    f = at("Friday", message="50% more,\nsee: x")
    out = render("github", [FileResult("dir,x/a:b.md", SRC, (f,))])
    assert out == "::warning file=dir%2Cx/a%3Ab.md,line=3,col=4,endColumn=10,title=NC101::50%25 more,%0Asee: x\n"


def test_github_multiline_span_gives_end_line():
    s = SRC.index("long.")
    f = Finding("NC101", "n", "warning", "m", s, SRC.index("Friday"), 2, s - SRC.index("The") + 1)
    out = render("github", [FileResult("a", SRC, (f,))])
    assert ",endLine=3,endColumn=4," in out


# ---------------------------------------------------------------- junit

def test_junit_is_well_formed_with_a_failure_per_finding():
    f = at("Friday", "NC203", "error", 'bad <xml> & "quotes"\x0b')
    xml = render("junit", [FileResult("a.md", SRC, (at("900 miles"), f)), FileResult("b.md", "", ())])
    root = ET.fromstring(xml)
    assert root.tag == "testsuites" and root.get("tests") == "3" and root.get("failures") == "2"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.md", "b.md"]
    cases = suites[0].findall("testcase")
    assert [c.get("name") for c in cases] == ["numcheck.NC101", "numcheck.NC203"]
    assert cases[1].get("line") == "3" and cases[1].find("failure").get("message").startswith('bad <xml> & "quotes"')
    assert suites[1].find("testcase").find("failure") is None


def test_unknown_format():
    with pytest.raises(ValueError, match="unknown format"):
        render("xml", [])
