"""The report's history renders as a styled timeline: who, when (Hanoi time), what, and the
reason of a return — checked in chromium and kept as a screenshot for a person to look at.

Set ``TRIENKHAI_SHOTS=DIR`` to keep the PNG (otherwise it goes to the test's tmp_path)."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from tests.web.cast import PASSWORD, Cast
from tests.web.reporting_helpers import department_obligation
from trienkhai.web.reporting import services
from trienkhai.web.reporting.models import ReportEvent

UTC = dt.UTC


@pytest.fixture
def people(transactional_db) -> Cast:
    return Cast.build()


def _history(people: Cast):
    """Draft → submitted → approved → returned → resubmitted, a reminder, at known moments."""
    ob = department_obligation(people)
    report = services.open_report(ob, people.reporter)
    report.submit(people.reporter)
    report.approve(people.head)
    report.return_to_unit(people.officer, "Bổ sung số liệu chỉ tiêu 2.\nGhi rõ nguồn số liệu.")
    report.submit(people.reporter)
    ReportEvent.objects.create(
        obligation=ob, kind="reminder", comment="Nhắc hạn", recipients="reporter@example.test"
    )
    # pin the moments (UTC) so the Hanoi rendering can be checked: +7 hours
    moments = [
        dt.datetime(2025, 4, 3, 1, 30, tzinfo=UTC) + dt.timedelta(hours=20 * i) for i in range(6)
    ]
    for event, at in zip(ob.events.order_by("id"), moments, strict=True):
        ReportEvent.objects.filter(pk=event.pk).update(at=at)
    return ob


def test_timeline_shows_who_when_what_and_the_return_reason(page, login, people, tmp_path) -> None:
    ob = _history(people)
    login("officer", PASSWORD)
    page.goto(f"/bao-cao/nghia-vu/{ob.pk}/")
    items = page.locator(".timeline > .timeline__item")
    assert items.count() == 6

    whats = items.locator(".timeline__what").all_inner_texts()
    assert whats == [
        "Tạo dự thảo",
        "Trình lãnh đạo duyệt",
        "Lãnh đạo duyệt, gửi đi",
        "Trả lại",
        "Trình lại sau khi sửa",
        "Nhắc hạn",
    ]
    whens = items.locator(".timeline__when").all_inner_texts()
    # 03/04/2025 01:30 UTC is 08:30 in Hanoi; each next event 20 hours later
    assert whens[:2] == ["03/04/2025 08:30", "04/04/2025 04:30"]
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", w) for w in whens)
    whos = items.locator(".timeline__who").all_inner_texts()
    assert whos[-1] == "Hệ thống" and all(whos)

    returned = items.nth(3)
    comment = returned.locator(".timeline__comment")
    assert "Lý do trả lại:" in comment.inner_text()
    assert "Bổ sung số liệu chỉ tiêu 2." in comment.inner_text()

    # styled, not a bare numbered list: no markers, a rail, a dot per event, tones by kind
    timeline = page.locator(".timeline")
    assert timeline.evaluate("e => getComputedStyle(e).listStyleType") == "none"
    assert timeline.evaluate("e => getComputedStyle(e, '::before').borderLeftStyle") == "solid"
    dot = returned.evaluate(
        "e => { const s = getComputedStyle(e, '::before'); return [s.width, s.borderRadius] }"
    )
    assert dot[0] != "auto" and dot[1] == "50%"
    red = returned.evaluate("e => getComputedStyle(e).borderLeftColor")
    green = items.nth(2).evaluate("e => getComputedStyle(e).borderLeftColor")
    assert red == "rgb(161, 39, 27)" and green == "rgb(27, 107, 58)"  # --err, --ok

    shots = Path(os.environ.get("TRIENKHAI_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    target = shots / "report-timeline.png"
    page.locator("section[aria-labelledby=timeline-h]").screenshot(path=str(target))
    assert target.stat().st_size > 5_000
