"""Plain text and Markdown reader (provisional: UTF-8 only, paragraphs split on blank lines)."""

from __future__ import annotations

import unicodedata

from ..errors import EncodingDetectionError
from ..model import Paragraph, SourceDocument


def read(data: bytes, name: str) -> SourceDocument:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingDetectionError("không nhận ra bảng mã của tệp", source=name) from exc
    text = unicodedata.normalize("NFC", text)
    blocks = []
    for i, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            blocks.append(Paragraph(text=line, line=i))
    fmt = "md" if name.lower().endswith(".md") else "txt"
    return SourceDocument(name=name, format=fmt, blocks=blocks, encoding="utf-8")
