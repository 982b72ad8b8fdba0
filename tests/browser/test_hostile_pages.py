"""The hostile payloads of tests/html/test_hostile.py in real Chromium: nothing runs.

Each batch of payloads becomes one template (every payload a component, so each keeps its own
``d``), shown two ways: rendered by ``kview render --page`` (the CLI, in a subprocess) to a file
served by a tiny local HTTP server, and as a view of an app in the dev server's gallery (its
sanitizer and its CSP both in force, light and dark panes). The page is opened with every other request aborted (no navigation can
leave it), every element is hovered and focused, every link, button and input clicked and every
form submitted; no dialog may open and ``window.__pwned`` may not be set (an init script traps
it) in the page, its frames or any popup. A control page of raw hostile markup (not rendered by
kview) shows the harness does see script run.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.html.test_hostile import PAYLOADS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
BATCH = 16
TRAP = """
Object.defineProperty(window, '__pwned', {
  configurable: false,
  get() { return undefined; },
  set(v) { console.log('KV-PWNED'); },
});
"""
POKE = """
async () => {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const all = (sel) => Array.from(document.querySelectorAll(sel));
  for (const el of all('*')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'focusin']) el.dispatchEvent(new Event(type));
  }
  const clickable = all('a, area, button, input, summary, label, [tabindex], [href]');
  for (const el of clickable) {
    el.dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));
    await sleep(20);
  }
  for (const form of all('form')) {
    try { form.requestSubmit(); } catch (e) {}
    await sleep(20);
  }
  await sleep(300);
  return all('section[id^="p"]').length;
}
"""
CONTROL = """<!doctype html><html><body>
<img src="x" onerror="alert('c-img')">
<a href="javascript:alert('c-link')">l</a>
<form action="javascript:alert('c-form')"><button>go</button></form>
<iframe srcdoc="<script>alert('c-srcdoc')</script>"></iframe>
<svg><a><set attributeName="href" to="javascript:alert('c-svg')"></set><text y="20">t</text></a></svg>
<div onmouseover="window.__pwned = 1">m</div>
</body></html>"""


def batch_template(batch: list[tuple[str, str, dict]]) -> str:
    parts = [f"function P{i}({{d}}) {{ return <>{source}</>; }}" for i, (_, source, _) in enumerate(batch)]
    sections = "".join(f'<section id="p{i}"><P{i} d={{D[{i}]}} /></section>' for i in range(len(batch)))
    return "\n".join(parts) + f"\n<div>{sections}</div>\n"


CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\n?')


def kview_page(tmp: Path, index: int, batch: list[tuple[str, str, dict]]) -> Path:
    src = tmp / f"hostile{index}.jsx"
    src.write_text(batch_template(batch), encoding="utf-8")
    data = tmp / f"hostile{index}.json"
    data.write_text(json.dumps({"D": [d for _, _, d in batch]}), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", "from devserver.cli import main; main()", "render", str(src),
         "--data", str(data), "--page"],
        capture_output=True, text=True, env=env, timeout=120, cwd=ROOT,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    # The page's CSP meta would stop script on its own; take it out so that what is tested here
    # is the renderer's sanitizer (the CSP has its own test in test_server_hardening.py).
    html, found = CSP_META.subn("", proc.stdout)
    assert found == 1, "kview render --page no longer writes its CSP meta: update this test"
    page = tmp / f"hostile{index}.html"
    page.write_text(html, encoding="utf-8")
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The pages (kview's, one per batch, and the control) served on 127.0.0.1."""
    tmp = tmp_path_factory.mktemp("hostile")
    batches = [PAYLOADS[i : i + BATCH] for i in range(0, len(PAYLOADS), BATCH)]
    pages = [kview_page(tmp, i, b).name for i, b in enumerate(batches)]
    (tmp / "control.html").write_text(CONTROL, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", pages, batches
    server.shutdown()
    server.server_close()


def poke(browser, url: str, same_origin: str | None = None) -> tuple[list[str], int]:
    """Open ``url`` alone (every other request aborted; with ``same_origin``, that origin's
    subresources load, e.g. the gallery's CSS and script), touch everything: (what ran, how
    many payload sections the page has)."""
    context = browser.new_context()
    ran: list[str] = []
    loaded = {"done": False}

    def route(r):
        req = r.request
        if not loaded["done"] and req.url == url:
            r.continue_()
        elif same_origin and req.url.startswith(same_origin) and not req.is_navigation_request():
            r.continue_()
        else:
            r.abort("aborted")

    def on_dialog(d):
        ran.append(f"dialog: {d.message}")
        d.dismiss()

    context.route("**/*", route)
    context.add_init_script(TRAP)
    context.on("dialog", on_dialog)
    context.on("console", lambda m: ran.append("marker") if "KV-PWNED" in m.text else None)
    try:
        page = context.new_page()
        page.goto(url, wait_until="load", timeout=20_000)
        loaded["done"] = True
        page.wait_for_timeout(200)
        sections = page.evaluate(POKE)
        page.wait_for_timeout(200)
    finally:
        context.close()
    return ran, sections


def test_control_page_shows_the_harness_sees_script(browser, site) -> None:
    base, _, _ = site
    ran, _ = poke(browser, f"{base}/control.html")
    for marker in ("c-img", "c-link", "c-form", "c-srcdoc", "c-svg"):
        assert f"dialog: {marker}" in ran, ran
    assert "marker" in ran, ran


def test_enough_payloads_in_the_browser(site) -> None:
    _, _, batches = site
    assert sum(len(b) for b in batches) >= 40


@pytest.mark.parametrize("index", range((len(PAYLOADS) + BATCH - 1) // BATCH))
def test_hostile_page_runs_nothing(browser, site, index: int) -> None:
    base, pages, batches = site
    ran, sections = poke(browser, f"{base}/{pages[index]}")
    assert sections == len(batches[index])  # every payload reached the page
    assert ran == [], (ran, [name for name, _, _ in batches[index]])


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    """An app of the batches (kviews/hostileN.jsx, its data in mocks/hostileN.json) served by a
    real DevServer."""
    from devserver.web import ServerConfig
    from devserver.web.server import DevServer

    app = tmp_path_factory.mktemp("hostile-app")
    (app / "kviews").mkdir()
    (app / "mocks").mkdir()
    batches = [PAYLOADS[i : i + BATCH] for i in range(0, len(PAYLOADS), BATCH)]
    for i, batch in enumerate(batches):
        (app / "kviews" / f"hostile{i}.jsx").write_text(batch_template(batch), encoding="utf-8")
        (app / "mocks" / f"hostile{i}.json").write_text(json.dumps({"D": [d for _, _, d in batch]}), encoding="utf-8")
    srv = DevServer(ServerConfig(views_dir=app, debounce=0.1), port=0).start()
    yield srv.url.rstrip("/"), batches
    srv.stop()


@pytest.mark.parametrize("index", range((len(PAYLOADS) + BATCH - 1) // BATCH))
def test_hostile_view_in_the_gallery_runs_nothing(browser, gallery, index: int) -> None:
    base, batches = gallery
    ran, sections = poke(browser, f"{base}/view/hostile{index}", same_origin=base)
    assert sections >= len(batches[index])  # every payload reached the page (in each theme pane)
    assert ran == [], (ran, [name for name, _, _ in batches[index]])
