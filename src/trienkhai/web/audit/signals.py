"""Model signals that log every create, update and delete of the tracked models.

Each tracked instance keeps a snapshot of its field values from when it was loaded; on save the
differences are written. Apps track their own models with ``track(Model)`` from their
``AppConfig.ready``; the registries and plans are tracked here. Bulk operations bypass signals,
so services that use them call :func:`trienkhai.web.audit.log.record` themselves.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.db import models
from django.db.models.signals import post_delete, post_init, post_save

from .log import jsonable, record
from .models import Action

_TRACKED: dict[type[models.Model], set[str]] = {}
# Fields never worth logging (derived, timestamps, secrets).
_ALWAYS_SKIP = {"created_at", "updated_at", "path", "password", "key_hash", "last_login"}

DEFAULT_TRACKED = [
    ("orgs.Unit", {"territory"}),
    ("orgs.UnitAlias", set()),
    ("orgs.UnresolvedBody", set()),
    ("accounts.Membership", set()),
    ("auth.User", {"last_login"}),
    ("plans.Plan", set()),
    ("plans.PlanVersion", {"extraction", "source_text"}),
    ("plans.Task", set()),
    ("plans.Target", set()),
    ("plans.ReportingDuty", set()),
    ("plans.Assignment", set()),
    ("plans.DocumentLink", set()),
]


def _values(instance: models.Model, skip: set[str]) -> dict[str, Any]:
    out = {}
    deferred = instance.get_deferred_fields()  # reading them would query, and recurse here
    for field in instance._meta.concrete_fields:
        if field.name in skip or field.name in _ALWAYS_SKIP or field.attname in deferred:
            continue
        out[field.attname] = jsonable(getattr(instance, field.attname, None))
    return out


def _on_init(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    if instance.pk is not None:
        instance._audit_snapshot = _values(instance, _TRACKED[sender])  # type: ignore[attr-defined]


def _on_save(
    sender: type[models.Model], instance: models.Model, created: bool, **kwargs: Any
) -> None:
    if kwargs.get("raw"):
        return
    now = _values(instance, _TRACKED[sender])
    before = getattr(instance, "_audit_snapshot", None)
    if created or before is None:
        record(
            Action.CREATE,
            instance,
            changes={k: [None, v] for k, v in now.items() if v not in (None, "", [], {})},
        )
    else:
        diff = {k: [before.get(k), v] for k, v in now.items() if before.get(k) != v}
        if diff:
            record(Action.UPDATE, instance, changes=diff)
    instance._audit_snapshot = now  # type: ignore[attr-defined]


def _on_delete(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    record(
        Action.DELETE,
        instance,
        changes={k: [v, None] for k, v in _values(instance, _TRACKED[sender]).items()},
    )


def track(model: type[models.Model], skip: set[str] | None = None) -> None:
    """Log every change to ``model``, leaving the fields in ``skip`` out of the diffs."""
    if model in _TRACKED:
        return
    _TRACKED[model] = set(skip or ())
    uid = f"audit-{model._meta.label}"
    post_init.connect(_on_init, sender=model, dispatch_uid=uid + "-init")
    post_save.connect(_on_save, sender=model, dispatch_uid=uid + "-save")
    post_delete.connect(_on_delete, sender=model, dispatch_uid=uid + "-delete")


def _on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    record(Action.LOGIN, user, actor=user, note=_address(request))


def _on_login_failed(
    sender: Any, credentials: dict[str, Any], request: Any = None, **kw: Any
) -> None:
    name = str(credentials.get("username", ""))[:150]
    record(
        Action.LOGIN_FAILED,
        None,
        model_label="auth.User",
        note=f"{name} {_address(request)}".strip(),
    )


def _address(request: Any) -> str:
    return (getattr(request, "META", None) or {}).get("REMOTE_ADDR", "") if request else ""


def connect() -> None:
    from django.contrib.auth.signals import user_logged_in, user_login_failed

    user_logged_in.connect(_on_login, dispatch_uid="audit-login")
    user_login_failed.connect(_on_login_failed, dispatch_uid="audit-login-failed")
    for label, skip in DEFAULT_TRACKED:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        track(model, skip)
