"""Rendered template values → HTML, the way React 19's ``renderToStaticMarkup`` writes it.

The output tree is built with ``lxml.etree`` (text via ``.text``/``.tail``, attributes via the
attribute dict of ``SubElement``), so escaping happens by construction, and it is serialised
once with ``etree.tostring(method="html")``. The rules follow ``react-dom/server`` 19
(``pushAttribute``, ``pushStyleAttribute``, ``pushStartInstance`` in Fizz) and are checked
against Node in ``tests/test_html.py``.

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

import re
from collections import Counter
from collections.abc import Callable
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from .jsvalues import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSObject,
    JSThrow,
    from_code_units,
    js_trim,
    number_to_string,
    own_keys,
    primitive_to_string,
    to_boolean,
    to_number,
    to_primitive,
    to_string,
)
from .vnode import FRAGMENT, BuiltinComponent, VNode

__all__ = [
    "BLOCKED_URL",
    "RenderContext",
    "append_nodes",
    "render_nodes",
    "sanitize_html",
    "style_to_css",
    "to_html",
]

XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

BLOCKED_URL = (
    "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')"
)
FORM_ACTION_URL = "javascript:throw new Error('React form unexpectedly submitted.')"

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
        self.warnings: list[dict] = []
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

    def warn(self, message: str, loc: Any = None, kind: str = "warning") -> None:
        key = (kind, message, loc)
        if key in self._seen:
            return
        self._seen.add(key)
        line, col = loc if loc else (None, None)
        self.warnings.append(  # the same keys as Runtime.warn, plus the raw loc
            {"kind": kind, "message": message, "line": line, "column": None if col is None else col + 1, "loc": loc}
        )

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


def _raise(kind: str, message: str, loc: Any = None) -> Any:
    raise JSThrow(JSError(kind, message), loc)


# --------------------------------------------------------------------------- strings

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(s: str) -> str:
    """A JS (UTF-16 code unit) string made fit for lxml (see the module docstring)."""
    if not s.isascii():
        s = from_code_units(s)
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    return s


def _strip_invalid(s: str) -> str:
    return _INVALID_XML.sub("", s)


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


_vstr = js_concat_string


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

# Kinds of props (Fizz's pushAttribute switch).
K_PLAIN, K_DATA, K_STRING, K_STYLE, K_HREF, K_SRC, K_URL, K_SKIP = range(8)
K_BOOL, K_BOOLEANISH, K_OVERLOADED, K_POSNUM, K_NUMERIC, K_ON, K_INVALID, K_DROP = range(8, 16)
K_XLINK_HREF = 16

_RULES: dict[str, tuple[int, Any]] = {
    "className": (K_STRING, "class"),
    "tabIndex": (K_STRING, "tabindex"),
    "dir": (K_STRING, "dir"),
    "role": (K_STRING, "role"),
    "viewBox": (K_STRING, "viewBox"),
    "width": (K_STRING, "width"),
    "height": (K_STRING, "height"),
    "style": (K_STYLE, "style"),
    "src": (K_SRC, "src"),
    "href": (K_HREF, "href"),
    "action": (K_URL, "action"),
    "formAction": (K_URL, "formAction"),
    "xlinkHref": (K_XLINK_HREF, f"{{{XLINK_NS}}}href"),
    "autoFocus": (K_BOOL, "autofocus"),
    "multiple": (K_BOOL, "multiple"),
    "muted": (K_BOOL, "muted"),
    "capture": (K_OVERLOADED, "capture"),
    "download": (K_OVERLOADED, "download"),
    "cols": (K_POSNUM, "cols"),
    "rows": (K_POSNUM, "rows"),
    "size": (K_POSNUM, "size"),
    "span": (K_POSNUM, "span"),
    "rowSpan": (K_NUMERIC, "rowSpan"),
    "start": (K_NUMERIC, "start"),
    "xlinkActuate": (K_STRING, f"{{{XLINK_NS}}}actuate"),
    "xlinkArcrole": (K_STRING, f"{{{XLINK_NS}}}arcrole"),
    "xlinkRole": (K_STRING, f"{{{XLINK_NS}}}role"),
    "xlinkShow": (K_STRING, f"{{{XLINK_NS}}}show"),
    "xlinkTitle": (K_STRING, f"{{{XLINK_NS}}}title"),
    "xlinkType": (K_STRING, f"{{{XLINK_NS}}}type"),
    "xmlBase": (K_STRING, f"{{{XML_NS}}}base"),
    "xmlLang": (K_STRING, f"{{{XML_NS}}}lang"),
    "xmlSpace": (K_STRING, f"{{{XML_NS}}}space"),
}
for _n in (
    "defaultValue defaultChecked innerHTML suppressContentEditableWarning "
    "suppressHydrationWarning ref key"
).split():
    _RULES[_n] = (K_SKIP, None)
for _n in (
    "contentEditable spellCheck draggable value autoReverse externalResourcesRequired "
    "focusable preserveAlpha"
).split():
    _RULES[_n] = (K_BOOLEANISH, _n)
for _n in (
    "inert allowFullScreen async autoPlay controls credentialless default defer disabled "
    "disablePictureInPicture disableRemotePlayback formNoValidate hidden loop noModule "
    "noValidate open playsInline readOnly required reversed scoped seamless itemScope"
).split():
    _RULES[_n] = (K_BOOL, _n)

# React's `aliases` map (react-dom-bindings/src/shared/getAttributeAlias).
ALIASES = {
    "acceptCharset": "accept-charset", "htmlFor": "for", "httpEquiv": "http-equiv",
    "crossOrigin": "crossorigin", "accentHeight": "accent-height",
    "alignmentBaseline": "alignment-baseline", "arabicForm": "arabic-form",
    "baselineShift": "baseline-shift", "capHeight": "cap-height", "clipPath": "clip-path",
    "clipRule": "clip-rule", "colorInterpolation": "color-interpolation",
    "colorInterpolationFilters": "color-interpolation-filters",
    "colorProfile": "color-profile", "colorRendering": "color-rendering",
    "dominantBaseline": "dominant-baseline", "enableBackground": "enable-background",
    "fillOpacity": "fill-opacity", "fillRule": "fill-rule", "floodColor": "flood-color",
    "floodOpacity": "flood-opacity", "fontFamily": "font-family", "fontSize": "font-size",
    "fontSizeAdjust": "font-size-adjust", "fontStretch": "font-stretch",
    "fontStyle": "font-style", "fontVariant": "font-variant", "fontWeight": "font-weight",
    "glyphName": "glyph-name", "glyphOrientationHorizontal": "glyph-orientation-horizontal",
    "glyphOrientationVertical": "glyph-orientation-vertical", "horizAdvX": "horiz-adv-x",
    "horizOriginX": "horiz-origin-x", "imageRendering": "image-rendering",
    "letterSpacing": "letter-spacing", "lightingColor": "lighting-color",
    "markerEnd": "marker-end", "markerMid": "marker-mid", "markerStart": "marker-start",
    "maskType": "mask-type", "overlinePosition": "overline-position",
    "overlineThickness": "overline-thickness", "paintOrder": "paint-order",
    "panose-1": "panose-1", "pointerEvents": "pointer-events",
    "renderingIntent": "rendering-intent", "shapeRendering": "shape-rendering",
    "stopColor": "stop-color", "stopOpacity": "stop-opacity",
    "strikethroughPosition": "strikethrough-position",
    "strikethroughThickness": "strikethrough-thickness",
    "strokeDasharray": "stroke-dasharray", "strokeDashoffset": "stroke-dashoffset",
    "strokeLinecap": "stroke-linecap", "strokeLinejoin": "stroke-linejoin",
    "strokeMiterlimit": "stroke-miterlimit", "strokeOpacity": "stroke-opacity",
    "strokeWidth": "stroke-width", "textAnchor": "text-anchor",
    "textDecoration": "text-decoration", "textRendering": "text-rendering",
    "transformOrigin": "transform-origin", "underlinePosition": "underline-position",
    "underlineThickness": "underline-thickness", "unicodeBidi": "unicode-bidi",
    "unicodeRange": "unicode-range", "unitsPerEm": "units-per-em",
    "vAlphabetic": "v-alphabetic", "vHanging": "v-hanging", "vIdeographic": "v-ideographic",
    "vMathematical": "v-mathematical", "vectorEffect": "vector-effect",
    "vertAdvY": "vert-adv-y", "vertOriginX": "vert-origin-x", "vertOriginY": "vert-origin-y",
    "wordSpacing": "word-spacing", "writingMode": "writing-mode",
    "xmlnsXlink": "xmlns:xlink", "xHeight": "x-height",
}  # fmt: skip

_NAME_START = (
    ":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
)
_VALID_ATTR = re.compile(f"[{_NAME_START}][{_NAME_START}\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]*")
_VALID_TAG = re.compile(r"[a-zA-Z][a-zA-Z:_.\-\d]*")
_JS_URL = re.compile(
    r"[\x00-\x1f ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*"
    r"i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:",
    re.I | re.A,
)

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
            rule = (kind, out)
    if len(_rule_cache) < 4096:
        _rule_cache[name] = rule
    return rule


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
            _raise("Error", _STYLE_ERROR, loc)
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
        if _JS_URL.match(v):
            ctx.warn(f"blocked a javascript: URL in `{name}`", loc)
            v = BLOCKED_URL
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

UNITLESS = frozenset(
    "animationIterationCount aspectRatio borderImageOutset borderImageSlice borderImageWidth "
    "boxFlex boxFlexGroup boxOrdinalGroup columnCount columns flex flexGrow flexPositive "
    "flexShrink flexNegative flexOrder gridArea gridRow gridRowEnd gridRowSpan gridRowStart "
    "gridColumn gridColumnEnd gridColumnSpan gridColumnStart fontWeight lineClamp lineHeight "
    "opacity order orphans scale tabSize widows zIndex zoom fillOpacity floodOpacity "
    "stopOpacity strokeDasharray strokeDashoffset strokeMiterlimit strokeOpacity strokeWidth "
    "MozAnimationIterationCount MozBoxFlex MozBoxFlexGroup MozLineClamp "
    "msAnimationIterationCount msFlex msZoom msFlexGrow msFlexNegative msFlexOrder "
    "msFlexPositive msFlexShrink msGridColumn msGridColumnSpan msGridRow msGridRowSpan "
    "WebkitAnimationIterationCount WebkitBoxFlex WebKitBoxFlexGroup WebkitBoxOrdinalGroup "
    "WebkitColumnCount WebkitColumns WebkitFlex WebkitFlexGrow WebkitFlexPositive "
    "WebkitFlexShrink WebkitLineClamp".split()
)
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
    if isinstance(style, dict):
        items = style.items()
    elif isinstance(style, list):
        items = ((number_to_string(float(i)), v) for i, v in enumerate(style))
    elif isinstance(style, JSObject) and not isinstance(style, JSFunction):
        items = style.props.items()
    else:
        _raise("Error", _STYLE_ERROR)
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
        from .members import ITERATORS, iterate

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
    from .components import check_props  # components import html: import late

    props = node.vprops
    children = props.get("children")
    child_fmt = fmt if fmt[0] == HTML else _child_fmt(fmt, "div", props)
    nodes = _render_to_list(children, ctx, child_fmt, node.loc) if children is not None else []
    rest = {k: v for k, v in props.items() if k != "children"}
    check_props(typ, rest, ctx, node.loc)
    outer_loc = getattr(ctx, "loc", None)
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

_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
_SELF_CLOSING = frozenset("base area br col embed hr keygen param source track wbr".split())
_CUSTOM_EXCEPTIONS = frozenset(
    "annotation-xml color-profile font-face font-face-src font-face-uri font-face-format "
    "font-face-name missing-glyph".split()
)
_valid_tags: set[str] = set()


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


def _self_closing(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, _ = _collect(props, ctx, tag, loc)
    if children is not None or inner is not None:
        _raise(
            "Error",
            f"{tag} is a self-closing tag and must neither have `children` nor use "
            "`dangerouslySetInnerHTML`.",
            loc,
        )
    return _finish(tag, parent, attrs, handlers, ctx, loc)


def _host_select(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, _ = _collect(
        props, ctx, tag, loc, frozenset(("value", "defaultValue"))
    )
    el = _finish(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        _inner_html(el, inner, children, ctx, loc, tag)
    _render_children(el, children, ctx, fmt, tag, props, loc)


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
        _raise("Error", _objects_error(children))
    else:
        out.append(js_concat_string(children))


def _host_option(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, captured = _collect(
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
    el = _finish(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        _inner_html(el, inner, children, ctx, loc, tag)
    _render_children(el, children, ctx, fmt, tag, props, loc)


def _host_textarea(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, captured = _collect(
        props, ctx, tag, loc, frozenset(("value", "defaultValue"))
    )
    if inner is not None:
        _raise("Error", "`dangerouslySetInnerHTML` does not make sense on <textarea>.", loc)
    captured = captured or {}
    value = captured.get("value", captured.get("defaultValue"))
    el = _finish(tag, parent, attrs, handlers, ctx, loc)
    if children is not None:
        ctx.warn(
            "Use the `defaultValue` or `value` props instead of setting children on <textarea>.",
            loc,
        )
        if value is not None:
            _raise(
                "Error", "If you supply `defaultValue` on a <textarea>, do not pass children.", loc
            )
        if isinstance(children, list) and len(children) > 1:
            _raise("Error", "<textarea> can only have at most one child.", loc)
        value = js_concat_string(children)
    if value is not None:
        text = js_concat_string(value)
        if type(value) is str and text[:1] == "\n":
            text = "\n" + text
        if text:
            _text(el, text, ctx)


def _host_input(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, c = _collect(props, ctx, tag, loc, _INPUT_CAPTURE)
    if children is not None or inner is not None:
        _raise(
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
    _finish(tag, parent, attrs, handlers, ctx, loc)


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
    if action_name == "action":
        names = ("action", "encType", "method", "target")
    else:
        names = ("name", "formAction", "formEncType", "formMethod", "formTarget")
    action = c.get(action_name)
    if isinstance(action, JSFunction):
        attrs.setdefault(action_name, FORM_ACTION_URL)
        ctx.warn("a function form action was rendered as React's placeholder URL", loc)
        c = {k: v for k, v in c.items() if k not in names}
    for name in names:
        v = c.get(name)
        if v is not None:
            _push_attr(attrs, name, v, ctx, tag, loc)


def _form_action_host(capture: frozenset, action_name: str) -> Callable:
    """<button> (``formAction``) and <form> (``action``): a host with a form action."""

    def host(node, tag, props, parent, ctx, fmt):
        loc = node.loc
        attrs, children, inner, handlers, c = _collect(props, ctx, tag, loc, capture)
        if c:
            _push_form_action(attrs, c, action_name, ctx, tag, loc)
        el = _finish(tag, parent, attrs, handlers, ctx, loc)
        if inner is not None:
            _inner_html(el, inner, children, ctx, loc, tag)
        _render_children(el, children, ctx, fmt, tag, props, loc)

    return host


_host_button = _form_action_host(_BUTTON_CAPTURE, "formAction")
_host_form = _form_action_host(_FORM_CAPTURE, "action")


def _host_object(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, c = _collect(props, ctx, tag, loc, frozenset(("data",)))
    if c:
        v = js_concat_string(c["data"])
        if _JS_URL.match(v):
            ctx.warn("blocked a javascript: URL in `data`", loc)
            v = BLOCKED_URL
        if v:
            attrs.setdefault("data", v)
    el = _finish(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        _inner_html(el, inner, children, ctx, loc, tag)
    _render_children(el, children, ctx, fmt, tag, props, loc)


def _host_menuitem(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, _ = _collect(props, ctx, tag, loc)
    if children is not None or inner is not None:
        _raise("Error", "menuitems cannot have `children` nor `dangerouslySetInnerHTML`.", loc)
    _finish(tag, parent, attrs, handlers, ctx, loc)


def _host_pre(node, tag, props, parent, ctx, fmt):
    loc = node.loc
    attrs, children, inner, handlers, _ = _collect(props, ctx, tag, loc)
    el = _finish(tag, parent, attrs, handlers, ctx, loc)
    if inner is not None:
        _inner_html(el, inner, children, ctx, loc, tag, leading_newline=True)
    if type(children) is str and children[:1] == "\n":
        _text(el, "\n", ctx)
    _render_children(el, children, ctx, fmt, tag, props, loc)


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
        and _nullish(props.get("itemProp"))
    ):
        parent = ctx.hoisted().scratch
        target = ctx.hoisted().hoistable
    else:
        target = None
    attrs, children, inner, handlers, _ = _collect(props, ctx, tag, loc)
    el = _finish(tag, parent, attrs, handlers, ctx, loc)
    if target is not None:
        target.append(el)
    child = _single_text_child(children)
    if isinstance(children, list) and len(children) > 1:
        ctx.warn("<title> expects a single string child; React renders an empty title", loc)
    if not _nullish(child) and not isinstance(child, JSFunction):
        _text(el, js_concat_string(child), ctx)
    if inner is not None:
        _inner_html(el, inner, children, ctx, loc, tag)


def _nullish(v: Any) -> bool:
    return v is None or v is UNDEFINED


_STYLE_TAG = re.compile(r"(</|<)(s)(tyle)", re.I)


def _escape_style(css: str) -> str:
    if "<" not in css:
        return css
    return _STYLE_TAG.sub(
        lambda m: m.group(1) + ("\\73 " if m.group(2) == "s" else "\\53 ") + m.group(3), css
    )


def _host_style(node, tag, props, parent, ctx, fmt, spelled=None):
    loc = node.loc
    attrs, children, inner, handlers, _ = _collect(props, ctx, tag, loc)
    el = _finish(spelled or tag, parent, attrs, handlers, ctx, loc)
    child = _single_text_child(children)
    if isinstance(children, list) and len(children) > 1:
        ctx.warn("<style> expects a single string child; React renders an empty style", loc)
    if not _nullish(child) and not isinstance(child, JSFunction) and not isinstance(child, list):
        _text(el, _escape_style(js_concat_string(child)), ctx)
    if inner is not None:
        if children is not None:
            _raise(
                "Error", "Can only set one of `children` or `props.dangerouslySetInnerHTML`.", loc
            )
        html = _inner_value(inner, loc)
        if html is not None:
            _text(el, _escape_style(html), ctx)


def _host_script(node, tag, props, parent, ctx, fmt, spelled=None):
    ctx.warn("<script> elements are not rendered in previews", node.loc)


def _host_pre_resource_img(node, tag, props, parent, ctx, fmt):
    if ctx.react_preloads and not fmt[2]:
        _image_preload(props, ctx)
    _self_closing(node, tag, props, parent, ctx, fmt)


def _is_data_url(v: Any) -> bool:
    return type(v) is str and len(v) > 4 and v[4] == ":" and v[:4].lower() == "data"


def _image_preload(props: dict, ctx: RenderContext) -> None:
    src = props.get("src")
    src_set = props.get("srcSet")
    if (
        props.get("loading") == "lazy"
        or (not to_boolean(src) and not to_boolean(src_set))
        or (type(src) is not str and not _nullish(src))
        or (type(src_set) is not str and not _nullish(src_set))
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
    if not _nullish(src_set):
        _push_attr(attrs, "imageSrcSet", src_set, ctx, "link", None)
    if sizes is not UNDEFINED:
        attrs.setdefault("imageSizes", sizes)
    cross = props.get("crossOrigin")
    if type(cross) is str:
        attrs.setdefault("crossorigin", "use-credentials" if cross == "use-credentials" else "")
    for name in ("integrity", "type", "fetchPriority", "referrerPolicy"):
        value = props.get(name)
        if not _nullish(value):
            _push_attr(attrs, name, value, ctx, "link", None)
    el = _make(h.scratch, "link", attrs, ctx, None)
    if high or len(h.high_images) < 10:
        h.high_images.append(el)
    else:
        h.bulk_images[key] = el


def _host_meta(node, tag, props, parent, ctx, fmt):
    if (
        not ctx.react_preloads
        or fmt[0] == SVG
        or fmt[2] & NOSCRIPT
        or not _nullish(props.get("itemProp"))
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
        or not _nullish(props.get("itemProp"))
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
        if type(precedence) is not str or not _nullish(props.get("disabled")) or handlers_given:
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


def _render_custom(node, tag, props, parent, ctx, fmt):
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


_SPECIAL: dict[str, Callable] = {
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
}
for _t in _SELF_CLOSING:
    _SPECIAL[_t] = _self_closing


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


_CLEANER = None
_KILL_TAGS = frozenset("script iframe frame frameset object embed applet base link meta".split())
_CSS_ACTIVE = re.compile(
    r"javascript:|vbscript:|expression\s*\(|-moz-binding|behavior\s*:|@import", re.I
)
_URLISH = re.compile(r"[\x00-\x20]*(?:vbscript|livescript|mocha)\s*:", re.I | re.A)


def _cleaner() -> Any:
    global _CLEANER
    if _CLEANER is None:
        from lxml_html_clean import Cleaner

        _CLEANER = Cleaner(
            scripts=True,
            javascript=True,
            comments=True,
            style=False,
            inline_style=False,
            links=True,
            meta=True,
            page_structure=False,
            processing_instructions=True,
            embedded=True,
            frames=True,
            forms=False,
            annoying_tags=False,
            remove_unknown_tags=False,
            safe_attrs_only=False,
            add_nofollow=False,
        )
    return _CLEANER


def _strip_active(root: Any) -> None:
    """Remove script-capable elements and attributes (before and after lxml_html_clean)."""
    for e in list(root.iter()):
        if not isinstance(e.tag, str):
            _drop_keep_tail(e)
            continue
        if e is not root and e.tag.lower() in _KILL_TAGS:
            _drop_keep_tail(e)
            continue
        for name, value in list(e.attrib.items()):
            low = name.lower()
            if (
                low.startswith("on")
                or low == "srcdoc"
                or _JS_URL.match(value)
                or _URLISH.match(value)
                or (low == "style" and _CSS_ACTIVE.search(value))
            ):
                del e.attrib[name]


def _drop_keep_tail(node: Any) -> None:
    """Remove ``node`` and its subtree, keeping the text that follows it."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    prev = node.getprevious()
    parent.remove(node)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def sanitize_html(html: str, ctx: RenderContext | None = None, loc: Any = None) -> tuple[str, list]:
    """Parse an HTML fragment and remove everything that could run script.

    Returns ``(leading_text, elements)`` ready to append (tails stay on the elements).
    Removes ``<script>``, ``on*`` attributes, ``javascript:``/``vbscript:`` URLs in any
    attribute, frames, ``<object>``/``<embed>``/``<applet>``, ``<link>``, ``<meta>``,
    ``<base>``, ``<noscript>`` and comments; CSS ``expression()``/``javascript:`` inside
    ``<style>``/``style=`` (lxml_html_clean). Warns on ``ctx`` when something was removed.
    """
    html = _strip_invalid(_clean(html))
    if not html.strip():
        return html, []
    try:
        wrapper = lxml_html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html, []
    for c in wrapper.xpath("//comment()|//processing-instruction()"):
        _drop_keep_tail(c)
    before = etree.tostring(wrapper, encoding="unicode")
    before_tags = Counter(e.tag for e in wrapper.iter())
    _strip_active(wrapper)
    _cleaner()(wrapper)
    _strip_active(wrapper)
    gone = before_tags - Counter(e.tag for e in wrapper.iter())
    if ctx is not None and etree.tostring(wrapper, encoding="unicode") != before:
        what = "elements " + ", ".join(f"<{t}>" for t in sorted(gone)) if gone else "attributes"
        ctx.warn(f"dangerouslySetInnerHTML: removed unsafe markup ({what})", loc)
    text = wrapper.text or ""
    nodes = list(wrapper)
    return text, nodes


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
