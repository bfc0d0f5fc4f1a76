"""Which subtrees a user may look at on the dashboards (STYLE.md §8).

A role at a unit shows that unit's subtree; a focal officer also sees the whole territory its
body follows (Ban Dân vận Tỉnh ủy sees the province's districts and communes), widened to
every unit that owes it reports. Only plans the
user may see are counted. Any other unit is a 404.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Max, Min
from django.http import Http404

from trienkhai.web.accounts.access import memberships
from trienkhai.web.accounts.models import Role
from trienkhai.web.orgs.models import Unit
from trienkhai.web.plans.access import visible_plans
from trienkhai.web.reporting.models import Obligation


def roots_for(user: Any) -> list[Unit]:
    """The widest units the user may roll up, widest first."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return list(Unit.objects.filter(parent__isnull=True).order_by("name"))
    roots: dict[int, Unit] = {}
    for membership in memberships(user).select_related("unit__territory"):
        unit = membership.unit
        if membership.role == Role.FOCAL_OFFICER:
            followed = followed_root(unit)
            roots[followed.pk] = followed
        roots[unit.pk] = unit
    ordered = sorted(roots.values(), key=lambda u: (u.depth, u.name))
    return [
        u for u in ordered if not any(o is not u and u.path.startswith(o.path) for o in ordered)
    ]


def followed_root(focal: Unit) -> Unit:
    """The smallest unit whose subtree holds the focal body's territory and every unit owing
    reports on the plans it follows (after the 2025 reform these can lie outside the old
    territory). Two aggregate rows: the common prefix of the lowest and highest unit paths
    is the common prefix of them all."""
    base = focal.territory or focal
    span = Obligation.objects.filter(plan__followed_by=focal).aggregate(
        low=Min("unit__path"), high=Max("unit__path")
    )
    paths = [base.path, *(p for p in (span["low"], span["high"]) if p)]
    prefix = min(paths)
    for path in paths:
        while not path.startswith(prefix):
            prefix = prefix[:-1]
    prefix = prefix[: prefix.rfind("/") + 1]
    ids = [int(part) for part in prefix.strip("/").split("/") if part]
    if not ids:
        return base
    return Unit.objects.filter(pk=ids[-1]).first() or base


def root_for(user: Any, unit_id: int | None) -> Unit:
    """The requested root if the user reaches it, else the user's widest root; 404 otherwise."""
    roots = roots_for(user)
    if not roots:
        raise Http404
    if unit_id is None:
        return roots[0]
    unit = Unit.objects.filter(pk=unit_id).first()
    if unit is None or not any(unit.path.startswith(root.path) for root in roots):
        raise Http404
    return unit


def plan_ids_for(user: Any) -> list[int] | None:
    """Ids of the plans the user may see; ``None`` for a superuser (every plan)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return None
    return list(visible_plans(user).values_list("pk", flat=True))
