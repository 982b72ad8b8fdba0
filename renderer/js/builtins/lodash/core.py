"""Shared helpers of the lodash modules: argument access, type tags, lodash's conversions
(toString, toKey, toNumber, toInteger, ...), array-likes and key iteration, SameValueZero keys,
and the ``_`` namespace object itself."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from renderer.js.limits import charge
from renderer.js.members import (
    MISSING,
    OBJECT_PROTO,
    PROTOS,
    check_array_length,
    check_string_length,
    get_member,
    has_property,
    own_special,
)
from renderer.js.values import (
    INF,
    UNDEFINED,
    JSError,
    JSFunction,
    JSNamespace,
    JSObject,
    number_to_string,
    own_keys,
    strict_equals,
    string_to_number,
    to_boolean,
    to_number,
    to_string,
    type_error,
)

MAX_SAFE_INTEGER = 9007199254740991.0
MAX_INTEGER = 1.7976931348623157e308
_FUNC_ERROR = "Expected a function"
_RE_UINT = re.compile(r"(?:0|[1-9]\d*)", re.ASCII)

Fn = Callable[..., Any]


def _arg(args: list, i: int) -> Any:
    return args[i] if len(args) > i else UNDEFINED


def _nil(v: Any) -> bool:
    return v is None or v is UNDEFINED


def _ltype(v: Any) -> type:
    """``type(v)``, with list subclasses (regexp match arrays) reported as ``list``."""
    t = type(v)
    return list if t is not list and isinstance(v, list) else t


def _truthy(v: Any) -> bool:
    return v is True or (v is not False and to_boolean(v))


def _is_nan(v: Any) -> bool:
    return type(v) is float and v != v


def _is_object(v: Any) -> bool:
    """lodash isObject: typeof 'object' or 'function', not null."""
    t = _ltype(v)
    return t is dict or t is list or isinstance(v, (JSObject, JSNamespace))


def _is_object_like(v: Any) -> bool:
    t = _ltype(v)
    if t is dict or t is list:
        return True
    return isinstance(v, (JSObject, JSNamespace)) and not isinstance(v, JSFunction)


def _class(v: Any) -> str:
    return getattr(v, "class_name", "") if isinstance(v, JSObject) else ""


def _tag(v: Any) -> str:
    """A stand-in for lodash's getTag on kview values."""
    t = _ltype(v)
    if t is dict:
        return "Object"
    if t is list:
        return "Array"
    if t is str:
        return "String"
    if t is float:
        return "Number"
    if t is bool:
        return "Boolean"
    if v is None:
        return "Null"
    if v is UNDEFINED:
        return "Undefined"
    if isinstance(v, JSFunction):
        return "Function"
    if isinstance(v, JSError):
        return "Error"
    if isinstance(v, JSObject):
        c = v.class_name
        return c if c in ("Date", "RegExp", "Error", "Map", "Set") else "Opaque:" + c
    return "Namespace"


def _jstr(v: Any) -> str:
    """``String(v)`` / ``v + ''`` (arrays joined here so no Array builtins are needed)."""
    if isinstance(v, list):
        return _join(v, ",")
    return to_string(v)


def _join(a: list, sep: str, seen: frozenset = frozenset()) -> str:
    """Array.prototype.join: null/undefined become '', a cycle joins as '' (as V8 does)."""
    if id(a) in seen:
        return ""
    charge(len(a) + 1)  # nested shared arrays make a join exponential: count the work
    seen = seen | {id(a)}
    parts = [
        ""
        if x is None or x is UNDEFINED
        else (_join(x, ",", seen) if isinstance(x, list) else _jstr(x))
        for x in a
    ]
    check_string_length(sum(map(len, parts)) + len(sep) * max(len(parts) - 1, 0))
    return sep.join(parts)


def _to_str(v: Any) -> str:
    """lodash ``toString``: null/undefined → '', -0 → '-0', arrays element-wise."""
    t = type(v)
    if t is str:
        return v
    if v is None or v is UNDEFINED:
        return ""
    return _base_to_string(v)


def _base_to_string(v: Any) -> str:
    t = _ltype(v)
    if t is str:
        return v
    if t is list:
        return ",".join(_base_to_string(x) for x in v)
    if t is float:
        if v == 0 and math.copysign(1.0, v) < 0:
            return "-0"
        return number_to_string(v)
    return _jstr(v)


def _prop_key(v: Any) -> str:
    """ToPropertyKey (what ``obj[v] = x`` uses): -0 is '0'."""
    t = type(v)
    if t is str:
        return v
    if t is float:
        return number_to_string(v)
    return _jstr(v)


def _to_key(v: Any) -> str:
    """lodash toKey: like ToPropertyKey but -0 stays '-0'."""
    t = type(v)
    if t is str:
        return v
    if t is float:
        if v == 0 and math.copysign(1.0, v) < 0:
            return "-0"
        return number_to_string(v)
    return _jstr(v)


def _to_number(v: Any) -> float:
    t = _ltype(v)
    if t is float:
        return v
    if t is str:
        return string_to_number(v)
    if t is list:
        return string_to_number(_join(v, ","))
    return to_number(v)


def _to_finite(v: Any) -> float:
    if not to_boolean(v):
        return v if type(v) is float and v == 0 else 0.0
    n = _to_number(v)
    if n == INF:
        return MAX_INTEGER
    if n == -INF:
        return -MAX_INTEGER
    return n if n == n else 0.0


def _to_integer(v: Any) -> float:
    n = _to_finite(v)
    r = math.fmod(n, 1.0)
    return n - r if r else n


def _to_length(v: Any) -> float:
    n = _to_integer(v)
    return 0.0 if n < 0 else min(n, 4294967295.0)


def _int_arg(v: Any, default: int) -> int:
    return default if v is UNDEFINED else int(_to_integer(v))


def _js_round(x: float) -> float:
    """Math.round: ties toward +Infinity, -0 kept."""
    if x != x or x in (INF, -INF) or x.is_integer():
        return x
    f = math.floor(x)
    r = float(f + 1 if x - f >= 0.5 else f)
    return -0.0 if r == 0 and x < 0 else r


def _js_floor(x: float) -> float:
    if x != x or x in (INF, -INF):
        return x
    return float(math.floor(x)) if not x.is_integer() else x


def _js_ceil(x: float) -> float:
    if x != x or x in (INF, -INF) or x.is_integer():
        return x
    r = float(math.ceil(x))
    return -0.0 if r == 0 and x < 0 else r


def _check_array_length(n: float) -> int:
    check_array_length(n)
    return int(n)


def _is_index(v: Any, length: float = MAX_SAFE_INTEGER) -> bool:
    """lodash isIndex (on a raw path element or number)."""
    if not length:
        return False
    t = type(v)
    if t is float:
        n = v
    elif t is str and _RE_UINT.fullmatch(v):
        n = float(v)
    else:
        return False
    return n > -1 and n % 1 == 0 and n < length


def _idx(key: str) -> int:
    if key.isascii() and key.isdigit() and (key == "0" or key[0] != "0"):
        return int(key)
    return -1


def _alen(v: Any) -> int:
    """``v.length`` when lodash's isArrayLike(v), else -1."""
    t = _ltype(v)
    if t is list or t is str:
        return len(v)
    if t is dict:
        n = v.get("length", MISSING)
    elif isinstance(v, JSObject) and not isinstance(v, JSFunction):
        n = v.props.get("length", MISSING)
    else:
        return -1
    if type(n) is float and 0 <= n <= MAX_SAFE_INTEGER and n.is_integer():
        return int(n)
    return -1


def _is_array_like_object(v: Any) -> bool:
    return type(v) is not str and _alen(v) >= 0


def _arr(v: Any) -> list:
    """An array-like as a Python list (the list itself for arrays), [] for anything else."""
    t = _ltype(v)
    if t is list:
        return v
    if t is str:
        return list(v)
    n = _alen(v)
    if n <= 0:
        return []
    _check_array_length(n)
    return [get_member(v, float(i)) for i in range(n)]


def _at(c: Any, i: int) -> Any:
    """``c[i]`` read live (lists may shrink under a callback)."""
    t = _ltype(c)
    if t is list or t is str:
        return c[i] if i < len(c) else UNDEFINED
    return get_member(c, float(i))


def _getk(obj: Any, key: str) -> Any:
    """``obj[key]`` through the member gate, with a fast path for plain objects."""
    if type(obj) is dict:
        v = obj.get(key, MISSING)
        if v is not MISSING and key != "__proto__":
            return v
    return get_member(obj, key)


def _has_own(obj: Any, key: str) -> bool:
    t = _ltype(obj)
    if t is dict:
        return key in obj
    if t is list or t is str:
        if key == "length":
            return True
        return 0 <= _idx(key) < len(obj)
    if isinstance(obj, JSObject):
        return key in obj.props or own_special(obj, key) is not MISSING
    if isinstance(obj, JSNamespace):
        return key in obj
    return False


def _has_in(obj: Any, key: str) -> bool:
    """``key in Object(obj)``."""
    if obj is None or obj is UNDEFINED:
        return False
    t = type(obj)
    if t is str:
        return _has_own(obj, key) or key in PROTOS[str] or key in OBJECT_PROTO
    if t is float or t is bool:
        return key in PROTOS[t] or key in OBJECT_PROTO
    return has_property(obj, key)


def _keys(v: Any) -> list[str]:
    """lodash keys/keysIn: own enumerable string keys in JS order."""
    t = _ltype(v)
    if t is dict:
        return own_keys(v)
    if t is list or t is str:
        return [str(i) for i in range(len(v))]
    if isinstance(v, JSObject):
        return own_keys(v.props)
    return []


def _each(c: Any) -> Iterator[tuple[Any, Any]]:
    """lodash baseEach: (value, index) for array-likes (length fixed up front), else
    (value, key) over own keys."""
    t = _ltype(c)
    if t is list:
        n = len(c)
        i = 0
        for v in c:
            if i == n:
                return
            yield v, float(i)
            i += 1
        while i < n:
            yield UNDEFINED, float(i)
            i += 1
        return
    if t is str:
        for i, ch in enumerate(c):
            yield ch, float(i)
        return
    n = _alen(c)
    if n >= 0:
        for i in range(n):
            yield get_member(c, float(i)), float(i)
        return
    for k in _keys(c):
        yield _getk(c, k), k


def _each_right(c: Any) -> Iterator[tuple[Any, Any]]:
    n = _alen(c)
    if n >= 0:
        for i in range(n - 1, -1, -1):
            yield _at(c, i), float(i)
        return
    for k in reversed(_keys(c)):
        yield _getk(c, k), k


def _own_pairs(c: Any) -> Iterator[tuple[Any, str]]:
    """lodash baseForOwn: (value, key) over keys(c), string keys even for arrays."""
    if c is None or c is UNDEFINED:
        return
    for k in _keys(c):
        yield _getk(c, k), k


def _szk(v: Any) -> Any:
    """A hashable key with SameValueZero equality."""
    t = type(v)
    if t is float:
        return v if v == v else _NAN_KEY
    if t is str:
        return v
    if t is bool:
        return _TRUE_KEY if v else _FALSE_KEY
    if v is None or v is UNDEFINED:
        return v
    return ("o", id(v))


_NAN_KEY = object()
_TRUE_KEY = object()
_FALSE_KEY = object()


def _sz_index(seq: list, value: Any, start: int = 0) -> int:
    """baseIndexOf: SameValueZero search (NaN finds NaN)."""
    if value != value:  # NaN
        for i in range(start, len(seq)):
            if _is_nan(seq[i]):
                return i
        return -1
    for i in range(start, len(seq)):
        if strict_equals(seq[i], value):
            return i
    return -1


def _call(fn: Any, args: list) -> Any:
    return fn.call(UNDEFINED, args)


def _require_fn(v: Any) -> None:
    if not isinstance(v, JSFunction):
        type_error(_FUNC_ERROR)


# The namespace object itself. It is made here, empty, so that functions.py can recognise
# ``_`` as the partial/bind placeholder; __init__.py fills it from its table.
LODASH = JSNamespace()
