"""Themes in a real browser: a `kview render --page` page resolves the theme's CSS variables in
Kustomer components, `style` props and template `<style>` rules, for light, dark and system."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from devserver.web.page import standalone_page
from renderer import render

pytestmark = pytest.mark.browser

CSS = (Path(__file__).resolve().parents[2] / "static" / "kview.css").read_text()
TEMPLATE = """
<div>
  <style>{`.authored { color: var(--font-secondary-color); border-color: var(--form-border-color); }`}</style>
  <p id="prop" style={{ color: 'var(--font-primary-color)', background: 'var(--background-primary-color)' }}>prop</p>
  <p id="rule" className="authored">rule</p>
  <Segment><BasicRow label="Tier" value="gold" /></Segment>
</div>
"""


def theme_value(block_selector: str, var: str) -> str:
    """The hex value of ``var`` in the first CSS block whose selector contains ``block_selector``."""
    for m in re.finditer(r"([^{}]+)\{([^{}]*)\}", CSS):
        if block_selector in m.group(1):
            v = re.search(re.escape(var) + r"\s*:\s*(#[0-9a-fA-F]{6})", m.group(2))
            if v:
                return v.group(1)
    raise AssertionError(f"{var} not found for {block_selector}")


def rgb(hex_color: str) -> str:
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def styles(browser, tmp_path: Path, theme: str, scheme: str = "light") -> dict:
    page_html = standalone_page(render(TEMPLATE, {}, root_class=f"kview kview-theme-{theme}").html, title="t", theme=theme)
    path = tmp_path / f"{theme}-{scheme}.html"
    path.write_text(page_html, encoding="utf-8")
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(path.as_uri())
    out = page.evaluate(
        """() => {
          const cs = (sel) => getComputedStyle(document.querySelector(sel));
          return {
            prop: cs('#prop').color, propBg: cs('#prop').backgroundColor, rule: cs('#rule').color,
            label: cs('.kv-label').color, value: cs('.kv-value').color,
          };
        }"""
    )
    context.close()
    return out


@pytest.mark.parametrize(("theme", "scheme", "block"), [
    ("light", "dark", '[data-kview-theme="light"]'),
    ("dark", "light", '[data-kview-theme="dark"]'),
    ("system", "light", '[data-kview-theme="light"]'),
    ("system", "dark", '[data-kview-theme="dark"]'),
])
def test_theme_variables_resolve_everywhere(browser, tmp_path: Path, theme: str, scheme: str, block: str) -> None:
    s = styles(browser, tmp_path, theme, scheme)
    assert s["prop"] == rgb(theme_value(block, "--font-primary-color"))
    assert s["propBg"] == rgb(theme_value(block, "--background-primary-color"))
    assert s["rule"] == rgb(theme_value(block, "--font-secondary-color"))
    assert s["value"] == rgb(theme_value(block, "--font-primary-color"))  # components use the variables
    assert s["label"] != s["value"]


def test_light_and_dark_differ(browser, tmp_path: Path) -> None:
    light, dark = styles(browser, tmp_path, "light"), styles(browser, tmp_path, "dark")
    assert light["prop"] != dark["prop"] and light["propBg"] != dark["propBg"] and light["value"] != dark["value"]
