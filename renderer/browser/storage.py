"""``sessionStorage`` and ``localStorage``: in memory, per render, seeded from the template's data."""

from __future__ import annotations

import json
from typing import Any

from ..errors import MockDataError
from ..js.members import (
    MISSING,
    OBJECT_PROTO,
    PROTOS,
    SPECIAL_GETTERS,
    SPECIAL_SETTERS,
    define_methods,
)
from ..js.values import (
    UNDEFINED,
    JSObject,
    safe_to_string,
    to_code_units,
    to_integer_or_infinity,
    to_string,
    type_error,
)
from .base import (
    BrowserRuntime,
)


class JSStorage(JSObject):
    """``sessionStorage`` / ``localStorage``: string items, kept as the object's own properties.

    As in browsers, items are enumerable properties (``Object.keys``, ``JSON.stringify``,
    ``console.log`` and ``delete`` see them), except names that the methods, ``length`` or
    Object.prototype hold: those items live in ``hidden`` (reachable through ``getItem``).
    """

    __slots__ = ("hidden",)
    class_name = "Storage"

    def __init__(self, items: dict[str, str] | None = None) -> None:
        super().__init__()
        self.hidden: dict[str, str] = {}
        for k, v in (items or {}).items():
            self.store(k, v)

    @staticmethod
    def shadowed(key: str) -> bool:
        return key == "length" or key in PROTOS[JSStorage] or key in OBJECT_PROTO

    def store(self, key: str, value: str) -> None:
        (self.hidden if self.shadowed(key) else self.props)[key] = value

    def get(self, key: str) -> str | None:
        return (self.hidden if self.shadowed(key) else self.props).get(key)

    def keys(self) -> list[str]:
        return list(self.props) + list(self.hidden)


def _this_storage(this: Any, method: str, args: list, need: int) -> JSStorage:
    if not isinstance(this, JSStorage):
        type_error("Illegal invocation")
    if len(args) < need:
        type_error(f"Failed to execute '{method}' on 'Storage': {need} argument{'s' if need > 1 else ''} "
                   f"required, but only {len(args)} present.")
    return this


def _get_item(this: Any, args: list) -> Any:
    return _this_storage(this, "getItem", args, 1).get(to_string(args[0]))


def _set_item(this: Any, args: list) -> Any:
    _this_storage(this, "setItem", args, 2).store(to_string(args[0]), to_string(args[1]))
    return UNDEFINED


def _remove_item(this: Any, args: list) -> Any:
    s = _this_storage(this, "removeItem", args, 1)
    key = to_string(args[0])
    (s.hidden if s.shadowed(key) else s.props).pop(key, None)
    return UNDEFINED


def _clear(this: Any, args: list) -> Any:
    s = _this_storage(this, "clear", args, 0)
    s.props.clear()
    s.hidden.clear()
    return UNDEFINED


def _key(this: Any, args: list) -> Any:
    s = _this_storage(this, "key", args, 1)
    i = to_integer_or_infinity(args[0])
    keys = s.keys()
    return keys[int(i)] if 0 <= i < len(keys) else None


define_methods(JSStorage, getItem=_get_item, setItem=_set_item, removeItem=_remove_item, clear=_clear, key=_key)


def _storage_getter(obj: JSStorage, key: str) -> Any:
    if key == "length":
        return float(len(obj.props) + len(obj.hidden))
    return MISSING


def _storage_setter(obj: JSStorage, key: str, value: Any) -> bool:
    if key != "length":
        obj.store(key, to_string(value))
    return True


SPECIAL_GETTERS[JSStorage] = _storage_getter
SPECIAL_SETTERS[JSStorage] = _storage_setter


def _seed_items(seed: Any, name: str) -> dict[str, str]:
    """Storage items from data (JS values): strings as they are, anything else as JSON text."""
    if not isinstance(seed, dict):
        raise MockDataError(f"data.{name} must be an object of items ({{\"key\": \"value\"}}), not {safe_to_string(seed)}", file="data")
    out: dict[str, str] = {}
    for k, v in seed.items():
        out[k] = v if type(v) is str else to_code_units(json.dumps(_to_json(v), ensure_ascii=False))
    return out


def _to_json(v: Any) -> Any:
    if type(v) is float and v.is_integer():
        return int(v)
    if isinstance(v, dict):
        return {k: _to_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_to_json(x) for x in v]
    return None if v is UNDEFINED else v


def take_storage_seeds(rt: BrowserRuntime, data: dict[str, Any]) -> dict[str, Any]:
    """Move ``sessionStorage``/``localStorage`` seeds out of the data into ``rt.storage_seeds``."""
    if "sessionStorage" not in data and "localStorage" not in data:
        return data
    data = dict(data)
    seeds = rt.storage_seeds
    for name in ("sessionStorage", "localStorage"):
        if name in data:
            seeds[name] = _seed_items(data.pop(name), name)
    return data
