"""NC401-NC403 against a store of hand-built earlier reports: what fires, what cites, and what stays silent."""
from __future__ import annotations

import importlib

import pytest

from history_helpers import d, q, run_checks

from numcheck.history import History

EARLIER = ("Western, South Korean and Ukrainian intelligence agencies say Pyongyang deployed more than 10,000 "
           "troops to support Russia's forces fighting in its western Kursk region. "
           "Ukraine says around 2,000 Russian civilians live in areas under its occupation in Kursk. "
           "The death toll in the Sudzha shelling in Kursk has reached 120, officials in Kyiv said. "
           "Ukraine launched its Kursk offensive in August 2024, Kyiv and Sudzha officials said.")


def _earlier_claims(text=EARLIER):
    return [q(text, "more than 10,000 troops", 10000, "troops", qualifier=">", low=10000),
            q(text, "around 2,000 Russian civilians", 2000, "Russian civilians", qualifier="~"),
            q(text, "120", 120, "death toll"),
            d(text, "August 2024", "2024-08", "2024-08-01", "2024-08-31")]


@pytest.fixture()
def store(tmp_path):
    h = History(tmp_path / "h.db")
    h.add(EARLIER, published="2025-02-01", source="BBC", claims=_earlier_claims())
    # unrelated reports, so that entity words have a document frequency to weigh against
    for i in range(40):
        t = f"Report {i} from Moscow: the {i + 3} delegates met in Geneva on trade."
        h.add(t, published="2025-01-15", source=f"wire{i}", claims=[q(t, f"{i + 3} delegates", i + 3, "delegates")])
    return h


def codes(findings):
    return [f.code for f in findings]


def test_contradiction_cites_the_earlier_report(store):
    text = "Pyongyang has 8,000 North Korean troops fighting in Russia's Kursk region, South Korean officials said."
    [f] = run_checks(text, [q(text, "8,000 North Korean troops", 8000, "North Korean troops")], "2025-02-03", store)
    assert f.code == "NC401" and f.severity == "warning"
    assert text[f.start:f.end] == "8,000 North Korean troops"
    assert f.evidence["source"] == "BBC" and f.evidence["published"] == "2025-02-01"
    assert f.evidence["sentence"].startswith("Western, South Korean") and "10,000" in f.evidence["sentence"]
    assert f.related[0].text == "more than 10,000 troops" and "BBC" in f.related[0].note
    assert "8,000" in f.message and "10,000" in f.message


@pytest.mark.parametrize("text, surface, value, subject, kw", [
    # within the earlier interval: more than 10,000 allows 12,000
    ("Pyongyang has 12,000 North Korean troops in Russia's Kursk region, South Korean officials said.",
     "12,000 North Korean troops", 12000, "North Korean troops", {}),
    # the text marks a change
    ("Pyongyang now has 8,000 North Korean troops in Russia's Kursk region, South Korean officials said.",
     "8,000 North Korean troops", 8000, "North Korean troops", {}),
    ("Pyongyang's force in Russia's Kursk region was revised to 8,000 troops, South Korean officials said.",
     "8,000 troops", 8000, "troops", {}),
    ("Pyongyang's North Korean force in Russia's Kursk region fell by 8,000 troops, South Korean officials said.",
     "8,000 troops", 8000, "troops", {"change": "down"}),
    # a different subject: Ukrainian, not Russian, civilians
    ("Ukraine says 5,000 Ukrainian civilians live in Kursk and Pyongyang.",
     "5,000 Ukrainian civilians", 5000, "Ukrainian civilians", {}),
    # approximate figures that overlap: around 2,000 vs 2,150
    ("Ukraine says 2,150 Russian civilians live in areas of Kursk under its occupation, Pyongyang noted.",
     "2,150 Russian civilians", 2150, "Russian civilians", {}),
    # same head noun but nothing telling in common
    ("In Ohio 8,000 troops of the National Guard were sent to Cleveland.",
     "8,000 troops", 8000, "troops", {}),
])
def test_silent_when_not_a_contradiction(store, text, surface, value, subject, kw):
    assert run_checks(text, [q(text, surface, value, subject, **kw)], "2025-02-03", store) == []


def test_silent_at_another_time(store):
    text = "Pyongyang has 8,000 North Korean troops in Russia's Kursk region, South Korean officials said."
    claims = [q(text, "8,000 North Korean troops", 8000, "North Korean troops")]
    assert run_checks(text, claims, "2025-06-30", store) == []  # months later: not the same time
    assert run_checks(text, claims, None, store) == []  # undated: the time is unknown, so silence
    dated = "In 2023 Pyongyang had 8,000 North Korean troops in Russia's Kursk region, South Korean officials said."
    claims = [q(dated, "8,000 North Korean troops", 8000, "North Korean troops"),
              d(dated, "2023", "2023", "2023-01-01", "2023-12-31")]
    assert run_checks(dated, claims, "2025-02-03", store) == []  # the sentence is about 2023


def test_silent_against_itself(store):
    assert run_checks(EARLIER, _earlier_claims(), "2025-02-01", store) == []


def test_alias_from_rules_matches_a_synonym(store):
    class Rules:
        aliases = {"soldiers": "troops"}

        @staticmethod
        def canonical_subject(text):
            return "troops" if text.lower().endswith("soldiers") else text

    text = "Pyongyang has 8,000 North Korean soldiers fighting in Russia's Kursk region, South Korean officials said."
    claims = [q(text, "8,000 North Korean soldiers", 8000, "North Korean soldiers")]
    assert run_checks(text, claims, "2025-02-03", store) == []  # no alias: soldier is not troop
    [f] = run_checks(text, claims, "2025-02-03", store, rules=Rules())
    assert f.code == "NC401" and f.related[0].text == "more than 10,000 troops"


def test_rules_without_aliases_are_tolerated(store):
    text = "Pyongyang has 8,000 North Korean troops fighting in Russia's Kursk region, South Korean officials said."
    claims = [q(text, "8,000 North Korean troops", 8000, "North Korean troops")]
    assert codes(run_checks(text, claims, "2025-02-03", store, rules=object())) == ["NC401"]


def test_shrinking_running_total(store):
    text = "The death toll in the Sudzha shelling in Kursk now stands at 95, Kyiv officials said."
    [f] = run_checks(text, [q(text, "95", 95, "death toll")], "2025-02-05", store)
    assert f.code == "NC402" and f.evidence["source"] == "BBC" and f.related[0].text == "120"
    grown = text.replace("95", "140")
    assert run_checks(grown, [q(grown, "140", 140, "death toll")], "2025-02-05", store) == []
    revised = "The death toll in the Sudzha shelling in Kursk was revised down to 95, Kyiv officials said."
    assert run_checks(revised, [q(revised, "95", 95, "death toll")], "2025-02-05", store) == []


def test_running_total_is_not_compared_with_a_later_report(store):
    text = "The death toll in the Sudzha shelling in Kursk stands at 95, Kyiv officials said."
    assert run_checks(text, [q(text, "95", 95, "death toll")], "2025-01-20", store) == []


def test_moved_event_date(store):
    text = "Ukraine launched its Kursk offensive in September 2024, Kyiv and Sudzha officials said."
    [f] = run_checks(text, [d(text, "September 2024", "2024-09", "2024-09-01", "2024-09-30")], "2025-02-03", store)
    assert f.code == "NC403" and "offensive" in f.message and f.related[0].text == "August 2024"
    assert f.evidence["published"] == "2025-02-01"
    same = text.replace("September", "August")
    assert run_checks(same, [d(same, "August 2024", "2024-08", "2024-08-01", "2024-08-31")], "2025-02-03", store) == []
    moved = "Ukraine's Kursk offensive was postponed to September 2024, Kyiv and Sudzha officials said."
    assert run_checks(moved, [d(moved, "September 2024", "2024-09", "2024-09-01", "2024-09-30")],
                      "2025-02-03", store) == []
    year_only = "Ukraine launched its Kursk offensive in 2023, Kyiv and Sudzha officials said."
    assert run_checks(year_only, [d(year_only, "2023", "2023", "2023-01-01", "2023-12-31")], "2025-02-03", store) == []


def test_check_api_takes_history(store, monkeypatch):
    import numcheck
    extract_pkg = importlib.import_module("numcheck.extract")

    text = "Pyongyang has 8,000 North Korean troops fighting in Russia's Kursk region, South Korean officials said."
    monkeypatch.setattr(extract_pkg, "extract", lambda t, **kw: [q(t, "8,000 North Korean troops", 8000, "North Korean troops")])
    found = [f for f in numcheck.check(text, published="2025-02-03", history=store) if f.code.startswith("NC4")]
    assert codes(found) == ["NC401"]
    assert not [f for f in numcheck.check(text, published="2025-02-03") if f.code.startswith("NC4")]


def test_check_api_takes_a_store_path(store, monkeypatch):
    import numcheck
    extract_pkg = importlib.import_module("numcheck.extract")

    text = "Pyongyang has 8,000 North Korean troops fighting in Russia's Kursk region, South Korean officials said."
    monkeypatch.setattr(extract_pkg, "extract", lambda t, **kw: [q(t, "8,000 North Korean troops", 8000, "North Korean troops")])
    found = [f for f in numcheck.check(text, published="2025-02-03", history=store.path) if f.code.startswith("NC4")]
    assert codes(found) == ["NC401"]


def test_checks_have_docs_and_codes():
    from numcheck.checks import by_code

    for code in ("NC401", "NC402", "NC403"):
        chk = by_code(code)
        assert chk is not None and chk.name and "Anti-pattern:" in chk.__doc__ and "Best practice:" in chk.__doc__


@pytest.mark.parametrize("text,figure,date", [
    # the date right after another figure is that figure's
    ("36% of users have never sent one, up from 7% in 2003.", "36%", None),
    ("36% of users have never sent one, up from 7% in 2003.", "7%", "2003"),
    # a restatement of the figure between ("or 48 cents a share") does not take the date from it
    ("Net was $52.2 million, or 48 cents a share, in 1988.", "$52.2 million", "1988"),
    # a date before the figures covers them all
    ("In 2004, sales were $5bn and profits $1bn.", "$1bn", "2004"),
    ("Sales were $5bn in 2004 and $4bn in 2003.", "$4bn", "2003"),
])
def test_a_claims_own_date_is_not_another_figures(text, figure, date):
    from numcheck import extract
    from numcheck.history.keys import own_date

    claims = extract(text, published="2005-06-01")
    c = next(c for c in claims if c.text.startswith(figure))
    found = own_date(c, claims, text)
    assert (found.text if found is not None else None) == date



def test_the_amount_of_a_counted_date_is_not_stored_as_a_figure() -> None:
    """ "opened two years ago": the store keeps the date (2023), not "two years", which is true only on the day."""
    import numcheck
    from numcheck.history.store import claim_rows

    text = "The Leeds plant opened two years ago with 300 staff."
    claims = numcheck.extract(text, published="2025-02-01")
    assert any(c.within_date for c in claims)
    rows = claim_rows(text, claims, None)
    assert len(rows) == len(claims) - 1
    assert not any("two years" == r[0] for r in rows if isinstance(r[0], str))


@pytest.fixture()
def yukos_store(tmp_path):
    h = History(tmp_path / "y.db")
    h.add("Yukos has said it will sue Baikal and others involved in the sale of Yuganskneftegas for $20bn in damages.",
          published="2005-01-10", source="earlier")
    for i in range(40):  # unrelated reports, so that Yukos and Yuganskneftegas are rare words
        h.add(f"Report {i} from Moscow: {i + 3} delegates met in Geneva on trade.", published="2005-01-05",
              source=f"wire{i}")
    return h


@pytest.mark.parametrize("text, fires", [
    # no subject, restated in other words: the names and the words after the figure ("in damages") are the fact's
    ("Yukos has said it intends to seek $80bn in damages from Baikal, the obscure buyer of Yuganskneftegas, "
     "once the disputed sale finally goes through the courts.",
     True),
    # the same names, but a figure of something else ("in loans")
    ("Yukos has said it intends to seek $80bn in loans from Baikal, the obscure buyer of Yuganskneftegas, "
     "once the disputed sale finally goes through the courts.",
     False),
])
def test_a_figure_without_subject_is_known_by_the_words_after_it(yukos_store, text, fires):
    from numcheck import check

    found = [f for f in check(text, published="2005-01-14", history=yukos_store, config={"select": ["NC4"]})]
    assert [f.code for f in found] == (["NC401"] if fires else [])
    if fires:
        assert text[found[0].start:found[0].end] == "$80bn" and "$20bn" in found[0].message


@pytest.mark.parametrize("new_sentence,figure,old_sentence,told", [
    # the words leading a sum with no subject are the earlier sentence's too
    ("The budget has fixed the plan outlay at Rs 9,200 crore.", "Rs 9,200 crore",
     "The budget has fixed the plan outlay at Rs 6,200 crore, the minister said.", True),
    # led by words the earlier sentence lacks: another sum
    ("The budget has fixed the plan outlay at Rs 9,200 crore and projects a fiscal deficit of 3.9 pc.", "Rs 9,200 crore",
     "The fiscal deficit is projected at 3.9 per cent, and the revenue deficit at Rs 2,140 crore.", False),
    # back to the clause's start only: "and" ends the lead
    ("Sales rose and the deficit reached Rs 9,200 crore.", "Rs 9,200 crore", "The deficit reached Rs 2,140 crore.", True),
    # a subject's complement after a copula: the subject may be named another way ("Hingis")
    ("The former world number one was 12 when she retired.", "12", "Hingis was 22 when she retired.", True),
    # the figure itself, not its digits inside another ("200 crore" in "1,200 crore")
    ("The budget fixed the plan outlay at 1,200 crore rupees and the revenue deficit at 200 crore rupees.",
     "200 crore rupees", "The budget fixed the plan outlay at 1,300 crore rupees.", False),
    # a figure opening its sentence has no lead
    ("12 people died when she retired.", "12", "Hingis was 22 when she retired.", True),
])
def test_lead_told(new_sentence: str, figure: str, old_sentence: str, told: bool) -> None:
    """_lead_told: a figure with no subject matched by its statement must be led by words the earlier sentence has."""
    from types import SimpleNamespace

    from numcheck.checks.history._common import _lead_told, lead_words

    new = SimpleNamespace(lead=lead_words(new_sentence, figure))
    assert _lead_told(new, {"sentence": old_sentence}) is told  # type: ignore[arg-type]


@pytest.mark.parametrize("sentence,text,new_lead,moved", [
    # a level a change moved the figure to, or the amount such a level converts; a later figure led otherwise
    ("The government raised its pay offer to striking teachers to 9 billion shillings.", "9 billion shillings",
     "after the government agreed to pay", True),
    ("The government raised its pay offer to 9 billion shillings (120 million U.S. dollars).",
     "120 million U.S. dollars", "after the government agreed to pay", True),
    # the same move told again, led by what moved: compared
    ("The government raised its pay offer to striking teachers to 9 billion shillings.", "9 billion shillings",
     "The government's Friday offer of", False),
    # a pace is no level: "rising at 15% a year"
    ("Personal debt is rising at 15% a year.", "15%", "rising at", False),
    ("The union demanded 17 billion shillings.", "17 billion shillings", "agreed to pay", False),
])
def test_told_moved(sentence: str, text: str, new_lead: str, moved: bool) -> None:
    """told_moved: a stored figure told as the level a change reached is of its moment, unless told again so."""
    from numcheck.checks.history._common import lead_words, told_moved

    lead = lead_words(new_lead + " 1", "1")
    assert told_moved({"sentence": sentence, "text": text}, lead) is moved


_CENTRES = "winning 62 percent of votes counted from 1,238 of the country's 3,871 polling centres"


@pytest.mark.parametrize("row,new,kind,new_lead,grown", [
    # the part grown toward the whole, led as the part was
    ({"sentence": _CENTRES, "text": "3,871", "canon_value": 3871.0}, 2715.0, "count", "results counted from", True),
    # a stored part is compared ("99 of the 100 seats" after "59 of the 100 seats")
    ({"sentence": _CENTRES, "text": "1,238", "canon_value": 1238.0}, 2715.0, "count", "results counted from", False),
    # the whole told another way: compared
    ({"sentence": _CENTRES, "text": "3,871", "canon_value": 3871.0}, 3817.0, "count", "the country has", False),
    # past the whole, below the part, or no count
    ({"sentence": _CENTRES, "text": "3,871", "canon_value": 3871.0}, 4000.0, "count", "results counted from", False),
    ({"sentence": _CENTRES, "text": "3,871", "canon_value": 3871.0}, 1000.0, "count", "results counted from", False),
    ({"sentence": _CENTRES, "text": "3,871", "canon_value": 3871.0}, 2715.0, "money", "results counted from", False),
])
def test_grown_part(row: dict[str, object], new: float, kind: str, new_lead: str, grown: bool) -> None:
    """grown_part: a count between a stored whole and its part, led as the part was, is the part grown."""
    from numcheck.checks.history._common import grown_part, lead_words

    assert grown_part(row, (new, new), kind, lead_words(new_lead + " 1", "1")) is grown  # type: ignore[arg-type]
