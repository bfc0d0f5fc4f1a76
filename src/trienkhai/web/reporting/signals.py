"""Generate a plan's obligations as soon as it is published (after the commit).

Publishing (``plans.publish``) saves the plan with ``status="published"`` once every
assignment exists; that save triggers :func:`generation.generate_for_plan` when the transaction
commits. Assignments settled later (a body resolved from the queue) are picked up by the next
``manage.py generate_obligations`` run, which cron runs daily beside ``send_reminders``.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.dispatch import Signal

#: Obligations changed without a model save (bulk generation, cancellation, receipt): sent with
#: ``plan_id`` (all of a plan's obligations) or ``obligation_ids``, for derived tables to follow.
obligations_changed = Signal()


def plan_saved(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    if instance.status != "published":
        return
    if update_fields is not None and "status" not in update_fields:
        return
    from .generation import generate_for_plan

    plan_id = instance.pk

    def run() -> None:
        from trienkhai.web.plans.models import Plan

        plan = Plan.objects.filter(pk=plan_id).first()
        if plan is not None:
            generate_for_plan(plan)

    transaction.on_commit(run)
