"""Template filters of the reporting pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def so(value: Any) -> str:
    """A number as officers write it: no exponent, no trailing zeros, decimal comma in
    Vietnamese ("86,5"), point in English."""
    if value in (None, ""):
        return ""
    try:
        number = Decimal(str(value)).normalize()
    except ArithmeticError:
        return str(value)
    text = format(number, "f")
    if (get_language() or "vi").startswith("vi"):
        text = text.replace(".", ",")
    return text


@register.filter
def entry_status(code: str) -> str:
    """The label of a task status code stored in a report snapshot."""
    from ..models import ReportEntry

    try:
        return str(ReportEntry.Status(code).label)
    except ValueError:
        return code


#: reports are dated in Vietnam's time whatever timezone a request may have activated
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")

_TONES = {
    "submitted": "info",
    "resubmitted": "info",
    "approved": "ok",
    "accepted": "ok",
    "returned": "err",
    "reminder": "warn",
    "escalation": "warn",
    "letter": "warn",
    "mail_failed": "err",
    "mail_gave_up": "err",
}


@register.filter
def gio_ha_noi(value: Any) -> str:
    """A moment as dd/mm/yyyy HH:MM in Hanoi time (naive values are taken as UTC)."""
    if not isinstance(value, dt.datetime):
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(HANOI).strftime("%d/%m/%Y %H:%M")


@register.filter
def timeline_tone(kind: str) -> str:
    """The colour family of a timeline event: info, ok, warn, err or plain."""
    return _TONES.get(kind, "plain")
