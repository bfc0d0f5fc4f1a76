"""Resolving the bodies a plan names to units of the issuer's territory, at the plan's date."""

from __future__ import annotations

import datetime as dt

import pytest

from trienkhai.web.orgs.models import Unit, UnitAlias, UnitKind, UnitLevel, UnresolvedBody
from trienkhai.web.orgs.names import name_key
from trienkhai.web.orgs.resolve import Resolver, lexicon, queue_unresolved, settle

D2024 = dt.date(2024, 3, 1)


def test_every_group_phrase_list_holds_its_example() -> None:
    groups = lexicon().groups
    assert groups
    for group in groups:
        assert name_key(group.example) in group.keys, group.name
        assert group.kinds and group.levels


def test_no_phrase_belongs_to_two_groups() -> None:
    seen: dict[str, str] = {}
    for group in lexicon().groups:
        for key in group.keys:
            assert key not in seen, f"{key!r} in {seen.get(key)} and {group.name}"
            seen[key] = group.name


@pytest.mark.parametrize(
    ("text", "attr"),
    [
        ("Sở Nội vụ", "department"),
        ("Sở Nội vụ tỉnh", "department"),
        ("Sở Nội vụ tỉnh Mẫu", "department"),
        ("sở nội vụ", "department"),
        ("Ban Dân vận Tỉnh ủy", "focal_body"),
        ("BDVTU", "focal_body"),
        ("Uỷ ban nhân dân tỉnh", "peoples_committee"),
    ],
)
def test_named_body_resolves_to_the_unit_of_the_issuers_territory(cast, text, attr) -> None:
    found = Resolver(cast.party_committee, D2024).resolve(text)
    assert found.units == [getattr(cast, attr)]
    assert found.how == "name"


def test_same_name_in_another_province_is_not_taken(cast) -> None:
    Unit.objects.create(
        code="khac-snv",
        name="Sở Nội vụ tỉnh Khác",
        kind=UnitKind.DEPARTMENT,
        level=UnitLevel.PROVINCE,
        parent=cast.other_province,
        aliases=["Sở Nội vụ"],
    )
    assert Resolver(cast.party_committee, D2024).resolve("Sở Nội vụ").units == [cast.department]


def test_group_phrase_gives_the_districts_that_existed_then(cast) -> None:
    before = Resolver(cast.party_committee, D2024).resolve("UBND các huyện, thị xã, thành phố")
    assert before.units == [cast.district_committee]
    assert before.how.startswith("group:")
    after = Resolver(cast.party_committee, dt.date(2025, 8, 1)).resolve(
        "UBND các huyện, thị xã, thành phố"
    )
    assert after.units == []


def test_group_of_departments(cast) -> None:
    found = Resolver(cast.peoples_committee, D2024).resolve("các sở, ban, ngành")
    assert found.units == [cast.department]


def test_district_plan_reaches_the_province_bodies_above(cast) -> None:
    found = Resolver(cast.district_committee, D2024).resolve("Ban Dân vận Tỉnh ủy")
    assert found.units == [cast.focal_body]


def test_unknown_body_is_queued_once_per_version_and_settled_as_alias(cast) -> None:
    resolver = Resolver(cast.party_committee, D2024)
    assert not resolver.resolve("Hội Chữ thập đỏ tỉnh").resolved
    first = queue_unresolved("Hội Chữ thập đỏ tỉnh", cast.party_committee, D2024)
    assert first.territory == cast.province
    red_cross = Unit.objects.create(
        code="mau-hctd",
        name="Hội Chữ thập đỏ tỉnh Mẫu",
        kind=UnitKind.MASS_ORG,
        level=UnitLevel.PROVINCE,
        parent=cast.province,
        abbreviation="HCTĐ",
    )
    alias = settle(first, [red_cross], cast.officer)
    assert UnitAlias.objects.get(pk=alias.pk).units.get() == red_cross
    first.refresh_from_db()
    assert first.status == "resolved" and first.resolved_by == cast.officer
    again = Resolver(cast.party_committee, D2024).resolve("Hội  Chữ thập đỏ Tỉnh")
    assert again.units == [red_cross] and again.how == "alias"


def test_alias_is_scoped_to_its_territory(cast) -> None:
    body = queue_unresolved("Cơ quan thường trực", cast.party_committee, D2024)
    settle(body, [cast.focal_body])
    assert not Resolver(cast.other_office, D2024).resolve("Cơ quan thường trực").resolved
    assert UnresolvedBody.objects.count() == 1


def test_settle_needs_a_unit(cast) -> None:
    body = queue_unresolved("Tổ công tác", cast.party_committee, D2024)
    with pytest.raises(ValueError):
        settle(body, [])
