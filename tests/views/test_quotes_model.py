"""The quotes store and the quote table model, without a backend: coalescing, flashes, staleness."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt

from cesec_desktop.state.quote_table_model import (
    Column,
    FlashRole,
    InstrumentRole,
    QuoteTableModel,
    SortRole,
    StaleRole,
    TrendRole,
)
from cesec_desktop.state.quotes import InstrumentInfo, QuoteStore, parse_quote
from cesec_desktop.state.watchlists import WatchlistStore, market_of

IDS = ["KASE:HSBK", "KASE:KSPI", "KASE:KZAP", "KASE:KCEL", "KASE:KEGC"]


def quote(instrument_id: str, last: str, prev: str = "100.00", **extra: Any) -> dict[str, Any]:
    change = Decimal(last) - Decimal(prev)
    item = {
        "instrument_id": instrument_id,
        "last": last,
        "change": f"{change:.2f}",
        "change_pct": f"{change / Decimal(prev) * 100:.2f}",
        "bid": f"{Decimal(last) - Decimal('0.01'):.2f}",
        "ask": f"{Decimal(last) + Decimal('0.01'):.2f}",
        "prev_close": prev,
        "volume": "12345",
        "time": "2026-11-20T10:15:30Z",
    }
    item.update(extra)
    return item


@pytest.fixture
def store(qapp: Any) -> QuoteStore:
    store = QuoteStore(None)
    store.stop()  # the tests flush by hand
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    return store


@pytest.fixture
def model(store: QuoteStore) -> QuoteTableModel:
    model = QuoteTableModel(store, "KASE")
    model.set_ids(IDS)
    store.ingest([quote(i, "100.00") for i in IDS])
    store.flush()
    return model


def changed_ranges(model: QuoteTableModel) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=(): ranges.append((a.row(), b.row())))
    return ranges


def test_the_model_passes_the_model_tester(qtmodeltester: Any, model: QuoteTableModel) -> None:
    qtmodeltester.check(model, force_py=True)
    model.set_ids(["KASE:KSPI", "KASE:HSBK"])
    qtmodeltester.check(model, force_py=True)


def test_rows_follow_the_watchlist_order_and_show_formatted_decimals(
    model: QuoteTableModel, store: QuoteStore
) -> None:
    store.set_info([InstrumentInfo("KASE:HSBK", "HSBK", "Halyk Bank", "KZT")])
    store.ingest([quote("KASE:HSBK", "1234.50", prev="1200.00")])
    store.flush()
    assert [model.index(r, 0).data(InstrumentRole) for r in range(model.rowCount())] == IDS
    row = 0
    assert model.index(row, Column.TICKER).data() == "HSBK"
    assert model.index(row, Column.NAME).data() == "Halyk Bank"
    assert model.index(row, Column.LAST).data() == "1,234.50"
    assert model.index(row, Column.CHANGE).data() == "+34.50"
    # One percent format in every language: a no-break space before the sign.
    assert (
        model.index(row, Column.CHANGE_PCT).data() == "+2.88\N{NO-BREAK SPACE}%"
    )  # one percent format in every language
    assert model.index(row, Column.VOLUME).data() == "12,345"
    assert model.index(row, Column.LAST).data(SortRole) == Decimal("1234.50")
    assert model.index(row, Column.CHANGE).data(TrendRole) == 1
    alignment = Qt.AlignmentFlag(
        model.index(row, Column.LAST).data(Qt.ItemDataRole.TextAlignmentRole)
    )
    assert alignment & Qt.AlignmentFlag.AlignRight


def test_a_russian_locale_formats_with_its_own_separators(
    model: QuoteTableModel, store: QuoteStore
) -> None:
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    try:
        model.retranslate()
        store.ingest([quote("KASE:HSBK", "1234.50")])
        store.flush()
        assert model.index(0, Column.LAST).data() == "1\N{NO-BREAK SPACE}234,50"
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


def test_one_data_changed_per_contiguous_range_however_many_ticks(
    model: QuoteTableModel, store: QuoteStore
) -> None:
    ranges = changed_ranges(model)
    # 3,000 ticks over rows 0, 1 and 3: two ranges, whatever the tick count.
    for n in range(1000):
        store.ingest(
            [
                quote("KASE:HSBK", f"{100 + n % 7}.00"),
                quote("KASE:KSPI", f"{100 + n % 5}.00"),
                quote("KASE:KCEL", f"{100 + n % 3}.00"),
            ]
        )
    store.flush()
    assert ranges == [(0, 1), (3, 3)]
    assert store.received >= 3000
    ranges.clear()
    store.ingest([quote("OTHER:XYZ", "1.00")])  # not in this table
    store.flush()
    # Nothing of ours changed; only the fading flashes may repaint (same rows).
    assert all(r in [(0, 1), (3, 3)] for r in ranges)


def test_a_changed_price_flashes_up_or_down_and_fades(
    model: QuoteTableModel, store: QuoteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cesec_desktop.state.quote_table_model as module

    store.ingest([quote("KASE:HSBK", "101.00"), quote("KASE:KSPI", "99.00")])
    store.flush()
    up = model.index(0, Column.LAST).data(FlashRole)
    down = model.index(1, Column.LAST).data(FlashRole)
    assert up[0] == 1 and 0 < up[1] <= 1
    assert down[0] == -1
    assert model.index(2, Column.LAST).data(FlashRole) is None
    assert model.index(0, Column.NAME).data(FlashRole) is None

    real = module.time.monotonic
    monkeypatch.setattr(module.time, "monotonic", lambda: real() + module.FLASH_SECONDS + 0.1)
    ranges = changed_ranges(model)
    model.flashes.step()  # the shared flash clock's timer, stepped by hand
    assert model.index(0, Column.LAST).data(FlashRole) is None
    # Repainted once more without the tint: the flashing cells of rows 0 and 1 only.
    assert set(ranges) == {(0, 1)}
    assert model not in model.flashes.members


def test_stale_quotes_are_greyed_with_their_age_and_recover(
    model: QuoteTableModel, store: QuoteStore
) -> None:
    ranges = changed_ranges(model)
    store.set_connection("reconnecting")
    assert store.stale
    assert model.index(0, Column.LAST).data(StaleRole) is True
    assert model.index(0, Column.TIME).data() == "0 s ago"
    assert "connection is down" in model.index(0, Column.LAST).data(Qt.ItemDataRole.ToolTipRole)
    assert ranges == [(0, len(IDS) - 1)]
    store.set_connection("online")
    assert not store.stale
    assert model.index(0, Column.LAST).data(StaleRole) is False
    assert ":" in model.index(0, Column.TIME).data()


def test_removing_an_id_removes_only_its_row(model: QuoteTableModel) -> None:
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _p, first, last: removed.append((first, last)))
    model.set_ids([i for i in IDS if i != "KASE:KZAP"])
    assert removed == [(2, 2)]
    assert model.row_of("KASE:KCEL") == 2
    assert model.index(2, Column.LAST).data() == "100.00"


def test_malformed_quotes_are_skipped(store: QuoteStore) -> None:
    assert parse_quote({"instrument_id": "KASE:HSBK", "last": "abc"}) is None
    assert parse_quote({"last": "1"}) is None
    store.ingest([{"no": "id"}, quote("KASE:HSBK", "1.00")])
    assert store.quote("KASE:HSBK") is not None


def test_the_watchlist_store_edits_lists_in_order(qapp: Any) -> None:
    lists = WatchlistStore(None)
    seen: list[str] = []
    lists.changed.connect(seen.append)
    assert lists.add("KASE:HSBK") and lists.add("KASE:KSPI") and lists.add("INTL:AAPL")
    assert not lists.add("KASE:HSBK")
    lists.move("KASE", 1, 0)
    assert lists.ids("KASE") == ["KASE:KSPI", "KASE:HSBK"]
    assert lists.remove("KASE:KSPI")
    assert lists.ids("KASE") == ["KASE:HSBK"] and lists.ids("INTL") == ["INTL:AAPL"]
    assert seen == ["KASE", "KASE", "INTL", "KASE", "KASE"]
    assert market_of("AIX:KAP") is not None and market_of("XYZ") is None
    with pytest.raises(ValueError):
        lists.add("NOPE:ABC")


def test_the_model_follows_its_watchlist(store: QuoteStore) -> None:
    lists = WatchlistStore(None)
    model = QuoteTableModel(store, "AIX", lists)
    lists.set_ids("AIX", ["AIX:KAP", "AIX:HSBK"])
    assert model.ids == ["AIX:KAP", "AIX:HSBK"]
    assert sorted(store.watched) == ["AIX:HSBK", "AIX:KAP"]
    lists.remove("AIX:KAP")
    assert model.ids == ["AIX:HSBK"]
    assert store.watched == ["AIX:HSBK"]
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex()) is None
