"""overlap_test answers as comparing with every span would, for any spans, nested or not."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.extract.spans import overlap_test

_span = st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=500, deadline=None, database=None)
@given(st.lists(_span, max_size=12), _span)
def test_same_as_every_span(spans, probe):
    s, e = probe
    assert overlap_test(spans)(s, e) == any(a < e and s < b for a, b in spans)


def test_nested_spans_are_seen():
    test = overlap_test([(0, 10), (20, 25), (5, 30)])
    assert [test(*p) for p in [(10, 12), (30, 31), (29, 30), (26, 27), (40, 41)]] == [True, False, True, True, False]
