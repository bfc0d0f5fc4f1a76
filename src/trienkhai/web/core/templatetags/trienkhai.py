"""Template helpers shared by every app: day-first dates and navigation state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def ngay(value: Any) -> str:
    """Render a date or datetime as dd/mm/yyyy in local time, whatever the active language."""
    if value in (None, ""):
        return ""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


@register.filter
def ngay_gio(value: Any) -> str:
    """Render a datetime as dd/mm/yyyy HH:MM in local time."""
    if not isinstance(value, dt.datetime):
        return ngay(value)
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%d/%m/%Y %H:%M")


@register.simple_tag(takes_context=True)
def nav_current(context: template.Context, name: str, exclude: str = "") -> SafeString | str:
    """`aria-current="page"` when the request path lies under the named URL (for the top menu).

    ``exclude`` names a URL below it that has its own menu entry.
    """
    request = context.get("request")
    if request is None:
        return ""
    try:
        target = reverse(name)
        skip = reverse(exclude) if exclude else None
    except NoReverseMatch:
        return ""
    if not request.path.startswith(target) or (skip and request.path.startswith(skip)):
        return ""
    return mark_safe('aria-current="page"')


@register.filter
def url_exists(name: str) -> bool:
    """True when a URL name is routed, so the menu shows apps that are installed only."""
    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True
