"""The document graph and the cascade: a tree from a resolution (in the registry or not) down
through every plan that carries it out, as each viewer may see it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.http import Http404
from django.test import Client
from django.urls import reverse

from trienkhai.web.plans import graph
from trienkhai.web.plans.access import get_plan, visible_plans
from trienkhai.web.plans.importer import store_extraction
from trienkhai.web.plans.models import PlanVersion
from trienkhai.web.plans.publish import publish

from .plan_text import extraction, store_draft

pytestmark = pytest.mark.django_db

REF_URL = reverse("plans:cascade_ref") + "?so=27-CTr/TU&ngay=2024-12-12"


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def province(cast) -> PlanVersion:
    """The focal body's plan 12-KH/BDVTU, carrying out programme 27-CTr/TU (not uploaded)."""
    version = store_draft(cast.focal_body, cast.officer)
    publish(version, cast.officer)
    return version


def _plan(unit, user, number: str, implements: str, date: str = "2025-01-10") -> PlanVersion:
    data = extraction()
    data["document"] |= {"number": number, "date": "2025-02-01", "issuer": unit.name}
    data["implements"] = [{"kind": "ke_hoach", "number": implements, "date": date}]
    data["tasks"][0]["text"] = f"{unit.name} rà soát, sắp xếp tổ chức bộ máy năm 2025 ({number})."
    return store_extraction(data, unit, user).version


@pytest.fixture
def district(cast, province) -> PlanVersion:
    """The district's plan carrying out the province's."""
    return _plan(cast.district_committee, cast.admin, "5-KH/UBND", "12-KH/BDVTU")


def test_focal_body_follows_the_plans_carrying_out_its_plans(cast, province, district) -> None:
    plan, access = get_plan(cast.officer, district.plan_id)
    assert access.view and not access.edit  # read-only: the district corrects its own plan
    assert plan in visible_plans(cast.officer)
    for who in (cast.outsider, cast.reporter):
        with pytest.raises(Http404):
            get_plan(who, district.plan_id)


def test_following_goes_down_the_chain_but_not_sideways(cast, province, district) -> None:
    grandchild = _plan(cast.other_office, cast.admin, "9-KH/XA", "5-KH/UBND", "2025-02-01")
    sideways = _plan(cast.other_office, cast.admin, "7-KH/KHAC", "27-CTr/TU", "2024-12-12")
    seen = set(visible_plans(cast.officer).values_list("pk", flat=True))
    assert grandchild.plan_id in seen
    assert sideways.plan_id not in seen  # another province carrying out the same programme


def test_cascade_from_a_document_outside_the_registry(cast, province, district) -> None:
    other = _plan(cast.other_office, cast.admin, "7-KH/KHAC", "27-CTr/TU", "2024-12-12")
    root = get_user_model().objects.create_superuser("goc", "goc@example.test", "x-2025-goc")
    html = _client(root).get(REF_URL).content.decode()
    for number in ("27-CTr/TU", "12-KH/BDVTU", "5-KH/UBND", "7-KH/KHAC"):
        assert number in html
    assert reverse("plans:compare", args=[province.plan_id, district.plan_id]) in html
    assert "chưa so sánh được" in html  # the programme's own text is not in the system
    officer = _client(cast.officer).get(REF_URL).content.decode()
    assert "5-KH/UBND" in officer and "7-KH/KHAC" not in officer
    assert other.plan_id not in visible_plans(cast.officer).values_list("pk", flat=True)


@pytest.mark.parametrize(
    "query", ["?so=27-CTr/TU", "?so=99-NQ/TW", "?so=", "?so=27-CTr/TU&ngay=2024-02-30"]
)
def test_cascade_of_an_outside_document_refuses_outsiders_and_bad_queries(
    cast, province, query
) -> None:
    url = reverse("plans:cascade_ref") + query
    status = _client(cast.outsider).get(url).status_code
    assert status == 404
    if query == "?so=27-CTr/TU":
        assert _client(cast.officer).get(url).status_code == 200


def test_focal_officer_sees_the_cascade_with_its_comparisons(cast, province, district) -> None:
    page = _client(cast.officer).get(reverse("plans:cascade", args=[province.plan_id]))
    html = page.content.decode()
    assert 'class="tree"' in html and "5-KH/UBND" in html
    compare = reverse("plans:compare", args=[province.plan_id, district.plan_id])
    assert compare in html
    assert _client(cast.officer).get(compare).status_code == 200
    assert _client(cast.outsider).get(compare).status_code == 404


def test_a_hidden_plan_on_the_chain_hangs_its_children_on_the_nearest_seen_one(
    cast, province, district
) -> None:
    grandchild = _plan(cast.other_office, cast.admin, "9-KH/XA", "5-KH/UBND", "2025-02-01")
    tree = graph.cascade_tree(
        province.plan, {province.plan_id, grandchild.plan_id}, lambda p, c: f"{p.pk}-{c.pk}"
    )
    (only,) = tree.children
    assert only.plan.pk == grandchild.plan_id and only.through_hidden
    assert only.compare_url is None
    full = graph.cascade_tree(province.plan, None, lambda p, c: f"{p.pk}-{c.pk}")
    assert full.size == 3
    assert full.children[0].compare_url == f"{province.plan_id}-{district.plan_id}"


def test_graph_draws_parents_and_children_with_their_comparisons(cast, province, district) -> None:
    html = _client(cast.officer).get(reverse("plans:graph", args=[province.plan_id])).content
    html = html.decode()
    assert 'class="flow"' in html
    assert reverse("plans:compare", args=[province.plan_id, district.plan_id]) in html
    assert "so=27-CTr%2FTU" in html  # the programme outside the registry leads to its cascade
