"""Access to plans, versions and assignments (STYLE §8: object plus what the user may do).

A user sees a plan when its issuer is in the user's reach, when the user's unit follows it
(the focal body), or when the plan assigns tasks to a unit in the user's reach. Focal officers
and administrators over the issuer (or of a following body) may review and publish it.

A focal body also follows, read-only, the plans that carry out the plans it follows, down the
chain (Ban Dân vận Tỉnh ủy follows the province's programme, hence the district plans that
implement it): :func:`focal_followed_ids`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from trienkhai.web.accounts.access import (
    EDIT_ROLES,
    REPORT_ROLES,
    UserLike,
    member_units,
    plan_scope_q,
    unit_scope_q,
)
from trienkhai.web.accounts.models import Role

from .graph import descendants
from .models import Assignment, Plan, PlanVersion


@dataclass(frozen=True)
class PlanAccess:
    view: bool
    edit: bool  # import versions, correct drafts, publish, resolve bodies


def _is_admin(user: UserLike) -> bool:
    return bool(getattr(user, "is_superuser", False) and user.is_active)


def visible_plans(user: UserLike) -> QuerySet[Plan]:
    if _is_admin(user):
        return Plan.objects.all()
    if not getattr(user, "is_authenticated", False):
        return Plan.objects.none()
    issued = plan_scope_q(user, prefix="issuing_unit__")
    assigned_units = unit_scope_q(user, prefix="unit__")
    assigned = Assignment.objects.filter(assigned_units).values("task__version__plan_id")
    followed = Q(followed_by__in=member_units(user))
    below = Q(pk__in=focal_followed_ids(user))
    return Plan.objects.filter(issued | followed | below | Q(pk__in=assigned)).distinct()


def focal_followed_ids(user: UserLike) -> list[int]:
    """Plans a focal officer's body follows because they carry out a plan it follows.

    The plans it follows are those issued in the subtree of the body it serves and those
    naming its unit as the following body; every plan implementing one of them (resolved
    ``implements`` links, any depth) is followed too. View only: editing stays with the issuer.
    """
    focal = (Role.FOCAL_OFFICER,)
    scope = plan_scope_q(user, focal, prefix="issuing_unit__")
    if scope is None or not member_units(user, focal).exists():
        return []
    roots = Plan.objects.filter(scope | Q(followed_by__in=member_units(user, focal)))
    return sorted(descendants(list(roots.values_list("pk", flat=True).distinct())))


def editable_plans(user: UserLike) -> QuerySet[Plan]:
    if _is_admin(user):
        return Plan.objects.all()
    issued = plan_scope_q(user, EDIT_ROLES, prefix="issuing_unit__")
    followed = Q(followed_by__in=member_units(user, EDIT_ROLES))
    return Plan.objects.filter(issued | followed).distinct()


def plan_access(user: UserLike, plan: Plan) -> PlanAccess:
    view = visible_plans(user).filter(pk=plan.pk).exists()
    return PlanAccess(view=view, edit=view and editable_plans(user).filter(pk=plan.pk).exists())


def get_plan(user: UserLike, pk: int, *, need: str = "view") -> tuple[Plan, PlanAccess]:
    """The plan with what the user may do; 404 if unseen, 403 if ``need`` is not allowed."""
    plan = Plan.objects.select_related("issuing_unit").filter(pk=pk).first()
    if plan is None:
        raise Http404
    access = plan_access(user, plan)
    if not access.view:
        raise Http404
    if not getattr(access, need):
        raise PermissionDenied
    return plan, access


def get_version(user: UserLike, pk: int, *, need: str = "view") -> tuple[PlanVersion, PlanAccess]:
    version = PlanVersion.objects.select_related("plan").filter(pk=pk).first()
    if version is None:
        raise Http404
    _, access = get_plan(user, version.plan_id, need=need)
    return version, access


@dataclass(frozen=True)
class AssignmentAccess:
    view: bool
    report: bool  # the assigned unit's reporters, heads and administrators


def visible_assignments(user: UserLike) -> QuerySet[Assignment]:
    """Assignments of units in the user's reach, plus those of plans the user may edit."""
    base = Assignment.objects.select_related("task__version__plan", "unit")
    if _is_admin(user):
        return base
    own = unit_scope_q(user, prefix="unit__")
    return base.filter(own | Q(task__version__plan__in=editable_plans(user))).distinct()


def get_assignment(
    user: UserLike, pk: int, *, need: str = "view"
) -> tuple[Assignment, AssignmentAccess]:
    assignment = visible_assignments(user).filter(pk=pk).first()
    if assignment is None:
        raise Http404
    report_scope = unit_scope_q(user, REPORT_ROLES, prefix="unit__")
    can_report = _is_admin(user) or (Assignment.objects.filter(report_scope, pk=pk).exists())
    access = AssignmentAccess(view=True, report=can_report)
    if not getattr(access, need):
        raise PermissionDenied
    return assignment, access


def inbox(user: UserLike, unit_pk: int | None = None) -> QuerySet[Assignment]:
    """A unit's assignments (the user's own units when none is named), open ones first."""
    qs = visible_assignments(user).filter(task__version__status="published")
    if unit_pk is not None:
        qs = qs.filter(unit_id=unit_pk)
    else:
        qs = qs.filter(unit__in=member_units(user))
    return qs.order_by("state", "due_date", "task__version__plan", "task__order")
