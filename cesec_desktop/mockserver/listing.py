"""Paged lists: query dates, opaque cursors, Almaty-day bounds and the keyset query builder.

Every list answers newest first over (time, id): a page is fetched with `limit + 1` rows, and
the cursor for the next page is the (time, id) of the page's last row.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
import re
import sqlite3
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Annotated, Any

from fastapi import Query
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.errors import validation_error

MAX_LIMIT = 5000
MAX_CURSOR_LENGTH = 512
MAX_CURSOR_PART = 64
# Dates are clamped to these so that the extreme dates a fuzzer sends cannot overflow datetime.
EARLIEST, LATEST = date(1900, 1, 1), date(9998, 12, 31)
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date_text(value: object) -> object:
    # Pydantic would read "0" as 1970-01-01 (a Unix time); a query date is YYYY-MM-DD only.
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise PydanticCustomError("invalid_date", "must be a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date_text)]
"""A query date: YYYY-MM-DD, nothing else."""

# The query parameters every list takes, declared once: `from: DateFrom = None`.
DateFrom = Annotated[IsoDate | None, Query(alias="from")]
DateTo = Annotated[IsoDate | None, Query(alias="to")]
PageLimit = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
PageCursor = Annotated[str | None, Query(max_length=MAX_CURSOR_LENGTH)]
StatusFilter = Annotated[
    str | None, Query(max_length=200, description="one status or a comma-separated list")
]


# --- cursors ----------------------------------------------------------------------------


def encode_cursor(at: str, row_id: str) -> str:
    """An opaque keyset cursor: the (time, id) of the last item on a page."""
    return base64.urlsafe_b64encode(json.dumps([at, row_id]).encode()).decode().rstrip("=")


def _cursor_part(value: object) -> bool:
    if not isinstance(value, str) or len(value) > MAX_CURSOR_PART:
        return False
    try:
        value.encode()  # a lone surrogate from JSON would fail later, in SQLite
    except UnicodeEncodeError:
        return False
    return True


def decode_cursor(cursor: str) -> tuple[str, str]:
    """The (time, id) of a cursor; 422 `invalid_cursor` for anything else."""
    value: object = None
    if len(cursor) <= MAX_CURSOR_LENGTH:
        try:
            # With or without its "=" padding.
            value = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        except (binascii.Error, ValueError):  # UnicodeDecodeError is a ValueError
            value = None
    if not isinstance(value, list) or len(value) != 2 or not all(map(_cursor_part, value)):
        raise validation_error({"cursor": "invalid_cursor"})
    return value[0], value[1]


def keyset_page(rows: Sequence[Any], limit: int, time_key: str) -> tuple[Sequence[Any], str | None]:
    """Cut a `limit + 1` fetch to a page and the cursor for the next one."""
    if len(rows) <= limit:
        return rows, None
    page = rows[:limit]
    return page, encode_cursor(page[-1][time_key], page[-1]["id"])


# --- dates and filters ------------------------------------------------------------------


def check_period(start: date | None, end: date | None) -> None:
    """422 `after_to` when the period ends before it starts."""
    if start is not None and end is not None and start > end:
        raise validation_error({"from": "after_to"})


def _almaty_midnight(day: date) -> str:
    return iso(datetime.combine(day, time(0), ALMATY))


def day_bounds(start: date | None, end: date | None) -> tuple[str | None, str | None]:
    """Almaty days [start, end] as UTC ISO bounds [low, high) that compare as stored text."""
    check_period(start, end)
    low = high = None
    if start is not None:
        low = _almaty_midnight(min(max(start, EARLIEST), LATEST))
    if end is not None:
        high = _almaty_midnight(min(max(end, EARLIEST), LATEST) + timedelta(days=1))
    return low, high


def parse_statuses(text: str | None, enum_cls: type[Enum], code: str) -> list[str]:
    """One status or a comma-separated list; 422 with `code` for a value not in `enum_cls`."""
    values = [part.strip() for part in (text or "").split(",") if part.strip()]
    allowed = {member.value for member in enum_cls}
    if any(value not in allowed for value in values):
        raise validation_error({"status": code})
    return values


@dataclasses.dataclass
class ListQuery:
    """WHERE clauses for a keyset page over a table's (time, id), newest first."""

    time_column: str
    clauses: list[str] = dataclasses.field(default_factory=list)
    params: list[Any] = dataclasses.field(default_factory=list)

    def where(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def one_of(self, column: str, values: Sequence[Any]) -> None:
        """`column IN (values)`; no filter for no values."""
        if values:
            self.where(f"{column} IN ({', '.join('?' * len(values))})", *values)

    def period(self, start: date | None, end: date | None) -> None:
        """Rows of the Almaty days from `start` to `end`, both included."""
        low, high = day_bounds(start, end)
        if low is not None:
            self.where(f"{self.time_column} >= ?", low)
        if high is not None:
            self.where(f"{self.time_column} < ?", high)

    def after(self, cursor: str | None) -> None:
        """Rows past the cursor's (time, id)."""
        if cursor is None:
            return
        at, row_id = decode_cursor(cursor)
        column = self.time_column
        self.where(f"({column} < ? OR ({column} = ? AND id < ?))", at, at, row_id)

    def run(
        self, conn: sqlite3.Connection, table: str, limit: int, columns: str = "*"
    ) -> list[sqlite3.Row]:
        """Up to `limit + 1` rows: one more than a page tells whether another follows."""
        sql = f"SELECT {columns} FROM {table}"
        if self.clauses:
            sql += " WHERE " + " AND ".join(self.clauses)
        sql += f" ORDER BY {self.time_column} DESC, id DESC LIMIT ?"
        return conn.execute(sql, [*self.params, limit + 1]).fetchall()

    def page(
        self, conn: sqlite3.Connection, table: str, limit: int, columns: str = "*"
    ) -> tuple[Sequence[sqlite3.Row], str | None]:
        """One page of rows and the cursor for the next (None on the last page)."""
        return keyset_page(self.run(conn, table, limit, columns), limit, self.time_column)
