"""Structure analysis: from the reader's blocks to an :class:`Outline`.

The stages, each a small function:

1. clean every paragraph (``normalize.clean``) and drop decoration lines;
2. cut the document into zones: ``head`` (issuer, number, date, kind word, title, the opening
   "Thực hiện ..." paragraph), body, ``tail`` (Nơi nhận and signature) and appendix;
3. in the body, merge markdown-broken lines, detach footnote bodies and re-join paragraphs that
   a page break or a footnote block cut in two;
4. read each paragraph's label (I., 2.1., a), -, +) and place it in the heading tree;
5. give every node its ``section`` path ("III.2", "II.2.1") and the plan ``part`` it belongs to;
6. turn appendix tables into ``row`` nodes with their ``PL``/``PLII.III`` sections.

Modules: ``zones`` (1-2), ``paragraphs`` (3), ``tree`` (4-5), ``tables`` (6), ``common`` (what
they share). All the words involved (part headings, recipients, signature, appendix) come from
the lexicon ``parts.yaml``; the code only knows the shapes of numbering.
"""

from __future__ import annotations

import unicodedata

from ..model import Node, Outline, SourceDocument, Table
from .common import _Para
from .paragraphs import _detach_footnotes, _merge_broken_lines, _merge_wrapped_lines
from .tables import _appendix_nodes
from .tree import _place
from .zones import (
    _clean_blocks,
    _flat_node,
    _head_end,
    _head_nodes,
    _mark_signature,
    _next_tail,
    _resume_after_tail,
    _tail_and_appendix,
)

__all__ = ["build_outline"]


def build_outline(source: SourceDocument) -> Outline:
    """Place every paragraph and table row of ``source`` in the document's outline."""
    items, glyphs, tables = _clean_blocks(source)
    head_end = _head_end(items)
    tail_start, appendix_start = _tail_and_appendix(items, head_end)
    body_end = min(x for x in (tail_start, appendix_start, len(items)) if x is not None)

    head = _head_nodes(items[:head_end])
    tail_items: list[_Para | Table] = []
    body = items[head_end:body_end]
    if tail_start is not None:
        stop = appendix_start if appendix_start and appendix_start > tail_start else len(items)
        tail_items = items[tail_start:stop]
        resume = _resume_after_tail(items, tail_start, stop)
        if resume is not None:
            # A decision (Quyết định) signed first, then the plan it issues: the plan is body.
            again = _next_tail(items, resume, stop)
            body = body + items[resume:again]
            tail_items = items[tail_start:resume] + items[again:stop]
    tail = [_flat_node(p, "recipients") for p in tail_items if isinstance(p, _Para)]
    _mark_signature(tail)

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
    # every node text is a cleaned paragraph, its part after the label, cleaned paragraphs
    # joined by one space, or cleaned cells: as clean as they are
    clean = not glyphs and (not tables or _cells_plain(head, nodes))
    return Outline(source, nodes, footnotes, head, tail, clean=clean)


def _cells_plain(head: list[Node], nodes: list[Node]) -> bool:
    """Whether the texts a table gave (its rows' cells, a header table's lines) hold no
    superscript glyph: told by one NFKC check of them all (a glyph is a compatibility
    character; a text that fails, a rare one, is taken as holding one)."""
    texts = [cell for node in nodes if node.cells is not None for cell in node.cells]
    texts += [node.text for node in head]
    return unicodedata.is_normalized("NFKC", " ".join(texts))
