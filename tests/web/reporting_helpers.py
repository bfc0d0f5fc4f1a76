"""A published plan on the fixed cast, with assignments and a reporting duty, for the
reporting, API and calendar tests."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from trienkhai.web.plans.models import (
    Assignment,
    Plan,
    PlanStatus,
    PlanVersion,
    ReportingDuty,
    Target,
    Task,
    VersionStatus,
)
from trienkhai.web.reporting.generation import generate_for_plan
from trienkhai.web.reporting.models import Obligation

PUBLISHED = dt.datetime(2025, 1, 10, 9, 0, tzinfo=dt.UTC)


def published_plan(cast, *, frequencies=("quarterly",), deadlines=(), days_after=10) -> Plan:
    """Kế hoạch of the province's party committee, followed by its Ban Dân vận."""
    plan = Plan.objects.create(
        issuing_unit=cast.party_committee,
        kind="ke_hoach",
        number="12-KH/TU",
        date=dt.date(2025, 1, 5),
        title="thực hiện Nghị quyết về công tác dân vận",
        status=PlanStatus.PUBLISHED,
    )
    plan.followed_by.add(cast.focal_body)
    # filled as a draft, then frozen: a published version's rows cannot be added to
    version = PlanVersion.objects.create(plan=plan, number=1)
    t1 = Task.objects.create(
        version=version, order=1, section="II.1", text="Tuyên truyền nghị quyết"
    )
    t2 = Task.objects.create(version=version, order=2, section="II.2", text="Kiện toàn tổ chức")
    Assignment.objects.create(task=t1, unit=cast.department, role="lead")
    Assignment.objects.create(task=t2, unit=cast.department, role="support")
    Assignment.objects.create(task=t1, unit=cast.district_committee, role="support")
    Target.objects.create(
        version=version,
        order=1,
        text="Trên 85% quần chúng",
        comparator=">",
        value=Decimal(85),
        unit="%",
    )
    Target.objects.create(
        version=version,
        order=2,
        text="100% xã có tổ hòa giải",
        comparator=">=",
        value=Decimal(100),
        unit="%",
    )
    ReportingDuty.objects.create(
        version=version,
        order=1,
        frequencies=list(frequencies),
        deadlines=list(deadlines),
        days_after_period_end=days_after,
        recipient_text="Ban Thường vụ Tỉnh ủy",
        via_text="Ban Dân vận Tỉnh ủy",
        recipient_unit=cast.party_committee,
        via_unit=cast.focal_body,
    )
    PlanVersion.objects.filter(pk=version.pk).update(
        status=VersionStatus.PUBLISHED, published_at=PUBLISHED
    )
    return plan


def department_obligation(cast, **kwargs) -> Obligation:
    """The department's Q1/2025 obligation (plan generated through 2025)."""
    plan = published_plan(cast, **kwargs)
    generate_for_plan(plan, until=dt.date(2025, 12, 31))
    return Obligation.objects.get(unit=cast.department, period__year=2025, period__index=1)


def now_local(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 12, 0, tzinfo=timezone.get_default_timezone())
