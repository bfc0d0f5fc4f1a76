"""Template helpers for the consolidation pages."""

from __future__ import annotations

from django import template

from ..content import TaskItem

register = template.Library()


@register.filter
def count_status(task: TaskItem, status: str) -> int:
    """How many units reported ``status`` on ``task``."""
    return task.count(status)
