"""The clerk's checks: each one fires on its slip, with its line, and stays quiet otherwise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from trienkhai.documents.extract.citations import extract_citations
from trienkhai.documents.extract.metadata import extract_document, extract_implements
from trienkhai.documents.extract.reporting import extract_reporting
from trienkhai.documents.extract.targets import extract_targets
from trienkhai.documents.lint import lint_outline, roman_value
from trienkhai.documents.model import Outline, Paragraph, SourceDocument
from trienkhai.documents.readers import read_bytes
from trienkhai.documents.structure import build_outline


def _outline(text: str) -> Outline:
    blocks = [Paragraph(t, i) for i, t in enumerate(text.split("\n"), 1) if t.strip()]
    return build_outline(SourceDocument("doc.txt", "txt", blocks))


def _codes(text: str) -> list[tuple[str, int | None]]:
    return [(w.code, w.line) for w in lint_outline(_outline(text))]


CLEAN = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 45/KH-UBND
Quảng Trị, ngày 02 tháng 01 năm 2025
KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị
I. MỤC ĐÍCH
1. Mục đích
- Quán triệt Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.
2. Yêu cầu
- Phối hợp với các cơ quan liên quan quan tâm thực hiện; tổ chức Đại hội Hội Nông dân.
II. NHIỆM VỤ
a) Người người thi đua.
b) Nhà nhà tham gia.
"""


def test_a_clean_plan_has_no_warnings() -> None:
    assert lint_outline(_outline(CLEAN)) == []


def test_blank_number_and_date() -> None:
    text = "Số: /KH- UBND\nThanh Hóa, ngày tháng năm 2024\nKẾ HOẠCH\nabc\n"
    assert _codes(text) == [("blank_number", 1), ("blank_date", 2)]


def test_doubled_words() -> None:
    text = "KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n- Thực hiện thực hiện tốt; báo cáo về về Sở Nội vụ.\n"
    assert _codes(text) == [("doubled_word", 4), ("doubled_word", 4)]


def test_numbering_that_repeats_or_skips() -> None:
    text = (
        "KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n1. Mục đích\n3. Yêu cầu\nII. NHIỆM VỤ\n"
        "III. GIẢI PHÁP\nIII. TỔ CHỨC THỰC HIỆN\na) Một việc.\nc) Việc khác.\n"
    )
    got = _codes(text)
    assert ("numbering_skip", 5) in got
    assert ("numbering_repeat", 8) in got
    assert ("numbering_skip", 10) in got
    assert len(got) == 3


def test_doubled_words_whatever_symbols_the_text_holds() -> None:
    """A symbol the check once used as its own separator ("␞") is just text (it used to stop the
    extraction when a doubled word followed it)."""
    text = "KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n- Ký hiệu ␞ trong bảng.\n- Thực hiện thực hiện tốt.\n"
    assert _codes(text) == [("doubled_word", 5)]


def test_numbering_deeper_than_four_levels_is_checked_not_fatal() -> None:
    """An appendix may number its rows 1.1.1.1.1 and deeper: the check must follow them (it used to
    stop the whole extraction on a level it had no name for)."""
    text = (
        "KẾ HOẠCH\nabc\nI. NHIỆM VỤ\n\n| STT | Nhiệm vụ | Cơ quan chủ trì | Thời gian |\n"
        "|---|---|---|---|\n| 1.1.1.1.1 | Nhóm việc |  |  |\n"
        "| 1.1.1.1.1.1 | Rà soát | Sở Tư pháp | Quý II/2025 |\n"
        "| 1.1.1.1.3 | Nhóm khác |  |  |\n"
        "| 1.1.1.1.3.1 | Rà soát thủ tục | Sở Tư pháp | Quý III/2025 |\n"
    )
    outline = build_outline(
        read_bytes(text.encode(), "appendix.txt")
    )  # the reader parses the table
    assert [(w.code, w.line) for w in lint_outline(outline)] == [("numbering_skip", 8)]


def test_same_document_with_different_terms_and_dates() -> None:
    text = (
        "KẾ HOẠCH\nThực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XVIII)\n"
        "I. MỤC ĐÍCH\n- Quán triệt Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung "
        "ương Đảng (khóa XIII).\n- Thực hiện Nghị quyết số 43-NQ/TW ngày 25/11/2023 của Ban Chấp "
        "hành Trung ương Đảng (khóa XIII).\n"
    )
    warnings = lint_outline(_outline(text))
    codes = [(w.code, w.line) for w in warnings]
    assert ("citation_terms", 2) in codes
    assert ("citation_dates", 5) in codes
    terms = next(w for w in warnings if w.code == "citation_terms")
    assert "XVIII" in terms.message and "XIII" in terms.message


def test_undated_citation_and_english_messages() -> None:
    text = "KẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n- Thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương.\n"
    (warning,) = lint_outline(_outline(text), lang="en")
    assert warning.code == "citation_undated"
    assert warning.line == 4
    assert warning.message == "Kết luận số 21-KL/TW is cited without its issue date"
    (vi,) = lint_outline(_outline(text))
    assert vi.message == "Kết luận số 21-KL/TW được dẫn mà không ghi ngày ban hành"


def test_roman_values() -> None:
    assert [roman_value(x) for x in ("I", "IV", "IX", "XIV", "XVIII")] == [1, 4, 9, 14, 18]


TOKENS = [
    "KẾ HOẠCH", "Nghị quyết", "số", "43-NQ/TW", "02- HD/TU", "33/CT-TTg", "ngày", "24/11/2023",
    "10/12", "tháng", "năm", "2024", "của", "Ban Chấp hành Trung ương Đảng", "(khóa XIII)", "và",
    ",", ";", ".", ":", "định kỳ", "hằng quý", "6 tháng", "báo cáo", "UBND tỉnh", "(qua", ")",
    "trước ngày", "trên", "từ", "01 - 02", "95%", "trở lên", "Số:", "/KH-UBND", "T/M", "BÍ THƯ",
    "I.", "II.", "1.", "a)", "-", "\n", "\n\n", "thực hiện", "Thực hiện", "Mục tiêu cụ thể",
    "phấn đấu", "đến năm 2030", "Luật", "số 10/2022/QH15", "Hội nghị Trung ương", "²",
]  # fmt: skip


@given(st.lists(st.sampled_from(TOKENS), max_size=80))
@settings(max_examples=150, deadline=None)
def test_extractors_never_raise_on_shuffled_plan_language(tokens: list[str]) -> None:
    """Any arrangement of plan words gives lists of the contract's shape, never an exception."""
    outline = _outline(" ".join(tokens))
    document = extract_document(outline)
    assert document["kind"]
    for items in (
        extract_implements(outline, document),
        extract_citations(outline, document),
        extract_targets(outline),
        extract_reporting(outline),
        lint_outline(outline),
    ):
        assert isinstance(items, list)


def test_a_central_term_that_had_not_begun() -> None:
    text = (
        "Số: /KH-UBND\nThanh Hóa, ngày tháng năm 2024\nKẾ HOẠCH\nabc\nI. MỤC ĐÍCH\n"
        "- Thực hiện Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng "
        "(khóa XVIII).\n- Thực hiện Nghị quyết số 05-NQ/TU ngày 10/9/2021 của Tỉnh ủy (khóa XIX).\n"
    )
    warnings = [w for w in lint_outline(_outline(text)) if w.code == "citation_term_unknown"]
    assert [(w.line, "XVIII" in w.message, "2024" in w.message) for w in warnings] == [
        (6, True, True)
    ]
