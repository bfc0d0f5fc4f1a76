"""Dashboard figures as aggregate SQL (``values``/``annotate``), never Python loops over rows.

Every function takes a :class:`Scope` (the subtree root, the plans the viewer may see, and
optional plan/group/period filters) and returns plain rows. The same functions run in
``bench/national_scale.py`` against ~10 million report entries, so what is measured there
is what the pages run.
"""

from __future__ import annotations

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

    def plans_q(self, prefix: str) -> Q:
        condition = Q()
        if self.plan_ids is not None:
            condition &= Q(**{f"{prefix}plan_id__in": self.plan_ids})
        if self.plan_id is not None:
            condition &= Q(**{f"{prefix}plan_id": self.plan_id})
        return condition

    def obligations(self) -> QuerySet[Obligation]:
        rows = Obligation.objects.filter(self.plans_q(""), unit__path__startswith=self.root.path)
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

    Reads the summaries kept for the root unit (see ``rollup.py``): a few rows per plan.
    """
    from .models import ProgressSummary

    rows = ProgressSummary.objects.filter(scope.plans_q(""), node=scope.root)
    if scope.period_ids:
        rows = rows.filter(period_id__in=scope.period_ids)
    if scope.group:
        rows = rows.filter(group=scope.group)
    # total first: once "done" names an annotation, F("done") would mean the sum.
    sums = {"total": Sum(F("done") + F("ongoing") + F("in_progress") + F("not_started"))}
    sums.update({code: Sum(code) for code in STATUSES})
    return list(rows.values("group").annotate(**sums).order_by("group"))


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
    """Per target: the planned value and the mean of the values the units reported reaching."""
    from .models import TargetSummary

    rows = TargetSummary.objects.filter(scope.plans_q(""), node=scope.root)
    if scope.period_ids:
        rows = rows.filter(period_id__in=scope.period_ids)
    found = (
        rows.values(
            "target_id", "target__text", "target__comparator", "target__value", "target__unit"
        )
        .annotate(s_total=Sum("total"), units=Sum("values"))
        .order_by("target__version_id", "target__order")
    )
    return [
        {**row, "reached": row["s_total"] / row["units"] if row["units"] else None} for row in found
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
    """Rows (root's children, or the root itself) × periods: expected, received, on time."""
    rows = scope.obligations()
    own = list(
        rows.filter(unit_id=scope.root.pk)
        .values("period_id")
        .annotate(**_timeliness_counts())
        .order_by("period_id")
    )
    below = list(
        rows.exclude(unit_id=scope.root.pk)
        .annotate(child=_child_of_root(scope.root))
        .values("child", "period_id")
        .annotate(**_timeliness_counts())
        .order_by("child", "period_id")
    )
    for row in own:
        row["child"] = scope.root.pk
    return own + below


def completeness(scope: Scope) -> dict[str, int]:
    """Whole-scope totals: reports expected, received, received on time."""
    return scope.obligations().aggregate(**_timeliness_counts())


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
