"""API authentication: a per-user bearer token (``Authorization: Bearer tk_…``), or the
browser session for the interactive docs. Either way ``request.auth`` is the user."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth


class TokenAuth(HttpBearer):
    """Tokens are issued per user (``accounts.ApiToken``); only their hash is stored."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        from trienkhai.web.accounts.models import ApiToken

        found = ApiToken.authenticate(token)
        if found is None:
            return None
        request.user = found.user
        return found.user


class SessionUser(SessionAuth):
    """The logged-in browser session (CSRF-checked on writes by django-ninja)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = super().authenticate(request, key)
        return user or None


AUTH = [TokenAuth(), SessionUser()]
