"""The comparison's own error: bad input a user can fix (a plan with no tasks, a broken file)."""

from __future__ import annotations

from ..documents.errors import DocumentError


class CompareError(DocumentError):
    """Two plans cannot be compared, or an index cannot be read; the message says why."""

    code = "compare_error"
