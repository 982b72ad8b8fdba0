"""HTML serialization: a settled element tree → the markup React 19's server renderer writes.

Rule: imports ``renderer.js`` and ``renderer.react``, never the platform layers above; escaping
happens by construction (lxml), and every URL and raw-HTML rule lives in ``sanitize``.
"""

from .attrs import style_to_css
from .context import RenderContext
from .sanitize import BLOCKED_URL, sanitize_html
from .tree import append_nodes
from .walk import render_nodes, to_html

__all__ = [
    "BLOCKED_URL",
    "RenderContext",
    "append_nodes",
    "render_nodes",
    "sanitize_html",
    "style_to_css",
    "to_html",
]
