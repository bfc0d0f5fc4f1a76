"""The structure stage's shortcuts give what the plain forms they replace give.

``normalize.split_label`` picks the one pattern the first character allows and reads a bullet
without a pattern; the reference below is the earlier form that tried each pattern in turn.
"""

from __future__ import annotations

import random
import re
import sys

from trienkhai.documents import normalize, patterns
from trienkhai.documents.lexicon import load
from trienkhai.documents.structure import common

_LETTERS = load("parts")["item_letters"]
_REF_BULLET = re.compile(r"^([-–—+•●▪◦○►➢✓·*])\s*(?=\S)")
_REF_PAREN = re.compile(rf"^\((\d{{1,2}}|[{_LETTERS}])\)\s*(?=\S)")


def _reference_split_label(text: str) -> tuple[normalize.Label | None, str]:
    first = text[:1]
    if not first:
        return None, text
    if first.isupper() and first not in "IVXL":
        return None, text
    if first.isdigit():
        candidates = (("arabic", normalize._ARABIC_DOTTED), ("arabic", normalize._ARABIC))
    elif first in "IVXL":
        candidates = (("roman", normalize._ROMAN),)
    elif first.islower():
        candidates = (("letter", normalize._LETTER),)
    else:
        candidates = ()
    for marker, pattern in candidates:
        m = pattern.match(text)
        if m:
            return normalize.Label(marker, m.group(1)), text[m.end() :].lstrip()
    if first.isalnum():
        return None, text
    if first == "(":
        m = _REF_PAREN.match(text)
        if m:
            return normalize.Label("letter", m.group(1)), text[m.end() :].lstrip()
        return None, text
    m = _REF_BULLET.match(text)
    if m:
        glyph = normalize._BULLET_CANON.get(m.group(1), m.group(1))
        return normalize.Label("bullet", glyph), text[m.end() :].lstrip()
    return None, text


PIECES = [
    *"-–—+•●▪◦○►➢✓·*()[]IVXLCivxlab đeyz0123456789.:;)/\\Ạạ²ⅰ\u0345",
    " ",
    "  ",
    "\t",
    "\u00a0",
    "\u2003",
    "\u200b",
    "1.",
    "2.1.",
    "II.",
    "a)",
    "(1)",
    "Sở ",
    "nhiệm vụ",
]


def test_split_label_matches_the_pattern_by_pattern_reading() -> None:
    rng = random.Random(20261122)
    for _ in range(30000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 6)))
        expected = _reference_split_label(text)
        assert normalize.split_label(text) == expected, repr(text)
        assert normalize.label_end(text) == (expected[0], len(text) - len(expected[1])), repr(text)


def test_first_chars_read_from_the_pattern() -> None:
    first = patterns.first_chars
    assert first(re.compile(r"^(?:ab|c)x")) == frozenset("ac")
    assert first(re.compile(r"^a+b")) == frozenset("a")
    for unknown in (r"^x?y", r"(?i)^a", r"^[a-c]", r"^(?:a|)b", r"^\s", r"^(?i:a)b", r"^(?:x|y)*z"):
        assert first(re.compile(unknown)) is None, unknown


ZONE_PIECES = [
    *"NnTtKkQqPpİıſK ﬅﬆŉ/.:-–(",
    "Nơi nhận",
    "NOI NHAN",
    "T/M",
    "TM.",
    "KT.",
    "Q. ",
    "PHỤ LỤC",
    "Phụ lục số 01",
    " II",
    "x",
]


def test_the_start_gates_never_drop_a_match() -> None:
    """A line the first-character gate turns away never matches its pattern."""
    gated = [
        (common._RECIPIENTS, common._RECIPIENTS_FIRST),
        (common._SIGNATURE, common._SIGNATURE_FIRST),
        (common._APPENDIX, common._APPENDIX_FIRST),
        (common._TAIL_START, common._TAIL_START_FIRST),
        (common._ZONE_START, common._ZONE_START_FIRST),
    ]
    assert all(first for _, first in gated)  # the shortcut is taken for the lexicon's patterns
    rng = random.Random(7)
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(ZONE_PIECES) for _ in range(rng.randint(0, 5)))
        for pattern, first in gated:
            if pattern.match(common._start(text)):
                matched += 1
                assert patterns.can_open(first, text), (pattern.pattern, text)
    assert matched > 1000


def test_last_chars_read_from_the_pattern() -> None:
    last = patterns.last_chars
    assert last(re.compile(r"ab$")) == (frozenset("b"), frozenset())
    assert last(re.compile(r"(?:x|yz)[.:]?\s*$")) == (
        frozenset("xz"),
        frozenset(".:" + patterns.ANY_SPACE),
    )
    assert last(re.compile(r"a\b$")) == (frozenset("a"), frozenset())
    for unknown in (r"a?$", r"a", r"\w$", r"(?:sau|)$", r"(?i)a$", r"a$b"):
        assert last(re.compile(unknown)) is None, unknown


INTRO_PIECES = [
    *"sauđâySAUĐÂY .:;,\u00a0\tx",
    "..",
    ". ",
    ":.",
    " như sau",
    " sau đây",
    " NHƯ SAU",
    " nhiệm vụ chủ yếu sau",
    " các nội dung sau",
    "Sau",
]


def test_the_intro_gate_never_drops_a_match() -> None:
    assert common._INTRO_LAST  # the shortcut is taken for the lexicon's pattern
    rng = random.Random(11)
    matched = 0
    for _ in range(20000):
        text = "".join(rng.choice(INTRO_PIECES) for _ in range(rng.randint(1, 6))).rstrip()
        if common._INTRO_END.search(text[-60:].casefold()):
            matched += 1
            assert patterns.can_end(common._INTRO_LAST, text), text
    assert matched > 1000


def test_every_space_lies_below_u3001() -> None:
    """``normalize._NFKC_ODD_SPACES`` is read from the characters below U+3001."""
    assert not [hex(c) for c in range(0x3001, sys.maxunicode + 1) if chr(c).isspace()]


ODD_PIECES = [
    *"ab m1.-*#<\\ạếđ",
    "\x1e",
    "\x85",
    "\u1680",
    "\u2028",
    "\u200b",
    "\t",
    "\x01",
    "\xad",
    "  ",
    "**",
    "<sup>2</sup>",
]


def test_clean_all_on_texts_in_nfkc_with_odd_characters() -> None:
    rng = random.Random(3001)
    for _ in range(3000):
        raws = [
            "".join(rng.choice(ODD_PIECES) for _ in range(rng.randint(0, 8)))
            for _ in range(rng.randint(1, 5))
        ]
        if rng.random() < 0.7:  # mostly one odd character at most: the shortcut's own case
            raws = [
                r if rng.random() < 0.2 else "".join(c for c in r if c.isprintable()) for r in raws
            ]
        assert normalize.clean_all(raws) == [normalize.clean(r) for r in raws], raws


_REF_TRAILING = re.compile(r"[\s.:;,\-–]+$")


def _reference_part_of_title(title: str) -> str | None:
    if not title or title.count(" ") >= common._PART_MAX_WORDS:
        return None
    folded = _REF_TRAILING.sub("", title.casefold()).lstrip("0123456789. ")
    folded = common._PART_PREFIX.sub("", folded)
    if not folded:
        return None
    m = common._PART_CUE.match(folded)
    return common._PART_OF_CUE[m.group(0)] if m else None


TITLE_PIECES = [
    *" .:;,-–\t\n\u00a01IIa",
    "NHIỆM VỤ",
    "nhiệm vụ, giải pháp",
    "TỔ CHỨC THỰC HIỆN",
    "Phần thứ hai: ",
    "PHẦN I. ",
    "MỤC ĐÍCH, YÊU CẦU",
    "phụ lục",
    "x",
]


def test_part_of_title_strips_the_end_as_the_pattern_did() -> None:
    rng = random.Random(14)
    found = 0
    for _ in range(20000):
        title = "".join(rng.choice(TITLE_PIECES) for _ in range(rng.randint(0, 6)))
        expected = _reference_part_of_title(title)
        found += expected is not None
        assert common._part_of_title(title) == expected, repr(title)
    assert found > 1000


def test_clean_all_marks_only_the_texts_with_doubled_or_edge_spaces() -> None:
    """Spaces at every edge, doubled ones, empty texts between: cleaned as one by one."""
    rng = random.Random(2)
    pieces = [" ", "  ", "a", "ạ", "-", "*"]
    for _ in range(5000):
        raws = [
            "".join(rng.choice(pieces) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(1, 6))
        ]
        assert normalize.clean_all(raws) == [normalize.clean(r) for r in raws], raws
