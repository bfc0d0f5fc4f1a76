"""The API under /api/ (OpenAPI schema at /api/openapi.json, docs at /api/docs)."""

from __future__ import annotations

from django.urls import path

from .api import api

urlpatterns = [path("", api.urls)]
