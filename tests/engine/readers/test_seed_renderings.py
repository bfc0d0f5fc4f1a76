"""The seeds typed into Word read like the seeds: the .docx reader on real plan language."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from trienkhai.documents import extract_bytes, extract_path, read_bytes

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


HEADER_WITH_A_WRAPPED_YEAR = """ĐẢNG BỘ TỈNH SÔNG LAM
HUYỆN ỦY HƯƠNG SƠN
Số 27-KH/HU
ĐẢNG CỘNG SẢN VIỆT NAM
TP. Sơn Lâm, ngày 15 tháng 02 năm 2026

KẾ HOẠCH
về công tác kiểm tra, giám sát năm 2026

I. MỤC ĐÍCH, YÊU CẦU
Các cấp ủy thực hiện nghiêm túc kế hoạch.
"""


def test_pdf_keeps_a_year_wrapped_onto_its_own_line(renderer, tmp_path):
    """The header's right column wraps the date ("..., ngày 15 tháng 02 năm" / "2026"); the
    year alone, high on the page, is not a page number."""
    if not (renderer.shutil.which("soffice") or renderer.shutil.which("libreoffice")):
        pytest.skip("LibreOffice is needed to render the PDF")
    docx = tmp_path / "wrapped.docx"
    docx.write_bytes(renderer.render_docx(HEADER_WITH_A_WRAPPED_YEAR))
    renderer.to_pdf(docx)
    pdf = docx.with_suffix(".pdf")
    texts = [getattr(b, "text", "") for b in read_bytes(pdf.read_bytes(), "wrapped.pdf").blocks]
    assert any(t.endswith("năm") for t in texts), "the date line should wrap in this layout"
    assert "2026" in texts
    assert extract_path(pdf)["document"]["date"] == "2026-02-15"
