"""The shortcuts of the tasks stage keep its results: a pattern skipped for lack of a word it
needs could never have matched."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from trienkhai.documents.extract import tasks


def test_required_literal_reads_runs_groups_and_alternatives() -> None:
    assert tasks._required_literal(r"abc|abd") == "ab"
    assert tasks._required_literal(r"x(?:abc|zab)y") == "ab"
    assert tasks._required_literal(r"(?:ab)?cd") == "cd"
    assert tasks._required_literal(r"(?:sau|trước) đây") == " đây"
    assert tasks._required_literal(r"\d+ năm") == " năm"
    assert tasks._required_literal(r"(?:ab|)c?") is None
    assert tasks._required_literal(r"[ab]+") is None


def test_required_literal_gives_up_on_case_insensitive_parts() -> None:
    assert tasks._required_literal(r"(?i)xyz") is None
    assert tasks._required_literal(r"a(?i:bcd)e") == "a"


def test_the_intro_end_needs_its_word() -> None:
    assert tasks._INTRO_WORD == "sau"


_WORDS = ["sau", "đây", "như", "nhiệm vụ", "nội dung", "việc", "các", "tốt", ":", ".", " ", "  "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_intro_end_never_matches_without_its_word(words: list[str]) -> None:
    tail = " ".join(words)
    if tasks._INTRO_WORD not in tail:
        assert tasks._INTRO_END.search(tail) is None


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcd()|?*+", min_size=1, max_size=8), st.text(alphabet="abcd", max_size=12)
)
def test_required_literal_is_in_every_match(source: str, text: str) -> None:
    try:
        pattern = re.compile(source)
    except re.error:
        return
    word = tasks._required_literal(source)
    if word is not None:
        for m in pattern.finditer(text):
            assert word in m.group(0)
