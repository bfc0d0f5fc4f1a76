"""Plan pages: list, upload, review beside the source, corrections, publish, history, graph,
cascade, and a unit's inbox of assignments.

Thin views (STYLE §6): access through ``access.py``, validation in ``forms.py``, the work in
``importer.py``/``publish.py``/``graph.py``. Refusals from the services (``PlanError``) become
messages on the page; nothing is half-saved because the services are atomic.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max, Q
from django.forms import ModelForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from trienkhai.compare import CompareError
from trienkhai.web.accounts.access import EDIT_ROLES, member_units, unit_scope_q
from trienkhai.web.orgs.access import get_unit
from trienkhai.web.orgs.models import Unit
from trienkhai.web.orgs.resolve import Resolver

from . import graph
from .access import get_plan, get_version, inbox, visible_plans
from .carry import preview as carry_preview
from .comparison import comparison_html, current_version
from .errors import DuplicatePlan, PlanError
from .forms import ReportingDutyForm, TargetForm, TaskForm, UploadForm
from .highlight import locate_tasks, mark_source, numbered_lines
from .importer import import_document
from .models import (
    AssignmentState,
    Frequency,
    LinkRelation,
    Plan,
    PlanStatus,
    PlanVersion,
    Task,
    VersionStatus,
)
from .publish import as_of, new_draft_from, publish

PAGE_SIZE = 50


def _uploadable_units(user):
    """Units the user may import plans for: those under an admin or focal-officer role."""
    scope = unit_scope_q(user, EDIT_ROLES)
    units = Unit.objects.all() if scope is None else Unit.objects.filter(scope)
    # A focal officer imports for the body it serves (its unit's parent) as well.
    served = Unit.objects.filter(children__in=member_units(user, EDIT_ROLES))
    return (units | served).distinct().order_by("path")


def _count_tasks(plans) -> None:
    """Set ``task_count`` on each plan: the tasks of the version in force, else of the draft."""
    counts: dict[int, dict[str, int]] = {}
    rows = (
        Task.objects.filter(version__plan__in=[p.pk for p in plans])
        .values("version__plan", "version__status")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts.setdefault(row["version__plan"], {})[row["version__status"]] = row["n"]
    for plan in plans:
        by_status = counts.get(plan.pk, {})
        plan.task_count = by_status.get(
            VersionStatus.PUBLISHED, by_status.get(VersionStatus.DRAFT, 0)
        )


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    plans = visible_plans(request.user).select_related("issuing_unit")
    query = request.GET.get("q", "").strip()
    if query:
        plans = plans.filter(Q(number__icontains=query) | Q(title__icontains=query))
    status = request.GET.get("status", "")
    if status in PlanStatus.values:
        plans = plans.filter(status=status)
    plans = plans.order_by("-date", "-created_at")
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    on_page = list(page.object_list)
    _count_tasks(on_page)
    context = {
        "plans": on_page,
        "page_obj": page,
        "q": query,
        "status": status,
        "statuses": PlanStatus.choices,
        "can_upload": _uploadable_units(request.user).exists(),
    }
    return render(request, "plans/list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Upload → engine → draft version, then straight to its review page.

    With ``?ke_hoach=<pk>`` the file becomes the next version of that plan (a revised text of
    the same document); otherwise a document already in the registry is refused.
    """
    units = _uploadable_units(request.user)
    target = None
    if request.GET.get("ke_hoach", "").isdigit():
        target, _access = get_plan(request.user, int(request.GET["ke_hoach"]), need="edit")
        units = Unit.objects.filter(pk=target.issuing_unit_id)
    if not units.exists():
        raise PermissionDenied
    initial = {"unit_code": target.issuing_unit.code} if target else None
    form = UploadForm(
        request.POST or None, request.FILES or None, editable_units=units, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        try:
            result = import_document(
                upload_file.read(),
                upload_file.name,
                form.cleaned_data["unit_code"],
                request.user,
                new_version_of=target,
            )
        except DuplicatePlan as err:
            link = reverse("plans:detail", args=[err.existing.pk])
            form.add_error(None, format_html('{} <a href="{}">{}</a>', str(err), link, _("Xem")))
        except PlanError as err:
            form.add_error("file", str(err))
        else:
            messages.success(
                request,
                _("Đã đọc “%(name)s”: %(tasks)d nhiệm vụ. Hãy rà soát rồi công bố.")
                % {"name": upload_file.name, "tasks": result.version.tasks.count()},
            )
            return redirect("plans:version", result.version.pk)
    context = {"form": form, "unit_choices": units[:500], "target": target}
    return render(request, "plans/upload.html", context)


def _duty_labels(duty) -> None:
    labels = dict(Frequency.choices)
    duty.frequency_labels = [labels.get(f, f) for f in duty.frequencies]
    duty.deadline_labels = [f"{d[3:5]}/{d[:2]}" for d in duty.deadlines if len(d) == 5]


def _review(request: HttpRequest, plan: Plan, version: PlanVersion, access) -> HttpResponse:
    tasks = list(version.tasks.prefetch_related("assignments__unit"))
    lines = numbered_lines(version.source_text)
    task_lines = locate_tasks(lines, [t.text for t in tasks])
    for task, line in zip(tasks, task_lines, strict=True):
        task.line = line
    duties = list(version.reporting_duties.select_related("recipient_unit", "via_unit"))
    for duty in duties:
        _duty_labels(duty)
    extraction = version.extraction or {}
    context = {
        "plan": plan,
        "version": version,
        "access": access,
        "can_correct": access.edit and version.status == VersionStatus.DRAFT,
        "document": extraction.get("document") or {},
        "warnings": extraction.get("warnings") or [],
        "source_lines": mark_source(lines, extraction, task_lines),
        "tasks": tasks,
        "targets": list(version.targets.all()),
        "duties": duties,
        "links": list(plan.links.all()),
        "unresolved": list(version.unresolved_bodies.all()),
        "republish": (
            carry_preview(version, Resolver(plan.issuing_unit, as_of(version)))
            if access.edit and version.status == VersionStatus.DRAFT
            else None
        ),
    }
    return render(request, "plans/review.html", context)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan's current version: the draft under review, else the one in force."""
    plan, access = get_plan(request.user, pk)
    version = plan.latest_version() if access.edit else plan.published_version()
    version = version or plan.latest_version()
    if version is None:
        raise Http404
    return _review(request, plan, version, access)


@login_required
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version, access = get_version(request.user, pk)
    return _review(request, version.plan, version, access)


@login_required
@require_POST
def publish_version(request: HttpRequest, pk: int) -> HttpResponse:
    version, _access = get_version(request.user, pk, need="edit")
    try:
        result = publish(version, request.user)
    except PlanError as err:
        messages.error(request, str(err))
        return redirect("plans:version", version.pk)
    text = _("Đã công bố. Đã giao %(n)d nhiệm vụ cho các đơn vị.") % {"n": result.assignments}
    if result.carried or result.cancelled:
        text += " " + _(
            "%(carried)d giao nhiệm vụ được chuyển sang phiên bản này, %(cancelled)d bị hủy."
        ) % {"carried": result.carried, "cancelled": result.cancelled}
    if result.unresolved:
        text += " " + _("%(n)d tên cơ quan chưa xác định, xem hàng chờ.") % {
            "n": len(result.unresolved)
        }
    messages.success(request, text)
    return redirect("plans:version", version.pk)


@login_required
@require_POST
def revise_version(request: HttpRequest, pk: int) -> HttpResponse:
    """Corrections after publishing go into a new draft; the published version stays as is."""
    version, _access = get_version(request.user, pk, need="edit")
    try:
        draft = new_draft_from(version, request.user)
    except PlanError as err:
        messages.error(request, str(err))
        return redirect("plans:version", version.pk)
    messages.info(request, _("Đã tạo phiên bản %(n)d để chỉnh sửa.") % {"n": draft.number})
    return redirect("plans:version", draft.pk)


def _edit_row(
    request: HttpRequest,
    version_pk: int,
    related: str,
    pk: int,
    form_class: type[ModelForm],
    title: str,
) -> HttpResponse:
    version, _access = get_version(request.user, version_pk, need="edit")
    row = getattr(version, related).filter(pk=pk).first()
    if row is None:
        raise Http404
    if version.status != VersionStatus.DRAFT:
        messages.error(request, _("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới."))
        return redirect("plans:version", version.pk)
    form = form_class(request.POST or None, instance=row)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Đã lưu thay đổi."))
        return redirect(reverse("plans:version", args=[version.pk]) + f"#task-{row.pk}")
    context = {"version": version, "plan": version.plan, "form": form, "title": title, "row": row}
    return render(request, "plans/edit_row.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit_task(request: HttpRequest, version_pk: int, pk: int) -> HttpResponse:
    return _edit_row(request, version_pk, "tasks", pk, TaskForm, _("Sửa nhiệm vụ"))


@login_required
@require_http_methods(["GET", "POST"])
def add_task(request: HttpRequest, version_pk: int) -> HttpResponse:
    """A task the engine missed, added by the officer at the end of the draft."""
    version, _access = get_version(request.user, version_pk, need="edit")
    if version.status != VersionStatus.DRAFT:
        messages.error(request, _("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới."))
        return redirect("plans:version", version.pk)
    last = version.tasks.aggregate(top=Max("order"))["top"] or 0
    form = TaskForm(request.POST or None, instance=Task(version=version, order=last + 1))
    if request.method == "POST" and form.is_valid():
        task = form.save()
        messages.success(request, _("Đã thêm nhiệm vụ."))
        return redirect(reverse("plans:version", args=[version.pk]) + f"#task-{task.pk}")
    context = {"version": version, "plan": version.plan, "form": form, "title": _("Thêm nhiệm vụ")}
    return render(request, "plans/edit_row.html", context)


@login_required
@require_POST
def delete_task(request: HttpRequest, version_pk: int, pk: int) -> HttpResponse:
    """Drop a wrongly extracted task from a draft (a published version is never changed)."""
    version, _access = get_version(request.user, version_pk, need="edit")
    task = version.tasks.filter(pk=pk).first()
    if task is None:
        raise Http404
    if version.status != VersionStatus.DRAFT:
        messages.error(request, _("Phiên bản đã công bố không được sửa; hãy tạo phiên bản mới."))
    else:
        task.delete()
        messages.success(request, _("Đã xóa nhiệm vụ."))
    return redirect("plans:version", version.pk)


@login_required
@require_http_methods(["GET", "POST"])
def edit_target(request: HttpRequest, version_pk: int, pk: int) -> HttpResponse:
    return _edit_row(request, version_pk, "targets", pk, TargetForm, _("Sửa chỉ tiêu"))


@login_required
@require_http_methods(["GET", "POST"])
def edit_duty(request: HttpRequest, version_pk: int, pk: int) -> HttpResponse:
    return _edit_row(
        request, version_pk, "reporting_duties", pk, ReportingDutyForm, _("Sửa chế độ báo cáo")
    )


@login_required
def versions(request: HttpRequest, pk: int) -> HttpResponse:
    plan, access = get_plan(request.user, pk)
    rows = plan.versions.select_related("created_by", "published_by").annotate(
        task_count=Count("tasks")
    )
    if not access.edit:
        rows = rows.exclude(status=VersionStatus.DRAFT)
    context = {"plan": plan, "access": access, "versions": rows.order_by("-number")}
    return render(request, "plans/versions.html", context)


def _visible_ids(user) -> set[int] | None:
    """Ids of the plans the user may open; ``None`` for an administrator (all of them)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return None
    return set(visible_plans(user).values_list("pk", flat=True))


def _compare_url(parent: Plan, child: Plan) -> str:
    return reverse("plans:compare", args=[parent.pk, child.pk])


def _ref_url(ref: graph.DocumentRef) -> str:
    query = {"so": ref.number}
    if ref.date is not None:
        query["ngay"] = ref.date.isoformat()
    return reverse("plans:cascade_ref") + "?" + urlencode(query)


def _tree_plans(node: graph.CascadeNode) -> list[Plan]:
    out = [node.plan] if node.plan is not None else []
    for child in node.children:
        out += _tree_plans(child)
    return out


@login_required
def document_graph(request: HttpRequest, pk: int) -> HttpResponse:
    """What this plan implements and cites, and which plans carry it out, drawn as a diagram."""
    plan, access = get_plan(request.user, pk)
    visible = _visible_ids(request.user)
    links = list(plan.links.select_related("target__issuing_unit"))
    implements = [link for link in links if link.relation == LinkRelation.IMPLEMENTS]
    for link in implements:
        target = link.target
        link.can_open = target is not None and (visible is None or target.pk in visible)
        link.compare_url = _compare_url(target, plan) if link.can_open else None
        link.cascade_url = (
            reverse("plans:cascade", args=[target.pk])
            if link.can_open
            else _ref_url(graph.DocumentRef.of(link))
            if target is None and link.number
            else None
        )
    below = graph.children(plan).select_related("issuing_unit").order_by("date", "pk")
    kids = [child for child in below if visible is None or child.pk in visible]
    for child in kids:
        child.compare_url = _compare_url(plan, child)
    cited_by = Plan.objects.filter(links__target=plan, links__relation=LinkRelation.CITES)
    if visible is not None:
        cited_by = cited_by.filter(pk__in=visible)
    context = {
        "plan": plan,
        "access": access,
        "implements": implements,
        "cites": [link for link in links if link.relation == LinkRelation.CITES],
        "visible_ids": visible if visible is not None else {link.target_id for link in links},
        "children": kids,
        "cited_by": cited_by.select_related("issuing_unit").distinct(),
    }
    return render(request, "plans/graph.html", context)


def _render_cascade(request: HttpRequest, tree: graph.CascadeNode, **context) -> HttpResponse:
    plans = _tree_plans(tree)
    _count_tasks(plans)
    context.update({"tree": tree, "plan_count": len(plans)})
    return render(request, "plans/cascade.html", context)


@login_required
def cascade(request: HttpRequest, pk: int) -> HttpResponse:
    """From a plan down through every plan that carries it out (those the user may see), drawn
    as a tree; each edge to a parent links the comparison report (``trienkhai.compare``)."""
    plan, access = get_plan(request.user, pk)
    tree = graph.cascade_tree(plan, _visible_ids(request.user), _compare_url)
    return _render_cascade(request, tree, plan=plan, access=access)


@login_required
def cascade_ref(request: HttpRequest) -> HttpResponse:
    """The cascade of a document outside the registry (``?so=43-NQ/TW&ngay=2023-11-24``): the
    plans that carry it out. 404 when the user may see none of them."""
    number = request.GET.get("so", "").strip()
    try:
        day = parse_date(request.GET.get("ngay", ""))
    except ValueError:  # well formed but not a date (2023-02-30)
        raise Http404 from None
    ref = graph.describe_ref(number, day) if number else None
    if ref is None:
        raise Http404
    tree = graph.cascade_tree(ref, _visible_ids(request.user), _compare_url)
    if not tree.children:
        raise Http404
    return _render_cascade(request, tree, ref=ref)


@login_required
def compare(request: HttpRequest, parent_pk: int, child_pk: int) -> HttpResponse:
    """The comparison report of a plan against the plan it carries out (both must be seen)."""
    parent, _parent_access = get_plan(request.user, parent_pk)
    child, _child_access = get_plan(request.user, child_pk)
    parent_version, child_version = current_version(parent), current_version(child)
    if parent_version is None or child_version is None:
        raise Http404
    try:
        html = comparison_html(parent_version, child_version, lang=get_language() or "vi")
    except CompareError as err:
        messages.error(request, _("Không so sánh được hai văn bản: %(why)s") % {"why": err.message})
        return redirect("plans:cascade", parent.pk)
    return HttpResponse(html)


def _inbox_context(request: HttpRequest, assignments) -> dict:
    """The inbox rows, filtered by state (``?tinh_trang=open``), with counts per state."""
    counts = dict(assignments.order_by().values_list("state").annotate(n=Count("pk")))
    state = request.GET.get("tinh_trang", "")
    if state in AssignmentState.values:
        assignments = assignments.filter(state=state)
    rows = list(assignments.select_related("task__version__plan__issuing_unit", "unit")[:500])
    states = [(value, label, counts.get(value, 0)) for value, label in AssignmentState.choices]
    return {
        "assignments": rows,
        "total": sum(counts.values()),
        "open_count": counts.get(AssignmentState.OPEN, 0),
        "states": states,
        "state": state,
    }


@login_required
def my_inbox(request: HttpRequest) -> HttpResponse:
    """Assignments of the units where the user holds a role."""
    context = _inbox_context(request, inbox(request.user))
    context["units"] = member_units(request.user).order_by("name")
    return render(request, "plans/inbox.html", context)


@login_required
def unit_inbox(request: HttpRequest, unit_pk: int) -> HttpResponse:
    unit, _access = get_unit(request.user, unit_pk)
    context = _inbox_context(request, inbox(request.user, unit.pk))
    context["unit"] = unit
    return render(request, "plans/inbox.html", context)
