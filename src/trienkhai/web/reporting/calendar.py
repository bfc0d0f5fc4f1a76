"""Each unit's reporting deadlines as an iCalendar feed.

Calendar programs fetch feeds without a session, so the feed URL carries a signed key bound to
the user and the unit; access is re-checked at every fetch, so a user who loses the role loses
the feed too. A logged-in browser may fetch it without the key.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai.lib import ical

from . import access
from .models import Obligation

_SALT = "trienkhai.reporting.calendar"


def feed_key(user, unit) -> str:  # type: ignore[no-untyped-def]
    """The signed key for ``user``'s feed of ``unit``."""
    return signing.Signer(salt=_SALT).sign(f"{user.pk}:{unit.code}").split(":", 2)[-1]


def feed_url(request: HttpRequest, user, unit) -> str:  # type: ignore[no-untyped-def]
    path = reverse("reporting:calendar", kwargs={"code": unit.code})
    return request.build_absolute_uri(f"{path}?k={user.pk}.{feed_key(user, unit)}")


def feed(request: HttpRequest, code: str) -> HttpResponse:
    """The .ics feed of ``code``'s deadlines."""
    from trienkhai.web.orgs.models import Unit

    unit = Unit.objects.filter(code=code).first()
    user = request.user if request.user.is_authenticated else None
    key = request.GET.get("k", "")
    if user is None and "." in key:
        user_id, sig = key.split(".", 1)
        user = _check_key(code, user_id, sig)
    if unit is None or user is None:
        raise Http404
    if not access.unit_ids(user).filter(pk=unit.pk).exists():
        raise Http404
    rows = (
        Obligation.objects.filter(unit=unit)
        .select_related("period", "plan")
        .order_by("due_at")[:1000]
    )
    base = request.build_absolute_uri("/")[:-1]
    events = [
        ical.Event(
            uid=f"obligation-{ob.pk}@trienkhai",
            day=ob.due_date,
            summary=_("Hạn báo cáo %(period)s — %(plan)s")
            % {"period": ob.period.label, "plan": ob.plan.number or ob.plan.title[:60]},
            description=str(ob.plan),
            url=base + reverse("reporting:obligation", kwargs={"pk": ob.pk}),
            alarm_days_before=3,
        )
        for ob in rows
    ]
    text = ical.calendar(events, name=_("Hạn báo cáo — %s") % unit.name, stamp=timezone.now())
    response = HttpResponse(text.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{unit.code}.ics"'
    return response


def _check_key(code: str, user_id: str, sig: str):  # type: ignore[no-untyped-def]
    if not user_id.isdigit():
        return None
    try:
        signing.Signer(salt=_SALT).unsign(f"{user_id}:{code}:{sig}")
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=int(user_id), is_active=True).first()


@login_required
def links(request: HttpRequest) -> HttpResponse:
    """The feed addresses of the units the user belongs to, to paste into a calendar."""
    from trienkhai.web.accounts.models import Membership

    units = {m.unit for m in Membership.objects.filter(user=request.user).select_related("unit")}
    rows = [(u, feed_url(request, request.user, u)) for u in sorted(units, key=lambda u: u.name)]
    return render(request, "reporting/calendar.html", {"rows": rows})
