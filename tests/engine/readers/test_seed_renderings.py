"""The seeds typed into Word read like the seeds: the .docx reader on real plan language."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from trienkhai.documents import extract_bytes, extract_path

pytestmark = pytest.mark.integration
MAKE_FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "make_fixtures.py"
SEEDS = [
    "000_fd14fda0d7ba0650",
    "001_bea7e661fdf07ade",
    "003_e6f5f0dc89473b66",
    "004_31fbcdc3dcbc9cdd",
]


@pytest.fixture(scope="module")
def renderer():
    spec = importlib.util.spec_from_file_location("make_fixtures", MAKE_FIXTURES)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_rendered_to_docx_gives_the_same_tasks_and_citations(seeds_dir, renderer, stem):
    path = seeds_dir / f"{stem}.txt"
    docx = renderer.render_docx(renderer.strip_markdown(path.read_text(encoding="utf-8")))
    from_txt = extract_path(path)
    from_docx = extract_bytes(docx, f"{stem}.docx")
    assert [t["section"] for t in from_docx["tasks"]] == [t["section"] for t in from_txt["tasks"]]
    assert {(c["kind"], c["number"]) for c in from_docx["citations"]} == {
        (c["kind"], c["number"]) for c in from_txt["citations"]
    }
