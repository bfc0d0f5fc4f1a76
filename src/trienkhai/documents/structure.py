"""Structure analysis: from the reader's blocks to an :class:`Outline`.

The stages, each a small function:

1. clean every paragraph (``normalize.clean``) and drop decoration lines;
2. cut the document into zones: ``head`` (issuer, number, date, kind word, title, the opening
   "Thực hiện ..." paragraph), body, ``tail`` (Nơi nhận and signature) and appendix;
3. in the body, merge markdown-broken lines, detach footnote bodies and re-join paragraphs that
   a page break or a footnote block cut in two (``paragraphs.py`` logic lives here too);
4. read each paragraph's label (I., 2.1., a), -, +) and place it in the heading tree;
5. give every node its ``section`` path ("III.2", "II.2.1") and the plan ``part`` it belongs to;
6. turn appendix tables into ``row`` nodes with their ``PL``/``PLII.III`` sections.

All the words involved (part headings, recipients, signature, appendix) come from the lexicon
``parts.yaml``; this module only knows the shapes of numbering.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import normalize
from .lexicon import load
from .model import Footnote, Node, Outline, Paragraph, SourceDocument, Table
from .normalize import Label

_PARTS = load("parts")
_RECIPIENTS = re.compile(_PARTS["recipients"])
_SIGNATURE = re.compile(_PARTS["signature"])
_APPENDIX = re.compile(_PARTS["appendix"])
_OPENING = re.compile(_PARTS["opening"])
_PART_PREFIX = re.compile(_PARTS["part_prefix"])
_DIRECTIVE_INTRO = re.compile(_PARTS["directive_intro"])
_PART_MAX_WORDS = int(_PARTS["max_words"])
_PART_CUES: list[tuple[str, str]] = [
    (cue.casefold(), spec["part"]) for spec in _PARTS["headings"] for cue in spec["starts"]
]
_PART_CUES.sort(key=lambda c: -len(c[0]))  # longest cue first: "tổ chức thực hiện" over others
_TRAILING_PUNCT = re.compile(r"[\s.:;,\-–]+$")

# Footnote bodies as converters print them: "¹ Tổng kết", "⁽¹⁾ Kế hoạch", "<sup>1</sup> ...",
# and "1) ..." / "(1) ..." / "[1] ..." when an anchor with that label is waiting for its body.
_FN_GLYPH = re.compile(r"^\s*⁽?([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾?\s*(?=\S)")
_FN_SUP = re.compile(r"^\s*<sup>\s*\(?\s*(\d{1,3})\s*\)?\s*</sup>\s*", re.IGNORECASE)
_FN_PLAIN = re.compile(r"^\s*(?:\((\d{1,3})\)|(\d{1,3})\)|\[(\d{1,3})\])\s+(?=\S)")

# Heading ranks: a new label closes every open level of equal or deeper rank.
_RANK_DIRECTIVE = -1  # a top-level paragraph that introduces the whole list of directives
_RANK_ROMAN = 0
_RANK_ARABIC = 1  # + dots: "1." -> 1, "1.1." -> 2, "1.1.1." -> 3
_RANK_LETTER = 10
_RANK_INTRO = 15  # an unlabelled paragraph ending with ":" that introduces a list
_RANK_BULLET = 20
_SENTENCE_WORDS = 8  # a numbered line this long and finished is an item, not a title


@dataclass(slots=True)
class _Para:
    """A paragraph on its way through the stages."""

    text: str
    line: int
    raw: str
    anchors: list[str] = field(default_factory=list)
    style: str | None = None
    docx_label: str | None = None
    cached: tuple[Label | None, int] | None = None  # the label and where the rest starts


@dataclass(slots=True)
class _Open:
    """An open level of the heading tree while nodes are placed."""

    rank: int
    key: str
    index: int


def build_outline(source: SourceDocument) -> Outline:
    """Place every paragraph and table row of ``source`` in the document's outline."""
    items = _clean_blocks(source)
    head_end = _head_end(items)
    tail_start, appendix_start = _tail_and_appendix(items, head_end)
    body_end = min(x for x in (tail_start, appendix_start, len(items)) if x is not None)

    head = _head_nodes(items[:head_end])
    tail: list[Node] = []
    if tail_start is not None:
        stop = appendix_start if appendix_start and appendix_start > tail_start else len(items)
        tail = [_flat_node(p, "recipients") for p in items[tail_start:stop] if isinstance(p, _Para)]
        _mark_signature(tail)

    body = items[head_end:body_end]
    if source.format in ("txt", "md"):
        body = _merge_broken_lines(body)
    elif source.format == "pdf":
        body = _merge_wrapped_lines(body)
    footnotes = list(source.footnotes)
    body = _detach_footnotes(body, footnotes)
    nodes = _place(body)

    if appendix_start is not None:
        stop = tail_start if tail_start and tail_start > appendix_start else len(items)
        nodes.extend(_appendix_nodes(items[appendix_start:stop], len(nodes)))
    return Outline(source=source, nodes=nodes, footnotes=footnotes, head=head, tail=tail)


# ---------------------------------------------------------------- 1. cleaning


def _clean_blocks(source: SourceDocument) -> list[_Para | Table]:
    items: list[_Para | Table] = []
    for block in source.blocks:
        if isinstance(block, Table):
            if block.rows:
                items.append(block)
            continue
        assert isinstance(block, Paragraph)
        text, anchors = normalize.clean(block.text)
        if not text:
            continue
        items.append(_Para(text, block.line, block.text, anchors, block.style, block.label or None))
    return items


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
    return Node(text=p.text, line=p.line, kind="paragraph", part=part, anchors=p.anchors)


def _folded(text: str) -> str:
    return text.casefold()


def _start(text: str) -> str:
    """The case-folded start of a paragraph: enough for the start-anchored cues."""
    return text[:80].casefold()


def _is_directive_intro(text: str) -> bool:
    return text.rstrip().endswith(":") and bool(_DIRECTIVE_INTRO.search(text.casefold()))


# ---------------------------------------------------------------- 2. zones


def _part_of_title(title: str) -> str | None:
    """The plan part a heading's title opens, or None ("NHIỆM VỤ, GIẢI PHÁP" -> tasks)."""
    if not title or title.count(" ") >= _PART_MAX_WORDS:
        return None
    folded = _TRAILING_PUNCT.sub("", _folded(title)).lstrip("0123456789. ")
    if folded.startswith("phần"):
        folded = _PART_PREFIX.sub("", folded)
    if not folded:
        return None
    for cue, part in _PART_CUES:
        if folded.startswith(cue) and (len(folded) == len(cue) or not folded[len(cue)].isalpha()):
            return part
    return None


def _is_heading_like(p: _Para) -> bool:
    """Unlabelled lines that still read as headings: all capitals or a heading style."""
    upper = p.text.isupper()
    styled = bool(p.style) and (p.style or "").lower().startswith(("heading", "title"))
    return upper or styled


def _head_end(items: list[_Para | Table]) -> int:
    """Index of the first body item: the first roman heading or part heading."""
    seen_long = False
    for i, item in enumerate(items):
        if isinstance(item, Table):
            if not seen_long and len(item.rows) <= 4:
                continue  # the header laid out as a table: issuer | national motto, number | date
            return i
        seen_long = seen_long or len(item.text.split()) >= 30
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
        part = _part_of_title(rest)
        if part and part not in ("appendix",) and (label or _is_heading_like(item)):
            return i
        if _RECIPIENTS.match(_start(item.text)):
            return i
    # No heading at all: the head is what comes before the first long paragraph, with that
    # paragraph itself when it is the document's opening "Thực hiện ..." sentence.
    for i, item in enumerate(items):
        if isinstance(item, _Para) and len(item.text.split()) >= 30:
            return i + 1 if _OPENING.match(_start(item.text)) else i
    return 0


def _tail_and_appendix(items: list[_Para | Table], start: int) -> tuple[int | None, int | None]:
    tail = appendix = None
    for i in range(start, len(items)):
        item = items[i]
        if isinstance(item, Table):
            if tail is not None and appendix is None:
                appendix = i
            continue
        folded = _start(item.text)
        if tail is None and (_RECIPIENTS.match(folded) or _SIGNATURE.match(folded)):
            tail = i
        elif appendix is None and _is_appendix_heading(item.text):
            appendix = i
    if appendix is not None and tail is not None and appendix < tail:
        # An appendix placed before the recipients: its tables end where the tail begins.
        return tail, appendix
    return tail, appendix


def _is_appendix_heading(text: str) -> bool:
    if text[:1] not in "Pp" or text.count(" ") > 25 or text.endswith("."):
        return False
    return bool(_APPENDIX.match(_start(text)))


def _mark_signature(tail: list[Node]) -> None:
    """Nodes from the first signature line on belong to the signature block, except the
    recipients' bullet lines that a two-column layout interleaves with it."""
    signing = False
    for node in tail:
        if _SIGNATURE.match(_start(node.text)):
            signing = True
        if signing and normalize.split_label(node.text)[0] is None:
            node.part = "signature"


# ---------------------------------------------------------------- 3. paragraphs


def _merge_broken_lines(items: list[_Para | Table]) -> list[_Para | Table]:
    """Join lines that a markdown hard break ("  " at line end) or an open ``**`` split."""
    out: list[_Para | Table] = []
    bold_open = False
    for item in items:
        prev = out[-1] if out else None
        if (
            isinstance(item, _Para)
            and isinstance(prev, _Para)
            and item.line == prev.line + prev.raw.count("\n") + 1
            and (prev.raw.endswith("  ") or prev.raw.endswith("\\") or bold_open)
            and _label_of(item)[0] is None
        ):
            prev.text = f"{prev.text} {item.text}"
            prev.raw = f"{prev.raw}\n{item.raw}"
            prev.anchors.extend(item.anchors)
        else:
            out.append(item)
        if isinstance(item, _Para):
            bold_open = (out[-1].raw.count("**") % 2 == 1) if isinstance(out[-1], _Para) else False
    return out


def _merge_wrapped_lines(items: list[_Para | Table]) -> list[_Para | Table]:
    """PDF text comes one printed line at a time: put wrapped lines back into paragraphs.

    A line continues the previous one when it has no list label and either reads as the rest of
    a cut sentence (lowercase start) or follows an unfinished line that runs the full width of
    the text block (a paragraph's last line, or a heading, is usually shorter).
    """
    lengths = sorted(len(p.text) for p in items if isinstance(p, _Para) and len(p.text) >= 40)
    full = lengths[int(0.9 * (len(lengths) - 1))] * 0.8 if lengths else float("inf")
    out: list[_Para | Table] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            isinstance(item, _Para)
            and isinstance(prev, _Para)
            and _label_of(item)[0] is None
            and not _FN_GLYPH.match(item.raw)
            and (_joins(prev.text, item) or (_is_open(prev.text) and len(prev.raw) >= full))
        ):
            prev.text = f"{prev.text} {item.text}"
            prev.raw = f"{prev.raw}\n{item.raw}"
            prev.anchors.extend(item.anchors)
        else:
            out.append(item)
    return out


def _footnote_start(p: _Para, waiting: set[str]) -> tuple[str, str] | None:
    """(label, body) when the paragraph is a footnote body, else None."""
    m = _FN_SUP.match(p.raw) or _FN_GLYPH.match(p.raw)
    if m:
        label = m.group(1).translate(normalize.SUPERSCRIPT_DIGITS)
        text, _ = normalize.clean(p.raw[m.end() :])
        return label, text
    m = _FN_PLAIN.match(p.text)
    if m:
        label = m.group(1) or m.group(2) or m.group(3)
        if label in waiting:
            return label, p.text[m.end() :].strip()
    return None


def _is_open(text: str) -> bool:
    """A paragraph whose sentence is not finished (cut by a page break or a footnote)."""
    return not normalize.ends_sentence(text)


_CONTINUATION_OPENERS = "“\"‘'(«["


def _continues(p: _Para) -> bool:
    """An unlabelled paragraph that reads as the rest of a cut sentence."""
    if _label_of(p)[0] is not None:
        return False
    first = p.text[:1]
    return normalize.starts_lowercase(p.text) or first in _CONTINUATION_OPENERS or first.isdigit()


def _detach_footnotes(items: list[_Para | Table], footnotes: list[Footnote]) -> list[_Para | Table]:
    """Move footnote bodies out of the running text and re-join the paragraphs they cut."""
    out: list[_Para | Table] = []
    waiting: set[str] = set()
    after_footnote = False
    last_body: _Para | None = None
    for i, item in enumerate(items):
        if isinstance(item, Table):
            out.append(item)
            after_footnote, last_body = False, None
            continue
        found = _footnote_start(item, waiting)
        if found:
            label, text = found
            waiting.discard(label)
            footnotes.append(Footnote(label=label, text=text, line=item.line))
            after_footnote = True
            continue
        open_note = footnotes[-1] if footnotes and _is_open(footnotes[-1].text) else None
        unlabelled = _label_of(item)[0] is None
        if after_footnote and unlabelled and footnotes:
            if last_body is not None and _joins(last_body.text, item):
                _join(last_body, item)
                waiting.update(item.anchors)
                after_footnote = False
                continue
            note = footnotes[-1]
            if not normalize.starts_lowercase(item.text) and _note_continues(note.text):
                note.text = f"{note.text} {item.text}"
                continue
            if _continues(item) and open_note is not None:
                open_note.text = f"{open_note.text} {item.text}"
                continue
        if last_body is not None and _joins(last_body.text, item):
            nxt = items[i + 1] if i + 1 < len(items) else None
            if (
                open_note is not None
                and isinstance(nxt, _Para)
                and _continues(nxt)
                and not _is_open(item.text)
            ):
                # A footnote's tail carried to the next page sits between the body's cut halves.
                open_note.text = f"{open_note.text} {item.text}"
                continue
            _join(last_body, item)
            waiting.update(item.anchors)
            after_footnote = False
            continue
        after_footnote = False
        waiting.update(item.anchors)
        out.append(item)
        last_body = item
    return out


_CLOSED = re.compile(r"[.!?:…]\s*[”\"’')\]»]*\s*(?:\./\.)?$|\./\.$")


def _joins(prev: str, p: _Para) -> bool:
    """Whether ``p`` is the rest of ``prev``: a lowercase start after anything but a full stop,
    or a quote, bracket or digit start after an unfinished sentence."""
    if not _continues(p):
        return False
    if normalize.starts_lowercase(p.text):
        return not _CLOSED.search(prev.rstrip()[-16:])
    return _is_open(prev)


def _note_continues(text: str) -> bool:
    """A footnote ending with ";" or "," (or unfinished) goes on in the next paragraph."""
    stripped = text.rstrip()
    return stripped.endswith((";", ",")) or _is_open(stripped)


def _join(into: _Para, part: _Para) -> None:
    into.text = f"{into.text} {part.text}"
    into.anchors.extend(part.anchors)


# ---------------------------------------------------------------- 4-5. tree, sections, parts


def _label_of(p: _Para) -> tuple[Label | None, str]:
    """The paragraph's list label and the text after it (computed once: text only grows
    at its end when cut paragraphs are re-joined)."""
    if p.cached is None:
        label, rest = normalize.split_label(p.text)
        if label is None and p.docx_label:
            p.cached = (normalize.parse_docx_label(p.docx_label), 0)
        else:
            p.cached = (label, len(p.text) - len(rest))
    label, offset = p.cached
    return label, p.text[offset:]


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
    return stripped.endswith(":") or (_is_open(stripped) and len(stripped.split()) <= 15)


def _place(items: list[_Para | Table]) -> list[Node]:
    """Build the heading tree: each node's parent, level, label, section and part."""
    nodes: list[Node] = []
    stack: list[_Open] = []
    for item in items:
        if isinstance(item, Table):
            nodes.extend(_table_nodes(item, nodes, stack, appendix=None, group=None))
            continue
        label, rest = _label_of(item)
        node = Node(text=rest, line=item.line, kind="paragraph", anchors=item.anchors)
        index = len(nodes)
        if label is None:
            _close_for_paragraph(stack, nodes)
            part = _part_of_title(rest) if _is_heading_like(item) else None
            if part:
                stack.clear()
                node.kind = "heading"
                node.part = part
                stack.append(_Open(_RANK_ROMAN, "part", index))
            elif rest.rstrip().endswith(":"):
                node.parent = stack[-1].index if stack else None
                if not stack and _is_directive_intro(rest):
                    # "..., Ban Bí thư yêu cầu ... thực hiện tốt các nhiệm vụ sau:" at the top
                    # of a document without part headings: the numbered list below is its own.
                    node.kind = "heading"
                    node.part = "tasks"
                    stack.append(_Open(_RANK_DIRECTIVE, "directive", index))
                else:
                    stack.append(_Open(_RANK_INTRO, "intro", index))
            else:
                node.parent = stack[-1].index if stack else None
        else:
            node.label, node.marker = label.value, label.marker
            node.kind = "item" if label.marker in ("letter", "bullet") else "heading"
            rank = _rank(label)
            key = f"{label.marker}:{label.value}" if label.marker == "bullet" else label.marker
            if label.marker == "bullet":
                _close_for_bullet(stack, key)
            else:
                while stack and stack[-1].rank >= rank:
                    stack.pop()
            node.parent = stack[-1].index if stack else None
            stack.append(_Open(rank, key, index))
        node.level = _depth(node, nodes)
        nodes.append(node)
    _lift_closing_paragraph(nodes)
    _finish(nodes)
    return nodes


def _lift_closing_paragraph(nodes: list[Node]) -> None:
    """The plan's last paragraph after a list ("Trong quá trình thực hiện, nếu có khó khăn ...")
    speaks for the whole part, not for the numbered item whose list it follows."""
    if len(nodes) < 2 or nodes[-1].marker is not None or nodes[-1].kind != "paragraph":
        return
    last, before = nodes[-1], nodes[-2]
    if last.parent is None or before.marker not in ("letter", "bullet"):
        return
    parent = nodes[last.parent]
    if parent.marker != "arabic":
        return
    top = parent.parent
    while top is not None and nodes[top].marker == "arabic":
        top = nodes[top].parent
    last.parent = top
    last.level = 0 if top is None else nodes[top].level + 1


def _close_for_bullet(stack: list[_Open], key: str) -> None:
    """A bullet closes the bullets opened after its own glyph's level (or none if new glyph)."""
    keys = [o.key for o in stack]
    if key in keys:
        while stack and stack[-1].key != key:
            stack.pop()
        stack.pop()


def _close_for_paragraph(stack: list[_Open], nodes: list[Node]) -> None:
    """An unlabelled paragraph ends bullet lists and the finished items above it: it can sit
    under a heading ("2.1. Tăng cường ..."), not under an item that is a whole sentence."""
    while stack:
        top = stack[-1]
        text = nodes[top.index].text.rstrip()
        finished_item = (
            top.rank > _RANK_ROMAN
            and not _is_open(text)
            and not text.endswith(":")
            and text.count(" ") >= _SENTENCE_WORDS - 1  # "2. Yêu cầu." is still a title
        )
        if top.rank < _RANK_INTRO and not finished_item:
            break
        stack.pop()


def _depth(node: Node, nodes: list[Node]) -> int:
    return 0 if node.parent is None else nodes[node.parent].level + 1


def _finish(nodes: list[Node]) -> None:
    """Sections, parts and heading/item kinds, once every parent is known."""
    has_children = {n.parent for n in nodes if n.parent is not None}
    top_part: str | None = None  # part of the latest top-level heading
    for i, node in enumerate(nodes):
        parent = nodes[node.parent] if node.parent is not None else None
        if node.kind == "row":
            continue
        roman, arabic = _section_parts(node, parent)
        node.section = ".".join(x for x in (roman, arabic) if x)
        if node.part is None:
            own = _part_of_title(node.text) if node.marker in ("roman", "arabic") else None
            if own and (i in has_children or _title_like(node.text)):
                node.part = own
            elif parent is not None:
                node.part = parent.part
            else:
                node.part = top_part
            if node.part is None and i in has_children and _is_directive_intro(node.text):
                node.part = "tasks"  # "... Ban Bí thư yêu cầu ... thực hiện tốt các nhiệm vụ sau:"
        if (
            node.marker in ("roman", "arabic")
            and i not in has_children
            and not _title_like(node.text)
        ):
            node.kind = "item"
        if node.parent is None and node.kind == "heading":
            top_part = node.part


def _section_parts(node: Node, parent: Node | None) -> tuple[str, str]:
    """(roman, arabic) components of the node's section, from its own label and its parent."""
    inherited = ("", "")
    if parent is not None:
        inherited = _split_section(parent.section)
    roman, arabic = inherited
    if node.marker == "roman" and node.label:
        return node.label, ""
    if node.marker == "arabic" and node.label:
        return roman, node.label
    return roman, arabic


def _split_section(section: str) -> tuple[str, str]:
    if not section:
        return "", ""
    head, _, rest = section.partition(".")
    if re.fullmatch(r"[IVXL]+", head):
        return head, rest
    return "", section


# ---------------------------------------------------------------- 6. tables and appendix


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


def _table_nodes(
    table: Table, nodes: list[Node], stack: list[_Open], appendix: str | None, group: str | None
) -> list[Node]:
    """Rows of a table met in the body: placed under the current heading, not in an appendix."""
    parent = stack[-1].index if stack else None
    section = nodes[parent].section if parent is not None else ""
    rows = _rows(table, section, len(nodes), appendix=False)
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
    return list(dict.fromkeys(c for c in cells if c))


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
    rows = [[normalize.clean(c)[0] for c in r] for r in table.rows]
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
                text=" | ".join(c for c in cells if c),
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
