"""Assemble one dashboard as plain data from the aggregate queries (compute once).

The page, the demo screenshots and the tests read a :class:`Dashboard`; nothing below the
view touches a request.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from trienkhai.web.reporting.models import Period

from . import charts, queries
from .queries import STATUSES, Scope


@dataclass
class HeatRow:
    unit_id: int
    name: str
    cells: list[charts.HeatCell]
    expected: int = 0
    received: int = 0
    on_time: int = 0

    @property
    def completeness(self) -> float:
        return round(100.0 * self.received / self.expected, 1) if self.expected else 0.0

    @property
    def on_time_share(self) -> float:
        return round(100.0 * self.on_time / self.expected, 1) if self.expected else 0.0


@dataclass
class Dashboard:
    scope: Scope
    totals: dict[str, int]
    progress: list[charts.StackedBar]
    targets: list[charts.TargetBar]
    periods: list[Period]
    heat_rows: list[HeatRow]
    overdue: list[dict] = field(default_factory=list)

    @property
    def completeness(self) -> float:
        expected = self.totals.get("expected") or 0
        return round(100.0 * (self.totals.get("received") or 0) / expected, 1) if expected else 0.0

    @property
    def on_time_share(self) -> float:
        expected = self.totals.get("expected") or 0
        return round(100.0 * (self.totals.get("on_time") or 0) / expected, 1) if expected else 0.0

    @property
    def progress_height(self) -> int:
        return 34 * len(self.progress) + 8

    @property
    def targets_height(self) -> int:
        return 48 * len(self.targets) + 8

    @property
    def heat_width(self) -> int:
        return int(92 * len(self.periods))

    @property
    def heat_height(self) -> int:
        return int(26 * len(self.heat_rows))


def group_label(key: str) -> str:
    if key == "-":
        return _("Nhiệm vụ chung")
    return _("Mục %(key)s") % {"key": key}


def build_dashboard(scope: Scope, now: dt.datetime) -> Dashboard:
    progress_rows = queries.progress_by_group(scope)
    titles = _titles(scope)
    progress = charts.stacked_bars(
        [(titles.get(row["group"]) or group_label(row["group"]), row) for row in progress_rows],
        STATUSES,
    )
    target_rows = queries.targets_vs_reached(scope)
    targets = charts.target_bars(
        [
            (
                row["target__text"],
                float(row["target__value"]),
                float(row["reached"]) if row["reached"] is not None else None,
                row["target__comparator"],
            )
            for row in target_rows
        ]
    )
    heat = queries.timeliness_heatmap(scope)
    period_ids = sorted({row["period_id"] for row in heat})
    periods = sorted(Period.objects.filter(pk__in=period_ids), key=lambda p: (p.start, p.end))
    column = {p.pk: index for index, p in enumerate(periods)}
    names = queries.unit_names(row["child"] for row in heat)
    by_unit: dict[int, list[tuple[int, int, int]]] = {}
    for row in heat:
        cells = by_unit.setdefault(row["child"], [(0, 0, 0)] * len(periods))
        cells[column[row["period_id"]]] = (row["expected"], row["received"], row["on_time"])
    order = sorted(by_unit, key=lambda uid: names.get(uid, ""))
    grid = charts.heat_cells([by_unit[uid] for uid in order])
    heat_rows = [
        HeatRow(
            unit_id=uid,
            name=names.get(uid, str(uid)),
            cells=cells,
            expected=sum(c.expected for c in cells),
            received=sum(c.received for c in cells),
            on_time=sum(c.on_time for c in cells),
        )
        for uid, cells in zip(order, grid, strict=True)
    ]
    return Dashboard(
        scope=scope,
        # The heatmap already counts every expected report once: no second scan for totals.
        totals={
            "expected": sum(row.expected for row in heat_rows),
            "received": sum(row.received for row in heat_rows),
            "on_time": sum(row.on_time for row in heat_rows),
        },
        progress=progress,
        targets=targets,
        periods=periods,
        heat_rows=heat_rows,
        overdue=queries.overdue_units(scope, now),
    )


def _titles(scope: Scope) -> dict[str, str]:
    """Heading titles of the one plan filtered on (read once per page), else none."""
    if scope.plan_id is None:
        return {}
    from trienkhai.web.consolidation.builder import section_headings
    from trienkhai.web.plans.models import Plan

    plan = Plan.objects.filter(pk=scope.plan_id).first()
    return section_headings(plan.published_version()) if plan else {}
