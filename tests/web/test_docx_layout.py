"""The official Word layout, read back with python-docx: fonts, sizes, alignment, tables."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from trienkhai.web.consolidation.docx_layout import (
    OfficialDocument,
    Section,
    Signature,
    TableBlock,
    number_line,
    render_docx,
    vietnamese_date,
)


def _doc(**changes: object) -> OfficialDocument:
    base: dict[str, object] = {
        "style": "state",
        "parent_body": "UBND tỉnh Bình Thuận",
        "issuing_body": "Sở Nội vụ",
        "number": "12/BC-SNV",
        "place": "Phan Thiết",
        "date": dt.date(2026, 1, 5),
        "title": "Kết quả thực hiện Kế hoạch số 45/KH-UBND quý IV năm 2025",
        "sections": [
            Section("I. KẾT QUẢ", ["Các đơn vị đã triển khai đầy đủ."]),
            Section(
                "II. CHỈ TIÊU",
                [TableBlock(["STT", "Chỉ tiêu", "Đạt"], [["1", "Tỷ lệ hồ sơ trực tuyến", "75%"]])],
            ),
        ],
        "recipients": ["UBND tỉnh (b/c)", "Lưu: VT"],
        "signature": Signature("KT. Giám đốc", "Phó Giám đốc", "Nguyễn Văn A"),
    }
    base.update(changes)
    return OfficialDocument(**base)  # type: ignore[arg-type]


def _read(doc: OfficialDocument):  # type: ignore[no-untyped-def]
    return Document(io.BytesIO(render_docx(doc)))


def _all_paragraphs(word) -> list:  # type: ignore[no-untyped-def]
    found = list(word.paragraphs)
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                found.extend(cell.paragraphs)
    return found


def _find(word, text: str):  # type: ignore[no-untyped-def]
    for para in _all_paragraphs(word):
        if para.text == text:
            return para
    raise AssertionError(f"no paragraph {text!r}")


def test_page_is_a4_with_decree_margins() -> None:
    section = _read(_doc()).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25


def test_every_run_is_times_new_roman_13_to_15() -> None:
    word = _read(_doc())
    assert word.styles["Normal"].font.name == "Times New Roman"
    for para in _all_paragraphs(word):
        for run in para.runs:
            if not run.text.strip():
                continue
            assert run.font.name in (None, "Times New Roman")
            assert Pt(11) <= run.font.size <= Pt(15), run.text


def test_state_heading_has_national_title_right_and_body_left() -> None:
    word = _read(_doc())
    heading = word.tables[0]
    left, right = (cell.paragraphs for cell in heading.rows[0].cells)
    assert [p.text for p in left][:2] == ["UBND TỈNH BÌNH THUẬN", "SỞ NỘI VỤ"]
    assert left[1].runs[0].bold
    texts = [p.text for p in right]
    assert texts[0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert texts[1] == "Độc lập - Tự do - Hạnh phúc"
    assert "Số: 12/BC-SNV" in [p.text for p in left]
    date_line = _find(word, "Phan Thiết, ngày 05 tháng 01 năm 2026")
    assert date_line.runs[0].italic


def test_kind_and_title_are_centred_bold() -> None:
    word = _read(_doc())
    for text in ("BÁO CÁO", "Kết quả thực hiện Kế hoạch số 45/KH-UBND quý IV năm 2025"):
        para = _find(word, text)
        assert para.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert para.runs[0].bold


def test_body_is_justified_and_data_table_has_bold_header() -> None:
    word = _read(_doc())
    assert _find(word, "Các đơn vị đã triển khai đầy đủ.").alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
    data = [t for t in word.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(data) == 1
    header = data[0].rows[0].cells
    assert [c.text for c in header] == ["STT", "Chỉ tiêu", "Đạt"]
    assert all(c.paragraphs[0].runs[0].bold for c in header)
    assert [c.text for c in data[0].rows[1].cells] == ["1", "Tỷ lệ hồ sơ trực tuyến", "75%"]


def test_recipients_and_signature_block() -> None:
    word = _read(_doc())
    closing = word.tables[-1]
    left, right = (cell.paragraphs for cell in closing.rows[0].cells)
    assert left[0].text == "Nơi nhận:"
    assert left[0].runs[0].bold and left[0].runs[0].italic
    assert [p.text for p in left[1:]] == ["- UBND tỉnh (b/c);", "- Lưu: VT."]
    signs = [p.text for p in right if p.text.strip()]
    assert signs == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]


def test_party_layout_follows_guidance_36() -> None:
    word = _read(
        _doc(
            style="party",
            parent_body="Đảng bộ tỉnh Bình Thuận",
            issuing_body="Ban Dân vận Tỉnh ủy",
            number="12-BC/BDVTU",
        )
    )
    left, right = (cell.paragraphs for cell in word.tables[0].rows[0].cells)
    assert [p.text for p in left] == [
        "ĐẢNG BỘ TỈNH BÌNH THUẬN",
        "BAN DÂN VẬN TỈNH ỦY",
        "*",
        "Số 12-BC/BDVTU",
    ]
    assert right[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert right[0].runs[0].font.size == Pt(15)
    assert "CỘNG HÒA" not in "".join(p.text for p in _all_paragraphs(word))
    assert _find(word, "Nơi nhận:").runs[0].underline


def test_letter_puts_subject_under_number_and_addressees() -> None:
    word = _read(
        _doc(
            kind="",
            title="V/v đôn đốc báo cáo kết quả thực hiện quý IV năm 2025",
            addressees=["UBND huyện Tánh Linh", "Sở Y tế"],
        )
    )
    left = [p.text for p in word.tables[0].rows[0].cells[0].paragraphs]
    assert left[-1] == "V/v đôn đốc báo cáo kết quả thực hiện quý IV năm 2025"
    texts = [p.text for p in word.paragraphs]
    assert "BÁO CÁO" not in texts
    assert "Kính gửi:" in texts
    assert "- UBND huyện Tánh Linh;" in texts


def test_page_numbers_from_page_two() -> None:
    word = _read(_doc())
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2025, 2, 3), "La Gi, ngày 03 tháng 02 năm 2025"),
        (dt.date(2025, 12, 10), "La Gi, ngày 10 tháng 12 năm 2025"),
        (dt.date(2024, 3, 31), "La Gi, ngày 31 tháng 3 năm 2024"),
    ],
)
def test_vietnamese_date_pads_days_and_first_two_months(day: dt.date, expected: str) -> None:
    assert vietnamese_date("La Gi", day) == expected


def test_number_line_keeps_an_existing_prefix() -> None:
    assert number_line(_doc(number="Số: 3/BC-UBND")) == "Số: 3/BC-UBND"
    assert number_line(_doc(style="party", number="3-BC/TU")) == "Số 3-BC/TU"
