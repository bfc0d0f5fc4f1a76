"""The reporting pages: the whole cycle through the browser's requests, and both refusals
(outsider 404, read-only 403) for every step."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from trienkhai.web.reporting import services
from trienkhai.web.reporting.models import Report

from .reporting_helpers import department_obligation

pytestmark = pytest.mark.django_db


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def ob(cast):
    return department_obligation(cast)


def test_cycle_through_the_pages(cast, ob) -> None:
    reporter = login(cast.reporter)
    page = reporter.get(reverse("reporting:edit", args=[ob.pk]))
    assert page.status_code == 200 and "Tạo dự thảo" in page.content.decode()
    reporter.post(reverse("reporting:edit", args=[ob.pk]), {"key": "k1"})
    report = Report.objects.get(obligation=ob)
    entries = list(report.entries.order_by("assignment_id"))
    targets = list(services.plan_targets(ob))
    form = {
        "version": report.version,
        "summary": "Đánh giá chung",
        f"status_{entries[0].assignment_id}": "done",
        f"narrative_{entries[0].assignment_id}": "Đã tuyên truyền",
        f"status_{entries[1].assignment_id}": "in_progress",
        f"narrative_{entries[1].assignment_id}": "",
        f"value_{targets[0].pk}": "86,5",
        f"note_{targets[0].pk}": "",
        f"value_{targets[1].pk}": "",
        f"note_{targets[1].pk}": "",
        "key": "submit-1",
        "submit": "1",
    }
    response = reporter.post(reverse("reporting:edit", args=[ob.pk]), form)
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.state == "submitted" and report.summary == "Đánh giá chung"
    # the head approves, the officer returns, the reporter corrects and resubmits
    login(cast.head).post(reverse("reporting:approve", args=[report.pk]), {"key": "a1"})
    login(cast.officer).post(
        reverse("reporting:return", args=[report.pk]), {"comment": "Bổ sung số liệu", "key": "r1"}
    )
    report.refresh_from_db()
    assert report.state == "returned"
    page = reporter.get(reverse("reporting:obligation", args=[ob.pk])).content.decode()
    assert "Bổ sung số liệu" in page and "Trả lại" in page
    reporter.post(
        reverse("reporting:submit", args=[report.pk]), {"key": "s2", "version": report.version}
    )
    login(cast.head).post(reverse("reporting:approve", args=[report.pk]), {"key": "a2"})
    login(cast.officer).post(reverse("reporting:accept", args=[report.pk]), {"key": "c1"})
    report.refresh_from_db()
    assert report.state == "accepted"
    page = login(cast.viewer).get(reverse("reporting:obligation", args=[ob.pk])).content.decode()
    assert "86,5" in page and "Trình lại sau khi sửa" in page
    # every submitted version stays readable in the timeline
    assert page.count("Nội dung báo cáo ở phiên bản") == 4  # 2 submissions + 2 approvals
    assert "Đã tuyên truyền" in page.split("Lịch sử")[1]


def test_stale_form_gets_a_clear_message(cast, ob) -> None:
    report = services.open_report(ob, cast.reporter)
    stale = report.version
    services.save_report(report, cast.head, stale, services.ReportChanges(summary="khác"))
    client = login(cast.reporter)
    response = client.post(
        reverse("reporting:edit", args=[ob.pk]),
        {"version": stale, "summary": "của tôi", **_entry_fields(report)},
        follow=True,
    )
    assert "Người khác đã lưu" in response.content.decode()
    report.refresh_from_db()
    assert report.summary == "khác"


def _entry_fields(report) -> dict:
    fields = {}
    for e in report.entries.all():
        fields[f"status_{e.assignment_id}"] = "not_started"
        fields[f"narrative_{e.assignment_id}"] = ""
    return fields


def test_double_submit_posts_make_one_submission(cast, ob) -> None:
    report = services.open_report(ob, cast.reporter)
    client = login(cast.reporter)
    for _ in range(2):
        client.post(reverse("reporting:submit", args=[report.pk]), {"key": "same-key"})
    assert report.events.filter(kind="submitted").count() == 1


VIEWS = ["obligation", "edit"]


@pytest.mark.parametrize(
    ("who", "name", "status"),
    [
        ("reporter", "obligation", 200),
        ("head", "obligation", 200),
        ("officer", "obligation", 200),
        ("viewer", "obligation", 200),
        ("admin", "obligation", 200),
        ("outsider", "obligation", 404),
        ("district_reporter", "obligation", 404),
        ("reporter", "edit", 200),
        ("viewer", "edit", 403),
        ("officer", "edit", 403),
        ("head", "edit", 403),
        ("outsider", "edit", 404),
    ],
)
def test_page_access(cast, ob, who, name, status) -> None:
    response = login(getattr(cast, who)).get(reverse(f"reporting:{name}", args=[ob.pk]))
    assert response.status_code == status


def _at(report: Report, state: str, cast) -> None:
    if state in ("submitted", "approved"):
        report.submit(cast.reporter)
    if state == "approved":
        report.approve(cast.head)


@pytest.mark.parametrize(
    ("action", "state", "allowed", "read_only"),
    [
        ("submit", "draft", "reporter", "viewer"),
        ("approve", "submitted", "head", "reporter"),
        ("return", "submitted", "head", "viewer"),
        ("accept", "approved", "officer", "head"),
        ("return", "approved", "officer", "viewer"),
        ("upload_evidence", "draft", "reporter", "officer"),
        ("import_values", "draft", "reporter", "head"),
    ],
)
def test_every_step_refuses_outsiders_and_read_only_users(
    cast, ob, action, state, allowed, read_only
) -> None:
    report = services.open_report(ob, cast.reporter)
    _at(report, state, cast)
    url = reverse(f"reporting:{action}", args=[report.pk])
    data = {"comment": "Lý do", "key": f"{action}-{state}"}
    assert login(cast.outsider).post(url, data).status_code == 404
    assert login(getattr(cast, read_only)).post(url, data).status_code == 403
    report.refresh_from_db()
    assert report.state == state  # refusals changed nothing
    assert login(getattr(cast, allowed)).post(url, data).status_code == 302


def test_evidence_upload_download_and_size_cap(cast, ob, settings, tmp_path) -> None:
    settings.TRIENKHAI_MAX_EVIDENCE_MB = 1
    settings.MEDIA_ROOT = tmp_path
    report = services.open_report(ob, cast.reporter)
    client = login(cast.reporter)
    client.post(
        reverse("reporting:upload_evidence", args=[report.pk]),
        {"file": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minutes", "application/pdf")},
    )
    item = report.evidence.get()
    assert item.size == 16
    got = client.get(reverse("reporting:evidence", args=[item.pk]))
    assert got.status_code == 200 and b"".join(got.streaming_content) == b"%PDF-1.4 minutes"
    assert (
        login(cast.outsider).get(reverse("reporting:evidence", args=[item.pk])).status_code == 404
    )
    big = SimpleUploadedFile("lon.bin", b"x" * (1024 * 1024 + 1))
    response = client.post(
        reverse("reporting:upload_evidence", args=[report.pk]), {"file": big}, follow=True
    )
    assert "quá lớn" in response.content.decode()
    assert report.evidence.count() == 1


def test_import_target_values_from_csv_and_xlsx(cast, ob) -> None:
    from openpyxl import Workbook

    report = services.open_report(ob, cast.reporter)
    client = login(cast.reporter)
    csv_file = SimpleUploadedFile("chi-tieu.csv", "STT;Giá trị;Ghi chú\n1;87,5;ước\n".encode())
    client.post(reverse("reporting:import_values", args=[report.pk]), {"file": csv_file})
    value = report.target_values.get()
    assert (format(value.value.normalize(), "f"), value.note) == ("87.5", "ước")
    book = Workbook()
    book.active.append(["STT", "Giá trị"])
    book.active.append([2, 100])
    buffer = io.BytesIO()
    book.save(buffer)
    xlsx = SimpleUploadedFile("chi-tieu.xlsx", buffer.getvalue())
    client.post(reverse("reporting:import_values", args=[report.pk]), {"file": xlsx})
    assert report.target_values.count() == 2
    bad = SimpleUploadedFile("chi-tieu.csv", b"9;50\n")
    response = client.post(
        reverse("reporting:import_values", args=[report.pk]), {"file": bad}, follow=True
    )
    assert "không có chỉ tiêu số 9" in response.content.decode()


def test_lists_and_followup_pages_render(cast, ob) -> None:
    assert (
        "Quý I/2025" in login(cast.reporter).get(reverse("reporting:obligations")).content.decode()
    )
    received = login(cast.officer).get(reverse("reporting:obligations") + "?scope=received")
    assert "Sở Nội vụ tỉnh Mẫu" in received.content.decode()
    follow = login(cast.officer).get(reverse("reporting:followup"))
    assert follow.status_code == 200
    assert "Sở Nội vụ tỉnh Mẫu" in follow.content.decode()
    outsider = login(cast.outsider).get(reverse("reporting:obligations") + "?scope=received")
    assert "Sở Nội vụ" not in outsider.content.decode()


def test_focal_officer_receives_reports_addressed_to_the_body_it_serves(cast) -> None:
    from trienkhai.web.plans.models import ReportingDuty
    from trienkhai.web.reporting.access import rights_for

    ob = department_obligation(cast)
    ReportingDuty.objects.update(via_unit=None)
    ob.via = None
    ob.save()
    ob.plan.followed_by.clear()
    rights = rights_for(cast.officer, ob)  # Ban Dân vận serves the Tỉnh ủy, the recipient
    assert rights.view and rights.decide and not rights.edit
    assert not rights_for(cast.district_reporter, ob).view


def test_pages_in_english(cast, ob) -> None:
    from django.utils import translation

    with translation.override("vi"):  # restore the language the request switches
        client = login(cast.reporter)
        client.cookies["django_language"] = "en"
        page = client.get(reverse("reporting:obligation", args=[ob.pk]), HTTP_ACCEPT_LANGUAGE="en")
        html = page.content.decode()
        assert 'lang="en"' in html
        assert "Q1 2025" in html and "Quý I/2025" not in html


def test_long_lists_are_paged(cast, ob, monkeypatch) -> None:
    from trienkhai.web.reporting import views

    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    client = login(cast.officer)
    first = client.get(reverse("reporting:obligations") + "?scope=received").content.decode()
    assert "Trang 1/" in first
    second = client.get(reverse("reporting:obligations") + "?scope=received&page=2")
    assert second.status_code == 200 and "Trang 2/" in second.content.decode()
    follow = client.get(reverse("reporting:followup") + "?page=2").content.decode()
    assert "Trang 2/" in follow


def test_head_finds_reports_waiting_for_approval(cast, ob) -> None:
    services.open_report(ob, cast.reporter).submit(cast.reporter)
    client = login(cast.head)
    waiting = client.get(reverse("reporting:obligations") + "?report=submitted")
    html = waiting.content.decode()
    assert f'href="{reverse("reporting:obligation", args=[ob.pk])}"' in html
    assert "Quý II/2025" not in html  # the other quarters have no report waiting
