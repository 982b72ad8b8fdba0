"""Variable environments: a chain of dicts, with TDZ markers and const names per scope."""

from __future__ import annotations

from typing import Any, NoReturn

from .values import JSError, JSThrow

MISSING: Any = object()


class _TDZ:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<uninitialized>"


TDZ: Any = _TDZ()
EMPTY: frozenset = frozenset()


class Scope:
    """One environment record. ``consts`` names the immutable bindings declared here."""

    __slots__ = ("vars", "parent", "consts", "rt")

    def __init__(self, vars: dict, parent: Scope | None, consts: frozenset, rt: Any) -> None:
        self.vars = vars
        self.parent = parent
        self.consts = consts
        self.rt = rt


def reference_error(message: str) -> NoReturn:
    raise JSThrow(JSError("ReferenceError", message))


def lookup(scope: Scope, name: str) -> Any:
    s: Scope | None = scope
    while s is not None:
        v = s.vars.get(name, MISSING)
        if v is not MISSING:
            if v is TDZ:
                reference_error(f"Cannot access '{name}' before initialization")
            return v
        s = s.parent
    return reference_error(f"{name} is not defined")


def lookup_or_missing(scope: Scope, name: str) -> Any:
    s: Scope | None = scope
    while s is not None:
        v = s.vars.get(name, MISSING)
        if v is not MISSING:
            return v
        s = s.parent
    return MISSING


def assign(scope: Scope, name: str, value: Any) -> None:
    s: Scope | None = scope
    while s is not None:
        vs = s.vars
        if name in vs:
            if name in s.consts:
                if vs[name] is TDZ:
                    reference_error(f"Cannot access '{name}' before initialization")
                raise JSThrow(JSError("TypeError", "Assignment to constant variable."))
            if vs[name] is TDZ:
                reference_error(f"Cannot access '{name}' before initialization")
            vs[name] = value
            return
        if s.parent is None:
            vs[name] = value  # sloppy mode: an undeclared assignment creates a global
            return
        s = s.parent
