"""A large broker's book for `--broker-clients N`: N clients with a realistic spread.

The broker keeps the seed's four clients (the first N of them when N < 4) and gets N − 4
generated ones: plausible Kazakh, Russian and Korean names with valid IINs, KZT and USD cash,
1 to 40 positions over the listed KASE, AIX and INTL instruments, resting buy orders for some
and a withdrawal in processing for others. Only the first few have six months of history
(history.py writes it from the plan made here): history for thousands would be too big.

Everything comes from a generator of its own, seeded from the world's seed, so the rest of the
world is the same whatever N is. Rows are written with `executemany`: N = 2,000 (about 40,000
positions) takes well under a second. Generated clients sign in as `client00001`… with the one
password `Client#2026` (hashed once: a per-user hash would cost seconds).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from cesec_desktop.domain.enums import Role
from cesec_desktop.domain.iin import make_iin
from cesec_desktop.domain.money import CENT
from cesec_desktop.mockserver.clock import iso
from cesec_desktop.mockserver.security import hash_password
from cesec_desktop.mockserver.state import ServerState

SEEDED_CLIENTS = ("usr_demo", "usr_aigerim", "usr_nurlan", "usr_olga")
"""The broker's clients in the default world, in the order a smaller book keeps them."""
BROKER_ID = "usr_broker"
MAX_BROKER_CLIENTS = 20_000
GENERATED_PASSWORD = "Client#2026"
HISTORY_CLIENTS = 5
"""Generated clients (the first ones) that get six months of orders, deals and withdrawals."""
HISTORY_DEALS = 50
HISTORY_WITHDRAWALS = 4
MAX_POSITIONS = 40
THIN_HOLDERS = (3, 17, 33)
"""The generated clients who alone hold the book's thinly held bond (those that exist): a
price move of it changes exactly their rows, as a real book's illiquid bond would."""
OPEN_ORDER_SHARE = 0.3
WITHDRAWAL_SHARE = 0.12
ACCOUNT_NUMBER_START = 20_001

# A position's cost, KZT or USD: log-uniform, so many modest holdings and a few large ones.
POSITION_SIZE = {"KZT": (30_000.0, 8_000_000.0), "USD": (60.0, 16_000.0)}
CASH_KZT = (20_000.0, 60_000_000.0)
CASH_USD = (50.0, 150_000.0)
# Blue chips are held far more often than preferred shares or small names.
POPULAR = {
    "KASE:HSBK": 6,
    "KASE:KSPI": 6,
    "KASE:KZAP": 5,
    "KASE:KMGZ": 4,
    "KASE:KCEL": 4,
    "KASE:KEGC": 4,
    "KASE:AIRA": 3,
    "KASE:KZTO": 3,
    "KASE:CCBN": 3,
    "INTL:AAPL": 5,
    "INTL:MSFT": 4,
    "INTL:NVDA": 4,
    "INTL:TSLA": 4,
    "INTL:QQQ": 3,
    "AIX:KAP": 3,
    "AIX:KSPI": 3,
}

_KAZAKH_SURNAMES = (
    "Ахметов",
    "Сапаров",
    "Жақсыбеков",
    "Оспанов",
    "Сүлейменов",
    "Әбенов",
    "Қасымов",
    "Искаков",
    "Байжанов",
    "Ермеков",
    "Жұмабаев",
    "Кенжебаев",
    "Омаров",
    "Нұрпейісов",
    "Серікбаев",
    "Бейсенов",
    "Абдрахманов",
    "Мұратов",
    "Төлегенов",
    "Смағұлов",
    "Есенов",
    "Дүйсенов",
    "Құрманов",
    "Әлімжанов",
    "Бекетов",
)
_RUSSIAN_SURNAMES = (
    "Иванов",
    "Петров",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Васильев",
    "Соколов",
    "Морозов",
    "Волков",
    "Лебедев",
    "Козлов",
    "Новиков",
)
_KOREAN_SURNAMES = ("Ким", "Пак", "Цой", "Ли", "Хан")
_KAZAKH_MEN = (
    "Нұрлан",
    "Ерлан",
    "Асхат",
    "Бауыржан",
    "Дәурен",
    "Ержан",
    "Серік",
    "Марат",
    "Талғат",
    "Қайрат",
    "Арман",
    "Алмас",
    "Дамир",
    "Руслан",
    "Тимур",
    "Санжар",
    "Әлихан",
    "Ернар",
    "Жандос",
)
_KAZAKH_WOMEN = (
    "Айгерім",
    "Динара",
    "Гүлнар",
    "Әсел",
    "Жанар",
    "Мадина",
    "Айжан",
    "Салтанат",
    "Ботагөз",
    "Ақмарал",
    "Назерке",
    "Томирис",
    "Дана",
    "Аружан",
    "Камила",
)
_RUSSIAN_MEN = (
    "Алексей",
    "Дмитрий",
    "Сергей",
    "Андрей",
    "Владимир",
    "Игорь",
    "Максим",
    "Евгений",
    "Олег",
    "Виктор",
)
_RUSSIAN_WOMEN = (
    "Ольга",
    "Елена",
    "Татьяна",
    "Наталья",
    "Ирина",
    "Светлана",
    "Анна",
    "Мария",
    "Юлия",
    "Екатерина",
)
# Fathers' names: the Kazakh stem (for -ұлы / -қызы) and the Russian-style patronymics.
_KAZAKH_FATHERS = (
    ("Серік", "Серикович", "Сериковна"),
    ("Нұрлан", "Нурланович", "Нурлановна"),
    ("Марат", "Маратович", "Маратовна"),
    ("Болат", "Болатович", "Болатовна"),
    ("Ерлан", "Ерланович", "Ерлановна"),
    ("Қайрат", "Кайратович", "Кайратовна"),
    ("Мұрат", "Муратович", "Муратовна"),
    ("Асқар", "Аскарович", "Аскаровна"),
    ("Бақыт", "Бакытович", "Бакытовна"),
    ("Талғат", "Талгатович", "Талгатовна"),
)
_RUSSIAN_FATHERS = (
    ("Александрович", "Александровна"),
    ("Сергеевич", "Сергеевна"),
    ("Владимирович", "Владимировна"),
    ("Николаевич", "Николаевна"),
    ("Викторович", "Викторовна"),
    ("Михайлович", "Михайловна"),
    ("Петрович", "Петровна"),
    ("Юрьевич", "Юрьевна"),
)
_MOBILE_PREFIXES = (
    "700",
    "701",
    "702",
    "705",
    "706",
    "707",
    "708",
    "747",
    "760",
    "761",
    "762",
    "763",
    "764",
    "771",
    "775",
    "776",
    "777",
    "778",
    "785",
)


@dataclass(frozen=True)
class _Listed:
    id: str
    currency: str
    lot: int
    step: Decimal
    face: Decimal | None
    last: Decimal
    weight: float

    def unit_value(self, price: Decimal) -> float:
        value = float(price)
        return value / 100 * float(self.face) if self.face is not None else value


@dataclass(frozen=True)
class BookClient:
    """A generated client and what history.py writes for it."""

    id: str
    iin: str
    history: bool
    open_orders: tuple[tuple[str, int], ...] = ()
    """(instrument id, quantity) of resting limit buys far below the market."""
    withdrawal: Decimal | None = None
    """A KZT withdrawal still in processing, blocking this amount."""


@dataclass
class _Rows:
    users: list[tuple[object, ...]] = field(default_factory=list)
    accounts: list[tuple[object, ...]] = field(default_factory=list)
    broker_clients: list[tuple[str, str]] = field(default_factory=list)
    cash: list[tuple[str, str, str]] = field(default_factory=list)
    positions: list[tuple[str, str, str, str]] = field(default_factory=list)


def seeded_clients(count: int | None) -> tuple[str, ...]:
    """The seed's own clients the broker watches: all four by default, else the first N."""
    return SEEDED_CLIENTS if count is None else SEEDED_CLIENTS[: max(count, 0)]


def _log_uniform(rng: random.Random, low: float, high: float) -> float:
    return math.exp(math.log(low) + rng.random() * math.log(high / low))


def _money(value: float) -> Decimal:
    return Decimal(str(round(value, 2))).quantize(CENT)


class _Generator:
    def __init__(self, state: ServerState, rng: random.Random) -> None:
        self.rng = rng
        self.now = state.clock.now()
        listed = self._load(state)
        self.thin = self._thin(state, listed)
        """An instrument nobody else holds or orders (None: every one is held already)."""
        self.listed = [i for i in listed if i is not self.thin]
        self.iins: set[str] = {
            r["iin"] for r in state.conn.execute("SELECT iin FROM users").fetchall()
        }

    @staticmethod
    def _load(state: ServerState) -> list[_Listed]:
        rows = state.conn.execute(
            "SELECT i.id, i.currency, i.lot_size, i.price_step, i.face_value, i.level, p.last "
            "FROM instruments i LEFT JOIN prices p ON p.instrument_id = i.id "
            "WHERE i.hidden = 0 ORDER BY i.id"
        ).fetchall()
        return [
            _Listed(
                r["id"],
                r["currency"],
                max(int(r["lot_size"]), 1),
                Decimal(r["price_step"]),
                Decimal(r["face_value"]) if r["face_value"] else None,
                Decimal(r["last"] or r["level"]),
                float(POPULAR.get(r["id"], 1)),
            )
            for r in rows
            if r["currency"] in POSITION_SIZE
        ]

    @staticmethod
    def _thin(state: ServerState, listed: list[_Listed]) -> _Listed | None:
        held = {r[0] for r in state.conn.execute("SELECT DISTINCT instrument_id FROM positions")}
        free = [i for i in listed if i.id not in held]
        # A bond if there is one: the least popular, then by id.
        free.sort(key=lambda i: (i.face is None, i.weight, i.id))
        return free[0] if free else None

    def thin_holding(self) -> tuple[_Listed, int, Decimal] | None:
        listed = self.thin
        if listed is None:
            return None
        low, high = POSITION_SIZE[listed.currency]
        unit = listed.unit_value(listed.last) * listed.lot
        lots = max(1, int((low + high) / 20 / unit)) if unit > 0 else 1
        return listed, lots * listed.lot, listed.last

    # --- people ------------------------------------------------------------------------

    def name(self, male: bool) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.62:
            surname = rng.choice(_KAZAKH_SURNAMES)
            first = rng.choice(_KAZAKH_MEN if male else _KAZAKH_WOMEN)
            stem, russian_m, russian_f = rng.choice(_KAZAKH_FATHERS)
            if rng.random() < 0.5:
                patronymic = f"{stem}{'ұлы' if male else 'қызы'}"
            else:
                patronymic = russian_m if male else russian_f
        else:
            korean = kind >= 0.9
            surname = rng.choice(_KOREAN_SURNAMES if korean else _RUSSIAN_SURNAMES)
            first = rng.choice(_RUSSIAN_MEN if male else _RUSSIAN_WOMEN)
            russian_m, russian_f = rng.choice(_RUSSIAN_FATHERS)
            patronymic = russian_m if male else russian_f
        if not male and surname.endswith(("ов", "ев", "ин")):
            surname += "а"
        return f"{surname} {first} {patronymic}"

    def iin(self, male: bool) -> str:
        rng = self.rng
        while True:
            birth = date(1955, 1, 1) + timedelta(days=rng.randrange(50 * 365))
            iin = make_iin(birth, male=male, serial=rng.randrange(10_000))
            if iin not in self.iins:
                self.iins.add(iin)
                return iin

    def phone(self) -> str:
        return f"+7{self.rng.choice(_MOBILE_PREFIXES)}{self.rng.randrange(10**7):07d}"

    # --- money ---------------------------------------------------------------------------

    def holdings(self) -> list[tuple[_Listed, int, Decimal]]:
        """1 to 40 distinct instruments, favouring the blue chips: (instrument, qty, average)."""
        rng = self.rng
        count = rng.randint(1, min(MAX_POSITIONS, len(self.listed)))
        # Weighted sampling without replacement (Efraimidis–Spirakis keys).
        keyed = sorted(self.listed, key=lambda i: rng.random() ** (1.0 / i.weight), reverse=True)
        result = []
        for listed in sorted(keyed[:count], key=lambda i: i.id):
            low, high = POSITION_SIZE[listed.currency]
            unit = listed.unit_value(listed.last) * listed.lot
            lots = max(1, int(_log_uniform(rng, low, high) / unit)) if unit > 0 else 1
            sigma = 0.03 if listed.face is not None else 0.15
            average = Decimal(str(float(listed.last) * math.exp(rng.gauss(0.0, sigma))))
            average = max(average.quantize(listed.step, ROUND_HALF_UP), listed.step)
            result.append((listed, lots * listed.lot, average))
        return result

    def open_orders(self, cash: dict[str, Decimal]) -> tuple[tuple[str, int], ...]:
        """Resting buys, each costing at most a tenth of the cash in its currency."""
        rng = self.rng
        if rng.random() >= OPEN_ORDER_SHARE:
            return ()
        orders = []
        for listed in rng.sample(self.listed, rng.randint(1, 3)):
            budget = float(cash.get(listed.currency, 0)) * 0.1
            # The order rests at 75% of the market (history.py); size it at that price.
            unit = listed.unit_value(listed.last) * 0.75 * listed.lot
            lots = int(budget / unit) if unit > 0 else 0
            if lots >= 1:
                orders.append((listed.id, min(lots, 50) * listed.lot))
        return tuple(orders)

    def withdrawal(self, kzt: Decimal) -> Decimal | None:
        """A withdrawal in processing for some: up to a fifth of the KZT cash."""
        if self.rng.random() >= WITHDRAWAL_SHARE or kzt < 150_000:
            return None
        high = min(600_000, int(kzt) // 5)
        return Decimal(self.rng.randrange(20_000, high, 1_000)).quantize(CENT)


def seed_book(state: ServerState) -> list[BookClient]:
    """Write the generated clients (inside the seed's transaction); their plan for history."""
    count = state.config.broker_clients
    generated = max((count or 0) - len(SEEDED_CLIENTS), 0)
    if generated == 0:
        return []
    rng = random.Random(f"broker-book:{state.config.seed}")
    gen = _Generator(state, rng)
    rows = _Rows()
    password_hash = hash_password(GENERATED_PASSWORD)
    plan: list[BookClient] = []
    for n in range(1, generated + 1):
        user_id = f"usr_c{n:05d}"
        male = rng.random() < 0.52
        iin = gen.iin(male)
        changed = gen.now - timedelta(days=rng.randint(1, 50), seconds=rng.randrange(86_400))
        rows.users.append(
            (
                user_id,
                f"client{n:05d}",
                password_hash,
                iso(changed),
                Role.CLIENT.value,
                gen.name(male),
                iin,
                gen.phone(),
            )
        )
        rows.broker_clients.append((BROKER_ID, user_id))
        accounts = {}
        for suffix, currency, name in (
            ("kzt", "KZT", "Brokerage KZT"),
            ("usd", "USD", "Brokerage USD"),
        ):
            accounts[currency] = f"acc_{user_id.removeprefix('usr_')}_{suffix}"
            number = f"CS{ACCOUNT_NUMBER_START + n:05d}-{currency}"
            rows.accounts.append((accounts[currency], user_id, number, name, currency))
        cash = {
            "KZT": _money(_log_uniform(rng, *CASH_KZT)),
            "USD": _money(_log_uniform(rng, *CASH_USD)) if rng.random() < 0.7 else Decimal("0.00"),
        }
        for currency, balance in cash.items():
            rows.cash.append((accounts[currency], currency, str(balance)))
        holdings = gen.holdings()
        thin = gen.thin_holding() if n in THIN_HOLDERS else None
        if thin is not None:
            holdings.append(thin)
        for listed, quantity, average in holdings:
            rows.positions.append(
                (accounts[listed.currency], listed.id, str(quantity), str(average))
            )
        plan.append(
            BookClient(
                user_id,
                iin,
                history=n <= HISTORY_CLIENTS,
                open_orders=gen.open_orders(cash),
                withdrawal=gen.withdrawal(cash["KZT"]),
            )
        )
    _insert(state, rows)
    return plan


def _insert(state: ServerState, rows: _Rows) -> None:
    conn = state.conn
    conn.executemany(
        "INSERT INTO users (id, login, password_hash, password_changed_at, role, full_name, "
        "iin, phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        rows.users,
    )
    conn.executemany(
        "INSERT INTO accounts (id, user_id, number, name, currency) VALUES (?, ?, ?, ?, ?)",
        rows.accounts,
    )
    conn.executemany(
        "INSERT INTO broker_clients (broker_id, client_id) VALUES (?, ?)", rows.broker_clients
    )
    conn.executemany("INSERT INTO cash (account_id, currency, balance) VALUES (?, ?, ?)", rows.cash)
    conn.executemany(
        "INSERT INTO positions (account_id, instrument_id, quantity, average_price) "
        "VALUES (?, ?, ?, ?)",
        rows.positions,
    )
