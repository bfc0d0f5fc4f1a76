"""Cutting a document into zones: head (issuer, number, date, kind word, title, opening
paragraph), body, tail (Nơi nhận and signature) and appendix."""

from __future__ import annotations

from .. import normalize
from ..model import Node, Paragraph, SourceDocument, Table
from ..patterns import can_open
from .common import (
    _OPENING,
    _RECIPIENTS,
    _RECIPIENTS_FIRST,
    _SIGNATURE,
    _SIGNATURE_FIRST,
    _TAIL_START,
    _TAIL_START_FIRST,
    _ZONE_START,
    _ZONE_START_FIRST,
    _is_appendix_heading,
    _is_directive_intro,
    _is_heading_like,
    _label_of,
    _Para,
    _part_of_title,
    _start,
)


def _clean_blocks(source: SourceDocument) -> tuple[list[_Para | Table], bool, bool]:
    """The paragraphs cleaned (empty ones dropped) and the tables, in reading order; whether
    a paragraph may still hold a superscript glyph; and whether there is a table (its cells
    are cleaned apart). See ``Outline.clean``."""
    blocks = source.blocks
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    cleaned, glyphs = normalize.clean_all_glyphs(
        [p.text for p in paragraphs], nfkc=source.nfkc, plain=source.plain
    )
    if len(paragraphs) == len(blocks):
        # the usual text: no table, so one pass pairs each paragraph with its cleaning
        return (
            [
                _Para(text, block.line, block.text, anchors, block.style, block.label or None)
                for block, (text, anchors) in zip(paragraphs, cleaned, strict=True)
                if text
            ],
            glyphs,
            False,
        )
    items: list[_Para | Table] = []
    pending = iter(cleaned)
    for block in blocks:
        if isinstance(block, Table):
            if block.rows:
                items.append(block)
            continue
        assert isinstance(block, Paragraph)
        text, anchors = next(pending)
        if not text:
            continue
        items.append(_Para(text, block.line, block.text, anchors, block.style, block.label or None))
    return items, glyphs, True


def _head_nodes(items: list[_Para | Table]) -> list[Node]:
    """Header lines, one node each; a header table gives one node per line of each cell."""
    out: list[Node] = []
    for item in items:
        if isinstance(item, _Para):
            out.append(_flat_node(item, "header"))
            continue
        for r, row in enumerate(item.rows):
            for cell in row:
                for piece in cell.splitlines():
                    text, anchors = normalize.clean(piece)
                    if text:
                        out.append(
                            Node(
                                text=text,
                                line=item.line + r,
                                kind="paragraph",
                                part="header",
                                anchors=anchors,
                            )
                        )
    return out


def _flat_node(p: _Para, part: str) -> Node:
    # (every field given in order: a keyword argument costs more than a positional one)
    return Node(p.text, p.line, "paragraph", "", part, None, 0, None, None, None, None, p.anchors)


def _head_end(items: list[_Para | Table]) -> int:
    """Index of the first body item: the first roman heading or part heading."""
    seen_long = False
    for i, item in enumerate(items):
        if isinstance(item, Table):
            if not seen_long and len(item.rows) <= 4:
                continue  # the header laid out as a table: issuer | national motto, number | date
            return i
        seen_long = seen_long or _is_long(item.text)
        label, rest = _label_of(item)
        if label and rest and label.marker == "roman":
            return i
        if label and rest and label.value in ("1", "a"):
            # the first numbered item ends the header; a directive paragraph just before it
            # ("Bộ Chính trị yêu cầu ... thực hiện tốt một số nội dung sau:") opens the body
            prev = items[i - 1] if i else None
            if isinstance(prev, _Para) and _is_directive_intro(prev.text):
                return i - 1
            return i
        # (the cheap test first: most head lines are neither labelled nor heading-like)
        if (
            (label or _is_heading_like(item))
            and (part := _part_of_title(rest))
            and part not in ("appendix",)
        ):
            return i
        if can_open(_RECIPIENTS_FIRST, item.text) and _RECIPIENTS.match(_start(item.text)):
            return i
    # No heading at all: the head is what comes before the first long paragraph, with that
    # paragraph itself when it is the document's opening "Thực hiện ..." sentence.
    for i, item in enumerate(items):
        if isinstance(item, _Para) and _is_long(item.text):
            return i + 1 if _OPENING.match(_start(item.text)) else i
    return 0


def _is_long(text: str) -> bool:
    """At least 30 words (split at most 29 times: a 30th piece says so)."""
    return len(text.split(None, 29)) >= 30


def _tail_and_appendix(items: list[_Para | Table], start: int) -> tuple[int | None, int | None]:
    tail = appendix = None
    zone_first = _ZONE_START_FIRST
    for i in range(start, len(items)):
        if tail is not None and appendix is not None:
            break  # both found: nothing below can change them
        item = items[i]
        if isinstance(item, Table):
            if tail is not None and appendix is None:
                appendix = i
            continue
        if tail is None:
            # (can_open, without a call: the usual line needs no fold of its start)
            if zone_first is not None and item.text[:1].casefold()[:1] not in zone_first:
                continue
            folded = _start(item.text)
            m = _ZONE_START.match(folded)  # both tests in one match: most lines fail both
            if m is None:
                continue
            if m.group("tail") is not None:
                tail = i
            elif appendix is None and _is_appendix_heading(item.text, folded):
                appendix = i
        elif appendix is None and _is_appendix_heading(item.text):
            appendix = i
    if appendix is not None and tail is not None and appendix < tail:
        # An appendix placed before the recipients: its tables end where the tail begins.
        return tail, appendix
    return tail, appendix


def _resume_after_tail(items: list[_Para | Table], tail: int, stop: int) -> int | None:
    """Where a plan's body starts again after a signature block (a Quyết định that issues
    the plan is signed first, the plan follows): the first part heading after the tail."""
    for i in range(tail + 1, stop):
        item = items[i]
        if not isinstance(item, _Para):
            continue
        label, rest = _label_of(item)
        if label is not None and label.marker != "roman":
            continue
        if (
            (label is not None or _is_heading_like(item))  # (the cheap test first)
            and (part := _part_of_title(rest))
            and part != "appendix"
        ):
            return i
    return None


def _next_tail(items: list[_Para | Table], start: int, stop: int) -> int:
    """The next recipients or signature line from ``start`` (``stop`` when there is none)."""
    for i in range(start, stop):
        item = items[i]
        if (
            isinstance(item, _Para)
            and can_open(_TAIL_START_FIRST, item.text)
            and _TAIL_START.match(_start(item.text))
        ):
            return i
    return stop


def _mark_signature(tail: list[Node]) -> None:
    """Nodes from the first signature line on belong to the signature block, except the
    recipients' bullet lines that a two-column layout interleaves with it."""
    signing = False
    for node in tail:
        if can_open(_SIGNATURE_FIRST, node.text) and _SIGNATURE.match(_start(node.text)):
            signing = True
        if signing and normalize.label_end(node.text)[0] is None:
            node.part = "signature"
