"""Periods and obligations generated from published plans: who owes what, when, idempotently."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from trienkhai.web.plans.models import Assignment, PlanVersion, ReportingDuty, Task, VersionStatus
from trienkhai.web.reporting.generation import generate_for_plan
from trienkhai.web.reporting.models import Obligation, Period

from .reporting_helpers import published_plan

pytestmark = pytest.mark.django_db


def test_every_assigned_unit_owes_each_quarter_it_exists_from_publication(cast) -> None:
    plan = published_plan(cast)
    result = generate_for_plan(plan, until=dt.date(2025, 12, 31))
    # the department owes 4 quarters; the district, abolished on 30/06/2025, the first two
    assert result.created == 6
    units = set(Obligation.objects.values_list("unit__code", flat=True))
    assert units == {"mau-snv", "mau-son-ubnd"}
    q1 = Obligation.objects.get(unit=cast.department, period__index=1)
    assert q1.period.label == "Quý I/2025"
    assert q1.due_date == dt.date(2025, 4, 10)  # 10 days after 31/03
    assert (q1.recipient, q1.via) == (cast.party_committee, cast.focal_body)
    assert q1.via_text == "Ban Dân vận Tỉnh ủy"
    assert q1.remind_after is not None and q1.remind_after < q1.due_at


def test_generation_is_idempotent(cast) -> None:
    plan = published_plan(cast)
    generate_for_plan(plan, until=dt.date(2025, 12, 31))
    again = generate_for_plan(plan, until=dt.date(2025, 12, 31))
    assert (again.created, again.rescheduled, again.cancelled) == (0, 0, 0)
    assert Obligation.objects.count() == 6
    assert Period.objects.count() == 4


def test_yearly_date_duty(cast) -> None:
    plan = published_plan(
        cast, frequencies=("semiannual", "annual"), deadlines=("06-01", "11-15"), days_after=None
    )
    generate_for_plan(plan, until=dt.date(2025, 12, 31))
    dues = {
        (o.period.kind, o.period.index): o.due_date
        for o in Obligation.objects.filter(unit=cast.department)
    }
    assert dues == {
        ("semiannual", 1): dt.date(2025, 6, 1),
        ("semiannual", 2): dt.date(2025, 11, 15),
        ("annual", 1): dt.date(2025, 11, 15),
    }


def test_unpublished_plan_and_cancelled_assignments_owe_nothing(cast) -> None:
    plan = published_plan(cast)
    Assignment.objects.filter(unit=cast.district_committee).update(state="cancelled")
    generate_for_plan(plan, until=dt.date(2025, 3, 31))
    assert list(Obligation.objects.values_list("unit__code", flat=True)) == ["mau-snv"]
    PlanVersion.objects.filter(plan=plan).update(status=VersionStatus.SUPERSEDED)
    assert generate_for_plan(plan, until=dt.date(2025, 12, 31)).created == 0


def test_republished_version_maps_onto_the_same_obligations(cast) -> None:
    plan = published_plan(cast)
    generate_for_plan(plan, until=dt.date(2025, 12, 31))
    PlanVersion.objects.filter(plan=plan).update(status=VersionStatus.SUPERSEDED)
    v2 = PlanVersion.objects.create(plan=plan, number=2)
    task = Task.objects.create(version=v2, order=1, text="Tuyên truyền")
    Assignment.objects.create(task=task, unit=cast.department, role="lead")
    ReportingDuty.objects.create(
        version=v2, order=1, frequencies=["quarterly"], days_after_period_end=20
    )
    PlanVersion.objects.filter(pk=v2.pk).update(
        status=VersionStatus.PUBLISHED, published_at=dt.datetime(2025, 2, 1, tzinfo=dt.UTC)
    )
    result = generate_for_plan(plan, since=dt.date(2025, 1, 1), until=dt.date(2025, 12, 31))
    assert result.created == 0
    assert result.rescheduled == 4
    q1 = Obligation.objects.get(unit=cast.department, period__index=1)
    assert q1.due_date == dt.date(2025, 4, 20)


def test_command_runs_and_validates_dates(cast, capsys) -> None:
    published_plan(cast)
    call_command("generate_obligations", "--until", "31/12/2025")
    assert "6 obligation(s) created" in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("generate_obligations", "--until", "2025-13-45")


def test_publishing_a_plan_generates_its_obligations_after_commit(
    cast, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        plan = published_plan(cast)
        plan.status = "published"
        plan.save(update_fields=["status", "updated_at"])
    assert Obligation.objects.filter(plan=plan, unit=cast.department).exists()


def test_successor_owes_from_its_creation_and_the_abolished_unit_until_its_end(cast) -> None:
    from trienkhai.web.orgs.models import Unit

    commune = Unit.objects.create(
        code="mau-son-xa",
        name="UBND xã Mẫu Sơn",
        kind="ubnd",
        level="xa",
        parent=cast.province,
        valid_from=dt.date(2025, 7, 1),
    )
    plan = published_plan(cast)
    district = Assignment.objects.get(unit=cast.district_committee)
    district.state = "handed_over"
    district.save()
    Assignment.objects.create(
        task=district.task, unit=commune, role=district.role, handed_over_from=district
    )
    generate_for_plan(plan, until=dt.date(2025, 12, 31))
    owed = {(o.unit.code, o.period.index) for o in Obligation.objects.exclude(unit=cast.department)}
    assert owed == {("mau-son-ubnd", 1), ("mau-son-ubnd", 2), ("mau-son-xa", 3), ("mau-son-xa", 4)}


def test_obligations_no_longer_owed_are_cancelled_and_reopened(cast) -> None:
    plan = published_plan(cast)
    generate_for_plan(plan, until=dt.date(2027, 12, 31))
    Assignment.objects.filter(unit=cast.department).update(state="cancelled")
    result = generate_for_plan(plan, until=dt.date(2027, 12, 31))
    dept = Obligation.objects.filter(unit=cast.department)
    cancelled = dept.filter(state="cancelled")
    assert result.cancelled == cancelled.count() > 0
    # deadlines already passed stay owed; only those still ahead are cancelled
    assert all(o.due_date >= timezone.localdate() for o in cancelled)
    assert dept.filter(state="pending", period__year=2025).count() == 4
    assert all(o.remind_after is None for o in cancelled)
    Assignment.objects.filter(unit=cast.department).update(state="open")
    generate_for_plan(plan, until=dt.date(2027, 12, 31))
    assert not dept.filter(state="cancelled").exists()


def test_a_removed_duty_cancels_its_pending_obligations(cast) -> None:
    plan = published_plan(cast, frequencies=("quarterly", "annual"))
    generate_for_plan(plan, until=dt.date(2027, 12, 31))
    ReportingDuty.objects.update(frequencies=["quarterly"])
    generate_for_plan(plan, until=dt.date(2027, 12, 31))
    annual = Obligation.objects.filter(period__kind="annual", unit=cast.department)
    assert set(annual.values_list("state", flat=True)) == {"cancelled"}
