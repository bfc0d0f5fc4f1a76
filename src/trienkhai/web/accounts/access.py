"""Who reaches which units: the scoping every other access helper builds on.

A role held at a unit reaches that unit and its whole subtree. A focal officer works for the
body its unit serves (Ban Dân vận serves the Tỉnh ủy, Sở Nội vụ the UBND tỉnh), so for plans it
reaches the subtree of its unit's parent. A superuser reaches everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q, QuerySet

from trienkhai.web.orgs.models import Unit

from .models import Membership, Role

UserLike = AbstractBaseUser | AnonymousUser  # request.user, signed in or not

EDIT_ROLES = (Role.ADMIN, Role.FOCAL_OFFICER)
REPORT_ROLES = (Role.ADMIN, Role.REPORTER, Role.HEAD)


def memberships(user: UserLike) -> QuerySet[Membership]:
    if not getattr(user, "is_authenticated", False):
        return Membership.objects.none()
    return Membership.objects.filter(user=user).select_related("unit")


def _subtree_q(paths: Iterable[str], field: str = "path") -> Q:
    """Units under any of ``paths``. An empty path (a unit bulk-inserted before
    ``Unit.objects.rebuild_tree()`` ran) reaches nothing: as a prefix it would match every unit."""
    q = Q(pk__in=[])
    for path in set(paths):
        if path:
            q |= Q(**{f"{field}__startswith": path})
    return q


def unit_scope_q(
    user: UserLike, roles: Iterable[str] | None = None, *, prefix: str = ""
) -> Q | None:
    """A filter on units the user reaches with one of ``roles``; ``None`` means every unit.

    ``prefix`` points the filter through a relation ("issuing_unit__", "unit__").
    """
    if getattr(user, "is_superuser", False) and user.is_active:
        return None
    ms = memberships(user)
    if roles is not None:
        ms = ms.filter(role__in=list(roles))
    return _subtree_q((m.unit.path for m in ms), field=f"{prefix}path")


def plan_scope_q(
    user: UserLike, roles: Iterable[str] | None = None, *, prefix: str = ""
) -> Q | None:
    """Like :func:`unit_scope_q`, widened for focal officers to the body their unit serves."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return None
    ms = memberships(user).select_related("unit__parent")
    if roles is not None:
        ms = ms.filter(role__in=list(roles))
    paths = []
    for m in ms:
        served = m.unit.parent if m.role == Role.FOCAL_OFFICER and m.unit.parent else m.unit
        paths.append(served.path)
    return _subtree_q(paths, field=f"{prefix}path")


def visible_units(user: UserLike) -> QuerySet[Unit]:
    """Units the user may see: those of its memberships and their subtrees."""
    scope = unit_scope_q(user)
    return Unit.objects.all() if scope is None else Unit.objects.filter(scope)


def has_role_over(user: UserLike, unit: Unit, roles: Iterable[str]) -> bool:
    """Whether the user holds one of ``roles`` at ``unit`` or above it."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return any(
        unit.path.startswith(m.unit.path) for m in memberships(user).filter(role__in=list(roles))
    )


def member_units(user: UserLike, roles: Iterable[str] | None = None) -> QuerySet[Unit]:
    """The units where the user holds a role (not their subtrees)."""
    ms = memberships(user)
    if roles is not None:
        ms = ms.filter(role__in=list(roles))
    return Unit.objects.filter(pk__in=ms.values("unit_id"))
