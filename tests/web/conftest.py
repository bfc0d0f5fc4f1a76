"""pytest-django set-up for the web tests, and the fixed cast as fixtures.

Django is configured only when web tests are collected, so ``pytest tests/engine`` runs with no
Django at all. The database comes from ``DATABASE_URL`` (SQLite by default; ``make test`` also
runs this suite on a throw-away PostgreSQL server).
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trienkhai.web.settings")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create many users; the production hasher is slow on purpose."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def cast(db):
    """The fixed cast of units and people (see ``tests/web/cast.py``)."""
    from .cast import Cast

    return Cast.build()
