"""lodash's Function and Util functions: identity/constant/noop, debounce/throttle (called
through), memoize/once/before/after, flow, partial/bind, ary, over*, attempt, uniqueId and the
iteratee builders (iteratee, property, matches, matchesProperty)."""

from __future__ import annotations

import itertools
from typing import Any

from renderer.js.values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSThrow,
    NativeFunction,
    to_boolean,
    type_error,
)

from .arrays import l_nth
from .core import (
    LODASH,
    _arg,
    _class,
    _is_object,
    _jstr,
    _nil,
    _require_fn,
    _szk,
    _to_integer,
    _to_str,
)
from .iteratees import _as_native, _it1, _itn, _matches, _matches_property, _property
from .objects import _clone, _flat_rest


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
