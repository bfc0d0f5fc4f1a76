"""Shared furniture: error pages in Vietnamese, day-first dates, the menu's current entry."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from trienkhai.web.core.templatetags.trienkhai import ngay, ngay_gio

from .plan_text import store_draft


@pytest.mark.django_db
def test_404_page_is_vietnamese(client: Client) -> None:
    page = client.get("/khong-co-trang-nay/")
    assert page.status_code == 404
    assert "Không tìm thấy" in page.content.decode()


@pytest.mark.django_db
def test_403_page_is_vietnamese(cast) -> None:
    draft = store_draft(cast.focal_body, cast.officer)
    client = Client()
    client.force_login(cast.viewer)
    page = client.post(reverse("plans:publish", args=[draft.pk]))
    assert page.status_code == 403
    assert "Không có quyền" in page.content.decode()


def test_dates_are_day_first_in_local_time() -> None:
    assert ngay(dt.date(2025, 6, 30)) == "30/06/2025"
    assert ngay("2025-01-10") == "10/01/2025"
    assert ngay(None) == ""
    late_evening_utc = dt.datetime(2025, 12, 31, 18, 30, tzinfo=dt.UTC)
    assert ngay(late_evening_utc) == "01/01/2026"  # already the new year in Hanoi
    assert ngay_gio(late_evening_utc) == "01/01/2026 01:30"


@pytest.mark.parametrize("language", ["vi", "en"])
def test_django_date_filter_is_day_first_in_both_languages(language: str) -> None:
    with translation.override(language):
        rendered = Template("{{ d|date:'SHORT_DATE_FORMAT' }}").render(
            Context({"d": dt.date(2025, 3, 7)})
        )
    assert rendered == "07/03/2025"


def test_menu_marks_the_current_section() -> None:
    template = Template(
        "{% load trienkhai %}<a {% nav_current 'plans:list' exclude='plans:inbox' %}>"
    )
    factory = RequestFactory()
    on_list = template.render(Context({"request": factory.get(reverse("plans:list"))}))
    on_inbox = template.render(Context({"request": factory.get(reverse("plans:inbox"))}))
    assert 'aria-current="page"' in on_list
    assert "aria-current" not in on_inbox


def test_local_time_zone_is_hanoi() -> None:
    assert str(timezone.get_current_timezone()) == "Asia/Ho_Chi_Minh"
