"""App configuration for the reporting cycle."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    """Periods, obligations, unit reports, follow-up and reminders."""

    name = "trienkhai.web.reporting"
    label = "reporting"
    verbose_name = _("Báo cáo định kỳ")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from trienkhai.web.plans.models import Plan

        from .signals import plan_saved

        post_save.connect(plan_saved, sender=Plan, dispatch_uid="reporting.plan_published")
