"""Template filters of the reporting pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

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
