"""The API under /api/ (OpenAPI schema at /api/openapi.json, docs at /api/docs), and the page
where users manage their API keys (/api/khoa/)."""

from __future__ import annotations

from django.urls import path

from . import views
from .api import api

urlpatterns = [
    path("khoa/", views.tokens, name="api-tokens"),
    path("khoa/<int:pk>/thu-hoi/", views.revoke, name="api-token-revoke"),
    path("", api.urls),
]
