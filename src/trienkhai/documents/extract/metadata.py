"""Document metadata and `implements` (provisional placeholder)."""

from __future__ import annotations

from typing import Any

from ..model import Outline


def extract_document(outline: Outline) -> dict[str, Any]:
    return {"kind": "other", "number": None, "issuer": None, "date": None, "title": None,
            "signer": {"name": None, "position": None}}


def extract_implements(outline: Outline) -> list[dict[str, Any]]:
    return []
