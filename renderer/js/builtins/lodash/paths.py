"""Property paths: lodash's stringToPath (cached), isKey/castPath, and baseGet, hasPath,
baseSet and baseUnset over kview values."""

from __future__ import annotations

import re
from typing import Any

from renderer.js.caches import bounded_cache
from renderer.js.members import MISSING, delete_member, set_member
from renderer.js.values import UNDEFINED, same_value_zero

from .core import (
    Fn,
    _alen,
    _getk,
    _has_in,
    _has_own,
    _is_index,
    _is_object,
    _jstr,
    _ltype,
    _nil,
    _to_key,
)

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


@bounded_cache(max_entries=4096, max_cost=4 << 20, cost=lambda args, path: 64 + 2 * len(args[0]))
def _string_to_path(s: str) -> tuple[str, ...]:
    result = [""] if s[:1] == "." else []
    for m in _RE_PROP_NAME.finditer(s):
        number, quote, sub = m.group(1), m.group(2), m.group(3)
        if quote:
            result.append(_RE_ESCAPE_CHAR.sub(r"\1", sub))
        else:
            result.append(number or m.group(0))
    return tuple(result)


@bounded_cache(max_entries=4096, max_cost=4 << 20, cost=lambda args, path: 64 + 2 * len(args[0]))
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
