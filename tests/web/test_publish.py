"""Publishing: versions frozen and superseded, assignments per task/unit/role, handover."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from trienkhai.web.orgs.models import Unit, UnitKind, UnitLevel, UnresolvedBody
from trienkhai.web.orgs.resolve import Resolver, find_unit
from trienkhai.web.plans.carry import match_tasks
from trienkhai.web.plans.carry import preview as carry_preview
from trienkhai.web.plans.due import due_date, rules
from trienkhai.web.plans.errors import NotPublishable
from trienkhai.web.plans.importer import store_extraction
from trienkhai.web.plans.models import Assignment, PlanVersion, Task
from trienkhai.web.plans.publish import (
    as_of,
    handover_expired,
    new_draft_from,
    publish,
    settle_body,
)
from trienkhai.web.plans.review import body_resolutions

from .cast import sample_extraction


@pytest.mark.parametrize(("text", "expected"), rules().examples)
def test_due_date_examples_from_the_data_file(text: str, expected: str | None) -> None:
    got = due_date(text, dt.date(2024, 3, 1))
    assert (got.isoformat() if got else None) == expected


def test_due_date_without_plan_date_needs_a_printed_year() -> None:
    assert due_date("Quý II", None) is None
    assert due_date("Quý II/2025", None) == dt.date(2025, 6, 30)


@pytest.fixture
def draft(cast) -> PlanVersion:
    return store_extraction(sample_extraction(), cast.party_committee, cast.officer).version


def _assigned(version: PlanVersion) -> set[tuple[int, str, str]]:
    return set(
        Assignment.objects.filter(task__version=version).values_list(
            "task__order", "unit__code", "role"
        )
    )


def test_publish_assigns_each_task_to_its_resolved_units(cast, draft) -> None:
    result = publish(draft, cast.officer)
    assert _assigned(draft) == {
        (1, "mau-snv", "lead"),
        (1, "mau-bdv", "support"),
        (2, "mau-son-ubnd", "lead"),
    }
    assert result.assignments == 3
    assert result.unresolved == ["Hội Chữ thập đỏ tỉnh"]
    lead = Assignment.objects.get(task__order=1, role="lead")
    assert lead.due_date == dt.date(2024, 12, 31) and lead.body_text == "Sở Nội vụ"
    assert Assignment.objects.get(task__order=2).due_date is None  # "Thường xuyên"
    draft.refresh_from_db()
    assert draft.status == "published" and draft.published_by == cast.officer
    assert draft.plan.status == "published"
    assert cast.focal_body in draft.plan.followed_by.all()
    duty = draft.reporting_duties.get()
    assert duty.via_unit == cast.focal_body and duty.recipient_unit == cast.party_committee
    queued = UnresolvedBody.objects.get()
    assert (queued.plan_version, queued.territory) == (draft, cast.province)


def test_published_version_is_frozen_and_cannot_be_published_twice(cast, draft) -> None:
    publish(draft, cast.officer)
    draft.refresh_from_db()
    draft.note = "sửa lén"
    with pytest.raises(ValidationError):
        draft.save()
    with pytest.raises(NotPublishable):
        publish(draft, cast.officer)
    task = draft.tasks.first()
    task.text = "viết lại"
    with pytest.raises(ValidationError):
        task.save()
    with pytest.raises(ValidationError):
        draft.targets.first().delete()
    assert draft.tasks.first().text != "viết lại"


def test_review_shows_what_each_body_resolves_to(cast, draft) -> None:
    found = body_resolutions(draft)
    assert found["Sở Nội vụ"].units == [cast.department]
    assert found["UBND các huyện, thị xã, thành phố"].units == [cast.district_committee]
    assert not found["Hội Chữ thập đỏ tỉnh"].resolved
    assert found["Ban Dân vận Tỉnh ủy"].units == [cast.focal_body]
    assert find_unit("Tỉnh ủy Mẫu", cast.focal_body) == cast.party_committee


def test_correction_is_a_new_version_that_supersedes_the_old(cast, draft) -> None:
    publish(draft, cast.officer)
    second = new_draft_from(draft, cast.officer)
    assert second.number == 2 and second.tasks.count() == 2
    with pytest.raises(NotPublishable):
        new_draft_from(draft, cast.officer)  # one draft at a time
    task = second.tasks.get(order=1)
    task.lead = ["Ban Dân vận Tỉnh ủy"]
    task.save()
    publish(second, cast.officer)
    draft.refresh_from_db()
    assert draft.status == "superseded"
    # Task 1 is restated: its lead moves from the Sở Nội vụ (cancelled) to the Ban Dân vận,
    # the support of the Ban Dân vận and task 2's assignment carry over to the new version.
    assert set(Assignment.objects.filter(task__version=draft).values_list("state", flat=True)) == {
        "cancelled"
    }
    assert (1, "mau-bdv", "lead") in _assigned(second)
    assert (1, "mau-bdv", "support") in _assigned(second)
    assert (2, "mau-son-ubnd", "lead") in _assigned(second)
    assert draft.plan.published_version() == second
    assert draft.tasks.get(order=1).lead == ["Sở Nội vụ"]  # the old version kept its text


def test_only_the_latest_version_can_be_published(cast, draft) -> None:
    store_extraction(sample_extraction(), cast.party_committee, new_version_of=draft.plan)
    with pytest.raises(NotPublishable):
        publish(draft, cast.officer)


def test_version_without_tasks_is_refused(cast) -> None:
    empty = store_extraction(sample_extraction(tasks=[]), cast.party_committee).version
    with pytest.raises(NotPublishable):
        publish(empty, cast.officer)
    empty.refresh_from_db()
    assert empty.status == "draft"


def test_settling_a_queued_body_creates_the_missing_assignments(cast, draft) -> None:
    publish(draft, cast.officer)
    red_cross = Unit.objects.create(
        code="mau-hctd",
        name="Hội Chữ thập đỏ tỉnh Mẫu",
        kind=UnitKind.MASS_ORG,
        level=UnitLevel.PROVINCE,
        parent=cast.province,
    )
    created = settle_body(UnresolvedBody.objects.get(), [red_cross], cast.officer)
    assert created == 1
    assert (2, "mau-hctd", "requested") in _assigned(draft)


def test_open_assignments_of_an_abolished_unit_pass_to_its_successor(cast, draft) -> None:
    publish(draft, cast.officer)
    ward = Unit.objects.create(
        code="mau-son-phuong",
        name="Ủy ban nhân dân phường Mẫu Sơn",
        kind=UnitKind.PEOPLES_COMMITTEE,
        level=UnitLevel.COMMUNE,
        parent=cast.province,
        valid_from=dt.date(2025, 7, 1),
    )
    cast.district_committee.successor = ward
    cast.district_committee.save()
    assert handover_expired(dt.date(2025, 6, 30)) == 0  # still in office that day
    assert handover_expired(dt.date(2025, 7, 2)) == 1
    old = Assignment.objects.get(unit=cast.district_committee)
    new = Assignment.objects.get(unit=ward)
    assert old.state == "handed_over" and new.state == "open"
    assert new.handed_over_from == old and new.role == old.role
    assert handover_expired(dt.date(2025, 7, 3)) == 0  # idempotent


# --- republishing a correction: carry the assignments over ---------------------------------------


def _correct(draft: PlanVersion, user) -> PlanVersion:
    publish(draft, user)
    return new_draft_from(draft, user)


def test_republishing_carries_open_assignments_with_their_state(cast, draft) -> None:
    second = _correct(draft, cast.officer)
    lead = Assignment.objects.get(task__version=draft, task__order=1, role="lead")
    Assignment.objects.filter(pk=lead.pk).update(state="done")
    district = Assignment.objects.get(task__version=draft, task__order=2)
    task = second.tasks.get(order=2)
    task.text = task.text.replace(" ở ", " tại ")  # a small correction of the wording
    task.save()
    result = publish(second, cast.officer)
    lead.refresh_from_db()
    district.refresh_from_db()
    assert lead.task.version == second and lead.state == "done"  # done stays done
    assert district.task == task and district.state == "open"
    assert result.carried == 3 and result.cancelled == 0 and result.assignments == 0
    assert not Assignment.objects.filter(task__version=draft).exists()


def test_republishing_cancels_only_what_disappeared(cast, draft) -> None:
    second = _correct(draft, cast.officer)
    second.tasks.get(order=2).delete()  # the district task is dropped
    task = second.tasks.get(order=1)
    task.support = []  # Ban Dân vận no longer supports
    task.save()
    kept = Assignment.objects.get(task__version=draft, task__order=1, role="lead")
    gone = set(
        Assignment.objects.filter(task__version=draft)
        .exclude(pk=kept.pk)
        .values_list("pk", flat=True)
    )
    shown = carry_preview(second, Resolver(draft.plan.issuing_unit, as_of(second)))
    assert (shown.carried, shown.new, shown.cancelled) == (1, 0, 2)
    result = publish(second, cast.officer)
    assert (result.carried, result.cancelled) == (1, 2)
    kept.refresh_from_db()
    assert kept.task.version == second and kept.state == "open"
    states = Assignment.objects.filter(pk__in=gone).values_list("state", "task__version")
    assert set(states) == {("cancelled", draft.pk)}


def test_a_rewritten_task_is_new_and_its_old_assignment_cancelled(cast, draft) -> None:
    second = _correct(draft, cast.officer)
    task = second.tasks.get(order=2)
    task.text = "Tổ chức hội nghị tổng kết mười năm thực hiện quy chế dân chủ ở cơ sở."
    task.save()
    shown = carry_preview(second, Resolver(draft.plan.issuing_unit, as_of(second)))
    assert (shown.carried, shown.new, shown.cancelled) == (2, 1, 1)
    result = publish(second, cast.officer)
    assert (result.carried, result.assignments, result.cancelled) == (2, 1, 1)


def test_tasks_match_by_section_and_similar_text() -> None:
    old = [
        Task(pk=1, order=1, section="1", text="Rà soát tổ chức bộ máy"),
        Task(pk=2, order=2, section="2", text="Bồi dưỡng cán bộ"),
    ]
    new = [
        Task(pk=11, order=1, section="2", text="Rà soát tổ chức bộ máy"),
        Task(pk=12, order=2, section="2", text="Bồi dưỡng cán bộ dân vận"),
    ]
    assert {k: t.pk for k, t in match_tasks(old, new).items()} == {2: 12}
