"""The ``Kustomer`` global templates see: ``Kustomer.render(element)``.

``Kustomer.request`` and the rest of ``window.Kustomer`` belong to the Cards SDK (pages in
iframes), not to KView templates, and are not defined here.
"""

from __future__ import annotations

from typing import Any

from ..js.runtime import current_runtime
from ..js.values import UNDEFINED, JSNamespace, NativeFunction
from ..react.hooks import hooks_for


def _arg(args: list, i: int) -> Any:
    return args[i] if i < len(args) else UNDEFINED


def make_kustomer() -> JSNamespace:
    """``Kustomer.render(element)``: the element becomes the view (when the template's own
    completion value is undefined); the last call wins and re-renders a settling view.
    Made once (``KUSTOMER``), shared by all renders."""

    def render(this: Any, args: list) -> Any:
        h = hooks_for(current_runtime())
        h.kustomer_root = _arg(args, 0)
        h.dirty = True
        return UNDEFINED

    return JSNamespace(render=NativeFunction("render", render, 1))


KUSTOMER = make_kustomer()


def ensure_kustomer_render(rt: Any) -> None:
    """After the global object is made: if another module's ``Kustomer`` namespace replaced
    ours, give it ``render`` (in a per-render copy, never mutating a shared namespace)."""
    g = rt.global_obj
    k = g.get("Kustomer") if isinstance(g, dict) else None
    if isinstance(k, dict) and "render" not in k:
        merged = JSNamespace(k)
        dict.__setitem__(merged, "render", KUSTOMER["render"])
        g["Kustomer"] = merged
