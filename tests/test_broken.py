"""The injected-error harness (bench/harness, bench/broken.py): sites of each kind, breaks, catches, and a small run.

The synthetic texts pin down what each finder accepts and refuses; the corpus
tests run the harness on a handful of articles of every corpus so that it
cannot rot (they skip when ../shared is absent).
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import broken  # noqa: E402
from harness import corpora, edits, measure, restated, sites, timing  # noqa: E402
from harness.corpora import Article  # noqa: E402
from harness.numbers import numbers  # noqa: E402
from shared import CORPORA, needs  # noqa: E402


def _article(text: str, published: str | None = "2005-11-08") -> Article:
    return Article("test/1", text, published)


def _sites(kind: str, text: str, published: str | None = "2005-11-08") -> list[sites.Site]:
    return list(sites.finders()[kind](_article(text, published)))


# ---------------------------------------------------------------- breaks

@pytest.mark.parametrize("surface", ["£481.5m", "1,000km", "12.9%", "$6.3bn", "7,613", "0.25%"])
def test_break_number_moves_the_leading_digit_enough(surface: str) -> None:
    rng = random.Random(1)
    for _ in range(20):
        out = edits.break_number(surface, rng)
        assert out is not None and out != surface
        old = float(edits._DIGITS.search(surface).group(0).replace(",", ""))
        new = float(edits._DIGITS.search(out).group(0).replace(",", ""))
        assert max(new / old, old / new) >= edits.MIN_MOVE
        assert edits._DIGITS.sub("", out) == edits._DIGITS.sub("", surface)  # format kept


def test_break_number_without_digits() -> None:
    assert edits.break_number("five", random.Random(0)) is None


def test_break_weekday_day_and_count() -> None:
    rng = random.Random(3)
    assert all(edits.break_weekday("Tuesday", rng) != "Tuesday" for _ in range(20))
    assert edits.break_weekday("TUESDAY", rng).isupper()
    for _ in range(20):
        d = int(edits.break_day("2", rng))
        assert 1 <= d <= 28 and d != 2 and abs(d - 2) <= 3
    for _ in range(20):
        word = edits.break_count("six", 5.5, 6.5, rng)       # "six months" after a March flood, in September
        assert word is not None and word.isalpha() and timing.word_value(word) not in (None, 5, 6, 7)
        ordinal = edits.break_count("60th", 59.5, 61.5, rng)
        n = timing.word_value(ordinal)
        assert n is not None and abs(n - 60) >= 12
        assert ordinal == f"{n}{'th' if n % 100 in (11, 12, 13) else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"
    assert edits.break_count("Three", 2.0, 4.0, rng)[0].isupper()


# ---------------------------------------------------------------- reading numbers

def test_numbers_read_scale_currency_unit_and_percent() -> None:
    got = {n.text: n for n in numbers("worth 1.175 billion ringgit (470 million dollars), Â£5.4m, 1,000-kilometre, "
                                      "12.5%, 3 percentage points, in 1997, on April 1, aged 15 to 24, more than 5,000, "
                                      "1,999 people")}
    assert got["1.175 billion ringgit"].value == 1.175e9 and got["1.175 billion ringgit"].units[0].unit == "MYR"
    assert got["470 million dollars"].units[0].unit == "USD"
    assert got["Â£5.4m"].units[0].unit == "GBP" and got["Â£5.4m"].step == 1e5
    assert got["1,000-kilometre"].units[0].unit == "km"
    assert got["12.5%"].percent and got["3 percentage points"].points
    assert got["1997"].year and got["1"].in_date and got["15"].in_range and got["24"].in_range
    assert got["5,000"].bound and not got["12.5%"].bound
    assert got["1,999"].bare and not got["1,999"].year


# ---------------------------------------------------------------- finders

def test_conversion_sites_need_the_day_rate_and_the_same_dimension() -> None:
    ok = _sites("conversion", "It is 1,000km (620 miles) long and cost 5,000 yuan (616 US dollars).")
    assert [s.status for s in ok] == ["ok", "ok"]
    wrong = _sites("conversion", "The temple has invested 2 million yuan (about 125,000 US dollars).")
    assert [s.status for s in wrong] == ["inconsistent"]   # half the rate: maybe a real error, never broken
    early = _sites("conversion", "It paid 1.175 billion ringgit (470 million dollars).", "1997-04-01")
    assert early[0].status.startswith("unchecked:no ECB rate")
    assert _sites("conversion", "It paid 2,500 pesos (45 dollars) in fines.")[0].status.startswith("unchecked:currency word")
    assert _sites("conversion", "In Manila it paid 2,500 pesos (45 dollars) in fines.")[0].status == "ok"
    assert not _sites("conversion", "It earned £10m (£5m last year).")
    assert not _sites("conversion", "Prices of 24.84, 24.04 and 23.34 baht (62 cents, 60 cents and 58 cents) held.")


def test_percentage_change_and_total_sites_hold_their_arithmetic() -> None:
    assert _sites("percentage", "Of the 1,200 patients, 300 (25%) were children.")
    assert not _sites("percentage", "Of the 1,200 patients, 300 (20%) were children.")
    assert not _sites("percentage", "Some 81% of 16 to 20-year-olds feel strongly about it.")
    assert _sites("change", "Sales rose 36% to $683 million from $502 million.")
    assert _sites("change", "The Nikkei lost 152.68 points, or 0.96 percent, to 15,761.55.")
    assert not _sites("change", "The greenback rose to 930.85 won from 924.9 and to 1.546 dollars from 1.541.")
    assert _sites("total", "About 25 million would enter, of whom 11 million find jobs, leaving 14 million unemployed.")
    assert not _sites("total", "The fleet of 120 aircraft includes 80 Airbus and 50 Boeing jets.")


def test_a_site_with_a_one_sided_member_is_no_case() -> None:
    """ "more than 1,800 of the 2,700 homes, or 67 percent" stays true with "more than 1,800 of the 6,700": counted as
    unchecked, not as a case."""
    (site,) = _sites("percentage", "More than 1,800 of the 2,700 homes, or 67 percent, were destroyed.")
    assert site.status == "unchecked:bound"
    (site,) = _sites("percentage", "Some 1,800 of the 2,700 homes, or 67 percent, were destroyed.")
    assert site.status == "ok"


def test_repeat_weekday_and_elapsed_sites() -> None:
    rep = _sites("repeat", "Rebels freed 72 hostages on Friday. The 72 hostages were flown home.")
    assert len(rep) == 1 and rep[0].targets[0].start == 40   # the back-reference is broken
    assert not _sites("repeat", "The 30-storey hotel and 12 floors. It has 12 floors of archives.")
    wd = _sites("weekday", "The vote is on Tuesday, November 8, and counting starts Thursday, November 8.")
    assert [s.status for s in wd] == ["ok", "inconsistent"]
    # "2000 GMT" is a time, not the year: the date is read in the publication year, where it is a Tuesday
    assert [s.status for s in _sites("weekday", "The match kicks off Tuesday, 1 March 2000 GMT.", "2005")] == ["ok"]
    el = _sites("elapsed", "Three years after the first camera phone debuted in 2002, the market grew.")
    assert [s.status for s in el] == ["ok"]
    assert not _sites("elapsed", "He was arrested after four years on the run.")
    assert not _sites("elapsed", "Elections must be held within 90 days after March 1.")


# ---------------------------------------------------------------- cases and catches

TEXT = ("The firm earned 1,000 million yuan (123 million US dollars) in the quarter. Sales rose 12% to £210m "
        "from £187.5m. Rebels freed 72 hostages. The 72 hostages were flown home.")


def test_cases_break_one_site_reproducibly() -> None:
    art = _article(TEXT)
    tallies: dict[str, measure.Tally] = {}
    cases = measure.cases_of(art, ("conversion", "change", "repeat"), 0, tallies)
    assert {c.kind for c in cases} == {"conversion", "change", "repeat"}
    for c in cases:
        assert c.text[c.start:c.end] == c.broken and c.text[:c.start] == TEXT[:c.start]
        assert c.text[c.end:] == TEXT[c.start + len(c.original):]
    again = measure.cases_of(art, ("repeat", "change", "conversion"), 0, {})
    assert sorted(again, key=lambda c: c.kind) == sorted(cases, key=lambda c: c.kind)


def test_checks_catch_some_generated_breaks_and_none_on_the_original() -> None:
    from numcheck import check

    art = _article(TEXT)
    before = {(f.code, f.message) for f in check(TEXT, published=art.published)}
    cases = measure.cases_of(art, ("conversion", "change"), 0, {})
    hits = {c.kind for c in cases if measure.caught(c, check(c.text, published=art.published), before)}
    assert hits == {"conversion", "change"}
    # a finding the original already had is not a catch
    conv = next(c for c in cases if c.kind == "conversion")
    had = {(f.code, f.message) for f in check(conv.text, published=art.published)}
    assert not measure.caught(conv, check(conv.text, published=art.published), had)


def test_history_sites_are_the_same_fact_and_breaks_are_caught_against_the_store() -> None:
    early = Article("t/1", "The bombings in Nairobi killed 259 people, including 12 Americans, and injured more "
                           "than 5,000, officials said on Friday.", "1998-08-08")
    later = Article("t/2", "Rescue work went on. The bombings in Nairobi killed 259 people, including 12 Americans, "
                           "and injured more than 5,000, officials said.", "1998-08-10")
    other = Article("t/3", "The bombings in Kampala killed 12 soldiers, officials said on Friday.", "1998-08-09")
    store = restated.Earlier()
    store.add(early)
    found = {later.text[s.spans[0][0]:s.spans[0][1]] for s in store.restated(later)}
    assert found == {"259", "12"}          # "more than 5,000" is one-sided: changing it contradicts nothing
    assert not store.restated(other)       # the same figure in another story is not a restatement
    result = restated.measure([early, later, other], [], seed=0)
    assert result.checked == 2 and result.tally.cases == 1 and result.tally.caught == 1



def test_a_template_sentence_about_another_company_is_not_the_same_fact() -> None:
    early = Article("t/1", "In New York Stock Exchange composite trading yesterday, Philip Morris shares closed at "
                           "$43.50 each, down $1.", "1989-10-26")
    other = Article("t/2", "In New York Stock Exchange composite trading yesterday, Esselte shares closed at "
                           "$43.50 each, up $1.", "1989-10-26")
    paraphrase = Article("t/3", "In New York Stock Exchange composite trading yesterday, the shares of Philip Morris "
                                "closed at $43.50 each, down $1.", "1989-10-26")
    unnamed = Article("t/4", "In New York Stock Exchange composite trading yesterday, its shares closed at "
                             "$43.50 each, down $1.", "1989-10-26")
    store = restated.Earlier()
    store.add(early)
    assert not store.restated(other)                 # two subjects, neither in the other sentence
    assert len(store.restated(paraphrase)) == 2      # the subject told in other words: still the same fact
    assert len(store.restated(unnamed)) == 2         # no name before the figure: the words and names decide
    assert restated._subject("Nairobi, Kenya, on Aug. 7 killed 258 people, including ") == "kenya"
    assert restated._subject("In composite trading, ") is None          # a function word opening the sentence
    assert restated._subject("The MPs found American IT giant EDS' ") == "eds"


def test_a_market_figure_of_another_day_and_a_number_in_a_name_are_no_restatements() -> None:
    early = Article("t/1", "In the first 15 minutes of trading, the Nikkei Stock Average lost 152.68 points to "
                           "15,761.55, dealers in Tokyo said.", "2006-11-24")
    next_day = Article("t/2", "In the first 15 minutes of trading, the Nikkei Stock Average rose 157.11 points to "
                              "16,012.37, dealers in Tokyo said.", "2006-11-29")
    same_day = Article("t/3", "In the first 15 minutes of trading, the Nikkei Stock Average lost 152.68 points to "
                              "15,761.55, brokers in Tokyo said.", "2006-11-24")
    store = restated.Earlier()
    store.add(early)
    assert not store.restated(next_day)            # that day's session, not the earlier one's
    assert store.restated(same_day)                # the same session told again
    named = Article("t/4", "Bin Laden is accused of planning the attack and is on the FBI's 10 Most Wanted List.",
                    "1999-10-08")
    again = Article("t/5", "Bin Laden, accused of planning the attack, is on the FBI's 10 Most Wanted List.",
                    "1999-10-09")
    store.add(named)
    assert not store.restated(again)               # "10 Most Wanted" is a name's

# ---------------------------------------------------------------- the corpora, a handful of articles each

@needs(CORPORA / "timeml")
def test_wire_halves_are_fixed_disjoint_and_dated() -> None:
    dev, test = corpora.load("wire-dev"), corpora.load("wire-test")
    assert not {a.id for a in dev} & {a.id for a in test}
    assert len(dev) + len(test) == 1198 and abs(len(dev) - len(test)) < 100
    assert all(a.published and len(a.published) == 10 for a in dev + test)
    assert corpora.wire_half("AFP_ENG_19970401.0006.tml".removesuffix(".tml")) == "test"
    assert corpora.is_held_out("wire-test") and not corpora.is_held_out("wire-dev")


@needs(CORPORA / "bbc")
@needs(CORPORA / "timeml")
def test_a_small_run_over_every_corpus(tmp_path: Path) -> None:
    out = tmp_path / "fig.json"
    missed = tmp_path / "missed.txt"
    code = broken.main(["--corpus", "wire-dev,wire-test,tbaq,bbc-dev", "--limit", "12", "--json", str(out),
                        "--missed", str(missed)])
    assert code == 0
    figs = json.loads(out.read_text())
    for name in ("wire-dev", "wire-test", "tbaq", "bbc-dev"):
        f = figs["corpora"][name]
        assert f["articles"] == 12 and f["history_checked"] == 11
        assert all(0 <= k["caught"] <= k["cases"] for k in f["kinds"].values())
    assert sum(k["cases"] for f in figs["corpora"].values() for k in f["kinds"].values()) > 5
    assert all(m["corpus"] != "wire-test" for m in figs["missed"] + figs["odd"])   # held out: counted, never listed
    assert "# inconsistent in the original" in missed.read_text(encoding="utf-8")
    assert broken.main(["--corpus", "nowhere"]) == 2


@needs(CORPORA / "timeml")
def test_history_eval_runs_on_a_few_articles(capsys: pytest.CaptureFixture[str]) -> None:
    import history_eval

    assert history_eval.main(["--corpus", "tbaq,wire-test", "--limit", "15", "--sample", "3"]) == 0
    out = capsys.readouterr().out
    assert "tbaq: 14 articles checked" in out and "wire-test: 14 articles checked" in out
    assert "(held out: findings and misses are not listed)" in out
    assert history_eval.main(["--corpus", "nowhere"]) == 2
