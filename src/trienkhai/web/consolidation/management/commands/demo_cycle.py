"""manage.py demo_cycle --out DIR — one reporting period played end to end, for a reviewer.

Run it on a throw-away database (``make demo-cycle OUT=DIR`` does): it loads the sample data,
plays the period (``consolidation/demo.py``), and writes to DIR the consolidated report
(.docx, .pdf and one PNG per page), the .xlsx tables, the reminder letter (.docx, .pdf, .png)
and screenshots of the dashboard, the consolidation page and the follow-up page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import reverse

from trienkhai.lib.browser import CHROMIUM, CHROMIUM_ARGS, free_port, wait_until_up
from trienkhai.web.consolidation.demo import DemoError, play
from trienkhai.web.consolidation.exporters import EXPORTERS

SCREEN_PASSWORD = "demo-chu-ky-2025"


class Command(BaseCommand):
    help = "Chạy thử trọn một kỳ báo cáo trên dữ liệu mẫu và ghi kết quả ra thư mục."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--out", type=Path, required=True, help="thư mục ghi kết quả")
        parser.add_argument("--no-screenshots", action="store_true", help="bỏ qua ảnh chụp trang")

    def handle(self, *args: Any, out: Path, no_screenshots: bool, **options: Any) -> None:
        out.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_sample_data", stdout=self.stdout)
        try:
            outcome = play()
        except DemoError as err:
            raise CommandError(str(err)) from None
        self.stdout.write(f"Kế hoạch: {outcome.plan}")
        self.stdout.write(f"Kỳ: {outcome.period.label}; cơ quan tổng hợp: {outcome.focal.name}")
        self.stdout.write(
            f"Đúng hạn: {len(outcome.on_time)} đơn vị; trả lại rồi gửi lại: {outcome.returned}"
        )
        self.stdout.write(f"Trễ hạn: {outcome.late}; chưa gửi: {', '.join(outcome.missing)}")
        version = outcome.report.latest()
        written = []
        for exporter in EXPORTERS.values():
            path = out / f"bao-cao-tong-hop.{exporter.extension}"
            path.write_bytes(exporter.render(version.consolidation(), version.draft()))
            written.append(path)
        letter = out / "cong-van-don-doc.docx"
        letter.write_bytes(outcome.letter)
        written.append(letter)
        for docx in (out / "bao-cao-tong-hop.docx", letter):
            written.extend(self._pdf_and_pages(docx))
        if not no_screenshots:
            written.extend(self._screenshots(out, outcome))
        for path in written:
            self.stdout.write(f"  {path}")

    def _pdf_and_pages(self, docx: Path) -> list[Path]:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            self.stderr.write("soffice không có (gói libreoffice-writer); bỏ qua PDF và PNG.")
            return []
        profile = docx.parent / ".lo-profile"
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile.resolve()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(docx.parent),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
        shutil.rmtree(profile, ignore_errors=True)
        pdf = docx.with_suffix(".pdf")
        if not pdf.is_file():
            raise CommandError(f"LibreOffice không tạo được {pdf.name}")
        written = [pdf]
        if shutil.which("pdftoppm"):
            prefix = docx.with_suffix("")
            subprocess.run(
                ["pdftoppm", "-png", "-r", "80", str(pdf), str(prefix)], check=True, timeout=180
            )
            written.extend(sorted(docx.parent.glob(f"{prefix.name}-*.png")))
        return written

    def _screenshots(self, out: Path, outcome: Any) -> list[Path]:
        if not Path(CHROMIUM).exists():
            self.stderr.write(f"Không thấy chromium tại {CHROMIUM}; bỏ qua ảnh chụp trang.")
            return []
        officer = outcome.officer
        officer.set_password(SCREEN_PASSWORD)
        officer.save()
        port = free_port()
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "trienkhai.web.settings"}
        server = subprocess.Popen(
            [
                sys.executable,
                str(Path(settings.REPO_ROOT) / "manage.py"),
                "runserver",
                "--noreload",
                f"127.0.0.1:{port}",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            if not wait_until_up(base + reverse("login")):
                raise CommandError(f"máy chủ thử tại {base} không khởi động được")
            return _shoot(base, out, officer.get_username(), outcome)
        finally:
            server.terminate()
            server.wait(timeout=10)


def _shoot(base: str, out: Path, username: str, outcome: Any) -> list[Path]:
    from playwright.sync_api import sync_playwright

    pages = [
        (
            "dashboard",
            reverse("dashboards:overview")
            + f"?plan={outcome.plan.pk}&unit={outcome.focal.territory_id or outcome.focal.pk}",
        ),
        ("dashboard-all", reverse("dashboards:overview")),
        ("consolidation", reverse("consolidation:detail", args=[outcome.report.pk])),
        ("followup", reverse("reporting:followup")),
    ]
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            base_url=base,
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            viewport={"width": 1366, "height": 900},
        )
        page = context.new_page()
        page.goto("/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(SCREEN_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_load_state()
        for name, url in pages:
            response = page.goto(url)
            if response is None or response.status >= 400:
                continue
            path = out / f"man-hinh-{name}.png"
            page.screenshot(path=str(path), full_page=True)
            written.append(path)
        browser.close()
    return written
