"""Reporting pages: each view checks access, validates, calls the model, saves (STYLE.md §6)."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import access, followup, importing, services
from .forms import EvidenceForm, ImportForm, ReportForm, ReturnForm
from .models import (
    Evidence,
    Obligation,
    Period,
    Report,
    ReportEvent,
    ReportingError,
    StaleVersion,
)

PAGE_SIZE = 100


def _need(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


@login_required
def obligations(request: HttpRequest) -> HttpResponse:
    """The unit's reports to make, and (for focal bodies) the reports they receive."""
    scope = request.GET.get("scope", "own")
    if scope == "received":
        qs = access.received_obligations(request.user)
    else:
        scope = "own"
        qs = access.visible_obligations(request.user).filter(
            unit_id__in=access.unit_ids(request.user)
        )
    state = request.GET.get("state", "")
    if state in Obligation.State.values:
        qs = qs.filter(state=state)
    report_state = request.GET.get("report", "")
    if report_state in Report.State.values:  # e.g. "submitted": waiting for the head
        qs = qs.filter(report__state=report_state)
    rows = qs.select_related("report").order_by("due_at", "unit__name")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reporting/obligations.html",
        {
            "page_obj": page,
            "rows": page.object_list,
            "scope": scope,
            "state": state,
            "states": Obligation.State.choices,
            "report_state": report_state,
            "report_states": Report.State.choices,
            "now": timezone.now(),
        },
    )


def _report_or_none(obligation: Obligation) -> Report | None:
    return Report.objects.filter(obligation=obligation).first()


@login_required
def obligation(request: HttpRequest, pk: int) -> HttpResponse:
    """One obligation: its report (read-only view), the actions allowed, the timeline."""
    ob, rights = access.get_obligation(request.user, pk)
    report = _report_or_none(ob)
    context = {
        "ob": ob,
        "rights": rights,
        "report": report,
        "events": ob.events.select_related("actor").order_by("at", "id"),
        "return_form": ReturnForm(),
        "key": uuid.uuid4().hex,
    }
    if report is not None:
        context["entries"] = report.entries.select_related("assignment__task").order_by(
            "assignment__task__order"
        )
        values = {v.target_id: v for v in report.target_values.all()}
        context["targets"] = [(t, values.get(t.pk)) for t in services.plan_targets(ob)]
        context["evidence"] = report.evidence.order_by("uploaded_at")
    return render(request, "reporting/obligation.html", context)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Create the draft on first visit, then edit it under optimistic locking."""
    ob, rights = access.get_obligation(request.user, pk)
    _need(rights.edit)
    report = _report_or_none(ob)
    if report is None and ob.state == Obligation.State.CANCELLED:
        messages.info(request, _("Đơn vị không còn phải nộp báo cáo này."))
        return redirect("reporting:obligation", pk=ob.pk)
    if report is None:
        if request.method != "POST":
            return render(request, "reporting/start.html", {"ob": ob, "key": uuid.uuid4().hex})
        report = services.open_report(ob, request.user, request.POST.get("key") or None)
        return redirect("reporting:edit", pk=ob.pk)
    if not report.editable:
        messages.info(request, _("Báo cáo đã được trình, không sửa được nữa."))
        return redirect("reporting:obligation", pk=ob.pk)
    entries = report.entries.select_related("assignment__task").order_by("assignment__task__order")
    values = {v.target_id: v for v in report.target_values.all()}
    targets = [(t, values.get(t.pk)) for t in services.plan_targets(ob)]
    form = ReportForm(
        request.POST or None,
        entries=entries,
        targets=targets,
        initial={"version": report.version, "summary": report.summary},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_report(report, request.user, form.cleaned_data["version"], form.changes())
        except StaleVersion as err:
            messages.error(request, err.message)
            return redirect("reporting:edit", pk=ob.pk)
        except ReportingError as err:
            form.add_error(None, err.message)
        else:
            if "submit" in request.POST:
                return _submit(request, report, request.POST.get("key"), report.version)
            messages.success(request, _("Đã lưu dự thảo."))
            return redirect("reporting:edit", pk=ob.pk)
    return render(
        request,
        "reporting/edit.html",
        {
            "ob": ob,
            "report": report,
            "form": form,
            "key": uuid.uuid4().hex,
            "evidence": report.evidence.order_by("uploaded_at"),
            "evidence_form": EvidenceForm(),
            "import_form": ImportForm(),
        },
    )


def _submit(
    request: HttpRequest, report: Report, key: str | None, version: int | None
) -> HttpResponse:
    try:
        report.submit(request.user, idempotency_key=key or None, expected_version=version)
    except ReportingError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, _("Đã trình lãnh đạo đơn vị duyệt."))
    return redirect("reporting:obligation", pk=report.obligation_id)


@login_required
@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Submit without editing (a retry with the same key is answered, not repeated)."""
    report, rights = access.get_report(request.user, pk)
    _need(rights.edit)
    version = request.POST.get("version")
    return _submit(
        request,
        report,
        request.POST.get("key"),
        int(version) if version and version.isdigit() else None,
    )


def _act(request: HttpRequest, pk: int, right: str, action: str, done: str) -> HttpResponse:
    report, rights = access.get_report(request.user, pk)
    _need(getattr(rights, right))
    key = request.POST.get("key") or None
    try:
        if action == "return":
            form = ReturnForm(request.POST)
            comment = form.data.get("comment", "")
            report.return_to_unit(request.user, comment, idempotency_key=key)
        elif action == "approve":
            report.approve(request.user, idempotency_key=key)
        else:
            report.accept(request.user, request.POST.get("comment", ""), idempotency_key=key)
    except ReportingError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, done)
    return redirect("reporting:obligation", pk=report.obligation_id)


@login_required
@require_POST
def approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, "approve", "approve", _("Đã duyệt và gửi báo cáo."))


@login_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _act(request, pk, "decide", "accept", _("Đã tiếp nhận báo cáo."))


@login_required
@require_POST
def return_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Return with a comment: the head before approval, the focal officer after it."""
    report, _rights = access.get_report(request.user, pk)
    if report.state == Report.State.SUBMITTED:
        return _act(request, pk, "approve", "return", _("Đã trả lại báo cáo cho đơn vị."))
    return _act(request, pk, "decide", "return", _("Đã trả lại báo cáo cho đơn vị."))


@login_required
@require_POST
def upload_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    report, rights = access.get_report(request.user, pk)
    _need(rights.edit)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một tệp minh chứng."))
    else:
        try:
            services.add_evidence(report, request.user, form.cleaned_data["file"])
        except ReportingError as err:
            messages.error(request, err.message)
        else:
            messages.success(request, _("Đã đính kèm minh chứng."))
    return redirect("reporting:edit", pk=report.obligation_id)


@login_required
def evidence(request: HttpRequest, pk: int) -> FileResponse:
    item = get_object_or_404(Evidence, pk=pk)
    access.get_report(request.user, item.report_id)
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=item.name)


@login_required
@require_POST
def import_values(request: HttpRequest, pk: int) -> HttpResponse:
    """CSV/XLSX of target values reached, saved as one edit of the draft."""
    report, rights = access.get_report(request.user, pk)
    _need(rights.edit)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tệp CSV hoặc XLSX."))
        return redirect("reporting:edit", pk=report.obligation_id)
    upload = form.cleaned_data["file"]
    try:
        rows = importing.read_rows(upload.name, upload.read())
        values = importing.target_values(rows, list(services.plan_targets(report.obligation)))
        services.save_report(
            report, request.user, report.version, services.ReportChanges(targets=values)
        )
    except ReportingError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, _("Đã nhập %d giá trị chỉ tiêu.") % len(values))
    return redirect("reporting:edit", pk=report.obligation_id)


@login_required
def followup_page(request: HttpRequest) -> HttpResponse:
    """Completeness and timeliness by unit and period, and the overdue list."""
    qs = access.received_obligations(request.user)
    plans = qs.order_by().values_list("plan_id", "plan__number", "plan__title").distinct()[:200]
    plan = request.GET.get("plan", "")
    if plan.isdigit():
        qs = qs.filter(plan_id=int(plan))
    period = request.GET.get("period", "")
    if period.isdigit():
        qs = qs.filter(period_id=int(period))
    periods = Period.objects.filter(pk__in=qs.values("period_id")).order_by("-start")
    page = Paginator(followup.table(qs), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "reporting/followup.html",
        {
            "page_obj": page,
            "rows": page.object_list,
            "total": followup.overall(qs),
            "late": followup.overdue(qs).select_related("unit", "period")[:300],
            "mail_gave_up": ReportEvent.objects.filter(
                kind=ReportEvent.Kind.MAIL_GAVE_UP,
                obligation__in=qs.filter(state=Obligation.State.PENDING).values("pk"),
            )
            .select_related("obligation__unit", "obligation__period")
            .order_by("-at")[:100],
            "plans": plans,
            "periods": periods,
            "plan": plan,
            "period": period,
        },
    )


@login_required
def letter(request: HttpRequest) -> HttpResponse:
    """The công văn đôn đốc for the late units of one plan and period, as .docx."""
    from . import letters

    plan_id, period_id = request.GET.get("plan", ""), request.GET.get("period", "")
    if not (plan_id.isdigit() and period_id.isdigit()):
        raise Http404
    qs = access.received_obligations(request.user).filter(
        plan_id=int(plan_id), period_id=int(period_id)
    )
    late = list(followup.overdue(qs).select_related("unit", "period", "plan", "via", "recipient"))
    if not late:
        messages.info(request, _("Không có đơn vị nào chậm báo cáo trong kỳ này."))
        return redirect("reporting:followup")
    rights = access.rights_for(request.user, late[0])
    _need(rights.decide)
    data = letters.reminder_letter(late, request.user)
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = 'attachment; filename="cong-van-don-doc.docx"'
    return response
