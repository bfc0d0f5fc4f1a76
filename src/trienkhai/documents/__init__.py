"""The document engine: plain Python (no Django), used by the CLI and the web app.

Public API::

    from trienkhai.documents import extract_path, extract_bytes, read_path, build_outline
    from trienkhai.documents.errors import DocumentError
"""

from .errors import DocumentError
from .pipeline import SCHEMA, extract_bytes, extract_outline, extract_path, extract_source
from .readers import read_bytes, read_path
from .structure import build_outline

__all__ = [
    "SCHEMA",
    "DocumentError",
    "build_outline",
    "extract_bytes",
    "extract_outline",
    "extract_path",
    "extract_source",
    "read_bytes",
    "read_path",
]
