"""Dashboard figures as aggregate SQL (``values``/``annotate``), never Python loops over rows.

Every function takes a :class:`Scope` (the subtree root, the plans the viewer may see, and
optional plan/group/period filters) and returns plain rows. The same functions run in
``bench/national_scale.py`` against ~10 million report entries, so what is measured there
is what the pages run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    F,
    IntegerField,
    Q,
    QuerySet,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Length, StrIndex, Substr

from trienkhai.web.orgs.models import Unit
from trienkhai.web.plans.models import Target
from trienkhai.web.reporting.models import Obligation, Report, ReportEntry, TargetValue

#: Report states in which the focal body has the report (counts as received).
RECEIVED_STATES = (Report.State.APPROVED, Report.State.ACCEPTED)
STATUSES = ("done", "ongoing", "in_progress", "not_started")


@dataclass(frozen=True)
class Scope:
    """What the dashboard looks at. ``plan_ids=None`` means every plan (superuser)."""

    root: Unit
    plan_ids: list[int] | None = None
    plan_id: int | None = None
    group: str = ""
    period_ids: list[int] = field(default_factory=list)
    #: reports count as expected once due (or once received); ``None``: every obligation
    as_of: dt.datetime | None = None

    def plans_q(self, prefix: str) -> Q:
        condition = Q()
        if self.plan_ids is not None:
            condition &= Q(**{f"{prefix}plan_id__in": self.plan_ids})
        if self.plan_id is not None:
            condition &= Q(**{f"{prefix}plan_id": self.plan_id})
        return condition

    def obligations(self) -> QuerySet[Obligation]:
        rows = Obligation.objects.filter(
            self.plans_q(""), unit__path__startswith=self.root.path
        ).exclude(state=Obligation.State.CANCELLED)
        if self.as_of is not None:
            rows = rows.filter(Q(due_at__lte=self.as_of) | Q(received_at__isnull=False))
        if self.period_ids:
            rows = rows.filter(period_id__in=self.period_ids)
        return rows


def group_expression(field_name: str = "assignment__task__section") -> Case:
    """SQL for a task's group: the heading it sits under (its section path), '-' when none."""
    return Case(
        When(**{field_name: ""}, then=Value("-")),
        default=F(field_name),
        output_field=CharField(),
    )


def _entries(scope: Scope) -> QuerySet[ReportEntry]:
    rows = ReportEntry.objects.filter(
        scope.plans_q("report__obligation__"),
        report__state__in=RECEIVED_STATES,
        report__obligation__unit__path__startswith=scope.root.path,
    )
    if scope.period_ids:
        rows = rows.filter(report__obligation__period_id__in=scope.period_ids)
    if scope.group:
        rows = rows.alias(group=group_expression()).filter(group=scope.group)
    return rows


def _status_counts() -> dict[str, Count]:
    counts = {code: Count("id", filter=Q(status=code)) for code in STATUSES}
    counts["total"] = Count("id")
    return counts


def progress_by_group(scope: Scope) -> list[dict]:
    """Per task group: how many unit-task entries are done, ongoing, in progress, not started.

    Reads the summaries kept for the root (units below it) and the root's own facts: a few
    rows per plan and period whatever the size of the subtree (see ``rollup.py``).
    """
    from .models import ProgressFact, ProgressSummary

    below = ProgressSummary.objects.filter(scope.plans_q(""), node=scope.root)
    own = ProgressFact.objects.filter(scope.plans_q(""), unit=scope.root)
    merged: dict[str, dict] = {}
    for rows in (below, own):
        if scope.period_ids:
            rows = rows.filter(period_id__in=scope.period_ids)
        if scope.group:
            rows = rows.filter(group=scope.group)
        for row in rows.values("group").annotate(**{code: Sum(code) for code in STATUSES}):
            into = merged.setdefault(
                row["group"], {"group": row["group"], **dict.fromkeys(STATUSES, 0)}
            )
            for code in STATUSES:
                into[code] += row[code] or 0
    for row in merged.values():
        row["total"] = sum(row[code] for code in STATUSES)
    return [merged[key] for key in sorted(merged)]


def progress_from_entries(scope: Scope) -> list[dict]:
    """The same figures straight from the report entries (the reference the facts must match)."""
    return list(
        _entries(scope)
        .annotate(group=group_expression())
        .values("group")
        .annotate(**_status_counts())
        .order_by("group")
    )


def targets_vs_reached(scope: Scope) -> list[dict]:
    """Per target: the planned value and the mean of the values the units reported reaching
    (summaries of the units below the root, plus the root's own values)."""
    from .models import TargetSummary

    below = TargetSummary.objects.filter(scope.plans_q(""), node=scope.root)
    own = TargetValue.objects.filter(
        scope.plans_q("report__obligation__"),
        report__state__in=RECEIVED_STATES,
        report__obligation__unit=scope.root,
        value__isnull=False,
    )
    if scope.period_ids:
        below = below.filter(period_id__in=scope.period_ids)
        own = own.filter(report__obligation__period_id__in=scope.period_ids)
    fields = ("target_id", "target__text", "target__comparator", "target__value", "target__unit")
    merged: dict[int, dict] = {}
    parts = (
        below.values(*fields).annotate(s_total=Sum("total"), s_values=Sum("values")),
        own.values(*fields).annotate(s_total=Sum("value"), s_values=Count("id")),
    )
    for rows in parts:
        for row in rows:
            into = merged.setdefault(row["target_id"], {**row, "s_total": 0, "s_values": 0})
            into["s_total"] += row["s_total"] or 0
            into["s_values"] += row["s_values"] or 0
    order = dict(Target.objects.filter(pk__in=merged).values_list("pk", "order"))
    return [
        {**row, "reached": row["s_total"] / row["s_values"], "units": row["s_values"]}
        for row in sorted(
            merged.values(), key=lambda r: (order.get(r["target_id"], 0), r["target_id"])
        )
        if row["s_values"]
    ]


def targets_from_values(scope: Scope) -> list[dict]:
    """The same means straight from the reached values (the reference for the summaries)."""
    rows = TargetValue.objects.filter(
        scope.plans_q("report__obligation__"),
        report__state__in=RECEIVED_STATES,
        report__obligation__unit__path__startswith=scope.root.path,
        value__isnull=False,
    )
    if scope.period_ids:
        rows = rows.filter(report__obligation__period_id__in=scope.period_ids)
    return list(
        rows.values("target_id")
        .annotate(reached=Avg("value"), units=Count("id"))
        .order_by("target_id")
    )


def _child_of_root(root: Unit, field_name: str = "unit__path") -> Cast:
    """SQL for the id of the root's child that a unit lies under (the roll-up row)."""
    rest = Substr(field_name, Length(Value(root.path)) + 1)
    segment = Substr(rest, 1, StrIndex(rest, Value("/")) - 1)
    return Cast(segment, IntegerField())


def _timeliness_counts() -> dict[str, Count]:
    received = Q(received_at__isnull=False)
    return {
        "expected": Count("id"),
        "received": Count("id", filter=received),
        "on_time": Count("id", filter=received & Q(received_at__lt=F("due_at"))),
    }


def timeliness_heatmap(scope: Scope) -> list[dict]:
    """Rows (root's children, or the root itself) × periods: expected, received, on time.

    Reads the timeliness summaries of the root's children (their whole subtrees, a few rows
    per plan and period whatever their size — see ``rollup.py``) and the root's own
    obligations. A summary row whose deadline is after ``as_of`` counts only its received
    reports, as :func:`timeliness_from_obligations` does row by row.
    """
    from .models import TimelinessSummary

    below = TimelinessSummary.objects.filter(scope.plans_q(""), node__parent=scope.root)
    if scope.period_ids:
        below = below.filter(period_id__in=scope.period_ids)
    expected: Sum | Case = Sum("owed")
    if scope.as_of is not None:
        expected = Sum(
            Case(
                When(due_at__lte=scope.as_of, then=F("owed")),
                default=F("received"),
                output_field=IntegerField(),
            )
        )
    children = (
        below.values("period_id", child=F("node_id"))
        .annotate(expected=expected, received=Sum("received"), on_time=Sum("on_time"))
        .filter(expected__gt=0)
    )
    own = (
        scope.obligations()
        .filter(unit=scope.root)
        .values("period_id", child=Value(scope.root.pk, output_field=IntegerField()))
        .annotate(**_timeliness_counts())
    )
    rows = [*children, *own]
    return sorted(rows, key=lambda row: (row["child"], row["period_id"]))


def timeliness_from_obligations(scope: Scope) -> list[dict]:
    """The same rows straight from the obligations (the reference the summaries must match).

    One pass over the obligations: the row is the root's child the unit lies under, read
    from the unit's materialised path, or the root for the root's own reports.
    """
    child = Case(
        When(unit_id=scope.root.pk, then=Value(scope.root.pk)),
        default=_child_of_root(scope.root),
        output_field=IntegerField(),
    )
    return list(
        scope.obligations()
        .annotate(child=child)
        .values("child", "period_id")
        .annotate(**_timeliness_counts())
        .order_by("child", "period_id")
    )


def completeness(scope: Scope) -> dict[str, int]:
    """Whole-scope totals: reports expected, received, received on time (the heatmap summed)."""
    rows = timeliness_heatmap(scope)
    return {key: sum(row[key] for row in rows) for key in ("expected", "received", "on_time")}


def overdue_units(scope: Scope, now, limit: int = 20) -> list[dict]:  # type: ignore[no-untyped-def]
    """Units with reports past their deadline and not received, most overdue first."""
    return list(
        scope.obligations()
        .filter(received_at__isnull=True, due_at__lte=now)
        .values("unit_id", "unit__name")
        .annotate(missing=Count("id"))
        .order_by("-missing", "unit__name")[:limit]
    )


def unit_names(ids: Iterable[int]) -> dict[int, str]:
    return dict(Unit.objects.filter(pk__in=set(ids)).values_list("pk", "name"))
