"""The gallery in real Chromium runs no script but kview's own.

- reload.js shows what errors say as text: a template error and an SSE ``error`` event whose
  every field is an ``<img onerror>`` payload show as text, and no handler runs.
- Defence in depth: a render whose HTML smuggles script past the renderer's sanitizer (the slip
  is simulated by patching the render the server calls) runs nothing under the gallery's CSP;
  the same page without the CSP does run it, so the test would see a failure.
- DynamicCard iframes still load the developer's widget page (and its own script runs there).
"""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from devserver.project import inputs as inputs_module
from devserver.web import ServerConfig, guard
from devserver.web.server import DevServer
from renderer import RenderResult

pytestmark = pytest.mark.browser

WAIT_MS = 10_000
PAYLOAD = '<img src=x onerror="window.__pwned=(window.__pwned||[]).concat(\'img\')">'
# what the renderer's sanitizer must never let through, here as if it had
SLIPPED = (
    '<div class="kview kview-theme-light"><p id="slipped">slipped</p>'
    '<img id="evil-img" src="x" onerror="window.__pwned=(window.__pwned||[]).concat(\'onerror\')">'
    '<script>window.__pwned=(window.__pwned||[]).concat(\'script\')</script>'
    '<svg onload="window.__pwned=(window.__pwned||[]).concat(\'svg\')"></svg>'
    '<a id="js-link" href="javascript:window.__pwned=(window.__pwned||[]).concat(\'href\')">go</a>'
    '<iframe id="srcdoc" srcdoc="<script>parent.__pwned=(parent.__pwned||[]).concat(\'srcdoc\')</script>"></iframe>'
    "</div>"
)
# recorded from before any page script runs (Playwright's init scripts are not subject to CSP)
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__violations.push(e.effectiveDirective), true);
"""


def write_app(root: Path, views: dict[str, str]) -> Path:
    (root / "kviews").mkdir(parents=True)
    for name, src in views.items():
        (root / "kviews" / f"{name}.jsx").write_text(src, encoding="utf-8")
    return root


@pytest.fixture
def open_page(browser):
    contexts = []

    def _open(url: str):
        context = browser.new_context()
        contexts.append(context)
        pg = context.new_page()
        pg.dialogs = []
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.add_init_script(RECORD_VIOLATIONS)
        pg.goto(url, wait_until="load")
        return pg

    yield _open
    for context in contexts:
        context.close()


def pwned(page) -> list[str]:
    return page.evaluate("window.__pwned || []")


# ---------------------------------------------------------------------- reload.js
def test_error_text_is_shown_as_text(tmp_path: Path, open_page) -> None:
    app = write_app(tmp_path / "app", {
        "ok": "<p>fine</p>\n",
        "hostile": f"const x = 1;\nthrow new Error({json.dumps(PAYLOAD + ' <!--<script>alert(1)</script>')});\n",
    })
    with DevServer(ServerConfig(views_dir=app, debounce=0.1), port=0).start() as server:
        page = open_page(server.url)
        page.wait_for_selector('#kvg-live[data-state="live"]', timeout=WAIT_MS)
        overlay = page.locator("#kvg-overlay")
        overlay.wait_for(state="visible", timeout=WAIT_MS)
        # the page's own errors (the #kvg-errors JSON): the message is text
        message = overlay.locator(".kvg-ov-msg").first.text_content()
        assert PAYLOAD in message and "<!--<script>alert(1)</script>" in message
        assert overlay.locator("img, script").count() == 0

        # an SSE error event: every field is a payload, none becomes markup
        event = {"view": PAYLOAD, "title": PAYLOAD, "error": {
            "kind": PAYLOAD, "js_type": PAYLOAD, "message": PAYLOAD, "file": PAYLOAD,
            "line": PAYLOAD, "column": PAYLOAD, "frame": f"> 1 | {PAYLOAD}\n    | ^ {PAYLOAD}"}}
        assert server.state.broadcaster.publish("error", event) == 1
        # a function, not an expression: Playwright evals expressions, which the CSP forbids
        page.wait_for_function("() => document.querySelectorAll('#kvg-overlay .kvg-ov-item').length === 2",
                               timeout=WAIT_MS)
        item = overlay.locator(".kvg-ov-item").last
        assert item.get_attribute("data-view") == PAYLOAD
        text = item.text_content()
        # title, kind, "line …, column …", message, "file:line:column", the frame's two lines
        assert text.count(PAYLOAD) == 10, text
        assert f"line {PAYLOAD}, column {PAYLOAD}" in text
        assert item.locator(".kvg-ov-loc").text_content() == f"{PAYLOAD}:{PAYLOAD}:{PAYLOAD}"
        assert item.locator(".kvg-code-frame .kvg-fl").count() == 2
        assert page.locator("#kvg-overlay img, #kvg-overlay script, #kvg-overlay svg").count() == 0
        page.wait_for_timeout(300)  # an <img src=x> would have failed to load by now
        assert pwned(page) == [] and page.dialogs == []


# ---------------------------------------------------------------------- CSP, defence in depth
@pytest.fixture
def slipped_server(tmp_path: Path, monkeypatch) -> Iterator[DevServer]:
    app = write_app(tmp_path / "app", {"card": "<p>fine</p>\n"})
    monkeypatch.setattr(inputs_module, "render", lambda *a, **k: RenderResult(html=SLIPPED))
    with DevServer(ServerConfig(views_dir=app, reload=False), port=0).start() as server:
        yield server


def click_js_link(page) -> None:
    page.locator('section[data-view="card"] #js-link').first.click()
    page.wait_for_timeout(300)


def test_csp_stops_script_that_slipped_past_the_sanitizer(slipped_server, open_page) -> None:
    for path in ("", "view/card"):
        page = open_page(slipped_server.url + path)
        assert page.locator("#slipped").count() >= 1  # the slipped HTML is on the page ...
        assert page.locator("#evil-img").count() >= 1
        click_js_link(page)
        page.wait_for_timeout(300)
        assert pwned(page) == [], path  # ... and none of it ran
        assert page.dialogs == []
        violations = set(page.evaluate("window.__violations"))
        assert {"script-src-attr", "script-src-elem"} <= violations, violations
    # the gallery's own script (static/reload.js) still runs
    assert page.get_attribute("#kvg-live", "data-state") in ("connecting", "off", "live")
    assert page.evaluate("window.__kviewReload") is True


def test_without_the_csp_the_slipped_html_would_run(slipped_server, open_page, monkeypatch) -> None:
    """The control: proves the payload is live, so the test above can fail."""
    monkeypatch.delitem(guard.SECURITY_HEADERS, "Content-Security-Policy")
    page = open_page(slipped_server.url + "view/card")
    # static/interact.js stops preview links from navigating (a second layer): the control
    # measures the payload alone, without it
    page.route("**/static/interact.js*", lambda route: route.abort())
    page.reload()
    page.wait_for_function("() => (window.__pwned || []).includes('onerror')", timeout=WAIT_MS)
    click_js_link(page)
    assert {"onerror", "script", "href"} <= set(pwned(page)), pwned(page)


# ---------------------------------------------------------------------- DynamicCard
class _Widget(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        body = b"<!doctype html><p id=w>widget</p><script>document.body.dataset.ran = 'yes'</script>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_dynamic_card_iframes_still_load(tmp_path: Path, open_page) -> None:
    widget = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Widget)
    threading.Thread(target=widget.serve_forever, daemon=True).start()
    try:
        src = f"http://127.0.0.1:{widget.server_address[1]}/card"
        app = write_app(tmp_path / "app", {"dyn": f'<DynamicCard src="{src}" height={{120}} />\n'})
        with DevServer(ServerConfig(views_dir=app, reload=False), port=0).start() as server:
            page = open_page(server.url + "view/dyn")
            frame = page.frame_locator('section[data-view="dyn"] .kvg-frame[data-theme="light"] iframe')
            frame.locator("body[data-ran='yes'] #w").wait_for(timeout=WAIT_MS)
            assert frame.locator("#w").text_content() == "widget"
            assert "frame-src" not in page.evaluate("window.__violations")
    finally:
        widget.shutdown()
        widget.server_close()


# ---------------------------------------------------------------------- kview render --page
def test_standalone_page_runs_no_script(browser, tmp_path: Path) -> None:
    """Its inline CSS, style props and template <style> rules still apply: test_themes.py."""
    from devserver.web.page import standalone_page

    path = tmp_path / "page.html"
    path.write_text(standalone_page(SLIPPED, title="t"), encoding="utf-8")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        page.goto(path.as_uri(), wait_until="load")
        assert page.locator("#evil-img").count() == 1
        page.click("#js-link")
        page.wait_for_timeout(300)
        assert pwned(page) == []
        assert "script-src-elem" in page.evaluate("window.__violations")
    finally:
        context.close()
