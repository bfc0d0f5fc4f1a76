"""The .pdf reader on LibreOffice renderings of the fixtures (real text layers)."""

from __future__ import annotations

import pytest

from trienkhai.documents.errors import CorruptDocumentError, NoTextLayerError
from trienkhai.documents.model import Paragraph, Table
from trienkhai.documents.readers import read_bytes

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def plan(documents):
    return read_bytes((documents / "ubnd_2025_chuyen_doi_so.pdf").read_bytes(), "plan.pdf")


def texts(doc):
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_pages_are_set_and_lines_come_in_reading_order(plan):
    assert plan.format == "pdf"
    assert plan.blocks[0].page == 1 and plan.blocks[-1].page >= 4
    body = texts(plan)
    assert (
        body.index("I. MỤC ĐÍCH, YÊU CẦU")
        < body.index("II. MỤC TIÊU")
        < body.index("V. TỔ CHỨC THỰC HIỆN")
    )


def test_side_by_side_header_reads_left_column_first(plan):
    assert texts(plan)[:3] == ["ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 123/KH-UBND"]


def test_page_numbers_are_dropped(plan):
    assert not any(t.strip().isdigit() for t in texts(plan))


def test_list_label_stays_with_its_text(plan):
    assert any(t.startswith("a) Sở Khoa học và Công nghệ chủ trì") for t in texts(plan))


def test_footnote_anchor_and_body_are_separated(plan):
    assert any("57-NQ/TW<sup>1</sup>" in t for t in texts(plan))
    assert [f.label for f in plan.footnotes] == ["1"]
    assert plan.footnotes[0].text.startswith("Văn bản được đăng tải")
    assert not any(t.startswith("1 Văn bản") for t in texts(plan))


def test_ruled_appendix_table_continues_across_pages(plan):
    (table,) = [b for b in plan.blocks if isinstance(b, Table)]
    assert table.rows[0] == [
        "STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm",
    ]  # fmt: skip
    assert [r[0] for r in table.rows] == ["STT", "I", "1", "2", "II", "1", "2", "III", "1"]


def test_scanned_pdf_has_no_text_layer(documents):
    with pytest.raises(NoTextLayerError, match="OCR"):
        read_bytes((documents / "bad" / "scanned.pdf").read_bytes(), "scan.pdf")


def test_truncated_pdf_is_corrupt(documents):
    data = (documents / "ubnd_2025_tabs.pdf").read_bytes()
    with pytest.raises((CorruptDocumentError, NoTextLayerError)):
        read_bytes(data[: len(data) // 3], "cut.pdf")


def test_wrapped_lines_are_rejoined_into_their_paragraphs(plan, documents):
    source = (documents / "ubnd_2025_chuyen_doi_so.txt").read_text(encoding="utf-8")
    for line in (
        "a) Sở Khoa học và Công nghệ chủ trì, phối hợp với Báo và Phát thanh, Truyền hình tỉnh "
        "đẩy mạnh tuyên truyền về vai trò của khoa học, công nghệ, đổi mới sáng tạo và chuyển "
        "đổi số đối với sự phát triển của tỉnh.",
        "- Kinh tế số chiếm tỷ trọng ít nhất 20% GRDP của tỉnh.",
    ):
        assert line in source
        assert line in texts(plan)
    # headings and list items stay apart even when the line above is full
    assert "II. MỤC TIÊU" in texts(plan) and "1. Mục tiêu chung" in texts(plan)


def _words(*spec):
    """Words of one printed line: (text, x0, x1) at a given top."""
    top, *items = spec
    return [{"text": t, "x0": x0, "x1": x1, "top": top, "bottom": top + 13} for t, x0, x1 in items]


@pytest.mark.parametrize("right_start", [262.0, 320.0])  # right column left or right of middle
def test_header_block_reads_left_column_first_wherever_the_columns_split(right_start):
    from trienkhai.documents.readers.pdf import _reading_order

    lines = [
        _words(60, ("ỦY", 100, 115), ("BAN", 118, 140), ("CỘNG", right_start, right_start + 40)),
        _words(76, ("TỈNH", 110, 140), ("Độc", right_start + 30, right_start + 50)),
        _words(92, ("Số:", 105, 125), ("12/KH-UBND", 128, 200)),
        _words(110, ("KẾ", 260, 275), ("HOẠCH", 278, 330)),
    ]
    order = [
        " ".join(w["text"] for seg in segs for w in seg)
        for _, segs, _ in _reading_order(lines, 297.5)
    ]
    assert order == ["ỦY BAN", "TỈNH", "Số: 12/KH-UBND", "CỘNG", "Độc", "KẾ HOẠCH"]
