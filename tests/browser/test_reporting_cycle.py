"""A period's report in a real browser: the reporter drafts and submits, the head approves,
the focal officer returns it with a comment, the reporter corrects and resubmits, the head
approves again and the officer accepts; a viewer may only read, an outsider sees nothing."""

from __future__ import annotations

import pytest

from tests.web.cast import PASSWORD, Cast
from tests.web.reporting_helpers import department_obligation


@pytest.fixture
def people(transactional_db) -> Cast:
    return Cast.build()


def _logout(page) -> None:
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()


def test_draft_submit_approve_return_resubmit_accept(page, login, people) -> None:
    ob = department_obligation(people)
    url = f"/bao-cao/nghia-vu/{ob.pk}/"

    login("reporter", PASSWORD)
    page.goto("/bao-cao/")
    page.get_by_role("link", name="Quý I/2025").first.click()
    page.get_by_role("link", name="Lập báo cáo").click()
    page.get_by_role("button", name="Tạo dự thảo báo cáo").click()
    page.get_by_label("Đánh giá chung").fill("Đơn vị đã triển khai đầy đủ.")
    page.get_by_label("Tình hình").first.select_option("done")
    page.get_by_label("Kết quả thực hiện").first.fill("Tổ chức 3 hội nghị quán triệt.")
    page.get_by_label("Đạt được").first.fill("86,5")
    page.get_by_role("button", name="Lưu dự thảo").click()
    assert page.get_by_text("Đã lưu dự thảo.").is_visible()
    page.get_by_role("button", name="Lưu và trình lãnh đạo duyệt").click()
    assert page.get_by_text("Đã trình lãnh đạo đơn vị duyệt.").is_visible()
    _logout(page)

    login("head", PASSWORD)
    page.goto(url)
    page.get_by_role("button", name="Duyệt và gửi").click()
    assert page.get_by_text("Đã duyệt và gửi báo cáo.").is_visible()
    _logout(page)

    login("officer", PASSWORD)
    page.goto("/bao-cao/?scope=received")
    page.goto(url)
    page.get_by_label("Lý do trả lại").fill("Bổ sung số liệu chỉ tiêu 2.")
    page.get_by_role("button", name="Trả lại").click()
    assert page.get_by_text("Đã trả lại báo cáo cho đơn vị.").is_visible()
    _logout(page)

    login("reporter", PASSWORD)
    page.goto(url)
    assert page.get_by_text("Bổ sung số liệu chỉ tiêu 2.").first.is_visible()
    page.get_by_role("link", name="Sửa báo cáo").click()
    page.get_by_label("Đạt được").nth(1).fill("100")
    page.get_by_role("button", name="Lưu và trình lại").click()
    assert page.get_by_text("Đã trình lãnh đạo đơn vị duyệt.").is_visible()
    _logout(page)

    login("head", PASSWORD)
    page.goto(url)
    page.get_by_role("button", name="Duyệt và gửi").click()
    _logout(page)

    login("officer", PASSWORD)
    page.goto(url)
    page.get_by_role("button", name="Tiếp nhận").click()
    assert page.get_by_text("Đã tiếp nhận báo cáo.").is_visible()
    timeline = page.locator(".timeline").inner_text()
    for step in ("Trình lãnh đạo duyệt", "Trả lại", "Trình lại sau khi sửa", "Tiếp nhận"):
        assert step in timeline
    _logout(page)

    login("viewer", PASSWORD)
    page.goto(url)
    assert page.get_by_text("Bạn chỉ có quyền xem báo cáo này.").is_visible()
    assert page.get_by_role("button", name="Tiếp nhận").count() == 0
    _logout(page)

    login("outsider", PASSWORD)
    response = page.goto(url)
    assert response is not None and response.status == 404
