"""Round 4 shortcuts in cleaning give what the plain steps give.

``normalize._take_glyphs`` matches the glyph pattern only where a glyph stands, instead of
``_SUP_GLYPHS.sub`` scanning every character; ``_clean_nfc_printable`` trims a text whose only
extra spaces are at its edges instead of splitting it into words. Both are compared with the
plain steps on random texts full of the characters that matter.
"""

from __future__ import annotations

import random
import re

from trienkhai.documents import normalize

GLYPH_PIECES = [
    *"ab mMx ⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹ⁱ\u2072\u2073()1ạ",
    *("m²", "⁽¹⁾", "M³", "⁽¹²⁾", "km", " 27 m", "Nam", "cm", "hm", "5dm"),
]


def _plain_take(text: str) -> tuple[str, list[str]]:
    labels: list[str] = []

    def _glyph(m: re.Match[str]) -> str:
        if m.group(1) is None and normalize.is_unit_exponent(m.string, m.start()):
            if len(m.group(0)) > 1:  # "m²³": the exponent, then an anchor
                labels.append(m.group(0)[1:].translate(normalize.SUPERSCRIPT_DIGITS))
            return m.group(0)[0]
        labels.append((m.group(1) or m.group(0)).translate(normalize.SUPERSCRIPT_DIGITS))
        return ""

    return normalize._SUP_GLYPHS.sub(_glyph, text), labels


def test_glyph_chars_are_the_pattern_openers() -> None:
    opener = normalize._SUP_GLYPHS.pattern[1 : normalize._SUP_GLYPHS.pattern.index("]")]
    assert set(opener) == set(normalize._SUP_CHARS)


def test_take_glyphs_is_the_pattern_sub() -> None:
    rng = random.Random(4042026)
    for _ in range(4000):
        text = "".join(rng.choice(GLYPH_PIECES) for _ in range(rng.randint(0, 14)))
        labels: list[str] = []
        assert (normalize._take_glyphs(text, labels), labels) == _plain_take(text), text


def test_unit_exponents_stay_and_anchors_after_words_ending_in_m_go() -> None:
    """ "m²" after a number is an area, "Nam¹" a footnote anchor (the exponent rule once took
    every glyph after an "m" for an exponent, so "Việt Nam¹" kept its anchor as text)."""
    take = normalize.take_anchors
    assert take("đạt 27 m² sàn/người") == ("đạt 27 m² sàn/người", [])
    assert take("3km² và 10 m³ (m²)") == ("3km² và 10 m³ (m²)", [])
    assert take("Mặt trận Tổ quốc Việt Nam¹ tỉnh") == ("Mặt trận Tổ quốc Việt Nam tỉnh", ["1"])
    assert take("trọng tâm² và trách nhiệm³") == ("trọng tâm và trách nhiệm", ["2", "3"])
    assert take("diện tích 100 m²³") == ("diện tích 100 m²", ["3"])


def test_take_anchors_footnote_bodies() -> None:
    assert normalize.take_anchors("⁽¹⁾ Quyết định số 12") == (" Quyết định số 12", ["1"])
    assert normalize.take_anchors("diện tích 20 m² đất¹") == ("diện tích 20 m² đất", ["1"])
    assert normalize.take_anchors("¹ Tổng kết²³") == (" Tổng kết", ["1", "23"])


def test_clean_nfc_printable_trims_as_the_squeeze() -> None:
    rng = random.Random(15452026)
    pieces = [*"ab ạ*_#<\\-.", " ", "  ", "¹", "⁽²⁾", "**", "<sup>3</sup>", "## "]
    for _ in range(4000):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        glyphs = normalize._has_sup(raw)
        assert normalize._clean_nfc_printable(raw, glyphs) == normalize.clean(raw), raw


def test_source_lines_split_paragraphs_as_before() -> None:
    """One-line paragraphs taken whole give the lines splitting every paragraph gives."""
    from trienkhai.documents.extract import sources
    from trienkhai.documents.model import Outline, Paragraph, SourceDocument, Table

    blocks: list[Paragraph | Table] = [
        Paragraph("QUYẾT ĐỊNH", 1),
        Paragraph("**", 2),
        Paragraph(" \t# ", 3),
        Paragraph("Dòng một\n\nDòng *hai*\n**", 5),
        Table([["Nơi nhận:", "KT. CHỦ TỊCH"], ["- Như trên;\n- Lưu: VT.", ""]], 9),
        Paragraph("\nKế hoạch", 12),
        Table([["a", "b", "c", "d"]] * 4, 14),
    ]
    outline = Outline(SourceDocument("a.txt", "txt", blocks), [])
    expected = []
    for bi, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            for offset, raw in enumerate(block.text.split("\n")):
                if raw.strip(" \t*#`"):
                    expected.append((raw, block.line + offset, bi))
    got = sources.SourceLines(outline)._raw
    assert [r for r in got if r[2] not in (4, 6)] == expected
    assert [r[0] for r in got if r[2] == 4] == [
        "Nơi nhận:",
        "- Như trên;",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
    ]


def test_plain_odd_spaces_are_those_a_plain_text_can_hold() -> None:
    """``_ODD_SPACES_PLAIN`` keeps every odd space that is no control but a tab or a vertical
    tab: what a plain text's lines can still hold."""
    kept = set(normalize._ODD_SPACES_PLAIN)
    for ch in normalize._NFKC_ODD_SPACES:
        control = ch < " " or "\x7f" <= ch <= "\x9f"
        assert (ch in kept) == (not control or ch in "\t\x0b"), repr(ch)


def test_plain_reading_flags_and_cleaning() -> None:
    """A plain UTF-8 file is read ``plain``; one with a control character, a legacy one, is
    not; cleaning a plain document's paragraphs gives what cleaning them one by one gives."""
    from trienkhai.documents.readers import read_bytes

    text = "Kế hoạch\tsố 12\x0b\n\nDòng\u2028hai\u200b ba\r\nbốn\fnăm\n"
    src = read_bytes(text.encode(), "a.txt")
    assert src.plain
    raws = [b.text for b in src.blocks]
    assert normalize.clean_all_glyphs(raws, nfkc=src.nfkc, plain=True)[0] == [
        normalize.clean(r) for r in raws
    ]
    assert not read_bytes("Kế hoạch\x1esố 12\n".encode(), "a.txt").plain
    assert not read_bytes("Kế hoạch\x85 số 12\n".encode(), "a.txt").plain


def test_no_odd_space_plain_matches_on_plain_texts() -> None:
    rng = random.Random(1545)
    pieces = [*"ab ạ ế", "\t", "\x0b", "\u200b", "\u1680", "\u2028", "\u2029", "  "]
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        assert normalize._no_odd_space(text, True) == normalize._no_odd_space(text), repr(text)


def test_memo_is_per_outline() -> None:
    """Computed once per outline and key, kept with the outline, never shared with another."""
    from trienkhai.documents.extract import sources
    from trienkhai.documents.model import Outline, SourceDocument

    calls: list[str] = []

    def compute(value: str) -> str:
        calls.append(value)
        return value

    first = Outline(SourceDocument("a.txt", "txt", []), [])
    second = Outline(SourceDocument("a.txt", "txt", []), [])
    assert sources.memo(first, "k", lambda: compute("one")) == "one"
    assert sources.memo(first, "k", lambda: compute("again")) == "one"
    assert sources.memo(second, "k", lambda: compute("two")) == "two"
    assert sources.memo(first, "none", lambda: compute("none") and None) is None
    assert sources.memo(first, "none", lambda: compute("never")) is None
    assert calls == ["one", "two", "none"]
    assert first == second  # (the memo, different in each, takes no part in ==)
