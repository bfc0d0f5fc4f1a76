"""Dashboards: the aggregate queries, the roll-up of a subtree, the page and its refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from trienkhai.web.dashboards import access, charts, queries, rollup
from trienkhai.web.dashboards.data import build_dashboard
from trienkhai.web.dashboards.models import ProgressFact
from trienkhai.web.dashboards.queries import Scope
from trienkhai.web.reporting.models import Report

from .cast import PASSWORD
from .test_consolidation import Cycle, make_cycle

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(cast) -> Cycle:  # type: ignore[no-untyped-def]
    made = make_cycle(cast)  # reports written straight to the tables: no events fired
    rollup.rebuild_all()
    return made


def _scope(cast, cycle: Cycle, **extra) -> Scope:  # type: ignore[no-untyped-def]
    return Scope(root=cast.province, plan_ids=[cycle.plan.pk], **extra)


def test_progress_counts_entries_of_received_reports_by_group(cast, cycle: Cycle) -> None:
    rows = {row["group"]: row for row in queries.progress_by_group(_scope(cast, cycle))}
    assert set(rows) == {"I", "II"}
    assert (rows["I"]["done"], rows["I"]["in_progress"], rows["I"]["total"]) == (2, 1, 3)
    assert (rows["II"]["ongoing"], rows["II"]["total"]) == (1, 1)


@pytest.mark.parametrize("root", ["province", "district", "department", "peoples_committee"])
def test_summaries_match_the_entries_at_every_root(cast, cycle: Cycle, root: str) -> None:
    scope = Scope(root=getattr(cast, root), plan_ids=[cycle.plan.pk])
    assert queries.progress_by_group(scope) == queries.progress_from_entries(scope)
    summed = {r["target_id"]: (r["reached"], r["units"]) for r in queries.targets_vs_reached(scope)}
    direct = {
        r["target_id"]: (r["reached"], r["units"]) for r in queries.targets_from_values(scope)
    }
    assert summed.keys() == direct.keys()
    for key, (reached, units) in summed.items():
        assert float(reached) == pytest.approx(float(direct[key][0]))
        assert units == direct[key][1]


AS_OF = (None, dt.datetime(2025, 4, 12, tzinfo=dt.UTC), dt.datetime(2025, 5, 1, tzinfo=dt.UTC))


@pytest.mark.parametrize("root", ["province", "district", "department", "peoples_committee"])
@pytest.mark.parametrize("as_of", AS_OF)
def test_timeliness_summaries_match_the_obligations_at_every_root(
    cast, cycle: Cycle, root: str, as_of: dt.datetime | None
) -> None:
    scope = Scope(root=getattr(cast, root), plan_ids=[cycle.plan.pk], as_of=as_of)
    assert queries.timeliness_heatmap(scope) == queries.timeliness_from_obligations(scope)
    whole = Scope(root=cast.province, plan_ids=[cycle.plan.pk], as_of=as_of)
    assert queries.timeliness_from_obligations(whole)  # not vacuous


def _timeliness_snapshot() -> set[tuple]:
    from trienkhai.web.dashboards.models import TimelinessSummary

    return set(
        TimelinessSummary.objects.values_list(
            "node_id", "plan_id", "period_id", "due_at", "owed", "received", "on_time"
        )
    )


def test_timeliness_refresh_by_obligation_by_plan_and_rebuild_agree(cast, cycle: Cycle) -> None:
    from trienkhai.web.dashboards.models import TimelinessSummary

    rebuilt = _timeliness_snapshot()
    assert rebuilt
    TimelinessSummary.objects.all().delete()
    rollup.refresh_timeliness([cycle.on_time.pk, cycle.late.pk, cycle.missing.pk])
    assert _timeliness_snapshot() == rebuilt
    TimelinessSummary.objects.all().delete()
    rollup.refresh_plan_timeliness(cycle.plan.pk)
    assert _timeliness_snapshot() == rebuilt


def test_receiving_a_report_refreshes_the_timeliness_summaries(cast, cycle: Cycle) -> None:
    from trienkhai.web.reporting.models import Obligation

    # The late report was never received (raw write, then the summaries rebuilt to match).
    Obligation.objects.filter(pk=cycle.late.pk).update(received_at=None)
    rollup.rebuild_all()
    scope = _scope(cast, cycle)
    before = queries.completeness(scope)
    report = Report.objects.get(obligation=cycle.late)
    report.return_to_unit(cast.officer, "Bổ sung số liệu.")
    report.submit(cast.district_reporter)
    report.approve(cast.district_reporter)  # received now: Obligation.mark_received
    assert queries.completeness(scope)["received"] == before["received"] + 1
    for as_of in AS_OF:
        at = _scope(cast, cycle, as_of=as_of)
        assert queries.timeliness_heatmap(at) == queries.timeliness_from_obligations(at)


def test_generating_obligations_refreshes_the_timeliness_summaries(cast, cycle: Cycle) -> None:
    from trienkhai.web.reporting.generation import generate_for_plan

    result = generate_for_plan(cycle.plan, until=dt.date(2026, 12, 31))
    assert result.created + result.cancelled + result.rescheduled  # not vacuous
    for as_of in AS_OF:
        at = _scope(cast, cycle, as_of=as_of)
        assert queries.timeliness_heatmap(at) == queries.timeliness_from_obligations(at)
    refreshed = _timeliness_snapshot()
    rollup.rebuild_all()
    assert _timeliness_snapshot() == refreshed


def test_event_refresh_and_full_rebuild_agree(cast, cycle: Cycle) -> None:
    from trienkhai.web.dashboards.models import ProgressSummary, TargetSummary

    def snapshot() -> tuple[set, set]:
        progress = set(
            ProgressSummary.objects.values_list(
                "node_id", "plan_id", "period_id", "group", "done", "in_progress", "ongoing"
            )
        )
        targets = {
            (n, t, float(total), v)
            for n, t, total, v in TargetSummary.objects.values_list(
                "node_id", "target_id", "total", "values"
            )
        }
        return progress, targets

    rebuilt = snapshot()
    ProgressSummary.objects.all().delete()
    TargetSummary.objects.all().delete()
    rollup.refresh([cycle.on_time.pk, cycle.late.pk, cycle.missing.pk])
    assert snapshot() == rebuilt
    assert rebuilt[0]  # not vacuous


def test_returning_a_report_removes_its_facts_and_approving_restores_them(
    cast, cycle: Cycle
) -> None:
    report = Report.objects.get(obligation=cycle.late)
    assert ProgressFact.objects.filter(obligation=cycle.late).exists()
    report.return_to_unit(cast.officer, "Bổ sung số liệu.")
    assert not ProgressFact.objects.filter(obligation=cycle.late).exists()
    report.submit(cast.district_reporter)
    report.approve(cast.district_reporter)
    assert ProgressFact.objects.filter(obligation=cycle.late).count() == 1
    scope = _scope(cast, cycle)
    assert queries.progress_by_group(scope) == queries.progress_from_entries(scope)


def test_group_filter_narrows_to_one_section(cast, cycle: Cycle) -> None:
    rows = queries.progress_by_group(_scope(cast, cycle, group="II"))
    assert [row["group"] for row in rows] == ["II"]


def test_targets_average_the_reached_values(cast, cycle: Cycle) -> None:
    (row,) = queries.targets_vs_reached(_scope(cast, cycle))
    assert float(row["reached"]) == pytest.approx(80.25)
    assert row["units"] == 2


def test_heatmap_rolls_up_to_the_roots_children(cast, cycle: Cycle) -> None:
    heat = queries.timeliness_heatmap(_scope(cast, cycle))
    by_child = {row["child"]: row for row in heat}
    # The department sits under the provincial People's Committee; both roll up to it.
    ubnd = by_child[cast.peoples_committee.pk]
    assert (ubnd["expected"], ubnd["received"], ubnd["on_time"]) == (2, 1, 1)
    district = by_child[cast.district.pk]
    assert (district["expected"], district["received"], district["on_time"]) == (1, 1, 0)
    assert set(by_child) == {cast.peoples_committee.pk, cast.district.pk}


def test_completeness_totals_and_overdue(cast, cycle: Cycle) -> None:
    scope = _scope(cast, cycle)
    assert queries.completeness(scope) == {"expected": 3, "received": 2, "on_time": 1}
    overdue = queries.overdue_units(scope, dt.datetime(2025, 5, 1, tzinfo=dt.UTC))
    assert [row["unit__name"] for row in overdue] == ["Ủy ban nhân dân tỉnh Mẫu"]


def test_a_district_root_sees_only_its_subtree(cast, cycle: Cycle) -> None:
    scope = Scope(root=cast.district, plan_ids=[cycle.plan.pk])
    assert queries.completeness(scope) == {"expected": 1, "received": 1, "on_time": 0}
    heat = queries.timeliness_heatmap(scope)
    assert [row["child"] for row in heat] == [cast.district_committee.pk]


def test_period_filter(cast, cycle: Cycle) -> None:
    scope = _scope(cast, cycle, period_ids=[cycle.period.pk + 999])
    assert queries.completeness(scope)["expected"] == 0


def test_dashboard_data_is_built_once(cast, cycle: Cycle) -> None:
    board = build_dashboard(_scope(cast, cycle), timezone.now())
    assert board.completeness == pytest.approx(66.7)
    assert board.on_time_share == pytest.approx(33.3)
    assert [row.name for row in board.heat_rows] == [
        "Huyện Mẫu Sơn",
        "Ủy ban nhân dân tỉnh Mẫu",
    ]
    assert board.heat_rows[0].cells[0].colour == "#f2b705"  # all came, one late


def test_heat_colours() -> None:
    assert charts.heat_colour(0, 0, 0) == "#eceff3"
    assert charts.heat_colour(4, 4, 4) == "#2e7d32"
    assert charts.heat_colour(4, 4, 2) == "#f2b705"
    assert charts.heat_colour(4, 3, 3) == "#e57373"
    assert charts.heat_colour(4, 1, 1) == "#b71c1c"


def test_stacked_bars_fill_the_width() -> None:
    (bar,) = charts.stacked_bars([("I", {"done": 3, "not_started": 1})], ("done", "not_started"))
    assert [s.width for s in bar.segments] == [390.0, 130.0]
    assert bar.done_share == 75.0


def test_target_bars_follow_the_comparator() -> None:
    up, down, none = charts.target_bars(
        [("a", 80, 75, ">="), ("b", 5, 3, "<="), ("c", 10, None, ">=")]
    )
    assert (up.met, down.met, none.met) == (False, True, None)
    assert up.planned_x > up.reached_width


# --- access and the page -----------------------------------------------------------------------


def _client(user) -> Client:  # type: ignore[no-untyped-def]
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_focal_officer_rolls_up_the_whole_territory(cast, cycle: Cycle) -> None:
    assert access.roots_for(cast.officer) == [cast.province]
    page = _client(cast.officer).get(reverse("dashboards:overview"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Huyện Mẫu Sơn" in html
    assert page.context["dashboard"].totals["expected"] == 3


def test_filters_and_drill_down(cast, cycle: Cycle) -> None:
    client = _client(cast.officer)
    page = client.get(
        reverse("dashboards:overview"),
        {"unit": cast.district.pk, "plan": cycle.plan.pk, "period": cycle.period.pk, "group": "I"},
    )
    assert page.status_code == 200
    board = page.context["dashboard"]
    assert board.scope.root == cast.district
    assert board.totals["expected"] == 1


def test_outsider_gets_404_for_a_unit_outside_its_reach(cast, cycle: Cycle) -> None:
    client = _client(cast.outsider)
    assert client.get(reverse("dashboards:overview"), {"unit": cast.province.pk}).status_code == 404
    own = client.get(reverse("dashboards:overview"))
    assert own.status_code == 200
    assert own.context["dashboard"].totals["expected"] == 0


def test_department_reporter_sees_its_own_subtree_only(cast, cycle: Cycle) -> None:
    client = _client(cast.reporter)
    page = client.get(reverse("dashboards:overview"))
    assert page.context["dashboard"].scope.root == cast.department
    assert page.context["dashboard"].totals == {"expected": 1, "received": 1, "on_time": 1}
    assert client.get(reverse("dashboards:overview"), {"unit": cast.province.pk}).status_code == 404


def test_dashboard_is_read_only(cast, cycle: Cycle) -> None:
    response = _client(cast.viewer).post(reverse("dashboards:overview"))
    assert response.status_code == 405


def test_focal_root_widens_to_units_owing_reports_outside_its_territory(cast, cycle) -> None:  # type: ignore[no-untyped-def]
    from trienkhai.web.orgs.models import Unit, UnitKind, UnitLevel

    district_board = Unit.objects.create(
        code="mau-son-bdv",
        name="Ban Dân vận Huyện ủy Mẫu Sơn",
        kind=UnitKind.PARTY_BOARD,
        level=UnitLevel.DISTRICT,
        parent=cast.district,
    )
    assert access.followed_root(district_board) == cast.district  # follows nothing yet
    cycle.plan.followed_by.add(district_board)
    # The plan's reporting units include the province's department: the roll-up widens.
    assert access.followed_root(district_board) == cast.province


def test_expected_reports_are_those_due_or_received_and_not_cancelled(cast, cycle) -> None:  # type: ignore[no-untyped-def]
    from trienkhai.web.reporting.models import Obligation

    before_due = dt.datetime(2025, 4, 12, tzinfo=dt.UTC)
    early = _scope(cast, cycle, as_of=before_due)
    # Before the deadline only the reports already in count; the missing one is not yet due.
    assert queries.completeness(early) == {"expected": 2, "received": 2, "on_time": 1}
    Obligation.objects.filter(pk=cycle.missing.pk).update(state=Obligation.State.CANCELLED)
    rollup.refresh_timeliness([cycle.missing.pk])  # a raw update: no signal, refresh by hand
    later = _scope(cast, cycle, as_of=dt.datetime(2025, 5, 1, tzinfo=dt.UTC))
    assert queries.completeness(later) == {"expected": 2, "received": 2, "on_time": 1}


def test_page_totals_equal_the_completeness_query(cast, cycle) -> None:  # type: ignore[no-untyped-def]
    scope = _scope(cast, cycle, as_of=dt.datetime(2025, 5, 1, tzinfo=dt.UTC))
    board = build_dashboard(scope, scope.as_of)
    assert board.totals == queries.completeness(scope)
