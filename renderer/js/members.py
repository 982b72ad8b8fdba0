"""The one gate for property access: every ``.x``, ``[k]``, ``?.`` and prop read goes through here.

It only ever looks at own data (dict keys, list indices, ``props`` of kview objects) and at the
per-type method tables that ``renderer/js/builtins`` fill in. It never calls ``getattr`` on a Python
object, so template code cannot reach Python. ``__proto__``, ``constructor``, ``prototype`` and
dunder names read as missing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator
from contextvars import ContextVar
from typing import Any

from .limits import LARGE, MAX_ARRAY_LENGTH, MAX_STRING_LENGTH, allocating
from .values import (
    UNDEFINED,
    JSFunction,
    JSNamespace,
    JSObject,
    NativeFunction,
    number_to_string,
    range_error,
    safe_to_string,
    to_number,
    to_property_key,
    type_error,
)

MISSING: Any = object()
BLOCKED = frozenset({"__proto__", "constructor", "prototype"})

# Named own properties of a few built-in-made arrays (a regexp match's index/input/groups).
# Arrays are plain lists, which cannot carry attributes, so these are found by identity in a
# bounded table that holds the list itself (its id cannot be reused while it is listed).
# The table is bounded by entries and by what they hold (a match's ``input`` may be ten million
# characters): at most _ARRAY_PROPS_ENTRIES entries and _ARRAY_PROPS_COST elements + characters.
_ARRAY_PROPS: OrderedDict[int, tuple[list, dict, int]] = OrderedDict()
_ARRAY_PROPS_LOCK = threading.Lock()
_ARRAY_PROPS_ENTRIES = 4096
_ARRAY_PROPS_COST = 4_000_000
_array_props_cost = 0


def set_array_props(arr: list, props: dict) -> None:
    global _array_props_cost
    cost = 16 + len(arr) + sum(len(v) for v in props.values() if type(v) is str)
    with _ARRAY_PROPS_LOCK:
        old = _ARRAY_PROPS.pop(id(arr), None)
        if old is not None:
            _array_props_cost -= old[2]
        _ARRAY_PROPS[id(arr)] = (arr, props, cost)
        _array_props_cost += cost
        while len(_ARRAY_PROPS) > 1 and (
            len(_ARRAY_PROPS) > _ARRAY_PROPS_ENTRIES or _array_props_cost > _ARRAY_PROPS_COST
        ):
            _, (_, _, dropped) = _ARRAY_PROPS.popitem(last=False)
            _array_props_cost -= dropped


def array_props(arr: list) -> dict | None:
    entry = _ARRAY_PROPS.get(id(arr))
    return entry[1] if entry is not None and entry[0] is arr else None


# Non-enumerable properties of plain objects (dicts) that the host adds: kview's records offer
# ``object.context`` this way, so a record the user wrote keeps exactly its own keys for
# ``Object.keys``, ``JSON.stringify``, ``for…in`` and spread; reads and ``in`` see them. Dicts
# cannot carry attributes, so the table is by identity and holds the dict (its id is not reused
# while listed). It lives in a context variable: each render runs in its own context
# (``render.in_own_context``), so a render's table goes away with the render.
_HIDDEN_PROPS: ContextVar[dict[int, tuple[dict, dict]] | None] = ContextVar("hidden_props", default=None)


def set_hidden_props(obj: dict, props: dict) -> None:
    """Give the plain object ``obj`` non-enumerable properties (own keys of ``obj`` win)."""
    table = _HIDDEN_PROPS.get()
    if table is None:
        table = {}
        _HIDDEN_PROPS.set(table)
    table[id(obj)] = (obj, props)


def hidden_props(obj: dict) -> dict | None:
    table = _HIDDEN_PROPS.get()
    entry = table.get(id(obj)) if table else None
    return entry[1] if entry is not None and entry[0] is obj else None


# Method tables, filled by renderer/js/builtins at import: Python type -> {name: NativeFunction}.
OBJECT_PROTO: dict[str, NativeFunction] = {}
PROTOS: dict[type, dict[str, NativeFunction]] = {
    str: {},
    float: {},
    bool: {},
    list: {},
    dict: {},
}
_proto_cache: dict[type, dict[str, NativeFunction]] = {}


def proto_for(t: type) -> dict[str, NativeFunction]:
    """The method table of a type, inherited along the Python MRO (NativeFunction → JSFunction)."""
    table = _proto_cache.get(t)
    if table is None:
        table = {}
        for base in reversed(t.__mro__):
            table.update(PROTOS.get(base, {}))
        _proto_cache[t] = table
    return table


def define_methods(t: type, **methods: Any) -> None:
    """Register ``name=fn(this, args)`` methods for a type (used by the builtins modules)."""
    table = PROTOS.setdefault(t, {})
    for name, fn in methods.items():
        name = name.rstrip("_")
        table[name] = fn if isinstance(fn, NativeFunction) else NativeFunction(name, fn)
    _proto_cache.clear()


def _blocked(key: str) -> bool:
    return key in BLOCKED or (key.startswith("__") and key.endswith("__"))


def _index(key: Any) -> int:
    """A list/str index from a key, or -1."""
    if type(key) is float:
        i = int(key) if key == key and abs(key) < 1e15 else -1
        return i if i == key else -1
    if type(key) is str and key.isdigit() and key.isascii() and (key == "0" or key[0] != "0"):
        return int(key)
    return -1


def indexed_values(obj: dict, n: int) -> list:
    """``[obj[0], …, obj[n - 1]]`` as ``get_member`` reads them, for a plain object (an
    array-like such as ``{length: 1e6}``): in the time of its own keys, not of ``n`` lookups.
    Nothing else can answer an index: ``Object.prototype``'s table holds method names only."""
    out = [UNDEFINED] * n
    hidden = hidden_props(obj)
    for source in (hidden or {}, obj):  # own properties over hidden ones, as get_member
        for key, value in source.items():
            i = _index(key) if type(key) is str else -1
            if 0 <= i < n:
                out[i] = value
    return out


def get_member(obj: Any, key: Any) -> Any:
    t = type(obj)
    if t is dict:
        if type(key) is not str:
            key = to_property_key(key)
        v = obj.get(key, MISSING)
        if v is not MISSING:
            return v if key != "__proto__" else UNDEFINED
        if _blocked(key):
            return UNDEFINED
        hidden = hidden_props(obj)
        if hidden is not None and key in hidden:
            return hidden[key]
        return OBJECT_PROTO.get(key, UNDEFINED)
    if t is list:
        if type(key) is float:
            i = int(key) if key == key and -1e15 < key < 1e15 else -1
            if i == key and 0 <= i < len(obj):
                return obj[i]
            key = number_to_string(key)
        elif type(key) is not str:
            key = to_property_key(key)
        if key == "length":
            return float(len(obj))
        m = PROTOS[list].get(key)
        if m is not None:
            return m
        i = _index(key)
        if i >= 0:
            return obj[i] if i < len(obj) else UNDEFINED
        if _blocked(key):
            return UNDEFINED
        if _ARRAY_PROPS:
            extra = array_props(obj)
            if extra is not None and key in extra:
                return extra[key]
        return OBJECT_PROTO.get(key, UNDEFINED)
    if t is str:
        if type(key) is float:
            i = int(key) if key == key and -1e15 < key < 1e15 else -1
            if i == key and 0 <= i < len(obj):
                return obj[i]
            key = number_to_string(key)
        elif type(key) is not str:
            key = to_property_key(key)
        if key == "length":
            return float(len(obj))
        m = PROTOS[str].get(key)
        if m is not None:
            return m
        i = _index(key)
        if i >= 0:
            return obj[i] if i < len(obj) else UNDEFINED
        if _blocked(key):
            return UNDEFINED
        return OBJECT_PROTO.get(key, UNDEFINED)
    if obj is None or obj is UNDEFINED:
        return type_error(
            f"Cannot read properties of {'null' if obj is None else 'undefined'} "
            f"(reading '{safe_to_string(key)}')"
        )
    if type(key) is not str:
        key = to_property_key(key)
    if _blocked(key):
        if key == "prototype" and isinstance(obj, NativeFunction):
            return builtin_prototype(obj)
        return UNDEFINED
    if t is float or t is bool:
        return PROTOS[t].get(key) or OBJECT_PROTO.get(key, UNDEFINED)
    if isinstance(obj, JSObject):
        v = obj.props.get(key, MISSING)
        if v is not MISSING:
            return v
        v = own_special(obj, key)
        if v is not MISSING:
            return v
        m = proto_for(t).get(key)
        if m is not None:
            return m
        return OBJECT_PROTO.get(key, UNDEFINED)
    if isinstance(obj, dict):  # JSNamespace and other dict-backed objects
        v = obj.get(key, MISSING)
        if v is not MISSING:
            return v
        m = proto_for(t).get(key)
        if m is not None:
            return m
        return OBJECT_PROTO.get(key, UNDEFINED)
    getter = SPECIAL_GETTERS.get(t)
    if getter is not None:
        v = getter(obj, key)
        if v is not MISSING:
            return v
    m = proto_for(t).get(key)
    if m is not None:
        return m
    return OBJECT_PROTO.get(key, UNDEFINED)


_PRIMITIVE_PROTOS = {"Array": list, "String": str, "Number": float, "Boolean": bool, "Function": JSFunction}
_prototype_views: dict[str, Any] = {}


def builtin_prototype(ctor: NativeFunction) -> Any:
    """``Array.prototype`` and friends: a read-only view of the method table, so idioms such as
    ``Object.prototype.toString.call(x)`` work; writes to it are ignored (it is shared)."""
    name = ctor.name
    view = _prototype_views.get(name)
    if view is None:
        t = _PRIMITIVE_PROTOS.get(name)
        if t is None:
            t = next((c for c in PROTOS if getattr(c, "class_name", None) == name), None)
        if t is None and name != "Object":
            return UNDEFINED
        table = dict(OBJECT_PROTO)
        if t is not None:
            table.update(proto_for(t))
        view = _prototype_views[name] = JSNamespace(table)
    return view


# Per-class own properties that are not in ``props`` (Error.message, Function.name, Map.size…).
# Builtins modules register ``fn(obj, key) -> value | MISSING`` here for their classes.
SPECIAL_GETTERS: dict[type, Any] = {}


def own_special(obj: Any, key: str) -> Any:
    for base in type(obj).__mro__:
        getter = SPECIAL_GETTERS.get(base)
        if getter is not None:
            v = getter(obj, key)
            if v is not MISSING:
                return v
    return MISSING


def set_member(obj: Any, key: Any, value: Any) -> None:
    t = type(obj)
    if t is dict:
        if type(key) is not str:
            key = to_property_key(key)
        if key != "__proto__":
            obj[key] = value
        return
    if t is list:
        i = _index(key)
        if i >= 0:
            n = len(obj)
            if i < n:
                obj[i] = value
            else:
                check_array_length(i + 1)
                obj.extend([UNDEFINED] * (i - n))
                obj.append(value)
            return
        if to_property_key(key) == "length":
            set_array_length(obj, value)
        return
    if obj is None or obj is UNDEFINED:
        type_error(
            f"Cannot set properties of {'null' if obj is None else 'undefined'} "
            f"(setting '{safe_to_string(key)}')"
        )
    if isinstance(obj, (JSNamespace, NativeFunction)) or t in (str, float, bool):
        return  # built-ins are shared between renders: writes to them are ignored, as if frozen
    if type(key) is not str:
        key = to_property_key(key)
    if _blocked(key):
        return
    if isinstance(obj, JSObject):
        setter = SPECIAL_SETTERS.get(t)
        if setter is not None and setter(obj, key, value):
            return
        obj.props[key] = value
        return
    if isinstance(obj, dict):
        obj[key] = value


SPECIAL_SETTERS: dict[type, Any] = {}


def set_array_length(arr: list, value: Any) -> None:
    n = to_number(value)
    if n != n or n < 0 or n != int(n) or n >= 4294967296:
        range_error("Invalid array length")
    n = int(n)
    check_array_length(n)
    if n < len(arr):
        del arr[n:]
    else:
        arr.extend([UNDEFINED] * (n - len(arr)))


def check_array_length(n: float) -> None:
    """The array budget: RangeError 'Invalid array length' past ``MAX_ARRAY_LENGTH``.

    A large array also counts toward the render's memory sampling (``Runtime.allocating``).
    """
    if n > MAX_ARRAY_LENGTH:
        range_error("Invalid array length")
    if n >= LARGE:
        allocating(int(n))


def check_string_length(n: float) -> None:
    """The string budget: RangeError 'Invalid string length' past ``MAX_STRING_LENGTH``."""
    if n > MAX_STRING_LENGTH:
        range_error("Invalid string length")
    if n >= LARGE:
        allocating(int(n))


def delete_member(obj: Any, key: Any) -> bool:
    if obj is None or obj is UNDEFINED:
        type_error(
            f"Cannot convert undefined or null to object (deleting '{safe_to_string(key)}')"
        )
    if type(key) is not str:
        key = to_property_key(key)
    if type(obj) is dict:
        obj.pop(key, None)
    elif isinstance(obj, list):
        i = _index(key)
        if 0 <= i < len(obj):
            obj[i] = UNDEFINED
    elif isinstance(obj, JSObject) and not isinstance(obj, NativeFunction):
        obj.props.pop(key, None)
    return True


def has_property(obj: Any, key: Any) -> bool:
    """The ``in`` operator."""
    if obj is None or obj is UNDEFINED or type(obj) in (str, float, bool):
        type_error(
            f"Cannot use 'in' operator to search for '{safe_to_string(key)}' in "
            f"{safe_to_string(obj)}"
        )
    if type(key) is not str:
        key = to_property_key(key)
    if _blocked(key):
        return key != "__proto__" and key in obj if type(obj) is dict else False
    if type(obj) is dict:
        if key in obj or key in OBJECT_PROTO:
            return True
        hidden = hidden_props(obj)
        return hidden is not None and key in hidden
    if isinstance(obj, list):
        i = _index(key)
        extra = array_props(obj)
        return (
            (0 <= i < len(obj))
            or key == "length"
            or (extra is not None and key in extra)
            or key in PROTOS[list]
            or key in OBJECT_PROTO
        )
    if isinstance(obj, JSObject):
        return (
            key in obj.props
            or own_special(obj, key) is not MISSING
            or key in proto_for(type(obj))
            or key in OBJECT_PROTO
        )
    return isinstance(obj, dict) and key in obj



# Iteration: builtins register ``fn(obj) -> Iterator`` for Map, Set, ... (for…of and spread).
ITERATORS: dict[type, Any] = {}


def iterate(v: Any) -> Iterator[Any]:
    t = type(v)
    if t is list:
        return _live_list_iter(v)  # live, like JS: items pushed during for…of are visited
    if t is str:
        return _string_iter(v)
    for base in t.__mro__:
        fn = ITERATORS.get(base)
        if fn is not None:
            return fn(v)
    return type_error(f"{safe_to_string(v) if t in (float, bool) or v is None or v is UNDEFINED else 'object'} is not iterable")


def spread_into(out: list, v: Any) -> None:
    """``[...out, ...v]``: append what ``v`` iterates to ``out``, within the array budget."""
    t = type(v)
    if t is list or t is str:
        check_array_length(len(out) + len(v))  # a string spreads to at most len(v) items
        out.extend(iterate(v))
        return
    for item in iterate(v):
        out.append(item)
        if len(out) > MAX_ARRAY_LENGTH:
            range_error("Invalid array length")


def _live_list_iter(v: list) -> Iterator[Any]:
    i = 0
    while i < len(v):
        yield v[i]
        i += 1


def _string_iter(s: str) -> Iterator[str]:
    """Strings iterate by code point: a surrogate pair is one step."""
    i, n = 0, len(s)
    while i < n:
        c = s[i]
        if "\ud800" <= c <= "\udbff" and i + 1 < n and "\udc00" <= s[i + 1] <= "\udfff":
            yield s[i : i + 2]
            i += 2
        else:
            yield c
            i += 1
