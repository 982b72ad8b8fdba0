"""The global object of one render: shared built-ins, per-render ones, then the template's data."""

from __future__ import annotations

from typing import Any

from .builtins import STATIC_GLOBALS
from .builtins import instance as _instance
from .builtins.promise import JSPromise, make_promise_global
from .jsvalues import UNDEFINED, JSFunction, JSNamespace, NativeFunction
from .runtime import Runtime


def _fallback_instanceof(value: Any, ctor: Any) -> bool:
    from .classes import ClassFunction, JSErrorInstance, JSInstance

    if isinstance(ctor, ClassFunction):
        return isinstance(value, (JSInstance, JSErrorInstance)) and ctor.is_ancestor_of(value.cls)
    if ctor.name == "Promise":
        return isinstance(value, JSPromise)
    proto = ctor.props.get("prototype") if isinstance(ctor, JSFunction) else None
    return isinstance(proto, dict) and isinstance(value, dict) and all(
        value.get(k) is v for k, v in proto.items()
    ) and bool(proto)


_instance.fallback = _fallback_instanceof


def _console(rt: Runtime) -> JSNamespace:
    from .inspect import format_log_args

    def logger(level: str) -> NativeFunction:
        def log(this: Any, args: list) -> Any:
            rt.log(level, format_log_args(args))
            return UNDEFINED

        return NativeFunction(level, log)

    methods = {name: logger(name) for name in ("log", "info", "warn", "error", "debug", "trace", "table", "dir")}
    noop = NativeFunction("noop", lambda this, args: UNDEFINED)
    for name in ("group", "groupCollapsed", "groupEnd", "time", "timeEnd", "timeLog", "count", "assert", "clear"):
        methods[name] = noop
    return JSNamespace(methods)


def _timers(rt: Runtime) -> dict[str, NativeFunction]:
    def set_timeout(this: Any, args: list) -> float:
        return rt.set_timer(args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED, list(args[2:]))

    def set_interval(this: Any, args: list) -> float:
        return rt.set_timer(args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED, list(args[2:]), repeat=True)

    def clear(this: Any, args: list) -> Any:
        if args:
            rt.clear_timer(args[0])
        return UNDEFINED

    def queue_microtask(this: Any, args: list) -> Any:
        fn = args[0] if args else UNDEFINED
        if isinstance(fn, JSFunction):
            rt.enqueue(lambda: fn.call(UNDEFINED, []))
        return UNDEFINED

    return {
        "setTimeout": NativeFunction("setTimeout", set_timeout, 2),
        "setInterval": NativeFunction("setInterval", set_interval, 2),
        "clearTimeout": NativeFunction("clearTimeout", clear, 1),
        "clearInterval": NativeFunction("clearInterval", clear, 1),
        "queueMicrotask": NativeFunction("queueMicrotask", queue_microtask, 1),
    }


def make_global_object(rt: Runtime, data: dict[str, Any] | None = None) -> dict:
    """Built-ins, then per-render globals, then ``data`` (already JS values) on top."""
    g: dict[str, Any] = dict(STATIC_GLOBALS)
    g["Promise"] = make_promise_global(rt)
    g["console"] = _console(rt)
    g.update(_timers(rt))
    for extra in rt.extra.get("global_factories", ()):
        g.update(extra(rt))
    g["globalThis"] = g
    g["window"] = g
    g["self"] = g
    if data:
        g.update(data)
    rt.global_obj = g
    return g
