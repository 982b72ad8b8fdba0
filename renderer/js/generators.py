"""Generator functions (``function*``, ``yield``, ``yield*``) on greenlets, like ``async``.

A generator object runs its body on its own greenlet: ``yield`` switches back to whoever called
``next()`` with the yielded value, and ``next(x)`` resumes the body with ``x``. ``return()``
abandons a suspended body (its ``finally`` blocks do not run: documented simplification).
"""

from __future__ import annotations

import contextvars
from typing import Any

from greenlet import getcurrent, greenlet

from .members import ITERATORS, define_methods, iterate
from .values import UNDEFINED, JSError, JSObject, JSThrow, type_error

_YIELD, _RETURN = 0, 1


class _GenGreenlet(greenlet):
    entry_depth = 0


class JSGenerator(JSObject):
    __slots__ = ("rt", "g", "state", "closure", "this", "args")
    class_name = "Generator"

    def __init__(self, closure: Any, this: Any, args: list) -> None:
        super().__init__()
        self.rt = closure.scope.rt
        self.closure = closure
        self.this = this
        self.args = args
        self.g: _GenGreenlet | None = None
        self.state = "suspendedStart"  # then suspendedYield, executing, completed

    def resume(self, mode: str, value: Any) -> dict:
        if self.state == "executing":
            type_error("Generator is already running")
        if self.state == "completed":
            if mode == "throw":
                raise JSThrow(value)
            return {"value": value if mode == "return" else UNDEFINED, "done": True}
        if self.state == "suspendedStart":
            if mode != "next":
                self.state = "completed"
                if mode == "throw":
                    raise JSThrow(value)
                return {"value": value, "done": True}
            self.g = _GenGreenlet(self._body)
            self.g.gr_context = contextvars.copy_context()
        g = self.g
        assert g is not None
        rt = self.rt
        depth = rt.depth
        g.parent = getcurrent()
        g.entry_depth = depth
        self.state = "executing"
        try:
            if mode == "next":
                out = g.switch(value)
            elif mode == "throw":
                out = g.throw(JSThrow(value))
            else:
                self.state = "completed"
                g.throw()  # GreenletExit: abandon the suspended body
                return {"value": value, "done": True}
        except BaseException:
            self.state = "completed"
            rt.depth = depth
            raise
        rt.depth = depth
        kind, v = out
        if kind == _RETURN:
            self.state = "completed"
            return {"value": v, "done": True}
        self.state = "suspendedYield"
        return {"value": v, "done": False}

    def _body(self, _first: Any = UNDEFINED) -> tuple[int, Any]:
        return (_RETURN, self.closure.invoke(self.this, self.args))


def yield_value(rt: Any, value: Any) -> Any:
    """``yield value`` inside a generator body: hand ``value`` out, return what ``next`` sends."""
    g = getcurrent()
    if not isinstance(g, _GenGreenlet):
        raise JSThrow(JSError("SyntaxError", "yield is only valid in generator functions"))
    inside = rt.depth - g.entry_depth
    parent = g.parent
    assert parent is not None
    sent = parent.switch((_YIELD, value))
    rt.depth = g.entry_depth + inside
    return sent


def yield_from(rt: Any, iterable: Any) -> Any:
    """``yield* iterable``: yield each of its values; a delegated generator's return value."""
    if isinstance(iterable, JSGenerator):
        sent: Any = UNDEFINED
        while True:
            step = iterable.resume("next", sent)
            if step["done"]:
                return step["value"]
            sent = yield_value(rt, step["value"])
    for item in iterate(iterable):
        yield_value(rt, item)
    return UNDEFINED


def _method(mode: str) -> Any:
    def run(this: Any, args: list) -> Any:
        if not isinstance(this, JSGenerator):
            type_error(f"{mode} method called on incompatible receiver")
        return this.resume(mode, args[0] if args else UNDEFINED)

    return run


define_methods(JSGenerator, next=_method("next"), return_=_method("return"), throw=_method("throw"))


def _iterate_generator(gen: JSGenerator) -> Any:
    while True:
        step = gen.resume("next", UNDEFINED)
        if step["done"]:
            return
        yield step["value"]


ITERATORS[JSGenerator] = _iterate_generator
