"""The faster lint checks give exactly the warnings of the plain versions they replaced.

Each ``_reference_*`` below is the earlier, straightforward implementation, kept as an oracle:
random plans (mixed case, punctuation, odd whitespace, repeated words) must lint the same.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import compress, islice, repeat
from operator import eq

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trienkhai.documents import lint
from trienkhai.documents.extract.sources import units
from trienkhai.documents.model import LintWarning, Outline, Paragraph, SourceDocument
from trienkhai.documents.structure import build_outline

_SENTINEL = "\u241e"


def _reference_doubled_words(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    out: list[LintWarning] = []
    all_units = units(outline)
    joined = f" {_SENTINEL} ".join(u.text for u in all_units)
    low = joined.lower().split()
    n = len(low)
    singles = compress(range(n - 1), map(eq, low, islice(low, 1, None)))
    pairs = compress(range(n - 3), map(eq, low, islice(low, 2, None)))
    found: list[tuple[int, int]] = [(i, 2) for i in singles if low[i] in lint._SINGLE]
    found += [
        (i, 4)
        for i in pairs
        if low[i + 1] == low[i + 3].rstrip(lint._TRAILING) and low[i] != low[i + 1]
    ]
    if not found:
        return out
    raw = joined.split()
    starts = [0, *(i + 1 for i in compress(range(n), map(eq, low, repeat(_SENTINEL))))]
    for i, size in sorted(found):
        words = raw[i : i + size]
        if _SENTINEL in words:
            continue
        if not all(lint._PLAIN_WORD.fullmatch(w) for w in words[:-1]):
            continue
        if not lint._PLAIN_WORD.fullmatch(words[-1].rstrip(lint._TRAILING)):
            continue
        second = words[size // 2]
        if words[0][:1].islower() and second[:1].isupper():
            continue
        unit = all_units[bisect_right(starts, i) - 1]
        phrase = " ".join(words).rstrip(lint._TRAILING)
        out.append(
            LintWarning("doubled_word", lint._msg("doubled_word", lang, text=phrase), unit.line)
        )
    return out


def _outline(lines: list[str]) -> Outline:
    blocks = [Paragraph(t, i) for i, t in enumerate(lines, 1) if t.strip()]
    return build_outline(SourceDocument("doc.txt", "txt", blocks))


WORDS = st.sampled_from(
    [
        "thực", "Thực", "THỰC", "hiện", "hiện,", "hiện.", "hiện;", "về", "Về", "về.", "các",
        "Hội", "hội", "Nông", "dân", "và", "và,", "2024", "số", "a)", "-", "(khóa", "XIII)",
        "İ", "i̇", "ΟΔΟΣ", "οδος", "Σ", "x\u241e", "ngày", "ngày…", "”", "Phụ", "lục",
    ]
)  # fmt: skip
SPACES = st.sampled_from([" ", " ", " ", "  ", "\t", "\u00a0", "\u3000", " \u200b", "\u2028"])


@st.composite
def _line(draw: st.DrawFn) -> str:
    words = draw(st.lists(WORDS, max_size=12))
    out = ""
    for w in words:
        out += w + draw(SPACES)
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_line(), min_size=1, max_size=8))
def test_doubled_words_as_before(lines: list[str]) -> None:
    outline = _outline(["KẾ HOẠCH", *lines])
    assert lint.check_doubled_words(outline) == _reference_doubled_words(outline)


def test_doubled_words_overlapping_and_at_the_ends() -> None:
    lines = [
        "về về về thực hiện thực hiện thực hiện.",
        "a b a b a b",
        "Thực hiện",
        "thực hiện tốt; các các",
        "các",
        "các Hội hội Đại hội Hội Nông dân",
    ]
    outline = _outline(["KẾ HOẠCH", *lines])
    got = lint.check_doubled_words(outline)
    assert got == _reference_doubled_words(outline)
    assert len(got) >= 5
