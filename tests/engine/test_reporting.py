"""Reporting duties in the ways plans print them."""

from __future__ import annotations

import pytest

from trienkhai.documents.extract.reporting import (
    body_at,
    deadlines,
    extract_reporting,
    frequencies,
)
from trienkhai.documents.model import Outline, Paragraph, SourceDocument
from trienkhai.documents.structure import build_outline


def _outline(text: str) -> Outline:
    blocks = [Paragraph(t, i) for i, t in enumerate(text.split("\n"), 1) if t.strip()]
    return build_outline(SourceDocument("doc.txt", "txt", blocks))


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("định kỳ hàng quý, 6 tháng, năm báo cáo kết quả", ["quarterly", "semiannual", "annual"]),
        ("định kỳ trước ngày 10/12 hằng năm, báo cáo UBND tỉnh", ["annual"]),
        ("định kỳ tổng hợp, báo cáo UBND tỉnh", ["periodic"]),
        (
            "báo cáo kết quả thực hiện 6 tháng, năm về Ủy ban nhân dân tỉnh",
            ["semiannual", "annual"],
        ),
        ("định kỳ hằng tháng tổng hợp, báo cáo", ["monthly"]),
        ("báo cáo kết quả 6 tháng đầu năm và cả năm", ["semiannual", "annual"]),
        ("báo cáo kết quả 6 tháng cuối năm", ["semiannual"]),
        (
            "Định kỳ 06 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo",
            ["semiannual", "annual"],
        ),
        ("báo cáo kết quả thực hiện trong quý III/2025", []),
        ("sau khi nghe báo cáo kết quả 10 năm thực hiện", []),
    ],
)
def test_frequencies(clause: str, expected: list[str]) -> None:
    assert frequencies(clause) == expected


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("định kỳ trước ngày 10/12 hằng năm, báo cáo", ["12-10"]),
        ("trước ngày 01/6 và 15/11 hằng năm", ["06-01", "11-15"]),
        ("(trước ngày 15/6) và hằng năm (trước ngày 15/12)", ["06-15", "12-15"]),
        ("gửi báo cáo trước ngày 20 hằng tháng", []),
        ("trước ngày 15 của tháng cuối quý", []),
        ("báo cáo kết quả trước ngày 30/11/2025", ["11-30"]),
        ("chậm nhất ngày 25/12 hằng năm", ["12-25"]),
    ],
)
def test_deadlines(clause: str, expected: list[str]) -> None:
    assert deadlines(clause) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND tỉnh kết quả thực hiện", "UBND tỉnh"),
        ("Thị ủy, Ban Thường vụ Thị ủy để biết, chỉ đạo", "Thị ủy, Ban Thường vụ Thị ủy"),
        ("Ban Thường vụ Thành ủy (qua Ban Dân vận Thành ủy)", "Ban Thường vụ Thành ủy"),
        ("Sở Khoa học và Công nghệ để tổng hợp", "Sở Khoa học và Công nghệ"),
        ("kết quả thực hiện", None),
    ],
)
def test_body_at(text: str, expected: str | None) -> None:
    assert body_at(text) == expected


PLAN = """KẾ HOẠCH
Thực hiện chuyển đổi số năm 2025

I. MỤC ĐÍCH, YÊU CẦU
- Thường xuyên kiểm tra, đánh giá, báo cáo kịp thời khó khăn với Ủy ban nhân dân tỉnh.

II. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ
a) Hướng dẫn, đôn đốc các cơ quan thực hiện Kế hoạch.
b) Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện trước ngày 10/12 hằng năm.
2. Các sở, ban, ngành, Ủy ban nhân dân các huyện định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) gửi báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.
3. Công an tỉnh định kỳ hằng quý báo cáo Chủ tịch Ủy ban nhân dân tỉnh (qua Văn phòng Ủy ban nhân dân tỉnh).
"""


def test_duties_of_a_plan() -> None:
    got = [
        (d["frequency"], d["deadline"], d["recipient"], d["via"], d["reporter"])
        for d in extract_reporting(_outline(PLAN))
    ]
    assert got == [
        (["annual"], "12-10", "Ủy ban nhân dân tỉnh", None, "Sở Khoa học và Công nghệ"),
        (
            ["semiannual", "annual"],
            ["06-15", "12-15"],
            "Sở Khoa học và Công nghệ",
            None,
            "Các sở, ban, ngành, Ủy ban nhân dân các huyện",
        ),
        (
            ["quarterly"],
            None,
            "Chủ tịch Ủy ban nhân dân tỉnh",
            "Văn phòng Ủy ban nhân dân tỉnh",
            "Công an tỉnh",
        ),
    ]


def test_duties_say_where_they_came_from() -> None:
    for duty in extract_reporting(_outline(PLAN)):
        assert duty["line"] > 0 and duty["rule"] == "reporting.duty" and duty["text"]


def test_results_sent_without_the_word_report() -> None:
    text = (
        "KẾ HOẠCH\nabc\n\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Các đơn vị định kỳ hằng năm gửi kết quả thực hiện về Sở Nội vụ trước ngày 30/11.\n"
    )
    (duty,) = extract_reporting(_outline(text))
    assert (duty["frequency"], duty["deadline"], duty["recipient"]) == (
        ["annual"],
        "11-30",
        "Sở Nội vụ",
    )


def test_frequency_lexicon_uses_contract_codes() -> None:
    from trienkhai.documents import lexicon

    data = lexicon.load("frequencies")
    codes = {e["code"] for e in data["periods"]} | {e["code"] for e in data["standalone"]}
    assert codes <= {"monthly", "quarterly", "semiannual", "annual"}
    for entry in data["standalone"]:
        for phrase in entry["words"]:
            assert frequencies(f"định kỳ {phrase} báo cáo") in ([entry["code"]], [])


def test_cadences_each_with_its_deadline_in_brackets() -> None:
    clause = (
        "định kỳ hằng tháng (trước ngày 20), hằng quý (trước ngày 20 của tháng cuối quý), "
        "6 tháng (trước ngày 15/6), năm (trước ngày 15/12) báo cáo kết quả về Sở Nội vụ"
    )
    assert frequencies(clause) == ["monthly", "quarterly", "semiannual", "annual"]
    assert deadlines(clause) == ["06-15", "12-15"]


def test_deadline_in_words() -> None:
    assert deadlines("báo cáo trước ngày 25 tháng 11 hằng năm") == ["11-25"]
    assert deadlines("báo cáo trước ngày 25 tháng 11 năm 2025") == ["11-25"]


def test_one_named_period_is_not_a_cadence() -> None:
    assert frequencies("xây dựng báo cáo sơ kết 6 tháng đầu năm 2025 trình UBND tỉnh") == []
    assert frequencies("báo cáo kết quả 6 tháng đầu năm, cả năm") == ["semiannual", "annual"]


def test_two_duties_joined_in_one_clause() -> None:
    """ "... hằng quý trước ngày 20 và báo cáo năm trước ngày 30/11/2026 về Sở (qua Phòng ...)":
    two duties, the recipient and the channel printed after the second shared by both."""
    text = (
        "KẾ HOẠCH\nvề chuyển đổi số\n\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Các phòng chuyên môn gửi báo cáo tiến độ hằng quý trước ngày 20 của tháng cuối quý và "
        "báo cáo tổng kết năm trước ngày 30/11/2026 về Sở Thông tin và Truyền thông (qua Phòng "
        "Chuyển đổi số).\n"
    )
    got = [
        (r["frequency"], r["deadline"], r["recipient"], r["via"])
        for r in extract_reporting(_outline(text))
    ]
    assert got == [
        (["quarterly"], None, "Sở Thông tin và Truyền thông", "Phòng Chuyển đổi số"),
        (["annual"], "11-30", "Sở Thông tin và Truyền thông", "Phòng Chuyển đổi số"),
    ]


def test_sending_what_was_reported_is_the_same_duty() -> None:
    text = (
        "KẾ HOẠCH\nvề chuyển đổi số\n\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Các xã báo cáo kết quả hằng năm và gửi về Phòng Văn hóa - Thông tin trước ngày 10/12.\n"
    )
    got = [(r["frequency"], r["deadline"]) for r in extract_reporting(_outline(text))]
    assert got == [(["annual"], "12-10")]
