"""`trienkhai extract` / `trienkhai lint`: outputs, batches, errors and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from trienkhai.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
PLAN = FIXTURES / "ubnd_2025_chuyen_doi_so.txt"
TABS = FIXTURES / "ubnd_2025_tabs.txt"


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_extract_prints_the_contract_json():
    result = run("extract", str(PLAN))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "trienkhai.extract/1"
    assert data["source"] == PLAN.name
    assert result.stderr == ""  # one file: no summary, no progress bar


def test_extract_many_files_without_out_prints_json_lines():
    result = run("extract", str(PLAN), str(TABS))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert [json.loads(line)["source"] for line in lines] == [PLAN.name, TABS.name]
    assert result.stderr.strip() == "2 tệp: 2 thành công, 0 lỗi"


def test_extract_out_dir_writes_stem_json_files(tmp_path):
    out = tmp_path / "ket-qua"
    result = run("extract", str(PLAN), str(TABS), "--out", str(out))
    assert result.exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "ubnd_2025_chuyen_doi_so.json",
        "ubnd_2025_tabs.json",
    ]
    assert json.loads((out / "ubnd_2025_tabs.json").read_text(encoding="utf-8"))["schema"]
    assert result.stdout == ""


def test_extract_markdown_view(tmp_path):
    result = run("extract", "--format", "md", str(PLAN))
    assert result.exit_code == 0
    md = result.stdout
    assert md.startswith("# Kế hoạch 123/KH-UBND")
    for heading in ("## Văn bản được dẫn chiếu", "## Chỉ tiêu", "## Chế độ báo cáo", "## Nhiệm vụ"):
        assert heading in md
    assert "*Chủ trì:* Sở Khoa học và Công nghệ" in md
    result = run("extract", "--format", "md", "--lang", "en", str(PLAN), "--out", str(tmp_path))
    assert "## Tasks" in (tmp_path / "ubnd_2025_chuyen_doi_so.md").read_text(encoding="utf-8")


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    missing = tmp_path / "khong-co.txt"
    out = tmp_path / "out"
    result = run("extract", str(PLAN), str(empty), str(missing), str(TABS), "--out", str(out))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("lỗi: ")]
    assert errors == [
        f"lỗi: {empty}: tệp rỗng, không có nội dung",
        f"lỗi: {missing}: không tìm thấy tệp",
    ]
    assert result.stderr.strip().splitlines()[-1] == "4 tệp: 2 thành công, 2 lỗi"
    assert len(list(out.iterdir())) == 2
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left


def test_strict_stops_at_the_first_failure(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    result = run("extract", "--strict", str(empty), str(PLAN), "--out", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert not (tmp_path / "o" / "ubnd_2025_chuyen_doi_so.json").exists()
    assert "1 chưa xử lý" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "--format", "xml", str(PLAN)],
        ["extract", str(PLAN), str(FIXTURES / "ubnd_2025_chuyen_doi_so.docx"), "--out", "x"],
    ],
)
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_internal_errors_are_one_line_not_a_traceback(monkeypatch):
    from trienkhai.cli import extract_cmd

    def broken(path):
        raise KeyError("bug")

    monkeypatch.setattr(extract_cmd, "extract_path", broken)
    result = run("extract", str(PLAN))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"lỗi: {PLAN}: lỗi nội bộ")
    assert "Traceback" not in result.output


def test_lint_prints_file_line_code_message(tmp_path):
    doc = tmp_path / "kh.txt"
    doc.write_text(
        "ỦY BAN NHÂN DÂN TỈNH A\nSố: /KH-UBND\nA, ngày tháng năm 2025\nKẾ HOẠCH\nThực hiện kế hoạch\n"
        "I. MỤC TIÊU\nThực hiện thực hiện tốt nhiệm vụ.\n",
        encoding="utf-8",
    )
    result = run("lint", str(doc))
    assert result.exit_code == 0
    lines = result.stdout.strip().splitlines()
    assert lines, "the blank number and doubled word must be flagged"
    for line in lines:
        where, code, message = line.split(": ", 2)
        assert where.startswith(f"{doc}:") and code and message


def test_lint_reports_unreadable_files(tmp_path):
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    result = run("lint", str(empty), str(PLAN))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == f"lỗi: {empty}: tệp rỗng, không có nội dung"
