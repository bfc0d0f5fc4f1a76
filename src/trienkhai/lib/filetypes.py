"""What an uploaded file really is, read from its first bytes, never from its name.

Evidence attached to a report is what a unit would scan, photograph or write: PDF, Word,
Excel and OpenDocument files (and their 97–2003 forms), RTF, and JPEG/PNG/GIF/WebP/TIFF/HEIC
images. :func:`sniff` recognises those by their signature — opening ZIP containers to tell a
.docx from an .xlsx, an .odt or an arbitrary archive — and returns ``None`` for anything else
(executables, HTML, scripts, archives, text). The extension must then agree with the content, so
a renamed file opens in the program its name promises. Plain Python, no Django.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from typing import BinaryIO

__all__ = ["KINDS", "FileKind", "allowed_extensions", "extension_matches", "sniff"]


@dataclass(frozen=True)
class FileKind:
    """One accepted type: a short name for messages, its MIME type and usual extensions."""

    name: str
    mime: str
    extensions: tuple[str, ...]


PDF = FileKind("PDF", "application/pdf", ("pdf",))
DOCX = FileKind(
    "Word (.docx)",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ("docx",),
)
XLSX = FileKind(
    "Excel (.xlsx)",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ("xlsx",),
)
PPTX = FileKind(
    "PowerPoint (.pptx)",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ("pptx",),
)
ODT = FileKind("OpenDocument (.odt)", "application/vnd.oasis.opendocument.text", ("odt",))
ODS = FileKind("OpenDocument (.ods)", "application/vnd.oasis.opendocument.spreadsheet", ("ods",))
ODP = FileKind("OpenDocument (.odp)", "application/vnd.oasis.opendocument.presentation", ("odp",))
#: the compound-file container of Office 97–2003, also used by password-protected .docx/.xlsx
OLE = FileKind(
    "Office 97–2003", "application/x-ole-storage", ("doc", "xls", "ppt", "docx", "xlsx", "pptx")
)
RTF = FileKind("RTF", "application/rtf", ("rtf",))
JPEG = FileKind("JPEG", "image/jpeg", ("jpg", "jpeg", "jpe", "jfif"))
PNG = FileKind("PNG", "image/png", ("png",))
GIF = FileKind("GIF", "image/gif", ("gif",))
WEBP = FileKind("WebP", "image/webp", ("webp",))
TIFF = FileKind("TIFF", "image/tiff", ("tif", "tiff"))
HEIC = FileKind("HEIC", "image/heic", ("heic", "heif"))

KINDS: tuple[FileKind, ...] = (
    PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, OLE, RTF, JPEG, PNG, GIF, WEBP, TIFF, HEIC,
)  # fmt: skip

_OOXML = {"word/": DOCX, "xl/": XLSX, "ppt/": PPTX}
_ODF = {ODT.mime: ODT, ODS.mime: ODS, ODP.mime: ODP}
_HEIC_BRANDS = {b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1"}


def _zip_kind(stream: BinaryIO) -> FileKind | None:
    """An Office Open XML or OpenDocument package; None for any other (or a broken) ZIP."""
    try:
        with zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                mime = archive.read("mimetype").decode("ascii", "replace").strip()
                return _ODF.get(mime)
            if "[Content_Types].xml" in names:
                for prefix, kind in _OOXML.items():
                    if any(n.startswith(prefix) for n in names):
                        return kind
    except (zipfile.BadZipFile, OSError, KeyError, EOFError, RuntimeError, ValueError):
        return None
    return None


def sniff(stream: BinaryIO) -> FileKind | None:
    """The accepted kind ``stream`` holds, by content; None when it is none of them.

    Reads from the current position and leaves the stream back at the start.
    """
    stream.seek(0)
    head = stream.read(16)
    try:
        if head.startswith(b"%PDF-"):
            return PDF
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return PNG
        if head.startswith(b"\xff\xd8\xff"):
            return JPEG
        if head[:6] in (b"GIF87a", b"GIF89a"):
            return GIF
        if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
            return WEBP
        if head[:4] in (b"II*\x00", b"MM\x00*"):
            return TIFF
        if head[4:8] == b"ftyp" and head[8:12] in _HEIC_BRANDS:
            return HEIC
        if head.startswith(b"{\\rtf"):
            return RTF
        if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            return OLE
        if head.startswith(b"PK\x03\x04"):
            stream.seek(0)
            return _zip_kind(stream)
        return None
    finally:
        stream.seek(0)


def _extension(name: str) -> str:
    base = name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def extension_matches(name: str, kind: FileKind) -> bool:
    """Whether the file's name ends as files of ``kind`` do."""
    return _extension(name) in kind.extensions


def allowed_extensions() -> str:
    """The accepted extensions, for messages: "pdf, docx, xlsx, …"."""
    names = (e for k in KINDS for e in (k.extensions if k is OLE else k.extensions[:1]))
    return ", ".join(dict.fromkeys(names))
