"""Browser tests: Playwright driving Debian's chromium against pytest-django's live server.

Playwright's own browser download does not work on these machines, so the tests launch
``/usr/bin/chromium`` (override with ``TRIENKHAI_CHROMIUM``). Without it the tests are skipped
with a reason, except under CI or ``make test`` (``CI`` / ``TRIENKHAI_BROWSER_REQUIRED`` set),
where a missing browser is a failure.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set
# up data are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trienkhai.web.settings")

CHROMIUM = os.environ.get("TRIENKHAI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _browser_required() -> bool:
    return any(os.environ.get(name) for name in ("CI", "TRIENKHAI_BROWSER_REQUIRED"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One chromium for the session (starting it costs about a second)."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(
        CHROMIUM
    ):
        message = f"chromium not found at {CHROMIUM} (Debian package `chromium`)"
        if _browser_required():
            pytest.fail(message + "; `make system-deps` installs it")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


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
