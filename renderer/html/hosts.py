"""The host elements React renders its own way: form controls, ``<title>``, ``<style>``, ``<script>``, hoisted ``<meta>``/``<link>``, image preloads.

Each is a function ``(node, tag, props, parent, ctx, fmt)`` in ``HOSTS``, by tag; the walk
(``walk.py``) calls it and it renders its children back through the walk with
``ctx.render_children``. Every other tag takes the generic path, ``walk._render_host``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..js.values import UNDEFINED, JSFunction, number_to_string, throw, to_boolean
from ..react.elements import VNode
from .attrs import _push_attr, js_concat_string
from .context import NOSCRIPT, SVG, RenderContext
from .sanitize import blocked_message, check_url, escape_style
from .tables import _SELF_CLOSING
from .tree import (
    append_text,
    collect_props,
    finish_element,
    inner_html,
    inner_value,
    is_nullish,
    make_element,
    objects_error,
)


def _self_closing(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, _ = collect_props(props, ctx, tag, loc)
    if children is not None or inner is not None:
        throw(
            "Error",
            f"{tag} is a self-closing tag and must neither have `children` nor use "
            "`dangerouslySetInnerHTML`.",
            loc,
        )
    return finish_element(tag, parent, attrs, handlers, ctx, loc)


def _host_select(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, _ = collect_props(
        props, ctx, tag, loc, frozenset(("value", "defaultValue"))
    )
    el = finish_element(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        inner_html(el, inner, children, ctx, loc, tag)
    ctx.render_children(el, children, fmt, tag, props, loc)


def _flatten_option(children: Any, out: list) -> None:
    if isinstance(children, list):
        for c in children:
            _flatten_option(c, out)
    elif children is None or children is UNDEFINED or type(children) is bool:
        return
    elif type(children) is str:
        out.append(children)
    elif type(children) is float:
        out.append(number_to_string(children))
    elif isinstance(children, VNode):
        out.append("[object Object]")
    elif isinstance(children, dict):
        throw("Error", objects_error(children))
    else:
        out.append(js_concat_string(children))


def _host_option(node: VNode, tag: str, props: dict, parent: Any, ctx: RenderContext, fmt: tuple) -> None:
    loc = node.loc
    attrs, children, inner, handlers, captured = collect_props(
        props, ctx, tag, loc, frozenset(("selected", "value"))
    )
    captured = captured or {}
    sel = fmt[1]
    selected = False
    if sel is not None and sel is not UNDEFINED:
        if "value" in captured:
            string_value = js_concat_string(captured["value"])
        else:
            parts: list = []
            _flatten_option(children, parts)
            string_value = "".join(parts)
        if isinstance(sel, list):
            selected = any(js_concat_string(s) == string_value for s in sel)
        else:
            selected = js_concat_string(sel) == string_value
    elif "selected" in captured:
        selected = to_boolean(captured["selected"])
    if selected:
        attrs.setdefault("selected", "")
    el = finish_element(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        inner_html(el, inner, children, ctx, loc, tag)
    ctx.render_children(el, children, fmt, tag, props, loc)


def _host_textarea(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, captured = collect_props(
        props, ctx, tag, loc, frozenset(("value", "defaultValue"))
    )
    if inner is not None:
        throw("Error", "`dangerouslySetInnerHTML` does not make sense on <textarea>.", loc)
    captured = captured or {}
    value = captured.get("value", captured.get("defaultValue"))
    el = finish_element(tag, parent, attrs, handlers, ctx, loc)
    if children is not None:
        ctx.warn(
            "Use the `defaultValue` or `value` props instead of setting children on <textarea>.",
            loc,
        )
        if value is not None:
            throw(
                "Error", "If you supply `defaultValue` on a <textarea>, do not pass children.", loc
            )
        if isinstance(children, list) and len(children) > 1:
            throw("Error", "<textarea> can only have at most one child.", loc)
        value = js_concat_string(children)
    if value is not None:
        text = js_concat_string(value)
        if type(value) is str and text[:1] == "\n":
            text = "\n" + text
        if text:
            append_text(el, text, ctx)


def _host_input(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, c = collect_props(props, ctx, tag, loc, _INPUT_CAPTURE)
    if children is not None or inner is not None:
        throw(
            "Error",
            "input is a self-closing tag and must neither have `children` nor use "
            "`dangerouslySetInnerHTML`.",
            loc,
        )
    if c:
        _push_form_action(attrs, c, "formAction", ctx, tag, loc)
        if c.get("checked") is not None:
            _bool_attr(attrs, "checked", c["checked"])
        elif c.get("defaultChecked") is not None:
            _bool_attr(attrs, "checked", c["defaultChecked"])
        if c.get("value") is not None:
            _push_attr(attrs, "value", c["value"], ctx, tag, loc)
        elif c.get("defaultValue") is not None:
            _push_attr(attrs, "value", c["defaultValue"], ctx, tag, loc)
    finish_element(tag, parent, attrs, handlers, ctx, loc)


_INPUT_CAPTURE = frozenset(
    "name formAction formEncType formMethod formTarget defaultChecked defaultValue checked value".split()
)
_BUTTON_CAPTURE = frozenset("name formAction formEncType formMethod formTarget".split())
_FORM_CAPTURE = frozenset("action encType method target".split())


def _bool_attr(attrs: dict, name: str, value: Any) -> None:
    if to_boolean(value) and not isinstance(value, JSFunction):
        attrs.setdefault(name, "")


def _push_form_action(
    attrs: dict, c: dict, action_name: str, ctx: RenderContext, tag: str, loc: Any
) -> None:
    """pushFormActionAttribute (input/button) and the <form> equivalent."""
    names: tuple[str, ...]
    if action_name == "action":
        names = ("action", "encType", "method", "target")
    else:
        names = ("name", "formAction", "formEncType", "formMethod", "formTarget")
    action = c.get(action_name)
    if isinstance(action, JSFunction):
        # React writes a javascript: placeholder URL (and a replay <script>): neither is written
        ctx.warn("a function form action is not rendered in previews (React writes a javascript: placeholder)", loc)
        c = {k: v for k, v in c.items() if k not in names}
    for name in names:
        v = c.get(name)
        if v is not None:
            _push_attr(attrs, name, v, ctx, tag, loc)


def _form_action_host(capture: frozenset, action_name: str) -> Callable:
    """<button> (``formAction``) and <form> (``action``): a host with a form action."""

    def host(node, tag, props, parent, ctx, fmt):
        loc = node.loc
        attrs, children, inner, handlers, c = collect_props(props, ctx, tag, loc, capture)
        if c:
            _push_form_action(attrs, c, action_name, ctx, tag, loc)
        el = finish_element(tag, parent, attrs, handlers, ctx, loc)
        if inner is not None:
            inner_html(el, inner, children, ctx, loc, tag)
        ctx.render_children(el, children, fmt, tag, props, loc)

    return host


_host_button = _form_action_host(_BUTTON_CAPTURE, "formAction")
_host_form = _form_action_host(_FORM_CAPTURE, "action")


def _host_object(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, c = collect_props(props, ctx, tag, loc, frozenset(("data",)))
    if c:
        v = js_concat_string(c["data"])
        if check_url(tag, "data", v) is None:
            ctx.warn(blocked_message("data", v), loc)
        elif v:
            attrs.setdefault("data", v)
    el = finish_element(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        inner_html(el, inner, children, ctx, loc, tag)
    ctx.render_children(el, children, fmt, tag, props, loc)


def _host_menuitem(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, _ = collect_props(props, ctx, tag, loc)
    if children is not None or inner is not None:
        throw("Error", "menuitems cannot have `children` nor `dangerouslySetInnerHTML`.", loc)
    finish_element(tag, parent, attrs, handlers, ctx, loc)


def _host_pre(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, _ = collect_props(props, ctx, tag, loc)
    el = finish_element(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        inner_html(el, inner, children, ctx, loc, tag, leading_newline=True)
    if type(children) is str and children[:1] == "\n":
        append_text(el, "\n", ctx)
    ctx.render_children(el, children, fmt, tag, props, loc)


def _single_text_child(children: Any) -> Any:
    """The one child <title>/<style> render as text (React renders nothing for 2+)."""
    if isinstance(children, list):
        return children[0] if len(children) < 2 else None
    return children


def _host_title(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    if (
        ctx.react_preloads
        and fmt[0] != SVG
        and not fmt[2] & NOSCRIPT
        and is_nullish(props.get("itemProp"))
    ):
        parent = ctx.hoisted().scratch
        target = ctx.hoisted().hoistable
    else:
        target = None
    attrs, children, inner, handlers, _ = collect_props(props, ctx, tag, loc)
    el = finish_element(tag, parent, attrs, handlers, ctx, loc)
    if target is not None:
        target.append(el)
    child = _single_text_child(children)
    if isinstance(children, list) and len(children) > 1:
        ctx.warn("<title> expects a single string child; React renders an empty title", loc)
    if not is_nullish(child) and not isinstance(child, JSFunction):
        append_text(el, js_concat_string(child), ctx)
    if inner is not None:
        inner_html(el, inner, children, ctx, loc, tag)


def _host_style(node, tag, props, parent, ctx, fmt, spelled=None):
    loc = node.loc
    attrs, children, inner, handlers, _ = collect_props(props, ctx, tag, loc)
    el = finish_element(spelled or tag, parent, attrs, handlers, ctx, loc)
    child = _single_text_child(children)
    if isinstance(children, list) and len(children) > 1:
        ctx.warn("<style> expects a single string child; React renders an empty style", loc)
    if not is_nullish(child) and not isinstance(child, JSFunction) and not isinstance(child, list):
        append_text(el, escape_style(js_concat_string(child)), ctx)
    if inner is not None:
        if children is not None:
            throw(
                "Error", "Can only set one of `children` or `props.dangerouslySetInnerHTML`.", loc
            )
        html = inner_value(inner, loc)
        if html is not None:
            append_text(el, escape_style(html), ctx)


def _host_script(node, tag, props, parent, ctx, fmt, spelled=None):
    ctx.warn("<script> elements are not rendered in previews", node.loc)


def _host_base(node, tag, props, parent, ctx, fmt, spelled=None):
    ctx.warn("<base> is not rendered in previews (it would redirect the page's own links)", node.loc)


def _host_pre_resource_img(node, tag, props, parent, ctx, fmt):
    if ctx.react_preloads and not fmt[2]:
        _image_preload(props, ctx)
    _self_closing(node, tag, props, parent, ctx, fmt)


def _is_data_url(v: Any) -> bool:
    return type(v) is str and len(v) > 4 and v[4] == ":" and v[:4].lower() == "data"


def _image_preload(props: dict, ctx: RenderContext) -> None:
    src: Any = props.get("src")  # JavaScript values
    src_set: Any = props.get("srcSet")
    if (
        props.get("loading") == "lazy"
        or (not to_boolean(src) and not to_boolean(src_set))
        or (type(src) is not str and not is_nullish(src))
        or (type(src_set) is not str and not is_nullish(src_set))
        or props.get("fetchPriority") == "low"
        or _is_data_url(src)
        or _is_data_url(src_set)
    ):
        return
    h = ctx.hoisted()
    sizes = props.get("sizes") if type(props.get("sizes")) is str else UNDEFINED
    key = src_set + "\n" + (sizes or "") if src_set else src
    high = props.get("fetchPriority") == "high"
    existing = h.bulk_images.get(key)
    if existing is not None:
        if high or len(h.high_images) < 10:
            del h.bulk_images[key]
            h.high_images.append(existing)
        return
    if key in h.image_keys:
        return
    h.image_keys.add(key)
    attrs: dict = {"rel": "preload", "as": "image"}
    if not src_set:
        _push_attr(attrs, "href", src, ctx, "link", None)
    if not is_nullish(src_set):
        _push_attr(attrs, "imageSrcSet", src_set, ctx, "link", None)
    if sizes is not UNDEFINED:
        attrs.setdefault("imageSizes", sizes)
    cross = props.get("crossOrigin")
    if type(cross) is str:
        attrs.setdefault("crossorigin", "use-credentials" if cross == "use-credentials" else "")
    for name in ("integrity", "type", "fetchPriority", "referrerPolicy"):
        value = props.get(name)
        if not is_nullish(value):
            _push_attr(attrs, name, value, ctx, "link", None)
    el = make_element(h.scratch, "link", attrs, ctx, None)
    if high or len(h.high_images) < 10:
        h.high_images.append(el)
    else:
        h.bulk_images[key] = el


def _host_meta(node, tag, props, parent, ctx, fmt):
    if (
        not ctx.react_preloads
        or fmt[0] == SVG
        or fmt[2] & NOSCRIPT
        or not is_nullish(props.get("itemProp"))
    ):
        _self_closing(node, tag, props, parent, ctx, fmt)
        return
    h = ctx.hoisted()
    el = _self_closing(node, tag, props, h.scratch, ctx, fmt)
    if type(props.get("charSet")) is str:
        h.charset.append(el)
    elif props.get("name") == "viewport":
        h.viewport.append(el)
    else:
        h.hoistable.append(el)


def _host_link(node, tag, props, parent, ctx, fmt):
    rel = props.get("rel")
    href = props.get("href")
    if (
        not ctx.react_preloads
        or fmt[0] == SVG
        or fmt[2] & NOSCRIPT
        or not is_nullish(props.get("itemProp"))
        or type(rel) is not str
        or type(href) is not str
        or href == ""
    ):
        _self_closing(node, tag, props, parent, ctx, fmt)
        return
    h = ctx.hoisted()
    handlers_given = to_boolean(props.get("onLoad")) or to_boolean(props.get("onError"))
    if rel == "stylesheet":
        precedence = props.get("precedence")
        if type(precedence) is not str or not is_nullish(props.get("disabled")) or handlers_given:
            _self_closing(node, tag, props, parent, ctx, fmt)
            return
        sheets = h.styles.setdefault(precedence, [])
        if href in h.style_hrefs:
            return
        h.style_hrefs.add(href)
        new_props = dict(props)
        new_props["precedence"] = None
        new_props["data-precedence"] = precedence
        sheets.append(
            _self_closing(
                VNode(tag, new_props, None, node.loc), tag, new_props, h.scratch, ctx, fmt
            )
        )
        return
    if handlers_given:
        _self_closing(node, tag, props, parent, ctx, fmt)
        return
    h.hoistable.append(_self_closing(node, tag, props, h.scratch, ctx, fmt))


HOSTS: dict[str, Callable[..., None]] = {}
HOSTS.update({
    "select": _host_select,
    "option": _host_option,
    "textarea": _host_textarea,
    "input": _host_input,
    "button": _host_button,
    "form": _host_form,
    "object": _host_object,
    "menuitem": _host_menuitem,
    "pre": _host_pre,
    "listing": _host_pre,
    "title": _host_title,
    "style": _host_style,
    "script": _host_script,
    "img": _host_pre_resource_img,
    "meta": _host_meta,
    "link": _host_link,
})
for _t in _SELF_CLOSING:
    HOSTS[_t] = _self_closing
HOSTS["base"] = _host_base
