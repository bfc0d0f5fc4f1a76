"""Glue to the comparison module (``trienkhai.compare``): a plan's current version, with the
officer's corrections, as the extraction dict the comparison reads."""

from __future__ import annotations

from typing import Any

from trienkhai.compare import compare_plans, plan_from_extraction
from trienkhai.compare.render import render_html

from .models import Plan, PlanVersion


def current_version(plan: Plan) -> PlanVersion | None:
    """The version in force, else the latest draft."""
    return plan.published_version() or plan.latest_version()


def as_extraction(version: PlanVersion) -> dict[str, Any]:
    """The engine's result with its tasks replaced by the stored (possibly corrected) tasks."""
    stored = version.extraction or {}
    tasks = [
        {"text": t.text, "section": t.section, "group": t.group or None, "lead": t.lead}
        for t in version.tasks.all()
    ]
    return {
        "document": stored.get("document") or {},
        "citations": stored.get("citations") or [],
        "source": version.source_name,
        "tasks": tasks,
    }


def comparison_html(parent: PlanVersion, child: PlanVersion, lang: str = "vi") -> str:
    """The comparison report of ``child`` against ``parent``, as a self-contained HTML page.

    Raises ``trienkhai.compare.CompareError`` when the two cannot be compared.
    """
    result = compare_plans(
        plan_from_extraction(as_extraction(parent), text=parent.source_text, name=str(parent.plan)),
        plan_from_extraction(as_extraction(child), text=child.source_text, name=str(child.plan)),
    )
    return render_html(result, lang=lang)
