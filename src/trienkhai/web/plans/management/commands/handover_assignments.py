"""Daily job (cron): pass open assignments of units past their validity to their successors."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from trienkhai.web.plans.publish import handover_expired


class Command(BaseCommand):
    help = "Chuyển nhiệm vụ đang mở của đơn vị đã hết hiệu lực cho đơn vị kế thừa."

    def handle(self, *args: Any, **options: Any) -> None:
        moved = handover_expired(timezone.localdate())
        self.stdout.write(f"Đã chuyển giao {moved} nhiệm vụ.")
