"""Who reads the change log: superusers all of it, a unit's administrators their subtree's."""

from __future__ import annotations

from django.db.models import QuerySet

from trienkhai.web.accounts.access import UserLike, unit_scope_q
from trienkhai.web.accounts.models import Role

from .models import ChangeLog


def visible_changes(user: UserLike) -> QuerySet[ChangeLog]:
    """Changes the user may read, newest first; none for anyone but administrators."""
    if not getattr(user, "is_authenticated", False):
        return ChangeLog.objects.none()
    scope = unit_scope_q(user, [Role.ADMIN], prefix="unit_")
    changes = ChangeLog.objects.select_related("actor")
    return changes if scope is None else changes.filter(scope)
