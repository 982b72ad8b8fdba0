"""Rendered template values → HTML, the way React 19's ``renderToStaticMarkup`` writes it.

The output tree is built with ``lxml.etree`` (text via ``.text``/``.tail``, attributes via the
attribute dict of ``SubElement``), so escaping happens by construction, and it is serialised
once with ``etree.tostring(method="html")``. The rules follow ``react-dom/server`` 19
(``pushAttribute``, ``pushStyleAttribute``, ``pushStartInstance`` in Fizz) and are checked
against Node in ``tests/html/``.

This module is the walk (values, components, the generic host element); the rest of the
writer lives beside it: ``context.py`` (per-render state, format contexts), ``tree.py``
(building lxml elements), ``tables.py`` (React's prop, alias, unitless-style and tag tables),
``attrs.py`` (props → attribute and style strings), ``hosts.py`` (the host elements React
renders its own way) and ``sanitize.py`` (characters lxml cannot hold, ``javascript:`` URLs,
``dangerouslySetInnerHTML`` cleaning).

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
* Nothing a template renders can run script (``sanitize.py`` has the rules and why):
  ``dangerouslySetInnerHTML`` is parsed and **sanitised** (lxml_html_clean plus kview's rules;
  React inserts the raw string); URL attributes in any case or namespace must be relative or
  http(s)/mailto/tel (``data:image/`` where shown as an image) after cleaning, and are **left
  out** otherwise (React writes its ``javascript:`` BLOCKED_URL, which still runs when
  clicked; so is React's ``javascript:`` placeholder for a function form action); ``srcdoc``,
  ``<base>``, ``<meta http-equiv=refresh>``, ``<script>`` (and React's form-replay script)
  and string ``on*`` props are dropped; SVG animations lose values writing a blocked URL;
  ``<style>`` text has raw-text end tags escaped after cleaning and ``<`` escaped when the
  output holds ``<svg>``/``<math>``. Each drop comes with a warning.
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

from typing import Any

from lxml import etree

from ..js.members import ITERATORS, iterate
from ..js.values import (
    UNDEFINED,
    JSFunction,
    JSObject,
    number_to_string,
    throw,
)
from ..react.elements import FRAGMENT, BuiltinComponent, VNode
from .attrs import (
    _default_rule,
    _push_value,
    js_concat_string,
    style_to_css,
)
from .context import _FMT_TAGS, HTML, ROOT_FMT, RenderContext, child_fmt
from .hosts import HOSTS
from .sanitize import (
    _clean,
    _strip_invalid,
    attr_key,
    blocked_message,
    check_url,
    is_url_attr,
    sanitize_tree,
)
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
from .tree import (
    _SubElement,
    append_text,
    finish_element,
    flush_text,
    inner_html,
    make_element,
    objects_error,
    record_handlers,
    warn_string_handler,
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
            append_text(parent, value, ctx)
        return
    if t is list:
        for item in value:
            # the common kinds of children inline, saving a _render frame per child
            ti = type(item)
            if ti is VNode and type(item.type) is str:
                _render_host(item, item.type, parent, ctx, fmt)
            elif ti is str:
                if item:
                    append_text(parent, item, ctx)
            else:
                _render(item, parent, ctx, fmt, loc)
        return
    if t is float:
        append_text(parent, number_to_string(value), ctx)
        return
    if value is None or value is UNDEFINED or t is bool:
        return
    if t is int:  # defensive: numbers are floats
        append_text(parent, number_to_string(float(value)), ctx)
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
        throw("Error", objects_error(value), loc)
    if isinstance(value, list):
        for item in value:
            _render(item, parent, ctx, fmt, loc)
        return
    if isinstance(value, JSObject):
        if value.class_name == "Promise":
            throw(
                "Error",
                "A component suspended while responding to synchronous input. This will "
                "cause the UI to be replaced with a loading indicator. To fix, updates that "
                "suspend should be wrapped with startTransition.",
                loc,
            )
        if any(base in ITERATORS for base in type(value).__mro__):
            for item in iterate(value):
                _render(item, parent, ctx, fmt, loc)
            return
    throw("Error", objects_error(value), loc)


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
        throw(
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
            throw("RangeError", "Maximum call stack size exceeded", node.loc)
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
    props = node.vprops
    children = props.get("children")
    kids_fmt = fmt if fmt[0] == HTML else child_fmt(fmt, "div", props)
    nodes = _render_to_list(children, ctx, kids_fmt, node.loc) if children is not None else []
    rest = {k: v for k, v in props.items() if k != "children"}
    typ.check_props(rest, ctx, node.loc)
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
            append_text(parent, result, ctx)
    elif isinstance(result, (list, tuple)):
        for r in result:
            _attach(parent, r, ctx)
    else:
        ctx.count_node()
        parent.append(result)



# --------------------------------------------------------------------------- host elements

_valid_tags: set[str] = set()



# Tags the generic path of _render_host handles (a valid name, nothing in HOSTS, not a
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
        special = HOSTS.get(tag)
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
    # collect_props, inlined (this runs for nearly every element of a tree)
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
            elif type(value) is not bool and not isinstance(value, JSFunction):
                warn_string_handler(ctx, tag, name, loc)
            continue
        if attrs is None:
            attrs = {}
        _push_value(attrs, kind, out, value, ctx, tag, loc, name)
        if kind <= K_STRING and out[:1] != "{" and len(_verbatim_attrs) < 4096:
            _verbatim_attrs[name] = out
    if attrs:
        el = make_element(parent, tag, attrs, ctx, loc)
    else:
        ctx.nodes += 1
        if ctx.nodes > ctx.max_nodes:
            ctx.count_node(0)
        el = _SubElement(parent, tag)
    if handlers:
        record_handlers(el, handlers, ctx)
    if inner is not None:
        inner_html(el, inner, children, ctx, loc, tag)
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
                fmt = child_fmt(fmt, tag, props)
            if type(children) is VNode and type(children.type) is str:  # one child element
                _render_host(children, children.type, el, ctx, fmt)
            else:
                _render(children, el, ctx, fmt, loc)
            if tag == "li":
                flush_text(ctx)
                if el.text is None and not len(el):
                    el.text = ""  # libxml2 would omit </li> of an empty li
    elif tag == "li" and not len(el) and el.text is None:
        el.text = ""


def _check_tag(node: VNode, tag: str, parent: Any, ctx: RenderContext, fmt: tuple) -> bool:
    if not _VALID_TAG.fullmatch(tag):
        throw("Error", f"Invalid tag: {tag}", node.loc)
    low = tag.lower()
    if low in ("script", "style", "base"):  # the browser lower-cases tag names
        HOSTS[low](node, low, node.vprops, parent, ctx, fmt, tag)
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
                    warn_string_handler(ctx, tag, name, loc)
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
            key = attr_key(out)
            if is_url_attr(tag, key) and check_url(tag, key, v) is None:
                ctx.warn(blocked_message(name, v), loc)
                continue
            attrs.setdefault(out, v)
    el = finish_element(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        inner_html(el, inner, children, ctx, loc, tag)
    ctx.render_children(el, children, fmt, tag, props, loc)


# --------------------------------------------------------------------------- entry points


def _render_to_list(value: Any, ctx: RenderContext, fmt: tuple, loc: Any = None) -> list:
    ctx.walk = _render
    scratch = etree.Element("div")
    _render(value, scratch, ctx, fmt, loc)
    flush_text(ctx)
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
        return _render_to_list(value, ctx, ROOT_FMT)
    except RecursionError:
        throw("RangeError", "Maximum call stack size exceeded")
        raise  # pragma: no cover


def to_html(value: Any, ctx: RenderContext | None = None, *, root_class: str | None = None) -> str:
    """``renderToStaticMarkup(value)`` as an HTML fragment (see the module docstring)."""
    if ctx is None:
        ctx = RenderContext()
    ctx.walk = _render
    root = etree.Element("div")
    target = root
    if root_class is not None:
        target = _SubElement(root, "div", {"class": _strip_invalid(_clean(root_class))})
    try:
        _render(value, target, ctx, ROOT_FMT)
    except RecursionError:
        throw("RangeError", "Maximum call stack size exceeded")
    flush_text(ctx)
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
    sanitize_tree(root, ctx)
    if ctx._used_xlink:
        etree.cleanup_namespaces(root, top_nsmap={"xlink": XLINK_NS})
    out = etree.tostring(root, method="html", encoding="unicode")
    return out[out.index(">") + 1 : -6]
