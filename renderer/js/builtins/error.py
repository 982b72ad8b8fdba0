"""Error constructors (Error, TypeError, RangeError, …), callable with and without ``new``,
the own properties of errors (``name``/``message``/``stack`` live in ``JSError`` slots) and
``Error.prototype.toString``.
"""

from __future__ import annotations

from typing import Any

from ..members import MISSING, SPECIAL_GETTERS, define_methods, get_member
from ..values import UNDEFINED, JSError, JSObject, NativeFunction, to_string, type_error
from .instance import register_instance_check

ERROR_NAMES = (
    "Error",
    "TypeError",
    "RangeError",
    "SyntaxError",
    "ReferenceError",
    "EvalError",
    "URIError",
)


def make_error(name: str, args: list) -> JSError:
    """What ``new <name>(message, options)`` builds."""
    msg = args[0] if args else UNDEFINED
    err = JSError(name, "" if msg is UNDEFINED else to_string(msg))
    if len(args) > 1:
        opts = args[1]
        if isinstance(opts, (dict, JSObject)) and not isinstance(opts, JSError):
            cause = get_member(opts, "cause")
            if cause is not UNDEFINED or (type(opts) is dict and "cause" in opts):
                err.props["cause"] = cause
    return err


def _error_getter(obj: JSError, key: str) -> Any:
    if key == "message":
        return obj.message
    if key == "name":
        return obj.name
    if key == "stack":
        return obj.stack
    return MISSING


SPECIAL_GETTERS[JSError] = _error_getter


def error_to_string(this: Any, args: list | None = None) -> str:
    if not isinstance(this, (dict, JSObject)):
        type_error("Error.prototype.toString requires that 'this' be an Object")
    name = get_member(this, "name")
    name = "Error" if name is UNDEFINED else to_string(name)
    msg = get_member(this, "message")
    msg = "" if msg is UNDEFINED else to_string(msg)
    if not name:
        return msg
    if not msg:
        return name
    return f"{name}: {msg}"


define_methods(JSError, toString=error_to_string)


def _make_ctor(name: str) -> NativeFunction:
    def construct(args: list) -> JSError:
        return make_error(name, args)

    ctor = NativeFunction(name, lambda this, args: construct(args), 1, construct)
    if name == "Error":
        register_instance_check(ctor, lambda v: isinstance(v, JSError))
        ctor.props["captureStackTrace"] = NativeFunction(
            "captureStackTrace", lambda this, args: UNDEFINED, 2
        )
        ctor.props["stackTraceLimit"] = 10.0
    else:
        register_instance_check(ctor, lambda v: isinstance(v, JSError) and v.name == name)
    return ctor


ERROR_CTORS: dict[str, NativeFunction] = {name: _make_ctor(name) for name in ERROR_NAMES}

GLOBALS: dict[str, Any] = dict(ERROR_CTORS)
