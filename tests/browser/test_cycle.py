"""One reporting period in a real browser: the reporter drafts and submits, the head approves,
the focal officer returns it, the reporter corrects and resubmits, the head approves again,
the officer accepts, consolidates, and downloads the .docx and the .xlsx."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from docx import Document
from openpyxl import load_workbook

from tests.web.cast import PASSWORD, Cast
from trienkhai.lib import periods as lib
from trienkhai.web.plans.models import (
    Assignment,
    AssignmentRole,
    Plan,
    PlanVersion,
    Target,
    Task,
    VersionStatus,
)
from trienkhai.web.reporting.models import Obligation, Period


@pytest.fixture
def people(transactional_db) -> Cast:
    return Cast.build()


def _plan_with_obligation(cast: Cast) -> Obligation:
    plan = Plan.objects.create(
        issuing_unit=cast.party_committee,
        kind="ke_hoach",
        number="12-KH/TU",
        date=dt.date(2025, 1, 10),
        title="thực hiện công tác dân vận năm 2025",
        status="published",
    )
    plan.followed_by.add(cast.focal_body)
    version = PlanVersion.objects.create(plan=plan, number=1)
    task = Task.objects.create(
        version=version,
        order=1,
        section="I",
        text="Tuyên truyền, phổ biến nghị quyết đến cán bộ, đảng viên.",
        lead=["Sở Nội vụ"],
    )
    Target.objects.create(
        version=version,
        order=1,
        text="Tỷ lệ cán bộ được quán triệt nghị quyết đạt trên 90%.",
        comparator=">=",
        value=Decimal(90),
        unit="%",
    )
    PlanVersion.objects.filter(pk=version.pk).update(status=VersionStatus.PUBLISHED)
    Assignment.objects.create(task=task, unit=cast.department, role=AssignmentRole.LEAD)
    today = dt.date.today()
    period = Period.for_lib(lib.Period.containing(lib.Frequency.QUARTERLY, today))
    ob = Obligation(
        plan=plan,
        unit=cast.department,
        period=period,
        slot=0,
        recipient=cast.party_committee,
        via=cast.focal_body,
    )
    ob.set_due(today + dt.timedelta(days=20))
    ob.save()
    return ob


def _as(page, login, who: str) -> None:  # type: ignore[no-untyped-def]
    page.context.clear_cookies()
    login(who, PASSWORD)


def test_a_whole_cycle_ends_in_a_consolidated_report(page, login, people) -> None:  # type: ignore[no-untyped-def]
    ob = _plan_with_obligation(people)

    _as(page, login, "reporter")
    page.goto(f"/bao-cao/nghia-vu/{ob.pk}/soan/")
    page.get_by_role("button", name="Tạo dự thảo báo cáo").click()
    page.get_by_label("Tình hình").select_option("in_progress")
    page.get_by_label("Kết quả thực hiện").fill("Đã tổ chức 3 hội nghị quán triệt.")
    page.get_by_label("Đạt được").first.fill("85")
    page.get_by_role("button", name="Lưu dự thảo").click()
    assert page.get_by_text("Đã lưu dự thảo.").is_visible()
    page.get_by_role("button", name="Lưu và trình lãnh đạo duyệt").click()

    _as(page, login, "head")
    page.goto(f"/bao-cao/nghia-vu/{ob.pk}/")
    page.get_by_role("button", name="Duyệt và gửi").click()

    _as(page, login, "officer")
    page.goto(f"/bao-cao/nghia-vu/{ob.pk}/")
    page.get_by_label("Lý do trả lại").fill("Đề nghị nêu số người tham dự.")
    page.get_by_role("button", name="Trả lại").click()

    _as(page, login, "reporter")
    page.goto(f"/bao-cao/nghia-vu/{ob.pk}/soan/")
    assert page.get_by_text("Đề nghị nêu số người tham dự.").first.is_visible()
    page.get_by_label("Tình hình").select_option("done")
    page.get_by_label("Kết quả thực hiện").fill(
        "Đã tổ chức 3 hội nghị quán triệt với 450 cán bộ, đảng viên tham dự."
    )
    page.get_by_role("button", name="Lưu và trình lại").click()

    _as(page, login, "head")
    page.goto(f"/bao-cao/nghia-vu/{ob.pk}/")
    page.get_by_role("button", name="Duyệt và gửi").click()

    _as(page, login, "officer")
    page.goto(f"/bao-cao/nghia-vu/{ob.pk}/")
    page.get_by_role("button", name="Tiếp nhận").click()
    page.goto("/tong-hop/")
    page.get_by_label("Cơ quan tổng hợp").select_option(str(people.focal_body.pk))
    page.get_by_label("Kế hoạch").select_option(str(ob.plan_id))
    page.get_by_label("Kỳ báo cáo").select_option(str(ob.period_id))
    page.get_by_role("button", name="Tổng hợp").click()
    assert page.get_by_text("Đã tạo dự thảo báo cáo tổng hợp.").is_visible()
    page.get_by_label("Số, ký hiệu").fill("15-BC/BDVTU")
    page.get_by_label("Họ và tên người ký").fill("Nguyễn Văn A")
    page.get_by_role("button", name="Lưu dự thảo").click()
    assert page.get_by_text("Đã lưu dự thảo.").is_visible()

    with page.expect_download() as got:
        page.get_by_role("link", name="Tải .docx").click()
    word = Document(io.BytesIO(got.value.path().read_bytes()))
    text = "\n".join(p.text for p in word.paragraphs)
    assert "450 cán bộ, đảng viên tham dự" in text
    assert "Số 15-BC/BDVTU" in word.tables[0].rows[0].cells[0].text
    assert "Nguyễn Văn A" in word.tables[-1].rows[0].cells[1].text

    with page.expect_download() as got:
        page.get_by_role("link", name="Tải .xlsx").click()
    book = load_workbook(io.BytesIO(got.value.path().read_bytes()))
    rows = list(book["Nhiệm vụ"].iter_rows(min_row=2, values_only=True))
    assert rows[0][3] == "Sở Nội vụ tỉnh Mẫu" and rows[0][5] == "Hoàn thành"
    timely = list(book["Tính kịp thời"].iter_rows(min_row=2, values_only=True))
    assert timely[0][4] == "Đúng hạn"
