"""React DOM's tables for the HTML writer: prop kinds, attribute names and aliases, unitless styles, tag sets.

Data only (plus the name patterns), from ``react-dom-bindings`` and Fizz's ``pushAttribute``;
``attrs.py``, ``walk.py``, ``tree.py`` and ``hosts.py`` read them.
"""

from __future__ import annotations

import re
from typing import Any

XLINK_NS = "http://www.w3.org/1999/xlink"
XML_NS = "http://www.w3.org/XML/1998/namespace"

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

# --------------------------------------------------------------------------- tags

_SELF_CLOSING = frozenset("base area br col embed hr keygen param source track wbr".split())
_CUSTOM_EXCEPTIONS = frozenset(
    "annotation-xml color-profile font-face font-face-src font-face-uri font-face-format "
    "font-face-name missing-glyph".split()
)
