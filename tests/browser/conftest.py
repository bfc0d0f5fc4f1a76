"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server.

Playwright's own browser download does not work on these machines, so the tests launch
``/usr/bin/chromium`` (override with ``TRIENKHAI_CHROMIUM``). Without it the tests are skipped
with a reason, except under CI or ``make test`` (``CI`` / ``TRIENKHAI_BROWSER_REQUIRED`` set),
where a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set
# up data are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trienkhai.web.settings")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.integration)


@pytest.fixture
def page(browser, live_server) -> Iterator[object]:
    """A fresh browser context (no cookies) on the live server, Vietnamese, Hanoi time."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        timezone_id="Asia/Ho_Chi_Minh",
        viewport={"width": 1366, "height": 900},
    )
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def login(page) -> Callable[[str, str], None]:
    """Log in through the real form, as a person would."""

    def _login(username: str, password: str) -> None:
        page.goto("/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()

    return _login
