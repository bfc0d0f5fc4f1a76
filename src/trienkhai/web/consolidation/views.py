"""Thin views: check access, validate, call the model or service, render or redirect."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import access, services
from .exporters import EXPORTERS, status_labels, timeliness_labels
from .forms import DraftForm, NewReportForm
from .models import ConsolidationError


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    form = NewReportForm(request.user, request.POST or None)
    if request.method == "POST":
        if not access.focal_units(request.user).exists():
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            report = services.create_report(
                data["focal_unit"], data["plan"], list(data["periods"]), request.user, data["scope"]
            )
            messages.success(request, _("Đã tạo dự thảo báo cáo tổng hợp."))
            return redirect("consolidation:detail", pk=report.pk)
    reports = access.visible_reports(request.user).prefetch_related("versions", "periods")
    can_create = access.focal_units(request.user).exists()
    return render(
        request,
        "consolidation/index.html",
        {"reports": reports, "form": form, "can_create": can_create},
    )


@login_required
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    report, rights = access.report_for(request.user, pk)
    version = report.latest()
    if version is None:
        raise Http404
    content, draft = version.consolidation(), version.draft()
    if request.method == "POST":
        if not rights.can_edit:
            raise PermissionDenied
        form = DraftForm(content, request.POST)
        if form.is_valid():
            try:
                report.add_version(
                    content, form.draft(), request.user, base=form.cleaned_data["base_version"]
                )
            except ConsolidationError as err:
                form.add_error(None, err.message)
            else:
                messages.success(request, _("Đã lưu dự thảo."))
                return redirect("consolidation:detail", pk=report.pk)
    else:
        form = DraftForm(content, initial=DraftForm.initial_from(draft, version.number))
    return render(
        request,
        "consolidation/detail.html",
        {
            "report": report,
            "version": version,
            "versions": report.versions.select_related("created_by"),
            "content": content,
            "draft": draft,
            "form": form,
            "rights": rights,
            "status_labels": status_labels(),
            "timeliness_labels": timeliness_labels(),
        },
    )


@login_required
@require_POST
def rebuild(request: HttpRequest, pk: int) -> HttpResponse:
    report, rights = access.report_for(request.user, pk)
    if not rights.can_edit:
        raise PermissionDenied
    try:
        base = int(request.POST.get("base_version", ""))
        services.rebuild(report, request.user, base)
    except ValueError:
        messages.error(request, _("Thiếu phiên bản gốc của dự thảo."))
    except ConsolidationError as err:
        messages.error(request, err.message)
    else:
        messages.success(request, _("Đã cập nhật số liệu từ báo cáo của các đơn vị."))
    return redirect("consolidation:detail", pk=report.pk)


@login_required
def export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    report, _rights = access.report_for(request.user, pk)
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise Http404
    number = request.GET.get("v")
    version = report.versions.filter(number=number).first() if number else report.latest()
    if version is None:
        raise Http404
    body = exporter.render(version.consolidation(), version.draft())
    response = HttpResponse(body, content_type=exporter.content_type)
    name = f"bao-cao-tong-hop-{report.pk}-v{version.number}.{exporter.extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
