"""The fixed test cast: the same units and people in every web test.

Territory "Tỉnh Mẫu" (test province) with its party committee and its focal body (Ban Dân vận
Tỉnh ủy), its People's Committee with a department (Sở Nội vụ) that reports to the province,
one district (huyện Mẫu Sơn) with its People's Committee, and a second province whose office
is the outsider. People: an administrator of the province, a focal officer of the Ban Dân vận,
a reporter and a head of the department, a viewer of the province, a reporter of the district,
and an outsider (a reporter of the other province).

Use it from pytest as the ``cast`` fixture, or ``Cast.build()`` inside a test with DB access.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from trienkhai.web.accounts.models import Membership, Role
from trienkhai.web.orgs.models import Unit, UnitKind, UnitLevel

PASSWORD = "mat-khau-thu-nghiem-2025"


@dataclass
class Cast:
    province: Unit  # territory node "Tỉnh Mẫu"
    party_committee: Unit  # Tỉnh ủy Mẫu
    focal_body: Unit  # Ban Dân vận Tỉnh ủy (the province office that follows plans)
    peoples_committee: Unit  # UBND tỉnh Mẫu
    department: Unit  # Sở Nội vụ — reports to the province
    district: Unit  # territory node "Huyện Mẫu Sơn"
    district_committee: Unit  # UBND huyện Mẫu Sơn
    other_province: Unit  # territory node "Tỉnh Khác"
    other_office: Unit  # Văn phòng UBND tỉnh Khác
    admin: object
    officer: object  # focal officer of the Ban Dân vận
    reporter: object  # reporter of the department
    head: object  # head of the department
    viewer: object  # viewer of the whole province
    district_reporter: object
    outsider: object  # reporter of the other province

    @classmethod
    def build(cls) -> Cast:
        u = _units()
        people = {
            "admin": (u["province"], Role.ADMIN),
            "officer": (u["focal_body"], Role.FOCAL_OFFICER),
            "reporter": (u["department"], Role.REPORTER),
            "head": (u["department"], Role.HEAD),
            "viewer": (u["province"], Role.VIEWER),
            "district_reporter": (u["district_committee"], Role.REPORTER),
            "outsider": (u["other_office"], Role.REPORTER),
        }
        users = {}
        for name, (unit, role) in people.items():
            user = get_user_model().objects.create_user(
                username=name, password=PASSWORD, email=f"{name}@example.test"
            )
            Membership.objects.create(user=user, unit=unit, role=role)
            users[name] = user
        return cls(**u, **users)


def _unit(code: str, name: str, kind: str, level: str, parent: Unit | None, **extra) -> Unit:
    return Unit.objects.create(code=code, name=name, kind=kind, level=level, parent=parent, **extra)


def _units() -> dict[str, Unit]:
    T, P = UnitKind, UnitLevel
    province = _unit("mau", "Tỉnh Mẫu", T.TERRITORY, P.PROVINCE, None)
    party = _unit(
        "mau-tu", "Tỉnh ủy Mẫu", T.PARTY_COMMITTEE, P.PROVINCE, province, abbreviation="TU"
    )
    focal = _unit(
        "mau-bdv",
        "Ban Dân vận Tỉnh ủy Mẫu",
        T.PARTY_BOARD,
        P.PROVINCE,
        party,
        abbreviation="BDVTU",
        aliases=["Ban Dân vận Tỉnh ủy"],
    )
    ubnd = _unit(
        "mau-ubnd",
        "Ủy ban nhân dân tỉnh Mẫu",
        T.PEOPLES_COMMITTEE,
        P.PROVINCE,
        province,
        abbreviation="UBND tỉnh",
        aliases=["UBND tỉnh"],
    )
    dept = _unit(
        "mau-snv",
        "Sở Nội vụ tỉnh Mẫu",
        T.DEPARTMENT,
        P.PROVINCE,
        ubnd,
        abbreviation="SNV",
        aliases=["Sở Nội vụ"],
    )
    district = _unit(
        "mau-son", "Huyện Mẫu Sơn", T.TERRITORY, P.DISTRICT, province, valid_to=dt.date(2025, 6, 30)
    )
    district_ubnd = _unit(
        "mau-son-ubnd",
        "Ủy ban nhân dân huyện Mẫu Sơn",
        T.PEOPLES_COMMITTEE,
        P.DISTRICT,
        district,
        aliases=["UBND huyện Mẫu Sơn"],
        valid_to=dt.date(2025, 6, 30),
    )
    other = _unit("khac", "Tỉnh Khác", T.TERRITORY, P.PROVINCE, None)
    other_office = _unit("khac-vp", "Văn phòng UBND tỉnh Khác", T.AGENCY, P.PROVINCE, other)
    return {
        "province": province,
        "party_committee": party,
        "focal_body": focal,
        "peoples_committee": ubnd,
        "department": dept,
        "district": district,
        "district_committee": district_ubnd,
        "other_province": other,
        "other_office": other_office,
    }


def sample_extraction(
    *,
    number: str | None = "12-KH/TU",
    date: str | None = "2024-03-01",
    implements: list[dict] | None = None,
    tasks: list[dict] | None = None,
) -> dict:
    """A small engine result in the ``trienkhai.extract/1`` contract, for the cast's province."""
    return {
        "schema": "trienkhai.extract/1",
        "source": "ke-hoach-mau.txt",
        "document": {
            "kind": "ke_hoach",
            "number": number,
            "issuer": "Tỉnh ủy Mẫu",
            "date": date,
            "title": "thực hiện công tác dân vận năm 2024",
            "signer": {"name": "Nguyễn Văn A", "position": "Phó Bí thư"},
        },
        "implements": implements
        if implements is not None
        else [{"kind": "nghi_quyet", "number": "43-NQ/TW", "date": "2023-11-24"}],
        "citations": [
            {
                "kind": "nghi_quyet",
                "number": "43-NQ/TW",
                "date": "2023-11-24",
                "issuer": "Ban Chấp hành Trung ương Đảng",
            },
        ],
        "targets": [
            {
                "text": "Tập hợp trên 85% quần chúng vào các tổ chức đoàn thể.",
                "comparator": ">",
                "value": 85,
                "unit": "%",
                "year": 2024,
            },
            {
                "text": "Từ 3 đến 5 mô hình dân vận khéo.",
                "comparator": "between",
                "value": [3, 5],
                "unit": "mô hình",
                "year": None,
            },
        ],
        "reporting": [
            {
                "frequency": ["quarterly", "annual"],
                "deadline": "12-10",
                "recipient": "Tỉnh ủy",
                "via": "Ban Dân vận Tỉnh ủy",
            },
        ],
        "tasks": tasks
        if tasks is not None
        else [
            {
                "section": "II.1",
                "text": "Rà soát, sắp xếp tổ chức bộ máy.",
                "group": None,
                "lead": ["Sở Nội vụ"],
                "support": ["Ban Dân vận Tỉnh ủy"],
                "requested": [],
                "due": "Quý IV/2024",
                "line": 40,
            },
            {
                "section": "II.2",
                "text": "Triển khai ở cơ sở.",
                "group": "nong_dan",
                "lead": ["UBND các huyện, thị xã, thành phố"],
                "support": [],
                "requested": ["Hội Chữ thập đỏ tỉnh"],
                "due": "Thường xuyên",
                "line": 52,
            },
        ],
        "warnings": [],
    }
