"""Who may see and do what in the reporting cycle (STYLE.md §8).

A role held at a unit reaches that unit's whole subtree. For an obligation:

* the owing unit's people see it; its reporters edit and submit the report; its heads
  approve it (or send it back before it leaves the unit);
* the receiving side — the recipient, the "via" body and the bodies that follow the plan —
  sees it, and its focal officers accept or return an approved report;
* superusers may do everything; anyone else gets a 404 (not a 403) so existence is not leaked.

``get_obligation`` / ``get_report`` return the object together with :class:`Rights`; views
refuse with 403 when the right they need is missing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404

from .models import Obligation, Report

ADMIN, FOCAL, REPORTER, HEAD, VIEWER = "admin", "focal_officer", "reporter", "head", "viewer"
ALL_ROLES = (ADMIN, FOCAL, REPORTER, HEAD, VIEWER)


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


def _paths(user: Any, roles: tuple[str, ...]) -> list[str]:
    from trienkhai.web.accounts.models import Membership

    return list(
        Membership.objects.filter(user=user, role__in=roles)
        .exclude(unit__path="")
        .values_list("unit__path", flat=True)
    )


def _under(field: str, paths: list[str]) -> Q:
    """Rows whose ``field`` unit lies in one of the subtrees rooted at ``paths``."""
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(**{f"{field}__path__startswith": path})
    return q


def unit_ids(user: Any, roles: tuple[str, ...] = ALL_ROLES) -> QuerySet:
    """Ids of the units where ``user`` holds one of ``roles`` (subtrees included)."""
    from trienkhai.web.orgs.models import Unit

    if getattr(user, "is_superuser", False):
        return Unit.objects.values("pk")
    paths = _paths(user, roles)
    if not paths:
        return Unit.objects.none().values("pk")
    q = Q(pk__in=[])
    for path in paths:
        q |= Q(path__startswith=path)
    return Unit.objects.filter(q).values("pk")


def _served_ids(user: Any) -> list[int]:
    """The bodies focal officers work for: the parent of their unit (Ban Dân vận serves the
    Tỉnh ủy, Văn phòng UBND the UBND) — they receive reports addressed to that body."""
    from trienkhai.web.accounts.models import Membership

    return [
        pid
        for pid in Membership.objects.filter(user=user, role=FOCAL).values_list(
            "unit__parent_id", flat=True
        )
        if pid is not None
    ]


def _receiving(user: Any, roles: tuple[str, ...]) -> Q:
    ids = unit_ids(user, roles)
    q = (
        Q(recipient_id__in=ids)
        | Q(via_id__in=ids)
        | Q(plan__followed_by__in=ids)
        # the issuer of the plan follows its own plan
        | Q(plan__issuing_unit_id__in=ids)
    )
    served = _served_ids(user) if FOCAL in roles else []
    if served:
        q |= Q(recipient_id__in=served) | Q(plan__issuing_unit_id__in=served)
    return q


def visible_obligations(user: Any) -> QuerySet[Obligation]:
    """Every obligation ``user`` may see: their units' own and those they receive."""
    qs = Obligation.objects.select_related("unit", "period", "plan", "recipient", "via")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if user.is_superuser:
        return qs
    q = Q(unit_id__in=unit_ids(user)) | _receiving(user, (ADMIN, FOCAL, HEAD, VIEWER))
    ids = Obligation.objects.filter(q).values("pk")
    return qs.filter(pk__in=ids)


def received_obligations(user: Any) -> QuerySet[Obligation]:
    """The obligations ``user``'s focal body receives and follows up."""
    qs = Obligation.objects.select_related("unit", "period", "plan")
    if user.is_superuser:
        return qs
    ids = Obligation.objects.filter(_receiving(user, (ADMIN, FOCAL, HEAD, VIEWER))).values("pk")
    return qs.filter(pk__in=ids)


def rights_for(user: Any, obligation: Obligation) -> Rights:
    """The user's rights on one obligation (and its report)."""
    if not getattr(user, "is_authenticated", False):
        return Rights()
    if user.is_superuser:
        return Rights(view=True, edit=True, approve=True, decide=True)
    unit_path = obligation.unit.path

    def holds(*roles: str) -> bool:
        return any(unit_path.startswith(p) for p in _paths(user, roles))

    receives = Obligation.objects.filter(Q(pk=obligation.pk) & _receiving(user, (FOCAL,))).exists()
    sees_receiving = (
        receives
        or Obligation.objects.filter(
            Q(pk=obligation.pk) & _receiving(user, (ADMIN, HEAD, VIEWER))
        ).exists()
    )
    return Rights(
        view=holds(*ALL_ROLES) or sees_receiving,
        edit=holds(REPORTER),
        approve=holds(HEAD),
        decide=receives,
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
