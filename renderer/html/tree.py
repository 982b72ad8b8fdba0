"""Building the output tree with lxml: elements, text, props collected in React's order, innerHTML.

Everything reaches the tree through lxml (``.text``/``.tail``, the attribute dict), so escaping
happens by construction; characters lxml cannot hold are cleaned on the way (``sanitize.py``).
The walk (``walk.py``) and the host elements (``hosts.py``) both build with these.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..js.values import (
    UNDEFINED,
    JSFunction,
    JSObject,
    own_keys,
    throw,
)
from .attrs import (
    _default_rule,
    _push_value,
    js_concat_string,
)
from .context import RenderContext
from .sanitize import _clean, _strip_invalid, sanitize_html
from .tables import (
    _RULES,
    K_ON,
)

_SubElement = etree.SubElement


def set_text(parent: Any, s: str) -> None:
    """Append text to ``parent``'s content (after its last child)."""
    n = len(parent)
    if n:
        last = parent[n - 1]
        old = last.tail
        new = s if old is None else old + s
        try:
            last.tail = new
        except ValueError:
            last.tail = _strip_invalid(new)
    else:
        old = parent.text
        new = s if old is None else old + s
        try:
            parent.text = new
        except ValueError:
            parent.text = _strip_invalid(new)


def append_text(parent: Any, s: str, ctx: RenderContext) -> None:
    ctx.text_size += len(s)
    if ctx.text_size > ctx.max_text:
        ctx.count_text(0)
    set_text(parent, _clean(s))


def make_element(parent: Any, tag: str, attrs: dict, ctx: RenderContext, loc: Any) -> Any:
    ctx.nodes += 1
    if ctx.nodes > ctx.max_nodes:
        ctx.count_node(0)
    if attrs:
        size = 0
        for k, v in attrs.items():
            size += len(v)
            if not v.isascii() or "\r" in v:
                attrs[k] = _clean(v)
        if size:
            ctx.text_size += size
            if ctx.text_size > ctx.max_text:
                ctx.count_text(0)
        try:
            return _SubElement(parent, tag, attrs)
        except ValueError:
            el = _SubElement(parent, tag)
            for k, v in attrs.items():
                try:
                    el.set(k, v)
                except ValueError:
                    try:
                        el.set(k, _strip_invalid(v))
                    except ValueError:
                        ctx.warn(f"attribute `{k}` cannot be written and was dropped", loc)
            return el
    return _SubElement(parent, tag)


def record_handlers(el: Any, handlers: list, ctx: RenderContext) -> None:
    names = []
    for event, fn in handlers:
        ctx.handlers.append((el, event, fn))
        if event not in names:
            names.append(event)
    if ctx.mark_handlers:
        el.set("data-kv-on", " ".join(names))


def objects_error(value: Any) -> str:
    if isinstance(value, dict):
        found = "object with keys {" + ", ".join(own_keys(value)) + "}"
    elif isinstance(value, JSObject):
        found = f"[object {value.class_name}]"
    else:
        found = "[object Object]"
    return (
        f"Objects are not valid as a React child (found: {found}). "
        "If you meant to render a collection of children, use an array instead."
    )


def append_nodes(parent: Any, nodes: list) -> Any:
    """Append the output of ``render_nodes`` (elements and strings) to an lxml element."""
    for n in nodes:
        if isinstance(n, str):
            if n:
                set_text(parent, _clean(n))
        else:
            parent.append(n)
    return parent


def collect_props(props: dict, ctx: RenderContext, tag: str, loc: Any, capture: frozenset = frozenset()):
    """Walk the props in order: attributes (dict, in React's order), children, innerHTML,
    event handlers and the props a tag handles itself (``capture``)."""
    attrs: dict = {}
    children = inner = handlers = captured = None
    for name, value in props.items():
        if value is None or value is UNDEFINED:
            continue
        if name == "children":
            children = value
            continue
        if name == "dangerouslySetInnerHTML":
            inner = value
            continue
        if capture and name in capture:
            if captured is None:
                captured = {}
            captured[name] = value
            if name != "value" or tag != "option":
                continue
        rule = _RULES.get(name)
        if rule is None:
            rule = _default_rule(name)
        kind = rule[0]
        if kind == K_ON:
            if rule[1] and isinstance(value, JSFunction):
                if handlers is None:
                    handlers = []
                handlers.append((rule[1], value))
            continue
        _push_value(attrs, kind, rule[1], value, ctx, tag, loc, name)
    return attrs, children, inner, handlers, captured


def finish_element(tag: str, parent: Any, attrs: dict, handlers: Any, ctx: RenderContext, loc: Any) -> Any:
    el = make_element(parent, tag, attrs, ctx, loc)
    if handlers:
        record_handlers(el, handlers, ctx)
    return el


def is_nullish(v: Any) -> bool:
    return v is None or v is UNDEFINED


def inner_value(inner: Any, loc: Any) -> str | None:
    if isinstance(inner, dict):
        ok = "__html" in inner
        html = inner.get("__html")
    elif isinstance(inner, JSObject) and not isinstance(inner, JSFunction):
        ok = "__html" in inner.props
        html = inner.props.get("__html")
    else:
        ok = False
        html = None
    if not ok:
        throw(
            "Error",
            "`props.dangerouslySetInnerHTML` must be in the form `{__html: ...}`. Please visit "
            "https://react.dev/link/dangerously-set-inner-html for more information.",
            loc,
        )
    if is_nullish(html):
        return None
    return js_concat_string(html)


def inner_html(
    el: Any,
    inner: Any,
    children: Any,
    ctx: RenderContext,
    loc: Any,
    tag: str,
    leading_newline: bool = False,
) -> None:
    if children is not None:
        throw("Error", "Can only set one of `children` or `props.dangerouslySetInnerHTML`.", loc)
    html = inner_value(inner, loc)
    if html is None:
        return
    ctx.count_text(len(html))
    if leading_newline and html[:1] == "\n":
        set_text(el, "\n")
    text, nodes = sanitize_html(html, ctx, loc)
    ctx.count_node(sum(1 for n in nodes for _ in n.iter()))
    if text:
        set_text(el, text)
    for n in nodes:
        el.append(n)
