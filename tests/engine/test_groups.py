"""Target groups: labels and runs of group bullets."""

from __future__ import annotations

import pytest

from trienkhai.documents.extract.groups import CODES, label_group, run_groups
from trienkhai.documents.lexicon import load


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Đối với giai cấp công nhân: Quan tâm chỉ đạo ...", "cong_nhan"),
        ("Đối với giai cấp nông dân: Xây dựng ...", "nong_dan"),
        ("Đội ngũ trí thức: Chú trọng ...", "tri_thuc"),
        ("Đối với đội ngũ doanh nhân: Chú trọng ...", "doanh_nhan"),
        ("Đối với thanh niên: Quan tâm ...", "thanh_nien"),
        ("Đối với phụ nữ: Phát huy ...", "phu_nu"),
        ("Đối với cựu chiến binh: Tăng cường ...", "cuu_chien_binh"),
        ("Đối với người cao tuổi: Phát huy ...", "nguoi_cao_tuoi"),
        ("Đối với đồng bào dân tộc thiểu số: Tiếp tục ...", "dan_toc_thieu_so"),
        ("Đối với đồng bào các tôn giáo: Vận động ...", "ton_giao"),
        ("Đối với kiều bào: Đẩy mạnh ...", "kieu_bao"),
        ("Sở Nội vụ: tham mưu chính sách cho công nhân.", None),
        ("Tăng cường công tác dân vận đối với công nhân.", None),
        (
            "Mục tiêu đến năm 2030 của chương trình phát triển toàn diện cho thanh niên tỉnh: ...",
            None,
        ),
    ],
)
def test_label_group(text: str, code: str | None) -> None:
    assert label_group(text) == code


def test_run_of_unlabelled_group_bullets_follows_the_order() -> None:
    texts = [
        "Nâng cao trình độ cho công nhân, người lao động; chăm lo nhà ở cho công nhân.",
        "Bồi dưỡng nông dân sản xuất nông nghiệp sạch.",
        "Thu hút nhân tài, trọng dụng trí thức.",
        "Hỗ trợ doanh nghiệp, gắn kết doanh nhân với công nhân, nông dân, trí thức.",
        "Giáo dục thế hệ trẻ, tạo việc làm cho thanh niên.",
        "Vận động kiều bào hướng về quê hương, thu hút trí thức, doanh nhân ở nước ngoài.",
    ]
    assert run_groups(texts) == [
        "cong_nhan",
        "nong_dan",
        "tri_thuc",
        "doanh_nhan",
        "thanh_nien",
        "kieu_bao",
    ]


def test_incidental_mentions_are_not_a_group_run() -> None:
    texts = [
        "Mặt trận phát huy vai trò của công nhân, nông dân, trí thức.",
        "Tuyên truyền chủ trương của Đảng.",
        "Vận động người ở nước ngoài hướng về quê hương.",
        "Xây dựng đội ngũ cán bộ.",
    ]
    assert run_groups(texts) == [None, None, None, None]


def test_lexicon_codes_are_the_contract_codes() -> None:
    assert CODES == [
        "cong_nhan",
        "nong_dan",
        "tri_thuc",
        "doanh_nhan",
        "thanh_nien",
        "phu_nu",
        "cuu_chien_binh",
        "nguoi_cao_tuoi",
        "dan_toc_thieu_so",
        "ton_giao",
        "kieu_bao",
    ]
    for group in load("target_groups")["groups"]:
        assert group["labels"] and group["keywords"]
