"""Bad input gives one clear DocumentError (and one error line from the CLI), never a traceback."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from trienkhai.cli import main
from trienkhai.documents import extract_bytes
from trienkhai.documents.errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    EncodingDetectionError,
    NoTextLayerError,
)
from trienkhai.documents.readers import docx as docx_reader

from .readers.docx_builder import build, p

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
MB = 1024 * 1024


def zip_bomb() -> bytes:
    """A valid-looking .docx carrying 8 MB of zeros that deflate to a few KB."""
    good = build(p("Kế hoạch"))
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good)) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/bomb.bin", b"\0" * (8 * MB))
    return buf.getvalue()


def encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="mat-khau", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _zip_without_document() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("word/styles.xml", "<a/>")
    return buf.getvalue()


CASES = {
    "empty": (b"", "rong.txt", EmptyDocumentError),
    "blank": (b"  \n\r\n\t ", "trang.txt", EmptyDocumentError),
    "empty docx": (b"", "rong.docx", EmptyDocumentError),
    "binary junk": (
        bytes(range(256)) * 64,
        "rac.txt",
        (CorruptDocumentError, EncodingDetectionError),
    ),
    "nul bytes": (b"Ke hoach\0\0\0\0\0\0\0\0\0\0" * 50, "nul.txt", CorruptDocumentError),
    "truncated docx": (
        (FIXTURES / "bad" / "truncated.docx").read_bytes(),
        "cut.docx",
        CorruptDocumentError,
    ),
    "entity docx": (
        (FIXTURES / "bad" / "entity.docx").read_bytes(),
        "xxe.docx",
        CorruptDocumentError,
    ),
    "scanned pdf": ((FIXTURES / "bad" / "scanned.pdf").read_bytes(), "scan.pdf", NoTextLayerError),
    "undecodable gbk": (
        ("关于进一步加强数字化转型工作的实施计划" * 40).encode("gbk"),
        "trung.txt",
        EncodingDetectionError,
    ),
    "broken utf-16 bom": (b"\xff\xfe" + b"K\x00e\x00\x00\xd8", "bom.txt", EncodingDetectionError),
    "no document.xml": (
        (
            lambda: (lambda b: (zipfile.ZipFile(b, "w").writestr("word/x.xml", "<a/>"), b)[1])(
                io.BytesIO()
            )
        )().getvalue(),
        "rong.docx",
        DocumentError,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_bad_input_raises_its_document_error(case):
    data, name, error = CASES[case]
    with pytest.raises(error) as info:
        extract_bytes(data, name)
    message = str(info.value)
    assert message and "\n" not in message and "Traceback" not in message


def test_zip_bomb_is_refused_before_parsing():
    with pytest.raises(DocumentTooLargeError, match="bom zip"):
        extract_bytes(zip_bomb(), "bom.docx")


def test_uncompressed_total_is_capped(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED", 1 * MB)
    good = build(p("Kế hoạch"))
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("word/media/anh.bin", os.urandom(2 * MB))
    with pytest.raises(DocumentTooLargeError, match="giải nén"):
        extract_bytes(buf.getvalue(), "to.docx")


@pytest.mark.integration
def test_fifty_megabytes_of_text_is_refused():
    with pytest.raises(DocumentTooLargeError, match="MB"):
        extract_bytes(b"Ke hoach trien khai. " * (50 * MB // 21), "lon.txt")


def test_encrypted_pdf_is_refused_clearly():
    with pytest.raises(CorruptDocumentError, match=r"mã hóa|mật khẩu"):
        extract_bytes(encrypted_pdf(), "khoa.pdf")


def test_pdf_named_docx_is_read_as_pdf(tmp_path):
    data = (FIXTURES / "ubnd_2025_tabs.pdf").read_bytes()
    result = extract_bytes(data, "nham.docx")
    assert result["document"]["number"] == "87/KH-UBND"


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_prints_one_error_line_and_exits_1(tmp_path, case):
    data, name, _ = CASES[case]
    path = tmp_path / name
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"lỗi: {path}: ")
    assert "Traceback" not in result.output
    assert result.stdout == ""
