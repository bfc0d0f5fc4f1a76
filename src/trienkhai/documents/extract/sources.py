"""The text the extractors read, taken from an Outline whatever stage structure has reached.

Structure analysis rejoins cut paragraphs, detaches footnotes and tags each node with its plan
part. The extractors here also run on a bare outline (one node per reader paragraph, ``part``
None): markup left in the text is removed with :func:`clean`, and :func:`units` gives every
piece of running text (nodes, then footnote bodies) with its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Node, Outline, Paragraph, Table

_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"</?[a-zA-Z][^>]{0,40}>")
_MD_MARKS = re.compile(r"\*+|^#+\s*|(?<=\s)#+\s|`+", re.MULTILINE)
_SUPER_DIGITS = re.compile(r"(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b]+")
_LABEL = re.compile(
    r"^\s*(?:(?P<roman>[IVXLC]+)\.|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?(?=\s)|(?P<alpha>[a-zđ])\))\s+"
)


def clean(text: str) -> str:
    """Text without markdown marks, footnote anchors and doubled spaces (line breaks kept)."""
    text = _SUP.sub("", text)
    text = _TAGS.sub("", text)
    text = _MD_MARKS.sub("", text)
    text = _SUPER_DIGITS.sub("", text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def one_line(text: str) -> str:
    """``clean`` with line breaks turned into spaces."""
    return " ".join(clean(text).split())


def split_label(text: str) -> tuple[str | None, str]:
    """("II", "MỤC TIÊU") from "II. MỤC TIÊU"; (None, text) when no numbering label opens it."""
    m = _LABEL.match(text)
    if not m:
        return None, text
    label = m["roman"] or m["num"] or m["alpha"]
    return label, text[m.end() :]


@dataclass(slots=True)
class Unit:
    """A piece of running text: a node's text, or a footnote body (``node`` None).

    ``breaks`` lists (offset, line) where a soft-wrapped line joined into this unit starts.
    """

    text: str
    line: int
    node: Node | None
    breaks: list[tuple[int, int]] = field(default_factory=list)

    def line_at(self, pos: int) -> int:
        """The source line of the character at ``pos``."""
        line = self.line
        for offset, brk in self.breaks:
            if offset > pos:
                break
            line = brk
        return line


_SENTENCE_END = (".", ";", ":", "!", "?", "…")


def _continues(prev: Unit, node: Node, text: str) -> bool:
    """Whether ``node`` is the rest of ``prev`` wrapped onto a new line (a PDF's lines)."""
    if prev.node is None or node.kind != "paragraph" or prev.node.kind not in ("paragraph", "item"):
        return False
    if prev.node.part != node.part or prev.text.endswith(_SENTENCE_END):
        return False
    first = text[:1]
    return first.islower() or first.isdigit() or first == "("


def units(outline: Outline, *, footnotes: bool = True) -> Iterator[Unit]:
    """Every node of the outline (head and tail too), then the footnote bodies, cleaned.

    Lines that only continue the previous one (lower-case start, no sentence end before) are
    joined to it, so a citation or a duty wrapped over two lines reads whole.
    """
    pending: Unit | None = None
    for node in [*outline.head, *outline.nodes, *outline.tail]:
        text = one_line(node.text)
        if node.kind == "row" and node.cells:
            text = " | ".join(one_line(c) for c in node.cells)
        if not text:
            continue
        if pending is not None and _continues(pending, node, text):
            pending.breaks.append((len(pending.text) + 1, node.line))
            pending.text = f"{pending.text} {text}"
            continue
        if pending is not None:
            yield pending
        pending = Unit(text, node.line, node)
    if pending is not None:
        yield pending
    if footnotes:
        seen = outline.footnotes or outline.source.footnotes
        for fn in seen:
            text = one_line(fn.text)
            if text:
                yield Unit(text, fn.line or 0, None)


@dataclass(slots=True)
class Line:
    """One printed line of the source, cleaned, with its 1-based line (or block) number."""

    text: str
    line: int
    block: int


def source_lines(outline: Outline) -> list[Line]:
    """The source's lines in reading order (a paragraph may hold several), blank ones dropped.

    Metadata reads the header and the signature block line by line, as they are printed,
    whatever structure analysis made of them.
    """
    out: list[Line] = []
    for bi, block in enumerate(outline.source.blocks):
        if isinstance(block, Table):
            for ri, row in enumerate(block.rows):
                text = one_line(" | ".join(row))
                if text:
                    out.append(Line(text, block.line + ri, bi))
            continue
        assert isinstance(block, Paragraph)
        for offset, raw in enumerate(block.text.split("\n")):
            text = one_line(raw)
            if text:
                out.append(Line(text, block.line + offset, bi))
    return out
