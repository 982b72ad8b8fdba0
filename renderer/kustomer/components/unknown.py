"""Unknown components: an undefined capitalized JSX name becomes a labelled placeholder + a warning.

Kustomer has about 38 components and only some are documented, so a template using one
kview lacks still renders: the placeholder shows the name, its props and its children.
"""

from __future__ import annotations

import difflib
from typing import Any

from ...js.values import JSFunction, NativeFunction
from ...react.elements import BuiltinComponent
from ..runtime import KustomerRuntime
from . import dom
from .registry import COMPONENTS, UnknownComponent

MAX_PROPS = 20


def suggestion(name: str, candidates: list[str]) -> str | None:
    """The closest known component name, or None when nothing is close."""
    by_lower = {c.lower(): c for c in candidates}
    if name.lower() in by_lower and by_lower[name.lower()] != name:
        return by_lower[name.lower()]
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return close[0] if close else None


def _known_names(rt: Any) -> list[str]:
    names = set(COMPONENTS)
    g = getattr(rt, "global_obj", None) or {}
    for k, v in g.items():  # user components (components/*.jsx) count too
        user_fn = isinstance(v, JSFunction) and not isinstance(v, NativeFunction)
        if k[:1].isupper() and (isinstance(v, BuiltinComponent) or user_fn):
            names.add(k)
    return sorted(names)


def placeholder_for(rt: Any, name: str, loc: tuple[int, int] | None) -> BuiltinComponent:
    """Warn about ``<name>`` (with a did-you-mean hint) and return its placeholder component."""
    best = suggestion(name, _known_names(rt))
    hint = f": did you mean <{best}>?" if best else ""
    rt.warn(f"Unknown component <{name}>{hint}", loc, kind="unknown-component")
    cache = rt.unknown_components if isinstance(rt, KustomerRuntime) else {}
    comp = cache.get(name)
    if comp is None:
        comp = cache[name] = make_placeholder(name)
    return comp


def make_placeholder(name: str) -> BuiltinComponent:
    def render(props: dict, children: list, ctx: Any) -> Any:
        root = dom.el("div", "kv-unknown", data_kv_component=name)
        head = dom.sub(root, "div", "kv-unknown-header")
        dom.sub(head, "code", "kv-unknown-name", f"<{name}>")
        dom.sub(head, "span", "kv-unknown-note", "unknown component")
        shown = [k for k in props if k not in ("children", "key", "ref")]
        if shown:
            dl = dom.sub(root, "dl", "kv-unknown-props")
            for k in shown[:MAX_PROPS]:
                dom.sub(dl, "dt", None, k)
                dom.sub(dl, "dd", None, dom.preview(props[k]))
            if len(shown) > MAX_PROPS:
                dom.sub(dl, "dt", None, "\u2026")
                dom.sub(dl, "dd", None, f"{len(shown) - MAX_PROPS} more")
        if children:
            dom.append_nodes(dom.sub(root, "div", "kv-unknown-children"), children)
        return root

    return UnknownComponent(name, render, {}, f"Placeholder for the unknown component <{name}>.", "")
