"""The seeds' gold alignment (La Gi against Bình Thuận), scored by ``score_align.py``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trienkhai.compare import compare_plans, load_plan

from .conftest import BINH_THUAN, LA_GI


def score(result: dict, align_dir: Path, tmp_path: Path) -> dict:
    """Run the shared scorer as a program, on the result written as the CLI would."""
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    scorer = align_dir.parent / "score_align.py"
    out = subprocess.run(
        [sys.executable, str(scorer), str(pred), str(align_dir / "000_vs_001.json"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_gold_tasks_meet_the_alignment_bar(cascade: dict, align_dir: Path, tmp_path: Path) -> None:
    got = score(cascade, align_dir, tmp_path)
    assert got["pairs"]["f1"] >= 0.95
    assert got["class_accuracy"] >= 0.90
    assert got["omitted"]["f1"] >= 0.95 and got["new"]["f1"] >= 0.95


@pytest.mark.integration
def test_seeds_through_the_engine_meet_the_alignment_bar(
    seeds_dir: Path, align_dir: Path, tmp_path: Path
) -> None:
    parent = load_plan(seeds_dir / f"{BINH_THUAN}.txt")
    child = load_plan(seeds_dir / f"{LA_GI}.txt")
    got = score(compare_plans(parent, child), align_dir, tmp_path)
    assert got["pairs"]["f1"] >= 0.95, got
    assert got["class_accuracy"] >= 0.90, got


def test_summary_of_the_cascade(cascade: dict) -> None:
    s = cascade["summary"]
    assert (s["parent_tasks"], s["child_tasks"], s["carried"]) == (40, 40, 40)
    assert (s["copied"], s["adapted"], s["new"]) == (27, 13, 0)
    assert 0.9 < s["copy_ratio"] < 1.0
    assert s["words_added"] == s["child_words"] - s["copied_words"]
    words = {w["word"] for w in s["localisation_words"]}
    assert {"thị xã", "la gi"} <= words


def test_per_group_table_covers_the_eleven_target_groups(cascade: dict) -> None:
    rows = {r["group"]: r for r in cascade["groups"]}
    assert len(rows) == 11
    assert rows["kieu_bao"]["carried"] == 1 and rows["kieu_bao"]["adapted"] == 1


def test_child_footnotes_citing_its_own_plans_are_recognised(cascade: dict) -> None:
    local = {(c["parent_cites"], c["child_cites"]) for c in cascade["citations"]["localised"]}
    assert {
        ("20-CTr/TU", "51-KH/TU"),
        ("05-NQ/TU", "21-CTr/TU"),
        ("12-NQ/TU", "122-KH/TU"),
    } <= local
    assert all(c["child_cites"] != "82-CTr/TU" for c in cascade["citations"]["localised"])
    workers = next(c for c in cascade["citations"]["localised"] if c["child_cites"] == "51-KH/TU")
    assert workers["parent_task"] == 4 and workers["child_tasks"] == [4]


def test_a_plan_that_does_not_carry_out_the_other_is_seen_as_such(
    gold_dir: Path, seeds_dir: Path, la_gi
) -> None:
    from .conftest import gold_plan

    lai_chau = gold_plan(gold_dir, seeds_dir, "003_e6f5f0dc89473b66")  # dân vận, another city
    s = compare_plans(lai_chau, la_gi)["summary"]
    assert s["coverage"] < 0.3 and s["copy_ratio"] < 0.1 and s["copied"] == 0
    assert s["new"] >= 35
