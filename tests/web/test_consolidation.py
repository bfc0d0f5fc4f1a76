"""Consolidated reports: the data built once, its drafts, its exports, and who may see them."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from trienkhai.lib import periods as lib
from trienkhai.web.consolidation import builder, services
from trienkhai.web.consolidation.content import LATE, MISSING, ON_TIME, Consolidation
from trienkhai.web.consolidation.models import (
    ConsolidatedReport,
    ConsolidationError,
    DraftVersion,
)
from trienkhai.web.plans.models import (
    Assignment,
    AssignmentRole,
    Plan,
    PlanVersion,
    Target,
    Task,
    VersionStatus,
)
from trienkhai.web.reporting.models import (
    Obligation,
    Period,
    Report,
    ReportEntry,
    TargetValue,
)

from .cast import PASSWORD

pytestmark = pytest.mark.django_db


@dataclass
class Cycle:
    plan: Plan
    version: PlanVersion
    period: Period
    tasks: list[Task]
    target: Target
    on_time: Obligation
    late: Obligation
    missing: Obligation


SOURCE = """KẾ HOẠCH
thực hiện công tác dân vận năm 2025

I. CÔNG TÁC TUYÊN TRUYỀN
Tuyên truyền, phổ biến nghị quyết đến cán bộ, đảng viên.
Kiện toàn tổ chức bộ máy làm công tác dân vận.
II. THỰC HIỆN QUY CHẾ DÂN CHỦ
Thực hiện quy chế dân chủ ở cơ sở.
"""


def _aware(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=timezone.get_default_timezone())


def _obligation(plan: Plan, unit, period: Period, due: dt.date) -> Obligation:  # type: ignore[no-untyped-def]
    ob = Obligation(plan=plan, unit=unit, period=period, slot=0, recipient=None)
    ob.set_due(due)
    ob.save()
    return ob


def _report(ob: Obligation, received: dt.datetime, entries, value) -> Report:  # type: ignore[no-untyped-def]
    report = Report.objects.create(obligation=ob, state=Report.State.APPROVED)
    for assignment, status, narrative in entries:
        ReportEntry.objects.create(
            report=report, assignment=assignment, status=status, narrative=narrative
        )
    if value is not None:
        TargetValue.objects.create(report=report, target=value[0], value=Decimal(value[1]))
    Obligation.objects.filter(pk=ob.pk).update(
        received_at=received, state=Obligation.State.RECEIVED
    )
    ob.refresh_from_db()
    return report


def make_cycle(cast) -> Cycle:  # type: ignore[no-untyped-def]
    """One published plan, three reporting units for Quý I/2025: on time, late, missing."""
    plan = Plan.objects.create(
        issuing_unit=cast.party_committee,
        kind="ke_hoach",
        number="12-KH/TU",
        date=dt.date(2025, 1, 10),
        title="thực hiện công tác dân vận năm 2025",
        status="published",
    )
    plan.followed_by.add(cast.focal_body)
    version = PlanVersion.objects.create(plan=plan, number=1, extraction={}, source_text=SOURCE)
    texts = [
        ("I", "Tuyên truyền, phổ biến nghị quyết đến cán bộ, đảng viên."),
        ("I", "Kiện toàn tổ chức bộ máy làm công tác dân vận."),
        ("II", "Thực hiện quy chế dân chủ ở cơ sở."),
    ]
    tasks = [
        Task.objects.create(version=version, order=i, section=s, text=t, lead=["Sở Nội vụ"])
        for i, (s, t) in enumerate(texts, start=1)
    ]
    target = Target.objects.create(
        version=version,
        order=1,
        text="Tỷ lệ thủ tục hành chính trực tuyến toàn trình đạt trên 80%.",
        comparator=">=",
        value=Decimal(80),
        unit="%",
        year=2025,
    )
    # Published once its content is in: a published version is frozen.
    PlanVersion.objects.filter(pk=version.pk).update(status=VersionStatus.PUBLISHED)
    assign = {
        (unit.pk, task.pk): Assignment.objects.create(
            task=task, unit=unit, role=AssignmentRole.LEAD
        )
        for unit in (cast.department, cast.district_committee, cast.peoples_committee)
        for task in tasks
    }
    period = Period.for_lib(lib.Period(2025, lib.Frequency.QUARTERLY, 1))
    due = dt.date(2025, 4, 15)
    on_time = _obligation(plan, cast.department, period, due)
    late = _obligation(plan, cast.district_committee, period, due)
    missing = _obligation(plan, cast.peoples_committee, period, due)
    dept = cast.department.pk
    _report(
        on_time,
        _aware(dt.date(2025, 4, 10)),
        [
            (assign[dept, tasks[0].pk], "done", "Đã tổ chức 12 hội nghị quán triệt."),
            (assign[dept, tasks[1].pk], "in_progress", "Đang rà soát biên chế."),
            (assign[dept, tasks[2].pk], "ongoing", ""),
        ],
        (target, "75"),
    )
    district = cast.district_committee.pk
    _report(
        late,
        _aware(dt.date(2025, 4, 18)),
        [(assign[district, tasks[0].pk], "done", "Đã quán triệt tới 100% chi bộ.")],
        (target, "85.5"),
    )
    return Cycle(plan, version, period, tasks, target, on_time, late, missing)


@pytest.fixture
def cycle(cast) -> Cycle:  # type: ignore[no-untyped-def]
    return make_cycle(cast)


def _build(cast, cycle: Cycle) -> Consolidation:  # type: ignore[no-untyped-def]
    return builder.build(
        cast.focal_body, cycle.plan, [cycle.period], now=_aware(dt.date(2025, 4, 25))
    )


# --- the data ---------------------------------------------------------------------------------


def test_groups_follow_the_headings_above_the_tasks(cast, cycle: Cycle) -> None:
    content = _build(cast, cycle)
    assert [g.key for g in content.groups] == ["I", "II"]
    assert [g.name for g in content.groups] == [
        "CÔNG TÁC TUYÊN TRUYỀN",
        "THỰC HIỆN QUY CHẾ DÂN CHỦ",
    ]
    first = content.groups[0].tasks[0]
    assert [(e.unit, e.status) for e in first.entries] == [
        ("Sở Nội vụ tỉnh Mẫu", "done"),
        ("Ủy ban nhân dân huyện Mẫu Sơn", "done"),
    ]
    assert first.count("done") == 2
    compiled = content.groups[0].compiled_narrative()
    assert "Sở Nội vụ tỉnh Mẫu: Đã tổ chức 12 hội nghị quán triệt." in compiled
    assert "Ủy ban nhân dân huyện Mẫu Sơn: Đã quán triệt tới 100% chi bộ." in compiled


def test_timeliness_on_time_late_and_missing(cast, cycle: Cycle) -> None:
    content = _build(cast, cycle)
    states = {row.unit: (row.state, row.days_late) for row in content.timeliness}
    assert states == {
        "Sở Nội vụ tỉnh Mẫu": (ON_TIME, 0),
        "Ủy ban nhân dân huyện Mẫu Sơn": (LATE, 3),
        "Ủy ban nhân dân tỉnh Mẫu": (MISSING, 10),
    }
    assert (content.expected, content.received, content.on_time) == (3, 2, 1)
    assert content.share(content.received) == pytest.approx(66.7)


def test_a_report_not_yet_approved_does_not_count(cast, cycle: Cycle) -> None:
    Report.objects.filter(obligation=cycle.late).update(state=Report.State.RETURNED)
    content = _build(cast, cycle)
    assert {row.unit: row.state for row in content.timeliness}[
        "Ủy ban nhân dân huyện Mẫu Sơn"
    ] == MISSING
    units = {e.unit for g in content.groups for t in g.tasks for e in t.entries}
    assert units == {"Sở Nội vụ tỉnh Mẫu"}


def test_targets_show_planned_and_reached(cast, cycle: Cycle) -> None:
    (row,) = _build(cast, cycle).targets
    assert row.planned == "≥ 80%"
    assert [(v.unit, v.value) for v in row.values] == [
        ("Sở Nội vụ tỉnh Mẫu", "75%"),
        ("Ủy ban nhân dân huyện Mẫu Sơn", "85,5%"),
    ]
    assert row.reached == "bình quân 80,25%"


def test_content_round_trips_through_json(cast, cycle: Cycle) -> None:
    content = _build(cast, cycle)
    assert Consolidation.from_json(content.to_json()) == content


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("1250"), "1.250"), (Decimal("87.50"), "87,5"), (Decimal("0.333"), "0,33"), (3, "3")],
)
def test_numbers_use_the_vietnamese_notation(value, text) -> None:  # type: ignore[no-untyped-def]
    assert builder.format_number(value) == text


# --- drafts and versions -------------------------------------------------------------------


def test_create_stores_version_one_with_a_compiled_draft(cast, cycle: Cycle) -> None:
    report = services.create_report(
        cast.focal_body, cycle.plan, [cycle.period], cast.officer, "period"
    )
    version = report.latest()
    assert version is not None and version.number == 1
    draft = version.draft()
    assert draft.title.startswith("Kết quả thực hiện Kế hoạch số 12-KH/TU")
    assert "Quý I/2025" in draft.title
    assert "Đã tổ chức 12 hội nghị" in draft.group_texts["I"]


def test_stale_save_is_refused_and_versions_are_append_only(cast, cycle: Cycle) -> None:
    report = services.create_report(
        cast.focal_body, cycle.plan, [cycle.period], cast.officer, "period"
    )
    v1 = report.latest()
    report.add_version(v1.consolidation(), v1.draft(), cast.officer, base=1)
    with pytest.raises(ConsolidationError, match="Người khác đã lưu"):
        report.add_version(v1.consolidation(), v1.draft(), cast.officer, base=1)
    v1.note = "sửa"
    with pytest.raises(ConsolidationError):
        v1.save()
    assert report.versions.count() == 2


def test_review_over_two_periods(cast, cycle: Cycle) -> None:
    q2 = Period.for_lib(lib.Period(2025, lib.Frequency.QUARTERLY, 2))
    _obligation(cycle.plan, cast.department, q2, dt.date(2025, 7, 15))
    report = services.create_report(
        cast.focal_body, cycle.plan, [q2, cycle.period], cast.officer, "review"
    )
    content = report.latest().consolidation()
    assert content.periods == ["2025-Q1", "2025-Q2"]
    assert content.period_title == "từ Quý I/2025 đến Quý II/2025"
    assert content.expected == 4
    assert report.latest().draft().title.startswith("Sơ kết")


# --- exports ----------------------------------------------------------------------------------


def test_docx_and_xlsx_render_the_same_data(cast, cycle: Cycle) -> None:
    from trienkhai.web.consolidation.exporters import EXPORTERS

    report = services.create_report(
        cast.focal_body, cycle.plan, [cycle.period], cast.officer, "period"
    )
    version = report.latest()
    word = Document(io.BytesIO(EXPORTERS["docx"].render(version.consolidation(), version.draft())))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "BAN DÂN VẬN TỈNH ỦY MẪU" in word.tables[0].rows[0].cells[0].text
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in word.tables[0].rows[0].cells[1].text
    assert "Có 2/3 báo cáo đã gửi (đạt 66,7%)" in text
    late_table = next(t for t in word.tables if "Ủy ban nhân dân tỉnh Mẫu" in t._tbl.xml)
    assert "Chưa gửi" in late_table._tbl.xml

    book = load_workbook(
        io.BytesIO(EXPORTERS["xlsx"].render(version.consolidation(), version.draft()))
    )
    assert book.sheetnames == ["Tổng quan", "Nhiệm vụ", "Chỉ tiêu", "Tính kịp thời"]
    timely = list(book["Tính kịp thời"].iter_rows(min_row=2, values_only=True))
    assert {(r[0], r[4]) for r in timely} == {
        ("Sở Nội vụ tỉnh Mẫu", "Đúng hạn"),
        ("Ủy ban nhân dân huyện Mẫu Sơn", "Trễ hạn"),
        ("Ủy ban nhân dân tỉnh Mẫu", "Chưa gửi"),
    }
    tasks = list(book["Nhiệm vụ"].iter_rows(min_row=2, values_only=True))
    assert ("Sở Nội vụ tỉnh Mẫu", "Hoàn thành") in {(r[3], r[5]) for r in tasks}


# --- the pages --------------------------------------------------------------------------------


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_officer_creates_edits_and_downloads(cast, cycle: Cycle) -> None:
    client = _client(cast.officer)
    page = client.get(reverse("consolidation:index"))
    assert page.status_code == 200 and 'lang="en"' in page.content.decode()
    response = client.post(
        reverse("consolidation:index"),
        {
            "focal_unit": cast.focal_body.pk,
            "plan": cycle.plan.pk,
            "periods": [cycle.period.pk],
            "scope": "period",
        },
    )
    report = ConsolidatedReport.objects.get()
    assert response.status_code == 302
    detail = client.get(reverse("consolidation:detail", args=[report.pk]))
    html = detail.content.decode()
    assert "Ủy ban nhân dân tỉnh Mẫu" in html  # the missing unit is listed
    form = detail.context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(number="15-BC/BDVTU", issued_on="20/04/2025", group_I="Đoạn do cán bộ viết.")
    saved = client.post(reverse("consolidation:detail", args=[report.pk]), data)
    assert saved.status_code == 302
    latest = report.latest()
    assert latest.number == 2 and latest.draft().group_texts["I"] == "Đoạn do cán bộ viết."
    assert latest.draft().issued_on == dt.date(2025, 4, 20)
    stale = client.post(reverse("consolidation:detail", args=[report.pk]), data)
    assert "Người khác đã lưu" in stale.content.decode()
    docx = client.get(reverse("consolidation:export", args=[report.pk, "docx"]))
    assert docx.status_code == 200
    assert "Đoạn do cán bộ viết." in "\n".join(
        p.text for p in Document(io.BytesIO(docx.content)).paragraphs
    )
    xlsx = client.get(reverse("consolidation:export", args=[report.pk, "xlsx"]))
    assert xlsx["Content-Type"].endswith("spreadsheetml.sheet")
    rebuilt = client.post(reverse("consolidation:rebuild", args=[report.pk]), {"base_version": "2"})
    assert rebuilt.status_code == 302
    assert report.latest().number == 3
    assert report.latest().draft().group_texts["I"] == "Đoạn do cán bộ viết."


def _report_for(cast, cycle: Cycle) -> ConsolidatedReport:  # type: ignore[no-untyped-def]
    return services.create_report(
        cast.focal_body, cycle.plan, [cycle.period], cast.officer, "period"
    )


def test_outsider_gets_404_everywhere(cast, cycle: Cycle) -> None:
    report = _report_for(cast, cycle)
    client = _client(cast.outsider)
    for url in (
        reverse("consolidation:detail", args=[report.pk]),
        reverse("consolidation:export", args=[report.pk, "docx"]),
    ):
        assert client.get(url).status_code == 404
    assert (
        client.post(reverse("consolidation:rebuild", args=[report.pk]), {"base_version": "1"})
    ).status_code == 404
    assert report.pk not in [
        r.pk for r in client.get(reverse("consolidation:index")).context["reports"]
    ]


def test_viewer_reads_but_cannot_edit(cast, cycle: Cycle) -> None:
    report = _report_for(cast, cycle)
    client = _client(cast.viewer)
    assert client.get(reverse("consolidation:detail", args=[report.pk])).status_code == 200
    assert client.post(reverse("consolidation:detail", args=[report.pk]), {}).status_code == 403
    assert (
        client.post(reverse("consolidation:rebuild", args=[report.pk]), {"base_version": "1"})
    ).status_code == 403
    assert (
        client.post(
            reverse("consolidation:index"),
            {"focal_unit": cast.focal_body.pk, "plan": cycle.plan.pk, "periods": [cycle.period.pk]},
        ).status_code
        == 403
    )
    assert DraftVersion.objects.count() == 1


def test_unknown_export_format_is_404(cast, cycle: Cycle) -> None:
    report = _report_for(cast, cycle)
    response = _client(cast.officer).get(reverse("consolidation:export", args=[report.pk, "pdf"]))
    assert response.status_code == 404


def test_officer_cannot_consolidate_a_plan_the_body_does_not_follow(cast, cycle: Cycle) -> None:
    other = Plan.objects.create(issuing_unit=cast.other_office, kind="ke_hoach", title="khác")
    response = _client(cast.officer).post(
        reverse("consolidation:index"),
        {
            "focal_unit": cast.focal_body.pk,
            "plan": other.pk,
            "periods": [cycle.period.pk],
            "scope": "period",
        },
    )
    assert response.status_code == 200
    assert ConsolidatedReport.objects.count() == 0


def test_cancelled_obligations_are_not_expected(cast, cycle: Cycle) -> None:
    Obligation.objects.filter(pk=cycle.missing.pk).update(state=Obligation.State.CANCELLED)
    content = _build(cast, cycle)
    assert (content.expected, content.received) == (2, 2)


def test_exports_stay_vietnamese_for_an_english_reader(cast, cycle: Cycle) -> None:
    report = _report_for(cast, cycle)
    client = _client(cast.officer)
    client.post(reverse("set_language"), {"language": "en"})
    response = client.get(reverse("consolidation:export", args=[report.pk, "docx"]))
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in text
    page = client.get(reverse("consolidation:detail", args=[report.pk]))
    assert page.status_code == 200 and 'lang="en"' in page.content.decode()
