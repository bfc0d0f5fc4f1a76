"""The API's endpoints. Thin, like the pages: access helper → validate → model → save.

Reads use the same visibility as the pages (``plans.access``, ``accounts.access``,
``reporting.access``); writes check the same rights and go through the same services and
state methods. An unseen object is 404, a seen but forbidden one 403, a stale save 409.
Writes that create or move state accept an ``Idempotency-Key`` header: a retried request
with the same key returns the first answer instead of acting twice.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, NinjaAPI, Query, Router, Schema
from ninja.files import UploadedFile
from ninja.pagination import paginate

from trienkhai.web.reporting import access as raccess
from trienkhai.web.reporting import importing, services
from trienkhai.web.reporting.models import Period, Report, ReportingError, StaleVersion

from .auth import AUTH
from .pagination import Page
from .schemas import (
    AssignmentOut,
    CommentIn,
    DbId,
    Error,
    EventOut,
    ObligationOut,
    PeriodOut,
    PlanDetail,
    PlanOut,
    ReportIn,
    ReportOut,
    SmallInt,
    SubmitIn,
    TaskOut,
    UnitOut,
    ValidationError,
)

api = NinjaAPI(
    title="trienkhai API",
    version="1",
    description=(
        "Đơn vị, kế hoạch, nhiệm vụ, giao nhiệm vụ, kỳ báo cáo và báo cáo định kỳ. "
        "Xác thực bằng khóa API của người dùng: `Authorization: Bearer tk_…`."
    ),
    auth=AUTH,
    urls_namespace="api",
    docs_url="/docs",
)

ERRORS: dict[int, Any] = {401: Error, 403: Error, 404: Error, 422: ValidationError}
WRITE_ERRORS: dict[int, Any] = {**ERRORS, 400: Error, 409: Error}


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: Exception):  # type: ignore[no-untyped-def]
    return api.create_response(request, {"detail": "forbidden"}, status=403)


@api.exception_handler(StaleVersion)
def _stale(request: HttpRequest, exc: StaleVersion):  # type: ignore[no-untyped-def]
    return api.create_response(request, {"detail": exc.message}, status=409)


@api.exception_handler(ReportingError)
def _refused(request: HttpRequest, exc: ReportingError):  # type: ignore[no-untyped-def]
    return api.create_response(request, {"detail": exc.message}, status=400)


def _status(code: int, body: Any) -> Any:
    """A response with an explicit status (``ninja.Status`` where this django-ninja has it)."""
    try:
        from ninja import Status
    except ImportError:  # django-ninja < 1.5
        return code, body
    return Status(code, body)


def _key(request: HttpRequest) -> str | None:
    key = (request.headers.get("Idempotency-Key") or "").strip()
    return key[:64] or None


# --- units ---------------------------------------------------------------------------------
units = Router(tags=["units"])


class UnitFilter(Schema):
    q: str | None = None
    parent: DbId | None = None


@units.get("", response={200: list[UnitOut], **ERRORS})
@paginate(Page)
def list_units(request: HttpRequest, filters: Query[UnitFilter]):  # type: ignore[no-untyped-def]
    from trienkhai.web.accounts.access import visible_units

    qs = visible_units(request.auth).order_by("path")
    if filters.q:
        qs = qs.filter(name__icontains=filters.q)
    if filters.parent is not None:
        qs = qs.filter(parent_id=filters.parent)
    return qs


@units.get("/{code}", response={200: UnitOut, **ERRORS})
def get_unit(request: HttpRequest, code: str):  # type: ignore[no-untyped-def]
    from trienkhai.web.accounts.access import visible_units

    return get_object_or_404(visible_units(request.auth), code=code)


# --- plans, tasks, assignments -------------------------------------------------------------
plans = Router(tags=["plans"])


def _plan(request: HttpRequest, pk: int):  # type: ignore[no-untyped-def]
    from trienkhai.web.plans.access import get_plan

    plan, _rights = get_plan(request.auth, pk)
    return plan


@plans.get("", response={200: list[PlanOut], **ERRORS})
@paginate(Page)
def list_plans(request: HttpRequest, status: str | None = None):  # type: ignore[no-untyped-def]
    from trienkhai.web.plans.access import visible_plans

    qs = visible_plans(request.auth).order_by("-date", "pk")
    if status:
        qs = qs.filter(status=status)
    return qs


@plans.get("/{plan_id}", response={200: PlanDetail, **ERRORS})
def get_plan_detail(request: HttpRequest, plan_id: DbId):  # type: ignore[no-untyped-def]
    plan = _plan(request, plan_id)
    version = plan.published_version() or plan.latest_version()
    out = PlanDetail.from_orm(plan)
    if version is not None:
        out.version = version.number
        out.published_at = version.published_at
        out.targets = list(version.targets.order_by("order"))
        out.reporting = list(version.reporting_duties.order_by("order"))
    return out


@plans.get("/{plan_id}/tasks", response={200: list[TaskOut], **ERRORS})
@paginate(Page)
def list_tasks(request: HttpRequest, plan_id: DbId):  # type: ignore[no-untyped-def]
    from trienkhai.web.plans.models import Task

    plan = _plan(request, plan_id)
    version = plan.published_version() or plan.latest_version()
    return Task.objects.filter(version=version).order_by("order")


assignments = Router(tags=["assignments"])


class AssignmentFilter(Schema):
    unit: DbId | None = None
    plan: DbId | None = None
    state: str | None = None


@assignments.get("", response={200: list[AssignmentOut], **ERRORS})
@paginate(Page)
def list_assignments(request: HttpRequest, filters: Query[AssignmentFilter]):  # type: ignore[no-untyped-def]
    from trienkhai.web.plans.access import visible_assignments

    qs = visible_assignments(request.auth).filter(task__version__status="published")
    if filters.unit is not None:
        qs = qs.filter(unit_id=filters.unit)
    if filters.plan is not None:
        qs = qs.filter(task__version__plan_id=filters.plan)
    if filters.state:
        qs = qs.filter(state=filters.state)
    return qs.order_by("pk")


# --- periods, obligations, reports ---------------------------------------------------------
reporting = Router(tags=["reporting"])


@reporting.get("/periods", response={200: list[PeriodOut], **ERRORS})
@paginate(Page)
def list_periods(request: HttpRequest, kind: str | None = None, year: SmallInt | None = None):  # type: ignore[no-untyped-def]
    qs = Period.objects.order_by("start", "end")
    if kind:
        qs = qs.filter(kind=kind)
    if year is not None:
        qs = qs.filter(year=year)
    return qs


class ObligationFilter(Schema):
    unit: DbId | None = None
    period: DbId | None = None
    plan: DbId | None = None
    state: str | None = None


def _with_report_id(qs: Any) -> Any:
    return qs.annotate(report_id=F("report__id"))


@reporting.get("/obligations", response={200: list[ObligationOut], **ERRORS})
@paginate(Page)
def list_obligations(request: HttpRequest, filters: Query[ObligationFilter]):  # type: ignore[no-untyped-def]
    qs = _with_report_id(raccess.visible_obligations(request.auth))
    for field in ("unit", "period", "plan"):
        value = getattr(filters, field)
        if value is not None:
            qs = qs.filter(**{f"{field}_id": value})
    if filters.state:
        qs = qs.filter(state=filters.state)
    return qs.order_by("due_at", "pk")


@reporting.get("/obligations/{obligation_id}", response={200: ObligationOut, **ERRORS})
def get_obligation(request: HttpRequest, obligation_id: DbId):  # type: ignore[no-untyped-def]
    raccess.get_obligation(request.auth, obligation_id)
    return _with_report_id(raccess.visible_obligations(request.auth)).get(pk=obligation_id)


def _report_out(report: Report) -> Report:
    report.refresh_from_db()
    return report


@reporting.post(
    "/obligations/{obligation_id}/report",
    response={200: ReportOut, 201: ReportOut, **WRITE_ERRORS},
)
def create_report(request: HttpRequest, obligation_id: DbId):  # type: ignore[no-untyped-def]
    """Open the obligation's report as a draft (or return the existing one)."""
    ob, rights = raccess.get_obligation(request.auth, obligation_id)
    if not rights.edit:
        raise PermissionDenied
    existed = Report.objects.filter(obligation=ob).exists()
    report = services.open_report(ob, request.auth, _key(request))
    return _status(200 if existed else 201, _report_out(report))


def _report(request: HttpRequest, report_id: DbId, need: str = "view") -> Report:
    report, rights = raccess.get_report(request.auth, report_id)
    if not getattr(rights, need):
        raise PermissionDenied
    return report


@reporting.get("/reports/{report_id}", response={200: ReportOut, **ERRORS})
def get_report(request: HttpRequest, report_id: DbId):  # type: ignore[no-untyped-def]
    return _report(request, report_id)


@reporting.put("/reports/{report_id}", response={200: ReportOut, **WRITE_ERRORS})
def save_report(request: HttpRequest, report_id: DbId, payload: ReportIn):  # type: ignore[no-untyped-def]
    """Save the draft; 409 when someone saved after ``version``."""
    report = _report(request, report_id, "edit")
    changes = services.ReportChanges(
        summary=payload.summary,
        entries={e.assignment: (e.status, e.narrative) for e in payload.entries},
        targets={t.target: (services.parse_value(t.value), t.note) for t in payload.targets},
    )
    services.save_report(report, request.auth, payload.version, changes)
    return _report_out(report)


@reporting.post("/reports/{report_id}/submit", response={200: ReportOut, **WRITE_ERRORS})
def submit_report(request: HttpRequest, report_id: DbId, payload: SubmitIn):  # type: ignore[no-untyped-def]
    report = _report(request, report_id, "edit")
    report.submit(request.auth, idempotency_key=_key(request), expected_version=payload.version)
    return _report_out(report)


@reporting.post("/reports/{report_id}/approve", response={200: ReportOut, **WRITE_ERRORS})
def approve_report(request: HttpRequest, report_id: DbId):  # type: ignore[no-untyped-def]
    report = _report(request, report_id, "approve")
    report.approve(request.auth, idempotency_key=_key(request))
    return _report_out(report)


@reporting.post("/reports/{report_id}/accept", response={200: ReportOut, **WRITE_ERRORS})
def accept_report(request: HttpRequest, report_id: DbId, payload: CommentIn):  # type: ignore[no-untyped-def]
    report = _report(request, report_id, "decide")
    report.accept(request.auth, payload.comment, idempotency_key=_key(request))
    return _report_out(report)


@reporting.post("/reports/{report_id}/return", response={200: ReportOut, **WRITE_ERRORS})
def return_report(request: HttpRequest, report_id: DbId, payload: CommentIn):  # type: ignore[no-untyped-def]
    """Return for correction: the unit head before approval, the focal officer after."""
    report, rights = raccess.get_report(request.auth, report_id)
    need = rights.approve if report.state == Report.State.SUBMITTED else rights.decide
    if not need:
        raise PermissionDenied
    report.return_to_unit(request.auth, payload.comment, idempotency_key=_key(request))
    return _report_out(report)


@reporting.post("/reports/{report_id}/target-values", response={200: ReportOut, **WRITE_ERRORS})
def import_target_values(request: HttpRequest, report_id: DbId, file: File[UploadedFile]):  # type: ignore[no-untyped-def]
    """Import the values reached from a CSV or XLSX sheet (STT, value, note)."""
    report = _report(request, report_id, "edit")
    rows = importing.read_rows(file.name or "", file.read())
    values = importing.target_values(rows, list(services.plan_targets(report.obligation)))
    services.save_report(
        report, request.auth, report.version, services.ReportChanges(targets=values)
    )
    return _report_out(report)


@reporting.get("/reports/{report_id}/events", response={200: list[EventOut], **ERRORS})
def report_events(request: HttpRequest, report_id: DbId):  # type: ignore[no-untyped-def]
    report = _report(request, report_id)
    return list(report.obligation.events.order_by("at", "id"))


api.add_router("/units", units)
api.add_router("/plans", plans)
api.add_router("/assignments", assignments)
api.add_router("/", reporting)
