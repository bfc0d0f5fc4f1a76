"""Keep :class:`~.models.ProgressFact` in step with the units' received reports.

The aggregation is one ``INSERT … SELECT … GROUP BY`` built by the ORM, used for one
obligation after each report event and for everything by ``rebuild_rollup``.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, F, Q

from trienkhai.web.reporting.models import ReportEntry

from .models import ProgressFact
from .queries import RECEIVED_STATES, STATUSES, group_expression


def _aggregate(entries):  # type: ignore[no-untyped-def]
    return (
        entries.filter(report__state__in=RECEIVED_STATES)
        .annotate(group=group_expression())
        .values(
            "group",
            obligation_id=F("report__obligation_id"),
            plan_id=F("report__obligation__plan_id"),
            period_id=F("report__obligation__period_id"),
            unit_id=F("report__obligation__unit_id"),
            unit_path=F("report__obligation__unit__path"),
        )
        .annotate(**{code: Count("id", filter=Q(status=code)) for code in STATUSES})
    )


def refresh(obligation_ids: Iterable[int]) -> int:
    """Recompute the facts of these obligations (none when their report is not received)."""
    ids = list(obligation_ids)
    with transaction.atomic():
        ProgressFact.objects.filter(obligation_id__in=ids).delete()
        rows = _aggregate(ReportEntry.objects.filter(report__obligation_id__in=ids))
        facts = [ProgressFact(**row) for row in rows]
        ProgressFact.objects.bulk_create(facts, batch_size=1000)
    return len(facts)


def rebuild_all(batch: int = 5000) -> int:
    """Rebuild every fact, obligation batch by batch (bounded memory at national scale)."""
    from trienkhai.web.reporting.models import Obligation

    ProgressFact.objects.all().delete()
    total = 0
    ids = list(Obligation.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        total += refresh(ids[start : start + batch])
    return total
