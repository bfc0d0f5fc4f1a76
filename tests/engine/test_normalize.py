"""Cleaning raw paragraphs: markup, anchors, spaces, labels."""

from __future__ import annotations

import pytest

from trienkhai.documents import normalize
from trienkhai.documents.normalize import Label


@pytest.mark.parametrize(
    ("raw", "text", "anchors"),
    [
        ("## **II. MỤC TIÊU**", "II. MỤC TIÊU", []),
        ("- *Đối với giai cấp công nhân:* Quan tâm", "- Đối với giai cấp công nhân: Quan tâm", []),
        ("phát triển nhanh<sup>(1)</sup>; tỷ lệ", "phát triển nhanh; tỷ lệ", ["1"]),
        ("trên địa bàn thị xã⁽⁵⁾.", "trên địa bàn thị xã.", ["5"]),
        ("Đại hội Đảng bộ tỉnh lần¹", "Đại hội Đảng bộ tỉnh lần", ["1"]),
        ("diện tích 120 m² sàn", "diện tích 120 m² sàn", []),
        ("**1.** Các đảng đoàn", "1. Các đảng đoàn", []),
        ("Tiếp\u00a0tục   đẩy  mạnh ", "Tiếp tục đẩy mạnh", []),
        ("1\\. Mục đích", "1. Mục đích", []),
        ("-----", "", []),
        ("*", "", []),
        ("* Nhiệm vụ thứ nhất", "• Nhiệm vụ thứ nhất", []),
    ],
)
def test_clean(raw: str, text: str, anchors: list[str]) -> None:
    assert normalize.clean(raw) == (text, anchors)


def test_clean_composes_decomposed_diacritics() -> None:
    decomposed = "Nghi\u0323 quye\u0302\u0301t"
    assert normalize.clean(decomposed)[0] == "Nghị quyết"


@pytest.mark.parametrize(
    ("text", "label", "rest"),
    [
        ("I. MỤC ĐÍCH, YÊU CẦU", Label("roman", "I"), "MỤC ĐÍCH, YÊU CẦU"),
        ("IV- NHIỆM VỤ", Label("roman", "IV"), "NHIỆM VỤ"),
        ("2.1. Các sở, ban, ngành", Label("arabic", "2.1"), "Các sở, ban, ngành"),
        ("1.2.3 Sở Y tế", Label("arabic", "1.2.3"), "Sở Y tế"),
        ("2.1.Sở Y tế", Label("arabic", "2.1"), "Sở Y tế"),
        ("1.Sở Y tế", Label("arabic", "1"), "Sở Y tế"),
        ("1.000 người tham gia", None, "1.000 người tham gia"),
        ("3. Giao Ban Dân vận", Label("arabic", "3"), "Giao Ban Dân vận"),
        ("2) Đến nay", Label("arabic", "2"), "Đến nay"),
        ("đ) Sở Tài chính", Label("letter", "đ"), "Sở Tài chính"),
        ("a. Mục đích", Label("letter", "a"), "Mục đích"),
        ("- Tiếp tục", Label("bullet", "-"), "Tiếp tục"),
        ("– Tiếp tục", Label("bullet", "-"), "Tiếp tục"),
        ("+ Hội Nông dân", Label("bullet", "+"), "Hội Nông dân"),
        ("• Hội Nông dân", Label("bullet", "•"), "Hội Nông dân"),
        ("(1) Sở Y tế chủ trì", Label("letter", "1"), "Sở Y tế chủ trì"),
        ("(b) Sở Y tế chủ trì", Label("letter", "b"), "Sở Y tế chủ trì"),
        ("(Kèm theo Kế hoạch số 12)", None, "(Kèm theo Kế hoạch số 12)"),
        ("100% cấp ủy", None, "100% cấp ủy"),
        ("10.000 người tham gia", None, "10.000 người tham gia"),
        ("03 trụ cột kinh tế", None, "03 trụ cột kinh tế"),
        ("Việc triển khai", None, "Việc triển khai"),
    ],
)
def test_split_label(text: str, label: Label | None, rest: str) -> None:
    assert normalize.split_label(text) == (label, rest)


def test_label_depth() -> None:
    assert Label("arabic", "2.1.3").depth == 2
    assert Label("roman", "II").depth == 0


def test_docx_label() -> None:
    assert normalize.parse_docx_label("a)") == Label("letter", "a")
    assert normalize.parse_docx_label("1.") == Label("arabic", "1")
    assert normalize.parse_docx_label("chủ trì") is None


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("đạt chuẩn nông thôn mới.", True),
        ("chỉ đạo./.", True),
        ("“tự chuyển hóa”.", True),
        ("sau đây:", True),
        ("tuân thủ pháp luật;", True),
        ("Đại hội Đảng bộ tỉnh lần", False),
        ("nhân rộng điển hình", False),
    ],
)
def test_ends_sentence(text: str, closed: bool) -> None:
    assert normalize.ends_sentence(text) is closed


def test_starts_lowercase_skips_quotes() -> None:
    assert normalize.starts_lowercase("“có tâm”, bản lĩnh")
    assert not normalize.starts_lowercase("“Dân vận khéo” tiêu biểu")
    assert not normalize.starts_lowercase("2025 trở đi")
