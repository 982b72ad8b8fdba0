"""Hot reload in real Chromium against a real ``kview serve`` (a subprocess on port 0 serving a
copy of ``sample_views``): an edit is painted without reloading the page (a marker set on
``window`` survives, the patched preview's nodes are the same objects, the scroll position stays),
for a template, a mock, a component and an atomic save; a syntax error shows the overlay
(file:line:column, code frame) over the last good render and fixing it clears it; the morph keeps
what the user did (focus, typed text, selection, open <details>); ``kview:beforepatch`` can keep a
preview from being patched; a restarted server (same port) is picked up by the open page; an app
whose app.json is broken at start shows the error and recovers when it is fixed.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import time
from pathlib import Path

import pytest

from tests.support.serve import kview_serve, start

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WAIT_MS = 10_000


@pytest.fixture(scope="module")
def app(tmp_path_factory) -> Path:
    views = tmp_path_factory.mktemp("hmr") / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    return views


@pytest.fixture(scope="module")
def served(app: Path):
    with kview_serve(app) as s:
        yield s


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1400, "height": 700})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(served.url, wait_until="load")
    pg.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
    pg.evaluate("() => { window.__kvMarker = 'still here'; }")
    yield pg
    context.close()
    assert not errors, errors


class Edit:
    """Edits a file of the app and puts it back afterwards."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.original = path.read_text(encoding="utf-8")

    def replace(self, old: str, new: str, *, atomic: bool = False) -> None:
        assert old in self.original, old
        text = self.original.replace(old, new, 1)
        if atomic:  # an editor's atomic save: a temp file renamed onto the real one
            tmp = self.path.with_name(f".{self.path.name}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, self.path)
        else:
            self.path.write_text(text, encoding="utf-8")

    def restore(self) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def preview_sel(view: str, theme: str) -> str:
    return f'section[data-view="{view}"] .kvg-pane[data-theme="{theme}"] .kvg-preview'


def wait_text(page, view: str, text: str, theme: str = "dark") -> None:
    page.wait_for_function(
        "([sel, text]) => { const el = document.querySelector(sel); return !!el && el.textContent.includes(text); }",
        arg=[preview_sel(view, theme), text], timeout=WAIT_MS)


def tag_nodes(page, view: str) -> None:
    """Mark the view's preview roots: a patched node that was replaced loses the mark."""
    page.evaluate("""sel => document.querySelectorAll(sel).forEach(el => {
        el.firstElementChild.__kvKept = true; })""", f'section[data-view="{view}"] .kvg-preview')


def assert_patched_in_place(page, view: str) -> None:
    assert page.evaluate("() => window.__kvMarker") == "still here"  # no page reload
    kept = page.evaluate("""sel => Array.from(document.querySelectorAll(sel),
        el => el.firstElementChild && el.firstElementChild.__kvKept === true)""",
                         f'section[data-view="{view}"] .kvg-preview')
    assert kept and all(kept), kept  # the preview's root element is the same node


@pytest.mark.parametrize("atomic", [False, True], ids=["plain-write", "atomic-save"])
def test_template_edit_is_patched_in_place_keeping_scroll(page, app: Path, atomic: bool) -> None:
    view = "order-activity"
    page.evaluate("sel => document.querySelector(sel).scrollIntoView()", f'section[data-view="{view}"]')
    page.evaluate("() => window.scrollBy(0, 37)")
    y = page.evaluate("() => window.scrollY")
    assert y > 100
    tag_nodes(page, view)
    edit = Edit(app / "kviews" / f"{view}.jsx")
    marker = "Hot edit atomic" if atomic else "Hot edit plain"
    try:
        edit.replace("\n    <Segment>\n", f"\n    <Segment><p>{marker}</p>\n", atomic=atomic)
        wait_text(page, view, marker, "dark")
        wait_text(page, view, marker, "light")
        assert_patched_in_place(page, view)
        assert page.evaluate("() => window.scrollY") == y
        assert page.locator("#kvg-overlay:not([hidden])").count() == 0
    finally:
        edit.restore()
    page.wait_for_function("([sel, t]) => !document.querySelector(sel).textContent.includes(t)",
                           arg=[preview_sel(view, "dark"), marker], timeout=WAIT_MS)


def test_mock_edit_is_patched_in_place(page, app: Path) -> None:
    tag_nodes(page, "recent-orders")
    edit = Edit(app / "mocks" / "recent-orders.json")
    try:
        edit.replace('"number": "4417"', '"number": "9917"')
        wait_text(page, "recent-orders", "#9917")
        assert_patched_in_place(page, "recent-orders")
    finally:
        edit.restore()
    wait_text(page, "recent-orders", "#4417")


def test_component_edit_is_patched_in_place(page, app: Path) -> None:
    tag_nodes(page, "recent-orders")
    before = page.locator(preview_sel("loyalty", "light")).inner_html()
    edit = Edit(app / "components" / "StatusPill.jsx")
    try:
        edit.replace("text={_.startCase(status)}", "text={'Now ' + _.startCase(status)}")
        wait_text(page, "recent-orders", "Now Shipped")
        assert_patched_in_place(page, "recent-orders")
        assert page.locator(preview_sel("loyalty", "light")).inner_html() == before
    finally:
        edit.restore()
    page.wait_for_function("sel => !document.querySelector(sel).textContent.includes('Now Shipped')",
                           arg=preview_sel("recent-orders", "dark"), timeout=WAIT_MS)


def test_syntax_error_overlay_over_the_last_good_render_then_fixed(page, app: Path) -> None:
    view = "customer-overview"
    sec = f'section[data-view="{view}"]'
    edit = Edit(app / "kviews" / f"{view}.jsx")
    lines = edit.original.splitlines()
    bad = next(i for i, t in enumerate(lines, 1) if '<BasicRow label="Email"' in t)
    try:
        edit.replace(lines[bad - 1], lines[bad - 1].replace("/>", ""))  # an unclosed JSX tag
        overlay = page.locator("#kvg-overlay")
        overlay.wait_for(state="visible", timeout=WAIT_MS)
        item = overlay.locator(f'.kvg-ov-item[data-view="{view}"]')
        loc = item.locator(".kvg-ov-loc").inner_text()
        assert re.fullmatch(rf"kviews/{view}\.jsx:\d+:\d+", loc), loc
        assert item.locator(".kvg-code-frame .kvg-fl-hit").count() == 1
        # the section shows the error card beside the last good render, dimmed
        page.wait_for_selector(f'{sec}[data-state="error"]', timeout=WAIT_MS)
        assert page.locator(f"{sec} .kvg-pane.is-stale .kvg-preview").count() == 2
        assert "Issue credit" in page.locator(f"{sec} .kvg-pane.is-stale").first.inner_text()
        assert page.locator(f'#kvg-sidebar .kvg-nav-item[data-view="{view}"]').get_attribute("data-status") == "err"
        edit.restore()
        overlay.wait_for(state="hidden", timeout=WAIT_MS)
        page.wait_for_selector(f'{sec}[data-state="ok"]', timeout=WAIT_MS)
        assert page.locator(f'#kvg-sidebar .kvg-nav-item[data-view="{view}"]').get_attribute("data-status") != "err"
        assert page.evaluate("() => window.__kvMarker") == "still here"
    finally:
        edit.restore()


def test_beforepatch_listener_can_keep_a_preview(page, app: Path) -> None:
    page.evaluate("""() => {
        window.__kvSeen = [];
        document.addEventListener('kview:beforepatch', ev => {
            window.__kvSeen.push([ev.detail.view, ev.detail.theme, ev.detail.scenario,
                                  ev.detail.preview.classList.contains('kvg-preview'), typeof ev.detail.html]);
            if (ev.detail.theme === 'light') ev.preventDefault();
        });
        document.addEventListener('kview:reloaded', ev => { window.__kvReloaded = ev.detail.views; });
    }""")
    edit = Edit(app / "kviews" / "loyalty.jsx")
    try:
        edit.replace("<Segment>", "<Segment><p>Only dark</p>")
        wait_text(page, "loyalty", "Only dark", "dark")
        assert "Only dark" not in page.locator(preview_sel("loyalty", "light")).inner_text()
        seen = page.evaluate("() => window.__kvSeen")
        assert ["loyalty", "light", "default", True, "string"] in seen
        assert ["loyalty", "dark", "default", True, "string"] in seen
        page.wait_for_function("() => (window.__kvReloaded || []).includes('loyalty')", timeout=WAIT_MS)
    finally:
        edit.restore()


def test_morph_keeps_focus_typed_text_selection_and_open_details(page) -> None:
    result = page.evaluate("""() => {
        const host = document.createElement('div');
        host.innerHTML = '<p class="a">old</p><details><summary>s</summary>x</details>' +
                         '<input value="server"><span>gone</span>';
        document.body.appendChild(host);
        const p = host.querySelector('p'), details = host.querySelector('details');
        const input = host.querySelector('input');
        details.open = true;
        input.focus(); input.value = 'typed by me'; input.setSelectionRange(2, 5);
        const tpl = document.createElement('template');
        tpl.innerHTML = '<div><p class="b" data-x="1">new</p><details><summary>s2</summary>x</details>' +
                        '<input value="server v2"><em>added</em></div>';
        window.kviewMorph(host, tpl.content.firstChild);
        const out = {
            sameP: host.querySelector('p') === p, cls: p.className, data: p.dataset.x, text: p.textContent,
            sameDetails: host.querySelector('details') === details, open: details.open,
            summary: details.querySelector('summary').textContent,
            focused: document.activeElement === input, value: input.value,
            sel: [input.selectionStart, input.selectionEnd],
            tail: host.lastElementChild.outerHTML, n: host.children.length,
        };
        host.remove();
        return out;
    }""")
    assert result == {
        "sameP": True, "cls": "b", "data": "1", "text": "new",
        "sameDetails": True, "open": True, "summary": "s2",
        "focused": True, "value": "typed by me", "sel": [2, 5],
        "tail": "<em>added</em>", "n": 4,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_server_restart_on_the_same_port_is_picked_up(browser, tmp_path: Path) -> None:
    views = tmp_path / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    port = free_port()
    first = start(views, "--port", str(port))  # the later --port wins over start()'s --port 0
    second = None
    context = browser.new_context(viewport={"width": 1400, "height": 700})
    try:
        assert first.port == port
        pg = context.new_page()
        pg.goto(first.url, wait_until="load")
        pg.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
        boot = pg.evaluate("() => document.body.dataset.boot")
        first.stop()
        pg.wait_for_selector('#kvg-live[data-state="down"]', timeout=WAIT_MS)
        Edit(views / "kviews" / "loyalty.jsx").replace("<Segment>", "<Segment><p>Edited while down</p>")
        time.sleep(0.2)
        second = start(views, "--port", str(port))
        # the page reconnects by itself, sees a new process and shows the current state
        wait_text(pg, "loyalty", "Edited while down", "light")
        pg.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
        assert pg.evaluate("() => document.body.dataset.boot") not in (None, boot)
    finally:
        context.close()
        first.stop()
        if second is not None:
            second.stop()


def test_view_page_of_another_scenario_fetches_it_and_patches_in_place(browser, served, app: Path) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 700})
    try:
        pg = context.new_page()
        pg.goto(served.url + "view/customer-overview?scenario=vip", wait_until="load")
        pg.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
        pg.evaluate("() => { window.__kvMarker = 'still here'; }")
        tag_nodes(pg, "customer-overview")
        edit = Edit(app / "kviews" / "customer-overview.jsx")
        try:
            edit.replace('text="Issue credit"', 'text="Issue VIP credit"')
            wait_text(pg, "customer-overview", "Issue VIP credit", "light")
            wait_text(pg, "customer-overview", "Issue VIP credit", "dark")
            assert_patched_in_place(pg, "customer-overview")
            # the template panel of the view page follows too
            pg.wait_for_function("() => document.querySelector('.kvg-details .kvg-src').textContent"
                                 ".includes('Issue VIP credit')", timeout=WAIT_MS)
        finally:
            edit.restore()
    finally:
        context.close()


def test_an_app_broken_at_start_shows_its_error_then_recovers(browser, tmp_path: Path) -> None:
    """``kview serve`` on a folder whose app.json does not parse: the server starts, the gallery
    shows the located error (and the views it can), and fixing the file clears it, live."""
    views = tmp_path / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    definition = Edit(views / "app.json")
    definition.replace('"version": "0.1.0",', '"version": "0.1.0"')  # a missing comma
    with kview_serve(views) as srv:
        context = browser.new_context(viewport={"width": 1400, "height": 700})
        page = context.new_page()
        try:
            page.goto(srv.url, wait_until="load")
            page.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
            problem = page.locator(".kvg-app-error")
            assert re.search(r"app\.json:4:\d+", problem.inner_text()), problem.inner_text()
            assert page.locator("#kvg-overlay:not([hidden])").count() == 1
            assert page.locator("section[data-view]").count() > 0  # the views still render
            page.evaluate("() => { window.__kvMarker = 'still here'; }")
            definition.restore()
            problem.wait_for(state="detached", timeout=WAIT_MS)
            page.locator("#kvg-overlay").wait_for(state="hidden", timeout=WAIT_MS)
            assert page.evaluate("() => window.__kvMarker") == "still here"  # swapped in place
        finally:
            context.close()


def test_a_view_added_then_removed_leaves_the_other_cards_and_their_frames_alone(page, app: Path) -> None:
    """Adding or removing a view changes the gallery's list, and the page fetches it; the cards
    the change does not name stay the same nodes, so the tracking view's DynamicCard frame is
    neither moved nor reloaded (a widget's state, here a marker in its window, survives)."""
    frame_sel = 'section[data-view="tracking"] .kvg-pane[data-theme="light"] iframe[data-kv-card-id]'
    # a view far down the gallery is laid out, and its lazy frame loaded, when scrolled near
    page.locator('section[data-view="tracking"]').scroll_into_view_if_needed()
    page.wait_for_function("sel => (document.querySelector(sel).getAttribute('src') || '').startsWith('/_kview/pages/')",
                           arg=frame_sel, timeout=WAIT_MS)
    frame = page.frame_locator(frame_sel)
    frame.locator("#shipment").filter(has_text="Order #").wait_for(timeout=WAIT_MS)
    handle = page.locator(frame_sel).element_handle()
    assert handle is not None
    inner = handle.content_frame()
    assert inner is not None
    inner.evaluate("() => { window.__kvWidgetMarker = 'kept'; }")
    page.evaluate("sel => { document.querySelector(sel).__kvKept = true; }", frame_sel)

    def frame_kept() -> None:
        assert page.evaluate("sel => document.querySelector(sel).__kvKept === true", frame_sel)
        assert inner.evaluate("() => window.__kvWidgetMarker") == "kept"  # the frame did not reload
        assert page.evaluate("() => window.__kvMarker") == "still here"  # nor did the page

    jsx, meta = app / "kviews" / "zz-added.jsx", app / "kviews" / "zz-added.json"
    jsx.write_text("<div>Added later</div>\n", encoding="utf-8")
    meta.write_text('{"resource": "customer", "meta": {"displayName": "Added later"}}', encoding="utf-8")
    try:
        wait_text(page, "zz-added", "Added later")
        frame_kept()
    finally:
        jsx.unlink()
        meta.unlink()
    page.locator('section[data-view="zz-added"]').wait_for(state="detached", timeout=WAIT_MS)
    assert page.locator('#kvg-sidebar [data-view="zz-added"]').count() == 0
    frame_kept()
