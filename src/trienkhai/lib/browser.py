"""Headless chromium and a throw-away local server: the pieces the screenshots script, the demo
cycle and the browser tests share.

Playwright's own browser download fails on these machines, so everything drives Debian's
``/usr/bin/chromium`` (``TRIENKHAI_CHROMIUM`` overrides it) with the same flags.
"""

from __future__ import annotations

import os
import socket
import time
import urllib.request

CHROMIUM = os.environ.get("TRIENKHAI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until_up(url: str, timeout_s: float = 30) -> bool:
    """True once ``url`` answers, False if it has not within ``timeout_s`` (callers say why)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return True
        except OSError:
            time.sleep(0.3)
    return False
