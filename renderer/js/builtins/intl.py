"""The ``Intl`` namespace: the DateTimeFormat and NumberFormat objects and constructors."""

from __future__ import annotations

from typing import Any

from ..members import MISSING, SPECIAL_GETTERS, define_methods
from ..values import (
    UNDEFINED,
    JSNamespace,
    JSObject,
    NativeFunction,
    range_error,
    safe_to_string,
    to_number,
    type_error,
)
from .date import JSDate, _arg
from .datetimeformat import DateTimeFormat
from .instance import register_instance_check
from .locales import _resolve_locale
from .numberformat import NumberFormat
from .timevalue import now_ms, time_clip

__all__ = [
    "GLOBALS",
    "INTL",
]


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


GLOBALS: dict[str, Any] = {"Intl": INTL}


register_instance_check(DATE_TIME_FORMAT_CTOR, lambda v: isinstance(v, JSDateTimeFormat))
register_instance_check(NUMBER_FORMAT_CTOR, lambda v: isinstance(v, JSNumberFormat))
