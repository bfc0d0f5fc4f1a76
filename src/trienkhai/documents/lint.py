"""The clerk's checks before signing (provisional placeholder)."""

from __future__ import annotations

from .model import LintWarning, Outline


def lint_outline(outline: Outline) -> list[LintWarning]:
    return []
