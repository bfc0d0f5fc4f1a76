"""Plain text and Markdown: one Paragraph per non-empty line, runs of table lines as one Table.

Text stays raw (``**``, ``##``, ``<sup>`` and superscript digits are for the structure stage to
clean). Tables come several ways: Markdown pipe tables (the ``|---|`` row dropped), lines of
cells separated by tabs (copied from Word), or by " | " (copied from a web page), and the
multi-line HTML ``<table>`` and pandoc grid tables converters write (``text_tables``). A merged
cell that a converter repeated across the columns it spans is kept once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import EmptyDocumentError
from ..model import Block, Paragraph, SourceDocument, Table
from .decode import decode_text
from .text_tables import starts_grid_table, starts_html_table, take_grid_table, take_html_table

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
        # every paragraph is a line of the text, cut at line breaks (no character composes
        # across one), so in NFKC with it; not so once a form feed is taken out of a line
        nfkc=decoded.nfkc and "\f" not in decoded.text,
        # lines hold no line feed, carriage return (made line feeds) or form feed (taken out)
        plain=decoded.plain,
    )


def text_blocks(text: str) -> list[Block]:
    """Split decoded text into Paragraph and Table blocks (``line`` is 1-based)."""
    lines = (text.replace("\f", "") if "\f" in text else text).split("\n")
    if not _may_hold_table(text):
        # the usual plan: no cell separator, no HTML, no grid rule anywhere, so every
        # non-blank line is a paragraph (decided once for the text, not line by line)
        return [
            Paragraph(line, n) for n, line in enumerate(lines, 1) if line and not line.isspace()
        ]
    blocks: list[Block] = []
    run: _Run | None = None
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 1
        index += 1
        if not line.strip():
            continue  # blank lines neither end a table run nor make blocks
        opening = line.lstrip()[:1]
        multi = _multiline_table(lines, index - 1) if opening in ("<", "+") else None
        if multi is not None:
            rows, index = multi
            if run is not None:
                _flush(run, blocks)
                run = None
            blocks.append(Table(rows=_pad(rows), line=number))
            continue
        kind, cells = _row(line) if ("|" in line or "\t" in line) else (None, None)
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


def _may_hold_table(text: str) -> bool:
    """Whether a table of any kind can start in ``text``: a "|" or a tab (row cells), a "<t"
    (an HTML table) or a "+" opening a grid rule ("+---+", "+===+", "+:--+")."""
    if "|" in text or "\t" in text:
        return True
    return _followed(text, "<", ("t", "T")) or _followed(text, "+", ("-", "=", ":"))


def _followed(text: str, mark: str, nexts: tuple[str, ...]) -> bool:
    """Whether some ``mark`` in ``text`` is followed by one of ``nexts``: footnote anchors
    (``<sup>``) and other tags, or a plus sign in a sentence, leave the text to the fast path.
    Each mark is found by a one-character search (fast in C; marks are few), where a search
    for each two-character pair would test every position."""
    at = text.find(mark)
    while at != -1:
        if text[at + 1 : at + 2] in nexts:
            return True
        at = text.find(mark, at + 1)
    return False


def _multiline_table(lines: list[str], start: int) -> tuple[list[list[str]], int] | None:
    line = lines[start]
    if starts_html_table(line):
        rows, end = take_html_table(lines, start)
    elif starts_grid_table(line):
        rows, end = take_grid_table(lines, start)
    else:
        return None
    return (rows, end) if rows else None


def _pad(rows: list[list[str]]) -> list[list[str]]:
    width = max(len(r) for r in rows)
    return [r + [""] * (width - len(r)) for r in rows]


def _flush(run: _Run, blocks: list[Block]) -> None:
    if run.is_table():
        rows = [_unrepeat(r) for r in run.rows] if run.kind == "md" else run.rows
        blocks.append(Table(rows=_pad(rows), line=run.line))
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


def _unrepeat(row: list[str]) -> list[str]:
    """A merged cell written once per spanned column ("| I | Thể chế | Thể chế | Thể chế |")."""
    out = list(row)
    for i in range(len(row) - 1, 0, -1):
        if row[i] and row[i] == row[i - 1]:
            out[i] = ""
    return out


def _cell(text: str) -> str:
    return _BR.sub("\n", text.replace("\\|", "|")).strip()


def _trim(cells: list[str]) -> list[str]:
    while len(cells) > 1 and not cells[-1]:
        cells.pop()
    return cells
