"""JavaScript ``Date``: the Date object, its methods and the ``Date`` constructor.

Time values and local time are ``timevalue.py``'s, ``Date.parse`` is ``dateparse.py`` and the
``toLocale*String`` methods format with ``datetimeformat.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..members import define_methods, get_member
from ..values import (
    NAN,
    UNDEFINED,
    JSFunction,
    JSObject,
    NativeFunction,
    range_error,
    to_integer_or_infinity,
    to_number,
    to_primitive,
    to_string,
    type_error,
)
from .dateparse import parse_date
from .datetimeformat import DateTimeFormat, _zone_long_name
from .instance import register_instance_check
from .timevalue import (
    _DAY_NAMES,
    _MONTH_NAMES,
    _Fields,
    _finite,
    _local_zone,
    _offset_str,
    local_time,
    make_date,
    make_day,
    make_time,
    now_ms,
    offset_at_utc,
    time_clip,
    tz_var,
    utc_from_local,
)

__all__ = [
    "DATE_CTOR",
    "GLOBALS",
    "JSDate",
    "date_from_time",
]


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


GLOBALS: dict[str, Any] = {"Date": DATE_CTOR}


register_instance_check(DATE_CTOR, lambda v: isinstance(v, JSDate))
