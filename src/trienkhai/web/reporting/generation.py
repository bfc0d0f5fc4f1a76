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
from .signals import obligations_changed


@dataclass
class GenerationResult:
    """What one run did, for the command's output and the tests."""

    plans: int = 0
    created: int = 0
    rescheduled: int = 0
    cancelled: int = 0

    def add(self, other: GenerationResult) -> None:
        self.plans += other.plans
        self.created += other.created
        self.rescheduled += other.rescheduled
        self.cancelled += other.cancelled


def reporting_units(version) -> list[int]:  # type: ignore[no-untyped-def]
    """Ids of the units that hold assignments in ``version``: they owe the reports.

    A handed-over assignment still counts: the abolished unit owes the periods it lived
    through (its ``valid_to`` bounds them), its successor those from its ``valid_from``.
    """
    from trienkhai.web.plans.models import Assignment, AssignmentState

    return sorted(
        set(
            Assignment.objects.filter(task__version=version)
            .exclude(state=AssignmentState.CANCELLED)
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
    """Create the missing obligations of one plan's published version, and cancel those no
    longer owed (a unit that left the plan or ceased to exist, a duty that was removed)."""
    from trienkhai.web.orgs.models import Unit

    result = GenerationResult()
    version = plan.published_version()
    if version is None:
        return result
    result.plans = 1
    units = {u.pk: u for u in Unit.objects.filter(pk__in=reporting_units(version))}
    since = since or default_since(plan, version)
    until = until or default_until()
    wanted: set[tuple[int, str]] = set()  # (slot, period kind) still generated
    for slot, duty in enumerate(version.reporting_duties.order_by("order", "pk")):
        skip = {duty.recipient_unit_id, duty.via_unit_id} - {None}
        owing = [u for pk, u in units.items() if pk not in skip]
        for freq in lib.frequencies_to_generate(duty.frequencies or []):
            wanted.add((slot, freq.value))
            for period in lib.periods_between(freq, since, until):
                due = lib.deadline(period, duty.deadlines or [], duty.days_after_period_end)
                alive = [u.pk for u in owing if _exists_during(u, period)]
                result.add(_ensure(plan, duty, slot, period, due, alive))
    result.cancelled = _cancel_unowed(plan, units, wanted)
    obligations_changed.send(sender=Obligation, plan_id=plan.pk)
    return result


def _exists_during(unit, period: lib.Period) -> bool:  # type: ignore[no-untyped-def]
    """A unit owes a period's report only if it existed during the period: a commune formed
    on 1 July 2025 owes nothing for the first half-year, a district abolished then nothing after."""
    if unit.valid_from is not None and period.end < unit.valid_from:
        return False
    return not (unit.valid_to is not None and period.start > unit.valid_to)


def _cancel_unowed(plan, units: dict, wanted: set[tuple[int, str]]) -> int:  # type: ignore[no-untyped-def]
    """Cancel pending obligations without a report that the plan no longer asks for.

    Periods the unit lived through stay owed (a district still owes its last quarter); an
    obligation of a unit removed from the plan is cancelled only while its deadline is ahead.
    """
    today = timezone.localdate()
    cancelled = 0
    pending = Obligation.objects.filter(
        plan=plan, state=Obligation.State.PENDING, report__isnull=True
    ).select_related("unit", "period")
    for ob in pending:
        unit = units.get(ob.unit_id)
        gone = (ob.slot, ob.period.kind) not in wanted
        if unit is None:
            ended = ob.unit.valid_to
            gone = gone or (ob.period.start > ended if ended else ob.due_date >= today)
        elif not _exists_during(unit, ob.period.as_lib):
            gone = True
        if gone:
            cancelled += Obligation.objects.filter(pk=ob.pk, state=Obligation.State.PENDING).update(
                state=Obligation.State.CANCELLED, remind_after=None
            )
    return cancelled


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
        elif current.state == Obligation.State.CANCELLED or (
            current.state == Obligation.State.PENDING
            and (current.due_date != due or current.duty_id != duty.pk)
        ):
            current.state = Obligation.State.PENDING  # owed again (re-published, re-assigned)
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
