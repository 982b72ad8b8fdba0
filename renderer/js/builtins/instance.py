"""``instanceof`` for built-in constructors.

Each built-in constructor registers a predicate keyed by ``id(ctor)``; the interpreter calls
``instance_of(value, ctor)``.  Constructors compiled from template code (classes, functions)
have no predicate here: they answer themselves (``JSFunction.has_instance``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..values import JSFunction, type_error

INSTANCE_CHECKS: dict[int, Callable[[Any], bool]] = {}
_KEEP: list[Any] = []  # the registered constructors, so their ids stay unique

def register_instance_check(ctor: Any, pred: Callable[[Any], bool]) -> None:
    INSTANCE_CHECKS[id(ctor)] = pred
    _KEEP.append(ctor)


def instance_of(value: Any, ctor: Any) -> bool:
    if not isinstance(ctor, JSFunction):
        type_error("Right-hand side of 'instanceof' is not callable")
    pred = INSTANCE_CHECKS.get(id(ctor))
    if pred is not None:
        return pred(value)
    return ctor.has_instance(value)
