"""The whole-document shortcuts give what cleaning one text at a time gives.

``normalize.clean_all`` and ``sources._one_lines`` scan the joined text once and clean one by
one only the texts that need it; these checks compare them with ``clean`` / ``one_line`` on
random texts full of the characters that matter (markup, footnote glyphs, odd and doubled
spaces, decomposed accents, compatibility characters).
"""

from __future__ import annotations

import random

from trienkhai.documents import normalize
from trienkhai.documents.extract import sources

PIECES = [
    *"ab mMtIVX1.2)-–:;*_#<>\\/⁽⁾⁰¹²³⁴⁵⁶⁷⁸⁹ạếđ`",
    "<sup>1</sup>",
    "<b>",
    "  ",
    "\u00a0",
    "\t",
    "\n",
    "\r",
    "\u200b",
    "\u2002",
    "\u3000",
    "e\u0301",
    "**",
    "__",
    "* ",
    "## ",
    "m²",
    "…",
    "ﬁ",
    "•",
    "—",
]
PLAIN = "ab mMtIVX1.2)-–:;ạếđ"


def _texts(rng: random.Random) -> list[str]:
    texts = [
        "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        for _ in range(rng.randint(0, 6))
    ]
    if rng.random() < 0.5:  # mostly plain texts: the shortcut's usual case
        texts = [t if rng.random() < 0.3 else "".join(c for c in t if c in PLAIN) for t in texts]
    return texts


def test_clean_all_is_clean_of_each() -> None:
    rng = random.Random(20261122)
    for _ in range(1500):
        raws = _texts(rng)
        assert normalize.clean_all(raws) == [normalize.clean(r) for r in raws], raws


def test_one_lines_is_one_line_of_each() -> None:
    rng = random.Random(11222026)
    for _ in range(1500):
        texts = _texts(rng)
        assert sources._one_lines(texts) == [sources.one_line(t) for t in texts], texts


def test_strip_markup_bold_and_stars() -> None:
    assert normalize.strip_markup("_**_") == "__"
    assert normalize.strip_markup("a ***b** c") == "a b c"
    assert normalize.strip_markup("__x__ **y**") == "x y"
    assert normalize.strip_markup("  * item *x*") == "• item x"
    assert normalize.strip_markup("a # b") == "a # b"
    assert normalize.strip_markup("  ## Tiêu đề") == "Tiêu đề"


def test_superscripts_after_m_stay() -> None:
    assert normalize.take_anchors("100 m² và 5 km³ ¹²") == ("100 m² và 5 km³ ", ["12"])
    assert normalize.take_anchors("M²³ x⁽⁴⁾") == ("M² x", ["3", "4"])
