"""The REST API: tokens, scoped reads, the report cycle through writes, and both refusals."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from trienkhai.web.accounts.models import ApiToken
from trienkhai.web.reporting.models import Report, ReportEvent

from .reporting_helpers import department_obligation

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    _token, raw = ApiToken.issue(user, "test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


@pytest.fixture
def ob(cast):
    return department_obligation(cast)


def test_requests_without_a_valid_token_are_refused(cast, ob) -> None:
    assert Client().get("/api/units").status_code == 401
    bad = Client(HTTP_AUTHORIZATION="Bearer tk_not-a-token")
    assert bad.get("/api/obligations").status_code == 401
    token, raw = ApiToken.issue(cast.reporter, "revoked")
    ApiToken.objects.filter(pk=token.pk).update(revoked_at="2025-01-01T00:00:00Z")
    assert Client(HTTP_AUTHORIZATION=f"Bearer {raw}").get("/api/units").status_code == 401


def test_openapi_schema_and_docs_are_served(cast) -> None:
    schema = Client().get("/api/openapi.json").json()
    assert "/api/reports/{report_id}/submit" in schema["paths"]
    session = Client()
    session.force_login(cast.reporter)
    assert session.get("/api/docs").status_code == 200


def test_reads_are_scoped_like_the_pages(cast, ob) -> None:
    reporter, outsider = client_for(cast.reporter), client_for(cast.outsider)
    codes = {u["code"] for u in reporter.get("/api/units").json()["items"]}
    assert "mau-snv" in codes and "khac-vp" not in codes
    assert outsider.get("/api/units/mau-snv").status_code == 404
    assert reporter.get(f"/api/plans/{ob.plan_id}").json()["reporting"][0]["via_text"]
    assert outsider.get(f"/api/plans/{ob.plan_id}").status_code == 404
    assert outsider.get(f"/api/plans/{ob.plan_id}/tasks").status_code == 404
    tasks = reporter.get(f"/api/plans/{ob.plan_id}/tasks").json()
    assert tasks["count"] == 2
    mine = reporter.get("/api/obligations").json()
    assert mine["count"] == 4 and {o["unit_id"] for o in mine["items"]} == {cast.department.pk}
    assert outsider.get("/api/obligations").json()["count"] == 0
    assert outsider.get(f"/api/obligations/{ob.pk}").status_code == 404
    assigned = reporter.get("/api/assignments", {"plan": ob.plan_id}).json()
    assert {a["unit_id"] for a in assigned["items"]} == {cast.department.pk}
    periods = reporter.get("/api/periods", {"year": 2025}).json()["items"]
    assert [p["label"] for p in periods] == [
        "Quý I/2025",
        "Quý II/2025",
        "Quý III/2025",
        "Quý IV/2025",
    ]
    officer = client_for(cast.officer).get("/api/obligations", {"period": ob.period_id}).json()
    assert officer["count"] == 2  # the focal body receives both units' reports


def test_report_cycle_through_the_api(cast, ob) -> None:
    reporter = client_for(cast.reporter)
    created = reporter.post(f"/api/obligations/{ob.pk}/report", HTTP_IDEMPOTENCY_KEY="open-1")
    assert created.status_code == 201
    report = created.json()
    again = reporter.post(f"/api/obligations/{ob.pk}/report", HTTP_IDEMPOTENCY_KEY="open-1")
    assert again.status_code == 200 and again.json()["id"] == report["id"]
    entry = report["entries"][0]["assignment_id"]
    target = client_for(cast.reporter).get(f"/api/plans/{ob.plan_id}").json()["targets"][0]["id"]
    body = {
        "version": report["version"],
        "summary": "Tóm tắt",
        "entries": [{"assignment": entry, "status": "done", "narrative": "Đã làm"}],
        "targets": [{"target": target, "value": "86.5", "note": ""}],
    }
    saved = reporter.put(f"/api/reports/{report['id']}", body, content_type="application/json")
    assert saved.status_code == 200, saved.content
    assert saved.json()["version"] == report["version"] + 1
    stale = reporter.put(f"/api/reports/{report['id']}", body, content_type="application/json")
    assert stale.status_code == 409 and "Người khác" in stale.json()["detail"]
    for _ in range(2):  # a retry after a lost answer
        sent = reporter.post(
            f"/api/reports/{report['id']}/submit",
            {},
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY="submit-1",
        )
        assert sent.status_code == 200 and sent.json()["state"] == "submitted"
    assert ReportEvent.objects.filter(report_id=report["id"], kind="submitted").count() == 1
    head = client_for(cast.head)
    assert head.post(f"/api/reports/{report['id']}/approve").json()["state"] == "approved"
    officer = client_for(cast.officer)
    empty = officer.post(
        f"/api/reports/{report['id']}/return", {"comment": ""}, content_type="application/json"
    )
    assert empty.status_code == 400
    back = officer.post(
        f"/api/reports/{report['id']}/return",
        {"comment": "Bổ sung"},
        content_type="application/json",
    )
    assert back.json()["state"] == "returned"
    reporter.post(f"/api/reports/{report['id']}/submit", {}, content_type="application/json")
    head.post(f"/api/reports/{report['id']}/approve")
    done = officer.post(f"/api/reports/{report['id']}/accept", {}, content_type="application/json")
    assert done.json()["state"] == "accepted"
    kinds = [e["kind"] for e in reporter.get(f"/api/reports/{report['id']}/events").json()]
    assert kinds[-3:] == ["resubmitted", "approved", "accepted"]


@pytest.mark.parametrize(
    ("path", "state", "read_only"),
    [
        ("submit", "draft", "viewer"),
        ("approve", "submitted", "reporter"),
        ("accept", "approved", "head"),
        ("return", "approved", "viewer"),
    ],
)
def test_writes_refuse_outsiders_and_read_only_users(cast, ob, path, state, read_only) -> None:
    from trienkhai.web.reporting import services

    report = services.open_report(ob, cast.reporter)
    if state in ("submitted", "approved"):
        report.submit(cast.reporter)
    if state == "approved":
        report.approve(cast.head)
    url = f"/api/reports/{report.pk}/{path}"
    data = {"comment": "x"}
    assert (
        client_for(cast.outsider).post(url, data, content_type="application/json").status_code
        == 404
    )
    assert (
        client_for(getattr(cast, read_only))
        .post(url, data, content_type="application/json")
        .status_code
        == 403
    )
    assert Report.objects.get(pk=report.pk).state == state


def test_create_and_save_refusals(cast, ob) -> None:
    assert client_for(cast.viewer).post(f"/api/obligations/{ob.pk}/report").status_code == 403
    assert client_for(cast.outsider).post(f"/api/obligations/{ob.pk}/report").status_code == 404
    report = client_for(cast.reporter).post(f"/api/obligations/{ob.pk}/report").json()
    body = {"version": report["version"], "summary": "x"}
    put = client_for(cast.head).put(
        f"/api/reports/{report['id']}", body, content_type="application/json"
    )
    assert put.status_code == 403
    invalid = client_for(cast.reporter).put(
        f"/api/reports/{report['id']}",
        {"version": report["version"], "entries": [{"assignment": 1, "status": "bogus"}]},
        content_type="application/json",
    )
    assert invalid.status_code == 422


def test_import_target_values_through_the_api(cast, ob) -> None:
    reporter = client_for(cast.reporter)
    report = reporter.post(f"/api/obligations/{ob.pk}/report").json()
    upload = SimpleUploadedFile("gia-tri.csv", "STT,Giá trị,Ghi chú\n1,90,\n2,100,đạt\n".encode())
    response = reporter.post(f"/api/reports/{report['id']}/target-values", {"file": upload})
    assert response.status_code == 200, response.content
    values = sorted(float(v["value"]) for v in response.json()["target_values"])
    assert values == [90.0, 100.0]
    broken = SimpleUploadedFile("gia-tri.xlsx", b"not a workbook")
    response = reporter.post(f"/api/reports/{report['id']}/target-values", {"file": broken})
    assert response.status_code == 400 and "Excel" in response.json()["detail"]


def test_token_page_issues_once_and_revokes(cast) -> None:
    from django.urls import reverse

    page = Client()
    page.force_login(cast.reporter)
    created = page.post(reverse("api-tokens"), {"name": "Hệ thống văn bản"})
    raw = created.context["raw"]
    assert raw.startswith("tk_") and raw in created.content.decode()
    assert raw not in page.get(reverse("api-tokens")).content.decode()  # shown once
    api = Client(HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert api.get("/api/units").status_code == 200
    token = ApiToken.objects.get(user=cast.reporter)
    other = Client()
    other.force_login(cast.outsider)
    assert other.post(reverse("api-token-revoke", args=[token.pk])).status_code == 404
    page.post(reverse("api-token-revoke", args=[token.pk]))
    assert api.get("/api/units").status_code == 401
    assert Client().get(reverse("api-tokens")).status_code == 302


def test_issue_api_token_command(cast, capsys) -> None:
    from django.core.management import call_command
    from django.core.management.base import CommandError

    call_command("issue_api_token", "head", "tích hợp")
    raw = capsys.readouterr().out.strip()
    assert ApiToken.authenticate(raw).user == cast.head
    with pytest.raises(CommandError):
        call_command("issue_api_token", "khong-co", "x")
