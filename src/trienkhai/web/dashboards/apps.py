from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "trienkhai.web.dashboards"
    label = "dashboards"
    verbose_name = _("Theo dõi, đánh giá")

    def ready(self) -> None:
        from . import signals  # noqa: F401
