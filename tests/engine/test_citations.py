"""Cited documents: tables of sentences in the shapes real plans print them."""

from __future__ import annotations

import pytest

from trienkhai.documents.extract.citations import (
    collect_mentions,
    extract_citations,
    mentions_in,
    same_issuer,
)
from trienkhai.documents.model import Outline, Paragraph, SourceDocument
from trienkhai.documents.structure import build_outline


def _outline(text: str) -> Outline:
    blocks = [Paragraph(t, i) for i, t in enumerate(text.split("\n"), 1) if t.strip()]
    return build_outline(SourceDocument("doc.txt", "txt", blocks))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thực hiện Nghị quyết số 09-NQ/TW, ngày 08/01/2002 của Bộ Chính trị khóa IX về tăng cường",
            [("nghi_quyet", "09-NQ/TW", "2002-01-08", "Bộ Chính trị khóa IX")],
        ),
        (
            "Chỉ thị số 33/CT-TTg, ngày 26/11/2021 của Thủ tướng Chính phủ về tiếp tục tăng cường",
            [("chi_thi", "33/CT-TTg", "2021-11-26", "Thủ tướng Chính phủ")],
        ),
        (
            "trong thực hiện Pháp lệnh số 34/2007/PL-UBTVQH11, Luật thực hiện dân chủ ở cơ sở",
            [("phap_lenh", "34/2007/PL-UBTVQH11", None, None)],
        ),
        (
            "Tiếp tục thực hiện tốt Hướng dẫn 02-HD/TU, ngày 24/4/2018 của Ban Thường vụ Tỉnh ủy về việc",
            [("huong_dan", "02-HD/TU", "2018-04-24", "Ban Thường vụ Tỉnh ủy")],
        ),
        (
            "giám sát theo Quy định số 124-QĐ/TW, ngày 02/2/2018 của Ban Bí thư Trung ương Đảng.",
            [("quy_dinh", "124-QĐ/TW", "2018-02-02", "Ban Bí thư Trung ương Đảng")],
        ),
        (
            "quán triệt các Nghị quyết số 18-NQ/TW, 19-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII",
            [
                ("nghi_quyet", "18-NQ/TW", None, "Ban Chấp hành Trung ương Đảng khóa XII"),
                ("nghi_quyet", "19-NQ/TW", None, "Ban Chấp hành Trung ương Đảng khóa XII"),
            ],
        ),
        (
            "theo Quyết định số 99-QĐ/TW, ngày 03/10/2017 và Quy định số 124-QĐ/TW, ngày 02/02/2018 "
            "của Ban Bí thư Trung ương Đảng; tích cực",
            [
                ("quyet_dinh", "99-QĐ/TW", "2017-10-03", "Ban Bí thư Trung ương Đảng"),
                ("quy_dinh", "124-QĐ/TW", "2018-02-02", "Ban Bí thư Trung ương Đảng"),
            ],
        ),
        (
            "Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết",
            [("nghi_dinh", "59/2023/NĐ-CP", "2023-08-14", "Chính phủ")],
        ),
        (
            "Căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 ngày 10/11/2022;",
            [("luat", "10/2022/QH15", "2022-11-10", None)],
        ),
        (
            "Thông tư số 01/2024/TT-BNV ngày 05/3/2024 của Bộ Nội vụ hướng dẫn",
            [("thong_tu", "01/2024/TT-BNV", "2024-03-05", "Bộ Nội vụ")],
        ),
        (
            "theo Công văn số 1234/UBND-VX ngày 05/3/2025 của Ủy ban nhân dân tỉnh",
            [("cong_van", "1234/UBND-VX", "2025-03-05", "Ủy ban nhân dân tỉnh")],
        ),
        (
            "Nghị quyết số 43-NQ/TW của Hội nghị Trung ương lần thứ tám Ban Chấp hành Trung ương "
            "Đảng (khóa XIII) về tiếp tục",
            [("nghi_quyet", "43-NQ/TW", None, "Ban Chấp hành Trung ương Đảng")],
        ),
        (
            "Kế hoạch số 16/KH-UBND ngày 12/01/2024 của UBND tỉnh về thực hiện Nghị quyết số "
            "41-NQ/TW của Bộ Chính trị (khóa XIII)",
            [
                ("ke_hoach", "16/KH-UBND", "2024-01-12", "UBND tỉnh"),
                ("nghi_quyet", "41-NQ/TW", None, "Bộ Chính trị"),
            ],
        ),
        (
            "phối hợp với Sở Khoa học và Công nghệ theo Thông báo kết luận số 12-TB/TU, ngày "
            "3 tháng 5 năm 2024 của Thường trực Tỉnh ủy",
            [("thong_bao", "12-TB/TU", "2024-05-03", "Thường trực Tỉnh ủy")],
        ),
        ("Đề án 06 và Chỉ thị 42 không có ký hiệu; giai đoạn 2021-2025, tỷ lệ 3/8 huyện", []),
    ],
)
def test_mentions(sentence: str, expected: list[tuple]) -> None:
    got = [
        (m.kind, m.number, m.date.isoformat() if m.date else None, m.issuer)
        for m in mentions_in(sentence, 1)
    ]
    assert got == expected


def test_term_is_read_from_the_bracket() -> None:
    (m,) = mentions_in("Nghị quyết số 45-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa XIII) về", 1)
    assert m.khoa == "XIII"
    assert m.issuer == "Ban Chấp hành Trung ương Đảng"


def test_one_document_per_identity_dated_from_anywhere() -> None:
    text = (
        "KẾ HOẠCH\n\nThực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng\n\n"
        "I. MỤC ĐÍCH\n\n- Quán triệt Nghị quyết số 43-NQ/TW ngày 24/11/2023 của Ban Chấp hành "
        "Trung ương Đảng (khóa XIII).\n\n- Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị (khóa XII) "
        "và Chỉ thị số 05-CT/TW, ngày 23/6/2021 của Ban Bí thư.\n"
    )
    got = {(c["kind"], c["number"], c["date"]) for c in extract_citations(_outline(text), {})}
    assert got == {
        ("nghi_quyet", "43-NQ/TW", "2023-11-24"),
        ("chi_thi", "05-CT/TW", None),  # of the Bộ Chính trị: another document
        ("chi_thi", "05-CT/TW", "2021-06-23"),
    }


def test_the_document_itself_is_not_cited() -> None:
    text = "KẾ HOẠCH\n\n- Thực hiện Kế hoạch số 123/KH-UBND ngày 15/3/2025 này và Chỉ thị số 01/CT-TTg.\n"
    got = [c["number"] for c in extract_citations(_outline(text), {"number": "123/KH-UBND"})]
    assert got == ["01/CT-TTg"]


def test_footnote_bodies_are_searched() -> None:
    text = (
        "KẾ HOẠCH\n\nI. NHIỆM VỤ\n\n- Tổng kết các nghị quyết của Trung ương¹; sơ kết việc thực hiện.\n\n"
        "¹ Tổng kết 20 năm thực hiện Nghị quyết số 09-NQ/TW, ngày 08/01/2002 của Bộ Chính trị.\n"
    )
    cited = extract_citations(_outline(text), {})
    assert [(c["number"], c["date"], c["issuer"]) for c in cited] == [
        ("09-NQ/TW", "2002-01-08", "Bộ Chính trị")
    ]
    assert cited[0]["line"] > 0 and cited[0]["rule"].startswith("citation.")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Bộ Chính trị", "Bộ Chính trị khóa IX", True),
        ("Ban Bí thư", "Ban Bí thư Trung ương Đảng", True),
        ("Bộ Chính trị", "Ban Bí thư", False),
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh", True),
        (None, "Ban Bí thư", True),
    ],
)
def test_same_issuer(a: str | None, b: str | None, same: bool) -> None:
    assert same_issuer(a, b) is same


CONTRACT_KINDS = {
    "nghi_quyet", "chuong_trinh", "ke_hoach", "chi_thi", "ket_luan", "quyet_dinh", "quy_dinh",
    "de_an", "cong_van", "huong_dan", "quy_che", "phap_lenh", "luat", "nghi_dinh", "thong_tu",
    "bao_cao", "thong_bao", "other",
}  # fmt: skip


def test_kind_lexicon_is_consistent() -> None:
    """Every kind is a contract code, and no printed word maps to two kinds."""
    from trienkhai.documents import lexicon

    data = lexicon.load("document_kinds")
    seen: dict[str, str] = {}
    for entry in data["kinds"]:
        assert entry["code"] in CONTRACT_KINDS
        for word in entry["words"]:
            assert word == word.lower().strip()
            assert seen.setdefault(word, entry["code"]) == entry["code"], word
    assert {e["code"] for e in data["kinds"]} == CONTRACT_KINDS


def test_issuer_lexicon_compiles() -> None:
    import re

    from trienkhai.documents import lexicon

    data = lexicon.load("issuers")
    for pattern in data["issuer_prefixes"]:
        assert re.compile(pattern).match("hội nghị trung ương lần thứ tám ")
    assert len(set(data["positions"])) == len(data["positions"])


def test_a_plenum_as_issuer_is_kept_when_no_body_follows() -> None:
    (m,) = mentions_in(
        "Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Hội nghị Trung ương 6 khóa XI đã", 1
    )
    assert m.issuer == "Hội nghị Trung ương 6 khóa XI"
    assert same_issuer(m.issuer, "Ban Chấp hành Trung ương")


def test_a_number_wrapped_at_its_hyphen() -> None:
    """A PDF line wrapped after the hyphen leaves "02- HD/TU"; the number reads whole."""
    (m,) = mentions_in("thực hiện tốt Hướng dẫn 02- HD/TU, ngày 24/4/2018 của Ban Thường vụ", 1)
    assert (m.kind, m.number, m.date.isoformat() if m.date else None) == (
        "huong_dan",
        "02-HD/TU",
        "2018-04-24",
    )


def test_a_number_typed_after_a_blank() -> None:
    (m,) = mentions_in("theo Kế hoạch số 123 /KH-UBND ngày 15/3/2025 của UBND tỉnh", 1)
    assert (m.number, m.date.isoformat() if m.date else None) == ("123/KH-UBND", "2025-03-15")


def test_a_term_wrapped_onto_a_line_read_as_a_heading() -> None:
    """ "(khóa" / "XVIII) và ..." on two PDF lines: the second is not a heading XVIII."""
    from trienkhai.documents.model import Node

    source = SourceDocument("doc.pdf", "pdf", [])
    outline = Outline(
        source,
        [
            Node(
                "Thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng (khóa",
                4,
                "paragraph",
            ),
            Node(
                "và Chương trình số 58-CTr/TU ngày 10/01/2024 của Ban Thường vụ Tỉnh ủy",
                5,
                "heading",
                label="XVIII",
            ),
        ],
    )
    got = [(m.number, m.khoa, m.line) for m in collect_mentions(outline)]
    assert got == [("43-NQ/TW", "XVIII", 4), ("58-CTr/TU", None, 5)]


@pytest.mark.parametrize(
    ("sentence", "issuer", "khoa"),
    [
        (
            "quán triệt Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Hội nghị lần thứ tám Ban Chấp "
            "hành Trung ương Đảng khóa XII về chiến lược biển",
            "Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XII",
            "XII",
        ),
        (
            "Nghị quyết số 19-NQ/TW của Hội nghị lần thứ năm Ban Chấp hành Trung ương khóa XIII "
            "và các văn bản",
            "Hội nghị lần thứ năm Ban Chấp hành Trung ương khóa XIII",
            "XIII",
        ),
        (
            "Nghị quyết số 21-NQ/TW của Hội nghị Trung ương 4 (khóa XII) về dân số",
            "Hội nghị Trung ương 4",
            "XII",
        ),
        (
            "Nghị quyết số 27-NQ/TW của Hội nghị Trung ương lần thứ sáu Ban Chấp hành Trung ương "
            "Đảng (khóa XIII) về nhà nước pháp quyền",
            "Ban Chấp hành Trung ương Đảng",
            "XIII",
        ),
    ],
)
def test_a_plenum_named_with_its_session(sentence: str, issuer: str, khoa: str) -> None:
    (m,) = mentions_in(sentence, 1)
    assert (m.issuer, m.khoa) == (issuer, khoa)
