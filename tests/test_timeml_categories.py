"""The categories of issue 16, each as TimeML writes it: a table of sentences, the claim numcheck must make and
its TIMEX3 value (examples written for the issue and this table, not taken from the gold corpora).

Publication day: Wednesday 5 March 2025 unless the case gives another.
"""
from __future__ import annotations

import pytest

import numcheck

PUB = "2025-03-05"

# category -> [(sentence, surface, kind, TIMEX3 value[, publication day])]
CASES: dict[str, list[tuple[str, ...]]] = {
    "parts of the day and anchored times": [
        ("He was killed Tuesday evening.", "Tuesday evening", "date", "2025-03-04TEV"),
        ("Talks ran late on Monday night.", "Monday night", "date", "2025-03-03TNI"),
        ("The vote will be held this afternoon.", "this afternoon", "date", "2025-03-05TAF"),
        ("Police raided the house in an early morning operation.", "early morning", "date", "2025-03-05TMO"),
        ("The blast came on Sunday. It went off at 9 p.m. near the market.", "9 p.m.", "date", "2025-03-02T21:00"),
        ("Kick-off will be at 18:30 BST on Thursday.", "18:30 BST on Thursday", "date", "2025-03-06T18:30"),
    ],
    "clock durations and race times": [
        ("She won the marathon in 2:14:09.", "2:14:09", "duration", "PT2H14M9S"),
        ("His fastest lap was 1:31.2.", "1:31.2", "duration", "PT1M31.2S"),
    ],
    "sets": [
        ("The board meets every month.", "every month", "set", "P1M"),
        ("Rents are reviewed yearly.", "yearly", "set", "P1Y"),
        ("Crowds gather each summer.", "each summer", "set", "XXXX-SU"),
        ("She walks every evening.", "every evening", "set", "XXXX-XX-XXTEV"),
        ("Flights leave twice a week.", "twice a week", "set", "P1W"),
    ],
    "references": [
        ("Prices are now higher.", "now", "date", "PRESENT_REF"),
        ("The mine is currently closed.", "currently", "date", "PRESENT_REF"),
        ("At the time, sales were rising.", "the time", "date", "PAST_REF"),
        ("The plant recently closed.", "recently", "date", "PAST_REF"),
        ("It may reopen in the future.", "the future", "date", "FUTURE_REF"),
        ("The strike began on 3 February. On that day, trains stopped.", "that day", "date", "2025-02-03"),
    ],
    "underspecified durations": [
        ("Sales fell in recent months.", "recent months", "duration", "PXM"),
        ("They waited for hours.", "hours", "duration", "PTXH"),
        ("The talks went on for years.", "years", "duration", "PXY"),
        ("The town was ruled from abroad for centuries.", "centuries", "duration", "PXCE"),
    ],
    "decades and centuries as lengths and as dates": [
        ("Prices will double over the coming decade.", "the coming decade", "duration", "P10Y"),
        ("Prices will double in the coming decade.", "the coming decade", "date", "203"),
        ("It was built in the 1970s.", "the 1970s", "date", "197"),
        ("It was built in the 15th century.", "the 15th century", "date", "14"),
    ],
    "year of a month or weekday by tense and narrative": [
        ("The summit will be held in June.", "June", "date", "2025-06"),
        ("The summit was held in June.", "June", "date", "2024-06"),
        ("Last week, talks began on Friday.", "Friday", "date", "2025-02-28"),
        ("In 1995 he moved to Paris, and in June he married.", "June", "date", "1995-06"),
        ("The firm was founded in 1995. Sales in June rose.", "June", "date", "2024-06"),
        ("Talks will resume on Friday.", "Friday", "date", "2025-03-07"),
    ],
    "fiscal years and seasons of sport": [
        ("Profits rose in fiscal 2021.", "fiscal 2021", "date", "2021"),
        ("He scored 20 goals in the 2017-18 season.", "2017-18", "date", "2017/2018"),
    ],
    "ages": [
        ("A 22-year-old was arrested.", "22-year-old", "age", "P22Y"),
    ],
}


@pytest.mark.parametrize("category,case", [(c, case) for c, cases in CASES.items() for case in cases],
                         ids=lambda v: v if isinstance(v, str) else v[1])
def test_category(category: str, case: tuple[str, ...]) -> None:
    text, surface, kind, timex = case[:4]
    published = case[4] if len(case) > 4 else PUB
    got = {c.text: (c.kind, c.timex) for c in numcheck.extract(text, published=published)}
    assert got.get(surface) == (kind, timex), f"{category}: {text!r} -> {got}"
