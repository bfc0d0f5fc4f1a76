"""Generate periods and obligations from the reporting duties of published plans.

Idempotent: running it twice creates nothing new; a re-published version maps onto the same
obligations (keyed by plan, duty slot, unit and period) and only moves the deadlines of those
still pending. Safe against a concurrent run: inserts ignore rows another worker created.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from trienkhai.lib import periods as lib

from .models import Obligation, Period


@dataclass
class GenerationResult:
    """What one run did, for the command's output and the tests."""

    plans: int = 0
    created: int = 0
    rescheduled: int = 0

    def add(self, other: GenerationResult) -> None:
        self.plans += other.plans
        self.created += other.created
        self.rescheduled += other.rescheduled


def _excluded_states() -> list[str]:
    from trienkhai.web.plans.models import AssignmentState

    return [AssignmentState.HANDED_OVER, AssignmentState.CANCELLED]


def reporting_units(version) -> list[int]:  # type: ignore[no-untyped-def]
    """Ids of the units that hold live assignments in ``version``: they owe the reports."""
    from trienkhai.web.plans.models import Assignment

    return sorted(
        set(
            Assignment.objects.filter(task__version=version)
            .exclude(state__in=_excluded_states())
            .values_list("unit_id", flat=True)
        )
    )


def default_since(plan, version) -> dt.date:  # type: ignore[no-untyped-def]
    """Periods are expected from publication on (a 2023 plan entered in 2026 owes no 2023
    reports); the plan's own date when it was published earlier than that is unknown."""
    if version.published_at is not None:
        return timezone.localdate(version.published_at)
    return plan.date or timezone.localdate()


def default_until(today: dt.date | None = None) -> dt.date:
    """Generate through the end of the current year."""
    today = today or timezone.localdate()
    return dt.date(today.year, 12, 31)


def generate_for_plan(
    plan,  # type: ignore[no-untyped-def]
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> GenerationResult:
    """Create the missing obligations of one plan's published version."""
    result = GenerationResult()
    version = plan.published_version()
    if version is None:
        return result
    result.plans = 1
    units = reporting_units(version)
    if not units:
        return result
    since = since or default_since(plan, version)
    until = until or default_until()
    for slot, duty in enumerate(version.reporting_duties.order_by("order", "pk")):
        skip = {duty.recipient_unit_id, duty.via_unit_id} - {None}
        owing = [u for u in units if u not in skip]
        for freq in lib.frequencies_to_generate(duty.frequencies or []):
            for period in lib.periods_between(freq, since, until):
                due = lib.deadline(period, duty.deadlines or [], duty.days_after_period_end)
                result.add(_ensure(plan, duty, slot, period, due, owing))
    return result


def _ensure(plan, duty, slot: int, period: lib.Period, due: dt.date, units: Iterable[int]):  # type: ignore[no-untyped-def]
    """Create the obligations of one period that do not exist yet; fix pending deadlines."""
    result = GenerationResult()
    row = Period.for_lib(period)
    existing = {
        o.unit_id: o
        for o in Obligation.objects.filter(plan=plan, slot=slot, period=row, unit_id__in=units)
    }
    new = []
    for unit_id in units:
        current = existing.get(unit_id)
        if current is None:
            obligation = Obligation(
                plan=plan,
                duty=duty,
                slot=slot,
                unit_id=unit_id,
                period=row,
                recipient_id=duty.recipient_unit_id,
                via_id=duty.via_unit_id,
                recipient_text=duty.recipient_text[:300],
                via_text=duty.via_text[:300],
            )
            obligation.set_due(due)
            new.append(obligation)
        elif current.state == Obligation.State.PENDING and (
            current.due_date != due or current.duty_id != duty.pk
        ):
            current.duty = duty
            current.recipient_id, current.via_id = duty.recipient_unit_id, duty.via_unit_id
            current.recipient_text, current.via_text = (
                duty.recipient_text[:300],
                duty.via_text[:300],
            )
            current.set_due(due)
            current.save()
            result.rescheduled += 1
    if new:
        with transaction.atomic():
            before = Obligation.objects.filter(plan=plan, slot=slot, period=row).count()
            Obligation.objects.bulk_create(new, ignore_conflicts=True, batch_size=1000)
            result.created += (
                Obligation.objects.filter(plan=plan, slot=slot, period=row).count() - before
            )
    return result


def generate_all(
    *, since: dt.date | None = None, until: dt.date | None = None, plan_ids: list[int] | None = None
) -> GenerationResult:
    """Run :func:`generate_for_plan` for every published plan (or the given ones)."""
    from trienkhai.web.plans.models import Plan, PlanStatus

    plans = Plan.objects.filter(status=PlanStatus.PUBLISHED)
    if plan_ids:
        plans = plans.filter(pk__in=plan_ids)
    total = GenerationResult()
    for plan in plans.order_by("pk"):
        total.add(generate_for_plan(plan, since=since, until=until))
    return total
