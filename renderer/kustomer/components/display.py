"""Display components: Images (a thumbnail strip) and Pill (a status chip)."""

from __future__ import annotations

from typing import Any

from ...js.values import UNDEFINED
from . import dom
from .registry import component, warn

IMAGE_SCHEMES = frozenset({"http", "https"})
SIZES = ("small", "medium", "large")


def image_url(url: Any) -> str | None:
    """http(s), relative, or an inline ``data:image/…`` URL; never ``javascript:``."""
    if isinstance(url, str) and dom.url_scheme(url) == "data":
        cleaned = dom.clean(url).strip()
        return cleaned if cleaned[5:].lstrip().lower().startswith("image/") else None
    return dom.safe_url(url, IMAGE_SCHEMES)


@component(
    "Images",
    props={
        "images": "array — images as URL strings or `{url, alt}` objects (`src` is accepted for `url`)",
        "size": "string — (kview) thumbnail size: `small`, `medium` (default) or `large`",
        "max": "number — (kview) show at most this many thumbnails, then a `+N` marker",
    },
    doc="A strip of lazy-loaded thumbnails, each linking to the full image (a KObject's `images`).",
    context="expanded-timeline",
)
def images(props: dict, children: list, ctx: Any) -> Any:
    root = dom.el("ul", "kv-images")
    size = props.get("size", UNDEFINED)
    if dom.is_set(size):
        if size in SIZES:
            dom.add_class(root, f"kv-images-{size}")
        else:
            warn(ctx, f"<Images size={dom.preview(size)}> is not one of small, medium, large")
    value = props.get("images", UNDEFINED)
    items = value if isinstance(value, list) else ([] if not dom.is_set(value) else [value])
    limit = props.get("max", UNDEFINED)
    cap = int(limit) if isinstance(limit, float) and limit == limit and limit >= 1 else len(items)
    shown = 0
    dropped = 0
    for item in items:
        if isinstance(item, dict):
            raw = item.get("url", UNDEFINED)
            if not dom.is_set(raw):
                raw = item.get("src", UNDEFINED)
            alt = dom.text_of(item.get("alt", UNDEFINED)) or dom.text_of(item.get("title", UNDEFINED)) or ""
        else:
            raw, alt = item, ""
        if not dom.is_set(raw):
            continue
        url = image_url(raw)
        if url is None:
            dropped += 1
            continue
        if shown >= cap:
            shown += 1
            continue
        li = dom.sub(root, "li", "kv-image")
        if url.lower().startswith("data:"):  # browsers refuse to open data: URLs as pages: no link
            holder = dom.sub(li, "span", "kv-image-link")
        else:
            holder = dom.sub(li, "a", "kv-image-link", href=url, target="_blank", rel="noopener noreferrer")
        dom.sub(holder, "img", "kv-thumbnail", src=url, alt=alt, loading="lazy")
        shown += 1
    if shown > cap:
        dom.sub(root, "li", "kv-image kv-image-more", f"+{shown - cap}")
    if dropped:
        warn(ctx, f"<Images> dropped {dropped} image(s) with an unsafe URL (only http(s), relative and data:image/ URLs load)")
    if not len(root):
        dom.add_class(root, "kv-images-empty")
    return root


PILL_COLORS = {"red": "red", "green": "green", "blue": "blue", "yellow": "yellow", "grey": "grey", "gray": "grey"}


@component(
    "Pill",
    props={
        "text": "string — the pill's text (children work too)",
        "color": "string — `red`, `green`, `blue`, `yellow`, `grey` (default), or any CSS colour "
        "(set as `--kv-pill-color`)",
        "title": "string — (kview) tooltip",
    },
    doc="A small status chip.",
    context="expanded-timeline (pills work in every context)",
)
def pill(props: dict, children: list, ctx: Any) -> Any:
    root = dom.el("span", "kv-pill", title=dom.text_of(props.get("title", UNDEFINED)))
    color = props.get("color", UNDEFINED)
    if dom.is_set(color):
        preset = PILL_COLORS.get(color) if isinstance(color, str) else None
        css = None if preset else dom.css_color(color)
        if preset:
            dom.add_class(root, f"kv-pill-{preset}")
        elif css:
            dom.add_class(root, "kv-pill-custom")
            dom.add_style(root, f"--kv-pill-color:{css}")
        else:
            warn(ctx, f"<Pill color={dom.preview(color)}> is not a colour; using grey")
            dom.add_class(root, "kv-pill-grey")
    else:
        dom.add_class(root, "kv-pill-grey")
    text = dom.text_of(props.get("text", UNDEFINED))
    if text is not None:
        root.text = dom.clean(text)
    return dom.append_nodes(root, children)
