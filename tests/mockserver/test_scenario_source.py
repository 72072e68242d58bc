"""Reading scenario files: every key checked, and every error naming its line."""

from __future__ import annotations

from datetime import time, timedelta
from decimal import Decimal

import pytest

from cesec_desktop.mockserver.scenario_lines import dotted, key_lines, line_of
from cesec_desktop.mockserver.scenario_model import PriceSpec, When
from cesec_desktop.mockserver.scenario_source import ScenarioError, parse_scenario

HEAD = 'name = "probe"\npurpose = "A probe."\n'


def problems(text: str) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text)
    return caught.value.problems


# --- the line locator -----------------------------------------------------------------------


def test_key_lines_follow_tables_arrays_of_tables_and_inline_values() -> None:
    text = (
        'name = "x"\n'  # 1
        "[world]\n"  # 2
        "seed = 7\n"  # 3
        "[[users]]\n"  # 4
        'login = "a"\n'  # 5
        "[[users.accounts]]\n"  # 6
        'currency = "KZT"\n'  # 7
        "positions = [\n"  # 8
        '  { instrument = "KASE:KSPI", quantity = 1 },  # a comment, with ] and }\n'  # 9
        '  { instrument = "KASE:HSBK",\n'  # 10
        "    quantity = 2 },\n"  # 11
        "]\n"  # 12
        "[[users]]\n"  # 13
        '"login" = """multi\n'  # 14
        'line"""\n'  # 15
        "market.modes.KASE = 'open'\n"  # 16
        "[[timeline]]\n"  # 17
        'at = "+1 s"\n'  # 18
        "fault = { error_rate = 0.5 }\n"  # 19
    )
    lines = key_lines(text)
    assert lines["name",] == 1
    assert lines["world", "seed"] == 3
    assert lines["users", 0] == 4 and lines["users", 0, "login"] == 5
    assert lines["users", 0, "accounts", 0] == 6
    assert lines["users", 0, "accounts", 0, "positions", 1] == 10
    assert lines["users", 0, "accounts", 0, "positions", 1, "quantity"] == 11
    assert lines["users", 1, "login"] == 14
    assert lines["users", 1, "market", "modes", "KASE"] == 16
    assert lines["timeline", 0, "fault", "error_rate"] == 19
    # A missing key is placed at its nearest ancestor.
    assert line_of(lines, ("users", 0, "accounts", 0, "positions", 0, "average_price")) == 9
    assert line_of(lines, ("purpose",)) == 1
    assert dotted(("users", 0, "accounts", 1, "cash", "KZT")) == "users[0].accounts[1].cash.KZT"
    assert dotted(("market", "modes", "XYZ", "[key]")) == "market.modes.XYZ"


# --- errors name their line ------------------------------------------------------------------


def test_a_syntax_error_gives_tomllib_line() -> None:
    assert problems(HEAD + "[[users]]\nlogin = \n") == ["line 4: column 9: Invalid value"]


def test_a_weak_password_names_its_line_but_never_the_password() -> None:
    text = HEAD + '\n[[users]]\nlogin = "neo"\npassword = "weakling"\n'
    (problem,) = problems(text)
    assert problem.startswith("line 6: users[0].password: the password breaks the policy")
    assert "weakling" not in problem


def test_nested_unknown_keys_and_bad_values_each_name_their_line() -> None:
    text = HEAD + (
        "[[users]]\n"  # 3
        'login = "neo"\n'  # 4
        'password = "Matrix#1999"\n'  # 5
        "[[users.accounts]]\n"  # 6
        'currency = "KZT"\n'  # 7
        "cash = { KZT = -1 }\n"  # 8
        "positions = [\n"  # 9
        '  { instrument = "KASE:NOPE", quantity = 1, average_price = "1" },\n'  # 10
        '  { instrument = "INTL:AAPL", quantity = 1, average_price = "1" },\n'  # 11
        "]\n"  # 12
        "orders = [\n"  # 13
        '  { instrument = "KASE:KSPI", side = "buy", quantity = 1, price = "1.001" },\n'  # 14
        '  { instrument = "KASE:KSPI", side = "buy", type = "limit", quantity = 1 },\n'  # 15
        "]\n"  # 16
        "[[timeline]]\n"  # 17
        'at = "soon"\n'  # 18
        'fault = { error_rate = 2, colour = "red" }\n'  # 19
    )
    found = problems(text)
    assert found == [
        "line 8: users[0].accounts[0].cash: KZT cash must be zero or more, in cents",
        "line 10: users[0].accounts[0].positions[0].instrument: unknown instrument 'KASE:NOPE' "
        "(ids look like KASE:KSPI)",
        "line 14: users[0].accounts[0].orders[0].price: 1.001 is not a multiple of the tick "
        "size 0.01",
        "line 15: users[0].accounts[0].orders[1]: a limit order needs a price",
        'line 18: timeline[0].at: a moment is "+30 s", "+2 min", "+1 h" or an Almaty wall '
        'time "10:05"',
        "line 19: timeline[0].fault.error_rate: Input should be less than or equal to 1",
        "line 19: timeline[0].fault.colour: Extra inputs are not permitted",
    ]


def test_a_position_in_the_wrong_currency_account_names_the_list() -> None:
    text = HEAD + (
        "[[users]]\n"
        'login = "neo"\n'
        "[[users.accounts]]\n"
        'currency = "KZT"\n'
        'positions = [{ instrument = "INTL:AAPL", quantity = 1, average_price = "1" }]\n'
    )
    (problem,) = problems(text)
    assert problem.startswith("line 7: users[0].accounts[0].positions: INTL:AAPL trades in USD")


def test_missing_keys_and_broken_references_are_placed_at_their_parent() -> None:
    assert problems("[world]\nseed = 1\n") == [
        "line 1: name: Field required",
        "line 1: purpose: Field required",
    ]
    text = HEAD + (
        "[[users]]\n"  # 3
        'login = "neo"\n'  # 4
        "[[users]]\n"  # 5
        'login = "neo"\n'  # 6
        "[[timeline]]\n"  # 7
        'at = "+1 min"\n'  # 8
        'order = { ref = "ghost", action = "fill" }\n'  # 9
    )
    assert problems(text) == [
        "line 6: users[1].login: 'neo' is listed twice",
        "line 9: timeline[0].order.ref: no order has ref 'ghost'",
    ]
    (event,) = problems(text + '[[timeline]]\nat = "12:00"\nnote = "nothing"\n')
    assert event.startswith("line 10: timeline[1]: an event has exactly one of fault, price")


def test_the_purpose_is_one_line_and_names_are_plain() -> None:
    assert problems('name = "Bad Name"\npurpose = "x"\n')[0].startswith("line 1: name:")
    assert problems('name = "ok"\npurpose = """two\nlines"""\n') == [
        "line 2: purpose: the purpose is one line"
    ]


# --- values ----------------------------------------------------------------------------------


def test_moments_prices_and_money_parse_exactly() -> None:
    text = HEAD + (
        "[clock]\n"
        'start = "2027-01-04T10:30"\n'
        "[market]\n"
        'hours = { KASE = { open = 10:00:00, close = "11:00" } }\n'
        "[[users]]\n"
        'login = "neo"\n'
        'password = "Matrix#1999"\n'
        "[[users.accounts]]\n"
        'currency = "KZT"\n'
        "cash = { KZT = 1234567.89 }\n"
        'positions = [{ instrument = "KASE:KSPI", quantity = 2, average_price = "-7.5 %" }]\n'
        "[[timeline]]\n"
        'at = "+1.5 min"\n'
        'price = { instrument = "KASE:KSPI", price = 41000.50 }\n'
        "[[timeline]]\n"
        "at = 10:05:00\n"
        'market = { modes = { KASE = "closed" } }\n'
    )
    scenario = parse_scenario(text).scenario
    account = scenario.users[0].accounts[0]  # type: ignore[index]
    # Read with parse_float=Decimal: never a float on the way.
    assert account.cash == {"KZT": Decimal("1234567.89")}
    assert account.positions[0].average_price == PriceSpec(Decimal("-7.5"), True)
    assert scenario.timeline[0].at == When(offset=timedelta(seconds=90))
    assert scenario.timeline[0].price.price == PriceSpec(Decimal("41000.50"), False)  # type: ignore[union-attr]
    assert scenario.timeline[1].at == When(wall=time(10, 5))
    assert scenario.market.hours["KASE"].close == time(11, 0)  # type: ignore[union-attr]


def test_a_percent_price_rounds_to_the_tick() -> None:
    assert PriceSpec(Decimal(-8), True).resolve(Decimal("42100.00"), Decimal("0.01")) == Decimal(
        "38732.00"
    )
    assert PriceSpec(Decimal("-5"), True).resolve(Decimal("385.37"), Decimal("0.01")) == Decimal(
        "366.10"
    )
    # Never below one tick.
    assert PriceSpec(Decimal(-99), True).resolve(Decimal("0.01"), Decimal("0.01")) == Decimal(
        "0.01"
    )
