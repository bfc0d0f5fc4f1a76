"""Read the units' reports once and build a :class:`~.content.Consolidation` from them.

Counts only reports that reached the focal body (approved by the unit head or accepted);
a report still in draft, waiting for the head or returned counts as not received. Several
periods at once give the sơ kết / tổng kết review: the same rows, more periods.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from trienkhai.documents.errors import DocumentError
from trienkhai.documents.readers import read_bytes
from trienkhai.documents.structure import build_outline
from trienkhai.web.orgs.models import Unit, UnitKind
from trienkhai.web.plans.models import Plan, PlanVersion, Target
from trienkhai.web.reporting.models import Obligation, Period, Report, ReportEntry, TargetValue

from .content import (
    LATE,
    MISSING,
    ON_TIME,
    Consolidation,
    GroupBlock,
    TargetRow,
    TaskItem,
    TimelinessRow,
    UnitEntry,
)
from .content import (
    TargetValue as TargetValueRow,
)

#: Report states in which the focal body has the report in hand.
RECEIVED_STATES = (Report.State.APPROVED, Report.State.ACCEPTED)
PARTY_KINDS = {UnitKind.PARTY_COMMITTEE, UnitKind.PARTY_BOARD, UnitKind.PARTY_CELL}
COMPARATOR_SIGNS = {">=": "≥", ">": ">", "=": "=", "<=": "≤", "<": "<"}


def build(
    focal: Unit, plan: Plan, periods: Sequence[Period], *, now: dt.datetime | None = None
) -> Consolidation:
    """The focal body's consolidated view of ``plan`` over ``periods``."""
    now = now or timezone.now()
    periods = sorted(periods, key=lambda p: (p.start, p.end))
    obligations = list(
        Obligation.objects.filter(plan=plan, period__in=periods)
        .exclude(state=Obligation.State.CANCELLED)
        .select_related("unit", "period")
        .order_by("unit__name", "period__start")
    )
    received_reports = {
        report.obligation_id: report
        for report in Report.objects.filter(
            obligation__in=obligations, state__in=RECEIVED_STATES
        ).only("id", "obligation_id", "state")
    }
    version = plan.published_version() or plan.latest_version()
    return Consolidation(
        focal_body=focal.name,
        parent_body=_parent_body(focal),
        style="party" if focal.kind in PARTY_KINDS else "state",
        place=place_name(focal),
        plan_title=plan.title,
        plan_reference=plan_reference(plan),
        periods=[p.key for p in periods],
        period_title=period_title(periods),
        groups=_groups(version, received_reports.values()),
        targets=_targets(version, received_reports.values()),
        timeliness=[_timeliness(ob, ob.id in received_reports, now) for ob in obligations],
    )


# --- header texts ---------------------------------------------------------------------------


def _parent_body(focal: Unit) -> str:
    parent = focal.parent
    if parent is None:
        return ""
    if parent.kind == UnitKind.TERRITORY:
        return ""
    return parent.name


#: Level words a territory's name starts with; the place line drops them ("Tỉnh Lai Châu").
LEVEL_WORDS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")


def place_name(unit: Unit) -> str:
    """The place before the date: the territory's name without its level word ("Lai Châu")."""
    territory = unit.territory or unit
    name = territory.abbreviation or territory.name
    for word in LEVEL_WORDS:
        if name.lower().startswith(word + " "):
            return name[len(word) + 1 :].strip()
    return name


def plan_reference(plan: Plan) -> str:
    """'Kế hoạch số 45/KH-UBND ngày 10/01/2025 của UBND tỉnh …' as cited in the report."""
    parts = [plan.get_kind_display()]
    if plan.number:
        parts.append(_("số %(number)s") % {"number": plan.number})
    if plan.date:
        parts.append(_("ngày %(date)s") % {"date": plan.date.strftime("%d/%m/%Y")})
    parts.append(_("của %(issuer)s") % {"issuer": plan.issuing_unit.name})
    return " ".join(parts)


def period_title(periods: Sequence[Period]) -> str:
    if not periods:
        return ""
    if len(periods) == 1:
        return periods[0].label
    return _("từ %(first)s đến %(last)s") % {
        "first": periods[0].label,
        "last": periods[-1].label,
    }


# --- tasks ------------------------------------------------------------------------------------


def group_key(section: str) -> str:
    """Tasks are grouped by the heading they sit under (their section path, 'II.2.1')."""
    return (section or "").strip() or "-"


def section_headings(version: PlanVersion | None) -> dict[str, str]:
    """Heading titles by section path, read by the engine from the version's stored text."""
    if version is None:
        return {}
    stored = (version.extraction or {}).get("headings")
    if isinstance(stored, dict):
        return {str(k): str(v) for k, v in stored.items()}
    if not version.source_text:
        return {}
    try:
        outline = build_outline(read_bytes(version.source_text.encode("utf-8"), "source.txt"))
    except DocumentError:
        return {}
    return {
        node.section: node.text for node in outline.nodes if node.kind == "heading" and node.section
    }


def group_name(key: str, headings: dict[str, str]) -> str:
    if headings.get(key):
        return headings[key]
    if key == "-":
        return _("Nhiệm vụ chung")
    if key.startswith("PL"):
        return _("Phụ lục %(key)s") % {"key": key[2:]} if key[2:] else _("Phụ lục")
    return _("Mục %(key)s") % {"key": key}


def _groups(version: PlanVersion | None, reports: Iterable[Report]) -> list[GroupBlock]:
    if version is None:
        return []
    by_task: dict[int, list[UnitEntry]] = defaultdict(list)
    entries = (
        ReportEntry.objects.filter(report__in=list(reports))
        .select_related("assignment__unit", "report__obligation__period")
        .order_by("assignment__task__order", "assignment__unit__name")
    )
    for entry in entries:
        by_task[entry.assignment.task_id].append(
            UnitEntry(
                unit=entry.assignment.unit.name,
                status=entry.status,
                status_label=entry.get_status_display(),
                narrative=entry.narrative,
                period=entry.report.obligation.period.label,
            )
        )
    grouped: dict[str, list[TaskItem]] = {}
    for task in version.tasks.order_by("order"):
        lead = ", ".join(task.lead)
        item = TaskItem(order=task.order, text=task.text, lead=lead, entries=by_task[task.id])
        grouped.setdefault(group_key(task.section), []).append(item)
    headings = section_headings(version)
    return [
        GroupBlock(key=key, name=group_name(key, headings), tasks=tasks)
        for key, tasks in grouped.items()
    ]


# --- targets ------------------------------------------------------------------------------------


def planned_text(target: Target) -> str:
    sign = COMPARATOR_SIGNS.get(target.comparator, "")
    value = format_number(target.value)
    if target.comparator == "between" and target.value_high is not None:
        text = f"{value}–{format_number(target.value_high)}"
    else:
        text = f"{sign} {value}".strip()
    return f"{text}{_unit_suffix(target.unit)}"


def _unit_suffix(unit: str) -> str:
    if not unit:
        return ""
    return unit if unit == "%" else f" {unit}"


def format_number(value: Decimal | float | int | None) -> str:
    """Vietnamese notation: decimal comma, no trailing zeros (87,5; 1.250)."""
    if value is None:
        return ""
    number = Decimal(value).quantize(Decimal("0.01")).normalize()
    whole, _sep, frac = f"{number:f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    grouped = f"{int(whole):,}".replace(",", ".")
    return f"{sign}{grouped},{frac}" if frac else f"{sign}{grouped}"


def _targets(version: PlanVersion | None, reports: Iterable[Report]) -> list[TargetRow]:
    if version is None:
        return []
    values: dict[int, list[TargetValue]] = defaultdict(list)
    for value in (
        TargetValue.objects.filter(report__in=list(reports), value__isnull=False)
        .select_related("report__obligation__unit", "report__obligation__period")
        .order_by("report__obligation__unit__name", "report__obligation__period__start")
    ):
        values[value.target_id].append(value)
    rows = []
    for target in version.targets.order_by("order"):
        found = values[target.id]
        rows.append(
            TargetRow(
                text=target.text,
                planned=planned_text(target),
                values=[
                    TargetValueRow(
                        unit=v.report.obligation.unit.name,
                        value=f"{format_number(v.value)}{_unit_suffix(target.unit)}",
                        period=v.report.obligation.period.label,
                    )
                    for v in found
                ],
                reached=_reached(target, found),
            )
        )
    return rows


def _reached(target: Target, values: list[TargetValue]) -> str:
    """Shares (%) average over the reporting units' latest values; counts add up."""
    latest: dict[int, Decimal] = {}
    for value in values:  # ordered by period: the last one per unit wins
        latest[value.report.obligation.unit_id] = value.value
    if not latest:
        return ""
    numbers = list(latest.values())
    if target.unit == "%":
        total = sum(numbers, Decimal(0)) / len(numbers)
        return _("bình quân %(value)s%%") % {"value": format_number(total)}
    return f"{format_number(sum(numbers, Decimal(0)))}{_unit_suffix(target.unit)}"


# --- timeliness -------------------------------------------------------------------------------


def timeliness_state(obligation: Obligation, received: bool, now: dt.datetime) -> str:
    """on_time / late / missing for one obligation as the focal body sees it at ``now``."""
    if obligation.received_at is None or not received:
        return MISSING
    return ON_TIME if obligation.received_at < obligation.due_at else LATE


def _timeliness(obligation: Obligation, received: bool, now: dt.datetime) -> TimelinessRow:
    state = timeliness_state(obligation, received, now)
    submitted = (
        timezone.localtime(obligation.received_at).date() if obligation.received_at else None
    )
    if state == LATE and submitted:
        days_late = (submitted - obligation.due_date).days
    elif state == MISSING and now >= obligation.due_at:
        days_late = (timezone.localtime(now).date() - obligation.due_date).days
    else:
        days_late = 0
    return TimelinessRow(
        unit=obligation.unit.name,
        period=obligation.period.label,
        due=obligation.due_date,
        state=state,
        submitted=submitted if state != MISSING else None,
        days_late=max(days_late, 0),
    )
