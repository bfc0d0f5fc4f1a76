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

GLYPH_PIECES = [*"ab mMx ⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹ⁱ\u2072\u2073()1ạ", "m²", "⁽¹⁾", "M³", "⁽¹²⁾"]


def _plain_take(text: str) -> tuple[str, list[str]]:
    labels: list[str] = []

    def _glyph(m: re.Match[str]) -> str:
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
