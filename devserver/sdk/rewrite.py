"""A widget page as kview serves it: the real Cards SDK's script tag points at the stub.

A page written for Kustomer loads ``https://cdn.kustomerapp.com/card-js/latest/kustomer-card.min.js``;
served by kview, that tag loads ``/static/kustomer-card.js`` instead, so the same file works in
both places and no SDK call leaves the machine. Parsed and written with lxml (a regex would
miss attribute order, quoting and comments); everything else in the page is kept as written.
"""

from __future__ import annotations

import lxml.html
from lxml import etree

from . import api

STUB_PATH = "/static/kustomer-card.js"


def is_real_sdk(src: str) -> bool:
    """Whether a script URL is the Cards SDK's (any host, any version, minified or not)."""
    path = src.split("?", 1)[0].split("#", 1)[0]
    return "/card-js/" in path and path.rsplit("/", 1)[-1] in ("kustomer-card.min.js", "kustomer-card.js")


def with_stub(html: str, stub_url: str = STUB_PATH) -> tuple[str, int]:
    """``html`` with each real SDK script tag pointed at ``stub_url``; and how many were.
    A page without one comes back unchanged, byte for byte."""
    if api()["realScript"].rsplit("/", 1)[-1] not in html and "kustomer-card" not in html:
        return html, 0
    doc = lxml.html.document_fromstring(html)
    count = 0
    for el in doc.iter("script"):
        src = el.get("src")
        if src and is_real_sdk(src.strip()):
            el.set("src", stub_url)
            for attr in ("integrity", "crossorigin"):  # the stub is not the CDN's file
                el.attrib.pop(attr, None)
            count += 1
    if not count:
        return html, 0
    doctype = doc.getroottree().docinfo.doctype or "<!DOCTYPE html>"
    return doctype + "\n" + etree.tostring(doc, method="html", encoding="unicode"), count
