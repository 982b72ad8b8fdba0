"""``class`` syntax: constructors, methods, accessors, fields, statics, ``extends`` and ``super``.

A class is a ``ClassFunction``; its instances are ``JSInstance`` objects whose own properties live
in ``props`` and whose methods and accessors are found along the class chain (the prototype
chain, without exposing ``prototype`` objects to templates). Methods see their class through a
hidden ``%home`` binding in their scope, which is how ``super.x`` and ``super(...)`` resolve.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .members import MISSING, SPECIAL_GETTERS, SPECIAL_SETTERS
from .scope import Scope, lookup_or_missing
from .values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSObject,
    JSThrow,
    safe_to_string,
    to_property_key,
    to_string,
    type_error,
)

if TYPE_CHECKING:
    from .functions import Closure

HOME = "%home"  # not a valid identifier: templates cannot shadow or read it


class JSInstance(JSObject):
    __slots__ = ("cls",)
    class_name = "Object"

    def __init__(self, cls: ClassFunction) -> None:
        super().__init__()
        self.cls = cls


class JSErrorInstance(JSError):
    """An instance of a class that extends ``Error``: an Error with the class's methods."""

    __slots__ = ("cls",)

    def __init__(self, name: str, cls: ClassFunction) -> None:
        super().__init__(name, "")
        self.cls = cls


ERROR_NAMES = frozenset(
    {"Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError", "EvalError", "URIError"}
)


def init_parent(cls: ClassFunction, obj: Any, args: list) -> None:
    """The parent's part of construction: a class's ``initialize``, or Error's message."""
    parent = cls.parent
    if isinstance(parent, ClassFunction):
        parent.initialize(obj, args)
    elif isinstance(obj, JSError) and args and args[0] is not UNDEFINED:
        obj.message = to_string(args[0])
        obj.stack = f"{obj.name}: {obj.message}"


class ClassFunction(JSFunction):
    """A class: callable only with ``new``."""

    __slots__ = ("parent", "ctor", "methods", "getters", "setters", "fields", "home_scope")

    def __init__(self, name: str, parent: Any) -> None:
        super().__init__(name, 0)
        self.parent = parent
        self.ctor: Closure | None = None
        self.methods: dict[str, Any] = {}
        self.getters: dict[str, Any] = {}
        self.setters: dict[str, Any] = {}
        self.fields: list[tuple[Any, Any]] = []  # (key or key-fn, init closure or None)
        self.home_scope: Scope | None = None

    def call(self, this: Any, args: list) -> Any:
        return type_error(f"Class constructor {self.name} cannot be invoked without 'new'")

    def construct(self, args: list) -> Any:
        root = self.root_parent()
        if root is None:
            obj: Any = JSInstance(self)
        elif root.name in ERROR_NAMES:
            obj = JSErrorInstance(root.name, self)  # class MyError extends Error
        else:
            return type_error(f"kview: class {self.name} extends the built-in {root.name}, which is not supported")
        self.initialize(obj, args)
        return obj

    def root_parent(self) -> Any:
        """The built-in constructor at the top of the chain, if any."""
        c: Any = self.parent
        while isinstance(c, ClassFunction):
            c = c.parent
        return c if isinstance(c, JSFunction) else None

    def initialize(self, obj: Any, args: list) -> None:
        """Run this class's part of construction on ``obj`` (fields, then the constructor body)."""
        if self.ctor is None:
            init_parent(self, obj, args)
            self.init_fields(obj)
            return
        if self.parent is None:
            self.init_fields(obj)  # a base class: fields before the body; derived: at super()
        self.ctor.invoke(obj, args)

    def init_fields(self, obj: Any) -> None:
        for key, init in self.fields:
            obj.props[key] = init.invoke(obj, []) if init is not None else UNDEFINED

    # -------------------------------------------------------------- lookup along the chain
    def find(self, table: str, key: str) -> Any:
        c: Any = self
        while isinstance(c, ClassFunction):
            v = getattr(c, table).get(key, MISSING)
            if v is not MISSING:
                return v
            c = c.parent
        return MISSING

    def find_static(self, key: str) -> Any:
        c: Any = self.parent
        while isinstance(c, ClassFunction):
            v = c.props.get(key, MISSING)
            if v is not MISSING:
                return v
            c = c.parent
        return MISSING

    def has_instance(self, value: Any) -> bool:
        return isinstance(value, (JSInstance, JSErrorInstance)) and self.is_ancestor_of(value.cls)

    def is_ancestor_of(self, cls: Any) -> bool:
        while isinstance(cls, ClassFunction):
            if cls is self:
                return True
            cls = cls.parent
        return False


def _instance_get(obj: Any, key: str) -> Any:
    getter = obj.cls.find("getters", key)
    if getter is not MISSING:
        return getter.invoke(obj, [])
    return obj.cls.find("methods", key)


def _instance_set(obj: Any, key: str, value: Any) -> bool:
    setter = obj.cls.find("setters", key)
    if setter is not MISSING:
        setter.invoke(obj, [value])
        return True
    if obj.cls.find("getters", key) is not MISSING:
        return True  # a getter without a setter: the write is ignored (sloppy mode)
    return False


def _class_get(cls: ClassFunction, key: str) -> Any:
    if key == "name":
        return cls.name
    return cls.find_static(key)


SPECIAL_GETTERS[JSInstance] = _instance_get
SPECIAL_SETTERS[JSInstance] = _instance_set
SPECIAL_GETTERS[JSErrorInstance] = _instance_get  # then JSError's own name/message/stack
SPECIAL_SETTERS[JSErrorInstance] = _instance_set
SPECIAL_GETTERS[ClassFunction] = _class_get


def super_call(scope: Scope, args: list) -> Any:
    """``super(...args)`` inside a derived constructor."""
    home = lookup_or_missing(scope, HOME)
    this = lookup_or_missing(scope, "this")
    if not isinstance(home, ClassFunction) or not isinstance(this, (JSInstance, JSErrorInstance)):
        raise JSThrow(JSError("SyntaxError", "'super' keyword unexpected here"))
    init_parent(home, this, args)
    home.init_fields(this)
    return UNDEFINED


def super_member(scope: Scope, key: Any) -> Any:
    """``super.name``: the parent class's method (or static, from a static method)."""
    home = lookup_or_missing(scope, HOME)
    if not isinstance(home, ClassFunction):
        raise JSThrow(JSError("SyntaxError", "'super' keyword unexpected here"))
    k = key if isinstance(key, str) else to_property_key(key)
    this = lookup_or_missing(scope, "this")
    parent = home.parent
    if not isinstance(parent, ClassFunction):
        return UNDEFINED
    if isinstance(this, ClassFunction):  # inside a static method
        v = parent.props.get(k, MISSING)
        return parent.find_static(k) if v is MISSING else v
    getter = parent.find("getters", k)
    if getter is not MISSING:
        return getter.invoke(this, [])
    v = parent.find("methods", k)
    return UNDEFINED if v is MISSING else v


def jv_describe(v: Any) -> str:
    return safe_to_string(v)
