"""Keep the dashboards' pre-aggregated tables in step with the units' received reports.

``refresh(obligation_ids)`` runs after each report event: it recomputes the obligations'
progress facts with one aggregate query, then, for every unit on the path above the reporting
unit, the summaries of that plan and period (each an aggregate over one plan-period slice).
``refresh_timeliness(obligation_ids)`` does the same for the timeliness summaries (after a
report is received), ``refresh_plan_timeliness(plan_id)`` for a whole plan (after its
obligations are generated, cancelled or rescheduled in bulk). ``rebuild_all()`` recomputes
everything: set-based SQL on PostgreSQL (a few statements for millions of entries),
obligation by obligation elsewhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, F, Q, QuerySet, Sum

from trienkhai.web.orgs.models import Unit
from trienkhai.web.reporting.models import Obligation, ReportEntry, TargetValue

from .models import ProgressFact, ProgressSummary, TargetSummary, TimelinessSummary
from .queries import RECEIVED_STATES, STATUSES, group_expression


def _facts_of(entries):  # type: ignore[no-untyped-def]
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


def _path_ids(path: str) -> list[int]:
    """Ids of the units on a materialised path, the unit itself last."""
    return [int(part) for part in path.strip("/").split("/") if part]


def _ancestor_ids(path: str) -> list[int]:
    """Ids of the units strictly above the one whose path this is."""
    return _path_ids(path)[:-1]


def _summarise(node: Unit, plan_id: int, period_id: int) -> None:
    """Recompute one node's summaries (units strictly below it) for one plan and period."""
    ProgressSummary.objects.filter(node=node, plan_id=plan_id, period_id=period_id).delete()
    sums = (
        ProgressFact.objects.filter(
            plan_id=plan_id, period_id=period_id, unit_path__startswith=node.path
        )
        .exclude(unit_id=node.pk)
        .values("group")
        .annotate(**{f"s_{code}": Sum(code) for code in STATUSES})
    )
    ProgressSummary.objects.bulk_create(
        ProgressSummary(
            node=node,
            plan_id=plan_id,
            period_id=period_id,
            group=row["group"],
            **{code: row[f"s_{code}"] or 0 for code in STATUSES},
        )
        for row in sums
    )
    TargetSummary.objects.filter(node=node, plan_id=plan_id, period_id=period_id).delete()
    values = (
        TargetValue.objects.filter(
            report__state__in=RECEIVED_STATES,
            report__obligation__plan_id=plan_id,
            report__obligation__period_id=period_id,
            report__obligation__unit__path__startswith=node.path,
            value__isnull=False,
        )
        .exclude(report__obligation__unit_id=node.pk)
        .values("target_id")
        .annotate(s_total=Sum("value"), s_values=Count("id"))
    )
    TargetSummary.objects.bulk_create(
        TargetSummary(
            node=node,
            plan_id=plan_id,
            period_id=period_id,
            target_id=row["target_id"],
            total=row["s_total"],
            values=row["s_values"],
        )
        for row in values
    )


def refresh(obligation_ids: Iterable[int]) -> int:
    """Recompute the facts of these obligations and the summaries above their units."""
    ids = list(obligation_ids)
    with transaction.atomic():
        ProgressFact.objects.filter(obligation_id__in=ids).delete()
        facts = [
            ProgressFact(**row)
            for row in _facts_of(ReportEntry.objects.filter(report__obligation_id__in=ids))
        ]
        ProgressFact.objects.bulk_create(facts, batch_size=1000)
        slices: set[tuple[int, int, int]] = set()
        for plan_id, period_id, path in Obligation.objects.filter(pk__in=ids).values_list(
            "plan_id", "period_id", "unit__path"
        ):
            slices.update((node, plan_id, period_id) for node in _ancestor_ids(path))
        nodes = Unit.objects.in_bulk({node for node, _p, _q in slices})
        for node_id, plan_id, period_id in sorted(slices):
            if node_id in nodes:
                _summarise(nodes[node_id], plan_id, period_id)
    return len(facts)


def _owed() -> QuerySet[Obligation]:
    return Obligation.objects.exclude(state=Obligation.State.CANCELLED)


def _timeliness_rows(rows: QuerySet[Obligation]) -> list[TimelinessSummary]:
    """Summaries of every unit at or above the obligations' units (one pass, summed here)."""
    sums: Counter[tuple[int, int, int, dt.datetime, str]] = Counter()
    for plan_id, period_id, path, due_at, received_at in rows.values_list(
        "plan_id", "period_id", "unit__path", "due_at", "received_at"
    ):
        for node in _path_ids(path):
            key = (node, plan_id, period_id, due_at)
            sums[(*key, "owed")] += 1
            if received_at is not None:
                sums[(*key, "received")] += 1
                sums[(*key, "on_time")] += received_at < due_at
    merged: dict[tuple[int, int, int, dt.datetime], dict[str, int]] = {}
    for (*key, name), value in sums.items():
        merged.setdefault(tuple(key), {})[name] = value  # type: ignore[index]
    return [
        TimelinessSummary(node_id=node, plan_id=plan, period_id=period, due_at=due, **counts)
        for (node, plan, period, due), counts in merged.items()
    ]


def refresh_timeliness(obligation_ids: Iterable[int]) -> None:
    """Recompute the timeliness summaries of every unit at or above these obligations' units,
    for their plans and periods (one aggregate per unit, plan and period)."""
    slices: set[tuple[int, int, int]] = set()
    for plan_id, period_id, path in Obligation.objects.filter(
        pk__in=list(obligation_ids)
    ).values_list("plan_id", "period_id", "unit__path"):
        slices.update((node, plan_id, period_id) for node in _path_ids(path))
    nodes = Unit.objects.in_bulk({node for node, _p, _q in slices})
    received = Q(received_at__isnull=False)
    with transaction.atomic():
        for node_id, plan_id, period_id in sorted(slices):
            TimelinessSummary.objects.filter(
                node_id=node_id, plan_id=plan_id, period_id=period_id
            ).delete()
            if node_id not in nodes:
                continue
            sums = (
                _owed()
                .filter(
                    plan_id=plan_id,
                    period_id=period_id,
                    unit__path__startswith=nodes[node_id].path,
                )
                .values("due_at")
                .annotate(
                    n_owed=Count("id"),
                    n_received=Count("id", filter=received),
                    n_on_time=Count("id", filter=received & Q(received_at__lt=F("due_at"))),
                )
            )
            TimelinessSummary.objects.bulk_create(
                TimelinessSummary(
                    node_id=node_id,
                    plan_id=plan_id,
                    period_id=period_id,
                    due_at=row["due_at"],
                    owed=row["n_owed"],
                    received=row["n_received"],
                    on_time=row["n_on_time"],
                )
                for row in sums
            )


def refresh_plan_timeliness(plan_id: int) -> None:
    """Recompute every timeliness summary of one plan (its obligations changed in bulk)."""
    with transaction.atomic():
        TimelinessSummary.objects.filter(plan_id=plan_id).delete()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    _POSTGRES_TIMELINESS + " AND o.plan_id = %s" + _POSTGRES_TIMELINESS_GROUP,
                    [Obligation.State.CANCELLED, plan_id],
                )
            return
        TimelinessSummary.objects.bulk_create(
            _timeliness_rows(_owed().filter(plan_id=plan_id)), batch_size=1000
        )


def rebuild_all() -> int:
    """Recompute every fact and summary; returns the number of facts."""
    with transaction.atomic():
        ProgressSummary.objects.all().delete()
        TargetSummary.objects.all().delete()
        TimelinessSummary.objects.all().delete()
        ProgressFact.objects.all().delete()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for statement in _POSTGRES_REBUILD:
                    cursor.execute(statement, [list(RECEIVED_STATES)])
                cursor.execute(
                    _POSTGRES_TIMELINESS + _POSTGRES_TIMELINESS_GROUP, [Obligation.State.CANCELLED]
                )
            return ProgressFact.objects.count()
        for plan_id in _owed().values_list("plan_id", flat=True).distinct():
            refresh_plan_timeliness(plan_id)
    total = 0
    ids = list(Obligation.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), 500):
        total += refresh(ids[start : start + 500])
    return total


# Set-based rebuild for PostgreSQL: the same aggregates as refresh(), for all rows at once;
# a unit's ancestors come from its materialised path ("/1/7/42/" → 1, 7, 42).
_POSTGRES_REBUILD = [
    """
    INSERT INTO dashboards_progressfact
        (obligation_id, plan_id, period_id, unit_id, unit_path, "group",
         done, ongoing, in_progress, not_started)
    SELECT o.id, o.plan_id, o.period_id, o.unit_id, u.path,
           CASE WHEN t.section = '' THEN '-' ELSE t.section END,
           COUNT(*) FILTER (WHERE e.status = 'done'),
           COUNT(*) FILTER (WHERE e.status = 'ongoing'),
           COUNT(*) FILTER (WHERE e.status = 'in_progress'),
           COUNT(*) FILTER (WHERE e.status = 'not_started')
    FROM reporting_reportentry e
    JOIN reporting_report r ON r.id = e.report_id
    JOIN reporting_obligation o ON o.id = r.obligation_id
    JOIN orgs_unit u ON u.id = o.unit_id
    JOIN plans_assignment a ON a.id = e.assignment_id
    JOIN plans_task t ON t.id = a.task_id
    WHERE r.state = ANY(%s)
    GROUP BY o.id, o.plan_id, o.period_id, o.unit_id, u.path, 6
    """,
    """
    INSERT INTO dashboards_progresssummary
        (node_id, plan_id, period_id, "group", done, ongoing, in_progress, not_started)
    SELECT node::bigint, f.plan_id, f.period_id, f."group",
           SUM(f.done), SUM(f.ongoing), SUM(f.in_progress), SUM(f.not_started)
    FROM dashboards_progressfact f,
         unnest(string_to_array(trim(both '/' from f.unit_path), '/')) AS node
    WHERE %s IS NOT NULL AND node::bigint <> f.unit_id
    GROUP BY 1, 2, 3, 4
    """,
    """
    INSERT INTO dashboards_targetsummary (node_id, plan_id, period_id, target_id, total, "values")
    SELECT node::bigint, o.plan_id, o.period_id, v.target_id, SUM(v.value), COUNT(v.value)
    FROM reporting_targetvalue v
    JOIN reporting_report r ON r.id = v.report_id
    JOIN reporting_obligation o ON o.id = r.obligation_id
    JOIN orgs_unit u ON u.id = o.unit_id,
         unnest(string_to_array(trim(both '/' from u.path), '/')) AS node
    WHERE r.state = ANY(%s) AND v.value IS NOT NULL AND node::bigint <> o.unit_id
    GROUP BY 1, 2, 3, 4
    """,
]

# Timeliness for every unit at or above the obligation's unit (the unit itself included).
_POSTGRES_TIMELINESS = """
INSERT INTO dashboards_timelinesssummary
    (node_id, plan_id, period_id, due_at, owed, received, on_time)
SELECT node::bigint, o.plan_id, o.period_id, o.due_at, COUNT(*), COUNT(o.received_at),
       COUNT(*) FILTER (WHERE o.received_at < o.due_at)
FROM reporting_obligation o
JOIN orgs_unit u ON u.id = o.unit_id,
     unnest(string_to_array(trim(both '/' from u.path), '/')) AS node
WHERE o.state <> %s"""
_POSTGRES_TIMELINESS_GROUP = " GROUP BY 1, 2, 3, 4"
