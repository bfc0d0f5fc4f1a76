"""Plans and their versions, with the tasks, targets and reporting duties of each version.

A ``Plan`` is one document (issuer, kind, number, date). Each import or correction makes a
``PlanVersion``; a published version is frozen (``save`` refuses changes to it) and a later
correction becomes a new version, so nothing is silently overwritten. Publishing creates
``Assignment`` rows: one per task, resolved unit and role.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    NGHI_QUYET = "nghi_quyet", _("Nghị quyết")
    CHUONG_TRINH = "chuong_trinh", _("Chương trình")
    KE_HOACH = "ke_hoach", _("Kế hoạch")
    CHI_THI = "chi_thi", _("Chỉ thị")
    KET_LUAN = "ket_luan", _("Kết luận")
    QUYET_DINH = "quyet_dinh", _("Quyết định")
    QUY_DINH = "quy_dinh", _("Quy định")
    DE_AN = "de_an", _("Đề án")
    CONG_VAN = "cong_van", _("Công văn")
    HUONG_DAN = "huong_dan", _("Hướng dẫn")
    QUY_CHE = "quy_che", _("Quy chế")
    PHAP_LENH = "phap_lenh", _("Pháp lệnh")
    LUAT = "luat", _("Luật")
    NGHI_DINH = "nghi_dinh", _("Nghị định")
    THONG_TU = "thong_tu", _("Thông tư")
    BAO_CAO = "bao_cao", _("Báo cáo")
    THONG_BAO = "thong_bao", _("Thông báo")
    OTHER = "other", _("Khác")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo, chờ rà soát")
    PUBLISHED = "published", _("Đã công bố")
    ARCHIVED = "archived", _("Lưu trữ")


class Plan(models.Model):
    issuing_unit = models.ForeignKey(
        "orgs.Unit",
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="issued_plans",
    )
    kind = models.CharField(
        _("loại văn bản"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    date = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.TextField(_("trích yếu"), blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=PlanStatus.choices,
        default=PlanStatus.DRAFT,
        db_index=True,
    )
    followed_by = models.ManyToManyField(
        "orgs.Unit",
        verbose_name=_("cơ quan đầu mối theo dõi"),
        blank=True,
        related_name="followed_plans",
        help_text=_("Cơ quan giúp việc theo dõi, đôn đốc, tổng hợp (ví dụ Ban Dân vận)."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-date", "-created_at"]
        indexes = [models.Index(fields=["issuing_unit", "number", "date"])]

    def __str__(self) -> str:
        label = self.get_kind_display()
        if self.number:
            label += f" {self.number}"
        return f"{label}: {self.title}" if self.title else label

    def save(self, *args, **kwargs) -> None:
        """Save; once the plan has a number, links elsewhere that name it now point to it."""
        super().save(*args, **kwargs)
        if self.number:
            from .graph import attach_incoming

            attach_incoming(self)

    def latest_version(self) -> PlanVersion | None:
        return self.versions.order_by("-number").first()

    def published_version(self) -> PlanVersion | None:
        """The version in force: the last one published."""
        return self.versions.filter(status=VersionStatus.PUBLISHED).order_by("-number").first()


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    PUBLISHED = "published", _("Đã công bố")
    SUPERSEDED = "superseded", _("Đã được thay thế")


class PlanVersion(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản số"))
    status = models.CharField(
        _("trạng thái"), max_length=16, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    extraction = models.JSONField(_("kết quả trích xuất"), default=dict)
    source_name = models.CharField(_("tệp nguồn"), max_length=255, blank=True)
    source_text = models.TextField(_("văn bản nguồn"), blank=True)
    content_hash = models.CharField(max_length=64, db_index=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(_("công bố lúc"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("phiên bản kế hoạch")
        verbose_name_plural = _("phiên bản kế hoạch")
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="planversion_unique_number"),
            # One file, one version: the backstop of the importer's duplicate check.
            models.UniqueConstraint(
                fields=["content_hash"],
                condition=~models.Q(content_hash=""),
                name="planversion_unique_content",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan} — v{self.number}"

    @property
    def is_frozen(self) -> bool:
        return self.status != VersionStatus.DRAFT

    def save(self, *args, **kwargs) -> None:
        """Refuse to rewrite a published version; only its status may move to superseded."""
        if self.pk is not None and kwargs.get("update_fields") != ["status"]:
            stored = PlanVersion.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored is not None and stored != VersionStatus.DRAFT:
                raise ValidationError(
                    _("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới.")
                )
        super().save(*args, **kwargs)

    def assert_editable(self) -> None:
        if self.is_frozen:
            raise ValidationError(_("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới."))


class VersionPart(models.Model):
    """A row belonging to a version (task, target, duty): frozen with it once published."""

    class Meta:
        abstract = True

    def _check_editable(self) -> None:
        status = (
            PlanVersion.objects.filter(pk=self.version_id).values_list("status", flat=True).first()
        )
        if status is not None and status != VersionStatus.DRAFT:
            raise ValidationError(_("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới."))

    def save(self, *args, **kwargs) -> None:
        self._check_editable()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_editable()
        return super().delete(*args, **kwargs)


class Task(VersionPart):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="tasks")
    order = models.PositiveIntegerField(_("thứ tự"))
    section = models.CharField(_("mục"), max_length=64, blank=True)
    text = models.TextField(_("nội dung nhiệm vụ"))
    group = models.CharField(_("nhóm đối tượng"), max_length=32, blank=True)
    due_text = models.CharField(_("thời hạn"), max_length=255, blank=True)
    output = models.TextField(_("sản phẩm"), blank=True)
    line = models.PositiveIntegerField(_("dòng trong văn bản"), null=True, blank=True)
    lead = models.JSONField(_("cơ quan chủ trì"), default=list, blank=True)
    support = models.JSONField(_("cơ quan phối hợp"), default=list, blank=True)
    requested = models.JSONField(_("cơ quan được đề nghị"), default=list, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "order"], name="task_order")]

    def __str__(self) -> str:
        return f"{self.section} {self.text[:80]}".strip()

    def bodies(self) -> list[tuple[str, str]]:
        """(role, body text) for every body named on this task, lead first."""
        return [
            *((AssignmentRole.LEAD, b) for b in self.lead),
            *((AssignmentRole.SUPPORT, b) for b in self.support),
            *((AssignmentRole.REQUESTED, b) for b in self.requested),
        ]


class Comparator(models.TextChoices):
    GE = ">=", "≥"
    GT = ">", ">"
    EQ = "=", "="
    LE = "<=", "≤"
    LT = "<", "<"
    BETWEEN = "between", _("trong khoảng")


class Target(VersionPart):
    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="targets")
    order = models.PositiveIntegerField(_("thứ tự"))
    text = models.TextField(_("chỉ tiêu"))
    comparator = models.CharField(_("so sánh"), max_length=8, choices=Comparator.choices)
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=4)
    value_high = models.DecimalField(
        _("giá trị cận trên"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    unit = models.CharField(_("đơn vị tính"), max_length=100, blank=True)
    year = models.PositiveIntegerField(_("năm đạt"), null=True, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.comparator == Comparator.BETWEEN and self.value_high is None:
            raise ValidationError(
                {"value_high": _("Chỉ tiêu “trong khoảng” cần giá trị cận trên.")}
            )


class Frequency(models.TextChoices):
    MONTHLY = "monthly", _("Hằng tháng")
    QUARTERLY = "quarterly", _("Hằng quý")
    SEMIANNUAL = "semiannual", _("6 tháng")
    ANNUAL = "annual", _("Hằng năm")
    PERIODIC = "periodic", _("Định kỳ")


class ReportingDuty(VersionPart):
    version = models.ForeignKey(
        PlanVersion, on_delete=models.CASCADE, related_name="reporting_duties"
    )
    order = models.PositiveIntegerField(_("thứ tự"))
    frequencies = models.JSONField(_("tần suất"), default=list, blank=True)
    deadlines = models.JSONField(
        _("hạn báo cáo (MM-DD)"), default=list, blank=True, help_text=_('Ví dụ ["12-10"].')
    )
    days_after_period_end = models.PositiveIntegerField(
        _("số ngày sau khi kết thúc kỳ"), null=True, blank=True
    )
    reporter_text = models.CharField(_("đơn vị báo cáo"), max_length=500, blank=True)
    recipient_text = models.CharField(_("nơi nhận báo cáo"), max_length=500, blank=True)
    via_text = models.CharField(_("qua cơ quan"), max_length=500, blank=True)
    recipient_unit = models.ForeignKey(
        "orgs.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    via_unit = models.ForeignKey(
        "orgs.Unit", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("chế độ báo cáo")
        verbose_name_plural = _("chế độ báo cáo")
        ordering = ["version", "order"]

    def __str__(self) -> str:
        return ", ".join(self.frequencies) or str(_("Định kỳ"))

    def clean(self) -> None:
        bad = [f for f in self.frequencies if f not in Frequency.values]
        if bad:
            raise ValidationError({"frequencies": _("Tần suất không hợp lệ: %s") % ", ".join(bad)})
        for deadline in self.deadlines:
            if not _valid_mmdd(deadline):
                raise ValidationError(
                    {"deadlines": _("Hạn “%s” không theo dạng MM-DD.") % deadline}
                )


def _valid_mmdd(text: str) -> bool:
    import datetime as dt

    try:
        dt.date(2000, int(text[:2]), int(text[3:5]))
    except (ValueError, TypeError):
        return False
    return len(text) == 5 and text[2] == "-"


class AssignmentRole(models.TextChoices):
    LEAD = "lead", _("Chủ trì")
    SUPPORT = "support", _("Phối hợp")
    REQUESTED = "requested", _("Được đề nghị")


class AssignmentState(models.TextChoices):
    OPEN = "open", _("Đang thực hiện")
    DONE = "done", _("Hoàn thành")
    HANDED_OVER = "handed_over", _("Đã chuyển giao")
    CANCELLED = "cancelled", _("Đã hủy")


class Assignment(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        "orgs.Unit", verbose_name=_("đơn vị"), on_delete=models.PROTECT, related_name="assignments"
    )
    role = models.CharField(_("vai trò"), max_length=16, choices=AssignmentRole.choices)
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    state = models.CharField(
        _("tình trạng"),
        max_length=16,
        choices=AssignmentState.choices,
        default=AssignmentState.OPEN,
        db_index=True,
    )
    body_text = models.CharField(_("tên trong văn bản"), max_length=500, blank=True)
    handed_over_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="handed_over_to"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("giao nhiệm vụ")
        verbose_name_plural = _("giao nhiệm vụ")
        ordering = ["task__version", "task__order", "role", "unit__name"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "role"], name="assignment_unique")
        ]
        indexes = [models.Index(fields=["unit", "state"])]

    def __str__(self) -> str:
        return f"{self.unit} — {self.get_role_display()} — {self.task}"


class LinkRelation(models.TextChoices):
    IMPLEMENTS = "implements", _("Thực hiện")
    CITES = "cites", _("Trích dẫn")


class DocumentLink(models.Model):
    """A plan's reference to another document; ``target`` is set once that document is known."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="links")
    relation = models.CharField(_("quan hệ"), max_length=16, choices=LinkRelation.choices)
    kind = models.CharField(
        _("loại văn bản"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    number = models.CharField(_("số, ký hiệu"), max_length=100, blank=True)
    date = models.DateField(_("ngày"), null=True, blank=True)
    issuer_text = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    target = models.ForeignKey(
        Plan,
        verbose_name=_("văn bản trong hệ thống"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="linked_from",
    )

    class Meta:
        verbose_name = _("liên kết văn bản")
        verbose_name_plural = _("liên kết văn bản")
        ordering = ["plan", "relation", "number"]
        indexes = [models.Index(fields=["number", "date"])]

    def __str__(self) -> str:
        return f"{self.get_relation_display()} {self.get_kind_display()} {self.number}".strip()
