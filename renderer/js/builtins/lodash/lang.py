"""lodash's Lang functions: the is* type tests, isEmpty/isEqual/isMatch, the to* conversions,
castArray, defaultTo and eq/gt/gte/lt/lte."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from renderer.js.members import get_member, iterate
from renderer.js.values import (
    INF,
    UNDEFINED,
    JSError,
    JSFunction,
    JSObject,
    same_value_zero,
    to_boolean,
)

from .core import (
    MAX_SAFE_INTEGER,
    _alen,
    _arg,
    _arr,
    _class,
    _getk,
    _is_array_like_object,
    _is_nan,
    _is_object,
    _is_object_like,
    _keys,
    _ltype,
    _nil,
    _to_finite,
    _to_integer,
    _to_length,
    _to_number,
    _to_str,
)
from .equality import _is_equal
from .iteratees import _base_is_match, _match_data
from .objects import l_values
from .strings import _string_to_array


def l_is_empty(this: Any, args: list) -> bool:
    v = _arg(args, 0)
    if _nil(v):
        return True
    t = _ltype(v)
    if t is list or t is str:
        return not v
    cls = _class(v)
    if cls in ("Map", "Set"):
        return not to_boolean(get_member(v, "size"))
    if t is dict:
        return not v
    if isinstance(v, JSObject):
        return not v.props
    return True


def l_is_equal(this: Any, args: list) -> bool:
    return _is_equal(_arg(args, 0), _arg(args, 1))


def l_is_match(this: Any, args: list) -> bool:
    obj, source = _arg(args, 0), _arg(args, 1)
    return obj is source or _base_is_match(obj, _match_data(source))


def l_is_plain_object(this: Any, args: list) -> bool:
    return type(_arg(args, 0)) is dict


def l_is_integer(this: Any, args: list) -> bool:
    v = _arg(args, 0)
    return type(v) is float and v == _to_integer(v)


def l_is_safe_integer(this: Any, args: list) -> bool:
    v = _arg(args, 0)
    return type(v) is float and v == _to_integer(v) and abs(v) <= MAX_SAFE_INTEGER


def l_is_length(this: Any, args: list) -> bool:
    v = _arg(args, 0)
    return type(v) is float and 0 <= v <= MAX_SAFE_INTEGER and v.is_integer()


def l_is_error(this: Any, args: list) -> bool:
    v = _arg(args, 0)
    if isinstance(v, JSError) or _class(v) == "Error":
        return True
    if type(v) is dict or not _is_object_like(v):
        return False
    return type(get_member(v, "message")) is str and type(get_member(v, "name")) is str


def _type_test(test: Callable[[Any], bool]) -> Callable[[Any, list], bool]:
    return lambda this, args: test(args[0] if args else UNDEFINED)


def l_to_number(this: Any, args: list) -> float:
    return _to_number(_arg(args, 0))


def l_to_string(this: Any, args: list) -> str:
    return _to_str(_arg(args, 0))


def l_to_integer(this: Any, args: list) -> float:
    return _to_integer(_arg(args, 0))


def l_to_finite(this: Any, args: list) -> float:
    return _to_finite(_arg(args, 0))


def l_to_safe_integer(this: Any, args: list) -> float:
    v = _arg(args, 0)
    if not to_boolean(v):
        return v if type(v) is float and v == 0 else 0.0
    return min(max(_to_integer(v), -MAX_SAFE_INTEGER), MAX_SAFE_INTEGER)


def l_to_length(this: Any, args: list) -> float:
    v = _arg(args, 0)
    return _to_length(v) if to_boolean(v) else 0.0


def l_to_array(this: Any, args: list) -> list:
    v = _arg(args, 0)
    if not to_boolean(v):
        return []
    if type(v) is str:
        return _string_to_array(v)
    if _alen(v) >= 0 and not isinstance(v, JSFunction):
        return list(_arr(v))
    cls = _class(v)
    if cls == "Map":
        return [list(e) if isinstance(e, list) else e for e in iterate(v)]
    if cls == "Set":
        return list(iterate(v))
    return l_values(this, [v])


def l_to_plain_object(this: Any, args: list) -> dict:
    v = _arg(args, 0)
    return {k: _getk(v, k) for k in _keys(v)}


def l_cast_array(this: Any, args: list) -> list:
    if not args:
        return []
    v = args[0]
    return v if isinstance(v, list) else [v]


def l_default_to(this: Any, args: list) -> Any:
    v = _arg(args, 0)
    return _arg(args, 1) if _nil(v) or _is_nan(v) else v


def l_eq(this: Any, args: list) -> bool:
    return same_value_zero(_arg(args, 0), _arg(args, 1))


def _relational(op: Callable[[Any, Any], bool]) -> Callable[[Any, list], bool]:
    def f(this: Any, args: list) -> bool:
        a, b = _arg(args, 0), _arg(args, 1)
        if not (type(a) is str and type(b) is str):
            a, b = _to_number(a), _to_number(b)
        return op(a, b)

    return f


def _tests() -> dict[str, Callable[[Any], bool]]:
    return {
        "isArray": lambda v: isinstance(v, list),
        "isObject": _is_object,
        "isObjectLike": _is_object_like,
        "isString": lambda v: type(v) is str,
        "isNumber": lambda v: type(v) is float,
        "isFinite": lambda v: type(v) is float and v == v and v not in (INF, -INF),
        "isBoolean": lambda v: type(v) is bool,
        "isFunction": lambda v: isinstance(v, JSFunction),
        "isNil": _nil,
        "isNull": lambda v: v is None,
        "isUndefined": lambda v: v is UNDEFINED,
        "isNaN": _is_nan,
        "isDate": lambda v: _class(v) == "Date",
        "isRegExp": lambda v: _class(v) == "RegExp",
        "isMap": lambda v: _class(v) == "Map",
        "isSet": lambda v: _class(v) == "Set",
        "isWeakMap": lambda v: _class(v) == "WeakMap",
        "isWeakSet": lambda v: _class(v) == "WeakSet",
        "isArrayLike": lambda v: _alen(v) >= 0 and not isinstance(v, JSFunction),
        "isArrayLikeObject": _is_array_like_object,
        "isSymbol": lambda v: False,
        "isElement": lambda v: False,
        "isArguments": lambda v: False,
        "isBuffer": lambda v: False,
        "isTypedArray": lambda v: False,
        "isArrayBuffer": lambda v: False,
    }
