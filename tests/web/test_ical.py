"""The iCalendar feed: RFC 5545 text (escaping, folding, CRLF) and the signed per-user URL."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from trienkhai.lib import ical
from trienkhai.web.reporting.calendar import feed_key

from .reporting_helpers import department_obligation

STAMP = dt.datetime(2025, 3, 1, 8, 30, tzinfo=dt.UTC)


def test_text_escaping() -> None:
    assert ical.escape_text("a;b,c\\d\nnew") == "a\\;b\\,c\\\\d\\nnew"


def test_folding_respects_75_octets_and_utf8() -> None:
    line = "SUMMARY:" + "Hạn báo cáo quý của Ủy ban nhân dân huyện " * 5
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join(p[1:] if i else p for i, p in enumerate(parts)) == line


def test_calendar_structure() -> None:
    text = ical.calendar(
        [
            ical.Event(
                "x-1@trienkhai", dt.date(2025, 4, 10), "Hạn báo cáo Quý I/2025", alarm_days_before=3
            )
        ],
        name="Sở Nội vụ",
        stamp=STAMP,
    )
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "\n" not in text.replace("\r\n", "")
    assert "DTSTART;VALUE=DATE:20250410" in lines and "DTEND;VALUE=DATE:20250411" in lines
    assert "DTSTAMP:20250301T083000Z" in lines
    assert "TRIGGER:-P3D" in lines
    assert lines.count("BEGIN:VEVENT") == 1


@pytest.mark.django_db
def test_feed_with_signed_key_and_refusals(cast) -> None:
    department_obligation(cast)
    url = reverse("reporting:calendar", kwargs={"code": cast.department.code})
    key = f"{cast.reporter.pk}.{feed_key(cast.reporter, cast.department)}"
    response = Client().get(url, {"k": key})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 4 and "Quý I/2025" in body
    assert "DTSTART;VALUE=DATE:20250410" in body
    # a key for another unit, a forged key, no key: nothing
    assert Client().get(url, {"k": f"{cast.reporter.pk}.forged"}).status_code == 404
    other = reverse("reporting:calendar", kwargs={"code": cast.district_committee.code})
    assert Client().get(other, {"k": key}).status_code == 404
    assert Client().get(url).status_code == 404
    # the outsider's own valid key does not open a unit outside their reach
    outsider_key = f"{cast.outsider.pk}.{feed_key(cast.outsider, cast.department)}"
    assert Client().get(url, {"k": outsider_key}).status_code == 404
    # a logged-in member needs no key; the links page lists the feed
    session = Client()
    session.force_login(cast.reporter)
    assert session.get(url).status_code == 200
    assert ".ics?k=" in session.get(reverse("reporting:calendar_links")).content.decode()
