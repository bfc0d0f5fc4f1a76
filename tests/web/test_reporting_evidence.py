"""Evidence files are accepted by what they contain, not by their name; a refused file leaves
no row and no stored file behind."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from trienkhai.lib import filetypes
from trienkhai.web.reporting import services
from trienkhai.web.reporting.models import Evidence

from .reporting_helpers import department_obligation


def _docx() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    doc = Document()
    doc.add_paragraph("Biên bản hội nghị")
    doc.save(buffer)
    return buffer.getvalue()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(["STT", "Giá trị"])
    book.save(buffer)
    return buffer.getvalue()


def _image(fmt: str) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, fmt)
    return buffer.getvalue()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _odt() -> bytes:
    mime = b"application/vnd.oasis.opendocument.text"
    return _zip({"mimetype": mime, "content.xml": b"<office:document-content/>"})


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (lambda: b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", filetypes.PDF),
        (_docx, filetypes.DOCX),
        (_xlsx, filetypes.XLSX),
        (_odt, filetypes.ODT),
        (lambda: _image("PNG"), filetypes.PNG),
        (lambda: _image("JPEG"), filetypes.JPEG),
        (lambda: _image("TIFF"), filetypes.TIFF),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504), filetypes.OLE),
    ],
)
def test_sniff_recognises_documents_and_images(data, kind) -> None:
    stream = io.BytesIO(data())
    stream.seek(5)
    assert filetypes.sniff(stream) is kind
    assert stream.tell() == 0  # left ready for storing


@pytest.mark.parametrize(
    "data",
    [
        b"MZ\x90\x00\x03\x00\x00\x00",  # a Windows executable
        b"<!DOCTYPE html><script>alert(1)</script>",
        b"#!/bin/sh\nrm -rf /\n",
        b"\x7fELF\x02\x01\x01",
        _zip({"virus.exe": b"MZ"}),  # an ordinary archive
        _zip({"[Content_Types].xml": b"<Types/>", "evil/x": b""}),  # no Office part
        b"PK\x03\x04 truncated",
        b"",
    ],
)
def test_sniff_refuses_everything_else(data) -> None:
    assert filetypes.sniff(io.BytesIO(data)) is None


def test_extension_must_agree_with_content() -> None:
    assert filetypes.extension_matches("Ảnh hội nghị.JPEG", filetypes.JPEG)
    assert filetypes.extension_matches("bao-cao.docx", filetypes.DOCX)
    assert not filetypes.extension_matches("bao-cao.pdf", filetypes.DOCX)
    assert not filetypes.extension_matches("khong-duoi", filetypes.PDF)
    # a password-protected .docx is an OLE container
    assert filetypes.extension_matches("mat.docx", filetypes.OLE)
    assert filetypes.allowed_extensions().count("docx") == 1


@pytest.fixture
def upload(cast, settings, tmp_path):
    """Post one file to the draft's evidence form as the reporter; (report, response)."""
    settings.MEDIA_ROOT = tmp_path
    report = services.open_report(department_obligation(cast), cast.reporter)
    client = Client()
    client.force_login(cast.reporter)

    def post(name: str, data: bytes, content_type: str = "application/pdf"):
        response = client.post(
            reverse("reporting:upload_evidence", args=[report.pk]),
            {"file": SimpleUploadedFile(name, data, content_type)},
            follow=True,
        )
        return response.content.decode()

    return report, post


@pytest.mark.django_db
def test_documents_and_photos_are_attached_with_their_real_type(upload, tmp_path) -> None:
    report, post = upload
    assert "Đã đính kèm minh chứng" in post("Biên bản.docx", _docx(), "application/octet-stream")
    assert "Đã đính kèm minh chứng" in post("anh.png", _image("PNG"), "application/octet-stream")
    types = dict(report.evidence.values_list("name", "content_type"))
    assert types == {"Biên bản.docx": filetypes.DOCX.mime, "anh.png": "image/png"}
    assert len([p for p in tmp_path.rglob("*") if p.is_file()]) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bao-cao.pdf", b"MZ\x90\x00 an executable renamed", "không phải là loại tài liệu"),
        ("trang.docx", b"<html><script>x()</script></html>", "không phải là loại tài liệu"),
        ("nen.docx", _zip({"a.exe": b"MZ"}), "không phải là loại tài liệu"),
        ("anh.jpg", b"%PDF-1.4 a pdf named as a photo", "có nội dung PDF"),
    ],
)
def test_other_files_are_refused_with_a_message_and_nothing_saved(
    upload, tmp_path, name, data, message
) -> None:
    report, post = upload
    page = post(name, data)
    assert message in page and name in page
    assert "pdf, docx, xlsx" in page or "đổi tên tệp" in page
    assert not Evidence.objects.filter(report=report).exists()
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []  # no orphan file


@pytest.mark.django_db
def test_a_row_that_cannot_be_saved_leaves_no_file(upload, tmp_path, monkeypatch) -> None:
    report, _post = upload

    def fail(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(Evidence, "save", fail)
    with pytest.raises(RuntimeError):
        services.add_evidence(
            report, None, SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minutes", "application/pdf")
        )
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
