"""The change log: who, when and what for each change; visible to administrators only."""

from __future__ import annotations

from trienkhai.web.audit.log import acting_as, record
from trienkhai.web.audit.models import ChangeLog
from trienkhai.web.orgs.models import Unit, UnitKind, UnitLevel
from trienkhai.web.plans.importer import store_extraction
from trienkhai.web.plans.publish import publish

from .cast import PASSWORD, sample_extraction


def test_create_update_delete_are_logged_with_actor_and_diff(cast) -> None:
    with acting_as(cast.admin):
        unit = Unit.objects.create(
            code="mau-stc",
            name="Sở Tài chính",
            kind=UnitKind.DEPARTMENT,
            level=UnitLevel.PROVINCE,
            parent=cast.peoples_committee,
        )
        unit.abbreviation = "STC"
        unit.save()
        pk = unit.pk
        unit.delete()
    rows = list(ChangeLog.objects.filter(model="orgs.Unit", object_pk=str(pk)).order_by("id"))
    assert [r.action for r in rows] == ["create", "update", "delete"]
    assert all(r.actor == cast.admin for r in rows)
    assert rows[0].changes["name"] == [None, "Sở Tài chính"]
    assert rows[1].changes == {"abbreviation": ["", "STC"]}


def test_saving_without_changes_logs_nothing(cast) -> None:
    before = ChangeLog.objects.count()
    Unit.objects.get(pk=cast.department.pk).save()
    assert ChangeLog.objects.count() == before


def test_system_changes_have_no_actor(cast) -> None:
    entry = record("other", cast.department, note="nightly job")
    assert entry.actor is None and entry.object_repr == cast.department.name


def test_import_and_publish_are_logged(cast) -> None:
    version = store_extraction(sample_extraction(), cast.party_committee, cast.officer).version
    publish(version, cast.officer)
    actions = set(
        ChangeLog.objects.filter(actor=cast.officer, model="plans.PlanVersion").values_list(
            "action", flat=True
        )
    )
    assert {"import", "publish"} <= actions


def test_request_user_is_the_actor(cast, rf) -> None:
    from django.http import HttpResponse

    from trienkhai.web.audit.middleware import AuditActorMiddleware

    def view(request):
        unit = Unit.objects.create(
            code="mau-x",
            name="X",
            kind=UnitKind.AGENCY,
            level=UnitLevel.PROVINCE,
            parent=cast.province,
        )
        return HttpResponse(str(unit.pk))

    request = rf.post("/")
    request.user = cast.admin
    pk = AuditActorMiddleware(view)(request).content.decode()
    assert (
        ChangeLog.objects.get(object_pk=pk, model="orgs.Unit", action="create").actor == cast.admin
    )


def test_change_log_is_visible_to_administrators_only(cast, client, django_user_model) -> None:
    root = django_user_model.objects.create_superuser("root", "r@example.test", PASSWORD)
    client.force_login(root)
    response = client.get("/quan-tri/audit/changelog/")
    assert response.status_code == 200
    client.force_login(cast.reporter)
    response = client.get("/quan-tri/audit/changelog/")
    assert response.status_code == 302  # not staff: sent to the admin login


def test_logins_and_failed_logins_are_logged(cast, client) -> None:
    assert not client.login(username="reporter", password="sai")
    assert client.login(username="reporter", password=PASSWORD)
    assert ChangeLog.objects.filter(action="login_failed", note__startswith="reporter").exists()
    assert ChangeLog.objects.filter(action="login", actor=cast.reporter).exists()


def test_unit_administrators_read_their_subtrees_changes_only(cast) -> None:
    from trienkhai.web.audit.access import visible_changes

    with acting_as(cast.officer):
        version = store_extraction(sample_extraction(), cast.party_committee).version
        task = version.tasks.first()
        task.due_text = "Quý I/2025"
        task.save()
    with acting_as(cast.outsider):
        other = Unit.objects.create(
            code="khac-x",
            name="Phòng X",
            kind=UnitKind.AGENCY,
            level=UnitLevel.PROVINCE,
            parent=cast.other_province,
        )
    mine = visible_changes(cast.admin)
    assert mine.filter(object_pk=str(version.pk), action="import").exists()
    # a task's change belongs to its plan's issuer
    assert mine.filter(model="plans.Task", action="update", object_pk=str(task.pk)).exists()
    assert not mine.filter(model="orgs.Unit", object_pk=str(other.pk)).exists()
    assert not visible_changes(cast.viewer).exists()  # viewers are not administrators
    assert not visible_changes(cast.officer).exists()


def test_deleting_a_unit_keeps_its_log_rows(cast) -> None:
    with acting_as(cast.admin):
        unit = Unit.objects.create(
            code="mau-y",
            name="Y",
            kind=UnitKind.AGENCY,
            level=UnitLevel.PROVINCE,
            parent=cast.province,
        )
        pk, path = unit.pk, Unit.objects.get(pk=unit.pk).path
        unit.delete()
    rows = ChangeLog.objects.filter(model="orgs.Unit", object_pk=str(pk))
    assert rows.count() == 2 and rows.filter(action="delete", unit_path=path).exists()
