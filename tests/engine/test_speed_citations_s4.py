"""The issuer's stop pattern, read from one case-sensitive class, finds what the plain one finds.

The plain pattern is the alternation it replaces, compiled case-insensitively as a whole; it is
searched at every position of the fixture documents and of generated issuers in mixed case.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from trienkhai.documents.extract import citations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
# the pattern as first written: one case-insensitive alternation
_PLAIN_STOP = re.compile(
    r"[,;:.()\[\]“”\"]|\s(?:"
    + citations._alternation_by_initial(citations._ISSUERS["issuer_stops"])
    + r")(?=\s|$)"
    r"|\svà\s(?=(?-i:[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ])"
    r"|(?:" + citations._alternation_by_initial(list(citations.WORD_TO_KIND)) + r")\b)",
    re.IGNORECASE,
)


def test_stop_opening_class_reads_as_under_ignorecase() -> None:
    plain = re.compile(citations._ISSUER_STOP_PUNCT + r"|\s", re.IGNORECASE)
    fast = re.compile(r"(?-i:[,;:.()\[\]“”\"\s])", re.IGNORECASE)
    for ch in map(chr, range(0x110000)):
        assert (plain.fullmatch(ch) is None) == (fast.fullmatch(ch) is None), hex(ord(ch))


def _same_everywhere(text: str) -> None:
    for pos in range(len(text)):
        a = _PLAIN_STOP.search(text, pos, pos + 160)
        b = citations._ISSUER_STOP.search(text, pos, pos + 160)
        assert (a and a.span()) == (b and b.span()), (text[pos : pos + 160], a, b)


def test_stop_finds_what_the_plain_pattern_finds_in_the_fixtures() -> None:
    for path in sorted(FIXTURES.glob("*.txt")):
        _same_everywhere(path.read_text(encoding="utf-8", errors="replace"))


_WORDS = [
    "của",
    "Ban",
    "Chấp",
    "hành",
    "Trung",
    "ương",
    "Đảng",
    "về",
    "VỀ",
    "và",
    "VÀ",
    "Và",
    "kế hoạch",
    "KẾ HOẠCH",
    "Nghị quyết",
    "nghị  quyết",
    "thực\nhiện",
    "số",
    "SỐ",
    "ſố",
    "Tỉnh ủy",
    "(khóa",
    "XIII)",
    ",",
    ";",
    ".",
    "“",
    "”",
    '"',
    "[",
    "]",
    ":",
    "lần",
    "thứ",
    "tám",
    "trong",
    "TRONG",
    "luật",
    "Luật",
    "quyết định",
    "đã",
    "Đã",
    "giai đoạn",
    "2021",
    "Kế",
    "hoạch",
    "Bộ",
    "Chính",
    "trị",
    "Thủ",
    "tướng",
    "Chính phủ",
    "\u00a0",
    "\t",
    "-",
]


def test_stop_finds_what_the_plain_pattern_finds_in_generated_issuers() -> None:
    rng = random.Random(4)
    for _ in range(400):
        words = rng.choices(_WORDS, k=rng.randint(1, 14))
        text = "".join(w + rng.choice([" ", " ", "  ", "\n", ""]) for w in words)
        _same_everywhere(text)
