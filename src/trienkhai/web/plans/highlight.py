"""Mark what the engine found in the source text, for the review page. Plain Python, no Django.

The engine reports *what* it found (bodies, targets, deadlines, citations) and, for tasks,
the source line. This module turns one source line into segments ``(text, kind)`` so the
template can wrap the found spans in ``<mark>`` without trusting any HTML.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

KINDS = ("target", "citation", "deadline", "body")  # earlier kinds win where spans overlap


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    kind: str | None = None  # None: plain text


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def terms_from_extraction(extraction: Mapping[str, Any]) -> dict[str, str]:
    """Every phrase worth marking, mapped to its kind (body, target, deadline, citation)."""
    terms: dict[str, str] = {}

    def add(text: Any, kind: str) -> None:
        if isinstance(text, str) and len(text.strip()) >= 3:
            terms.setdefault(_nfc(text.strip()), kind)

    for target in extraction.get("targets") or []:
        add(target.get("text"), "target")
    for doc in [*(extraction.get("citations") or []), *(extraction.get("implements") or [])]:
        add(doc.get("number"), "citation")
    for task in extraction.get("tasks") or []:
        add(task.get("due"), "deadline")
        for role in ("lead", "support", "requested"):
            for body in task.get(role) or []:
                add(body, "body")
    for duty in extraction.get("reporting") or []:
        for key in ("recipient", "via", "reporter"):
            value = duty.get(key)
            for body in value if isinstance(value, list) else [value]:
                add(body, "body")
    return terms


def compile_terms(terms: Mapping[str, str]) -> re.Pattern[str] | None:
    """One case-insensitive alternation, higher-priority kinds and longer phrases first."""
    if not terms:
        return None
    ordered = sorted(terms, key=lambda t: (KINDS.index(terms[t]), -len(t)))
    return re.compile("|".join(re.escape(t) for t in ordered), re.IGNORECASE)


def segment_line(
    text: str, pattern: re.Pattern[str] | None, terms: Mapping[str, str]
) -> list[Segment]:
    """Split one line into plain and marked segments."""
    text = _nfc(text)
    if pattern is None:
        return [Segment(text)]
    folded = {t.casefold(): kind for t, kind in terms.items()}
    out: list[Segment] = []
    pos = 0
    for match in pattern.finditer(text):
        if match.start() > pos:
            out.append(Segment(text[pos : match.start()]))
        out.append(Segment(match.group(0), folded.get(match.group(0).casefold(), "body")))
        pos = match.end()
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


@dataclass(frozen=True, slots=True)
class SourceLine:
    number: int
    segments: list[Segment]
    is_task: bool


def mark_source(
    lines: Iterable[tuple[int, str]], extraction: Mapping[str, Any]
) -> list[SourceLine]:
    """The source, line by line, with found phrases marked and the lines tasks start on flagged."""
    terms = terms_from_extraction(extraction)
    pattern = compile_terms(terms)
    task_lines = {
        task.get("line") for task in extraction.get("tasks") or [] if task.get("line") is not None
    }
    return [
        SourceLine(number, segment_line(text, pattern, terms), number in task_lines)
        for number, text in lines
    ]
