"""Publishing a reviewed version, and keeping assignments with the units that exist.

Publishing freezes the version (a later correction is a new version), supersedes the one
before (carrying the assignments of each task it restates over to the new task, see
``carry.py``), resolves every body its tasks name to units of the issuer's territory at the plan's
date, and creates one ``Assignment`` per task, unit and role with the due date read from the
task's printed time. Bodies nobody can match are queued for an officer; once settled, the
missing assignments are made. Units past their ``valid_to`` hand their open assignments to
their successor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai.web.audit.log import record
from trienkhai.web.audit.models import Action
from trienkhai.web.orgs.models import Unit, UnresolvedBody
from trienkhai.web.orgs.names import name_key
from trienkhai.web.orgs.resolve import Resolver, queue_unresolved, settle

from .carry import CarryOver, apply_carry_over, plan_carry_over
from .due import due_date
from .errors import NotPublishable
from .graph import attach_incoming
from .models import (
    Assignment,
    AssignmentState,
    PlanStatus,
    PlanVersion,
    ReportingDuty,
    Target,
    Task,
    VersionStatus,
)


@dataclass
class PublishResult:
    version: PlanVersion
    assignments: int = 0
    unresolved: list[str] = field(default_factory=list)
    handed_over: int = 0
    carried: int = 0  # assignments of the previous version moved onto the task restating theirs
    cancelled: int = 0  # open assignments of the previous version whose task disappeared


def _refresh_due_dates(carry: CarryOver, plan_date: dt.date | None) -> None:
    """A carried open assignment takes the due date its new task prints (it may be corrected)."""
    for assignment in carry.carried:
        if assignment.state != AssignmentState.OPEN:
            continue
        task = carry.moves[assignment.task_id]
        due = due_date(task.due_text, plan_date)
        if due != assignment.due_date:
            Assignment.objects.filter(pk=assignment.pk).update(due_date=due)


def as_of(version: PlanVersion) -> dt.date:
    """The date bodies are resolved at.

    The plan's date when printed; otherwise the latest date of a document it cites or
    implements (a plan comes after what it cites: a 2024 plan with a blank date still names
    the districts of 2024); otherwise the day it was imported.
    """
    plan = version.plan
    if plan.date is not None:
        return plan.date
    cited = plan.links.filter(date__isnull=False).aggregate(latest=Max("date"))["latest"]
    return cited or timezone.localdate(version.created_at)


def _assign(task: Task, unit: Unit, role: str, text: str, plan_date: dt.date | None) -> bool:
    _, created = Assignment.objects.get_or_create(
        task=task,
        unit=unit,
        role=role,
        defaults={"due_date": due_date(task.due_text, plan_date), "body_text": text[:500]},
    )
    return created


@transaction.atomic
def publish(version: PlanVersion, user: AbstractBaseUser | None = None) -> PublishResult:
    """Publish a draft version: freeze it, supersede the previous one, assign its tasks."""
    version = (
        PlanVersion.objects.select_for_update()
        .select_related("plan__issuing_unit")
        .get(pk=version.pk)
    )
    plan = version.plan
    if version.status != VersionStatus.DRAFT:
        raise NotPublishable(_("Phiên bản này đã được công bố."))
    latest = plan.versions.order_by("-number").first()
    if latest is not None and latest.pk != version.pk:
        raise NotPublishable(_("Chỉ công bố được phiên bản mới nhất của kế hoạch."))
    if not version.tasks.exists():
        raise NotPublishable(_("Kế hoạch chưa có nhiệm vụ nào để giao."))
    day = as_of(version)
    resolver = Resolver(plan.issuing_unit, day)
    carry = plan_carry_over(version, resolver)
    apply_carry_over(carry)
    for old in plan.versions.filter(status=VersionStatus.PUBLISHED):
        old.status = VersionStatus.SUPERSEDED
        old.save(update_fields=["status"])
        Assignment.objects.filter(task__version=old, state=AssignmentState.OPEN).update(
            state=AssignmentState.CANCELLED
        )
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.published_by = user
    PlanVersion.objects.filter(pk=version.pk).update(
        status=version.status, published_at=version.published_at, published_by=user
    )
    result = PublishResult(
        version=version, carried=len(carry.carried), cancelled=len(carry.cancelled)
    )
    _refresh_due_dates(carry, plan.date)
    for task in version.tasks.all():
        for role, text in task.bodies():
            found = resolver.resolve(text)
            if not found.resolved:
                queue_unresolved(text, plan.issuing_unit, day, version)
                if text not in result.unresolved:
                    result.unresolved.append(text)
                continue
            for unit in found.units:
                result.assignments += _assign(task, unit, role, text, plan.date)
    _resolve_duties(version, resolver, plan)
    plan.status = PlanStatus.PUBLISHED
    plan.save(update_fields=["status", "updated_at"])
    attach_incoming(plan)
    record(
        Action.PUBLISH,
        version,
        actor=user,
        changes={
            "assignments": result.assignments,
            "carried": result.carried,
            "cancelled": result.cancelled,
            "unresolved": result.unresolved,
        },
    )
    result.handed_over = handover_expired(timezone.localdate(), plans=[plan.pk])
    return result


def _resolve_duties(version: PlanVersion, resolver: Resolver, plan) -> None:
    """Point reporting duties at their units; the body reports go through follows the plan."""
    for duty in version.reporting_duties.all():
        for text_field, unit_field in (
            ("recipient_text", "recipient_unit"),
            ("via_text", "via_unit"),
        ):
            text = getattr(duty, text_field)
            if not text:
                continue
            found = resolver.resolve(text)
            if len(found.units) == 1:
                setattr(duty, unit_field, found.units[0])
        ReportingDuty.objects.filter(pk=duty.pk).update(
            recipient_unit=duty.recipient_unit, via_unit=duty.via_unit
        )
        if duty.via_unit is not None:
            plan.followed_by.add(duty.via_unit)


@transaction.atomic
def settle_body(
    body: UnresolvedBody, units: list[Unit], user: AbstractBaseUser | None = None
) -> int:
    """Settle a queued body (remembered as an alias) and make the assignments it was missing.

    Returns the number of assignments created across the published versions that name it.
    """
    alias = settle(body, units, user)
    record(
        Action.RESOLVE, body, actor=user, changes={"units": [u.pk for u in units]}, note=alias.text
    )
    created = 0
    entries = UnresolvedBody.objects.filter(
        key=body.key, territory=body.territory, plan_version__status=VersionStatus.PUBLISHED
    ).select_related("plan_version__plan")
    for entry in entries:
        version = entry.plan_version
        for task in version.tasks.all():
            for role, text in task.bodies():
                if name_key(text) != body.key:
                    continue
                for unit in units:
                    created += _assign(task, unit, role, text, version.plan.date)
    return created


@transaction.atomic
def new_draft_from(version: PlanVersion, user: AbstractBaseUser | None = None) -> PlanVersion:
    """A new draft copying ``version``'s tasks, targets and duties, for corrections."""
    plan = version.plan
    if plan.versions.filter(status=VersionStatus.DRAFT).exists():
        raise NotPublishable(_("Kế hoạch đã có một bản dự thảo đang rà soát."))
    last = plan.versions.order_by("-number").first()
    draft = PlanVersion.objects.create(
        plan=plan,
        number=last.number + 1,
        extraction=version.extraction,
        source_name=version.source_name,
        source_text=version.source_text,
        created_by=user,
        note=_("Sửa từ phiên bản %(n)d") % {"n": version.number},
    )
    copies = [
        (Task, version.tasks.all()),
        (Target, version.targets.all()),
        (ReportingDuty, version.reporting_duties.all()),
    ]
    for model, rows in copies:
        fresh = []
        for row in rows:
            row.pk = None
            row.version = draft
            fresh.append(row)
        model.objects.bulk_create(fresh)
    ReportingDuty.objects.filter(version=draft).update(recipient_unit=None, via_unit=None)
    record(Action.CREATE, draft, actor=user, note=draft.note)
    return draft


def handover_expired(today: dt.date, *, plans: list[int] | None = None) -> int:
    """Pass open assignments of units past their ``valid_to`` to their successors.

    The old row stays, marked handed over, so history shows who held the task when. Runs
    after each publication and from ``manage.py handover_assignments`` (daily, from cron).
    """
    stale = Assignment.objects.filter(
        state=AssignmentState.OPEN, unit__valid_to__lt=today, unit__successor__isnull=False
    ).select_related("unit", "task__version__plan")
    if plans is not None:
        stale = stale.filter(task__version__plan_id__in=plans)
    moved = 0
    for old in stale:
        heir = old.unit.final_successor()
        if heir.pk == old.unit_id or not heir.is_valid_on(today):
            continue
        with transaction.atomic():
            new, _created = Assignment.objects.get_or_create(
                task=old.task,
                unit=heir,
                role=old.role,
                defaults={
                    "due_date": old.due_date,
                    "body_text": old.body_text,
                    "handed_over_from": old,
                },
            )
            old.state = AssignmentState.HANDED_OVER
            old.save(update_fields=["state", "updated_at"])
            record(Action.HANDOVER, old, changes={"to_unit": heir.pk, "assignment": new.pk})
        moved += 1
    return moved
