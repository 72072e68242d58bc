"""SQLite storage for the mock backend: one connection, WAL, every write committed at once.

All request handlers and the simulator run on one asyncio loop and use this one connection,
so no two writes ever interleave. Money is stored as decimal strings (TEXT), never REAL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    password_changed_at TEXT NOT NULL,
    role TEXT NOT NULL,
    full_name TEXT NOT NULL,
    iin TEXT NOT NULL,
    phone TEXT NOT NULL,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    email TEXT NOT NULL DEFAULT '',
    must_change_password INTEGER NOT NULL DEFAULT 0,
    broker_contact TEXT,
    totp_secret TEXT,
    totp_pending TEXT,
    totp_last_step INTEGER
);

-- Failed logins for names that are no user: counted like a user's, so that the answers do not
-- tell which logins exist. Never a user row; bounded by lockout.MAX_UNKNOWN_LOGINS.
CREATE TABLE IF NOT EXISTS unknown_logins (
    login TEXT PRIMARY KEY,
    failed_attempts INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS broker_clients (
    broker_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    PRIMARY KEY (broker_id, client_id)
);

CREATE TABLE IF NOT EXISTS sessions (
    access_hash TEXT PRIMARY KEY,
    refresh_hash TEXT NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    access_expires_at TEXT NOT NULL,
    refresh_expires_at TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0,
    public_id TEXT,
    device_name TEXT,
    app_version TEXT,
    ip TEXT,
    signed_in_at TEXT,
    last_seen_at TEXT,
    device_id TEXT
);
CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id, revoked);

-- A second factor's single-use backup codes: HMAC-SHA256 of the normalised code, own salt.
CREATE TABLE IF NOT EXISTS backup_codes (
    user_id TEXT NOT NULL,
    salt TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX IF NOT EXISTS backup_codes_by_user ON backup_codes (user_id);

-- Computers that skip the second factor for 30 days: only the token's hash is kept.
CREATE TABLE IF NOT EXISTS remembered_devices (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    device_name TEXT NOT NULL,
    remembered_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_used_at TEXT
);

-- Sign-in second-factor and password-reset challenges, with their current SMS code (if any).
-- A reset for an unknown login has no user_id and no code: it only looks like the others.
CREATE TABLE IF NOT EXISTS auth_challenges (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    user_id TEXT,
    login TEXT NOT NULL,
    phone TEXT NOT NULL,
    methods TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    status TEXT NOT NULL,
    code TEXT,
    code_expires_at TEXT,
    code_resend_after TEXT,
    code_attempts_left INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS accounts (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    number TEXT NOT NULL,
    name TEXT NOT NULL,
    currency TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS accounts_by_user ON accounts (user_id, number);

CREATE TABLE IF NOT EXISTS cash (
    account_id TEXT NOT NULL,
    currency TEXT NOT NULL,
    balance TEXT NOT NULL,
    PRIMARY KEY (account_id, currency)
);

CREATE TABLE IF NOT EXISTS positions (
    account_id TEXT NOT NULL,
    instrument_id TEXT NOT NULL,
    quantity TEXT NOT NULL,
    average_price TEXT NOT NULL,
    PRIMARY KEY (account_id, instrument_id)
);

CREATE TABLE IF NOT EXISTS instruments (
    id TEXT PRIMARY KEY,
    market TEXT NOT NULL,
    ticker TEXT NOT NULL,
    name TEXT NOT NULL,
    isin TEXT,
    currency TEXT NOT NULL,
    kind TEXT NOT NULL,
    lot_size INTEGER NOT NULL,
    price_step TEXT NOT NULL,
    face_value TEXT,
    level TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0
);

-- The walk's state per instrument, saved now and then so a restart resumes the prices.
CREATE TABLE IF NOT EXISTS prices (
    instrument_id TEXT PRIMARY KEY,
    last TEXT NOT NULL,
    prev_close TEXT NOT NULL,
    open TEXT,
    high TEXT,
    low TEXT,
    volume TEXT NOT NULL,
    day TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS daily_bars (
    instrument_id TEXT NOT NULL,
    day TEXT NOT NULL,
    open TEXT NOT NULL,
    high TEXT NOT NULL,
    low TEXT NOT NULL,
    close TEXT NOT NULL,
    volume TEXT NOT NULL,
    PRIMARY KEY (instrument_id, day)
);

CREATE TABLE IF NOT EXISTS watchlists (
    user_id TEXT NOT NULL,
    market TEXT NOT NULL,
    position INTEGER NOT NULL,
    instrument_id TEXT NOT NULL,
    PRIMARY KEY (user_id, market, instrument_id)
);

CREATE TABLE IF NOT EXISTS drafts (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    document_text TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE IF NOT EXISTS sms_challenges (
    id TEXT PRIMARY KEY,
    draft_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    code TEXT NOT NULL,
    phone TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    resend_after TEXT NOT NULL,
    attempts_left INTEGER NOT NULL,
    status TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sms_by_draft ON sms_challenges (draft_id, created_at);

CREATE TABLE IF NOT EXISTS sms_outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    phone TEXT NOT NULL,
    challenge_id TEXT NOT NULL,
    code TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    purpose TEXT NOT NULL DEFAULT 'signing'
);

CREATE TABLE IF NOT EXISTS idempotency (
    user_id TEXT NOT NULL,
    endpoint TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (user_id, endpoint, key)
);

CREATE TABLE IF NOT EXISTS orders (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    instrument_id TEXT NOT NULL,
    side TEXT NOT NULL,
    type TEXT NOT NULL,
    price TEXT,
    quantity TEXT NOT NULL,
    filled_quantity TEXT NOT NULL,
    average_fill_price TEXT,
    reserve_price TEXT,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    valid_until TEXT NOT NULL,
    signature_method TEXT NOT NULL,
    signed_at TEXT,
    reject_reason TEXT
);
CREATE INDEX IF NOT EXISTS orders_by_user_time ON orders (user_id, created_at);
CREATE INDEX IF NOT EXISTS orders_by_status ON orders (status);
-- Open orders per account: what blocks its cash and securities (balances.py).
CREATE INDEX IF NOT EXISTS orders_by_account_status ON orders (account_id, status);

CREATE TABLE IF NOT EXISTS order_events (
    order_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    time TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    filled_quantity TEXT,
    price TEXT,
    PRIMARY KEY (order_id, seq)
);

CREATE TABLE IF NOT EXISTS transactions (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    time TEXT NOT NULL,
    order_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    instrument_id TEXT NOT NULL,
    side TEXT NOT NULL,
    price TEXT NOT NULL,
    quantity TEXT NOT NULL,
    amount TEXT NOT NULL,
    fee TEXT NOT NULL,
    currency TEXT NOT NULL,
    settlement_date TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tx_by_user_time ON transactions (user_id, time);
CREATE INDEX IF NOT EXISTS tx_by_settlement ON transactions (account_id, settlement_date);
CREATE INDEX IF NOT EXISTS tx_by_order ON transactions (order_id);

CREATE TABLE IF NOT EXISTS instructions (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    account_id TEXT NOT NULL,
    type TEXT NOT NULL,
    amount TEXT NOT NULL,
    currency TEXT NOT NULL,
    recipient_iin TEXT NOT NULL,
    iban TEXT NOT NULL,
    bic TEXT NOT NULL,
    bank_name TEXT NOT NULL,
    purpose TEXT NOT NULL,
    knp TEXT NOT NULL,
    kbe TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    signature_method TEXT NOT NULL,
    signed_at TEXT,
    reject_reason TEXT
);
CREATE INDEX IF NOT EXISTS instr_by_user_time ON instructions (user_id, created_at);
CREATE INDEX IF NOT EXISTS instr_by_status ON instructions (status);
CREATE INDEX IF NOT EXISTS instr_by_account_status ON instructions (account_id, status);

CREATE TABLE IF NOT EXISTS instruction_events (
    instruction_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    time TEXT NOT NULL,
    status TEXT NOT NULL,
    message TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (instruction_id, seq)
);

CREATE TABLE IF NOT EXISTS support_requests (
    id TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE,
    user_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    details TEXT NOT NULL,
    component TEXT NOT NULL,
    priority TEXT NOT NULL,
    environment TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    attachments TEXT NOT NULL
);

-- A contact-change instruction's new values (its row in instructions has type contact_change).
CREATE TABLE IF NOT EXISTS contact_changes (
    instruction_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    phone TEXT,
    email TEXT,
    applied_at TEXT
);
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Open (and create) the database; `:memory:` is allowed for throw-away servers."""
    conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.row_factory = sqlite3.Row
    if str(path) != ":memory:":
        conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.executescript(SCHEMA)
    _add_missing_columns(conn)
    return conn


ADDED_COLUMNS = (
    # The time an EDS signature's timestamp token proves (CAdES-T); NULL for SMS or none.
    ("orders", "signed_at", "TEXT"),
    ("instructions", "signed_at", "TEXT"),
    # Issue 20: the second factor, the broker-issued password, sessions and SMS purposes.
    ("users", "email", "TEXT NOT NULL DEFAULT ''"),
    ("users", "must_change_password", "INTEGER NOT NULL DEFAULT 0"),
    ("users", "broker_contact", "TEXT"),
    ("users", "totp_secret", "TEXT"),
    ("users", "totp_pending", "TEXT"),
    ("users", "totp_last_step", "INTEGER"),
    ("sessions", "public_id", "TEXT"),
    ("sessions", "device_name", "TEXT"),
    ("sessions", "app_version", "TEXT"),
    ("sessions", "ip", "TEXT"),
    ("sessions", "signed_in_at", "TEXT"),
    ("sessions", "last_seen_at", "TEXT"),
    ("sessions", "device_id", "TEXT"),
    ("sms_outbox", "purpose", "TEXT NOT NULL DEFAULT 'signing'"),
)
"""Columns added after a database may have been made: `connect` adds them where missing."""


def _add_missing_columns(conn: sqlite3.Connection) -> None:
    """Bring a database made by an older mock up to the schema: nullable columns, or ones
    with a constant default (SQLite can add only those)."""
    for table, column, kind in ADDED_COLUMNS:
        present = {row["name"] for row in conn.execute(f"PRAGMA table_info({table})")}
        if column not in present:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def get_meta(conn: sqlite3.Connection, key: str, default: str | None = None) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row["value"] if row else default


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def next_numbers(conn: sqlite3.Connection, sequence: str, count: int, start: int = 1) -> int:
    """Reserve `count` gap-free numbers of a counter kept in meta; returns the first."""
    current = int(get_meta(conn, f"seq:{sequence}", str(start - 1)) or start - 1)
    set_meta(conn, f"seq:{sequence}", str(current + count))
    return current + 1


def next_number(conn: sqlite3.Connection, sequence: str, start: int = 1) -> int:
    """The next number of a gap-free counter (order, transaction, instruction numbers)."""
    return next_numbers(conn, sequence, 1, start)
