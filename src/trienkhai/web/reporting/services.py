"""Editing a unit report: open the draft, save it under optimistic locking, attach evidence.

Views and the API call these; the state changes themselves (submit, approve, accept, return)
are methods of :class:`~trienkhai.web.reporting.models.Report`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from trienkhai.lib import filetypes

from .models import (
    Evidence,
    Obligation,
    Report,
    ReportEntry,
    ReportEvent,
    ReportingError,
    TargetValue,
)

#: Evidence files larger than this are refused (``TRIENKHAI_MAX_EVIDENCE_MB``).
MAX_EVIDENCE_MB = 10


def max_evidence_bytes() -> int:
    return int(getattr(settings, "TRIENKHAI_MAX_EVIDENCE_MB", MAX_EVIDENCE_MB)) * 1024 * 1024


def unit_assignments(obligation: Obligation):  # type: ignore[no-untyped-def]
    """The owing unit's assignments in the plan's published version, in task order (handed-over
    ones included: an abolished unit still reports on the periods it lived through)."""
    from trienkhai.web.plans.models import Assignment, AssignmentState

    version = obligation.plan.published_version()
    if version is None:
        return Assignment.objects.none()
    return (
        Assignment.objects.filter(task__version=version, unit_id=obligation.unit_id)
        .exclude(state=AssignmentState.CANCELLED)
        .select_related("task")
        .order_by("task__order", "role")
    )


def plan_targets(obligation: Obligation):  # type: ignore[no-untyped-def]
    """The targets of the plan's published version, for the values-reached table."""
    from trienkhai.web.plans.models import Target

    version = obligation.plan.published_version()
    if version is None:
        return Target.objects.none()
    return Target.objects.filter(version=version).order_by("order")


def open_report(obligation: Obligation, user: Any, idempotency_key: str | None = None) -> Report:
    """The obligation's report, created as a draft with one entry per assignment if missing.

    A retried creation (same ``idempotency_key``) or a concurrent one returns the same report.
    """
    existing = Report.objects.filter(obligation=obligation).first()
    if existing is not None:
        return existing
    if idempotency_key:
        keyed = Report.objects.filter(idempotency_key=idempotency_key).first()
        if keyed is not None:
            if keyed.obligation_id != obligation.pk:
                raise ReportingError(_("Mã chống gửi trùng đã dùng cho báo cáo khác."))
            return keyed
    try:
        with transaction.atomic():
            report = Report.objects.create(
                obligation=obligation,
                created_by=user,
                updated_by=user,
                idempotency_key=idempotency_key or None,
            )
            ReportEntry.objects.bulk_create(
                ReportEntry(report=report, assignment=a) for a in unit_assignments(obligation)
            )
            ReportEvent.objects.create(
                obligation=obligation,
                report=report,
                kind=ReportEvent.Kind.CREATED,
                actor=user,
                version=report.version,
            )
    except IntegrityError:
        return Report.objects.get(obligation=obligation)
    return report


@dataclass
class ReportChanges:
    """Validated content of one save: what the form or the API sent."""

    summary: str | None = None
    #: assignment id → (status, narrative)
    entries: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: target id → (value or None, note)
    targets: dict[int, tuple[Decimal | None, str]] = field(default_factory=dict)


def parse_value(raw: Any) -> Decimal | None:
    """A reached value as typed by an officer: "85", "85,5", "1.234,5" (Vietnamese), "85%"."""
    if raw is None:
        return None
    if isinstance(raw, int | float | Decimal):
        return Decimal(str(raw))
    text = str(raw).strip().rstrip("%").strip().replace(" ", "")
    if not text:
        return None
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ReportingError(_("“%s” không phải là một số.") % raw) from None
    if not value.is_finite() or abs(value) >= Decimal("1e10"):
        raise ReportingError(_("“%s” không phải là một số hợp lệ.") % raw)
    return value


def save_report(report: Report, user: Any, expected_version: int, changes: ReportChanges) -> Report:
    """Save the draft if nobody saved since ``expected_version``; all or nothing."""
    valid_status = set(ReportEntry.Status.values)
    for status, _narrative in changes.entries.values():
        if status not in valid_status:
            raise ReportingError(_("Tình hình thực hiện không hợp lệ: %s") % status)
    with transaction.atomic():
        report.claim_version(expected_version, user)
        if changes.summary is not None:
            Report.objects.filter(pk=report.pk).update(summary=changes.summary)
            report.summary = changes.summary
        known = set(report.entries.values_list("assignment_id", flat=True))
        allowed = set(unit_assignments(report.obligation).values_list("pk", flat=True))
        for assignment_id, (status, narrative) in changes.entries.items():
            if assignment_id in known:
                ReportEntry.objects.filter(report=report, assignment_id=assignment_id).update(
                    status=status, narrative=narrative
                )
            elif assignment_id in allowed:
                ReportEntry.objects.create(
                    report=report, assignment_id=assignment_id, status=status, narrative=narrative
                )
            else:
                raise ReportingError(_("Nhiệm vụ %s không được giao cho đơn vị.") % assignment_id)
        targets = set(plan_targets(report.obligation).values_list("pk", flat=True))
        for target_id, (value, note) in changes.targets.items():
            if target_id not in targets:
                raise ReportingError(_("Chỉ tiêu %s không thuộc kế hoạch.") % target_id)
            TargetValue.objects.update_or_create(
                report=report, target_id=target_id, defaults={"value": value, "note": note[:500]}
            )
        ReportEvent.objects.create(
            obligation_id=report.obligation_id,
            report=report,
            kind=ReportEvent.Kind.SAVED,
            actor=user,
            version=report.version,
        )
    return report


def add_evidence(
    report: Report, user: Any, upload: Any, entry: ReportEntry | None = None
) -> Evidence:
    """Attach an uploaded file; refused when the report is not editable or the file too big."""
    if not report.editable:
        raise ReportingError(_("Báo cáo không còn ở trạng thái được sửa."))
    limit = max_evidence_bytes()
    if upload.size > limit:
        raise ReportingError(
            _("Tệp “%(name)s” quá lớn (%(size).1f MB); tối đa %(max)d MB.")
            % {"name": upload.name, "size": upload.size / 1048576, "max": limit // 1048576}
        )
    if upload.size == 0:
        raise ReportingError(_("Tệp “%s” rỗng.") % upload.name)
    name = (upload.name or "tep").replace("/", "_").replace("\\", "_")[-200:]
    kind = filetypes.sniff(upload)
    if kind is None:
        raise ReportingError(
            _(
                "Tệp “%(name)s” không phải là loại tài liệu hoặc ảnh được chấp nhận. "
                "Hãy đính kèm tệp %(allowed)s."
            )
            % {"name": name, "allowed": filetypes.allowed_extensions()}
        )
    if not filetypes.extension_matches(name, kind):
        raise ReportingError(
            _(
                "Tệp “%(name)s” có nội dung %(kind)s nhưng tên tệp không mang đuôi tương ứng "
                "(%(ext)s). Hãy đổi tên tệp cho đúng rồi đính kèm lại."
            )
            % {"name": name, "kind": kind.name, "ext": ", ".join("." + e for e in kind.extensions)}
        )
    evidence = Evidence(
        report=report,
        entry=entry,
        name=name,
        size=upload.size,
        content_type=kind.mime,  # what the content is, not what the browser claimed
        uploaded_by=user,
    )
    # the file is written before the row: if the row cannot be saved, remove the file
    evidence.file.save(name, upload, save=False)
    try:
        with transaction.atomic():
            evidence.save()
    except Exception:
        evidence.file.delete(save=False)
        raise
    return evidence
