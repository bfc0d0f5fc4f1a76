"""Quality floor: the pipeline on the four seeds, scored by the shared scorer against the gold.

Runs ``../shared/eval/score.py`` exactly as the evaluation does (skipped when the shared folder
is not beside the checkout) and fails below the floors of issue 2, so nothing regresses.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trienkhai.documents import extract_path

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"

FLOORS_F1 = {"citations": 0.95, "tasks": 0.90, "targets": 1.0, "reporting": 1.0}
OVERALL = 0.92


@pytest.fixture(scope="module")
def scores(seeds_dir: Path, gold_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is not beside the checkout")
    out = tmp_path_factory.mktemp("extract")
    for path in sorted(seeds_dir.glob("*.txt")):
        result = extract_path(path)
        (out / f"{path.stem}.json").write_text(json.dumps(result, ensure_ascii=False), "utf-8")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(out), str(gold_dir), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.integration
def test_overall_floor(scores: dict) -> None:
    assert scores["overall_f1"] >= OVERALL, json.dumps(scores, indent=1)


@pytest.mark.integration
@pytest.mark.parametrize("field", sorted(FLOORS_F1))
def test_field_floor(scores: dict, field: str) -> None:
    assert scores[field]["f1"] >= FLOORS_F1[field] - 1e-9, json.dumps(scores[field])


@pytest.mark.integration
@pytest.mark.parametrize("field", ["implements", "citations", "targets", "reporting"])
def test_document_level_fields_are_exact_on_the_seeds(scores: dict, field: str) -> None:
    """Above the floors: what engineer C extracts should be right on every seed."""
    assert scores[field]["f1"] >= 0.99, json.dumps(scores[field])


@pytest.mark.integration
def test_document_fields_and_issuers(scores: dict) -> None:
    assert scores["document_fields"] >= 0.99
    assert scores["citation_issuer"] >= 0.95
