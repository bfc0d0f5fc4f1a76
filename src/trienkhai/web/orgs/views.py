"""Unit registry pages and the queue of bodies that no unit matched.

Thin views (STYLE §6): check access through ``access.py``, validate with a form, let the
model or service do the work.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from trienkhai.web.accounts.access import visible_units
from trienkhai.web.accounts.models import Membership
from trienkhai.web.plans.access import visible_plans
from trienkhai.web.plans.publish import settle_body

from .access import get_unit, get_unresolved
from .forms import RegistryUploadForm, ResolveBodyForm
from .models import Unit, UnresolvedBody, UnresolvedStatus
from .registry_io import RegistryImportError, export_csv, export_xlsx, import_units


@dataclass
class TreeNode:
    unit: Unit
    children: list[TreeNode] = field(default_factory=list)


def build_tree(units: list[Unit]) -> list[TreeNode]:
    """Nest units by parent; a unit whose parent is not in the list becomes a root."""
    nodes = {u.pk: TreeNode(u) for u in units}
    roots: list[TreeNode] = []
    for unit in units:
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        (parent.children if parent else roots).append(nodes[unit.pk])
    return roots


@login_required
def unit_tree(request: HttpRequest) -> HttpResponse:
    """The units the user reaches, as a tree; dissolved units on request."""
    units = visible_units(request.user).order_by("path")
    show_all = request.GET.get("tat_ca") == "1"
    hidden = 0
    if not show_all:
        current = units.valid_on(timezone.localdate())
        hidden = units.count() - current.count()
        units = current
    query = request.GET.get("q", "").strip()
    if query:
        units = units.filter(
            Q(name__icontains=query) | Q(abbreviation__icontains=query) | Q(code__icontains=query)
        )
    units_list = list(units.select_related("parent")[:2000])
    context = {"roots": build_tree(units_list), "count": len(units_list), "q": query}
    context.update(show_all=show_all, hidden=hidden, today=timezone.localdate())
    return render(request, "orgs/tree.html", context)


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit, access = get_unit(request.user, pk)
    context = {
        "unit": unit,
        "access": access,
        "ancestors": unit.ancestors(),
        "children": unit.children.order_by("name"),
        "predecessors": unit.predecessors.order_by("name"),
        "learnt": unit.aliased_by.order_by("text")[:50],
        "members": Membership.objects.filter(unit=unit).select_related("user").order_by("role"),
        "plans": visible_plans(request.user).filter(issuing_unit=unit)[:50],
    }
    return render(request, "orgs/unit_detail.html", context)


def _queue_for(user) -> list[UnresolvedBody]:
    scope = Q(territory__in=visible_units(user)) | Q(plan_version__plan__in=visible_plans(user))
    return list(
        UnresolvedBody.objects.filter(scope, status=UnresolvedStatus.OPEN)
        .select_related("territory", "plan_version__plan")
        .distinct()
        .order_by("-occurrences", "text")[:500]
    )


@login_required
def unresolved_queue(request: HttpRequest) -> HttpResponse:
    return render(request, "orgs/unresolved.html", {"bodies": _queue_for(request.user)})


def _choices_for(body: UnresolvedBody):
    anchor = body.territory
    if anchor is None and body.plan_version is not None:
        issuer = body.plan_version.plan.issuing_unit
        anchor = issuer.territory or issuer
    units = Unit.objects.all() if anchor is None else Unit.objects.subtree_of(anchor)
    return units.valid_on(body.as_of).order_by("path")


@login_required
@require_http_methods(["GET", "POST"])
def resolve_body(request: HttpRequest, pk: int) -> HttpResponse:
    """Settle one name once: the alias is remembered for the territory, its twins are closed."""
    need = "resolve" if request.method == "POST" else "view"
    body, access = get_unresolved(request.user, pk, need=need)
    form = ResolveBodyForm(request.POST or None, queryset=_choices_for(body))
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["action"] == "resolve":
            created = settle_body(body, list(form.cleaned_data["units"]), request.user)
            messages.success(
                request,
                _(
                    "Đã ghi nhận “%(text)s” và giao thêm %(n)d nhiệm vụ. "
                    "Lần sau hệ thống tự nhận ra tên này."
                )
                % {"text": body.text, "n": created},
            )
        else:
            _ignore(body, request.user)
            messages.info(request, _("Đã bỏ qua “%(text)s”.") % {"text": body.text})
        return redirect("orgs:unresolved")
    context = {"body": body, "form": form, "access": access}
    return render(request, "orgs/resolve.html", context)


def _ignore(body: UnresolvedBody, user) -> None:
    """Set a name aside (a heading fragment, a body outside the registry); nothing is learnt."""
    body.status, body.resolved_by, body.resolved_at = UnresolvedStatus.IGNORED, user, timezone.now()
    body.save()


EXPORTS = {
    "csv": (export_csv, "text/csv; charset=utf-8"),
    "xlsx": (export_xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}


@login_required
def registry_export(request: HttpRequest, fmt: str) -> HttpResponse:
    """The units the user can see, in the file format the importer reads."""
    if fmt not in EXPORTS:
        raise Http404
    render_file, content_type = EXPORTS[fmt]
    response = HttpResponse(render_file(visible_units(request.user)), content_type=content_type)
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="don-vi-{stamp}.{fmt}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def registry_import(request: HttpRequest) -> HttpResponse:
    """Load a registry file; it names units anywhere, so only registry administrators may."""
    if not request.user.is_superuser:
        raise PermissionDenied
    form = RegistryUploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = import_units(upload.read(), upload.name)
        except RegistryImportError as err:
            problems = err.errors
        else:
            messages.success(
                request,
                _("Đã nạp danh mục: %(c)d đơn vị mới, %(u)d cập nhật, %(k)d giữ nguyên.")
                % {"c": summary.created, "u": summary.updated, "k": summary.unchanged},
            )
            return redirect("orgs:tree")
    return render(request, "orgs/import.html", {"form": form, "problems": problems[:200]})
