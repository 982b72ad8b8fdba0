"""Iteratee shorthands (lodash baseIteratee): functions, ``'a.b'`` properties, ``{a: 1}``
matches and ``['a', 1]`` matchesProperty, plus castFunction and the isIterateeCall guard."""

from __future__ import annotations

import itertools
from typing import Any

from renderer.js.members import MISSING, get_member
from renderer.js.values import (
    UNDEFINED,
    JSFunction,
    JSNamespace,
    JSObject,
    NativeFunction,
    same_value_zero,
    strict_equals,
)

from .core import (
    Fn,
    _alen,
    _arg,
    _getk,
    _has_in,
    _is_index,
    _is_nan,
    _is_object,
    _keys,
    _ltype,
    _nil,
    _prop_key,
    _to_key,
)
from .equality import _PARTIAL, _UNORDERED, _is_equal
from .paths import _base_get, _has_path, _is_key


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
