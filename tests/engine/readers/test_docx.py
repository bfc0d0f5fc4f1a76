"""The .docx reader: body order, Word's list labels, tables, footnotes, layout tables."""

from __future__ import annotations

from trienkhai.documents.model import Paragraph, Table
from trienkhai.documents.readers import docx as docx_reader
from trienkhai.documents.readers import legacy, read_bytes

from .docx_builder import (
    build,
    footnote_ref,
    footnotes,
    level,
    numbering,
    p,
    style,
    styles,
    tbl,
    tc,
)


def paragraphs(doc):
    return [(b.label, b.text) for b in doc.blocks if isinstance(b, Paragraph)]


def test_paragraphs_and_tables_in_body_order_with_block_index_lines():
    body = (
        p("KẾ HOẠCH")
        + tbl([[tc("STT"), tc("Nhiệm vụ"), tc("Chủ trì"), tc("Phối hợp")]] * 4)
        + p("Hết")
    )
    doc = read_bytes(build(body), "a.docx")
    kinds = [type(b).__name__ for b in doc.blocks]
    assert kinds == ["Paragraph", "Table", "Paragraph"]
    assert [b.line for b in doc.blocks] == [1, 2, 3]
    assert doc.format == "docx"


def test_list_labels_lower_letter_decimal_roman_bullet_and_nesting():
    nums = numbering(
        {
            1: [
                level(0, "upperRoman", "%1."),
                level(1, "decimal", "%2."),
                level(2, "decimal", "%2.%3."),
            ],
            2: [level(0, "lowerLetter", "%1)")],
            3: [level(0, "bullet", "-")],
        },
        {10: (1, {}), 20: (2, {}), 21: (2, {0: 1}), 30: (3, {})},
    )
    body = "".join(
        [
            p("MỤC TIÊU", num=(10, 0)),
            p("NHIỆM VỤ", num=(10, 0)),
            p("Tuyên truyền", num=(10, 1)),
            p("Sở Tư pháp chủ trì", num=(10, 2)),
            p("Sở Nội vụ phối hợp", num=(10, 2)),
            p("Hoàn thiện thể chế", num=(10, 1)),
            p("Rà soát văn bản", num=(20, 0)),
            p("Đề xuất sửa đổi", num=(20, 0)),
            p("Gạch đầu dòng", num=(30, 0)),
            p("Danh sách mới", num=(21, 0)),
            p("TỔ CHỨC THỰC HIỆN", num=(10, 0)),
            p("1. Không đánh số tự động"),
        ]
    )
    doc = read_bytes(build(body, numbering_xml=nums), "a.docx")
    assert [label for label, _ in paragraphs(doc)] == [
        "I.", "II.", "1.", "1.1.", "1.2.", "2.", "a)", "b)", "-", "a)", "III.", None,
    ]  # fmt: skip
    assert paragraphs(doc)[3][1] == "Sở Tư pháp chủ trì"  # the label is not in the text


def test_merged_cells_appear_once_and_keep_columns_aligned():
    rows = [
        [tc("STT"), tc("Nhiệm vụ"), tc("Chủ trì"), tc("Thời gian")],
        [tc("I"), tc("Hoàn thiện thể chế", span=3)],
        [tc("1"), tc("Rà soát"), tc("Sở Tư pháp", vmerge="restart"), tc("Quý II/2025")],
        [tc("2"), tc("Sửa đổi"), tc("", vmerge=""), tc("Quý IV/2025")],
    ]
    doc = read_bytes(build(tbl(rows)), "a.docx")
    (table,) = doc.blocks
    assert isinstance(table, Table)
    assert table.rows[1] == ["I", "Hoàn thiện thể chế", "", ""]
    assert table.rows[3] == ["2", "Sửa đổi", "", "Quý IV/2025"]


def test_footnotes_become_sup_anchors_and_footnote_bodies_numbered_as_displayed():
    body = p("Thực hiện Nghị quyết số 57-NQ/TW", extra=footnote_ref(7)) + p(
        "Theo Kết luận", extra=footnote_ref(3)
    )
    doc = read_bytes(
        build(body, footnotes_xml=footnotes({3: "Chú thích B", 7: "Chú thích A"})), "a.docx"
    )
    assert [b.text for b in doc.blocks] == [
        "Thực hiện Nghị quyết số 57-NQ/TW<sup>1</sup>",
        "Theo Kết luận<sup>2</sup>",
    ]
    assert [(f.label, f.text, f.line) for f in doc.footnotes] == [
        ("1", "Chú thích A", 1),
        ("2", "Chú thích B", 2),
    ]


def test_borderless_header_table_reads_as_paragraphs_left_then_right():
    left = "<w:tc>" + p("ỦY BAN NHÂN DÂN") + p("TỈNH SÔNG LAM") + p("Số: 12/KH-UBND") + "</w:tc>"
    right = (
        "<w:tc>"
        + p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        + p("Sông Lam, ngày 1 tháng 2 năm 2025")
        + "</w:tc>"
    )
    doc = read_bytes(build(tbl([[left, right]], borders=False) + p("KẾ HOẠCH")), "a.docx")
    assert all(isinstance(b, Paragraph) for b in doc.blocks)
    assert [b.text for b in doc.blocks][:4] == [
        "ỦY BAN NHÂN DÂN", "TỈNH SÔNG LAM", "Số: 12/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    ]  # fmt: skip


def test_bold_paragraph_and_line_breaks():
    body = p("I. MỤC ĐÍCH", bold=True) + (
        "<w:p><w:r><w:t>KẾ HOẠCH</w:t><w:br/><w:t>Triển khai thực hiện</w:t></w:r></w:p>"
    )
    doc = read_bytes(build(body), "a.docx")
    assert doc.blocks[0].style == "bold"
    assert [b.text for b in doc.blocks[1:]] == ["KẾ HOẠCH", "Triển khai thực hiện"]


def test_deleted_revisions_and_field_codes_are_not_text():
    body = (
        "<w:p><w:r><w:t>Giữ lại</w:t></w:r><w:del><w:r><w:delText> xóa</w:delText></w:r></w:del>"
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r></w:p>'
    )
    assert read_bytes(build(body), "a.docx").blocks[0].text == "Giữ lại"


def test_text_typed_in_a_vni_font_is_converted():
    sentence = "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện Nghị quyết"
    doc = read_bytes(build(p(legacy.unicode_to_vni(sentence))), "a.docx")
    assert doc.blocks[0].text == sentence
    assert doc.encoding == "vni"


def test_fixture_rendering_matches_its_text(documents):
    doc = read_bytes((documents / "ubnd_2025_chuyen_doi_so.docx").read_bytes(), "x.docx")
    labels = [b.label for b in doc.blocks if isinstance(b, Paragraph) and b.label]
    assert labels[:4] == ["-", "-", "-", "-"]
    assert "b)" in labels and "c)" in labels
    headings = [b.text for b in doc.blocks if isinstance(b, Paragraph) and b.style == "Heading 1"]
    assert headings[0] == "I. MỤC ĐÍCH, YÊU CẦU"
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.rows[0][0] == "STT" and table.rows[1][:2] == [
        "I",
        "Hoàn thiện thể chế, cơ chế, chính sách",
    ]
    assert len(table.rows) == 9
    assert len(doc.footnotes) == 1 and "<sup>1</sup>" in doc.blocks[7].text


def test_zip_check_is_independent_of_python_docx():
    docx_reader.check_zip(build(p("x")), "a.docx")  # a valid package passes


def test_two_column_signature_table_with_borders_is_still_layout():
    left = "<w:tc>" + p("Nơi nhận:") + p("- Như trên;") + "</w:tc>"
    right = "<w:tc>" + p("KT. CHỦ TỊCH") + p("PHÓ CHỦ TỊCH") + p("Trần Văn Hải") + "</w:tc>"
    doc = read_bytes(build(tbl([[left, right]], borders=True)), "a.docx")
    assert [b.text for b in doc.blocks] == [
        "Nơi nhận:", "- Như trên;", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn Hải",
    ]  # fmt: skip


def test_a_three_row_ruled_table_is_data():
    rows = [[tc("STT"), tc("Nhiệm vụ")], [tc("1"), tc("Rà soát")], [tc("2"), tc("Sửa đổi")]]
    (table,) = read_bytes(build(tbl(rows, borders=True)), "a.docx").blocks
    assert isinstance(table, Table) and table.rows[2] == ["2", "Sửa đổi"]


def test_runs_in_legacy_fonts_are_converted_run_by_run():
    body = (
        p(legacy.unicode_to_tcvn3("kế hoạch"), font=".VnTimeH")
        + p(legacy.unicode_to_tcvn3("Triển khai thực hiện"), font=".VnTime")
        + p(legacy.unicode_to_vni("Đề nghị Hội Nông dân tỉnh"), font="VNI-Times")
        + p("Dòng Unicode bình thường", font=".VnTime")
    )
    doc = read_bytes(build(body), "cu.docx")
    assert [b.text for b in doc.blocks] == [
        "KẾ HOẠCH",
        "Triển khai thực hiện",
        "Đề nghị Hội Nông dân tỉnh",
        "Dòng Unicode bình thường",
    ]
    assert any("TCVN3" in n and "VNI" in n for n in doc.notes)


def test_main_part_is_found_through_the_package_relationships():
    import io
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(build(p("Kế hoạch số 7"))))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            name = info.filename.replace("document.xml", "document2.xml")
            dst.writestr(name, data.replace(b"word/document.xml", b"word/document2.xml"))
    assert read_bytes(buf.getvalue(), "a.docx").blocks[0].text == "Kế hoạch số 7"


def test_numbering_and_legacy_font_come_from_styles_and_their_bases():
    nums = numbering({1: [level(0, "upperRoman", "%1.")]}, {5: (1, {})})
    styles_xml = styles(
        style("Heading1", "heading 1", num=5),
        style("PhanLon", "Phần lớn", based_on="Heading1"),
        style("VnBody", "Thân .VnTime", font=".VnTime"),
    )
    body = (
        p("MỤC TIÊU", style="Heading1")
        + p("NHIỆM VỤ", style="PhanLon")
        + p(legacy.unicode_to_tcvn3("tổ chức thực hiện"), style="VnBody")
    )
    doc = read_bytes(build(body, numbering_xml=nums, styles_xml=styles_xml), "a.docx")
    assert [(b.label, b.style) for b in doc.blocks[:2]] == [
        ("I.", "Heading 1"),
        ("II.", "Phần lớn"),
    ]
    assert doc.blocks[2].text == "tổ chức thực hiện"
