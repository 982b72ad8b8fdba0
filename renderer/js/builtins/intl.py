"""The ``Intl`` namespace: the JavaScript objects and constructors of its formatters.

The formatting itself lives in one module per formatter (datetimeformat, numberformat,
relativetime, pluralrules, listformat); this module makes them JavaScript values.
"""

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
from .function import describe
from .instance import register_instance_check
from .listformat import ListFormat
from .locales import _resolve_locale, cldr_supported
from .numberformat import NumberFormat
from .pluralrules import PluralRules
from .relativetime import RelativeTimeFormat
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


# ============================================================================ RelativeTimeFormat, PluralRules, ListFormat

class JSRelativeTimeFormat(JSObject):
    __slots__ = ("fmt",)
    class_name = "Intl.RelativeTimeFormat"

    def __init__(self, fmt: RelativeTimeFormat) -> None:
        super().__init__()
        self.fmt = fmt


class JSPluralRules(JSObject):
    __slots__ = ("rules",)
    class_name = "Intl.PluralRules"

    def __init__(self, rules: PluralRules) -> None:
        super().__init__()
        self.rules = rules


class JSListFormat(JSObject):
    __slots__ = ("fmt",)
    class_name = "Intl.ListFormat"

    def __init__(self, fmt: ListFormat) -> None:
        super().__init__()
        self.fmt = fmt


def _receiver(this: Any, cls: type[JSObject], method: str) -> Any:
    """``this`` when it is a ``cls``; otherwise V8's TypeError for the method."""
    if not isinstance(this, cls):
        type_error(f"Method {cls.class_name}.prototype.{method} called on incompatible "
                   f"receiver {describe(this)}")
    return this


def _rtf(method: str) -> Any:
    return lambda this, args: _receiver(this, JSRelativeTimeFormat, method).fmt


def _pr(method: str) -> Any:
    return lambda this, args: _receiver(this, JSPluralRules, method).rules


def _lf(method: str) -> Any:
    return lambda this, args: _receiver(this, JSListFormat, method).fmt


_rtf_format, _rtf_parts, _rtf_resolved = (_rtf("format"), _rtf("formatToParts"),
                                          _rtf("resolvedOptions"))
_pr_select, _pr_range, _pr_resolved = _pr("select"), _pr("selectRange"), _pr("resolvedOptions")
_lf_format, _lf_parts, _lf_resolved = (_lf("format"), _lf("formatToParts"),
                                       _lf("resolvedOptions"))

define_methods(
    JSRelativeTimeFormat,
    format=NativeFunction("format", lambda this, args: _rtf_format(this, args).format(
        _arg(args, 0), _arg(args, 1)), 2),
    formatToParts=NativeFunction("formatToParts", lambda this, args: _rtf_parts(
        this, args).format_to_parts(_arg(args, 0), _arg(args, 1)), 2),
    resolvedOptions=lambda this, args: _rtf_resolved(this, args).resolved_options(),
)
define_methods(
    JSPluralRules,
    select=NativeFunction("select", lambda this, args: _pr_select(this, args).select(
        to_number(_arg(args, 0))), 1),
    selectRange=NativeFunction("selectRange", lambda this, args: _pr_range(
        this, args).select_range(_arg(args, 0), _arg(args, 1)), 2),
    resolvedOptions=lambda this, args: _pr_resolved(this, args).resolved_options(),
)
define_methods(
    JSListFormat,
    format=NativeFunction("format", lambda this, args: _lf_format(this, args).format(
        _arg(args, 0)), 1),
    formatToParts=NativeFunction("formatToParts", lambda this, args: _lf_parts(
        this, args).format_to_parts(_arg(args, 0)), 1),
    resolvedOptions=lambda this, args: _lf_resolved(this, args).resolved_options(),
)


def _needs_new(name: str) -> NativeFunction:
    """A constructor V8 refuses to call without ``new`` (ECMA-402's newer Intl objects)."""
    def call(this: Any, args: list) -> Any:
        type_error(f"Constructor Intl.{name} requires 'new'")

    return NativeFunction(name, call, 0)


RELATIVE_TIME_FORMAT_CTOR = _needs_new("RelativeTimeFormat")
RELATIVE_TIME_FORMAT_CTOR.ctor = lambda args: JSRelativeTimeFormat(
    RelativeTimeFormat(_arg(args, 0), _arg(args, 1)))
PLURAL_RULES_CTOR = _needs_new("PluralRules")
PLURAL_RULES_CTOR.ctor = lambda args: JSPluralRules(PluralRules(_arg(args, 0), _arg(args, 1)))
LIST_FORMAT_CTOR = _needs_new("ListFormat")
LIST_FORMAT_CTOR.ctor = lambda args: JSListFormat(ListFormat(_arg(args, 0), _arg(args, 1)))
for _ctor in (RELATIVE_TIME_FORMAT_CTOR, PLURAL_RULES_CTOR, LIST_FORMAT_CTOR):
    _ctor.props["supportedLocalesOf"] = NativeFunction(
        "supportedLocalesOf", lambda this, args: cldr_supported(_arg(args, 0)), 1)

register_instance_check(RELATIVE_TIME_FORMAT_CTOR, lambda v: isinstance(v, JSRelativeTimeFormat))
register_instance_check(PLURAL_RULES_CTOR, lambda v: isinstance(v, JSPluralRules))
register_instance_check(LIST_FORMAT_CTOR, lambda v: isinstance(v, JSListFormat))


INTL = JSNamespace(
    {
        "DateTimeFormat": DATE_TIME_FORMAT_CTOR,
        "NumberFormat": NUMBER_FORMAT_CTOR,
        "RelativeTimeFormat": RELATIVE_TIME_FORMAT_CTOR,
        "PluralRules": PLURAL_RULES_CTOR,
        "ListFormat": LIST_FORMAT_CTOR,
        "getCanonicalLocales": NativeFunction("getCanonicalLocales", _supported, 1),
    }
)


GLOBALS: dict[str, Any] = {"Intl": INTL}


register_instance_check(DATE_TIME_FORMAT_CTOR, lambda v: isinstance(v, JSDateTimeFormat))
register_instance_check(NUMBER_FORMAT_CTOR, lambda v: isinstance(v, JSNumberFormat))
