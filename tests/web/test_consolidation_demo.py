"""The demo cycle on the real sample data: one period played with a simulated clock."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from docx import Document

from trienkhai.web.consolidation.content import LATE, MISSING, ON_TIME
from trienkhai.web.reporting.models import ReportEvent

pytestmark = [pytest.mark.django_db, pytest.mark.integration]


def test_demo_plays_a_period_with_a_late_a_returned_and_missing_units(seeds_dir) -> None:  # type: ignore[no-untyped-def]
    from trienkhai.web.consolidation.demo import play

    call_command("load_sample_data", seeds=seeds_dir, stdout=io.StringIO())
    outcome = play()
    content = outcome.report.latest().consolidation()
    states = {row.unit: row.state for row in content.timeliness}
    assert states[outcome.late] == LATE
    assert states[outcome.returned] == ON_TIME
    assert all(states[name] == MISSING for name in outcome.missing)
    assert all(states[name] == ON_TIME for name in outcome.on_time)
    kinds = list(
        ReportEvent.objects.filter(report__obligation__unit__name=outcome.returned)
        .order_by("at", "id")
        .values_list("kind", flat=True)
    )
    assert kinds.index("returned") < kinds.index("resubmitted") < kinds.index("accepted")
    letter = Document(io.BytesIO(outcome.letter))
    addressed = "\n".join(p.text for p in letter.paragraphs)
    assert outcome.late in addressed and all(name in addressed for name in outcome.missing)
    draft = outcome.report.latest().draft()
    assert outcome.report.latest().number == 2 and draft.number and draft.signer_name
