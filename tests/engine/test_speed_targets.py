"""The fast paths of targets and reporting find what the plain patterns find.

Each shortcut (a scan near the digits only, a look at the end of a text only, the units with
cue words found in the case-folded bytes of the whole document, contexts built heading by
heading, patterns skipped where none of their words is) is checked against the plain search it
replaces, on the fixture documents and on generated text built from the lexicon's own words in
mixed case, with runs of spaces, colons and digits and the letters lower-casing treats apart.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from trienkhai.documents import read_bytes
from trienkhai.documents.extract import reporting, targets
from trienkhai.documents.extract.sources import Unit, units
from trienkhai.documents.model import Outline, Paragraph, SourceDocument
from trienkhai.documents.structure import build_outline

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
_LEX = targets._LEX


def _fixture_lines() -> list[str]:
    lines: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        lines.extend(line for line in text.splitlines() if line.strip())
    return lines


def _cased(word: str, rng: random.Random) -> str:
    return "".join(c.upper() if rng.random() < 0.3 else c for c in word)


def _generated(count: int, seed: int) -> list[str]:
    """Texts made of comparators, range words, units, numbers and separators."""
    rng = random.Random(seed)
    words = [
        *targets._BEFORE,
        *targets._AFTER,
        *_LEX["range_lead"],
        *_LEX["range_joiners"],
        *_LEX["percent"],
        *_LEX["not_figure_after"],
        "hộ",
        "xã",
        "đạt",
        "năm",
        "tỷ lệ",
        "ı",
        "İ",
        "K",
    ]
    numbers = ["5", "05", "90", "2,5", "3.000", "2025", "15/6", "1-2", "12a", "7.", "0,5"]
    gaps = [" ", " ", " ", "", "  ", "\n", " : ", ":", ", ", ". ", "/", "-", "\t", "\u00a0"]
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            parts.append(
                _cased(rng.choice(words), rng) if rng.random() < 0.6 else rng.choice(numbers)
            )
            parts.append(rng.choice(gaps))
        out.append("".join(parts))
    return out


TEXTS = _fixture_lines() + _generated(4000, 7)


def test_there_is_text_to_compare() -> None:
    assert len(TEXTS) > 4000
    assert any(targets._WIDE_SPACE.search(t) for t in TEXTS)
    assert any(not targets._WIDE_SPACE.search(t) and targets._DIGIT.search(t) for t in TEXTS)


def test_figure_matches_are_the_full_scan() -> None:
    for text in TEXTS:
        full = [(m.span(), m.groups()) for m in targets._FIGURE.finditer(text)]
        fast = [(m.span(), m.groups()) for m in targets._figure_matches(text)]
        assert fast == full, text


@pytest.mark.parametrize(
    "clause",
    [
        "không vượt quá 5%",
        "KHÔNG THẤP HƠN 90% hộ",
        "tỷ lệ trên 90%, dưới 5% và từ 01 - 02 mô hình",
        "x" * 40 + "không thấp hơn 7 xã",
        "từ 5 đến 7 xã",
        "15/6 và 20%",
        "không thấp hơn từ 5 đến 7 xã",  # the longest lead-in: comparator, space, "từ", space
        "đạt Không Vượt Quá từ 5%",
    ],
)
def test_figure_matches_on_lead_ins(clause: str) -> None:
    full = [(m.span(), m.groups()) for m in targets._FIGURE.finditer(clause)]
    assert [(m.span(), m.groups()) for m in targets._figure_matches(clause)] == full
    assert full


_PLAIN_NOT_AFTER = re.compile(
    r"(?:" + targets._alt(_LEX["not_figure_after"]) + r")\s*:?\s*$", re.IGNORECASE
)


def test_after_word_is_the_plain_search() -> None:
    for text in TEXTS:
        for m in targets._DIGIT.finditer(text):
            before = text[: m.start()]
            assert targets._after_word(before) == bool(_PLAIN_NOT_AFTER.search(before)), before


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("trong năm ", True),
        ("Điều  ", True),
        ("số :  ", True),
        ("số: :", False),
        ("Quyết định\n", True),
        ("đạt ", False),
        ("", False),
        (":", False),
    ],
)
def test_after_word(before: str, expected: bool) -> None:
    assert targets._after_word(before) is expected
    assert bool(_PLAIN_NOT_AFTER.search(before)) is expected


# -- reporting: the verb looked for only where a verb's word starts --------------------------

_ALL_CHARS = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)


def test_anchor_letters_match_as_lower_casing_maps() -> None:
    """Every letter in an anchor (the verbs in a unit, the words a duty's patterns need in a
    clause): re.IGNORECASE matches exactly the characters that
    str.lower() turns into it (one character each), over the whole of Unicode."""
    plain = _ALL_CHARS.replace("\u0130", "")  # "İ" lowers to two characters: "i" + U+0307
    low = plain.lower()
    assert len(low) == len(plain)
    anchored = [v for v in vars(reporting).values() if isinstance(v, reporting.Anchored)]
    assert len(anchored) >= 8
    letters = {ch for a in anchored for _, piece in a.anchors or [] for ch in piece}
    assert letters
    for ch in sorted(letters):
        by_re = {m.start() for m in re.finditer(re.escape(ch), plain, re.IGNORECASE)}
        by_lower = {m.start() for m in re.finditer(re.escape(ch), low)}
        assert by_re == by_lower, ch
        assert ch not in "\u0130".lower()


@pytest.mark.parametrize("ch", ["i", "s", "ı", "ſ"])
def test_case_twins_are_not_anchor_letters(ch: str) -> None:
    assert not reporting._case_safe(ch)


def _reporting_texts() -> list[str]:
    rng = random.Random(11)
    words = [
        *reporting._LEX["report_verbs"],
        "báo",
        "gửi",
        "tổng hợp",
        "BÁO CÁO",
        "Gửı về",
        "gửİ về",
        "báo  cáo",
        "kết quả",
        "UBND tỉnh",
    ]
    gaps = [" ", "", "\n", ", ", "xbáo", "_"]
    out = []
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 8)):
            parts.append(_cased(rng.choice(words), rng))
            parts.append(rng.choice(gaps))
        out.append("".join(parts))
    return out


def test_anchored_verb_search_is_the_plain_search() -> None:
    anchored = reporting._VERB_IN_UNIT
    assert anchored.anchors is not None
    for text in _fixture_lines() + _reporting_texts():
        for pos in (0, 3):
            plain = [m.span() for m in anchored.pattern.finditer(text, pos)]
            assert [m.span() for m in anchored.finditer(text, pos)] == plain, text
            assert [m.span() for m in anchored.finditer(text, pos, text.lower())] == plain
            found = anchored.search(text, pos)
            assert (found.span() if found else None) == (plain[0] if plain else None)


# -- the units with cue words, found over the whole document at once --------------------------


def _outlines() -> list[Outline]:
    out = []
    for path in sorted(FIXTURES.glob("*.txt")):
        out.append(build_outline(read_bytes(path.read_bytes(), path.name)))
    texts = ["Phấn đấu 90%; BÁO CÁO hằng quý", "gửİ về Sở", "chỈ TIÊU 5 xã", "báo", "Gửı về"]
    blocks = [Paragraph(t, i) for i, t in enumerate(texts, 1)]
    out.append(build_outline(SourceDocument("doc.txt", "txt", blocks)))
    blocks = [Paragraph(t, i) for i, t in enumerate(texts[:1] + texts[2:], 1)]
    out.append(build_outline(SourceDocument("doc.txt", "txt", blocks)))  # no "İ": aligned
    return out


def _mixed_outline(seed: int) -> Outline:
    """Units of cue words, verbs and look-alikes in mixed case, with the letters lower-casing
    treats apart ("İ" to two characters, "ı", "ſ", the Kelvin sign, a letter beyond 16 bits)."""
    rng = random.Random(seed)
    words = [
        *targets._CUE_WORDS,
        *reporting._LEX["report_verbs"],
        "bảo",
        "tông",
        "gửı",
        "gửİ",
        "chİ",
        "tİêu",
        "K",
        "ſ",
        "\U0001d400",
        "\ud800",
        "Ấn",
    ]
    gaps = [" ", "", "\n", ", ", "x"]
    texts = []
    for _ in range(40):
        parts = []
        for _ in range(rng.randint(1, 6)):
            parts.append(_cased(rng.choice(words), rng))
            parts.append(rng.choice(gaps))
        texts.append("".join(parts).strip() or "x")
    if seed % 2:
        texts = [t.replace("\U0001d400", "").replace("\ud800", "") for t in texts]
    blocks = [Paragraph(t, i) for i, t in enumerate(texts, 1)]
    return build_outline(SourceDocument("doc.txt", "txt", blocks))


@pytest.mark.parametrize(
    "words", [targets._CUE_WORDS, reporting._VERB_WORDS, ("báo cáo", "i", "tiêu"), ("ω",)]
)
def test_units_with_lists_every_unit_with_a_word(words: tuple[str, ...]) -> None:
    for outline in [*_outlines(), *(_mixed_outline(seed) for seed in range(6))]:
        every = units(outline, footnotes=False)
        expected = [i for i, u in enumerate(every) if targets.has_any(u.text.lower(), words)]
        found = targets.units_with(outline, words)
        assert found == sorted(set(found))
        assert set(expected) <= set(found)


def test_units_with_finds_few_more() -> None:
    """The folded search lists few units without a word (only where characters share a low
    byte): on the fixtures, none."""
    for outline in _outlines():
        every = units(outline, footnotes=False)
        for words in (targets._CUE_WORDS, reporting._VERB_WORDS):
            expected = [i for i, u in enumerate(every) if targets.has_any(u.text.lower(), words)]
            assert targets.units_with(outline, words) == expected


def test_and_letters_match_as_lower_casing_maps() -> None:
    """The "và" a clause must hold to be split in two duties is looked for in the clause
    lower-cased: its letters match under re.IGNORECASE exactly what lowers to them."""
    plain = _ALL_CHARS.replace("\u0130", "")
    low = plain.lower()
    for ch in reporting._AND:
        assert reporting._case_safe(ch)
        by_re = {m.start() for m in re.finditer(re.escape(ch), plain, re.IGNORECASE)}
        assert by_re == {m.start() for m in re.finditer(re.escape(ch), low)}, ch


def _contexts_unit_by_unit(outline: Outline) -> Iterator[tuple[Unit, targets.Context]]:
    """Every body unit with its heading context, read unit by unit: the plain walk
    ``targets.read_contexts`` must agree with (it was the engine's until read_contexts took over)."""
    # each entry: (level, the titles down to it, whether one of them opens the objectives,
    # whether one names the specific targets): a heading pushes one, with no walk up the stack
    stack: list[tuple[int, list[str], bool, bool]] = []
    titles: list[str] = []
    titled = specific = not_target = False
    leads: tuple[str, ...] = ()
    ctx: targets.Context | None = None
    part: str | None = None
    for unit, head in zip(
        targets.units(outline, footnotes=False), targets.headings(outline), strict=True
    ):
        if head is not None:
            level, title = head
            while stack and stack[-1][0] >= level:
                stack.pop()
            low = title.lower()
            above = stack[-1] if stack else (0, [], False, False)
            titles = [*above[1], low]
            titled = (
                above[2]
                or low.startswith(targets._OBJECTIVE)
                or targets.has_any(low, targets._OBJECTIVE_WORDS)
            )
            specific = above[3] or targets.has_any(low, targets._SPECIFIC)
            stack.append((level, titles, titled, specific))
            not_target = low.startswith(targets._NOT_TARGET)
            leads = ()
        elif unit.text.endswith(":"):
            leads = (*leads, unit.text)
        unit_part = unit.node.part if unit.node is not None else None
        if (
            ctx is None
            or head is not None
            or ctx.heading is not None
            or unit_part != part
            or leads is not ctx.leads
        ):
            part = unit_part
            # the headings decide first; the part structure analysis gave is the fallback
            objectives = titled or part == "objectives"
            excluded = not titled and (
                part in targets._EXCLUDED_PARTS or (part != "objectives" and not_target)
            )
            ctx = targets.Context(titles, objectives, specific, excluded, leads, head)
        yield unit, ctx


def test_read_contexts_are_the_unit_by_unit_ones() -> None:
    for outline in _outlines():
        every = list(_contexts_unit_by_unit(outline))
        wanted = [i for i in range(len(every)) if i % 3 == 0]
        expected = [
            (i, ctx)
            for i, (_, ctx) in enumerate(every)
            if ctx.heading is None and (ctx.objectives or i in wanted)
        ]
        assert list(targets.read_contexts(outline, wanted)) == expected


def test_only_the_listed_characters_lower_case_to_latin_letters() -> None:
    listed = set(targets._LOWERING_TO_LATIN)
    for code in range(0x110000):
        if code in listed or 0xD800 <= code < 0xE000:
            continue
        low = chr(code).lower()
        assert not any(targets._latin(c) for c in low), hex(code)


def test_fold_table_puts_each_letter_with_what_lowers_to_it() -> None:
    chars = targets._SEARCHED
    table = targets._fold_table(chars)
    assert table is not None
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        low = chr(code).lower()
        if low[0] in chars:
            assert table[code & 0xFF] == table[ord(low[0]) & 0xFF], hex(code)
        assert not any(c in chars for c in low[1:]), hex(code)


def _duty_texts() -> list[str]:
    """Clauses of the words the duty patterns look for, in mixed case and with look-alikes."""
    lex = reporting._LEX
    rng = random.Random(5)
    words = [
        *lex["triggers"],
        *lex["strong_periods"],
        *reporting._STANDALONE,
        *lex["periodic"],
        *lex["deadline_leads"],
        *lex["recipient_preps"],
        *lex["via_preps"],
        *(w for e in lex["periods"] for w in e["words"]),
        "sáu",
        "ſáu",
        "mỗı",
        "tớİ",
        "quý III",
        "2025",
        "10/12",
    ]
    gaps = [" ", "", "\n", ", ", "/", "_", "  "]
    out = []
    for _ in range(3000):
        parts = []
        for _ in range(rng.randint(1, 8)):
            parts.append(_cased(rng.choice(words), rng))
            parts.append(rng.choice(gaps))
        out.append("".join(parts))
    return out


def test_clause_patterns_are_skipped_only_without_a_match() -> None:
    anchored = [v for v in vars(reporting).values() if isinstance(v, reporting.Anchored)]
    skipped = 0
    for text in _fixture_lines() + _reporting_texts() + _duty_texts():
        low = text.lower()
        for a in anchored:
            if not a.may_match(low):
                skipped += 1
                assert a.pattern.search(text) is None, (a.pattern.pattern, text)
    assert skipped > 1000


def test_verb_pieces_cover_the_verbs() -> None:
    """Every verb holds one of the pieces its units are found by, in one of its words, and
    the pieces' letters match as lower-casing maps them."""
    pieces = reporting._VERB_PIECES
    assert len(pieces) < len(reporting._VERB_WORDS)
    for verb in reporting._LEX["report_verbs"]:
        assert any(p in t for p in pieces for t in verb.split()), verb
    plain = _ALL_CHARS.replace("\u0130", "")
    low = plain.lower()
    for ch in set("".join(pieces)):
        assert reporting._case_safe(ch)
        by_re = {m.start() for m in re.finditer(re.escape(ch), plain, re.IGNORECASE)}
        assert by_re == {m.start() for m in re.finditer(re.escape(ch), low)}, ch
