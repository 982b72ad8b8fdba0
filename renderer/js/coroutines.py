"""``async`` functions and ``await`` on greenlets.

Each async call runs its body on a greenlet; ``await`` parks the greenlet and hands control
back to whoever resumed it, and a promise reaction (a job in the render's queue) resumes it.
That keeps compiled code free of generators or continuations: the same closures serve sync
and async functions. Greenlets never run concurrently: the render stays single-threaded.
"""

from __future__ import annotations

import contextvars
from typing import Any

from greenlet import getcurrent, greenlet

from .builtins.promise import JSPromise, resolved
from .values import JSError, JSThrow

_SUSPENDED = object()


class _AsyncGreenlet(greenlet):
    entry_depth = 0


def call_async(fn: Any, this: Any, args: list) -> JSPromise:
    rt = fn.scope.rt
    promise = JSPromise(rt)

    def body() -> Any:
        try:
            value = fn.invoke(this, args)
        except JSThrow as exc:
            promise.reject(exc.value)
        except RecursionError:
            promise.reject(JSError("RangeError", "Maximum call stack size exceeded"))
        else:
            promise.resolve(value)
        return _SUSPENDED

    g = _AsyncGreenlet(body)
    g.gr_context = contextvars.copy_context()
    g.entry_depth = rt.depth
    g.switch()
    return promise


def await_value(rt: Any, value: Any) -> Any:
    g = getcurrent()
    if not isinstance(g, _AsyncGreenlet):
        raise JSThrow(JSError("SyntaxError", "await is only valid in async functions and the top level bodies of modules"))
    p = resolved(rt, value)
    outcome: list = []

    def resume(kind: str, v: Any) -> Any:
        outcome.append((kind, v))
        depth = rt.depth
        g.parent = getcurrent()
        g.entry_depth = depth
        g.switch()
        rt.depth = depth
        return None

    p._subscribe(lambda v: resume("ok", v), lambda e: resume("err", e), None)
    depth_inside = rt.depth - g.entry_depth
    rt.depth = g.entry_depth
    g.parent.switch(_SUSPENDED)
    rt.depth = g.entry_depth + depth_inside
    kind, v = outcome[0]
    if kind == "err":
        raise JSThrow(v)
    return v
