"""Plain data passed between the engine's stages.

readers  -> SourceDocument (blocks as the file gives them)
structure -> Outline (cleaned paragraphs placed under their headings and parts)
extract  -> Extraction (the contract `trienkhai.extract/1`, plus provenance)

Every extracted item carries ``line`` (1-based line of the source, or block index for .docx/.pdf)
and ``rule`` (which rule found it), so the review screen and debugging can show why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Paragraph:
    """One paragraph as the reader found it (text still raw: markup, anchors, cut sentences)."""

    text: str
    line: int
    label: str | None = None  # list numbering a .docx gives outside the text ("1.", "a)")
    style: str | None = None  # reader's style hint ("Heading 1", "Title", "bold", "italic")
    page: int | None = None


@dataclass(slots=True)
class Table:
    """A table: real .docx table, markdown pipe table, or tab / ' | ' separated text lines."""

    rows: list[list[str]]
    line: int
    page: int | None = None


Block = Paragraph | Table


@dataclass(slots=True)
class Footnote:
    """A footnote body, detached from the running text, with its anchor label."""

    label: str
    text: str
    line: int | None = None


@dataclass(slots=True)
class SourceDocument:
    """What a reader returns: the blocks of the document in reading order."""

    name: str
    format: str  # "txt" | "md" | "docx" | "pdf"
    blocks: list[Block]
    footnotes: list[Footnote] = field(default_factory=list)
    encoding: str | None = None
    notes: list[str] = field(default_factory=list)  # reader remarks ("converted from TCVN3")
    # Set by a reader that checked it: every paragraph's text is in NFKC (structure analysis
    # then need not check them again).
    nfkc: bool = False
    # Set by a reader that checked it: no paragraph holds a control character but a tab or a
    # vertical tab (no line break, form feed, C1 control ...): cleaning need not look for the
    # odd spaces among them.
    plain: bool = False

    @property
    def text(self) -> str:
        """The paragraphs' text joined by blank lines (tables as ' | ' rows)."""
        out: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                out.extend(" | ".join(row) for row in block.rows)
            else:
                out.append(block.text)
        return "\n\n".join(out)


@dataclass(slots=True)
class Node:
    """A cleaned paragraph (or table row) placed in the document's outline.

    ``section`` is the path of numbered headings above it ("III.2", "II.2.1"; appendix rows
    "PL.I"); ``part`` is the plan part it belongs to (see lexicon ``parts.yaml``:
    header, purpose, assessment, objectives, tasks, organisation, recipients, signature,
    appendix, or None before the first recognised part).
    """

    text: str
    line: int
    kind: str  # "heading" | "item" | "paragraph" | "row"
    section: str = ""
    part: str | None = None
    label: str | None = None  # "I", "2", "2.1", "a", "-", "+" ...
    level: int = 0
    cells: list[str] | None = None  # for kind == "row": the row's cells
    header: list[str] | None = None  # for kind == "row": the table's header cells
    marker: str | None = None  # label kind: "roman" | "arabic" | "letter" | "bullet" | None
    parent: int | None = None  # index in Outline.nodes of the node this one sits under
    anchors: list[str] = field(default_factory=list)  # footnote labels anchored in the text
    group: str | None = None  # for rows: the table's group heading cell ("Hoàn thiện thể chế")


@dataclass(slots=True)
class Outline:
    """The document after structure analysis: what every extractor reads."""

    source: SourceDocument
    nodes: list[Node]
    footnotes: list[Footnote] = field(default_factory=list)
    head: list[Node] = field(default_factory=list)  # lines before the first body part
    tail: list[Node] = field(default_factory=list)  # recipients and signature block
    # Set by build_outline: every node's text is one line, stripped and single-spaced, with no
    # odd space and no superscript glyph (cleaned by normalize.clean), so the extractors need
    # not clean it again but for the few marks normalize.clean leaves ("#", "`", "<").
    clean: bool = False
    # What the extractors computed from this outline once and share (``sources.memo``).
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@dataclass(slots=True)
class LintWarning:
    """A clerk's check that failed: ``code`` names the check, ``line`` where it applies."""

    code: str
    message: str
    line: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "line": self.line}
