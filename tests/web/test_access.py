"""Who sees and may change which plans, units and assignments; the login throttle."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate
from django.core.exceptions import PermissionDenied
from django.http import Http404

from trienkhai.web.accounts.access import visible_units
from trienkhai.web.accounts.models import ApiToken, LoginFailure
from trienkhai.web.orgs.access import get_unit
from trienkhai.web.plans.access import get_assignment, get_plan, inbox, visible_plans
from trienkhai.web.plans.importer import store_extraction
from trienkhai.web.plans.models import Assignment
from trienkhai.web.plans.publish import publish

from .cast import PASSWORD, sample_extraction


@pytest.fixture
def plan(cast):
    version = store_extraction(sample_extraction(), cast.party_committee, cast.officer).version
    publish(version, cast.officer)
    return version.plan


def test_units_seen_are_the_own_subtree(cast) -> None:
    assert set(visible_units(cast.viewer)) >= {cast.department, cast.district_committee}
    assert cast.other_office not in set(visible_units(cast.viewer))
    assert set(visible_units(cast.reporter)) == {cast.department}


def test_a_unit_without_a_path_reaches_nothing(cast) -> None:
    """A membership on a unit bulk-inserted before rebuild_tree (empty path) must not act as
    the prefix of every unit's path."""
    from trienkhai.web.orgs.models import Unit

    Unit.objects.filter(pk=cast.department.pk).update(path="")
    assert set(visible_units(cast.reporter)) == set()


def test_unit_refusals(cast) -> None:
    with pytest.raises(Http404):
        get_unit(cast.outsider, cast.department.pk)
    with pytest.raises(PermissionDenied):
        get_unit(cast.viewer, cast.department.pk, need="edit")
    unit, access = get_unit(cast.admin, cast.department.pk, need="edit")
    assert unit == cast.department and access.edit and access.resolve
    with pytest.raises(Http404):
        get_unit(cast.admin, 10**9)


@pytest.mark.parametrize(
    ("who", "view", "edit"),
    [
        ("admin", True, True),
        ("officer", True, True),  # focal officer of the Ban Dân vận serves the Tỉnh ủy
        ("viewer", True, False),
        ("reporter", True, False),  # its department holds an assignment
        ("head", True, False),
        ("district_reporter", True, False),
        ("outsider", False, False),
    ],
)
def test_plan_access_by_role(cast, plan, who, view, edit) -> None:
    user = getattr(cast, who)
    assert (plan in visible_plans(user)) is view
    if not view:
        with pytest.raises(Http404):
            get_plan(user, plan.pk)
        return
    _, access = get_plan(user, plan.pk)
    assert access.edit is edit
    if not edit:
        with pytest.raises(PermissionDenied):
            get_plan(user, plan.pk, need="edit")


def test_a_draft_is_seen_only_by_the_issuers_side(cast) -> None:
    draft = store_extraction(sample_extraction(), cast.party_committee, cast.officer).plan
    assert draft in visible_plans(cast.officer)
    assert draft not in visible_plans(cast.reporter)  # nothing assigned yet
    assert draft not in visible_plans(cast.outsider)


def test_superuser_sees_everything(cast, plan, django_user_model) -> None:
    root = django_user_model.objects.create_superuser("root", "r@example.test", PASSWORD)
    assert get_plan(root, plan.pk, need="edit")[1].edit


def test_inbox_and_assignment_refusals(cast, plan) -> None:
    mine = inbox(cast.reporter)
    assert [a.unit for a in mine] == [cast.department]
    assignment = mine[0]
    _, access = get_assignment(cast.reporter, assignment.pk, need="report")
    assert access.report
    with pytest.raises(PermissionDenied):
        get_assignment(cast.viewer, assignment.pk, need="report")
    with pytest.raises(Http404):
        get_assignment(cast.outsider, assignment.pk)
    district = Assignment.objects.get(unit=cast.district_committee)
    with pytest.raises(Http404):
        get_assignment(cast.reporter, district.pk)  # another unit's data
    assert list(inbox(cast.outsider)) == []
    assert list(inbox(cast.reporter, cast.district_committee.pk)) == []


def test_login_is_throttled_after_repeated_failures(cast, settings) -> None:
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        assert authenticate(None, username="reporter", password="sai") is None
    assert LoginFailure.objects.count() == 3
    assert authenticate(None, username="reporter", password=PASSWORD) is None  # locked
    assert authenticate(None, username="head", password=PASSWORD) == cast.head


def test_success_clears_earlier_failures(cast) -> None:
    authenticate(None, username="head", password="sai")
    assert authenticate(None, username="head", password=PASSWORD) == cast.head
    assert not LoginFailure.objects.filter(username="head").exists()


def test_passwords_use_django_hashers(cast) -> None:
    assert cast.reporter.password.split("$")[0] in {"md5", "pbkdf2_sha256", "argon2"}
    assert PASSWORD not in cast.reporter.password


def test_api_tokens_are_stored_hashed_and_revocable(cast) -> None:
    token, raw = ApiToken.issue(cast.reporter, "hệ thống văn bản")
    assert raw not in token.key_hash and ApiToken.authenticate(raw) == token
    assert ApiToken.authenticate(raw + "x") is None
    token.revoked_at = token.created_at
    token.save()
    assert ApiToken.authenticate(raw) is None


def test_a_following_body_sees_the_plan_and_may_edit_it(cast, plan) -> None:
    from trienkhai.web.accounts.models import Membership, Role

    assert plan not in visible_plans(cast.outsider)
    plan.followed_by.add(cast.other_office)
    access = get_plan(cast.outsider, plan.pk)[1]
    assert access.view and not access.edit  # a reporter there: read only
    Membership.objects.create(user=cast.outsider, unit=cast.other_office, role=Role.FOCAL_OFFICER)
    assert get_plan(cast.outsider, plan.pk, need="edit")[1].edit


def test_unresolved_bodies_are_seen_by_their_territory(cast, plan) -> None:
    from trienkhai.web.orgs.access import get_unresolved
    from trienkhai.web.orgs.models import UnresolvedBody

    body = UnresolvedBody.objects.get()
    assert get_unresolved(cast.officer, body.pk, need="resolve")[1].resolve
    with pytest.raises(PermissionDenied):
        get_unresolved(cast.viewer, body.pk, need="resolve")
    with pytest.raises(Http404):
        get_unresolved(cast.outsider, body.pk)
