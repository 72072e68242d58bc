"""`listing`: cursors, query dates, Almaty-day bounds, status lists and the keyset query."""

from __future__ import annotations

import base64
import json
import sqlite3
from collections.abc import Iterator, Sequence
from datetime import date

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter, ValidationError
from testkit import login, make_config

from cesec_desktop.domain.enums import InstructionStatus, OrderStatus
from cesec_desktop.mockserver.app import create_app
from cesec_desktop.mockserver.errors import ApiError
from cesec_desktop.mockserver.listing import (
    IsoDate,
    ListQuery,
    check_period,
    day_bounds,
    decode_cursor,
    encode_cursor,
    keyset_page,
    parse_statuses,
)

API = "/api/v1"
AT = "2025-03-02T19:00:00.000+00:00"


def fields(error: pytest.ExceptionInfo[ApiError]) -> dict[str, str]:
    assert (error.value.status, error.value.code) == (422, "validation_error")
    return error.value.details["fields"]


def b64(raw: bytes, *, padded: bool = False) -> str:
    text = base64.urlsafe_b64encode(raw).decode()
    return text if padded else text.rstrip("=")


# --- cursors ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "row_id"),
    [(AT, "ord_bulk00001"), ("", ""), ("x" * 64, "y" * 64), ("2025-03-02 19:00", "id/é?+")],
)
def test_cursor_round_trip(at: str, row_id: str) -> None:
    cursor = encode_cursor(at, row_id)
    assert "=" not in cursor and "+" not in cursor and "/" not in cursor
    assert decode_cursor(cursor) == (at, row_id)


def test_a_padded_cursor_is_read_too() -> None:
    assert decode_cursor(b64(json.dumps([AT, "ins_1"]).encode(), padded=True)) == (AT, "ins_1")


@pytest.mark.parametrize(
    "cursor",
    [
        "",
        "not-a-cursor",
        "%%%",
        "a",
        "é",
        b64(b"[1, 2]"),
        b64(b"[1, 2]", padded=True),
        b64(b'["a"]'),
        b64(b'["a", "b", "c"]'),
        b64(b'{"a": 1, "b": 2}'),  # two keys: would unpack as two strings
        b64(b'"ab"'),  # a two-letter string: likewise
        b64(b'["a", null]'),
        b64(b"\xff\xfe\x00"),  # not UTF-8
        b64(b'["\\ud800", "x"]'),  # a lone surrogate SQLite could not take
        b64(json.dumps([AT, "x" * 65]).encode()),  # an over-long part
        b64(json.dumps(["x" * 65, "ord_1"]).encode()),
        "A" * 513,  # over-long as a whole
        b64(b"[" * 400 + b"]" * 400),
    ],
)
def test_malformed_cursors_are_422(cursor: str) -> None:
    with pytest.raises(ApiError) as error:
        decode_cursor(cursor)
    assert fields(error) == {"cursor": "invalid_cursor"}


def test_keyset_page_cuts_and_points_past_the_last_row() -> None:
    rows = [{"id": f"r{i}", "at": f"2025-01-0{9 - i}"} for i in range(3)]
    page, cursor = keyset_page(rows, 2, "at")
    assert list(page) == rows[:2]
    assert cursor is not None and decode_cursor(cursor) == ("2025-01-08", "r1")
    assert keyset_page(rows, 3, "at") == (rows, None)
    assert keyset_page([], 1, "at") == ([], None)


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2025-03-03", "0001-01-01", "9999-12-31"])
def test_iso_date_reads_yyyy_mm_dd(text: str) -> None:
    assert TypeAdapter(IsoDate).validate_python(text) == date.fromisoformat(text)


@pytest.mark.parametrize(
    "text", ["0", "1741000000", "20250303", "2025-3-3", "2025-03-03T00:00", "yesterday", ""]
)
def test_iso_date_refuses_anything_else(text: str) -> None:
    with pytest.raises(ValidationError):
        TypeAdapter(IsoDate).validate_python(text)


def test_day_bounds_are_almaty_midnights_in_utc() -> None:
    # Almaty is UTC+5: its midnight is 19:00 UTC the evening before.
    day = date(2025, 3, 3)
    assert day_bounds(day, day) == (AT, "2025-03-03T19:00:00.000+00:00")
    assert day_bounds(day, None) == (AT, None)
    assert day_bounds(None, day) == (None, "2025-03-03T19:00:00.000+00:00")
    assert day_bounds(None, None) == (None, None)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date.min, date.max),
        (date.min, date.min),
        (date.max, date.max),
        (None, date.max),
        (date.min, None),
        (date(1900, 1, 1), date(9998, 12, 31)),
    ],
)
def test_extreme_dates_do_not_overflow(start: date | None, end: date | None) -> None:
    low, high = day_bounds(start, end)
    if low is not None:
        assert "1899-12-31" <= low[:10] <= "9998-12-31"
    if high is not None:
        assert "1900-01-01" <= high[:10] <= "9998-12-31"
    if low is not None and high is not None:
        assert low < high


def test_extreme_bounds_still_hold_every_stored_time() -> None:
    low, high = day_bounds(date.min, date.max)
    assert low is not None and high is not None
    assert low < "1970-01-01" and high > "2999-12-31T23:59:59.999+00:00"


@pytest.mark.parametrize(
    ("start", "end"), [(date(2025, 3, 5), date(2025, 3, 1)), (date.max, date.min)]
)
def test_from_after_to_is_422(start: date, end: date) -> None:
    for check in (day_bounds, check_period):
        with pytest.raises(ApiError) as error:
            check(start, end)
        assert fields(error) == {"from": "after_to"}


def test_one_day_period_is_allowed() -> None:
    check_period(date(2025, 3, 3), date(2025, 3, 3))
    check_period(None, date(2025, 3, 3))


# --- statuses ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, "", " ", " , ,"])
def test_no_statuses(text: str | None) -> None:
    assert parse_statuses(text, OrderStatus, "unknown_status") == []


def test_statuses_are_trimmed_and_checked() -> None:
    assert parse_statuses(" new, processing ,", InstructionStatus, "x") == ["new", "processing"]
    assert parse_statuses("filled", OrderStatus, "x") == ["filled"]


@pytest.mark.parametrize("code", ["unknown_status", "invalid_status"])
def test_an_unknown_status_carries_the_callers_code(code: str) -> None:
    with pytest.raises(ApiError) as error:
        parse_statuses("filled,open", OrderStatus, code)
    assert fields(error) == {"status": code}


# --- the query --------------------------------------------------------------------------


@pytest.fixture
def conn() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.row_factory = sqlite3.Row
    db.execute("CREATE TABLE items (id TEXT, user_id TEXT, at TEXT, status TEXT)")
    rows = [
        (f"it{i:02d}", "u1" if i % 5 else "u2", f"2025-03-0{2 + i // 24}T{i % 24:02d}", "ab"[i % 2])
        for i in range(48)
    ]
    # Two rows at one time: the id breaks the tie.
    rows.append(("it99", "u1", rows[10][2], "a"))
    db.executemany("INSERT INTO items VALUES (?, ?, ?, ?)", rows)
    return db


def _all_pages(conn: sqlite3.Connection, limit: int, statuses: Sequence[str] = ()) -> list[str]:
    seen: list[str] = []
    cursor: str | None = None
    while True:
        query = ListQuery("at")
        query.where("user_id = ?", "u1")
        query.one_of("status", statuses)
        query.after(cursor)
        assert len(query.run(conn, "items", limit)) <= limit + 1
        page, cursor = query.page(conn, "items", limit)
        seen += [row["id"] for row in page]
        if cursor is None:
            return seen


def test_pages_cover_every_row_once_newest_first(conn: sqlite3.Connection) -> None:
    everything = [
        r["id"]
        for r in conn.execute("SELECT id FROM items WHERE user_id = 'u1' ORDER BY at DESC, id DESC")
    ]
    for limit in (1, 3, 7, 100):
        assert _all_pages(conn, limit) == everything
    only_a = _all_pages(conn, 4, statuses=["a"])
    assert only_a and set(only_a) < set(everything)


def test_period_and_columns(conn: sqlite3.Connection) -> None:
    query = ListQuery("at")
    query.where("at >= ? AND at < ?", "2025-03-03", "2025-03-04")
    rows = query.run(conn, "items", 100, "id, at")
    assert rows and all(r["at"].startswith("2025-03-03") for r in rows)
    assert rows[0].keys() == ["id", "at"]
    bounded = ListQuery("at")
    bounded.period(date(2025, 3, 3), None)
    assert bounded.clauses == ["at >= ?"] and bounded.params == [AT]
    with pytest.raises(ApiError):
        ListQuery("at").period(date(2025, 3, 4), date(2025, 3, 3))


# --- the endpoints ----------------------------------------------------------------------

LISTS = ["/orders", "/transactions", "/instructions", "/support/requests"]


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[TestClient, dict[str, str]]]:
    """One backend for checks that only read: building one costs."""
    with TestClient(create_app(make_config())) as client:
        yield client, login(client)


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    "params",
    [
        {"to": "0"},
        {"from": "0"},
        {"from": "1741000000"},
        {"from": "2025-03-05", "to": "2025-03-01"},
        {"cursor": b64(b'["\\ud800", "x"]')},
    ],
)
def test_list_endpoints_refuse_bad_dates_and_cursors(
    shared: tuple[TestClient, dict[str, str]], path: str, params: dict[str, str]
) -> None:
    client, headers = shared
    response = client.get(f"{API}{path}", headers=headers, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["error"]["code"] == "validation_error"


@pytest.mark.parametrize("path", LISTS)
def test_list_endpoints_take_extreme_dates(
    shared: tuple[TestClient, dict[str, str]], path: str
) -> None:
    client, headers = shared
    response = client.get(
        f"{API}{path}", headers=headers, params={"from": "0001-01-01", "to": "9999-12-31"}
    )
    assert response.status_code == 200, response.text
