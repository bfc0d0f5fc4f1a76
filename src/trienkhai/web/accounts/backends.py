"""Authentication that refuses further attempts after too many recent failures."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from . import throttle


class ThrottledModelBackend(ModelBackend):
    """Django's model backend behind the login throttle (per user name and per address)."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        ip = throttle.client_ip(request)
        if username and throttle.is_locked(username, ip):
            # PermissionDenied stops Django trying other backends and counts as a failure.
            raise PermissionDenied
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None and username:
            throttle.record_failure(username, ip)
        elif user is not None:
            throttle.clear(username or "")
        return user
