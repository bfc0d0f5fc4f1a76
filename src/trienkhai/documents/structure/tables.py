"""Tables and the appendix: one ``row`` node per data row, group heading rows giving the
sections ``PL``, ``PLII``, ``PL.I``, ``PLII.III``."""

from __future__ import annotations

import re

from .. import normalize
from ..model import Node, Table
from .common import _APPENDIX, _INDEX, _PARTS, _is_appendix_heading, _Open, _Para, _start


def _appendix_nodes(items: list[_Para | Table], offset: int) -> list[Node]:
    """Appendix headings, their captions and their tables' rows (sections ``PL``, ``PLII.I``)."""
    out: list[Node] = []
    numeral = ""
    for item in items:
        if isinstance(item, Table):
            section = f"PL{numeral}"
            out.extend(_rows(item, section, offset + len(out)))
            continue
        m = _APPENDIX.match(_start(item.text)) if _is_appendix_heading(item.text) else None
        if m:
            num = m.group("num") or ""
            numeral = num.upper()  # as printed: "II", "01"
            out.append(
                Node(
                    text=item.text,
                    line=item.line,
                    kind="heading",
                    section=f"PL{numeral}",
                    part="appendix",
                    label=numeral or None,
                    anchors=item.anchors,
                )
            )
        else:
            out.append(
                Node(
                    text=item.text,
                    line=item.line,
                    kind="paragraph",
                    section=f"PL{numeral}",
                    part="appendix",
                    anchors=item.anchors,
                )
            )
    return out


def _table_nodes(table: Table, nodes: list[Node], stack: list[_Open]) -> list[Node]:
    """Rows of a table met in the body: placed under the current heading, whose section and
    part they take once the tree is finished (not ``PL``: they are not in an appendix)."""
    parent = stack[-1][_INDEX] if stack else None
    rows = _rows(table, "", len(nodes), appendix=False)
    for row in rows:
        row.parent = parent
    return rows


_ROMAN_CELL = re.compile(r"^([IVXL]{1,6}|[A-Z])\.?$")
_NUMBER_CELL = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$")
_ROMAN_TITLE = re.compile(r"^([IVXL]{1,6})\s*[.\-–)]\s+\S")
_COLUMN_WORDS = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        re.escape(w)
        for words in _PARTS["table_columns"].values()
        for w in sorted(words, key=len, reverse=True)
    )
    + r")(?!\w)"
)


def _is_header_row(row: list[str]) -> bool:
    """A header row names at least two columns ("STT", "Nhiệm vụ", "Cơ quan chủ trì" ...),
    or is the "(1) (2) (3)" column-number row printed under a header."""
    cells = [c for c in row if c]
    if cells and all(_COLUMN_NUMBER.match(c) for c in cells):
        return True
    return sum(1 for c in dict.fromkeys(cells) if _COLUMN_WORDS.search(c.casefold())) >= 2


def _header_rows(rows: list[list[str]]) -> int:
    """How many leading rows are the table's header."""
    count = 0
    for row in rows[:3]:
        if not _is_header_row(row):
            break
        count += 1
    return count


def _distinct(cells: list[str]) -> list[str]:
    """Non-empty cells with repeats dropped (a merged cell comes back once per column)."""
    return list(dict.fromkeys(filter(None, cells)))


def _group_of(cells: list[str]) -> tuple[str, str] | None:
    """(numeral, title) of a group heading row, else None.

    "I | Hoàn thiện thể chế |  |" and a row merged across ("I. HOÀN THIỆN THỂ CHẾ" in every
    cell) are group rows; a data row has its bodies or dates in the later columns.
    """
    if not cells:
        return None
    first = cells[0]
    if _ROMAN_CELL.match(first):
        rest = _distinct(cells[1:])
        if len(rest) <= 1 or (len(cells) > 2 and not any(cells[2:])):
            return first.rstrip("."), (rest[0] if rest else first)
        return None
    distinct = _distinct(cells)
    if len(cells) > 1 and len(distinct) == 1:
        m = _ROMAN_TITLE.match(distinct[0])
        return (m.group(1) if m else ""), distinct[0]
    return None


def _is_subgroup(cells: list[str], next_label: str | None) -> bool:
    """A numbered row that only titles the rows numbered under it ("1" above "1.1", "1.2")."""
    label = cells[0].rstrip(".") if cells else ""
    if not label or not next_label or not next_label.startswith(label + "."):
        return False
    return not any(cells[2:])


def _rows(table: Table, section: str, offset: int, appendix: bool = True) -> list[Node]:
    """One ``row`` node per data row; group heading rows ("I | Hoàn thiện thể chế") set the group."""
    # every cell of the table cleaned in one call (its scans made once for all the cells)
    cleaned = iter(normalize.clean_all([c for r in table.rows for c in r]))
    rows = [[next(cleaned)[0] for _ in r] for r in table.rows]
    n_header = _header_rows(rows)
    header = (
        [" ".join(dict.fromkeys(col)).strip() for col in zip(*rows[:n_header], strict=False)]
        if n_header
        else []
    )
    body = [(k, cells) for k, cells in enumerate(rows) if k >= n_header and any(cells)]
    out: list[Node] = []
    group_numeral, group_title = "", None
    for j, (k, cells) in enumerate(body):
        first = cells[0]
        group = _group_of(cells)
        next_label = body[j + 1][1][0].rstrip(".") if j + 1 < len(body) else None
        if group is not None or _is_subgroup(cells, next_label):
            if group is not None:
                group_numeral, group_title = group
            out.append(
                Node(
                    text=group[1] if group else " | ".join(_distinct(cells[1:])),
                    line=table.line + k,
                    kind="heading",
                    section=_row_section(section, group_numeral, appendix),
                    part="appendix" if appendix else None,
                    label=(group[0] if group else first.rstrip(".")) or None,
                    cells=cells,
                    header=header,
                )
            )
            continue
        out.append(
            Node(
                text=" | ".join(filter(None, cells)),  # (the non-empty cells)
                line=table.line + k,
                kind="row",
                section=_row_section(section, group_numeral, appendix),
                part="appendix" if appendix else None,
                label=first.rstrip(".") or None,
                cells=cells,
                header=header,
                group=group_title,
            )
        )
    return out


def _row_section(section: str, group: str, appendix: bool) -> str:
    if not appendix or not group:
        return section
    return f"{section}.{group}"
