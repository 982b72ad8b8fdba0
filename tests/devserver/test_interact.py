"""POST /interact/<view> (devserver/web/interact.py) through Flask's test client: sessions,
errors as diagnostics, the guard, the bounded session store."""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest

from devserver.web import create_app
from devserver.web.interact import SessionStore

ROOT = Path(__file__).resolve().parents[2]
COUNTER = """function Counter() {
  const [n, setN] = React.useState(0);
  return <button onClick={() => setN(n + 1)}>n={n}</button>;
}
<Counter />
"""
THROWS = """<button onClick={() => {
  missing.call();
}}>x</button>
"""


@pytest.fixture
def client(tmp_path):
    app_dir = tmp_path / "app"
    shutil.copytree(ROOT / "sample_views", app_dir)
    for name, src in (("counter", COUNTER), ("throws", THROWS)):
        (app_dir / "kviews" / f"{name}.jsx").write_text(src, encoding="utf-8")
    app = create_app({"views_dir": app_dir})
    c = app.test_client()
    c.app_dir = app_dir  # type: ignore[attr-defined]
    return c


def post(client, path: str, **body):
    return client.post(path, json={"session": "page-0001", "theme": "light", **body})


def test_open_dispatch_reset(client) -> None:
    first = post(client, "/interact/counter").get_json()
    assert first["error"] is None and first["html"].endswith('data-kv-on="click" data-kv-id="0">n=0</button></div>')
    for i in (1, 2):
        out = post(client, "/interact/counter", handler="0", type="click", payload={}).get_json()
        assert f">n={i}</button>" in out["html"] and out["handled"]
    # another page (session id) and another theme have their own state
    other = client.post("/interact/counter", json={"session": "page-0002", "theme": "dark", "handler": ["0"],
                                                   "type": "click"}).get_json()
    assert ">n=1</button>" in other["html"] and "kview-theme-dark" in other["html"]
    assert ">n=0</button>" in post(client, "/interact/counter/reset").get_json()["html"]


def test_reload_keeps_state_after_an_edit(client) -> None:
    post(client, "/interact/counter", handler="0", type="click")
    path = client.app_dir / "kviews" / "counter.jsx"
    path.write_text(COUNTER.replace("n={n}", "count: {n}"), encoding="utf-8")
    out = post(client, "/interact/counter/reload").get_json()
    assert ">count: 1</button>" in out["html"]
    path.write_text("function Counter( {", encoding="utf-8")
    broken = post(client, "/interact/counter/reload").get_json()
    assert broken["html"] is None and broken["error"]["kind"] == "TemplateSyntaxError"
    assert broken["error"]["file"] == "kviews/counter.jsx"


def test_handler_error_is_a_located_diagnostic(client) -> None:
    resp = post(client, "/interact/throws", handler="0", type="click")
    assert resp.status_code == 200
    err = resp.get_json()["error"]
    assert err["js_type"] == "ReferenceError" and err["line"] == 2 and err["file"] == "kviews/throws.jsx"
    assert "missing is not defined" in err["message"] and "missing.call()" in err["frame"]
    assert "Traceback" not in json.dumps(err)
    assert ">x</button>" in post(client, "/interact/throws").get_json()["html"]  # still serving


def test_sample_refresh_reissues_the_request(client) -> None:
    first = post(client, "/interact/order-activity").get_json()
    assert "3 orders synced" in first["html"]
    assert [a["url"] for a in first["activity"]][0] == "/v1/users/current"
    button = first["html"].split('data-kv-id="')[1].split('"')[0]
    out = post(client, "/interact/order-activity", handler=button, type="click").get_json()
    assert "3 orders synced" in out["html"]
    requests = [a for a in out["activity"] if a["kind"] == "request"]
    assert len(requests) == 2 and requests[1]["status"] == 200 and requests[1]["response"]["data"]


@pytest.mark.parametrize(("body", "status", "what"), [
    ({"session": "short"}, 400, "session"),
    ({"session": "page-0001", "theme": "blue"}, 400, "theme"),
    ({"session": "page-0001", "scenario": "nope"}, 404, "scenario"),
    ({"session": "page-0001", "handler": "x1", "type": "click"}, 400, "handler"),
    ({"session": "page-0001", "handler": "0", "type": "Click!"}, 400, "type"),
])
def test_bad_requests_are_diagnostics(client, body, status, what) -> None:
    resp = client.post("/interact/counter", json=body)
    assert resp.status_code == status
    assert what in resp.get_json()["error"]["message"]


def test_json_only_and_guarded(client) -> None:
    assert client.post("/interact/counter", data="session=page-0001",
                       content_type="application/x-www-form-urlencoded").status_code == 415
    assert client.get("/interact/counter").status_code == 405
    evil = client.post("/interact/counter", json={"session": "page-0001"}, headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403
    rebound = client.post("/interact/counter", json={"session": "page-0001"}, headers={"Host": "evil.example"})
    assert rebound.status_code == 400
    cross = client.post("/interact/counter", json={"session": "page-0001"},
                        headers={"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"})
    assert cross.status_code == 403
    assert post(client, "/interact/no-such-view").status_code == 404


def test_store_is_bounded_and_expires() -> None:
    store = SessionStore(max_sessions=2, idle_seconds=0.05)
    a, b, c = object(), object(), object()
    store.put(("a",), a)  # type: ignore[arg-type]
    store.put(("b",), b)  # type: ignore[arg-type]
    assert store.get(("a",)) is a  # a is now the most recent
    store.put(("c",), c)  # type: ignore[arg-type]
    assert store.get(("b",)) is None and store.get(("a",)) is a and len(store) == 2
    time.sleep(0.1)
    assert store.get(("a",)) is None and len(store) == 0


def test_oversized_body_is_refused(client) -> None:
    resp = post(client, "/interact/counter", handler="0", type="click", payload={"target": {"value": "x" * 300_000}})
    assert resp.status_code == 413 and "at most" in resp.get_json()["error"]["message"]


def test_scenarios_have_their_own_sessions(client) -> None:
    default = post(client, "/interact/customer-overview").get_json()
    vip = post(client, "/interact/customer-overview", scenario="vip").get_json()
    assert default["error"] is None and vip["error"] is None and default["html"] != vip["html"]
    static = client.get("/render/customer-overview?theme=light&scenario=vip&format=json").get_json()["html"]
    assert re.sub(r' data-kv-(?:on|id)="[^"]*"', "", vip["html"]) == static  # the same render, plus ids
