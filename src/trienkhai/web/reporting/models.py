"""The reporting cycle as data: periods, obligations, unit reports and their history.

Fat models own the state rules (STYLE.md §6–7): :class:`Report` moves draft → submitted →
approved → accepted, or back to the unit with a comment, and every move writes a
:class:`ReportEvent`; :class:`Obligation` carries its deadline and the indexed
``remind_after`` column that the reminder worker claims with a conditional UPDATE.
Who may call which transition is decided in ``access.py``, not here.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from trienkhai.lib import periods as lib

from .signals import obligations_changed

#: Days before the deadline when the first reminder goes out, and after it when the escalation
#: does; overridable in settings (``TRIENKHAI_REMIND_DAYS_BEFORE`` / ``..._ESCALATE_DAYS_AFTER``).
REMIND_DAYS_BEFORE = 5
ESCALATE_DAYS_AFTER = 3


def _setting(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


class ReportingError(Exception):
    """A state rule refused an action; ``message`` is shown to the user as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StaleVersion(ReportingError):
    """Someone else saved the report after this user loaded it (optimistic locking)."""


class Period(models.Model):
    """A calendar reporting period (Quý I/2025 …), shared by every plan and unit."""

    class Kind(models.TextChoices):
        MONTHLY = lib.Frequency.MONTHLY.value, _("Tháng")
        QUARTERLY = lib.Frequency.QUARTERLY.value, _("Quý")
        SEMIANNUAL = lib.Frequency.SEMIANNUAL.value, _("6 tháng")
        ANNUAL = lib.Frequency.ANNUAL.value, _("Năm")

    kind = models.CharField(_("loại kỳ"), max_length=12, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    index = models.PositiveSmallIntegerField(_("thứ tự trong năm"))
    start = models.DateField(_("từ ngày"))
    end = models.DateField(_("đến ngày"))

    class Meta:
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("kỳ báo cáo")
        ordering = ["start", "end"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "index"], name="period_unique"),
        ]

    def __str__(self) -> str:
        return self.label

    @classmethod
    def for_lib(cls, period: lib.Period) -> Period:
        """The row for a pure period, created on first use (idempotent)."""
        obj, _created = cls.objects.get_or_create(
            kind=period.kind.value,
            year=period.year,
            index=period.index,
            defaults={"start": period.start, "end": period.end},
        )
        return obj

    @property
    def as_lib(self) -> lib.Period:
        return lib.Period(self.year, lib.Frequency(self.kind), self.index)

    @property
    def label(self) -> str:
        """ "Quý I/2025" in Vietnamese, "Q1 2025" in English — follows the active language."""
        return self.as_lib.label(get_language() or "vi")

    @property
    def key(self) -> str:
        return self.as_lib.key


class Obligation(models.Model):
    """One unit owes one report for one period under one reporting duty of a plan."""

    class State(models.TextChoices):
        PENDING = "pending", _("Chưa nộp")
        RECEIVED = "received", _("Đã nhận")
        ACCEPTED = "accepted", _("Đã chấp nhận")
        CANCELLED = "cancelled", _("Không còn phải nộp")

    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="obligations")
    duty = models.ForeignKey(
        "plans.ReportingDuty", on_delete=models.SET_NULL, null=True, related_name="obligations"
    )
    #: position of the duty in its plan version, so a re-published version maps onto the same
    #: obligations instead of duplicating them
    slot = models.PositiveSmallIntegerField(_("thứ tự chế độ báo cáo"), default=0)
    unit = models.ForeignKey("orgs.Unit", on_delete=models.PROTECT, related_name="obligations")
    period = models.ForeignKey(Period, on_delete=models.PROTECT, related_name="obligations")
    recipient = models.ForeignKey(
        "orgs.Unit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    via = models.ForeignKey(
        "orgs.Unit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recipient_text = models.CharField(_("nơi nhận"), max_length=300, blank=True)
    via_text = models.CharField(_("qua"), max_length=300, blank=True)
    due_date = models.DateField(_("hạn nộp"))
    due_at = models.DateTimeField(_("hạn nộp (thời điểm)"), db_index=True)
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=State.choices, default=State.PENDING
    )
    received_at = models.DateTimeField(_("ngày nhận"), null=True, blank=True)
    #: next time the reminder worker must look at this row; NULL when nothing is left to send
    remind_after = models.DateTimeField(null=True, blank=True)
    #: 0 nothing sent, 1 the reminder before the deadline sent, 2 the escalation sent
    reminder_stage = models.PositiveSmallIntegerField(default=0)
    #: failed attempts at sending the current stage's message; reset when it goes out or the
    #: worker gives up on it (``db_default`` so bulk loaders may leave the column out)
    reminder_failures = models.PositiveSmallIntegerField(default=0, db_default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("nghĩa vụ báo cáo")
        verbose_name_plural = _("nghĩa vụ báo cáo")
        ordering = ["due_at", "unit_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "slot", "unit", "period"], name="obligation_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["remind_after"], name="obligation_remind_idx"),
            models.Index(fields=["unit", "state"], name="obligation_unit_state_idx"),
            models.Index(fields=["period", "state"], name="obligation_period_state_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} · {self.period} · {self.plan}"

    # -- deadlines ------------------------------------------------------------------------------
    @staticmethod
    def due_at_for(day: dt.date) -> dt.datetime:
        """Reports are due by the end of the deadline day, Vietnam time."""
        tz = timezone.get_default_timezone()
        return dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min, tzinfo=tz)

    def set_due(self, day: dt.date) -> None:
        """Set the deadline and reschedule the reminders that are still to come."""
        self.due_date = day
        self.due_at = self.due_at_for(day)
        self.reminder_stage = 0
        self.reminder_failures = 0
        self.remind_after = self.next_reminder_at()

    def next_reminder_at(self) -> dt.datetime | None:
        """When the next reminder (stage 0) or escalation (stage 1) is due; None when done."""
        if self.state != self.State.PENDING:
            return None
        if self.reminder_stage == 0:
            days = _setting("TRIENKHAI_REMIND_DAYS_BEFORE", REMIND_DAYS_BEFORE)
            return self.due_at - dt.timedelta(days=days)
        if self.reminder_stage == 1:
            days = _setting("TRIENKHAI_ESCALATE_DAYS_AFTER", ESCALATE_DAYS_AFTER)
            return self.due_at + dt.timedelta(days=days)
        return None

    @property
    def is_overdue(self) -> bool:
        return self.state == self.State.PENDING and timezone.now() >= self.due_at

    @property
    def on_time(self) -> bool | None:
        """Whether the report reached the recipient by the deadline; None while not received."""
        if self.received_at is None:
            return None
        return self.received_at < self.due_at

    def mark_received(self, when: dt.datetime) -> None:
        """First receipt counts for timeliness; later resubmissions do not move it."""
        updates: dict[str, Any] = {"state": self.State.RECEIVED, "remind_after": None}
        if self.received_at is None:
            updates["received_at"] = when
        Obligation.objects.filter(pk=self.pk).update(**updates)
        for name, value in updates.items():
            setattr(self, name, value)
        obligations_changed.send(sender=Obligation, obligation_ids=[self.pk])

    def mark_accepted(self) -> None:
        Obligation.objects.filter(pk=self.pk).update(state=self.State.ACCEPTED, remind_after=None)
        self.state, self.remind_after = self.State.ACCEPTED, None


class Report(models.Model):
    """A unit's report for one obligation; its content is edited in place, history in events."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        SUBMITTED = "submitted", _("Chờ lãnh đạo duyệt")
        APPROVED = "approved", _("Đã gửi, chờ tiếp nhận")
        ACCEPTED = "accepted", _("Đã tiếp nhận")
        RETURNED = "returned", _("Bị trả lại")

    EDITABLE = (State.DRAFT, State.RETURNED)

    obligation = models.OneToOneField(Obligation, on_delete=models.CASCADE, related_name="report")
    state = models.CharField(
        _("trạng thái"), max_length=10, choices=State.choices, default=State.DRAFT
    )
    #: bumped on every save; a save names the version it started from (optimistic locking)
    version = models.PositiveIntegerField(default=1)
    #: the client's key for the request that created the report, so a retry returns this one
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    summary = models.TextField(_("đánh giá chung"), blank=True)
    return_comment = models.TextField(_("ý kiến khi trả lại"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("báo cáo của đơn vị")
        verbose_name_plural = _("báo cáo của đơn vị")
        indexes = [models.Index(fields=["state"], name="report_state_idx")]

    def __str__(self) -> str:
        return f"{self.obligation} ({self.get_state_display()})"

    @property
    def editable(self) -> bool:
        return self.state in self.EDITABLE

    # -- content --------------------------------------------------------------------------------
    def snapshot(self) -> dict[str, Any]:
        """The report's content as plain data, stored with each submission event."""
        return {
            "summary": self.summary,
            "entries": [
                {
                    "assignment": e.assignment_id,
                    "section": e.assignment.task.section,
                    "task": e.assignment.task.text[:300],
                    "status": e.status,
                    "narrative": e.narrative,
                }
                for e in self.entries.select_related("assignment__task").order_by(
                    "assignment__task__order", "assignment_id"
                )
            ],
            "targets": [
                {
                    "target": v.target_id,
                    "text": v.target.text[:300],
                    "value": _num(v.value),
                    "note": v.note,
                }
                for v in self.target_values.select_related("target").order_by("target__order")
            ],
            "evidence": [
                {"name": f.name, "size": f.size} for f in self.evidence.order_by("uploaded_at")
            ],
        }

    def claim_version(self, expected: int, user: Any) -> None:
        """Bump the version if it is still ``expected``; else raise :class:`StaleVersion`.

        One conditional UPDATE, so of two concurrent saves exactly one wins.
        """
        if not self.editable:
            raise ReportingError(str(_("Báo cáo không còn ở trạng thái được sửa.")))
        won = Report.objects.filter(pk=self.pk, version=expected, state__in=self.EDITABLE).update(
            version=F("version") + 1, updated_by=user, updated_at=timezone.now()
        )
        if not won:
            raise StaleVersion(
                str(
                    _(
                        "Người khác đã lưu báo cáo này sau khi bạn mở nó. Hãy tải lại trang, "
                        "xem nội dung mới rồi nhập lại thay đổi của bạn."
                    )
                )
            )
        self.version = expected + 1
        self.updated_by = user

    # -- transitions ----------------------------------------------------------------------------
    def _transition(
        self,
        allowed_from: tuple[str, ...],
        to: str,
        user: Any,
        kind: str,
        *,
        comment: str = "",
        idempotency_key: str | None = None,
        snapshot: bool = False,
        expected_version: int | None = None,
        **fields: Any,
    ) -> ReportEvent:
        """Apply one state change atomically and record it; a replayed key returns the first."""
        if idempotency_key:
            done = ReportEvent.objects.filter(idempotency_key=idempotency_key).first()
            if done is not None:
                if done.report_id != self.pk or done.kind != kind:
                    raise ReportingError(str(_("Mã chống gửi trùng đã dùng cho thao tác khác.")))
                self.refresh_from_db()
                return done
        with transaction.atomic():
            flt = Q(pk=self.pk, state__in=allowed_from)
            if expected_version is not None:
                flt &= Q(version=expected_version)
            now = timezone.now()
            won = Report.objects.filter(flt).update(
                state=to, version=F("version") + 1, updated_by=user, updated_at=now, **fields
            )
            if not won:
                self.refresh_from_db()
                replay = (
                    idempotency_key
                    and ReportEvent.objects.filter(
                        idempotency_key=idempotency_key, report=self, kind=kind
                    ).first()
                )
                if replay:
                    return replay
                if expected_version is not None and self.version != expected_version:
                    raise StaleVersion(
                        str(_("Báo cáo đã được người khác thay đổi. Hãy tải lại trang."))
                    )
                raise ReportingError(
                    str(_("Không thể thực hiện thao tác khi báo cáo đang ở trạng thái “%s”."))
                    % self.get_state_display()
                )
            self.refresh_from_db()
            return ReportEvent.objects.create(
                obligation_id=self.obligation_id,
                report=self,
                kind=kind,
                actor=user,
                comment=comment,
                version=self.version,
                snapshot=self.snapshot() if snapshot else None,
                idempotency_key=idempotency_key or None,
            )

    def submit(
        self, user: Any, *, idempotency_key: str | None = None, expected_version: int | None = None
    ) -> ReportEvent:
        """Send the draft (or the corrected returned report) to the unit head."""
        kind = (
            ReportEvent.Kind.RESUBMITTED
            if self.state == self.State.RETURNED
            else ReportEvent.Kind.SUBMITTED
        )
        return self._transition(
            self.EDITABLE,
            self.State.SUBMITTED,
            user,
            kind,
            idempotency_key=idempotency_key,
            snapshot=True,
            expected_version=expected_version,
            submitted_at=timezone.now(),
        )

    def approve(self, user: Any, *, idempotency_key: str | None = None) -> ReportEvent:
        """The unit head signs off: the report reaches the recipient (counts as received)."""
        now = timezone.now()
        event = self._transition(
            (self.State.SUBMITTED,),
            self.State.APPROVED,
            user,
            ReportEvent.Kind.APPROVED,
            idempotency_key=idempotency_key,
            snapshot=True,
            approved_at=now,
        )
        self.obligation.mark_received(event.at)
        return event

    def accept(
        self, user: Any, comment: str = "", *, idempotency_key: str | None = None
    ) -> ReportEvent:
        """The focal body takes the report in."""
        event = self._transition(
            (self.State.APPROVED,),
            self.State.ACCEPTED,
            user,
            ReportEvent.Kind.ACCEPTED,
            comment=comment,
            idempotency_key=idempotency_key,
            decided_at=timezone.now(),
        )
        self.obligation.mark_accepted()
        return event

    def return_to_unit(
        self, user: Any, comment: str, *, idempotency_key: str | None = None
    ) -> ReportEvent:
        """Send the report back for correction: by the head before approval, or the focal body."""
        comment = (comment or "").strip()
        if not comment:
            raise ReportingError(str(_("Khi trả lại báo cáo, hãy ghi rõ lý do.")))
        return self._transition(
            (self.State.SUBMITTED, self.State.APPROVED),
            self.State.RETURNED,
            user,
            ReportEvent.Kind.RETURNED,
            comment=comment,
            idempotency_key=idempotency_key,
            return_comment=comment,
            decided_at=timezone.now(),
        )


def _num(value: Any) -> float | int | None:
    if value is None:
        return None
    return int(value) if value == int(value) else float(value)


class ReportEntry(models.Model):
    """The unit's status and narrative for one assigned task."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa triển khai")
        IN_PROGRESS = "in_progress", _("Đang triển khai")
        DONE = "done", _("Hoàn thành")
        ONGOING = "ongoing", _("Thường xuyên")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="entries")
    assignment = models.ForeignKey(
        "plans.Assignment", on_delete=models.CASCADE, related_name="report_entries"
    )
    status = models.CharField(
        _("tình hình"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    narrative = models.TextField(_("kết quả thực hiện"), blank=True)

    class Meta:
        verbose_name = _("kết quả nhiệm vụ")
        verbose_name_plural = _("kết quả nhiệm vụ")
        constraints = [
            models.UniqueConstraint(fields=["report", "assignment"], name="entry_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.assignment_id}: {self.get_status_display()}"


class TargetValue(models.Model):
    """The value a unit reached for one target of the plan in the report's period."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="target_values")
    target = models.ForeignKey("plans.Target", on_delete=models.CASCADE, related_name="values")
    value = models.DecimalField(
        _("giá trị đạt được"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("giá trị chỉ tiêu")
        verbose_name_plural = _("giá trị chỉ tiêu")
        constraints = [
            models.UniqueConstraint(fields=["report", "target"], name="target_value_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.target_id} = {self.value}"


def _evidence_path(instance: Evidence, filename: str) -> str:
    return f"evidence/{instance.report_id}/{uuid.uuid4().hex}/{filename}"


class Evidence(models.Model):
    """A file attached to a report as proof (minutes, photos, decisions), size-capped."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    entry = models.ForeignKey(
        ReportEntry, on_delete=models.SET_NULL, null=True, blank=True, related_name="evidence"
    )
    file = models.FileField(_("tệp"), upload_to=_evidence_path, max_length=300)
    name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng"))
    content_type = models.CharField(max_length=100, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("minh chứng")
        verbose_name_plural = _("minh chứng")

    def __str__(self) -> str:
        return self.name


class ReportEvent(models.Model):
    """Append-only history: every state change of a report and every message sent."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Tạo dự thảo")
        SAVED = "saved", _("Lưu dự thảo")
        SUBMITTED = "submitted", _("Trình lãnh đạo duyệt")
        RESUBMITTED = "resubmitted", _("Trình lại sau khi sửa")
        APPROVED = "approved", _("Lãnh đạo duyệt, gửi đi")
        ACCEPTED = "accepted", _("Tiếp nhận")
        RETURNED = "returned", _("Trả lại")
        REMINDER = "reminder", _("Nhắc hạn")
        ESCALATION = "escalation", _("Đôn đốc quá hạn")
        MAIL_FAILED = "mail_failed", _("Gửi thư nhắc không thành công")
        MAIL_GAVE_UP = "mail_gave_up", _("Ngừng gửi thư nhắc sau nhiều lần lỗi")
        LETTER = "letter", _("Công văn đôn đốc")

    obligation = models.ForeignKey(Obligation, on_delete=models.CASCADE, related_name="events")
    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, null=True, blank=True, related_name="events"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    comment = models.TextField(blank=True)
    version = models.PositiveIntegerField(null=True, blank=True)
    snapshot = models.JSONField(null=True, blank=True)
    #: for messages: who they went to
    recipients = models.TextField(blank=True)
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)

    class Meta:
        verbose_name = _("sự kiện báo cáo")
        verbose_name_plural = _("lịch sử báo cáo")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.at:%d/%m/%Y %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Events are written once; history is never edited."""
        if self.pk is not None and not kwargs.get("force_insert"):
            raise ReportingError("report events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ReportingError("report events are append-only")
