"""Layout components: Segment (padded block), Grid and Column (Semantic UI's 16-unit grid)."""

from __future__ import annotations

from typing import Any

from . import dom
from .registry import component, warn

WORDS = (
    "one two three four five six seven eight nine ten "
    "eleven twelve thirteen fourteen fifteen sixteen"
).split()


def grid_units(v: Any) -> str | None:
    """A Semantic UI width as its word: ``"eight"``, ``8``, ``"8"`` → ``"eight"``; else None."""
    if isinstance(v, str):
        s = v.strip().lower()
        if s in WORDS:
            return s
        if s.isdigit():
            v = float(s)
    if isinstance(v, float) and v.is_integer() and 1 <= v <= 16:
        return WORDS[int(v) - 1]
    return None


@component(
    "Segment",
    props={
        "padded": "boolean — (kview) extra padding, like Semantic UI's padded segment",
        "basic": "boolean — (kview) no border or background, only the spacing",
        "title": "string — (kview) a heading shown at the top of the segment",
    },
    doc="An outer wrapper that separates content and adds Kustomer's standard padding.",
)
def segment(props: dict, children: list, ctx: Any) -> Any:
    root = dom.el("div", "kv-segment")
    if dom.flag(props.get("padded", dom.UNDEFINED)):
        dom.add_class(root, "kv-padded")
    if dom.flag(props.get("basic", dom.UNDEFINED)):
        dom.add_class(root, "kv-basic")
    title = dom.text_of(props.get("title", dom.UNDEFINED))
    if title:
        dom.sub(root, "h4", "kv-segment-title", title)
    return dom.append_nodes(root, children)


@component(
    "Grid",
    props={
        "columns": "string | number — (kview) equal column count for Columns without a size "
        "(`\"two\"` or `2`, up to sixteen)",
    },
    doc="Lays out `Column`s on a 16-unit grid (Semantic UI style): `size=\"eight\"` is half.",
    context="expanded-timeline (layout works in every context)",
)
def grid(props: dict, children: list, ctx: Any) -> Any:
    root = dom.el("div", "kv-grid")
    cols = props.get("columns", dom.UNDEFINED)
    if dom.is_set(cols):
        word = grid_units(cols)
        if word:
            dom.add_class(root, f"kv-columns-{word}")
        else:
            warn(ctx, f"<Grid columns={dom.preview(cols)}> is not a column count from one to sixteen")
    return dom.append_nodes(root, children)


@component(
    "Column",
    props={
        "size": "string | number — width in 16ths: `\"one\"`…`\"sixteen\"` or 1–16 "
        "(`\"eight\"` is half the grid); without it the Grid's `columns` or an equal share",
        "width": "string | number — (kview) alias of `size` (Semantic UI's name)",
    },
    doc="One column inside a `Grid`.",
    context="expanded-timeline (layout works in every context)",
)
def column(props: dict, children: list, ctx: Any) -> Any:
    root = dom.el("div", "kv-column")
    size = props.get("size", dom.UNDEFINED)
    if not dom.is_set(size):
        size = props.get("width", dom.UNDEFINED)
    if dom.is_set(size):
        word = grid_units(size)
        if word:
            dom.add_class(root, f"kv-wide-{word}")
        else:
            warn(ctx, f"<Column size={dom.preview(size)}> is not a width from one to sixteen; using an equal share")
    return dom.append_nodes(root, children)
