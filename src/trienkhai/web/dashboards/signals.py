"""Refresh the progress facts of an obligation whenever its report moves (every move writes
a ReportEvent; entries can change only while the report is not received), and the timeliness
summaries whenever obligations are generated, cancelled, rescheduled or received (the
reporting app's ``obligations_changed``: those writes bypass model saves)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from trienkhai.web.reporting.models import ReportEvent
from trienkhai.web.reporting.signals import obligations_changed

from .rollup import refresh, refresh_plan_timeliness, refresh_timeliness

#: Event kinds that move a report in or out of the received states.
MOVES = {"approved", "accepted", "returned", "submitted", "resubmitted"}


@receiver(post_save, sender=ReportEvent, dispatch_uid="dashboards-progress-facts")
def on_report_event(sender: Any, instance: ReportEvent, created: bool, **kwargs: Any) -> None:
    if created and instance.kind in MOVES and not kwargs.get("raw"):
        refresh([instance.obligation_id])


@receiver(obligations_changed, dispatch_uid="dashboards-timeliness")
def on_obligations_changed(
    sender: Any,
    plan_id: int | None = None,
    obligation_ids: list[int] | None = None,
    **kwargs: Any,
) -> None:
    if plan_id is not None:
        refresh_plan_timeliness(plan_id)
    if obligation_ids:
        refresh_timeliness(obligation_ids)
