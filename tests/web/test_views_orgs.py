"""Unit pages and the unresolved-bodies queue: outsider 404, read-only 403, and the officer
resolving a body once so that the alias is remembered and the missing assignments made."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from trienkhai.web.orgs.models import UnitAlias, UnresolvedBody, UnresolvedStatus
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
    assert "Huyện Mẫu Sơn" not in client.get(reverse("orgs:tree")).content.decode()
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
