"""lodash's Collection functions over arrays, array-likes, strings and objects: map, filter,
find, forEach, reduce, some/every, includes, groupBy/keyBy/countBy/partition, shuffle/sample."""

from __future__ import annotations

import random as _random
from collections.abc import Callable
from typing import Any

from renderer.js.values import INF, UNDEFINED, JSFunction, to_boolean

from .arrays import _base_flatten
from .core import (
    Fn,
    _alen,
    _arg,
    _arr,
    _at,
    _each,
    _each_right,
    _getk,
    _jstr,
    _keys,
    _nil,
    _prop_key,
    _sz_index,
    _to_integer,
    _to_number,
    _truthy,
)
from .iteratees import _is_iteratee_call, _it1, _itn, _map_values
from .objects import l_values


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
    start = 0 if _nil(from_index) else _to_integer(from_index)
    if start < 0:
        start = max(length + start, 0)
    for i in range(int(min(start, length)), length):
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


def _aggregate(args: list, setter: Callable[[Any, Any, Any], None], init: Callable[[], Any]) -> Any:
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
    return _aggregate(args, _partition_setter, lambda: [[], []])


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
