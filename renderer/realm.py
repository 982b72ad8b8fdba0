"""The global object of one render: shared built-ins, per-render ones, then the template's data.

``Promise``, ``console`` and the timer functions are made once too: they only need the
render's runtime, which they find with ``current_runtime()`` (set by ``make_global_object``).
"""

from __future__ import annotations

from typing import Any

from .js.builtins import STATIC_GLOBALS
from .js.builtins import instance as _instance
from .js.builtins.promise import PROMISE, JSPromise
from .js.console import format_log_args
from .js.runtime import Runtime, current_runtime
from .js.values import UNDEFINED, JSFunction, JSNamespace, NativeFunction


def _fallback_instanceof(value: Any, ctor: Any) -> bool:
    from .js.classes import ClassFunction, JSErrorInstance, JSInstance

    if isinstance(ctor, ClassFunction):
        return isinstance(value, (JSInstance, JSErrorInstance)) and ctor.is_ancestor_of(value.cls)
    if ctor.name == "Promise":
        return isinstance(value, JSPromise)
    proto = ctor.props.get("prototype") if isinstance(ctor, JSFunction) else None
    return isinstance(proto, dict) and isinstance(value, dict) and all(
        value.get(k) is v for k, v in proto.items()
    ) and bool(proto)


_instance.fallback = _fallback_instanceof


def _console() -> JSNamespace:
    def logger(level: str) -> NativeFunction:
        def log(this: Any, args: list) -> Any:
            current_runtime().log(level, format_log_args(args))
            return UNDEFINED

        return NativeFunction(level, log)

    methods = {name: logger(name) for name in ("log", "info", "warn", "error", "debug", "trace", "table", "dir")}
    noop = NativeFunction("noop", lambda this, args: UNDEFINED)
    for name in ("group", "groupCollapsed", "groupEnd", "time", "timeEnd", "timeLog", "count", "assert", "clear"):
        methods[name] = noop
    return JSNamespace(methods)


def _timers() -> dict[str, NativeFunction]:
    def set_timeout(this: Any, args: list) -> float:
        return current_runtime().set_timer(
            args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED, list(args[2:])
        )

    def set_interval(this: Any, args: list) -> float:
        return current_runtime().set_timer(
            args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED, list(args[2:]), repeat=True
        )

    def clear(this: Any, args: list) -> Any:
        if args:
            current_runtime().clear_timer(args[0])
        return UNDEFINED

    def queue_microtask(this: Any, args: list) -> Any:
        fn = args[0] if args else UNDEFINED
        if isinstance(fn, JSFunction):
            current_runtime().enqueue(lambda: fn.call(UNDEFINED, []))
        return UNDEFINED

    return {
        "setTimeout": NativeFunction("setTimeout", set_timeout, 2),
        "setInterval": NativeFunction("setInterval", set_interval, 2),
        "clearTimeout": NativeFunction("clearTimeout", clear, 1),
        "clearInterval": NativeFunction("clearInterval", clear, 1),
        "queueMicrotask": NativeFunction("queueMicrotask", queue_microtask, 1),
    }


CONSOLE = _console()
TIMERS = _timers()


def make_global_object(rt: Runtime, data: dict[str, Any] | None = None) -> dict:
    """Built-ins, then per-render globals, then ``data`` (already JS values) on top."""
    rt.make_current()  # before the factories: what they share finds ``rt`` through it
    g: dict[str, Any] = dict(STATIC_GLOBALS)
    g["Promise"] = PROMISE
    g["console"] = CONSOLE
    g.update(TIMERS)
    for extra in rt.extra.get("global_factories", ()):
        g.update(extra(rt))
    g["globalThis"] = g
    g["window"] = g
    g["self"] = g
    if data:
        g.update(data)
    rt.global_obj = g
    return g
