"""Shared pytest fixtures: the seeds and gold annotations, and the one headless chromium.

Playwright's sync API runs an event loop in the test thread, so two ``sync_playwright()``
sessions cannot be open at once: every browser test (web pages, the comparison's HTML report)
shares the session-scoped ``browser`` below. It drives Debian's ``/usr/bin/chromium``
(override with ``TRIENKHAI_CHROMIUM``); without it the tests are skipped, except under CI or
``make test`` (``CI`` / ``TRIENKHAI_BROWSER_REQUIRED`` set), where a missing browser fails.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "gold"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the checkout")
    return SEEDS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    if not GOLD.is_dir():
        pytest.skip("../shared/eval/gold is not beside the checkout")
    return GOLD


from trienkhai.lib.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def browser_required() -> bool:
    """True under CI or `make test`, where a missing chromium is a failure, not a skip."""
    return any(os.environ.get(name) for name in ("CI", "TRIENKHAI_BROWSER_REQUIRED"))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One chromium for the whole session (starting it costs about a second)."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)) and not shutil.which(
        CHROMIUM
    ):
        message = f"chromium not found at {CHROMIUM} (Debian package `chromium`)"
        if browser_required():
            pytest.fail(message + "; `make system-deps` installs it")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
