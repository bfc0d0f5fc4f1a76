"""The dashboard page: check access, read the filters, build the data once, render it."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from . import access
from .charts import STATUS_COLOURS
from .data import build_dashboard
from .forms import FilterForm
from .queries import Scope


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    root = access.root_for(request.user, _int(request.GET.get("unit")))
    plan_ids = access.plan_ids_for(request.user)
    roots = access.roots_for(request.user)
    form = FilterForm(roots, plan_ids, request.GET or None, initial={"unit": root.pk})
    plan_id = period_id = None
    group = ""
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        plan_id = data["plan"].pk if data["plan"] else None
        period_id = data["period"].pk if data["period"] else None
        group = data["group"] or ""
    scope = Scope(
        root=root,
        plan_ids=plan_ids,
        plan_id=plan_id,
        group=group,
        period_ids=[period_id] if period_id else [],
        as_of=timezone.now(),
    )
    dashboard = build_dashboard(scope, scope.as_of)
    return render(
        request,
        "dashboards/overview.html",
        {
            "form": form,
            "dashboard": dashboard,
            "root": root,
            "colours": STATUS_COLOURS,
            "query": request.GET.urlencode(),
        },
    )
