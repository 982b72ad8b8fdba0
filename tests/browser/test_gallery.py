"""The gallery in a real browser: both themes, live reload on edit, the error overlay, recovery.

A real ``DevServer`` (port 0, background thread, live watcher) serves a ``tmp_path`` copy of
``sample_views``; Playwright drives the system Chromium (``devserver.snapshot.chromium``). One browser
per session. The gallery screenshot lands in /tmp/kview-gallery.png.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOT = Path("/tmp/kview-gallery.png")
WAIT_MS = 10_000  # every wait for the page is bounded


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from devserver.web import ServerConfig
    from devserver.web.server import DevServer

    views = tmp_path_factory.mktemp("gallery") / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    srv = DevServer(ServerConfig(views_dir=views, debounce=0.1), port=0).start()
    srv.views = views
    yield srv
    srv.stop()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(server.url, wait_until="domcontentloaded")
    # reload.js marks the connection live once the event stream is open
    pg.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
    yield pg
    context.close()
    assert not errors, errors


def card_background(page, view: str, theme: str) -> str:
    """The computed background of the card surface (a timeline frame's surface is its item)."""
    frame = f'section[data-view="{view}"] .kvg-frame[data-theme="{theme}"]'
    return page.eval_on_selector(
        f"{frame}:not(.kvg-frame-timeline), {frame} .kvg-tl-item",
        "el => getComputedStyle(el).backgroundColor",
    )


def test_gallery_renders_both_themes(page, server) -> None:
    names = sorted(p.stem for p in (server.views / "kviews").glob("*.jsx"))
    shown = page.eval_on_selector_all("main section.kvg-view", "els => els.map(e => e.dataset.view)")
    assert sorted(shown) == names
    for view in ("customer-overview", "recent-orders", "order-details"):
        light, dark = card_background(page, view, "light"), card_background(page, view, "dark")
        assert light != dark, (view, light, dark)
        assert light in ("rgb(255, 255, 255)",) or light.startswith("rgb(2"), light  # a light colour
    # the rendered fragment itself is themed too (its root carries the theme class)
    frag_light = page.eval_on_selector(
        'section[data-view="customer-overview"] .kvg-frame[data-theme="light"] .kview',
        "el => getComputedStyle(el).color")
    frag_dark = page.eval_on_selector(
        'section[data-view="customer-overview"] .kvg-frame[data-theme="dark"] .kview',
        "el => getComputedStyle(el).color")
    assert frag_light != frag_dark
    assert page.locator("#kvg-overlay:not([hidden])").count() == 0
    page.screenshot(path=str(SCREENSHOT), full_page=True)


def test_edit_break_and_fix_a_template(page, server) -> None:
    path = server.views / "kviews" / "customer-overview.jsx"
    original = path.read_text(encoding="utf-8")
    sel = 'section[data-view="customer-overview"]'
    try:
        # 1. an edit shows up without a manual reload
        path.write_text(original.replace('text="Issue credit"', 'text="Issue store credit"'), encoding="utf-8")
        page.wait_for_function(
            "sel => (document.querySelector(sel) || {}).textContent.includes('Issue store credit')",
            arg=sel, timeout=WAIT_MS)
        assert page.locator(f'{sel} .kvg-frame[data-theme="dark"]').inner_text().count("Issue store credit") == 1

        # 2. a syntax error: the overlay names the line; the card keeps its last good render
        lines = original.splitlines()
        bad_line = next(i for i, t in enumerate(lines, 1) if "<BasicRow label=\"Email\"" in t)
        lines[bad_line - 1] = lines[bad_line - 1].replace("/>", "")  # an unclosed JSX tag
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        overlay = page.locator("#kvg-overlay")
        overlay.wait_for(state="visible", timeout=WAIT_MS)
        page.wait_for_selector(f'{sel}[data-state="error"]', timeout=WAIT_MS)
        text = overlay.inner_text()
        assert "customer-overview" in text.lower() or "Acme customer" in text
        assert re.search(r"line \d+", text), text
        card = page.locator(f"{sel} .kvg-error")
        assert "kviews/customer-overview.jsx" in card.inner_text()
        assert page.locator(f"{sel} .kvg-pane.is-stale").count() == 2
        assert "Issue store credit" in page.locator(f"{sel} .kvg-pane.is-stale").first.inner_text()
        page.screenshot(path="/tmp/kview-gallery-error.png")

        # 3. fixed: the overlay goes away and the view is back
        path.write_text(original, encoding="utf-8")
        page.wait_for_selector(f'{sel}[data-state="ok"]', timeout=WAIT_MS)
        overlay.wait_for(state="hidden", timeout=WAIT_MS)
        assert "Issue credit" in page.locator(sel).inner_text()
    finally:
        path.write_text(original, encoding="utf-8")


def test_view_page_and_theme_switch(page, server) -> None:
    page.click('main section[data-view="order-details"] a.kvg-open')
    page.wait_for_selector("section.kvg-view.is-detail", timeout=WAIT_MS)
    assert "/view/order-details" in page.url
    assert page.locator(".kvg-details summary").first.inner_text().startswith("Template")
    page.click('a.kvg-seg:has-text("Dark")')
    page.wait_for_selector('section.kvg-view .kvg-stage[data-layout="single"]', timeout=WAIT_MS)
    assert page.locator('.kvg-frame[data-theme="light"]').count() == 0
    assert page.locator('.kvg-frame[data-theme="dark"]').count() == 1
