"""PNG screenshots of the main pages, for a reviewer: `make screenshots OUT=DIR`.

Sets up a throw-away SQLite database in a temporary directory, migrates it, loads the sample
data (the same as `make run`), serves it with Django's development server on a free local
port, and drives Debian's chromium through Playwright: login, plan list, plan review, document
graph, the cascade (the focal officer's, and the administrator's from resolution 43-NQ/TW), a
unit's inbox, the unresolved-bodies queue and the admin registry. Nothing touches the
developer's own database in var/.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from trienkhai.lib.browser import CHROMIUM, CHROMIUM_ARGS, free_port, wait_until_up

ROOT = Path(__file__).resolve().parents[1]


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True, cwd=ROOT)


def shoot(base: str, out: Path, user: str, reporter: str, admin: str, password: str) -> list[Path]:
    from playwright.sync_api import Page, sync_playwright

    written: list[Path] = []

    def snap(page: Page, name: str) -> None:
        """The whole page, cut at three screens (the review page of a long plan is very tall)."""
        path = out / f"{name}.png"
        height = min(page.evaluate("document.documentElement.scrollHeight"), 2700)
        page.set_viewport_size({"width": 1440, "height": max(900, height)})
        page.screenshot(path=str(path))
        page.set_viewport_size({"width": 1440, "height": 900})
        written.append(path)

    def login(page: Page, username: str, secret: str) -> None:
        page.goto(f"{base}/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(secret)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()
        if "/dang-nhap/" in page.url:
            raise SystemExit(f"screenshots: cannot log in as {username!r}")

    def first_link(page: Page, selector: str) -> str | None:
        link = page.locator(selector).first
        return link.get_attribute("href") if link.count() else None

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 1440, "height": 900}
        )
        page = context.new_page()
        page.goto(f"{base}/dang-nhap/")
        snap(page, "01-dang-nhap")
        login(page, user, password)
        page.goto(f"{base}/ke-hoach/")
        snap(page, "02-danh-sach-ke-hoach")
        # The province's programme 82-CTr/TU: its graph and its cascade down to La Gi's plan.
        page.goto(f"{base}/ke-hoach/?q=82-CTr")
        plan = first_link(page, "table.data tbody a")
        page.goto(f"{base}/ke-hoach/")
        plan = plan or first_link(page, "table.data tbody a")
        if not plan:
            raise SystemExit("screenshots: the sample data holds no plan for this officer")
        pages = [
            ("03-ra-soat-ke-hoach", plan),
            ("04-so-do-van-ban", f"{plan}so-do/"),
            ("05-chuoi-trien-khai", f"{plan}chuoi-trien-khai/"),
            ("08-co-quan-cho-xac-dinh", "/don-vi/cho-xac-dinh/"),
        ]
        for name, where in pages:
            page.goto(f"{base}{where}")
            snap(page, name)
        context.close()

        # A unit's inbox, as its reporter sees it.
        context = browser.new_context(locale="vi-VN", viewport={"width": 1440, "height": 900})
        page = context.new_page()
        login(page, reporter, password)
        page.goto(f"{base}/ke-hoach/nhiem-vu/")
        snap(page, "06-nhiem-vu-cua-don-vi")
        context.close()

        context = browser.new_context(locale="vi-VN", viewport={"width": 1440, "height": 900})
        page = context.new_page()
        login(page, admin, password)
        page.goto(f"{base}/don-vi/")
        snap(page, "07-co-cau-to-chuc")
        page.goto(f"{base}/quan-tri/orgs/unit/")
        snap(page, "09-quan-tri-danh-muc-don-vi")
        # The whole cascade of the central resolution (not uploaded) down to the towns.
        page.goto(f"{base}/ke-hoach/van-ban/chuoi-trien-khai/?so=43-NQ/TW&ngay=2023-11-24")
        snap(page, "10-chuoi-trien-khai-43-NQ-TW")
        context.close()
        browser.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--user", default="bdv.binhthuan", help="a focal officer of the sample")
    parser.add_argument("--reporter", default="baocao.sgddt.thanhhoa", help="a unit's reporter")
    parser.add_argument("--admin", default="quantri", help="an administrator of the sample")
    parser.add_argument("--password", default="trienkhai-demo-2025", help="the demo password")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit(f"screenshots: chromium not found at {CHROMIUM} (make system-deps)")
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="trienkhai-shots-") as tmp:
        env = {**os.environ, "TRIENKHAI_VAR_DIR": tmp, "DEBUG": "1"}
        env.pop("DATABASE_URL", None)
        env["DJANGO_SETTINGS_MODULE"] = "trienkhai.web.settings"
        manage(env, "migrate", "--noinput", "-v", "0")
        manage(env, "load_sample_data", "--seeds", str(args.seeds))
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            if not wait_until_up(f"{base}/dang-nhap/"):
                raise SystemExit(f"screenshots: the server at {base} did not start")
            written = shoot(base, args.out, args.user, args.reporter, args.admin, args.password)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in written:
        print(path)


if __name__ == "__main__":
    main()
