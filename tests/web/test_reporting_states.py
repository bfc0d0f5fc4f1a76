"""The report's state rules: the happy path, returns and resubmission, optimistic locking,
idempotent submission and append-only history."""

from __future__ import annotations

import pytest
from django.utils import timezone, translation

from trienkhai.web.reporting import services
from trienkhai.web.reporting.models import (
    Obligation,
    Report,
    ReportEvent,
    ReportingError,
    StaleVersion,
)

from .reporting_helpers import department_obligation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def vietnamese():
    """Messages are checked in Vietnamese, whatever language an earlier test left active."""
    with translation.override("vi"):
        yield


@pytest.fixture
def draft(cast) -> Report:
    ob = department_obligation(cast)
    return services.open_report(ob, cast.reporter)


def test_draft_has_one_entry_per_assignment_of_the_unit(cast, draft) -> None:
    assert draft.state == Report.State.DRAFT
    assert draft.entries.count() == 2
    assert [e.kind for e in draft.events.all()] == ["created"]


def test_full_cycle_with_return_and_resubmission(cast, draft) -> None:
    ob = draft.obligation
    draft.submit(cast.reporter)
    assert draft.state == Report.State.SUBMITTED
    draft.approve(cast.head)
    ob.refresh_from_db()
    assert ob.state == Obligation.State.RECEIVED and ob.received_at is not None
    assert ob.remind_after is None
    first_received = ob.received_at
    draft.return_to_unit(cast.officer, "Thiếu số liệu chỉ tiêu")
    assert draft.state == Report.State.RETURNED and draft.return_comment == "Thiếu số liệu chỉ tiêu"
    assert draft.editable
    draft.submit(cast.reporter)
    draft.approve(cast.head)
    draft.accept(cast.officer)
    ob.refresh_from_db()
    assert ob.state == Obligation.State.ACCEPTED
    assert ob.received_at == first_received  # timeliness counts the first receipt
    kinds = list(draft.events.values_list("kind", flat=True))
    assert kinds == [
        "created",
        "submitted",
        "approved",
        "returned",
        "resubmitted",
        "approved",
        "accepted",
    ]
    snapshots = draft.events.filter(kind__in=["submitted", "resubmitted"])
    assert all(e.snapshot and len(e.snapshot["entries"]) == 2 for e in snapshots)


@pytest.mark.parametrize(
    ("steps", "bad"),
    [
        ([], "approve"),
        ([], "accept"),
        (["submit"], "accept"),
        (["submit"], "submit"),
        (["submit", "approve"], "approve"),
        (["submit", "approve", "accept"], "return"),
    ],
)
def test_illegal_transitions_are_refused(cast, draft, steps, bad) -> None:
    actions = {
        "submit": lambda: draft.submit(cast.reporter),
        "approve": lambda: draft.approve(cast.head),
        "accept": lambda: draft.accept(cast.officer),
        "return": lambda: draft.return_to_unit(cast.officer, "x"),
    }
    for step in steps:
        actions[step]()
    state = draft.state
    with pytest.raises(ReportingError):
        actions[bad]()
    draft.refresh_from_db()
    assert draft.state == state


def test_return_needs_a_comment(cast, draft) -> None:
    draft.submit(cast.reporter)
    with pytest.raises(ReportingError, match="lý do"):
        draft.return_to_unit(cast.head, "   ")


def test_two_editors_never_overwrite_each_other(cast, draft) -> None:
    mine = Report.objects.get(pk=draft.pk)
    theirs = Report.objects.get(pk=draft.pk)
    loaded = mine.version
    services.save_report(
        theirs, cast.reporter, loaded, services.ReportChanges(summary="Bản của họ")
    )
    with pytest.raises(StaleVersion, match="Người khác đã lưu"):
        services.save_report(mine, cast.head, loaded, services.ReportChanges(summary="Bản của tôi"))
    draft.refresh_from_db()
    assert draft.summary == "Bản của họ"
    assert draft.version == loaded + 1


def test_save_writes_entries_and_values_all_or_nothing(cast, draft) -> None:
    entry = draft.entries.first()
    targets = list(services.plan_targets(draft.obligation))
    changes = services.ReportChanges(
        entries={entry.assignment_id: ("done", "Đã tổ chức 3 hội nghị")},
        targets={targets[0].pk: (services.parse_value("86,5"), "")},
    )
    services.save_report(draft, cast.reporter, draft.version, changes)
    entry.refresh_from_db()
    assert (entry.status, entry.narrative) == ("done", "Đã tổ chức 3 hội nghị")
    assert format(draft.target_values.get().value.normalize(), "f") == "86.5"
    bad = services.ReportChanges(
        summary="không được lưu", entries={entry.assignment_id: ("bogus", "")}
    )
    with pytest.raises(ReportingError):
        services.save_report(draft, cast.reporter, draft.version, bad)
    draft.refresh_from_db()
    assert draft.summary == ""


def test_submit_after_a_stale_load_is_refused(cast, draft) -> None:
    services.save_report(draft, cast.reporter, draft.version, services.ReportChanges(summary="a"))
    with pytest.raises(StaleVersion):
        draft.submit(cast.reporter, expected_version=1)


def test_retried_submission_is_not_duplicated(cast, draft) -> None:
    first = draft.submit(cast.reporter, idempotency_key="k-123")
    again = Report.objects.get(pk=draft.pk).submit(cast.reporter, idempotency_key="k-123")
    assert again.pk == first.pk
    assert draft.events.filter(kind="submitted").count() == 1


def test_idempotent_creation(cast) -> None:
    ob = department_obligation(cast)
    a = services.open_report(ob, cast.reporter, "create-1")
    b = services.open_report(ob, cast.reporter, "create-1")
    assert a.pk == b.pk and Report.objects.count() == 1


def test_events_are_append_only(draft) -> None:
    event = draft.events.first()
    event.comment = "sửa lịch sử"
    with pytest.raises(ReportingError):
        event.save()
    with pytest.raises(ReportingError):
        event.delete()
    assert ReportEvent.objects.get(pk=event.pk).comment == ""


def test_late_receipt_is_not_on_time(cast, draft) -> None:
    ob = draft.obligation
    ob.mark_received(ob.due_at + timezone.timedelta(hours=1))
    assert ob.on_time is False


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("85", "85"),
        ("85,5", "85.5"),
        ("1.234,5", "1234.5"),
        ("90%", "90"),
        ("", None),
        (None, None),
    ],
)
def test_parse_value(raw, expected) -> None:
    got = services.parse_value(raw)
    assert (None if got is None else format(got.normalize(), "f")) == expected


@pytest.mark.parametrize("raw", ["abc", "1e999", "nan"])
def test_parse_value_refuses_garbage(raw) -> None:
    with pytest.raises(ReportingError):
        services.parse_value(raw)
