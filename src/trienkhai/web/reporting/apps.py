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
