"""Tokens of an HTML string with only serializer spelling evened out, to compare kview with React.

libxml2 and React spell the same page differently (``<br/>`` vs ``<br>``, ``disabled=""`` vs
``disabled``, percent-encoded URLs); ``normalise`` removes exactly those differences and keeps
every other one (attribute order and case, text, structure). Pinned by tests/html/test_html.py.
"""

from __future__ import annotations

import html as py_html
import re

_TOKEN = re.compile(r"<(/?)([A-Za-z][^\s/>]*)([^>]*?)(/?)>|([^<]+)|(<)", re.S)
_ATTR = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
_VOIDS = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
_URI_ESCAPE = re.compile("[\x00-\x20\x7f-\U0010ffff]")
_LONE = re.compile("[\ud800-\udfff]")


def uri_escape(value: str) -> str:
    """libxml2's escaping of href/src/action (HTMLtree.c), applied to both sides."""
    value = value.lstrip(" \t\n\r")
    return _URI_ESCAPE.sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "surrogatepass")), value
    )


def normalise(markup: str) -> list:
    """Tokens of an HTML string with serialiser spelling differences removed (see the top)."""
    out: list = []
    markup = _LONE.sub("\ufffd", markup)
    for m in _TOKEN.finditer(markup):
        close, tag, attrs, _self, text, stray = m.groups()
        if text is not None or stray is not None:
            t = py_html.unescape(text if text is not None else stray)
            if out and out[-1][0] == "text":
                out[-1] = ("text", out[-1][1] + t)
            else:
                out.append(("text", t))
            continue
        if close:
            if tag.lower() not in _VOIDS:
                out.append(("end", tag))
            continue
        pairs = []
        for a in _ATTR.finditer(attrs):
            name = a.group(1)
            raw = next((g for g in a.groups()[1:] if g is not None), "")
            value = py_html.unescape(raw)
            low = name.lower()
            if low in ("href", "src", "action") or (low == "name" and tag.lower() == "a"):
                value = uri_escape(value)
            pairs.append((name, value))
        out.append(("start", tag, tuple(pairs)))
    return out


# React's placeholders for a blocked javascript: URL and for a function form action: both are
# javascript: URLs, which kview never writes (renderer/html/sanitize.py leaves the attribute out).
REACT_SCRIPT_URLS = frozenset(
    {
        "javascript:throw new Error('React has blocked a javascript: URL as a security precaution.')",
        "javascript:throw new Error('React form unexpectedly submitted.')",
    }
)


def without_react_script_urls(tokens: list) -> list:
    """React's normalised tokens with kview's deliberate safety differences applied: attributes
    whose value is one of React's ``javascript:`` placeholders are absent, and so is ``<base>``
    (void: one start token), in kview's output."""
    script_urls = REACT_SCRIPT_URLS | {uri_escape(u) for u in REACT_SCRIPT_URLS}
    out = []
    for tok in tokens:
        if tok[0] == "start" and tok[1].lower() == "base":
            continue
        if tok[0] == "start":
            tok = (tok[0], tok[1], tuple(p for p in tok[2] if p[1] not in script_urls))
        out.append(tok)
    return out
