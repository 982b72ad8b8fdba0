"""The state of one HTML render (``RenderContext``) and React's format contexts.

The format context is Fizz's ``getChildFormatContext``: the insertion mode (HTML, SVG,
MathML, table), the ``<select>`` value in scope and the noscript/picture bits, as a tuple.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from ..errors import Diagnostic
from ..js.values import (
    UNDEFINED,
    JSFunction,
    throw,
)
from ..react.elements import VNode

MAX_NODES = 50_000
MAX_TEXT = 5_000_000
MAX_DEPTH = 200




def _no_walk(value: Any, parent: Any, ctx: RenderContext, fmt: tuple, loc: Any) -> None:
    raise RuntimeError("RenderContext.render_children called outside a walk (use html.walk.to_html)")


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
        self.warnings: list[Diagnostic] = []
        self.handlers: list[tuple[Any, str, JSFunction]] = []
        self.mark_handlers = mark_handlers
        self.handler_seq = 0  # the next data-kv-id (tree.mark_handler)
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
        # Set by the host and the walk, read by components (through getattr: they also take
        # other contexts): the render's time zone name (render.py; UTC when None), the
        # page a DynamicCard iframe gets as parentUrl (render.py), and the template
        # location of the built-in component being rendered (walk.py).
        self.tz: str | None = None
        self.parent_url: str | None = None
        self.loc: tuple[int, int] | None = None
        # The walk's render function, set by walk.py's entry points (see render_children).
        self.walk: Callable[[Any, Any, RenderContext, tuple, Any], None] = _no_walk
        # Text waiting to be written in one piece (tree.append_text/flush_text): the element,
        # whether it goes to its tail (else its text), the pieces.
        self._text_node: Any = None
        self._text_tail = False
        self._text_parts: list[str] = []

    def render_children(self, el: Any, children: Any, fmt: tuple, tag: str, props: dict, loc: Any) -> None:
        """Render ``children`` into ``el`` through the walk that is running (``walk.py`` sets
        ``self.walk`` when it starts; the host elements recurse through here)."""
        if children is not None:
            self.walk(children, el, self, child_fmt(fmt, tag, props), loc)

    def warn(self, message: str, loc: Any = None, kind: str = "warning") -> None:
        key = (kind, message, loc)
        if key in self._seen:
            return
        self._seen.add(key)
        self.warnings.append(Diagnostic.warning(message, loc, kind))

    # budgets ------------------------------------------------------------
    def count_node(self, n: int = 1) -> None:
        self.nodes += n
        if self.nodes > self.max_nodes:
            throw("RangeError", f"kview: output budget exceeded ({self.max_nodes} elements)")

    def count_text(self, n: int) -> None:
        self.text_size += n
        if self.text_size > self.max_text:
            throw(
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


# --------------------------------------------------------------------------- format context

ROOT, HTML, SVG, MATH, TABLE = 0, 1, 2, 3, 4
NOSCRIPT, PICTURE = 1, 2
ROOT_FMT = (ROOT, None, 0)
HTML_FMT = (HTML, None, 0)
_TABLE_TAGS = frozenset(("table", "thead", "tbody", "tfoot", "colgroup", "tr"))
_FMT_TAGS = (
    frozenset(("noscript", "select", "svg", "picture", "math", "foreignObject")) | _TABLE_TAGS
)


def child_fmt(fmt: tuple, tag: str, props: dict) -> tuple:
    """getChildFormatContext: insertion mode, <select> value in scope, scope bits."""
    mode = fmt[0]
    if tag not in _FMT_TAGS:
        if mode == HTML or mode == SVG or mode == MATH:
            return fmt
        return (HTML, None, fmt[2]) if fmt[2] else HTML_FMT
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
