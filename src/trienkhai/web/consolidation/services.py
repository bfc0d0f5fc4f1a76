"""Create and rebuild consolidated reports: the steps the views and demo_cycle share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai.web.orgs.models import Unit
from trienkhai.web.plans.models import Plan
from trienkhai.web.reporting.models import Period

from . import builder
from .drafting import default_draft, merge_rebuilt
from .models import ConsolidatedReport, DraftVersion


def create_report(
    focal: Unit, plan: Plan, periods: Sequence[Period], user: Any, scope: str
) -> ConsolidatedReport:
    """Build the data once and store it with a first draft as version 1."""
    content = builder.build(focal, plan, periods)
    review = "" if scope == ConsolidatedReport.Scope.PERIOD else _scope_word(scope)
    text = default_draft(content, timezone.localdate(), review=review)
    with transaction.atomic():
        report = ConsolidatedReport.objects.create(
            focal_unit=focal, plan=plan, scope=scope, created_by=user
        )
        report.periods.set(periods)
        report.add_version(content, text, user, base=0, note=_("Tạo dự thảo"))
    return report


def rebuild(report: ConsolidatedReport, user: Any, base: int) -> DraftVersion:
    """Re-read the units' reports into a new version, keeping the officer's text."""
    latest = report.latest()
    content = builder.build(report.focal_unit, report.plan, list(report.periods.all()))
    text = (
        merge_rebuilt(latest.draft(), content)
        if latest
        else default_draft(content, timezone.localdate())
    )
    return report.add_version(content, text, user, base=base, note=_("Cập nhật số liệu"))


def _scope_word(scope: str) -> str:
    return str(ConsolidatedReport.Scope(scope).label)
