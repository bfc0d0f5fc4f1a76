"""The text the extractors read, taken from an Outline whatever stage structure has reached.

Structure analysis rejoins cut paragraphs, detaches footnotes and tags each node with its plan
part. The extractors here also run on a bare outline (one node per reader paragraph, ``part``
None): markup left in the text is removed with :func:`clean`, and :func:`units` gives every
piece of running text (nodes, then footnote bodies) with its line.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TypeVar, cast, overload

from ..model import Node, Outline, Paragraph, Table
from ..normalize import is_unit_exponent

T = TypeVar("T")

_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE | re.DOTALL)
_TAGS = re.compile(r"</?[a-zA-Z][^>]{0,40}>")
_MD_MARKS = re.compile(r"\*+|^#+\s*|(?<=\s)#+\s|`+", re.MULTILINE)
_SUPER_DIGITS = re.compile(r"(?<=\S)[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b]+")
_LABEL = re.compile(
    r"^\s*(?:(?P<roman>[IVXLC]+)\.|(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?(?=\s)|(?P<alpha>[a-zđ])\))\s+"
)


_MARKUP_CHARS = tuple("*<#`⁰¹²³⁴⁵⁶⁷⁸⁹\t\u00a0\u2002\u2003\u2009\u200b")


def _has_markup(text: str) -> bool:
    """Whether any markup character occurs: one substring search each (a fast scan in C) costs
    far less than walking the text character by character."""
    for ch in _MARKUP_CHARS:  # noqa: SIM110 - a plain loop is cheaper than any(<genexpr>)
        if ch in text:
            return True
    return False


def _drop_anchor(m: re.Match[str]) -> str:
    """A footnote anchor's glyphs go; a unit's exponent (m², km³) stays."""
    return m.group(0)[0] if is_unit_exponent(m.string, m.start()) else ""


def clean(text: str) -> str:
    """Text without markdown marks, footnote anchors and doubled spaces (line breaks kept)."""
    if "  " not in text and not _has_markup(text):
        return "\n".join(line.strip() for line in text.split("\n"))
    text = _SUP.sub("", text)
    text = _TAGS.sub("", text)
    text = _MD_MARKS.sub("", text)
    text = _SUPER_DIGITS.sub(_drop_anchor, text)
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def one_line(text: str) -> str:
    """``clean`` with line breaks turned into spaces."""
    if "\n" not in text and "  " not in text and not _has_markup(text):
        return text.strip()
    return " ".join(clean(text).split())


_BATCH_MARKS = (*_MARKUP_CHARS, "\n")
# those a text in NFKC can hold: superscript digits and typographic spaces are compatibility
# characters, that NFKC replaces
_BATCH_MARKS_NFKC = tuple(ch for ch in _BATCH_MARKS if unicodedata.is_normalized("NFKC", ch))


def _one_lines(texts: list[str]) -> list[str]:
    """:func:`one_line` of each text, the same results, with the scans made once over all of
    them: the markup characters, line breaks and doubled spaces are looked for in the texts
    joined by single spaces and mapped back to their text (an edge space doubles the joining
    one); a text holding none of them only needs its edges trimmed. When the joined text is
    in NFKC (one check, as fast as a single search), the compatibility characters among them
    cannot occur and are not searched for (slow searches in C for the superscripts)."""
    joined = " ".join(texts)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    marked: set[int] = set()
    for ch in _BATCH_MARKS_NFKC if unicodedata.is_normalized("NFKC", joined) else _BATCH_MARKS:
        at = joined.find(ch)
        while at != -1:
            i = bisect_right(starts, at) - 1
            marked.add(i)  # the text is cleaned whole: go on from the next one
            at = joined.find(ch, starts[i + 1]) if i + 1 < len(starts) else -1
    at = joined.find("  ")
    while at != -1:
        i = bisect_right(starts, at) - 1
        marked.update((i, i + 1))  # the doubled space may be where the two are joined
        at = joined.find("  ", at + 1)
    return [one_line(t) if i in marked else t.strip() for i, t in enumerate(texts)]


# What :func:`clean` acts on in a text that ``normalize.clean`` cleaned: the marks that
# cleaning leaves where they are not markdown or a tag it knows ("*" only to be safe).
_CLEAN_MARKS = ("*", "<", "#", "`")


def _clean_lines(texts: list[str]) -> list[str]:
    """:func:`_one_lines` of texts an outline says are clean (``Outline.clean``): one line,
    stripped, single-spaced, no odd space or superscript glyph. Only the few marks of
    ``_CLEAN_MARKS`` are looked for (fast searches in C); the NFKC check, the search for
    doubled spaces and the strips, costly scans of every text, are spared."""
    joined = " ".join(texts)
    found = [(ch, at) for ch in _CLEAN_MARKS if (at := joined.find(ch)) != -1]
    if not found:
        return texts  # (the usual outline: no text needs cleaning)
    starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
    marked: set[int] = set()
    for ch, at in found:
        while at != -1:
            i = bisect_right(starts, at) - 1
            marked.add(i)  # the text is cleaned whole: go on from the next one
            at = joined.find(ch, starts[i + 1]) if i + 1 < len(starts) else -1
    return [one_line(t) if i in marked else t for i, t in enumerate(texts)]


# What ``_LABEL`` can open with (besides a space or a decimal digit): most texts open with
# none of these, and are answered without running the pattern.
_LABEL_FIRST = frozenset("IVXLCabcdefghijklmnopqrstuvwxyzđ")


def split_label(text: str) -> tuple[str | None, str]:
    """("II", "MỤC TIÊU") from "II. MỤC TIÊU"; (None, text) when no numbering label opens it."""
    first = text[:1]
    if first not in _LABEL_FIRST and not first.isdecimal() and not first.isspace():
        return None, text
    m = _LABEL.match(text)
    if not m:
        return None, text
    label = m["roman"] or m["num"] or m["alpha"]
    return label, text[m.end() :]


_MISSING = object()


def memo(outline: Outline, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per outline and key: the extractors share units and mentions.

    Kept in the outline's own ``memo`` dict: it lives and goes with the outline (no stale entry
    for a new outline, nothing kept once a batch has moved on), and a hit is one dict look-up,
    with no lock (the web app may extract in several threads: a dict's get and set are atomic;
    two threads asking at once both compute the same value, and one keeps it).
    """
    value = outline.memo.get(key, _MISSING)
    if value is _MISSING:
        value = outline.memo[key] = compute()
    return cast(T, value)


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


def _wrapped_heading(prev: Unit | None, node: Node, text: str) -> str | None:
    """A "heading" that is a wrapped line: "(khóa" / "XVIII) và Chương trình ..." read as
    heading XVIII. A real heading never opens lower-case; give the line its numeral back."""
    if prev is None or node.kind != "heading" or not node.label or not text[:1].islower():
        return None
    closing = ")" if prev.text.count("(") > prev.text.count(")") else "."
    return f"{node.label}{closing} {text}"


def _continues(prev: Unit, node: Node, text: str) -> bool:
    """Whether ``node`` is the rest of ``prev`` wrapped onto a new line (a PDF's lines)."""
    if prev.node is None or prev.node.kind not in ("paragraph", "item"):
        return False
    if node.kind != "paragraph" or prev.text.endswith(_SENTENCE_END):
        return False
    if prev.node.part != node.part:
        return False
    first = text[:1]
    if first.islower() or first.isdigit() or first == "(":
        return True
    return prev.text.count("(") > prev.text.count(")")  # "(khóa" / "XIII) về ..."


def units(outline: Outline, *, footnotes: bool = True) -> list[Unit]:
    """Every node of the outline, then (``footnotes``) the footnote bodies; computed once."""
    body = memo(outline, "units", lambda: _body_units(outline))
    if not footnotes:
        return body
    notes = memo(outline, "footnote_units", lambda: list(_footnote_units(outline)))
    return body + notes


def _footnote_units(outline: Outline) -> Iterator[Unit]:
    for fn in outline.footnotes or outline.source.footnotes:
        text = one_line(fn.text)
        if text:
            yield Unit(text, fn.line or 0, None)


def _body_units(outline: Outline) -> list[Unit]:
    """Every node of the outline (head and tail too), cleaned.

    Lines that only continue the previous one (lower-case start, no sentence end before) are
    joined to it, so a citation or a duty wrapped over two lines reads whole.

    One list built in one loop (no generator), a row's cells cleaned in the same batch as the
    other texts, and the cheap half of each join test (the node's kind, the text's first
    letter, the previous text's last) made before calling the full test.
    """
    every = [*outline.head, *outline.nodes, *outline.tail]
    texts: list[str] = []
    for node in every:
        if node.kind == "row" and node.cells:  # a row reads as its cells
            texts.extend(node.cells)
        else:
            texts.append(node.text)
    lines = _clean_lines(texts) if outline.clean else _one_lines(texts)
    out: list[Unit] = []
    pending: Unit | None = None
    at = 0
    for node in every:
        kind = node.kind
        if kind == "row" and node.cells:
            end = at + len(node.cells)
            text = " | ".join(lines[at:end])
            at = end
        else:
            text = lines[at]
            at += 1
        if not text:
            continue
        if pending is not None:
            if kind == "heading":
                if (
                    node.label
                    and text[:1].islower()
                    and (restored := _wrapped_heading(pending, node, text)) is not None
                ):
                    pending.breaks.append((len(pending.text) + 1, node.line))
                    pending.text = f"{pending.text} {restored}"
                    continue
            elif (
                kind == "paragraph"
                and not pending.text.endswith(_SENTENCE_END)
                and _continues(pending, node, text)
            ):
                pending.breaks.append((len(pending.text) + 1, node.line))
                pending.text = f"{pending.text} {text}"
                continue
            out.append(pending)
        pending = Unit(text, node.line, node, [])
    if pending is not None:
        out.append(pending)
    return out


@dataclass(slots=True)
class Line:
    """One printed line of the source, cleaned, with its 1-based line (or block) number."""

    text: str
    line: int
    block: int


LAYOUT_ROWS = 3
LAYOUT_COLUMNS = 3


class SourceLines(Sequence[Line]):
    """The source's printed lines, each cleaned the first time it is read.

    Metadata reads the header at the top and the signature block at the bottom; the lines in
    between are split but never cleaned, which keeps long documents cheap.
    """

    def __init__(self, outline: Outline) -> None:
        """(A paragraph of one line, every paragraph of a text file, is taken as it is:
        no split into a list of one, no offset added to its line number.)"""
        self._raw: list[tuple[str, int, int]] = []
        append = self._raw.append
        for bi, block in enumerate(outline.source.blocks):
            if not isinstance(block, Paragraph):
                self._table(block, bi)
                continue
            text = block.text
            if "\n" not in text:
                if text.strip(" \t*#`"):
                    append((text, block.line, bi))
                continue
            for offset, raw in enumerate(text.split("\n")):
                if raw.strip(" \t*#`"):
                    append((raw, block.line + offset, bi))
        self._done: dict[int, Line] = {}

    def _table(self, table: Table, bi: int) -> None:
        """A layout table (the header's or the signature's two columns) gives its cells' lines
        column by column, as they are read; a data table gives one line per row."""
        width = max((len(r) for r in table.rows), default=0)
        if len(table.rows) <= LAYOUT_ROWS and width <= LAYOUT_COLUMNS:
            for ci in range(width):
                for ri, row in enumerate(table.rows):
                    cell = row[ci] if ci < len(row) else ""
                    for raw in cell.split("\n"):
                        if raw.strip(" \t*#`"):
                            self._raw.append((raw, table.line + ri, bi))
            return
        for ri, row in enumerate(table.rows):
            self._raw.append((" | ".join(row), table.line + ri, bi))

    def __len__(self) -> int:
        return len(self._raw)

    def raw_length(self, index: int) -> int:
        """The length of a line before cleaning (cheap: lets a scan skip long lines)."""
        return len(self._raw[index][0])

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self._raw)))]
        if index < 0:
            index += len(self._raw)
        line = self._done.get(index)
        if line is None:
            raw, number, block = self._raw[index]
            line = self._done[index] = Line(one_line(raw), number, block)
        return line


def source_lines(outline: Outline) -> SourceLines:
    """The source's lines in reading order (a paragraph may hold several), blank ones dropped.

    Metadata reads the header and the signature block line by line, as they are printed,
    whatever structure analysis made of them. Shared per outline; lines are cleaned on demand
    (a line whose markup cleans to nothing reads as an empty string).
    """
    return memo(outline, "lines", lambda: SourceLines(outline))
