"""Reporting duties (provisional placeholder)."""

from __future__ import annotations

from typing import Any

from ..model import Outline


def extract_reporting(outline: Outline) -> list[dict[str, Any]]:
    return []
