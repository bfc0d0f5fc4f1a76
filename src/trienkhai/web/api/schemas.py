"""Request and response shapes of the API (they make the OpenAPI schema)."""

import datetime as dt
from decimal import Decimal
from typing import Annotated

from ninja import Field, Schema

#: a database id: bounded so an absurd number is a 422, not a database overflow
DbId = Annotated[int, Field(ge=1, le=2**63 - 1)]
#: a small bounded integer (years and the like)
SmallInt = Annotated[int, Field(ge=0, le=32767)]


class Error(Schema):
    detail: str


class ValidationError(Schema):
    """django-ninja's answer to a request that does not match the schema (422)."""

    detail: list[dict]


class UnitOut(Schema):
    id: int
    code: str
    name: str
    abbreviation: str
    kind: str
    level: str
    parent_id: int | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    successor_id: int | None


class PlanOut(Schema):
    id: int
    issuing_unit_id: int
    kind: str
    number: str
    date: dt.date | None
    title: str
    status: str


class TargetOut(Schema):
    id: int
    order: int
    text: str
    comparator: str
    value: Decimal
    value_high: Decimal | None
    unit: str
    year: int | None


class DutyOut(Schema):
    id: int
    frequencies: list[str]
    deadlines: list[str]
    days_after_period_end: int | None
    recipient_text: str
    via_text: str
    recipient_unit_id: int | None
    via_unit_id: int | None


class PlanDetail(PlanOut):
    version: int | None = None
    published_at: dt.datetime | None = None
    targets: list[TargetOut] = []
    reporting: list[DutyOut] = []


class TaskOut(Schema):
    id: int
    order: int
    section: str
    text: str
    group: str
    due_text: str
    output: str
    lead: list[str]
    support: list[str]
    requested: list[str]


class AssignmentOut(Schema):
    id: int
    task_id: int
    plan_id: int = Field(..., alias="task.version.plan_id")
    unit_id: int
    role: str
    due_date: dt.date | None
    state: str
    body_text: str


class PeriodOut(Schema):
    id: int
    kind: str
    year: int
    index: int
    start: dt.date
    end: dt.date
    key: str
    label: str


class ObligationOut(Schema):
    id: int
    plan_id: int
    unit_id: int
    period_id: int
    recipient_id: int | None
    via_id: int | None
    recipient_text: str
    via_text: str
    due_date: dt.date
    due_at: dt.datetime
    state: str
    received_at: dt.datetime | None
    report_id: int | None = None


class EntryOut(Schema):
    assignment_id: int
    status: str
    narrative: str


class TargetValueOut(Schema):
    target_id: int
    value: Decimal | None
    note: str


class ReportOut(Schema):
    id: int
    obligation_id: int
    state: str
    version: int
    summary: str
    return_comment: str
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    decided_at: dt.datetime | None
    entries: list[EntryOut]
    target_values: list[TargetValueOut]


class EntryIn(Schema):
    assignment: DbId
    status: str = Field(..., pattern="^(not_started|in_progress|done|ongoing)$")
    narrative: str = Field("", max_length=20000)


class TargetValueIn(Schema):
    target: DbId
    value: float | None = Field(None, gt=-1e10, lt=1e10, allow_inf_nan=False)
    note: str = Field("", max_length=500)


class ReportIn(Schema):
    """One save of the draft; ``version`` is the version the client last read."""

    version: int = Field(..., ge=1, le=2**31 - 1)
    summary: str | None = Field(None, max_length=20000)
    entries: list[EntryIn] = []
    targets: list[TargetValueIn] = []


class SubmitIn(Schema):
    version: int | None = Field(None, ge=1, le=2**31 - 1)


class CommentIn(Schema):
    comment: str = Field("", max_length=4000)


class EventOut(Schema):
    id: int
    kind: str
    at: dt.datetime
    actor_id: int | None
    comment: str
    version: int | None
    recipients: str
