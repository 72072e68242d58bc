"""The book's fixed-point revaluation equals the backend's Decimal arithmetic to the tiyn,
in int64 and, past 2^62, in Python integers."""

from __future__ import annotations

import random
from decimal import Decimal as D

import numpy as np
import pytest

from cesec_desktop.domain.money import round_money
from cesec_desktop.state.book_values import BookValues, HoldingInput, divide_round, shift_round


def reference(
    holdings: list[HoldingInput],
    quotes: dict[str, tuple[D, D]],
    cash: dict[int, tuple[D, D]],
    usdkzt: D,
    client: int,
) -> tuple[D, D, D, D]:
    """A client's (value, day, day %, unrealized) as mockserver's `build_portfolio` does."""
    value = day = unrealized = D(0)
    for h in holdings:
        if h.client != client:
            continue
        last, change = quotes[h.instrument_id]
        rate = usdkzt if h.usd else D(1)
        scale = h.unit * h.quantity
        native = round_money(last * scale)
        cost = round_money(h.average_price * scale)
        value += native * rate
        day += change * scale * rate
        unrealized += (native - cost) * rate
    kzt, usd = cash[client]
    total = round_money(value) + round_money(kzt + usd * usdkzt)
    day_kzt = round_money(day)
    base = total - day_kzt
    pct = round_money(day_kzt / base * 100) if base > 0 else D("0.00")
    return total, day_kzt, pct, round_money(unrealized)


def figures(values: BookValues, client: int) -> tuple[D, D, D, D]:
    return tuple(  # type: ignore[return-value]
        D(int(a[client])).scaleb(-2)
        for a in (values.value, values.day, values.pct, values.unrealized)
    )


def random_book(seed: int, huge: bool = False) -> tuple[list[HoldingInput], list[str]]:
    rng = random.Random(seed)
    instruments = [f"KASE:I{n}" for n in range(12)] + [f"INTL:U{n}" for n in range(6)]
    holdings = []
    for client in range(40):
        for instrument in rng.sample(instruments, rng.randint(1, 10)):
            usd = instrument.startswith("INTL")
            bond = instrument.endswith(("3", "7"))
            quantity = D(rng.randint(1, 5000))
            if usd and rng.random() < 0.3:
                quantity = D(rng.randint(1, 99999)) / 1000  # fractional shares
            if huge:
                quantity *= D(10) ** 12
            holdings.append(
                HoldingInput(
                    client=client,
                    instrument_id=instrument,
                    quantity=quantity,
                    average_price=D(rng.randint(100, 10**7)) / 10 ** rng.randint(0, 4),
                    unit=D(10) if bond else D(1),
                    usd=usd,
                )
            )
    return holdings, instruments


def random_quotes(rng: random.Random, instruments: list[str]) -> dict[str, tuple[D, D]]:
    return {
        i: (
            D(rng.randint(1, 10**6)) / 10 ** rng.randint(0, 4),
            D(rng.randint(-(10**5), 10**5)) / 10 ** rng.randint(0, 4),
        )
        for i in instruments
    }


@pytest.mark.parametrize("huge", [False, True])
def test_figures_equal_the_decimal_arithmetic_over_random_books(huge: bool) -> None:
    holdings, instruments = random_book(7, huge)
    usdkzt = D("471.35")
    rng = random.Random(11)
    cash = {
        c: (D(rng.randint(-(10**6), 10**9)) / 100, D(rng.randint(0, 10**7)) / 100)
        for c in range(40)
    }
    values = BookValues(40, usdkzt)
    values.add(holdings)
    for client, (kzt, usd) in cash.items():
        values.set_cash(client, kzt, usd)
    quotes = random_quotes(rng, instruments)
    changed = values.apply(quotes)
    assert values.wide is huge
    assert sorted(changed.tolist()) == list(range(40))
    for client in range(40):
        assert figures(values, client) == reference(holdings, quotes, cash, usdkzt, client)
    # Later ticks of a few instruments: only their holders change, still exact.
    for _ in range(20):
        moved = dict(rng.sample(sorted(random_quotes(rng, instruments).items()), 3))
        quotes.update(moved)
        changed = set(values.apply(moved).tolist())
        holders = {h.client for h in holdings if h.instrument_id in moved}
        assert changed <= holders
        for client in range(40):
            assert figures(values, client) == reference(holdings, quotes, cash, usdkzt, client)


def test_a_client_is_live_only_once_every_holding_has_a_quote() -> None:
    values = BookValues(2, D("500"))
    values.add(
        [
            HoldingInput(0, "KASE:A", D(10), D(100), D(1), False),
            HoldingInput(0, "KASE:B", D(5), D(50), D(1), False),
            HoldingInput(1, "KASE:A", D(1), D(100), D(1), False),
        ]
    )
    assert values.apply({"KASE:A": (D(110), D(10))}).tolist() == [1]
    assert not values.live[0]
    assert values.apply({"KASE:B": (D("50.5"), D("0.5"))}).tolist() == [0]
    assert figures(values, 0) == (D("1352.50"), D("102.50"), D("8.20"), D("102.50"))
    # An unchanged quote changes no figure; nobody holds C.
    assert values.apply({"KASE:B": (D("50.5"), D("0.5"))}).tolist() == []
    assert values.apply({"KASE:C": (D(1), D(0))}).tolist() == []


def test_a_clients_positions_come_again() -> None:
    values = BookValues(1, D("500"))
    values.add([HoldingInput(0, "KASE:A", D(10), D(100), D(1), False)])
    values.apply({"KASE:A": (D(110), D(10))})
    assert values.live[0]
    values.drop(0)
    assert not values.live[0]
    # New positions of an instrument with a quote are valued at once; the row goes live
    # with the next quote of its own, as its server figures rule until then.
    values.add([HoldingInput(0, "KASE:A", D("2.5"), D(100), D(1), False)])
    assert values.apply({"KASE:A": (D(120), D(20))}).tolist() == [0]
    assert figures(values, 0) == (D("300.00"), D("50.00"), D("20.00"), D("50.00"))


def test_rounding_is_half_up_as_the_statements_round() -> None:
    numbers = np.array([5, 15, 25, -5, -15, 149, 151, -151, 0, -4], dtype=np.int64)
    expected = [int(round_money(D(int(n)).scaleb(-1), D(1))) for n in numbers]
    assert shift_round(numbers, 1).tolist() == expected
    assert shift_round(numbers.astype(object), 1).tolist() == expected  # past 2^62
    assert divide_round(np.array([1, 3, -1, -3, 5]), np.array([2, 2, 2, 2, 3])).tolist() == [
        1,
        2,
        -1,
        -2,
        2,
    ]


def test_a_bond_at_half_a_tiyn_rounds_as_the_server_does() -> None:
    # 96.2901 % of 1,000 × 6,305 = 6,071,090.805: the server's statement says .81.
    values = BookValues(1, D("510.00"))
    values.add([HoldingInput(0, "KASE:KFUSb11", D(6305), D("96.2901"), D(10), False)])
    values.apply({"KASE:KFUSb11": (D("96.2901"), D(0))})
    assert figures(values, 0)[0] == D("6071090.81")
