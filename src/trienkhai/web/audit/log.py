"""Recording changes: the current actor, and one call to write a change row.

The actor is held in a context variable: the web middleware sets it per request, services and
commands set it with ``acting_as(user)``. Model signals (``signals.py``) and explicit service
calls both end in :func:`record`.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import decimal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import models

from .models import Action, ChangeLog

_actor: contextvars.ContextVar[Any] = contextvars.ContextVar("trienkhai_audit_actor", default=None)


def current_actor() -> Any:
    """The user on whose behalf the current code runs, or ``None`` (a system job)."""
    return _actor.get()


@contextmanager
def acting_as(user: Any) -> Iterator[None]:
    """Attribute every change made inside the block to ``user``."""
    token = _actor.set(user if getattr(user, "is_authenticated", False) else None)
    try:
        yield
    finally:
        _actor.reset(token)


def jsonable(value: Any) -> Any:
    """A field value as JSON can hold it (dates as ISO text, decimals as text)."""
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


_UNIT_ATTRS = ("unit", "issuing_unit", "territory")
_PARENT_ATTRS = ("plan", "version", "task")


def unit_of(obj: models.Model | None, depth: int = 0) -> Any:
    """The unit a changed object belongs to, so unit administrators can see the change.

    A unit is its own; otherwise the first of ``unit``, ``issuing_unit``, ``territory``, or
    that of the plan, version or task it hangs from. Models may define ``audit_unit()``.
    """
    from trienkhai.web.orgs.models import Unit

    if obj is None or depth > 3:
        return None
    if isinstance(obj, Unit):
        return obj if obj.pk else None
    if hasattr(obj, "audit_unit"):
        return obj.audit_unit()
    for attr in _UNIT_ATTRS:
        if getattr(obj, f"{attr}_id", None) is not None:
            return getattr(obj, attr)
    for attr in _PARENT_ATTRS:
        if getattr(obj, f"{attr}_id", None) is not None:
            return unit_of(getattr(obj, attr), depth + 1)
    return None


def record(
    action: str | Action,
    obj: models.Model | None = None,
    *,
    changes: dict[str, Any] | None = None,
    note: str = "",
    actor: Any = None,
    model_label: str | None = None,
) -> ChangeLog:
    """Write one change row; the actor defaults to the current one."""
    who = actor if actor is not None else current_actor()
    if who is not None and not getattr(who, "is_authenticated", False):
        who = None
    return ChangeLog.objects.create(
        actor=who,
        action=str(action),
        model=model_label or (obj._meta.label if obj is not None else ""),
        object_pk=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_repr=str(obj)[:255] if obj is not None else "",
        unit_path=_unit_path(obj),
        changes=jsonable(changes or {}),
        note=note,
    )


def _unit_path(obj: models.Model | None) -> str:
    try:
        unit = unit_of(obj)
    except models.ObjectDoesNotExist:  # a parent already deleted in a cascade
        return ""
    return unit.path if unit is not None else ""
