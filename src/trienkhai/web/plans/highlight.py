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


_SPACE = re.compile(r"\s+")
_PROBE = 40  # characters of a task's text that locate it in the source


def _squeeze(text: str) -> str:
    return _SPACE.sub(" ", _nfc(text)).strip().casefold()


def locate_tasks(lines: list[tuple[int, str]], task_texts: list[str]) -> list[int | None]:
    """For each task, the number of the source line it starts on (None when not found).

    Located by text, not by the engine's line numbers, so it works whatever the stored
    source's layout; a task is searched from where the previous one was found.
    """
    squeezed = [(number, _squeeze(text)) for number, text in lines]
    found: list[int | None] = []
    start = 0
    for text in task_texts:
        probe = _squeeze(text)[:_PROBE]
        hit = None
        if probe:
            for offset in (*range(start, len(squeezed)), *range(0, start)):
                if probe in squeezed[offset][1]:
                    hit = offset
                    break
        if hit is None:
            found.append(None)
        else:
            found.append(squeezed[hit][0])
            start = hit
    return found


def mark_source(
    lines: Iterable[tuple[int, str]],
    extraction: Mapping[str, Any],
    task_lines: Iterable[int | None] = (),
) -> list[SourceLine]:
    """The source, line by line, with found phrases marked and the lines tasks start on flagged."""
    terms = terms_from_extraction(extraction)
    pattern = compile_terms(terms)
    starts = {number for number in task_lines if number is not None}
    return [
        SourceLine(number, segment_line(text, pattern, terms), number in starts)
        for number, text in lines
    ]


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """The stored source text as (number, line), blank lines dropped but counted."""
    return [(i, line) for i, line in enumerate(text.splitlines(), start=1) if line.strip()]
