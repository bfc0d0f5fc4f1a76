"""`trienkhai import FILE... --unit CODE` against the test database."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from trienkhai.cli import main
from trienkhai.web.plans.models import Plan

PLAN = """ỦY BAN NHÂN DÂN TỈNH MẪU
Số: 15/KH-UBND
Mẫu, ngày 05 tháng 3 năm 2024
KẾ HOẠCH
Thực hiện công tác cải cách hành chính năm 2024
II. NHIỆM VỤ
1. Sở Nội vụ chủ trì rà soát thủ tục hành chính, hoàn thành trong Quý II/2024.
"""


def _run(*args: str):
    return CliRunner().invoke(main, ["import", *args])


def test_unknown_unit_is_a_clear_error(cast, tmp_path: Path) -> None:
    path = tmp_path / "kh.txt"
    path.write_text(PLAN, encoding="utf-8")
    result = _run(str(path), "--unit", "khong-co")
    assert result.exit_code == 1
    assert "khong-co" in result.output and "Traceback" not in result.output
    assert not Plan.objects.exists()


def test_files_are_imported_and_failures_reported(cast, tmp_path: Path) -> None:
    good, empty = tmp_path / "kh.txt", tmp_path / "rong.txt"
    good.write_text(PLAN, encoding="utf-8")
    empty.write_bytes(b"")
    result = _run(str(empty), str(good), "--unit", cast.peoples_committee.code, "--user", "officer")
    assert result.exit_code == 1
    assert "lỗi: rong.txt" in result.output
    assert "kh.txt: kế hoạch #" in result.output
    plan = Plan.objects.get()
    assert plan.issuing_unit == cast.peoples_committee and plan.created_by == cast.officer
    again = _run(str(good), "--unit", cast.peoples_committee.code)
    assert again.exit_code == 1 and "đã có trong hệ thống" in again.output
    assert Plan.objects.count() == 1


def test_strict_stops_at_the_first_failure(cast, tmp_path: Path) -> None:
    empty, good = tmp_path / "rong.txt", tmp_path / "kh.txt"
    empty.write_bytes(b"")
    good.write_text(PLAN, encoding="utf-8")
    result = _run(str(empty), str(good), "--unit", cast.peoples_committee.code, "--strict")
    assert result.exit_code == 1 and not Plan.objects.exists()
