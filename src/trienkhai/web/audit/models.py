"""One row per change: actor, time, action, the object and the fields that changed."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    CREATE = "create", _("Tạo mới")
    UPDATE = "update", _("Sửa")
    DELETE = "delete", _("Xóa")
    IMPORT = "import", _("Nhập văn bản")
    PUBLISH = "publish", _("Công bố")
    RESOLVE = "resolve", _("Xác định cơ quan")
    HANDOVER = "handover", _("Chuyển giao")
    LOGIN = "login", _("Đăng nhập")
    LOGIN_FAILED = "login_failed", _("Đăng nhập thất bại")
    OTHER = "other", _("Khác")


class ChangeLog(models.Model):
    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("thao tác"), max_length=16, choices=Action.choices)
    model = models.CharField(_("loại đối tượng"), max_length=100, db_index=True)
    object_pk = models.CharField(_("mã đối tượng"), max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("đối tượng"), max_length=255, blank=True)
    # The path ("/1/7/42/") of the unit the change belongs to: unit administrators see their
    # subtree's changes. A path, not a foreign key, so the log outlives deleted units.
    unit_path = models.CharField(_("đơn vị liên quan"), max_length=512, blank=True, db_index=True)
    changes = models.JSONField(_("thay đổi"), default=dict, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        verbose_name = _("bản ghi thay đổi")
        verbose_name_plural = _("nhật ký thay đổi")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_pk"])]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.get_action_display()} {self.object_repr}"
