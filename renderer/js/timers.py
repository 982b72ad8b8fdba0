"""``setTimeout``, ``setInterval``, their ``clear*`` and ``queueMicrotask``, on the render's virtual clock.

Made once and shared by every render: each call finds its render's runtime with
``current_runtime()`` (the timers and the job queue live there).
"""

from __future__ import annotations

from typing import Any

from .runtime import current_runtime
from .values import UNDEFINED, JSFunction, NativeFunction


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


TIMERS = _timers()
