"""lodash's Math and Number functions: sum/mean/max/min and their By forms, add/subtract/
multiply/divide, round/floor/ceil with a precision, random, clamp and inRange."""

from __future__ import annotations

import math
import random as _random
from collections.abc import Callable
from typing import Any

from renderer.js.values import INF, NAN, UNDEFINED, js_add, less_than, string_to_number, to_boolean

from .core import (
    Fn,
    _arg,
    _arr,
    _base_to_string,
    _is_nan,
    _nil,
    _to_finite,
    _to_integer,
    _to_number,
    _to_str,
)
from .iteratees import _identity, _is_iteratee_call, _it1


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
