"""Rule files: every shipped file loads, merging and overrides, errors with file:line:col, safety, the cache."""
from __future__ import annotations

import os
import pickle
import re
import textwrap
from datetime import date
from pathlib import Path

import pytest

from numcheck.rules import RuleError, RuleSet, core_dir, load_rules, rule_files_for, validate
from numcheck.rules.schema import SECTIONS

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
BAD = Path(__file__).resolve().parent / "data" / "bad_rules"
EXAMPLE = RULES / "examples" / "russia-ukraine-war.yaml"
SHIPPED = sorted(p for p in RULES.rglob("*") if p.suffix in (".yaml", ".yml"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    """Each test gets its own cache dir so results never leak between tests or into ~/.cache."""
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("NUMCHECK_NO_CACHE", raising=False)
    import numcheck.rules as r

    monkeypatch.setattr(r, "_MEMO", {})


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return p


# ---------------------------------------------------------------- shipped files


def test_shipped_rules_exist():
    assert core_dir() == RULES / "core"
    assert {p.parent.name for p in SHIPPED} >= {"core", "style", "examples"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.relative_to(RULES).as_posix())
def test_every_shipped_file_validates_and_loads(path):
    assert validate([path], core=False) == []
    rs = load_rules([path])
    assert str(path) in rs.files


def test_whole_rules_folder_validates():
    assert validate([RULES]) == []


def test_default_is_core_only():
    rs = load_rules()
    assert all(Path(f).parent == RULES / "core" for f in rs.files)
    assert {b.id for b in rs.bounds} >= {"count-not-negative", "share-of-whole"}
    assert rs.facts == () and rs.events == ()
    assert not rs.style.active  # style is opt-in


def test_example_pack_contents():
    rs = load_rules([EXAMPLE])
    inv = {e.id: e for e in rs.events}["full-scale-invasion"]
    assert inv.start == inv.end == date(2022, 2, 24) and inv.ongoing
    assert "the conflict" in inv.aliases and inv.file == str(EXAMPLE) and inv.line > 0
    troops = {f.id: f for f in rs.facts}["nk-troops-kursk"]
    assert (troops.low, troops.high, troops.tolerance) == (10000, 12000, 0.1)
    front = {f.id: f for f in rs.facts}["front-line-length"]
    assert front.unit == "kilometer" and front.scale == 1000 and front.dimension == "length"
    assert rs.dimensions["front"] == "length" and rs.dimensions["conflict"] == "time"


def test_a_dimension_rule_may_allow_several_dimensions(tmp_path):
    pack = tmp_path / "dims.yaml"
    pack.write_text("version: 1\ndimensions:\n  speed: [speed, bitrate]\n  front: length\n", encoding="utf-8")
    rs = load_rules([pack], core=False)
    speed = rs.dimension_rule("broadband speeds")
    assert speed is not None and speed.allowed == ("velocity", "bitrate") and speed.line == 3
    assert rs.dimension_of("broadband speeds") == "velocity"  # the first is the one messages name
    assert rs.dimension_rule("the front").allowed == ("length",)


# ---------------------------------------------------------------- the broken-rules corpus

BROKEN = sorted(BAD.glob("*.yaml"))


def test_corpus_is_there():
    assert len(BROKEN) >= 20


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.name)
def test_broken_rule_file_reports_file_line_col(path):
    expected = re.findall(r"^# expect: (\d+):(\d+) (.*)$", path.read_text(encoding="utf-8"), re.M)
    assert expected, f"{path.name} has no '# expect:' line"
    errors = validate([path], core=False)
    assert len(errors) == len(expected), [str(e) for e in errors]
    for line, col, text in expected:
        hits = [e for e in errors if (e.line, e.col) == (int(line), int(col)) and text in e.message]
        assert hits, f"no error at {line}:{col} with {text!r}: {[str(e) for e in errors]}"
        e = hits[0]
        assert e.file == str(path)
        s = str(e)
        assert s.startswith(f"{path}:{line}:{col}: ") and "\n" not in s
        assert re.search(r" \(hint: .+\)$", s), s
    with pytest.raises(RuleError) as info:
        load_rules([path], core=False)
    assert str(info.value) == str(errors[0])


def test_validate_collects_errors_across_files():
    errors = validate([BAD / "bad_unit.yaml", BAD / "bad_date.yaml"], core=False)
    assert [Path(e.file).name for e in errors] == ["bad_unit.yaml", "bad_date.yaml"]


def test_rule_error_is_value_error_and_picklable():
    e = RuleError("x.yaml", 3, 5, "bad thing", "do this")
    assert isinstance(e, ValueError) and str(e) == "x.yaml:3:5: bad thing (hint: do this)"
    assert str(pickle.loads(pickle.dumps(e))) == str(e)


def test_missing_file_and_empty_folder(tmp_path):
    errors = validate([tmp_path / "nope.yaml"], core=False)
    assert len(errors) == 1 and errors[0].message == "no such rule file"
    (tmp_path / "empty").mkdir()
    errors = validate([tmp_path / "empty"], core=False)
    assert errors and "no rule files" in errors[0].message


def test_unit_hint_suggests_close_name(tmp_path):
    p = write(tmp_path, "u.yaml", """
        facts:
          - {id: f, subject: front, value: 1000, unit: kilometr}
    """)
    (e,) = validate([p], core=False)
    assert "unknown unit 'kilometr'" in e.message and "did you mean" in e.hint


def test_unknown_field_hint(tmp_path):
    p = write(tmp_path, "f.yaml", """
        events:
          - id: e
            dat: 2022-02-24
    """)
    (e,) = validate([p], core=False)
    assert (e.line, e.col) == (3, 5) and e.hint == "did you mean 'date'?"


# ---------------------------------------------------------------- safety


def test_python_tags_never_execute(tmp_path):
    marker = tmp_path / "pwned"
    p = write(tmp_path, "evil.yaml", f"""
        facts:
          - id: !!python/object/apply:os.system ["touch {marker}"]
            subject: troops
            value: 1
    """)
    errors = validate([p], core=False)
    assert errors and "unsupported tag" in errors[0].message
    assert not marker.exists()


def test_empty_file_is_no_rules(tmp_path):
    p = write(tmp_path, "empty.yaml", "# nothing yet\n")
    rs = load_rules([p], core=False)
    assert rs.facts == () and rs.files == (str(p),)


# ---------------------------------------------------------------- merging


def test_later_files_override_by_id(tmp_path):
    a = write(tmp_path, "a.yaml", """
        facts:
          - {id: troops, subject: troops, value: 100}
          - {id: front, subject: front, value: 1000, unit: km}
        dimensions: {front: length}
        vocabulary:
          - {phrase: about, qualifier: '~', low: 0.9, high: 1.1}
        style: {percent: '%', words_below: 10}
    """)
    b = write(tmp_path, "b.yaml", """
        facts:
          - {id: troops, subject: troops, value: [200, 300]}
        dimensions: {front: area}
        vocabulary:
          - {phrase: about, qualifier: '~', low: 0.5, high: 1.5}
        style: {percent: per cent}
    """)
    rs = load_rules([a, b], core=False)
    facts = {f.id: f for f in rs.facts}
    assert (facts["troops"].low, facts["troops"].high, facts["troops"].file) == (200, 300, str(b))
    assert facts["front"].file == str(a)
    assert rs.dimensions["front"] == "area"
    (about,) = rs.vocabulary
    assert (about.low, about.high) == (0.5, 1.5)
    assert rs.style.percent == "per cent" and rs.style.words_below == 10 and rs.style.file == str(b)


def test_folder_loads_sorted_and_user_files_follow_core(tmp_path):
    d = tmp_path / "pack"
    d.mkdir()
    write(d, "b.yaml", "bounds:\n  - {id: share-of-whole, kind: percent, max: 200}\n")
    write(d, "a.yaml", "dimensions: {front: length}\n")
    files = rule_files_for([d])
    assert [f.name for f in files][-2:] == ["a.yaml", "b.yaml"]
    assert Path(files[0]).parent == RULES / "core"
    rs = load_rules([d])
    assert {b.id: b for b in rs.bounds}["share-of-whole"].max == 200  # user file overrides core


def test_alias_sections_and_chains(tmp_path):
    p = write(tmp_path, "a.yaml", """
        events:
          - id: full-scale-invasion
            date: 2022-02-24
            aliases: [the war]
        aliases:
          troops: [soldiers]
          soldiers: [servicemen]
          event:full-scale-invasion: [the special military operation]
    """)
    rs = load_rules([p], core=False)
    assert rs.aliases["servicemen"] == "troops"
    assert rs.canonical_subject("the Servicemen") == "troop"
    (ev,) = rs.events
    assert ev.aliases == ("the war", "the special military operation")


def test_alias_target_may_be_in_an_earlier_file(tmp_path):
    p = write(tmp_path, "more.yaml", "aliases:\n  event:full-scale-invasion: [Russia's war]\n")
    rs = load_rules([EXAMPLE, p])
    ev = {e.id: e for e in rs.events}["full-scale-invasion"]
    assert "Russia's war" in ev.aliases
    assert validate([p]) and not validate([EXAMPLE, p])


def test_event_forms(tmp_path):
    p = write(tmp_path, "e.yaml", """
        events:
          - {id: a, date: 2022-02-24}
          - {id: b, date: [2014-02-20, 2014-03-18]}
          - {id: c, start: 2024-08-06}
          - {id: d, start: 2020-01-01, end: 2020-12-31, ongoing: false}
    """)
    ev = {e.id: e for e in load_rules([p], core=False).events}
    assert (ev["a"].start, ev["a"].end, ev["a"].ongoing) == (date(2022, 2, 24), date(2022, 2, 24), False)
    assert (ev["b"].start, ev["b"].end) == (date(2014, 2, 20), date(2014, 3, 18))
    assert ev["c"].ongoing and ev["c"].end == ev["c"].start
    assert ev["d"].elapsed_until(date(2024, 1, 1)) == (date(2020, 1, 1), date(2020, 12, 31))
    assert ev["a"].elapsed_until(date(2025, 2, 1)) == (date(2022, 2, 24), date(2025, 2, 1))
    assert ev["a"].elapsed_until(date(2020, 1, 1)) is None


def test_numbers_with_commas_and_percent_tolerance(tmp_path):
    p = write(tmp_path, "n.yaml", """
        facts:
          - {id: t, subject: troops, value: ["10,000", 12_000], tolerance: "5%"}
    """)
    (f,) = load_rules([p], core=False).facts
    assert (f.low, f.high, f.tolerance) == (10000, 12000, 0.05)
    assert f.window() == (9500, 12600)


def test_fact_validity_period(tmp_path):
    p = write(tmp_path, "v.yaml", """
        facts:
          - {id: t, subject: troops, value: 1, valid_from: 2024-01-01, valid_to: 2024-12-31}
    """)
    (f,) = load_rules([p], core=False).facts
    assert f.holds_on(date(2024, 6, 1)) and not f.holds_on(date(2025, 1, 1)) and not f.holds_on(date(2023, 12, 31))
    assert not f.holds_on(None)


def test_schema_fields_are_documented():
    readme = (RULES / "README.md").read_text(encoding="utf-8")
    for section, fields in SECTIONS.items():
        assert f"## {section}" in readme
        for name in fields:
            assert f"`{name}`" in readme, f"rules/README.md does not document {section}.{name}"


# ---------------------------------------------------------------- subjects and events


def test_subject_folding_and_event_lookup():
    rs = load_rules([EXAMPLE])
    assert rs.canonical_subject("The Soldiers") == "troop"
    assert rs.canonical_subject("North Korean soldiers") == "troop"  # head noun's alias
    assert rs.canonical_subject("Russian civilians") == "russian civilian"
    assert rs.canonical_subject("") == ""
    assert rs.event_for("the three-year conflict").id == "full-scale-invasion"
    assert rs.event_for("since the full-scale invasion began").id == "full-scale-invasion"
    assert rs.event_for("the Kursk incursion").id == "kursk-incursion"
    assert rs.event_for("the Second World War") is None
    assert rs.event_for("prisoners of war") is None
    assert [e.id for e in rs.events_for_subject("conflict")] == ["full-scale-invasion", "russo-ukrainian-war"]
    assert rs.events_for_subject("Syrian conflict") == ()


# ---------------------------------------------------------------- cache


def test_cache_round_trip_and_invalidation(tmp_path, monkeypatch):
    import numcheck.rules as r

    p = write(tmp_path, "c.yaml", "facts:\n  - {id: t, subject: troops, value: 1}\n")
    first = load_rules([p])
    cached = list((tmp_path / "cache").glob("rules-*.pickle"))
    assert len(cached) == 1
    monkeypatch.setattr(r, "_MEMO", {})
    second = load_rules([p])
    assert second == first and second is not first
    assert second.canonical_subject("soldiers") == "troop"  # index rebuilt after unpickling
    st = p.stat()
    p.write_text("facts:\n  - {id: t, subject: troops, value: 2}\n", encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 10_000_000))
    (f,) = load_rules([p]).facts
    assert f.low == 2


def test_corrupt_cache_is_ignored(tmp_path, monkeypatch):
    import numcheck.rules as r

    load_rules()
    for c in (tmp_path / "cache").glob("rules-*.pickle"):
        c.write_bytes(b"not a pickle")
    monkeypatch.setattr(r, "_MEMO", {})
    assert load_rules().bounds


def test_unwritable_cache_is_silent(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(blocker / "sub"))
    assert isinstance(load_rules(), RuleSet)


def test_loading_cached_rules_does_not_import_yaml(tmp_path):
    import subprocess
    import sys

    env = {**os.environ, "NUMCHECK_CACHE_DIR": str(tmp_path / "cache")}
    code = "import sys, numcheck.rules as r; r.load_rules(%r); print('yaml' in sys.modules)" % [str(EXAMPLE)]
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False"


# ---------------------------------------------------------------- vocabulary reaches extraction


def test_vocabulary_overrides_extraction_widths(tmp_path):
    from numcheck.extract import extract  # (numcheck.extract is also the subpackage once imported)

    p = write(tmp_path, "v.yaml", """
        vocabulary:
          - {phrase: about, qualifier: '~', low: 0.5, high: 1.5}
          - {phrase: dozens, low: 12, high: 99, absolute: true}
    """)
    rs = load_rules([p])
    text = "about 1,000 troops took dozens of villages"
    default = {c.text: (c.low, c.high) for c in extract(text)}
    wide = {c.text: (c.low, c.high) for c in extract(text, rules=rs)}
    assert default["about 1,000"] == (900, 1100) and wide["about 1,000"] == (500, 1500)
    assert default["dozens"] == (24, 99) and wide["dozens"] == (12, 99)


# ---------------------------------------------------------------- robustness: any input gives RuleErrors, never a crash

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

_FIELDS = sorted({f for fields in SECTIONS.values() for f in fields} | {"events", "facts", "bounds", "aliases", "style"})
_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12), st.sampled_from(["2022-02-24", "2022-02-30", "km", "10%", "~", "event:x", "10,000", "count"]),
    st.dates().map(str),
)
_key = st.one_of(st.sampled_from(_FIELDS), st.text(min_size=1, max_size=8))
_tree = st.recursive(_leaf, lambda kids: st.one_of(st.lists(kids, max_size=4), st.dictionaries(_key, kids, max_size=5)), max_leaves=25)
_doc = st.dictionaries(st.sampled_from(["version", "description", "events", "facts", "bounds", "dimensions", "aliases", "vocabulary", "style", "extra"]), _tree, max_size=5)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=_doc)
def test_any_document_gives_rule_errors_not_crashes(tmp_path, doc):
    import yaml

    p = tmp_path / "fuzz.yaml"
    p.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    errors = validate([p], core=False)
    assert all(isinstance(e, RuleError) and e.line >= 1 and e.col >= 1 and "\n" not in str(e) for e in errors)
    if not errors:
        assert isinstance(load_rules([p], core=False), RuleSet)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200))
def test_any_text_gives_rule_errors_not_crashes(tmp_path, text):
    p = tmp_path / "fuzz.yaml"
    p.write_text(text, encoding="utf-8")
    errors = validate([p], core=False)
    assert all(isinstance(e, RuleError) and "\n" not in str(e) for e in errors)


def test_a_relative_rule_file_is_read_in_each_folder_anew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same relative names in two folders: one where team.yaml links to house.yaml (read once), one where both
    are files of their own (both read).  Real paths are remembered by absolute path, not by the name as given."""
    from numcheck.rules import rule_files

    linked, plain = tmp_path / "linked", tmp_path / "plain"
    for folder in (linked, plain):
        folder.mkdir()
        (folder / "house.yaml").write_text("facts: []\n", encoding="utf-8")
    (linked / "team.yaml").symlink_to(linked / "house.yaml")
    (plain / "team.yaml").write_text("facts: []\n", encoding="utf-8")
    monkeypatch.chdir(linked)
    assert len(rule_files(["house.yaml", "team.yaml"])) == 1
    monkeypatch.chdir(plain)
    assert len(rule_files(["house.yaml", "team.yaml"])) == 2
