"""Files whose extension lies are read by their content, with a note, or refused clearly."""

from __future__ import annotations

import pytest

from trienkhai.documents.errors import CorruptDocumentError, UnsupportedFormatError
from trienkhai.documents.readers import read_bytes
from trienkhai.documents.readers.sniff import sniff

from .docx_builder import build, p


def test_sniff_kinds():
    assert sniff(build(p("x"))) == "docx"
    assert sniff(b"%PDF-1.4\n...") == "pdf"
    assert sniff(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest") == "doc"
    assert sniff(b"{\\rtf1\\ansi hello}") == "rtf"
    assert sniff("Kế hoạch".encode()) == "text"


def test_docx_named_txt_is_read_as_docx_with_a_note():
    doc = read_bytes(build(p("Kế hoạch số 12")), "nham.txt")
    assert doc.format == "docx"
    assert doc.blocks[0].text == "Kế hoạch số 12"
    assert any(".txt" in n and "nội dung" in n for n in doc.notes)


def test_text_named_docx_is_read_as_text_with_a_note():
    doc = read_bytes("Kế hoạch số 12\nI. MỤC TIÊU".encode(), "nham.docx")
    assert doc.format == "txt"
    assert len(doc.blocks) == 2 and doc.notes


def test_junk_named_docx_is_refused_as_not_a_docx():
    with pytest.raises(CorruptDocumentError, match=r"\.docx"):
        read_bytes(bytes(range(256)) * 8, "rac.docx")


def test_word_97_file_is_refused_with_advice():
    with pytest.raises(UnsupportedFormatError, match=r"\.docx"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "cu.doc.docx")


def test_a_zip_that_is_not_word_is_refused():
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "x")
    with pytest.raises(UnsupportedFormatError, match="zip"):
        read_bytes(buf.getvalue(), "a.docx")


def test_unknown_extension_is_refused():
    with pytest.raises(UnsupportedFormatError, match=r"\.odt"):
        read_bytes(b"x", "a.odt")


def test_password_protected_docx_is_refused_as_such():
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le")
    )
    with pytest.raises(UnsupportedFormatError, match="mật khẩu"):
        read_bytes(data, "khoa.docx")
