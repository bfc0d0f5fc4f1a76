"""A consolidated report and its append-only draft versions.

``ConsolidatedReport`` names what is consolidated (focal body, plan, periods); each
``DraftVersion`` stores the data as built (``content``) and the officer's text (``text``), so
an export of any version can be reproduced. Versions are never edited: saving the draft
writes version N+1 after checking that N is still the latest (optimistic locking).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from .content import Consolidation, DraftText


class ConsolidationError(Exception):
    """A rule refused the change; ``message`` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConsolidatedReport(models.Model):
    class Scope(models.TextChoices):
        PERIOD = "period", _("Báo cáo định kỳ")
        REVIEW = "review", _("Sơ kết")
        FINAL = "final", _("Tổng kết")

    focal_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("cơ quan tổng hợp"),
        on_delete=models.PROTECT,
        related_name="consolidated_reports",
    )
    plan = models.ForeignKey(
        "plans.Plan",
        verbose_name=_("kế hoạch"),
        on_delete=models.CASCADE,
        related_name="consolidated_reports",
    )
    periods = models.ManyToManyField(
        "reporting.Period", verbose_name=_("kỳ báo cáo"), related_name="consolidated_reports"
    )
    scope = models.CharField(
        _("loại báo cáo"), max_length=8, choices=Scope.choices, default=Scope.PERIOD
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("báo cáo tổng hợp")
        verbose_name_plural = _("báo cáo tổng hợp")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["focal_unit", "plan"])]

    def __str__(self) -> str:
        latest = self.latest()
        return latest.draft().title if latest else str(self.plan)

    def latest(self) -> DraftVersion | None:
        return self.versions.order_by("-number").first()

    def add_version(
        self,
        content: Consolidation,
        text: DraftText,
        user: Any,
        *,
        base: int | None,
        note: str = "",
    ) -> DraftVersion:
        """Write version ``base + 1``; refuse when someone saved a newer one meanwhile."""
        latest = self.versions.order_by("-number").values_list("number", flat=True).first() or 0
        if base is not None and base != latest:
            raise ConsolidationError(
                str(
                    _(
                        "Người khác đã lưu dự thảo này (phiên bản %(latest)s) sau khi bạn mở "
                        "phiên bản %(base)s. Hãy tải lại trang và nhập lại thay đổi của bạn."
                    )
                    % {"latest": latest, "base": base}
                )
            )
        try:
            with transaction.atomic():
                return DraftVersion.objects.create(
                    report=self,
                    number=latest + 1,
                    content=content.to_json(),
                    text=text.to_json(),
                    note=note,
                    created_by=user,
                )
        except IntegrityError:
            raise ConsolidationError(
                str(_("Người khác vừa lưu dự thảo này. Hãy tải lại trang."))
            ) from None


class DraftVersion(models.Model):
    report = models.ForeignKey(
        ConsolidatedReport, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("phiên bản"))
    content = models.JSONField(_("số liệu tổng hợp"))
    text = models.JSONField(_("nội dung biên tập"))
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("phiên bản dự thảo")
        verbose_name_plural = _("phiên bản dự thảo")
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="draftversion_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Versions are written once; a change is a new version."""
        if self.pk is not None:
            raise ConsolidationError("draft versions are append-only")
        super().save(*args, **kwargs)

    def consolidation(self) -> Consolidation:
        return Consolidation.from_json(self.content)

    def draft(self) -> DraftText:
        return DraftText.from_json(self.text)
