"""lodash's Object functions: get/set/has/unset, pick/omit, merge/assign/defaults, clone,
keys/values/pairs, mapValues/mapKeys, invert, findKey, forOwn, transform, result, invoke, size."""

from __future__ import annotations

import copy
from typing import Any

from renderer.js.limits import DEEP_STEP, charge
from renderer.js.members import MISSING, OBJECT_PROTO, get_member, iterate, set_member
from renderer.js.values import (
    UNDEFINED,
    JSFunction,
    own_keys,
    same_value_zero,
    to_boolean,
    type_error,
)

from .core import (
    Fn,
    _alen,
    _arg,
    _arr,
    _class,
    _each,
    _getk,
    _has_in,
    _has_own,
    _is_array_like_object,
    _is_object,
    _jstr,
    _keys,
    _ltype,
    _nil,
    _own_pairs,
    _prop_key,
    _to_key,
    _to_number,
    _to_str,
)
from .iteratees import _cast_function, _it1, _itn
from .paths import (
    _assign_value,
    _base_get,
    _base_set,
    _base_unset,
    _cast_path,
    _deep_path,
    _has_path,
    _string_to_path,
)
from .strings import _string_size


def _to_object(v: Any) -> Any:
    return {} if _nil(v) else v


def _clone(v: Any, deep: bool, stack: dict | None = None, top: bool = True) -> Any:
    if not _is_object(v):
        return v
    charge(DEEP_STEP)
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
        charge(DEEP_STEP)  # every key merged is work: shared subtrees make the walk exponential
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


def l_functions(this: Any, args: list) -> list:
    obj = _arg(args, 0)
    return [k for v, k in _own_pairs(obj) if isinstance(v, JSFunction)]


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
