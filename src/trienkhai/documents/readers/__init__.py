"""Readers by format: a registry from file extension to a function bytes -> SourceDocument.

A new format is one module and one entry in ``READERS``. Size caps are checked here, once,
before any reader runs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import DocumentTooLargeError, EmptyDocumentError, UnsupportedFormatError
from ..model import SourceDocument
from . import text

Reader = Callable[[bytes, str], SourceDocument]

MAX_FILE_BYTES = 60 * 1024 * 1024

READERS: dict[str, Reader] = {
    ".txt": text.read,
    ".md": text.read,
}


def read_bytes(data: bytes, name: str) -> SourceDocument:
    """Read a document from its bytes; ``name`` (a file name) chooses the reader."""
    suffix = Path(name).suffix.lower()
    reader = READERS.get(suffix)
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise UnsupportedFormatError(
            f"định dạng '{suffix or '(không có)'}' không được hỗ trợ (hỗ trợ: {known})",
            source=name,
        )
    if not data:
        raise EmptyDocumentError("tệp rỗng, không có nội dung", source=name)
    if len(data) > MAX_FILE_BYTES:
        raise DocumentTooLargeError(
            f"tệp quá lớn ({len(data) // (1024 * 1024)} MB; tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB)",
            source=name,
        )
    return reader(data, name)


def read_path(path: str | Path) -> SourceDocument:
    """Read a document from disk."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        from ..errors import DocumentError

        raise DocumentError(f"không đọc được tệp: {exc.strerror or exc}", source=p.name) from exc
    return read_bytes(data, p.name)
