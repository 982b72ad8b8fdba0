"""Widgets and the Cards SDK in real Chromium, through a real dev server: the sample's
order-lookup widget (sample_views/widgets/order-lookup/, which loads the *real* SDK's script
tag) in the mock agent desktop, answered by kview's host from the mock store."""

from __future__ import annotations

import json
import shutil
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.paths import ROOT

pytestmark = pytest.mark.browser

WAIT_MS = 10_000
FRAME = 'iframe[data-widget="order-lookup"]'
SECTION = '.kvh-widget[data-widget="order-lookup"]'


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    from devserver.web import ServerConfig
    from devserver.web.server import DevServer

    views = tmp_path_factory.mktemp("widgets") / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    srv = DevServer(ServerConfig(views_dir=views), port=0).start()
    srv.views = views
    yield srv
    srv.stop()


@pytest.fixture()
def desktop(browser: Any, server: Any) -> Iterator[Any]:
    """The desktop page with the widget connected; any request leaving the machine fails the test."""
    _post(server.url, "/_kview/sdk/reset", {})
    context = browser.new_context(viewport={"width": 1500, "height": 1000})
    page = context.new_page()
    page.outside = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]

    def outside(route: Any) -> None:
        page.outside.append(route.request.url)  # type: ignore[attr-defined]
        route.abort()

    for pattern in ("https://**/*", "http://*.example/**", "http://*.example.com/**"):
        page.route(pattern, outside)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))  # type: ignore[attr-defined]
    page.goto(server.url + "widget/order-lookup", wait_until="load")
    frame = page.frame_locator(FRAME)
    frame.locator("#who").filter(has_not_text="Waiting").wait_for(timeout=WAIT_MS)
    page.frame_ = frame  # type: ignore[attr-defined]
    yield page
    assert not [u for u in page.outside if "kustomerapp" in u or "card-js" in u], page.outside  # type: ignore[attr-defined]
    context.close()


def _post(base: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    req = urllib.request.Request(base.rstrip("/") + path, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(req, timeout=10) as resp:
        out: dict[str, Any] = json.loads(resp.read())
        return out


def _get(base: str, path: str) -> str:
    with urllib.request.urlopen(base.rstrip("/") + path, timeout=30) as resp:
        return str(resp.read().decode())


def _log(page: Any) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = page.evaluate("() => window.kviewSdkLog.map(e => ({...e}))")
    return entries


def _wait_log(page: Any, predicate: str) -> None:
    page.wait_for_function(f"() => window.kviewSdkLog.some(e => {predicate})", timeout=WAIT_MS)


def _first_customer(server: Any) -> dict[str, Any]:
    ctx = _post(server.url, "/_kview/sdk/context", {"customer": 0})["context"]
    customer: dict[str, Any] = ctx["customer"]
    return customer


def test_initialize_delivers_the_context(desktop: Any, server: Any) -> None:
    customer = _first_customer(server)
    frame = desktop.frame_
    assert frame.locator("#who").inner_text() == customer["attributes"]["displayName"]
    assert frame.locator("#name").input_value() == customer["attributes"]["name"]
    assert frame.locator("body").get_attribute("data-roles")  # config.userRoles arrived
    frame_id = desktop.get_attribute(FRAME, "data-kvh-id")  # not shipment-tracker's (background-loaded)
    _wait_log(desktop, f"e.method === 'initialize' && e.status === 'ok' && e.frame === {json.dumps(frame_id)}")
    init = next(e for e in _log(desktop) if e["method"] == "initialize" and e["frame"] == frame_id)
    assert init["answer"]["context"]["type"] == "widget" and init["answer"]["context"]["widget"] == {"isOpen": True}
    assert init["ms"] >= 0
    # the orders come from the request table, the command from its mock: both logged with latency
    frame.locator(".order").first.wait_for(timeout=WAIT_MS)
    assert frame.locator(".order").count() == 3
    _wait_log(desktop, "e.method === 'command.run' && e.status === 'ok'")
    assert desktop.locator(".kvh-status").first.inner_text() == "3 orders"
    assert not desktop.errors


def test_the_real_sdk_tag_gets_the_stub(desktop: Any, server: Any) -> None:
    src = desktop.locator(FRAME).get_attribute("src")
    html = _get(server.url, src.split("?")[0])
    assert '<script src="/static/kustomer-card.js"></script>' in html
    assert "cdn.kustomerapp.com" not in html.split("<!--", 1)[0] + html.split("-->", 1)[1]
    assert "Kustomer" in desktop.frame_.locator("body").evaluate("() => Object.keys(window).join(' ')")
    # nothing left the machine but the widget's declared rail icon (an image the app names)
    assert [u for u in desktop.outside if not u.endswith("-128.png")] == []


def test_request_write_is_visible_in_a_kview(desktop: Any, server: Any) -> None:
    """The event panel switches the widget to the customer the customer-overview KView shows (a
    context event); a PUT through the SDK renames them, and that KView re-renders with it."""
    second = _post(server.url, "/_kview/sdk/context", {"customer": 1})["context"]["customer"]
    assert second["attributes"]["name"] in _get(server.url, "/render/customer-overview?theme=light")
    desktop.locator('[data-kvh-action="next-customer"]').click()
    frame = desktop.frame_
    frame.locator("#who", has_text=second["attributes"]["displayName"]).wait_for(timeout=WAIT_MS)
    frame.locator("#name").fill("Renamed From Widget")
    frame.locator("#rename button").click()
    desktop.locator(".kvh-toast", has_text="Saved Renamed From Widget").wait_for(timeout=WAIT_MS)
    _wait_log(desktop, "e.method === 'request' && e.args[0].method === 'put' && e.status === 'ok'")
    assert "Renamed From Widget" in _get(server.url, "/render/customer-overview?theme=light")
    # a read through the SDK sees the write too; a reset takes it back
    assert _post(server.url, "/_kview/sdk/request", {"method": "GET", "url": f"/v1/customers/{second['id']}"})[
        "body"]["data"]["attributes"]["name"] == "Renamed From Widget"
    _post(server.url, "/_kview/sdk/reset", {})
    assert "Renamed From Widget" not in _get(server.url, "/render/customer-overview?theme=light")


def test_the_host_answers_over_its_socket_and_falls_back_to_fetch_when_it_closes(desktop: Any, server: Any) -> None:
    """The host's asks go over kview's WebSocket once it is open (no POST), by fetch() while it
    is closed (a server restart), and over a new socket after that."""
    posts: list[str] = []
    desktop.on("request", lambda r: posts.append(r.url) if "/_kview/sdk/" in r.url else None)
    body = desktop.frame_.locator("body")
    ask = "() => Kustomer.request({url: '/v1/users/current'}).then(d => d.attributes.name)"
    name = _post(server.url, "/_kview/sdk/request", {"method": "GET", "url": "/v1/users/current"})[
        "body"]["data"]["attributes"]["name"]

    def last_request() -> dict[str, Any]:
        return [e for e in _log(desktop) if e["method"] == "request"][-1]

    deadline = time.monotonic() + WAIT_MS / 1000
    while True:  # initialize went by fetch and opened the socket: a call soon goes over it
        assert body.evaluate(ask) == name
        if last_request()["via"] == "socket" or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert last_request()["via"] == "socket" and last_request()["status"] == "ok"
    posts.clear()
    assert body.evaluate(ask) == name and posts == []  # answered without a request
    for ws in list(server.app.extensions["kview"].sockets):
        ws.close(1001, "as a restart would")
    _wait_log(desktop, "e.method === 'socket closed'")
    assert body.evaluate(ask) == name
    assert last_request()["via"] == "fetch" and posts == [server.url + "_kview/sdk/request"]
    deadline = time.monotonic() + WAIT_MS / 1000
    while last_request()["via"] != "socket" and time.monotonic() < deadline:
        time.sleep(0.05)
        assert body.evaluate(ask) == name
    assert last_request()["via"] == "socket"


def test_missing_record_fails_with_kustomers_error(desktop: Any) -> None:
    err = desktop.frame_.locator("body").evaluate(
        """() => new Promise(resolve => Kustomer.request({url: '/v1/customers/000000000000000000000000'},
                                                          (err, data) => resolve({err, data})))""")
    assert err["data"] is None or err["data"] == {} or "data" not in err
    assert err["err"]["status"] == 404 and err["err"]["errors"][0]["code"] == "not_found"


def test_resize_changes_the_iframe_height(desktop: Any) -> None:
    before = desktop.locator(FRAME).bounding_box()["height"]
    desktop.frame_.locator("#grow").click()
    desktop.wait_for_function(f"() => document.querySelector('{FRAME}').getBoundingClientRect().height === 600",
                              timeout=WAIT_MS)
    assert before != 600
    # no argument: fits the content
    desktop.frame_.locator("body").evaluate("() => Kustomer.resize()")
    desktop.wait_for_function(f"() => document.querySelector('{FRAME}').getBoundingClientRect().height < 600",
                              timeout=WAIT_MS)


def test_close_and_open(desktop: Any) -> None:
    desktop.frame_.locator("#hide").click()
    desktop.locator(SECTION).wait_for(state="hidden", timeout=WAIT_MS)
    assert desktop.locator('.kvh-rail-item[data-widget="order-lookup"]').get_attribute("aria-pressed") == "false"
    desktop.locator(".kvh-rail-menu-button").click()  # two widgets: grouped under a Widgets menu
    desktop.locator('.kvh-rail-menu .kvh-rail-item[data-widget="order-lookup"]').click()
    desktop.locator(SECTION).wait_for(state="visible", timeout=WAIT_MS)
    # the page heard both: context events with widget.isOpen false, then true
    _wait_log(desktop, "e.method === 'event context' && e.answer.widget.isOpen === true")
    assert any(e["method"] == "event context" and e["answer"]["widget"]["isOpen"] is False for e in _log(desktop))


def test_modals_open_and_close(desktop: Any, server: Any) -> None:
    customer = _first_customer(server)
    desktop.frame_.locator("#details").click()
    modal = desktop.locator(".kvh-modal")
    modal.wait_for(state="visible", timeout=WAIT_MS)
    inner = desktop.frame_locator(".kvh-modal-frame")
    inner.locator("#modal-data", has_text=customer["id"]).wait_for(timeout=WAIT_MS)  # modal_initialize
    assert inner.locator("body").get_attribute("data-shown") == "order-details"  # modal_show
    inner.locator("#done").click()  # Kustomer.close() in a modal hides it
    modal.wait_for(state="hidden", timeout=WAIT_MS)
    desktop.frame_.locator("#modal-state", has_text="modal order-details hidden").wait_for(timeout=WAIT_MS)
    desktop.frame_.locator("#details").click()
    modal.wait_for(state="visible", timeout=WAIT_MS)
    desktop.frame_locator(".kvh-modal-frame").locator("#destroy").click()
    desktop.frame_.locator("#modal-state", has_text="modal order-details closed").wait_for(timeout=WAIT_MS)
    assert desktop.locator(".kvh-modal").count() == 0


def test_at_most_three_modals(desktop: Any) -> None:
    out = desktop.frame_.locator("body").evaluate("""async () => {
        const errs = [];
        for (const id of ['a', 'b', 'c', 'd']) {
          await new Promise(r => Kustomer.modal.init({id, url: 'modal.html'}, err => { errs.push(err); r(); }));
        }
        return errs; }""")
    assert out[:3] == [None, None, None]
    assert out[3]["errors"][0]["code"] == "too_many_modals"


def test_toasts_and_timeline(desktop: Any) -> None:
    desktop.frame_.locator("#toast").click()
    toast = desktop.locator('.kvh-toast[data-type="info"]', has_text="Tracking link copied")
    toast.wait_for(timeout=WAIT_MS)
    desktop.frame_.locator(".order").first.wait_for(timeout=WAIT_MS)
    desktop.frame_.locator("#timeline").click()
    desktop.locator(".kvh-toast", has_text="would open KObject").wait_for(timeout=WAIT_MS)


def test_unknown_and_malformed_calls_are_reported(desktop: Any) -> None:
    result = desktop.frame_.locator("body").evaluate("""() => {
        const out = {};
        try { Kustomer.showModal({type: 'redirect'}); } catch (e) { out.unknown = e.constructor.name + ': ' + e.message; }
        try { Kustomer.request({method: 'get'}); } catch (e) { out.malformed = e.constructor.name + ': ' + e.message; }
        try { Kustomer.handleTriggerToast({type: 'party', message: 'x'}); } catch (e) { out.badEnum = e.message; }
        out.feature = typeof Kustomer.openCustomerEvent;
        return out; }""")
    assert result["unknown"].startswith("TypeError")
    assert result["malformed"] == "TypeError: Kustomer.request: options.url is required"
    assert "must be one of success, error, warn, info" in result["badEnum"]
    assert result["feature"] == "function"
    _wait_log(desktop, "e.method === 'showModal' && e.status === 'error'")
    _wait_log(desktop, "e.method === 'request' && e.status === 'error' && /url is required/.test(e.message)")
    # the panel shows it too (it takes new entries a few times a second)
    desktop.locator('.kvh-log-entry[data-status="error"]').filter(has_text="showModal").first.wait_for(timeout=WAIT_MS)


def test_the_call_log_keeps_the_newest_entries(desktop: Any) -> None:
    """window.kviewSdkLog stays bounded under a widget that calls on and on: at most 5000 entries,
    the newest kept."""
    desktop.frame_.locator("body").evaluate(
        "() => Promise.all(Array.from({length: 5600}, (_, i) => Kustomer.updateStatus('info', 'tick ' + i)))")
    _wait_log(desktop, "e.method === 'updateStatus' && (e.args || []).includes('tick 5599')")
    size, first = desktop.evaluate("() => [window.kviewSdkLog.length, JSON.stringify(window.kviewSdkLog[0].args)]")
    assert 4000 <= size <= 5000, size
    assert "tick 0" not in first


def test_a_call_from_a_foreign_origin_is_refused(desktop: Any) -> None:
    """A frame of another origin posting a well-formed call, with the widget's id, is refused;
    the store is never asked."""
    evil = """<!DOCTYPE html><script>
      parent.postMessage({tag: 'kview-card-sdk', id: 'kv-widget-1', kind: 'call', seq: 1, method: 'request',
                          args: [{url: '/v1/customers/x', method: 'delete'}]}, '*');
    </script>"""
    desktop.unroute("http://*.example/**")
    desktop.route("http://evil.example/**", lambda route: route.fulfill(status=200, content_type="text/html", body=evil))
    calls: list[str] = []
    desktop.on("request", lambda r: calls.append(r.url) if "/_kview/sdk/request" in r.url else None)
    desktop.evaluate("""() => { const f = document.createElement('iframe');
                                f.src = 'http://evil.example/post.html'; document.body.appendChild(f); }""")
    _wait_log(desktop, "e.status === 'refused' && /evil.example/.test(e.message)")
    assert calls == []
    # the stub, for its part, ignores a message that is not from its parent
    ignored = desktop.frame_.locator("body").evaluate("""() => new Promise(resolve => {
        window.postMessage({tag: 'kview-card-sdk', id: 'kv-widget-1', kind: 'event', event: 'context',
                            payload: {type: 'forged'}}, '*');
        let forged = false; Kustomer.on('context', c => { if (c.type === 'forged') forged = true; });
        setTimeout(() => resolve(!forged), 300); })""")
    assert ignored


def test_gallery_links_to_the_widget_desktop(browser: Any, server: Any) -> None:
    html = _get(server.url, "/")
    assert 'href="/widget/order-lookup"' in html


def test_dark_desktop(browser: Any, server: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url + "widget/order-lookup?theme=dark")
    bg = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    context.close()
    channels = [int(c) for c in bg[bg.index("(") + 1:bg.index(")")].split(",")[:3]]
    assert sum(channels) < 150, bg


def test_widget_page_is_an_opaque_origin(desktop: Any, server: Any) -> None:
    """The developer's page runs its scripts but cannot reach kview's endpoints."""
    origin = desktop.frame_.locator("body").evaluate("() => self.origin")
    assert origin == "null"
    status = desktop.frame_.locator("body").evaluate(f"""() => fetch('{server.url}_kview/sdk/reset', {{method: 'POST',
        headers: {{'Content-Type': 'application/json'}}, body: '{{}}'}}).then(r => r.status, e => 'blocked')""")
    assert status in ("blocked", 403)


def test_local_page_hot_reloads(desktop: Any, server: Any) -> None:
    page_file = Path(server.views) / "widgets" / "order-lookup" / "index.html"
    text = page_file.read_text()
    page_file.write_text(text.replace("<h1>Order lookup</h1>", "<h1>Order lookup v2</h1>"))
    try:
        desktop.frame_.locator("h1", has_text="Order lookup v2").wait_for(timeout=WAIT_MS)
        desktop.frame_.locator("#who").filter(has_not_text="Waiting").wait_for(timeout=WAIT_MS)  # handshake again
    finally:
        page_file.write_text(text)


CARD_PAGE = """<!DOCTYPE html><html><head>
<script src="https://cdn.kustomerapp.com/card-js/latest/kustomer-card.min.js"></script></head>
<body><p id="out">…</p><div id="tall" style="height: 20px"></div><script src="card.js"></script></body></html>"""
CARD_JS = """Kustomer.initialize(function (context) {
  document.getElementById('out').textContent = context.type + ' ' + context.customContext.orderId + ' ' + context.customer.id;
  document.getElementById('tall').style.height = '333px';
  Kustomer.resize();
  Kustomer.updateStatus('info', 'card ready');
});"""


def _quiet_after(server: Any, before: int, quiet: float = 0.3) -> None:
    """Wait until the server has pushed a change made after event ``before`` and then pushed
    nothing for ``quiet`` seconds (the watcher's batches of a burst of writes are all out)."""
    deadline = time.monotonic() + WAIT_MS / 1000
    last, since = before, time.monotonic()
    while time.monotonic() < deadline:
        now = server.state.broadcaster.last_id
        if now != last:
            last, since = now, time.monotonic()
        elif last != before and time.monotonic() - since >= quiet:
            return
        time.sleep(0.02)
    raise AssertionError(f"the server pushed nothing after event {before} (now {last})")


def test_dynamic_card_in_a_kview_gets_the_host(browser: Any, server: Any) -> None:
    """A DynamicCard in a rendered view: its context prop arrives as customContext, resize()
    fits the iframe to the page, the status line shows above it, all in the gallery page."""
    views = Path(server.views)
    before = server.state.broadcaster.last_id
    page_dir = views / "widgets" / "card-probe"
    page_dir.mkdir(parents=True, exist_ok=True)
    (page_dir / "index.html").write_text(CARD_PAGE)
    (page_dir / "card.js").write_text(CARD_JS)
    token = server.app.config["KVIEW_PAGES_TOKEN"]
    src = f"{server.url}_kview/pages/{token}/card-probe/index.html"
    (views / "kviews" / "card-probe.jsx").write_text(
        f'<div><DynamicCard src="{src}" context={{{{orderId: "A-17"}}}} height={{40}} /></div>\n')
    (views / "kviews" / "card-probe.json").write_text(json.dumps(
        {"resource": "customer", "context": "smartbar-card", "meta": {"displayName": "Card probe"}}))
    try:
        _quiet_after(server, before)  # the pushes of these new files are out: none reaches the page
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        streams: list[str] = []
        page.on("request", lambda r: streams.append(r.url))
        page.goto(server.url + "view/card-probe?theme=light", wait_until="load")
        frame = page.frame_locator("iframe[data-kv-card-id]").first
        frame.locator("#out").filter(has_text="A-17").wait_for(timeout=WAIT_MS)
        assert frame.locator("#out").inner_text().startswith("customer A-17 ")
        page.wait_for_function("() => document.querySelector('iframe[data-kv-card-id]').getBoundingClientRect().height > 300",
                               timeout=WAIT_MS)
        assert page.locator(".kvh-status", has_text="card ready").count() == 1
        page.locator('.kvh-log-entry[data-method="resize"]').first.wait_for(timeout=WAIT_MS)
        # editing the card's page reloads its frame inside the rendered view, over the page's
        # one event stream (reload.js's, shared with the host)
        (page_dir / "card.js").write_text(CARD_JS.replace("context.type + ' '", "'v2 ' + context.type + ' '"))
        frame.locator("#out").filter(has_text="v2 customer A-17").wait_for(timeout=WAIT_MS)
        page.locator('.kvh-log-entry[data-method="reload"]').first.wait_for(timeout=WAIT_MS)  # a write may come as two events
        assert sum(1 for u in streams if u.endswith("/events")) == 1, streams
        context.close()
    finally:
        cleanup = server.state.broadcaster.last_id
        for p in (views / "kviews" / "card-probe.jsx", views / "kviews" / "card-probe.json"):
            p.unlink()
        shutil.rmtree(page_dir)
        _quiet_after(server, cleanup)  # the next test's page gets none of these pushes


def test_a_call_the_host_never_answers_times_out(desktop: Any) -> None:
    """A frame the host does not know gets no welcome: its calls fail after the timeout."""
    src = desktop.locator(FRAME).get_attribute("src").replace("id=kv-widget-1", "id=kv-stray") + "&kviewTimeout=400"
    desktop.evaluate("""src => { const f = document.createElement('iframe'); f.id = 'stray';
                                 f.setAttribute('sandbox', 'allow-scripts'); f.src = src; document.body.appendChild(f); }""", src)
    stray = desktop.frame_locator("#stray")
    stray.locator("#who").wait_for(state="attached", timeout=WAIT_MS)
    err = stray.locator("body").evaluate(
        "() => Kustomer.request({url: '/v1/users/current'}).then(() => null, e => e)")
    assert err["errors"][0]["code"] == "timeout"
    _wait_log(desktop, "e.status === 'refused' && /not a hosted frame/.test(e.message)")


def test_outside_the_host_the_stub_warns(browser: Any, server: Any, desktop: Any) -> None:
    src = desktop.locator(FRAME).get_attribute("src").split("?")[0]
    context = browser.new_context()
    page = context.new_page()
    page.route("https://**/*", lambda route: route.abort())
    warnings: list[str] = []
    page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
    page.goto(server.url.rstrip("/") + src)
    err = page.evaluate("() => Kustomer.request({url: '/v1/users/current'}).then(() => null, e => e)")
    context.close()
    assert any("running outside of Kustomer" in w for w in warnings), warnings
    assert err["errors"][0]["code"] == "outside_kustomer"


def test_rail_groups_widgets_and_honours_their_declarations(desktop: Any) -> None:
    """Two widgets: one Widgets menu in the rail; the hidden backgroundLoad widget is already
    loaded and connected; iframePermissions is the iframe's allow; sizes as declared."""
    assert desktop.locator(".kvh-rail > .kvh-rail-item[data-widget]").count() == 0
    assert desktop.locator(".kvh-rail-menu .kvh-rail-item").count() == 2
    tracker = desktop.locator('iframe[data-widget="shipment-tracker"]')
    assert tracker.get_attribute("allow") == "clipboard-write *;"
    assert desktop.locator('.kvh-widget[data-widget="shipment-tracker"]').is_hidden()
    desktop.frame_locator('iframe[data-widget="shipment-tracker"]').locator("#state", has_text="closed").wait_for(
        state="attached", timeout=WAIT_MS)
    desktop.locator(".kvh-rail-menu-button").click()
    desktop.locator('.kvh-rail-menu .kvh-rail-item[data-widget="shipment-tracker"]').click()
    desktop.frame_locator('iframe[data-widget="shipment-tracker"]').locator("#state", has_text="open").wait_for(
        timeout=WAIT_MS)
    assert desktop.locator(SECTION).is_hidden()  # one widget open at a time
    box = desktop.locator('.kvh-widget[data-widget="shipment-tracker"]').bounding_box()
    assert round(box["width"]) == 360 and round(box["height"]) == 400  # 40vh of a 1000px viewport


def test_a_dynamic_card_deployed_elsewhere_is_framed_from_the_app_folder(browser: Any, server: Any) -> None:
    """The sample's tracking view frames https://cards.acme.example/tracking; the app folder has
    widgets/tracking/, so the gallery frames that page in its place (same query), hosted: it gets
    the conversation as customContext, asks for the customer and fits its height. (The deployed
    URL may be asked for once, before the host swaps it: the iframe starts loading with the page.)"""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    outside: list[str] = []
    page.route("https://**/*", lambda route: (outside.append(route.request.url), route.abort()))
    try:
        page.goto(server.url + "view/tracking?theme=light", wait_until="load")
        card = page.locator("iframe[data-kv-card-id]").first
        page.wait_for_function("() => (document.querySelector('iframe[data-kv-card-id]').getAttribute('src') || '')"
                               ".startsWith('/_kview/pages/')", timeout=WAIT_MS)
        assert card.get_attribute("data-kv-was-src").startswith("https://cards.acme.example/tracking?parentUrl=")
        assert "id=kv-card-1" in (card.get_attribute("src") or "")
        frame = page.frame_locator("iframe[data-kv-card-id]").first
        try:
            frame.locator("#shipment").filter(has_text="Order #").wait_for(timeout=WAIT_MS)
        except Exception:
            raise AssertionError([frame.locator("body").inner_text(), page.evaluate("() => window.kviewSdkLog.map(e => [e.method, e.status, e.message])")]) from None
        page.locator(".kvh-status", has_text="Tracking for").wait_for(timeout=WAIT_MS)
        frame.locator("#notify").click()
        try:
            page.locator(".kvh-toast", has_text="Tracking link sent").wait_for(timeout=WAIT_MS)
        except Exception:
            raise AssertionError(page.evaluate("() => window.kviewSdkLog.map(e => [e.method, e.status, e.message])")) from None
        assert len([u for u in outside if u.startswith("https://cards.acme.example/")]) <= 1, outside
    finally:
        context.close()


def test_a_hosted_card_keeps_its_page_status_and_size_across_a_re_render(browser: Any, server: Any) -> None:
    """Editing the view around a DynamicCard patches the view in place: the card framed from the
    app folder is the same page (its state kept), its status line and fitted height stay. A
    render that changes the card's height prop does resize it."""
    template = Path(server.views) / "kviews" / "tracking.jsx"
    text = template.read_text()
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.route("https://**/*", lambda route: route.abort())
    try:
        page.goto(server.url + "view/tracking?theme=light", wait_until="load")
        frame = page.frame_locator("iframe[data-kv-card-id]").first
        page.locator(".kvh-status", has_text="Tracking for").wait_for(timeout=WAIT_MS)
        frame.locator("body").evaluate("() => { window.kviewProbe = 42; }")
        card = page.locator("iframe[data-kv-card-id]").first
        fitted = card.get_attribute("style")
        assert fitted and "140px" not in fitted, fitted  # resize() fitted it to its content
        before = server.state.broadcaster.last_id
        template.write_text(text.replace('label="Order"', 'label="Order no."'))
        page.get_by_text("Order no.").first.wait_for(timeout=WAIT_MS)
        _quiet_after(server, before)
        assert frame.locator("body").evaluate("() => window.kviewProbe") == 42  # not reloaded
        assert page.locator(".kvh-status", has_text="Tracking for").count() == 1
        assert card.get_attribute("style") == fitted
        template.write_text(text.replace("height={140}", "height={90}"))
        page.wait_for_function("() => document.querySelector('iframe[data-kv-card-id]').style.height === '90px'",
                               timeout=WAIT_MS)
    finally:
        template.write_text(text)
        context.close()
