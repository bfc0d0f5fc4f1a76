"""Load the sample registry, demo accounts and the four seed plans (safe to run again).

Units come from ``orgs/data/sample_units.csv`` through the registry importer (Bình Thuận with
thị xã La Gi, Thanh Hóa, Lai Châu with thành phố Lai Châu, the central bodies, and the 2025
reform: districts closed on 30/06/2025, Bình Thuận passing to Lâm Đồng). Seed plans are read by
the engine, published, and their assignments handed over to today's units.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from trienkhai.web.accounts.models import Membership
from trienkhai.web.audit.log import acting_as
from trienkhai.web.orgs.models import Unit
from trienkhai.web.orgs.registry_io import import_units
from trienkhai.web.plans.errors import DuplicatePlan, PlanError
from trienkhai.web.plans.importer import import_document
from trienkhai.web.plans.publish import handover_expired, publish

ORGS_DATA = Path(__file__).resolve().parents[3] / "orgs" / "data" / "sample_units.csv"
PLANS_DATA = Path(__file__).resolve().parents[2] / "data" / "sample_plans.yaml"
DEFAULT_SEEDS = Path(settings.REPO_ROOT).parent / "shared" / "seeds"


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu: đơn vị, tài khoản thử và bốn kế hoạch mẫu."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seeds",
            type=Path,
            default=DEFAULT_SEEDS,
            help="thư mục chứa các tệp kế hoạch mẫu (.txt)",
        )
        parser.add_argument("--no-plans", action="store_true", help="chỉ nạp đơn vị và tài khoản")

    def handle(self, *args: Any, seeds: Path, no_plans: bool, **options: Any) -> None:
        spec = yaml.safe_load(PLANS_DATA.read_text(encoding="utf-8"))
        summary = import_units(ORGS_DATA.read_bytes(), ORGS_DATA.name)
        self.stdout.write(
            f"Đơn vị: {summary.created} mới, {summary.updated} cập nhật, "
            f"{summary.unchanged} giữ nguyên."
        )
        admin = self._accounts(spec)
        if no_plans:
            return
        if not seeds.is_dir():
            self.stderr.write(f"Không thấy thư mục kế hoạch mẫu {seeds}; bỏ qua kế hoạch.")
            return
        with acting_as(admin):
            for entry in spec["plans"]:
                issuer = Unit.objects.get(code=entry["issuer"])
                self._plan(seeds / entry["file"], issuer, admin, entry.get("review") or {})
            moved = handover_expired(timezone.localdate())
        self.stdout.write(f"Chuyển giao cho đơn vị kế thừa: {moved} nhiệm vụ.")

    def _accounts(self, spec: dict[str, Any]):
        users = get_user_model()
        first = None
        for acc in spec["accounts"]:
            user, created = users.objects.get_or_create(
                username=acc["username"],
                defaults={"first_name": acc["name"], "email": f"{acc['username']}@example.vn"},
            )
            if created:
                user.set_password(spec["password"])
                user.is_staff = user.is_superuser = bool(acc.get("superuser"))
                user.save()
            Membership.objects.get_or_create(
                user=user, unit=Unit.objects.get(code=acc["unit"]), role=acc["role"]
            )
            first = first or user
        self.stdout.write(f"Tài khoản thử: {len(spec['accounts'])} (mật khẩu {spec['password']}).")
        return first

    def _plan(self, path: Path, issuer: Unit, user, review: dict[str, Any]) -> None:
        if not path.is_file():
            self.stderr.write(f"Không thấy {path}; bỏ qua.")
            return
        try:
            result = import_document(path.read_bytes(), path.name, issuer, user)
        except DuplicatePlan:
            self.stdout.write(f"{path.name}: đã có, giữ nguyên.")
            return
        except PlanError as err:
            self.stderr.write(f"{path.name}: {err}")
            return
        plan = result.plan
        if review:  # the officer's corrections of what the text leaves blank
            plan.number = review.get("number", plan.number)
            plan.date = review.get("date", plan.date)
            plan.save()
        try:
            published = publish(result.version, user)
        except PlanError as err:
            self.stdout.write(f"{path.name}: nhập bản dự thảo ({err})")
            return
        self.stdout.write(
            f"{path.name}: công bố, {published.assignments} giao nhiệm vụ, "
            f"{len(published.unresolved)} tên cơ quan chờ xác định."
        )
