"""Kustomer's KView components, written in Python: a registry of small render functions.

``@component("Segment", props={...}, doc=..., context=...)`` turns a function
``(props, children, ctx) -> lxml element`` into a ``BuiltinComponent`` stored in
``COMPONENTS``. ``renderer/html.py`` renders a component's children first and then calls
``comp.render(props_without_children, children_nodes, ctx)``. The declared prop specs drive
unknown-prop warnings (``check_props``) and ``docs/components.md``
(``make docs``), so the docs cannot drift from the code.

Only the names, contexts and a few props come from Kustomer (spec §3); the remaining props are
kview's own choices, marked "(kview)" in their descriptions.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

from renderer.react.elements import BuiltinComponent

from . import dom

COMPONENTS: dict[str, BuiltinComponent] = {}

# Props every component accepts silently (React strips ``key``/``ref``; ``children`` is
# passed separately by html.py).
IGNORED_PROPS = frozenset({"key", "ref", "children"})

COMMON_PROPS = {
    "className": "string — extra CSS classes on the root element",
    "style": "object — inline styles on the root element (React style object)",
}

CONTEXTS = ("expanded-timeline", "smartbar-details", "smartbar-card", "create-form")

RenderFn = Callable[[dict, list, Any], Any]


class UnknownComponent(BuiltinComponent):
    """A placeholder for an undefined JSX name: takes any props (see ``unknown.py``)."""

    __slots__ = ()


def ctx_loc(ctx: Any) -> tuple[int, int] | None:
    """The template location of the element being rendered, when html.py tells us
    (``ctx.loc`` set to the VNode's ``loc`` around ``comp.render``)."""
    loc = getattr(ctx, "loc", None)
    return loc if isinstance(loc, tuple) else None


def warn(ctx: Any, message: str, loc: tuple[int, int] | None = None, kind: str = "warning") -> None:
    """``ctx.warn`` at ``loc`` (default: the element being rendered); de-duplicated by ctx."""
    w = getattr(ctx, "warn", None)
    if w is not None:
        w(message, loc if loc is not None else ctx_loc(ctx), kind)


def _mark(comp: BuiltinComponent, props: dict) -> tuple:
    return (comp.name, tuple(p for p in props if p not in IGNORED_PROPS))


def _pending(ctx: Any) -> list | None:
    """Elements whose props a caller already checked, not yet rendered (a multiset)."""
    marks = getattr(ctx, "_kv_checked", None)
    if marks is None:
        try:
            marks = ctx._kv_checked = []
        except AttributeError:  # a ctx that takes no attributes: the wrapper checks again
            return None
    return marks


def check_props(comp: BuiltinComponent, props: dict, ctx: Any, loc: tuple[int, int] | None = None) -> list[str]:
    """Warn once per prop that ``comp`` does not declare; returns the unknown names.

    Callers that know the element's location (html.py: ``node.loc``) call this before
    ``comp.render`` (before or after rendering its children); the render wrapper then sees
    the check was done for this element and skips its own (which, without a location,
    would not de-duplicate against it).
    """
    if isinstance(comp, UnknownComponent) or not isinstance(props, dict):
        return []
    marks = _pending(ctx)
    if marks is not None and len(marks) < 10_000:
        marks.append(_mark(comp, props))
    return _warn_unknown(comp, props, ctx, loc)


def _warn_unknown(comp: BuiltinComponent, props: dict, ctx: Any, loc: tuple[int, int] | None) -> list[str]:
    spec = comp.prop_spec
    unknown = [p for p in props if p not in spec and p not in IGNORED_PROPS]
    for p in unknown:
        close = difflib.get_close_matches(p, list(spec), n=1, cutoff=0.6)
        hint = f"; did you mean `{close[0]}`?" if close else f"; it takes {', '.join(spec) or 'no props'}"
        warn(ctx, f"<{comp.name}>: unknown prop `{p}` (ignored){hint}", loc, "unknown-prop")
    return unknown


def component(
    name: str,
    props: dict[str, str] | None = None,
    doc: str = "",
    context: str = "every context",
    common: bool = True,
) -> Callable[[RenderFn], BuiltinComponent]:
    """Register ``fn(props, children, ctx) -> lxml element`` as the built-in ``<name>``.

    ``props`` maps each accepted prop to "type — description"; ``common`` adds
    ``className``/``style``, which the wrapper applies to the returned root element.
    """

    def register(fn: RenderFn) -> BuiltinComponent:
        spec = dict(props or {})
        if common:
            for k, v in COMMON_PROPS.items():
                spec.setdefault(k, v)
        comp: BuiltinComponent

        def render(p: dict, children: list, ctx: Any) -> Any:
            p = {k: v for k, v in p.items() if k != "children"}
            marks = getattr(ctx, "_kv_checked", None)
            mark = _mark(comp, p)
            if marks and mark in marks:  # the caller checked this element already
                marks.remove(mark)
            else:
                _warn_unknown(comp, p, ctx, ctx_loc(ctx))
            root = fn(p, children, ctx)
            if common and root is not None:
                dom.add_class(root, dom.text_of(p.get("className", dom.UNDEFINED)))
                style = p.get("style", dom.UNDEFINED)
                if dom.is_set(style) and not isinstance(style, dict):
                    warn(ctx, f"<{name}> `style` must be an object (style={{{{marginTop: 8}}}}), not {dom.preview(style)}")
                dom.add_style(root, dom.style_to_css(style))
            return root

        render.__name__ = render.__qualname__ = f"render_{name}"
        render.__doc__ = fn.__doc__
        comp = BuiltinComponent(name, render, spec, doc or (fn.__doc__ or "").strip(), context)
        if name in COMPONENTS:
            raise ValueError(f"component {name} registered twice")
        COMPONENTS[name] = comp
        return comp

    return register


def component_globals() -> dict[str, BuiltinComponent]:
    """Fresh component objects for one render's global object.

    Fresh per render because a template may set properties on a function
    (``Segment.x = 1``): that must not leak into the next render.
    """
    return {
        name: BuiltinComponent(c.name, c.render, c.prop_spec, c.doc, c.context_hint)
        for name, c in COMPONENTS.items()
    }


def _md(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def prop_table_markdown() -> str:
    """``docs/components.md``: one prop table per component, from the declared specs."""
    out = [
        "# KView components in kview",
        "",
        "<!-- Generated by `make docs`; do not edit. -->",
        "",
        "kview implements Kustomer's KView components in Python (`renderer/kustomer/components/`). Names and",
        "contexts (\"built for\", from Kustomer's component catalogue) follow Kustomer; most prop tables",
        "were not public, so props marked (kview) are kview's own choices. An unknown prop renders a",
        "warning, not an error; an unknown component renders a labelled placeholder. Every component",
        "also accepts `key`. Components defined in an app's `components/*.jsx` files take precedence",
        "over these. Layout, buttons, pills and embedded cards work in every context.",
        "",
        "| Component | Built for |",
        "|---|---|",
    ]
    for name in sorted(COMPONENTS):
        out.append(f"| [`{name}`](#{name.lower()}) | {COMPONENTS[name].context_hint} |")
    for name in sorted(COMPONENTS):
        c = COMPONENTS[name]
        out += ["", f"## {name}", "", _md(c.doc), "", f"Built for: {c.context_hint}.", ""]
        out += ["| Prop | Type | Description |", "|---|---|---|"]
        for prop, desc in c.prop_spec.items():
            typ, _, text = desc.partition(" — ")
            out.append(f"| `{prop}` | {_md(typ)} | {_md(text)} |")
    return "\n".join(out) + "\n"


# Registration happens at import, one module per family.
from . import buttons, cards, display, fields, layout  # noqa: E402,F401

__all__ = [
    "COMPONENTS",
    "UnknownComponent",
    "check_props",
    "component",
    "component_globals",
    "prop_table_markdown",
]
