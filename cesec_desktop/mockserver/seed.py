"""The seed: instruments, users, accounts, cash, positions, watchlists, history.

Everything is drawn from one `random.Random(config.seed)`, so the same seed gives the same
demo world. A database that is already seeded is left alone (a restart keeps every change),
but for the seed users it lacks, which are added: a demo database outlives upgrades.
"""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from cesec_desktop.domain.catalog import CATALOG, CatalogEntry
from cesec_desktop.domain.enums import Currency, InstrumentKind, Market, Role
from cesec_desktop.domain.iin import make_iin
from cesec_desktop.mockserver import two_factor
from cesec_desktop.mockserver.book_seed import SEEDED_CLIENTS, seed_book, seeded_clients
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.db import SCHEMA_VERSION, get_meta, set_meta, transaction
from cesec_desktop.mockserver.security import hash_password
from cesec_desktop.mockserver.state import ServerState

log = logging.getLogger(__name__)

DEMO_USER_ID = "usr_demo"
BROKER_USER_ID = "usr_broker"
EXPIRED_USER_ID = "usr_expired"
TWOFA_USER_ID = "usr_twofa"
FRESH_USER_ID = "usr_fresh"

TWOFA_LOGIN = "twofa"
TWOFA_SECRET = "JBSWY3DPEHPK3PXPCENTRASTWOFADEMO"
"""The demo authenticator's secret (base32): public on purpose, printed by
`cesec-mock-backend --print-demo-secrets`; stored encrypted like any other."""
TWOFA_BACKUP_CODES = tuple(f"demo-2f{n:02d}" for n in range(1, 11))
"""The demo user's backup codes (stored hashed)."""

BROKER_CONTACT = {
    "name": "Брокеров Бауыржан",
    "phone": "+7 777 000 11 22",
    "email": "broker@example.com",
}
"""Who serves the clients (My details): the demo broker."""


@dataclass(frozen=True)
class SeedUser:
    id: str
    login: str
    password: str
    role: Role
    full_name: str
    iin: str
    phone: str
    password_age_days: int = 10
    must_change_password: bool = False
    """Issued by the broker: the first sign-in must change it (reason "initial")."""

    @property
    def email(self) -> str:
        return f"{self.login}@example.com"


SEED_USERS: tuple[SeedUser, ...] = (
    SeedUser(
        DEMO_USER_ID,
        "demo",
        "Demo#2026",
        Role.CLIENT,
        "Демов Демо Демович",
        "880607300110",
        "+77011234567",
    ),
    SeedUser(
        EXPIRED_USER_ID,
        "expired",
        "Expired#2026",
        Role.CLIENT,
        "Ескіров Ерлан Маратұлы",
        "810624301456",
        "+77051112233",
        password_age_days=90,
    ),
    SeedUser(
        BROKER_USER_ID,
        "broker",
        "Broker#2026",
        Role.BROKER,
        "Брокеров Бауыржан",
        "790201302765",
        "+77770001122",
    ),
    SeedUser(
        "usr_aigerim",
        "aigerim",
        "Aigerim#2026",
        Role.CLIENT,
        "Сапарова Айгерім Нұрланқызы",
        make_iin(date(1992, 3, 14), male=False, serial=1024),
        "+77472223344",
    ),
    SeedUser(
        "usr_nurlan",
        "nurlan",
        "Nurlan#2026",
        Role.CLIENT,
        "Ахметов Нұрлан Серікұлы",
        make_iin(date(1985, 11, 2), male=True, serial=2048),
        "+77013334455",
    ),
    SeedUser(
        "usr_olga",
        "olga",
        "Olga#2026",
        Role.CLIENT,
        "Ким Ольга Викторовна",
        make_iin(date(1979, 7, 21), male=False, serial=4096),
        "+77754445566",
    ),
    SeedUser(
        TWOFA_USER_ID,
        TWOFA_LOGIN,
        "Twofa#2026",
        Role.CLIENT,
        "Қасымов Ерасыл Қайратұлы",
        make_iin(date(1990, 5, 9), male=True, serial=5120),
        "+77015556677",
    ),
    SeedUser(
        FRESH_USER_ID,
        "fresh",
        "Fresh#2026",
        Role.CLIENT,
        "Жаңаева Жанар Асқарқызы",
        make_iin(date(1998, 9, 30), male=False, serial=6144),
        "+77076667788",
        password_age_days=0,
        must_change_password=True,
    ),
)

BROKER_CLIENTS = SEEDED_CLIENTS
"""The broker's clients by default; `--broker-clients N` keeps the first N or adds more."""

# (account suffix, instrument id, quantity, average price) per client; about ten for the demo.
SEED_POSITIONS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    DEMO_USER_ID: (
        ("kzt", "KASE:HSBK", "1200", "352.10"),
        ("kzt", "KASE:KSPI", "25", "39850.00"),
        ("kzt", "KASE:KZAP", "40", "31200.00"),
        ("kzt", "KASE:KCEL", "150", "3105.00"),
        ("kzt", "KASE:KEGC", "500", "1480.00"),
        ("kzt", "KASE:CSECfe", "100", "2210.00"),
        ("kzt", "KASE:KFUSb11", "50", "95.8000"),
        ("usd", "INTL:AAPL", "20", "228.40"),
        ("usd", "INTL:MSFT", "8", "455.00"),
        ("usd", "INTL:NVDA", "30", "142.50"),
        ("usd", "AIX:KAP", "40", "41.30"),
    ),
    "usr_aigerim": (
        ("kzt", "KASE:KMGZ", "30", "20950.00"),
        ("kzt", "KASE:AIRA", "800", "705.00"),
        ("usd", "INTL:KO", "40", "64.10"),
    ),
    "usr_nurlan": (
        ("kzt", "KASE:KZTO", "2000", "940.00"),
        ("kzt", "KASE:KZTK", "10", "43100.00"),
        ("usd", "INTL:TSLA", "12", "350.00"),
        ("usd", "AIX:FRHC", "15", "131.00"),
    ),
    "usr_olga": (
        ("kzt", "KASE:CCBN", "300", "4420.00"),
        ("usd", "INTL:QQQ", "6", "560.00"),
    ),
    EXPIRED_USER_ID: (("kzt", "KASE:HSBK", "100", "370.00"),),
}
# The second-factor demo user holds what the demo client holds.
SEED_POSITIONS[TWOFA_USER_ID] = SEED_POSITIONS[DEMO_USER_ID]

# (account suffix, currency, balance) per client.
SEED_CASH: dict[str, tuple[tuple[str, str, str], ...]] = {
    DEMO_USER_ID: (
        ("kzt", "KZT", "2500000.00"),
        ("kzt", "USD", "150.00"),
        ("usd", "USD", "12450.00"),
    ),
    "usr_aigerim": (("kzt", "KZT", "830000.00"), ("usd", "USD", "2100.00")),
    "usr_nurlan": (("kzt", "KZT", "4120000.00"), ("usd", "USD", "5400.00")),
    "usr_olga": (("kzt", "KZT", "310000.00"), ("usd", "USD", "980.00")),
    EXPIRED_USER_ID: (("kzt", "KZT", "100000.00"), ("usd", "USD", "0.00")),
    FRESH_USER_ID: (("kzt", "KZT", "50000.00"), ("usd", "USD", "0.00")),
}
SEED_CASH[TWOFA_USER_ID] = SEED_CASH[DEMO_USER_ID]

DEMO_WATCHLISTS: dict[Market, tuple[str, ...]] = {
    Market.KASE: ("HSBK", "KSPI", "KZAP", "KCEL", "KEGC", "KMGZ", "AIRA", "KZTO"),
    Market.AIX: ("KAP", "HSBK", "KSPI", "FRHC"),
    Market.INTL: ("AAPL", "MSFT", "NVDA", "TSLA", "META", "QQQ"),
}


def account_id(user_id: str, suffix: str) -> str:
    return f"acc_{user_id.removeprefix('usr_')}_{suffix}"


def synthetic_entries(count: int) -> list[CatalogEntry]:
    """Hidden KASE:SYNnnnn instruments for load tests over many tickers."""
    return [
        CatalogEntry(
            Market.KASE,
            f"SYN{i:04d}",
            f"Synthetic test instrument {i}",
            None,
            Currency.KZT,
            InstrumentKind.SHARE,
            Decimal(100 + i),
        )
        for i in range(1, count + 1)
    ]


def _insert_instruments(state: ServerState) -> None:
    rows = []
    for entry, hidden in [(e, 0) for e in CATALOG] + [
        (e, 1) for e in synthetic_entries(state.config.synthetic_instruments)
    ]:
        rows.append(
            (
                entry.instrument_id,
                entry.market.value,
                entry.ticker,
                entry.name,
                entry.isin,
                entry.currency.value,
                entry.kind.value,
                entry.lot_size,
                str(entry.price_step),
                str(entry.face_value) if entry.face_value is not None else None,
                str(entry.level),
                hidden,
            )
        )
    state.conn.executemany(
        "INSERT OR IGNORE INTO instruments (id, market, ticker, name, isin, currency, kind, "
        "lot_size, price_step, face_value, level, hidden) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )


def _insert_user(state: ServerState, index: int, user: SeedUser) -> None:
    """One seed user with its accounts, cash, positions, authenticator and watchlists;
    `index` is its place in SEED_USERS (from 1), which numbers its accounts."""
    conn = state.conn
    changed = state.clock.now() - timedelta(days=user.password_age_days)
    conn.execute(
        "INSERT INTO users (id, login, password_hash, password_changed_at, role, full_name, "
        "iin, phone, email, must_change_password, broker_contact) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            user.id,
            user.login,
            hash_password(user.password),
            iso(changed),
            user.role.value,
            user.full_name,
            user.iin,
            user.phone,
            user.email,
            int(user.must_change_password),
            json.dumps(BROKER_CONTACT) if user.role is Role.CLIENT else None,
        ),
    )
    if user.role is Role.CLIENT:
        for suffix, currency, name in (
            ("kzt", "KZT", "Brokerage KZT"),
            ("usd", "USD", "Brokerage USD"),
        ):
            conn.execute(
                "INSERT INTO accounts (id, user_id, number, name, currency) VALUES (?, ?, ?, ?, ?)",
                (
                    account_id(user.id, suffix),
                    user.id,
                    f"CS{1000 + index:05d}-{currency}",
                    name,
                    currency,
                ),
            )
    for suffix, currency, balance in SEED_CASH.get(user.id, ()):
        conn.execute(
            "INSERT INTO cash (account_id, currency, balance) VALUES (?, ?, ?)",
            (account_id(user.id, suffix), currency, balance),
        )
    for suffix, instrument_id, quantity, average in SEED_POSITIONS.get(user.id, ()):
        conn.execute(
            "INSERT INTO positions (account_id, instrument_id, quantity, average_price) "
            "VALUES (?, ?, ?, ?)",
            (account_id(user.id, suffix), instrument_id, quantity, average),
        )
    if user.id == TWOFA_USER_ID:
        two_factor.enable(state, TWOFA_USER_ID, TWOFA_SECRET, list(TWOFA_BACKUP_CODES))
    if user.role is Role.CLIENT:  # every client's Home starts with the demo watchlists
        for market, tickers in DEMO_WATCHLISTS.items():
            for position, ticker in enumerate(tickers):
                conn.execute(
                    "INSERT INTO watchlists (user_id, market, position, instrument_id) "
                    "VALUES (?, ?, ?, ?)",
                    (user.id, market.value, position, f"{market.value}:{ticker}"),
                )


def _insert_users(state: ServerState) -> None:
    for index, user in enumerate(SEED_USERS, start=1):
        _insert_user(state, index, user)
    for client in seeded_clients(state.config.broker_clients):
        state.conn.execute(
            "INSERT INTO broker_clients (broker_id, client_id) VALUES (?, ?)",
            (BROKER_USER_ID, client),
        )


def insert_missing_users(state: ServerState) -> list[str]:
    """Add the seed users a database seeded by an older version lacks (the demo keeps its file
    across upgrades, and README promises every demo login); their logins. Users already there
    are left as they are, changed passwords and all."""
    rows = state.conn.execute("SELECT id, login FROM users").fetchall()
    taken = {row["id"] for row in rows} | {row["login"] for row in rows}
    added: list[str] = []
    with transaction(state.conn):
        for index, user in enumerate(SEED_USERS, start=1):
            if user.id not in taken and user.login not in taken:
                _insert_user(state, index, user)
                added.append(user.login)
    return added


def _seed(state: ServerState) -> None:
    """The normal seed (inside the caller's transaction)."""
    from cesec_desktop.mockserver.history import seed_history
    from cesec_desktop.mockserver.simulator import seed_market_data

    conn = state.conn
    rng = random.Random(state.config.seed)
    _insert_instruments(state)
    _insert_users(state)
    seed_market_data(state, rng)
    book = seed_book(state)
    seed_history(state, rng, book)
    set_meta(conn, "schema_version", SCHEMA_VERSION)
    set_meta(conn, "seed", str(state.config.seed))
    set_meta(conn, "seeded", iso(state.clock.now()))


def _wipe(state: ServerState) -> None:
    """Every row of every table (inside the caller's transaction)."""
    conn = state.conn
    tables = [
        r["name"]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for table in tables:
        conn.execute(f"DELETE FROM {table}")


def _seed_world(state: ServerState, wipe: bool) -> None:
    """The seed, and the loaded scenario over it, in one transaction.

    With a scenario the order is: its settings, market and clock (`prepare`), the normal seed,
    its users and money, the commit, then its timeline from now. A scenario that does not fit
    the world rolls everything back, the wipe included.
    """
    from cesec_desktop.mockserver import scenario_load

    source = state.config.scenario
    if source is not None:
        scenario_load.prepare(state, source)
    with transaction(state.conn):
        if wipe:
            _wipe(state)
        _seed(state)
        refs = scenario_load.build(state, source) if source is not None else None
    if source is not None and refs is not None:
        scenario_load.started(state, source, refs)
    else:
        scenario_load.stopped(state)


def seed_database(state: ServerState) -> bool:
    """Seed an empty database; returns False (and touches nothing) if it was seeded before.

    With a scenario the world is always made afresh (a seeded database is wiped first): a
    scenario describes where a run starts.
    """
    seeded = get_meta(state.conn, "seeded") is not None
    if seeded and state.config.scenario is None:
        # Instruments may be added by a flag on a later start (synthetic ones for load tests).
        _insert_instruments(state)
        added = insert_missing_users(state)
        if added:
            log.info("demo users added to an older database: %s", ", ".join(added))
        return False
    _seed_world(state, wipe=seeded)
    return True


def reset_database(state: ServerState) -> None:
    """Wipe every table and seed again, with the loaded scenario if any (`/mock/reset`); the
    reset listeners (simulator, order engine, book) then rebuild from the new world."""
    _seed_world(state, wipe=True)
    for listener in state.reset_listeners:
        listener()
