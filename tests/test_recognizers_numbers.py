"""Scores numcheck's extractor on Microsoft Recognizers-Text's English number and unit specs.

Files (../shared/corpora/recognizers-text, MIT): Number/English/{NumberModel,
PercentModel, NumberRangeModel}.json and NumberWithUnit/English/{CurrencyModel,
DimensionModel, AgeModel, TemperatureModel}.json.  Each case is an input and
the results Recognizers expects (surface, Start/End with End inclusive, and a
resolution).  Targets (issue 2): NumberModel >= 95%, PercentModel >= 95%,
NumberRangeModel >= 90%, Currency/Dimension/Age/Temperature >= 90%.

Scoring rules
-------------
A case is right when BOTH hold:

1. every expected result is matched by its own numcheck claim that overlaps
   the result's span and reads the expected resolution:
   - NumberModel: a claim (any kind) whose value is the expected value;
     numbers inside money, measures or durations count ("$20" -> 20).
   - PercentModel: a ``percent`` claim whose value is the expected percentage.
   - NumberRangeModel: Recognizers' interval "(a,b]" against the claim's
     low/high (null for an open side).  Open/closed is ignored for two-sided
     ranges; for one-sided ones it is trivially checkable, so "(30,)" needs
     qualifier ">" and "[30,)" needs ">=" (likewise "<" / "<=").  "[20,20]"
     ("equal to 20") is a point claim with qualifier "=".
   - Currency/Dimension/Age/Temperature: a claim of kind money / measure /
     age / measure whose value and unit match; Recognizers' unit names map to
     numcheck units through tests/unit_maps/recognizers.tsv (Dollar -> USD,
     Pound -> GBP in money but pound in dimension, Cent -> 0.01 of any ISO
     currency, Square meter -> square_meter, ...).  Any unit spelling pint
     resolves to the same unit counts (``kilometer ** 2`` == square_kilometer).
     In DimensionModel a rate whose numerator is the expected unit counts too:
     "500,000 barrels a day" read as 500000 ``barrel / day`` states the
     labelled 500,000 barrels and what they are per.
   Readings of a claim are its value, its point (a range's midpoint) and, for
   durations, the number in its TIMEX3.  Values compare at relative 1e-6.
2. numcheck claims nothing extra of the model's type outside the expected spans:
   - NumberModel / PercentModel: any extra plain numeric claim (kind count,
     fraction or percent) is wrong.  Numbers the text attaches to a unit,
     currency or date are not "numbers" in these models -- the spec itself
     expects nothing for "the 180ml liquid", "29km Road", "the May 4th" -- so
     extra measure/money/date claims do not count against them.
   - NumberRangeModel: any extra claim stating an interval (range true, or
     qualifier >, >=, <, <=).
   - Currency: extra money claims; Dimension: extra measure claims that are
     not temperatures; Age: extra age claims; Temperature: extra measure
     claims in a temperature unit.

Expected results with no value (a bare unit word such as "fahrenheit" in
"convert 10 celsius to fahrenheit") are not quantities under numcheck's
contract: they are not required, and claims over them are not extras.  Their
count is reported.  Every case is scored, including those Recognizers marks
NotSupported for python (their count is reported too).  Cases judged wrongly
labelled are in tests/known_exceptions/recognizers.tsv, each with a reason; an
excepted surface is neither required nor an extra, an excepted whole case
("*") leaves the denominator, and both are reported.

Each file's test prints total, right and share, and writes the failing cases
(input, expected, got, problem category) to /tmp/numcheck-score/<Model>.txt
(and .json).  The targets are hard assertions.
"""
from __future__ import annotations

import json
from typing import Any, Callable

import pytest

from scoring import (
    SHARED,
    TESTS,
    Case,
    Expected,
    FileScore,
    Target,
    announce,
    apply_exceptions,
    load_known_exceptions,
    numcheck_extract,
    parse_interval,
    read_tsv,
    run_case,
    write_report,
)

ROOT = SHARED / "corpora" / "recognizers-text"
EXCEPTIONS = TESTS / "known_exceptions" / "recognizers.tsv"
UNIT_MAP = TESTS / "unit_maps" / "recognizers.tsv"
# A bare "degree" is an angle to pint: not a temperature extra, though a "98 degrees"
# temperature reading in it is accepted (see unit_maps/recognizers.tsv).
TEMPERATURE_UNITS = frozenset({"degree_Celsius", "degree_Fahrenheit", "kelvin", "degree_Rankine"})
INTERVAL_QUALIFIERS = frozenset({">", ">=", "<", "<="})


def _is_temperature(c: Any) -> bool:
    from scoring import same_unit

    return any(same_unit(c.unit, u) for u in TEMPERATURE_UNITS)


# model name -> (relative path, target share, model type, predicate for an extra claim)
MODELS: dict[str, tuple[str, float, str, Callable[[Any], bool]]] = {
    "NumberModel": ("Number/English/NumberModel.json", 0.95, "number",
                    lambda c: c.kind in ("count", "fraction", "percent")),
    "PercentModel": ("Number/English/PercentModel.json", 0.95, "percent",
                     lambda c: c.kind in ("count", "fraction", "percent")),
    "NumberRangeModel": ("Number/English/NumberRangeModel.json", 0.90, "range",
                         lambda c: c.range or c.qualifier in INTERVAL_QUALIFIERS),
    "CurrencyModel": ("NumberWithUnit/English/CurrencyModel.json", 0.90, "currency",
                      lambda c: c.kind == "money"),
    "DimensionModel": ("NumberWithUnit/English/DimensionModel.json", 0.90, "dimension",
                       lambda c: c.kind == "measure" and not _is_temperature(c)),
    "AgeModel": ("NumberWithUnit/English/AgeModel.json", 0.90, "age",
                 lambda c: c.kind == "age"),
    "TemperatureModel": ("NumberWithUnit/English/TemperatureModel.json", 0.90, "temperature",
                         lambda c: c.kind == "measure" and _is_temperature(c)),
}
UNIT_KIND = {"currency": "money", "dimension": "measure", "age": "age", "temperature": "measure"}


def unit_table() -> dict[tuple[str, str], tuple[frozenset[str], float]]:
    """(model type, Recognizers unit) -> (accepted numcheck units, factor)."""
    return {
        (row["model"], row["unit"]): (frozenset(row["units"].split("|")), float(row["factor"]))
        for row in read_tsv(UNIT_MAP)
    }


def result_span(text: str, result: dict[str, Any]) -> tuple[int, int]:
    """The result's span in the input (Recognizers' End is inclusive; its Text is lower-cased)."""
    surface = result["Text"]
    start = result.get("Start")
    if start is not None:
        end = result["End"] + 1
        if text[start:end].lower() == surface.lower():
            return start, end
    found = text.lower().find(surface.lower())
    if found >= 0:
        return found, found + len(surface)
    raise ValueError(f"result {surface!r} not found in {text!r}")


def expected_for(model_type: str, text: str, result: dict[str, Any],
                 units: dict[tuple[str, str], tuple[frozenset[str], float]]) -> Expected | None:
    """One Recognizers result as an Expected quantity, or None when it states no value."""
    res = result["Resolution"]
    raw = res.get("value")
    if raw is None or raw == "null":
        return None
    start, end = result_span(text, result)
    if model_type == "number":
        target = Target(value=float(raw))
    elif model_type == "percent":
        target = Target(value=float(raw.rstrip("%")), units=frozenset({"percent"}), kinds=frozenset({"percent"}))
    elif model_type == "range":
        low, high, low_open, high_open = parse_interval(raw)
        qualifiers = None
        if high is None and low is not None:
            qualifiers = frozenset({">" if low_open else ">="})
        elif low is None and high is not None:
            qualifiers = frozenset({"<" if high_open else "<="})
        target = Target(mode="interval", low=low, high=high, qualifiers=qualifiers)
    else:
        unit = res.get("unit", "")
        accepted, factor = units.get((model_type, unit), (None, 1.0))
        if accepted is None:
            iso = res.get("isoCurrency")
            if model_type == "currency" and iso:
                accepted = frozenset({iso})
            else:
                raise KeyError(f"no unit mapping for {model_type} unit {unit!r}: add it to {UNIT_MAP.name}")
        target = Target(value=float(raw) * factor, units=accepted, kinds=frozenset({UNIT_KIND[model_type]}),
                        allow_rate=model_type in ("dimension", "currency"))  # the specs model no rates: "$ 98 a share" is in USD
    return Expected(text[start:end], start, end, (target,))


def load_cases(model: str) -> tuple[list[Case], int, int]:
    """The model's cases, the number of value-less results skipped, and the python-NotSupported count."""
    rel, _, model_type, _ = MODELS[model]
    path = ROOT / rel
    units = unit_table()
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    cases: list[Case] = []
    skipped = not_supported = 0
    for i, item in enumerate(data):
        text = item["Input"]
        expected = []
        ignored = []
        for result in item.get("Results", []):
            exp = expected_for(model_type, text, result, units)
            if exp is None:
                skipped += 1
                s, e = result_span(text, result)
                ignored.append((s, e, "no value: not a quantity"))
            else:
                expected.append(exp)
        flags = f"{item.get('NotSupported', '')},{item.get('NotSupportedByDesign', '')}".lower()
        not_supported += "python" in flags
        cases.append(Case(model, i, text, tuple(expected), tuple(ignored), note=flags.strip(",")))
    return cases, skipped, not_supported


def score_model(model: str) -> tuple[FileScore, int]:
    cases, skipped, not_supported = load_cases(model)
    exceptions = [ex for ex in load_known_exceptions(EXCEPTIONS) if ex.file == model]
    kept, excluded = apply_exceptions(cases, exceptions)
    extract = numcheck_extract()
    is_extra = MODELS[model][3]
    outcomes = [run_case(case, extract, is_extra) for case in kept]
    score = FileScore(model, outcomes, excluded, skipped_results=skipped)
    return score, not_supported


# ---------------------------------------------------------------- the scorers

pytestmark = pytest.mark.skipif(not ROOT.is_dir(), reason=f"Recognizers-Text specs not found at {ROOT}")


@pytest.mark.parametrize("model", list(MODELS))
def test_recognizers_score(model: str, request: pytest.FixtureRequest) -> None:
    score, not_supported = score_model(model)
    ns_right = sum(o.right for o in score.outcomes if "python" in o.case.note)
    ns_total = sum("python" in o.case.note for o in score.outcomes)
    details = (
        f"    value-less results skipped: {score.skipped_results}; cases marked NotSupported for python: "
        f"{not_supported} (right {ns_right}/{ns_total}); share without them: "
        + (f"{(score.right - ns_right) / (score.total - ns_total):.1%}" if score.total > ns_total else "n/a")
    )
    report = write_report(score, [details])
    announce(request, score.line())
    announce(request, details + f"; failures in {report}")
    target = MODELS[model][1]
    assert score.share >= target, f"{model}: {score.right}/{score.total} = {score.share:.1%} < {target:.0%} (see {report})"


# ---------------------------------------------------------------- the scorer's own rules


def test_every_unit_in_the_specs_is_mapped() -> None:
    units = unit_table()
    for model in ("CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel"):
        load_cases(model)  # raises KeyError naming the missing unit
    assert ("currency", "Pound") in units and ("dimension", "Pound") in units


def test_known_exceptions_are_few_and_reasoned() -> None:
    rows = load_known_exceptions(EXCEPTIONS)
    assert all(len(r.reason) > 20 for r in rows)
    assert len(rows) <= 12, "the known-exceptions list is meant to stay short"
    for model in MODELS:
        cases, _, _ = load_cases(model)
        apply_exceptions(cases, [r for r in rows if r.file == model])  # stale rows raise


def test_result_spans_match_the_inputs() -> None:
    for model in MODELS:
        cases, _, _ = load_cases(model)
        for case in cases:
            for exp in case.expected:
                assert case.input[exp.start:exp.end].lower() == exp.text.lower()


def _claim(text: str, start: int, kind: str, **kw: Any) -> Any:
    from numcheck.model import Claim

    return Claim(text=text, start=start, end=start + len(text), kind=kind, **kw)


def test_scoring_rules_on_hand_built_claims() -> None:
    from scoring import score_case, same_unit, target_matches

    more = Target(mode="interval", low=30, high=None, qualifiers=frozenset({">"}))
    assert target_matches(more, _claim("over 30", 0, "count", value=30, low=30, qualifier=">"))
    assert not target_matches(more, _claim("at least 30", 0, "count", value=30, low=30, qualifier=">="))
    between = Target(mode="interval", low=20, high=30)
    assert target_matches(between, _claim("20-30", 0, "count", low=20, high=30, range=True))
    assert not target_matches(between, _claim("20-31", 0, "count", low=20, high=31, range=True))
    equal = Target(mode="interval", low=170, high=170)
    assert target_matches(equal, _claim("170", 0, "count", value=170, low=170, high=170))
    assert not target_matches(equal, _claim("over 170", 0, "count", value=170, low=170, qualifier=">"))
    units = unit_table()
    cents = expected_for("currency", "50 cents", {"Text": "50 cents", "Start": 0, "End": 7,
                                                   "Resolution": {"value": "50", "unit": "Cent"}}, units)
    assert cents is not None
    assert target_matches(cents.targets[0], _claim("50 cents", 0, "money", value=0.5, unit="USD"))
    assert not target_matches(cents.targets[0], _claim("50 cents", 0, "money", value=50, unit="USD"))
    months = Target(value=6, units=frozenset({"month"}))
    assert target_matches(months, _claim("six months", 0, "duration", timex="P6M"))
    assert same_unit("kilometer ** 2", "square_kilometer") and same_unit("tonne", "metric_ton")
    barrels = Target(value=5e5, units=frozenset({"barrel"}), allow_rate=True)
    assert target_matches(barrels, _claim("500,000 barrels a day", 0, "measure", value=5e5, unit="barrel / day"))
    assert not target_matches(Target(value=5e5, units=frozenset({"barrel"})),
                              _claim("500,000 barrels a day", 0, "measure", value=5e5, unit="barrel / day"))
    assert not same_unit("kilometer", "meter") and not same_unit("degree", "degree_Celsius")
    # Extras: a plain count outside the expected spans is wrong for NumberModel, a measure is not.
    case = Case("NumberModel", 0, "3 dogs and 5 km", (Expected("3", 0, 1, (Target(value=3),)),))
    is_extra = MODELS["NumberModel"][3]
    three = _claim("3", 0, "count", value=3)
    assert score_case(case, [three, _claim("5 km", 11, "measure", value=5, unit="kilometer")], is_extra).right
    outcome = score_case(case, [three, _claim("5", 11, "count", value=5)], is_extra)
    assert not outcome.right and outcome.lenient_right and outcome.problems[0][0] == "extra"
    # One claim cannot satisfy two expected results.
    twice = Case("NumberModel", 1, "1 m 1 m", (Expected("1 m", 0, 3, (Target(value=1),)),
                                                Expected("1 m", 4, 7, (Target(value=1),))))
    assert not score_case(twice, [_claim("1 m 1 m", 0, "measure", value=1, unit="meter")], is_extra).right


def test_stale_known_exception_is_an_error() -> None:
    from scoring import KnownException

    cases, _, _ = load_cases("AgeModel")
    with pytest.raises(ValueError, match="match no case"):
        apply_exceptions(cases, [KnownException("AgeModel", "no such input", "*", "a reason long enough")])
