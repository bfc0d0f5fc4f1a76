"""The shortcuts of citation reading give what the plain reading gives.

Each shortcut (a date read in the same match as its lead, ...) is checked against the plain
steps it replaces, on the fixture documents' lines and on generated tails built from the pieces
a citation is printed with, in mixed case and with odd spacing.
"""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

from trienkhai.documents.extract import citations, dates, metadata
from trienkhai.documents.extract.dates import date_value_at

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
_PLAIN_LEAD = re.compile(
    r"[\s,(]*(?:(?:được\s+)?ban\s+hành\s+)?(?P<day>ngày\s*)?(?=\d)", re.IGNORECASE
)


def _plain_date_at(text: str, pos: int) -> tuple[date | None, int]:
    """The date after a number read by the lexicon's patterns only (no shortcut)."""
    lead = _PLAIN_LEAD.match(text, pos)
    if lead is None:
        return None, pos
    endpos = pos + citations._DATE_WINDOW
    found = None
    if (day := lead.start("day")) >= 0:
        found = date_value_at(text, day, endpos)
    if found is None:
        found = date_value_at(text, lead.end(), endpos)
    if found is None or found[0] is None:
        return None, pos
    return found


_PIECES = [
    " ",
    "  ",
    ", ",
    "(",
    "ngày",
    "Ngày",
    "NGÀY",
    " ngày ",
    "ban hành ",
    "được ban hành ",
    "tháng",
    " tháng ",
    "năm",
    " năm ",
    "/",
    " / ",
    "-",
    ".",
    "…",
    "_",
    "của ",
    "1",
    "18",
    "31",
    "02",
    "5",
    "12",
    "13",
    "2021",
    "20211",
    "1999",
    "x",
]


def _cases() -> list[tuple[str, int]]:
    rng = random.Random(11)
    cases: list[tuple[str, int]] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for line in text.splitlines():
            cases.extend((line, i) for i, ch in enumerate(line) if ch in "/WUPBHG")
    for _ in range(20000):
        tail = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 12)))
        cases.append(("Nghị quyết số 43-NQ/TW" + tail, len("Nghị quyết số 43-NQ/TW")))
    for day, month in ((18, 5), (31, 2), (29, 2), (1, 13), (9, 12)):
        for lead in ("", " ", ", ngày ", " ngày", " NGÀY ", " ban hành ngày ", ", (ngày "):
            for year in ("2021", "2020", "20211", "2021/", "2021 "):
                tail = f"{lead}{day}/{month}/{year}"
                cases.append(("Kết luận số 01-KL/TW" + tail + " của Bộ Chính trị", 20))
                cases.append(("Kết luận số 01-KL/TW" + " " * 40 + tail, 20))
    return cases


def test_date_at_reads_as_the_lexicon_patterns() -> None:
    for text, pos in _cases():
        assert citations._date_at(text, pos) == _plain_date_at(text, pos), (text, pos)


def test_issuing_verbs_match_only_what_lower_cases_to_them() -> None:
    """The premise of ``metadata._issuing``: a verb's letter matches, case-insensitively, only
    characters whose ``str.lower()`` is that letter."""
    letters = sorted({ch for verb in metadata._ISSUING_VERBS for ch in verb})
    any_letter = re.compile("[" + "".join(re.escape(ch) for ch in letters) + "]", re.IGNORECASE)
    found = [ch for ch in map(chr, range(0x110000)) if any_letter.fullmatch(ch)]
    assert found
    for ch in found:
        for letter in letters:
            if re.fullmatch(re.escape(letter), ch, re.IGNORECASE):
                assert ch.lower() == letter, (ch, letter)


def _issuing_texts() -> list[str]:
    rng = random.Random(5)
    texts: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        texts.extend(path.read_bytes().decode("utf-8", errors="replace").splitlines())
    words = [
        "ban hành",
        "BAN HÀNH",
        "Ban  hành",
        "xây dựng",
        "Xây Dựng",
        "xây dựng và ban hành",
        "XÂY DỰNG VÀ BAN HÀNH",
        "kế hoạch",
        "Kế Hoạch",
        "KẾ HOẠCH",
        "chương trình",
        "nghị quyết",
        "İ",
        "ban",
        "hành",
        "và",
        "kế hoạchs",
        ",",
        " ",
        "  ",
        "\n",
    ]
    for _ in range(5000):
        texts.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 10))))
    return texts


def test_issuing_finds_what_finditer_finds() -> None:
    for kind in ("ke_hoach", "chuong_trinh", "nghi_quyet", "no_such_kind"):
        pattern = metadata._issuing_re(kind)
        for text in _issuing_texts():
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in metadata._issuing(pattern, text)] == expected, text


def test_attached_mark_is_in_every_text_holding_the_lead() -> None:
    """The premises of ``metadata._holds_lead``: only the characters of ``_ATTACHED_MARK``
    lower-case to a text holding the lead's non-ASCII letter, and no character that
    lower-cases to several gives any of the lead's letters."""
    lead = metadata._KINDS["attached_to"]
    letter = metadata._ATTACHED_LETTER
    assert lead[metadata._ATTACHED_AT] == letter
    assert not {"σ", "ς"} & set(lead)  # the one lower-casing that depends on what follows
    for ch in map(chr, range(0x110000)):
        low = ch.lower()
        if letter in low:
            assert ch in metadata._ATTACHED_MARK, ch
        if len(low) > 1:
            assert not set(low) & set(lead), ch


def test_holds_lead_is_the_lower_cased_search() -> None:
    rng = random.Random(3)
    texts: list[str] = []
    for path in sorted(FIXTURES.glob("*.txt")):
        texts.extend(path.read_bytes().decode("utf-8", errors="replace").splitlines())
    pieces = ["kèm", "KÈM", "Kèm", "k", "K", "\u212a", "è", "È", "e\u0300", "m", " ", "  ", "theo"]
    pieces += ["THEO", "Theo", "İ", "Σ", "x", "ké", "kèm theo", "Kèm Theo", "KÈM THEO", "/"]
    for _ in range(20000):
        texts.append("".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))))
    lead = metadata._KINDS["attached_to"]
    assert any(lead in t.lower() for t in texts)
    for text in texts:
        assert metadata._holds_lead(text) == (lead in text.lower()), text


def _plain_kind_before(text: str, start: int) -> tuple[str, int, str] | None:
    """The kind word before a number read without the shortcut for a lead of its own."""
    lo = max(0, start - citations._WINDOW)
    window = text[lo:start].lower().rstrip()
    for lead in citations._LEADS:
        if window.endswith(lead) and (
            len(window) == len(lead) or not window[-len(lead) - 1].isalpha()
        ):
            window = window[: -len(lead)].rstrip()
            break
    last = window.rsplit(None, 1)[-1] if window else ""
    for word in citations._PLAIN_BY_LAST.get(last, ()):
        if window.endswith(word):
            begin = len(window) - len(word)
            if begin == 0 or not window[begin - 1].isalnum():
                return citations.WORD_TO_KIND[word], lo + begin, "citation.kind_word"
    lo = max(0, start - citations._NAMED_WINDOW)
    if m := citations._NAMED_BEFORE.search(text, lo, start):  # (the plain step: no pre-check)
        return citations.kind_of_word(m["named"]), m.start(), "citation.named"
    return None


def test_kind_before_reads_as_the_plain_steps() -> None:
    rng = random.Random(7)
    cases = [(text, pos) for text, pos in _cases() if pos < len(text)]
    pieces = ["Nghị quyết", "NGHỊ QUYẾT", "nghị  quyết", "Chương trình hành động", "Luật Đất đai"]
    pieces += [
        "số",
        "Số:",
        "SỐ",
        "số:",
        "(số",
        "xsố",
        ":",
        " ",
        "  ",
        "\t",
        "\u00a0",
        ",",
        "và",
        "5",
    ]
    for _ in range(20000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", "  "]) for _ in range(6))
        cases.append((text + "43-NQ/TW", len(text)))
    for text, pos in cases:
        assert citations._kind_before(text, pos) == _plain_kind_before(text, pos), (text, pos)


def _plain_find_dates(text: str) -> list[dates.DateMatch]:
    """``dates.find_dates`` without its test for four digits."""
    found: list[dates.DateMatch] = []
    for pattern in dates._FULL:
        for m in pattern.finditer(text):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            value = dates.make_date(y, mo, d)
            if value is not None:
                found.append(dates.DateMatch(m.start(), m.end(), value, y, m.group(0)))
    for pattern in dates._BLANK:
        for m in pattern.finditer(text):
            found.append(dates.DateMatch(m.start(), m.end(), None, int(m["y"]), m.group(0)))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[dates.DateMatch] = []
    for item in found:
        if out and item.start < out[-1].end:
            continue
        out.append(item)
    return out


def test_find_dates_reads_as_the_patterns() -> None:
    texts = [text for text, _ in _cases()]
    texts += [
        "ngày tháng năm",
        "ngày .../.../",
        "ngày 10 tháng 01 năm 202",
        "10/01/٢٠٢٣",
        "١٠/٠١/٢٠٢٣",
    ]
    assert any(dates.find_dates(t) for t in texts)
    for text in texts:
        assert dates.find_dates(text) == _plain_find_dates(text), text
