"""A short, realistic plan of the test cast's province, as the bytes of an uploaded .txt file."""

from __future__ import annotations

PLAN_TXT = """TỈNH ỦY MẪU
BAN DÂN VẬN
Số: 12-KH/BDVTU
Mẫu, ngày 10 tháng 01 năm 2025

KẾ HOẠCH
thực hiện công tác dân vận năm 2025

Thực hiện Chương trình số 27-CTr/TU ngày 12/12/2024 của Ban Thường vụ Tỉnh ủy, Ban Dân vận Tỉnh ủy xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Nâng cao hiệu quả công tác dân vận trong hệ thống chính trị.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Nội vụ chủ trì, phối hợp với Ủy ban nhân dân huyện Mẫu Sơn rà soát, sắp xếp tổ chức bộ máy, hoàn thành trong Quý IV/2025.
2. Sở Nội vụ tham mưu đào tạo, bồi dưỡng cán bộ làm công tác dân vận; phấn đấu trên 85% cán bộ được bồi dưỡng.
3. Ban Quản lý dự án Hồ Xanh chủ trì xây dựng mô hình dân vận khéo.

III. TỔ CHỨC THỰC HIỆN
Các đơn vị báo cáo kết quả thực hiện về Ban Thường vụ Tỉnh ủy (qua Ban Dân vận Tỉnh ủy) trước ngày 10/12 hằng năm.

TRƯỞNG BAN
Nguyễn Văn A
""".encode()


def extraction() -> dict:
    """What the engine should return for PLAN_TXT (the contract's shape), fixed here so the web
    tests do not move with the engine's quality."""
    return {
        "schema": "trienkhai.extract/1",
        "source": "kh-12.txt",
        "document": {
            "kind": "ke_hoach",
            "number": "12-KH/BDVTU",
            "issuer": "Ban Dân vận Tỉnh ủy Mẫu",
            "date": "2025-01-10",
            "title": "thực hiện công tác dân vận năm 2025",
            "signer": {"name": "Nguyễn Văn A", "position": "Trưởng ban"},
        },
        "implements": [{"kind": "chuong_trinh", "number": "27-CTr/TU", "date": "2024-12-12"}],
        "citations": [
            {
                "kind": "chuong_trinh",
                "number": "27-CTr/TU",
                "date": "2024-12-12",
                "issuer": "Ban Thường vụ Tỉnh ủy",
            }
        ],
        "targets": [
            {
                "text": "phấn đấu trên 85% cán bộ được bồi dưỡng",
                "comparator": ">",
                "value": 85,
                "unit": "%",
                "year": 2025,
            }
        ],
        "reporting": [
            {
                "frequency": ["annual"],
                "deadline": "12-10",
                "recipient": "Ban Thường vụ Tỉnh ủy",
                "via": "Ban Dân vận Tỉnh ủy",
            }
        ],
        "tasks": [
            {
                "section": "II",
                "text": "Sở Nội vụ chủ trì, phối hợp với Ủy ban nhân dân huyện Mẫu Sơn rà soát, "
                "sắp xếp tổ chức bộ máy, hoàn thành trong Quý IV/2025.",
                "group": None,
                "lead": ["Sở Nội vụ"],
                "support": ["UBND huyện Mẫu Sơn"],
                "requested": [],
                "due": "Quý IV/2025",
                "output": None,
            },
            {
                "section": "II",
                "text": "Sở Nội vụ tham mưu đào tạo, bồi dưỡng cán bộ làm công tác dân vận; "
                "phấn đấu trên 85% cán bộ được bồi dưỡng.",
                "group": None,
                "lead": ["Sở Nội vụ"],
                "support": [],
                "requested": [],
                "due": None,
                "output": None,
            },
            {
                "section": "II",
                "text": "Ban Quản lý dự án Hồ Xanh chủ trì xây dựng mô hình dân vận khéo.",
                "group": None,
                "lead": ["Ban Quản lý dự án Hồ Xanh"],
                "support": [],
                "requested": [],
                "due": None,
                "output": None,
            },
        ],
        "warnings": [],
    }


def store_draft(issuer, user, data: bytes = PLAN_TXT, name: str = "kh-12.txt"):
    """A draft version as an upload of PLAN_TXT would make it, with the fixed extraction."""
    from trienkhai.web.plans.importer import content_hash, store_extraction

    result = store_extraction(
        extraction(),
        issuer,
        user,
        source_name=name,
        source_text=data.decode(),
        digest=content_hash(data),
    )
    return result.version
