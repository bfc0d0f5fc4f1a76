"""manage.py rebuild_rollup — recompute the dashboards' progress facts from the reports."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from trienkhai.web.dashboards.rollup import rebuild_all


class Command(BaseCommand):
    help = "Tính lại số liệu tiến độ tổng hợp của trang theo dõi từ báo cáo của các đơn vị."

    def handle(self, *args: Any, **options: Any) -> None:
        count = rebuild_all()
        self.stdout.write(f"{count} progress facts")
