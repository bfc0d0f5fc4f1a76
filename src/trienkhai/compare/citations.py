"""Citations the child turned into references to its own implementing plans.

A province's programme cites, inline, the documents it builds on ("Chương trình hành động số
20-CTr/TU … thực hiện Nghị quyết số 02-NQ/TW"). A district carrying it out often replaces that
with a footnote to its own plan: "Kế hoạch số 51-KH/TU … của Ban Thường vụ Thị ủy thực hiện
Chương trình hành động số 20-CTr/TU". Recognised here: a passage of the child where a document
the parent does not cite is said to carry out (``implements_words``) a document the parent cites.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import load

_PASSAGE = re.compile(r"[^\n;]+")


def symbols(text: str) -> list[str]:
    """Document numbers and symbols in order of appearance ("20-CTr/TU", "43-NQ/TW")."""
    return [m.group(0) for m in load().doc_symbol_re.finditer(text)]


HEAD_CHARS = 1200


def localised_citations(
    parent_text: str, child_text: str, exclude: set[str] | frozenset[str] = frozenset()
) -> list[dict[str, Any]]:
    """Pairs (child's own document, the parent-cited document it carries out), with the passage.

    ``exclude``: numbers that are not the child's own plans (the documents it implements). The
    documents named in the child's title region are excluded as well: they are its parents."""
    lex = load()
    parent_cites = set(symbols(parent_text))
    exclude = set(exclude) | set(symbols(child_text[:HEAD_CHARS]))
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for passage in _PASSAGE.finditer(child_text):
        segment = passage.group(0)
        refs = list(lex.doc_symbol_re.finditer(segment))
        for k, first in enumerate(refs):
            own = first.group(0)
            if own in parent_cites or own in exclude:
                continue
            for later in refs[k + 1 :]:
                target = later.group(0)
                between = segment[first.end() : later.start()].casefold()
                if target in parent_cites and any(w in between for w in lex.implements_words):
                    found.setdefault(
                        (own, target),
                        {"child_cites": own, "parent_cites": target, "passage": segment.strip()},
                    )
                    break
    return list(found.values())


def attach_to_tasks(
    found: list[dict[str, Any]], parent_tasks: list[str], child_of_parent: dict[int, list[int]]
) -> list[dict[str, Any]]:
    """Add the parent task citing each document, and the child tasks paired with it."""
    for item in found:
        item["parent_task"] = None
        item["child_tasks"] = []
        for j, text in enumerate(parent_tasks):
            if item["parent_cites"] in symbols(text):
                item["parent_task"] = j
                item["child_tasks"] = child_of_parent.get(j, [])
                break
    return found
