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
        _write_text(parent[n - 1], True, s)
    else:
        _write_text(parent, False, s)


def _write_text(node: Any, tail: bool, s: str) -> None:
    old = node.tail if tail else node.text
    new = s if old is None else old + s
    try:
        if tail:
            node.tail = new
        else:
            node.text = new
    except ValueError:
        if tail:
            node.tail = _strip_invalid(new)
        else:
            node.text = _strip_invalid(new)


def append_text(parent: Any, s: str, ctx: RenderContext) -> None:
    """Append text after ``parent``'s last child, through the render's text buffer.

    Consecutive pieces for the same place (``parent.text`` or the last child's ``.tail``) are
    collected and written once by ``flush_text``: appending to an lxml string one piece at a
    time copies it each time, quadratic in the number of pieces (a million text children took
    minutes). Whoever reads ``.text``/``.tail`` of the walk's tree flushes first.
    """
    ctx.text_size += len(s)
    if ctx.text_size > ctx.max_text:
        ctx.count_text(0)
    n = len(parent)
    if n:
        node = parent[n - 1]
        tail = True
    else:
        node = parent
        tail = False
    if ctx._text_node is node and ctx._text_tail is tail:
        ctx._text_parts.append(_clean(s))
        return
    if ctx._text_node is not None:
        flush_text(ctx)
    ctx._text_node = node
    ctx._text_tail = tail
    ctx._text_parts = [_clean(s)]


def flush_text(ctx: RenderContext) -> None:
    """Write the text ``append_text`` has collected (see there)."""
    node = ctx._text_node
    if node is None:
        return
    parts = ctx._text_parts
    ctx._text_node = None
    ctx._text_parts = []
    _write_text(node, ctx._text_tail, parts[0] if len(parts) == 1 else "".join(parts))


def warn_string_handler(ctx: RenderContext, tag: str, name: str, loc: Any) -> None:
    """A string ``on*`` prop (``onclick="..."``) is never written: it would be script."""
    ctx.warn(f"<{tag}>: event handler attribute `{name}` is not rendered in previews", loc)


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
    for event, fn in handlers:
        mark_handler(el, event, fn, ctx)


def mark_handler(el: Any, event: str, fn: Any, ctx: Any) -> None:
    """Record ``fn`` as ``el``'s ``event`` handler in ``ctx.handlers``; with ``ctx.mark_handlers``
    (a live session's renders) also write ``data-kv-on`` (the event names) and ``data-kv-id``
    (this element's number in the render), which the gallery's interact.js sends back."""
    handlers = getattr(ctx, "handlers", None)
    if handlers is not None:
        handlers.append((el, event, fn))
    if not getattr(ctx, "mark_handlers", False):
        return
    names = (el.get("data-kv-on") or "").split()
    if event not in names:
        names.append(event)
        el.set("data-kv-on", " ".join(names))
    if el.get("data-kv-id") is None:
        n = getattr(ctx, "handler_seq", 0)
        el.set("data-kv-id", str(n))
        try:
            ctx.handler_seq = n + 1
        except AttributeError:
            pass


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
            elif type(value) is not bool and not isinstance(value, JSFunction):
                warn_string_handler(ctx, tag, name, loc)
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
