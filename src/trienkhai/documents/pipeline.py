"""The engine's pipeline: read -> structure -> extract, producing `trienkhai.extract/1`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .extract import citations, metadata, reporting, targets, tasks
from .lint import lint_outline
from .model import Outline, SourceDocument
from .readers import read_bytes, read_path
from .structure import build_outline

SCHEMA = "trienkhai.extract/1"


def extract_outline(outline: Outline) -> dict[str, Any]:
    """Run every extractor over an outline and assemble the contract's JSON object."""
    document = metadata.extract_document(outline)
    implements = metadata.extract_implements(outline)
    return {
        "schema": SCHEMA,
        "source": outline.source.name,
        "document": document,
        "implements": implements,
        "citations": citations.extract_citations(outline, document),
        "targets": targets.extract_targets(outline),
        "reporting": reporting.extract_reporting(outline),
        "tasks": tasks.extract_tasks(outline),
        "warnings": [w.to_json() for w in lint_outline(outline)],
    }


def extract_source(source: SourceDocument) -> dict[str, Any]:
    return extract_outline(build_outline(source))


def extract_path(path: str | Path) -> dict[str, Any]:
    """Extract one file on disk. Raises DocumentError on bad input."""
    return extract_source(read_path(path))


def extract_bytes(data: bytes, name: str) -> dict[str, Any]:
    """Extract an uploaded file's bytes. Raises DocumentError on bad input."""
    return extract_source(read_bytes(data, name))
