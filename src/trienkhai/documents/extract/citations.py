"""Cited documents (provisional placeholder)."""

from __future__ import annotations

from typing import Any

from ..model import Outline


def extract_citations(outline: Outline, document: dict[str, Any]) -> list[dict[str, Any]]:
    return []
