"""Who may see and edit a consolidated report (STYLE.md §8: one helper per object kind).

A role held at a unit reaches that unit's subtree. Focal-body officers and administrators of
the focal unit (or above it) edit and export; heads and viewers there read; anyone else gets
a 404, as if the report did not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from trienkhai.web.accounts.models import Membership, Role
from trienkhai.web.orgs.models import Unit
from trienkhai.web.plans.models import Plan

from .models import ConsolidatedReport

EDIT_ROLES = (Role.ADMIN, Role.FOCAL_OFFICER)
READ_ROLES = (Role.ADMIN, Role.FOCAL_OFFICER, Role.HEAD, Role.VIEWER)


@dataclass(frozen=True)
class Rights:
    can_view: bool
    can_edit: bool


def _paths(user: Any, roles: tuple[str, ...]) -> list[str]:
    return list(
        Membership.objects.filter(user=user, role__in=roles)
        .exclude(unit__path="")
        .values_list("unit__path", flat=True)
    )


def _under(paths: list[str], field: str) -> Q:
    """Rows whose ``field`` (a unit path) lies in one of the subtrees ``paths``."""
    condition = Q(pk__in=[])
    for path in paths:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def rights_at(user: Any, unit: Unit) -> Rights:
    """What ``user`` may do with consolidations made by ``unit``."""
    if not user.is_authenticated:
        return Rights(False, False)
    if user.is_superuser:
        return Rights(True, True)
    edit = any(unit.path.startswith(p) for p in _paths(user, EDIT_ROLES))
    view = edit or any(unit.path.startswith(p) for p in _paths(user, READ_ROLES))
    return Rights(view, edit)


def visible_reports(user: Any) -> QuerySet[ConsolidatedReport]:
    reports = ConsolidatedReport.objects.select_related("focal_unit", "plan")
    if user.is_superuser:
        return reports
    return reports.filter(_under(_paths(user, READ_ROLES), "focal_unit__path"))


def report_for(user: Any, pk: int, *, edit: bool = False) -> tuple[ConsolidatedReport, Rights]:
    """The report and the user's rights; 404 when unseen. Callers refuse edits with 403."""
    report = ConsolidatedReport.objects.select_related("focal_unit", "plan").filter(pk=pk).first()
    if report is None:
        raise Http404
    rights = rights_at(user, report.focal_unit)
    if not rights.can_view:
        raise Http404
    return report, rights


def focal_units(user: Any) -> QuerySet[Unit]:
    """Units in whose name ``user`` may compile a consolidated report."""
    if user.is_superuser:
        return Unit.objects.filter(followed_plans__isnull=False).distinct()
    ids = Membership.objects.filter(user=user, role__in=EDIT_ROLES).values_list("unit", flat=True)
    return Unit.objects.filter(pk__in=ids)


def plans_followed_by(unit: Unit) -> QuerySet[Plan]:
    """Plans the focal body follows: named as its follower, or issued by it."""
    return Plan.objects.filter(Q(followed_by=unit) | Q(issuing_unit=unit)).distinct()
