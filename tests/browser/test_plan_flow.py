"""The officer's and the reporter's day in a real browser: log in, upload, review and correct,
publish, find the task in the unit's inbox, and be refused another unit's data."""

from __future__ import annotations

import re

import pytest

from tests.web.cast import PASSWORD, Cast
from tests.web.plan_text import PLAN_TXT, store_draft


@pytest.fixture
def people(transactional_db) -> Cast:
    return Cast.build()


def test_wrong_password_then_login(page, login, people) -> None:
    login("officer", "sai-mat-khau")
    assert page.get_by_role("alert").is_visible()
    assert "không đúng" in page.get_by_role("alert").inner_text()
    login("officer", PASSWORD)
    assert page.get_by_role("heading", name="Văn bản, kế hoạch").is_visible()


def test_upload_shows_the_review(page, login, people) -> None:
    login("officer", PASSWORD)
    page.get_by_role("link", name="Tải lên văn bản").click()
    page.get_by_label("Tệp văn bản").set_input_files(
        {"name": "kh-12.txt", "mimeType": "text/plain", "buffer": PLAN_TXT}
    )
    page.get_by_label("Mã cơ quan ban hành").fill("mau-bdv")
    page.get_by_role("button", name="Tải lên và đọc văn bản").click()
    assert page.get_by_text("Hãy rà soát rồi công bố").is_visible()
    assert page.locator(".source").get_by_text("27-CTr/TU").first.is_visible()


def test_upload_with_unknown_unit_code_stays_on_the_form(page, login, people) -> None:
    login("officer", PASSWORD)
    page.goto("/ke-hoach/tai-len/")
    page.get_by_label("Tệp văn bản").set_input_files(
        {"name": "kh-12.txt", "mimeType": "text/plain", "buffer": PLAN_TXT}
    )
    page.get_by_label("Mã cơ quan ban hành").fill("khong-co")
    page.get_by_role("button", name="Tải lên và đọc văn bản").click()
    assert page.get_by_text("Không có đơn vị nào mang mã “khong-co”").is_visible()


def test_correct_publish_and_inbox(page, login, people) -> None:
    version = store_draft(people.focal_body, people.officer)
    login("officer", PASSWORD)
    page.goto(f"/ke-hoach/phien-ban/{version.pk}/")
    page.get_by_role("link", name="Sửa nhiệm vụ").first.click()
    page.get_by_label("Nội dung nhiệm vụ").fill("Sở Nội vụ rà soát, sắp xếp tổ chức bộ máy.")
    page.get_by_role("button", name="Lưu").click()
    assert page.get_by_text("Đã lưu thay đổi.").is_visible()
    assert page.get_by_text("Sở Nội vụ rà soát, sắp xếp tổ chức bộ máy.").first.is_visible()
    page.get_by_role("button", name="Công bố và giao nhiệm vụ").click()
    assert page.get_by_text(re.compile(r"Đã công bố\. Đã giao \d+ nhiệm vụ")).is_visible()
    page.get_by_role("button", name="Đăng xuất").click()

    login("reporter", PASSWORD)
    page.get_by_role("link", name="Nhiệm vụ của đơn vị").click()
    rows = page.locator("table.data tbody tr")
    assert rows.count() >= 1
    assert page.get_by_text("Sở Nội vụ rà soát, sắp xếp tổ chức bộ máy.").is_visible()


def test_another_units_data_is_refused(page, login, people) -> None:
    version = store_draft(people.focal_body, people.officer)
    login("outsider", PASSWORD)
    response = page.goto(f"/ke-hoach/{version.plan_id}/")
    assert response is not None and response.status == 404
    assert page.get_by_role("heading", name="Không tìm thấy").is_visible()
    response = page.goto(f"/ke-hoach/nhiem-vu/don-vi/{people.department.pk}/")
    assert response is not None and response.status == 404


def test_viewer_cannot_publish(page, login, people) -> None:
    version = store_draft(people.focal_body, people.officer)
    login("viewer", PASSWORD)
    page.goto(f"/ke-hoach/phien-ban/{version.pk}/")
    assert page.get_by_role("button", name="Công bố và giao nhiệm vụ").count() == 0
    assert page.get_by_role("link", name="Sửa nhiệm vụ").count() == 0


def test_switch_to_english_and_back(page, login, people) -> None:
    store_draft(people.focal_body, people.officer)
    login("officer", PASSWORD)
    page.get_by_role("button", name="EN").click()
    assert page.get_by_role("heading", name="Documents and plans").is_visible()
    assert page.get_by_text("10/01/2025").is_visible()  # dates stay day-first in English
    page.get_by_role("button", name="VI").click()
    assert page.get_by_role("heading", name="Văn bản, kế hoạch").is_visible()
