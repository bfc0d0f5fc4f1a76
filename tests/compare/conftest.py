"""Fixtures of the comparison tests: plans built from the extraction gold and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trienkhai.compare import Plan, plan_from_extraction

from ..conftest import SHARED

ALIGN = SHARED / "eval" / "align"
LA_GI = "000_fd14fda0d7ba0650"
BINH_THUAN = "001_bea7e661fdf07ade"
THANH_HOA = "004_31fbcdc3dcbc9cdd"


def gold_plan(gold_dir: Path, seeds_dir: Path, stem: str) -> Plan:
    result = json.loads((gold_dir / f"{stem}.json").read_text(encoding="utf-8"))
    return plan_from_extraction(result, text=(seeds_dir / f"{stem}.txt").read_text("utf-8"))


@pytest.fixture(scope="session")
def align_dir() -> Path:
    if not (ALIGN / "000_vs_001.json").is_file():
        pytest.skip("../shared/eval/align is not beside the checkout")
    return ALIGN


@pytest.fixture(scope="session")
def la_gi(gold_dir: Path, seeds_dir: Path) -> Plan:
    return gold_plan(gold_dir, seeds_dir, LA_GI)


@pytest.fixture(scope="session")
def binh_thuan(gold_dir: Path, seeds_dir: Path) -> Plan:
    return gold_plan(gold_dir, seeds_dir, BINH_THUAN)


@pytest.fixture(scope="session")
def thanh_hoa(gold_dir: Path, seeds_dir: Path) -> Plan:
    return gold_plan(gold_dir, seeds_dir, THANH_HOA)


@pytest.fixture(scope="session")
def cascade(binh_thuan: Plan, la_gi: Plan) -> dict:
    from trienkhai.compare import compare_plans

    return compare_plans(binh_thuan, la_gi)
