"""Importing: engine result → plan and draft version, duplicates refused, nothing half-saved."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from trienkhai.web.audit.models import ChangeLog
from trienkhai.web.plans import importer
from trienkhai.web.plans.errors import DuplicatePlan, FileTooLarge, UnreadableDocument
from trienkhai.web.plans.importer import import_document, store_extraction
from trienkhai.web.plans.models import DocumentLink, Plan, PlanVersion, Task

from .cast import sample_extraction


def _counts() -> tuple[int, int, int]:
    return Plan.objects.count(), PlanVersion.objects.count(), Task.objects.count()


def test_extraction_becomes_a_draft_with_tasks_targets_duties_and_links(cast) -> None:
    result = store_extraction(
        sample_extraction(),
        cast.party_committee,
        cast.officer,
        source_name="kh.txt",
        source_text="…",
        digest="abc",
    )
    plan, version = result.plan, result.version
    assert result.created_plan
    assert (plan.kind, plan.number, plan.date) == ("ke_hoach", "12-KH/TU", dt.date(2024, 3, 1))
    assert plan.status == "draft" and version.number == 1 and version.status == "draft"
    tasks = list(version.tasks.all())
    assert [t.section for t in tasks] == ["II.1", "II.2"]
    assert tasks[0].lead == ["Sở Nội vụ"] and tasks[0].due_text == "Quý IV/2024"
    assert tasks[1].group == "nong_dan" and tasks[1].requested == ["Hội Chữ thập đỏ tỉnh"]
    low, band = version.targets.all()
    assert (low.comparator, low.value, low.unit, low.year) == (">", Decimal(85), "%", 2024)
    assert (band.value, band.value_high) == (Decimal(3), Decimal(5))
    duty = version.reporting_duties.get()
    assert duty.frequencies == ["quarterly", "annual"] and duty.deadlines == ["12-10"]
    assert duty.via_text == "Ban Dân vận Tỉnh ủy"
    relations = sorted(DocumentLink.objects.filter(plan=plan).values_list("relation", flat=True))
    assert relations == ["cites", "implements"]
    assert version.extraction["document"]["number"] == "12-KH/TU"
    assert ChangeLog.objects.filter(action="import", object_pk=str(version.pk)).exists()


def test_same_issuer_number_and_date_is_a_duplicate_and_saves_nothing(cast) -> None:
    store_extraction(sample_extraction(), cast.party_committee, digest="a")
    before = _counts()
    with pytest.raises(DuplicatePlan) as err:
        store_extraction(sample_extraction(), cast.party_committee, digest="b")
    assert "12-KH/TU" in str(err.value)
    assert _counts() == before


def test_blank_number_is_not_a_duplicate_of_another_blank(cast) -> None:
    store_extraction(sample_extraction(number=None, date=None), cast.party_committee, digest="a")
    store_extraction(sample_extraction(number=None, date=None), cast.party_committee, digest="b")
    assert Plan.objects.count() == 2


def test_new_version_of_the_same_plan_is_allowed(cast) -> None:
    first = store_extraction(sample_extraction(), cast.party_committee, digest="a")
    second = store_extraction(
        sample_extraction(), cast.party_committee, digest="b", new_version_of=first.plan
    )
    assert second.plan == first.plan and second.version.number == 2
    assert not second.created_plan


def test_uploading_the_same_file_twice_is_refused(cast) -> None:
    data = "KẾ HOẠCH\nthực hiện công tác dân vận\n1. Sở Nội vụ chủ trì rà soát.\n".encode()
    import_document(data, "kh.txt", cast.party_committee, cast.officer)
    before = _counts()
    with pytest.raises(DuplicatePlan):
        import_document(data, "ban-sao.txt", cast.party_committee, cast.officer)
    assert _counts() == before


@pytest.mark.parametrize(
    ("data", "name"),
    [(b"", "rong.txt"), (b"MZ\x90\x00binary", "virus.exe"), (b"PK\x03\x04broken", "hong.docx")],
)
def test_unreadable_upload_is_refused_with_a_message(cast, data, name) -> None:
    with pytest.raises(UnreadableDocument) as err:
        import_document(data, name, cast.party_committee)
    assert name in str(err.value)
    assert _counts() == (0, 0, 0)


def test_oversized_upload_is_refused_before_reading(cast, settings) -> None:
    settings.TRIENKHAI_MAX_UPLOAD_MB = 1
    with pytest.raises(FileTooLarge) as err:
        import_document(b"x" * (1024 * 1024 + 1), "lon.txt", cast.party_committee)
    assert "1 MB" in str(err.value)
    assert _counts() == (0, 0, 0)


def test_a_failure_midway_leaves_nothing_behind(cast, monkeypatch) -> None:
    def explode(version, extraction):
        Task.objects.create(version=version, order=1, text="một nửa")
        raise RuntimeError("disk full")

    monkeypatch.setattr(importer, "fill_version", explode)
    with pytest.raises(RuntimeError):
        store_extraction(sample_extraction(), cast.party_committee)
    assert _counts() == (0, 0, 0)


def test_malformed_engine_values_are_dropped_not_fatal(cast) -> None:
    extraction = sample_extraction(date="ngày tháng năm 2024")
    extraction["targets"].append({"text": "x", "comparator": "≈", "value": "nhiều"})
    extraction["tasks"].append({"text": "  ", "lead": None})
    extraction["reporting"].append({"frequency": "annual", "deadline": ["06-01", "11-15"]})
    version = store_extraction(extraction, cast.party_committee).version
    assert version.plan.date is None
    assert version.targets.count() == 2 and version.tasks.count() == 2
    assert version.reporting_duties.last().deadlines == ["06-01", "11-15"]


def test_links_resolve_whichever_plan_arrives_first(cast) -> None:
    parent_doc = sample_extraction(number="82-CTr/TU", date="2024-03-26", implements=[])
    parent_doc["document"]["kind"] = "chuong_trinh"
    child_doc = sample_extraction(
        number="05-KH/ThU",
        date="2024-05-02",
        implements=[{"kind": "chuong_trinh", "number": "82-CTr/TU", "date": "2024-03-26"}],
    )
    child = store_extraction(child_doc, cast.district_committee, digest="c").plan
    link = child.links.get(relation="implements", number="82-CTr/TU")
    assert link.target is None
    parent = store_extraction(parent_doc, cast.party_committee, digest="p").plan
    link.refresh_from_db()
    assert link.target == parent
    late = store_extraction(
        sample_extraction(
            number="06-KH/ThU",
            date="2024-06-01",
            implements=[{"kind": "chuong_trinh", "number": "82-ctr/tu", "date": "2024-03-26"}],
        ),
        cast.district_committee,
        digest="l",
    ).plan
    assert late.links.get(relation="implements").target == parent


@pytest.mark.integration
def test_a_seed_plan_goes_through_the_engine(cast, seeds_dir) -> None:
    path = seeds_dir / "003_e6f5f0dc89473b66.txt"
    result = import_document(path.read_bytes(), path.name, cast.party_committee, cast.officer)
    assert result.version.source_text.strip()
    assert result.version.extraction["schema"] == "trienkhai.extract/1"
    assert result.version.tasks.count() == len(result.version.extraction["tasks"])


def test_filling_in_a_blank_number_on_review_links_the_plans_that_cite_it(cast) -> None:
    parent = store_extraction(
        sample_extraction(number=None, date=None, implements=[]), cast.party_committee, digest="p"
    ).plan
    child = store_extraction(
        sample_extraction(
            number="05-KH/ThU",
            date="2024-05-02",
            implements=[{"kind": "chuong_trinh", "number": "82-CTr/TU", "date": "2024-03-26"}],
        ),
        cast.district_committee,
        digest="c",
    ).plan
    assert child.links.get(relation="implements").target is None
    parent.number, parent.date = "82-CTr/TU", dt.date(2024, 3, 26)
    parent.save()
    assert child.links.get(relation="implements").target == parent


def test_the_same_number_from_two_bodies_is_told_apart_by_issuer(cast) -> None:
    ours = store_extraction(
        sample_extraction(number="01-KH", date="2024-01-02", implements=[]),
        cast.party_committee,
        digest="a",
    ).plan
    store_extraction(
        sample_extraction(number="01-KH", date="2024-01-02", implements=[]),
        cast.other_office,
        digest="b",
    )
    citing = sample_extraction(number="09-KH", date="2024-02-01", implements=[])
    citing["citations"] = [
        {"kind": "ke_hoach", "number": "01-KH", "date": "2024-01-02", "issuer": "Tỉnh ủy Mẫu"}
    ]
    plan = store_extraction(citing, cast.district_committee, digest="c").plan
    assert plan.links.get(number="01-KH").target == ours


def test_a_race_past_the_duplicate_check_is_stopped_by_the_database(cast, monkeypatch) -> None:
    first = store_extraction(sample_extraction(), cast.party_committee, digest="same").plan
    real, calls = importer.find_duplicate, []

    def blind_then_real(*args):
        calls.append(args)
        return None if len(calls) <= 2 else real(*args)  # the check ran before the other commit

    monkeypatch.setattr(importer, "find_duplicate", blind_then_real)
    with pytest.raises(DuplicatePlan) as err:
        store_extraction(sample_extraction(number="99-KH/TU"), cast.party_committee, digest="same")
    assert err.value.existing == first
    assert _counts() == (1, 1, 2)


def test_same_file_as_a_new_version_is_refused(cast) -> None:
    first = store_extraction(sample_extraction(), cast.party_committee, digest="x").plan
    with pytest.raises(DuplicatePlan):
        store_extraction(
            sample_extraction(), cast.party_committee, digest="x", new_version_of=first
        )


def test_a_printed_issuer_other_than_the_chosen_unit_is_flagged(cast) -> None:
    right = store_extraction(sample_extraction(), cast.party_committee, digest="a")
    assert right.printed_issuer is None
    wrong = store_extraction(sample_extraction(number="13-KH/TU"), cast.department, digest="b")
    assert wrong.printed_issuer == cast.party_committee  # the text says "Tỉnh ủy Mẫu"
    unknown = sample_extraction(number="14-KH/TU")
    unknown["document"]["issuer"] = None
    assert store_extraction(unknown, cast.department, digest="c").printed_issuer is None
