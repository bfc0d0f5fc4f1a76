"""Tables that span several text lines: HTML ``<table>`` and pandoc grid tables.

Converters write an appendix of tasks this way when its cells hold several lines or merged
cells. Both come back as rows aligned on the grid: a merged cell's text once, in its first
column/row, the other spanned positions empty (as the .docx reader does).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_GRID_RULE = re.compile(r"^\+(?:[-=:]+\+)+$")
_HTML_OPEN = re.compile(r"^\s*<table\b", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)
MAX_SPAN = 64


def starts_html_table(line: str) -> bool:
    return _HTML_OPEN.match(line) is not None


def starts_grid_table(line: str) -> bool:
    return _GRID_RULE.match(line.strip()) is not None


def take_html_table(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """Rows of the HTML table opening at ``lines[start]``, and the index after its end."""
    end = start
    while end < len(lines) and not _HTML_CLOSE.search(lines[end]):
        end += 1
    if end == len(lines):
        return [], start + 1  # never closed: not a table, the line stays text
    parser = _TableParser()
    parser.feed("\n".join(lines[start : end + 1]))
    parser.close()
    return parser.grid(), end + 1


def take_grid_table(lines: list[str], start: int) -> tuple[list[list[str]], int]:
    """Rows of the pandoc grid table whose first rule is ``lines[start]``."""
    rule = lines[start].strip()
    bounds = [i for i, ch in enumerate(rule) if ch == "+"]
    rows: list[list[str]] = []
    pending: list[list[str]] = []
    end = start + 1
    while end < len(lines):
        line = lines[end].strip()
        if _GRID_RULE.match(line):
            if pending:
                rows.append(_join_grid_lines(pending))
                pending = []
            end += 1
            continue
        if not (line.startswith("|") and line.endswith("|")):
            break
        pending.append(_grid_cells(line, bounds))
        end += 1
    if pending:
        rows.append(_join_grid_lines(pending))
    return rows, end


def _grid_cells(line: str, bounds: list[int]) -> list[str]:
    """Cut a content line at the column boundaries that carry a '|' (others are spans)."""
    cells: list[str] = []
    left = 0
    for right in bounds[1:]:
        if right < len(line) and line[right] == "|":
            cells.append(line[left + 1 : right].strip())
            cells.extend([""] * _spanned(bounds, left, right))
            left = right
    return cells


def _spanned(bounds: list[int], left: int, right: int) -> int:
    return sum(1 for b in bounds if left < b < right)


def _join_grid_lines(pieces: list[list[str]]) -> list[str]:
    width = max(len(p) for p in pieces)
    cells = []
    for col in range(width):
        parts = [p[col] for p in pieces if col < len(p) and p[col]]
        cells.append(" ".join(parts))
    return cells


class _TableParser(HTMLParser):
    """Collects cells with their colspan/rowspan; ``grid()`` lays them out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[str, int, int]]] = []
        self._cell: list[str] | None = None
        self._span = (1, 1)
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
        elif self._depth > 1:
            return  # a nested table's cells stay text of the outer cell
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            values = dict(attrs)
            self._cell = []
            self._span = (_span(values.get("colspan")), _span(values.get("rowspan")))
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._depth -= 1
        elif tag in ("td", "th") and self._cell is not None and self._depth == 1:
            if not self.rows:
                self.rows.append([])
            text = "\n".join(" ".join(part.split()) for part in "".join(self._cell).split("\n"))
            self.rows[-1].append((text.strip(), *self._span))
            self._cell = None
        elif tag in ("p", "div", "li") and self._cell is not None:
            self._cell.append("\n")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def grid(self) -> list[list[str]]:
        taken: dict[tuple[int, int], bool] = {}
        grid: list[list[str]] = []
        for r, row in enumerate(self.rows):
            out: list[str] = []
            col = 0
            for text, colspan, rowspan in row:
                while taken.get((r, col)):
                    out.append("")
                    col += 1
                out.append(text)
                out.extend([""] * (colspan - 1))
                for dr in range(1, rowspan):
                    for dc in range(colspan):
                        taken[(r + dr, col + dc)] = True
                col += colspan
            while taken.get((r, col)):
                out.append("")
                col += 1
            grid.append(out)
        return [row for row in grid if any(cell for cell in row)]


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), MAX_SPAN))
    except ValueError:
        return 1
