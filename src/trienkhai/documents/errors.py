"""The engine's own error types.

Every failure the engine can meet on user input is raised as a ``DocumentError`` (or a
subclass), carrying a one-line message a user can act on. The CLI turns it into an error line
and an exit code, the web app into a form error. Anything else escaping the engine is a bug.
"""

from __future__ import annotations


class DocumentError(Exception):
    """A document could not be read or understood. ``str(err)`` is a one-line user message."""

    code = "document_error"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message


class UnsupportedFormatError(DocumentError):
    """The file is not one of the formats the engine reads (.txt, .md, .docx, .pdf)."""

    code = "unsupported_format"


class EmptyDocumentError(DocumentError):
    """The file holds no text at all."""

    code = "empty"


class CorruptDocumentError(DocumentError):
    """The file claims a format but its content is broken (truncated zip, bad XML, junk)."""

    code = "corrupt"


class DocumentTooLargeError(DocumentError):
    """The file, or what it would expand to, is over the engine's size caps."""

    code = "too_large"


class EncodingDetectionError(DocumentError):
    """The bytes cannot be decoded as Vietnamese text in any supported encoding."""

    code = "encoding"


class NoTextLayerError(DocumentError):
    """A PDF with no text layer (a scan); OCR is not supported."""

    code = "no_text_layer"
