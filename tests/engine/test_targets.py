"""Numeric targets: comparators, values, units, the year due, and what is not a target."""

from __future__ import annotations

import pytest

from trienkhai.documents.extract.targets import extract_targets, figures, number_value
from trienkhai.documents.model import Outline, Paragraph, SourceDocument
from trienkhai.documents.structure import build_outline


def _outline(text: str) -> Outline:
    blocks = [Paragraph(t, i) for i, t in enumerate(text.split("\n"), 1) if t.strip()]
    return build_outline(SourceDocument("doc.txt", "txt", blocks))


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("100% cấp ủy, tổ chức đảng thực hiện tốt quy chế", [(">=", 100, "%")]),
        ("trong đó trên 60% đạt tiêu chí “Dân vận khéo”", [(">", 60, "%")]),
        ("có từ 01 - 02 điển hình “Dân vận khéo”", [("between", [1, 2], "điển hình")]),
        ("Tỷ lệ hộ nghèo giảm xuống dưới 2%", [("<", 2, "%")]),
        ("Tốc độ tăng trưởng GRDP bình quân đạt từ 8% trở lên", [(">=", 8, "%")]),
        ("tỷ lệ che phủ rừng đạt từ 70 - 75%", [("between", [70, 75], "%")]),
        ("tỷ lệ hồ sơ trễ hạn không quá 5%", [("<=", 5, "%")]),
        ("Tối thiểu 90% người dân được kích hoạt tài khoản", [(">=", 90, "%")]),
        (
            "Hình thành ít nhất 02 khu công nghệ thông tin tập trung.",
            [(">=", 2, "khu công nghệ thông tin tập trung")],
        ),
        ("tăng trưởng kinh tế đạt 7,5%/năm", [(">=", 7.5, "%")]),
        ("Đào tạo nghề cho 3.000 lao động nông thôn", [(">=", 3000, "lao động nông thôn")]),
        ("kim ngạch xuất khẩu vượt 2 tỷ USD", [(">", 2, "tỷ USD")]),
        ("tỷ lệ ≥ 95% hồ sơ", [(">=", 95, "%")]),
        ("đến năm 2030 theo Nghị quyết số 43-NQ/TW, giai đoạn 2021-2025", []),
    ],
)
def test_figures(clause: str, expected: list[tuple]) -> None:
    got = [(f["comparator"], f["value"], f["unit"]) for f in figures(clause)]
    assert got == expected


def test_number_values() -> None:
    assert number_value("01") == 1
    assert number_value("2,21") == 2.21
    assert number_value("3.000") == 3000
    assert number_value("1.5") == 1.5


PLAN = """KẾ HOẠCH
Phát triển nông nghiệp năm 2025

I. ĐÁNH GIÁ TÌNH HÌNH
Năm 2024, tăng trưởng đạt 6,2%; có 72/93 xã đạt chuẩn, tỷ lệ 77,4%.

II. MỤC TIÊU
1. Mục tiêu chung
- Tập trung phát triển mạnh 03 trụ cột kinh tế gắn với ứng dụng công nghệ cao.
- Đến năm 2030, 100% xã đạt chuẩn nông thôn mới.
2. Mục tiêu cụ thể
a) Đến hết năm 2025:
- Có ít nhất 05 sản phẩm OCOP mới.
- Tỷ lệ hộ nghèo giảm còn dưới 1,5%.
- Xây dựng 10 mô hình kinh tế tập thể; đến nay đã có 8 mô hình.

III. NHIỆM VỤ, GIẢI PHÁP
1. Sở Nông nghiệp và Môi trường chủ trì hướng dẫn 20 hợp tác xã; phấn đấu đến năm 2026 có trên 30% hợp tác xã ứng dụng công nghệ số.

IV. TỔ CHỨC THỰC HIỆN
1. Các sở, ngành định kỳ 6 tháng báo cáo Ủy ban nhân dân tỉnh.
"""


def test_targets_of_a_plan() -> None:
    got = [
        (t["comparator"], t["value"], t["unit"], t["year"]) for t in extract_targets(_outline(PLAN))
    ]
    assert got == [
        (">=", 100, "%", 2030),
        (">=", 5, "sản phẩm OCOP mới", 2025),
        ("<", 1.5, "%", 2025),
        (">=", 10, "mô hình kinh tế tập thể", 2025),
        (">", 30, "%", 2026),
    ]


def test_every_target_says_where_it_came_from() -> None:
    for target in extract_targets(_outline(PLAN)):
        assert target["line"] > 0
        assert target["rule"] in ("target.objectives", "target.commitment")
        assert target["text"]


def test_no_targets_in_a_plan_without_figures() -> None:
    text = "KẾ HOẠCH\nabc\n\nII. MỤC TIÊU\n- Tiếp tục phát huy truyền thống đến năm 2045.\n"
    assert extract_targets(_outline(text)) == []


def test_comparator_lexicon_uses_contract_comparators() -> None:
    import re

    from trienkhai.documents import lexicon

    data = lexicon.load("comparators")
    allowed = {">=", ">", "=", "<=", "<", "between"}
    assert {e["comparator"] for e in data["before"] + data["after"]} | {data["bare"]} <= allowed
    for pattern in data["past_patterns"] + data["year_patterns"]:
        re.compile(pattern)


def test_a_lead_in_year_covers_the_clauses_after_its_colon() -> None:
    text = (
        "KẾ HOẠCH\nabc\n\nII. MỤC TIÊU\nPhấn đấu đến hết năm 2025: tỷ lệ giải ngân đạt 100% kế "
        "hoạch vốn; tăng trưởng GRDP đạt 8% trở lên; giảm tối thiểu 15% đầu mối.\n"
    )
    got = [(t["comparator"], t["value"], t["year"]) for t in extract_targets(_outline(text))]
    assert got == [(">=", 100, 2025), (">=", 8, 2025), (">=", 15, 2025)]


def test_vision_targets_under_a_purpose_heading() -> None:
    text = (
        "NGHỊ QUYẾT\nabc\n\nII. QUAN ĐIỂM CHỈ ĐẠO, MỤC TIÊU\n1. Quan điểm chỉ đạo\n"
        "- Khoa học là đột phá hàng đầu trong 5 năm tới.\n2. Mục tiêu đến năm 2030\n"
        "- Quy mô kinh tế số đạt tối thiểu 30% GDP.\n3. Tầm nhìn đến năm 2045\n"
        "- Kinh tế số đạt tối thiểu 50% GDP.\n"
    )
    got = [
        (t["comparator"], t["value"], t["unit"], t["year"]) for t in extract_targets(_outline(text))
    ]
    assert got == [(">=", 30, "%", 2030), (">=", 50, "%", 2045)]


def test_a_table_of_indicators() -> None:
    from trienkhai.documents.model import Table

    blocks = [
        Paragraph("KẾ HOẠCH", 1),
        Paragraph("Phát triển kinh tế - xã hội năm 2025", 2),
        Paragraph("II. CÁC CHỈ TIÊU CHỦ YẾU", 3),
        Table(
            [
                ["STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2024", "Kế hoạch năm 2025"],
                ["1", "Tốc độ tăng trưởng GRDP", "%", "7,2", "≥ 8"],
                ["2", "Thu nhập bình quân đầu người", "triệu đồng", "85", "95"],
                ["3", "Tỷ lệ hộ nghèo", "%", "2,1", "dưới 1,5"],
                ["4", "Ghi chú chung", "", "", ""],
            ],
            4,
        ),
        Paragraph("III. NHIỆM VỤ", 9),
        Paragraph("- Triển khai các giải pháp.", 10),
    ]
    outline = build_outline(SourceDocument("doc.docx", "docx", blocks))
    got = [
        (t["text"], t["comparator"], t["value"], t["unit"], t["year"], t["rule"])
        for t in extract_targets(outline)
    ]
    assert got == [
        ("Tốc độ tăng trưởng GRDP", ">=", 8, "%", 2025, "target.table"),
        ("Thu nhập bình quân đầu người", ">=", 95, "triệu đồng", 2025, "target.table"),
        ("Tỷ lệ hộ nghèo", "<", 1.5, "%", 2025, "target.table"),
    ]


def test_a_task_table_gives_no_targets() -> None:
    from trienkhai.documents.model import Table

    blocks = [
        Paragraph("KẾ HOẠCH", 1),
        Paragraph("abc", 2),
        Paragraph("PHỤ LỤC", 3),
        Table(
            [
                ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành", "Sản phẩm"],
                ["1", "Đào tạo 500 cán bộ", "Sở Nội vụ", "Năm 2025", "02 lớp"],
            ],
            4,
        ),
    ]
    assert extract_targets(build_outline(SourceDocument("doc.docx", "docx", blocks))) == []


@pytest.mark.parametrize(
    "clause",
    [
        "Phấn đấu có 5 trường thuộc nhóm 100 trường dẫn đầu khu vực",
        "Đưa huyện vào top 10 địa phương có chỉ số cải cách hành chính tốt nhất",
        "Phấn đấu chỉ số năng lực cạnh tranh xếp hạng 12 cả nước",
        "Tiêm chủng đầy đủ cho trẻ em dưới 2 tuổi",
        "Chăm sóc sức khỏe cho người cao tuổi từ 75 đến 80 tuổi",
    ],
)
def test_ranks_classes_and_ages_are_not_figures(clause: str) -> None:
    units = [f["unit"] for f in figures(clause)]
    assert not any(u and ("trường dẫn đầu" in u or "địa phương" in u or u == "tuổi") for u in units)
    assert all(f["value"] not in (100, 10, 12, 2, [75, 80]) for f in figures(clause))


def test_an_age_reached_is_a_target() -> None:
    got = [
        (f["comparator"], f["value"], f["unit"]) for f in figures("tuổi thọ bình quân đạt 76 tuổi")
    ]
    assert got == [(">=", 76, "tuổi")]


def test_a_commitment_governs_the_clauses_of_its_sentence() -> None:
    """No objectives part: "Phấn đấu a; b; c." inside a numbered item gives all three; the next
    sentence, with no cue of its own, gives none."""
    text = (
        "CHỈ THỊ\nvề phòng, chống đuối nước cho trẻ em\n\n"
        "Ban Thường vụ Huyện ủy yêu cầu thực hiện tốt các nội dung sau:\n\n"
        "1. Phấn đấu mỗi năm giảm từ 10% đến 15% số vụ đuối nước; 90% trường học tổ chức dạy bơi; "
        "tỷ lệ trẻ em biết bơi đạt trên 60%. Năm 2025 toàn huyện có 35% trẻ em biết bơi.\n\n"
        "2. Các xã bố trí kinh phí.\n"
    )
    got = [(t["comparator"], t["value"], t["unit"]) for t in extract_targets(_outline(text))]
    assert got == [("between", [10, 15], "%"), (">=", 90, "%"), (">", 60, "%")]


def test_a_statistic_after_a_commitment_is_not_governed_by_it() -> None:
    text = (
        "CHỈ THỊ\nvề phòng, chống đuối nước cho trẻ em\n\n"
        "Ban Thường vụ Huyện ủy yêu cầu thực hiện tốt các nội dung sau:\n\n"
        "1. Phấn đấu đến năm 2027 có 95% trẻ em biết bơi; năm 2025 đã đạt 40% trẻ em biết bơi.\n"
    )
    got = [(t["comparator"], t["value"], t["unit"]) for t in extract_targets(_outline(text))]
    assert got == [(">=", 95, "%")]


def test_an_area_keeps_its_exponent() -> None:
    """ "27 m²" is an area: the unit keeps its ² (footnote glyphs are what the cleaning drops)."""
    text = (
        "KẾ HOẠCH\nabc\nI. MỤC TIÊU\n2. Chỉ tiêu cụ thể\n"
        "- Phấn đấu đến năm 2025, diện tích nhà ở bình quân đạt 27 m² sàn/người¹.\n"
    )
    (target,) = extract_targets(_outline(text))
    assert (target["value"], target["unit"]) == (27, "m² sàn")
    assert target["text"].endswith("27 m² sàn/người.")
