"""What a file really is, from its first bytes, whatever its extension says."""

from __future__ import annotations

import io
import zipfile

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
PDF_MAGIC = b"%PDF-"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, .xls
RTF_MAGIC = b"{\\rtf"
# an OLE container holding an encrypted OOXML package (a password-protected .docx)
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

KIND_NAMES = {
    "doc": "Word 97-2003 (.doc)",
    "encrypted": "tệp Word có mật khẩu",
    "rtf": "RTF",
    "zip": "tệp nén zip",
    "docx": ".docx",
    "pdf": ".pdf",
    "text": "văn bản thuần",
}


def sniff(data: bytes) -> str:
    """Return "docx", "zip", "pdf", "doc", "encrypted", "rtf" or "text" (else: by decoding)."""
    head = data[:1024]
    if head.startswith(ZIP_MAGIC):
        return "docx" if _is_docx(data) else "zip"
    if PDF_MAGIC in head:
        return "pdf"
    if head.startswith(OLE_MAGIC):
        return "encrypted" if ENCRYPTED_PACKAGE in data else "doc"
    if head.lstrip().startswith(RTF_MAGIC):
        return "rtf"
    return "text"


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            return "word/document.xml" in names or (
                "[Content_Types].xml" in names and any(n.startswith("word/") for n in names)
            )
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return True  # a broken zip: let the .docx reader say it is corrupt
