"""Lodash 4 as the template global ``_``: lodash's exact results on kview values.

Every function here is a port of the algorithm in lodash.js 4.17/4.18 (the copy in
``.cache/npm/node_modules/lodash`` is the oracle the tests diff against), quirks included:
iteratee shorthands (``'a.b'``, ``{a: 1}``, ``['a', 1]``), array-likes and strings as
collections, own-key order (``own_keys``), SameValueZero membership, ``compareAscending``
ordering of ``null``/``undefined``/``NaN``, ``toKey``'s ``'-0'``, ``createRound``'s exponent
shift, and which arguments each iteratee receives (``map`` passes ``(value, index, coll)``,
``sortBy``/``groupBy``/``uniqBy`` pass only ``value``).

Deliberate deviations (no prototypes, classes, Symbols or chaining in kview):

* ``_`` is a namespace, not a function: ``_(x)`` / ``_.chain`` are not provided.
* ``debounce``/``throttle`` call through immediately (there is no timer in a render);
  the returned function has no-op ``cancel`` and a ``flush`` returning the last result.
* ``cloneDeep``/``merge`` copy plain objects, arrays, Dates and RegExps; other kview objects
  (Map, Set, React elements) are kept by reference.
* ``isPlainObject`` is true only for ``dict``; ``isEqual`` compares non-plain kview objects
  other than Date/RegExp/Error/Map/Set by identity.
* Lists cannot carry named properties, so lodash writes of non-index keys onto arrays
  (``_.set([], 'x', 1)``) are dropped, as ``set_member`` does.
* ``truncate`` with a RegExp ``separator`` finds the last match with the string ``search``
  member, an approximation of lodash's ``exec`` loop.
"""

from __future__ import annotations

import copy
import functools
import itertools
import math
import random as _random
import re
from collections.abc import Callable, Iterator
from typing import Any

from ..jsvalues import (
    INF,
    JS_WHITESPACE,
    NAN,
    UNDEFINED,
    JSError,
    JSFunction,
    JSNamespace,
    JSObject,
    JSThrow,
    NativeFunction,
    js_add,
    less_than,
    loose_equals,
    number_to_string,
    own_keys,
    range_error,
    same_value_zero,
    strict_equals,
    string_to_number,
    to_boolean,
    to_number,
    to_string,
    to_uint32,
    type_error,
)
from ..members import (
    MAX_ARRAY_LENGTH,
    MISSING,
    OBJECT_PROTO,
    PROTOS,
    check_array_length,
    check_string_length,
    delete_member,
    get_member,
    has_property,
    iterate,
    own_special,
    set_member,
)

MAX_SAFE_INTEGER = 9007199254740991.0
MAX_INTEGER = 1.7976931348623157e308
_PARTIAL = 1
_UNORDERED = 2
_FUNC_ERROR = "Expected a function"

Fn = Callable[..., Any]


# ============================================================================ small helpers

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
    seen = seen | {id(a)}
    return sep.join(
        ""
        if x is None or x is UNDEFINED
        else (_join(x, ",", seen) if isinstance(x, list) else _jstr(x))
        for x in a
    )


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


def _fn(name: str, f: Callable[[Any, list], Any], length: int = 0) -> NativeFunction:
    return NativeFunction(name, f, length)


def _require_fn(v: Any) -> None:
    if not isinstance(v, JSFunction):
        type_error(_FUNC_ERROR)


# ============================================================================ property paths

_RE_UINT = re.compile(r"(?:0|[1-9]\d*)", re.ASCII)
_RE_PLAIN_PROP = re.compile(r"\w*", re.ASCII)
_RE_DEEP_PROP = re.compile(
    r"""\.|\[(?:[^\[\]]*|(["'])(?:(?!\1)[^\\]|\\[^\n\r\u2028\u2029])*?\1)\]""", re.ASCII
)
_RE_PROP_NAME = re.compile(
    r"""[^.\[\]]+|\[(?:(-?\d+(?:\.\d+)?)|(["'])((?:(?!\2)[^\\]|\\[^\n\r\u2028\u2029])*?)\2)\]"""
    r"""|(?=(?:\.|\[\])(?:\.|\[\]|\Z))""",
    re.ASCII,
)
_RE_ESCAPE_CHAR = re.compile(r"\\(\\)?")


@functools.lru_cache(maxsize=4096)
def _string_to_path(s: str) -> tuple[str, ...]:
    result = [""] if s[:1] == "." else []
    for m in _RE_PROP_NAME.finditer(s):
        number, quote, sub = m.group(1), m.group(2), m.group(3)
        if quote:
            result.append(_RE_ESCAPE_CHAR.sub(r"\1", sub))
        else:
            result.append(number or m.group(0))
    return tuple(result)


@functools.lru_cache(maxsize=4096)
def _deep_path(s: str) -> tuple[str, ...] | None:
    """None when lodash's isKey(s) holds without looking at an object, else the parsed path."""
    if _RE_PLAIN_PROP.fullmatch(s) or not _RE_DEEP_PROP.search(s):
        return None
    return _string_to_path(s)


def _is_key(value: Any, obj: Any = MISSING) -> bool:
    t = _ltype(value)
    if t is list or t is tuple:
        return False
    if t is float or t is bool or value is None or value is UNDEFINED:
        return True
    s = value if t is str else _jstr(value)
    if _deep_path(s) is None:
        return True
    return obj is not MISSING and _has_in(obj, s)


def _cast_path(value: Any, obj: Any = MISSING) -> Any:
    """lodash castPath: a JS array (or an already-cast tuple) as is, else a key or parsed path."""
    t = _ltype(value)
    if t is list or t is tuple:
        return value
    if t is str:
        p = _deep_path(value)
        if p is None or (obj is not MISSING and _has_in(obj, value)):
            return (value,)
        return p
    if t is float or t is bool or value is None or value is UNDEFINED:
        return (value,)
    s = _jstr(value)
    return _cast_path(s, obj)


def _base_get(obj: Any, path: Any) -> Any:
    p = _cast_path(path, obj)
    if not p:
        return UNDEFINED
    for k in p:
        if obj is None or obj is UNDEFINED:
            return UNDEFINED
        obj = _getk(obj, k if type(k) is str else _to_key(k))
    return obj


def _has_path(obj: Any, path: Any, own: bool) -> bool:
    p = _cast_path(path, obj)
    n = len(p)
    result = False
    i = 0
    key = ""
    while i < n:
        key = _to_key(p[i])
        result = not _nil(obj) and (_has_own(obj, key) if own else _has_in(obj, key))
        if not result:
            break
        obj = _getk(obj, key)
        i += 1
    if result or i + 1 != n:
        return result
    length = _alen(obj) if isinstance(obj, list) else 0
    return length > 0 and _is_index(key, length)


def _assign_value(obj: Any, key: str, value: Any) -> None:
    """lodash assignValue: skip when an own property already holds a SameValueZero-equal value."""
    if _has_own(obj, key) and same_value_zero(_getk(obj, key), value):
        return
    set_member(obj, key, value)


def _base_set(obj: Any, path: Any, value: Any, customizer: Fn | None = None) -> Any:
    if not _is_object(obj):
        return obj
    p = _cast_path(path, obj)
    n = len(p)
    last = n - 1
    nested = obj
    i = 0
    while not _nil(nested) and i < n:
        key = _to_key(p[i])
        if key in ("__proto__", "constructor", "prototype"):
            return obj
        new = value
        if i != last:
            old = _getk(nested, key)
            new = customizer(old, key, nested) if customizer else UNDEFINED
            if new is UNDEFINED:
                new = old if _is_object(old) else ([] if _is_index(p[i + 1]) else {})
        _assign_value(nested, key, new)
        nested = _getk(nested, key)
        i += 1
    return obj


def _base_unset(obj: Any, path: Any) -> bool:
    p = _cast_path(path, obj)
    n = len(p)
    if not n:
        return True
    for i in range(n):
        key = _to_key(p[i])
        if key == "__proto__" and not _has_own(obj, "__proto__"):
            return False
        if key in ("constructor", "prototype") and i < n - 1:
            return False
    parent = obj if n < 2 else _base_get(obj, list(p[:-1]))
    if _nil(parent):
        return True
    if type(parent) is str:
        return False
    return delete_member(parent, _to_key(p[-1]))


# ============================================================================ equality, matching

def _is_equal(a: Any, b: Any, bitmask: int = 0, stack: dict | None = None) -> bool:
    if a is b:
        return True
    ta = type(a)
    tb = type(b)
    if ta is float and tb is float:
        return a == b or (a != a and b != b)
    if a is None or a is UNDEFINED or b is None or b is UNDEFINED:
        return False
    if not _is_object_like(a) and not _is_object_like(b):
        return strict_equals(a, b)
    if stack is None:
        stack = {}
    tag_a = _tag(a)
    if tag_a != _tag(b):
        return False
    if tag_a == "Array":
        return _equal_arrays(a, b, bitmask, stack)
    if tag_a == "Object":
        return _equal_objects(a, b, bitmask, stack)
    return _equal_by_tag(a, b, tag_a, bitmask, stack)


def _equal_arrays(a: list, b: list, bitmask: int, stack: dict) -> bool:
    partial = bitmask & _PARTIAL
    n, m = len(a), len(b)
    if n != m and not (partial and m > n):
        return False
    sa = stack.get(id(a))
    sb = stack.get(id(b))
    if sa is not None and sb is not None:
        return sa is b and sb is a
    stack[id(a)] = b
    stack[id(b)] = a
    result = True
    seen: set[int] | None = set() if bitmask & _UNORDERED else None
    for i in range(n):
        av = a[i]
        if seen is not None:
            for j, bv in enumerate(b):
                if j not in seen and _is_equal(av, bv, bitmask, stack):
                    seen.add(j)
                    break
            else:
                result = False
                break
        elif not _is_equal(av, b[i] if i < m else UNDEFINED, bitmask, stack):
            result = False
            break
    stack.pop(id(a), None)
    stack.pop(id(b), None)
    return result


def _equal_objects(a: Any, b: Any, bitmask: int, stack: dict) -> bool:
    partial = bitmask & _PARTIAL
    ka = _keys(a)
    if not partial and len(ka) != len(_keys(b)):
        return False
    for k in reversed(ka):
        if not (_has_in(b, k) if partial else _has_own(b, k)):
            return False
    sa = stack.get(id(a))
    sb = stack.get(id(b))
    if sa is not None and sb is not None:
        return sa is b and sb is a
    stack[id(a)] = b
    stack[id(b)] = a
    result = True
    for k in ka:
        if not _is_equal(_getk(a, k), _getk(b, k), bitmask, stack):
            result = False
            break
    stack.pop(id(a), None)
    stack.pop(id(b), None)
    return result


def _equal_by_tag(a: Any, b: Any, tag: str, bitmask: int, stack: dict) -> bool:
    if tag == "Date":
        return same_value_zero(to_number(a), to_number(b))
    if tag == "Error":
        return loose_equals(get_member(a, "name"), get_member(b, "name")) and loose_equals(
            get_member(a, "message"), get_member(b, "message")
        )
    if tag == "RegExp":
        return to_string(a) == to_string(b)
    if tag in ("Map", "Set"):
        if not (bitmask & _PARTIAL) and not loose_equals(get_member(a, "size"), get_member(b, "size")):
            return False
        st = stack.get(id(a))
        if st is not None:
            return st is b
        stack[id(a)] = b
        result = _equal_arrays(list(iterate(a)), list(iterate(b)), bitmask | _UNORDERED, stack)
        stack.pop(id(a), None)
        return result
    return False


def _is_strict_comparable(v: Any) -> bool:
    return not _is_nan(v) and not _is_object(v)


def _match_data(source: Any) -> list[tuple[str, Any, bool]]:
    out = []
    for k in _keys(source):
        v = _getk(source, k)
        out.append((k, v, _is_strict_comparable(v)))
    return out


def _base_is_match(obj: Any, data: list[tuple[str, Any, bool]]) -> bool:
    if obj is None or obj is UNDEFINED:
        return not data
    for key, src, strict in reversed(data):
        if strict:
            if not strict_equals(src, _getk(obj, key)):
                return False
        elif not _has_in(obj, key):
            return False
    for key, src, strict in data:
        ov = _getk(obj, key)
        if strict:
            if ov is UNDEFINED and not _has_in(obj, key):
                return False
        elif not _is_equal(src, ov, _PARTIAL | _UNORDERED):
            return False
    return True


def _matches_strict(key: str, src: Any) -> Fn:
    """``obj[key] === src`` (src is a primitive, not NaN), plus ``key in obj`` for undefined."""
    src_type = type(src)

    def f(obj: Any) -> bool:  # hot: inlined _getk and strict_equals
        if type(obj) is dict and key != "__proto__":
            v = obj.get(key, MISSING)
            if v is MISSING:
                return src is UNDEFINED and _has_in(obj, key)
        elif obj is None or obj is UNDEFINED:
            return False
        else:
            v = get_member(obj, key)
        if v is src or (type(v) is src_type and v == src):
            return src is not UNDEFINED or _has_in(obj, key)
        return False

    return f


def _matches(source: Any) -> Fn:
    data = _match_data(source)
    if len(data) == 1 and data[0][2]:
        return _matches_strict(data[0][0], data[0][1])
    return lambda obj: obj is source or _base_is_match(obj, data)


def _matches_property(path: Any, src: Any) -> Fn:
    if _is_key(path) and _is_strict_comparable(src):
        return _matches_strict(_to_key(path), src)

    def f(obj: Any) -> bool:
        ov = UNDEFINED if _nil(obj) else _base_get(obj, path)
        if ov is UNDEFINED and src is UNDEFINED:
            return not _nil(obj) and _has_path(obj, path, False)
        return _is_equal(src, ov, _PARTIAL | _UNORDERED)

    return f


def _property(path: Any) -> Fn:
    if _is_key(path):
        key = _to_key(path)

        if key == "__proto__":
            return lambda obj: UNDEFINED if _nil(obj) else get_member(obj, key)

        def prop(obj: Any) -> Any:  # hot: inlined _getk
            if type(obj) is dict:
                v = obj.get(key, MISSING)
                if v is not MISSING:
                    return v
            elif obj is None or obj is UNDEFINED:
                return UNDEFINED
            return get_member(obj, key)

        prop.pluck_key = key  # type: ignore[attr-defined]  # lets _map_values vectorise it
        return prop
    return lambda obj: UNDEFINED if _nil(obj) else _base_get(obj, path)


def _identity(v: Any) -> Any:
    return v


def _map_values(f: Fn, values: list) -> list:
    """``[f(v) for v in values]``, with a property shorthand's plain-object reads inlined."""
    key = getattr(f, "pluck_key", None)
    if key is None:
        return [f(v) for v in values]
    if set(map(type, values)) == {dict}:
        out = list(map(dict.get, values, itertools.repeat(key), itertools.repeat(MISSING)))
    else:
        out = [v.get(key, MISSING) if type(v) is dict else MISSING for v in values]
    if MISSING in out:
        out = [f(values[i]) if x is MISSING else x for i, x in enumerate(out)]
    return out


def _it1(it: Any) -> Fn:
    """lodash baseIteratee, called with the value alone."""
    if isinstance(it, JSFunction):
        call = it.call
        return lambda v: call(UNDEFINED, [v])
    if it is None or it is UNDEFINED:
        return _identity
    t = _ltype(it)
    if t is list:
        return _matches_property(_arg(it, 0), _arg(it, 1))
    if t is dict or isinstance(it, (JSObject, JSNamespace)):
        return _matches(it)
    return _property(it)


def _itn(it: Any) -> Fn:
    """lodash baseIteratee, called with every argument lodash passes."""
    if isinstance(it, JSFunction):
        call = it.call
        return lambda *a: call(UNDEFINED, list(a))
    f = _it1(it)
    return lambda *a: f(a[0] if a else UNDEFINED)


def _cast_function(it: Any) -> Fn:
    """lodash castFunction: a function, or identity (no shorthands)."""
    if isinstance(it, JSFunction):
        call = it.call
        return lambda *a: call(UNDEFINED, list(a))
    return lambda *a: a[0] if a else UNDEFINED


def _as_native(f: Fn, name: str = "") -> NativeFunction:
    return NativeFunction(name, lambda this, a: f(a[0] if a else UNDEFINED), 1)


def _is_iteratee_call(value: Any, index: Any, obj: Any) -> bool:
    if not _is_object(obj):
        return False
    t = type(index)
    if t is float:
        n = _alen(obj)
        ok = n >= 0 and not isinstance(obj, JSFunction) and _is_index(index, n)
    else:
        ok = t is str and _has_in(obj, index)
    return ok and same_value_zero(_getk(obj, _prop_key(index)), value)


# ============================================================================ objects

def _to_object(v: Any) -> Any:
    return {} if _nil(v) else v


def _clone(v: Any, deep: bool, stack: dict | None = None, top: bool = True) -> Any:
    if not _is_object(v):
        return v
    if stack is None:
        stack = {}
    t = _ltype(v)
    if t is list:
        if not deep:
            return v[:]
        hit = stack.get(id(v))
        if hit is not None:
            return hit
        res: Any = []
        stack[id(v)] = res
        res.extend(_clone(x, True, stack, False) for x in v)
        return res
    if t is dict or (isinstance(v, JSFunction) and top):
        src_keys = own_keys(v) if t is dict else own_keys(v.props)
        src = v if t is dict else v.props
        if not deep:
            return {k: src[k] for k in src_keys}
        hit = stack.get(id(v))
        if hit is not None:
            return hit
        res = {}
        stack[id(v)] = res
        for k in src_keys:
            res[k] = _clone(src[k], True, stack, False)
        return res
    cls = _class(v)
    if cls in ("Date", "RegExp") and not isinstance(v, JSFunction):
        hit = stack.get(id(v))
        if hit is not None:
            return hit
        try:
            res = copy.copy(v)
        except Exception:  # noqa: BLE001 - an uncopyable object is kept, as documented
            return v
        res.props = {}
        stack[id(v)] = res
        for k in own_keys(v.props):
            res.props[k] = _clone(v.props[k], True, stack, False) if deep else v.props[k]
        return res
    return {} if top else v


def _safe_get(obj: Any, key: str) -> Any:
    if key == "__proto__":
        return UNDEFINED
    v = _getk(obj, key)
    if key == "constructor" and isinstance(v, JSFunction):
        return UNDEFINED
    return v


def _assign_merge_value(obj: Any, key: str, value: Any) -> None:
    if (value is not UNDEFINED and not same_value_zero(_getk(obj, key), value)) or (
        value is UNDEFINED and not _has_in(obj, key)
    ):
        set_member(obj, key, value)


def _base_merge(obj: Any, src: Any, customizer: Fn | None, stack: dict) -> None:
    if obj is src:
        return
    for key in _keys(src):
        sv = _getk(src, key)
        if _is_object(sv):
            _merge_deep(obj, src, key, customizer, stack)
        else:
            new = customizer(_safe_get(obj, key), sv, key, obj, src, stack) if customizer else UNDEFINED
            if new is UNDEFINED:
                new = sv
            _assign_merge_value(obj, key, new)


def _merge_deep(obj: Any, src: Any, key: str, customizer: Fn | None, stack: dict) -> None:
    ov = _safe_get(obj, key)
    sv = _safe_get(src, key)
    stacked = stack.get(id(sv))
    if stacked is not None:
        _assign_merge_value(obj, key, stacked)
        return
    new = customizer(ov, sv, key, obj, src, stack) if customizer else UNDEFINED
    common = new is UNDEFINED
    if common:
        new = sv
        if isinstance(sv, list):
            if isinstance(ov, list):
                new = ov
            elif _is_array_like_object(ov):
                new = list(_arr(ov))
            else:
                new = []
        elif type(sv) is dict:
            new = ov
            if not _is_object(ov) or isinstance(ov, JSFunction):
                new = {}
        else:
            common = False
    if common:
        stack[id(sv)] = new
        _base_merge(new, sv, customizer, stack)
        stack.pop(id(sv), None)
    _assign_merge_value(obj, key, new)


def _js_merge_customizer(fn: Any) -> Fn:
    call = fn.call
    return lambda ov, sv, key, obj, src, stack: call(UNDEFINED, [ov, sv, key, obj, src, UNDEFINED])


def _custom_defaults_merge(ov: Any, sv: Any, key: str, obj: Any, src: Any, stack: dict) -> Any:
    if _is_object(ov) and _is_object(sv):
        stack[id(sv)] = ov
        _base_merge(ov, sv, _custom_defaults_merge, stack)
        stack.pop(id(sv), None)
    return ov


def _merge_all(obj: Any, sources: list, customizer: Fn | None) -> Any:
    obj = _to_object(obj)
    for src in sources:
        if to_boolean(src):
            _base_merge(obj, src, customizer, {})
    return obj


def l_merge(this: Any, args: list) -> Any:
    return _merge_all(_arg(args, 0), args[1:], None)


def l_merge_with(this: Any, args: list) -> Any:
    sources = args[1:]
    customizer = None
    if len(sources) > 1 and isinstance(sources[-1], JSFunction):
        customizer = _js_merge_customizer(sources[-1])
        sources = sources[:-1]
    return _merge_all(_arg(args, 0), sources, customizer)


def l_defaults_deep(this: Any, args: list) -> Any:
    return _merge_all(_arg(args, 0), args[1:], _custom_defaults_merge)


def l_assign(this: Any, args: list) -> Any:
    obj = _to_object(_arg(args, 0))
    for src in args[1:]:
        if to_boolean(src):
            for k in _keys(src):
                _assign_value(obj, k, _getk(src, k))
    return obj


def l_defaults(this: Any, args: list) -> Any:
    obj = _to_object(_arg(args, 0))
    for src in args[1:]:
        for k in _keys(src):
            cur = get_member(obj, k) if _is_object(obj) else UNDEFINED
            if cur is UNDEFINED or (
                k in OBJECT_PROTO and cur is OBJECT_PROTO[k] and not _has_own(obj, k)
            ):
                set_member(obj, k, _getk(src, k))
    return obj


def l_get(this: Any, args: list) -> Any:
    n = len(args)
    obj = args[0] if n else UNDEFINED
    if obj is None or obj is UNDEFINED:
        r = UNDEFINED
    else:
        path = args[1] if n > 1 else UNDEFINED
        if type(obj) is dict and type(path) is str:
            p = _deep_path(path)
            if p is None or path in obj:
                r = obj.get(path, MISSING)
                if r is MISSING or path == "__proto__":
                    r = get_member(obj, path)
            else:
                r = obj if p else UNDEFINED
                for k in p:  # _getk inlined
                    if type(r) is dict:
                        v = r.get(k, MISSING)
                        r = get_member(r, k) if v is MISSING or k == "__proto__" else v
                    elif r is None or r is UNDEFINED:
                        r = UNDEFINED
                        break
                    else:
                        r = get_member(r, k)
        else:
            r = _base_get(obj, path)
    if r is UNDEFINED and n > 2:
        return args[2]
    return r


def l_set(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    return obj if _nil(obj) else _base_set(obj, _arg(args, 1), _arg(args, 2))


def l_update(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    if _nil(obj):
        return obj
    path = _arg(args, 1)
    updater = _cast_function(_arg(args, 2))
    return _base_set(obj, path, updater(_base_get(obj, path)))


def l_has(this: Any, args: list) -> bool:
    obj = _arg(args, 0)
    return not _nil(obj) and _has_path(obj, _arg(args, 1), True)


def l_has_in(this: Any, args: list) -> bool:
    obj = _arg(args, 0)
    return not _nil(obj) and _has_path(obj, _arg(args, 1), False)


def l_unset(this: Any, args: list) -> bool:
    obj = _arg(args, 0)
    return True if _nil(obj) else _base_unset(obj, _arg(args, 1))


def _flat_rest(args: list) -> list:
    out: list = []
    for a in args:
        if isinstance(a, list):
            out.extend(a)
        else:
            out.append(a)
    return out


def _base_pick_by(obj: Any, paths: list, pred: Fn) -> dict:
    result: dict = {}
    for path in paths:
        value = _base_get(obj, path)
        if pred(value, path):
            _base_set(result, _cast_path(path, obj), value)
    return result


def l_pick(this: Any, args: list) -> dict:
    obj = _arg(args, 0)
    if _nil(obj):
        return {}
    return _base_pick_by(obj, _flat_rest(args[1:]), lambda v, p: _has_path(obj, p, False))


def l_pick_by(this: Any, args: list) -> dict:
    obj = _arg(args, 0)
    if _nil(obj):
        return {}
    f = _itn(_arg(args, 1))
    return _base_pick_by(obj, [[k] for k in _keys(obj)], lambda v, p: to_boolean(f(v, p[0])))


def l_omit_by(this: Any, args: list) -> dict:
    obj = _arg(args, 0)
    if _nil(obj):
        return {}
    f = _itn(_arg(args, 1))
    return _base_pick_by(obj, [[k] for k in _keys(obj)], lambda v, p: not to_boolean(f(v, p[0])))


def _omit_clone(v: Any, stack: dict) -> Any:
    """baseClone(deep) with lodash's customOmitClone: only plain objects are copied."""
    if type(v) is not dict:
        return v
    hit = stack.get(id(v))
    if hit is not None:
        return hit
    res: dict = {}
    stack[id(v)] = res
    for k in own_keys(v):
        res[k] = _omit_clone(v[k], stack)
    return res


def l_omit(this: Any, args: list) -> dict:
    obj = _arg(args, 0)
    result: dict = {}
    if _nil(obj):
        return result
    paths = [_cast_path(p, obj) for p in _flat_rest(args[1:])]
    deep = any(len(p) > 1 for p in paths)
    for k in _keys(obj):
        result[k] = _getk(obj, k)
    if deep:
        stack: dict = {}
        result = {k: _omit_clone(v, stack) for k, v in result.items()}
    for p in reversed(paths):
        _base_unset(result, p)
    return result


def l_keys(this: Any, args: list) -> list:
    return _keys(_arg(args, 0))


def l_values(this: Any, args: list) -> list:
    obj = _arg(args, 0)
    return [] if _nil(obj) else [_getk(obj, k) for k in _keys(obj)]


def l_to_pairs(this: Any, args: list) -> list:
    obj = _arg(args, 0)
    cls = _class(obj)
    if cls == "Map":
        return [list(e) if isinstance(e, list) else e for e in iterate(obj)]
    if cls == "Set":
        return [[v, v] for v in iterate(obj)]
    return [[k, _getk(obj, k)] for k in _keys(obj)]


def l_from_pairs(this: Any, args: list) -> dict:
    result: dict = {}
    for pair in _arr(_arg(args, 0)):
        result[_prop_key(get_member(pair, 0.0))] = get_member(pair, 1.0)
    return result


def l_map_values(this: Any, args: list) -> dict:
    obj = _arg(args, 0)
    f = _itn(_arg(args, 1))
    result: dict = {}
    for v, k in _own_pairs(obj):
        result[k] = f(v, k, obj)
    return result


def l_map_keys(this: Any, args: list) -> dict:
    obj = _arg(args, 0)
    f = _itn(_arg(args, 1))
    result: dict = {}
    for v, k in _own_pairs(obj):
        result[_prop_key(f(v, k, obj))] = v
    return result


def l_invert(this: Any, args: list) -> dict:
    result: dict = {}
    for v, k in _own_pairs(_arg(args, 0)):
        result[_prop_key(v)] = k
    return result


def l_find_key(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    f = _itn(_arg(args, 1))
    for v, k in _own_pairs(obj):
        if to_boolean(f(v, k, obj)):
            return k
    return UNDEFINED


def l_find_last_key(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    f = _itn(_arg(args, 1))
    if _nil(obj):
        return UNDEFINED
    for k in reversed(_keys(obj)):
        if to_boolean(f(_getk(obj, k), k, obj)):
            return k
    return UNDEFINED


def l_for_own(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    f = _itn(_arg(args, 1))
    if to_boolean(obj):
        for v, k in _own_pairs(obj):
            if f(v, k, obj) is False:
                break
    return obj


def l_for_own_right(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    f = _itn(_arg(args, 1))
    if to_boolean(obj):
        for k in reversed(_keys(obj)):
            if f(_getk(obj, k), k, obj) is False:
                break
    return obj


def l_transform(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    f = _itn(_arg(args, 1))
    acc = _arg(args, 2)
    is_arr = isinstance(obj, list)
    if _nil(acc):
        acc = [] if is_arr else {}
    if is_arr:
        for v, i in _each(obj):
            if f(acc, v, i, obj) is False:
                break
    else:
        for v, k in _own_pairs(obj):
            if f(acc, v, k, obj) is False:
                break
    return acc


def l_result(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    default = _arg(args, 2)
    p = _cast_path(_arg(args, 1), obj)
    n = len(p)
    if not n:
        n = 1
        obj = UNDEFINED
    i = 0
    while i < n:
        value = UNDEFINED if _nil(obj) else _getk(obj, _to_key(p[i]))
        if value is UNDEFINED:
            i = n
            value = default
        obj = value.call(obj, []) if isinstance(value, JSFunction) else value
        i += 1
    return obj


def l_at(this: Any, args: list) -> list:
    obj = _arg(args, 0)
    return [UNDEFINED if _nil(obj) else _base_get(obj, p) for p in _flat_rest(args[1:])]


def l_to_path(this: Any, args: list) -> list:
    v = _arg(args, 0)
    if isinstance(v, list):
        return [_to_key(x) for x in v]
    return list(_string_to_path(_to_str(v)))


def l_clone(this: Any, args: list) -> Any:
    return _clone(_arg(args, 0), False)


def l_clone_deep(this: Any, args: list) -> Any:
    return _clone(_arg(args, 0), True)


def l_size(this: Any, args: list) -> float:
    c = _arg(args, 0)
    if _nil(c):
        return 0.0
    if type(c) is str:
        return float(_string_size(c))
    n = _alen(c)
    if n >= 0:
        return float(n)
    if _class(c) in ("Map", "Set"):
        return _to_number(get_member(c, "size"))
    return float(len(_keys(c)))


# ============================================================================ collections

def l_map(this: Any, args: list) -> list:
    c = _arg(args, 0)
    it = _arg(args, 1)
    if isinstance(it, JSFunction):
        call = it.call
        if type(c) is list:  # _each inlined: live reads, length fixed up front
            out = []
            n = len(c)
            i = 0
            for v in c:
                if i == n:
                    break
                out.append(call(UNDEFINED, [v, float(i), c]))
                i += 1
            while i < n:
                out.append(call(UNDEFINED, [UNDEFINED, float(i), c]))
                i += 1
            return out
        return [call(UNDEFINED, [v, k, c]) for v, k in _each(c)]
    f = _it1(it)
    if isinstance(c, list):
        return _map_values(f, c)
    return [f(v) for v, _k in _each(c)]


def l_flat_map(this: Any, args: list) -> list:
    return _base_flatten(l_map(this, args), 1)


def l_flat_map_deep(this: Any, args: list) -> list:
    return _base_flatten(l_map(this, args), INF)


def l_filter(this: Any, args: list) -> list:
    c = _arg(args, 0)
    it = _arg(args, 1)
    if isinstance(it, JSFunction):
        call = it.call
        return [v for v, k in _each(c) if _truthy(call(UNDEFINED, [v, k, c]))]
    f = _it1(it)
    if isinstance(c, list):
        return [v for v in c if _truthy(f(v))]
    return [v for v, _k in _each(c) if _truthy(f(v))]


def l_reject(this: Any, args: list) -> list:
    c = _arg(args, 0)
    f = _itn(_arg(args, 1))
    return [v for v, k in _each(c) if not to_boolean(f(v, k, c))]


def _find_index(arr: Any, length: int, pred: Fn, from_index: Any, from_right: bool) -> int:
    """findIndex/findLastIndex over ``arr`` (a list, string or array-like) of ``length``."""
    if not length:
        return -1
    if from_right:
        index = length - 1
        if from_index is not UNDEFINED:
            fi = _to_integer(from_index)
            index = int(max(length + fi, 0) if _to_number(from_index) < 0 else min(fi, length - 1))
        for i in range(index, -1, -1):
            if to_boolean(pred(_at(arr, i), float(i), arr)):
                return i
        return -1
    index = 0 if _nil(from_index) else _to_integer(from_index)
    if index < 0:
        index = max(length + index, 0)
    for i in range(int(min(index, length)), length):
        if to_boolean(pred(_at(arr, i), float(i), arr)):
            return i
    return -1


def _find(args: list, from_right: bool) -> Any:
    c = _arg(args, 0)
    pred = _itn(_arg(args, 1))
    from_index = _arg(args, 2)
    n = _alen(c)
    if n >= 0:
        i = _find_index(c, n, pred, from_index, from_right)
        return _at(c, i) if i > -1 else UNDEFINED
    keys = _keys(c)
    i = _find_index(keys, len(keys), lambda k, _i, _a: pred(_getk(c, k), k, c), from_index, from_right)
    return _getk(c, keys[i]) if i > -1 else UNDEFINED


def l_find(this: Any, args: list) -> Any:
    return _find(args, False)


def l_find_last(this: Any, args: list) -> Any:
    return _find(args, True)


def _find_index_fn(args: list, from_right: bool) -> float:
    arr = _arg(args, 0)
    n = max(_alen(arr), 0)
    return float(_find_index(arr, n, _itn(_arg(args, 1)), _arg(args, 2), from_right))


def l_find_index(this: Any, args: list) -> float:
    return _find_index_fn(args, False)


def l_find_last_index(this: Any, args: list) -> float:
    return _find_index_fn(args, True)


def _for_each(args: list, each: Callable) -> Any:
    """forEach / forEachRight, ``each`` giving the (value, key) order."""
    c = _arg(args, 0)
    f = _itn(_arg(args, 1))
    for v, k in each(c):
        if f(v, k, c) is False:
            break
    return c


def l_for_each(this: Any, args: list) -> Any:
    return _for_each(args, _each)


def l_for_each_right(this: Any, args: list) -> Any:
    return _for_each(args, _each_right)


def _reduce(args: list, each: Callable) -> Any:
    """reduce / reduceRight, ``each`` giving the (value, key) order."""
    c = _arg(args, 0)
    f = _itn(_arg(args, 1))
    init = len(args) < 3
    acc = _arg(args, 2)
    for v, k in each(c):
        if init:
            acc = v
            init = False
        else:
            acc = f(acc, v, k, c)
    return acc


def l_reduce(this: Any, args: list) -> Any:
    return _reduce(args, _each)


def l_reduce_right(this: Any, args: list) -> Any:
    return _reduce(args, _each_right)


def _pred_args(args: list) -> tuple[Any, Any]:
    c = _arg(args, 0)
    pred = _arg(args, 1)
    guard = _arg(args, 2)
    if to_boolean(guard) and _is_iteratee_call(c, pred, guard):
        pred = UNDEFINED
    return c, pred


def l_some(this: Any, args: list) -> bool:
    c, pred = _pred_args(args)
    f = _itn(pred)
    return any(to_boolean(f(v, k, c)) for v, k in _each(c))


def l_every(this: Any, args: list) -> bool:
    c, pred = _pred_args(args)
    f = _itn(pred)
    return all(to_boolean(f(v, k, c)) for v, k in _each(c))


def l_includes(this: Any, args: list) -> bool:
    c = _arg(args, 0)
    value = _arg(args, 1)
    from_index = _arg(args, 2)
    seq = c if _alen(c) >= 0 else l_values(this, [c])
    fi = _to_integer(from_index) if to_boolean(from_index) and not to_boolean(_arg(args, 3)) else 0.0
    if type(seq) is str:
        n = len(seq)
        if fi < 0:
            fi = max(n + fi, 0)
        return fi <= n and seq.find(_jstr(value), int(fi)) > -1
    seq = _arr(seq)
    n = len(seq)
    if fi < 0:
        fi = max(n + fi, 0)
    return bool(n) and fi < n and _sz_index(seq, value, int(fi)) > -1


def _aggregate(args: list, setter: Callable[[dict, Any, Any], None], init: Callable[[], Any]) -> Any:
    c = _arg(args, 0)
    it = _arg(args, 1)
    acc = init()
    if isinstance(it, JSFunction):
        call = it.call
        for v, _k in _each(c):
            setter(acc, v, call(UNDEFINED, [v]))
    else:
        f = _it1(it)
        for v, _k in _each(c):
            setter(acc, v, f(v))
    return acc


def _group_setter(acc: dict, value: Any, key: Any) -> None:
    k = key if type(key) is str else _prop_key(key)
    bucket = acc.get(k)
    if bucket is None:
        acc[k] = [value]
    else:
        bucket.append(value)


def _key_setter(acc: dict, value: Any, key: Any) -> None:
    acc[key if type(key) is str else _prop_key(key)] = value


def _count_setter(acc: dict, value: Any, key: Any) -> None:
    k = key if type(key) is str else _prop_key(key)
    acc[k] = acc.get(k, 0.0) + 1.0


def _partition_setter(acc: list, value: Any, key: Any) -> None:
    acc[0 if to_boolean(key) else 1].append(value)


def l_group_by(this: Any, args: list) -> dict:
    c = _arg(args, 0)
    it = _arg(args, 1)
    if isinstance(c, list) and not isinstance(it, JSFunction):  # hot path of _aggregate
        acc: dict = {}
        for v, key in zip(c, _map_values(_it1(it), c)):
            k = key if type(key) is str else _prop_key(key)
            bucket = acc.get(k)
            if bucket is None:
                acc[k] = [v]
            else:
                bucket.append(v)
        return acc
    return _aggregate(args, _group_setter, dict)


def l_key_by(this: Any, args: list) -> dict:
    return _aggregate(args, _key_setter, dict)


def l_count_by(this: Any, args: list) -> dict:
    return _aggregate(args, _count_setter, dict)


def l_partition(this: Any, args: list) -> list:
    return _aggregate(args, _partition_setter, lambda: [[], []])  # type: ignore[arg-type]


def _compare_ascending(a: Any, b: Any) -> int:
    if strict_equals(a, b):
        return 0
    a_def = a is not UNDEFINED
    a_null = a is None
    a_refl = not _is_nan(a)
    b_def = b is not UNDEFINED
    b_null = b is None
    b_refl = not _is_nan(b)
    if (
        (not b_null and less_than(b, a) is True)
        or (a_null and b_def and b_refl)
        or (not a_def and b_refl)
        or not a_refl
    ):
        return 1
    if (
        (not a_null and less_than(a, b) is True)
        or (b_null and a_def and a_refl)
        or (not b_def and a_refl)
        or not b_refl
    ):
        return -1
    return 0


def _column_keys(vals: list) -> list | None:
    """Sort keys reproducing compareAscending for one criteria column, or None when the
    column mixes kinds that only the comparator can order (numbers with strings, objects)."""
    types = set(map(type, vals))
    if types == {float}:
        if not any(map(math.isnan, vals)):
            return vals
    elif types == {str} or not types:
        return vals
    kind = ""
    special = False
    has_bool = False
    for v in vals:
        t = type(v)
        if t is float:
            if v != v:
                special = True
                continue
            k = "n"
        elif t is str:
            k = "s"
        elif t is bool:
            k = "n"
            has_bool = True
        elif v is None or v is UNDEFINED:
            special = True
            continue
        else:
            return None
        if not kind:
            kind = k
        elif kind != k:
            return None
    if not special:
        return [float(v) for v in vals] if has_bool else vals
    filler: Any = "" if kind == "s" else 0.0
    out: list = []
    for v in vals:
        if v is None:
            out.append((1, filler))
        elif v is UNDEFINED:
            out.append((2, filler))
        elif type(v) is float and v != v:
            out.append((3, filler))
        else:
            out.append((0, float(v) if type(v) is bool else v))
    return out


def _base_order_by(c: Any, iteratees: list, orders: list) -> list:
    fns: list[Fn] = []
    for it in iteratees or [UNDEFINED]:
        if isinstance(it, list):
            path = it[0] if len(it) == 1 else it
            fns.append(lambda v, p=path: UNDEFINED if _nil(v) else _base_get(v, p))
        else:
            fns.append(_it1(it))
    if isinstance(c, list) and not any(isinstance(it, JSFunction) for it in iteratees):
        values = list(c)  # shorthand iteratees cannot change the array under us
    else:
        values = [v for v, _k in _each(c)]
    columns = [_map_values(f, values) for f in fns]
    descs = [
        i < len(orders) and loose_equals(orders[i], "desc") for i in range(len(columns))
    ]
    order = list(range(len(values)))
    keyed = [_column_keys(col) for col in columns]
    if all(k is not None for k in keyed):
        for keys, desc in zip(reversed(keyed), reversed(descs)):
            order.sort(key=keys.__getitem__, reverse=desc)  # type: ignore[union-attr]
    else:
        def compare(i: int, j: int) -> int:
            for col, desc in zip(columns, descs):
                r = _compare_ascending(col[i], col[j])
                if r:
                    return -r if desc else r
            return i - j

        order.sort(key=functools.cmp_to_key(compare))
    return [values[i] for i in order]


def l_sort_by(this: Any, args: list) -> list:
    c = _arg(args, 0)
    if _nil(c):
        return []
    iteratees = args[1:]
    if len(iteratees) > 1 and _is_iteratee_call(c, iteratees[0], iteratees[1]):
        iteratees = []
    elif len(iteratees) > 2 and _is_iteratee_call(iteratees[0], iteratees[1], iteratees[2]):
        iteratees = [iteratees[0]]
    return _base_order_by(c, _flat_rest(iteratees), [])


def l_order_by(this: Any, args: list) -> list:
    c = _arg(args, 0)
    if _nil(c):
        return []
    iteratees = _arg(args, 1)
    if not isinstance(iteratees, list):
        iteratees = [] if _nil(iteratees) else [iteratees]
    orders = UNDEFINED if to_boolean(_arg(args, 3)) else _arg(args, 2)
    if not isinstance(orders, list):
        orders = [] if _nil(orders) else [orders]
    return _base_order_by(c, iteratees, orders)


def l_shuffle(this: Any, args: list) -> list:
    out = [v for v, _k in _each(_arg(args, 0))]
    _random.shuffle(out)
    return out


def l_sample(this: Any, args: list) -> Any:
    vals = [v for v, _k in _each(_arg(args, 0))]
    return _random.choice(vals) if vals else UNDEFINED


def l_sample_size(this: Any, args: list) -> list:
    vals = [v for v, _k in _each(_arg(args, 0))]
    n = _arg(args, 1)
    k = 1 if n is UNDEFINED or to_boolean(_arg(args, 2)) else _to_integer(n)
    k = int(min(max(k, 0), len(vals)))
    _random.shuffle(vals)
    return vals[:k]


# ============================================================================ arrays

def _base_sum(a: list, f: Fn) -> Any:
    result = UNDEFINED
    for v in a:
        cur = f(v)
        if cur is not UNDEFINED:
            if result is UNDEFINED:
                result = cur
            elif type(result) is float and type(cur) is float:
                result = result + cur
            else:
                result = js_add(result, cur)
    return result


def l_sum(this: Any, args: list) -> Any:
    a = _arr(_arg(args, 0))
    return _base_sum(a, _identity) if a else 0.0


def l_sum_by(this: Any, args: list) -> Any:
    a = _arr(_arg(args, 0))
    return _base_sum(a, _it1(_arg(args, 1))) if a else 0.0


def _base_mean(a: list, f: Fn) -> float:
    if not a:
        return NAN
    s = _to_number(_base_sum(a, f))
    return s / len(a)


def l_mean(this: Any, args: list) -> float:
    return _base_mean(_arr(_arg(args, 0)), _identity)


def l_mean_by(this: Any, args: list) -> float:
    return _base_mean(_arr(_arg(args, 0)), _it1(_arg(args, 1)))


def _extremum(a: list, f: Fn, greater: bool) -> Any:
    result = UNDEFINED
    computed: Any = UNDEFINED
    for v in a:
        cur = f(v)
        if cur is None or cur is UNDEFINED:
            continue
        if computed is UNDEFINED:
            ok = not _is_nan(cur)
        else:
            ok = (less_than(computed, cur) if greater else less_than(cur, computed)) is True
        if ok:
            computed = cur
            result = v
    return result


def l_max(this: Any, args: list) -> Any:
    return _extremum(_arr(_arg(args, 0)), _identity, True)


def l_min(this: Any, args: list) -> Any:
    return _extremum(_arr(_arg(args, 0)), _identity, False)


def l_max_by(this: Any, args: list) -> Any:
    return _extremum(_arr(_arg(args, 0)), _it1(_arg(args, 1)), True)


def l_min_by(this: Any, args: list) -> Any:
    return _extremum(_arr(_arg(args, 0)), _it1(_arg(args, 1)), False)


def l_head(this: Any, args: list) -> Any:
    a = _arr(_arg(args, 0))
    return a[0] if a else UNDEFINED


def l_last(this: Any, args: list) -> Any:
    a = _arr(_arg(args, 0))
    return a[-1] if a else UNDEFINED


def l_nth(this: Any, args: list) -> Any:
    a = _arr(_arg(args, 0))
    n = len(a)
    if not n:
        return UNDEFINED
    i = _to_integer(_arg(args, 1))
    if i < 0:
        i += n
    return a[int(i)] if _is_index(i, n) else UNDEFINED


def _base_slice(a: list, start: float, end: float) -> list:
    n = len(a)
    if start < 0:
        start = 0 if -start > n else n + start
    if end > n:
        end = n
    if end < 0:
        end += n
    if start > end:
        return []
    return a[int(start) : int(end)]


def _count_arg(args: list) -> float:
    """The ``n`` of take/drop…: 1 when omitted or used as an iteratee (guard)."""
    n = _arg(args, 1)
    return 1.0 if to_boolean(_arg(args, 2)) or n is UNDEFINED else _to_integer(n)


def l_take(this: Any, args: list) -> list:
    a = _arr(_arg(args, 0))
    if not a:
        return []
    n = _count_arg(args)
    return _base_slice(a, 0, 0 if n < 0 else n)


def l_take_right(this: Any, args: list) -> list:
    a = _arr(_arg(args, 0))
    if not a:
        return []
    n = len(a) - _count_arg(args)
    return _base_slice(a, 0 if n < 0 else n, len(a))


def l_drop(this: Any, args: list) -> list:
    a = _arr(_arg(args, 0))
    if not a:
        return []
    n = _count_arg(args)
    return _base_slice(a, 0 if n < 0 else n, len(a))


def l_drop_right(this: Any, args: list) -> list:
    a = _arr(_arg(args, 0))
    if not a:
        return []
    n = len(a) - _count_arg(args)
    return _base_slice(a, 0, 0 if n < 0 else n)


def _base_while(args: list, drop: bool, from_right: bool) -> list:
    src = _arg(args, 0)
    a = _arr(src)
    if not a:
        return []
    f = _itn(_arg(args, 1))
    n = len(a)
    if from_right:
        i = n - 1
        while i >= 0 and to_boolean(f(_at(a, i), float(i), src)):
            i -= 1
        return _base_slice(a, 0, i + 1) if drop else _base_slice(a, i + 1, n)
    i = 0
    while i < n and to_boolean(f(_at(a, i), float(i), src)):
        i += 1
    return _base_slice(a, i, n) if drop else _base_slice(a, 0, i)


def l_take_while(this: Any, args: list) -> list:
    return _base_while(args, False, False)


def l_take_right_while(this: Any, args: list) -> list:
    return _base_while(args, False, True)


def l_drop_while(this: Any, args: list) -> list:
    return _base_while(args, True, False)


def l_drop_right_while(this: Any, args: list) -> list:
    return _base_while(args, True, True)


def _base_flatten(a: list, depth: float, strict_arraylike: bool = False, out: list | None = None) -> list:
    if out is None:
        out = []
    for v in a:
        if depth > 0 and (isinstance(v, list) or (strict_arraylike and _is_array_like_object(v))):
            if depth > 1:
                _base_flatten(_arr(v), depth - 1, strict_arraylike, out)
            else:
                out.extend(_arr(v))
        elif not strict_arraylike:
            out.append(v)
        if len(out) > MAX_ARRAY_LENGTH:
            range_error("Invalid array length")
    return out


def l_flatten(this: Any, args: list) -> list:
    return _base_flatten(_arr(_arg(args, 0)), 1)


def l_flatten_deep(this: Any, args: list) -> list:
    return _base_flatten(_arr(_arg(args, 0)), INF)


def l_flatten_depth(this: Any, args: list) -> list:
    d = _arg(args, 1)
    return _base_flatten(_arr(_arg(args, 0)), 1 if d is UNDEFINED else _to_integer(d))


def l_chunk(this: Any, args: list) -> list:
    a = _arr(_arg(args, 0))
    size_arg = _arg(args, 1)
    guard = _arg(args, 2)
    if (_is_iteratee_call(_arg(args, 0), size_arg, guard) if to_boolean(guard) else size_arg is UNDEFINED):
        size = 1.0
    else:
        size = max(_to_integer(size_arg), 0.0)
    n = len(a)
    if not n or size < 1:
        return []
    s = n if size > n else int(size)
    return [a[i : i + s] for i in range(0, n, s)]


def l_compact(this: Any, args: list) -> list:
    return [v for v in _arr(_arg(args, 0)) if to_boolean(v)]


def l_concat(this: Any, args: list) -> list:
    if not args:
        return []
    first = args[0]
    out = first[:] if isinstance(first, list) else [first]
    return _base_flatten(args[1:], 1, False, out)


def _base_difference(a: list, values: list, f: Fn | None = None, comparator: Fn | None = None) -> list:
    result: list = []
    if not a:
        return result
    if f is not None:
        values = [f(v) for v in values]
    if comparator is not None:
        for v in a:
            c = f(v) if f is not None else v
            if not any(to_boolean(comparator(c, o)) for o in values):
                result.append(v)
        return result
    keys = {_szk(v) for v in values}
    for v in a:
        c = f(v) if f is not None else v
        if _szk(c) not in keys:
            result.append(0.0 if type(v) is float and v == 0 else v)
    return result


def _array_like_values(vals: list) -> list:
    return _base_flatten(vals, 1, True)


def l_difference(this: Any, args: list) -> list:
    a = _arg(args, 0)
    if not _is_array_like_object(a):
        return []
    return _base_difference(_arr(a), _array_like_values(args[1:]))


def _split_by(args: list) -> tuple[list, Any]:
    """Arrays and a trailing iteratee/comparator (absent when the last argument is an array)."""
    rest = list(args)
    last = rest[-1] if rest else UNDEFINED
    if rest and not _is_array_like_object(last):
        rest.pop()
        return rest, last
    return rest, UNDEFINED


def l_difference_by(this: Any, args: list) -> list:
    a = _arg(args, 0)
    if not _is_array_like_object(a):
        return []
    values, it = _split_by(args[1:])
    return _base_difference(_arr(a), _array_like_values(values), _it1(it))


def l_difference_with(this: Any, args: list) -> list:
    a = _arg(args, 0)
    if not _is_array_like_object(a):
        return []
    values, cmp = _split_by(args[1:])
    comparator = _cast_comparator(cmp)
    return _base_difference(_arr(a), _array_like_values(values), None, comparator)


def l_without(this: Any, args: list) -> list:
    a = _arg(args, 0)
    return _base_difference(_arr(a), list(args[1:])) if _is_array_like_object(a) else []


def _cast_comparator(cmp: Any) -> Fn | None:
    if not isinstance(cmp, JSFunction):
        return None
    call = cmp.call
    return lambda x, y: call(UNDEFINED, [x, y])


def _base_uniq(a: list, f: Fn | None = None, comparator: Fn | None = None) -> list:
    result: list = []
    if comparator is not None:
        seen: list = result if f is None else []
        for v in a:
            c = f(v) if f is not None else v
            if not any(to_boolean(comparator(c, s)) for s in seen):
                if seen is not result:
                    seen.append(c)
                result.append(v)
        return result
    keys: set = set()
    for v in a:
        c = f(v) if f is not None else v
        k = _szk(c)
        if k not in keys:
            keys.add(k)
            result.append(0.0 if type(v) is float and v == 0 else v)
    return result


def l_uniq(this: Any, args: list) -> list:
    return _base_uniq(_arr(_arg(args, 0)))


def l_uniq_by(this: Any, args: list) -> list:
    return _base_uniq(_arr(_arg(args, 0)), _it1(_arg(args, 1)))


def l_uniq_with(this: Any, args: list) -> list:
    return _base_uniq(_arr(_arg(args, 0)), None, _cast_comparator(_arg(args, 1)))


def l_union(this: Any, args: list) -> list:
    return _base_uniq(_array_like_values(list(args)))


def l_union_by(this: Any, args: list) -> list:
    arrays, it = _split_by(args)
    return _base_uniq(_array_like_values(arrays), _it1(it))


def l_union_with(this: Any, args: list) -> list:
    arrays, cmp = _split_by(args)
    return _base_uniq(_array_like_values(arrays), None, _cast_comparator(cmp))


def _base_intersection(arrays: list[list], f: Fn | None, comparator: Fn | None) -> list:
    first = arrays[0]
    others = arrays[1:]
    max_len = min(len(x) for x in arrays)
    result: list = []
    if comparator is not None:
        for v in first:
            if len(result) >= max_len:
                break
            c = f(v) if f is not None else v
            if any(to_boolean(comparator(c, r)) for r in result):
                continue
            if all(any(to_boolean(comparator(c, o)) for o in other) for other in others):
                result.append(v)
        return result
    caches = [{_szk(f(o) if f is not None else o) for o in other} for other in others]
    seen: set = set()
    for v in first:
        if len(result) >= max_len:
            break
        c = f(v) if f is not None else v
        k = _szk(c)
        if k in seen:
            continue
        if all(k in cache for cache in caches):
            seen.add(k)
            result.append(0.0 if type(v) is float and v == 0 else v)
    return result


def _intersection_arrays(arrays: list) -> list[list] | None:
    if not arrays or not _is_array_like_object(arrays[0]):
        return None
    return [_arr(a) if _is_array_like_object(a) else [] for a in arrays]


def l_intersection(this: Any, args: list) -> list:
    arrays = _intersection_arrays(list(args))
    return _base_intersection(arrays, None, None) if arrays else []


def l_intersection_by(this: Any, args: list) -> list:
    rest, it = _split_by(args)
    arrays = _intersection_arrays(rest)
    return _base_intersection(arrays, _it1(it), None) if arrays else []


def l_intersection_with(this: Any, args: list) -> list:
    rest, cmp = _split_by(args)
    arrays = _intersection_arrays(rest)
    return _base_intersection(arrays, None, _cast_comparator(cmp)) if arrays else []


def _base_xor(arrays: list[list], f: Fn | None, comparator: Fn | None) -> list:
    n = len(arrays)
    if n < 2:
        return _base_uniq(arrays[0], f, comparator) if n else []
    result: list[list | None] = [None] * n
    for i, a in enumerate(arrays):
        for j in range(n):
            if j != i:
                cur = result[i]
                result[i] = _base_difference(a if cur is None else cur, arrays[j], f, comparator)
    flat: list = []
    for r in result:
        flat.extend(r or [])
    return _base_uniq(flat, f, comparator)


def l_xor(this: Any, args: list) -> list:
    return _base_xor([_arr(a) for a in args if _is_array_like_object(a)], None, None)


def l_xor_by(this: Any, args: list) -> list:
    rest, it = _split_by(args)
    return _base_xor([_arr(a) for a in rest if _is_array_like_object(a)], _it1(it), None)


def l_unzip(this: Any, args: list) -> list:
    groups = [g for g in _arr(_arg(args, 0)) if _is_array_like_object(g)]
    if not groups:
        return []
    lists = [_arr(g) for g in groups]
    length = max(len(g) for g in lists)
    return [[g[i] if i < len(g) else UNDEFINED for g in lists] for i in range(length)]


def l_zip(this: Any, args: list) -> list:
    return l_unzip(this, [list(args)])


def l_zip_object(this: Any, args: list) -> dict:
    props = _arr(_arg(args, 0))
    values = _arr(_arg(args, 1))
    result: dict = {}
    for i, p in enumerate(props):
        _assign_value(result, _prop_key(p), values[i] if i < len(values) else UNDEFINED)
    return result


def l_range(this: Any, args: list) -> list:
    return _create_range(args, False)


def l_range_right(this: Any, args: list) -> list:
    return _create_range(args, True)


def _create_range(args: list, from_right: bool) -> list:
    start, end, step = _arg(args, 0), _arg(args, 1), _arg(args, 2)
    if to_boolean(step) and type(step) is not float and _is_iteratee_call(start, end, step):
        end = step = UNDEFINED
    start = _to_finite(start)
    if end is UNDEFINED:
        end, start = start, 0.0
    else:
        end = _to_finite(end)
    step = (1.0 if start < end else -1.0) if step is UNDEFINED else _to_finite(step)
    span = (end - start) / (step or 1.0)
    if span != span or span in (INF, -INF):
        range_error("Invalid array length")
    length = _check_array_length(max(math.ceil(span), 0))
    out = [0.0] * length
    if from_right:
        for i in range(length - 1, -1, -1):
            out[i] = start
            start += step
    else:
        for i in range(length):
            out[i] = start
            start += step
    return out


def l_times(this: Any, args: list) -> list:
    n = _to_integer(_arg(args, 0))
    if n < 1 or n > MAX_SAFE_INTEGER:
        return []
    f = _it1(_arg(args, 1))
    return [f(float(i)) for i in range(_check_array_length(n))]


def l_index_of(this: Any, args: list) -> float:
    a = _arr(_arg(args, 0))
    n = len(a)
    if not n:
        return -1.0
    fi = _arg(args, 2)
    i = 0.0 if _nil(fi) else _to_integer(fi)
    if i < 0:
        i = max(n + i, 0)
    if i >= n:
        return -1.0
    return float(_sz_index(a, _arg(args, 1), int(i)))


def l_last_index_of(this: Any, args: list) -> float:
    a = _arr(_arg(args, 0))
    n = len(a)
    if not n:
        return -1.0
    value = _arg(args, 1)
    fi = _arg(args, 2)
    i = float(n)
    if fi is not UNDEFINED:
        i = _to_integer(fi)
        i = max(n + i, 0) if i < 0 else min(i, n - 1)
    i = int(i)
    nan = _is_nan(value)
    while i >= 0:
        v = a[i] if i < n else UNDEFINED
        if (nan and _is_nan(v)) or (not nan and strict_equals(v, value)):
            return float(i)
        i -= 1
    return -1.0


def l_join(this: Any, args: list) -> str:
    src = _arg(args, 0)
    if _nil(src):
        return ""
    sep = _arg(args, 1)
    return _join(_arr(src), "," if sep is UNDEFINED else _jstr(sep))


def l_reverse(this: Any, args: list) -> Any:
    a = _arg(args, 0)
    if isinstance(a, list):
        a.reverse()
    return a


def l_slice(this: Any, args: list) -> list:
    a = _arr(_arg(args, 0))
    n = len(a)
    if not n:
        return []
    start, end = _arg(args, 1), _arg(args, 2)
    if to_boolean(end) and type(end) is not float and _is_iteratee_call(_arg(args, 0), start, end):
        return _base_slice(a, 0, n)
    s = 0.0 if _nil(start) else _to_integer(start)
    e = float(n) if end is UNDEFINED else _to_integer(end)
    return _base_slice(a, s, e)


def l_tail(this: Any, args: list) -> list:
    a = _arr(_arg(args, 0))
    return a[1:] if a else []


def l_initial(this: Any, args: list) -> list:
    a = _arr(_arg(args, 0))
    return a[:-1] if a else []


def l_fill(this: Any, args: list) -> Any:
    a = _arg(args, 0)
    n = _alen(a)
    if n <= 0:
        return []
    if not isinstance(a, list):
        return a
    value, start, end = _arg(args, 1), _arg(args, 2), _arg(args, 3)
    if to_boolean(start) and type(start) is not float and _is_iteratee_call(a, value, start):
        start, end = 0.0, float(n)
    s = _to_integer(start)
    if s < 0:
        s = 0 if -s > n else n + s
    e = float(n) if end is UNDEFINED or (less_than(float(n), end) is True) else _to_integer(end)
    if e < 0:
        e += n
    e = 0 if s > e else _to_length(e)
    for i in range(int(s), int(min(e, n))):
        a[i] = value
    return a


def _pull_all(a: Any, values: list) -> Any:
    if isinstance(a, list) and a and values:
        keys = {_szk(v) for v in values}
        a[:] = [v for v in a if _szk(v) not in keys]
    return a


def l_pull(this: Any, args: list) -> Any:
    return _pull_all(_arg(args, 0), list(args[1:]))


def l_pull_all(this: Any, args: list) -> Any:
    return _pull_all(_arg(args, 0), _arr(_arg(args, 1)))


def l_remove(this: Any, args: list) -> list:
    a = _arg(args, 0)
    result: list = []
    if not isinstance(a, list) or not a:
        return result
    f = _itn(_arg(args, 1))
    indexes = []
    n = len(a)
    for i in range(n):
        v = _at(a, i)
        if to_boolean(f(v, float(i), a)):
            result.append(v)
            indexes.append(i)
    for i in reversed(indexes):
        if i < len(a):
            del a[i]
    return result


def _sorted_index_by(a: list, value: Any, f: Fn, highest: bool) -> float:
    low, high = 0, len(a)
    if high == 0:
        return 0.0
    value = f(value)
    val_nan = _is_nan(value)
    val_null = value is None
    val_undef = value is UNDEFINED
    while low < high:
        mid = (low + high) // 2
        computed = f(a[mid])
        oth_def = computed is not UNDEFINED
        oth_null = computed is None
        oth_refl = not _is_nan(computed)
        if val_nan:
            set_low = highest or oth_refl
        elif val_undef:
            set_low = oth_refl and (highest or oth_def)
        elif val_null:
            set_low = oth_refl and oth_def and (highest or not oth_null)
        elif oth_null:
            set_low = False
        elif highest:
            set_low = less_than(value, computed) is False
        else:
            set_low = less_than(computed, value) is True
        if set_low:
            low = mid + 1
        else:
            high = mid
    return float(min(high, 4294967294))


def _sorted_index(args: list, highest: bool) -> float:
    a = _arr(_arg(args, 0))
    value = _arg(args, 1)
    if type(value) is float and value == value:
        low, high = 0, len(a)
        while low < high:
            mid = (low + high) >> 1
            c = a[mid]
            if c is not None and (
                (less_than(value, c) is False) if highest else (less_than(c, value) is True)
            ):
                low = mid + 1
            else:
                high = mid
        return float(high)
    return _sorted_index_by(a, value, _identity, highest)


def l_sorted_index(this: Any, args: list) -> float:
    return _sorted_index(args, False)


def l_sorted_last_index(this: Any, args: list) -> float:
    return _sorted_index(args, True)


def l_sorted_index_by(this: Any, args: list) -> float:
    return _sorted_index_by(_arr(_arg(args, 0)), _arg(args, 1), _it1(_arg(args, 2)), False)


def l_sorted_last_index_by(this: Any, args: list) -> float:
    return _sorted_index_by(_arr(_arg(args, 0)), _arg(args, 1), _it1(_arg(args, 2)), True)


def l_sorted_uniq(this: Any, args: list) -> list:
    result: list = []
    for v in _arr(_arg(args, 0)):
        if not result or not same_value_zero(result[-1], v):
            result.append(0.0 if type(v) is float and v == 0 else v)
    return result


# ============================================================================ lang

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


def l_clamp(this: Any, args: list) -> float:
    number, lower, upper = _arg(args, 0), _arg(args, 1), _arg(args, 2)
    if upper is UNDEFINED:
        upper, lower = lower, UNDEFINED
    if upper is not UNDEFINED:
        upper = _to_number(upper)
        upper = upper if upper == upper else 0.0
    if lower is not UNDEFINED:
        lower = _to_number(lower)
        lower = lower if lower == lower else 0.0
    n = _to_number(number)
    if n == n:
        if upper is not UNDEFINED:
            n = n if n <= upper else upper
        if lower is not UNDEFINED:
            n = n if n >= lower else lower
    return n


def l_in_range(this: Any, args: list) -> bool:
    number, start, end = _arg(args, 0), _arg(args, 1), _arg(args, 2)
    start = _to_finite(start)
    if end is UNDEFINED:
        end, start = start, 0.0
    else:
        end = _to_finite(end)
    n = _to_number(number)
    return n >= min(start, end) and n < max(start, end)


def l_default_to(this: Any, args: list) -> Any:
    v = _arg(args, 0)
    return _arg(args, 1) if _nil(v) or _is_nan(v) else v


# ============================================================================ strings

_RS_ASTRAL_RANGE = r"\ud800-\udfff"
_RS_COMBO_RANGE = r"\u0300-\u036f\ufe20-\ufe2f\u20d0-\u20ff"
_RS_DINGBAT_RANGE = r"\u2700-\u27bf"
_RS_LOWER_RANGE = r"a-z\xdf-\xf6\xf8-\xff"
_RS_MATH_OP_RANGE = r"\xac\xb1\xd7\xf7"
_RS_NON_CHAR_RANGE = r"\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xbf"
_RS_PUNCTUATION_RANGE = r"\u2000-\u206f"
_RS_SPACE_RANGE = (
    r" \t\x0b\f\xa0\ufeff\n\r\u2028\u2029\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005"
    r"\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
)
_RS_UPPER_RANGE = r"A-Z\xc0-\xd6\xd8-\xde"
_RS_VAR_RANGE = r"\ufe0e\ufe0f"
_RS_BREAK_RANGE = _RS_MATH_OP_RANGE + _RS_NON_CHAR_RANGE + _RS_PUNCTUATION_RANGE + _RS_SPACE_RANGE

_RS_APOS = "['\u2019]"
_RS_ASTRAL = "[" + _RS_ASTRAL_RANGE + "]"
_RS_BREAK = "[" + _RS_BREAK_RANGE + "]"
_RS_COMBO = "[" + _RS_COMBO_RANGE + "]"
_RS_DIGITS = r"\d+"
_RS_DINGBAT = "[" + _RS_DINGBAT_RANGE + "]"
_RS_LOWER = "[" + _RS_LOWER_RANGE + "]"
_RS_MISC = (
    "[^" + _RS_ASTRAL_RANGE + _RS_BREAK_RANGE + _RS_DIGITS + _RS_DINGBAT_RANGE
    + _RS_LOWER_RANGE + _RS_UPPER_RANGE + "]"
)
_RS_FITZ = r"\ud83c[\udffb-\udfff]"
_RS_MODIFIER = "(?:" + _RS_COMBO + "|" + _RS_FITZ + ")"
_RS_NON_ASTRAL = "[^" + _RS_ASTRAL_RANGE + "]"
_RS_REGIONAL = r"(?:\ud83c[\udde6-\uddff]){2}"
_RS_SURR_PAIR = r"[\ud800-\udbff][\udc00-\udfff]"
_RS_UPPER = "[" + _RS_UPPER_RANGE + "]"
_RS_ZWJ = r"\u200d"

_RS_MISC_LOWER = "(?:" + _RS_LOWER + "|" + _RS_MISC + ")"
_RS_MISC_UPPER = "(?:" + _RS_UPPER + "|" + _RS_MISC + ")"
_RS_OPT_CONTR_LOWER = "(?:" + _RS_APOS + "(?:d|ll|m|re|s|t|ve))?"
_RS_OPT_CONTR_UPPER = "(?:" + _RS_APOS + "(?:D|LL|M|RE|S|T|VE))?"
_RE_OPT_MOD = _RS_MODIFIER + "?"
_RS_OPT_VAR = "[" + _RS_VAR_RANGE + "]?"
_RS_OPT_JOIN = (
    "(?:" + _RS_ZWJ + "(?:" + "|".join([_RS_NON_ASTRAL, _RS_REGIONAL, _RS_SURR_PAIR]) + ")"
    + _RS_OPT_VAR + _RE_OPT_MOD + ")*"
)
_RS_ORD_LOWER = r"\d*(?:1st|2nd|3rd|(?![123])\dth)(?=\b|[A-Z_])"
_RS_ORD_UPPER = r"\d*(?:1ST|2ND|3RD|(?![123])\dTH)(?=\b|[a-z_])"
_RS_SEQ = _RS_OPT_VAR + _RE_OPT_MOD + _RS_OPT_JOIN
_RS_EMOJI = "(?:" + "|".join([_RS_DINGBAT, _RS_REGIONAL, _RS_SURR_PAIR]) + ")" + _RS_SEQ
_RS_SYMBOL = (
    "(?:" + "|".join([_RS_NON_ASTRAL + _RS_COMBO + "?", _RS_COMBO, _RS_REGIONAL, _RS_SURR_PAIR, _RS_ASTRAL])
    + ")"
)

_RE_APOS = re.compile(_RS_APOS)
_RE_UNICODE = re.compile(_RS_FITZ + "(?=" + _RS_FITZ + ")|" + _RS_SYMBOL + _RS_SEQ, re.ASCII)
_RE_UNICODE_WORD = re.compile(
    "|".join(
        [
            _RS_UPPER + "?" + _RS_LOWER + "+" + _RS_OPT_CONTR_LOWER
            + "(?=" + "|".join([_RS_BREAK, _RS_UPPER, r"\Z"]) + ")",
            _RS_MISC_UPPER + "+" + _RS_OPT_CONTR_UPPER
            + "(?=" + "|".join([_RS_BREAK, _RS_UPPER + _RS_MISC_LOWER, r"\Z"]) + ")",
            _RS_UPPER + "?" + _RS_MISC_LOWER + "+" + _RS_OPT_CONTR_LOWER,
            _RS_UPPER + "+" + _RS_OPT_CONTR_UPPER,
            _RS_ORD_UPPER,
            _RS_ORD_LOWER,
            _RS_DIGITS,
            _RS_EMOJI,
        ]
    ),
    re.ASCII,
)
_RE_HAS_UNICODE = re.compile("[" + _RS_ZWJ + _RS_ASTRAL_RANGE + _RS_COMBO_RANGE + _RS_VAR_RANGE + "]")
_RE_HAS_UNICODE_WORD = re.compile(r"[a-z][A-Z]|[A-Z]{2}[a-z]|[0-9][a-zA-Z]|[a-zA-Z][0-9]|[^a-zA-Z0-9 ]")
_RE_ASCII_WORD = re.compile(r"[^\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]+")
_HTML_ESCAPE_MAP = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_HTML_ESCAPES = str.maketrans(_HTML_ESCAPE_MAP)  # type: ignore[arg-type]
_RE_ESCAPED_HTML = re.compile(r"&(?:amp|lt|gt|quot|#39);")
_HTML_UNESCAPES = {v: k for k, v in _HTML_ESCAPE_MAP.items()}
_RE_REGEXP_CHAR = re.compile(r"[\\^$.*+?()\[\]{}|]")

# lodash's deburredLetters, in order of the code points of reLatin.
_DEBURRED = (
    "A|A|A|A|A|A|Ae|C|E|E|E|E|I|I|I|I|D|N|O|O|O|O|O|O|U|U|U|U|Y|Th|ss|a|a|a|a|a|a|ae|c|e|e|e|e|"
    "i|i|i|i|d|n|o|o|o|o|o|o|u|u|u|u|y|th|y|A|a|A|a|A|a|C|c|C|c|C|c|C|c|D|d|D|d|E|e|E|e|E|e|E|e|"
    "E|e|G|g|G|g|G|g|G|g|H|h|H|h|I|i|I|i|I|i|I|i|I|i|IJ|ij|J|j|K|k|k|L|l|L|l|L|l|L|l|L|l|N|n|N|"
    "n|N|n|'n|N|n|O|o|O|o|O|o|Oe|oe|R|r|R|r|R|r|S|s|S|s|S|s|S|s|T|t|T|t|T|t|U|u|U|u|U|u|U|u|U|u|"
    "U|u|W|w|Y|y|Y|Z|z|Z|z|Z|z|s"
).split("|")
_LATIN = itertools.chain(range(0xC0, 0xD7), range(0xD8, 0xF7), range(0xF8, 0x180))
_DEBURR_TABLE: dict[int, Any] = dict(zip(_LATIN, _DEBURRED))
for _lo, _hi in ((0x300, 0x36F), (0xFE20, 0xFE2F), (0x20D0, 0x20FF)):
    for _c in range(_lo, _hi + 1):
        _DEBURR_TABLE[_c] = None


def _has_unicode(s: str) -> bool:
    return s.isascii() is False and _RE_HAS_UNICODE.search(s) is not None


def _string_to_array(s: str) -> list[str]:
    if _has_unicode(s):
        return _RE_UNICODE.findall(s)
    return list(s)


def _string_size(s: str) -> int:
    if _has_unicode(s):
        return sum(1 for _ in _RE_UNICODE.finditer(s))
    return len(s)


def _deburr(s: str) -> str:
    return s if s.isascii() else s.translate(_DEBURR_TABLE)


def _words(s: str) -> list[str]:
    if _RE_HAS_UNICODE_WORD.search(s):
        return _RE_UNICODE_WORD.findall(s)
    return _RE_ASCII_WORD.findall(s)


def _upper_first(s: str) -> str:
    if not s:
        return s
    if _has_unicode(s):
        syms = _string_to_array(s)
        return (syms[0].upper() + "".join(syms[1:])) if syms else ""
    return s[0].upper() + s[1:]


def _lower_first(s: str) -> str:
    if not s:
        return s
    if _has_unicode(s):
        syms = _string_to_array(s)
        return (syms[0].lower() + "".join(syms[1:])) if syms else ""
    return s[0].lower() + s[1:]


def _compound_words(v: Any) -> list[str]:
    return _words(_RE_APOS.sub("", _deburr(_to_str(v))))


def l_words(this: Any, args: list) -> list:
    s = _to_str(_arg(args, 0))
    pattern = UNDEFINED if to_boolean(_arg(args, 2)) else _arg(args, 1)
    if pattern is UNDEFINED:
        return _words(s)
    m = _str_method(s, "match", [pattern])
    return m if isinstance(m, list) else []


def l_camel_case(this: Any, args: list) -> str:
    out = []
    for i, w in enumerate(_compound_words(_arg(args, 0))):
        w = w.lower()
        out.append(_upper_first(w) if i else w)
    return "".join(out)


def l_kebab_case(this: Any, args: list) -> str:
    return "-".join(w.lower() for w in _compound_words(_arg(args, 0)))


def l_snake_case(this: Any, args: list) -> str:
    return "_".join(w.lower() for w in _compound_words(_arg(args, 0)))


def l_lower_case(this: Any, args: list) -> str:
    return " ".join(w.lower() for w in _compound_words(_arg(args, 0)))


def l_upper_case(this: Any, args: list) -> str:
    return " ".join(w.upper() for w in _compound_words(_arg(args, 0)))


def l_start_case(this: Any, args: list) -> str:
    return " ".join(_upper_first(w) for w in _compound_words(_arg(args, 0)))


def l_capitalize(this: Any, args: list) -> str:
    return _upper_first(_to_str(_arg(args, 0)).lower())


def l_upper_first(this: Any, args: list) -> str:
    return _upper_first(_to_str(_arg(args, 0)))


def l_lower_first(this: Any, args: list) -> str:
    return _lower_first(_to_str(_arg(args, 0)))


def l_deburr(this: Any, args: list) -> str:
    return _deburr(_to_str(_arg(args, 0)))


def l_to_lower(this: Any, args: list) -> str:
    return _to_str(_arg(args, 0)).lower()


def l_to_upper(this: Any, args: list) -> str:
    return _to_str(_arg(args, 0)).upper()


def _str_method(s: str, name: str, args: list) -> Any:
    """Call String.prototype[name] through the member gate (regexp support lives there)."""
    m = get_member(s, name)
    if isinstance(m, JSFunction):
        return m.call(s, args)
    return MISSING


def l_replace(this: Any, args: list) -> str:
    s = _to_str(_arg(args, 0))
    if len(args) < 3:
        return s
    r = _str_method(s, "replace", [args[1], args[2]])
    if r is not MISSING:
        return r
    # Fallback without string builtins: a string pattern, first occurrence, no $-patterns.
    pat = _jstr(args[1])
    i = s.find(pat)
    if i < 0:
        return s
    rep = args[2]
    rep_s = _jstr(rep.call(UNDEFINED, [pat, float(i), s])) if isinstance(rep, JSFunction) else _jstr(rep)
    return s[:i] + rep_s + s[i + len(pat) :]


def l_split(this: Any, args: list) -> list:
    s, sep, limit = _arg(args, 0), _arg(args, 1), _arg(args, 2)
    if to_boolean(limit) and type(limit) is not float and _is_iteratee_call(s, sep, limit):
        sep = limit = UNDEFINED
    lim = 4294967295 if limit is UNDEFINED else to_uint32(_to_number(limit))
    if not lim:
        return []
    s = _to_str(s)
    if s and (type(sep) is str or (not _nil(sep) and _class(sep) != "RegExp")):
        sep = _base_to_string(sep)
        if not sep and _has_unicode(s):
            return _string_to_array(s)[:lim]
    r = _str_method(s, "split", [sep, float(lim)])
    if r is not MISSING:
        return r
    if sep is UNDEFINED:
        return [s][:lim]
    sep_s = _jstr(sep)
    parts = list(s) if sep_s == "" else s.split(sep_s)
    return parts[:lim]


def _trim_chars(s: str, chars: str, start: bool, end: bool) -> str:
    syms = _string_to_array(s)
    chr_syms = set(_string_to_array(chars))
    lo, hi = 0, len(syms)
    if start:
        while lo < hi and syms[lo] in chr_syms:
            lo += 1
    if end:
        while hi > lo and syms[hi - 1] in chr_syms:
            hi -= 1
    return "".join(syms[lo:hi])


def _trim(args: list, start: bool, end: bool) -> str:
    s = _to_str(_arg(args, 0))
    chars = _arg(args, 1)
    if s and (to_boolean(_arg(args, 2)) or chars is UNDEFINED):
        if start and end:
            return s.strip(JS_WHITESPACE)
        return s.lstrip(JS_WHITESPACE) if start else s.rstrip(JS_WHITESPACE)
    if not s:
        return s
    cs = _base_to_string(chars)
    if not cs:
        return s
    return _trim_chars(s, cs, start, end)


def l_trim(this: Any, args: list) -> str:
    return _trim(args, True, True)


def l_trim_start(this: Any, args: list) -> str:
    return _trim(args, True, False)


def l_trim_end(this: Any, args: list) -> str:
    return _trim(args, False, True)


def _repeat(s: str, n: float) -> str:
    if not s or n < 1 or n > MAX_SAFE_INTEGER:
        return ""
    check_string_length(len(s) * n)
    return s * int(n)


def _create_padding(length: float, chars: Any) -> str:
    cs = " " if chars is UNDEFINED else _base_to_string(chars)
    if len(cs) < 2:
        return _repeat(cs, length) if cs else cs
    result = _repeat(cs, math.ceil(length / _string_size(cs)))
    if _has_unicode(cs):
        return "".join(_string_to_array(result)[: int(length)])
    return result[: int(length)]


def l_pad(this: Any, args: list) -> str:
    s = _to_str(_arg(args, 0))
    length = _to_integer(_arg(args, 1))
    size = _string_size(s) if length else 0
    if not length or size >= length:
        return s
    mid = (length - size) / 2
    chars = _arg(args, 2)
    return _create_padding(math.floor(mid), chars) + s + _create_padding(math.ceil(mid), chars)


def l_pad_start(this: Any, args: list) -> str:
    s = _to_str(_arg(args, 0))
    length = _to_integer(_arg(args, 1))
    size = _string_size(s) if length else 0
    return _create_padding(length - size, _arg(args, 2)) + s if length and size < length else s


def l_pad_end(this: Any, args: list) -> str:
    s = _to_str(_arg(args, 0))
    length = _to_integer(_arg(args, 1))
    size = _string_size(s) if length else 0
    return s + _create_padding(length - size, _arg(args, 2)) if length and size < length else s


def l_repeat(this: Any, args: list) -> str:
    s, n, guard = _arg(args, 0), _arg(args, 1), _arg(args, 2)
    if (_is_iteratee_call(s, n, guard) if to_boolean(guard) else n is UNDEFINED):
        count = 1.0
    else:
        count = _to_integer(n)
    return _repeat(_to_str(s), count)


def l_truncate(this: Any, args: list) -> str:
    options = _arg(args, 1)
    length = 30.0
    omission = "..."
    separator: Any = UNDEFINED
    if _is_object(options):
        if _has_in(options, "separator"):
            separator = _getk(options, "separator")
        if _has_in(options, "length"):
            length = _to_integer(_getk(options, "length"))
        if _has_in(options, "omission"):
            omission = _base_to_string(_getk(options, "omission"))
    s = _to_str(_arg(args, 0))
    syms = _string_to_array(s) if _has_unicode(s) else None
    str_len = len(syms) if syms is not None else len(s)
    if length >= str_len:
        return s
    end_f = length - _string_size(omission)
    if end_f < 1:
        return omission
    end = int(end_f)
    result = "".join(syms[:end]) if syms is not None else s[:end]
    if separator is UNDEFINED:
        return result + omission
    if syms is not None:
        end += len(result) - end
    if _class(separator) == "RegExp":
        if to_boolean(_str_method(s[end:], "search", [separator])):
            # lodash runs a global exec loop over ``result``; search + match step through
            # the same matches (each search starts where the previous match ended).
            new_end = -1
            pos = 0
            while pos <= len(result):
                i = _str_method(result[pos:], "search", [separator])
                if type(i) is not float or i < 0:
                    break
                new_end = pos + int(i)
                m = _str_method(result[new_end:], "match", [separator])
                first = m[0] if isinstance(m, list) and m else ""
                pos = new_end + max(len(first) if type(first) is str else 0, 1)
            result = result[: end if new_end < 0 else new_end]
    elif s.find(_base_to_string(separator), end) != end:
        i = result.rfind(_jstr(separator))
        if i > -1:
            result = result[:i]
    return result + omission


def l_escape(this: Any, args: list) -> str:
    return _to_str(_arg(args, 0)).translate(_HTML_ESCAPES)


def l_unescape(this: Any, args: list) -> str:
    return _RE_ESCAPED_HTML.sub(lambda m: _HTML_UNESCAPES[m.group()], _to_str(_arg(args, 0)))


def l_escape_reg_exp(this: Any, args: list) -> str:
    return _RE_REGEXP_CHAR.sub(lambda m: "\\" + m.group(), _to_str(_arg(args, 0)))


def l_starts_with(this: Any, args: list) -> bool:
    s = _to_str(_arg(args, 0))
    pos = _arg(args, 2)
    p = 0 if _nil(pos) else int(min(max(_to_integer(pos), 0), len(s)))
    target = _base_to_string(_arg(args, 1))
    return s[p : p + len(target)] == target


def l_ends_with(this: Any, args: list) -> bool:
    s = _to_str(_arg(args, 0))
    target = _base_to_string(_arg(args, 1))
    pos = _arg(args, 2)
    n = len(s)
    end = n if pos is UNDEFINED else int(min(max(_to_integer(pos), 0), n))
    start = end - len(target)
    return start >= 0 and s[start:end] == target


def js_parse_int(s: str, radix: float) -> float:
    """The global parseInt on an already-stringified argument."""
    s = s.lstrip(JS_WHITESPACE)
    sign = 1.0
    if s[:1] in ("+", "-"):
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    r = int(radix)
    strip = True
    if r != 0:
        if r < 2 or r > 36:
            return NAN
        strip = r == 16
    else:
        r = 10
    if strip and s[:2] in ("0x", "0X"):
        s = s[2:]
        r = 16
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"[:r]
    end = 0
    while end < len(s) and s[end].isascii() and s[end].lower() in digits:
        end += 1
    if end == 0:
        return NAN
    if r == 10:
        return sign * float(s[:end])
    try:
        return sign * float(int(s[:end], r))
    except (ValueError, OverflowError):  # beyond int()'s digit limit or float's range
        n = 0.0
        for ch in s[:end].lower():
            n = n * r + digits.index(ch)
        return sign * n


def l_parse_int(this: Any, args: list) -> float:
    radix = _arg(args, 1)
    if to_boolean(_arg(args, 2)) or _nil(radix):
        rn = 0.0
    else:
        rn = _to_number(radix) if to_boolean(radix) else 0.0
    r = float(_int32(rn))
    return js_parse_int(_to_str(_arg(args, 0)), r)


def _int32(n: float) -> int:
    if n != n or n in (INF, -INF):
        return 0
    i = int(n) & 0xFFFFFFFF
    return i - 0x100000000 if i >= 0x80000000 else i


# ============================================================================ math

def _math_op(op: Callable[[Any, Any], Any], default: float) -> Callable[[Any, list], Any]:
    def f(this: Any, args: list) -> Any:
        a, b = _arg(args, 0), _arg(args, 1)
        if a is UNDEFINED and b is UNDEFINED:
            return default
        if b is UNDEFINED:
            return a
        if a is UNDEFINED:
            return b
        if type(a) is str or type(b) is str:
            return op(_base_to_string(a), _base_to_string(b))
        return op(_to_number(a), _to_number(b))

    return f


def _sub(a: Any, b: Any) -> float:
    return _to_number(a) - _to_number(b)


def _mul(a: Any, b: Any) -> float:
    return _to_number(a) * _to_number(b)


def _div(a: Any, b: Any) -> float:
    x, y = _to_number(a), _to_number(b)
    if y == 0:
        if x != x or x == 0:
            return NAN
        return math.copysign(INF, x) * math.copysign(1.0, y)
    return x / y


def _add(a: Any, b: Any) -> Any:
    return a + b  # both strings or both numbers, as createMathOperation arranges


def _create_round(func: Callable[[float], float]) -> Callable[[Any, list], float]:
    def f(this: Any, args: list) -> float:
        number = _to_number(_arg(args, 0))
        p = _arg(args, 1)
        precision = 0.0 if _nil(p) else min(_to_integer(p), 292.0)
        if precision and number == number and number not in (INF, -INF):
            prec = int(precision)
            mant, _, exp = (_to_str(number) + "e").partition("e")
            exp = exp[:-1] if exp.endswith("e") else exp
            value = func(string_to_number(f"{mant}e{_exp_int(exp) + prec}"))
            mant, _, exp = (_to_str(value) + "e").partition("e")
            exp = exp[:-1] if exp.endswith("e") else exp
            return string_to_number(f"{mant}e{_exp_int(exp) - prec}")
        return func(number)

    return f


def _exp_int(s: str) -> int:
    n = string_to_number(s)
    return int(n) if n == n and n not in (INF, -INF) else 0


def l_random(this: Any, args: list) -> float:
    lower, upper, floating = _arg(args, 0), _arg(args, 1), _arg(args, 2)
    if to_boolean(floating) and type(floating) is not bool and _is_iteratee_call(lower, upper, floating):
        upper = floating = UNDEFINED
    if floating is UNDEFINED:
        if type(upper) is bool:
            floating, upper = upper, UNDEFINED
        elif type(lower) is bool:
            floating, lower = lower, UNDEFINED
    if lower is UNDEFINED and upper is UNDEFINED:
        lo, hi = 0.0, 1.0
    else:
        lo = _to_finite(lower)
        if upper is UNDEFINED:
            lo, hi = 0.0, lo
        else:
            hi = _to_finite(upper)
    if lo > hi:
        lo, hi = hi, lo
    if to_boolean(floating) or lo % 1 or hi % 1:
        return min(lo + _random.random() * (hi - lo), hi)
    return lo + math.floor(_random.random() * (hi - lo + 1))


# ============================================================================ functions

def l_identity(this: Any, args: list) -> Any:
    return _arg(args, 0)


def l_noop(this: Any, args: list) -> Any:
    return UNDEFINED


def l_constant(this: Any, args: list) -> NativeFunction:
    value = _arg(args, 0)
    return NativeFunction("", lambda this, a: value, 0)


def _pass_through(this: Any, args: list) -> NativeFunction:
    """debounce/throttle: no timers in a render, so the wrapper calls straight through."""
    func = _arg(args, 0)
    _require_fn(func)
    last: list = [UNDEFINED]

    def call(this2: Any, a: list) -> Any:
        last[0] = func.call(this2, a)
        return last[0]

    wrapper = NativeFunction(getattr(func, "name", ""), call, 0)
    wrapper.props["cancel"] = NativeFunction("cancel", lambda t, a: UNDEFINED, 0)
    wrapper.props["flush"] = NativeFunction("flush", lambda t, a: last[0], 0)
    return wrapper


def l_memoize(this: Any, args: list) -> NativeFunction:
    func, resolver = _arg(args, 0), _arg(args, 1)
    _require_fn(func)
    if not _nil(resolver):
        _require_fn(resolver)
    cache: dict = {}
    keep: list = []  # keeps object keys alive so their ids stay unique

    def memoized(this2: Any, a: list) -> Any:
        key = resolver.call(this2, a) if isinstance(resolver, JSFunction) else _arg(a, 0)
        k = _szk(key)
        if k in cache:
            return cache[k]
        result = func.call(this2, a)
        cache[k] = result
        keep.append(key)
        return result

    return NativeFunction(func.name, memoized, func.length)


def l_once(this: Any, args: list) -> NativeFunction:
    func = _arg(args, 0)
    _require_fn(func)
    state: dict = {"done": False, "result": UNDEFINED}

    def once(this2: Any, a: list) -> Any:
        if not state["done"]:
            state["done"] = True
            state["result"] = func.call(this2, a)
        return state["result"]

    return NativeFunction(func.name, once, 0)


def l_negate(this: Any, args: list) -> NativeFunction:
    pred = _arg(args, 0)
    _require_fn(pred)
    return NativeFunction("", lambda this2, a: not to_boolean(pred.call(this2, a)), 0)


def _flow(args: list, right: bool) -> NativeFunction:
    funcs = _flat_rest(list(args))
    if right:
        funcs.reverse()
    for f in funcs:
        _require_fn(f)

    def flowed(this2: Any, a: list) -> Any:
        if not funcs:
            return _arg(a, 0)
        result = funcs[0].call(this2, a)
        for f in funcs[1:]:
            result = f.call(this2, [result])
        return result

    return NativeFunction("", flowed, 0)


def l_attempt(this: Any, args: list) -> Any:
    func = _arg(args, 0)
    try:
        if not isinstance(func, JSFunction):
            type_error(f"{_jstr(func) if not _is_object(func) else 'object'} is not a function")
        return func.call(UNDEFINED, list(args[1:]))
    except JSThrow as e:
        v = e.value
        if isinstance(v, JSError) or _class(v) == "Error":
            return v
        return JSError("Error", _jstr(v) if not _is_object(v) else "[object Object]")


_id_counter = itertools.count(1)


def l_unique_id(this: Any, args: list) -> str:
    return _to_str(_arg(args, 0)) + str(next(_id_counter))


def l_iteratee(this: Any, args: list) -> Any:
    v = _arg(args, 0)
    if isinstance(v, JSFunction):
        return v
    return _as_native(_it1(_clone(v, True) if _is_object(v) else v))


def l_property(this: Any, args: list) -> NativeFunction:
    return _as_native(_property(_arg(args, 0)))


def l_matches(this: Any, args: list) -> NativeFunction:
    return _as_native(_matches(_clone(_arg(args, 0), True)))


def l_matches_property(this: Any, args: list) -> NativeFunction:
    return _as_native(_matches_property(_arg(args, 0), _clone(_arg(args, 1), True)))


# ---------------------------------------------------------------------------- less common

def _relational(op: Callable[[Any, Any], bool]) -> Callable[[Any, list], bool]:
    def f(this: Any, args: list) -> bool:
        a, b = _arg(args, 0), _arg(args, 1)
        if not (type(a) is str and type(b) is str):
            a, b = _to_number(a), _to_number(b)
        return op(a, b)

    return f


def l_eq(this: Any, args: list) -> bool:
    return same_value_zero(_arg(args, 0), _arg(args, 1))


def _unzip_with(groups: Any, it: Any) -> list:
    result = l_unzip(UNDEFINED, [groups])
    if _nil(it):
        return result
    return [_call(it, g) for g in result]


def l_zip_with(this: Any, args: list) -> list:
    arrays = list(args)
    it = arrays[-1] if len(arrays) > 1 else UNDEFINED
    if isinstance(it, JSFunction):
        arrays.pop()
    else:
        it = UNDEFINED
    return _unzip_with(arrays, it)


def l_unzip_with(this: Any, args: list) -> list:
    return _unzip_with(_arg(args, 0), _arg(args, 1))


def l_invert_by(this: Any, args: list) -> dict:
    f = _it1(_arg(args, 1))
    result: dict = {}
    for v, k in _own_pairs(_arg(args, 0)):
        key = _prop_key(f(v))
        if key in result:
            result[key].append(k)
        else:
            result[key] = [k]
    return result


def l_pull_at(this: Any, args: list) -> list:
    a = _arg(args, 0)
    indexes = _flat_rest(args[1:])
    length = _alen(a) if not _nil(a) else 0
    result = [UNDEFINED if _nil(a) else _base_get(a, p) for p in indexes]
    if not isinstance(a, list):
        return result
    keys = [float(_to_number(i)) if _is_index(i, length) else i for i in indexes]
    keys.sort(key=functools.cmp_to_key(_compare_ascending))
    previous: Any = MISSING
    for i in range(len(keys) - 1, -1, -1):
        index = keys[i]
        if i == len(keys) - 1 or not strict_equals(index, previous):
            previous = index
            if _is_index(index):
                if int(index) < len(a):
                    del a[int(index)]
            else:
                _base_unset(a, index)
    return result


def l_nth_arg(this: Any, args: list) -> NativeFunction:
    n = _to_integer(_arg(args, 0))
    return NativeFunction("", lambda this2, a: l_nth(UNDEFINED, [a, n]), 0)


def l_ary(this: Any, args: list) -> NativeFunction:
    func, n = _arg(args, 0), _arg(args, 1)
    _require_fn(func)
    if to_boolean(_arg(args, 2)) or _nil(n):
        n = float(func.length)
    limit = int(max(_to_integer(n), 0))
    return NativeFunction(func.name, lambda this2, a: func.call(this2, a[:limit]), 0)


def l_unary(this: Any, args: list) -> NativeFunction:
    return l_ary(this, [_arg(args, 0), 1.0])


def l_before(this: Any, args: list) -> NativeFunction:
    n, func = _arg(args, 0), _arg(args, 1)
    _require_fn(func)
    state: dict = {"n": _to_integer(n), "result": UNDEFINED, "func": func}

    def before(this2: Any, a: list) -> Any:
        state["n"] -= 1
        if state["n"] > 0:
            state["result"] = state["func"].call(this2, a)
        if state["n"] <= 1:
            state["func"] = UNDEFINED
        return state["result"]

    return NativeFunction(func.name, before, 0)


def l_after(this: Any, args: list) -> NativeFunction:
    n, func = _arg(args, 0), _arg(args, 1)
    _require_fn(func)
    state = {"n": _to_integer(n)}

    def after(this2: Any, a: list) -> Any:
        state["n"] -= 1
        if state["n"] < 1:
            return func.call(this2, a)
        return UNDEFINED

    return NativeFunction(func.name, after, 0)


def _compose_args(call_args: list, partials: list, right: bool) -> list:
    """lodash composeArgs / composeArgsRight with ``_`` as the placeholder."""
    holders = [i for i, p in enumerate(partials) if p is LODASH]
    n = len(call_args)
    range_len = max(n - len(holders), 0)
    if not right:
        result = list(partials)
        for j, h in enumerate(holders):
            result[h] = call_args[j] if j < n else UNDEFINED
        return result + call_args[len(holders) : len(holders) + range_len]
    result = call_args[:range_len] + list(partials)
    j = range_len
    for h in holders:
        result[range_len + h] = call_args[j] if j < n else UNDEFINED
        j += 1
    return result


def _partial(args: list, right: bool) -> NativeFunction:
    func = _arg(args, 0)
    _require_fn(func)
    partials = list(args[1:])
    return NativeFunction(
        func.name, lambda this2, a: func.call(this2, _compose_args(a, partials, right)), 0
    )


def l_bind(this: Any, args: list) -> NativeFunction:
    func, this_arg = _arg(args, 0), _arg(args, 1)
    _require_fn(func)
    partials = list(args[2:])
    return NativeFunction(
        "bound " + func.name, lambda this2, a: func.call(this_arg, _compose_args(a, partials, False)), 0
    )


def _over(args: list, mode: str) -> NativeFunction:
    funcs = [_itn(f) for f in _flat_rest(list(args))]

    def run(this2: Any, a: list) -> Any:
        if mode == "all":
            return [f(*a) for f in funcs]
        if mode == "every":
            return all(to_boolean(f(*a)) for f in funcs)
        return any(to_boolean(f(*a)) for f in funcs)

    return NativeFunction("", run, 0)


def l_sorted_index_of(this: Any, args: list) -> float:
    a = _arr(_arg(args, 0))
    value = _arg(args, 1)
    if a:
        i = int(_sorted_index([a, value], False))
        if i < len(a) and same_value_zero(a[i], value):
            return float(i)
    return -1.0


def l_sorted_last_index_of(this: Any, args: list) -> float:
    a = _arr(_arg(args, 0))
    value = _arg(args, 1)
    if a:
        i = int(_sorted_index([a, value], True)) - 1
        if 0 <= i < len(a) and same_value_zero(a[i], value):
            return float(i)
    return -1.0


def l_sorted_uniq_by(this: Any, args: list) -> list:
    f = _it1(_arg(args, 1))
    result: list = []
    seen: Any = MISSING
    for i, v in enumerate(_arr(_arg(args, 0))):
        c = f(v)
        if not i or not same_value_zero(c, seen):
            seen = c
            result.append(0.0 if type(v) is float and v == 0 else v)
    return result


def l_invoke(this: Any, args: list) -> Any:
    obj = _arg(args, 0)
    p = _cast_path(_arg(args, 1), obj)
    parent = obj if len(p) < 2 else _base_get(obj, list(p[:-1]))
    func = UNDEFINED if _nil(parent) or not p else _getk(parent, _to_key(p[-1]))
    if _nil(func):
        return UNDEFINED
    if not isinstance(func, JSFunction):
        type_error(f"{_jstr(func) if not _is_object(func) else 'object'} is not a function")
    return func.call(parent, list(args[2:]))


def l_functions(this: Any, args: list) -> list:
    obj = _arg(args, 0)
    return [k for v, k in _own_pairs(obj) if isinstance(v, JSFunction)]


# ============================================================================ the namespace

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


_TABLE: list[tuple[str, Callable[[Any, list], Any], int]] = [
    # objects
    ("get", l_get, 3), ("set", l_set, 3), ("update", l_update, 3), ("has", l_has, 2),
    ("hasIn", l_has_in, 2), ("unset", l_unset, 2), ("pick", l_pick, 2), ("pickBy", l_pick_by, 2),
    ("omit", l_omit, 2), ("omitBy", l_omit_by, 2), ("merge", l_merge, 2),
    ("mergeWith", l_merge_with, 3), ("assign", l_assign, 2), ("assignIn", l_assign, 2),
    ("extend", l_assign, 2), ("defaults", l_defaults, 2), ("defaultsDeep", l_defaults_deep, 2),
    ("clone", l_clone, 1), ("cloneDeep", l_clone_deep, 1), ("keys", l_keys, 1),
    ("keysIn", l_keys, 1), ("values", l_values, 1), ("valuesIn", l_values, 1),
    ("entries", l_to_pairs, 1), ("toPairs", l_to_pairs, 1), ("entriesIn", l_to_pairs, 1),
    ("toPairsIn", l_to_pairs, 1), ("fromPairs", l_from_pairs, 1), ("mapValues", l_map_values, 2),
    ("mapKeys", l_map_keys, 2), ("invert", l_invert, 1), ("result", l_result, 3), ("at", l_at, 2),
    ("toPath", l_to_path, 1), ("findKey", l_find_key, 2), ("findLastKey", l_find_last_key, 2),
    ("forOwn", l_for_own, 2), ("forIn", l_for_own, 2), ("forOwnRight", l_for_own_right, 2),
    ("forInRight", l_for_own_right, 2), ("transform", l_transform, 3), ("size", l_size, 1),
    # collections
    ("map", l_map, 2), ("flatMap", l_flat_map, 2), ("flatMapDeep", l_flat_map_deep, 2),
    ("filter", l_filter, 2), ("reject", l_reject, 2), ("find", l_find, 3),
    ("findLast", l_find_last, 3), ("findIndex", l_find_index, 3),
    ("findLastIndex", l_find_last_index, 3), ("forEach", l_for_each, 2), ("each", l_for_each, 2),
    ("forEachRight", l_for_each_right, 2), ("eachRight", l_for_each_right, 2),
    ("reduce", l_reduce, 3), ("reduceRight", l_reduce_right, 3), ("some", l_some, 3),
    ("every", l_every, 3), ("includes", l_includes, 3), ("groupBy", l_group_by, 2),
    ("keyBy", l_key_by, 2), ("countBy", l_count_by, 2), ("partition", l_partition, 2),
    ("sortBy", l_sort_by, 1), ("orderBy", l_order_by, 4), ("shuffle", l_shuffle, 1),
    ("sample", l_sample, 1), ("sampleSize", l_sample_size, 2),
    # arrays
    ("sum", l_sum, 1), ("sumBy", l_sum_by, 2), ("mean", l_mean, 1), ("meanBy", l_mean_by, 2),
    ("max", l_max, 1), ("min", l_min, 1), ("maxBy", l_max_by, 2), ("minBy", l_min_by, 2),
    ("first", l_head, 1), ("head", l_head, 1), ("last", l_last, 1), ("nth", l_nth, 2),
    ("take", l_take, 3), ("takeRight", l_take_right, 3), ("drop", l_drop, 3),
    ("dropRight", l_drop_right, 3), ("takeWhile", l_take_while, 2),
    ("takeRightWhile", l_take_right_while, 2), ("dropWhile", l_drop_while, 2),
    ("dropRightWhile", l_drop_right_while, 2), ("flatten", l_flatten, 1),
    ("flattenDeep", l_flatten_deep, 1), ("flattenDepth", l_flatten_depth, 2),
    ("chunk", l_chunk, 3), ("compact", l_compact, 1), ("concat", l_concat, 0),
    ("difference", l_difference, 1), ("differenceBy", l_difference_by, 1),
    ("differenceWith", l_difference_with, 1), ("intersection", l_intersection, 0),
    ("intersectionBy", l_intersection_by, 0), ("intersectionWith", l_intersection_with, 0),
    ("union", l_union, 0), ("unionBy", l_union_by, 0), ("unionWith", l_union_with, 0),
    ("uniq", l_uniq, 1), ("uniqBy", l_uniq_by, 2), ("uniqWith", l_uniq_with, 2),
    ("without", l_without, 1), ("xor", l_xor, 0), ("xorBy", l_xor_by, 0), ("zip", l_zip, 0),
    ("unzip", l_unzip, 1), ("zipObject", l_zip_object, 2), ("range", l_range, 3),
    ("rangeRight", l_range_right, 3), ("times", l_times, 2), ("indexOf", l_index_of, 3),
    ("lastIndexOf", l_last_index_of, 3), ("join", l_join, 2), ("reverse", l_reverse, 1),
    ("slice", l_slice, 3), ("tail", l_tail, 1), ("initial", l_initial, 1), ("fill", l_fill, 4),
    ("pull", l_pull, 2), ("pullAll", l_pull_all, 2), ("remove", l_remove, 2),
    ("sortedIndex", l_sorted_index, 2), ("sortedLastIndex", l_sorted_last_index, 2),
    ("sortedIndexBy", l_sorted_index_by, 3), ("sortedLastIndexBy", l_sorted_last_index_by, 3),
    ("sortedUniq", l_sorted_uniq, 1),
    # lang
    ("isEmpty", l_is_empty, 1), ("isEqual", l_is_equal, 2), ("isMatch", l_is_match, 2),
    ("isPlainObject", l_is_plain_object, 1), ("isInteger", l_is_integer, 1),
    ("isSafeInteger", l_is_safe_integer, 1), ("isLength", l_is_length, 1),
    ("isError", l_is_error, 1), ("toNumber", l_to_number, 1), ("toString", l_to_string, 1),
    ("toInteger", l_to_integer, 1), ("toFinite", l_to_finite, 1),
    ("toSafeInteger", l_to_safe_integer, 1), ("toLength", l_to_length, 1),
    ("toArray", l_to_array, 1), ("toPlainObject", l_to_plain_object, 1),
    ("castArray", l_cast_array, 0), ("clamp", l_clamp, 3), ("inRange", l_in_range, 3),
    ("defaultTo", l_default_to, 2),
    # strings
    ("words", l_words, 3), ("camelCase", l_camel_case, 1), ("kebabCase", l_kebab_case, 1),
    ("snakeCase", l_snake_case, 1), ("startCase", l_start_case, 1),
    ("lowerCase", l_lower_case, 1), ("upperCase", l_upper_case, 1),
    ("capitalize", l_capitalize, 1), ("upperFirst", l_upper_first, 1),
    ("lowerFirst", l_lower_first, 1), ("deburr", l_deburr, 1), ("truncate", l_truncate, 2),
    ("pad", l_pad, 3), ("padStart", l_pad_start, 3), ("padEnd", l_pad_end, 3),
    ("trim", l_trim, 3), ("trimStart", l_trim_start, 3), ("trimEnd", l_trim_end, 3),
    ("repeat", l_repeat, 3), ("replace", l_replace, 0), ("split", l_split, 3),
    ("escape", l_escape, 1), ("unescape", l_unescape, 1), ("escapeRegExp", l_escape_reg_exp, 1),
    ("startsWith", l_starts_with, 3), ("endsWith", l_ends_with, 3), ("toLower", l_to_lower, 1),
    ("toUpper", l_to_upper, 1), ("parseInt", l_parse_int, 3),
    # math
    ("add", _math_op(_add, 0.0), 2), ("subtract", _math_op(_sub, 0.0), 2),
    ("multiply", _math_op(_mul, 1.0), 2), ("divide", _math_op(_div, 1.0), 2),
    ("round", _create_round(_js_round), 2), ("floor", _create_round(_js_floor), 2),
    ("ceil", _create_round(_js_ceil), 2), ("random", l_random, 3),
    # functions and utilities
    ("identity", l_identity, 1), ("noop", l_noop, 0), ("constant", l_constant, 1),
    ("debounce", _pass_through, 3), ("throttle", _pass_through, 3), ("memoize", l_memoize, 2),
    ("once", l_once, 1), ("negate", l_negate, 1),
    ("flow", lambda this, a: _flow(a, False), 0), ("flowRight", lambda this, a: _flow(a, True), 0),
    ("attempt", l_attempt, 0), ("uniqueId", l_unique_id, 1), ("iteratee", l_iteratee, 1),
    ("property", l_property, 1), ("matches", l_matches, 1),
    ("matchesProperty", l_matches_property, 2),
    ("eq", l_eq, 2), ("gt", _relational(lambda a, b: less_than(b, a) is True), 2),
    ("gte", _relational(lambda a, b: less_than(a, b) is False), 2),
    ("lt", _relational(lambda a, b: less_than(a, b) is True), 2),
    ("lte", _relational(lambda a, b: less_than(b, a) is False), 2),
    ("zipWith", l_zip_with, 0), ("unzipWith", l_unzip_with, 2), ("invertBy", l_invert_by, 2),
    ("pullAt", l_pull_at, 2), ("nthArg", l_nth_arg, 1), ("ary", l_ary, 3), ("unary", l_unary, 1),
    ("before", l_before, 2), ("after", l_after, 2),
    ("partial", lambda this, a: _partial(a, False), 2),
    ("partialRight", lambda this, a: _partial(a, True), 2), ("bind", l_bind, 3),
    ("over", lambda this, a: _over(a, "all"), 0),
    ("overEvery", lambda this, a: _over(a, "every"), 0),
    ("overSome", lambda this, a: _over(a, "some"), 0),
    ("sortedIndexOf", l_sorted_index_of, 2), ("sortedLastIndexOf", l_sorted_last_index_of, 2),
    ("sortedUniqBy", l_sorted_uniq_by, 2), ("invoke", l_invoke, 3), ("functions", l_functions, 1),
    ("stubArray", lambda this, a: [], 0), ("stubObject", lambda this, a: {}, 0),
    ("stubString", lambda this, a: "", 0), ("stubTrue", lambda this, a: True, 0),
    ("stubFalse", lambda this, a: False, 0),
]


def _build() -> JSNamespace:
    ns = JSNamespace()
    for name, f, length in _TABLE:
        dict.__setitem__(ns, name, NativeFunction(name, f, length))
    for name, test in _tests().items():
        dict.__setitem__(ns, name, NativeFunction(name, _type_test(test), 1))
    dict.__setitem__(ns, "VERSION", "4.17.21")
    return ns


LODASH = _build()
GLOBALS: dict[str, Any] = {"_": LODASH}
