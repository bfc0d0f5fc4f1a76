"""Readers by format: a registry from file extension to a function bytes -> SourceDocument.

A new format is one module and one entry in ``READERS``. Size caps are checked here, once,
before any reader runs, and the content is sniffed: a file whose extension lies (a .docx that
is really text, a .pdf that is a zip) is read by what it is, with a note, or refused clearly.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    EmptyDocumentError,
    UnsupportedFormatError,
)
from ..model import SourceDocument
from . import docx, pdf, text
from .sniff import KIND_NAMES, sniff

Reader = Callable[[bytes, str], SourceDocument]

MB = 1024 * 1024
MAX_TEXT_BYTES = 20 * MB  # a plan is under 1 MB of text
MAX_FILE_BYTES = 50 * MB  # .docx / .pdf files

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
    ".docx": docx.read,
    ".pdf": pdf.read,
}
# which registered extension reads a sniffed content kind
_KIND_READER = {"text": ".txt", "docx": ".docx", "pdf": ".pdf"}
_UNSUPPORTED_KINDS = {
    "doc": "tệp Word 97-2003 (.doc) chưa được hỗ trợ; hãy lưu lại thành .docx",
    "encrypted": "tệp Word được đặt mật khẩu; hãy gỡ mật khẩu rồi gửi lại",
    "rtf": "tệp RTF chưa được hỗ trợ; hãy lưu lại thành .docx",
    "zip": "tệp nén zip không phải văn bản Word (.docx)",
}


def read_bytes(data: bytes, name: str) -> SourceDocument:
    """Read a document from its bytes; ``name`` (a file name) chooses the reader."""
    suffix = Path(name).suffix.lower()
    if suffix not in READERS:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormatError(
            f"định dạng '{suffix or '(không có)'}' không được hỗ trợ (hỗ trợ: {known})",
            source=name,
        )
    if not data.strip():
        raise EmptyDocumentError("tệp rỗng, không có nội dung", source=name)
    kind = sniff(data)
    if kind in _UNSUPPORTED_KINDS:
        raise UnsupportedFormatError(_UNSUPPORTED_KINDS[kind], source=name)
    real = _KIND_READER[kind]
    _check_size(data, real, name)
    claimed = ".txt" if suffix == ".md" else suffix
    if real == claimed:
        return READERS[suffix](data, name)
    try:
        document = READERS[real](data, name)
    except DocumentError as err:
        if kind == "text" and claimed != ".txt":
            raise CorruptDocumentError(
                f"không phải tệp {suffix} hợp lệ (nội dung không đọc được)", source=name
            ) from err
        raise
    document.notes.append(
        f"phần mở rộng {suffix} không khớp nội dung ({KIND_NAMES[kind]}); đã đọc theo nội dung"
    )
    return document


def _check_size(data: bytes, real: str, name: str) -> None:
    cap = MAX_TEXT_BYTES if real == ".txt" else MAX_FILE_BYTES
    if len(data) > cap:
        raise DocumentTooLargeError(
            f"tệp quá lớn ({len(data) / MB:.1f} MB; tối đa {cap // MB} MB cho loại tệp này)",
            source=name,
        )


def read_path(path: str | Path) -> SourceDocument:
    """Read a document from disk (refusing, before reading, a file over every cap)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise DocumentTooLargeError(
                f"tệp quá lớn ({size / MB:.1f} MB; tối đa {MAX_FILE_BYTES // MB} MB)", source=p.name
            )
        data = p.read_bytes()
    except IsADirectoryError as exc:
        raise DocumentError("đây là thư mục, không phải tệp", source=p.name) from exc
    except FileNotFoundError as exc:
        raise DocumentError("không tìm thấy tệp", source=p.name) from exc
    except PermissionError as exc:
        raise DocumentError("không có quyền đọc tệp", source=p.name) from exc
    except OSError as exc:
        raise DocumentError(f"không đọc được tệp: {exc.strerror or exc}", source=p.name) from exc
    return read_bytes(data, p.name)
