"""Embedded cards: DynamicCard and Card render an ``<iframe>`` for a Cards SDK page.

Kustomer frames the page with ``?parentUrl=…&id=…`` appended (its DynamicCard and Cards SDK docs); the Cards SDK
posts messages to ``parentUrl``. kview appends the same two parameters:

* ``parentUrl`` is ``ctx.parent_url`` when the host sets it (the dev server passes the page
  that hosts its Cards SDK stand-in), else ``about:blank``: a preview with no host (CLI
  output, snapshots) has nobody to talk to, and the SDK then behaves as outside Kustomer.
* ``id`` is ``kv-card-1``, ``kv-card-2``, … in document order within one render, so output
  is deterministic; the iframe carries the same value in ``data-kv-card-id``.

The ``context`` prop is serialised as JSON into ``data-kv-context`` for the SDK host, which
hands it to the page as ``customContext``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode, urlsplit

from ...js.values import UNDEFINED
from . import dom
from .registry import component, warn

NO_PARENT = "about:blank"
_LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")


def next_card_id(ctx: Any) -> str:
    n = getattr(ctx, "_kv_card_seq", 0) + 1
    try:
        ctx._kv_card_seq = n
    except AttributeError:
        pass
    return f"kv-card-{n}"


def framed_src(src: str, parent_url: str, card_id: str) -> str:
    """``src`` with ``parentUrl`` and ``id`` appended to its query (the fragment stays last)."""
    base, hash_, fragment = src.partition("#")
    extra = urlencode([("parentUrl", parent_url), ("id", card_id)])
    sep = "" if base.endswith(("?", "&")) else ("&" if "?" in base else "?")
    return f"{base}{sep}{extra}{hash_}{fragment}"


_PROPS = {
    "src": "string — URL of the card page (https in Kustomer); `parentUrl` and `id` are appended",
    "context": "any — data handed to the page (Cards SDK `customContext`); kept as JSON in `data-kv-context`",
    "noPadding": "boolean — no padding around the frame",
    "fillToWidth": "boolean — the frame takes the full width",
    "height": "number | string — (kview) frame height (number = px); the page can also call `Kustomer.resize`",
    "width": "number | string — (kview) frame width (number = px)",
    "title": "string — (kview) accessible title of the frame",
}


def _embed(kind: str, props: dict, ctx: Any) -> Any:
    root = dom.el("div", f"kv-card-embed kv-{kind}")
    if dom.flag(props.get("noPadding", UNDEFINED)):
        dom.add_class(root, "kv-no-padding")
    if dom.flag(props.get("fillToWidth", UNDEFINED)):
        dom.add_class(root, "kv-fill-width")
    tag = "DynamicCard" if kind == "dynamic-card" else "Card"
    raw = props.get("src", UNDEFINED)
    src = dom.safe_url(raw, frozenset({"http", "https"}))
    if src is None:
        if dom.is_set(raw):
            warn(ctx, f"<{tag}> src {dom.preview(raw)} was refused: only http(s) and relative URLs are framed")
        else:
            warn(ctx, f"<{tag}> needs a `src`")
        dom.add_class(root, "kv-card-missing")
        dom.sub(root, "div", "kv-card-missing-note", f"{tag}: no page to show")
        return root
    try:
        host = urlsplit(src).hostname or ""
    except ValueError:  # e.g. a placeholder left in: https://[card-url]/index.html
        warn(ctx, f"<{tag}> src {dom.preview(raw)} is not a valid URL")
        dom.add_class(root, "kv-card-missing")
        dom.sub(root, "div", "kv-card-missing-note", f"{tag}: no page to show")
        return root
    if dom.url_scheme(src) == "http" and host not in _LOCAL_HOSTS:
        warn(ctx, f"<{tag}> src uses http: Kustomer loads card pages over https")
    card_id = next_card_id(ctx)
    parent = getattr(ctx, "parent_url", None)
    parent = parent if isinstance(parent, str) and parent else NO_PARENT
    title = dom.text_of(props.get("title", UNDEFINED)) or (f"Card: {host}" if host else "Card")
    frame = dom.sub(root, "iframe", "kv-card-iframe", src=framed_src(src, parent, card_id), title=title,
                    loading="lazy", data_kv_card_id=card_id)
    context = props.get("context", UNDEFINED)
    if context is not UNDEFINED:
        frame.set("data-kv-context", dom.clean(dom.json_text(context)))
    styles = []
    for name in ("height", "width"):
        v = props.get(name, UNDEFINED)
        if not dom.is_set(v):
            continue
        css = dom.css_length(v)
        if css is None:
            warn(ctx, f"<{tag} {name}={dom.preview(v)}> is not a CSS length")
        else:
            styles.append(f"{name}:{css}")
    dom.add_style(frame, ";".join(styles))
    return root


@component(
    "DynamicCard",
    props=_PROPS,
    doc="Embeds a hosted page (an iframe) that talks to Kustomer through the Cards SDK.",
    context="smartbar-card (embedded cards work in every context)",
)
def dynamic_card(props: dict, children: list, ctx: Any) -> Any:
    return _embed("dynamic-card", props, ctx)


@component(
    "Card",
    props=_PROPS,
    doc="The older embedded-card component; rendered like `DynamicCard`.",
    context="smartbar-card (embedded cards work in every context)",
)
def card(props: dict, children: list, ctx: Any) -> Any:
    return _embed("card", props, ctx)
