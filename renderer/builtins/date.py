"""JavaScript ``Date`` and the parts of ``Intl`` templates use (DateTimeFormat, NumberFormat).

Time values are float milliseconds since the epoch (NaN = invalid date), with the spec's
day/time arithmetic done here (no ``datetime`` range limits). "Local time" is the IANA zone in
the ``tz_var`` context variable (default ``UTC``), resolved with ``zoneinfo`` so DST is right;
``new Date()`` reads the render's clock through ``clock_var`` (or ``NOW_MS``).

``Date.parse`` follows V8: ISO 8601 (date-only = UTC, date-time without offset = local), then
V8's legacy parser (``March 7, 2024``, ``2024/03/07``, ``Thu, 01 Jan 1970 00:00:00 GMT``...).

Locale formatting reproduces Node 20 (full ICU) for ``en-US`` (the default) and the common
options, and the basic forms of ``en-GB``, ``de-DE``, ``fr-FR`` and ``es-ES``; other locales
format as ``en-US``. ``format_number_locale(x, locales, options)`` is
``Number.prototype.toLocaleString``.
"""

from __future__ import annotations

import contextvars
import functools
import math
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..jsvalues import (
    JS_WHITESPACE,
    NAN,
    UNDEFINED,
    JSFunction,
    JSNamespace,
    JSObject,
    NativeFunction,
    range_error,
    safe_to_string,
    to_integer_or_infinity,
    to_number,
    to_primitive,
    to_string,
    type_error,
)
from ..members import MISSING, SPECIAL_GETTERS, define_methods, get_member

__all__ = [
    "DATE_CTOR",
    "GLOBALS",
    "INTL",
    "JSDate",
    "NOW_MS",
    "clock_var",
    "date_from_time",
    "format_date_locale",
    "format_number_locale",
    "now_ms",
    "parse_date",
    "tz_var",
]

# ============================================================================ clock and zone

NOW_MS: Callable[[], float] = lambda: time.time() * 1000
"""The default clock (ms since the epoch); a render overrides it through ``clock_var``."""

clock_var: contextvars.ContextVar[Callable[[], float] | None] = contextvars.ContextVar(
    "kview_clock", default=None
)
tz_var: contextvars.ContextVar[str] = contextvars.ContextVar("kview_tz", default="UTC")


def now_ms() -> float:
    clock = clock_var.get()
    t = clock() if clock is not None else NOW_MS()
    return float(math.floor(t))


_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "GMT", "Etc/GMT", "Etc/UCT", "UCT", "Etc/Universal",
                        "Universal", "Etc/Zulu", "Zulu", "Etc/GMT0", "GMT0", "Etc/GMT+0",
                        "Etc/GMT-0", "Etc/Greenwich", "Greenwich"})


@functools.lru_cache(maxsize=64)
def _zone(name: str) -> ZoneInfo | None:
    """A ZoneInfo (None for UTC); raises KeyError for unknown names."""
    if name in _UTC_NAMES or name.upper() == "UTC":
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise KeyError(name) from None


def _local_zone() -> ZoneInfo | None:
    try:
        return _zone(tz_var.get() or "UTC")
    except KeyError:
        return None


@functools.lru_cache(maxsize=256)
def _canonical_zone(name: str) -> str | None:
    """The IANA spelling of a zone name given in any case (timeZone option), or None."""
    if name.upper() in ("UTC", "GMT", "ETC/UTC", "ETC/GMT"):
        return "UTC"
    try:
        _zone(name)
        return name
    except KeyError:
        pass
    import zoneinfo

    lowered = name.lower()
    for candidate in zoneinfo.available_timezones():
        if candidate.lower() == lowered:
            return candidate
    return None


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_EPOCH_NAIVE = datetime(1970, 1, 1)
_DT_MIN_MS = -62135596800000.0 + 2 * 86400000.0  # inside datetime's range (year 1..9999)
_DT_MAX_MS = 253402300799999.0 - 2 * 86400000.0


_CYCLE_MS = 146097 * 86400000.0  # 400 Gregorian years: the calendar repeats exactly


def _into_datetime_range(t: float) -> float:
    if t > _DT_MAX_MS:
        t -= math.ceil((t - _DT_MAX_MS) / _CYCLE_MS) * _CYCLE_MS
    return max(t, _DT_MIN_MS)


def offset_at_utc(t: float, zone: ZoneInfo | None) -> float:
    """Offset (ms) of ``zone`` from UTC at the instant ``t``."""
    if zone is None or t != t:
        return 0.0
    t = _into_datetime_range(t)
    dt = (_EPOCH + timedelta(milliseconds=t)).astimezone(zone)
    off = dt.utcoffset()
    return off.total_seconds() * 1000.0 if off is not None else 0.0


def offset_for_local(t_local: float, zone: ZoneInfo | None) -> float:
    """Offset to subtract from a local time value (earlier instant when ambiguous; the
    pre-transition offset inside a gap, as the spec and V8 do)."""
    if zone is None or t_local != t_local:
        return 0.0
    t_local = _into_datetime_range(t_local)
    naive = _EPOCH_NAIVE + timedelta(milliseconds=t_local)
    off = naive.replace(tzinfo=zone, fold=0).utcoffset()
    return off.total_seconds() * 1000.0 if off is not None else 0.0


def local_time(t: float, zone: Any = MISSING) -> float:
    if zone is MISSING:
        zone = _local_zone()
    return t + offset_at_utc(t, zone)


def utc_from_local(t: float, zone: Any = MISSING) -> float:
    if t != t or t in (math.inf, -math.inf):
        return NAN
    if zone is MISSING:
        zone = _local_zone()
    return t - offset_for_local(t, zone)


# ============================================================================ spec arithmetic

MS_PER_DAY = 86400000.0
MAX_TIME = 8.64e15


def _days_from_civil(y: int, m: int, d: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (m 1..12)."""
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(z: int) -> tuple[int, int, int]:
    z += 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + (3 if mp < 10 else -9)
    return y + (m <= 2), m, d


def _finite(*xs: float) -> bool:
    return all(x == x and x not in (math.inf, -math.inf) for x in xs)


def make_time(h: float, m: float, s: float, ms: float) -> float:
    if not _finite(h, m, s, ms):
        return NAN
    return (
        math.trunc(h) * 3600000.0
        + math.trunc(m) * 60000.0
        + math.trunc(s) * 1000.0
        + math.trunc(ms)
    )


def make_day(year: float, month: float, date: float) -> float:
    if not _finite(year, month, date):
        return NAN
    y, m, dt = math.trunc(year), math.trunc(month), math.trunc(date)
    ym = y + m // 12
    mn = m % 12
    if abs(ym) > 400000:
        return NAN
    return float(_days_from_civil(int(ym), int(mn) + 1, 1)) + dt - 1


def make_date(day: float, t: float) -> float:
    if not _finite(day, t):
        return NAN
    tv = day * MS_PER_DAY + t
    return tv if _finite(tv) else NAN


def time_clip(t: float) -> float:
    if not _finite(t) or abs(t) > MAX_TIME:
        return NAN
    return float(math.trunc(t)) + 0.0


class _Fields:
    """Broken-down time of a (finite) time value."""

    __slots__ = ("year", "month", "day", "weekday", "hour", "minute", "second", "ms")

    def __init__(self, t: float) -> None:
        days = math.floor(t / MS_PER_DAY)
        in_day = int(t - days * MS_PER_DAY)
        self.year, m, self.day = _civil_from_days(int(days))
        self.month = m - 1
        self.weekday = int((days + 4) % 7)
        self.hour = in_day // 3600000
        self.minute = in_day // 60000 % 60
        self.second = in_day // 1000 % 60
        self.ms = in_day % 1000


# ============================================================================ Date.parse

_KEYWORDS: dict[str, tuple[str, int]] = {
    "jan": ("month", 1), "feb": ("month", 2), "mar": ("month", 3), "apr": ("month", 4),
    "may": ("month", 5), "jun": ("month", 6), "jul": ("month", 7), "aug": ("month", 8),
    "sep": ("month", 9), "oct": ("month", 10), "nov": ("month", 11), "dec": ("month", 12),
    "am": ("ampm", 0), "pm": ("ampm", 12), "ut": ("tz", 0), "utc": ("tz", 0), "z": ("tz", 0),
    "gmt": ("tz", 0), "cdt": ("tz", -5), "cst": ("tz", -6), "edt": ("tz", -4),
    "est": ("tz", -5), "mdt": ("tz", -6), "mst": ("tz", -7), "pdt": ("tz", -7),
    "pst": ("tz", -8), "t": ("tsep", 0),
}
_WS_CHARS = frozenset(JS_WHITESPACE)
_NONE = None


class _Tok:
    __slots__ = ("kind", "value", "length", "sym", "kwtype")

    def __init__(self, kind: str, value: int = 0, length: int = 0, sym: str = "", kwtype: str = ""):
        self.kind = kind  # num sym kw ws unk end
        self.value = value
        self.length = length
        self.sym = sym
        self.kwtype = kwtype

    def is_sym(self, c: str) -> bool:
        return self.kind == "sym" and self.sym == c

    def is_num(self, length: int | None = None) -> bool:
        return self.kind == "num" and (length is None or self.length == length)

    def is_sign(self) -> bool:
        return self.kind == "sym" and self.sym in "+-"

    def is_kw_z(self) -> bool:
        return self.kind == "kw" and self.kwtype == "tz" and self.length == 1 and self.value == 0


def _tokenize(s: str) -> list[_Tok]:
    out = []
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if "0" <= c <= "9":
            j = i
            while j < n and "0" <= s[j] <= "9":
                j += 1
            digits = s[i:j].lstrip("0")[:9]
            out.append(_Tok("num", int(digits) if digits else 0, j - i))
            i = j
        elif c in ":-+.)":
            out.append(_Tok("sym", sym=c))
            i += 1
        elif c >= "A" and c not in _WS_CHARS:
            j = i
            while j < n and s[j] >= "A" and s[j] not in _WS_CHARS:
                j += 1
            word = s[i:j].lower()
            kw = _KEYWORDS.get(word[:3])
            if kw is not None and len(word) > 3 and kw[0] != "month":
                kw = None
            if kw is None:
                out.append(_Tok("kw", 0, j - i, kwtype="invalid"))
            else:
                out.append(_Tok("kw", kw[1], j - i, kwtype=kw[0]))
            i = j
        elif c in _WS_CHARS:
            j = i
            while j < n and s[j] in _WS_CHARS:
                j += 1
            out.append(_Tok("ws", length=j - i))
            i = j
        elif c == "(":
            depth = 0
            while i < n:
                if s[i] == "(":
                    depth += 1
                elif s[i] == ")":
                    depth -= 1
                    if depth == 0:
                        i += 1
                        break
                i += 1
            out.append(_Tok("unk"))
        else:
            out.append(_Tok("unk"))
            i += 1
    out.append(_Tok("end"))
    return out


class _Scanner:
    def __init__(self, s: str) -> None:
        self.toks = _tokenize(s)
        self.i = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def next(self) -> _Tok:
        t = self.toks[self.i]
        if t.kind != "end":
            self.i += 1
        return t

    def skip_sym(self, c: str) -> bool:
        if self.peek().is_sym(c):
            self.i += 1
            return True
        return False


class _Day:
    def __init__(self) -> None:
        self.comp: list[int] = []
        self.named_month: int | None = None
        self.iso = False

    def add(self, n: int) -> bool:
        if len(self.comp) == 3:
            return False
        self.comp.append(n)
        return True

    def write(self) -> tuple[int, int, int] | None:
        if not self.comp:
            return None
        comp = self.comp + [1] * (3 - len(self.comp))
        is_day = lambda x: 1 <= x <= 31
        year = 0
        if self.named_month is None:
            if self.iso or not is_day(comp[0]):
                year, month, day = comp
            else:
                month, day, year = comp
        else:
            month = self.named_month
            if not is_day(comp[0]):
                year, day = comp[0], comp[1]
            else:
                day, year = comp[0], comp[1]
        if not self.iso:
            if 0 <= year <= 49:
                year += 2000
            elif 50 <= year <= 99:
                year += 1900
        if not (1 <= month <= 12) or not is_day(day):
            return None
        return year, month - 1, day


class _Time:
    def __init__(self) -> None:
        self.comp: list[int] = []
        self.hour_offset: int | None = None

    def empty(self) -> bool:
        return not self.comp

    def expecting(self, n: int) -> bool:
        k = len(self.comp)
        return (k == 1 and 0 <= n <= 59) or (k == 2 and 0 <= n <= 59) or (k == 3 and 0 <= n <= 999)

    def add(self, n: int) -> bool:
        if len(self.comp) >= 4:
            return False
        self.comp.append(n)
        return True

    def add_final(self, n: int) -> bool:
        if not self.add(n):
            return False
        while len(self.comp) < 4:
            self.comp.append(0)
        return True

    def write(self) -> tuple[int, int, int, int] | None:
        h, m, s, ms = self.comp + [0] * (4 - len(self.comp))
        if self.hour_offset is not None:
            if not 0 <= h <= 12:
                return None
            h = h % 12 + self.hour_offset
        if not (0 <= h <= 23 and 0 <= m <= 59 and 0 <= s <= 59 and 0 <= ms <= 999):
            if h != 24 or m or s or ms:
                return None
        return h, m, s, ms


class _Zone:
    def __init__(self) -> None:
        self.sign: int | None = None
        self.hour: int | None = None
        self.minute: int | None = None

    def set(self, hours: int) -> None:
        self.sign = -1 if hours < 0 else 1
        self.hour = abs(hours)
        self.minute = 0

    def expecting(self, n: int) -> bool:
        return self.hour is not None and self.minute is None and 0 <= n <= 59

    def is_utc(self) -> bool:
        return self.hour == 0 and self.minute == 0

    def empty(self) -> bool:
        return self.hour is None

    def offset_seconds(self) -> int | None:
        if self.sign is None:
            return None
        total = (self.hour or 0) * 3600 + (self.minute or 0) * 60
        return -total if self.sign < 0 else total


def _read_ms(tok: _Tok) -> int:
    n, length = tok.value, tok.length
    if length == 1:
        return n * 100
    if length == 2:
        return n * 10
    if length > 3:
        length = min(length, 9)
        return n // 10 ** (length - 3)
    return n


_INVALID = _Tok("invalid")


def _parse_es5(sc: _Scanner, day: _Day, tm: _Time, tz: _Zone) -> _Tok:
    p = sc.peek()
    if p.is_sign():
        sign_tok = sc.next()
        if not sc.peek().is_num(6):
            return sign_tok
        sign = -1 if sign_tok.sym == "-" else 1
        year = sc.next().value
        if sign < 0 and year == 0:
            return sign_tok
        day.add(sign * year)
    elif p.is_num(4):
        day.add(sc.next().value)
    else:
        return sc.next()
    if sc.skip_sym("-"):
        if not sc.peek().is_num(2) or not 1 <= sc.peek().value <= 12:
            return sc.next()
        day.add(sc.next().value)
        if sc.skip_sym("-"):
            if not sc.peek().is_num(2) or not 1 <= sc.peek().value <= 31:
                return sc.next()
            day.add(sc.next().value)
    p = sc.peek()
    if not (p.kind == "kw" and p.kwtype == "tsep"):
        if p.kind != "end":
            return sc.next()
    else:
        sc.next()
        p = sc.peek()
        if not p.is_num(2) or not 0 <= p.value <= 24:
            return _INVALID
        hour_is_24 = p.value == 24
        tm.add(sc.next().value)
        if not sc.skip_sym(":"):
            return _INVALID
        p = sc.peek()
        if not p.is_num(2) or not 0 <= p.value <= 59 or (hour_is_24 and p.value > 0):
            return _INVALID
        tm.add(sc.next().value)
        if sc.skip_sym(":"):
            p = sc.peek()
            if not p.is_num(2) or not 0 <= p.value <= 59 or (hour_is_24 and p.value > 0):
                return _INVALID
            tm.add(sc.next().value)
            if sc.skip_sym("."):
                p = sc.peek()
                if not p.is_num() or (hour_is_24 and p.value > 0):
                    return _INVALID
                tm.add(_read_ms(sc.next()))
        p = sc.peek()
        if p.is_kw_z():
            sc.next()
            tz.set(0)
        elif p.is_sign():
            tz.sign = 1 if sc.next().sym == "+" else -1
            if sc.peek().is_num(4):
                hm = sc.next().value
                h, m = hm // 100, hm % 100
                if not (0 <= h <= 23 and 0 <= m <= 59):
                    return _INVALID
                tz.hour, tz.minute = h, m
            else:
                p = sc.peek()
                if not p.is_num(2) or not 0 <= p.value <= 23:
                    return _INVALID
                tz.hour = sc.next().value
                if not sc.skip_sym(":"):
                    return _INVALID
                p = sc.peek()
                if not p.is_num(2) or not 0 <= p.value <= 59:
                    return _INVALID
                tz.minute = sc.next().value
        if sc.peek().kind != "end":
            return _INVALID
    if tz.empty() and tm.empty():
        tz.set(0)
    day.iso = True
    return _Tok("end")


def parse_date(s: str) -> float:
    """Date.parse: a time value or NaN (V8's ISO + legacy parser)."""
    sc = _Scanner(s)
    day, tm, tz = _Day(), _Time(), _Zone()
    token = _parse_es5(sc, day, tm, tz)
    if token.kind == "invalid":
        return NAN
    has_read_number = bool(day.comp)
    while token.kind != "end":
        if token.kind == "num":
            has_read_number = True
            n = token.value
            if sc.skip_sym(":"):
                if sc.skip_sym(":"):
                    if not tm.empty():
                        return NAN
                    tm.add(n)
                    tm.add(0)
                else:
                    if not tm.add(n):
                        return NAN
                    if sc.peek().is_sym("."):
                        sc.next()
            elif sc.skip_sym(".") and tm.expecting(n):
                tm.add(n)
                if not sc.peek().is_num():
                    return NAN
                tm.add_final(_read_ms(sc.next()))
            elif tz.expecting(n):
                tz.minute = n
            elif tm.expecting(n):
                tm.add_final(n)
                p = sc.peek()
                if not (p.kind in ("end", "ws") or p.is_kw_z() or p.is_sign()):
                    return NAN
            else:
                if not day.add(n):
                    return NAN
                sc.skip_sym("-")
        elif token.kind == "kw":
            if token.kwtype == "ampm" and not tm.empty():
                tm.hour_offset = token.value
            elif token.kwtype == "month":
                day.named_month = token.value
                sc.skip_sym("-")
            elif token.kwtype == "tz" and has_read_number:
                tz.set(token.value)
            else:
                if has_read_number:
                    return NAN
                if sc.peek().kind == "num":
                    return NAN
        elif token.is_sign() and (tz.is_utc() or not tm.empty()):
            tz.sign = 1 if token.sym == "+" else -1
            n = length = 0
            if sc.peek().kind == "num":
                t2 = sc.next()
                n, length = t2.value, t2.length
            has_read_number = True
            if sc.peek().is_sym(":"):
                tz.hour = n
                tz.minute = None
            elif length in (1, 2):
                tz.hour, tz.minute = n, 0
            elif length in (3, 4):
                tz.hour, tz.minute = n // 100, n % 100
            else:
                return NAN
        elif (token.is_sign() or token.is_sym(")")) and has_read_number:
            return NAN
        token = sc.next()
    ymd = day.write()
    hms = tm.write()
    if ymd is None or hms is None:
        return NAN
    y, mo, d = ymd
    t = make_date(make_day(y, mo, d), make_time(*hms))
    off = tz.offset_seconds()
    if off is None:
        t = utc_from_local(t)
    else:
        t -= off * 1000.0
    return time_clip(t)


# ============================================================================ the Date object

class JSDate(JSObject):
    __slots__ = ("time",)
    class_name = "Date"

    def __init__(self, t: float) -> None:
        super().__init__()
        self.time = t

    def __repr__(self) -> str:
        return f"Date({_iso(self.time) if self.time == self.time else 'Invalid Date'})"


def date_from_time(t: float) -> JSDate:
    return JSDate(time_clip(t))


_DAY_NAMES = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _year_str(y: int) -> str:
    return f"-{-y:06d}" if y < 0 else (f"{y:04d}" if y <= 9999 else f"+{y:06d}")


def _iso(t: float) -> str:
    f = _Fields(t)
    return (
        f"{_year_str(f.year)}-{f.month + 1:02d}-{f.day:02d}T{f.hour:02d}:{f.minute:02d}:"
        f"{f.second:02d}.{f.ms:03d}Z"
    )


def _plain_year(y: int) -> str:
    return f"-{-y:04d}" if y < 0 else f"{y:04d}"


def _date_string(f: _Fields) -> str:
    return f"{_DAY_NAMES[f.weekday]} {_MONTH_NAMES[f.month]} {f.day:02d} {_plain_year(f.year)}"


def _offset_str(off_ms: float, colon: bool = False) -> str:
    total = int(off_ms / 60000)  # truncated, as V8 shows LMT offsets such as -4:56:02
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return f"{sign}{total // 60:02d}{':' if colon else ''}{total % 60:02d}"


def _time_string(t: float) -> str:
    zone = _local_zone()
    off = offset_at_utc(t, zone)
    f = _Fields(t + off)
    name = _zone_long_name(tz_var.get() or "UTC", t, off)
    return f"{f.hour:02d}:{f.minute:02d}:{f.second:02d} GMT{_offset_str(off)} ({name})"


def _to_string(t: float) -> str:
    if t != t:
        return "Invalid Date"
    zone = _local_zone()
    f = _Fields(t + offset_at_utc(t, zone))
    return _date_string(f) + " " + _time_string(t)


def _this_time(this: Any, method: str) -> float:
    if not isinstance(this, JSDate):
        type_error("this is not a Date object.")
    return this.time


def _arg(args: list, i: int) -> Any:
    return args[i] if len(args) > i else UNDEFINED


# ---------------------------------------------------------------- getters

def _getter(local: bool, part: str) -> Callable[[Any, list], Any]:
    def get(this: Any, args: list) -> Any:
        t = _this_time(this, part)
        if t != t:
            return NAN
        if local:
            t = local_time(t)
        f = _Fields(t)
        return float(getattr(f, part))

    return get


def _get_timezone_offset(this: Any, args: list) -> Any:
    t = _this_time(this, "getTimezoneOffset")
    if t != t:
        return NAN
    return (t - local_time(t)) / 60000.0


# ---------------------------------------------------------------- setters

def _nums(args: list, count: int) -> list[float]:
    return [to_number(a) for a in args[:count]]


def _setter(local: bool, part: str) -> Callable[[Any, list], Any]:
    """setFullYear / setMonth / setDate / setHours / ... (and their UTC variants)."""
    counts = {"year": 3, "month": 2, "day": 1, "hour": 4, "minute": 3, "second": 2, "ms": 1}

    def set_(this: Any, args: list) -> Any:
        t = _this_time(this, part)
        vals = _nums(args, counts[part]) or [NAN]
        if t != t:
            if part != "year":
                return NAN
            t = 0.0
        elif local:
            t = local_time(t)
        f = _Fields(t)
        y, mo, d = float(f.year), float(f.month), float(f.day)
        h, mi, s, ms = float(f.hour), float(f.minute), float(f.second), float(f.ms)
        order = ["year", "month", "day"] if part in ("year", "month", "day") else [
            "hour", "minute", "second", "ms"]
        start = order.index(part)
        current = {"year": y, "month": mo, "day": d, "hour": h, "minute": mi, "second": s,
                   "ms": ms}
        for name, v in zip(order[start:], vals):
            current[name] = v
        new = make_date(
            make_day(current["year"], current["month"], current["day"]),
            make_time(current["hour"], current["minute"], current["second"], current["ms"]),
        )
        if local:
            new = utc_from_local(new)
        this.time = time_clip(new)
        return this.time

    return set_


def _set_time(this: Any, args: list) -> Any:
    _this_time(this, "setTime")
    this.time = time_clip(to_number(_arg(args, 0)))
    return this.time


# ---------------------------------------------------------------- string forms

def _m_to_iso(this: Any, args: list) -> Any:
    t = _this_time(this, "toISOString")
    if t != t:
        range_error("Invalid time value")
    return _iso(t)


def _m_to_json(this: Any, args: list) -> Any:
    tv = to_primitive(this, "number")
    if type(tv) is float and not _finite(tv):
        return None
    fn = get_member(this, "toISOString")
    if not isinstance(fn, JSFunction):
        type_error("toISOString is not a function")
    return fn.call(this, [])


def _m_to_string(this: Any, args: list) -> Any:
    return _to_string(_this_time(this, "toString"))


def _m_to_date_string(this: Any, args: list) -> Any:
    t = _this_time(this, "toDateString")
    if t != t:
        return "Invalid Date"
    return _date_string(_Fields(local_time(t)))


def _m_to_time_string(this: Any, args: list) -> Any:
    t = _this_time(this, "toTimeString")
    if t != t:
        return "Invalid Date"
    return _time_string(t)


def _m_to_utc_string(this: Any, args: list) -> Any:
    t = _this_time(this, "toUTCString")
    if t != t:
        return "Invalid Date"
    f = _Fields(t)
    return (
        f"{_DAY_NAMES[f.weekday]}, {f.day:02d} {_MONTH_NAMES[f.month]} {_plain_year(f.year)} "
        f"{f.hour:02d}:{f.minute:02d}:{f.second:02d} GMT"
    )


def _m_value_of(this: Any, args: list) -> Any:
    return _this_time(this, "valueOf")


def _m_get_year(this: Any, args: list) -> Any:
    t = _this_time(this, "getYear")
    if t != t:
        return NAN
    return float(_Fields(local_time(t)).year - 1900)


def _locale_method(name: str, required: str, defaults: str) -> Callable[[Any, list], Any]:
    def method(this: Any, args: list) -> Any:
        t = _this_time(this, name)
        if t != t:
            return "Invalid Date"
        fmt = DateTimeFormat(_arg(args, 0), _arg(args, 1), required, defaults,
                             f"Date.prototype.{name}")
        return fmt.format(t)

    return method


define_methods(
    JSDate,
    getTime=_m_value_of,
    valueOf=_m_value_of,
    getFullYear=_getter(True, "year"),
    getMonth=_getter(True, "month"),
    getDate=_getter(True, "day"),
    getDay=_getter(True, "weekday"),
    getHours=_getter(True, "hour"),
    getMinutes=_getter(True, "minute"),
    getSeconds=_getter(True, "second"),
    getMilliseconds=_getter(True, "ms"),
    getUTCFullYear=_getter(False, "year"),
    getUTCMonth=_getter(False, "month"),
    getUTCDate=_getter(False, "day"),
    getUTCDay=_getter(False, "weekday"),
    getUTCHours=_getter(False, "hour"),
    getUTCMinutes=_getter(False, "minute"),
    getUTCSeconds=_getter(False, "second"),
    getUTCMilliseconds=_getter(False, "ms"),
    getYear=_m_get_year,
    getTimezoneOffset=_get_timezone_offset,
    setTime=_set_time,
    setFullYear=_setter(True, "year"),
    setMonth=_setter(True, "month"),
    setDate=_setter(True, "day"),
    setHours=_setter(True, "hour"),
    setMinutes=_setter(True, "minute"),
    setSeconds=_setter(True, "second"),
    setMilliseconds=_setter(True, "ms"),
    setUTCFullYear=_setter(False, "year"),
    setUTCMonth=_setter(False, "month"),
    setUTCDate=_setter(False, "day"),
    setUTCHours=_setter(False, "hour"),
    setUTCMinutes=_setter(False, "minute"),
    setUTCSeconds=_setter(False, "second"),
    setUTCMilliseconds=_setter(False, "ms"),
    toISOString=_m_to_iso,
    toJSON=_m_to_json,
    toString=_m_to_string,
    toDateString=_m_to_date_string,
    toTimeString=_m_to_time_string,
    toUTCString=_m_to_utc_string,
    toGMTString=_m_to_utc_string,
    toLocaleString=_locale_method("toLocaleString", "any", "all"),
    toLocaleDateString=_locale_method("toLocaleDateString", "date", "date"),
    toLocaleTimeString=_locale_method("toLocaleTimeString", "time", "time"),
)


# ---------------------------------------------------------------- the constructor

def _date_call(this: Any, args: list) -> Any:
    return _to_string(now_ms())


def _date_construct(args: list) -> Any:
    n = len(args)
    if n == 0:
        return JSDate(now_ms())
    if n == 1:
        v = args[0]
        if isinstance(v, JSDate):
            return JSDate(v.time)
        prim = to_primitive(v)
        if type(prim) is str:
            return JSDate(parse_date(prim))
        return JSDate(time_clip(to_number(prim)))
    return JSDate(time_clip(utc_from_local(_compose(args))))


def _compose(args: list) -> float:
    """MakeDate from (year, month[, date, hours, minutes, seconds, ms]) arguments."""
    nums = [to_number(a) for a in args[:7]]
    y = nums[0]
    m = nums[1] if len(nums) > 1 else 0.0
    d = nums[2] if len(nums) > 2 else 1.0
    h = nums[3] if len(nums) > 3 else 0.0
    mi = nums[4] if len(nums) > 4 else 0.0
    s = nums[5] if len(nums) > 5 else 0.0
    ms = nums[6] if len(nums) > 6 else 0.0
    if y == y:
        yi = to_integer_or_infinity(y)
        if 0 <= yi <= 99:
            y = 1900.0 + yi
    return make_date(make_day(y, m, d), make_time(h, mi, s, ms))


def _date_now(this: Any, args: list) -> Any:
    return now_ms()


def _date_parse(this: Any, args: list) -> Any:
    return parse_date(to_string(_arg(args, 0)))


def _date_utc(this: Any, args: list) -> Any:
    if not args:
        return NAN
    return time_clip(_compose(args))


DATE_CTOR = NativeFunction("Date", _date_call, 7, _date_construct)
DATE_CTOR.props["now"] = NativeFunction("now", _date_now, 0)
DATE_CTOR.props["parse"] = NativeFunction("parse", _date_parse, 1)
DATE_CTOR.props["UTC"] = NativeFunction("UTC", _date_utc, 7)


# ============================================================================ time zone names

# zone -> (standard long, daylight long, standard short, daylight short); "" short = GMT±h.
_EASTERN = ("Eastern Standard Time", "Eastern Daylight Time", "EST", "EDT")
_CENTRAL = ("Central Standard Time", "Central Daylight Time", "CST", "CDT")
_MOUNTAIN = ("Mountain Standard Time", "Mountain Daylight Time", "MST", "MDT")
_PACIFIC = ("Pacific Standard Time", "Pacific Daylight Time", "PST", "PDT")
_CET = ("Central European Standard Time", "Central European Summer Time", "", "")
_EET = ("Eastern European Standard Time", "Eastern European Summer Time", "", "")
_ZONE_NAMES: dict[str, tuple[str, str, str, str]] = {
    "America/New_York": _EASTERN, "America/Detroit": _EASTERN, "America/Toronto": _EASTERN,
    "America/Indiana/Indianapolis": _EASTERN, "America/Kentucky/Louisville": _EASTERN,
    "US/Eastern": _EASTERN, "EST5EDT": _EASTERN, "America/Montreal": _EASTERN,
    "America/Nassau": _EASTERN,
    "America/Chicago": _CENTRAL, "US/Central": _CENTRAL, "America/Winnipeg": _CENTRAL,
    "CST6CDT": _CENTRAL, "America/Mexico_City": _CENTRAL,
    "America/Denver": _MOUNTAIN, "US/Mountain": _MOUNTAIN, "America/Phoenix": _MOUNTAIN,
    "America/Edmonton": _MOUNTAIN, "America/Boise": _MOUNTAIN, "MST7MDT": _MOUNTAIN,
    "US/Arizona": _MOUNTAIN,
    "America/Los_Angeles": _PACIFIC, "US/Pacific": _PACIFIC, "America/Vancouver": _PACIFIC,
    "America/Tijuana": _PACIFIC, "PST8PDT": _PACIFIC,
    "America/Anchorage": ("Alaska Standard Time", "Alaska Daylight Time", "AKST", "AKDT"),
    "US/Alaska": ("Alaska Standard Time", "Alaska Daylight Time", "AKST", "AKDT"),
    "Pacific/Honolulu": ("Hawaii-Aleutian Standard Time", "Hawaii-Aleutian Daylight Time",
                         "HST", "HDT"),
    "US/Hawaii": ("Hawaii-Aleutian Standard Time", "Hawaii-Aleutian Daylight Time", "HST",
                  "HDT"),
    "America/Halifax": ("Atlantic Standard Time", "Atlantic Daylight Time", "AST", "ADT"),
    "America/Puerto_Rico": ("Atlantic Standard Time", "Atlantic Daylight Time", "AST", "ADT"),
    "America/St_Johns": ("Newfoundland Standard Time", "Newfoundland Daylight Time", "", ""),
    "America/Sao_Paulo": ("Brasilia Standard Time", "Brasilia Summer Time", "", ""),
    "America/Argentina/Buenos_Aires": ("Argentina Standard Time", "Argentina Summer Time",
                                       "", ""),
    "America/Bogota": ("Colombia Standard Time", "Colombia Summer Time", "", ""),
    "America/Lima": ("Peru Standard Time", "Peru Summer Time", "", ""),
    "America/Santiago": ("Chile Standard Time", "Chile Summer Time", "", ""),
    "America/Caracas": ("Venezuela Time", "Venezuela Time", "", ""),
    "Europe/London": ("Greenwich Mean Time", "British Summer Time", "GMT", ""),
    "Europe/Dublin": ("Greenwich Mean Time", "Irish Standard Time", "GMT", ""),
    "Atlantic/Reykjavik": ("Greenwich Mean Time", "Greenwich Mean Time", "GMT", "GMT"),
    "Europe/Lisbon": ("Western European Standard Time", "Western European Summer Time",
                      "GMT+0", ""),
    **{z: _CET for z in (
        "Europe/Paris", "Europe/Berlin", "Europe/Madrid", "Europe/Rome", "Europe/Amsterdam",
        "Europe/Brussels", "Europe/Vienna", "Europe/Zurich", "Europe/Stockholm", "Europe/Oslo",
        "Europe/Copenhagen", "Europe/Warsaw", "Europe/Prague", "Europe/Budapest",
        "Europe/Belgrade", "Europe/Luxembourg", "Europe/Monaco", "Europe/Malta", "CET",
    )},
    **{z: _EET for z in (
        "Europe/Athens", "Europe/Helsinki", "Europe/Kiev", "Europe/Kyiv", "Europe/Bucharest",
        "Europe/Sofia", "Europe/Riga", "Europe/Tallinn", "Europe/Vilnius", "Africa/Cairo", "EET",
    )},
    "Europe/Istanbul": ("Türkiye Standard Time", "Türkiye Summer Time", "", ""),
    "Europe/Moscow": ("Moscow Standard Time", "Moscow Summer Time", "", ""),
    "Africa/Johannesburg": ("South Africa Standard Time", "South Africa Standard Time", "", ""),
    "Africa/Lagos": ("West Africa Time", "West Africa Summer Time", "", ""),
    "Africa/Nairobi": ("East Africa Time", "East Africa Time", "", ""),
    "Asia/Dubai": ("Gulf Standard Time", "Gulf Standard Time", "", ""),
    "Asia/Riyadh": ("Arabian Standard Time", "Arabian Daylight Time", "", ""),
    "Asia/Karachi": ("Pakistan Standard Time", "Pakistan Summer Time", "", ""),
    "Asia/Kolkata": ("India Standard Time", "India Standard Time", "", ""),
    "Asia/Calcutta": ("India Standard Time", "India Standard Time", "", ""),
    "Asia/Dhaka": ("Bangladesh Standard Time", "Bangladesh Summer Time", "", ""),
    "Asia/Kathmandu": ("Nepal Time", "Nepal Time", "", ""),
    "Asia/Bangkok": ("Indochina Time", "Indochina Time", "", ""),
    "Asia/Ho_Chi_Minh": ("Indochina Time", "Indochina Time", "", ""),
    "Asia/Jakarta": ("Western Indonesia Time", "Western Indonesia Time", "", ""),
    "Asia/Singapore": ("Singapore Standard Time", "Singapore Standard Time", "", ""),
    "Asia/Kuala_Lumpur": ("Malaysia Time", "Malaysia Time", "", ""),
    "Asia/Manila": ("Philippine Standard Time", "Philippine Summer Time", "", ""),
    "Asia/Hong_Kong": ("Hong Kong Standard Time", "Hong Kong Summer Time", "", ""),
    "Asia/Shanghai": ("China Standard Time", "China Daylight Time", "", ""),
    "Asia/Taipei": ("Taiwan Standard Time", "Taiwan Daylight Time", "", ""),
    "Asia/Seoul": ("Korean Standard Time", "Korean Daylight Time", "", ""),
    "Asia/Tokyo": ("Japan Standard Time", "Japan Daylight Time", "", ""),
    "Asia/Jerusalem": ("Israel Standard Time", "Israel Daylight Time", "", ""),
    "Asia/Tehran": ("Iran Standard Time", "Iran Daylight Time", "", ""),
    "Australia/Sydney": ("Australian Eastern Standard Time", "Australian Eastern Daylight Time",
                         "", ""),
    "Australia/Melbourne": ("Australian Eastern Standard Time",
                            "Australian Eastern Daylight Time", "", ""),
    "Australia/Brisbane": ("Australian Eastern Standard Time",
                           "Australian Eastern Daylight Time", "", ""),
    "Australia/Adelaide": ("Australian Central Standard Time",
                           "Australian Central Daylight Time", "", ""),
    "Australia/Perth": ("Australian Western Standard Time", "Australian Western Daylight Time",
                        "", ""),
    "Pacific/Auckland": ("New Zealand Standard Time", "New Zealand Daylight Time", "", ""),
    "EST": ("Eastern Standard Time", "Eastern Standard Time", "EST", "EST"),
    "MST": ("Mountain Standard Time", "Mountain Standard Time", "MST", "MST"),
    "HST": ("Hawaii-Aleutian Standard Time", "Hawaii-Aleutian Standard Time", "HST", "HST"),
}


@functools.lru_cache(maxsize=512)
def _standard_offset(zone_name: str, year: int) -> float:
    zone = _zone(zone_name)
    y = min(max(year, 2), 9998)
    jan = datetime(y, 1, 15, 12, tzinfo=UTC).astimezone(zone)
    jul = datetime(y, 7, 15, 12, tzinfo=UTC).astimezone(zone)
    offs = [d.utcoffset() for d in (jan, jul)]
    return min(o.total_seconds() for o in offs if o is not None) * 1000.0


def _is_dst(zone_name: str, t: float, off: float) -> bool:
    if zone_name in _UTC_NAMES:
        return False
    try:
        year = _Fields(t).year
        return off > _standard_offset(zone_name, year)
    except KeyError:
        return False


def _gmt_offset_short(off: float) -> str:
    total = int(round(off / 60000))
    if total == 0:
        return "GMT"
    sign = "+" if total > 0 else "-"
    total = abs(total)
    h, m = divmod(total, 60)
    return f"GMT{sign}{h}" + (f":{m:02d}" if m else "")


def _gmt_offset_long(off: float) -> str:
    total = int(round(off / 60000))
    if total == 0:
        return "GMT"
    return "GMT" + _offset_str(off, colon=True)


def _zone_long_name(zone_name: str, t: float, off: float) -> str:
    if zone_name in _UTC_NAMES or zone_name.upper() == "UTC":
        return "Coordinated Universal Time"
    names = _ZONE_NAMES.get(zone_name)
    if names is None:
        return _gmt_offset_long(off)
    return names[1] if _is_dst(zone_name, t, off) else names[0]


def _zone_short_name(zone_name: str, t: float, off: float) -> str:
    if zone_name in _UTC_NAMES or zone_name.upper() == "UTC":
        return "UTC"
    names = _ZONE_NAMES.get(zone_name)
    if names is not None:
        short = names[3] if _is_dst(zone_name, t, off) else names[2]
        if short:
            return short
    return _gmt_offset_short(off)


# ============================================================================ locales

def _resolve_locale(locales: Any) -> str:
    """The first requested locale (canonical case), default en-US."""
    if locales is UNDEFINED or locales is None:
        if locales is None:
            type_error("Cannot convert undefined or null to object")
        return "en-US"
    if isinstance(locales, list):
        if not locales:
            return "en-US"
        locales = locales[0]
    if type(locales) is not str:
        if isinstance(locales, JSObject) or isinstance(locales, dict):
            return "en-US"
        type_error("Incorrect locale information provided")
    tag = locales.strip()
    if not tag or "_" in tag or not all(p.isalnum() for p in tag.split("-")):
        range_error("Incorrect locale information provided")
    parts = tag.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        if len(p) == 2 and p.isalpha():
            out.append(p.upper())
        elif len(p) == 4 and p.isalpha():
            out.append(p.title())
        else:
            out.append(p.lower())
    return "-".join(out)


def _lang(locale: str) -> str:
    return locale.split("-")[0]


def _option(options: Any, name: str, allowed: tuple[str, ...] | None = None,
            where: str = "Intl.DateTimeFormat") -> Any:
    if options is UNDEFINED or options is None:
        return UNDEFINED
    v = get_member(options, name)
    if v is UNDEFINED:
        return UNDEFINED
    if allowed is not None:
        if type(v) is bool:
            s = "true" if v else "false"
        else:
            s = to_string(v)
        if s not in allowed:
            range_error(f"Value {s} out of range for {where} options property {name}")
        return s
    return v


_LONG_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
}
_SHORT_MONTHS = {
    "en": _MONTH_NAMES,
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.",
           "Nov.", "Dez."),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."),
    "es": ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic"),
}
_LONG_DAYS = {  # Sunday first
    "en": ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"),
    "de": ("Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"),
    "fr": ("dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"),
    "es": ("domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"),
}
_SHORT_DAYS = {
    "en": _DAY_NAMES,
    "de": ("So.", "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa."),
    "fr": ("dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."),
    "es": ("dom", "lun", "mar", "mié", "jue", "vie", "sáb"),
}
_DATE_LOCALES = ("en-US", "en-GB", "de-DE", "fr-FR", "es-ES")


def _date_locale(locale: str) -> str:
    """The locale whose date patterns we use (en-US for anything we do not know)."""
    if locale in _DATE_LOCALES:
        return locale
    lang = _lang(locale)
    if lang == "en":
        if locale in ("en-GB", "en-IE", "en-NZ", "en-IN"):
            return "en-GB"
        return "en-US"
    for known in _DATE_LOCALES:
        if _lang(known) == lang and lang != "en":
            return known
    return "en-US"


_DATE_FIELDS = ("weekday", "year", "month", "day")
_TIME_FIELDS = ("dayPeriod", "hour", "minute", "second", "fractionalSecondDigits")


# ICU reports the older spelling of renamed zones (resolvedOptions().timeZone).
_ICU_ZONE_IDS = {
    "Asia/Kolkata": "Asia/Calcutta", "Asia/Ho_Chi_Minh": "Asia/Saigon",
    "Europe/Kyiv": "Europe/Kiev",
    "Asia/Kathmandu": "Asia/Katmandu", "America/Argentina/Buenos_Aires": "America/Buenos_Aires",
    "Asia/Yangon": "Asia/Rangoon", "America/Nuuk": "America/Godthab", "Atlantic/Faroe":
    "Atlantic/Faeroe", "America/Indiana/Indianapolis": "America/Indianapolis",
    "America/Kentucky/Louisville": "America/Louisville", "Pacific/Chuuk": "Pacific/Truk",
    "Pacific/Pohnpei": "Pacific/Ponape", "Etc/UTC": "UTC", "Etc/GMT": "UTC", "GMT": "UTC",
}


class DateTimeFormat:
    """A resolved Intl.DateTimeFormat (also behind Date.prototype.toLocale*String)."""

    def __init__(self, locales: Any, options: Any, required: str = "any",
                 defaults: str = "date", where: str = "Intl.DateTimeFormat") -> None:
        self.locale = _resolve_locale(locales)
        self.data_locale = _date_locale(self.locale)
        if options is not UNDEFINED and options is not None and type(options) in (
            str, float, bool
        ):
            options = UNDEFINED
        if options is None:
            type_error("Cannot convert undefined or null to object")
        o = options
        self.hour12 = _option(o, "hour12")
        self.hour_cycle = _option(o, "hourCycle", ("h11", "h12", "h23", "h24"), where)
        tz = _option(o, "timeZone")
        if tz is UNDEFINED:
            self.time_zone = tz_var.get() or "UTC"
            try:
                _zone(self.time_zone)
            except KeyError:
                self.time_zone = "UTC"
        else:
            name = _canonical_zone(to_string(tz))
            if name is None:
                range_error(f"Invalid time zone specified: {to_string(tz)}")
            self.time_zone = name
        self.weekday = _option(o, "weekday", ("narrow", "short", "long"), where)
        self.era = _option(o, "era", ("narrow", "short", "long"), where)
        self.year = _option(o, "year", ("2-digit", "numeric"), where)
        self.month = _option(o, "month", ("2-digit", "numeric", "narrow", "short", "long"), where)
        self.day = _option(o, "day", ("2-digit", "numeric"), where)
        self.day_period = _option(o, "dayPeriod", ("narrow", "short", "long"), where)
        self.hour = _option(o, "hour", ("2-digit", "numeric"), where)
        self.minute = _option(o, "minute", ("2-digit", "numeric"), where)
        self.second = _option(o, "second", ("2-digit", "numeric"), where)
        fsd = _option(o, "fractionalSecondDigits")
        if fsd is not UNDEFINED:
            n = to_number(fsd)
            if not (n == n and 1 <= n <= 3):
                range_error("fractionalSecondDigits value is out of range.")
            fsd = int(n)
        self.fsd = fsd
        self.tz_name = _option(
            o, "timeZoneName",
            ("short", "long", "shortOffset", "longOffset", "shortGeneric", "longGeneric"), where,
        )
        self.date_style = _option(o, "dateStyle", ("full", "long", "medium", "short"), where)
        self.time_style = _option(o, "timeStyle", ("full", "long", "medium", "short"), where)
        self.styled = self.date_style is not UNDEFINED or self.time_style is not UNDEFINED
        if self.styled:
            for name in ("weekday", "era", "year", "month", "day", "hour", "minute", "second",
                         "fsd", "tz_name", "day_period"):
                if getattr(self, name) is not UNDEFINED:
                    label = {"fsd": "fractionalSecondDigits", "tz_name": "timeZoneName",
                             "day_period": "dayPeriod"}.get(name, name)
                    style = "dateStyle" if self.date_style is not UNDEFINED else "timeStyle"
                    type_error(f"Can't set option {label} when {style} is used")
            if required == "date" and self.date_style is UNDEFINED:
                type_error("Invalid option : timeStyle")
            if required == "time" and self.time_style is UNDEFINED:
                type_error("Invalid option : dateStyle")
            self._apply_styles()
        else:
            need = True
            if required in ("date", "any") and any(
                getattr(self, f) is not UNDEFINED for f in _DATE_FIELDS
            ):
                need = False
            if required in ("time", "any") and (
                any(getattr(self, f) is not UNDEFINED for f in ("day_period", "hour", "minute",
                                                                "second"))
                or self.fsd is not UNDEFINED
            ):
                need = False
            if need and defaults in ("date", "all"):
                self.year = self.month = self.day = "numeric"
            if need and defaults in ("time", "all"):
                self.hour = self.minute = self.second = "numeric"
        self._resolve_hour_cycle()

    def _apply_styles(self) -> None:
        ds, ts = self.date_style, self.time_style
        if ds is not UNDEFINED:
            self.year = "numeric" if ds != "short" else "2-digit"
            self.month = {"full": "long", "long": "long", "medium": "short", "short": "numeric"}[ds]
            self.day = "numeric"
            if ds == "full":
                self.weekday = "long"
        if ts is not UNDEFINED:
            self.hour = "numeric"
            self.minute = "2-digit"
            if ts != "short":
                self.second = "2-digit"
            if ts == "full":
                self.tz_name = "long"
            elif ts == "long":
                self.tz_name = "short"

    def _resolve_hour_cycle(self) -> None:
        # The locale's default cycle; hour12 picks the matching 12/24 variant (ECMA-402 as
        # V8 implements it: en-US + hour12:false is h24, en-GB + hour12:true is h11).
        default = "h12" if self.data_locale == "en-US" else "h23"
        if self.hour12 is not UNDEFINED:
            h12 = self.hour12 if type(self.hour12) is bool else bool(to_string(self.hour12))
            if h12:
                self.cycle = "h11" if default in ("h11", "h23") else "h12"
            else:
                self.cycle = "h23" if default in ("h11", "h23") else "h24"
        elif self.hour_cycle is not UNDEFINED:
            self.cycle = self.hour_cycle
        else:
            self.cycle = default

    # ------------------------------------------------------------ formatting
    def format(self, t: float) -> str:
        return "".join(v for _, v in self.parts(t)).replace("\u202f", " ")

    def parts(self, t: float) -> list[tuple[str, str]]:
        if t != t:
            range_error("Invalid time value")
        try:
            zone = _zone(self.time_zone)
        except KeyError:
            zone = None
        off = offset_at_utc(t, zone)
        f = _Fields(t + off)
        date_parts = self._date_parts(f)
        time_parts = self._time_parts(f, t, off)
        if date_parts and time_parts:
            return date_parts + [("literal", self._joiner(date_parts))] + time_parts
        return date_parts or time_parts

    def _joiner(self, date_parts: list[tuple[str, str]]) -> str:
        loc = self.data_locale
        if loc == "en-US" or loc == "en-GB":
            if self.date_style in ("full", "long") or (
                self.date_style is UNDEFINED and self.month == "long"
            ):
                return " at "
            if [k for k, _ in date_parts] == ["weekday"]:
                return " "
            return ", "
        if loc == "de-DE":
            if self.date_style in ("full", "long") or self.month == "long":
                return " um "
            return ", "
        if loc == "fr-FR":
            if self.date_style in ("full", "long") or self.month == "long":
                return " à "
            if self.month in ("short", "narrow") or self.date_style == "medium":
                return ", "
            return " "
        if loc == "es-ES":
            if self.weekday is UNDEFINED and (
                self.date_style == "long" or (self.date_style is UNDEFINED and self.month == "long")
            ):
                return " a las "
            return ", "
        return ", "

    def _date_parts(self, f: _Fields) -> list[tuple[str, str]]:
        lang = _lang(self.data_locale)
        loc = self.data_locale
        W = Y = M = D = None
        if self.weekday is not UNDEFINED:
            names = _LONG_DAYS[lang] if self.weekday == "long" else _SHORT_DAYS[lang]
            W = names[f.weekday]
            if self.weekday == "narrow":
                W = _LONG_DAYS[lang][f.weekday][0].upper()
        if self.year is not UNDEFINED:
            Y = str(f.year) if self.year == "numeric" else f"{f.year % 100:02d}"
            if f.year <= 0 and self.year == "numeric":
                Y = str(1 - f.year)
        text_month = self.month in ("long", "short", "narrow")
        if self.month is not UNDEFINED:
            if self.month == "long":
                M = _LONG_MONTHS[lang][f.month]
            elif self.month == "short":
                M = _SHORT_MONTHS[lang][f.month]
            elif self.month == "narrow":
                M = _LONG_MONTHS[lang][f.month][0].upper()
            elif self.month == "2-digit":
                M = f"{f.month + 1:02d}"
            else:
                M = str(f.month + 1)
        if self.day is not UNDEFINED:
            D = f"{f.day:02d}" if self.day == "2-digit" else str(f.day)
        if loc != "en-US" and not text_month and M is not None and self.date_style is UNDEFINED:
            # Numeric day/month in en-GB and fr-FR are two digits (dd/MM/y).
            if loc in ("en-GB", "fr-FR") and self.month == "numeric":
                M = f"{f.month + 1:02d}"
                if D is not None:
                    D = f"{f.day:02d}"
        if self.date_style is not UNDEFINED and loc != "en-US" and not text_month:
            if loc in ("en-GB", "fr-FR"):
                M, D = f"{f.month + 1:02d}", f"{f.day:02d}"
                if self.date_style == "short" and loc in ("en-GB", "fr-FR"):
                    Y = str(f.year)
            elif loc == "de-DE":
                M, D = f"{f.month + 1:02d}", f"{f.day:02d}"
        if self.date_style == "medium" and loc == "de-DE":
            M, D, Y = f"{f.month + 1:02d}", f"{f.day:02d}", str(f.year)
            text_month = False
        P: list[tuple[str, str]] = []

        def lit(s: str) -> None:
            P.append(("literal", s))

        if loc == "en-US":
            if text_month:
                if D is not None and Y is not None:
                    seq = [("month", M), ("literal", " "), ("day", D), ("literal", ", "),
                           ("year", Y)]
                elif D is not None:
                    seq = [("month", M), ("literal", " "), ("day", D)]
                elif Y is not None:
                    seq = [("month", M), ("literal", " "), ("year", Y)]
                else:
                    seq = [("month", M)]
                if W is not None:
                    if D is not None:
                        return [("weekday", W), ("literal", ", ")] + seq
                    return seq + [("literal", " "), ("weekday", W)]
                return seq
            if M is not None:
                seq = []
                for kind, v in (("month", M), ("day", D), ("year", Y)):
                    if v is not None:
                        if seq:
                            seq.append(("literal", "/"))
                        seq.append((kind, v))
                if W is not None:
                    return [("weekday", W), ("literal", ", ")] + seq
                return seq
            # No month.
            present = [(k, v) for k, v in (("year", Y), ("day", D), ("weekday", W)) if v]
            if len(present) == 2 and present[0][0] == "year" and present[1][0] == "day":
                return [("year", Y), ("literal", " (day: "), ("day", D), ("literal", ")")]
            if D is not None and W is not None and Y is None:
                return [("day", D), ("literal", " "), ("weekday", W)]
            for i, (k, v) in enumerate(present):
                if i:
                    lit(" ")
                P.append((k, v))
            return P
        # Other locales: day month year order.
        if text_month:
            if loc == "de-DE":
                seq = []
                if D is not None:
                    seq += [("day", D), ("literal", ". ")]
                seq.append(("month", M))
                if Y is not None:
                    seq += [("literal", " "), ("year", Y)]
            elif loc == "es-ES":
                sep = " de " if self.month == "long" else " "
                seq = []
                if D is not None:
                    seq += [("day", D), ("literal", sep)]
                seq.append(("month", M))
                if Y is not None:
                    seq += [("literal", sep), ("year", Y)]
            else:
                seq = []
                if D is not None:
                    seq += [("day", D), ("literal", " ")]
                seq.append(("month", M))
                if Y is not None:
                    seq += [("literal", " "), ("year", Y)]
            if W is not None:
                sep = ", "
                if loc == "fr-FR" or (loc == "en-GB" and Y is None):
                    sep = " "
                return [("weekday", W), ("literal", sep)] + seq
            return seq
        if M is not None:
            sep = "." if loc == "de-DE" else "/"
            seq = []
            for kind, v in (("day", D), ("month", M), ("year", Y)):
                if v is not None:
                    if seq:
                        seq.append(("literal", sep))
                    seq.append((kind, v))
            if W is not None:
                return [("weekday", W), ("literal", ", ")] + seq
            return seq
        present = [(k, v) for k, v in (("weekday", W), ("day", D), ("year", Y)) if v]
        for i, (k, v) in enumerate(present):
            if i:
                lit(" ")
            P.append((k, v))
        return P

    def _time_parts(self, f: _Fields, t: float, off: float) -> list[tuple[str, str]]:
        P: list[tuple[str, str]] = []
        has_h = self.hour is not UNDEFINED
        has_m = self.minute is not UNDEFINED
        has_s = self.second is not UNDEFINED
        has_f = self.fsd is not UNDEFINED
        twelve = self.cycle in ("h11", "h12")
        if has_h:
            h = f.hour
            if self.cycle == "h12":
                h = h % 12 or 12
            elif self.cycle == "h11":
                h = h % 12
            elif self.cycle == "h24":
                h = h or 24
            if twelve:
                hs = f"{h:02d}" if self.hour == "2-digit" else str(h)
            else:
                # ICU's 24-hour skeletons: es pads only "2-digit"; en-GB/de/fr pad unless
                # the options ask for a numeric hour with a 2-digit minute; en-US always pads.
                if self.data_locale == "es-ES":
                    pad = self.hour == "2-digit"
                elif self.data_locale == "en-US":
                    pad = True
                else:
                    pad = self.styled or not (self.hour == "numeric" and self.minute == "2-digit")
                hs = f"{h:02d}" if pad else str(h)
            P.append(("hour", hs))
            if has_m:
                P += [("literal", ":"), ("minute", f"{f.minute:02d}")]
            if has_s:
                if not has_m:
                    P += [("literal", ":"), ("minute", f"{f.minute:02d}")]
                P += [("literal", ":"), ("second", f"{f.second:02d}")]
                if has_f:
                    P += [("literal", "."), ("fractionalSecond", f"{f.ms:03d}"[: self.fsd])]
            if twelve:
                period = "AM" if f.hour < 12 else "PM"
                if self.data_locale == "en-GB":
                    period = period.lower()
                # ICU puts U+202F before the day period; format() shows a space (as V8 does).
                P += [("literal", "\u202f"), ("dayPeriod", period)]
            elif self.data_locale == "de-DE" and not has_m:
                P.append(("literal", " Uhr"))
            elif self.data_locale == "fr-FR" and not has_m:
                P.append(("literal", " h"))
        elif has_m or has_s or has_f:
            if has_m and has_s:
                P += [("minute", f"{f.minute:02d}"), ("literal", ":"),
                      ("second", f"{f.second:02d}")]
            elif has_m:
                P.append(("minute", str(f.minute)))
            elif has_s:
                P.append(("second", str(f.second)))
            if has_f:
                if has_s:
                    P += [("literal", "."), ("fractionalSecond", f"{f.ms:03d}"[: self.fsd])]
                else:
                    P.append(("fractionalSecond", f"{f.ms:03d}"[: self.fsd]))
        if self.tz_name is not UNDEFINED:
            name = self._tz_display(t, off)
            if P:
                P.append(("literal", " "))
            P.append(("timeZoneName", name))
        return P

    def _tz_display(self, t: float, off: float) -> str:
        kind = self.tz_name
        if kind in ("long", "longGeneric"):
            return _zone_long_name(self.time_zone, t, off)
        if kind == "shortOffset":
            return _gmt_offset_short(off) if round(off / 60000) else "GMT+0"
        if kind == "longOffset":
            return _gmt_offset_long(off) if round(off / 60000) else "GMT+00:00"
        return _zone_short_name(self.time_zone, t, off)

    def resolved_options(self) -> dict:
        out: dict[str, Any] = {
            "locale": self.locale,
            "calendar": "gregory",
            "numberingSystem": "latn",
            "timeZone": _ICU_ZONE_IDS.get(self.time_zone, self.time_zone),
        }
        if self.hour is not UNDEFINED:
            out["hourCycle"] = self.cycle
            out["hour12"] = self.cycle in ("h11", "h12")
        for key, attr in (("weekday", "weekday"), ("era", "era"), ("year", "year"),
                          ("month", "month"), ("day", "day"), ("hour", "hour"),
                          ("minute", "minute"), ("second", "second"),
                          ("timeZoneName", "tz_name")):
            v = getattr(self, attr)
            if v is not UNDEFINED and self.date_style is UNDEFINED and (
                self.time_style is UNDEFINED
            ):
                if key in ("minute", "second") and v == "numeric" and self.hour is not UNDEFINED:
                    v = "2-digit"
                out[key] = v
        if self.date_style is not UNDEFINED:
            out["dateStyle"] = self.date_style
        if self.time_style is not UNDEFINED:
            out["timeStyle"] = self.time_style
        return out


def format_date_locale(t: float, locales: Any = UNDEFINED, options: Any = UNDEFINED,
                       required: str = "any", defaults: str = "all") -> str:
    """Date.prototype.toLocaleString(locales, options) for a time value."""
    if t != t:
        return "Invalid Date"
    return DateTimeFormat(locales, options, required, defaults).format(t)


# ============================================================================ NumberFormat

_CURRENCY_DIGITS = {"JPY": 0, "KRW": 0, "CLP": 0, "VND": 0, "ISK": 0, "HUF": 2, "TWD": 2,
                    "BHD": 3, "KWD": 3, "JOD": 3, "OMR": 3, "TND": 3, "IQD": 0, "UGX": 0,
                    "XAF": 0, "XOF": 0, "PYG": 0, "RWF": 0}
_CURRENCY_SYMBOLS = {
    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CAD": "CA$", "AUD": "A$", "INR": "₹",
    "CNY": "CN¥", "MXN": "MX$", "BRL": "R$", "KRW": "₩", "NZD": "NZ$", "HKD": "HK$",
    "TWD": "NT$", "ILS": "₪", "VND": "₫", "XAF": "FCFA", "XOF": "F\u202fCFA", "PHP": "₱",
}
_CURRENCY_NAMES = {
    "USD": ("US dollar", "US dollars"), "EUR": ("euro", "euros"),
    "GBP": ("British pound", "British pounds"), "JPY": ("Japanese yen", "Japanese yen"),
    "CAD": ("Canadian dollar", "Canadian dollars"),
    "AUD": ("Australian dollar", "Australian dollars"),
    "INR": ("Indian rupee", "Indian rupees"), "CHF": ("Swiss franc", "Swiss francs"),
    "CNY": ("Chinese yuan", "Chinese yuan"), "MXN": ("Mexican peso", "Mexican pesos"),
    "BRL": ("Brazilian real", "Brazilian reals"),
}
# Per-locale symbol overrides (what ICU shows for a foreign currency).
_LOCALE_SYMBOLS = {
    "en-GB": {"USD": "US$"}, "en-CA": {"USD": "US$", "CAD": "$"},
    "en-AU": {"USD": "USD", "AUD": "$"}, "en-IN": {},
    "de": {}, "fr": {"USD": "$US"}, "es": {"USD": "US$"}, "it": {"USD": "USD"},
    "nl": {"USD": "US$"}, "pt": {"USD": "US$"}, "ja": {"JPY": "￥"},
}

# lang -> (decimal, group, min grouping digits, currency pattern, percent sign)
# currency pattern: "pre" = ¤n, "post" = n ¤ (nbsp), "pre_space" = ¤ n (nbsp)
_NUM_LOCALES = {
    "en": (".", ",", 1, "pre", "%"),
    "de": (",", ".", 1, "post", "\u00a0%"),
    "fr": (",", "\u202f", 1, "post", "\u00a0%"),
    "es": (",", ".", 2, "post", "\u00a0%"),
    "it": (",", ".", 2, "post", "%"),
    "nl": (",", ".", 1, "pre_space", "%"),
    "pt": (",", ".", 1, "pre_space", "%"),
    "ja": (".", ",", 1, "pre", "%"),
    "ru": (",", "\u00a0", 1, "post", "\u00a0%"),
    "pl": (",", "\u00a0", 2, "post", "\u00a0%"),
    "sv": (",", "\u00a0", 1, "post", "\u00a0%"),
}
_INDIAN_GROUPING = ("en-IN", "hi-IN")
# Enough digits for the largest double (309 integer digits) at 100 fraction digits.
_NUM_CTX = Context(prec=450)

_COMPACT_SHORT = ((12, "T"), (9, "B"), (6, "M"), (3, "K"))
_COMPACT_LONG = ((12, " trillion"), (9, " billion"), (6, " million"), (3, " thousand"))

_UNITS = {
    # unit: (short, long singular, long plural, narrow)
    "kilometer": ("km", "kilometer", "kilometers", "km"),
    "meter": ("m", "meter", "meters", "m"),
    "centimeter": ("cm", "centimeter", "centimeters", "cm"),
    "mile": ("mi", "mile", "miles", "mi"),
    "foot": ("ft", "foot", "feet", "′"),
    "inch": ("in", "inch", "inches", "″"),
    "kilogram": ("kg", "kilogram", "kilograms", "kg"),
    "gram": ("g", "gram", "grams", "g"),
    "pound": ("lb", "pound", "pounds", "lb"),
    "liter": ("L", "liter", "liters", "L"),
    "percent": ("%", "percent", "percent", "%"),
    "second": ("sec", "second", "seconds", "s"),
    "minute": ("min", "minute", "minutes", "m"),
    "hour": ("hr", "hour", "hours", "h"),
    "day": ("day", "day", "days", "d"),
    "week": ("wk", "week", "weeks", "w"),
    "month": ("mth", "month", "months", "m"),
    "year": ("yr", "year", "years", "y"),
    "byte": ("byte", "byte", "bytes", "B"),
    "kilobyte": ("kB", "kilobyte", "kilobytes", "kB"),
    "megabyte": ("MB", "megabyte", "megabytes", "MB"),
    "gigabyte": ("GB", "gigabyte", "gigabytes", "GB"),
    "celsius": ("°C", "degree Celsius", "degrees Celsius", "°C"),
    "fahrenheit": ("°F", "degree Fahrenheit", "degrees Fahrenheit", "°"),
    "kilometer-per-hour": ("km/h", "kilometer per hour", "kilometers per hour", "km/h"),
    "mile-per-hour": ("mph", "mile per hour", "miles per hour", "mph"),
}
_UNIT_SPACE_SHORT = {"percent": "", "celsius": "", "fahrenheit": ""}


def _digits_option(options: Any, name: str, lo: int, hi: int, default: int | None) -> int | None:
    v = _option(options, name)
    if v is UNDEFINED:
        return default
    n = to_number(v)
    if n != n or n < lo or n > hi:
        range_error(f"{name} value is out of range.")
    return int(math.floor(n))


def _round_decimal(d: Decimal, frac: int) -> Decimal:
    return d.quantize(Decimal(1).scaleb(-frac), rounding=ROUND_HALF_UP)


def _round_significant(d: Decimal, sig: int) -> Decimal:
    if d == 0:
        return d
    exp = d.adjusted()
    return _round_decimal(d, sig - 1 - exp) if sig - 1 - exp >= 0 else d.quantize(
        Decimal(1).scaleb(exp - sig + 1), rounding=ROUND_HALF_UP)


def _group(int_digits: str, sep: str, min_grouping: int, indian: bool) -> str:
    if len(int_digits) < 4 or len(int_digits) < 3 + min_grouping:
        return int_digits
    if indian:
        head, tail = int_digits[:-3], int_digits[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        return sep.join(groups + [tail])
    groups = []
    while len(int_digits) > 3:
        groups.insert(0, int_digits[-3:])
        int_digits = int_digits[:-3]
    groups.insert(0, int_digits)
    return sep.join(groups)


class NumberFormat:
    def __init__(self, locales: Any, options: Any, where: str = "Intl.NumberFormat") -> None:
        self.locale = _resolve_locale(locales)
        if options is None:
            type_error(f"{where} called on null or undefined")
        if type(options) in (str, float, bool):
            options = UNDEFINED
        o = options
        lang = _lang(self.locale)
        self.lang = lang if lang in _NUM_LOCALES else "en"
        self.style = (
            _num_opt(o, "style", ("decimal", "percent", "currency", "unit"), where) or "decimal"
        )
        cur = _option(o, "currency")
        self.currency = None if cur is UNDEFINED else to_string(cur).upper()
        if self.currency is not None and (len(self.currency) != 3 or not self.currency.isalpha()):
            range_error(f"Invalid currency code : {to_string(cur)}")
        if self.style == "currency" and self.currency is None:
            type_error("Currency code is required with currency style.")
        self.currency_display = (
            _num_opt(o, "currencyDisplay", ("code", "symbol", "narrowSymbol", "name"), where)
            or "symbol"
        )
        self.currency_sign = (
            _num_opt(o, "currencySign", ("standard", "accounting"), where) or "standard"
        )
        unit = _option(o, "unit")
        self.unit = None if unit is UNDEFINED else to_string(unit)
        if self.style == "unit" and self.unit is None:
            range_error(f"Invalid unit argument for {where}() ''")
        self.unit_display = (
            _num_opt(o, "unitDisplay", ("short", "narrow", "long"), where) or "short"
        )
        self.notation = (
            _num_opt(o, "notation", ("standard", "scientific", "engineering", "compact"), where)
            or "standard"
        )
        self.compact_display = _num_opt(o, "compactDisplay", ("short", "long"), where) or "short"
        self.min_int = _digits_option(o, "minimumIntegerDigits", 1, 21, 1) or 1
        if self.style == "currency":
            cd = _CURRENCY_DIGITS.get(self.currency or "", 2)
            dmin, dmax = cd, cd
        elif self.style == "percent":
            dmin, dmax = 0, 0
        else:
            dmin, dmax = 0, 3
        min_sig = _option(o, "minimumSignificantDigits")
        max_sig = _option(o, "maximumSignificantDigits")
        self.sig: tuple[int, int] | None = None
        if min_sig is not UNDEFINED or max_sig is not UNDEFINED:
            mn = _digits_option(o, "minimumSignificantDigits", 1, 21, 1) or 1
            mx = _digits_option(o, "maximumSignificantDigits", mn, 21, 21) or 21
            self.sig = (mn, mx)
        min_fd = _digits_option(o, "minimumFractionDigits", 0, 100, None)
        max_fd = _digits_option(o, "maximumFractionDigits", 0, 100, None)
        self.compact_rounding = (
            self.notation == "compact" and self.sig is None and min_fd is None and max_fd is None
        )
        if min_fd is None and max_fd is None:
            self.frac = (dmin, dmax)
        elif min_fd is None:
            self.frac = (min(dmin, max_fd), max_fd)  # type: ignore[arg-type]
        elif max_fd is None:
            self.frac = (min_fd, max(dmax, min_fd))
        else:
            if min_fd > max_fd:
                range_error("maximumFractionDigits value is out of range.")
            self.frac = (min_fd, max_fd)
        grouping = _option(o, "useGrouping")
        if grouping is UNDEFINED:
            self.grouping = "min2" if self.notation == "compact" else "auto"
        elif grouping is False or grouping == "false":
            self.grouping = "off"
        elif grouping in ("min2", "always", "auto"):
            self.grouping = grouping
        else:
            self.grouping = "auto" if to_string(grouping) not in ("", "false") else "off"
        self.sign_display = (
            _num_opt(
                o, "signDisplay", ("auto", "never", "always", "exceptZero", "negative"), where
            )
            or "auto"
        )

    # ------------------------------------------------------------------
    def _digits(self, d: Decimal) -> str:
        """Rounded absolute value as a digit string with '.' (no grouping)."""
        if self.sig is not None:
            mn, mx = self.sig
            if d == 0:
                return "0" + ("." + "0" * (mn - 1) if mn > 1 else "")
            ip, _, fp = _plain(_round_significant(d, mx)).partition(".")
            fp = fp.rstrip("0")
            have = len((ip + fp).lstrip("0"))
            if have < mn:
                fp += "0" * (mn - have)
            return ip + ("." + fp if fp else "")
        mn, mx = self.frac
        r = _round_decimal(d, mx)
        s = _plain(r)
        ip, _, fp = s.partition(".")
        fp = fp.rstrip("0")
        if len(fp) < mn:
            fp += "0" * (mn - len(fp))
        return ip + ("." + fp if fp else "")

    def format(self, x: float) -> str:
        return "".join(v for _, v in self.parts(x))

    def parts(self, x: float) -> list[tuple[str, str]]:
        with localcontext(_NUM_CTX):
            return self._parts(x)

    def _parts(self, x: float) -> list[tuple[str, str]]:
        dec, grp, min_grouping, cur_pattern, pct = _NUM_LOCALES[self.lang]
        negative = x < 0 or (x == 0 and math.copysign(1.0, x) < 0)
        if x != x:
            body, is_zero = "NaN", False
        elif x in (math.inf, -math.inf):
            body, is_zero = "∞", False
        else:
            d = Decimal(repr(abs(x)))
            if self.style == "percent":
                d = d * 100
            suffix = ""
            exp_suffix = ""
            if self.notation == "compact":
                table = _COMPACT_LONG if self.compact_display == "long" else _COMPACT_SHORT
                if self.compact_rounding:
                    d, suffix = self._compact(d, table)
                else:
                    powers = [(0, "")] + [(p, n) for p, n in reversed(table)]
                    k = 0
                    while k + 1 < len(powers) and d >= Decimal(10) ** powers[k + 1][0]:
                        k += 1
                    while k + 1 < len(powers) and Decimal(
                        self._digits(d.scaleb(-powers[k][0]))
                    ) >= 1000:
                        k += 1
                    d = d.scaleb(-powers[k][0])
                    suffix = powers[k][1]
            elif self.notation in ("scientific", "engineering") and d != 0:
                e = d.adjusted()
                if self.notation == "engineering":
                    e -= e % 3
                d = d.scaleb(-e)
                exp_suffix = f"E{e}"
            elif self.notation in ("scientific", "engineering"):
                exp_suffix = "E0"
            if self.compact_rounding and self.notation == "compact":
                digits = _plain(d)
            else:
                digits = self._digits(d)
            ip, _, fp = digits.partition(".")
            if len(ip) < self.min_int:
                ip = "0" * (self.min_int - len(ip)) + ip
            is_zero = not any(c in "123456789" for c in ip + fp)
            if self.grouping != "off":
                mg = 2 if self.grouping == "min2" else min_grouping
                if self.grouping == "always":
                    mg = 1
                ip = _group(ip, grp, mg, self.locale in _INDIAN_GROUPING)
            body = ip + (dec + fp if fp else "") + exp_suffix + suffix
        sign = ""
        sd = self.sign_display
        if sd == "auto":
            sign = "-" if negative else ""
        elif sd == "always":
            sign = "-" if negative else "+"
        elif sd == "exceptZero":
            sign = "" if is_zero else ("-" if negative else "+")
        elif sd == "negative":
            sign = "-" if negative and not is_zero else ""
        if x != x:
            sign = ""
        out: list[tuple[str, str]] = []
        if self.style == "currency":
            code = self.currency or "USD"
            if self.currency_display == "name":
                one, many = _CURRENCY_NAMES.get(code, (code, code))
                name = one if body == "1" else many
                return [("minusSign", sign)] * bool(sign) + [*_number_parts(body, dec, grp),
                                                              ("literal", " "),
                                                              ("currency", name)]
            if self.currency_display == "code":
                symbol = code
            else:
                overrides = _LOCALE_SYMBOLS.get(self.locale, _LOCALE_SYMBOLS.get(self.lang, {}))
                symbol = overrides.get(code, _CURRENCY_SYMBOLS.get(code, code))
                if self.currency_display == "narrowSymbol":
                    symbol = {"CA$": "$", "A$": "$", "MX$": "$", "NZ$": "$", "HK$": "$",
                              "US$": "$", "CN¥": "¥"}.get(symbol, symbol)
            accounting = self.currency_sign == "accounting" and sign == "-"
            if cur_pattern == "pre":
                sym_part = symbol + (
                    "\u00a0" if symbol[-1].isalpha() and body[0].isdigit() else ""
                )
                if accounting:
                    return [("literal", "("), ("currency", sym_part),
                            *_number_parts(body, dec, grp),
                            ("literal", ")")]
                if sign:
                    out.append(("minusSign" if sign == "-" else "plusSign", sign))
                out += [("currency", sym_part), *_number_parts(body, dec, grp)]
                return out
            if cur_pattern == "pre_space":
                if self.lang == "nl":
                    return [("currency", symbol), ("literal", "\u00a0")] + (
                        [("minusSign", sign)] if sign else []) + [*_number_parts(body, dec, grp)]
                if sign:
                    out.append(("minusSign" if sign == "-" else "plusSign", sign))
                return out + [("currency", symbol), ("literal", "\u00a0"),
                              *_number_parts(body, dec, grp)]
            if sign:
                out.append(("minusSign" if sign == "-" else "plusSign", sign))
            return out + [*_number_parts(body, dec, grp), ("literal", "\u00a0"),
                          ("currency", symbol)]
        if sign:
            out.append(("minusSign" if sign == "-" else "plusSign", sign))
        out.extend(_number_parts(body, dec, grp))
        if self.style == "percent":
            out.append(("percentSign", pct))
        elif self.style == "unit":
            unit = self.unit or ""
            names = _UNITS.get(unit)
            if names is None:
                out.append(("unit", " " + unit))
            elif self.unit_display == "long":
                out.append(("unit", " " + (names[1] if body == "1" else names[2])))
            elif self.unit_display == "narrow":
                out.append(("unit", names[3] if len(names[3]) <= 2 and not names[3].isalpha()
                            else names[3]))
            else:
                out.append(("unit", _UNIT_SPACE_SHORT.get(unit, " ") + names[0]))
        return out

    def _compact(self, d: Decimal, table: tuple) -> tuple[Decimal, str]:
        def round2(v: Decimal) -> Decimal:
            if v >= 100:
                return _round_decimal(v, 0)
            if v >= 10:
                return _round_decimal(v, 0)
            if v >= 1:
                return _round_decimal(v, 1)
            return _round_significant(v, 2)

        for i, (power, name) in enumerate(table):
            if d >= Decimal(10) ** power:
                v = round2(d.scaleb(-power))
                if v >= 1000 and i > 0:
                    up_power, up_name = table[i - 1]
                    return round2(d.scaleb(-up_power)).normalize(), up_name
                return v.normalize(), name
        v = round2(d)
        if v >= 1000:
            power, name = table[-1]
            return round2(d.scaleb(-power)).normalize(), name
        return v.normalize(), ""

    def resolved_options(self) -> dict:
        out: dict[str, Any] = {"locale": self.locale, "numberingSystem": "latn",
                               "style": self.style}
        if self.style == "currency":
            out["currency"] = self.currency
            out["currencyDisplay"] = self.currency_display
            out["currencySign"] = self.currency_sign
        if self.style == "unit":
            out["unit"] = self.unit
            out["unitDisplay"] = self.unit_display
        out["minimumIntegerDigits"] = float(self.min_int)
        if self.sig is not None:
            out["minimumSignificantDigits"] = float(self.sig[0])
            out["maximumSignificantDigits"] = float(self.sig[1])
        else:
            out["minimumFractionDigits"] = float(self.frac[0])
            out["maximumFractionDigits"] = float(self.frac[1])
        out["useGrouping"] = self.grouping if self.grouping != "off" else False
        out["notation"] = self.notation
        if self.notation == "compact":
            out["compactDisplay"] = self.compact_display
        out["signDisplay"] = self.sign_display
        return out


def _number_parts(body: str, dec: str, grp: str) -> list[tuple[str, str]]:
    """Split a formatted number into Intl parts (integer, group, decimal, fraction, ...)."""
    if body == "NaN":
        return [("nan", body)]
    if body == "∞":
        return [("infinity", body)]
    out: list[tuple[str, str]] = []
    i, n = 0, len(body)
    seen_decimal = False
    while i < n:
        c = body[i]
        if c.isdigit():
            j = i
            while j < n and body[j].isdigit():
                j += 1
            out.append(("fraction" if seen_decimal else "integer", body[i:j]))
            i = j
        elif c == dec and not seen_decimal:
            out.append(("decimal", c))
            seen_decimal = True
            i += 1
        elif c == grp and not seen_decimal:
            out.append(("group", c))
            i += 1
        elif c == "E":
            out.append(("exponentSeparator", "E"))
            j = i + 1
            if j < n and body[j] == "-":
                out.append(("exponentMinusSign", "-"))
                j += 1
            out.append(("exponentInteger", body[j:]))
            break
        else:
            rest = body[i:]
            if rest.startswith(" "):
                out.append(("literal", " "))
                rest = rest[1:]
            out.append(("compact", rest))
            break
    return out


def _plain(d: Decimal) -> str:
    s = format(d, "f")
    if s.startswith("-"):
        s = s[1:]
    return s


def _num_opt(options: Any, name: str, allowed: tuple[str, ...],
             where: str = "Intl.NumberFormat") -> str | None:
    if options is UNDEFINED:
        return None
    v = get_member(options, name)
    if v is UNDEFINED:
        return None
    s = to_string(v)
    if s not in allowed:
        range_error(f"Value {s} out of range for {where} options property {name}")
    return s


def format_number_locale(x: float, locales: Any = UNDEFINED, options: Any = UNDEFINED) -> str:
    """``Number.prototype.toLocaleString(locales, options)`` (and Intl.NumberFormat#format)."""
    return NumberFormat(locales, options, "Number.prototype.toLocaleString").format(x)


# ============================================================================ Intl objects

class JSDateTimeFormat(JSObject):
    __slots__ = ("fmt", "bound_format")
    class_name = "Intl.DateTimeFormat"

    def __init__(self, fmt: DateTimeFormat) -> None:
        super().__init__()
        self.fmt = fmt
        self.bound_format: Any = None


class JSNumberFormat(JSObject):
    __slots__ = ("fmt", "bound_format")
    class_name = "Intl.NumberFormat"

    def __init__(self, fmt: NumberFormat) -> None:
        super().__init__()
        self.fmt = fmt
        self.bound_format: Any = None


def _date_arg(v: Any) -> float:
    if v is UNDEFINED:
        return now_ms()
    if isinstance(v, JSDate):
        return v.time
    return time_clip(to_number(v))


def _dtf_format_value(fmt: DateTimeFormat, v: Any) -> str:
    t = _date_arg(v)
    if t != t:
        range_error("Invalid time value")
    return fmt.format(t)


def _dtf_getter(obj: JSDateTimeFormat, key: str) -> Any:
    if key == "format":
        if obj.bound_format is None:
            obj.bound_format = NativeFunction(
                "", lambda this, args: _dtf_format_value(obj.fmt, _arg(args, 0)), 1)
        return obj.bound_format
    return MISSING


def _nf_getter(obj: JSNumberFormat, key: str) -> Any:
    if key == "format":
        if obj.bound_format is None:
            obj.bound_format = NativeFunction(
                "", lambda this, args: obj.fmt.format(to_number(_arg(args, 0))), 1)
        return obj.bound_format
    return MISSING


SPECIAL_GETTERS[JSDateTimeFormat] = _dtf_getter
SPECIAL_GETTERS[JSNumberFormat] = _nf_getter


def _this_dtf(this: Any) -> DateTimeFormat:
    if not isinstance(this, JSDateTimeFormat):
        type_error(
            f"Method Intl.DateTimeFormat.prototype.formatToParts called on incompatible "
            f"receiver {safe_to_string(this)}"
        )
    return this.fmt


def _this_nf(this: Any) -> NumberFormat:
    if not isinstance(this, JSNumberFormat):
        type_error(
            f"Method Intl.NumberFormat.prototype.formatToParts called on incompatible "
            f"receiver {safe_to_string(this)}"
        )
    return this.fmt


def _dtf_format_to_parts(this: Any, args: list) -> Any:
    fmt = _this_dtf(this)
    t = _date_arg(_arg(args, 0))
    if t != t:
        range_error("Invalid time value")
    return [{"type": k, "value": v} for k, v in fmt.parts(t)]


def _dtf_resolved(this: Any, args: list) -> Any:
    return _this_dtf(this).resolved_options()


def _dtf_format_range(this: Any, args: list) -> Any:
    fmt = _this_dtf(this)
    a, b = _date_arg(_arg(args, 0)), _date_arg(_arg(args, 1))
    if a != a or b != b:
        range_error("Invalid time value")
    sa = "".join(v for _, v in fmt.parts(a))
    sb = "".join(v for _, v in fmt.parts(b))
    return sa if sa == sb else f"{sa}\u2009–\u2009{sb}"


def _nf_format_to_parts(this: Any, args: list) -> Any:
    fmt = _this_nf(this)
    return [{"type": k, "value": v} for k, v in fmt.parts(to_number(_arg(args, 0)))]


def _nf_resolved(this: Any, args: list) -> Any:
    return _this_nf(this).resolved_options()


define_methods(JSDateTimeFormat, formatToParts=_dtf_format_to_parts,
               resolvedOptions=_dtf_resolved, formatRange=_dtf_format_range)
define_methods(JSNumberFormat, formatToParts=_nf_format_to_parts, resolvedOptions=_nf_resolved)


def _dtf_new(args: list) -> Any:
    return JSDateTimeFormat(DateTimeFormat(_arg(args, 0), _arg(args, 1), "any", "date"))


def _nf_new(args: list) -> Any:
    return JSNumberFormat(NumberFormat(_arg(args, 0), _arg(args, 1)))


def _supported(this: Any, args: list) -> Any:
    v = _arg(args, 0)
    if v is UNDEFINED:
        return []
    items = v if isinstance(v, list) else [v]
    return [_resolve_locale(x) for x in items]


DATE_TIME_FORMAT_CTOR = NativeFunction(
    "DateTimeFormat", lambda this, args: _dtf_new(args), 0, _dtf_new)
NUMBER_FORMAT_CTOR = NativeFunction("NumberFormat", lambda this, args: _nf_new(args), 0, _nf_new)
DATE_TIME_FORMAT_CTOR.props["supportedLocalesOf"] = NativeFunction(
    "supportedLocalesOf", _supported, 1)
NUMBER_FORMAT_CTOR.props["supportedLocalesOf"] = NativeFunction(
    "supportedLocalesOf", _supported, 1)

INTL = JSNamespace(
    {
        "DateTimeFormat": DATE_TIME_FORMAT_CTOR,
        "NumberFormat": NUMBER_FORMAT_CTOR,
        "getCanonicalLocales": NativeFunction("getCanonicalLocales", _supported, 1),
    }
)

GLOBALS: dict[str, Any] = {"Date": DATE_CTOR, "Intl": INTL}


def _register_instance_checks() -> None:
    try:
        from .instance import register_instance_check
    except ImportError:  # pragma: no cover - the module is another contributor's
        return
    register_instance_check(DATE_CTOR, lambda v: isinstance(v, JSDate))
    register_instance_check(DATE_TIME_FORMAT_CTOR, lambda v: isinstance(v, JSDateTimeFormat))
    register_instance_check(NUMBER_FORMAT_CTOR, lambda v: isinstance(v, JSNumberFormat))


_register_instance_checks()
