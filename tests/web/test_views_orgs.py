"""Unit pages and the unresolved-bodies queue: outsider 404, read-only 403, and the officer
resolving a body once so that the alias is remembered and the missing assignments made."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from trienkhai.web.orgs.models import Unit, UnitAlias, UnresolvedBody, UnresolvedStatus
from trienkhai.web.plans.models import Assignment
from trienkhai.web.plans.publish import publish

from .plan_text import store_draft

pytestmark = pytest.mark.django_db

NEW_BODY = "Ban Quản lý dự án Hồ Xanh"  # named in the plan, absent from the registry


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def queued(cast) -> UnresolvedBody:
    version = store_draft(cast.focal_body, cast.officer)
    publish(version, cast.officer)
    return UnresolvedBody.objects.get(text=NEW_BODY)


def test_tree_shows_only_units_in_reach(cast) -> None:
    page = _client(cast.viewer).get(reverse("orgs:tree")).content.decode()
    assert "Sở Nội vụ tỉnh Mẫu" in page
    assert "Tỉnh Khác" not in page
    outsider = _client(cast.outsider).get(reverse("orgs:tree")).content.decode()
    assert "Sở Nội vụ tỉnh Mẫu" not in outsider


def test_tree_hides_dissolved_units_unless_asked(cast) -> None:
    client = _client(cast.viewer)
    page = client.get(reverse("orgs:tree")).content.decode()
    assert "Huyện Mẫu Sơn" not in page
    assert "2 đơn vị đã giải thể hoặc sáp nhập đang được ẩn" in page
    assert "Huyện Mẫu Sơn" in client.get(reverse("orgs:tree") + "?tat_ca=1").content.decode()


def test_unit_page_refuses_outsider(cast) -> None:
    url = reverse("orgs:unit", args=[cast.department.pk])
    assert _client(cast.outsider).get(url).status_code == 404
    page = _client(cast.viewer).get(url)
    assert page.status_code == 200
    assert "mau-snv" in page.content.decode()


def test_unknown_unit_is_404(cast) -> None:
    assert _client(cast.admin).get(reverse("orgs:unit", args=[999_999])).status_code == 404


def test_queue_lists_bodies_in_reach(cast, queued) -> None:
    assert NEW_BODY in _client(cast.officer).get(reverse("orgs:unresolved")).content.decode()
    assert NEW_BODY not in _client(cast.outsider).get(reverse("orgs:unresolved")).content.decode()


def test_resolve_refusals(cast, queued) -> None:
    url = reverse("orgs:resolve", args=[queued.pk])
    data = {"action": "resolve", "units": [cast.department.pk]}
    assert _client(cast.outsider).get(url).status_code == 404
    assert _client(cast.outsider).post(url, data).status_code == 404
    viewer = _client(cast.viewer)
    page = viewer.get(url)
    assert page.status_code == 200 and '<form method="post"' not in page.content.decode()
    assert viewer.post(url, data).status_code == 403
    queued.refresh_from_db()
    assert queued.status == UnresolvedStatus.OPEN


def test_resolve_without_units_is_a_message(cast, queued) -> None:
    page = _client(cast.officer).post(
        reverse("orgs:resolve", args=[queued.pk]), {"action": "resolve"}
    )
    assert "Hãy chọn ít nhất một đơn vị" in page.content.decode()
    queued.refresh_from_db()
    assert queued.status == UnresolvedStatus.OPEN


def test_resolving_learns_the_alias_and_assigns_the_task(cast, queued) -> None:
    before = Assignment.objects.filter(unit=cast.department).count()
    response = _client(cast.officer).post(
        reverse("orgs:resolve", args=[queued.pk]),
        {"action": "resolve", "units": [cast.department.pk]},
        follow=True,
    )
    assert "Đã ghi nhận" in response.content.decode()
    queued.refresh_from_db()
    assert queued.status == UnresolvedStatus.RESOLVED
    assert UnitAlias.objects.filter(text=NEW_BODY, units=cast.department).exists()
    assert Assignment.objects.filter(unit=cast.department).count() == before + 1


def test_ignoring_learns_nothing(cast, queued) -> None:
    _client(cast.officer).post(reverse("orgs:resolve", args=[queued.pk]), {"action": "ignore"})
    queued.refresh_from_db()
    assert queued.status == UnresolvedStatus.IGNORED
    assert not UnitAlias.objects.filter(text=NEW_BODY).exists()


# --- registry import and export ----------------------------------------------------------------

CSV_HEADER = "code,name,abbreviation,kind,level,parent,aliases,valid_from,valid_to,successor\n"


def test_export_holds_only_units_in_reach(cast) -> None:
    response = _client(cast.viewer).get(reverse("orgs:export", args=["csv"]))
    assert response.status_code == 200
    body = response.content.decode("utf-8-sig")
    assert "mau-snv" in body and "khac-vp" not in body
    xlsx = _client(cast.viewer).get(reverse("orgs:export", args=["xlsx"]))
    assert xlsx.content[:2] == b"PK"
    assert _client(cast.viewer).get(reverse("orgs:export", args=["pdf"])).status_code == 404


def test_import_is_for_registry_administrators_only(cast) -> None:
    assert _client(cast.admin).get(reverse("orgs:import")).status_code == 403  # unit admin
    assert _client(cast.viewer).get(reverse("orgs:import")).status_code == 403


def _superuser(cast):
    cast.admin.is_superuser = True
    cast.admin.save()
    return _client(cast.admin)


def test_import_with_a_bad_row_saves_nothing(cast) -> None:
    rows = CSV_HEADER + "mau-sgd,Sở Giáo dục tỉnh Mẫu,,so,tinh,mau-ubnd,,,,\n"
    rows += "mau-x,Đơn vị lạ,,khong-co-loai,tinh,khong-co-cha,,,,\n"
    before = Unit.objects.count()
    page = _superuser(cast).post(
        reverse("orgs:import"), {"file": SimpleUploadedFile("dv.csv", rows.encode())}
    )
    assert page.status_code == 200
    assert "Tệp chưa được nạp vì có lỗi" in page.content.decode()
    assert Unit.objects.count() == before


def test_import_adds_units(cast) -> None:
    rows = CSV_HEADER + "mau-sgd,Sở Giáo dục tỉnh Mẫu,SGD,so,tinh,mau-ubnd,,01/07/2025,,\n"
    response = _superuser(cast).post(
        reverse("orgs:import"), {"file": SimpleUploadedFile("dv.csv", rows.encode())}, follow=True
    )
    assert "1 đơn vị mới" in response.content.decode()
    assert Unit.objects.get(code="mau-sgd").parent == cast.peoples_committee
