"""Encode kview values in the oracle's tag format (see jsoracle.py) so results compare 1:1."""

from __future__ import annotations

import math
from typing import Any

from renderer.js.values import UNDEFINED, JSError, JSFunction, JSObject, own_keys


def encode_kview_value(v: Any, _seen: tuple = ()) -> Any:
    if v is UNDEFINED:
        return {"$": "undefined"}
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, float):
        if v != v:
            return {"$": "NaN"}
        if v in (math.inf, -math.inf):
            return {"$": "Infinity" if v > 0 else "-Infinity"}
        if v == 0 and math.copysign(1, v) < 0:
            return {"$": "-0"}
        return v
    if isinstance(v, int):
        raise AssertionError(f"Python int leaked into JS values: {v!r}")
    if any(v is s for s in _seen):
        return {"$": "cycle"}
    seen = (*_seen, v)
    if isinstance(v, JSFunction):
        return {"$": "function"}
    if isinstance(v, list):
        return [encode_kview_value(x, seen) for x in v]
    if isinstance(v, JSError):
        return {"$": "Error", "name": v.name, "message": v.message}
    cls = getattr(v, "class_name", "")
    if cls == "Date":
        from renderer.js.members import get_member

        t = v.time if hasattr(v, "time") else None
        if t is None or t != t:
            return {"$": "Date", "v": "Invalid Date"}
        return {"$": "Date", "v": get_member(v, "toISOString").call(v, [])}
    if cls == "RegExp":
        from renderer.js.values import to_string

        return {"$": "RegExp", "v": to_string(v)}
    if cls == "Map":
        from renderer.js.members import iterate

        return {"$": "Map", "v": [[encode_kview_value(k, seen), encode_kview_value(x, seen)] for k, x in iterate(v)]}
    if cls == "Set":
        from renderer.js.members import iterate

        return {"$": "Set", "v": [encode_kview_value(x, seen) for x in iterate(v)]}
    if cls == "Promise":
        return {"$": "Promise"}
    if isinstance(v, dict):
        return {"$": "object", "v": [[k, encode_kview_value(v[k], seen)] for k in own_keys(v)]}
    if isinstance(v, JSObject):
        return {"$": "object", "v": [[k, encode_kview_value(x, seen)] for k, x in v.props.items()]}
    raise AssertionError(f"unknown kview value {v!r}")


def kview_eval_result(source: str) -> dict:
    """Run a case through kview the way the oracle runs it through Node."""
    from renderer import KViewError, evaluate
    from renderer.js.builtins.promise import FULFILLED, REJECTED, JSPromise

    try:
        value = evaluate(source, {}, name="<case>")
    except KViewError as exc:
        name = getattr(exc, "js_type", type(exc).__name__)
        if type(exc).__name__ == "TemplateSyntaxError":
            name = "SyntaxError"
        return {"throw": {"name": name, "message": exc.message}}
    if isinstance(value, JSPromise):
        if value.state == FULFILLED:
            value = value.value
        elif value.state == REJECTED:
            r = value.value
            if isinstance(r, JSError):
                return {"throw": {"name": r.name, "message": r.message}}
            return {"throw": {"name": None, "message": None, "value": encode_kview_value(r)}}
        else:
            return {"throw": {"name": "Timeout", "message": "pending"}}
    return {"ok": encode_kview_value(value)}
