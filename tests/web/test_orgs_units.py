"""Units: derived path and territory, subtree queries, validity and successors."""

from __future__ import annotations

import datetime as dt

import pytest

from trienkhai.web.orgs.models import Unit, UnitKind, UnitLevel
from trienkhai.web.orgs.names import name_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ủy ban nhân dân tỉnh", "Uỷ  ban nhân dân Tỉnh"),
        ("Thanh Hóa", "Thanh Hoá"),
        ("Sở Nội vụ.", "sở nội vụ"),
        ("Ban Dân vận (Thành ủy)", "Ban Dân vận Thành ủy"),
    ],
)
def test_name_key_equates_spellings(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_keeps_diacritics_apart() -> None:
    assert name_key("Sở Nội vụ") != name_key("So Noi vu")
    assert name_key("Hội Nông dân") != name_key("Hội Nông dần")


def test_path_and_territory_are_derived(cast) -> None:
    dept = Unit.objects.get(pk=cast.department.pk)
    assert dept.path == f"/{cast.province.pk}/{cast.peoples_committee.pk}/{dept.pk}/"
    assert dept.territory_id == cast.province.pk
    assert Unit.objects.get(pk=cast.district_committee.pk).territory_id == cast.district.pk
    assert [u.pk for u in dept.ancestors()] == [cast.province.pk, cast.peoples_committee.pk]


def test_subtree_follows_a_move(cast) -> None:
    ubnd = cast.peoples_committee
    ubnd.parent = cast.party_committee
    ubnd.save()
    dept = Unit.objects.get(pk=cast.department.pk)
    assert dept.path.startswith(Unit.objects.get(pk=cast.party_committee.pk).path)
    assert set(Unit.objects.subtree_of(cast.party_committee)) >= {cast.focal_body, dept}


def test_subtree_excludes_other_branches(cast) -> None:
    subtree = set(Unit.objects.subtree_of(cast.province))
    assert cast.department in subtree and cast.district_committee in subtree
    assert cast.other_office not in subtree


def test_valid_on_and_successor_chain(cast) -> None:
    town = Unit.objects.create(
        code="mau-phuong",
        name="Phường Mẫu Sơn",
        kind=UnitKind.TERRITORY,
        level=UnitLevel.COMMUNE,
        parent=cast.province,
        valid_from=dt.date(2025, 7, 1),
    )
    cast.district.successor = town
    cast.district.save()
    before = set(Unit.objects.valid_on(dt.date(2024, 1, 1)))
    after = set(Unit.objects.valid_on(dt.date(2025, 8, 1)))
    assert cast.district in before and town not in before
    assert town in after and cast.district not in after
    assert cast.district.final_successor() == town


def test_successor_cycle_terminates(cast) -> None:
    a, b = cast.district, cast.other_province
    a.successor, b.successor = b, a
    a.save()
    b.save()
    assert a.final_successor() in {a, b}


def test_abbreviation_table_is_consistent() -> None:
    from trienkhai.web.orgs.names import abbreviations, expand

    pattern, table = abbreviations()
    assert table
    for short, long in table.items():
        assert expand(short) == long, short
        assert not pattern.search(long), f"{short} expands to another abbreviation: {long}"


@pytest.mark.parametrize(
    ("short", "full"),
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("UBND các huyện, TX, TP", "Ủy ban nhân dân các huyện, thị xã, thành phố"),
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
    ],
)
def test_abbreviated_names_meet_their_full_form(short: str, full: str) -> None:
    assert name_key(short) == name_key(full)


def test_abbreviations_inside_words_are_left_alone() -> None:
    assert name_key("UBNDX") != name_key("Ủy ban nhân dânX")
    assert name_key("TPHCM") == "tphcm"


def test_rebuild_tree_repairs_bulk_inserted_units(cast) -> None:
    Unit.objects.bulk_create(
        [
            Unit(
                code="mau-bulk",
                name="Xã Bulk",
                kind=UnitKind.TERRITORY,
                level=UnitLevel.COMMUNE,
                parent=cast.district,
            ),
        ]
    )
    bulk = Unit.objects.get(code="mau-bulk")
    Unit.objects.bulk_create(
        [
            Unit(
                code="mau-bulk-ubnd",
                name="UBND xã Bulk",
                kind=UnitKind.PEOPLES_COMMITTEE,
                level=UnitLevel.COMMUNE,
                parent=bulk,
            ),
        ]
    )
    assert Unit.objects.get(code="mau-bulk-ubnd").path == ""
    assert Unit.objects.rebuild_tree() == 2
    child = Unit.objects.get(code="mau-bulk-ubnd")
    assert child.path == f"{Unit.objects.get(pk=cast.district.pk).path}{bulk.pk}/{child.pk}/"
    assert child.territory_id == bulk.pk
    assert Unit.objects.rebuild_tree() == 0
