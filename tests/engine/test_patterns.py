"""The pattern helpers every stage's shortcuts stand on: searching only where a match can open
must find what a full scan finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from trienkhai.documents import patterns

TEXT = st.text(st.sampled_from(list("ab phối hợp, giao;. ()")), max_size=60)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.lists(st.sampled_from(["a", "ab", "phối", "giao", ";", "("]), max_size=3))
def test_positions_are_every_start_in_order(text: str, needles: list[str]) -> None:
    expected = sorted(i for n in needles for i in range(len(text)) if text.startswith(n, i))
    assert patterns.positions(text, needles) == expected


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_finditer_at_word_starts_is_finditer(text: str) -> None:
    """Every match of these patterns opens with "phối" or "giao" (overlapping candidates,
    matches of several lengths): tried only there, they find what finditer finds."""
    pattern = re.compile(r"(?:phối(?: hợp)?|giao)(?:[ ,]+\w+)?")
    found = patterns.finditer_at(pattern, text, patterns.positions(text, ("phối", "giao")))
    assert [m.span() for m in found] == [m.span() for m in pattern.finditer(text)]
