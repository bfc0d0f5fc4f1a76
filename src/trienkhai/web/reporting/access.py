"""Who may see and do what in the reporting cycle (STYLE.md §8).

Built on the shared scoping of ``accounts.access`` and the plan rules of ``plans.access``, so a
page of plans and a page of reports never disagree about who reaches what:

* a role held at a unit reaches that unit's whole subtree (``unit_scope_q`` / ``has_role_over``):
  the owing unit's people see its obligations; its reporters edit and submit the report; its
  heads approve it (or send it back before it leaves the unit);
* the receiving side sees them: the recipient and "via" bodies (and the body a focal officer
  serves, e.g. Ban Dân vận for the Tỉnh ủy), and — by the plans' own rule — those over the
  plan's issuer (``plan_scope_q``) or of a body following it (``followed_by``); a focal body
  also sees, read-only, the plans carrying out the plans it follows
  (``plans.access.focal_followed_ids``). Its focal officers accept or return an approved
  report; reporters of the issuer are not on the receiving side;
* active superusers may do everything; anyone else gets a 404 (not a 403) so existence is not
  leaked.

``get_obligation`` / ``get_report`` return the object together with :class:`Rights`; views
refuse with 403 when the right they need is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from trienkhai.web.accounts.access import has_role_over, member_units, plan_scope_q, unit_scope_q
from trienkhai.web.accounts.models import Role

from .models import Obligation, Report

ADMIN, FOCAL, REPORTER, HEAD, VIEWER = (
    Role.ADMIN.value,
    Role.FOCAL_OFFICER.value,
    Role.REPORTER.value,
    Role.HEAD.value,
    Role.VIEWER.value,
)
ALL_ROLES = (ADMIN, FOCAL, REPORTER, HEAD, VIEWER)
#: who on the receiving side may read the reports (a reporter of the issuer may not)
RECEIVING_ROLES = (ADMIN, FOCAL, HEAD, VIEWER)


@dataclass(frozen=True)
class Rights:
    """What a user may do with one obligation and its report."""

    view: bool = False
    edit: bool = False  # draft, save, submit, upload evidence
    approve: bool = False  # unit head: approve, or return before approval
    decide: bool = False  # receiving focal officer: accept or return an approved report

    @property
    def read_only(self) -> bool:
        return self.view and not (self.edit or self.approve or self.decide)


def _is_admin(user: Any) -> bool:
    """An active superuser (the same test as the plans and orgs helpers)."""
    return bool(getattr(user, "is_superuser", False) and getattr(user, "is_active", False))


def unit_ids(user: Any, roles: tuple[str, ...] = ALL_ROLES) -> QuerySet:
    """Ids of the units where ``user`` holds one of ``roles`` (subtrees included)."""
    from trienkhai.web.orgs.models import Unit

    scope = unit_scope_q(user, roles)
    if scope is None:
        return Unit.objects.values("pk")
    return Unit.objects.filter(scope).values("pk")


def _served_ids(user: Any) -> list[int]:
    """The bodies focal officers work for: the parent of their unit (Ban Dân vận serves the
    Tỉnh ủy, Văn phòng UBND the UBND) — they receive reports addressed to that body."""
    return [
        unit.parent_id
        for unit in member_units(user, (FOCAL,)).only("parent_id")
        if unit.parent_id is not None
    ]


def _followed_plans(user: Any, roles: tuple[str, ...]) -> Q:
    """Obligations of plans the user's bodies issue or follow, as ``plans.access`` decides
    it (issuer in ``plan_scope_q``, or a member unit among ``followed_by``), for ``roles``."""
    issued = plan_scope_q(user, roles, prefix="plan__issuing_unit__")
    return issued | Q(plan__followed_by__in=member_units(user, roles))


def _receiving(user: Any, roles: tuple[str, ...], *, downstream: bool = False) -> Q:
    """The obligations ``user`` receives with one of ``roles``; ``downstream`` adds, for focal
    officers, the plans carrying out the plans their body follows (to read, not to decide)."""
    reach = unit_ids(user, roles)
    q = Q(recipient_id__in=reach) | Q(via_id__in=reach) | _followed_plans(user, roles)
    if FOCAL in roles:
        served = _served_ids(user)
        if served:
            q |= Q(recipient_id__in=served)
        if downstream:
            from trienkhai.web.plans.access import focal_followed_ids

            below = focal_followed_ids(user)
            if below:
                q |= Q(plan_id__in=below)
    return q


def visible_obligations(user: Any) -> QuerySet[Obligation]:
    """Every obligation ``user`` may see: their units' own and those they receive."""
    qs = Obligation.objects.select_related("unit", "period", "plan", "recipient", "via")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if _is_admin(user):
        return qs
    own = unit_scope_q(user, ALL_ROLES, prefix="unit__")
    q = own | _receiving(user, RECEIVING_ROLES, downstream=True)
    ids = Obligation.objects.filter(q).values("pk")
    return qs.filter(pk__in=ids)


def received_obligations(user: Any) -> QuerySet[Obligation]:
    """The obligations ``user``'s focal body receives and follows up."""
    qs = Obligation.objects.select_related("unit", "period", "plan")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if _is_admin(user):
        return qs
    ids = Obligation.objects.filter(_receiving(user, RECEIVING_ROLES, downstream=True)).values("pk")
    return qs.filter(pk__in=ids)


def rights_for(user: Any, obligation: Obligation) -> Rights:
    """The user's rights on one obligation (and its report)."""
    if not getattr(user, "is_authenticated", False):
        return Rights()
    if _is_admin(user):
        return Rights(view=True, edit=True, approve=True, decide=True)
    unit = obligation.unit

    def here(q: Q) -> bool:
        return Obligation.objects.filter(Q(pk=obligation.pk) & q).exists()

    decide = here(_receiving(user, (FOCAL,)))
    view = (
        decide
        or has_role_over(user, unit, ALL_ROLES)
        or here(_receiving(user, RECEIVING_ROLES, downstream=True))
    )
    return Rights(
        view=view,
        edit=has_role_over(user, unit, (REPORTER,)),
        approve=has_role_over(user, unit, (HEAD,)),
        decide=decide,
    )


def get_obligation(user: Any, pk: int) -> tuple[Obligation, Rights]:
    """The obligation and the user's rights; 404 when it does not exist or is not theirs."""
    obligation = (
        Obligation.objects.select_related("unit", "period", "plan", "recipient", "via")
        .filter(pk=pk)
        .first()
    )
    if obligation is None:
        raise Http404
    rights = rights_for(user, obligation)
    if not rights.view:
        raise Http404
    return obligation, rights


def get_report(user: Any, pk: int) -> tuple[Report, Rights]:
    """The report and the user's rights on its obligation; 404 as for obligations."""
    report = Report.objects.select_related("obligation").filter(pk=pk).first()
    if report is None:
        raise Http404
    obligation, rights = get_obligation(user, report.obligation_id)
    report.obligation = obligation
    return report, rights
