"""Login throttling: too many failures for a user name or an address lock it for a while.

Failures are rows in ``LoginFailure``, so the limit holds across processes and restarts.
The login page can call :func:`is_locked` to say why a correct password is refused.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from .models import LoginFailure


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def _window_start() -> dt.datetime:
    return timezone.now() - dt.timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_S)


def is_locked(username: str, ip: str | None = None) -> bool:
    """Whether this user name or address has reached the failure limit in the window."""
    since = _window_start()
    recent = LoginFailure.objects.filter(at__gte=since)
    limit = settings.LOGIN_MAX_FAILURES
    if recent.filter(username=username.casefold()).count() >= limit:
        return True
    # An address gets more room: several people may share one office gateway.
    return ip is not None and recent.filter(ip=ip).count() >= limit * 4


def record_failure(username: str, ip: str | None = None) -> None:
    LoginFailure.objects.filter(at__lt=_window_start()).delete()
    LoginFailure.objects.create(username=username.casefold()[:150], ip=ip)


def clear(username: str) -> None:
    """Forget a user name's failures after a successful login."""
    LoginFailure.objects.filter(username=username.casefold()).delete()
