"""Keeps script out of the HTML: one rule for URLs, event handlers, ``srcdoc``, ``<base>``, raw text, ``dangerouslySetInnerHTML``.

The one place for these rules: the HTML writer (``attrs``, ``hosts``, ``tree``, ``walk``),
``DOMPurify.sanitize`` (``renderer/browser``) and Kustomer's components (``dom.safe_url``) all
use them. kview is stricter than React (a preview opens apps its user did not write):

* URLs: **strip, then check**. The value is first cleaned into what will be written (XML-invalid
  characters removed), then normalised the way a browser's URL parser does (leading/trailing C0
  controls and spaces stripped, tabs and newlines removed) and its scheme tested against an
  allowlist: relative URLs (``#``, ``/``, ``?``, ``//host``), ``http``, ``https``, ``mailto``,
  ``tel``; ``data:image/…`` only where the browser shows it as an image (``<img src/srcset>``,
  ``<source>``, ``<video poster>``, ``<input src>``, SVG ``<image href>``): an image document
  never runs script, while ``data:`` anywhere else (frames, objects, links) can be an HTML page.
  This applies to every URL-bearing attribute (``URL_ATTRS``), whatever its case or namespace.
* A blocked URL attribute is **left out** (with a warning), not replaced by React's
  ``BLOCKED_URL``: that is itself a ``javascript:`` URL, which runs (and throws) when clicked.
* ``srcdoc``, ``<base>``, ``<meta http-equiv=refresh>``, ``<script>`` and string ``on*``
  attributes are dropped with a warning; SVG animations (``<set>``/``<animate>``…) that would
  write a blocked URL into ``href`` lose their values.
* Raw text: ``<style>`` text has ``</style`` escaped (as React does) after cleaning, and the
  end tags of other raw-text elements too (so it cannot close a ``<noscript>``/``<iframe>``…
  around it); when the output
  holds ``<svg>`` or ``<math>`` (where a browser parses ``<style>`` content as markup) every
  ``<`` of style text is written as the CSS escape ``\\3C ``.

``sanitize_tree`` applies the element rules to a finished tree (the last step of
``walk.to_html`` and of ``sanitize_html``), whoever built it; ``check_url`` is the URL rule.
"""

from __future__ import annotations

import html as py_html
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml import html as lxml_html

from ..js.values import from_code_units
from .tables import XLINK_NS, XML_NS

if TYPE_CHECKING:
    from .context import RenderContext

BLOCKED_URL = (
    "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')"
)
"""React's replacement for a ``javascript:`` URL. kview never writes it (it is itself a script
URL that runs when clicked): a blocked URL attribute is left out instead (see ``check_url``)."""

# --------------------------------------------------------------------------- URLs

ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
IMAGE_SCHEMES = frozenset({"http", "https"})
# Attributes holding one URL (lower-case local names; ``xlink:href`` is ``href`` in the xlink
# namespace, ``xml:base`` is checked by its full name) and those holding a list of URLs.
URL_ATTRS = frozenset(
    "href src action formaction poster cite background codebase longdesc lowsrc dynsrc "
    "manifest icon profile classid usemap xml:base".split()
)
URL_LIST_ATTRS = frozenset(("srcset", "imagesrcset", "ping", "archive"))
_DATA_ATTRS_TAGS = frozenset(("object", "embed"))  # `data` is a URL on these
_IMAGE_CONTEXTS = frozenset(
    {
        ("img", "src"), ("img", "srcset"), ("source", "src"), ("source", "srcset"),
        ("video", "poster"), ("input", "src"), ("image", "href"), ("link", "imagesrcset"),
    }
)  # fmt: skip
ANIMATION_TAGS = frozenset(("set", "animate", "animatemotion", "animatetransform", "animatecolor"))
_ANIMATION_VALUES = ("to", "from", "by", "values")

_C0_SPACE = "".join(map(chr, range(0x21)))
_SPACES = " \t\n\r\f"
_SRCSET_SKIP = _SPACES + ","
_TAB_NL = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")
_DATA_IMAGE = re.compile(r"data:[\t\n\f\r ]*image/", re.I)


_attr_keys: dict[str, str] = {}


def attr_key(name: str) -> str:
    """An lxml attribute name as the browser matches it: lower case, ``xlink:``/``xml:`` prefixed."""
    key = _attr_keys.get(name)
    if key is None:
        key = _attr_key(name)
        if len(_attr_keys) < 4096:
            _attr_keys[name] = key
    return key


def _attr_key(name: str) -> str:
    if name[:1] == "{":
        ns, _, local = name[1:].partition("}")
        if ns == XLINK_NS:
            return "xlink:" + local.lower()
        if ns == XML_NS:
            return "xml:" + local.lower()
        return local.lower()
    return name.lower()


def is_url_attr(tag: str, key: str) -> bool:
    """Whether attribute ``key`` (``attr_key``) of ``tag`` holds a URL."""
    if key in URL_ATTRS or key in URL_LIST_ATTRS or key == "xlink:href":
        return True
    return key == "data" and tag.lower() in _DATA_ATTRS_TAGS


def written(value: str) -> str:
    """``value`` as the HTML writer stores it (UTF-16 joined, CR normalised, XML-invalid removed)."""
    return _strip_invalid(_clean(value))


def url_scheme(url: str) -> str | None:
    """The scheme a browser sees in ``url`` as kview writes it (lower case), None if relative.

    Clean first (kview removes control characters when it writes), then normalise as the URL
    parser does: leading/trailing C0 controls and spaces stripped, tabs and newlines removed.
    """
    s = _TAB_NL.sub("", written(url).strip(_C0_SPACE))
    m = _SCHEME.match(s)
    return m.group(1).lower() if m else None


def url_allowed(url: str, schemes: frozenset[str] = ALLOWED_SCHEMES, image: bool = False) -> bool:
    """The allowlist: relative, an allowed scheme, or (``image``) a ``data:image/`` URL."""
    scheme = url_scheme(url)
    if scheme is None or scheme in schemes:
        return True
    if scheme == "data" and image:
        return bool(_DATA_IMAGE.match(_TAB_NL.sub("", written(url).strip(_C0_SPACE))))
    return False


def _srcset_urls(v: str) -> list[str]:
    """The URLs of a ``srcset`` (the HTML spec's candidate parser: a URL is a run of
    non-space characters, trailing commas excluded; descriptors run to a comma outside parens)."""
    urls: list[str] = []
    i, n = 0, len(v)
    while i < n:
        while i < n and v[i] in _SRCSET_SKIP:
            i += 1
        j = i
        while j < n and v[j] not in _SPACES:
            j += 1
        if j == i:
            break
        url = v[i:j]
        i = j
        if url.endswith(","):
            urls.append(url.rstrip(","))
            continue
        urls.append(url)
        depth = 0
        while i < n:
            c = v[i]
            i += 1
            if c == "(":
                depth += 1
            elif c == ")":
                depth = max(0, depth - 1)
            elif c == "," and not depth:
                break
    return urls


def _list_urls(key: str, value: str) -> list[str]:
    if key in ("srcset", "imagesrcset"):
        return _srcset_urls(value)
    return value.replace(",", " ").split()


def check_url(tag: str, key: str, value: str) -> str | None:
    """The value to write for URL attribute ``key`` of ``tag``, or None when it must be left out.

    ``key`` is an ``attr_key`` name; list attributes (``srcset``, ``ping``…) pass only when every
    URL in them does. Answers are remembered (a page repeats its URLs; the tree pass re-checks).
    """
    memo = (tag, key, value)
    if memo in _checked:
        return _checked[memo]
    result = _check_url(tag, key, value)
    if len(_checked) < 4096:
        _checked[memo] = result
    return result


_checked: dict[tuple[str, str, str], str | None] = {}


def _check_url(tag: str, key: str, value: str) -> str | None:
    v = written(value)
    image = (tag.lower(), key[6:] if key.startswith("xlink:") else key) in _IMAGE_CONTEXTS
    if key in URL_LIST_ATTRS:
        ok = all(url_allowed(u, image=image) for u in _list_urls(key, v))
    else:
        ok = url_allowed(v, image=image)
    return v if ok else None


def safe_url(url: Any, schemes: frozenset[str] = ALLOWED_SCHEMES, *, image: bool = False) -> str | None:
    """A component's URL prop as it may be written (cleaned and trimmed), None when not allowed.

    The same rule as ``check_url`` with the component's own scheme list; empty means no URL.
    """
    if not isinstance(url, str):
        return None
    v = written(url).strip()
    if not v or not url_allowed(v, schemes, image):
        return None
    return v


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


# --------------------------------------------------------------------------- innerHTML

_CLEANER = None
_KILL_TAGS = frozenset("script iframe frame frameset object embed applet base link meta".split())
_CSS_ACTIVE = re.compile(
    r"javascript:|vbscript:|expression\s*\(|-moz-binding|behavior\s*:|@import", re.I
)
_SCRIPT_URL = re.compile(r"[\x00-\x20]*(?:javascript|vbscript|livescript|mocha)\s*:", re.I | re.A)


def _cleaner() -> Any:
    global _CLEANER
    if _CLEANER is None:
        from lxml_html_clean import Cleaner  # slow to import; only raw-HTML props need it

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
                or _SCRIPT_URL.match(value)
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
    sanitize_tree(wrapper)
    gone = before_tags - Counter(e.tag for e in wrapper.iter())
    if ctx is not None and etree.tostring(wrapper, encoding="unicode") != before:
        what = "elements " + ", ".join(f"<{t}>" for t in sorted(gone)) if gone else "attributes"
        ctx.warn(f"dangerouslySetInnerHTML: removed unsafe markup ({what})", loc)
    text = wrapper.text or ""
    nodes = list(wrapper)
    return text, nodes


def sanitize_markup(html: str) -> str:
    """``sanitize_html`` as markup: what ``DOMPurify.sanitize`` gives a template (the same
    rules as ``dangerouslySetInnerHTML``, so the two can never drift apart)."""
    text, nodes = sanitize_html(html)
    return py_html.escape(text, quote=False) + "".join(
        etree.tostring(n, method="html", encoding="unicode") for n in nodes
    )


# --------------------------------------------------------------------------- the finished tree

_STYLE_TAG = re.compile(r"(</|<)(s)(tyle)", re.I)
# End tags that would close a raw-text element around a <style> (React escapes only </style)
_RAW_END_TAG = re.compile(r"</(?=(?:noscript|iframe|noembed|noframes|xmp|textarea|title|script)\b)", re.I)


def escape_style(css: str) -> str:
    """React's escape of ``<style>`` text (``</style`` → ``</\\73 tyle``), applied to ``css`` as
    written (cleaned first, so no control character can hide a ``</style``), plus kview's:
    any other ``</`` + letter becomes ``<\\2F `` (no end tag of an element around the style)."""
    css = written(css)
    if "<" not in css:
        return css
    css = _STYLE_TAG.sub(
        lambda m: m.group(1) + ("\\73 " if m.group(2) == "s" else "\\53 ") + m.group(3), css
    )
    return _RAW_END_TAG.sub(r"<\\2F ", css)


def _fix_style(el: Any, foreign: bool, ctx: RenderContext | None) -> None:
    """Style text that cannot leave its element (see the module docstring)."""
    if len(el):
        if ctx is not None:
            ctx.warn("<style>: elements inside a style were written as text")
        text = "".join(el.itertext())
        for child in list(el):
            el.remove(child)
    else:
        text = el.text or ""
    new = escape_style(text)
    if foreign and "<" in new:
        new = new.replace("<", "\\3C ")
    if new != text or len(el):
        el.text = new or None


def _http_equiv(el: Any) -> str:
    for name, value in el.items():
        if attr_key(name) == "http-equiv":
            return value.strip(_C0_SPACE).lower()
    return ""


def _check_animation(el: Any, ctx: RenderContext | None) -> None:
    """``<set>``/``<animate>`` writing into a URL attribute may only write allowed URLs."""
    target = ""
    for name, value in el.items():
        if attr_key(name) == "attributename":
            target = value.strip(_C0_SPACE).lower()
    if not target:
        return
    if target.startswith("on") or target == "srcdoc":
        bad = True
    elif target.startswith("xlink:") or is_url_attr("", target):
        bad = False
    else:
        return
    for name, value in el.items():
        key = attr_key(name)
        if key not in _ANIMATION_VALUES:
            continue
        values = value.split(";") if key == "values" else [value]
        if bad or not all(url_allowed(v) for v in values):
            del el.attrib[name]
            if ctx is not None:
                ctx.warn(f"<{el.tag}>: an animation of `{target}` to a blocked value was left out")


def sanitize_tree(root: Any, ctx: RenderContext | None = None) -> None:
    """Apply the element rules to a finished tree (the module docstring lists them).

    The HTML writer checks props as it writes them (its warnings point at the template); this
    pass is the last word on whatever reached the tree (components, raw HTML, any spelling).
    """
    drops: list = []
    styles: list = []
    foreign = False
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            drops.append(el)
            continue
        low = tag.lower()
        if low in _TREE_TAGS:
            if low == "svg" or low == "math":
                foreign = True
            elif low == "style":
                styles.append(el)
            elif low == "meta":
                if _http_equiv(el) == "refresh":
                    drops.append(el)
                    if ctx is not None:
                        ctx.warn("<meta http-equiv=refresh> is not rendered in previews")
            elif el is not root:  # script, base
                drops.append(el)
                if ctx is not None:
                    ctx.warn(_DROP_WARNINGS[low])
                continue
        if not el.attrib:
            continue
        for name in el.keys():
            key = _attr_keys.get(name) or attr_key(name)
            if (key[:2] == "on" and len(key) > 2) or key == "srcdoc":
                del el.attrib[name]
                if ctx is not None:
                    ctx.warn(
                        f"<{tag}>: `{key}` is not rendered in previews"
                        if key == "srcdoc"
                        else f"<{tag}>: event handler attribute `{key}` is not rendered in previews"
                    )
            elif (key in _URL_KEYS or key == "data") and is_url_attr(low, key):
                value = el.get(name)
                if check_url(low, key, value) is None:
                    del el.attrib[name]
                    if ctx is not None:
                        ctx.warn(blocked_message(key, value))
        if low in ANIMATION_TAGS:
            _check_animation(el, ctx)
    for el in drops:
        _drop_keep_tail(el)
    for el in styles:
        _fix_style(el, foreign, ctx)


_DROP_WARNINGS = {
    "script": "<script> elements are not rendered in previews",
    "base": "<base> is not rendered in previews (it would redirect the page's own links)",
}
_URL_KEYS = URL_ATTRS | URL_LIST_ATTRS | {"xlink:href"}
_TREE_TAGS = frozenset(("svg", "math", "style", "meta", *_DROP_WARNINGS))


def blocked_message(attr: str, value: str) -> str:
    """The warning for a URL attribute left out (naming the scheme of the first bad URL)."""
    key = attr_key(attr)
    urls = _list_urls(key, written(value)) if key in URL_LIST_ATTRS else [value]
    scheme = next((url_scheme(u) for u in urls if url_scheme(u) not in ALLOWED_SCHEMES), None)
    what = f"a `{scheme}:` URL" if scheme else "a URL"
    return (
        f"blocked {what} in `{attr}` (left out): previews render only relative, http(s), "
        "mailto and tel URLs"
    )
