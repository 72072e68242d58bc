"""The book's revaluation in exact fixed-point arrays: 40,000 holdings in a millisecond.

A quote tick of a 2,000-client book touches every client (55 instruments, each held by
hundreds): done holding by holding in `Decimal`, that is a third of a second of the UI loop
per tick. Here every number is an integer count of a power-of-ten unit, so numpy does the
same arithmetic exactly, rounding half up where the backend rounds to the tiyn
(`domain.money.round_money`, as a broker's statement does), and the figures equal
`Decimal`'s to the tiyn:

- per holding: `scale = unit × quantity` as an integer K of 10^-k; `native = round(last ×
  scale, 2)` in tiyn, and the constant `cost = round(average × scale, 2)`; `day = change ×
  scale` in 10^-(p+k), unrounded as the backend sums it (p: the quotes' decimals);
- per client, in Python integers: the sums of its KZT holdings plus USDKZT times the sums
  of its USD ones (the rate factors out of a sum: the same number, with no rate in the
  per-holding products), then `value = round(Σ value) + cash`, `day = round(Σ day)`,
  `unrealized = round(Σ (native − cost))`, `day % = round(day / (value − day) × 100, 2)`.

The per-holding products stay in int64 while they and each client's sums of them are below
2^62 (checked per tick from the magnitudes); past that the same code runs on Python integers
(dtype object), slower and just as exact.

Only the holdings of the instruments that changed are revalued (an instrument → holdings
index); the per-client sums are then one scatter-add over the holdings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np

from cesec_desktop.domain.money import round_money

SAFE = float(2**62)
"""Below this magnitude an int64 product or sum cannot overflow."""
MAX_DECIMALS = 12
HOLDING_ARRAYS = ("_scale", "_cost", "_native", "_day")
"""The per-holding integer arrays (int64, or object once wide)."""


def decimals(value: Decimal) -> int:
    """How many digits after the point `value` needs (0 for an integer)."""
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def scaled(value: Decimal, places: int) -> int:
    """`value` as an integer count of 10^-places (exact: `places` covers its digits)."""
    return int(value.scaleb(places))


def shift_round(values: Any, places: int) -> Any:
    """Integers of 10^-n to 10^-(n-places), rounding half up (away from zero) as the
    broker's statements do (`domain.money.round_money`); `places` may be < 0."""
    if places <= 0:
        return values * 10 ** (-places)
    return divide_round(values, 10**places)


def divide_round(numerator: Any, denominator: Any) -> Any:
    """numerator / denominator rounded half up, away from zero (denominator > 0)."""
    size = abs(numerator)
    quotient = size // denominator
    up = (size - quotient * denominator) * 2 >= denominator
    rounded = quotient + up
    return np.where(numerator < 0, -rounded, rounded)


@dataclass(frozen=True, slots=True)
class HoldingInput:
    """What the arrays need of one position."""

    client: int
    """The client's index in the book."""
    instrument_id: str
    quantity: Decimal
    average_price: Decimal
    unit: Decimal
    usd: bool


class BookValues:
    """Every holding's and every client's figures as integer arrays (module docstring).

    Clients are indices 0..n-1 given by the caller. Figures per client, Python integers of
    tiyn (and hundredths of a per cent): `value`, `day`, `pct`, `unrealized`; `live[c]`
    says the client's holdings all have a quote (its figures are computed, not the
    server's).
    """

    def __init__(self, clients: int, usdkzt: Decimal) -> None:
        self.clients = clients
        self.usdkzt = usdkzt
        self.rate_places = min(decimals(usdkzt), MAX_DECIMALS)
        self.rate = scaled(usdkzt, self.rate_places)
        self.k = 0  # the holdings' scale decimals
        self.p = 0  # the quotes' decimals
        self.wide = False
        """Per-holding figures kept as Python integers: some product passed 2^62."""
        self._instrument_of: dict[str, int] = {}
        self._last: list[int] = []
        self._change: list[int] = []
        self._quoted: list[bool] = []
        self._max_scale: list[int] = []
        """Per instrument: the largest |K| of its holdings (bounds its products)."""
        self._holders: dict[int, np.ndarray] = {}
        self._client = np.zeros(0, dtype=np.int64)
        self._slot = np.zeros(0, dtype=np.int64)  # 2 × client + (1 if USD)
        self._instrument = np.zeros(0, dtype=np.int64)
        self._alive = np.zeros(0, dtype=bool)
        self._has_quote = np.zeros(0, dtype=bool)
        self._scale: Any = np.zeros(0, dtype=np.int64)  # K, 10^-k
        self._cost: Any = np.zeros(0, dtype=np.int64)  # tiyn, in the currency
        self._native: Any = np.zeros(0, dtype=np.int64)  # tiyn, in the currency
        self._day: Any = np.zeros(0, dtype=np.int64)  # 10^-(p+k), in the currency
        self._held = np.zeros(clients, dtype=np.int64)
        """Holdings per client (alive)."""
        self._groups: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        """The alive holdings ordered by slot, where each slot's run starts, and its slot:
        sums by `np.add.reduceat` (made again after `add` and `drop`)."""
        self.cash: Any = np.zeros(clients, dtype=np.int64)  # tiyn: KZT, and USD at the rate
        self.value = np.zeros(clients, dtype=object)
        self.day = np.zeros(clients, dtype=object)
        self.pct = np.zeros(clients, dtype=object)
        self.unrealized = np.zeros(clients, dtype=object)
        self.live = np.zeros(clients, dtype=bool)

    # --- holdings --------------------------------------------------------------------------

    def add(self, holdings: Sequence[HoldingInput]) -> None:
        """Holdings at the end of the arrays (a book's, or one client's again)."""
        if not holdings:
            return
        scales = [h.unit * h.quantity for h in holdings]
        k = max([self.k, *(decimals(s) for s in scales)])
        if k > MAX_DECIMALS:
            raise ValueError("a position's quantity has too many decimals")
        self._rescale_holdings(k)
        start = len(self._client)
        instruments = np.array([self._instrument_index(h.instrument_id) for h in holdings])
        clients = np.array([h.client for h in holdings], dtype=np.int64)
        usd = np.array([h.usd for h in holdings], dtype=np.int64)
        self._client = np.concatenate([self._client, clients])
        self._slot = np.concatenate([self._slot, clients * 2 + usd])
        self._instrument = np.concatenate([self._instrument, instruments])
        self._alive = np.concatenate([self._alive, np.ones(len(holdings), dtype=bool)])
        self._has_quote = np.concatenate([self._has_quote, np.zeros(len(holdings), dtype=bool)])
        scale = [scaled(s, self.k) for s in scales]
        for index, value in zip(instruments.tolist(), scale, strict=True):
            self._max_scale[index] = max(self._max_scale[index], abs(value))
        cost = [
            scaled(round_money(h.average_price * s), 2)
            for h, s in zip(holdings, scales, strict=True)
        ]
        zeros = [0] * len(holdings)
        for name, new in zip(HOLDING_ARRAYS, (scale, cost, zeros, zeros), strict=True):
            old = getattr(self, name).astype(object)
            setattr(self, name, np.concatenate([old, np.array(new, dtype=object)]))
        self._settle_types()
        self._groups = None
        np.add.at(self._held, clients, 1)
        new = np.arange(start, start + len(holdings))
        for instrument in np.unique(instruments).tolist():
            mine = new[instruments == instrument]
            held = self._holders.get(instrument)
            self._holders[instrument] = mine if held is None else np.concatenate([held, mine])
            if self._quoted[instrument]:
                # An instrument with a quote values its new holdings at once.
                self._revalue(mine)

    def drop(self, client: int) -> None:
        """The client's holdings stop counting (its positions are about to come again)."""
        gone = np.flatnonzero((self._client == client) & self._alive)
        self.live[client] = False
        if not len(gone):
            return
        self._alive[gone] = False
        self._groups = None
        self._native[gone] = 0
        self._cost[gone] = 0
        self._day[gone] = 0
        self._held[client] = 0
        for instrument in np.unique(self._instrument[gone]).tolist():
            held = self._holders[instrument]
            held = held[self._alive[held]]
            if len(held):
                self._holders[instrument] = held
            else:
                del self._holders[instrument]

    def set_cash(self, client: int, cash_kzt: Decimal, cash_usd: Decimal) -> None:
        """The client's cash (KZT, and USD at the book's rate) as the backend adds it."""
        cash = scaled(round_money(cash_kzt + cash_usd * self.usdkzt), 2)
        if self.cash.dtype != object and abs(cash) >= SAFE:
            self.cash = self.cash.astype(object)
        self.cash[client] = cash

    # --- quotes ----------------------------------------------------------------------------

    def apply(self, quotes: dict[str, tuple[Decimal, Decimal]]) -> np.ndarray:
        """Instrument id → (last, change): revalue its holdings and the clients' figures.

        Returns the clients whose shown figures changed (sorted indices): those whose
        value, day's change or unrealized P/L moved, and those that just went live."""
        known = {k: q for k, q in quotes.items() if k in self._instrument_of and q[0] > 0}
        if not known:
            return np.zeros(0, dtype=np.int64)
        places = max(max(decimals(last), decimals(change)) for last, change in known.values())
        if places > MAX_DECIMALS:
            raise ValueError("a quote has too many decimals")
        self._rescale_quotes(max(self.p, places))
        changed: list[int] = []
        for instrument_id, (last, change) in known.items():
            index = self._instrument_of[instrument_id]
            self._last[index] = scaled(last, self.p)
            self._change[index] = scaled(change, self.p)
            self._quoted[index] = True
            if index in self._holders:
                changed.append(index)
        if not changed:
            return np.zeros(0, dtype=np.int64)
        held = np.concatenate([self._holders[i] for i in changed])
        self._revalue(held)
        touched = np.zeros(self.clients, dtype=bool)
        touched[self._client[held]] = True
        return self._sum_clients(np.flatnonzero(touched))

    def _revalue(self, held: np.ndarray) -> None:
        instrument = self._instrument[held]
        if not self.wide and not self._fits(held):
            self._widen()
        dtype = object if self.wide else np.int64
        last = np.array(self._last, dtype=dtype)[instrument]
        change = np.array(self._change, dtype=dtype)[instrument]
        scale = self._scale[held]
        self._native[held] = shift_round(last * scale, self.p + self.k - 2)
        self._day[held] = change * scale
        self._has_quote[held] = True

    def _fits(self, held: np.ndarray) -> bool:
        """Whether every product, and each client's sums of them, stays below 2^62."""
        if not len(held):
            return True
        widen = 10 ** max(0, 2 - self.p - self.k)
        product = max(
            max(abs(last), abs(change)) * widen * scale
            for last, change, scale in zip(self._last, self._change, self._max_scale, strict=True)
        )
        cost = float(np.abs(self._cost).max(initial=0))
        largest = max(float(product), cost) * 2 + 1
        return largest * float(self._held.max(initial=1)) < SAFE

    def _grouped(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._groups is None:
            alive = np.flatnonzero(self._alive)
            order = alive[np.argsort(self._slot[alive], kind="stable")]
            slots = self._slot[order]
            starts = np.flatnonzero(np.r_[True, slots[1:] != slots[:-1]]) if len(slots) else slots
            self._groups = (order, starts, slots[starts])
        return self._groups

    def _sum_clients(self, clients: np.ndarray) -> np.ndarray:
        """The figures of these clients again from their holdings; those that changed."""
        order, starts, present = self._grouped()
        dtype = object if self.wide else np.int64
        sums = []
        for part in (self._native, self._day, self._cost):
            total = np.zeros(2 * self.clients, dtype=dtype)
            if len(order):
                total[present] = np.add.reduceat(part[order], starts)
            sums.append(total)
        # A client's sums times the rate (and its day × 10,000 for the %) may pass 2^62:
        # then Python integers.
        one, rate, r = 10**self.rate_places, self.rate, self.rate_places
        native_sum, day_sum, cost_sum = (float(np.abs(t).max(initial=0)) for t in sums)
        times = float(max(rate, one))
        day_tiyn = day_sum * times / 10.0 ** (self.p + self.k + r - 2)
        cash = float(np.abs(self.cash).max(initial=0))
        bound = max(native_sum * times, cost_sum * times, day_sum * times, cash * one)
        if self.wide or self.cash.dtype == object or max(bound * 4, day_tiyn * 10**4) >= SAFE:
            sums = [t.astype(object) for t in sums]
        quoted = np.zeros(2 * self.clients, dtype=np.int64)
        if len(order):
            quoted[present] = np.add.reduceat(self._has_quote[order].astype(np.int64), starts)
        quoted_of_client = quoted[2 * clients] + quoted[2 * clients + 1]
        native, day, cost = ((s[2 * clients] * one + s[2 * clients + 1] * rate) for s in sums)
        value = shift_round(native, r) + self.cash[clients]
        day = shift_round(day, self.p + self.k + r - 2)
        unrealized = shift_round(native - cost, r)
        base = value - day
        positive = base > 0
        pct = np.zeros(len(clients), dtype=value.dtype)
        if positive.any():
            pct[positive] = divide_round(day[positive] * 10000, base[positive])
        held = self._held[clients]
        live = (quoted_of_client == held) & (held > 0)
        moved = live & (
            ~self.live[clients]
            | (self.value[clients] != value)
            | (self.day[clients] != day)
            | (self.unrealized[clients] != unrealized)
        )
        for name, new in (("value", value), ("day", day), ("pct", pct), ("unrealized", unrealized)):
            figures = getattr(self, name)
            figures[clients] = np.where(live, new, figures[clients])
        self.live[clients] = live
        return np.asarray(clients[moved], dtype=np.int64)

    # --- scales ----------------------------------------------------------------------------

    def _instrument_index(self, instrument_id: str) -> int:
        index = self._instrument_of.get(instrument_id)
        if index is None:
            index = self._instrument_of[instrument_id] = len(self._last)
            self._last.append(0)
            self._change.append(0)
            self._quoted.append(False)
            self._max_scale.append(0)
        return index

    def _rescale_holdings(self, k: int) -> None:
        """More decimals in the scales: every K and every day's change follow."""
        if k != self.k:
            factor = 10 ** (k - self.k)
            self._multiply(("_scale", "_day"), factor)
            self._max_scale = [v * factor for v in self._max_scale]
            self.k = k

    def _rescale_quotes(self, p: int) -> None:
        """More decimals in the quotes: the prices kept and every day's change follow."""
        if p != self.p:
            factor = 10 ** (p - self.p)
            self._last = [v * factor for v in self._last]
            self._change = [v * factor for v in self._change]
            self._multiply(("_day",), factor)
            self.p = p

    def _multiply(self, names: Sequence[str], factor: int) -> None:
        if not self.wide and any(
            len(a) and float(np.abs(a).max()) * factor >= SAFE
            for a in (getattr(self, n) for n in names)
        ):
            self._widen()
        for name in names:
            setattr(self, name, getattr(self, name) * factor)

    def _widen(self) -> None:
        """Python integers per holding from now on (slower, never overflowing)."""
        self.wide = True
        for name in HOLDING_ARRAYS:
            setattr(self, name, getattr(self, name).astype(object))

    def _settle_types(self) -> None:
        """The per-holding arrays (built as Python integers) in int64 again, unless wide."""
        if self.wide:
            return
        try:
            typed = [getattr(self, name).astype(np.int64) for name in HOLDING_ARRAYS]
        except OverflowError:
            self._widen()
            return
        for name, array in zip(HOLDING_ARRAYS, typed, strict=True):
            setattr(self, name, array)
