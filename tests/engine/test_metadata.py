"""Document metadata and `implements`, read from headers printed in different shapes."""

from __future__ import annotations

from trienkhai.documents.extract.metadata import body_case, extract_document, extract_implements
from trienkhai.documents.model import Outline, Paragraph, SourceDocument
from trienkhai.documents.structure import build_outline


def _outline(text: str) -> Outline:
    blocks = [Paragraph(t, i) for i, t in enumerate(text.split("\n"), 1) if t.strip()]
    return build_outline(SourceDocument("doc.txt", "txt", blocks))


UBND = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG TRỊ
Số: 45/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Quảng Trị, ngày 02 tháng 01 năm 2025

KẾ HOẠCH
Triển khai thực hiện Kế hoạch số 12-KH/TU ngày 20/12/2024 của Ban Thường vụ Tỉnh ủy
về phát triển kinh tế tư nhân năm 2025

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Cụ thể hóa các nhiệm vụ.

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

(Đã ký)

HOÀNG NAM
"""

PARTY = """TỈNH ỦY QUẢNG NAM\tĐẢNG CỘNG SẢN VIỆT NAM
*
Số 15-CTr/TU
Tam Kỳ, ngày 5 tháng 3 năm 2024

CHƯƠNG TRÌNH HÀNH ĐỘNG
thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị
và Kết luận số 10-KL/TW của Ban Bí thư về chuyển đổi số

I. MỤC TIÊU
- Nâng cao nhận thức.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Lương Nguyễn Minh Triết
"""

BLANK = """Số:      /KH-UBND
Gia Lai, ngày     tháng     năm 2025

KẾ HOẠCH
Tổ chức các hoạt động kỷ niệm năm 2025

Thực hiện Chỉ thị số 05/CT-UBND ngày 10/01/2025 của Chủ tịch Ủy ban nhân dân tỉnh; Công văn số 120/UBND-KGVX ngày 12/01/2025, Ủy ban nhân dân tỉnh Gia Lai ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH
- Tuyên truyền sâu rộng.
"""

DECISION = """BỘ NỘI VỤ
Số: 1020/QĐ-BNV
Hà Nội, ngày 30 tháng 12 năm 2024

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch cải cách hành chính năm 2025

BỘ TRƯỞNG BỘ NỘI VỤ

Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12/9/2022 của Chính phủ;

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.

BỘ TRƯỞNG

Phạm Thị Thanh Trà
"""


def test_provincial_government_header() -> None:
    doc = extract_document(_outline(UBND))
    assert doc["kind"] == "ke_hoach"
    assert doc["number"] == "45/KH-UBND"
    assert doc["issuer"] == "Ủy ban nhân dân tỉnh Quảng Trị"
    assert doc["date"] == "2025-01-02"
    assert doc["title"] == (
        "Triển khai thực hiện Kế hoạch số 12-KH/TU ngày 20/12/2024 của Ban Thường vụ Tỉnh ủy "
        "về phát triển kinh tế tư nhân năm 2025"
    )
    assert doc["signer"] == {"name": "Hoàng Nam", "position": "Phó Chủ tịch"}


def test_party_header_with_the_motto_on_the_same_line() -> None:
    doc = extract_document(_outline(PARTY))
    assert doc["kind"] == "chuong_trinh"
    assert doc["number"] == "15-CTr/TU"
    assert doc["issuer"] == "Tỉnh ủy Quảng Nam"
    assert doc["date"] == "2024-03-05"
    assert doc["title"].startswith("thực hiện Nghị quyết số 57-NQ/TW")
    assert doc["title"].endswith("về chuyển đổi số")
    assert doc["signer"] == {"name": "Lương Nguyễn Minh Triết", "position": "Bí thư"}


def test_blank_number_and_date_and_issuer_from_the_opening() -> None:
    doc = extract_document(_outline(BLANK))
    assert doc["number"] is None
    assert doc["date"] is None
    assert doc["year"] == 2025
    assert doc["issuer"] == "Ủy ban nhân dân tỉnh Gia Lai"
    assert doc["title"] == "Tổ chức các hoạt động kỷ niệm năm 2025"
    assert doc["signer"] == {"name": None, "position": None}


def test_decision_title_stops_at_the_authority_line() -> None:
    doc = extract_document(_outline(DECISION))
    assert doc["kind"] == "quyet_dinh"
    assert doc["number"] == "1020/QĐ-BNV"
    assert doc["issuer"] == "Bộ Nội vụ"
    assert doc["title"] == "Về việc ban hành Kế hoạch cải cách hành chính năm 2025"
    assert doc["signer"] == {"name": "Phạm Thị Thanh Trà", "position": "Bộ trưởng"}


def test_implements_from_the_title_chain() -> None:
    outline = _outline(PARTY)
    got = [(x["kind"], x["number"], x["date"]) for x in extract_implements(outline)]
    assert got == [("nghi_quyet", "57-NQ/TW", "2024-12-22"), ("ket_luan", "10-KL/TW", None)]


def test_implements_from_the_opening_not_from_can_cu() -> None:
    got = [(x["kind"], x["number"], x["date"]) for x in extract_implements(_outline(BLANK))]
    assert got == [
        ("chi_thi", "05/CT-UBND", "2025-01-10"),
        ("cong_van", "120/UBND-KGVX", "2025-01-12"),
    ]
    assert extract_implements(_outline(DECISION)) == []


def test_implements_skips_what_the_implemented_document_itself_implements() -> None:
    text = (
        "KẾ HOẠCH\nthực hiện Chương trình hành động số 82-CTr/TU, ngày 26/3/2024 của Tỉnh ủy "
        "thực hiện Nghị quyết số 43-NQ/TW của Ban Chấp hành Trung ương Đảng\n\nI. MỤC ĐÍCH\n- Một.\n"
    )
    got = [x["number"] for x in extract_implements(_outline(text))]
    assert got == ["82-CTr/TU"]


def test_body_case() -> None:
    assert body_case("THÀNH ỦY LAI CHÂU") == "Thành ủy Lai Châu"
    assert body_case("ỦY BAN NHÂN DÂN TỈNH THANH HÓA") == "Ủy ban nhân dân tỉnh Thanh Hóa"
    assert body_case("BAN CHẤP HÀNH ĐẢNG BỘ THỊ XÃ") == "Ban Chấp hành Đảng bộ thị xã"


def test_implements_after_can_cu_in_the_same_sentence() -> None:
    text = (
        "KẾ HOẠCH\nThúc đẩy kinh tế số năm 2025\n\nCăn cứ Luật Tổ chức chính quyền địa phương; "
        "Thực hiện Kế hoạch số 12-KH/TU ngày 20/12/2024 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân "
        "dân tỉnh ban hành Kế hoạch như sau:\n\nI. MỤC ĐÍCH\n- Một.\n"
    )
    got = [(x["number"], x["date"]) for x in extract_implements(_outline(text))]
    assert got == [("12-KH/TU", "2024-12-20")]


def test_implements_from_an_opening_paragraph_of_its_own() -> None:
    text = (
        "KẾ HOẠCH\nThúc đẩy kinh tế số năm 2025\n\n"
        "Thực hiện Công văn số 123/VPCP-KGVX ngày 05/01/2025 của Văn phòng Chính phủ về việc "
        "triển khai nhiệm vụ năm 2025.\n\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n\n"
        "I. MỤC ĐÍCH\n- Thực hiện Quyết định số 5/QĐ-UBND ngày 01/02/2025 của UBND tỉnh.\n"
    )
    got = [(x["kind"], x["number"], x["date"]) for x in extract_implements(_outline(text))]
    assert got == [("cong_van", "123/VPCP-KGVX", "2025-01-05")]


def test_header_and_signature_laid_out_in_tables() -> None:
    """A .docx prints the header and the signature block in two-column tables."""
    from trienkhai.documents.model import Table

    blocks = [
        Table(
            [
                [
                    "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n______\nSố: 45/KH-UBND",
                    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                    "Quảng Trị, ngày 02 tháng 01 năm 2025",
                ]
            ],
            1,
        ),
        Paragraph("KẾ HOẠCH", 2),
        Paragraph("Phát triển kinh tế tư nhân năm 2025", 3),
        Paragraph("I. MỤC ĐÍCH, YÊU CẦU", 4),
        Paragraph("- Cụ thể hóa các nhiệm vụ.", 5),
        Table(
            [
                [
                    "Nơi nhận:\n- Như trên;\n- Lưu: VT.",
                    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Thanh",
                ]
            ],
            6,
        ),
    ]
    doc = extract_document(build_outline(SourceDocument("doc.docx", "docx", blocks)))
    assert (doc["number"], doc["issuer"], doc["date"]) == (
        "45/KH-UBND",
        "Ủy ban nhân dân tỉnh Quảng Trị",
        "2025-01-02",
    )
    assert doc["title"] == "Phát triển kinh tế tư nhân năm 2025"
    assert doc["signer"] == {"name": "Lê Văn Thanh", "position": "Chủ tịch"}


def test_header_columns_interleaved_on_one_line() -> None:
    """A PDF's text layer may read the two header columns line by line, side by side."""
    text = (
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH SÔNG LAM Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-UBND Sông Lam, ngày 3 tháng 2 năm 2025\n"
        "KẾ HOẠCH\nTổ chức Ngày Chuyển đổi số tỉnh năm 2025\n"
    )
    doc = extract_document(_outline(text))
    assert (doc["number"], doc["issuer"], doc["date"]) == (
        "12/KH-UBND",
        "Ủy ban nhân dân tỉnh Sông Lam",
        "2025-02-03",
    )


def test_signature_mark_and_position_on_one_line() -> None:
    lines = "KẾ HOẠCH\nabc\n\nT/M BAN THƯỜNG VỤ PHÓ BÍ THƯ\n\nĐặng Quang Chung\n"
    assert extract_document(_outline(lines))["signer"] == {
        "name": "Đặng Quang Chung",
        "position": "Phó Bí thư",
    }
    body_only = "KẾT LUẬN\nabc\n\nT/M BAN BÍ THƯ\n\nLê Minh Quang\n"
    assert extract_document(_outline(body_only))["signer"] == {
        "name": "Lê Minh Quang",
        "position": None,
    }


def test_implements_a_lead_in_after_an_assessment_paragraph() -> None:
    """A directive with no part headings: the "Thực hiện A ... và B ..., X yêu cầu" lead-in comes
    after a paragraph on the situation, and carries out both A and B past A's description."""
    text = (
        "CHỈ THỊ\nCỦA BAN THƯỜNG VỤ HUYỆN ỦY\nvề phòng, chống cháy rừng mùa khô năm 2026\n\n"
        "Mùa khô năm 2025 trên địa bàn huyện xảy ra 6 vụ cháy rừng, thiệt hại 12 ha.\n\n"
        "Thực hiện Chỉ thị số 07-CT/TU, ngày 02/3/2024 của Ban Thường vụ Tỉnh ủy về tăng cường "
        "công tác quản lý, bảo vệ rừng và Kế hoạch số 31-KH/UBND ngày 15/01/2026 của Ủy ban nhân "
        "dân tỉnh, Ban Thường vụ Huyện ủy yêu cầu các cấp ủy thực hiện tốt các nội dung sau:\n\n"
        "1. Các cấp ủy đảng quán triệt đến đảng viên.\n\n2. Ủy ban nhân dân huyện bố trí kinh phí.\n"
    )
    got = [(x["kind"], x["number"], x["date"]) for x in extract_implements(_outline(text))]
    assert got == [("chi_thi", "07-CT/TU", "2024-03-02"), ("ke_hoach", "31-KH/UBND", "2026-01-15")]


def test_implements_stops_at_a_description_that_implements_something_else() -> None:
    text = (
        "CHỈ THỊ\nCỦA BAN THƯỜNG VỤ HUYỆN ỦY\nvề công tác dân vận\n\n"
        "Thực hiện Kế hoạch số 40-KH/TU ngày 01/02/2025 của Tỉnh ủy về thực hiện Nghị quyết số "
        "25-NQ/TW và Chỉ thị số 49-CT/TW, Ban Thường vụ Huyện ủy yêu cầu như sau:\n\n"
        "1. Các cấp ủy đảng quán triệt đến đảng viên.\n"
    )
    got = [x["number"] for x in extract_implements(_outline(text))]
    assert got == ["40-KH/TU"]


def test_implements_from_a_title_opening_with_ve() -> None:
    text = (
        "KẾT LUẬN\nCỦA BAN THƯỜNG VỤ TỈNH ỦY\nvề tiếp tục thực hiện Nghị quyết số 11-NQ/TU "
        "ngày 09/9/2021 của Tỉnh ủy về phát triển du lịch\n\n"
        "Tại hội nghị ngày 12/3/2026, Ban Thường vụ Tỉnh ủy kết luận như sau:\n\n"
        "1. Các cấp ủy tiếp tục quán triệt Nghị quyết.\n"
    )
    got = [(x["kind"], x["number"], x["date"]) for x in extract_implements(_outline(text))]
    assert got == [("nghi_quyet", "11-NQ/TU", "2021-09-09")]


def test_title_stops_at_a_part_numbered_with_a_dash() -> None:
    text = (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nSố 88-NQ/TW\nHà Nội, ngày 05 tháng 3 năm 2026\n\n"
        "NGHỊ QUYẾT\nCỦA BỘ CHÍNH TRỊ\nvề phát triển kinh tế biển\n\n"
        "I- TÌNH HÌNH VÀ NGUYÊN NHÂN\n\nKinh tế biển phát triển khá.\n\n"
        "II- QUAN ĐIỂM VÀ MỤC TIÊU\n\n1. Quan điểm\n"
    )
    assert extract_document(_outline(text))["title"] == "về phát triển kinh tế biển"
