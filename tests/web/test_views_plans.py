"""Plan pages: every view refuses outsiders (404) and read-only people (403), and bad input
gives a clear message with nothing half-saved."""

from __future__ import annotations

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from trienkhai.web.plans.importer import store_extraction
from trienkhai.web.plans.models import Assignment, Plan, PlanVersion, Target, Task, VersionStatus
from trienkhai.web.plans.publish import publish

from .plan_text import PLAN_TXT, extraction, store_draft

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def draft(cast) -> PlanVersion:
    return store_draft(cast.focal_body, cast.officer)


@pytest.fixture
def published(cast, draft) -> PlanVersion:
    publish(draft, cast.officer)
    draft.refresh_from_db()
    return draft


def _upload(client: Client, data: bytes = PLAN_TXT, name: str = "kh.txt", code: str = "mau-bdv"):
    return client.post(
        reverse("plans:upload"), {"file": SimpleUploadedFile(name, data), "unit_code": code}
    )


# --- upload -----------------------------------------------------------------------------------


def test_officer_uploads_and_lands_on_the_review(cast) -> None:
    client = _client(cast.officer)
    response = _upload(client)
    assert response.status_code == 302
    version = PlanVersion.objects.get()
    assert response["Location"] == reverse("plans:version", args=[version.pk])
    assert version.status == VersionStatus.DRAFT
    assert version.plan.number == "12-KH/BDVTU"  # the engine read the header
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Công bố và giao nhiệm vụ" in page.content.decode()


def test_review_marks_the_extraction_in_the_source(cast, draft) -> None:
    html = _client(cast.officer).get(reverse("plans:version", args=[draft.pk])).content.decode()
    assert '<mark class="hl-body">Sở Nội vụ</mark>' in html
    assert '<mark class="hl-citation">27-CTr/TU</mark>' in html
    assert '<mark class="hl-deadline">Quý IV/2025</mark>' in html
    assert '<mark class="hl-target">phấn đấu trên 85% cán bộ được bồi dưỡng</mark>' in html
    first_task = draft.tasks.first()
    assert f'id="task-{first_task.pk}"' in html
    assert 'class="is-task"' in html


@pytest.mark.parametrize("who", ["viewer", "reporter", "outsider"])
def test_upload_refused_without_an_editing_role(cast, who) -> None:
    client = _client(getattr(cast, who))
    assert client.get(reverse("plans:upload")).status_code == 403
    assert _upload(client).status_code == 403
    assert not Plan.objects.exists()


def test_unreadable_upload_is_a_message(cast) -> None:
    page = _upload(_client(cast.officer), b"%PDF-1.4 garbage \x00\x01", "hong.pdf")
    assert page.status_code == 200
    assert "Không đọc được" in page.content.decode() or "Không trích xuất" in page.content.decode()
    assert not Plan.objects.exists()


def test_wrong_kind_of_file_is_a_message(cast) -> None:
    page = _upload(_client(cast.officer), b"MZ\x90\x00", "virus.exe")
    assert "Chỉ nhận tệp .txt, .docx hoặc .pdf" in page.content.decode()
    assert not Plan.objects.exists()


def test_oversized_upload_is_a_message(cast, settings) -> None:
    settings.TRIENKHAI_MAX_UPLOAD_MB = 1
    page = _upload(_client(cast.officer), PLAN_TXT + b" " * (1024 * 1024 + 10))
    assert page.status_code == 200
    assert "Tệp quá lớn" in page.content.decode()
    assert not Plan.objects.exists()


def test_duplicate_upload_is_refused_and_names_the_plan(cast, draft) -> None:
    page = _upload(_client(cast.officer))
    html = page.content.decode()
    assert page.status_code == 200
    assert "đã có trong hệ thống" in html
    assert reverse("plans:detail", args=[draft.plan_id]) in html
    assert Plan.objects.count() == 1 and PlanVersion.objects.count() == 1


def test_unknown_unit_code_is_a_message(cast) -> None:
    page = _upload(_client(cast.officer), code="khong-co-ma-nay")
    assert "Không có đơn vị nào mang mã “khong-co-ma-nay”" in page.content.decode()
    assert not Plan.objects.exists()


def test_unit_outside_reach_is_a_message(cast) -> None:
    page = _upload(_client(cast.officer), code="khac-vp")
    assert "Bạn không được nhập văn bản cho" in page.content.decode()
    assert not Plan.objects.exists()


# --- reading pages: outsider 404, viewer 200 ----------------------------------------------------

READ_PAGES = ["plans:detail", "plans:versions", "plans:graph", "plans:cascade"]


@pytest.mark.parametrize("name", READ_PAGES)
def test_read_pages(cast, published, name) -> None:
    url = reverse(name, args=[published.plan_id])
    assert _client(cast.outsider).get(url).status_code == 404
    assert _client(cast.viewer).get(url).status_code == 200
    assert _client(cast.officer).get(url).status_code == 200


def test_version_page_refuses_outsider(cast, draft) -> None:
    url = reverse("plans:version", args=[draft.pk])
    assert _client(cast.outsider).get(url).status_code == 404
    page = _client(cast.viewer).get(url)
    assert page.status_code == 200
    assert "Công bố và giao nhiệm vụ" not in page.content.decode()


def test_plan_list_shows_only_plans_in_reach(cast, draft) -> None:
    assert draft.plan.number in _client(cast.viewer).get(reverse("plans:list")).content.decode()
    outsider_page = _client(cast.outsider).get(reverse("plans:list")).content.decode()
    assert draft.plan.number not in outsider_page


# --- publish and revise -------------------------------------------------------------------------


def test_publish_refusals_and_success(cast, draft) -> None:
    url = reverse("plans:publish", args=[draft.pk])
    assert _client(cast.outsider).post(url).status_code == 404
    assert _client(cast.viewer).post(url).status_code == 403
    assert _client(cast.officer).get(url).status_code == 405
    assert not Assignment.objects.exists()
    response = _client(cast.officer).post(url, follow=True)
    assert "Đã công bố" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == VersionStatus.PUBLISHED
    assert Assignment.objects.filter(unit=cast.department).exists()
    assert "Đã giao cho" in response.content.decode()  # the review lists who got each task


def test_publishing_twice_is_a_message(cast, published) -> None:
    response = _client(cast.officer).post(
        reverse("plans:publish", args=[published.pk]), follow=True
    )
    assert "đã được công bố" in response.content.decode()


def test_revise_makes_a_new_draft_and_keeps_the_published_one(cast, published) -> None:
    url = reverse("plans:revise", args=[published.pk])
    assert _client(cast.outsider).post(url).status_code == 404
    assert _client(cast.viewer).post(url).status_code == 403
    response = _client(cast.officer).post(url)
    assert response.status_code == 302
    assert published.plan.versions.count() == 2
    published.refresh_from_db()
    assert published.status == VersionStatus.PUBLISHED


# --- corrections --------------------------------------------------------------------------------


def test_edit_task_refusals_and_save(cast, draft) -> None:
    task = draft.tasks.first()
    url = reverse("plans:edit_task", args=[draft.pk, task.pk])
    assert _client(cast.outsider).get(url).status_code == 404
    assert _client(cast.viewer).get(url).status_code == 403
    officer = _client(cast.officer)
    assert officer.get(url).status_code == 200
    data = {
        "section": "II.1",
        "text": "Rà soát tổ chức bộ máy.",
        "lead": "Sở Nội vụ\nỦy ban nhân dân tỉnh",
        "support": "",
        "requested": "",
        "due_text": "Quý IV/2025",
        "output": "",
        "group": "",
    }
    assert officer.post(url, data).status_code == 302
    task.refresh_from_db()
    assert task.text == "Rà soát tổ chức bộ máy."
    assert task.lead == ["Sở Nội vụ", "Ủy ban nhân dân tỉnh"]


def test_edit_task_with_empty_text_is_refused(cast, draft) -> None:
    task = draft.tasks.first()
    before = task.text
    page = _client(cast.officer).post(
        reverse("plans:edit_task", args=[draft.pk, task.pk]), {"section": "", "text": ""}
    )
    assert page.status_code == 200
    assert "errorlist" in page.content.decode()
    task.refresh_from_db()
    assert task.text == before


def test_published_task_cannot_be_edited(cast, published) -> None:
    task = published.tasks.first()
    before = task.text
    response = _client(cast.officer).post(
        reverse("plans:edit_task", args=[published.pk, task.pk]), {"text": "khác"}, follow=True
    )
    assert "không được sửa" in response.content.decode()
    task.refresh_from_db()
    assert task.text == before


def test_task_of_another_version_is_404(cast, draft) -> None:
    other_extraction = extraction()
    other_extraction["document"]["number"] = "13-KH/BDVTU"
    other = store_extraction(other_extraction, cast.focal_body, cast.officer).version
    task = other.tasks.first()
    url = reverse("plans:edit_task", args=[draft.pk, task.pk])
    assert _client(cast.officer).get(url).status_code == 404


def test_edit_target(cast, draft) -> None:
    target = Target.objects.create(
        version=draft, order=99, text="Trên 85% cán bộ", comparator=">", value=85, unit="%"
    )
    url = reverse("plans:edit_target", args=[draft.pk, target.pk])
    assert _client(cast.outsider).get(url).status_code == 404
    assert _client(cast.viewer).post(url, {}).status_code == 403
    bad = _client(cast.officer).post(
        url, {"text": "x", "comparator": "between", "value": "80", "unit": "%"}
    )
    assert "cận trên" in bad.content.decode()
    good = {"text": "Từ 80 đến 90% cán bộ", "comparator": "between", "value": "80"}
    good |= {"value_high": "90", "unit": "%", "year": "2025"}
    assert _client(cast.officer).post(url, good).status_code == 302
    target.refresh_from_db()
    assert (target.value, target.value_high, target.year) == (80, 90, 2025)


def test_edit_reporting_duty(cast, draft) -> None:
    duty = draft.reporting_duties.first()
    assert duty is not None, "the engine should find the reporting duty of PLAN_TXT"
    url = reverse("plans:edit_duty", args=[draft.pk, duty.pk])
    assert _client(cast.outsider).get(url).status_code == 404
    assert _client(cast.viewer).get(url).status_code == 403
    officer = _client(cast.officer)
    bad = officer.post(url, {"frequencies": ["annual"], "deadlines": "31/02"})
    assert bad.status_code == 200
    data = {"frequencies": ["annual", "semiannual"], "deadlines": "10/12, 15/6"}
    data |= {"recipient_text": "Ban Thường vụ Tỉnh ủy", "via_text": "Ban Dân vận Tỉnh ủy"}
    assert officer.post(url, data).status_code == 302
    duty.refresh_from_db()
    assert duty.deadlines == ["12-10", "06-15"]
    assert duty.frequencies == ["annual", "semiannual"]


# --- inbox --------------------------------------------------------------------------------------


def test_unit_inbox_lists_its_assignments(cast, published) -> None:
    reporter = _client(cast.reporter)
    page = reporter.get(reverse("plans:inbox"))
    assert page.status_code == 200
    task = Task.objects.filter(version=published, assignments__unit=cast.department).first()
    assert task.text[:40] in page.content.decode()
    unit_page = reporter.get(reverse("plans:unit_inbox", args=[cast.department.pk]))
    assert unit_page.status_code == 200


def test_inbox_of_another_unit_is_404(cast, published) -> None:
    url = reverse("plans:unit_inbox", args=[cast.department.pk])
    assert _client(cast.outsider).get(url).status_code == 404
    own = _client(cast.outsider).get(reverse("plans:inbox")).content.decode()
    assert "Chưa có nhiệm vụ nào được giao" in own


# --- cascade and comparison ---------------------------------------------------------------------


@pytest.fixture
def child(cast, published) -> PlanVersion:
    """A district plan carrying out the province plan (its ``implements`` names 12-KH/BDVTU)."""
    data = extraction()
    data["document"] |= {"number": "5-KH/UBND", "date": "2025-02-01", "issuer": "UBND huyện"}
    data["implements"] = [{"kind": "ke_hoach", "number": "12-KH/BDVTU", "date": "2025-01-10"}]
    data["tasks"][0]["text"] = "Ủy ban nhân dân huyện rà soát, sắp xếp tổ chức bộ máy năm 2025."
    return store_extraction(data, cast.district_committee, cast.admin).version


def test_cascade_links_the_child_and_its_comparison(cast, published, child) -> None:
    page = _client(cast.admin).get(reverse("plans:cascade", args=[published.plan_id]))
    html = page.content.decode()
    assert "5-KH/UBND" in html
    compare_url = reverse("plans:compare", args=[published.plan_id, child.plan_id])
    assert compare_url in html
    report = _client(cast.admin).get(compare_url)
    assert report.status_code == 200
    assert "<html" in report.content.decode().lower()


def test_comparison_refuses_who_cannot_see_both(cast, published, child) -> None:
    url = reverse("plans:compare", args=[published.plan_id, child.plan_id])
    assert _client(cast.outsider).get(url).status_code == 404


def test_add_and_delete_task_on_a_draft(cast, draft) -> None:
    add_url = reverse("plans:add_task", args=[draft.pk])
    assert _client(cast.outsider).get(add_url).status_code == 404
    assert _client(cast.viewer).post(add_url, {"text": "x"}).status_code == 403
    officer = _client(cast.officer)
    count = draft.tasks.count()
    assert (
        officer.post(
            add_url, {"section": "III", "text": "Sơ kết một năm.", "lead": "Sở Nội vụ"}
        ).status_code
        == 302
    )
    added = draft.tasks.get(text="Sơ kết một năm.")
    assert added.lead == ["Sở Nội vụ"] and added.order == count + 1
    delete_url = reverse("plans:delete_task", args=[draft.pk, added.pk])
    assert _client(cast.viewer).post(delete_url).status_code == 403
    assert officer.get(delete_url).status_code == 405
    assert officer.post(delete_url).status_code == 302
    assert draft.tasks.count() == count


def test_published_tasks_cannot_be_added_or_deleted(cast, published) -> None:
    officer = _client(cast.officer)
    count = published.tasks.count()
    officer.post(reverse("plans:add_task", args=[published.pk]), {"text": "Thêm."})
    task = published.tasks.first()
    officer.post(reverse("plans:delete_task", args=[published.pk, task.pk]))
    assert published.tasks.count() == count


def test_plan_list_counts_the_tasks_of_the_version_in_force(cast, published) -> None:
    _client(cast.officer).post(reverse("plans:revise", args=[published.pk]))  # draft v2
    page = _client(cast.officer).get(reverse("plans:list"))
    plan = page.context["plans"][0]
    assert plan.task_count == published.tasks.count() == 3


def test_docx_upload_is_read(cast) -> None:
    document = docx.Document()
    for line in PLAN_TXT.decode().splitlines():
        if line.strip():
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    response = _upload(_client(cast.officer), buffer.getvalue(), "ke-hoach.docx")
    assert response.status_code == 302
    version = PlanVersion.objects.get()
    assert version.source_name == "ke-hoach.docx"
    assert version.plan.number == "12-KH/BDVTU"


def test_inbox_filters_by_state(cast, published) -> None:
    reporter = _client(cast.reporter)
    Assignment.objects.filter(unit=cast.department).update(state="done")
    open_page = reporter.get(reverse("plans:inbox") + "?tinh_trang=open")
    assert open_page.context["assignments"] == []
    done_page = reporter.get(reverse("plans:inbox") + "?tinh_trang=done")
    assert len(done_page.context["assignments"]) == done_page.context["total"] > 0


def test_graph_shows_what_implements_and_cites_the_plan(cast, published, child) -> None:
    page = _client(cast.admin).get(reverse("plans:graph", args=[published.plan_id]))
    html = page.content.decode()
    assert "27-CTr/TU" in html  # the programme it implements, not in the system
    assert "5-KH/UBND" in html  # the district plan that carries it out


def test_revised_file_becomes_a_new_version_only_when_asked(cast, published) -> None:
    text = PLAN_TXT.decode().replace("TRƯỞNG BAN", "4. Sơ kết việc thực hiện.\n\nTRƯỞNG BAN")
    revised = text.encode()
    refused = _upload(_client(cast.officer), revised)
    assert "đã có trong hệ thống" in refused.content.decode()
    url = reverse("plans:upload") + f"?ke_hoach={published.plan_id}"
    assert _client(cast.outsider).get(url).status_code == 404
    assert _client(cast.viewer).get(url).status_code == 403
    response = _client(cast.officer).post(
        url, {"file": SimpleUploadedFile("kh-12-sua.txt", revised), "unit_code": "mau-bdv"}
    )
    assert response.status_code == 302
    assert Plan.objects.count() == 1
    assert list(published.plan.versions.values_list("number", "status")) == [
        (1, VersionStatus.PUBLISHED),
        (2, VersionStatus.DRAFT),
    ]


def test_review_of_a_correction_says_what_publishing_does_to_assignments(cast, published) -> None:
    client = _client(cast.officer)
    client.post(reverse("plans:revise", args=[published.pk]))
    second = published.plan.latest_version()
    page = client.get(reverse("plans:version", args=[second.pk]))
    shown = page.context["republish"]
    open_now = Assignment.objects.filter(task__version=published, state="open").count()
    assert (shown.carried, shown.new, shown.cancelled) == (open_now, 0, 0)
    assert "Khi công bố phiên bản này" in page.content.decode()
    done = client.post(reverse("plans:publish", args=[second.pk]), follow=True)
    assert f"{open_now} giao nhiệm vụ được chuyển sang phiên bản này" in done.content.decode()
    assert (
        _client(cast.officer).get(reverse("plans:version", args=[second.pk])).context["republish"]
        is None
    )
