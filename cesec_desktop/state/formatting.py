"""One formatter for every moment, date, number and amount the UI shows.

Market moments (quote and order times, validity, trade and settlement dates) are shown in
Almaty time, the exchange's clock, unless the user chose "this computer" (`set_time_zone`);
every screen, dialog, export and notification asks this module, so one order shows one
time everywhere. Numbers go through QLocale's separators without passing through float.
Dates are dd.MM.yyyy in kk and ru (the locale's short format with a four-digit year).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QTime, Signal

from cesec_desktop.domain.markets import ALMATY
from cesec_desktop.state import clock

DASH = "\N{EM DASH}"
NBSP = "\N{NO-BREAK SPACE}"


class TimeZoneChoice(StrEnum):
    ALMATY = "almaty"
    LOCAL = "local"


class _TimeZoneNotifier(QObject):
    """Tells every screen at once that times are now shown in another zone.

    Signals:
        changed(str): the new `TimeZoneChoice` value.
    """

    changed = Signal(str)


_choice = TimeZoneChoice.ALMATY
_notifier: _TimeZoneNotifier | None = None


def notifier() -> _TimeZoneNotifier:
    global _notifier
    if _notifier is None:
        _notifier = _TimeZoneNotifier()
    return _notifier


def time_zone_choice() -> TimeZoneChoice:
    return _choice


def set_time_zone(choice: TimeZoneChoice | str) -> None:
    """Show times in Almaty's zone or the computer's, on every screen at once."""
    global _choice
    wanted = TimeZoneChoice(choice)
    if wanted != _choice:
        _choice = wanted
        notifier().changed.emit(str(wanted))


def display_zone() -> tzinfo | None:
    """The zone times are shown in: Almaty's, or None for the computer's own.

    None, not a fixed offset taken today: `astimezone(None)` asks the system's rules for
    each moment, so a summer moment shown in winter keeps its summer offset.
    """
    return None if _choice is TimeZoneChoice.LOCAL else ALMATY


def in_display_zone(moment: datetime) -> datetime:
    """An aware moment as the display zone's wall clock shows it."""
    return _aware(moment).astimezone(display_zone())


def _aware(moment: datetime) -> datetime:
    """Naive moments from the server are UTC (API.md)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def moment_parts(moment: datetime) -> tuple[QDate, QTime]:
    """A moment's date and time of day in the display zone (never Qt's local-time guess)."""
    local = in_display_zone(moment)
    return (
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
    )


def date_pattern(locale: QLocale | None = None) -> str:
    """The language's short date with a four-digit year: 03.11.2026 in kk and ru."""
    locale = locale if locale is not None else QLocale()
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def format_day(day: date | None, locale: QLocale | None = None) -> str:
    if day is None:
        return DASH
    locale = locale if locale is not None else QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), date_pattern(locale))


def format_long_day(day: date, locale: QLocale | None = None) -> str:
    """A day written out, for headings: `Saturday, 21 November 2026`."""
    locale = locale if locale is not None else QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


def display_today() -> date:
    """Today in the display zone (the clock's, never the machine's idea of the date)."""
    return in_display_zone(clock.now()).date()


def format_moment(moment: datetime | None, locale: QLocale | None = None) -> str:
    """Date and time with seconds, in the display zone: `21.11.2026 14:03:07`."""
    if moment is None:
        return DASH
    locale = locale if locale is not None else QLocale()
    day, time_of_day = moment_parts(moment)
    return f"{locale.toString(day, date_pattern(locale))} {time_of_day.toString('HH:mm:ss')}"


def format_moment_short(moment: datetime | None, locale: QLocale | None = None) -> str:
    """A table's form: `21.11.2026 14:03`, in the display zone."""
    if moment is None:
        return DASH
    locale = locale if locale is not None else QLocale()
    day, time_of_day = moment_parts(moment)
    return f"{locale.toString(day, date_pattern(locale))} {time_of_day.toString('HH:mm')}"


def format_time(moment: datetime | None, seconds: bool = True) -> str:
    """The time of day alone, in the display zone: `14:03:07`."""
    if moment is None:
        return DASH
    return moment_parts(moment)[1].toString("HH:mm:ss" if seconds else "HH:mm")


def format_recent(moment: datetime | None, locale: QLocale | None = None) -> str:
    """The time alone for a moment of today (display zone), with the date otherwise."""
    if moment is None:
        return DASH
    if in_display_zone(moment).date() == display_today():
        return format_time(moment, seconds=False)
    return format_moment_short(moment, locale)


def zone_label() -> str:
    """What the times of a screen are in, said once per screen or in a tooltip."""
    if _choice is TimeZoneChoice.LOCAL:
        return QCoreApplication.translate("Formatting", "Times are this computer's")
    return QCoreApplication.translate("Formatting", "Times are Almaty time (UTC+5)")


# --- numbers -------------------------------------------------------------------------------


_STEPS = {places: Decimal(1).scaleb(-places) for places in range(13)}
_last_locale: list[Any] = [None, ("", ".", "-")]
"""The locale last formatted with and its separators: a table's cells all come with one
locale object, and asking Qt for three separators per cell cost more than the rest."""


def _separators(locale: QLocale) -> tuple[str, str, str]:
    if _last_locale[0] is not locale:
        _last_locale[:] = [
            locale,
            (locale.groupSeparator(), locale.decimalPoint(), locale.negativeSign()),
        ]
    return _last_locale[1]  # type: ignore[no-any-return]


def format_decimal(value: Decimal, places: int = 2, locale: QLocale | None = None) -> str:
    """A Decimal in the UI locale's digits and separators, without passing through float."""
    locale = locale if locale is not None else QLocale()
    if places >= 0:
        step = _STEPS.get(places)
        quantized = value.quantize(step if step is not None else Decimal(1).scaleb(-places))
    else:
        quantized = value
    group, point, minus = _separators(locale)
    text = f"{abs(quantized):,f}"  # Python's grouping by threes, then the locale's marks
    if point != ".":
        text = text.replace(".", "\0")
    if group != ",":
        text = text.replace(",", group)
    if point != ".":
        text = text.replace("\0", point)
    return minus + text if quantized < 0 else text


def format_money(value: Decimal, currency: str, locale: QLocale | None = None) -> str:
    """An amount with its currency code after it (`1 234,50 KZT`), as statements show it."""
    return f"{format_decimal(value, 2, locale)}{NBSP}{currency}"


def _places(value: Decimal, minimum: int = 0) -> int:
    exponent = value.as_tuple().exponent
    own = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return max(own, minimum)


def format_quantity(value: Decimal, locale: QLocale | None = None) -> str:
    """A quantity with the decimals it has and no more (10, 2.5)."""
    return format_decimal(value.normalize(), -1, locale)


def format_price(value: Decimal | None, currency: str = "", locale: QLocale | None = None) -> str:
    """A price with at least cents, bond prices with their 4 decimals; "—" for none."""
    if value is None:
        return DASH
    text = format_decimal(value, _places(value, 2), locale)
    return f"{text}{NBSP}{currency}" if currency else text


def format_percent(value: Decimal, places: int = 2, locale: QLocale | None = None) -> str:
    """A percentage with a space before the sign in every language: `-0,06 %`."""
    return f"{format_decimal(value, places, locale)}{NBSP}%"
