"""``kview render --page``: a standalone HTML page around a rendered view, theme CSS inlined.

Rendered with Jinja outside Flask (``kview render`` has no app), from the same templates folder.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from ..assets import theme_css

TEMPLATES = Path(__file__).resolve().parent / "templates"

# A page opened from disk has no server to send headers: its own policy runs no script at all
# (the fragment is static HTML), and loads what the preview itself may show.
PAGE_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data: blob: http: https:; "
            "media-src data: blob: http: https:; font-src data:; frame-src http: https:; base-uri 'none'; "
            "form-action 'none'")


@cache
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True,
                       lstrip_blocks=True, keep_trailing_newline=True)


def standalone_page(fragment: str, *, title: str, theme: str = "light") -> str:
    """``fragment`` is trusted renderer output (built by lxml, escaped by construction)."""
    return _env().get_template("page.html").render(fragment=fragment, title=title, theme=theme, css=theme_css(),
                                                  csp=PAGE_CSP)
