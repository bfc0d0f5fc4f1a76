"""The heading tree: each paragraph's parent from its label (I., 2.1., a), -, +), then its
``section`` path ("III.2", "II.2.1"), plan ``part`` and kind."""

from __future__ import annotations

import re

from ..model import Node, Table
from ..normalize import Label
from .common import (
    _INDEX,
    _KEY,
    _RANK,
    _is_assessment_point,
    _is_directive_intro,
    _is_intro,
    _is_open,
    _Open,
    _Para,
    _part_of_title,
    _read_label,
)
from .tables import _table_nodes

# Heading ranks: a new label closes every open level of equal or deeper rank.
_RANK_DIRECTIVE = -1  # a top-level paragraph that introduces the whole list of directives
_RANK_ROMAN = 0
_RANK_ARABIC = 1  # + dots: "1." -> 1, "1.1." -> 2, "1.1.1." -> 3
_RANK_LETTER = 10
_RANK_SUBHEAD = 12  # an unnumbered bold title: the paragraphs after it are its own
_SUBHEAD_WORDS = 20
_RANK_INTRO = 15  # an unlabelled paragraph ending with ":" that introduces a list
_RANK_BULLET = 20
_SENTENCE_WORDS = 8  # a numbered line this long and finished is an item, not a title
_ROMAN_HEAD = re.compile(r"[IVXL]+")


def _rank(label: Label) -> int:
    if label.marker == "roman":
        return _RANK_ROMAN
    if label.marker == "arabic":
        return _RANK_ARABIC + label.depth
    if label.marker == "letter":
        return _RANK_LETTER
    return _RANK_BULLET


def _title_like(text: str) -> bool:
    """Reads as a heading rather than a sentence: ends with ":" or is short and unfinished."""
    stripped = text.rstrip()
    # (split at most 15 times: a 16th piece already says "more than 15 words")
    return _is_intro(stripped) or (_is_open(stripped) and len(stripped.split(None, 15)) <= 15)


def _place(items: list[_Para | Table]) -> list[Node]:
    """Build the heading tree: each node's parent, level, label, section and part."""
    nodes: list[Node] = []
    stack: list[_Open] = []  # (rank, key, node index) of each open level
    finished: dict[int, bool] = {}
    for item in items:
        if isinstance(item, Table):
            nodes.extend(_table_nodes(item, nodes, stack))
            continue
        label, offset = item.cached or _read_label(item)  # (_label_of, without a call)
        rest = item.text[offset:] if offset else item.text
        index = len(nodes)
        # the node's fields found first, then the node made at once with all of them
        part: str | None = None
        parent: int | None = None
        if label is None:
            _close_for_paragraph(stack, nodes, finished)
            marker = value = None
            kind = "paragraph"
            style = item.style  # (_is_heading_like, without a call)
            if rest.isupper() or (style and style.lower().startswith(("heading", "title"))):
                part = _part_of_title(rest)
            if part:
                stack.clear()
                kind = "heading"
                stack.append((_RANK_ROMAN, "part", index))
            elif _is_intro(rest):
                parent = stack[-1][_INDEX] if stack else None
                if not stack and _is_directive_intro(rest):
                    # "..., Ban Bí thư yêu cầu ... thực hiện tốt các nhiệm vụ sau:" at the top
                    # of a document without part headings: the numbered list below is its own.
                    kind = "heading"
                    part = "tasks"
                    stack.append((_RANK_DIRECTIVE, "directive", index))
                else:
                    stack.append((_RANK_INTRO, "intro", index))
            elif _is_subheading(item, rest):
                while stack and stack[-1][_RANK] >= _RANK_SUBHEAD:
                    stack.pop()
                parent = stack[-1][_INDEX] if stack else None
                kind = "heading"
                stack.append((_RANK_SUBHEAD, "subheading", index))
            else:
                parent = stack[-1][_INDEX] if stack else None
        else:
            marker = label.marker
            value = label.value
            if marker == "bullet":  # the most frequent label: its rank and key without calls
                kind = "item"
                rank, key = _RANK_BULLET, f"bullet:{value}"
                if stack and stack[-1][_KEY] == key:
                    stack.pop()  # (the next bullet of the same list: _close_for_bullet's answer)
                else:
                    _close_for_bullet(stack, key)
            else:
                kind = "item" if marker == "letter" else "heading"
                rank, key = _rank(label), marker
                while stack and stack[-1][_RANK] >= rank:
                    stack.pop()
            parent = stack[-1][_INDEX] if stack else None
            stack.append((rank, key, index))
        level = 0 if parent is None else nodes[parent].level + 1
        # (every field given in order: a keyword argument costs more than a positional one)
        nodes.append(
            Node(
                rest,
                item.line,
                kind,
                "",
                part,
                value,
                level,
                None,
                None,
                marker,
                parent,
                item.anchors,
            )
        )
    _lift_closing_paragraph(nodes)
    _finish(nodes)
    return nodes


def _is_subheading(item: _Para, text: str) -> bool:
    """An unnumbered title set in bold or a heading style ("**Đối với giai cấp công nhân**")
    that the paragraphs after it belong to."""
    raw = item.raw.strip()
    styled = (item.style or "").lower().startswith(("bold", "heading"))
    bold = raw.startswith("**") and raw.endswith("**") and raw.count("**") == 2
    return (styled or bold) and _is_open(text) and text.count(" ") < _SUBHEAD_WORDS


def _lift_closing_paragraph(nodes: list[Node]) -> None:
    """The plan's last paragraph after a list ("Trong quá trình thực hiện, nếu có khó khăn ...")
    speaks for the whole part, not for the numbered item whose list it follows."""
    if len(nodes) < 2 or nodes[-1].marker is not None or nodes[-1].kind != "paragraph":
        return
    last, before = nodes[-1], nodes[-2]
    if last.parent is None or before.marker is None:
        return
    parent = nodes[last.parent]
    if not (_is_list_intro(parent) or (parent.marker == "arabic" and before.marker != "arabic")):
        return
    # Climb out of the numbered items and of the paragraph that introduced their list
    # ("..., Ban Thường vụ yêu cầu ... thực hiện tốt một số nội dung sau:"): the closing line
    # ("Chỉ thị này phổ biến đến ...") belongs to the part above them, or to the top level.
    top: int | None = last.parent
    while top is not None and (nodes[top].marker == "arabic" or _is_list_intro(nodes[top])):
        top = nodes[top].parent
    last.parent = top
    last.level = 0 if top is None else nodes[top].level + 1


def _is_list_intro(node: Node) -> bool:
    return node.marker is None and _is_intro(node.text)


def _close_for_bullet(stack: list[_Open], key: str) -> None:
    """A bullet closes the bullets opened after its own glyph's level (or none if new glyph)."""
    for i in range(len(stack) - 1, -1, -1):  # the nearest open level with that glyph
        if stack[i][_KEY] == key:
            del stack[i:]
            return


def _close_for_paragraph(stack: list[_Open], nodes: list[Node], finished: dict[int, bool]) -> None:
    """An unlabelled paragraph ends bullet lists and the finished items above it: it can sit
    under a heading ("2.1. Tăng cường ..."), not under an item that is a whole sentence.

    ``finished`` keeps, per node index, whether that node is a finished item: the same open
    heading is asked about by every paragraph under it (its text no longer changes)."""
    while stack:
        rank, _, index = stack[-1]
        if rank < _RANK_INTRO:  # intros and bullets always close; others when finished
            done = finished.get(index)
            if done is None:
                text = nodes[index].text.rstrip()
                done = finished[index] = (
                    rank > _RANK_ROMAN
                    and text.count(" ") >= _SENTENCE_WORDS - 1  # "2. Yêu cầu." is still a title
                    and not _is_open(text)
                    and not _is_intro(text)
                )
            if not done:
                break
        stack.pop()


def _finish(nodes: list[Node]) -> None:
    """Sections, parts and heading/item kinds, once every parent is known."""
    has_children = {n.parent for n in nodes if n.parent is not None}
    top_part: str | None = None  # part of the latest top-level heading
    # each node's (roman, arabic) section parts, kept for its children (a parent comes
    # before them) rather than split again from its section string
    parts: list[tuple[str, str]] = []
    for i, node in enumerate(nodes):
        up = node.parent
        parent = nodes[up] if up is not None else None
        if node.cells is not None:  # a body table's row: the heading above gives both
            node.section = parent.section if parent is not None else ""
            node.part = parent.part if parent is not None else top_part
            parts.append(_split_section(node.section))
            continue
        # the section's (roman, arabic) components: the node's own label, else its parent's
        marker = node.marker
        numbered = marker == "roman" or marker == "arabic"
        if not (numbered and node.label) and parent is not None and parent.cells is None:
            # (the usual node: its parent's components, so its parent's section as well)
            parts.append(parts[up])  # type: ignore[index]
            node.section = parent.section
        else:
            roman, arabic = parts[up] if up is not None else ("", "")
            if numbered and node.label:
                if marker == "roman":
                    roman, arabic = node.label, ""
                else:
                    arabic = node.label
            parts.append((roman, arabic))
            node.section = f"{roman}.{arabic}" if roman and arabic else roman or arabic
        if node.part is None:
            own = _part_of_title(node.text) if numbered else None
            if own and (i in has_children or _title_like(node.text)):
                node.part = own
            elif parent is not None:
                node.part = parent.part
                if (
                    parent.marker is None  # (the cheap half of _opens_directives first)
                    and _opens_directives(parent)
                    and _is_assessment_point(node.text)
                ):
                    node.part = "assessment"  # "Sau 10 năm thực hiện Chỉ thị ..., nhận thức ..."
            else:
                node.part = top_part
            if node.part is None and i in has_children and _is_directive_intro(node.text):
                node.part = "tasks"  # "... Ban Bí thư yêu cầu ... thực hiện tốt các nhiệm vụ sau:"
        if numbered and i not in has_children and not _title_like(node.text):
            node.kind = "item"
        if up is None and node.kind == "heading":
            top_part = node.part


def _opens_directives(node: Node) -> bool:
    """The unnumbered top-level paragraph that opens a list of directives or conclusions."""
    return node.parent is None and node.marker is None and _is_directive_intro(node.text)


def _split_section(section: str) -> tuple[str, str]:
    if not section:
        return "", ""
    head, _, rest = section.partition(".")
    if _ROMAN_HEAD.fullmatch(head):
        return head, rest
    return "", section
