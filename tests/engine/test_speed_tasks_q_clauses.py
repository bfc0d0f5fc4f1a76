"""The clause openings read with a cheap look at the character after each mark are those the
first version found by matching ``([.;!?:(])(\\s*)(\\w+)`` at every mark and then filtering."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from trienkhai.documents.extract import bodies

_OLD_CLAUSE_WORD = re.compile(r"([.;!?:(])(\s*)(\w+)")


def _old_clause_words(text: str) -> list[tuple[int, str]]:
    marks = sorted(i for i, c in enumerate(text) if c in ".;!?:(")
    found: list[re.Match[str]] = []
    first = re.match(r"()()(\w+)", text)
    if first:
        found.append(first)
    for at in marks:
        m = _OLD_CLAUSE_WORD.match(text, at)
        if m:
            found.append(m)
    out: list[tuple[int, str]] = []
    for m in found:
        mark, space, word = m.groups()
        if mark == "(":
            if space or not word[0].isupper():
                continue
        elif mark and not space:
            continue
        out.append((m.start(3), word))
    return out


_PIECES = [
    "Sở",
    "y tế",
    "(",
    ")",
    ".",
    ";",
    ":",
    "!",
    "?",
    " ",
    "  ",
    "\n",
    "3",
    "Ⓐ",
    "É",
    "ủy",
    "_",
    ",",
    "ß",
    "(Ủ",
]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=16))
def test_clause_words_match_the_first_version(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert bodies._clause_words(text) == _old_clause_words(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_clause_words_match_the_first_version_on_any_text(text: str) -> None:
    assert bodies._clause_words(text) == _old_clause_words(text)


def test_clause_words_examples() -> None:
    text = "Sở Y tế chủ trì; UBND huyện (Phòng Y tế) phối hợp: 3.5 (cơ quan)"
    assert bodies._clause_words(text) == [(0, "Sở"), (17, "UBND"), (29, "Phòng"), (51, "3")]
