"""Play one whole reporting period on the sample data, without a person.

Used by ``manage.py demo_cycle`` (``make demo-cycle OUT=DIR``). The clock is moved through
the period (``django.utils.timezone.now`` and the event timestamps are patched), and every
step goes through the same services and model methods as the pages: units open, fill and
submit their reports, heads approve, the focal body accepts — one report is returned and
resubmitted, one comes after the deadline, a few never come and get a reminder letter —
then the focal body builds and edits the consolidated report.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from unittest import mock

from django.contrib.auth import get_user_model
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from trienkhai.lib import periods as lib
from trienkhai.web.accounts.models import Membership, Role
from trienkhai.web.orgs.models import Unit
from trienkhai.web.plans.models import Plan, PlanStatus
from trienkhai.web.reporting import letters
from trienkhai.web.reporting import services as reporting
from trienkhai.web.reporting.generation import generate_for_plan
from trienkhai.web.reporting.models import Obligation, Period, ReportEntry, ReportEvent

from . import services
from .content import DraftText
from .models import ConsolidatedReport

STATUS_ROTATION = (
    ReportEntry.Status.DONE,
    ReportEntry.Status.ONGOING,
    ReportEntry.Status.DONE,
    ReportEntry.Status.IN_PROGRESS,
    ReportEntry.Status.ONGOING,
    ReportEntry.Status.NOT_STARTED,
)


class DemoError(Exception):
    """The sample data cannot carry a demo cycle (no followed plan with reporting units)."""


@dataclass
class Outcome:
    plan: Plan
    period: Period
    focal: Unit
    officer: Any
    on_time: list[str] = field(default_factory=list)
    returned: str = ""
    late: str = ""
    missing: list[str] = field(default_factory=list)
    letter: bytes = b""
    report: ConsolidatedReport | None = None


@contextlib.contextmanager
def clock(at: dt.datetime) -> Iterator[None]:
    """Run the enclosed steps as if it were ``at`` (aware), event timestamps included."""
    field_ = ReportEvent._meta.get_field("at")
    saved = field_.default
    # Django caches a field's default callable (``_get_default``): drop the cache both ways.
    field_.default = lambda: at
    field_.__dict__.pop("_get_default", None)
    try:
        with mock.patch("django.utils.timezone.now", return_value=at):
            yield
    finally:
        field_.default = saved
        field_.__dict__.pop("_get_default", None)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_default_timezone())


def choose_plan() -> tuple[Plan, Unit]:
    """The published plan followed by a focal body that has the most reporting units."""
    plans = (
        Plan.objects.filter(status=PlanStatus.PUBLISHED, followed_by__isnull=False)
        .annotate(units=Count("versions__tasks__assignments__unit", distinct=True))
        .filter(units__gte=4)
        .order_by("-units", "pk")
    )
    # A quarterly plan shows a period best; any calendar cadence will do.
    for cadences in ({"quarterly"}, {"quarterly", "semiannual", "annual", "monthly"}):
        for plan in plans:
            duties = plan.published_version().reporting_duties.all()
            if any(set(d.frequencies) & cadences for d in duties):
                return plan, plan.followed_by.order_by("pk").first()
    raise DemoError(_("Dữ liệu mẫu không có kế hoạch nào được theo dõi và có đơn vị báo cáo."))


def _period_for(plan: Plan) -> lib.Period:
    duties = plan.published_version().reporting_duties.all()
    frequencies = lib.frequencies_to_generate(f for d in duties for f in d.frequencies)
    finest = min(frequencies, key=lambda f: lib.Period.containing(f, dt.date(2000, 1, 1)).days)
    start = plan.date or timezone.localdate()
    return lib.Period.containing(finest, start)


def _user(username: str, name: str, unit: Unit, role: str) -> Any:
    users = get_user_model()
    user, created = users.objects.get_or_create(
        username=username, defaults={"first_name": name, "email": f"{username}@example.vn"}
    )
    if created:
        user.set_unusable_password()
        user.save()
    Membership.objects.get_or_create(user=user, unit=unit, role=role)
    return user


def _member(unit: Unit, role: str, fallback: str) -> Any:
    membership = Membership.objects.filter(unit=unit, role=role).select_related("user").first()
    if membership is not None:
        return membership.user
    return _user(f"demo-{unit.code}-{fallback}", f"{fallback} {unit.name}", unit, role)


def _narrative(status: str, unit: Unit, task_text: str, n: int) -> str:
    topic = " ".join(task_text.split()[:14]).rstrip(",;:.")
    texts = {
        ReportEntry.Status.DONE: _(
            "Đã hoàn thành. %(unit)s tổ chức %(n)s hội nghị, buổi tuyên truyền với %(people)s "
            "lượt người tham gia về nội dung: %(topic)s."
        ),
        ReportEntry.Status.ONGOING: _(
            "Thực hiện thường xuyên, lồng ghép trong hoạt động chuyên môn của %(unit)s; trong "
            "kỳ đã kiểm tra, đôn đốc %(n)s lượt tại cơ sở."
        ),
        ReportEntry.Status.IN_PROGRESS: _(
            "Đang triển khai: đã xây dựng dự thảo kế hoạch, dự kiến hoàn thành trong kỳ tới."
        ),
        ReportEntry.Status.NOT_STARTED: _(
            "Chưa triển khai; đơn vị đề nghị được hướng dẫn thêm về nội dung thực hiện."
        ),
    }
    return texts[status] % {
        "unit": unit.name,
        "n": 2 + n % 5,
        "people": 120 + 35 * n,
        "topic": topic,
    }


def _fill(obligation: Obligation, reporter: Any, index: int, *, weaker: bool = False) -> Any:
    report = reporting.open_report(obligation, reporter)
    entries = {}
    for n, assignment in enumerate(reporting.unit_assignments(obligation)):
        status = STATUS_ROTATION[(index + n) % len(STATUS_ROTATION)]
        if weaker and status == ReportEntry.Status.DONE:
            status = ReportEntry.Status.IN_PROGRESS
        text = _narrative(status, obligation.unit, assignment.task.text, index + n)
        entries[assignment.pk] = (status, "" if weaker and n % 2 else text)
    targets = {}
    for n, target in enumerate(reporting.plan_targets(obligation)):
        reached = Decimal(target.value) + Decimal((index * 7 + n * 3) % 15) - Decimal(6)
        targets[target.pk] = (max(reached, Decimal(0)), "")
    summary = _("%(unit)s đã triển khai kế hoạch trong kỳ theo đúng tiến độ đề ra.") % {
        "unit": obligation.unit.name
    }
    changes = reporting.ReportChanges(summary=summary, entries=entries, targets=targets)
    return reporting.save_report(report, reporter, report.version, changes)


def play() -> Outcome:
    """Run the whole period; returns who did what and the consolidated report."""
    with override("vi"):
        return _play()


def _play() -> Outcome:
    plan, focal = choose_plan()
    period = _period_for(plan)
    generate_for_plan(plan, since=period.start, until=period.end)
    row = Period.for_lib(period)
    # The demo plays one period: drop the longer periods that overlap it.
    Obligation.objects.filter(plan=plan).exclude(period=row).delete()
    obligations = list(
        Obligation.objects.filter(plan=plan, period=row)
        .select_related("unit")
        .order_by("unit__name")
    )
    if len(obligations) < 4:
        raise DemoError(_("Kế hoạch mẫu có quá ít đơn vị báo cáo cho một kỳ minh họa."))
    officer = _member(focal, Role.FOCAL_OFFICER, "canbo")
    due = obligations[0].due_date
    outcome = Outcome(plan=plan, period=row, focal=focal, officer=officer)

    # Pick the roles: the unit with demo accounts is returned once; one late; two missing.
    with_accounts = [
        ob
        for ob in obligations
        if Membership.objects.filter(unit=ob.unit, role=Role.REPORTER).exists()
    ]
    returned = with_accounts[0] if with_accounts else obligations[0]
    rest = [ob for ob in obligations if ob is not returned]
    late, missing, on_time = rest[-1], rest[-3:-1], rest[:-3]

    for index, ob in enumerate(on_time):
        reporter, head = (
            _member(ob.unit, Role.REPORTER, "baocao"),
            _member(ob.unit, Role.HEAD, "lanhdao"),
        )
        day = due - dt.timedelta(days=8 - index % 5)
        with clock(_at(day, 9)):
            report = _fill(ob, reporter, index)
            report.submit(reporter)
        with clock(_at(day, 15)):
            report.approve(head)
        with clock(_at(day + dt.timedelta(days=1), 10)):
            report.accept(officer)
        outcome.on_time.append(ob.unit.name)

    reporter, head = (
        _member(returned.unit, Role.REPORTER, "baocao"),
        _member(returned.unit, Role.HEAD, "lanhdao"),
    )
    with clock(_at(due - dt.timedelta(days=9), 9)):
        report = _fill(returned, reporter, 1, weaker=True)
        report.submit(reporter)
        report.approve(head)
    with clock(_at(due - dt.timedelta(days=7), 14)):
        report.return_to_unit(
            officer,
            _(
                "Đề nghị bổ sung kết quả cụ thể (số hội nghị, số lượt người tham gia) cho các nhiệm vụ còn để trống."
            ),
        )
    with clock(_at(due - dt.timedelta(days=4), 9)):
        report.refresh_from_db()
        _fill(returned, reporter, 1)
        report.refresh_from_db()
        report.submit(reporter)
        report.approve(head)
    with clock(_at(due - dt.timedelta(days=3), 10)):
        report.accept(officer)
    outcome.returned = returned.unit.name

    with clock(_at(due + dt.timedelta(days=2), 8)):
        pending = list(
            Obligation.objects.filter(plan=plan, period=row, received_at__isnull=True)
            .select_related("unit", "period", "plan", "via", "recipient", "plan__issuing_unit")
            .order_by("unit__name")
        )
        outcome.letter = letters.reminder_letter(pending, officer)

    reporter, head = (
        _member(late.unit, Role.REPORTER, "baocao"),
        _member(late.unit, Role.HEAD, "lanhdao"),
    )
    with clock(_at(due + dt.timedelta(days=5), 9)):
        report = _fill(late, reporter, 4)
        report.submit(reporter)
        report.approve(head)
    with clock(_at(due + dt.timedelta(days=6), 9)):
        report.accept(officer)
    outcome.late = late.unit.name
    outcome.missing = [ob.unit.name for ob in missing]

    with clock(_at(due + dt.timedelta(days=10), 9)):
        consolidated = services.create_report(
            focal, plan, [row], officer, ConsolidatedReport.Scope.PERIOD
        )
        first = consolidated.latest()
        edited = _officer_edits(first.draft(), focal, officer, first.consolidation())
        consolidated.add_version(
            first.consolidation(), edited, officer, base=first.number, note=_("Cán bộ biên tập")
        )
    outcome.report = consolidated
    return outcome


def _condensed(group: Any) -> str:
    """The officer's summary of a group: the counts, then a few units' results as examples."""
    counts = {code: sum(task.count(code) for task in group.tasks) for code in STATUS_ROTATION}
    lines = [
        _(
            "Trong kỳ, các đơn vị báo cáo %(done)s lượt nhiệm vụ đã hoàn thành, %(ongoing)s lượt "
            "thực hiện thường xuyên, %(progress)s lượt đang triển khai và %(todo)s lượt chưa "
            "triển khai."
        )
        % {
            "done": counts[ReportEntry.Status.DONE],
            "ongoing": counts[ReportEntry.Status.ONGOING],
            "progress": counts[ReportEntry.Status.IN_PROGRESS],
            "todo": counts[ReportEntry.Status.NOT_STARTED],
        }
    ]
    examples = [
        f"{entry.unit}: {entry.narrative}"
        for task in group.tasks
        for entry in task.entries
        if entry.status == ReportEntry.Status.DONE and entry.narrative
    ]
    lines.extend(examples[:2])
    return "\n".join(lines)


def _officer_edits(draft: DraftText, focal: Unit, officer: Any, content: Any) -> DraftText:
    """What an officer typically writes before export: number, assessment, signature."""
    abbreviation = focal.abbreviation or "".join(w[0] for w in focal.name.split()[:4]).upper()
    share = content.share(content.received)
    return DraftText(
        number=f"15-BC/{abbreviation}",
        title=draft.title,
        introduction=draft.introduction,
        group_texts={group.key: _condensed(group) for group in content.groups},
        assessment=_(
            "Các cơ quan, đơn vị đã quan tâm triển khai kế hoạch; %(received)s/%(expected)s "
            "đơn vị gửi báo cáo (đạt %(share)s%%). Một số đơn vị còn gửi báo cáo chậm, nội dung "
            "báo cáo của một số đơn vị chưa nêu rõ kết quả cụ thể."
        )
        % {"received": content.received, "expected": content.expected, "share": share},
        proposals=_(
            "Đề nghị các đơn vị chưa gửi báo cáo khẩn trương hoàn thành; các đơn vị tiếp tục "
            "thực hiện các nhiệm vụ đang triển khai và báo cáo kết quả trong kỳ tới."
        ),
        recipients=[_("Thường trực cấp ủy (b/c)"), _("Các cơ quan, đơn vị báo cáo"), _("Lưu VP")],
        signer_authority=_("K/T TRƯỞNG BAN") if content.style == "party" else _("KT. THỦ TRƯỞNG"),
        signer_position=_("PHÓ TRƯỞNG BAN") if content.style == "party" else _("PHÓ THỦ TRƯỞNG"),
        signer_name=officer.get_full_name() or officer.get_username(),
        issued_on=draft.issued_on,
    )
