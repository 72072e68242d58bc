"""Base classes and the error envelope shared by every resource."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

MAX_TEXT = 8_000
"""Any text field of an answer, unless its field says otherwise (API.md: free text 4,000)."""
MAX_NAME = 256
"""Names: a person's, an account's, an instrument's, a bank's (API.md: 200)."""
MAX_DOCUMENT = 64 * 1024
"""The text of a document to sign; an order's is well under 2 KB."""
MAX_PAGE_ROWS = 5_000
"""API.md: a page holds at most 5,000 items, and never more than `limit` asked."""


class Model(BaseModel):
    """Response models: tolerant of fields a newer backend may add, strict on sizes.

    Every string is capped (`MAX_TEXT` unless its field says less or more): a 3-million
    character name must be a validation error, not a frozen table.
    """

    model_config = ConfigDict(extra="ignore", populate_by_name=True, str_max_length=MAX_TEXT)


class Request(BaseModel):
    """Request bodies: strict, so a typo in a field name is a 422 and not silently ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


T = TypeVar("T")


class Page(Model, Generic[T]):
    """A list answer. Validated with context `{"max_rows": limit}`, it refuses more rows than
    that (error type `too_many_rows`) before it validates a single one."""

    items: list[T]
    next_cursor: str | None = Field(default=None, max_length=1024)

    @field_validator("items", mode="before")
    @classmethod
    def _no_more_rows_than_asked(cls, value: Any, info: ValidationInfo) -> Any:
        asked = info.context.get("max_rows") if isinstance(info.context, dict) else None
        cap = min(asked, MAX_PAGE_ROWS) if isinstance(asked, int) else MAX_PAGE_ROWS
        if isinstance(value, list) and len(value) > cap:
            raise PydanticCustomError(
                "too_many_rows",
                "{count} rows, more than the {cap} asked",
                {"count": len(value), "cap": cap},
            )
        return value


class ErrorBody(Model):
    code: str
    message: str
    details: dict[str, Any] = Field(default_factory=dict)


class ErrorEnvelope(Model):
    error: ErrorBody
