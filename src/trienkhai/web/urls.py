"""The site's URL map: one include per app; apps built in parallel join as soon as they exist.

Language switching uses Django's ``set_language`` view; error pages are the templates
``400.html``/``403.html``/``404.html``/``500.html`` in ``core``.
"""

from __future__ import annotations

import importlib.util

from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from .core import views as core_views

admin.site.site_header = "trienkhai"
admin.site.site_title = "trienkhai"

# (URL prefix, app module whose ``urls`` to include). Each app names its own namespace.
_APP_URLS = [
    ("", "trienkhai.web.accounts"),
    ("don-vi/", "trienkhai.web.orgs"),
    ("ke-hoach/", "trienkhai.web.plans"),
    ("bao-cao/", "trienkhai.web.reporting"),
    ("tong-hop/", "trienkhai.web.consolidation"),
    ("theo-doi/", "trienkhai.web.dashboards"),
    ("api/", "trienkhai.web.api"),
]


def _app_patterns() -> list[URLPattern | URLResolver]:
    found: list[URLPattern | URLResolver] = []
    for prefix, app in _APP_URLS:
        if app in settings.INSTALLED_APPS and importlib.util.find_spec(f"{app}.urls") is not None:
            found.append(path(prefix, include(f"{app}.urls")))
    return found


urlpatterns: list[URLPattern | URLResolver] = [
    path("", core_views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
    *_app_patterns(),
]
