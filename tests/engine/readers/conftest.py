"""Paths of the reader fixtures (the realistic plans and their renderings)."""

from __future__ import annotations

from pathlib import Path

import pytest

DOCUMENTS = Path(__file__).resolve().parents[2] / "fixtures" / "documents"


@pytest.fixture(scope="session")
def documents() -> Path:
    return DOCUMENTS
