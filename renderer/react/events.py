"""React's synthetic events, as a live preview's handlers receive them.

The browser's event happened in the gallery; what reaches the server is a description of it
(the event type, the target's ``value``/``checked``/``name``/``id``…, the key pressed). This
module turns it into the object a handler gets: ``type``, ``target`` and ``currentTarget``
(plain objects with the element's state; for a controlled input ``target.value`` is what the
user typed), ``key``/``code``/modifier keys, ``preventDefault()``, ``stopPropagation()``,
``persist()``, ``isDefaultPrevented()``, ``nativeEvent`` — and, as React does, the same object
through the whole bubbling path, ``currentTarget`` changing at each step.
"""

from __future__ import annotations

from typing import Any

from ..js.values import UNDEFINED, NativeFunction, to_code_units

# What a browser event of one type fires in React, in React's order (SimpleEventPlugin first,
# then ChangeEventPlugin): typing in a text field is both onInput and onChange.
REACT_EVENTS: dict[str, tuple[str, ...]] = {
    "input": ("input", "change"),
    "focusin": ("focus",),
    "focusout": ("blur",),
}

_TARGET_FIELDS = {
    "value": str, "checked": bool, "name": str, "id": str, "type": str, "tagName": str,
    "textContent": str, "selectedIndex": float, "placeholder": str, "disabled": bool,
}
_EVENT_FIELDS = {
    "key": str, "code": str, "keyCode": float, "which": float, "charCode": float, "button": float,
    "buttons": float, "detail": float, "clientX": float, "clientY": float, "pageX": float,
    "pageY": float, "shiftKey": bool, "ctrlKey": bool, "altKey": bool, "metaKey": bool,
    "repeat": bool, "data": str, "inputType": str,
}


def _field(value: Any, kind: type) -> Any:
    """A description's field as a JS value of the expected type, else ``UNDEFINED``."""
    if kind is str and isinstance(value, str):
        return to_code_units(value[:100_000])
    if kind is bool and isinstance(value, bool):
        return value
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return UNDEFINED


def element_object(info: Any) -> dict[str, Any]:
    """An element as a handler sees it (``event.target``): its state and a few no-op methods."""
    info = info if isinstance(info, dict) else {}
    el: dict[str, Any] = {}
    for key, kind in _TARGET_FIELDS.items():
        v = _field(info.get(key), kind)
        if v is not UNDEFINED:
            el[key] = v
    tag = el.get("tagName")
    if isinstance(tag, str):
        el["tagName"] = el["nodeName"] = tag.upper()
    data = info.get("dataset")
    el["dataset"] = {to_code_units(str(k)): to_code_units(str(v)) for k, v in data.items()
                     if isinstance(v, str)} if isinstance(data, dict) else {}
    for name in ("focus", "blur", "select", "click", "scrollIntoView"):
        el[name] = _NOOP[name]
    return el


_NOOP = {name: NativeFunction(name, lambda this, args: UNDEFINED) for name in
         ("focus", "blur", "select", "click", "scrollIntoView")}


class SyntheticEvent:
    """One React event (one name, e.g. ``change``) of a browser event, and what handlers did."""

    def __init__(self, name: str, payload: Any, target: dict[str, Any], now_ms: float) -> None:
        payload = payload if isinstance(payload, dict) else {}
        self.default_prevented = False
        self.propagation_stopped = False

        def prevent(this: Any, args: list) -> Any:
            self.default_prevented = True
            self.obj["defaultPrevented"] = True
            return UNDEFINED

        def stop(this: Any, args: list) -> Any:
            self.propagation_stopped = True
            return UNDEFINED

        native: dict[str, Any] = {"type": name, "target": target, "bubbles": True, "cancelable": True,
                                  "isTrusted": True, "timeStamp": now_ms,
                                  "preventDefault": NativeFunction("preventDefault", prevent),
                                  "stopPropagation": NativeFunction("stopPropagation", stop)}
        obj: dict[str, Any] = {
            "type": name, "target": target, "currentTarget": target, "nativeEvent": native,
            "bubbles": True, "cancelable": True, "defaultPrevented": False, "eventPhase": 3.0,
            "isTrusted": True, "timeStamp": now_ms,
            "preventDefault": native["preventDefault"],
            "stopPropagation": native["stopPropagation"],
            "isDefaultPrevented": NativeFunction("isDefaultPrevented", lambda t, a: self.default_prevented),
            "isPropagationStopped": NativeFunction("isPropagationStopped", lambda t, a: self.propagation_stopped),
            "persist": NativeFunction("persist", lambda t, a: UNDEFINED),
        }
        for key, kind in _EVENT_FIELDS.items():
            v = _field(payload.get(key), kind)
            if v is not UNDEFINED:
                obj[key] = native[key] = v
        self.obj = obj

    def at(self, current_target: dict[str, Any]) -> dict[str, Any]:
        """The event object as the handler on ``current_target`` receives it."""
        self.obj["currentTarget"] = current_target
        return self.obj
