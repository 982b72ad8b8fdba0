"""Object (constructor and statics) and Object.prototype (``members.OBJECT_PROTO``).

Approximations (kview has no prototype objects or property descriptors):

* ``Object.create(proto)`` returns a plain object holding a *copy* of ``proto``'s own
  entries (inherited properties become own ones); ``Object.create(null)`` is ``{}``.
* ``Object.getPrototypeOf`` answers ``null``; ``setPrototypeOf`` returns its argument.
* ``Object.defineProperty`` honours ``value`` (and for ``get`` stores the getter's current
  result); attributes (writable/enumerable/configurable) are not tracked.
* ``Object.freeze``/``seal``/``preventExtensions`` record the object (so ``isFrozen`` etc.
  answer like JavaScript) but writes are not blocked.  The record is a bounded registry.
* Built-in namespaces (``Math``, ``JSON``) have no enumerable keys, as in JavaScript.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from ..members import (
    MISSING,
    OBJECT_PROTO,
    get_member,
    iterate,
    own_special,
    set_member,
)
from ..values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSNamespace,
    JSObject,
    NativeFunction,
    is_array_index,
    own_keys,
    same_value,
    to_property_key,
    type_error,
)
from .collections import _not_iterable
from .function import describe
from .instance import register_instance_check

# ---------------------------------------------------------------------------- own keys


def _require_object_coercible(v: Any) -> None:
    if v is None or v is UNDEFINED:
        type_error("Cannot convert undefined or null to object")


def enumerable_keys(o: Any) -> list[str]:
    """EnumerableOwnProperties(o, key) for every kind of value (``o`` not null/undefined)."""
    t = type(o)
    if t is dict:
        return own_keys(o)
    if t is list or t is str:
        return [str(i) for i in range(len(o))]
    if t is float or t is bool or isinstance(o, JSNamespace):
        return []
    if isinstance(o, JSObject):
        return own_keys(o.props) if o.props else []
    if isinstance(o, dict):
        return own_keys(o)
    return []


def own_property_names(o: Any) -> list[str]:
    t = type(o)
    if t is list or t is str:
        return [str(i) for i in range(len(o))] + ["length"]
    keys = enumerable_keys(o)
    if isinstance(o, JSFunction):
        return ["length", "name"] + [k for k in keys if k not in ("length", "name")]
    if isinstance(o, JSError):
        extra = ["stack", "message"] if o.message else ["stack"]
        return extra + [k for k in keys if k not in extra]
    if isinstance(o, JSNamespace):
        return own_keys(o)
    return keys


def has_own(o: Any, key: str) -> bool:
    t = type(o)
    if t is dict:
        return key in o
    if t is list or t is str:
        if key == "length":
            return True
        return key.isdigit() and is_array_index(key) and int(key) < len(o)
    if isinstance(o, JSObject):
        return key in o.props or own_special(o, key) is not MISSING
    if isinstance(o, dict):
        return key in o
    return False


def _values_of(o: Any, keys: list[str]) -> list:
    t = type(o)
    if t is dict:
        return [o[k] for k in keys]
    if t is list or t is str:
        return list(o)
    return [get_member(o, k) for k in keys]


# ---------------------------------------------------------------------------- statics


def _keys(this: Any, args: list) -> list:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    return enumerable_keys(o)


def _values(this: Any, args: list) -> list:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    if type(o) is dict:
        if not o:
            return []
        keys = own_keys(o)
        return [o[k] for k in keys]
    return _values_of(o, enumerable_keys(o))


def _entries(this: Any, args: list) -> list:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    keys = enumerable_keys(o)
    return [[k, v] for k, v in zip(keys, _values_of(o, keys))]


def assign(target: Any, sources: list) -> Any:
    _require_object_coercible(target)
    for src in sources:
        if src is None or src is UNDEFINED:
            continue
        if type(src) is dict and type(target) is dict and "__proto__" not in src:
            target.update(src)
            continue
        keys = enumerable_keys(src)
        for k, v in zip(keys, _values_of(src, keys)):
            set_member(target, k, v)
    return target


def _assign(this: Any, args: list) -> Any:
    return assign(args[0] if args else UNDEFINED, args[1:])


def _from_entries(this: Any, args: list) -> dict:
    it = args[0] if args else UNDEFINED
    if it is None or it is UNDEFINED or type(it) in (float, bool, dict):
        _not_iterable(it)
    out: dict = {}
    for entry in iterate(it):
        if type(entry) is list:
            k = entry[0] if entry else UNDEFINED
            v = entry[1] if len(entry) > 1 else UNDEFINED
        elif entry is None or entry is UNDEFINED or type(entry) in (str, float, bool):
            type_error(f"Iterator value {describe(entry)} is not an entry object")
        else:
            k = get_member(entry, "0")
            v = get_member(entry, "1")
        key = k if type(k) is str else to_property_key(k)
        if key != "__proto__":
            out[key] = v
    return out


# Frozen/sealed/non-extensible records: id -> (object, level).  Level 1 = non-extensible,
# 2 = sealed, 3 = frozen.  Bounded so long dev-server sessions do not grow it forever.
_INTEGRITY: OrderedDict[int, tuple[Any, int]] = OrderedDict()
_INTEGRITY_MAX = 4096


def _is_primitive(v: Any) -> bool:
    return v is None or v is UNDEFINED or type(v) in (str, float, bool)


def _mark(level: int) -> Any:
    def fn(this: Any, args: list) -> Any:
        o = args[0] if args else UNDEFINED
        if _is_primitive(o):
            return o
        k = id(o)
        prev = _INTEGRITY.get(k)
        if prev is None or prev[1] < level:
            _INTEGRITY[k] = (o, level)
            _INTEGRITY.move_to_end(k)
            while len(_INTEGRITY) > _INTEGRITY_MAX:
                _INTEGRITY.popitem(last=False)
        return o

    return fn


def _integrity_level(o: Any) -> int:
    rec = _INTEGRITY.get(id(o))
    if rec is None or rec[0] is not o:
        return 0
    return rec[1]


def _is_empty(o: Any) -> bool:
    if type(o) in (dict, list):
        return not o
    if isinstance(o, JSObject):
        return not o.props
    return False


def _test(level: int) -> Any:
    def fn(this: Any, args: list) -> bool:
        o = args[0] if args else UNDEFINED
        if _is_primitive(o):
            return level > 0
        lv = _integrity_level(o)
        if lv >= level:
            return True
        # A non-extensible object without properties is also sealed and frozen.
        return lv >= 1 and _is_empty(o) and level > 0

    return fn


def _is_extensible(this: Any, args: list) -> bool:
    o = args[0] if args else UNDEFINED
    if _is_primitive(o):
        return False
    return _integrity_level(o) == 0


def _define_one(o: Any, key: str, desc: Any) -> None:
    if _is_primitive(desc):
        type_error(f"Property description must be an object: {describe(desc)}")
    if has_prop(desc, "value"):
        set_member(o, key, get_member(desc, "value"))
    elif has_prop(desc, "get"):
        getter = get_member(desc, "get")
        if isinstance(getter, JSFunction):
            set_member(o, key, getter.call(o, []))
    elif not has_own(o, key):
        set_member(o, key, UNDEFINED)


def has_prop(o: Any, key: str) -> bool:
    return get_member(o, key) is not UNDEFINED or has_own(o, key)


def _define_property(this: Any, args: list) -> Any:
    o = args[0] if args else UNDEFINED
    if _is_primitive(o):
        type_error("Object.defineProperty called on non-object")
    key = to_property_key(args[1] if len(args) > 1 else UNDEFINED)
    _define_one(o, key, args[2] if len(args) > 2 else UNDEFINED)
    return o


def _define_properties(this: Any, args: list) -> Any:
    o = args[0] if args else UNDEFINED
    if _is_primitive(o):
        type_error("Object.defineProperties called on non-object")
    props = args[1] if len(args) > 1 else UNDEFINED
    _require_object_coercible(props)
    for k in enumerable_keys(props):
        _define_one(o, k, get_member(props, k))
    return o


def _create(this: Any, args: list) -> dict:
    proto = args[0] if args else UNDEFINED
    if proto is not None and _is_primitive(proto):
        type_error(f"Object prototype may only be an Object or null: {describe(proto)}")
    out: dict = {}
    if proto is not None:
        for k in enumerable_keys(proto):
            out[k] = get_member(proto, k)
    if len(args) > 1 and args[1] is not UNDEFINED:
        _define_properties(UNDEFINED, [out, args[1]])
    return out


def _get_own_property_names(this: Any, args: list) -> list:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    return own_property_names(o)


def _get_own_property_descriptor(this: Any, args: list) -> Any:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    key = to_property_key(args[1] if len(args) > 1 else UNDEFINED)
    if not has_own(o, key):
        return UNDEFINED
    frozen = _integrity_level(o) >= 3
    enumerable = key in enumerable_keys(o) if not isinstance(o, (list, str)) else key != "length"
    writable = not frozen and type(o) is not str
    return {
        "value": get_member(o, key),
        "writable": writable,
        "enumerable": enumerable,
        "configurable": not (frozen or _integrity_level(o) >= 2) and key != "length",
    }


def _get_own_property_descriptors(this: Any, args: list) -> dict:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    return {k: _get_own_property_descriptor(UNDEFINED, [o, k]) for k in own_property_names(o)}


def _has_own(this: Any, args: list) -> bool:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    return has_own(o, to_property_key(args[1] if len(args) > 1 else UNDEFINED))


def _is(this: Any, args: list) -> bool:
    return same_value(args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED)


def _get_prototype_of(this: Any, args: list) -> Any:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    return None


def _set_prototype_of(this: Any, args: list) -> Any:
    o = args[0] if args else UNDEFINED
    _require_object_coercible(o)
    return o


def _object_call(this: Any, args: list) -> Any:
    v = args[0] if args else UNDEFINED
    if v is None or v is UNDEFINED:
        return {}
    return v


Object = NativeFunction("Object", _object_call, 1, lambda args: _object_call(UNDEFINED, args))
Object.props.update(
    {
        name: NativeFunction(name, fn, length)
        for name, fn, length in (
            ("keys", _keys, 1),
            ("values", _values, 1),
            ("entries", _entries, 1),
            ("assign", _assign, 2),
            ("fromEntries", _from_entries, 1),
            ("freeze", _mark(3), 1),
            ("seal", _mark(2), 1),
            ("preventExtensions", _mark(1), 1),
            ("isFrozen", _test(3), 1),
            ("isSealed", _test(2), 1),
            ("isExtensible", _is_extensible, 1),
            ("create", _create, 2),
            ("defineProperty", _define_property, 3),
            ("defineProperties", _define_properties, 2),
            ("getOwnPropertyNames", _get_own_property_names, 1),
            ("getOwnPropertyDescriptor", _get_own_property_descriptor, 2),
            ("getOwnPropertyDescriptors", _get_own_property_descriptors, 1),
            ("getOwnPropertySymbols", lambda this, args: [], 1),
            ("hasOwn", _has_own, 2),
            ("is", _is, 2),
            ("getPrototypeOf", _get_prototype_of, 1),
            ("setPrototypeOf", _set_prototype_of, 2),
        )
    }
)
register_instance_check(Object, lambda v: not _is_primitive(v))


# ---------------------------------------------------------------------------- Object.prototype

# Tags for namespaces that are JSNamespace dicts (set by the modules defining them).
NAMESPACE_TAGS: dict[int, str] = {}


def class_tag(v: Any) -> str:
    """The ``X`` of ``Object.prototype.toString``'s ``[object X]``."""
    t = type(v)
    if v is None:
        return "Null"
    if v is UNDEFINED:
        return "Undefined"
    if t is dict:
        return "Object"
    if t is list:
        return "Array"
    if t is str:
        return "String"
    if t is float:
        return "Number"
    if t is bool:
        return "Boolean"
    if isinstance(v, JSFunction):
        return "Function"
    if isinstance(v, JSError):
        return "Error"
    if isinstance(v, JSNamespace):
        return NAMESPACE_TAGS.get(id(v), "Object")
    kind = getattr(v, "kind", None)
    if type(kind) is str and kind.endswith(("Iterator", "Entries")):
        return kind.replace("Entries", "Iterator")
    return getattr(v, "class_name", "Object")


def object_to_string(this: Any, args: list) -> str:
    return f"[object {class_tag(this)}]"


def _has_own_property(this: Any, args: list) -> bool:
    _require_object_coercible(this)
    key = args[0] if args else UNDEFINED
    return has_own(this, key if type(key) is str else to_property_key(key))


def _property_is_enumerable(this: Any, args: list) -> bool:
    _require_object_coercible(this)
    key = to_property_key(args[0] if args else UNDEFINED)
    if type(this) in (list, str):
        return key != "length" and has_own(this, key)
    return key in enumerable_keys(this)


def _to_locale_string(this: Any, args: list) -> Any:
    fn = get_member(this, "toString")
    if not isinstance(fn, JSFunction):
        type_error(f"{describe(fn)} is not a function")
    return fn.call(this, [])


def _value_of(this: Any, args: list) -> Any:
    _require_object_coercible(this)
    return this


OBJECT_PROTO.update(
    {
        "hasOwnProperty": NativeFunction("hasOwnProperty", _has_own_property, 1),
        "isPrototypeOf": NativeFunction("isPrototypeOf", lambda this, args: False, 1),
        "propertyIsEnumerable": NativeFunction("propertyIsEnumerable", _property_is_enumerable, 1),
        "toString": NativeFunction("toString", object_to_string, 0),
        "toLocaleString": NativeFunction("toLocaleString", _to_locale_string, 0),
        "valueOf": NativeFunction("valueOf", _value_of, 0),
    }
)

__all__ = ["GLOBALS", "Object", "assign", "class_tag", "enumerable_keys", "has_own"]

GLOBALS: dict[str, Any] = {"Object": Object}
