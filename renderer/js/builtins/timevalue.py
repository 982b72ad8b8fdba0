"""Time values: the render's clock and zone, and the spec's day/time arithmetic on them.

Time values are float milliseconds since the epoch (NaN = invalid date), with the spec's
day/time arithmetic done here (no ``datetime`` range limits). "Local time" is the IANA zone in
the ``tz_var`` context variable (default ``UTC``), resolved with ``zoneinfo`` so DST is right;
``new Date()`` reads the render's clock through ``clock_var`` (or ``NOW_MS``).
"""

from __future__ import annotations

import contextvars
import math
import time
import zoneinfo
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..caches import bounded_cache
from ..members import MISSING
from ..values import NAN

__all__ = [
    "NOW_MS",
    "clock_var",
    "now_ms",
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


@bounded_cache(max_entries=64, max_cost=1 << 16)
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


@bounded_cache(max_entries=256, max_cost=1 << 16)
def _canonical_zone(name: str) -> str | None:
    """The IANA spelling of a zone name given in any case (timeZone option), or None."""
    if name.upper() in ("UTC", "GMT", "ETC/UTC", "ETC/GMT"):
        return "UTC"
    try:
        _zone(name)
        return name
    except KeyError:
        pass
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


# English names indexed by _Fields.weekday and _Fields.month (Date's string forms; Intl's "en").
_DAY_NAMES = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _offset_str(off_ms: float, colon: bool = False) -> str:
    total = int(off_ms / 60000)  # truncated, as V8 shows LMT offsets such as -4:56:02
    sign = "+" if total >= 0 else "-"
    total = abs(total)
    return f"{sign}{total // 60:02d}{':' if colon else ''}{total % 60:02d}"
