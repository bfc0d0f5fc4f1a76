"""Refresh the progress facts of an obligation whenever its report moves (every move writes
a ReportEvent; entries can change only while the report is not received)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from trienkhai.web.reporting.models import ReportEvent

from .rollup import refresh

#: Event kinds that move a report in or out of the received states.
MOVES = {"approved", "accepted", "returned", "submitted", "resubmitted"}


@receiver(post_save, sender=ReportEvent, dispatch_uid="dashboards-progress-facts")
def on_report_event(sender: Any, instance: ReportEvent, created: bool, **kwargs: Any) -> None:
    if created and instance.kind in MOVES and not kwargs.get("raw"):
        refresh([instance.obligation_id])
