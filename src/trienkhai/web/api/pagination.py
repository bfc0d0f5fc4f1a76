"""Limit/offset pagination with bounds the database can take (a huge offset is a 422, not a
database overflow)."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 1000
MAX_OFFSET = 100_000_000


class Page(LimitOffsetPagination):
    """``?limit=`` (1–1000, default 100) and ``?offset=`` (0–100 000 000)."""

    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)

    def __init__(self, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(max_limit=MAX_LIMIT, **kwargs)
