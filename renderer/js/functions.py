"""Functions defined in templates: the closure objects a compiled ``function``/arrow/method makes.

``FunctionCode`` is what the compiler knows of a function (its parameters binder and body
runner, made once per template version); a ``Closure`` pairs it with the scope it was created
in. ``async`` functions run their body on a greenlet (``coroutines.py``), generators on their
own (``generators.py``).
"""

from __future__ import annotations

from typing import Any

from . import values as jv
from .coroutines import call_async
from .generators import JSGenerator
from .scope import EMPTY, Scope
from .values import UNDEFINED, JSFunction


class Closure(JSFunction):
    """A function defined in the template."""

    __slots__ = ("code", "scope", "is_arrow", "is_async")

    def __init__(self, code: FunctionCode, scope: Scope) -> None:
        super().__init__(code.name, code.length)
        self.code = code
        self.scope = scope
        self.is_arrow = code.is_arrow
        self.is_async = code.is_async

    def invoke(self, this: Any, args: list) -> Any:
        rt = self.scope.rt
        rt.tick()
        rt.depth += 1
        try:
            if rt.depth > rt.budgets.max_depth:
                jv.range_error("Maximum call stack size exceeded")
            code = self.code
            names = code.arrow_names
            if names is not None and len(args) >= len(names):
                # The usual callback: an arrow with plain parameters, each given an argument.
                return code.run(Scope(dict(zip(names, args)), self.scope, EMPTY, rt))
            if code.is_arrow:
                vs: dict = {}
            else:
                if this is None or this is UNDEFINED:
                    this = rt.global_obj
                vs = {"this": this, "arguments": args}
            if code.self_name is not None:
                vs[code.self_name] = self
            scope = Scope(vs, self.scope, EMPTY, rt)
            code.bind(scope, args)
            return code.run(scope)
        finally:
            rt.depth -= 1

    call = invoke  # calling a sync function is invoking it (AsyncClosure.call differs)

    def construct(self, args: list) -> Any:
        if self.is_arrow or self.is_async:
            return super().construct(args)
        obj: dict = {}
        proto = self.props.get("prototype")
        if isinstance(proto, dict):
            for k, v in proto.items():
                obj.setdefault(k, v)
        result = self.invoke(obj, args)
        if isinstance(result, (dict, list, jv.JSObject)):
            return result
        return obj


class AsyncClosure(Closure):
    """An ``async`` function: a call runs the body on a greenlet and returns a promise."""

    __slots__ = ()

    def call(self, this: Any, args: list) -> Any:
        return call_async(self, this, args)


class GeneratorClosure(Closure):
    """A ``function*``: a call returns a generator object whose body runs on its own greenlet."""

    __slots__ = ()

    def call(self, this: Any, args: list) -> Any:
        if this is None or this is UNDEFINED:
            this = self.scope.rt.global_obj
        return JSGenerator(self, this, args)

    def construct(self, args: list) -> Any:
        return jv.type_error(f"{self.name or 'anonymous'} is not a constructor")


def closure_class(code: FunctionCode) -> type[Closure]:
    """Which kind of function object a compiled function makes."""
    if code.is_generator:
        if code.is_async:
            raise NotImplementedError  # rejected at compile time (function_code)
        return GeneratorClosure
    return AsyncClosure if code.is_async else Closure


class FunctionCode:
    """Everything about a function that does not depend on the closure's scope."""

    __slots__ = (
        "name", "length", "is_arrow", "is_async", "bind", "run", "loc", "self_name", "arrow_names", "is_generator",
    )

    def __init__(self, name: str, length: int, is_arrow: bool, is_async: bool, bind: Any, run: Any, loc: Any):
        self.self_name: str | None = None
        self.is_generator = False
        # An arrow whose parameters are all plain names: those names (Closure.invoke's fast path).
        self.arrow_names: tuple[str, ...] | None = None
        self.name = name
        self.length = length
        self.is_arrow = is_arrow
        self.is_async = is_async
        self.bind = bind
        self.run = run
        self.loc = loc
