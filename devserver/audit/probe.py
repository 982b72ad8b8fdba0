"""The audit's look at the snapshot page after each shot: ``collect.js`` measures the view, and
two screenshots of the viewport give the pixels behind the text (text made transparent) and
behind the images (images hidden too), for what the cascade cannot tell.

The viewport grows to the page's height first: ``elementsFromPoint`` and the screenshots only see
what is inside it (the width, and so the layout, does not change).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page

from ..snapshot.capture import VIEWPORT
from ..snapshot.shots import Shot
from .axe import axe_source, run_js

VIEW_ROOT = "#kvg-stage .kview"
# Text painted transparent without touching `color` (an SVG's currentColor keeps its colour).
HIDE_TEXT = ("#kvg-stage * { -webkit-text-fill-color: transparent !important; text-shadow: none !important;"
             " text-decoration-color: transparent !important; }")
# elementsFromPoint skips what pointer-events: none leaves out; an overlay still covers the text.
HIT_ALL = "#kvg-stage * { pointer-events: auto !important; }"
HIDE_IMAGES = "#kvg-stage img, #kvg-stage svg { visibility: hidden !important; }"
STYLE = """(css) => {
  let s = document.getElementById('kvaudit-style');
  if (!s) { s = document.createElement('style'); s.id = 'kvaudit-style'; document.head.appendChild(s); }
  s.textContent = css;
  return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


@cache
def collect_js() -> str:
    return (Path(__file__).resolve().parent / "collect.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Measured:
    """One shot's measurements (``collect.js``'s result) and its pixels without text
    (``textless``) and without text or images (``bare``): viewport PNGs, CSS pixels."""

    data: dict[str, Any] | None
    textless: bytes
    bare: bytes
    axe: list[dict[str, Any]] | None = None  # axe-core's violations, when asked for


@dataclass(frozen=True)
class Unmeasured:
    """A shot the page could not measure (a script error in the page): why."""

    error: str


def probe(axe: bool = False) -> Callable[[Page, Shot, bytes], Awaitable[Measured | Unmeasured]]:
    """The ``snapshot.capture`` probe of ``kview audit`` (``axe``: run axe-core's rules too)."""
    source = axe_source() if axe else None  # read (or found missing) before a browser starts

    async def measure(page: Page, shot: Shot, png: bytes) -> Measured | Unmeasured:
        height = await page.evaluate("() => document.documentElement.scrollHeight")
        await page.set_viewport_size({"width": VIEWPORT["width"],
                                      "height": max(VIEWPORT["height"], int(height))})
        try:
            await page.evaluate(STYLE, HIT_ALL)
            data = await page.evaluate(collect_js(), VIEW_ROOT)
            violations = None
            if source is not None:
                if not await page.evaluate("() => Boolean(window.axe)"):
                    await page.evaluate(source)
                violations = await page.evaluate(run_js(), VIEW_ROOT)
            await page.evaluate(STYLE, HIDE_TEXT)
            textless = await page.screenshot(type="png", animations="disabled", caret="hide")
            await page.evaluate(STYLE, HIDE_TEXT + HIDE_IMAGES)
            bare = await page.screenshot(type="png", animations="disabled", caret="hide")
        except PlaywrightError as exc:
            return Unmeasured(f"the page could not be measured: {str(exc).splitlines()[0]}")
        finally:
            await page.evaluate(STYLE, "")
            await page.set_viewport_size(VIEWPORT)
        return Measured(data, textless, bare, violations)

    return measure
