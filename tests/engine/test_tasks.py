"""Tasks: which items are tasks, their sections, groups, bodies, due times, appendix rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trienkhai.documents.extract.tasks import extract_tasks
from trienkhai.documents.model import Paragraph, SourceDocument, Table
from trienkhai.documents.readers import read_path
from trienkhai.documents.structure import build_outline

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def tasks_of_text(text: str) -> list[dict]:
    blocks: list[Paragraph | Table] = [
        Paragraph(text=line, line=i) for i, line in enumerate(text.splitlines(), 1) if line.strip()
    ]
    return extract_tasks(build_outline(SourceDocument(name="t.txt", format="txt", blocks=blocks)))


PER_BODY = """KẾ HOẠCH
Triển khai chuyển đổi số năm 2025

I. MỤC ĐÍCH, YÊU CẦU

- Quán triệt đầy đủ các nhiệm vụ.

II. NHIỆM VỤ, GIẢI PHÁP

1. Hoàn thiện thể chế

Sở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật, hoàn thành trước ngày 30/6/2025.

2. Phát triển hạ tầng số

- Tiếp tục nâng cấp mạng truyền số liệu chuyên dùng.

- Công an tỉnh chủ trì, phối hợp với Sở Khoa học và Công nghệ kết nối cơ sở dữ liệu dân cư.

Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.

III. KINH PHÍ THỰC HIỆN

Kinh phí được bố trí từ ngân sách nhà nước.

IV. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

a) Là cơ quan thường trực, theo dõi, đôn đốc việc thực hiện Kế hoạch.

b) Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.

2. Sở Tài chính: Chủ trì, phối hợp với Sở Nội vụ tham mưu bố trí kinh phí.

3. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh

a) Tuyên truyền, vận động hội viên tham gia chuyển đổi số.

b) Tham gia giám sát việc thực hiện Kế hoạch.

Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời phản ánh về Sở Khoa học và Công nghệ./.

Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_only_items_of_the_tasks_and_organisation_parts_are_tasks() -> None:
    texts = [t["text"] for t in tasks_of_text(PER_BODY)]
    assert texts[0].startswith("Sở Tư pháp chủ trì")
    assert "Quán triệt đầy đủ các nhiệm vụ." not in texts  # purpose
    assert "Kinh phí được bố trí từ ngân sách nhà nước." not in texts  # funding
    assert not any(t.startswith("Các nhiệm vụ cụ thể tại Phụ lục") for t in texts)
    assert not any(t in ("Hoàn thiện thể chế", "Sở Khoa học và Công nghệ") for t in texts)
    assert len(texts) == 9


def by_start(tasks: list[dict], start: str) -> dict:
    return next(t for t in tasks if t["text"].startswith(start))


def test_sections() -> None:
    tasks = tasks_of_text(PER_BODY)
    assert by_start(tasks, "Sở Tư pháp")["section"] == "II.1"
    assert by_start(tasks, "Tiếp tục nâng cấp")["section"] == "II.2"
    assert by_start(tasks, "Là cơ quan thường trực")["section"] == "IV.1"
    assert by_start(tasks, "Sở Tài chính")["section"] == "IV.2"
    assert by_start(tasks, "Trong quá trình thực hiện")["section"] == "IV"


def test_bodies_from_the_sentence_and_from_headings() -> None:
    tasks = tasks_of_text(PER_BODY)
    police = by_start(tasks, "Công an tỉnh")
    assert (police["lead"], police["support"]) == (["Công an tỉnh"], ["Sở Khoa học và Công nghệ"])
    assert by_start(tasks, "Là cơ quan thường trực")["lead"] == ["Sở Khoa học và Công nghệ"]
    assert by_start(tasks, "Tổng hợp, báo cáo")["lead"] == ["Sở Khoa học và Công nghệ"]
    finance = by_start(tasks, "Sở Tài chính")
    assert (finance["lead"], finance["support"]) == (["Sở Tài chính"], ["Sở Nội vụ"])
    requested = by_start(tasks, "Tuyên truyền, vận động hội viên")
    assert requested["requested"] == ["Hiệp hội Doanh nghiệp tỉnh", "Hội Nông dân tỉnh"]
    assert requested["lead"] == []
    closing = by_start(tasks, "Trong quá trình thực hiện")
    assert closing["lead"] == ["các cơ quan, đơn vị"] and closing["requested"] == []


def test_due_inside_the_text() -> None:
    tasks = tasks_of_text(PER_BODY)
    assert by_start(tasks, "Sở Tư pháp")["due"] == "30/6/2025"
    assert by_start(tasks, "Tiếp tục nâng cấp")["due"] is None


def test_provenance() -> None:
    tasks = tasks_of_text(PER_BODY)
    first = tasks[0]
    assert first["line"] == 12 and first["rule"] == "paragraph"
    assert by_start(tasks, "Tiếp tục nâng cấp")["rule"] == "bullet-item"
    assert by_start(tasks, "Là cơ quan thường trực")["rule"] == "lettered-item"
    assert by_start(tasks, "Sở Tài chính")["rule"] == "numbered-item"


def test_intro_paragraph_hands_its_bodies_to_the_bullets_and_own_subject_wins() -> None:
    tasks = tasks_of_text(
        "II. NHIỆM VỤ, GIẢI PHÁP\n\n3. Xây dựng chính quyền\n\n"
        "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố tập trung thực hiện tốt một số nhiệm vụ sau đây:\n\n"
        "- Đẩy mạnh cải cách hành chính.\n\n"
        "- UBND cấp huyện, cấp xã thực hiện tốt cơ chế phối hợp.\n"
    )
    assert [t["lead"] for t in tasks] == [
        ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"],
        ["UBND cấp huyện, cấp xã"],
    ]
    assert all(t["section"] == "II.3" for t in tasks)


def test_group_labels_and_runs() -> None:
    tasks = tasks_of_text(
        "II. NHIỆM VỤ\n\n2. Phát huy sức mạnh các giai tầng\n\n"
        "- Đối với giai cấp công nhân: Chăm lo nhà ở cho công nhân.\n\n"
        "- Đối với giai cấp nông dân: Hỗ trợ nông dân.\n\n"
        "- Đội ngũ trí thức: Trọng dụng trí thức.\n\n"
        "3. Xây dựng Đảng\n\n- Các cấp ủy chăm lo công tác phát triển đảng viên trong công nhân.\n"
    )
    assert [t["group"] for t in tasks] == ["cong_nhan", "nong_dan", "tri_thuc", None]
    assert tasks[0]["text"] == "Đối với giai cấp công nhân: Chăm lo nhà ở cho công nhân."


def appendix_source() -> SourceDocument:
    blocks: list[Paragraph | Table] = [
        Paragraph("III. NHIỆM VỤ, GIẢI PHÁP", 1),
        Paragraph(
            "- Sở Y tế chủ trì triển khai sổ sức khỏe điện tử trên ứng dụng VNeID cho người dân.", 2
        ),
        Paragraph("Nơi nhận:", 3),
        Paragraph("- Lưu: VT.", 4),
        Paragraph("PHỤ LỤC", 5),
        Paragraph("DANH MỤC NHIỆM VỤ", 6),
        Table(
            rows=[
                [
                    "STT",
                    "Nhiệm vụ",
                    "Cơ quan chủ trì",
                    "Cơ quan phối hợp",
                    "Thời gian hoàn thành",
                    "Sản phẩm",
                ],
                ["I", "Y tế", "", "", "", ""],
                [
                    "1",
                    "Triển khai sổ sức khỏe điện tử trên ứng dụng VNeID",
                    "Sở Y tế",
                    "Bảo hiểm xã hội tỉnh; Công an tỉnh",
                    "Năm 2025",
                    "Sổ sức khỏe điện tử",
                ],
                ["II", "Hạ tầng", "", "", "", ""],
                [
                    "1",
                    "Nâng cấp mạng truyền số liệu chuyên dùng",
                    "Sở Khoa học và Công nghệ",
                    "UBND các huyện, thị xã, thành phố",
                    "Quý IV/2025",
                    "",
                ],
                [
                    "2",
                    "Vận động hội viên sử dụng dịch vụ công",
                    "Đề nghị Hội Nông dân tỉnh",
                    "",
                    "Thường xuyên",
                    "",
                ],
            ],
            line=7,
        ),
    ]
    return SourceDocument(name="t.docx", format="docx", blocks=blocks)


def test_appendix_rows_become_tasks_with_their_columns() -> None:
    tasks = extract_tasks(build_outline(appendix_source()))
    rows = [t for t in tasks if t["rule"] == "appendix-row"]
    assert [(r["section"], r["due"]) for r in rows] == [
        ("PL.I", "Năm 2025"),
        ("PL.II", "Quý IV/2025"),
        ("PL.II", "Thường xuyên"),
    ]
    first = rows[0]
    assert first["lead"] == ["Sở Y tế"]
    assert first["support"] == ["Bảo hiểm xã hội tỉnh", "Công an tỉnh"]
    assert first["output"] == "Sổ sức khỏe điện tử"
    assert rows[1]["support"] == ["UBND các huyện, thị xã, thành phố"]
    assert rows[2]["requested"] == ["Hội Nông dân tỉnh"] and rows[2]["lead"] == []


def test_appendix_row_links_the_body_task_it_restates() -> None:
    tasks = extract_tasks(build_outline(appendix_source()))
    rows = [t for t in tasks if t["rule"] == "appendix-row"]
    assert rows[0]["restates"] == 0
    assert "restates" not in rows[1]


def test_table_without_task_columns_gives_no_tasks() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("II. MỤC TIÊU", 1),
        Paragraph("PHỤ LỤC", 2),
        Table(
            rows=[["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025"], ["1", "Tỷ lệ", "%", "80"]], line=3
        ),
    ]
    source = SourceDocument(name="t.docx", format="docx", blocks=blocks)
    assert extract_tasks(build_outline(source)) == []


# ------------------------------------------------------------------ seeds and fixtures


def test_seed_tasks_match_the_gold_count_and_sections(seeds_dir: Path, gold_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        gold = json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
        tasks = extract_tasks(build_outline(read_path(path)))
        assert [t["section"] for t in tasks] == [t["section"] for t in gold["tasks"]], path.name


def test_seed_004_bullets_inherit_the_intro_bodies(seeds_dir: Path) -> None:
    tasks = extract_tasks(build_outline(read_path(next(seeds_dir.glob("004_*.txt")))))
    bullets = [t for t in tasks if t["section"] == "III.2.1"]
    assert len(bullets) == 11
    assert all("Các sở, ban, ngành" in t["lead"] for t in bullets)
    assert [t["group"] for t in bullets][-1] == "kieu_bao"


def test_fixture_with_tab_separated_appendix() -> None:
    path = FIXTURES / "ubnd_2025_tabs.txt"
    if not path.exists():
        pytest.skip("fixture documents are not in this checkout")
    expected = json.loads((FIXTURES / "ubnd_2025_tabs.expected.json").read_text(encoding="utf-8"))
    tasks = extract_tasks(build_outline(read_path(path)))
    assert [(t["section"], t["lead"], t.get("due")) for t in tasks] == [
        (t["section"], t["lead"], t.get("due")) for t in expected["tasks"]
    ]


# ------------------------------------------------------------------ property


PIECES = [
    "I. NHIỆM VỤ, GIẢI PHÁP",
    "II. TỔ CHỨC THỰC HIỆN",
    "1. Sở Y tế",
    "2.1. Các sở, ban, ngành:",
    "a) Chủ trì, phối hợp với Sở Tài chính",
    "- Đề nghị: Hội Nông dân tỉnh",
    "+ Đối với phụ nữ:",
    "Nơi nhận:",
    "PHỤ LỤC II",
    "¹ Chú thích",
    "1) Ghi chú",
    "<sup>(1)</sup>",
    "**",
    "*",
    "##",
    "kịp thời.",
    "Sở Nội vụ tham mưu",
    "công nhân, nông dân",
    ";",
    ":",
    "",
    " ",
    "Giao",
    "và",
    "trước ngày 30/6/2025",
    "Thời gian: Quý IV/2025",
    "(Năm 2026)",
    "T/M UBND",
    "I",
    "đ)",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(PIECES), max_size=4).map(" ".join), max_size=30),
    st.lists(st.lists(st.sampled_from(PIECES), min_size=0, max_size=5), max_size=4),
    st.sampled_from(["txt", "md", "docx", "pdf"]),
)
def test_any_mix_of_lines_and_rows_gives_a_consistent_outline(lines, rows, fmt) -> None:
    blocks: list[Paragraph | Table] = [Paragraph(text=t, line=i) for i, t in enumerate(lines, 1)]
    if rows:
        blocks.append(Table(rows=rows, line=len(lines) + 1))
    outline = build_outline(SourceDocument(name="x", format=fmt, blocks=blocks))
    for i, node in enumerate(outline.nodes):
        assert node.parent is None or 0 <= node.parent < i
    for task in extract_tasks(outline):
        assert task["text"]
        assert isinstance(task["lead"], list) and isinstance(task["support"], list)
        assert "restates" not in task or 0 <= task["restates"] < len(outline.nodes)


def test_output_inside_the_text() -> None:
    tasks = tasks_of_text(
        "II. NHIỆM VỤ\n\n- Sở Nội vụ xây dựng đề án vị trí việc làm. Sản phẩm: Đề án trình UBND tỉnh; "
        "thời gian hoàn thành: Quý III/2025.\n"
    )
    assert tasks[0]["output"] == "Đề án trình UBND tỉnh"
    assert tasks[0]["due"] == "Quý III/2025"


def table_tasks(rows: list[list[str]]) -> list[dict]:
    blocks: list[Paragraph | Table] = [
        Paragraph("I. NHIỆM VỤ", 1),
        Paragraph("- Một việc.", 2),
        Paragraph("PHỤ LỤC", 3),
        Table(rows=rows, line=4),
    ]
    outline = build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    return [t for t in extract_tasks(outline) if t["rule"] == "appendix-row"]


def test_two_row_header_with_merged_cells_and_merged_group_rows() -> None:
    rows = [
        [
            "STT",
            "Nội dung nhiệm vụ",
            "Cơ quan thực hiện",
            "Cơ quan thực hiện",
            "Thời gian thực hiện",
        ],
        ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian thực hiện"],
        ["(1)", "(2)", "(3)", "(4)", "(5)"],
        ["I. CẢI CÁCH THỂ CHẾ"] * 5,
        ["1", "Rà soát văn bản", "Sở Tư pháp", "Các sở, ngành", "Tháng 6/2025"],
        ["II", "Cải cách tài chính công", "Cải cách tài chính công", "Cải cách tài chính công", ""],
        ["1", "Giao quyền tự chủ", "Sở Tài chính", "", "Năm 2025"],
    ]
    tasks = table_tasks(rows)
    assert [(t["section"], t["text"], t["lead"], t["support"], t["due"]) for t in tasks] == [
        ("PL.I", "Rà soát văn bản", ["Sở Tư pháp"], ["Các sở, ngành"], "Tháng 6/2025"),
        ("PL.II", "Giao quyền tự chủ", ["Sở Tài chính"], [], "Năm 2025"),
    ]


def test_numbered_subgroup_rows_are_not_tasks() -> None:
    rows = [
        ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Tiến độ"],
        ["1", "Phát triển hạ tầng số", "", "", ""],
        [
            "1.1",
            "Phủ sóng 5G khu công nghiệp",
            "Sở Khoa học và Công nghệ",
            "Doanh nghiệp viễn thông",
            "2025",
        ],
        ["1.2", "Nâng cấp mạng truyền số liệu", "Sở Khoa học và Công nghệ", "", "2026"],
        ["2", "Đào tạo kỹ năng số cho người dân", "Sở Giáo dục và Đào tạo", "", "Thường xuyên"],
    ]
    tasks = table_tasks(rows)
    assert [t["text"] for t in tasks] == [
        "Phủ sóng 5G khu công nghiệp",
        "Nâng cấp mạng truyền số liệu",
        "Đào tạo kỹ năng số cho người dân",
    ]
    assert all(t["section"] == "PL" for t in tasks)


def test_table_without_a_number_column() -> None:
    rows = [
        ["Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        ["Ban hành quy chế phối hợp", "Văn phòng UBND tỉnh", "Quý II/2025"],
    ]
    tasks = table_tasks(rows)
    assert [(t["text"], t["lead"], t["due"]) for t in tasks] == [
        ("Ban hành quy chế phối hợp", ["Văn phòng UBND tỉnh"], "Quý II/2025")
    ]


def test_group_named_by_the_heading_above_the_items() -> None:
    tasks = tasks_of_text(
        "PHẦN II. NHIỆM VỤ, GIẢI PHÁP\n\n1. Phát huy các giai tầng\n\na) Đối với giai cấp công nhân:\n\n"
        "- Chăm lo nhà ở.\n\n- Đào tạo nghề.\n\nb) Đối với thanh niên\n\n- Tạo việc làm.\n"
    )
    assert [(t["text"], t["group"]) for t in tasks] == [
        ("Chăm lo nhà ở.", "cong_nhan"),
        ("Đào tạo nghề.", "cong_nhan"),
        ("Tạo việc làm.", "thanh_nien"),
    ]


def test_restated_row_found_with_the_help_of_its_lead() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("II. NHIỆM VỤ", 1),
        Paragraph(
            "- Sở Tư pháp chủ trì rà soát các văn bản quy phạm pháp luật do tỉnh ban hành.", 2
        ),
        Paragraph("- Sở Nội vụ tổ chức đào tạo kỹ năng số cho công chức.", 3),
        Paragraph("PHỤ LỤC", 4),
        Table(
            rows=[
                ["STT", "Nhiệm vụ", "Cơ quan chủ trì"],
                [
                    "1",
                    "Rà soát, đề xuất sửa đổi các văn bản quy phạm pháp luật của tỉnh",
                    "Sở Tư pháp",
                ],
                [
                    "2",
                    "Rà soát, đề xuất sửa đổi các văn bản quy phạm pháp luật của tỉnh",
                    "Sở Y tế",
                ],
            ],
            line=5,
        ),
    ]
    tasks = extract_tasks(
        build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    )
    rows = [t for t in tasks if t["rule"] == "appendix-row"]
    assert rows[0]["restates"] == 0
    assert "restates" not in rows[1]


def test_directive_without_part_headings() -> None:
    tasks = tasks_of_text(
        "CHỈ THỊ\nCỦA BỘ CHÍNH TRỊ\nvề đại hội đảng bộ các cấp\n\n"
        "Đại hội đảng bộ các cấp là sự kiện chính trị quan trọng của toàn Đảng.\n\n"
        "Để tổ chức thành công đại hội, Bộ Chính trị yêu cầu các cấp ủy, tổ chức đảng tập trung "
        "thực hiện tốt một số nội dung sau:\n\n"
        "1. Tổ chức quán triệt Chỉ thị này đến cán bộ, đảng viên.\n\n"
        "2. Ban Tổ chức Trung ương chủ trì, phối hợp với Văn phòng Trung ương Đảng hướng dẫn thực hiện.\n\n"
        "Chỉ thị này phổ biến đến chi bộ.\n"
    )
    # the closing line orders the directive's dissemination: a task of the document's top
    # level, not of the intro above the list (whose bodies it does not take)
    assert [(t["section"], t["lead"]) for t in tasks] == [
        ("1", ["các cấp ủy", "tổ chức đảng"]),
        ("2", ["Ban Tổ chức Trung ương"]),
        ("", []),
    ]


def test_one_off_date_is_due_but_a_recurring_report_date_is_not() -> None:
    tasks = tasks_of_text(
        "II. NHIỆM VỤ\n\n- Sở Nội vụ xây dựng đề án, trình UBND tỉnh trước ngày 30/9/2025.\n\n"
        "- Các sở định kỳ hằng năm báo cáo kết quả trước ngày 15/12/2025.\n\n"
        "- Sở Y tế tổ chức thực hiện; hoàn thành trong Quý IV/2025.\n"
    )
    assert [t["due"] for t in tasks] == ["30/9/2025", None, "Quý IV/2025"]


def test_childless_numbered_line_without_full_stop_is_a_task() -> None:
    tasks = tasks_of_text(
        "III. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế tổ chức thực hiện\n\n2. Sở Tài chính\n"
    )
    assert [(t["section"], t["lead"]) for t in tasks] == [("III.1", ["Sở Y tế"])]


def test_task_table_in_the_body_takes_the_section_of_its_heading() -> None:
    blocks: list[Paragraph | Table] = [
        Paragraph("II. MỤC TIÊU", 1),
        Table(rows=[["Nhiệm vụ", "Cơ quan chủ trì"], ["Đạt chỉ tiêu", "Sở Y tế"]], line=2),
        Paragraph("III. NHIỆM VỤ, GIẢI PHÁP", 3),
        Paragraph("2. Chuyển đổi số", 4),
        Table(rows=[["Nhiệm vụ", "Cơ quan chủ trì"], ["Số hóa hồ sơ", "Sở Nội vụ"]], line=5),
    ]
    tasks = extract_tasks(
        build_outline(SourceDocument(name="t.docx", format="docx", blocks=blocks))
    )
    assert [(t["section"], t["text"], t["lead"]) for t in tasks] == [
        ("III.2", "Số hóa hồ sơ", ["Sở Nội vụ"])
    ]


def test_a_task_ending_with_the_word_sau_is_still_a_task() -> None:
    tasks = tasks_of_text("II. NHIỆM VỤ\n\n- Sở Y tế chuẩn bị nguồn lực cho những năm sau.\n")
    assert [t["text"] for t in tasks] == ["Sở Y tế chuẩn bị nguồn lực cho những năm sau."]


def test_bold_group_titles_give_their_paragraphs_a_group() -> None:
    tasks = tasks_of_text(
        "II. NHIỆM VỤ\n\n2. Các giai tầng\n\n**Đối với giai cấp nông dân**\n\nHỗ trợ nông dân sản xuất.\n\n"
        "**Đối với phụ nữ**\n\nBảo đảm bình đẳng giới.\n"
    )
    assert [(t["text"], t["group"]) for t in tasks] == [
        ("Hỗ trợ nông dân sản xuất.", "nong_dan"),
        ("Bảo đảm bình đẳng giới.", "phu_nu"),
    ]


def test_numbered_conclusions_of_a_meeting_are_tasks() -> None:
    tasks = tasks_of_text(
        "KẾT LUẬN\nCỦA THƯỜNG TRỰC TỈNH ỦY\nvề công tác chuyển đổi số năm 2025\n\n"
        "Tại buổi làm việc ngày 05/3/2025, sau khi nghe Ban cán sự đảng UBND tỉnh báo cáo, "
        "Thường trực Tỉnh ủy kết luận như sau:\n\n"
        "1. Ban cán sự đảng UBND tỉnh lãnh đạo hoàn thiện cơ sở dữ liệu dân cư của tỉnh.\n\n"
        "2. Các huyện ủy, thành ủy:\n"
        "- Kiện toàn tổ công nghệ số cộng đồng ở thôn, tổ dân phố.\n"
        "- Bố trí kinh phí cho hạ tầng số hằng năm.\n\n"
        "3. Giao Văn phòng Tỉnh ủy theo dõi, đôn đốc thực hiện Kết luận này.\n\n"
        "Kết luận này có hiệu lực kể từ ngày ký.\n"
    )
    assert [(t["section"], t["lead"], t["rule"]) for t in tasks] == [
        ("1", ["Ban cán sự đảng UBND tỉnh"], "numbered-item"),
        ("2", ["Các huyện ủy", "thành ủy"], "bullet-item"),
        ("2", ["Các huyện ủy", "thành ủy"], "bullet-item"),
        ("3", ["Văn phòng Tỉnh ủy"], "numbered-item"),
    ]


FIELDS = """KẾ HOẠCH
Phát triển thể thao quần chúng năm 2026

II. NHIỆM VỤ, GIẢI PHÁP

1. Phát triển phong trào

a) Tổ chức giải chạy việt dã cấp tỉnh.
- Đơn vị chủ trì: Sở Văn hóa, Thể thao và Du lịch.
- Đơn vị phối hợp: Tỉnh đoàn, UBND các phường.
- Thời gian hoàn thành: Quý II/2026.

b) Xây dựng sân chơi cho thiếu nhi ở khu dân cư (Chủ trì: UBND các xã; Phối hợp: Sở Tài chính; Thời gian: năm 2027).

c) Duy trì câu lạc bộ dưỡng sinh.
+ Cơ quan thực hiện: Hội Người cao tuổi tỉnh.

III. TỔ CHỨC THỰC HIỆN

1. Trung tâm Huấn luyện thể thao tỉnh chuẩn bị lực lượng vận động viên.

2. Các thôn, tổ dân phố báo cáo kết quả phong trào.
"""


def test_labelled_fields_give_lead_support_and_due_and_are_not_tasks() -> None:
    tasks = tasks_of_text(FIELDS)
    assert [t["text"][:20] for t in tasks] == [
        "Tổ chức giải chạy vi",
        "Xây dựng sân chơi ch",
        "Duy trì câu lạc bộ d",
        "Trung tâm Huấn luyện",
        "Các thôn, tổ dân phố",
    ]
    first, second, third, fourth, fifth = tasks
    assert first["section"] == "II.1"
    assert first["lead"] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert first["support"] == ["Tỉnh đoàn", "UBND các phường"]
    assert first["due"] == "Quý II/2026"
    # the parenthesis stays in the text as printed
    assert second["text"].endswith(
        "(Chủ trì: UBND các xã; Phối hợp: Sở Tài chính; Thời gian: năm 2027)."
    )
    assert (second["lead"], second["support"], second["due"]) == (
        ["UBND các xã"],
        ["Sở Tài chính"],
        "năm 2027",
    )
    assert (third["lead"], third["due"]) == (["Hội Người cao tuổi tỉnh"], None)
    assert fourth["lead"] == ["Trung tâm Huấn luyện thể thao tỉnh"]
    assert fifth["lead"] == ["Các thôn, tổ dân phố"]


def test_a_heading_with_labelled_fields_hands_its_lead_to_the_items_under_it() -> None:
    text = """KẾ HOẠCH
Phòng, chống thiên tai năm 2026

II. NHIỆM VỤ, GIẢI PHÁP

1. Nâng cao năng lực ứng phó (Chủ trì: Ban Chỉ huy Phòng thủ dân sự tỉnh; Phối hợp: các sở, ngành)

- Rà soát phương án sơ tán dân ở vùng trũng.

- Diễn tập ứng phó bão cấp xã; Công an tỉnh chủ trì ở vùng ven biển.
"""
    first, second = tasks_of_text(text)
    assert first["lead"] == ["Ban Chỉ huy Phòng thủ dân sự tỉnh"]
    assert second["lead"] == ["Công an tỉnh"]
