"""Structure: heading tree, sections, parts, head/tail, footnotes, re-joined paragraphs."""

from __future__ import annotations

from pathlib import Path

from trienkhai.documents.model import Footnote, Outline, Paragraph, SourceDocument, Table
from trienkhai.documents.readers import read_path
from trienkhai.documents.structure import build_outline


def outline_of(text: str, fmt: str = "txt") -> Outline:
    """Outline of a text given as the text reader gives it: one Paragraph per non-empty line."""
    blocks: list[Paragraph | Table] = [
        Paragraph(text=line, line=i) for i, line in enumerate(text.splitlines(), 1) if line.strip()
    ]
    return build_outline(SourceDocument(name="t.txt", format=fmt, blocks=blocks))


def by_text(outline: Outline, start: str):
    return next(n for n in outline.nodes if n.text.startswith(start))


PLAN = """ỦY BAN NHÂN DÂN
TỈNH THANH HÓA
Số: 12/KH-UBND

KẾ HOẠCH
Thực hiện Chương trình số 58-CTr/TU

Thực hiện Chương trình hành động số 58-CTr/TU ngày 10/01/2024, UBND tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

- Thực hiện hiệu quả Nghị quyết.

II. NHIỆM VỤ, GIẢI PHÁP

1. Tuyên truyền, quán triệt

1.1. Sở Thông tin và Truyền thông chỉ đạo các cơ quan báo chí.

1.2. Các sở, ban, ngành thực hiện tốt một số nhiệm vụ sau đây:

- Tiếp tục đào tạo, bồi dưỡng cán bộ.

- Đẩy mạnh cải cách hành chính.

Đồng thời, tăng cường kỷ luật, kỷ cương.

2. Sở Khoa học và Công nghệ

a) Chủ trì xây dựng đề án chuyển đổi số.

b) Hướng dẫn các địa phương.

III. TỔ CHỨC THỰC HIỆN

1. Sở Nội vụ chủ trì theo dõi, đôn đốc./.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn A
"""


def test_head_is_everything_before_the_first_part_heading() -> None:
    o = outline_of(PLAN)
    texts = [n.text for n in o.head]
    assert texts[0] == "ỦY BAN NHÂN DÂN"
    assert texts[-1].startswith("Thực hiện Chương trình hành động số 58-CTr/TU")
    assert all(n.part == "header" for n in o.head)


def test_tail_holds_recipients_then_signature() -> None:
    o = outline_of(PLAN)
    parts = [(n.text, n.part) for n in o.tail]
    assert parts[0] == ("Nơi nhận:", "recipients")
    assert ("- Lưu: VT.", "recipients") in parts
    assert parts[-1] == ("Nguyễn Văn A", "signature")
    assert ("KT. CHỦ TỊCH", "signature") in parts
    assert not any(n.text.startswith("Nơi nhận") for n in o.nodes)


def test_sections_follow_roman_then_arabic_numbering() -> None:
    o = outline_of(PLAN)
    assert by_text(o, "Sở Thông tin").section == "II.1.1"
    assert by_text(o, "Tiếp tục đào tạo").section == "II.1.2"
    assert by_text(o, "Chủ trì xây dựng").section == "II.2"  # letters are items, not sections
    assert by_text(o, "Sở Nội vụ chủ trì").section == "III.1"


def test_parts_come_from_the_heading_words() -> None:
    o = outline_of(PLAN)
    assert by_text(o, "Thực hiện hiệu quả Nghị quyết").part == "purpose"
    assert by_text(o, "Đẩy mạnh cải cách").part == "tasks"
    assert by_text(o, "Sở Nội vụ chủ trì").part == "organisation"


def test_tree_parents() -> None:
    o = outline_of(PLAN)
    intro = by_text(o, "Các sở, ban, ngành")
    bullet = by_text(o, "Đẩy mạnh cải cách")
    assert o.nodes[bullet.parent].text == intro.text
    plain = by_text(o, "Đồng thời")
    assert o.nodes[plain.parent].label == "1.2"  # the plain paragraph closes the bullet list
    letter = by_text(o, "Hướng dẫn các địa phương")
    assert o.nodes[letter.parent].text == "Sở Khoa học và Công nghệ"
    assert o.nodes[letter.parent].kind == "heading"


def test_kinds() -> None:
    o = outline_of(PLAN)
    assert by_text(o, "Sở Thông tin").kind == "item"  # numbered, a sentence, no children
    assert by_text(o, "Tuyên truyền, quán triệt").kind == "heading"
    assert by_text(o, "Tiếp tục đào tạo").kind == "item"
    assert by_text(o, "Đồng thời").kind == "paragraph"


def test_page_break_rejoins_lowercase_continuation() -> None:
    o = outline_of(
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n- Thực hiện tốt việc thể chế hóa chủ trương của Đảng và Nhà\n\n\n\n"
        "nước thành các chính sách phát triển.\n\n- Mục khác.\n"
    )
    items = [n.text for n in o.nodes if n.kind == "item"]
    assert items[0] == (
        "Thực hiện tốt việc thể chế hóa chủ trương của Đảng và Nhà nước thành các chính sách phát triển."
    )
    assert len(items) == 2


def test_continuation_after_semicolon_and_quote() -> None:
    o = outline_of(
        "II. NHIỆM VỤ\n\n- Bảo đảm tổ chức hoạt động đúng pháp luật;\n\nphòng ngừa việc lợi dụng.\n\n"
        "Các cấp ủy nhân rộng điển hình\n\n“Dân vận khéo” tiêu biểu.\n"
    )
    texts = [n.text for n in o.nodes[1:]]
    assert texts == [
        "Bảo đảm tổ chức hoạt động đúng pháp luật; phòng ngừa việc lợi dụng.",
        "Các cấp ủy nhân rộng điển hình “Dân vận khéo” tiêu biểu.",
    ]


def test_footnote_block_is_detached_and_cut_paragraph_rejoined() -> None:
    o = outline_of(
        "I. ĐÁNH GIÁ\n\nKinh tế phát triển nhanh<sup>(1)</sup>. Công tác tuyên truyền chưa\n\n"
        "1) Tổng sản phẩm nội tỉnh tăng bình quân 12%/năm.\n\n"
        "kịp thời. Đời sống còn khó khăn.\n"
    )
    assert [n.text for n in o.nodes[1:]] == [
        "Kinh tế phát triển nhanh. Công tác tuyên truyền chưa kịp thời. Đời sống còn khó khăn."
    ]
    assert o.nodes[1].anchors == ["1"]
    assert o.footnotes == [
        Footnote(label="1", text="Tổng sản phẩm nội tỉnh tăng bình quân 12%/năm.", line=5)
    ]


def test_numbered_line_without_a_waiting_anchor_is_not_a_footnote() -> None:
    o = outline_of("II. NHIỆM VỤ\n\n1) Sở Y tế chủ trì.\n\n2) Sở Tài chính bảo đảm kinh phí.\n")
    assert not o.footnotes
    assert [n.section for n in o.nodes[1:]] == ["II.1", "II.2"]


def test_footnote_continued_on_next_page_between_the_halves_of_a_body_paragraph() -> None:
    o = outline_of(
        "II. NHIỆM VỤ\n\n2.1. Tăng cường công tác dân vận\n\n"
        "Cấp ủy sơ kết Nghị quyết Đại hội Đảng bộ tỉnh lần¹\n\n"
        "¹ Tổng kết 20 năm thực hiện Nghị quyết; sơ kết 5\n\n"
        "thứ XIV về công tác dân vận.\n\n"
        "Lãnh đạo thực hiện tốt Luật thực\n\n"
        "năm thực hiện Quy định số 124-QĐ/TW.\n\n"
        "hiện dân chủ ở cơ sở.\n"
    )
    body = [n.text for n in o.nodes if n.kind == "paragraph"]
    assert body == [
        "Cấp ủy sơ kết Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIV về công tác dân vận.",
        "Lãnh đạo thực hiện tốt Luật thực hiện dân chủ ở cơ sở.",
    ]
    assert o.footnotes[0].text == (
        "Tổng kết 20 năm thực hiện Nghị quyết; sơ kết 5 năm thực hiện Quy định số 124-QĐ/TW."
    )


def test_footnote_going_on_in_a_second_paragraph() -> None:
    o = outline_of(
        "II. NHIỆM VỤ\n\n- Đối với nông dân: Xây dựng đội ngũ nông dân⁽¹⁾ phát triển, đào tạo tại trung\n\n"
        "⁽¹⁾ Kế hoạch số 51-KH/TU của Thị ủy;\n\n"
        "Kế hoạch số 91-KH/TU của Thị ủy.\n\n"
        "tâm học tập cộng đồng.\n"
    )
    assert o.nodes[1].text == (
        "Đối với nông dân: Xây dựng đội ngũ nông dân phát triển, đào tạo tại trung tâm học tập cộng đồng."
    )
    assert (
        o.footnotes[0].text == "Kế hoạch số 51-KH/TU của Thị ủy; Kế hoạch số 91-KH/TU của Thị ủy."
    )


def test_markdown_hard_break_joins_title_lines() -> None:
    o = outline_of("**CHƯƠNG TRÌNH**  \n**thực hiện Nghị quyết**\n\n## I. MỤC TIÊU\n\n- Một.\n")
    assert [n.text for n in o.head] == ["CHƯƠNG TRÌNH", "thực hiện Nghị quyết"]
    assert o.nodes[0].section == "I" and o.nodes[0].part == "objectives"


def test_repeated_roman_numeral_keeps_the_printed_number() -> None:
    o = outline_of(
        "III. NHIỆM VỤ, GIẢI PHÁP\n\n1. Một việc.\n\nIII. TỔ CHỨC THỰC HIỆN\n\n1. Việc khác.\n"
    )
    assert [(n.section, n.part) for n in o.nodes if n.kind == "item"] == [
        ("III.1", "tasks"),
        ("III.1", "organisation"),
    ]


def test_long_sentence_starting_with_part_words_is_not_a_part_heading() -> None:
    o = outline_of(
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Tổ chức thực hiện tốt các phong trào thi đua yêu nước, "
        "các cuộc vận động trên tất cả các lĩnh vực của đời sống xã hội ở địa phương.\n"
    )
    assert o.nodes[1].part == "tasks"


def test_appendix_table_rows_get_pl_sections() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("II. NHIỆM VỤ", 1),
        Paragraph("1. Một việc.", 2),
        Paragraph("Nơi nhận:", 3),
        Paragraph("- Lưu: VT.", 4),
        Paragraph("PHỤ LỤC II", 5),
        Paragraph("DANH MỤC NHIỆM VỤ", 6),
        Table(
            rows=[
                ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
                ["I", "Hoàn thiện thể chế", "", "", ""],
                ["1", "Xây dựng quy chế", "Sở Nội vụ", "Sở Tư pháp", "Quý IV/2025"],
                ["II", "Chuyển đổi số", "", "", ""],
                ["2", "Số hóa hồ sơ", "Sở KH&CN", "", "Năm 2026"],
            ],
            line=7,
        ),
    ]
    o = build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    rows = [n for n in o.nodes if n.kind == "row"]
    assert [(r.section, r.cells[1], r.group) for r in rows if r.cells] == [
        ("PLII.I", "Xây dựng quy chế", "Hoàn thiện thể chế"),
        ("PLII.II", "Số hóa hồ sơ", "Chuyển đổi số"),
    ]
    assert rows[0].header == [
        "STT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
    ]
    assert all(n.part == "appendix" for n in o.nodes[-6:])
    assert [n.text for n in o.tail] == ["Nơi nhận:", "- Lưu: VT."]


def test_unnumbered_appendix_without_groups_is_pl() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("I. NHIỆM VỤ", 1),
        Paragraph("- Một việc.", 2),
        Paragraph("PHỤ LỤC", 3),
        Table(rows=[["STT", "Nội dung", "Chủ trì"], ["1", "Rà soát", "Sở Y tế"]], line=4),
    ]
    o = build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    assert [n.section for n in o.nodes if n.kind == "row"] == ["PL"]


def test_docx_list_label_used_when_text_has_none() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("NHIỆM VỤ, GIẢI PHÁP", 1, label="II.", style="Heading 1"),
        Paragraph("Sở Y tế chủ trì.", 2, label="1."),
        Paragraph("Sở Tài chính phối hợp.", 3, label="2."),
    ]
    o = build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    assert [(n.section, n.part) for n in o.nodes] == [
        ("II", "tasks"),
        ("II.1", "tasks"),
        ("II.2", "tasks"),
    ]


def test_docx_paragraphs_are_not_merged_by_line_adjacency() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("I. NHIỆM VỤ", 1),
        Paragraph("Sở Y tế chủ trì.  ", 2),
        Paragraph("Sở Tài chính phối hợp.", 3),
    ]
    o = build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    assert len(o.nodes) == 3


def test_document_without_headings_still_gets_a_head() -> None:
    o = outline_of(
        "KẾ HOẠCH\nTriển khai công tác năm 2025\n\n"
        + "Thực hiện chỉ đạo của Tỉnh ủy, "
        + "Ủy ban nhân dân huyện ban hành kế hoạch triển khai công tác năm 2025 với các nội dung "
        + "cụ thể như sau đây để các cơ quan, đơn vị trên địa bàn huyện tổ chức thực hiện nghiêm túc.\n\n"
        + "Các cơ quan triển khai thực hiện.\n"
    )
    assert [n.text for n in o.head][:2] == ["KẾ HOẠCH", "Triển khai công tác năm 2025"]
    assert o.nodes[0].text == "Các cơ quan triển khai thực hiện."


# ------------------------------------------------------------------ the seeds


def seed(seeds_dir: Path, prefix: str) -> Outline:
    return build_outline(read_path(next(seeds_dir.glob(f"{prefix}_*.txt"))))


def test_seed_003_rejoins_across_page_and_footnote(seeds_dir: Path) -> None:
    o = seed(seeds_dir, "003")
    first = by_text(o, "Cấp ủy, tổ chức đảng tăng cường")
    assert "Đảng bộ tỉnh lần thứ XIV, Nghị quyết Đại hội" in first.text
    fifth = by_text(o, "Lãnh đạo phát huy dân chủ")
    assert "Luật thực hiện dân chủ ở cơ sở; lấy kết quả" in fifth.text
    assert "124-QĐ/TW" not in fifth.text
    assert len(o.footnotes) == 1 and "124-QĐ/TW" in o.footnotes[0].text
    assert first.section == "II.2.1" and first.part == "tasks"
    assert by_text(o, "100% cấp ủy").part == "objectives"


def test_seed_001_footnotes_and_second_roman_three(seeds_dir: Path) -> None:
    o = seed(seeds_dir, "001")
    assert [f.label for f in o.footnotes] == ["1", "2"]
    cut = by_text(o, "Tuy nhiên")
    assert "chưa chính xác, chưa kịp thời. Đời sống" in cut.text
    assert by_text(o, "Các đảng đoàn").section == "III.1"
    assert by_text(o, "Các đảng đoàn").part == "organisation"
    assert o.tail[-1].text == "Nguyễn Hoài Anh"


def test_seed_000_ten_footnotes_detached(seeds_dir: Path) -> None:
    o = seed(seeds_dir, "000")
    assert [f.label for f in o.footnotes] == [str(i) for i in range(1, 11)]
    farmers = by_text(o, "Đối với giai cấp nông dân")
    assert "Trung tâm học tập cộng đồng và các điển hình" in farmers.text
    assert not any("Kế hoạch số 91-KH/TU" in n.text for n in o.nodes)


def test_seed_004_sections_and_intro_paragraphs(seeds_dir: Path) -> None:
    o = seed(seeds_dir, "004")
    assert by_text(o, "Giám đốc các sở").section == "III.1.1"
    intro = by_text(o, "Các sở, ban, ngành; UBND")
    assert intro.section == "III.2.1" and intro.kind == "heading"
    bullets = [n for n in o.nodes if n.parent == o.nodes.index(intro)]
    assert len(bullets) == 11
    assert by_text(o, "Căn cứ Chương trình").section == "IV.1"
    assert o.head[0].text == "Số: /KH- UBND"


def test_pdf_wrapped_lines_become_paragraphs() -> None:
    width = "x" * 60
    lines = [
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "1. Nâng cao nhận thức, đổi mới tư duy",
        "mạnh mẽ",
        f"a) Sở Khoa học và Công nghệ chủ trì, phối hợp với Báo và Phát {width}",
        "Truyền hình tỉnh đẩy mạnh tuyên truyền.",
        "b) Tăng cường giám sát việc thực hiện.",
        "4. Phát triển nguồn nhân lực",
        "Sở Giáo dục và Đào tạo chủ trì đào tạo nhân lực.",
    ]
    blocks: list[Paragraph | Table] = [Paragraph(t, i, page=1) for i, t in enumerate(lines, 1)]
    o = build_outline(SourceDocument(name="t.pdf", format="pdf", blocks=blocks))
    assert [n.text for n in o.nodes] == [
        "NHIỆM VỤ, GIẢI PHÁP",
        "Nâng cao nhận thức, đổi mới tư duy mạnh mẽ",
        f"Sở Khoa học và Công nghệ chủ trì, phối hợp với Báo và Phát {width} Truyền hình tỉnh đẩy mạnh tuyên truyền.",
        "Tăng cường giám sát việc thực hiện.",
        "Phát triển nguồn nhân lực",
        "Sở Giáo dục và Đào tạo chủ trì đào tạo nhân lực.",
    ]


def test_paragraph_after_numbered_sentences_belongs_to_the_part() -> None:
    o = outline_of(
        "IV- TỔ CHỨC THỰC HIỆN\n\n1- Đảng đoàn Quốc hội lãnh đạo việc sửa đổi luật.\n\n"
        "2- Ban Tuyên giáo Trung ương chủ trì hướng dẫn tuyên truyền.\n\n"
        "Nghị quyết này được phổ biến đến chi bộ.\n"
    )
    last = o.nodes[-1]
    assert o.nodes[last.parent].label == "IV" and last.section == "IV"
    assert o.nodes[2].kind == "item"  # "2- ..." keeps no children


def test_recipients_interleaved_with_the_signature_stay_recipients() -> None:
    o = outline_of(
        "I. NHIỆM VỤ\n\n- Một việc.\n\nNơi nhận:\nKT. CHỦ TỊCH\n- Như trên;\nPHÓ CHỦ TỊCH\n- Lưu: VT.\n\nLê Văn B\n"
    )
    assert [(n.text, n.part) for n in o.tail] == [
        ("Nơi nhận:", "recipients"),
        ("KT. CHỦ TỊCH", "signature"),
        ("- Như trên;", "recipients"),
        ("PHÓ CHỦ TỊCH", "signature"),
        ("- Lưu: VT.", "recipients"),
        ("Lê Văn B", "signature"),
    ]


def test_short_numbered_title_with_a_full_stop_keeps_its_paragraphs() -> None:
    o = outline_of("I. MỤC ĐÍCH, YÊU CẦU\n\n2. Yêu cầu.\n\nCác cơ quan xác định rõ trách nhiệm.\n")
    assert o.nodes[-1].section == "I.2"


def test_document_kind_title_is_not_a_part_heading() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("CHƯƠNG TRÌNH HÀNH ĐỘNG", 1, style="bold"),
        Paragraph("CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", 2, style="bold"),
        Paragraph("I. ĐÁNH GIÁ TÌNH HÌNH", 3),
        Paragraph("Kinh tế phát triển.", 4),
    ]
    o = build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    assert [n.text for n in o.head] == ["CHƯƠNG TRÌNH HÀNH ĐỘNG", "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"]
    assert o.nodes[0].part == "assessment"


def test_paragraph_announcing_a_list_with_a_full_stop_is_an_intro() -> None:
    o = outline_of(
        "II. NHIỆM VỤ\n\nĐể đạt mục tiêu trên, các sở tập trung thực hiện các nhiệm vụ sau.\n\n"
        "- Rà soát thủ tục.\n\n- Số hóa hồ sơ.\n"
    )
    intro = o.nodes[1]
    assert [o.nodes[n.parent].text for n in o.nodes[2:]] == [intro.text, intro.text]


def test_bold_unnumbered_title_holds_the_paragraphs_after_it() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("II. NHIỆM VỤ, GIẢI PHÁP", 1),
        Paragraph("2. Phát huy sức mạnh các giai tầng", 2),
        Paragraph("Đối với giai cấp công nhân", 3, style="bold"),
        Paragraph("Quan tâm đào tạo công nhân.", 4),
        Paragraph("Chăm lo nhà ở cho công nhân.", 5),
        Paragraph("Đối với thanh niên", 6, style="bold"),
        Paragraph("Tạo việc làm cho thanh niên.", 7),
        Paragraph("3. Xây dựng Đảng", 8),
        Paragraph("Các cấp ủy chú trọng công tác cán bộ.", 9),
    ]
    o = build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    parents = [(n.text, o.nodes[n.parent].text if n.parent is not None else None) for n in o.nodes]
    assert parents[3] == ("Quan tâm đào tạo công nhân.", "Đối với giai cấp công nhân")
    assert parents[4] == ("Chăm lo nhà ở cho công nhân.", "Đối với giai cấp công nhân")
    assert parents[6] == ("Tạo việc làm cho thanh niên.", "Đối với thanh niên")
    assert parents[8] == ("Các cấp ủy chú trọng công tác cán bộ.", "Xây dựng Đảng")
    assert o.nodes[3].section == "II.2" and o.nodes[2].kind == "heading"


def test_decision_signed_first_then_the_plan_it_issues() -> None:
    o = outline_of(
        "ỦY BAN NHÂN DÂN TỈNH X\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch cải cách hành chính\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
        "Nơi nhận:\n- Như Điều 2;\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n\n"
        "KẾ HOẠCH\nCải cách hành chính năm 2025\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\n- Nâng cao chất lượng phục vụ.\n\n"
        "II. NHIỆM VỤ\n\n1. Sở Nội vụ chủ trì theo dõi.\n"
    )
    assert [n.section for n in o.nodes if n.kind == "item"] == ["I", "II.1"]
    assert o.tail[0].text == "Nơi nhận:"
    assert o.tail[-1].text == "Cải cách hành chính năm 2025"


def test_roman_numeral_with_hyphen_is_a_part_heading_and_ends_the_head() -> None:
    outline = outline_of(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 99-NQ/TW\nNGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\n"
        "về phát triển kinh tế biển\n"
        "I- THỰC TRẠNG VÀ NGUYÊN NHÂN\n"
        "Kinh tế biển đã có bước phát triển, song còn nhiều hạn chế.\n"
        "II- NHIỆM VỤ, GIẢI PHÁP\n"
        "1- Hoàn thiện quy hoạch không gian biển\n"
        "- Các bộ, ngành rà soát quy hoạch ngành.\n"
        "III- TỔ CHỨC THỰC HIỆN\n"
        "1- Đảng ủy Chính phủ chỉ đạo xây dựng kế hoạch hành động.\n"
    )
    assert [n.text for n in outline.head][-1] == "về phát triển kinh tế biển"
    heading = by_text(outline, "THỰC TRẠNG")
    assert (heading.marker, heading.section, heading.part) == ("roman", "I", "assessment")
    assert by_text(outline, "Các bộ, ngành").section == "II.1"
    item = by_text(outline, "Đảng ủy Chính phủ")
    assert (item.section, item.part) == ("III.1", "organisation")


def test_closing_line_after_a_directive_list_is_top_level() -> None:
    outline = outline_of(
        "THÔNG BÁO KẾT LUẬN\nvề công tác phòng, chống thiên tai\n"
        "Sau khi nghe báo cáo, Thường trực Huyện ủy thống nhất kết luận như sau:\n"
        "1. Ủy ban nhân dân huyện rà soát phương án ứng phó bão lũ.\n"
        "2. Các xã kiểm tra đê bao, kênh mương trước mùa mưa.\n"
        "Thông báo này gửi đến các tổ chức cơ sở đảng để thực hiện.\n"
    )
    first = by_text(outline, "Ủy ban nhân dân huyện")
    assert (first.section, first.part) == ("1", "tasks")
    closing = by_text(outline, "Thông báo này")
    assert (closing.parent, closing.section, closing.part) == (None, "", "tasks")


def test_closing_line_after_nested_items_of_a_directive_list_is_top_level() -> None:
    outline = outline_of(
        "CHỈ THỊ\nvề phòng, chống dịch bệnh trên gia súc\n"
        "Ban Thường vụ Huyện ủy yêu cầu các cấp ủy, chính quyền thực hiện tốt các nội dung sau:\n"
        "1. Ủy ban nhân dân huyện:\n"
        "a) Chỉ đạo tiêm phòng đợt 1 cho đàn gia súc trên địa bàn toàn huyện.\n"
        "b) Bố trí kinh phí mua vắc xin và hóa chất sát trùng chuồng trại.\n"
        "Chỉ thị này được quán triệt đến chi bộ và đảng viên.\n"
    )
    closing = by_text(outline, "Chỉ thị này")
    assert (closing.parent, closing.section, closing.part) == (None, "", "tasks")
