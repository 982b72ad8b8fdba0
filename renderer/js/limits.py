"""The limits every part of the engine checks: the current render, and how big a value may get.

A leaf module (it imports nothing of the engine) so that the value model (``values.js_add``),
the member gate and every built-in can reach the render's budgets without an import cycle.
``runtime.Runtime`` holds the budgets themselves; this module only finds the current one.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

MAX_ARRAY_LENGTH = 1_000_000
MAX_STRING_LENGTH = 10_000_000
LARGE = 1 << 16  # strings and arrays this long are sampled for the memory budget
# Units charged per key of a recursive object walk (merge, deep clone, deep compare): each one
# recurses and allocates, about 16 times a plain loop unit, so that the work budget (not a loaded
# machine's clock) ends exponential walks over shared subtrees, in about a second.
DEEP_STEP = 16

_current: ContextVar[Any] = ContextVar("kview_runtime")  # a runtime.Runtime (a layer above)


def current() -> Any:
    """The current render's ``Runtime`` (``runtime.current_runtime`` gives it its type)."""
    return _current.get()


def set_current(rt: Any) -> None:
    """Make ``rt`` the runtime of this context (``Runtime.make_current``)."""
    _current.set(rt)


def charge(units: int = 1) -> None:
    """Count built-in work toward the current render's budgets (a no-op outside a render).

    Built-ins that walk nodes, elements or characters in Python loops call this (or
    ``Runtime.charge`` on a runtime they hold) so that they end on the time and work budgets.
    """
    rt = _current.get(None)
    if rt is not None:
        rt.charge(units)


def allocating(units: int) -> None:
    """A string or array of ``units`` elements is about to be built: sample memory now and then."""
    rt = _current.get(None)
    if rt is not None:
        rt.allocating(units)
