"""lodash's Array functions: head/nth/slice/take/drop, flatten, chunk, compact, concat, set
operations (difference, uniq, union, intersection, xor), zip, range, indexOf, join, fill, pull."""

from __future__ import annotations

import functools
import math
from typing import Any

from renderer.js.limits import charge
from renderer.js.members import MAX_ARRAY_LENGTH, MISSING
from renderer.js.values import (
    INF,
    UNDEFINED,
    JSFunction,
    less_than,
    range_error,
    strict_equals,
    to_boolean,
)

from .core import (
    MAX_SAFE_INTEGER,
    Fn,
    _alen,
    _arg,
    _arr,
    _at,
    _call,
    _check_array_length,
    _is_array_like_object,
    _is_index,
    _is_nan,
    _join,
    _jstr,
    _nil,
    _prop_key,
    _sz_index,
    _szk,
    _to_finite,
    _to_integer,
    _to_length,
    _to_number,
)
from .iteratees import _is_iteratee_call, _it1, _itn
from .objects import _flat_rest
from .paths import _assign_value, _base_get, _base_unset
from .sorting import _compare_ascending


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
    charge(len(a) + 1)  # shared nested arrays make a deep flatten exponential
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
