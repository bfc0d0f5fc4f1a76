"""The Django admin of the registries opens for an administrator, on every registered model."""

from __future__ import annotations

import pytest

from trienkhai.web.plans.importer import store_extraction

from .cast import PASSWORD, sample_extraction

PAGES = [
    "orgs/unit/",
    "orgs/unit/?q=Sở+Nội+vụ",
    "orgs/unitalias/",
    "orgs/unresolvedbody/",
    "accounts/membership/",
    "accounts/apitoken/",
    "auth/user/",
    "plans/plan/",
    "plans/planversion/",
    "plans/assignment/",
    "audit/changelog/",
]


@pytest.fixture
def root_client(client, django_user_model):
    root = django_user_model.objects.create_superuser("root", "r@example.test", PASSWORD)
    client.force_login(root)
    return client


@pytest.mark.parametrize("page", PAGES)
def test_admin_lists_open(cast, root_client, page: str) -> None:
    response = root_client.get(f"/quan-tri/{page}")
    assert response.status_code == 200


def test_admin_change_pages_open(cast, root_client) -> None:
    version = store_extraction(sample_extraction(), cast.party_committee).version
    for url in (
        f"/quan-tri/orgs/unit/{cast.department.pk}/change/",
        f"/quan-tri/plans/plan/{version.plan_id}/change/",
        f"/quan-tri/plans/planversion/{version.pk}/change/",
        f"/quan-tri/auth/user/{cast.reporter.pk}/change/",
    ):
        assert root_client.get(url).status_code == 200, url


def test_admin_labels_are_vietnamese(cast, root_client) -> None:
    page = root_client.get("/quan-tri/orgs/unit/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "đơn vị" in page.lower()


def test_unit_list_shows_validity_and_successor_in_one_column(cast, root_client) -> None:
    cast.district.successor = cast.province
    cast.district.save()
    html = root_client.get("/quan-tri/orgs/unit/?q=Mẫu+Sơn").content.decode()
    assert "đến 30/06/2025 → Tỉnh Mẫu" in html
