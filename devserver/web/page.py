"""A standalone HTML page around a rendered view: opens from disk, theme CSS inlined."""

from __future__ import annotations

from html import escape

from ..paths import theme_css

THEMES = ("light", "dark", "system")


def standalone_page(fragment: str, *, title: str, theme: str = "light") -> str:
    """``fragment`` is trusted renderer output (built by lxml, escaped by construction)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en" data-kview-theme="{escape(theme)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)} · kview</title>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<style>\n{theme_css()}\n</style>\n</head>\n"
        '<body class="kview-page">\n'
        f'<div class="kview-card-frame">{fragment}</div>\n'
        "</body>\n</html>\n"
    )
