"""The instruments the cabinet lists (DOMAIN.md), with rough price levels for the mock's walk.

Levels are not quotes: they seed a random walk. Where DOMAIN.md gives no level, a plausible
one is used. AIX lists Kazakh names mostly in USD (GDR-like levels), a few in KZT.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from cesec_desktop.domain.enums import Currency, InstrumentKind, Market


@dataclass(frozen=True)
class CatalogEntry:
    market: Market
    ticker: str
    name: str
    isin: str | None
    currency: Currency
    kind: InstrumentKind
    level: Decimal
    price_step: Decimal = Decimal("0.01")
    lot_size: int = 1
    face_value: Decimal | None = None

    @property
    def instrument_id(self) -> str:
        return f"{self.market}:{self.ticker}"


def _kase(
    ticker: str, name: str, isin: str, level: str, kind: InstrumentKind = InstrumentKind.SHARE
) -> CatalogEntry:
    return CatalogEntry(Market.KASE, ticker, name, isin, Currency.KZT, kind, Decimal(level))


def _bond(ticker: str, name: str, isin: str, level: str) -> CatalogEntry:
    return CatalogEntry(
        Market.KASE,
        ticker,
        name,
        isin,
        Currency.KZT,
        InstrumentKind.BOND,
        Decimal(level),
        price_step=Decimal("0.0001"),
        face_value=Decimal("1000"),
    )


def _aix(ticker: str, name: str, level: str, currency: Currency = Currency.USD) -> CatalogEntry:
    return CatalogEntry(
        Market.AIX, ticker, name, None, currency, InstrumentKind.SHARE, Decimal(level)
    )


def _intl(
    ticker: str,
    name: str,
    isin: str | None,
    level: str,
    kind: InstrumentKind = InstrumentKind.SHARE,
) -> CatalogEntry:
    return CatalogEntry(Market.INTL, ticker, name, isin, Currency.USD, kind, Decimal(level))


CATALOG: tuple[CatalogEntry, ...] = (
    _kase("AIRA", "Air Astana", "KZ1C00004050", "740"),
    _kase("CCBN", "Bank CenterCredit", "KZ0007786572", "4650"),
    _kase("HSBK", "Halyk Bank", "KZ000A0LE0S4", "385"),
    _kase("KCEL", "Kcell", "KZ1C00000876", "3320"),
    _kase("KEGC", "KEGOC", "KZ1C00000959", "1465"),
    _kase("KMGZ", "KazMunayGas", "KZ1C00001122", "21700"),
    _kase("KSPI", "Kaspi.kz", "KZ1C00001536", "42100"),
    _kase("KZAP", "Kazatomprom", "KZ1C00001619", "34000"),
    _kase("KZTK", "Kazakhtelecom", "KZ0009093241", "44700"),
    _kase("KZTO", "KazTransOil", "KZ1C00000744", "970"),
    _kase("KZTKp", "Kazakhtelecom (pref.)", "KZ0009094645", "31000"),
    _kase("ASBN", "ForteBank", "KZ000A0F4546", "6.50"),
    _kase("CCBNp", "Bank CenterCredit (pref.)", "KZ000A0H0930", "2900"),
    _kase("MMGZp", "Mangistaumunaigas (pref.)", "KZ0009089736", "4400"),
    _kase("BAST", "BAST", "KZ1C00001015", "1200"),
    _kase("US_FRHC", "Freedom Holding Corp.", "US3563901046", "75000"),
    _kase("CSECfe", "Centras – Fixed Income ETF", "KZPF00000025", "2350", InstrumentKind.FUND),
    _kase("CSECtf", "Centras – Total Fund", "KZPF00000280", "1480", InstrumentKind.FUND),
    _kase("FFINgw", "FFIN Global Water", "KZPF00000090", "5600", InstrumentKind.FUND),
    _bond("KFUSb10", "KazAgroFinance bond b10", "KZ2C00007326", "98.5000"),
    _bond("KFUSb11", "KazAgroFinance bond b11, 9.5%", "KZ2C00007334", "96.2500"),
    _bond("MOM060_0055", "Ministry of Finance MEOKAM-60", "KZK200000778", "91.1000"),
    _aix("KAP", "Kazatomprom", "45.20"),
    _aix("HSBK", "Halyk Bank", "13.10"),
    _aix("KZTO", "KazTransOil", "970", Currency.KZT),
    _aix("KCEL", "Kcell", "6.45"),
    _aix("KSPI", "Kaspi.kz", "82.40"),
    _aix("KMGZ", "KazMunayGas", "42.10"),
    _aix("KEGC", "KEGOC", "1465", Currency.KZT),
    _aix("AIRA", "Air Astana", "1.45"),
    _aix("CCBN", "Bank CenterCredit", "9.05"),
    _aix("KZTK", "Kazakhtelecom", "86.70"),
    _aix("FRHC", "Freedom Holding Corp.", "148.00"),
    _aix("CAML", "Central Asia Metals", "2.25"),
    _intl("AAPL", "Apple Inc.", "US0378331005", "250"),
    _intl("MSFT", "Microsoft Corp.", "US5949181045", "480"),
    _intl("TSLA", "Tesla Inc.", "US88160R1014", "400"),
    _intl("META", "Meta Platforms Inc.", "US30303M1027", "650"),
    _intl("AMZN", "Amazon.com Inc.", "US0231351067", "225"),
    _intl("GOOG", "Alphabet Inc. Class C", "US02079K1079", "190"),
    _intl("NVDA", "NVIDIA Corp.", "US67066G1040", "180"),
    _intl("AMD", "Advanced Micro Devices", "US0079031078", "160"),
    _intl("INTC", "Intel Corp.", "US4581401001", "24"),
    _intl("NKE", "Nike Inc.", "US6541061031", "72"),
    _intl("KO", "Coca-Cola Co.", "US1912161007", "69"),
    _intl("PFE", "Pfizer Inc.", "US7170811035", "25"),
    _intl("JNJ", "Johnson & Johnson", "US4781601046", "160"),
    _intl("BAC", "Bank of America", "US0605051046", "46"),
    _intl("C", "Citigroup Inc.", "US1729674242", "95"),
    _intl("F", "Ford Motor Co.", "US3453708600", "11"),
    _intl("VZ", "Verizon Communications", "US92343V1044", "43"),
    _intl("SBUX", "Starbucks Corp.", "US8552441094", "95"),
    _intl("QQQ", "Invesco QQQ Trust", "US46090E1038", "600", InstrumentKind.ETF),
    _intl("TLT", "iShares 20+ Year Treasury Bond ETF", "US4642874329", "88", InstrumentKind.ETF),
    _intl("MU", "Micron Technology", "US5951121038", "110"),
)

CATALOG_BY_ID: dict[str, CatalogEntry] = {entry.instrument_id: entry for entry in CATALOG}

# A USD/KZT level for valuing USD holdings in KZT.
USDKZT_LEVEL = Decimal("510.00")
