"""Every check's docstring: the fixed sections (numcheck.checks.docs), and its examples run through check().

The anti-patterns must raise the check's code and the best practices must not,
each checked as the example says (publication date, rule files under the
shipped rules/, format, earlier reports stored in a fresh history first).
"""
from __future__ import annotations

import inspect

import pytest

from numcheck import check
from numcheck.checks import registry
from numcheck.checks.docs import SECTIONS, Doc, DocError, Example, parse, parse_example
from numcheck.rules import shipped_dir

CHECKS = registry()


def _doc(chk) -> Doc:
    return parse(inspect.cleandoc(type(chk).__doc__ or ""))


@pytest.mark.parametrize("chk", CHECKS, ids=lambda c: c.code)
def test_docstring_has_the_fixed_sections(chk) -> None:
    doc = _doc(chk)
    assert list(doc.sections) == list(SECTIONS)
    assert doc.examples("Anti-pattern") and doc.examples("Best practice")
    assert chk.severity in ("error", "warning", "info") and chk.fix in ("safe", "unsafe", None)


def _run(example: Example, code: str, tmp_path) -> list[str]:
    history = None
    if example.earlier:
        from numcheck.history import History

        history = History(tmp_path / f"history-{abs(hash(example.text))}.db")
        for i, (published, text) in enumerate(example.earlier):
            history.add(text, published=published, source=f"earlier-{i}")
    root = shipped_dir()
    rules = [root / r for r in example.rules] if example.rules else None
    found = check(example.text, published=example.published, rules=rules, history=history,
                  format=example.format, config={"select": ["ALL"] if code.startswith("NC9") else [code]})
    return [f.code for f in found]


def _examples(section: str):
    for chk in CHECKS:
        for i, ex in enumerate(_doc(chk).examples(section)):
            if not ex.illustration:
                yield pytest.param(chk.code, ex, id=f"{chk.code}-{i}")


@pytest.mark.parametrize("code,example", list(_examples("Anti-pattern")))
def test_anti_pattern_fires(code: str, example: Example, tmp_path) -> None:
    assert code in _run(example, code, tmp_path), example.text


@pytest.mark.parametrize("code,example", list(_examples("Best practice")))
def test_best_practice_is_quiet(code: str, example: Example, tmp_path) -> None:
    assert code not in _run(example, code, tmp_path), example.text


def test_only_the_crash_code_has_examples_that_cannot_run() -> None:
    shown = {c.code for c in CHECKS for s in ("Anti-pattern", "Best practice") for e in _doc(c).examples(s) if e.illustration}
    assert shown == {"NC900"}


def test_example_settings_are_read() -> None:
    ex = parse_example("(earlier report, published 2025-01-28) Before.\n(published 2025-02-03; rules style/ap.yaml) Now.")
    assert ex == Example("Now.", "2025-02-03", ("style/ap.yaml",), None, (("2025-01-28", "Before."),))
    assert parse_example("(format markdown)\n<!-- x -->\nText.").text == "<!-- x -->\nText."
    assert parse_example("(about 2,000) people came.").text == "(about 2,000) people came."  # brackets of prose stay
    with pytest.raises(DocError):
        parse("Summary.\n\nWhat it flags:\nx\n\nAnti-pattern:\n    y\n")


def test_explain_and_the_readme_table_summarise_with_the_docstrings_summary() -> None:
    from numcheck.cli.explain import summary

    for chk in CHECKS:
        assert summary(chk) == _doc(chk).summary.replace("``", "`")
