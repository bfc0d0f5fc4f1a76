from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "trienkhai.web.audit"
    label = "audit"
    verbose_name = _("Nhật ký thay đổi")

    def ready(self) -> None:
        from . import signals

        signals.connect()
