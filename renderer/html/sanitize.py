"""Keeps script and unstorable characters out of the HTML: ``javascript:`` URLs, ``dangerouslySetInnerHTML``, XML-invalid text.

The one place for these rules: the HTML writer (``walk``, ``attrs``, ``hosts``, ``tree``) and
``DOMPurify.sanitize`` (``renderer/browser``) both use them; why each differs from React is in
``walk.py``'s module docstring (deliberate differences).
"""

from __future__ import annotations

import html as py_html
import re
from collections import Counter
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml import html as lxml_html

from ..js.values import from_code_units

if TYPE_CHECKING:
    from .context import RenderContext

BLOCKED_URL = (
    "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')"
)

_JS_URL = re.compile(
    r"[\x00-\x1f ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*"
    r"i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:",
    re.I | re.A,
)

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
_URLISH = re.compile(r"[\x00-\x20]*(?:vbscript|livescript|mocha)\s*:", re.I | re.A)


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


def sanitize_markup(html: str) -> str:
    """``sanitize_html`` as markup: what ``DOMPurify.sanitize`` gives a template (the same
    rules as ``dangerouslySetInnerHTML``, so the two can never drift apart)."""
    text, nodes = sanitize_html(html)
    return py_html.escape(text, quote=False) + "".join(
        etree.tostring(n, method="html", encoding="unicode") for n in nodes
    )
