"""Map, Set, WeakMap, WeakSet and the iterator objects (``map.keys()``, ``arr.entries()``…).

Keys use SameValueZero: ``normal_key`` maps a JS value to a hashable Python key (numbers by
value with ``-0`` folded into ``+0`` and one key for every NaN, booleans kept apart from
``1``/``0``, objects by identity) and each entry keeps the original key alive.

Entries carry an insertion sequence number so iteration is live like JavaScript's: entries
added during a ``forEach``/``for…of`` are visited, deleted ones are skipped.  WeakMap/WeakSet
are ordinary (strong) maps restricted to object keys.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..members import (
    ITERATORS,
    MAX_ARRAY_LENGTH,
    MISSING,
    SPECIAL_GETTERS,
    define_methods,
    get_member,
    iterate,
)
from ..values import UNDEFINED, JSObject, NativeFunction, range_error, type_error, typeof
from .function import describe, require_fn
from .instance import register_instance_check

_NAN_KEY = ("nan",)


def normal_key(k: Any) -> Any:
    t = type(k)
    if t is str:
        return k
    if t is float:
        if k != k:
            return _NAN_KEY
        return 0.0 if k == 0 else k
    if t is bool:
        return ("bool", k)
    if k is None or k is UNDEFINED:
        return k
    return ("id", id(k))


def is_object(v: Any) -> bool:
    return not (v is None or v is UNDEFINED or type(v) in (str, float, bool))


# ---------------------------------------------------------------------------- iterator objects


class JSIterator(JSObject):
    """A one-shot iterator object (``next()`` → ``{value, done}``) over a Python iterator."""

    __slots__ = ("it", "kind")
    class_name = "Object"

    def __init__(self, it: Iterator[Any], kind: str = "Array Iterator") -> None:
        super().__init__()
        self.it = it
        self.kind = kind


def _iterator_next(this: Any, args: list) -> dict:
    if not isinstance(this, JSIterator):
        type_error(f"next method called on incompatible receiver {describe(this)}")
    for v in this.it:
        return {"value": v, "done": False}
    return {"value": UNDEFINED, "done": True}


def _iterator_to_array(this: Any, args: list) -> list:
    if not isinstance(this, JSIterator):
        type_error("toArray called on incompatible receiver")
    return list(this.it)


define_methods(JSIterator, next=_iterator_next, toArray=_iterator_to_array)
ITERATORS[JSIterator] = lambda it: it.it


# ---------------------------------------------------------------------------- Map


class JSMap(JSObject):
    __slots__ = ("data", "seq")
    class_name = "Map"

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[Any, list] = {}  # normal key -> [key, value, seq]
        self.seq = 0

    def set(self, k: Any, v: Any) -> None:
        nk = normal_key(k)
        e = self.data.get(nk)
        if e is not None:
            e[1] = v
            return
        if len(self.data) >= MAX_ARRAY_LENGTH:
            range_error("Map maximum size exceeded")
        self.seq += 1
        self.data[nk] = [0.0 if k == 0 and type(k) is float else k, v, self.seq]

    def get(self, k: Any) -> Any:
        e = self.data.get(normal_key(k))
        return UNDEFINED if e is None else e[1]

    def live_entries(self) -> Iterator[list]:
        data = self.data
        last = 0
        while True:
            batch = [e for e in data.values() if e[2] > last]
            if not batch:
                return
            for e in batch:
                if data.get(normal_key(e[0])) is e:
                    last = e[2]
                    yield e
            if last < batch[-1][2]:
                last = batch[-1][2]


def _this_map(this: Any, method: str) -> JSMap:
    if isinstance(this, JSMap):
        return this
    return type_error(
        f"Method Map.prototype.{method} called on incompatible receiver {describe(this)}"
    )


def _map_get(this: Any, args: list) -> Any:
    return _this_map(this, "get").get(args[0] if args else UNDEFINED)


def _map_set(this: Any, args: list) -> Any:
    _this_map(this, "set").set(
        args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED
    )
    return this


def _map_has(this: Any, args: list) -> bool:
    return normal_key(args[0] if args else UNDEFINED) in _this_map(this, "has").data


def _map_delete(this: Any, args: list) -> bool:
    return (
        _this_map(this, "delete").data.pop(normal_key(args[0] if args else UNDEFINED), None)
        is not None
    )


def _map_clear(this: Any, args: list) -> Any:
    _this_map(this, "clear").data.clear()
    return UNDEFINED


def _map_for_each(this: Any, args: list) -> Any:
    m = _this_map(this, "forEach")
    fn = require_fn(args[0] if args else UNDEFINED)
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    for e in m.live_entries():
        fn.call(this_arg, [e[1], e[0], m])
    return UNDEFINED


def _map_keys(this: Any, args: list) -> JSIterator:
    m = _this_map(this, "keys")
    return JSIterator((e[0] for e in m.live_entries()), "Map Iterator")


def _map_values(this: Any, args: list) -> JSIterator:
    m = _this_map(this, "values")
    return JSIterator((e[1] for e in m.live_entries()), "Map Iterator")


def _map_entries(this: Any, args: list) -> JSIterator:
    m = _this_map(this, "entries")
    return JSIterator(([e[0], e[1]] for e in m.live_entries()), "Map Entries")


define_methods(
    JSMap,
    get=_map_get,
    set=_map_set,
    has=_map_has,
    delete=_map_delete,
    clear=_map_clear,
    forEach=_map_for_each,
    keys=_map_keys,
    values=_map_values,
    entries=_map_entries,
)
ITERATORS[JSMap] = lambda m: ([e[0], e[1]] for e in m.live_entries())


def _size_getter(obj: Any, key: str) -> Any:
    if key == "size":
        return float(len(obj.data))
    return MISSING


SPECIAL_GETTERS[JSMap] = _size_getter


def _not_iterable(v: Any) -> Any:
    if v is None:
        kind = "object null"
    elif type(v) is dict:
        kind = "object"
    else:
        kind = f"{typeof(v)} {describe(v)}"
    return type_error(f"{kind} is not iterable (cannot read property Symbol(Symbol.iterator))")


def _iter_arg(v: Any) -> Iterator[Any]:
    if type(v) in (float, bool, dict) or v is None:
        _not_iterable(v)
    return iterate(v)


def _fill_map(m: JSMap, iterable: Any) -> JSMap:
    if iterable is UNDEFINED or iterable is None:
        return m
    for entry in _iter_arg(iterable):
        if type(entry) is list:
            m.set(entry[0] if entry else UNDEFINED, entry[1] if len(entry) > 1 else UNDEFINED)
        elif is_object(entry):
            m.set(get_member(entry, "0"), get_member(entry, "1"))
        else:
            type_error(f"Iterator value {describe(entry)} is not an entry object")
    return m


def _requires_new(name: str) -> Any:
    def call(this: Any, args: list) -> Any:
        return type_error(f"Constructor {name} requires 'new'")

    return call


Map = NativeFunction(
    "Map", _requires_new("Map"), 0, lambda args: _fill_map(JSMap(), args[0] if args else UNDEFINED)
)
register_instance_check(Map, lambda v: isinstance(v, JSMap) and not isinstance(v, JSWeakMap))


# ---------------------------------------------------------------------------- Set


class JSSet(JSObject):
    __slots__ = ("data", "seq")
    class_name = "Set"

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[Any, list] = {}  # normal key -> [value, seq]
        self.seq = 0

    def add(self, v: Any) -> None:
        nk = normal_key(v)
        if nk in self.data:
            return
        if len(self.data) >= MAX_ARRAY_LENGTH:
            range_error("Set maximum size exceeded")
        self.seq += 1
        self.data[nk] = [0.0 if v == 0 and type(v) is float else v, self.seq]

    def live_values(self) -> Iterator[Any]:
        data = self.data
        last = 0
        while True:
            batch = [e for e in data.values() if e[1] > last]
            if not batch:
                return
            for e in batch:
                if data.get(normal_key(e[0])) is e:
                    last = e[1]
                    yield e[0]
            if last < batch[-1][1]:
                last = batch[-1][1]


def _this_set(this: Any, method: str) -> JSSet:
    if isinstance(this, JSSet):
        return this
    return type_error(
        f"Method Set.prototype.{method} called on incompatible receiver {describe(this)}"
    )


def _set_add(this: Any, args: list) -> Any:
    _this_set(this, "add").add(args[0] if args else UNDEFINED)
    return this


def _set_has(this: Any, args: list) -> bool:
    return normal_key(args[0] if args else UNDEFINED) in _this_set(this, "has").data


def _set_delete(this: Any, args: list) -> bool:
    return (
        _this_set(this, "delete").data.pop(normal_key(args[0] if args else UNDEFINED), None)
        is not None
    )


def _set_clear(this: Any, args: list) -> Any:
    _this_set(this, "clear").data.clear()
    return UNDEFINED


def _set_for_each(this: Any, args: list) -> Any:
    s = _this_set(this, "forEach")
    fn = require_fn(args[0] if args else UNDEFINED)
    this_arg = args[1] if len(args) > 1 else UNDEFINED
    for v in s.live_values():
        fn.call(this_arg, [v, v, s])
    return UNDEFINED


def _set_values(this: Any, args: list) -> JSIterator:
    return JSIterator(_this_set(this, "values").live_values(), "Set Iterator")


def _set_entries(this: Any, args: list) -> JSIterator:
    s = _this_set(this, "entries")
    return JSIterator(([v, v] for v in s.live_values()), "Set Entries")


define_methods(
    JSSet,
    add=_set_add,
    has=_set_has,
    delete=_set_delete,
    clear=_set_clear,
    forEach=_set_for_each,
    values=_set_values,
    keys=_set_values,
    entries=_set_entries,
)
ITERATORS[JSSet] = lambda s: s.live_values()
SPECIAL_GETTERS[JSSet] = _size_getter


def _fill_set(s: JSSet, iterable: Any) -> JSSet:
    if iterable is UNDEFINED or iterable is None:
        return s
    if type(iterable) is list:
        for v in iterable:
            s.add(v)
        return s
    for v in _iter_arg(iterable):
        s.add(v)
    return s


Set = NativeFunction(
    "Set", _requires_new("Set"), 0, lambda args: _fill_set(JSSet(), args[0] if args else UNDEFINED)
)
register_instance_check(Set, lambda v: isinstance(v, JSSet) and not isinstance(v, JSWeakSet))


# ---------------------------------------------------------------------------- WeakMap / WeakSet


class JSWeakMap(JSMap):
    __slots__ = ()
    class_name = "WeakMap"

    def set(self, k: Any, v: Any) -> None:
        if not is_object(k):
            type_error("Invalid value used as weak map key")
        super().set(k, v)


class JSWeakSet(JSSet):
    __slots__ = ()
    class_name = "WeakSet"

    def add(self, v: Any) -> None:
        if not is_object(v):
            type_error("Invalid value used in weak set")
        super().add(v)


def _weak_blocked(this: Any, args: list) -> Any:
    return UNDEFINED


# Weak collections are not iterable and have no size/clear/forEach/keys… in JavaScript.
for _name in ("clear", "forEach", "keys", "values", "entries"):
    define_methods(JSWeakMap, **{_name: NativeFunction(_name, _weak_blocked)})
    define_methods(JSWeakSet, **{_name: NativeFunction(_name, _weak_blocked)})
SPECIAL_GETTERS[JSWeakMap] = lambda obj, key: UNDEFINED if key == "size" else MISSING
SPECIAL_GETTERS[JSWeakSet] = lambda obj, key: UNDEFINED if key == "size" else MISSING


def _no_iter(v: Any) -> Iterator[Any]:
    return type_error("object is not iterable (cannot read property Symbol(Symbol.iterator))")


ITERATORS[JSWeakMap] = _no_iter
ITERATORS[JSWeakSet] = _no_iter

WeakMap = NativeFunction(
    "WeakMap",
    _requires_new("WeakMap"),
    0,
    lambda args: _fill_map(JSWeakMap(), args[0] if args else UNDEFINED),
)
WeakSet = NativeFunction(
    "WeakSet",
    _requires_new("WeakSet"),
    0,
    lambda args: _fill_set(JSWeakSet(), args[0] if args else UNDEFINED),
)
register_instance_check(WeakMap, lambda v: isinstance(v, JSWeakMap))
register_instance_check(WeakSet, lambda v: isinstance(v, JSWeakSet))

__all__ = ["JSIterator", "JSMap", "JSSet", "JSWeakMap", "JSWeakSet", "normal_key"]

GLOBALS: dict[str, Any] = {"Map": Map, "Set": Set, "WeakMap": WeakMap, "WeakSet": WeakSet}
