"""Plain text and Markdown: one Paragraph per non-empty line, runs of table lines as one Table.

Text stays raw (``**``, ``##``, ``<sup>`` and superscript digits are for the structure stage to
clean). Tables come three ways: Markdown pipe tables (the ``|---|`` row dropped), lines of cells
separated by tabs (copied from Word), or by " | " (copied from a web page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import EmptyDocumentError
from ..model import Block, Paragraph, SourceDocument, Table
from .decode import decode_text

_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_MD_SPLIT = re.compile(r"(?<!\\)\|")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
MIN_CELLS = 3  # a tab / " | " run is a table when some rows have at least this many cells


@dataclass(slots=True)
class _Run:
    kind: str  # "md" | "tab" | "bar"
    line: int
    rows: list[list[str]] = field(default_factory=list)
    lines: list[tuple[int, str]] = field(default_factory=list)

    def is_table(self) -> bool:
        wide = sum(len(r) >= MIN_CELLS for r in self.rows)
        if self.kind == "md":
            return bool(self.rows) and max(len(r) for r in self.rows) >= 2
        return wide >= 2 or (wide >= 1 and len(self.rows) == 1 and len(self.rows[0]) >= 4)


def read(data: bytes, name: str) -> SourceDocument:
    """Read a .txt / .md file's bytes."""
    decoded = decode_text(data, name)
    blocks = text_blocks(decoded.text)
    if not blocks:
        raise EmptyDocumentError("tệp không có nội dung chữ", source=name)
    fmt = "md" if name.lower().endswith(".md") else "txt"
    return SourceDocument(
        name=name,
        format=fmt,
        blocks=blocks,
        encoding=decoded.encoding,
        notes=list(decoded.notes),
    )


def text_blocks(text: str) -> list[Block]:
    """Split decoded text into Paragraph and Table blocks (``line`` is 1-based)."""
    blocks: list[Block] = []
    run: _Run | None = None
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.replace("\f", "")
        if not line.strip():
            continue  # blank lines neither end a table run nor make blocks
        kind, cells = _row(line)
        if run is not None and kind != run.kind:
            _flush(run, blocks)
            run = None
        if kind is None:
            blocks.append(Paragraph(text=line, line=number))
            continue
        if run is None:
            run = _Run(kind=kind, line=number)
        if cells is not None:
            run.rows.append(cells)
        run.lines.append((number, line))
    if run is not None:
        _flush(run, blocks)
    return blocks


def _flush(run: _Run, blocks: list[Block]) -> None:
    if run.is_table():
        width = max(len(r) for r in run.rows)
        rows = [r + [""] * (width - len(r)) for r in run.rows]
        blocks.append(Table(rows=rows, line=run.line))
    else:
        blocks.extend(Paragraph(text=text, line=n) for n, text in run.lines)


def _row(line: str) -> tuple[str | None, list[str] | None]:
    """Classify a line: ("md"|"tab"|"bar", cells) for a table row, (None, None) otherwise.

    A Markdown separator row is ("md", None): part of the run, not a row.
    """
    stripped = line.strip()
    if stripped.startswith("|") and stripped.count("|") >= 2:
        if _MD_SEPARATOR.match(stripped):
            return "md", None
        inner = stripped[1:-1] if stripped.endswith("|") and len(stripped) > 1 else stripped[1:]
        return "md", [_cell(c) for c in _MD_SPLIT.split(inner)]
    if "\t" in stripped:
        cells = [_cell(c) for c in stripped.split("\t")]
        if len(cells) >= 2:
            return "tab", _trim(cells)
    if stripped.count(" | ") >= 1:
        return "bar", _trim([_cell(c) for c in stripped.split(" | ")])
    return None, None


def _cell(text: str) -> str:
    return _BR.sub("\n", text.replace("\\|", "|")).strip()


def _trim(cells: list[str]) -> list[str]:
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return cells
