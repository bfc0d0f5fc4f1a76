"""Access to units and to the queue of unresolved bodies (STYLE §8: object plus permissions)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from trienkhai.web.accounts.access import EDIT_ROLES, UserLike, has_role_over, visible_units
from trienkhai.web.accounts.models import Role

from .models import Unit, UnresolvedBody


@dataclass(frozen=True)
class UnitAccess:
    view: bool
    edit: bool  # change the unit in the registry
    resolve: bool  # settle unresolved bodies of its territory


def unit_access(user: UserLike, unit: Unit) -> UnitAccess:
    seen = visible_units(user).filter(pk=unit.pk).exists()
    return UnitAccess(
        view=seen,
        edit=seen and has_role_over(user, unit, [Role.ADMIN]),
        resolve=seen and has_role_over(user, unit, EDIT_ROLES),
    )


def get_unit(user: UserLike, pk: int, *, need: str = "view") -> tuple[Unit, UnitAccess]:
    """The unit with what the user may do; 404 if unseen, 403 if ``need`` is not allowed."""
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise Http404
    access = unit_access(user, unit)
    if not access.view:
        raise Http404
    if not getattr(access, need):
        raise PermissionDenied
    return unit, access


def get_unresolved(
    user: UserLike, pk: int, *, need: str = "view"
) -> tuple[UnresolvedBody, UnitAccess]:
    """An unresolved body, judged by its territory (or, without one, by its plan's issuer)."""
    body = (
        UnresolvedBody.objects.select_related("territory", "plan_version__plan")
        .filter(pk=pk)
        .first()
    )
    if body is None:
        raise Http404
    anchor = body.territory or (body.plan_version.plan.issuing_unit if body.plan_version else None)
    if anchor is None:
        if not getattr(user, "is_superuser", False):
            raise Http404
        access = UnitAccess(True, True, True)
    else:
        access = unit_access(user, anchor)
        if not access.view and body.plan_version is not None:
            from trienkhai.web.plans.access import plan_access

            plan_rights = plan_access(user, body.plan_version.plan)
            access = UnitAccess(plan_rights.view, False, plan_rights.edit)
    if not access.view:
        raise Http404
    if not getattr(access, need):
        raise PermissionDenied
    return body, access
