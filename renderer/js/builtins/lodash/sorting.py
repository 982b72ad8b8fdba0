"""compareAscending order: sortBy/orderBy, and the binary searches and de-duplication of
sorted arrays (sortedIndex..., sortedUniq...)."""

from __future__ import annotations

import functools
import math
from typing import Any

from renderer.js.members import MISSING
from renderer.js.values import (
    UNDEFINED,
    JSFunction,
    less_than,
    loose_equals,
    same_value_zero,
    strict_equals,
    to_boolean,
)

from .core import Fn, _arg, _arr, _each, _is_nan, _nil
from .iteratees import _identity, _is_iteratee_call, _it1, _map_values
from .objects import _flat_rest
from .paths import _base_get


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
            order.sort(key=keys.__getitem__, reverse=desc)
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


def l_sorted_uniq(this: Any, args: list) -> list:
    result: list = []
    for v in _arr(_arg(args, 0)):
        if not result or not same_value_zero(result[-1], v):
            result.append(0.0 if type(v) is float and v == 0 else v)
    return result


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
