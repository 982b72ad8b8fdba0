"""The Cards SDK's one description (devserver/sdk/api.json) and what is made from it: the stub,
the host and the doc name exactly its methods; the scripts are served with it; widget pages get
the stub in place of the real SDK's tag; the mock API endpoints take JSON POSTs only."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from devserver import sdk
from devserver.sdk.rewrite import is_real_sdk, with_stub
from devserver.web import ServerConfig, create_app
from tests.support.paths import ROOT

STATIC = ROOT / "static"


def test_stub_host_and_doc_cover_exactly_the_described_methods() -> None:
    names = set(sdk.method_names())
    assert {"initialize", "on", "off", "request", "command.run", "resize", "open", "close", "updateStatus",
            "handleTriggerToast", "openCustomerEvent", "modal.init", "modal.show", "modal.destroy"} == names
    stub = (STATIC / "kustomer-card.js").read_text()
    # the stub checks every call by the description's name: checked('<name>', …)
    assert set(re.findall(r"checked\('([\w.]+)'", stub)) == names
    host = (STATIC / "kview-host.js").read_text()
    handled = set(re.findall(r"^    '?([\w.]+)'?: function \(f", host, re.M))
    local = {m["name"] for m in sdk.api()["methods"] if m.get("local")}
    assert handled == names - local  # on/off stay in the page (the host only logs them)
    doc = (ROOT / "docs" / "CARDS_SDK.md").read_text()
    between = doc.split("<!-- api:begin -->\n", 1)[1].split("<!-- api:end -->", 1)[0]
    assert between == sdk.methods_table()
    assert set(sdk.event_names()) == {"context", "modal_initialize", "modal_show", "modal_hide", "modal_close"}


def test_the_sample_pages_use_every_method_and_event() -> None:
    """sample_views' widget and DynamicCard pages are the SDK's worked example: every method of
    the description is called and every event listened to somewhere in them."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "sample_views" / "widgets").rglob("*.js")))
    called = set(re.findall(r"\bKustomer\.((?:command|modal)\.\w+|\w+)\s*\(", code))
    assert set(sdk.method_names()) <= called, set(sdk.method_names()) - called
    heard = set(re.findall(r"\bKustomer\.on\(\s*'(\w+)'", code))
    assert set(sdk.event_names()) <= heard, set(sdk.event_names()) - heard


def test_scripts_are_served_with_the_description() -> None:
    text = sdk.script("kustomer-card.js")
    assert text.startswith("self.KVIEW_SDK_API = {")
    assert "self.KViewSdk" in text and "window.Kustomer" in text
    with pytest.raises(KeyError):
        sdk.script("../guard.py")


@pytest.mark.parametrize("src", [
    "https://cdn.kustomerapp.com/card-js/latest/kustomer-card.min.js",
    "//cdn.kustomerapp.com/card-js/latest/kustomer-card.js?v=2",
])
def test_real_sdk_urls(src: str) -> None:
    assert is_real_sdk(src)


def test_rewrite_points_the_tag_at_the_stub_and_keeps_the_rest() -> None:
    page = ('<!DOCTYPE html><html><head><script integrity="sha-x" crossorigin="anonymous" '
            'src="https://cdn.kustomerapp.com/card-js/latest/kustomer-card.min.js"></script>'
            '<script src="https://cdn.example.com/lib.js"></script></head>'
            '<body><p title="a &amp; b">x</p></body></html>')
    out, n = with_stub(page)
    assert n == 1
    assert '<script src="/static/kustomer-card.js"></script>' in out
    assert 'src="https://cdn.example.com/lib.js"' in out and 'title="a &amp; b"' in out
    assert "integrity" not in out
    plain = "<html><body>no sdk</body></html>"
    assert with_stub(plain) == (plain, 0)


@pytest.fixture()
def client(tmp_path: Path):
    app_dir = tmp_path / "app"
    shutil.copytree(ROOT / "sample_views", app_dir)
    app = create_app(ServerConfig(views_dir=app_dir))
    return app.test_client(), app


def test_endpoints_take_json_posts_only(client) -> None:
    c, _ = client
    assert c.get("/_kview/sdk/request").status_code == 405
    r = c.post("/_kview/sdk/request", data="method=DELETE&url=/v1/customers/x",
               content_type="application/x-www-form-urlencoded")
    assert r.status_code == 415 and r.is_json
    r = c.post("/_kview/sdk/request", json={"method": "GET", "url": "/v1/users/current"},
               headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    r = c.post("/_kview/sdk/request", json={"method": "GET", "url": "/v1/users/current"})
    assert r.status_code == 200 and r.json["body"]["data"]["type"] == "user"
    assert c.post("/_kview/sdk/request", json={"url": 5}).status_code == 400


def test_widget_pages_need_the_token_and_stay_in_their_folder(client) -> None:
    c, app = client
    token = app.config["KVIEW_PAGES_TOKEN"]
    ok = c.get(f"/_kview/pages/{token}/order-lookup/index.html")
    assert ok.status_code == 200 and "/static/kustomer-card.js" in ok.text
    assert "sandbox allow-scripts" in ok.headers["Content-Security-Policy"]
    assert "allow-same-origin" not in ok.headers["Content-Security-Policy"]
    assert c.get("/_kview/pages/wrong/order-lookup/index.html").status_code == 404
    assert c.get(f"/_kview/pages/{token}/order-lookup/../../app.json").status_code == 404
    assert c.get(f"/_kview/pages/{token}/order-lookup/%2e%2e/%2e%2e/app.json").status_code == 404
    cross = {"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Origin": "null"}
    assert c.get(f"/_kview/pages/{token}/order-lookup/app.js", headers=cross).status_code == 200
    assert c.get("/_kview/pages/nope/order-lookup/app.js", headers=cross).status_code == 403
    assert c.get("/render/customer-overview", headers=cross).status_code == 403
    assert c.get("/static/kustomer-card.js", headers=cross).status_code == 200


def test_desktop_page(client) -> None:
    c, app = client
    html = c.get("/widget/order-lookup").text
    assert 'data-kvh-id="kv-widget-1"' in html and "sandbox=" in html
    assert "width: 28vw; height: calc(60vh + 40px)" in html
    assert "parentUrl=http%3A%2F%2Flocalhost%2Fwidget%2Forder-lookup&amp;id=kv-widget-1" in html
    assert c.get("/widget/nope").status_code == 404
