"""A consolidated report as plain data: built once, rendered as HTML, .docx and .xlsx.

The builder (``builder.py``) reads the database once and produces a :class:`Consolidation`;
the officer's edits live beside it in :class:`DraftText`; every renderer reads both and
queries nothing. Both round-trip through JSON so a draft version stores exactly what was
exported. No Django imports here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

#: Task status codes, in the order the tables show them (the reporting app's codes).
STATUSES = ("not_started", "in_progress", "done", "ongoing")
#: Timeliness codes of one unit's report for one period.
ON_TIME, LATE, MISSING = "on_time", "late", "missing"


@dataclass(frozen=True)
class UnitEntry:
    """What one unit reported on one task: status code, its label, the narrative."""

    unit: str
    status: str
    status_label: str
    narrative: str = ""
    period: str = ""


@dataclass(frozen=True)
class TaskItem:
    order: int
    text: str
    lead: str = ""
    entries: list[UnitEntry] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for entry in self.entries if entry.status == status)


@dataclass(frozen=True)
class GroupBlock:
    """A task group (the plan's section) with its tasks and the compiled narrative."""

    key: str
    name: str
    tasks: list[TaskItem] = field(default_factory=list)

    def compiled_narrative(self) -> str:
        """The units' narratives, one line per distinct text (units sharing it named together),
        as the officer's starting text."""
        units_by_text: dict[str, list[str]] = {}
        for task in self.tasks:
            for entry in task.entries:
                text = " ".join(entry.narrative.split())
                if text and entry.unit not in units_by_text.setdefault(text, []):
                    units_by_text[text].append(entry.unit)
        return "\n".join(f"{', '.join(units)}: {text}" for text, units in units_by_text.items())


@dataclass(frozen=True)
class TargetValue:
    unit: str
    value: str
    period: str = ""


@dataclass(frozen=True)
class TargetRow:
    """A plan target beside the values the units reported reaching."""

    text: str
    planned: str
    values: list[TargetValue] = field(default_factory=list)
    reached: str = ""


@dataclass(frozen=True)
class TimelinessRow:
    unit: str
    period: str
    due: dt.date | None
    state: str
    submitted: dt.date | None = None
    days_late: int = 0


@dataclass(frozen=True)
class Consolidation:
    """Everything the focal body's report says, computed from the units' reports."""

    focal_body: str
    parent_body: str
    style: str
    place: str
    plan_title: str
    plan_reference: str
    periods: list[str]
    period_title: str
    groups: list[GroupBlock] = field(default_factory=list)
    targets: list[TargetRow] = field(default_factory=list)
    timeliness: list[TimelinessRow] = field(default_factory=list)

    @property
    def expected(self) -> int:
        return len(self.timeliness)

    @property
    def received(self) -> int:
        return sum(1 for row in self.timeliness if row.state != MISSING)

    @property
    def on_time(self) -> int:
        return sum(1 for row in self.timeliness if row.state == ON_TIME)

    def share(self, count: int) -> float:
        """``count`` as a percentage of the expected reports (0 when none were expected)."""
        return round(100.0 * count / self.expected, 1) if self.expected else 0.0

    def late_or_missing(self) -> list[TimelinessRow]:
        return [row for row in self.timeliness if row.state != ON_TIME]

    def status_totals(self) -> dict[str, int]:
        totals = dict.fromkeys(STATUSES, 0)
        for group in self.groups:
            for task in group.tasks:
                for entry in task.entries:
                    if entry.status in totals:
                        totals[entry.status] += 1
        return totals

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Consolidation:
        groups = [
            GroupBlock(
                key=g["key"],
                name=g["name"],
                tasks=[
                    TaskItem(
                        order=t["order"],
                        text=t["text"],
                        lead=t.get("lead", ""),
                        entries=[UnitEntry(**e) for e in t.get("entries", [])],
                    )
                    for t in g.get("tasks", [])
                ],
            )
            for g in data.get("groups", [])
        ]
        targets = [
            TargetRow(
                text=t["text"],
                planned=t["planned"],
                values=[TargetValue(**v) for v in t.get("values", [])],
                reached=t.get("reached", ""),
            )
            for t in data.get("targets", [])
        ]
        timeliness = [
            TimelinessRow(
                unit=r["unit"],
                period=r["period"],
                due=_date(r.get("due")),
                state=r["state"],
                submitted=_date(r.get("submitted")),
                days_late=r.get("days_late", 0),
            )
            for r in data.get("timeliness", [])
        ]
        scalars = {
            key: data[key]
            for key in (
                "focal_body",
                "parent_body",
                "style",
                "place",
                "plan_title",
                "plan_reference",
                "periods",
                "period_title",
            )
        }
        return cls(**scalars, groups=groups, targets=targets, timeliness=timeliness)


@dataclass(frozen=True)
class DraftText:
    """What the officer writes or corrects before export; the rest comes from the data."""

    number: str = ""
    title: str = ""
    introduction: str = ""
    group_texts: dict[str, str] = field(default_factory=dict)
    assessment: str = ""
    proposals: str = ""
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""
    signer_position: str = ""
    signer_name: str = ""
    issued_on: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DraftText:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        known["issued_on"] = _date(known.get("issued_on"))
        return cls(**known)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
