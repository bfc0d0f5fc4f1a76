"""The sample registry and `manage.py load_sample_data` (idempotent; the 2025 reform)."""

from __future__ import annotations

import datetime as dt
import io
from collections import defaultdict

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from trienkhai.web.accounts.models import Membership
from trienkhai.web.orgs.models import Unit
from trienkhai.web.orgs.resolve import Resolver
from trienkhai.web.plans.models import Assignment, Plan


@pytest.fixture
def sample(db):
    call_command("load_sample_data", "--no-plans", stdout=io.StringIO())


def test_no_name_means_two_units_of_one_territory_at_one_time(sample) -> None:
    for day in (dt.date(2024, 6, 1), dt.date(2025, 8, 1)):
        seen: dict[tuple[int | None, str], set[str]] = defaultdict(set)
        for unit in Unit.objects.valid_on(day):
            for key in unit.match_keys():
                seen[(unit.territory_id, key)].add(unit.code)
        clashes = {k: v for k, v in seen.items() if len(v) > 1}
        assert not clashes, clashes


def test_every_role_has_a_demo_account(sample) -> None:
    roles = set(Membership.objects.values_list("role", flat=True))
    assert roles == {"admin", "focal_officer", "reporter", "head", "viewer"}
    assert get_user_model().objects.get(username="quantri").is_superuser


def test_reform_of_2025_is_in_the_registry(sample) -> None:
    la_gi = Unit.objects.get(code="bt-lagi")
    assert la_gi.valid_to == dt.date(2025, 6, 30)
    assert la_gi.final_successor().name == "Phường La Gi"
    assert Unit.objects.get(code="bt").final_successor().code == "ld"
    old = Resolver(Unit.objects.get(code="th-ubnd"), dt.date(2024, 5, 1))
    districts = old.resolve("UBND các huyện, thị xã, thành phố").units
    assert {u.code for u in districts} >= {"th-tp-ubnd", "th-nghison-tx-ubnd"}
    new = Resolver(Unit.objects.get(code="th-ubnd"), dt.date(2025, 9, 1))
    assert new.resolve("UBND các huyện, thị xã, thành phố").units == []
    assert new.resolve("UBND các xã, phường").units


def test_loading_twice_changes_nothing(sample) -> None:
    before = (Unit.objects.count(), get_user_model().objects.count(), Membership.objects.count())
    call_command("load_sample_data", "--no-plans", stdout=io.StringIO())
    assert before == (
        Unit.objects.count(),
        get_user_model().objects.count(),
        Membership.objects.count(),
    )


@pytest.mark.integration
def test_seed_plans_are_loaded_published_and_handed_over(db, seeds_dir) -> None:
    call_command("load_sample_data", "--seeds", str(seeds_dir), stdout=io.StringIO())
    assert Plan.objects.count() == 4
    assert Assignment.objects.filter(state="open").exists()
    # The province programme (number filled in on review) is what La Gi's plan carries out.
    programme = Plan.objects.get(issuing_unit__code="bt-tu")
    la_gi = Plan.objects.get(issuing_unit__code="bt-lagi-du")
    assert la_gi.links.get(relation="implements", number="82-CTr/TU").target == programme
    # Districts closed on 30/06/2025: their open work now sits with their successors.
    assert not Assignment.objects.filter(
        state="open", unit__valid_to__lt=dt.date.today(), unit__successor__isnull=False
    ).exists()
    call_command("load_sample_data", "--seeds", str(seeds_dir), stdout=io.StringIO())
    assert Plan.objects.count() == 4
