"""Rendered template values → HTML, the way React 19's ``renderToStaticMarkup`` writes it.

The output tree is built with ``lxml.etree`` (text via ``.text``/``.tail``, attributes via the
attribute dict of ``SubElement``), so escaping happens by construction, and it is serialised
once with ``etree.tostring(method="html")``. The rules follow ``react-dom/server`` 19
(``pushAttribute``, ``pushStyleAttribute``, ``pushStartInstance`` in Fizz) and are checked
against Node in ``tests/test_html.py``.

This module holds the per-render state and the walk (values, components, the generic host
element); the rest of the writer lives beside it: ``html_tables.py`` (React's prop, alias,
unitless-style and tag tables), ``html_attrs.py`` (props → attribute and style strings),
``html_hosts.py`` (the host elements React renders its own way) and ``sanitize.py``
(characters lxml cannot hold, ``javascript:`` URLs, ``dangerouslySetInnerHTML`` cleaning).

API
===
``RenderContext``
    Per-render state: ``warnings`` (``warn()``), ``handlers`` (event handlers found on host
    elements, as ``(element, event_name, fn)``), ``mark_handlers`` (also write
    ``data-kv-on="click change"`` on those elements), budgets (``max_nodes`` elements,
    ``max_text`` characters of text and attribute values, ``max_depth`` nested components),
    ``component_renderer`` (called for function components; the hooks runtime plugs in
    here) and ``react_preloads`` (emit React's hoisted ``<title>``/``<meta>``/``<link>`` and
    image-preload links in front of the output, as ``renderToStaticMarkup`` does).
``render_nodes(value, ctx)``
    The value rendered to a list of top-level lxml elements and strings (for Python
    components that wrap rendered children; see ``append_nodes``).
``to_html(value, ctx=None, *, root_class=None)``
    The HTML fragment (optionally wrapped in one ``<div class=root_class>``).

Deliberate differences from React (all documented in the tests)
================================================================
* ``dangerouslySetInnerHTML`` is parsed and **sanitised** (lxml_html_clean plus a final pass):
  scripts, ``on*`` attributes, ``javascript:``/``vbscript:`` URLs, frames, objects, embeds,
  ``<link>``/``<meta>``/``<base>`` and comments are removed (a warning says what). React
  inserts the raw string.
* ``<script>`` elements in templates are dropped with a warning: a preview never runs
  template scripts. (So is React's inline form-replay ``<script>`` after a form whose
  ``action`` is a function.) String ``on*`` attributes on custom elements (which React
  writes) are dropped with a warning too.
* Characters XML cannot hold (C0 controls other than tab/newline/CR, U+FFFE, U+FFFF) are
  removed, lone surrogates become U+FFFD; CR and CRLF become LF (what an HTML parser makes
  of React's raw CR anyway). React writes these raw.
* Serialisation is libxml2's HTML serialiser, so the *spelling* differs from React's while
  the parsed document is the same: text escapes only ``& < >``; void elements print as
  ``<br>`` and the HTML5-only ones as ``<wbr></wbr>``; boolean attributes known to libxml2
  (``checked disabled selected readonly multiple defer ...``) print minimised; ``href``,
  ``src``, ``action`` and ``<a name>`` values have leading blanks dropped and spaces,
  controls and non-ASCII percent-encoded (the URL a browser resolves is the same).
* Attribute names with a colon other than ``xlink:*``/``xml:*`` (lxml cannot store them)
  and ``xmlns:xlink`` are dropped (the HTML parser ignores ``xmlns:*`` anyway). Tag names
  with a colon are rendered as their children only, with a warning.
* ``<STYLE>``/``<Script>`` spelled in another case are treated like ``<style>``/``<script>``
  (their content is raw text in HTML, so React's escaping of it would show up verbatim).
* ``<style precedence href>`` and ``<script async src>`` resources, ``<html>``/``<head>``/
  ``<body>`` preamble handling and Suspense are not modelled (rendered in place/dropped).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from ..errors import Diagnostic
from ..js.values import (
    UNDEFINED,
    JSFunction,
    JSObject,
    number_to_string,
    own_keys,
)
from ..react.elements import FRAGMENT, BuiltinComponent, VNode
from .attrs import (
    _default_rule,
    _push_value,
    _raise,
    js_concat_string,
    style_to_css,
)
from .sanitize import BLOCKED_URL, _clean, _strip_invalid, sanitize_html
from .tables import (
    _CUSTOM_EXCEPTIONS,
    _RULES,
    _VALID_ATTR,
    _VALID_TAG,
    K_DROP,
    K_INVALID,
    K_ON,
    K_STRING,
    XLINK_NS,
)

__all__ = [
    "BLOCKED_URL",
    "RenderContext",
    "append_nodes",
    "render_nodes",
    "sanitize_html",
    "style_to_css",
    "to_html",
]

MAX_NODES = 50_000
MAX_TEXT = 5_000_000
MAX_DEPTH = 200

_SubElement = etree.SubElement

# --------------------------------------------------------------------------- context


class RenderContext:
    """State of one render: warnings, event handlers, budgets, hoisted resources."""

    def __init__(
        self,
        *,
        mark_handlers: bool = False,
        max_nodes: int = MAX_NODES,
        max_text: int = MAX_TEXT,
        max_depth: int = MAX_DEPTH,
        component_renderer: Callable[[VNode], Any] | None = None,
        react_preloads: bool = True,
    ) -> None:
        self.warnings: list[Diagnostic] = []
        self.handlers: list[tuple[Any, str, JSFunction]] = []
        self.mark_handlers = mark_handlers
        self.max_nodes = max_nodes
        self.max_text = max_text
        self.max_depth = max_depth
        self.component_renderer = component_renderer
        self.react_preloads = react_preloads
        self.nodes = 0
        self.text_size = 0
        self.depth = 0
        self._seen: set = set()
        self._hoist: _Hoisted | None = None
        self._used_xlink = False
        # Set by the host and html.py, read by components (through getattr: they also take
        # other contexts): the render's time zone name (render.py; UTC when None), the
        # page a DynamicCard iframe gets as parentUrl (render.py), and the template
        # location of the built-in component being rendered (html.py).
        self.tz: str | None = None
        self.parent_url: str | None = None
        self.loc: tuple[int, int] | None = None

    def warn(self, message: str, loc: Any = None, kind: str = "warning") -> None:
        key = (kind, message, loc)
        if key in self._seen:
            return
        self._seen.add(key)
        self.warnings.append(Diagnostic.warning(message, loc, kind))

    # budgets ------------------------------------------------------------
    def count_node(self, n: int = 1) -> None:
        self.nodes += n
        if self.nodes > self.max_nodes:
            _raise("RangeError", f"kview: output budget exceeded ({self.max_nodes} elements)")

    def count_text(self, n: int) -> None:
        self.text_size += n
        if self.text_size > self.max_text:
            _raise(
                "RangeError",
                f"kview: output budget exceeded ({self.max_text} characters of text)",
            )

    def hoisted(self) -> _Hoisted:
        if self._hoist is None:
            self._hoist = _Hoisted()
        return self._hoist


class _Hoisted:
    """React's hoistable chunks, flushed in front of the markup (flushCompletedQueues)."""

    def __init__(self) -> None:
        self.scratch = etree.Element("div")
        self.charset: list = []
        self.viewport: list = []
        self.high_images: list = []
        self.styles: dict[str, list] = {}
        self.style_hrefs: set[str] = set()
        self.bulk_images: dict[str, Any] = {}
        self.image_keys: set[str] = set()
        self.hoistable: list = []

    def elements(self) -> list:
        out = self.charset + self.viewport + self.high_images
        for sheets in self.styles.values():
            out.extend(sheets)
        out.extend(self.bulk_images.values())
        out.extend(self.hoistable)
        return out


# --------------------------------------------------------------------------- format context

ROOT, HTML, SVG, MATH, TABLE = 0, 1, 2, 3, 4
NOSCRIPT, PICTURE = 1, 2
_ROOT_FMT = (ROOT, None, 0)
_HTML_FMT = (HTML, None, 0)
_TABLE_TAGS = frozenset(("table", "thead", "tbody", "tfoot", "colgroup", "tr"))
_FMT_TAGS = (
    frozenset(("noscript", "select", "svg", "picture", "math", "foreignObject")) | _TABLE_TAGS
)


def _child_fmt(fmt: tuple, tag: str, props: dict) -> tuple:
    """getChildFormatContext: insertion mode, <select> value in scope, scope bits."""
    mode = fmt[0]
    if tag not in _FMT_TAGS:
        if mode == HTML or mode == SVG or mode == MATH:
            return fmt
        return (HTML, None, fmt[2]) if fmt[2] else _HTML_FMT
    scope = fmt[2]
    if tag == "svg":
        return (SVG, None, scope)
    if tag == "select":
        v = props.get("value")
        return (
            HTML,
            v if v is not None and v is not UNDEFINED else props.get("defaultValue"),
            scope,
        )
    if tag == "noscript":
        return (HTML, None, scope | NOSCRIPT)
    if tag == "picture":
        return (HTML, None, scope | PICTURE)
    if tag == "math":
        return (MATH, None, scope)
    if tag == "foreignObject":
        return (HTML, None, scope)
    return (TABLE, None, scope)


# --------------------------------------------------------------------------- tree building


def _set_text(parent: Any, s: str) -> None:
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


def _text(parent: Any, s: str, ctx: RenderContext) -> None:
    ctx.text_size += len(s)
    if ctx.text_size > ctx.max_text:
        ctx.count_text(0)
    _set_text(parent, _clean(s))


def _make(parent: Any, tag: str, attrs: dict, ctx: RenderContext, loc: Any) -> Any:
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


def _record_handlers(el: Any, handlers: list, ctx: RenderContext) -> None:
    names = []
    for event, fn in handlers:
        ctx.handlers.append((el, event, fn))
        if event not in names:
            names.append(event)
    if ctx.mark_handlers:
        el.set("data-kv-on", " ".join(names))


def _objects_error(value: Any) -> str:
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


def _render(value: Any, parent: Any, ctx: RenderContext, fmt: tuple, loc: Any = None) -> None:
    """renderNode: append what ``value`` renders to ``parent`` (an lxml element)."""
    t = type(value)
    if t is VNode:
        typ = value.type
        if type(typ) is str:  # host elements are most of a tree: skip _render_vnode
            _render_host(value, typ, parent, ctx, fmt)
        else:
            _render_vnode(value, parent, ctx, fmt)
        return
    if t is str:
        if value:
            _text(parent, value, ctx)
        return
    if t is list:
        for item in value:
            # the common kinds of children inline, saving a _render frame per child
            ti = type(item)
            if ti is VNode and type(item.type) is str:
                _render_host(item, item.type, parent, ctx, fmt)
            elif ti is str:
                if item:
                    _text(parent, item, ctx)
            else:
                _render(item, parent, ctx, fmt, loc)
        return
    if t is float:
        _text(parent, number_to_string(value), ctx)
        return
    if value is None or value is UNDEFINED or t is bool:
        return
    if t is int:  # defensive: numbers are floats
        _text(parent, number_to_string(float(value)), ctx)
        return
    if isinstance(value, VNode):
        _render_vnode(value, parent, ctx, fmt)
        return
    if isinstance(value, JSFunction):
        ctx.warn(
            "Functions are not valid as a React child. This may happen if you return a "
            "Component instead of <Component /> from render.",
            loc,
        )
        return
    if isinstance(value, dict):
        _raise("Error", _objects_error(value), loc)
    if isinstance(value, list):
        for item in value:
            _render(item, parent, ctx, fmt, loc)
        return
    if isinstance(value, JSObject):
        if value.class_name == "Promise":
            _raise(
                "Error",
                "A component suspended while responding to synchronous input. This will "
                "cause the UI to be replaced with a loading indicator. To fix, updates that "
                "suspend should be wrapped with startTransition.",
                loc,
            )
        from ..js.members import ITERATORS, iterate

        if any(base in ITERATORS for base in type(value).__mro__):
            for item in iterate(value):
                _render(item, parent, ctx, fmt, loc)
            return
    _raise("Error", _objects_error(value), loc)


def _render_vnode(node: VNode, parent: Any, ctx: RenderContext, fmt: tuple) -> None:
    typ = node.type
    if type(typ) is str:
        _render_host(node, typ, parent, ctx, fmt)
    elif typ is FRAGMENT:
        children = node.vprops.get("children")
        if children is not None:
            _render(children, parent, ctx, fmt, node.loc)
    elif isinstance(typ, BuiltinComponent):
        _render_builtin(node, typ, parent, ctx, fmt)
    elif isinstance(typ, JSFunction):
        _render_component(node, typ, parent, ctx, fmt)
    else:
        info = ""
        if typ is UNDEFINED or (isinstance(typ, dict) and not typ):
            info = (
                " You likely forgot to export your component from the file it's defined in,"
                " or you might have mixed up default and named imports."
            )
        if typ is None:
            got = "null"
        elif typ is UNDEFINED:
            got = "undefined"
        elif isinstance(typ, float):
            got = "number"
        elif isinstance(typ, bool):
            got = "boolean"
        else:
            got = "object"
        _raise(
            "Error",
            "Element type is invalid: expected a string (for built-in components) or a "
            f"class/function (for composite components) but got: {got}.{info}",
            node.loc,
        )


def _render_component(
    node: VNode, typ: JSFunction, parent: Any, ctx: RenderContext, fmt: tuple
) -> None:
    ctx.depth += 1
    try:
        if ctx.depth > ctx.max_depth:
            _raise("RangeError", "Maximum call stack size exceeded", node.loc)
        if ctx.component_renderer is not None:
            result = ctx.component_renderer(node)
        else:
            result = typ.call(UNDEFINED, [node.vprops])
        if result is not None and result is not UNDEFINED:
            _render(result, parent, ctx, fmt, node.loc)
    finally:
        ctx.depth -= 1


def _render_builtin(
    node: VNode, typ: BuiltinComponent, parent: Any, ctx: RenderContext, fmt: tuple
) -> None:
    from ..kustomer.components import check_props  # components import html: import late

    props = node.vprops
    children = props.get("children")
    child_fmt = fmt if fmt[0] == HTML else _child_fmt(fmt, "div", props)
    nodes = _render_to_list(children, ctx, child_fmt, node.loc) if children is not None else []
    rest = {k: v for k, v in props.items() if k != "children"}
    check_props(typ, rest, ctx, node.loc)
    outer_loc = ctx.loc
    ctx.loc = node.loc  # warnings raised inside the component point at its JSX
    try:
        result = typ.render(rest, nodes, ctx)
    finally:
        ctx.loc = outer_loc
    _attach(parent, result, ctx)


def _attach(parent: Any, result: Any, ctx: RenderContext) -> None:
    if result is None or result is UNDEFINED:
        return
    if isinstance(result, str):
        if result:
            _text(parent, result, ctx)
    elif isinstance(result, (list, tuple)):
        for r in result:
            _attach(parent, r, ctx)
    else:
        ctx.count_node()
        parent.append(result)


def append_nodes(parent: Any, nodes: list) -> Any:
    """Append the output of ``render_nodes`` (elements and strings) to an lxml element."""
    for n in nodes:
        if isinstance(n, str):
            if n:
                _set_text(parent, _clean(n))
        else:
            parent.append(n)
    return parent


# --------------------------------------------------------------------------- host elements

_valid_tags: set[str] = set()
# The host elements React renders its own way, by tag: html_hosts.py fills it on import.
_SPECIAL: dict[str, Callable] = {}


def _collect(props: dict, ctx: RenderContext, tag: str, loc: Any, capture: frozenset = frozenset()):
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


def _finish(tag: str, parent: Any, attrs: dict, handlers: Any, ctx: RenderContext, loc: Any) -> Any:
    el = _make(parent, tag, attrs, ctx, loc)
    if handlers:
        _record_handlers(el, handlers, ctx)
    return el


# Tags the generic path of _render_host handles (a valid name, nothing in _SPECIAL, not a
# custom element), mapped to whether they change their children's format context: checked
# once per tag name instead of once per element.
_plain_tags: dict[str, bool] = {}
# Prop names whose *string* values pushAttribute writes verbatim, mapped to the attribute
# name (``className`` → ``class``): the plain, string and data kinds outside the xlink/xml
# namespaces. Filled as names are met; lets the common attribute skip _push_value.
_verbatim_attrs: dict[str, str] = {}


def _render_host(node: VNode, tag: str, parent: Any, ctx: RenderContext, fmt: tuple) -> None:
    props = node.vprops
    fmt_tag = _plain_tags.get(tag)
    if fmt_tag is None:
        special = _SPECIAL.get(tag)
        if special is not None:
            special(node, tag, props, parent, ctx, fmt)
            return
        if tag not in _valid_tags:
            if not _check_tag(node, tag, parent, ctx, fmt):
                return
        if "-" in tag and tag not in _CUSTOM_EXCEPTIONS:
            _render_custom(node, tag, props, parent, ctx, fmt)
            return
        fmt_tag = tag in _FMT_TAGS
        if len(_plain_tags) < 4096:
            _plain_tags[tag] = fmt_tag
    loc = node.loc
    # _collect, inlined (this runs for nearly every element of a tree)
    attrs: dict | None = None
    children = inner = handlers = None
    for name, value in props.items():
        if value is None or value is UNDEFINED:
            continue
        if name == "children":
            children = value
            continue
        if type(value) is str:
            out = _verbatim_attrs.get(name)
            if out is not None:
                if attrs is None:
                    attrs = {out: value}
                elif out not in attrs:
                    attrs[out] = value
                continue
        if name == "dangerouslySetInnerHTML":
            inner = value
            continue
        rule = _RULES.get(name)
        if rule is None:
            rule = _default_rule(name)
        kind, out = rule
        if kind == K_ON:
            if out and isinstance(value, JSFunction):
                if handlers is None:
                    handlers = []
                handlers.append((out, value))
            continue
        if attrs is None:
            attrs = {}
        _push_value(attrs, kind, out, value, ctx, tag, loc, name)
        if kind <= K_STRING and out[:1] != "{" and len(_verbatim_attrs) < 4096:
            _verbatim_attrs[name] = out
    if attrs:
        el = _make(parent, tag, attrs, ctx, loc)
    else:
        ctx.nodes += 1
        if ctx.nodes > ctx.max_nodes:
            ctx.count_node(0)
        el = _SubElement(parent, tag)
    if handlers:
        _record_handlers(el, handlers, ctx)
    if inner is not None:
        _inner_html(el, inner, children, ctx, loc, tag)
    if children is not None:
        if type(children) is str:
            ctx.text_size += len(children)
            if ctx.text_size > ctx.max_text:
                ctx.count_text(0)
            try:
                el.text = children if children.isascii() and "\r" not in children else _clean(children)
            except ValueError:
                el.text = _strip_invalid(_clean(children))
        else:
            if fmt_tag or fmt[0] != HTML:
                fmt = _child_fmt(fmt, tag, props)
            if type(children) is VNode and type(children.type) is str:  # one child element
                _render_host(children, children.type, el, ctx, fmt)
            else:
                _render(children, el, ctx, fmt, loc)
            if tag == "li" and el.text is None and not len(el):
                el.text = ""  # libxml2 would omit </li> of an empty li
    elif tag == "li" and not len(el) and el.text is None:
        el.text = ""


def _check_tag(node: VNode, tag: str, parent: Any, ctx: RenderContext, fmt: tuple) -> bool:
    if not _VALID_TAG.fullmatch(tag):
        _raise("Error", f"Invalid tag: {tag}", node.loc)
    low = tag.lower()
    if low in ("script", "style"):
        _SPECIAL[low](node, low, node.vprops, parent, ctx, fmt, tag)
        return False
    if ":" in tag:
        ctx.warn(
            f"<{tag}>: tag names with a colon cannot be rendered; rendered its children only",
            node.loc,
        )
        children = node.vprops.get("children")
        if children is not None:
            _render(children, parent, ctx, fmt, node.loc)
        return False
    if len(_valid_tags) < 4096:
        _valid_tags.add(tag)
    return True


def _render_children(
    el: Any, children: Any, ctx: RenderContext, fmt: tuple, tag: str, props: dict, loc: Any
) -> None:
    if children is not None:
        _render(children, el, ctx, _child_fmt(fmt, tag, props), loc)


def _nullish(v: Any) -> bool:
    return v is None or v is UNDEFINED


def _render_custom(node: VNode, tag: str, props: dict, parent: Any, ctx: RenderContext, fmt: tuple) -> None:
    """Custom elements (a dash in the name): React passes props through nearly verbatim."""
    loc = node.loc
    attrs: dict = {}
    children = inner = handlers = None
    for name, value in props.items():
        if value is None or value is UNDEFINED:
            continue
        if name == "children":
            children = value
        elif name == "dangerouslySetInnerHTML":
            inner = value
        elif name == "style":
            css = style_to_css(value)
            if css is not None:
                attrs.setdefault("style", css)
        elif name in ("suppressContentEditableWarning", "suppressHydrationWarning", "ref", "key"):
            continue
        else:
            if not _VALID_ATTR.fullmatch(name):
                ctx.warn(f"invalid attribute name `{name}` was not rendered", loc)
                continue
            if name[:2].lower() == "on":
                if isinstance(value, JSFunction):
                    if len(name) > 2 and name[:2] == "on" and "A" <= name[2] <= "Z":
                        handlers = (handlers or []) + [(name[2:].lower(), value)]
                elif value is not False:
                    ctx.warn(
                        f"<{tag}>: event handler attribute `{name}` is not rendered in previews",
                        loc,
                    )
                continue
            if isinstance(value, JSFunction) or value is False:
                continue
            if value is True:
                v = ""
            elif isinstance(value, (dict, list, JSObject)):
                continue
            else:
                v = js_concat_string(value)
            out = "class" if name == "className" else name
            if ":" in out:
                kind, out = _default_rule(out)
                if kind in (K_INVALID, K_DROP):
                    if kind == K_INVALID:
                        ctx.warn(f"attribute `{name}` cannot be written and was dropped", loc)
                    continue
                if out.startswith("{" + XLINK_NS):
                    ctx._used_xlink = True
            attrs.setdefault(out, v)
    el = _finish(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        _inner_html(el, inner, children, ctx, loc, tag)
    _render_children(el, children, ctx, fmt, tag, props, loc)


# --------------------------------------------------------------------------- innerHTML


def _inner_value(inner: Any, loc: Any) -> str | None:
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
        _raise(
            "Error",
            "`props.dangerouslySetInnerHTML` must be in the form `{__html: ...}`. Please visit "
            "https://react.dev/link/dangerously-set-inner-html for more information.",
            loc,
        )
    if _nullish(html):
        return None
    return js_concat_string(html)


def _inner_html(
    el: Any,
    inner: Any,
    children: Any,
    ctx: RenderContext,
    loc: Any,
    tag: str,
    leading_newline: bool = False,
) -> None:
    if children is not None:
        _raise("Error", "Can only set one of `children` or `props.dangerouslySetInnerHTML`.", loc)
    html = _inner_value(inner, loc)
    if html is None:
        return
    ctx.count_text(len(html))
    if leading_newline and html[:1] == "\n":
        _set_text(el, "\n")
    text, nodes = sanitize_html(html, ctx, loc)
    ctx.count_node(sum(1 for n in nodes for _ in n.iter()))
    if text:
        _set_text(el, text)
    for n in nodes:
        el.append(n)

# --------------------------------------------------------------------------- entry points


def _render_to_list(value: Any, ctx: RenderContext, fmt: tuple, loc: Any = None) -> list:
    scratch = etree.Element("div")
    _render(value, scratch, ctx, fmt, loc)
    out: list = []
    if scratch.text:
        out.append(scratch.text)
    for child in scratch:
        tail = child.tail
        child.tail = None
        out.append(child)
        if tail:
            out.append(tail)
    return out


def render_nodes(value: Any, ctx: RenderContext) -> list:
    """The top-level lxml elements and strings ``value`` renders to.

    Hoisted resources (React's ``<title>``/``<meta>``/preload links) stay in ``ctx`` and are
    written by ``to_html``.
    """
    try:
        return _render_to_list(value, ctx, _ROOT_FMT)
    except RecursionError:
        _raise("RangeError", "Maximum call stack size exceeded")
        raise  # pragma: no cover


def to_html(value: Any, ctx: RenderContext | None = None, *, root_class: str | None = None) -> str:
    """``renderToStaticMarkup(value)`` as an HTML fragment (see the module docstring)."""
    if ctx is None:
        ctx = RenderContext()
    root = etree.Element("div")
    target = root
    if root_class is not None:
        target = _SubElement(root, "div", {"class": _strip_invalid(_clean(root_class))})
    try:
        _render(value, target, ctx, _ROOT_FMT)
    except RecursionError:
        _raise("RangeError", "Maximum call stack size exceeded")
    if ctx._hoist is not None:
        hoisted = ctx._hoist.elements()
        if hoisted:
            lead = target.text
            target.text = None
            for i, el in enumerate(hoisted):
                target.insert(i, el)
            if lead:
                hoisted[-1].tail = lead
        ctx._hoist = None
    if ctx._used_xlink:
        etree.cleanup_namespaces(root, top_nsmap={"xlink": XLINK_NS})
    out = etree.tostring(root, method="html", encoding="unicode")
    return out[out.index(">") + 1 : -6]


from . import hosts as html_hosts  # noqa: E402, F401  (fills _SPECIAL; it imports the walk from here)
