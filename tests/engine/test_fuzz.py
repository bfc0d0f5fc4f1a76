"""Arbitrary bytes and text never make the engine raise anything but a DocumentError."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trienkhai.documents import extract_bytes
from trienkhai.documents.errors import DocumentError
from trienkhai.documents.readers import READERS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# each example parses a whole .docx (~50 ms): fewer examples keep the test to seconds
FUZZ_DOCX = settings(FUZZ, max_examples=50)


def survives(data: bytes, name: str) -> None:
    try:
        result = extract_bytes(data, name)
    except DocumentError as err:
        assert str(err)
        return
    assert isinstance(result, dict) and result["schema"] == "trienkhai.extract/1"


@FUZZ
@given(data=st.binary(max_size=4096), ext=st.sampled_from(sorted(READERS)))
def test_arbitrary_bytes_for_every_extension(data, ext):
    survives(data, f"fuzz{ext}")


@FUZZ
@given(text=st.text(max_size=2000))
def test_arbitrary_text_as_txt(text):
    survives(text.encode("utf-8", errors="surrogatepass"), "fuzz.txt")


PLAN_LINES = st.sampled_from(
    [
        "KẾ HOẠCH",
        "I. MỤC TIÊU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Khoa học và Công nghệ",
        "a) Chủ trì, phối hợp với Sở Tài chính",
        "- Đề nghị Hội Nông dân tỉnh",
        "| STT | Nhiệm vụ | Cơ quan chủ trì |",
        "|---|---|---|",
        "I\tHoàn thiện thể chế",
        "1 | Rà soát | Sở Tư pháp | Quý II/2025",
        "Đến năm 2030, tỷ lệ đạt trên 80%",
        "Định kỳ hằng quý báo cáo UBND tỉnh trước ngày 10/12 hằng năm",
        "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
        "PHỤ LỤC",
        "Nơi nhận:",
        "KT. CHỦ TỊCH",
        "<table><tr><td>1</td><td colspan='3'>Nhóm</td></tr>",
        "<tr><td rowspan='9'>Sở</td><td>x</td></tr></table>",
        "+-----+------+",
        "| 1   | Rà   |",
        "+=====+======+",
        "",
    ]
)


@FUZZ
@given(lines=st.lists(st.one_of(PLAN_LINES, st.text(max_size=40)), max_size=60))
def test_shuffled_plan_fragments(lines):
    survives("\n".join(lines).encode("utf-8", errors="surrogatepass"), "fuzz.txt")


def _docx_members() -> dict[str, bytes]:
    with zipfile.ZipFile(FIXTURES / "ubnd_2025_tabs.docx") as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.fixture(scope="module")
def docx_members() -> dict[str, bytes]:
    return _docx_members()


@FUZZ_DOCX
@given(position=st.floats(0, 1), junk=st.binary(min_size=1, max_size=64))
def test_corrupted_document_xml_inside_a_valid_zip(docx_members, position, junk):
    members = dict(docx_members)
    xml = members["word/document.xml"]
    cut = int(len(xml) * position)
    members["word/document.xml"] = xml[:cut] + junk + xml[cut + len(junk) :]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    survives(buf.getvalue(), "fuzz.docx")


@pytest.mark.integration
@settings(FUZZ, max_examples=15)  # each example parses a whole PDF (~0.3 s)
@given(position=st.floats(0, 1), junk=st.binary(min_size=1, max_size=32))
def test_corrupted_pdf_bytes(position, junk):
    data = (FIXTURES / "ubnd_2025_tabs.pdf").read_bytes()
    cut = int(len(data) * position)
    survives(data[:cut] + junk + data[cut + len(junk) :], "fuzz.pdf")
