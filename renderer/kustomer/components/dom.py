"""Small lxml helpers shared by the component modules: elements, text, classes, styles, URLs.

Everything reaches the output through lxml (``.text``, ``.set()``), so escaping happens by
construction; URLs pass ``safe_url`` first (the HTML writer's rule, from ``html/sanitize``).
Values arriving here are JS values (see
``renderer/js/values.py``): strings are UTF-16 code units and are converted on the way out.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from lxml import etree

from ...html.attrs import style_to_css as react_style
from ...html.sanitize import ALLOWED_SCHEMES
from ...html.sanitize import safe_url as safe_url  # re-exported: the components' URL rule
from ...html.sanitize import url_scheme as url_scheme
from ...html.tree import append_nodes as html_append_nodes
from ...html.tree import mark_handler
from ...html.walk import render_nodes
from ...js import values as jv
from ...js.values import UNDEFINED, JSFunction, JSObject
from ...react.elements import VNode

Node = Any  # an lxml element or a str

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(s: str) -> str:
    """A JS string as text lxml accepts: real characters; XML-forbidden controls are
    removed, as the HTML writer does for host elements."""
    s = jv.from_code_units(s)
    return _XML_BAD.sub("", s) if _XML_BAD.search(s) else s


def el(tag: str, cls: str | None = None, text: str | None = None, **attrs: str | None) -> etree._Element:
    """``<tag class=cls>text</tag>``; attributes whose value is None are left out.

    Attribute names use ``_`` for ``-`` (``aria_label`` → ``aria-label``); a trailing ``_``
    is dropped (``for_`` → ``for``).
    """
    e = etree.Element(tag)
    if cls:
        e.set("class", cls)
    for k, v in attrs.items():
        if v is not None:
            e.set(k.rstrip("_").replace("_", "-"), clean(v))
    if text is not None:
        e.text = clean(text)
    return e


def sub(parent: etree._Element, tag: str, cls: str | None = None, text: str | None = None, **attrs: str | None) -> etree._Element:
    child = el(tag, cls, text, **attrs)
    parent.append(child)
    return child


def append_nodes(parent: etree._Element, nodes: list[Node]) -> etree._Element:
    """Append rendered children (lxml elements and strings) in order (the HTML writer's rules)."""
    return html_append_nodes(parent, [n for n in nodes if n is not None])


def add_class(e: etree._Element, *classes: str | None) -> None:
    have = (e.get("class") or "").split()
    for c in classes:
        for name in (c or "").split():
            if name not in have:
                have.append(name)
    if have:
        e.set("class", " ".join(have))


def is_set(v: Any) -> bool:
    return v is not UNDEFINED and v is not None


def text_of(v: Any) -> str | None:
    """A prop as display text (``String(v)``), or None when it is unset."""
    if not is_set(v):
        return None
    if isinstance(v, str):
        return v
    try:
        return jv.to_string(v)
    except jv.JSThrow:
        return jv.safe_to_string(v)


def flag(v: Any) -> bool:
    """A boolean prop: ``<Button disabled />`` passes ``true``; JS truthiness otherwise."""
    return jv.to_boolean(v) if v is not UNDEFINED else False


# ---------------------------------------------------------------------------- styles

def style_to_css(style: Any) -> str | None:
    """A React ``style`` object as CSS, exactly as the HTML writer writes host elements' styles."""
    if not is_set(style):
        return None
    try:
        return react_style(style)
    except jv.JSThrow:
        return None  # not an object: the render wrapper warns


def add_style(e: etree._Element, css: str | None) -> None:
    if not css:
        return
    old = e.get("style")
    e.set("style", clean(f"{old};{css}" if old else css))


_CSS_LENGTH = re.compile(r"\s*(?:\d+(?:\.\d+)?(?:px|em|rem|%|vh|vw|ch|ex|pt)?|auto|calc\([-+*/ ().%\w]*\))\s*\Z")


def css_length(v: Any) -> str | None:
    """A size prop: a number means px; a string must look like a CSS length (no injection)."""
    if isinstance(v, float) and math.isfinite(v) and v >= 0:
        return jv.number_to_string(v) + "px"
    if isinstance(v, str) and _CSS_LENGTH.match(v):
        return v.strip()
    return None


_CSS_COLOR = re.compile(
    r"\s*(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(?:rgb|rgba|hsl|hsla|hwb|lab|lch|oklab|oklch|color)\([-+.,%/ \w]*\)"
    r"|var\(--[-\w]+\))\s*\Z"
)


def css_color(v: Any) -> str | None:
    """Any CSS colour value, refusing anything that could add declarations (``;``, ``url(``)."""
    if isinstance(v, str) and _CSS_COLOR.match(v):
        return v.strip()
    return None


# ---------------------------------------------------------------------------- URLs

# One URL rule for templates and components (renderer/html/sanitize.py): cleaned as written,
# normalised as a browser does, then an allowlist of schemes (each component may narrow it).
SAFE_SCHEMES = ALLOWED_SCHEMES


# ---------------------------------------------------------------------------- values

MASKED_TITLE = "Masked by data masking"


def is_masked(v: Any) -> bool:
    return isinstance(v, dict) and v.get("isMasked") is True


def masked_node(v: dict) -> etree._Element:
    shown = text_of(v.get("maskedPresentation")) or "********"
    return el("span", "kv-masked", shown, title=MASKED_TITLE, aria_label=MASKED_TITLE)


def empty_node() -> etree._Element:
    return el("span", "kv-empty", "\u2014")


def to_json(v: Any, depth: int = 0) -> Any:
    """A JS value as Python JSON data (``JSON.stringify`` rules; cycles and depth cut off)."""
    if depth > 20:
        return None
    if isinstance(v, bool) or v is None:
        return v
    if isinstance(v, float):
        if not math.isfinite(v):
            return None
        return int(v) if v.is_integer() and abs(v) < 2**53 else v
    if isinstance(v, str):
        return jv.from_code_units(v)
    if isinstance(v, list):
        return [None if isinstance(x, JSFunction) or x is UNDEFINED else to_json(x, depth + 1) for x in v]
    if isinstance(v, dict):
        return {
            jv.from_code_units(k): to_json(x, depth + 1)
            for k, x in v.items()
            if x is not UNDEFINED and not isinstance(x, JSFunction)
        }
    if isinstance(v, JSObject) and not isinstance(v, JSFunction):
        return {k: to_json(x, depth + 1) for k, x in v.props.items() if x is not UNDEFINED}
    return None


def json_text(v: Any) -> str:
    return json.dumps(to_json(v), ensure_ascii=False, separators=(",", ":"))


def preview(v: Any, limit: int = 60) -> str:
    """A short JSON-ish description of any JS value, for placeholders and messages."""
    if v is UNDEFINED:
        s = "undefined"
    elif isinstance(v, VNode):
        t = v.type
        name = t if isinstance(t, str) else getattr(t, "name", "") or "Fragment"
        s = f"<{name} />"
    elif isinstance(v, JSFunction):
        s = f"\u0192 {v.name or 'anonymous'}()"
    elif isinstance(v, str):
        s = json.dumps(jv.from_code_units(v), ensure_ascii=False)
    else:
        try:
            s = json_text(v)
        except (TypeError, ValueError):
            s = jv.safe_to_string(v)
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


def render_value(value: Any, ctx: Any) -> list[Node]:
    """A raw prop value (JS value) as display nodes: text, masked marker, em dash, or elements.

    React elements in a prop (``value={<b>x</b>}``) are rendered through ``renderer.html``.
    """
    if value is UNDEFINED or value is None:
        return [empty_node()]
    if is_masked(value):
        return [masked_node(value)]
    if isinstance(value, VNode) or (isinstance(value, list) and any(isinstance(x, VNode | list) for x in value)):
        return list(render_nodes(value, ctx))
    if isinstance(value, str):
        return [value] if value else [empty_node()]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, float):
        return [jv.number_to_string(value)]
    if isinstance(value, list):
        parts = [text_of(x) if not isinstance(x, dict | list) else preview(x) for x in value if is_set(x)]
        return [", ".join(p for p in parts if p)] if parts else [empty_node()]
    return [preview(value, 200)]


def attach_handler(e: etree._Element, event: str, fn: Any, ctx: Any) -> bool:
    """Record ``fn`` as ``e``'s ``event`` handler the way the HTML writer does for host elements
    (``html.tree.mark_handler``); False when ``fn`` is not a function."""
    if not isinstance(fn, JSFunction):
        return False
    mark_handler(e, event, fn, ctx)
    return True
