"""Why an import or a publication was refused: one message a user can act on.

Views show ``str(err)`` as a form error, the CLI prints it and exits 1. Nothing is saved when
one of these is raised.
"""

from __future__ import annotations

from django.utils.translation import gettext as _


class PlanError(Exception):
    """Base of the refusals raised by the plan services."""

    code = "plan_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class FileTooLarge(PlanError):
    code = "too_large"

    def __init__(self, size: int, limit_mb: int) -> None:
        super().__init__(
            _("Tệp quá lớn (%(size).1f MB); giới hạn là %(limit)d MB.")
            % {"size": size / 1024 / 1024, "limit": limit_mb}
        )


class UnreadableDocument(PlanError):
    code = "unreadable"


class DuplicatePlan(PlanError):
    """The document is already in the registry; ``existing`` is the plan it duplicates."""

    code = "duplicate"

    def __init__(self, message: str, existing) -> None:
        super().__init__(message)
        self.existing = existing


class NotPublishable(PlanError):
    code = "not_publishable"
