"""The reporting rules agree with the plans and units rules: a unit reaches its own and its
subtree's obligations; the receiving side reaches a plan's obligations exactly when the plans
pages let it see (or, to decide, publish) that plan."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from trienkhai.lib import periods as lib
from trienkhai.web.orgs.models import Unit, UnitKind, UnitLevel
from trienkhai.web.plans.access import plan_access, visible_plans
from trienkhai.web.plans.models import DocumentLink, LinkRelation, Plan, PlanStatus
from trienkhai.web.reporting.access import (
    received_obligations,
    rights_for,
    unit_ids,
    visible_obligations,
)
from trienkhai.web.reporting.models import Obligation, Period

from .reporting_helpers import department_obligation

pytestmark = pytest.mark.django_db

PEOPLE = ("admin", "officer", "reporter", "head", "viewer", "district_reporter", "outsider")


def _unit(code: str, name: str, kind: str, parent: Unit, level: str = UnitLevel.PROVINCE) -> Unit:
    return Unit.objects.create(code=code, name=name, kind=kind, level=level, parent=parent)


def _plan(issuer: Unit, number: str, *followers: Unit) -> Plan:
    plan = Plan.objects.create(
        issuing_unit=issuer,
        kind="ke_hoach",
        number=number,
        date=dt.date(2025, 1, 5),
        title=f"kế hoạch {number}",
        status=PlanStatus.PUBLISHED,
    )
    plan.followed_by.add(*followers)
    return plan


def _owes(plan: Plan, unit: Unit, recipient: Unit | None) -> Obligation:
    period = Period.for_lib(lib.Period(2025, lib.Frequency.QUARTERLY, 1))
    day = dt.date(2025, 4, 15)
    return Obligation.objects.create(
        plan=plan,
        unit=unit,
        period=period,
        recipient=recipient,
        due_date=day,
        due_at=Obligation.due_at_for(day),
    )


@pytest.fixture
def world(cast):
    """Obligations under four plans reaching the cast in different ways."""
    board = _unit(
        "mau-btg", "Ban Tuyên giáo Tỉnh ủy Mẫu", UnitKind.PARTY_BOARD, cast.party_committee
    )
    room = _unit(
        "mau-son-pnv",
        "Phòng Nội vụ huyện Mẫu Sơn",
        UnitKind.DEPARTMENT,
        cast.district_committee,
        UnitLevel.DISTRICT,
    )
    other_unit = _unit("khac-snv", "Sở Nội vụ tỉnh Khác", UnitKind.DEPARTMENT, cast.other_office)
    # the usual plan: issued by the Tỉnh ủy, followed by its Ban Dân vận
    main = department_obligation(cast)
    # issued by a sibling board of the Tỉnh ủy: the Ban Dân vận officer may publish it
    sibling = _owes(_plan(board, "05-KH/BTG"), cast.department, board)
    # the district carries out the province's plan: followed down the chain, read-only
    district_plan = _plan(cast.district_committee, "20-KH/UBND")
    DocumentLink.objects.create(
        plan=district_plan, relation=LinkRelation.IMPLEMENTS, target=main.plan
    )
    downstream = _owes(district_plan, room, cast.district_committee)
    # another province's plan that the Ban Dân vận follows by name
    foreign = _owes(
        _plan(cast.other_office, "9-KH/VP", cast.focal_body), other_unit, cast.other_office
    )
    return {"main": main, "sibling": sibling, "downstream": downstream, "foreign": foreign}


def test_focal_officer_decides_on_the_plans_it_may_publish(cast, world) -> None:
    ob = world["sibling"]
    assert plan_access(cast.officer, ob.plan).edit
    rights = rights_for(cast.officer, ob)
    assert rights.view and rights.decide and not rights.edit


def test_focal_body_reads_the_plans_carrying_out_its_plans_without_deciding(cast, world) -> None:
    ob = world["downstream"]
    assert ob.plan in visible_plans(cast.officer)
    rights = rights_for(cast.officer, ob)
    assert rights.view and rights.read_only
    assert received_obligations(cast.officer).filter(pk=ob.pk).exists()


def test_following_is_by_the_following_unit_as_for_plans(cast, world) -> None:
    ob = world["foreign"]
    # the Ban Dân vận follows it: its officer receives the reports
    assert rights_for(cast.officer, ob).decide
    # the province's viewer is above the Ban Dân vận but does not see that plan, nor its reports
    assert ob.plan not in visible_plans(cast.viewer)
    assert not rights_for(cast.viewer, ob).view
    assert not visible_obligations(cast.viewer).filter(pk=ob.pk).exists()


def test_an_inactive_superuser_reaches_nothing(cast, world) -> None:
    boss = get_user_model().objects.create_superuser("sep", "sep@example.test", "x")
    assert rights_for(boss, world["main"]).decide
    boss.is_active = False
    boss.save()
    assert not rights_for(boss, world["main"]).view
    assert not visible_obligations(boss).exists()
    assert not received_obligations(boss).exists()


@pytest.mark.parametrize("who", PEOPLE)
def test_lists_and_rights_agree_with_each_other_and_with_the_plans(cast, world, who) -> None:
    user = getattr(cast, who)
    reach = set(unit_ids(user).values_list("pk", flat=True))
    plans = set(visible_plans(user).values_list("pk", flat=True))
    listed = set(visible_obligations(user).values_list("pk", flat=True))
    received = set(received_obligations(user).values_list("pk", flat=True))
    assert received <= listed
    for ob in Obligation.objects.select_related("unit", "plan"):
        rights = rights_for(user, ob)
        assert rights.view == (ob.pk in listed), (who, ob.plan.number)
        if rights.edit or rights.approve:  # only the owing unit's people
            assert ob.unit_id in reach
        if rights.view and ob.unit_id not in reach:
            # seen from the receiving side: the plans pages show that plan too
            assert ob.plan_id in plans or ob.recipient_id in reach, (who, ob.plan.number)
        if rights.decide:
            assert who == "officer"
