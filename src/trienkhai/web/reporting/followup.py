"""Follow-up figures: completeness and timeliness by unit and period, and overdue lists.

*Expected* reports are those whose deadline has passed, plus those already received early
(cancelled obligations — a unit abolished, a duty removed — are never expected).
*Completeness* is received ÷ expected; *timeliness* is received-by-the-deadline ÷ expected.
One SQL aggregate per question; the dashboards and the consolidated report reuse these.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from .models import Obligation


@dataclass(frozen=True)
class Rate:
    """Expected, received and on-time counts, with the two shares (None when nothing due)."""

    expected: int
    received: int
    on_time: int

    @property
    def completeness(self) -> float | None:
        return self.received / self.expected if self.expected else None

    @property
    def timeliness(self) -> float | None:
        return self.on_time / self.expected if self.expected else None

    @property
    def missing(self) -> int:
        return self.expected - self.received

    def __add__(self, other: Rate) -> Rate:
        return Rate(
            self.expected + other.expected,
            self.received + other.received,
            self.on_time + other.on_time,
        )


def _expected(as_of: dt.datetime) -> Q:
    owed = ~Q(state=Obligation.State.CANCELLED)
    return owed & (Q(due_at__lte=as_of) | Q(received_at__isnull=False))


def _counts() -> dict:
    return {
        "expected": Count("pk"),
        "received": Count("pk", filter=Q(received_at__isnull=False)),
        "on_time": Count("pk", filter=Q(received_at__lt=F("due_at"))),
    }


def rates_by(
    obligations: QuerySet[Obligation], fields: tuple[str, ...], as_of: dt.datetime | None = None
) -> dict[tuple, Rate]:
    """Rates grouped by ``fields`` (e.g. ``("unit_id", "period_id")``)."""
    as_of = as_of or timezone.now()
    rows = obligations.filter(_expected(as_of)).order_by().values(*fields).annotate(**_counts())
    return {
        tuple(row[f] for f in fields): Rate(row["expected"], row["received"], row["on_time"])
        for row in rows
    }


def overall(obligations: QuerySet[Obligation], as_of: dt.datetime | None = None) -> Rate:
    """One rate over all ``obligations``."""
    as_of = as_of or timezone.now()
    row = obligations.filter(_expected(as_of)).order_by().aggregate(**_counts())
    return Rate(row["expected"] or 0, row["received"] or 0, row["on_time"] or 0)


def overdue(obligations: QuerySet[Obligation], as_of: dt.datetime | None = None) -> QuerySet:
    """Pending obligations past their deadline, oldest first."""
    as_of = as_of or timezone.now()
    return obligations.filter(state=Obligation.State.PENDING, due_at__lte=as_of).order_by(
        "due_at", "unit__name"
    )


@dataclass(frozen=True)
class FollowUpRow:
    """One line of the follow-up table: a unit in a period."""

    unit: object
    period: object
    rate: Rate


def table(obligations: QuerySet[Obligation], as_of: dt.datetime | None = None) -> list[FollowUpRow]:
    """Unit × period rows for the follow-up page, ordered by period then unit name."""
    from trienkhai.web.orgs.models import Unit

    from .models import Period

    rates = rates_by(obligations, ("unit_id", "period_id"), as_of)
    units = Unit.objects.in_bulk({u for u, _p in rates})
    periods = Period.objects.in_bulk({p for _u, p in rates})
    rows = [FollowUpRow(units[u], periods[p], rate) for (u, p), rate in rates.items()]
    rows.sort(key=lambda r: (r.period.start, r.period.kind, r.unit.name))
    return rows
