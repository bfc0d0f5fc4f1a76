"""The gated patterns of targets (past statistics, years, attain verbs) find what the plain
patterns find.

The gate (a lookahead for the characters a match can open with, read from ``re``'s parse of
the lexicon's patterns) must neither drop nor add a match: it is checked against the plain
pattern on the fixture documents, on generated clauses of the patterns' own words in mixed
case, and on every cased character of Unicode at a word's start (the case twins included).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from trienkhai.documents import patterns
from trienkhai.documents.extract import reporting, targets

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
_PLAIN = re.compile(targets._PAST_PATTERN, re.IGNORECASE)
_PLAIN_YEARS = [re.compile(p, re.IGNORECASE) for p in targets._LEX["year_patterns"]]
_PLAIN_ATTAIN = re.compile(targets._ATTAIN_PATTERN, re.IGNORECASE)


def _fixture_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        lines.extend(line for line in text.splitlines() if line.strip())
    return lines


def _generated(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = [
        "đến nay",
        "hiện nay",
        "đã đạt",
        "đã hoàn thành",
        "đạt được",
        "so với cùng kỳ",
        "sau 5 năm",
        "qua 10 năm",
        "giai đoạn 2016 - 2020, tăng",
        "giai đoạn 2016–2020 giảm",
        "ſau 3 năm",
        "Đến nay",
        "xđến nay",
        "năm 2025",
        "90%",
        "tỷ lệ",
        "đến hết năm 2025",
        "Trong năm 2030",
        "vào  năm 1999",
        "cuối năm 20",
        "năm 2025",
        "giai đoạn 2021-2025",
        "tăng lên",
        "đạt",
        "là",
        "nâng lên",
        "lên",
    ]
    gaps = [" ", "", ", ", ". ", "\n", "_", "-", "\u00a0"]
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            word = rng.choice(words)
            parts.append("".join(c.upper() if rng.random() < 0.3 else c for c in word))
            parts.append(rng.choice(gaps))
        out.append("".join(parts))
    return out


def test_the_past_pattern_is_gated() -> None:
    assert targets._PAST.pattern.startswith("(?=[")
    assert targets._PAST.pattern != _PLAIN.pattern


def test_gated_past_search_is_the_plain_search() -> None:
    texts = _fixture_lines() + _generated(4000, 3)
    assert sum(1 for t in texts if _PLAIN.search(t)) > 500
    for text in texts:
        assert [m.span() for m in targets._PAST.finditer(text)] == [
            m.span() for m in _PLAIN.finditer(text)
        ], text


def test_gated_year_and_attain_searches_are_the_plain_searches() -> None:
    texts = _fixture_lines() + _generated(4000, 5)
    assert any(targets._YEARS[0].search(t) for t in texts)
    assert any(targets._ATTAIN_BEFORE.search(t) for t in texts)
    assert targets._YEARS[0].pattern.startswith("(?=[")
    assert targets._ATTAIN_BEFORE.pattern.startswith("(?=[")
    pairs = [
        *zip(targets._YEARS, _PLAIN_YEARS, strict=True),
        (targets._ATTAIN_BEFORE, _PLAIN_ATTAIN),
    ]
    for text in texts:
        for gated, plain in pairs:
            found, expected = gated.search(text), plain.search(text)
            assert (found and (found.span(), found.groupdict())) == (
                expected and (expected.span(), expected.groupdict())
            ), text


def test_gate_admits_every_character_a_match_opens_with() -> None:
    """Every cased character of Unicode (the only ones re.IGNORECASE pairs with a letter)
    put in place of a word's first letter: the gated pattern matches exactly where the plain
    one does (case twins such as "ſ" and "K" included)."""
    tails = ["ến nay", "iện nay", "ã đạt", "ạt được", "o với cùng kỳ", "au 5 năm", "ua 5 năm"]
    tails.append("iai đoạn 2016 - 2020 tăng")
    years = ["ến hết năm 2025", "rong năm 2030", "ào năm 2020", "uối năm 2019", "ết năm 2020"]
    attain = ["ạt 5", "ên 9", "ăng lên 3 x", "âng lên 7", "à 1"]
    every = (chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    chars = [c for c in every if c.lower() != c or c.upper() != c or c.casefold() != c]
    assert len(chars) > 2000 and "ſ" in chars and "\u212a" in chars
    for tail in tails:
        text = "\n".join(c + tail for c in chars)
        gated = [m.span() for m in targets._PAST.finditer(text)]
        assert gated == [m.span() for m in _PLAIN.finditer(text)], tail
        assert gated
    for tail in years:
        text = "\n".join(c + tail for c in chars)
        gated = [m.span() for m in targets._YEARS[0].finditer(text)]
        assert gated == [m.span() for m in _PLAIN_YEARS[0].finditer(text)], tail
        assert gated
    for tail in attain:
        spans = [(c + tail, c + tail + " x") for c in chars]
        for line, with_word in spans:
            for text in (line, with_word):
                found = targets._ATTAIN_BEFORE.search(text)
                expected = _PLAIN_ATTAIN.search(text)
                assert (found and found.span()) == (expected and expected.span()), text


@pytest.mark.parametrize(
    ("pattern", "gated"),
    [
        (r"\bab|\bcd", True),
        (r"(?:x|y)z", False),  # a class: the engine skips to it itself
        (r"(?:ab|cd)e", True),
        (r"ab", False),
        (r"a?b", False),
        (r"\w+", False),
        (r"[^a]b", False),
        (r"(?i:a)b", False),
        (r"a{0,2}b", False),
        (r"a{1,2}b", True),
        (r"(?=a)", False),
    ],
)
def test_gate_only_where_the_opening_is_plain(pattern: str, gated: bool) -> None:
    compiled = patterns.gated(pattern, re.IGNORECASE)
    assert compiled.pattern.startswith("(?=[") is gated
    for text in ["ab", "AB", "cd", "xz", "Yz", "b", "aab", "zb", "a"]:
        plain = re.compile(pattern, re.IGNORECASE)
        assert [m.span() for m in compiled.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def _plain_report_clauses(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    for m in reporting._CLAUSE.finditer(text):
        out.append((start, m.start()))
        start = m.end()
    return [*out, (start, len(text))]


def test_reporting_clauses_are_the_pattern_breaks() -> None:
    rng = random.Random(17)
    pieces = [
        "a",
        "Báo cáo",
        ";",
        ".",
        ". ",
        ".  Đ",
        ". x",
        ".\nA",
        "; ",
        ";.",
        ".;",
        " ",
        "À",
        "Ỹ",
    ]
    texts = _fixture_lines() + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)
    ]
    for text in texts:
        assert list(reporting._clauses(text)) == _plain_report_clauses(text), text


_PLAIN_BREAK = re.compile(r";|,\s+trong đó\b|\.\s+(?=[A-ZĐÀ-Ỹ])", re.IGNORECASE)


def test_target_clause_breaks_are_the_alternation_s() -> None:
    """The breaks found apart are the one alternation's finditer (the pattern targets used)."""
    rng = random.Random(23)
    pieces = [*"a;.,", ", trong đó", ",  TRONG ĐÓ,", ", trong đóx", ". ", ".  đ", ". Ỹ", ".\n1"]
    pieces += [";.", ".,", ",;", " ", "Trong đó"]
    texts = _fixture_lines() + [
        "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)
    ]
    for text in texts:
        assert targets._breaks(text) == [m.span() for m in _PLAIN_BREAK.finditer(text)], text


def test_subject_prefix_read_from_four_characters() -> None:
    """Whether a text lower-cased opens with "các " is told by its first four characters
    lower-cased: every character that lower-cases to another put in each of those places (the
    ones that lower to two characters, like "İ", and final sigma included), then a word after."""
    every = (chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    chars = [c for c in every if c.lower() != c] + list("cá a\u0301Σ")  # others lower to themselves
    for base in ("Các ", "CÁC ", "cÁc "):
        for place in range(4):
            for c in chars:
                text = base[:place] + c + base[place + 1 :] + "Σ cấp"
                assert text[:4].lower().startswith("các ") == text.lower().startswith("các ")
    for line in _fixture_lines():
        assert reporting.subject_of(line) == _plain_subject_of(line), line


def _plain_subject_of(text: str) -> str | None:
    text = reporting._SUBJECT_LEAD.sub("", text.strip())
    if not text[:1].isupper() or not (
        reporting._HEADS.match(text) or text.lower().startswith("các ")
    ):
        return None
    stop = reporting._SUBJECT_STOP.search(text)
    subject = (text[: stop.start()] if stop else text).strip(" ,")
    return subject if 0 < len(subject.split()) <= 20 else None
