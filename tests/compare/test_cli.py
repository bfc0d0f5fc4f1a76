"""The commands: compare, index, similar; bad input is one line and exit status 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from trienkhai.cli import main

from .conftest import BINH_THUAN, LA_GI, THANH_HOA


@pytest.fixture
def corpus(tmp_path: Path, gold_dir: Path, seeds_dir: Path) -> Path:
    """Extraction results (the gold) with their source texts beside them."""
    for stem in (BINH_THUAN, LA_GI, THANH_HOA):
        shutil.copy(gold_dir / f"{stem}.json", tmp_path / f"{stem}.json")
        shutil.copy(seeds_dir / f"{stem}.txt", tmp_path / f"{stem}.txt")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_compare_writes_each_format(corpus: Path) -> None:
    parent, child = str(corpus / f"{BINH_THUAN}.json"), str(corpus / f"{LA_GI}.json")
    for fmt in ("json", "md", "html"):
        out = corpus / f"report.{fmt}"
        result = run("compare", parent, child, "--format", fmt, "--out", str(out))
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 1000
    data = json.loads((corpus / "report.json").read_text("utf-8"))
    assert data["summary"]["coverage"] == 1.0
    assert data["citations"]["localised"]  # the source text beside the JSON was read


def test_compare_siblings_to_stdout(corpus: Path) -> None:
    result = run(
        "compare",
        "--siblings",
        str(corpus / f"{BINH_THUAN}.json"),
        str(corpus / f"{THANH_HOA}.json"),
    )
    assert result.exit_code == 0
    assert "Nhóm nhiệm vụ A" in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "không tìm thấy"),
        ("{bad", "JSON không hợp lệ"),
        ('{"tasks": []}', "không tìm thấy nhiệm vụ"),
        ("[1, 2]", "không phải kết quả trích xuất"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(corpus: Path, content: str | None, message: str) -> None:
    bad = corpus / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    result = run("compare", str(bad), str(corpus / f"{LA_GI}.json"))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("lỗi:") and message in lines[0]
    assert "Traceback" not in result.output


def test_unsupported_format_is_refused(corpus: Path) -> None:
    odd = corpus / "plan.xyz"
    odd.write_text("x", encoding="utf-8")
    result = run("compare", str(odd), str(corpus / f"{LA_GI}.json"))
    assert result.exit_code == 1 and "không được hỗ trợ" in result.output


def test_index_then_similar(corpus: Path) -> None:
    ix = corpus / "ix.npz"
    result = run(
        "index",
        str(corpus / f"{BINH_THUAN}.json"),
        str(corpus / f"{THANH_HOA}.json"),
        "--out",
        str(ix),
    )
    assert result.exit_code == 0, result.output
    assert "78 nhiệm vụ của 2 văn bản" in result.output
    result = run(
        "similar",
        str(corpus / f"{LA_GI}.json"),
        "--index",
        str(ix),
        "--top",
        "2",
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    first = data["tasks"][0]["similar"][0]
    assert first["document"].endswith(f"{BINH_THUAN}.json") and first["task"] == 0


def test_similar_with_a_broken_index(corpus: Path) -> None:
    bad = corpus / "ix.npz"
    bad.write_bytes(b"junk")
    result = run("similar", str(corpus / f"{LA_GI}.json"), "--index", str(bad))
    assert result.exit_code == 1 and result.output.startswith("lỗi:")


def test_index_of_nothing(corpus: Path) -> None:
    result = run("index", str(corpus / "missing-dir"))
    assert result.exit_code == 1 and "không tìm thấy" in result.output
