"""The HTML report opened in headless Chromium: it renders, and asks for nothing on the network.

Uses the session-wide ``browser`` fixture of ``tests/conftest.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from trienkhai.compare.render import render

pytestmark = pytest.mark.browser


def test_report_renders_offline_side_by_side(browser, cascade: dict, tmp_path: Path) -> None:
    page_file = tmp_path / "report.html"
    page_file.write_text(render(cascade, "html"), encoding="utf-8")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    assert requests == [page_file.as_uri()]  # the page itself, nothing else
    assert page.title() == "So sánh kế hoạch cấp trên – cấp dưới"
    assert page.locator("table.pairs tbody tr").count() == 40
    assert page.locator("tr.adapted ins").count() > 0
    assert page.locator("tr.adapted del").count() > 0
    cards = page.locator(".card").all_inner_texts()
    assert any("100.0%" in c for c in cards)
    parent_cell = page.locator("tr.adapted td.text").nth(0).bounding_box()
    child_cell = page.locator("tr.adapted td.text").nth(1).bounding_box()
    assert parent_cell and child_cell and child_cell["x"] > parent_cell["x"]  # side by side
    assert abs(child_cell["y"] - parent_cell["y"]) < 1  # in one row
    page.screenshot(path=str(tmp_path / "report.png"), full_page=False)
    page.close()
