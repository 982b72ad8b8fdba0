"""The gallery's chrome in real Chromium: it follows the chosen theme and the OS; none of its CSS
reaches a preview (pixels equal to ``kview render --page``); the data panel and scenario picker.

A real ``DevServer`` (port 0, live watcher) serves a copy of ``sample_views`` plus a probe view
(a heading, a link, a native and a Kustomer button). The standalone page comes from the real
``kview render --page`` command. Screenshots land in /tmp/kview-chrome-{light,dark}.png and
/tmp/kview-preview-<theme>-<mode>-{gallery,page}.png.
"""

from __future__ import annotations

import base64
import json
import math
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 10_000
PROBE = "preview-probe"
PROBE_JSX = """<div>
  <h2>Preview probe</h2>
  <p>Text with <a href="https://example.com/orders">a link</a> inside.</p>
  <button type="button">Native button</button>
  <Button text="Kustomer button" />
</div>
"""
PROBE_META = {"resource": "customer", "context": "smartbar-card", "meta": {"displayName": "Preview probe"}}
# chrome surfaces that must follow the gallery's theme
CHROME = ("body", ".kvg-sidebar", ".kvg-view", ".kvg-segmented", ".kvg-chip", ".kvg-details", ".kvg-pre")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from devserver.web import ServerConfig
    from devserver.web.server import DevServer

    views = tmp_path_factory.mktemp("chrome") / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    (views / "kviews" / f"{PROBE}.jsx").write_text(PROBE_JSX, encoding="utf-8")
    (views / "kviews" / f"{PROBE}.json").write_text(json.dumps(PROBE_META), encoding="utf-8")
    srv = DevServer(ServerConfig(views_dir=views), port=0).start()
    srv.views = views
    yield srv
    srv.stop()


def open_page(browser, url: str, scheme: str = "light", width: int = 1400):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="load")
    return context, page, errors


def luminance(css_colour: str) -> float:
    """Relative luminance (0 black … 1 white) of ``rgb(…)`` / ``rgba(…)`` (alpha ignored)."""
    parts = css_colour[css_colour.index("(") + 1 : css_colour.index(")")].replace(",", " ").split()
    r, g, b = (float(p) / 255 for p in parts[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def chrome_colours(page) -> dict[str, list[str]]:
    return page.evaluate(
        """sels => Object.fromEntries(sels.map(s => {
             const cs = getComputedStyle(document.querySelector(s));
             return [s, [cs.backgroundColor, cs.color]];
           }))""", list(CHROME))


# ---------------------------------------------------------------------- the chrome's theme
@pytest.mark.parametrize(("mode", "scheme", "dark"), [
    ("light", "light", False), ("light", "dark", False),   # chosen: the OS does not matter
    ("dark", "light", True), ("dark", "dark", True),
    ("both", "light", False), ("both", "dark", True),      # "both": the OS decides
])
def test_chrome_follows_the_theme_and_the_os(browser, server, mode: str, scheme: str, dark: bool) -> None:
    context, page, errors = open_page(browser, f"{server.url}view/{PROBE}?theme={mode}", scheme)
    try:
        got = chrome_colours(page)
        for sel, (bg, fg) in got.items():
            if sel != ".kvg-details":  # a panel's own background may be transparent: its text tells
                assert (luminance(bg) < 0.2) == dark, (sel, bg)
            assert (luminance(fg) > 0.6) == dark, (sel, fg)
        # "both" is exactly the chosen theme the OS prefers (the dark set is written twice in CSS)
        context2, page2, _ = open_page(browser, f"{server.url}view/{PROBE}?theme={'dark' if dark else 'light'}", scheme)
        assert chrome_colours(page2) == got
        context2.close()
    finally:
        context.close()
    assert not errors, errors


def test_theme_buttons_switch_the_chrome(browser, server) -> None:
    context, page, errors = open_page(browser, server.url, "light", width=1600)
    try:
        side = lambda: page.eval_on_selector(".kvg-sidebar", "e => getComputedStyle(e).backgroundColor")  # noqa: E731
        assert luminance(side()) > 0.8
        page.click('a.kvg-seg:has-text("Dark")')
        page.wait_for_selector('body[data-theme-mode="dark"]', timeout=WAIT_MS)
        assert luminance(side()) < 0.2
        page.screenshot(path="/tmp/kview-chrome-dark.png")
        page.click('a.kvg-seg:has-text("Light")')
        page.wait_for_selector('body[data-theme-mode="light"]', timeout=WAIT_MS)
        assert luminance(side()) > 0.8
        page.screenshot(path="/tmp/kview-chrome-light.png")
    finally:
        context.close()
    assert not errors, errors


# ---------------------------------------------------------------------- no leak into previews
def standalone(server, theme: str, tmp_path: Path) -> Path:
    """The probe as ``kview render --page`` writes it (the real command)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", "from devserver.cli import main; main()", "render", str(server.views),
         "--view", PROBE, "--page", "--theme", theme],
        capture_output=True, text=True, check=True, cwd=ROOT, env=env).stdout
    path = tmp_path / f"probe-{theme}.html"
    path.write_text(out, encoding="utf-8")
    return path


PREVIEW_FACTS = """root => {
  const cs = (el) => getComputedStyle(el);
  const a = root.querySelector('a'), h = root.querySelector('h2'), b = root.querySelector('button');
  return { width: root.getBoundingClientRect().width, link: cs(a).color, text: cs(root).color,
           heading: [cs(h).fontSize, cs(h).marginTop, cs(h).fontFamily], button: [cs(b).backgroundColor, cs(b).color,
           cs(b).boxSizing, cs(b).fontFamily], boxSizing: cs(root).boxSizing };
}"""

def clip(locator) -> dict[str, float]:
    """The element's box on whole pixels (a screenshot's clip), halves rounded up on both sides
    (``round`` would take 920.5 to 920 and 41.5 to 42: the two crops would be a pixel apart)."""
    box = locator.bounding_box()
    assert box is not None
    return {k: float(math.floor(v + 0.5)) for k, v in box.items()}


DIFF_PIXELS = """async ([a, b]) => {
  const load = (src) => new Promise((ok, ko) => { const i = new Image(); i.onload = () => ok(i); i.onerror = ko; i.src = src; });
  const [ia, ib] = await Promise.all([load(a), load(b)]);
  if (ia.width !== ib.width || ia.height !== ib.height) return { size: [ia.width, ia.height, ib.width, ib.height] };
  const data = (img) => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
    const x = c.getContext('2d'); x.drawImage(img, 0, 0); return x.getImageData(0, 0, img.width, img.height).data; };
  const da = data(ia), db = data(ib);
  let differing = 0, worst = 0;
  for (let i = 0; i < da.length; i += 4) {
    const d = Math.max(Math.abs(da[i] - db[i]), Math.abs(da[i + 1] - db[i + 1]), Math.abs(da[i + 2] - db[i + 2]));
    if (d) { differing++; worst = Math.max(worst, d); }
  }
  return { size: [ia.width, ia.height], differing, worst };
}"""


@pytest.mark.parametrize(("theme", "mode", "scheme"), [
    ("light", "light", "light"), ("dark", "dark", "dark"),   # preview and chrome alike
    ("light", "both", "dark"), ("dark", "both", "light"),    # the chrome the other way round
])
def test_a_preview_is_pixel_identical_to_its_standalone_page(browser, server, tmp_path: Path, theme: str,
                                                              mode: str, scheme: str) -> None:
    context, page, errors = open_page(browser, f"{server.url}view/{PROBE}?theme={mode}", scheme)
    try:
        root = page.locator(f'.kvg-frame[data-theme="{theme}"] .kvg-preview > .kview')
        in_gallery = root.evaluate(PREVIEW_FACTS)
        shot_gallery = page.screenshot(clip=clip(root))

        # the page, its viewport sized so the fragment gets the same width as in the card (start
        # narrower than the page's max-width, where the fragment's width follows the viewport's)
        page_file = standalone(server, theme, tmp_path)
        alone = context.new_page()
        alone.set_viewport_size({"width": 400, "height": 900})
        alone.goto(page_file.as_uri())
        sel = ".kview-card-frame > .kview"
        width = alone.eval_on_selector(sel, "e => e.getBoundingClientRect().width")
        alone.set_viewport_size({"width": round(400 + in_gallery["width"] - width), "height": 900})
        on_page = alone.eval_on_selector(sel, PREVIEW_FACTS)
        # Chromium positions text and edges by the subpixel offset of the box: the gallery's
        # preview sits at a fractional place (centred in its pane, under text-height headers),
        # the page's at another. Move the page's card frame (the page's own chrome, not the
        # fragment) by the difference, so both are painted at the same subpixel phase.
        g, a = root.bounding_box(), alone.locator(sel).bounding_box()
        assert g is not None and a is not None
        alone.add_style_tag(content=".kview-card-frame { position: relative; "
                                    f"left: {(g['x'] - a['x']) % 1}px; top: {(g['y'] - a['y']) % 1}px; }}")
        shot_page = alone.screenshot(clip=clip(alone.locator(sel)))

        assert on_page == in_gallery  # the link is the theme's link colour in both, not the chrome's
        assert in_gallery["link"] != in_gallery["text"]
        Path(f"/tmp/kview-preview-{theme}-{mode}-gallery.png").write_bytes(shot_gallery)
        Path(f"/tmp/kview-preview-{theme}-{mode}-page.png").write_bytes(shot_page)
        diff = alone.evaluate(DIFF_PIXELS, [
            "data:image/png;base64," + base64.b64encode(shot_gallery).decode(),
            "data:image/png;base64," + base64.b64encode(shot_page).decode(),
        ])
        alone.close()
    finally:
        context.close()
    # Identical but for anti-aliasing: at the same whole-pixel phase, layout still differs by
    # less than Chromium's 1/64 px layout unit, which moves a few glyph edges by a shade
    # (measured: at most 48 pixels of 37,232, each channel at most 9/255 off). A leaked style
    # (the chrome's link colour, box-sizing, a font) changes hundreds of pixels by far more.
    assert diff.get("size") == [round(in_gallery["width"]), diff["size"][1]], diff
    assert diff["worst"] <= 16 and diff["differing"] <= 0.005 * diff["size"][0] * diff["size"][1], diff
    assert not errors, errors


# ---------------------------------------------------------------------- data panel, scenarios
def test_data_panel_shows_the_generated_data(browser, server) -> None:
    """loyalty has no mock file: the panel shows the data it rendered with, as JSON."""
    context, page, errors = open_page(browser, f"{server.url}view/loyalty")
    try:
        panel = page.locator(".kvg-details details.kvg-data")
        panel.locator("summary").click()
        data = json.loads(panel.locator("textarea").input_value())  # the data editor
        assert "customer" in data
        rendered = page.locator('.kvg-frame[data-theme="light"] .kvg-preview').inner_text()
        tier = data["customer"]["custom"]["loyaltyTierStr"]  # what the template shows as the tier
        assert tier and str(tier) in rendered, (tier, rendered)  # the panel shows what was rendered
        assert "generated" in panel.inner_text().lower()
    finally:
        context.close()
    assert not errors, errors


def test_scenario_picker_switches_the_view(browser, server) -> None:
    context, page, errors = open_page(browser, f"{server.url}view/customer-overview?theme=light")
    try:
        picker = page.locator("nav.kvg-scenarios a")
        names = picker.all_inner_texts()
        assert names[0] == "default" and {"vip", "masked-pii"} <= set(names)
        assert page.locator('nav.kvg-scenarios a[aria-current="page"]').inner_text() == "default"
        before = page.locator(".kvg-preview").inner_text()
        page.click('nav.kvg-scenarios a[data-scenario="vip"]')  # a link: no script needed under the CSP
        page.wait_for_url("**scenario=vip**", timeout=WAIT_MS)
        assert "theme=light" in page.url  # the chosen theme stays
        assert page.locator('nav.kvg-scenarios a[aria-current="page"]').inner_text() == "vip"
        assert page.locator(".kvg-preview").inner_text() != before
        data = page.locator(".kvg-details details.kvg-data")
        assert "mocks/customer-overview/vip.json" in data.locator("summary").inner_text()
    finally:
        context.close()
    assert not errors, errors


def test_no_picker_for_a_view_with_one_scenario(browser, server) -> None:
    context, page, _ = open_page(browser, f"{server.url}view/loyalty")
    try:
        assert page.locator("nav.kvg-scenarios").count() == 0
    finally:
        context.close()
