"""Buttons: Button and ButtonGroup. ``onClick`` stays a JS function, recorded like the HTML walk's handlers."""

from __future__ import annotations

from typing import Any

from ...js.values import UNDEFINED
from . import dom
from .registry import component, warn

VARIANTS = ("primary", "secondary", "subtle", "danger")
SIZES = ("small", "medium", "large")


@component(
    "Button",
    props={
        "text": "string — the label (children work too)",
        "onClick": "function — click handler (run by the dev server's interactive preview)",
        "variant": "string — (kview) `primary`, `secondary` (default), `subtle` or `danger`",
        "size": "string — (kview) `small`, `medium` (default) or `large`",
        "disabled": "boolean — (kview) greyed out, not clickable",
        "title": "string — (kview) tooltip",
    },
    doc="A button in the agent desktop's style.",
    context="smartbar-card (buttons work in every context)",
)
def button(props: dict, children: list, ctx: Any) -> Any:
    variant = props.get("variant", UNDEFINED)
    if variant is UNDEFINED or variant is None:
        variant = "secondary"
    elif variant not in VARIANTS:
        warn(ctx, f"<Button variant={dom.preview(variant)}> is not one of {', '.join(VARIANTS)}; using secondary")
        variant = "secondary"
    root = dom.el("button", f"kv-button kv-button-{variant}", type="button",
                  title=dom.text_of(props.get("title", UNDEFINED)))
    size = props.get("size", UNDEFINED)
    if dom.is_set(size):
        if size in SIZES:
            if size != "medium":
                dom.add_class(root, f"kv-button-{size}")
        else:
            warn(ctx, f"<Button size={dom.preview(size)}> is not one of {', '.join(SIZES)}")
    if dom.flag(props.get("disabled", UNDEFINED)):
        root.set("disabled", "")
    text = dom.text_of(props.get("text", UNDEFINED))
    if text is not None:
        root.text = dom.clean(text)
    dom.append_nodes(root, children)
    on_click = props.get("onClick", UNDEFINED)
    if dom.is_set(on_click) and not dom.attach_handler(root, "click", on_click, ctx):
        warn(ctx, f"<Button onClick={dom.preview(on_click)}> is not a function")
    return root


@component(
    "ButtonGroup",
    props={
        "align": "string — (kview) `left` (default), `right`, `center` or `stretch` (buttons share the width)",
    },
    doc="Lays out Buttons in a row with the standard gap.",
    context="smartbar-card (buttons work in every context)",
)
def button_group(props: dict, children: list, ctx: Any) -> Any:
    root = dom.el("div", "kv-button-group", role="group")
    align = props.get("align", UNDEFINED)
    if dom.is_set(align):
        if align in ("left", "right", "center", "stretch"):
            if align != "left":
                dom.add_class(root, f"kv-align-{align}")
        else:
            warn(ctx, f"<ButtonGroup align={dom.preview(align)}> is not one of left, right, center, stretch")
    return dom.append_nodes(root, children)
