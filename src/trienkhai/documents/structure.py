"""Structure analysis: from reader blocks to an Outline (provisional placeholder)."""

from __future__ import annotations

from .model import Node, Outline, Paragraph, SourceDocument


def build_outline(source: SourceDocument) -> Outline:
    nodes = [
        Node(text=b.text.strip(), line=b.line, kind="paragraph")
        for b in source.blocks
        if isinstance(b, Paragraph)
    ]
    return Outline(source=source, nodes=nodes)
