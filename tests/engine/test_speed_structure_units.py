"""``Outline.clean``: an outline made by ``build_outline`` says its node texts are clean, and
``sources`` then looks only for the few marks cleaning leaves. These checks build outlines
of real documents (every format) and of random ones full of what cleaning acts on, and
compare the units with those of the same outline read the full way (``clean`` False).
Also: ``normalize.strip_markup`` removes the stars of a text that no bullet can open in one
pass, as the two passes it replaces did.
"""

from __future__ import annotations

import dataclasses
import random
import unicodedata
from pathlib import Path

import pytest

from trienkhai.documents import normalize, read_bytes
from trienkhai.documents.extract import sources
from trienkhai.documents.model import Outline, Table
from trienkhai.documents.readers import text as text_module
from trienkhai.documents.structure import build_outline

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def _same_units(outline: Outline) -> None:
    full = dataclasses.replace(outline, clean=False)
    fast = [(u.text, u.line, u.breaks) for u in sources._body_units(outline)]
    assert fast == [(u.text, u.line, u.breaks) for u in sources._body_units(full)]


def _assert_clean(outline: Outline) -> None:
    """What the flag promises: each text, but for the marks looked for, is its own one_line."""
    for node in [*outline.head, *outline.nodes, *outline.tail]:
        text = node.text
        if not any(mark in text for mark in sources._CLEAN_MARKS):
            assert sources.one_line(text) == text, repr(text)


def test_documents_of_every_format(seeds_dir: Path) -> None:
    paths = [p for p in sorted(FIXTURES.glob("*.*")) if not p.name.endswith(".json")]
    paths += sorted(seeds_dir.glob("*.txt"))
    flagged = 0
    for path in paths:
        outline = build_outline(read_bytes(path.read_bytes(), path.name))
        if outline.clean:
            flagged += 1
            _assert_clean(outline)
        _same_units(outline)
    assert flagged >= 4


PIECES = [
    *"ab mMtIVX1.2)-–:;ạếđ",
    "I. NHIỆM VỤ",
    "1. ",
    "- ",
    "* ",
    "a) ",
    "**",
    "*",
    "__",
    "#",
    "## ",
    "`",
    "<b>",
    "<sup>1</sup>",
    "<a-b>",
    "\\*",
    "⁽¹⁾",
    "¹",
    "m²",
    "M³",
    "⁽",
    "…",
    "ﬁ",
    "e\u0301",
    "  ",
    " ",
    "\t",
    "\u00a0",
    "\u2003",
    "\u200b",
    "\u3000",
    "(1) ",
    "thực hiện",
    " | ",
    "\t",
    "PHỤ LỤC",
]


def test_random_documents() -> None:
    rng = random.Random(1122)
    flagged = 0
    for _ in range(1500):
        lines = [
            "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8)))
            for _ in range(rng.randint(1, 12))
        ]
        sep = rng.choice(["\n", "\n\n", "  \n"])
        lines.append("x")  # (an empty file is refused)
        outline = build_outline(read_bytes(sep.join(lines).encode(), "doc.txt"))
        if outline.clean:
            flagged += 1
            _assert_clean(outline)
        _same_units(outline)
    assert flagged > 300


def test_a_hand_made_outline_is_not_clean() -> None:
    outline = build_outline(read_bytes(b"I. M\xe1\xbb\xa4C TI\xc3\x8aU\n\n- a  b", "doc.txt"))
    assert outline.clean
    assert not Outline(outline.source, outline.nodes).clean


def _reference_stars(text: str) -> str:
    """strip_markup's star handling as it was: "**" removed first, then a bullet or the rest."""
    star = "*" in text
    if star:
        text = text.replace("**", "")
    if star and "*" in text:
        stripped = text.lstrip()
        if stripped.startswith("* ") or stripped.startswith("*\t"):
            return "• " + stripped[2:].replace("*", "")
        return text.replace("*", "")
    return text


def test_stars_removed_in_one_pass_as_in_two() -> None:
    rng = random.Random(7)
    pieces = ["*", "**", " ", "\t", "\u00a0", "a", "ạ", "-", "\n"]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 7)))
        assert normalize.strip_markup(text) == _reference_stars(text), repr(text)


def test_lines_of_a_text_in_nfkc_are_in_nfkc() -> None:
    """SourceDocument.nfkc: the text reader checks the whole text once; its lines, and the
    lines joined by spaces as clean_all joins them, are then in NFKC too."""
    rng = random.Random(5)
    pieces = ["e", "a", "\u0301", "\u0323", "\u0302", "ạ", "ế", " ", "\n", "\u1100", "\u1161"]
    pieces += ["\u0915", "\u093c", "\u05d0", "\u05b7", "x\u0338", "\u3099", "\u304b", "¹", "ﬁ"]
    checked = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        if not unicodedata.is_normalized("NFKC", text):
            continue
        checked += 1
        lines = text.split("\n")
        assert all(unicodedata.is_normalized("NFKC", line) for line in lines), repr(text)
        assert unicodedata.is_normalized("NFKC", " ".join(lines)), repr(text)
    assert checked > 1000


def test_the_text_reader_says_when_its_text_is_in_nfkc() -> None:
    assert read_bytes("Kế hoạch\n\n- một".encode(), "a.txt").nfkc
    assert not read_bytes("Kế hoạch¹\n\n- một".encode(), "a.txt").nfkc
    assert not read_bytes("Ke\u0301 hoạch\n\n- một".encode(), "a.txt").nfkc
    assert not read_bytes("Kế\fhoạch\n\n- một".encode(), "a.txt").nfkc


def test_the_fast_path_of_text_blocks_gives_the_line_by_line_blocks(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """text_blocks takes its fast path when no "|" or tab, no "<t" and no "+-", "+=", "+:"
    occur: the same blocks as the line by line path (forced here)."""
    rng = random.Random(9)
    pieces = ["<sup>1</sup>", "<", "<t", "<T", "<b>", "x<y", "+", "-", "=", ":", "a", " "]
    pieces += ["Kế hoạch", "\n", "\n\n", "  ", "1 + 2", "+---+", "+===+", "+:--+"]
    pieces += ["<TABLE><TR><TD>a</TD><TD>b</TD></TR></TABLE>", "\n<table>\n<tr><td>x</td></tr>\n"]
    pieces += ["</table>\n", "\n+---+---+\n| a | b |\n+---+---+\n"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 10))) for _ in range(4000)]
    fast = [text_module.text_blocks(text) for text in texts]
    monkeypatch.setattr(text_module, "_may_hold_table", lambda text: True)
    tables = 0
    for text, blocks in zip(texts, fast, strict=True):
        assert blocks == text_module.text_blocks(text), repr(text)
        tables += any(isinstance(b, Table) for b in blocks)
    assert tables > 100


def test_a_table_with_a_glyph_in_a_cell() -> None:
    """A table's cells are cleaned apart from the paragraphs: "m²" kept in one (cleaning
    keeps a unit's exponent) leaves the outline not clean, and its units as read in full."""
    rows = ["STT | Nhiệm vụ | Diện tích", "1 | Xây dựng nhà | 20 m²", "2 | Sửa đường | 5 km"]
    for cell in ("20 m²", "20 m2"):
        text = "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n" + "\n".join(rows).replace("20 m²", cell)
        outline = build_outline(read_bytes(text.encode(), "doc.txt"))
        assert any(node.cells for node in outline.nodes)
        assert outline.clean == (cell == "20 m2")
        _same_units(outline)
