"""The gallery's tools in real Chromium against a real ``kview serve``: editing a view's data
re-renders both previews in place, invalid JSON is located and keeps the last good previews,
an edit saved as a scenario is a file the picker lists, Revert, the copy buttons put the right
text on the clipboard, the filter box, status dots, and ``?theme=system`` following the OS.

The server is the real command (``tests/support/serve.py``) on a ``tmp_path`` copy of
``sample_views``; each test opens its own browser context. Screenshots land in
/tmp/kview-tools-*.png.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from tests.support.serve import kview_serve

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 10_000
PREVIEW = '#kvg-main section.kvg-view .kvg-frame[data-theme="{}"] .kvg-preview'


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    views = tmp_path_factory.mktemp("tools") / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    with kview_serve(views) as srv:
        srv.views = views  # type: ignore[attr-defined]
        yield srv


def open_page(browser, url: str, scheme: str = "light", clipboard: str | None = None):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, color_scheme=scheme)
    if clipboard:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=clipboard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="load")
    return context, page, errors


def open_data_panel(page) -> None:
    page.click("details.kvg-data > summary")
    page.wait_for_selector("#kvg-editor-text", state="visible", timeout=WAIT_MS)


def editor_data(page) -> dict:
    return json.loads(page.input_value("#kvg-editor-text"))


def previews(page) -> dict[str, str]:
    return {t: page.inner_text(PREVIEW.format(t)) for t in ("light", "dark")}


def wait_for_previews(page, text: str) -> None:
    for theme in ("light", "dark"):
        page.wait_for_function(
            "([sel, text]) => { const el = document.querySelector(sel); return el && el.innerText.includes(text); }",
            arg=[PREVIEW.format(theme), text], timeout=WAIT_MS)


# ---------------------------------------------------------------------- the data editor
def test_editing_data_rerenders_both_previews_in_place(browser, served) -> None:
    context, page, errors = open_page(browser, f"{served.url}view/order-activity")
    try:
        assert all("Hi Sam" in t for t in previews(page).values())
        page.evaluate("window.__samePage = 1")  # gone if the page reloads
        open_data_panel(page)
        data = editor_data(page)
        data["$scenario"]["requests"]["GET /v1/users/current"]["data"]["attributes"]["displayName"] = "Zelda Quinn"
        page.fill("#kvg-editor-text", json.dumps(data, indent=2))
        wait_for_previews(page, "Hi Zelda")
        assert page.evaluate("window.__samePage") == 1
        assert page.get_attribute("#kvg-editor-status", "data-state") == "ok"
        assert page.get_attribute('section[data-view="order-activity"]', "data-draft") == "yes"  # marked unsaved
        assert not page.is_disabled("#kvg-editor-revert")
        # the copyable HTML follows the edit
        assert "Hi Zelda" in page.text_content("#kvg-html-light")

        # an edit that breaks the JSON on line 3
        page.fill("#kvg-editor-text", '{\n  "customer": {"id": "x"},\n  "$scenario": {,\n}')
        page.wait_for_selector('#kvg-editor-status[data-state="invalid"]', timeout=WAIT_MS)
        status = page.locator("#kvg-editor-status")
        assert status.get_attribute("data-line") == "3" and status.get_attribute("data-column") == "17"
        assert "line 3, column 17" in status.inner_text() and "Invalid JSON" in status.inner_text()
        assert page.locator(".kvg-editor-lines span.is-hit").inner_text() == "3"
        assert all("Hi Zelda" in t for t in previews(page).values())  # the last good previews stay
        page.screenshot(path="/tmp/kview-tools-invalid.png", full_page=True)

        # a shape error is the located diagnostic, previews kept
        page.fill("#kvg-editor-text", "[1, 2]")
        page.wait_for_selector('#kvg-editor-status[data-state="error"]', timeout=WAIT_MS)
        assert "must be a JSON object" in page.inner_text("#kvg-editor-status")
        assert all("Hi Zelda" in t for t in previews(page).values())

        # typed key by key: the closing brace makes it valid, and the previews follow
        page.fill("#kvg-editor-text", '{"customer": {"id": "x"}, "$scenario": {"requests": {}}')
        page.wait_for_selector('#kvg-editor-status[data-state="invalid"]', timeout=WAIT_MS)
        page.click("#kvg-editor-text")
        page.keyboard.press("Control+End")
        page.keyboard.type("}", delay=30)
        wait_for_previews(page, "Could not load orders")  # no request table: the request fails
        assert page.get_attribute("#kvg-editor-status", "data-state") == "ok"

        # Revert: the file's data and its render
        page.click("#kvg-editor-revert")
        wait_for_previews(page, "Hi Sam")
        assert editor_data(page)["$scenario"]["requests"]["GET /v1/users/current"]["data"]["attributes"][
            "displayName"] == "Sam Rivera"
        assert page.is_disabled("#kvg-editor-revert")
        page.wait_for_selector('section[data-view="order-activity"][data-draft="no"]', timeout=WAIT_MS)
        assert page.evaluate("window.__samePage") == 1
    finally:
        context.close()
    assert not errors, errors


def test_save_as_scenario_writes_the_file_and_the_picker_lists_it(browser, served) -> None:
    target = served.views / "mocks" / "tracking" / "late-parcel.json"
    context, page, errors = open_page(browser, f"{served.url}view/tracking?theme=dark")
    try:
        assert page.locator("nav.kvg-scenarios").count() == 0  # one scenario so far
        open_data_panel(page)
        data = editor_data(page)
        data["customer"]["name"] = "Late Parcel Person"
        page.fill("#kvg-editor-text", json.dumps(data, indent=2))
        page.fill("#kvg-scenario-name", "Bad Name")
        page.click("#kvg-scenario-save")
        page.wait_for_selector('#kvg-save-status[data-state="error"]', timeout=WAIT_MS)
        assert not target.exists()
        page.fill("#kvg-scenario-name", "late-parcel")
        page.click("#kvg-scenario-save")
        page.wait_for_url("**/view/tracking?scenario=late-parcel**", timeout=WAIT_MS)
        assert "theme=dark" in page.url
        assert json.loads(target.read_text(encoding="utf-8")) == data
        page.wait_for_selector('nav.kvg-scenarios a[data-scenario="late-parcel"][aria-current="page"]',
                               timeout=WAIT_MS)
        assert page.locator("nav.kvg-scenarios a").all_inner_texts() == ["default", "late-parcel"]
        assert "mocks/tracking/late-parcel.json" in page.inner_text("details.kvg-data > summary")

        # saving again under the same name asks first
        open_data_panel(page)
        page.fill("#kvg-editor-text", json.dumps({**data, "customer": {**data["customer"], "name": "Second"}}))
        page.fill("#kvg-scenario-name", "late-parcel")
        page.click("#kvg-scenario-save")
        page.wait_for_selector('#kvg-save-status[data-state="confirm"]', timeout=WAIT_MS)
        assert page.inner_text("#kvg-scenario-save") == "Overwrite"
        assert json.loads(target.read_text(encoding="utf-8")) == data  # not yet
        page.click("#kvg-scenario-save")
        # the page may be swapped by a live reload meanwhile: the file is what counts
        deadline = time.monotonic() + WAIT_MS / 1000
        while json.loads(target.read_text(encoding="utf-8"))["customer"]["name"] != "Second":
            assert time.monotonic() < deadline, "the overwrite never reached the file"
            assert page.locator('#kvg-save-status[data-state="error"]').count() == 0, page.inner_text("#kvg-save-status")
            page.wait_for_timeout(50)
        page.wait_for_load_state("load")
    finally:
        context.close()
    assert not errors, errors


def test_an_unsaved_edit_outlives_a_live_reload(browser, served) -> None:
    """The template changes on disk while the data is edited: reload.js swaps the view in, and
    the edit (text and previews) and the scenario name being typed are put back."""
    jsx = served.views / "kviews" / "loyalty.jsx"
    context, page, errors = open_page(browser, f"{served.url}view/loyalty")
    try:
        page.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
        open_data_panel(page)
        data = editor_data(page)
        data["customer"]["custom"]["@acmeordLoyaltyTierStr"] = "Zircon"
        edited = json.dumps(data, indent=2)
        page.fill("#kvg-editor-text", edited)
        wait_for_previews(page, "Zircon")
        page.fill("#kvg-scenario-name", "zircon-tier")  # being typed when the files change
        jsx.write_text(jsx.read_text(encoding="utf-8").replace("Loyalty tier", "Tier (renamed)"), encoding="utf-8")
        page.wait_for_function("() => Number(document.body.dataset.reloads || 0) >= 1", timeout=WAIT_MS)
        wait_for_previews(page, "Tier (renamed)")  # the new template…
        wait_for_previews(page, "Zircon")  # …with the edited data
        assert page.input_value("#kvg-editor-text") == edited
        assert page.input_value("#kvg-scenario-name") == "zircon-tier"
        assert not page.is_disabled("#kvg-editor-revert")
    finally:
        context.close()
    assert not errors, errors


def test_an_overwrite_to_confirm_outlives_a_live_reload(browser, served) -> None:
    """Saving under an existing scenario's name asks to confirm; a live reload that swaps the
    view in meanwhile (the save's own file, another edit) keeps the question and its button."""
    jsx = served.views / "kviews" / "customer-overview.jsx"
    context, page, errors = open_page(browser, f"{served.url}view/customer-overview")
    try:
        page.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
        open_data_panel(page)
        page.fill("#kvg-scenario-name", "vip")
        page.click("#kvg-scenario-save")
        page.wait_for_selector('#kvg-save-status[data-state="confirm"]', timeout=WAIT_MS)
        reloads = page.evaluate("() => Number(document.body.dataset.reloads || 0)")
        jsx.write_text(jsx.read_text(encoding="utf-8").replace('label="Email"', 'label="E-mail"'), encoding="utf-8")
        page.wait_for_function("n => Number(document.body.dataset.reloads || 0) > n", arg=reloads, timeout=WAIT_MS)
        wait_for_previews(page, "E-mail")
        page.wait_for_selector('#kvg-save-status[data-state="confirm"]', timeout=WAIT_MS)
        assert "Scenario 'vip' exists" in page.inner_text("#kvg-save-status")
        assert page.inner_text("#kvg-scenario-save") == "Overwrite"
    finally:
        context.close()
    assert not errors, errors


# ---------------------------------------------------------------------- copy buttons
def test_copy_buttons_put_the_right_text_on_the_clipboard(browser, served) -> None:
    from devserver.build import build

    context, page, errors = open_page(browser, f"{served.url}view/recent-orders", clipboard=served.url.rstrip("/"))
    clip = lambda: page.evaluate("navigator.clipboard.readText()")  # noqa: E731
    try:
        template = page.locator("details:has(.kvg-src)")
        was_open = template.evaluate("d => d.open")
        page.click('button[data-copy="kvg-copy-source"]')
        page.wait_for_selector('button[data-copy="kvg-copy-source"][data-copied="yes"]', timeout=WAIT_MS)
        assert page.inner_text('button[data-copy="kvg-copy-source"]') == "Copied"
        assert clip() == (served.views / "kviews" / "recent-orders.jsx").read_text(encoding="utf-8")
        assert template.evaluate("d => d.open") == was_open  # the button in the summary does not toggle it

        for theme in ("light", "dark"):
            page.click(f'button[data-copy="kvg-html-{theme}"]')
            page.wait_for_selector(f'button[data-copy="kvg-html-{theme}"][data-copied="yes"]', timeout=WAIT_MS)
            rendered = page.request.get(f"{served.url}render/recent-orders?theme={theme}").text()
            assert clip() == rendered and f"kview-theme-{theme}" in rendered

        page.click('button[data-copy="kvg-definition"]')
        page.wait_for_selector('button[data-copy="kvg-definition"][data-copied="yes"]', timeout=WAIT_MS)
        entry = json.loads(clip())
        assert entry in json.loads(build(served.views))["kviews"]
        assert entry["name"] == "kustomer.app.acme_orders.recent-orders"

        open_data_panel(page)
        page.fill("#kvg-editor-text", '{"customer": {"name": "Copied Person"}, "orders": []}')
        page.click('button[data-copy="kvg-editor-text"]')
        page.wait_for_selector('button[data-copy="kvg-editor-text"][data-copied="yes"]', timeout=WAIT_MS)
        assert json.loads(clip()) == {"customer": {"name": "Copied Person"}, "orders": []}
        page.wait_for_function("() => document.querySelector('button[data-copy=\"kvg-copy-source\"]')"
                               ".textContent === 'Copy source'", timeout=WAIT_MS)  # the confirmation goes
    finally:
        context.close()
    assert not errors, errors


def test_copy_falls_back_without_the_clipboard_api(browser, served) -> None:
    context, page, errors = open_page(browser, f"{served.url}view/recent-orders", clipboard=served.url.rstrip("/"))
    try:
        # as in a browser without navigator.clipboard: the hidden-textarea copy is used
        page.evaluate("""() => {
            window.__copied = null;
            Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
            document.addEventListener('copy', e => { window.__copied = document.getSelection().toString(); });
        }""")
        page.click('button[data-copy="kvg-definition"]')
        page.wait_for_selector('button[data-copy="kvg-definition"][data-copied]', timeout=WAIT_MS)
        assert json.loads(page.evaluate("window.__copied"))["name"] == "kustomer.app.acme_orders.recent-orders"
        assert page.locator("body > textarea").count() == 0  # the helper textarea is gone
    finally:
        context.close()
    assert not errors, errors


# ---------------------------------------------------------------------- filter box, status dots
def visible_views(page) -> list[str]:
    return page.eval_on_selector_all("#kvg-main > section.kvg-view", "els => els.filter(e => e.offsetParent)"
                                     ".map(e => e.dataset.view)")


def visible_nav(page) -> list[str]:
    return page.eval_on_selector_all(".kvg-nav-item[data-view]", "els => els.filter(e => e.offsetParent)"
                                     ".map(e => e.dataset.view)")


def test_filter_box_hides_views_that_do_not_match(browser, served) -> None:
    context, page, errors = open_page(browser, served.url)
    try:
        every = visible_views(page)
        assert len(every) >= 9
        page.keyboard.press("/")  # the shortcut focuses the box
        assert page.evaluate("document.activeElement.id") == "kvg-filter"
        page.keyboard.type("order")
        shown = visible_views(page)
        hay = dict(page.eval_on_selector_all(
            "#kvg-main > section.kvg-view", "els => els.map(s => [s.dataset.view, [s.dataset.view,"
            " s.querySelector('h2').textContent, s.querySelector('.kvg-chip-ctx').textContent].join(' ').toLowerCase()])"))
        assert shown == [v for v in every if "order" in hay[v]]  # its name, title or context
        assert shown and set(shown) < set(every)
        assert "loyalty" not in shown and "loyalty" not in visible_nav(page)
        assert visible_nav(page) == shown
        page.screenshot(path="/tmp/kview-tools-filter.png")
        page.fill("#kvg-filter", "timeline")  # a context: expanded-timeline
        timeline = visible_views(page)
        assert timeline and all(page.get_attribute(f'section[data-view="{v}"] .kvg-chip-ctx', "class") for v in timeline)
        assert all(page.inner_text(f'section[data-view="{v}"] .kvg-chip-ctx') == "expanded-timeline" for v in timeline)
        page.fill("#kvg-filter", "no such view")
        assert visible_views(page) == [] and page.is_visible("#kvg-filter-none")
        page.focus("#kvg-filter")
        page.keyboard.press("Escape")
        assert visible_views(page) == every and not page.is_visible("#kvg-filter-none")
    finally:
        context.close()
    assert not errors, errors


def test_every_view_section_shows_its_status_dot(browser, served) -> None:
    context, page, errors = open_page(browser, served.url)
    try:
        dots = page.eval_on_selector_all(
            "#kvg-main > section.kvg-view",
            "els => els.map(s => { const t = s.querySelector('.kvg-view-title'); const d = t.querySelector('.kvg-dot');"
            " return [s.dataset.view, t.dataset.status, getComputedStyle(d).backgroundColor, d.offsetWidth]; })")
        assert len(dots) >= 9
        side = dict(page.eval_on_selector_all(
            ".kvg-nav-item[data-view]", "els => els.map(e => [e.dataset.view, getComputedStyle(e.querySelector('.kvg-dot')).backgroundColor])"))
        for view, status, colour, width in dots:
            assert status == "ok" and width == 8, view
            assert colour == side[view], view  # the same colour as the sidebar's dot
    finally:
        context.close()
    assert not errors, errors


# ---------------------------------------------------------------------- ?theme=system
def luminance(css_colour: str) -> float:
    parts = css_colour[css_colour.index("(") + 1 : css_colour.index(")")].replace(",", " ").split()
    r, g, b = (float(p) / 255 for p in parts[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_theme_system_follows_the_color_scheme(browser, served, scheme: str) -> None:
    context, page, errors = open_page(browser, f"{served.url}view/recent-orders?theme=system", scheme)
    try:
        assert page.locator(".kvg-pane").count() == 1
        assert page.text_content(".kvg-pane-label span") == "System"
        assert page.get_attribute('a.kvg-seg:has-text("System")', "aria-pressed") == "true"
        root = page.locator('.kvg-frame[data-theme="system"] .kvg-preview > .kview')
        assert "kview-theme-system" in (root.get_attribute("class") or "")
        text_colour = root.evaluate("e => getComputedStyle(e).color")
        surface = page.eval_on_selector('.kvg-frame[data-theme="system"]', "e => getComputedStyle(e).backgroundColor")
        chrome = page.eval_on_selector("body", "e => getComputedStyle(e).backgroundColor")
        dark = scheme == "dark"
        assert (luminance(text_colour) > 0.6) == dark, text_colour
        assert (luminance(surface) < 0.2) == dark, surface
        assert (luminance(chrome) < 0.2) == dark, chrome
        page.screenshot(path=f"/tmp/kview-tools-system-{scheme}.png")
    finally:
        context.close()
    assert not errors, errors


def test_serve_theme_system_is_the_default_of_every_page(browser, tmp_path) -> None:
    """``kview serve --theme system``: pages without ``?theme=`` show one pane following the OS."""
    views = tmp_path / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    with kview_serve(views, "--theme", "system", "--no-reload") as srv:
        context, page, errors = open_page(browser, f"{srv.url}view/recent-orders", "dark")
        try:
            assert page.locator(".kvg-pane").count() == 1
            assert page.text_content(".kvg-pane-label span") == "System"
            root = page.locator('.kvg-frame[data-theme="system"] .kvg-preview > .kview')
            assert luminance(root.evaluate("e => getComputedStyle(e).color")) > 0.6  # light text: dark
        finally:
            context.close()
    assert not errors, errors
