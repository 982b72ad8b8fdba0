"""Unit tests of Date and Intl (renderer/js/builtins/date.py, timevalue.py, dateparse.py, intl.py,
numberformat.py) through their Python API (expected values from Node 20)."""

from __future__ import annotations

import contextlib
import math

import pytest

from renderer.js.builtins import date as D
from renderer.js.builtins import dateparse, intl, numberformat
from renderer.js.builtins import timevalue as TV
from renderer.js.members import get_member
from renderer.js.values import UNDEFINED, to_string
from tests.support.jshelpers import call, js_error


@contextlib.contextmanager
def zone(name: str):
    token = TV.tz_var.set(name)
    try:
        yield
    finally:
        TV.tz_var.reset(token)


def new(*args):
    return D.DATE_CTOR.construct([a if not isinstance(a, int) else float(a) for a in args])


# ---------------------------------------------------------------- arithmetic


def test_civil_day_round_trip() -> None:
    for z in range(-800_000, 800_000, 997):
        assert TV._days_from_civil(*TV._civil_from_days(z)) == z
    assert TV._civil_from_days(0) == (1970, 1, 1)
    assert TV._days_from_civil(-1, 1, 1) * TV.MS_PER_DAY == -62198755200000


def test_make_day_overflow_and_clip() -> None:
    assert TV.make_date(TV.make_day(2024, 13, 1), 0) == 1738368000000.0  # 2025-02-01
    assert TV.time_clip(8.64e15) == 8.64e15
    assert math.isnan(TV.time_clip(8.64e15 + 1))
    assert math.isnan(TV.make_time(float("nan"), 0, 0, 0))


# ---------------------------------------------------------------- parsing

PARSE_UTC = [
    ("2024-03-07", 1709769600000),
    ("2024-03-07T10:00", 1709805600000),
    ("2024-03-07T10:00:00.123+05:30", 1709785800123),
    ("2024-03-07T10:00:00.1234567Z", 1709805600123),
    ("+002024-03-07", 1709769600000),
    ("-000001-01-01T00:00:00Z", -62198755200000),
    ("2024-03-07T24:00:00Z", 1709856000000),
    ("2024-02-30", 1709251200000),
    ("2024-3-7", 1709769600000),
    ("March 7, 2024", 1709769600000),
    ("March 7, 2024 10:30 PM", 1709850600000),
    ("7 March 2024", 1709769600000),
    ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
    ("Thu Mar 07 2024 10:00:00 GMT+0100 (Central European Standard Time)", 1709802000000),
    ("2024/03/07 10:00", 1709805600000),
    ("3/7/24", 1709769600000),
    ("March 7", 983923200000),
    ("1 Jan 2024 12:00 +0200", 1704103200000),
    ("Mon, 1 Jan 2024 10:00:00 EST", 1704121200000),
    ("June 1 2024 12:00:00 AM", 1717200000000),
    ("0", 946684800000),
    ("  2024-03-07  ", 1709769600000),
]


@pytest.mark.parametrize(("text", "expected"), PARSE_UTC)
def test_parse_utc(text: str, expected: int) -> None:
    assert dateparse.parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["foo", "", "2024-13-01", "12:00", "Jan 32 2024", "2024-06-15T10:00:00+01",
     "2024-03-07T10:00:00 GMT", "May 5 2024 13:00 PM", "2024-01-01T00:00:00.000Z foo"],
)
def test_parse_invalid(text: str) -> None:
    assert math.isnan(dateparse.parse_date(text))


def test_parse_local_forms_follow_the_zone() -> None:
    with zone("America/New_York"):
        assert dateparse.parse_date("2024-07-04T12:00") == 1720108800000  # local (EDT)
        assert dateparse.parse_date("2024-07-04") == 1720051200000  # date-only is UTC
        assert dateparse.parse_date("March 7, 2024") == 1709787600000  # local (EST)


# ---------------------------------------------------------------- Date objects


def test_constructor_forms() -> None:
    assert new(0).time == 0.0
    assert new(2024, 0, 31).time == 1706659200000.0
    assert new(99, 0).time == TV.make_date(TV.make_day(1999, 0, 1), 0)
    assert new("2024-03-07").time == 1709769600000.0
    assert new(new(5)).time == 5.0
    assert math.isnan(new("garbage").time)
    assert new(1.9).time == 1.0
    assert isinstance(D.DATE_CTOR.call(UNDEFINED, []), str)


def test_clock_hook() -> None:
    token = TV.clock_var.set(lambda: 1234.9)
    try:
        assert new().time == 1234.0
        assert get_member(D.DATE_CTOR, "now").call(UNDEFINED, []) == 1234.0
        assert D.DATE_CTOR.call(UNDEFINED, []) == (
            "Thu Jan 01 1970 00:00:01 GMT+0000 (Coordinated Universal Time)")
    finally:
        TV.clock_var.reset(token)


def test_statics() -> None:
    utc = get_member(D.DATE_CTOR, "UTC")
    assert utc.call(UNDEFINED, [2024.0, 1.0, 29.0, 12.0]) == 1709208000000.0
    assert utc.call(UNDEFINED, [99.0, 11.0]) == 944006400000.0
    assert math.isnan(utc.call(UNDEFINED, []))
    assert get_member(D.DATE_CTOR, "parse").call(UNDEFINED, ["2024-03-07"]) == 1709769600000.0


def test_string_forms_utc() -> None:
    d = new(0)
    assert call(d, "toString") == "Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)"
    assert call(d, "toDateString") == "Thu Jan 01 1970"
    assert call(d, "toTimeString") == "00:00:00 GMT+0000 (Coordinated Universal Time)"
    assert call(d, "toUTCString") == "Thu, 01 Jan 1970 00:00:00 GMT"
    assert call(d, "toISOString") == "1970-01-01T00:00:00.000Z"
    assert call(d, "toJSON") == "1970-01-01T00:00:00.000Z"
    assert to_string(d) == call(d, "toString")
    assert call(new(-62198755200000), "toUTCString") == "Fri, 01 Jan -0001 00:00:00 GMT"
    assert call(new(8.64e15), "toISOString") == "+275760-09-13T00:00:00.000Z"


def test_invalid_date() -> None:
    d = new(float("nan"))
    assert call(d, "toString") == "Invalid Date"
    assert call(d, "toJSON") is None
    assert math.isnan(call(d, "getFullYear"))
    assert call(d, "toLocaleString") == "Invalid Date"
    assert js_error(call, d, "toISOString") == "RangeError: Invalid time value"


def test_getters_and_setters() -> None:
    d = new(TV.make_date(TV.make_day(2024, 5, 15), TV.make_time(3, 4, 5, 6)))
    names = ["getFullYear", "getMonth", "getDate", "getDay", "getHours", "getMinutes",
             "getSeconds", "getMilliseconds", "getTimezoneOffset"]
    assert [call(d, n) for n in names] == [2024.0, 5.0, 15.0, 6.0, 3.0, 4.0, 5.0, 6.0, 0.0]
    d = new(2024, 0, 31)
    call(d, "setMonth", 1.0)
    assert call(d, "toISOString") == "2024-03-02T00:00:00.000Z"
    d = new(2024, 0, 1)
    assert call(d, "setHours", 25.0, 61.0, 61.0, 1001.0) == 1704160922001.0
    d = new(float("nan"))
    call(d, "setFullYear", 2020.0)
    assert call(d, "toISOString") == "2020-01-01T00:00:00.000Z"
    assert math.isnan(call(new(float("nan")), "setMonth", 2.0))
    d = new(0)
    call(d, "setUTCFullYear", 2000.0, 1.0, 29.0)
    assert call(d, "toISOString") == "2000-02-29T00:00:00.000Z"


# ---------------------------------------------------------------- time zones


def test_new_york_dst() -> None:
    with zone("America/New_York"):
        gap = new(2024, 2, 10, 2, 30)  # 2:30 does not exist: moves forward
        assert gap.time == 1710055800000.0
        assert call(gap, "toString") == (
            "Sun Mar 10 2024 03:30:00 GMT-0400 (Eastern Daylight Time)")
        fold = new(2024, 10, 3, 1, 30)  # 1:30 happens twice: the earlier one
        assert fold.time == 1730611800000.0
        assert call(fold, "getTimezoneOffset") == 240.0
        call(fold, "setHours", call(fold, "getHours") + 1)
        assert call(fold, "toString") == (
            "Sun Nov 03 2024 02:30:00 GMT-0500 (Eastern Standard Time)")
        assert call(new(2024, 0, 15), "getTimezoneOffset") == 300.0
        july = new(TV.make_date(TV.make_day(2024, 6, 4), TV.make_time(16, 0, 0, 0)))
        assert call(july, "toLocaleString") == "7/4/2024, 12:00:00 PM"
        assert call(july, "toLocaleString", "en-US", {"timeZoneName": "short"}) == (
            "7/4/2024, 12:00:00 PM EDT")
        assert call(july, "toTimeString") == "12:00:00 GMT-0400 (Eastern Daylight Time)"
        assert call(new(2024, 6, 4), "toISOString") == "2024-07-04T04:00:00.000Z"


def test_other_zones() -> None:
    with zone("Asia/Kolkata"):
        assert call(new(0), "toString") == "Thu Jan 01 1970 05:30:00 GMT+0530 (India Standard Time)"
    with zone("Etc/GMT+5"):
        assert call(new(0), "toString") == "Wed Dec 31 1969 19:00:00 GMT-0500 (GMT-05:00)"


# ---------------------------------------------------------------- locale formatting

T = 1709820309045.0  # 2024-03-07T14:05:09.045Z


@pytest.mark.parametrize(
    ("locale", "options", "expected"),
    [
        (UNDEFINED, UNDEFINED, "3/7/2024, 2:05:09 PM"),
        ("en-US", {"year": "numeric", "month": "long", "day": "numeric", "hour": "numeric",
                   "minute": "2-digit"}, "March 7, 2024 at 2:05 PM"),
        ("en-US", {"weekday": "short", "year": "numeric", "month": "short", "day": "numeric"},
         "Thu, Mar 7, 2024"),
        ("en-US", {"month": "2-digit", "day": "2-digit"}, "03/07"),
        ("en-US", {"hour": "2-digit", "minute": "2-digit"}, "02:05 PM"),
        ("en-US", {"hour": "numeric", "minute": "2-digit", "hour12": False}, "14:05"),
        ("en-US", {"timeZoneName": "short"}, "3/7/2024, 2:05:09 PM UTC"),
        ("en-US", {"timeZone": "Asia/Kolkata", "timeZoneName": "short"},
         "3/7/2024, 7:35:09 PM GMT+5:30"),
        ("en-US", {"dateStyle": "full", "timeStyle": "short"},
         "Thursday, March 7, 2024 at 2:05 PM"),
        ("en-US", {"dateStyle": "short"}, "3/7/24"),
        ("en-US", {"fractionalSecondDigits": 3.0}, "045"),
        ("en-GB", UNDEFINED, "07/03/2024, 14:05:09"),
        ("de-DE", UNDEFINED, "7.3.2024, 14:05:09"),
        ("de-DE", {"year": "numeric", "month": "long", "day": "numeric"}, "7. März 2024"),
        ("fr-FR", {"weekday": "long", "year": "numeric", "month": "long", "day": "numeric"},
         "jeudi 7 mars 2024"),
        ("es-ES", {"year": "numeric", "month": "long", "day": "numeric"}, "7 de marzo de 2024"),
    ],
)
def test_to_locale_string(locale, options, expected: str) -> None:
    assert call(new(T), "toLocaleString", locale, options) == expected


def test_to_locale_date_and_time_defaults() -> None:
    d = new(0)
    assert call(d, "toLocaleDateString") == "1/1/1970"
    assert call(d, "toLocaleTimeString") == "12:00:00 AM"  # a plain space, as V8 shows
    assert call(d, "toLocaleString") == "1/1/1970, 12:00:00 AM"
    assert call(d, "toLocaleDateString", "en-US", {"hour": "numeric"}) == "1/1/1970, 12 AM"


def test_locale_errors() -> None:
    d = new(0)
    assert js_error(call, d, "toLocaleString", "en-US", {"timeZone": "Nowhere/City"}) == (
        "RangeError: Invalid time zone specified: Nowhere/City")
    assert js_error(call, d, "toLocaleString", "en-US", {"month": "wide"}) == (
        "RangeError: Value wide out of range for Date.prototype.toLocaleString options "
        "property month")
    assert js_error(call, d, "toLocaleString", "en_US") == (
        "RangeError: Incorrect locale information provided")


def test_intl_date_time_format() -> None:
    dtf_ctor = intl.INTL["DateTimeFormat"]
    dtf = dtf_ctor.construct(["en-US", {"month": "long", "day": "numeric"}])
    fmt = get_member(dtf, "format")
    assert fmt.call(UNDEFINED, [1714564800000.0]) == "May 1"
    parts = call(dtf, "formatToParts", 1714564800000.0)
    assert parts == [{"type": "month", "value": "May"}, {"type": "literal", "value": " "},
                     {"type": "day", "value": "1"}]
    timed = dtf_ctor.construct(["en-US", {"timeStyle": "short"}])
    assert call(timed, "formatToParts", 0.0)[-2] == {"type": "literal", "value": "\u202f"}
    assert get_member(timed, "format").call(UNDEFINED, [0.0]) == "12:00 AM"
    with zone("Asia/Kolkata"):
        plain = dtf_ctor.call(UNDEFINED, [])
        assert call(plain, "resolvedOptions")["timeZone"] == "Asia/Calcutta"
    assert js_error(get_member(dtf, "format").call, UNDEFINED, [float("nan")]) == (
        "RangeError: Invalid time value")


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("x", "locale", "options", "expected"),
    [
        (1234.5678, UNDEFINED, UNDEFINED, "1,234.568"),
        (-0.0, "en-US", UNDEFINED, "-0"),
        (float("inf"), "en-US", UNDEFINED, "∞"),
        (1234.5, "en-US", {"style": "currency", "currency": "USD"}, "$1,234.50"),
        (-5.0, "en-US", {"style": "currency", "currency": "USD"}, "-$5.00"),
        (-0.001, "en-US", {"style": "currency", "currency": "USD"}, "-$0.00"),
        (1234.5, "en-US", {"style": "currency", "currency": "JPY"}, "¥1,235"),
        (1234.5, "en-US", {"style": "currency", "currency": "CHF"}, "CHF\u00a01,234.50"),
        (-5.0, "en-US", {"style": "currency", "currency": "USD", "currencySign": "accounting"},
         "($5.00)"),
        (1234.5, "en-US", {"style": "currency", "currency": "USD", "currencyDisplay": "name"},
         "1,234.50 US dollars"),
        (0.123, "en-US", {"style": "percent"}, "12%"),
        (1.005, "en-US", {"maximumFractionDigits": 2.0}, "1.01"),
        (1234.5678, "en-US", {"maximumSignificantDigits": 3.0}, "1,230"),
        (5.0, "en-US", {"minimumIntegerDigits": 2.0}, "05"),
        (999999.0, "en-US", {"notation": "compact"}, "1M"),
        (1234.0, "en-US", {"notation": "compact"}, "1.2K"),
        (1500.0, "en-US", {"notation": "compact", "compactDisplay": "long"}, "1.5 thousand"),
        (1234567.891, "de-DE", UNDEFINED, "1.234.567,891"),
        (1234.5, "de-DE", {"style": "currency", "currency": "EUR"}, "1.234,50\u00a0€"),
        (1234567.891, "fr-FR", UNDEFINED, "1\u202f234\u202f567,891"),
        (1234.0, "es-ES", UNDEFINED, "1234"),
        (1234567.891, "en-IN", UNDEFINED, "12,34,567.891"),
        (123.456, "en-US", {"notation": "scientific"}, "1.235E2"),
        (1234.5, "en-US", {"style": "unit", "unit": "kilometer"}, "1,234.5 km"),
    ],
)
def test_format_number_locale(x: float, locale, options, expected: str) -> None:
    assert numberformat.format_number_locale(x, locale, options) == expected


def test_number_format_errors_and_parts() -> None:
    assert js_error(numberformat.format_number_locale, 1.0, "en-US", {"style": "currency"}) == (
        "TypeError: Currency code is required with currency style.")
    assert js_error(numberformat.format_number_locale, 1.0, "en-US", {"maximumFractionDigits": 200.0}) == (
        "RangeError: maximumFractionDigits value is out of range.")
    nf = intl.INTL["NumberFormat"].construct(["en-US", UNDEFINED])
    types = [p["type"] for p in call(nf, "formatToParts", -1234.5)]
    assert types == ["minusSign", "integer", "group", "integer", "decimal", "fraction"]
    assert get_member(nf, "format").call(UNDEFINED, [1e21]) == "1,000,000,000,000,000,000,000"
