"""Function.prototype (call/apply/bind/toString), the ``name``/``length`` own properties of
functions, the ``Function`` global (which refuses to compile strings), and the small helpers
every builtins module shares (``arg``, ``require_fn``, ``describe``).
"""

from __future__ import annotations

from typing import Any

from ..members import MAX_ARRAY_LENGTH, MISSING, SPECIAL_GETTERS, define_methods, get_member
from ..values import (
    UNDEFINED,
    BoundFunction,
    JSError,
    JSFunction,
    JSObject,
    JSThrow,
    NativeFunction,
    primitive_to_string,
    range_error,
    to_number,
    to_string,
    type_error,
)
from .instance import register_instance_check

# ---------------------------------------------------------------------------- shared helpers


def arg(args: list, i: int) -> Any:
    """``args[i]`` or ``undefined``."""
    return args[i] if len(args) > i else UNDEFINED


def describe(v: Any) -> str:
    """How V8 shows a value in "… is not a function" messages raised by built-ins."""
    s = primitive_to_string(v)
    if s is not None:
        return s
    t = type(v)
    if t is list:
        return "[object Array]"
    if t is dict:
        return "#<Object>"
    if isinstance(v, JSError):
        return f"{v.name}: {v.message}" if v.message else v.name
    if isinstance(v, JSFunction):
        return f"function {v.name}"
    if isinstance(v, JSObject):
        return f"#<{getattr(v, 'class_name', 'Object')}>"
    return "#<Object>"


def require_fn(fn: Any) -> JSFunction:
    """``fn`` if callable, else V8's ``TypeError: <fn> is not a function``."""
    if isinstance(fn, JSFunction):
        return fn
    return type_error(f"{describe(fn)} is not a function")


def native(name: str, fn: Any, length: int = 0, ctor: Any = None) -> NativeFunction:
    return NativeFunction(name, fn, length, ctor)


def array_like_to_list(v: Any) -> list:
    """CreateListFromArrayLike (for ``apply`` and friends)."""
    if type(v) is list:
        return v
    if v is None or v is UNDEFINED:
        return []
    if type(v) in (str, float, bool):
        type_error("CreateListFromArrayLike called on non-object")
    n = to_number(get_member(v, "length"))
    if n != n or n <= 0:
        return []
    n = int(min(n, float(MAX_ARRAY_LENGTH + 1)))
    if n > MAX_ARRAY_LENGTH:
        range_error("Invalid array length")
    return [get_member(v, float(i)) for i in range(n)]


# ---------------------------------------------------------------------------- Function.prototype


def _this_fn(this: Any, method: str) -> JSFunction:
    if not isinstance(this, JSFunction):
        type_error(f"Function.prototype.{method} called on non-function")
    return this


def _call(this: Any, args: list) -> Any:
    fn = _this_fn(this, "call")
    return fn.call(args[0] if args else UNDEFINED, args[1:])


def _apply(this: Any, args: list) -> Any:
    fn = _this_fn(this, "apply")
    return fn.call(arg(args, 0), list(array_like_to_list(arg(args, 1))))


def _bind(this: Any, args: list) -> Any:
    if not isinstance(this, JSFunction):
        type_error("Bind must be called on a function")
    return BoundFunction(this, arg(args, 0), list(args[1:]))


def function_source(fn: JSFunction) -> str:
    """Function.prototype.toString: the source text when the compiler kept it (a ``source``
    attribute on the function or its ``code``), else the native-code form."""
    src = getattr(fn, "source", None)
    if not isinstance(src, str):
        src = getattr(getattr(fn, "code", None), "source", None)
    if isinstance(src, str) and src:
        return src
    return f"function {fn.name}() {{ [native code] }}"


def _to_string(this: Any, args: list) -> str:
    if not isinstance(this, JSFunction):
        type_error("Function.prototype.toString requires that 'this' be a Function")
    return function_source(this)


define_methods(JSFunction, call=_call, apply=_apply, bind=_bind, toString=_to_string)


def _function_getter(obj: JSFunction, key: str) -> Any:
    if key == "name":
        return obj.name
    if key == "length":
        return float(obj.length)
    return MISSING


SPECIAL_GETTERS[JSFunction] = _function_getter


def _function_ctor(args: list) -> Any:
    raise JSThrow(JSError("EvalError", "Code generation from strings disallowed for this context"))


Function = NativeFunction("Function", lambda this, args: _function_ctor(args), 1, _function_ctor)

register_instance_check(Function, lambda v: isinstance(v, JSFunction))

GLOBALS: dict[str, Any] = {"Function": Function}

__all__ = [
    "GLOBALS",
    "arg",
    "array_like_to_list",
    "describe",
    "function_source",
    "native",
    "require_fn",
    "to_string",
]
