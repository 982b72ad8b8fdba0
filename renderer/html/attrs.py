"""Props → attribute strings, as Fizz's ``pushAttribute`` and ``pushStyleAttribute`` write them.

Also JavaScript's string conversion of prop values (``js_concat_string``) and ``_raise``, the
one way the HTML writer throws a JavaScript error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..js.values import (
    UNDEFINED,
    JSFunction,
    JSObject,
    JSThrow,
    js_trim,
    number_to_string,
    primitive_to_string,
    throw,
    to_boolean,
    to_number,
    to_primitive,
    to_string,
)
from .sanitize import URL_ATTRS, URL_LIST_ATTRS, attr_key, blocked_message, check_url
from .tables import (
    _RULES,
    _VALID_ATTR,
    ALIASES,
    K_BOOL,
    K_BOOLEANISH,
    K_DATA,
    K_DROP,
    K_HREF,
    K_INVALID,
    K_NUMERIC,
    K_ON,
    K_OVERLOADED,
    K_PLAIN,
    K_POSNUM,
    K_SRC,
    K_STRING,
    K_STYLE,
    K_URL,
    K_XLINK_HREF,
    UNITLESS,
    XLINK_NS,
    XML_NS,
)

if TYPE_CHECKING:
    from .context import RenderContext


# --------------------------------------------------------------------------- strings


def _has_user_conversion(v: Any) -> bool:
    if isinstance(v, dict):
        return "toString" in v or "valueOf" in v
    if isinstance(v, JSObject):
        return "toString" in v.props or "valueOf" in v.props
    return False


def _fallback_string(v: Any) -> str:
    if v is None or v is UNDEFINED:
        return ""
    t = type(v)
    if t is str:
        return v
    if t is float:
        return number_to_string(v)
    if t is bool:
        return "true" if v else "false"
    if isinstance(v, list):
        return ",".join(_fallback_string(x) for x in v)
    if isinstance(v, JSObject):
        return f"[object {v.class_name}]"
    return "[object Object]"


def js_concat_string(v: Any) -> str:
    """JavaScript's ``"" + v`` (ToPrimitive with the default hint, then ToString)."""
    if type(v) is str:
        return v
    s = primitive_to_string(v)
    if s is not None:
        return s
    try:
        return to_string(to_primitive(v))
    except JSThrow:
        # Object.prototype methods not registered (renderer.builtins not loaded): use the
        # built-in behaviour unless the object brings its own conversion.
        if _has_user_conversion(v):
            raise
        return _fallback_string(v)


def _js_number(v: Any) -> float:
    t = type(v)
    if t is float:
        return v
    try:
        return to_number(v)
    except JSThrow:
        if _has_user_conversion(v):
            raise
        return float("nan")


# --------------------------------------------------------------------------- attributes

_rule_cache: dict[str, tuple[int, Any]] = {}


def _default_rule(name: str) -> tuple[int, Any]:
    rule = _rule_cache.get(name)
    if rule is not None:
        return rule
    if len(name) > 2 and name[0] in "oO" and name[1] in "nN":
        event = (
            name[2:].lower()
            if name[0] == "o" and name[1] == "n" and "A" <= name[2] <= "Z"
            else None
        )
        rule = (K_ON, event)
    else:
        out = ALIASES.get(name, name)
        if not _VALID_ATTR.fullmatch(out):
            rule = (K_INVALID, out)
        else:
            kind = K_DATA if out[:5].lower() in ("data-", "aria-") else K_PLAIN
            if ":" in out:
                prefix, _, local = out.partition(":")
                if prefix == "xlink" and local and ":" not in local:
                    out = f"{{{XLINK_NS}}}{local}"
                elif prefix == "xml" and local and ":" not in local:
                    out = f"{{{XML_NS}}}{local}"
                elif prefix == "xmlns":
                    kind = K_DROP
                else:
                    kind = K_INVALID
            if kind == K_PLAIN and _is_url_name(out):
                kind = K_URL  # e.g. HREF, srcSet, poster, cite: checked like href
            rule = (kind, out)
    if len(_rule_cache) < 4096:
        _rule_cache[name] = rule
    return rule


def _is_url_name(out: str) -> bool:
    key = attr_key(out)
    return key in URL_ATTRS or key in URL_LIST_ATTRS or key == "xlink:href"


def _push_attr(attrs: dict, name: str, value: Any, ctx: RenderContext, tag: str, loc: Any) -> None:
    """pushAttribute: add the attribute React writes for ``name={value}`` (if any)."""
    rule = _RULES.get(name)
    if rule is None:
        rule = _default_rule(name)
    _push_value(attrs, rule[0], rule[1], value, ctx, tag, loc, name)


def _push_value(
    attrs: dict, kind: int, out: Any, value: Any, ctx: RenderContext, tag: str, loc: Any, name: str
) -> None:
    t = type(value)
    if kind <= K_STRING:  # K_PLAIN, K_DATA, K_STRING
        if t is str:
            v = value
        elif t is float:
            v = number_to_string(value)
        elif t is bool:
            if kind != K_DATA:
                return
            v = "true" if value else "false"
        elif isinstance(value, JSFunction):
            return
        else:
            v = js_concat_string(value)
    elif kind == K_STYLE:
        if t is str or t is float or t is bool or isinstance(value, JSFunction):
            throw("Error", _STYLE_ERROR, loc)
        v = style_to_css(value)
        if v is None:
            return
    elif kind in (K_HREF, K_SRC, K_URL, K_XLINK_HREF):
        if t is str and value == "" and kind != K_URL and kind != K_XLINK_HREF:
            if kind == K_HREF and tag == "a":
                attrs.setdefault("href", "")
            return
        if t is bool or isinstance(value, JSFunction):
            return
        v = js_concat_string(value)
        if check_url(tag, attr_key(out), v) is None:
            ctx.warn(blocked_message(name, v), loc)
            return
        if kind == K_XLINK_HREF:
            ctx._used_xlink = True
    elif kind == K_BOOL:
        if isinstance(value, JSFunction) or not to_boolean(value):
            return
        v = ""
    elif kind == K_BOOLEANISH:
        if isinstance(value, JSFunction):
            return
        v = js_concat_string(value)
    elif kind == K_OVERLOADED:
        if value is True:
            v = ""
        elif value is False or isinstance(value, JSFunction):
            return
        else:
            v = js_concat_string(value)
    elif kind == K_POSNUM:
        if isinstance(value, JSFunction):
            return
        n = _js_number(value)
        if not n >= 1:  # NaN or < 1
            return
        v = js_concat_string(value)
    elif kind == K_NUMERIC:
        if isinstance(value, JSFunction):
            return
        n = _js_number(value)
        if n != n:
            return
        v = js_concat_string(value)
    elif kind == K_INVALID:
        ctx.warn(f"invalid attribute name `{name}` was not rendered", loc)
        return
    else:  # K_SKIP, K_DROP, K_ON
        return
    if type(out) is str and out[0] == "{" and out.startswith("{" + XLINK_NS):
        ctx._used_xlink = True
    if out not in attrs:
        attrs[out] = v


# --------------------------------------------------------------------------- style

_UPPER = re.compile(r"([A-Z])")
_css_names: dict[str, str] = {}
_STYLE_ERROR = (
    "The `style` prop expects a mapping from style properties to values, not a string. "
    "For example, style={{marginRight: spacing + 'em'}} when using JSX."
)


def _css_name(name: str) -> str:
    css = _css_names.get(name)
    if css is None:
        css = _UPPER.sub(r"-\1", name).lower()
        if css.startswith("ms-"):
            css = "-" + css
        if len(_css_names) < 4096:
            _css_names[name] = css
    return css


def style_to_css(style: Any) -> str | None:
    """pushStyleAttribute: ``{fontSize: 12}`` → ``"font-size:12px"``; None when empty."""
    items: Iterable[tuple[Any, Any]]
    if isinstance(style, dict):
        items = style.items()
    elif isinstance(style, list):
        items = ((number_to_string(float(i)), v) for i, v in enumerate(style))
    elif isinstance(style, JSObject) and not isinstance(style, JSFunction):
        items = style.props.items()
    else:
        throw("Error", _STYLE_ERROR)
    parts = []
    for name, value in items:
        t = type(value)
        if t is float:
            if name[:2] != "--":  # the common case first: a length or a unitless number
                v = number_to_string(value)
                if value != 0 and name not in UNITLESS:
                    v += "px"
                parts.append((_css_names.get(name) or _css_name(name)) + ":" + v)
                continue
        elif t is str:
            if not value:
                continue
        elif value is None or value is UNDEFINED or t is bool:
            continue
        if name.startswith("--"):
            parts.append(name + ":" + js_trim(js_concat_string(value)))
            continue
        css = _css_names.get(name) or _css_name(name)
        parts.append(css + ":" + js_trim(value if t is str else js_concat_string(value)))
    return ";".join(parts) if parts else None
