"""The view page's data panel, server side: previews of edited data, saving it as a scenario,
the copy buttons' texts, the view's URLs and ``?theme=system``.

Flask's test client on a copy of ``sample_views`` (and small apps made here); the browser side is
tests/browser/test_gallery_tools.py.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from devserver.build import build
from devserver.project import FileError, load_app
from devserver.project.registration import definition_entry, find_view, registered_name
from devserver.project.scenarios import (
    ScenarioExists,
    ScenarioNameError,
    save_scenario,
    scenario_names,
)
from devserver.web import ServerConfig, create_app

ROOT = Path(__file__).resolve().parents[2]
SAME = {"Origin": "http://localhost"}  # what a browser sends from a page of the test client's host


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    views = tmp_path / "sample_views"
    shutil.copytree(ROOT / "sample_views", views)
    return views


@pytest.fixture
def client(app_dir: Path):
    return create_app(ServerConfig(views_dir=app_dir, reload=False)).test_client()


def files(root: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
            for p in sorted(root.rglob("*")) if p.is_file()}


def editor_text(page: str) -> str:
    """The editor's starting text, as the page gives it to panel.js."""
    raw = re.search(r'<script type="application/json" id="kvg-editor-original">(.*?)</script>', page, re.S)
    assert raw, "no editor on the page"
    return str(json.loads(raw.group(1)))


def textarea(page: str) -> str:
    raw = re.search(r'<textarea class="kvg-editor-text"[^>]*>(.*?)</textarea>', page, re.S)
    assert raw
    return html.unescape(raw.group(1))


def preview(client, view: str, data: Any, **extra: Any):
    text = data if isinstance(data, str) else json.dumps(data)
    return client.post(f"/api/preview/{view}", json={"text": text, **extra}, headers=SAME)


def pane_html(page: str, theme: str) -> str:
    got = re.search(rf'<pre class="kvg-pre" id="kvg-html-{theme}"[^>]*>(.*?)</pre>', page, re.S)
    assert got
    return html.unescape(got.group(1))


# ---------------------------------------------------------------------- the editor's data
def test_the_editor_holds_the_composed_data_and_the_request_table(client) -> None:
    page = client.get("/view/order-activity").get_data(as_text=True)
    data = json.loads(editor_text(page))
    assert textarea(page) == editor_text(page)
    assert data["customer"]["name"] == "Dana Whitfield"  # the scenario's record
    table = data["$scenario"]["requests"]  # mocks/requests.json, as the render composes it
    assert "GET /v1/users/current" in table
    assert data["$scenario"]["description"].startswith("Three synced orders")
    # a view without a mock file: generated records (and the app's fixtures)
    generated = json.loads(editor_text(client.get("/view/loyalty").get_data(as_text=True)))
    assert generated["customer"]["custom"]["loyaltyTierStr"]


def test_an_unchanged_edit_renders_what_the_page_shows(client) -> None:
    for view in ("order-activity", "customer-overview?scenario=masked-pii", "loyalty", "recent-orders"):
        page = client.get(f"/view/{view}").get_data(as_text=True)
        name, _, query = view.partition("?scenario=")
        answer = preview(client, name, editor_text(page), scenario=query or None).get_json()
        assert answer["ok"] and answer["error"] is None, answer
        for theme in ("light", "dark"):
            assert answer["themes"][theme]["html"] == pane_html(page, theme), (view, theme)


def test_a_valid_edit_renders_the_edited_value_in_both_themes(client, app_dir: Path) -> None:
    before = files(app_dir)
    data = json.loads(editor_text(client.get("/view/order-activity").get_data(as_text=True)))
    data["$scenario"]["requests"]["GET /v1/users/current"]["data"]["attributes"]["displayName"] = "Zelda Quinn"
    answer = preview(client, "order-activity", data, theme="both").get_json()
    assert answer["ok"] and answer["error"] is None
    assert set(answer["themes"]) == {"light", "dark"}
    for theme in ("light", "dark"):
        assert "Hi Zelda" in answer["themes"][theme]["html"]
    # the section the page takes its previews from: both panes, framed
    assert answer["section"].count('class="kvg-pane" data-theme=') == 2 and "Hi Zelda" in answer["section"]
    assert 'data-theme="light"' in answer["section"] and 'data-theme="dark"' in answer["section"]
    # nothing written, and the server's own render of the view is unchanged
    assert files(app_dir) == before
    fresh = client.get("/render/order-activity?format=json").get_json()
    assert "Hi Sam" in fresh["html"] and "Zelda" not in fresh["html"]


def test_the_request_table_in_the_editor_is_the_whole_table(client) -> None:
    data = json.loads(editor_text(client.get("/view/order-activity").get_data(as_text=True)))
    key = next(k for k in data["$scenario"]["requests"] if "acme_orders-order" in k)
    data["$scenario"]["requests"][key] = {"status": 503}
    answer = preview(client, "order-activity", data, theme="light").get_json()
    assert list(answer["themes"]) == ["light"]
    assert "Could not load orders" in answer["themes"]["light"]["html"]


def test_one_theme_and_system(client) -> None:
    data = json.loads(editor_text(client.get("/view/recent-orders").get_data(as_text=True)))
    answer = preview(client, "recent-orders", data, theme="system").get_json()
    assert list(answer["themes"]) == ["system"]
    assert "kview-theme-system" in answer["themes"]["system"]["html"]


def test_invalid_json_is_located_and_nothing_renders(client) -> None:
    answer = preview(client, "recent-orders", '{\n  "customer": {"name": "A"},\n  "orders": [1, 2,]\n}').get_json()
    assert answer["ok"] is False and "themes" not in answer
    err = answer["json_error"]
    assert (err["line"], err["column"], err["file"]) == (3, 19, "edited data")  # at the "]"
    assert "Expecting value" in err["message"]
    assert "> 3 |" in err["frame"]


@pytest.mark.parametrize(("text", "message"), [
    ("[1, 2]", "must be a JSON object"),
    ('"just text"', "must be a JSON object"),
    ('{"$scenario": {"colour": "red"}}', "unknown \"$scenario\" option 'colour'"),
    ('{"$scenario": {"requests": []}}', '"$scenario.requests" must be an object'),
])
def test_data_of_the_wrong_shape_is_a_located_diagnostic(client, text: str, message: str) -> None:
    answer = preview(client, "recent-orders", text).get_json()
    assert answer["ok"] is True and "json_error" not in answer
    err = answer["error"]
    assert message in err["message"] and err["file"] == "edited data" and err["line"] == 1
    assert all(t["html"] is None for t in answer["themes"].values())


def test_a_template_error_the_edit_causes_is_located_in_the_template(client) -> None:
    data = json.loads(editor_text(client.get("/view/recent-orders").get_data(as_text=True)))
    data["orders"] = "not a list"  # .filter on a string throws
    answer = preview(client, "recent-orders", data).get_json()
    err = answer["error"]
    assert err is not None and err["file"] == "kviews/recent-orders.jsx" and err["line"], err


def test_preview_requests_are_checked(client) -> None:
    ok = {"text": "{}"}
    assert client.post("/api/preview/recent-orders", json=ok).status_code == 403  # no Origin
    assert client.post("/api/preview/recent-orders", json=ok,
                       headers={"Origin": "http://evil.example"}).status_code == 403  # guard
    assert client.post("/api/preview/recent-orders", json=ok,
                       headers={"Origin": "http://127.0.0.1:5000"}).status_code == 403  # another origin
    assert client.post("/api/preview/recent-orders", json=ok,
                       headers={**SAME, "Sec-Fetch-Site": "same-site"}).status_code == 403
    form = client.post("/api/preview/recent-orders", data="text={}", headers={**SAME, "Content-Type": "text/plain"})
    assert form.status_code == 415  # a cross-site form cannot send JSON without asking first
    assert client.get("/api/preview/recent-orders").status_code == 405
    assert client.post("/api/preview/nope", json=ok, headers=SAME).status_code == 404
    missing = client.post("/api/preview/recent-orders", json={**ok, "scenario": "nope"}, headers=SAME)
    assert missing.status_code == 404 and "its scenarios: default" in missing.get_json()["error"]["message"]
    assert client.post("/api/preview/recent-orders", json={"text": 3}, headers=SAME).status_code == 400
    assert client.post("/api/preview/recent-orders", json=[1], headers=SAME).status_code == 400
    big = client.post("/api/preview/recent-orders", json={"text": "x" * (5 * 1024 * 1024)}, headers=SAME)
    assert big.status_code == 413


# ---------------------------------------------------------------------- saving a scenario
def save(client, view: str, name: str, data: Any, **extra: Any):
    text = data if isinstance(data, str) else json.dumps(data)
    return client.post(f"/api/scenario/{view}", json={"name": name, "text": text, **extra}, headers=SAME)


def test_save_writes_exactly_the_scenario_file_and_the_picker_lists_it(client, app_dir: Path) -> None:
    data = json.loads(editor_text(client.get("/view/recent-orders").get_data(as_text=True)))
    data["customer"]["name"] = "Zed Quux"
    before = files(app_dir)
    resp = save(client, "recent-orders", "zed-2_b", data, theme="dark")
    assert resp.status_code == 200, resp.get_json()
    body = resp.get_json()
    assert body == {"ok": True, "scenario": "zed-2_b", "file": "mocks/recent-orders/zed-2_b.json",
                    "url": "/view/recent-orders?scenario=zed-2_b&theme=dark"}
    after = files(app_dir)
    assert set(after) - set(before) == {"mocks/recent-orders/zed-2_b.json"}
    assert {k: v for k, v in after.items() if k in before} == before  # nothing else touched
    written = (app_dir / "mocks/recent-orders/zed-2_b.json").read_text(encoding="utf-8")
    assert written == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    page = client.get("/view/recent-orders?scenario=zed-2_b").get_data(as_text=True)
    assert 'data-scenario="zed-2_b"' in page and 'aria-current="page" data-scenario="zed-2_b"' in page
    assert json.loads(editor_text(page))["customer"]["name"] == "Zed Quux"


def test_saving_over_a_scenario_needs_confirmation(client, app_dir: Path) -> None:
    vip = app_dir / "mocks/customer-overview/vip.json"
    old = vip.read_bytes()
    resp = save(client, "customer-overview", "vip", {"customer": {"name": "New"}})
    assert resp.status_code == 409
    assert resp.get_json()["error"]["file"] == "mocks/customer-overview/vip.json"
    assert vip.read_bytes() == old
    resp = save(client, "customer-overview", "vip", {"customer": {"name": "New"}}, overwrite=True)
    assert resp.status_code == 200
    assert json.loads(vip.read_text(encoding="utf-8")) == {"customer": {"name": "New"}}
    # "default" of a view whose default is mocks/<view>.json: that file is the one replaced
    own = app_dir / "mocks/recent-orders.json"
    assert save(client, "recent-orders", "default", {"orders": []}).status_code == 409
    assert save(client, "recent-orders", "default", {"orders": []}, overwrite=True).status_code == 200
    assert json.loads(own.read_text(encoding="utf-8")) == {"orders": []}
    assert not (app_dir / "mocks/recent-orders").exists()


@pytest.mark.parametrize("name", ["../evil", "..", "a/b", "a\\b", "", "Vip", ".hidden", "-x", "x.json", "x" * 65,
                                  "con sole", "é", "%2e%2e"])
def test_bad_scenario_names_are_refused(client, app_dir: Path, name: str) -> None:
    before = files(app_dir)
    resp = save(client, "recent-orders", name, {"customer": {}})
    assert resp.status_code == 400 and resp.get_json()["error"]["kind"] == "ScenarioNameError"
    assert files(app_dir) == before


def test_invalid_data_is_not_saved(client, app_dir: Path) -> None:
    before = files(app_dir)
    bad = save(client, "recent-orders", "x", '{"a": }')
    assert bad.status_code == 422 and bad.get_json()["error"]["line"] == 1
    assert save(client, "recent-orders", "x", "[1]").status_code == 422
    assert save(client, "recent-orders", "x", '{"$scenario": {"roles": "admin"}}').status_code == 422
    assert files(app_dir) == before


def test_save_requests_are_checked(client, app_dir: Path) -> None:
    before = files(app_dir)
    body = {"name": "x", "text": "{}"}
    assert client.post("/api/scenario/recent-orders", json=body).status_code == 403
    assert client.post("/api/scenario/recent-orders", json=body, headers={"Origin": "null"}).status_code == 403
    assert client.post("/api/scenario/recent-orders", json=body,
                       headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.post("/api/scenario/recent-orders", data=json.dumps(body),
                       headers={**SAME, "Content-Type": "application/x-www-form-urlencoded"}).status_code == 415
    assert client.post("/api/scenario/..%2f..%2fetc", json=body, headers=SAME).status_code == 404
    assert client.post("/api/scenario/../../etc", json=body, headers=SAME).status_code == 404
    assert files(app_dir) == before


def test_save_is_confined_to_the_app_folder(app_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (app_dir / "mocks" / "loyalty").symlink_to(outside, target_is_directory=True)
    client = create_app(ServerConfig(views_dir=app_dir, reload=False)).test_client()
    resp = save(client, "loyalty", "x", {"customer": {}})
    assert resp.status_code == 403
    assert "outside the app folder" in resp.get_json()["error"]["message"]
    assert list(outside.iterdir()) == []
    # a scenario file that is a symlink out of the folder is not written through either
    target = outside / "secret.json"
    target.write_text("{}", encoding="utf-8")
    (app_dir / "mocks" / "loyalty").unlink()
    (app_dir / "mocks" / "loyalty").mkdir()
    (app_dir / "mocks" / "loyalty" / "vip.json").symlink_to(target)
    resp = save(client, "loyalty", "vip", {"customer": {}}, overwrite=True)
    assert resp.status_code == 403 and target.read_text(encoding="utf-8") == "{}"


def test_save_scenario_in_the_project_layer(app_dir: Path) -> None:
    app = load_app(app_dir)
    spec = app.view("loyalty")
    assert spec is not None
    path = save_scenario(app, spec, "gold", {"customer": {"name": "G"}})
    assert path == app_dir / "mocks" / "loyalty" / "gold.json"
    assert "gold" in scenario_names(load_app(app_dir), spec)
    with pytest.raises(ScenarioExists):
        save_scenario(load_app(app_dir), spec, "gold", {})
    with pytest.raises(ScenarioNameError):
        save_scenario(app, spec, "../gold", {})
    assert not [p for p in (app_dir / "mocks" / "loyalty").iterdir() if p.name.startswith(".")]  # no temp file left
    lone = load_app(app_dir)
    with pytest.raises(FileError):
        save_scenario(type(lone)(views=lone.views), spec, "x", {})  # no app folder: nowhere to save


def test_a_view_named_in_its_meta_saves_next_to_its_template_stem(tmp_path: Path) -> None:
    root = tmp_path / "app"
    (root / "kviews").mkdir(parents=True)
    (root / "kviews" / "card.jsx").write_text("<p>{customer.name}</p>", encoding="utf-8")
    (root / "kviews" / "card.json").write_text(json.dumps({"name": "acme.card"}), encoding="utf-8")
    app = load_app(root)
    spec = app.view("acme.card")
    assert spec is not None
    assert save_scenario(app, spec, "one", {}) == root / "mocks" / "card" / "one.json"
    assert "one" in scenario_names(load_app(root), spec)


def test_save_writes_the_file_atomically(app_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = load_app(app_dir)
    spec = app.view("loyalty")
    assert spec is not None

    def refuse(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(FileError, match="cannot write scenario file: No space left on device"):
        save_scenario(app, spec, "full", {})
    assert list((app_dir / "mocks" / "loyalty").iterdir()) == []


# ---------------------------------------------------------------------- copy buttons' texts
def test_copy_texts_source_html_and_definition(client, app_dir: Path) -> None:
    page = client.get("/view/recent-orders").get_data(as_text=True)
    source = re.search(r'<script type="application/json" id="kvg-copy-source">(.*?)</script>', page, re.S)
    assert source and json.loads(source.group(1)) == (app_dir / "kviews/recent-orders.jsx").read_text(encoding="utf-8")
    rendered = client.get("/render/recent-orders?theme=dark").get_data(as_text=True)
    assert pane_html(page, "dark") == rendered
    definition = re.search(r'<pre class="kvg-pre" id="kvg-definition">(.*?)</pre>', page, re.S)
    assert definition
    entry = json.loads(html.unescape(definition.group(1)))
    built = json.loads(build(app_dir))
    assert entry in built["kviews"] and entry["name"] == "kustomer.app.acme_orders.recent-orders"
    for sel in ("kvg-copy-source", "kvg-editor-text", "kvg-html-light", "kvg-html-dark", "kvg-definition"):
        assert f'data-copy="{sel}"' in page


def test_definition_entry_of_a_view_inside_an_app_definition_is_its_record(tmp_path: Path) -> None:
    root = tmp_path / "app"
    root.mkdir()
    record = {"name": "acme.inline", "template": "<p>hi</p>", "resource": "customer", "context": "smartbar-card",
              "meta": {"displayName": "Inline"}}
    (root / "app.json").write_text(json.dumps({"app": "acme", "kviews": [record]}), encoding="utf-8")
    app = load_app(root)
    spec = app.view("acme.inline")
    assert spec is not None
    assert definition_entry(spec, {"app": "acme"}) == record
    assert registered_name(spec, {"app": "acme"}) == "acme.inline"  # a dotted name is kept


# ---------------------------------------------------------------------- URLs
def test_a_view_is_found_by_name_stem_or_registered_name(client, app_dir: Path) -> None:
    app = load_app(app_dir)
    assert find_view(app, "recent-orders") is find_view(app, "kustomer.app.acme_orders.recent-orders") is not None
    assert find_view(app, "kustomer.app.other.recent-orders") is None
    for name in ("recent-orders", "kustomer.app.acme_orders.recent-orders"):
        page = client.get(f"/view/{name}")
        assert page.status_code == 200
        assert 'data-view="recent-orders"' in page.get_data(as_text=True)
        assert client.get(f"/render/{name}").status_code == 200
    assert client.get("/view/kustomer.app.acme_orders.nope").status_code == 404


def test_theme_system_is_one_pane_following_the_os(client) -> None:
    page = client.get("/view/recent-orders?theme=system").get_data(as_text=True)
    assert 'data-theme-mode="system"' in page
    assert page.count('class="kvg-pane" data-theme=') == 1 and 'class="kvg-pane" data-theme="system"' in page
    assert "kview kview-theme-system" in page
    assert '<a class="kvg-seg" href="/view/recent-orders?theme=system" aria-pressed="true">System</a>' in page
    index = client.get("/?theme=system").get_data(as_text=True)
    assert index.count('data-theme="system"') >= 1 and 'data-theme="light"' not in index
    fragment = client.get("/render/recent-orders?theme=system")
    assert fragment.status_code == 200 and "kview-theme-system" in fragment.get_data(as_text=True)
    assert client.get("/render/recent-orders?theme=sepia").status_code == 400


def test_theme_links_keep_the_scenario(client) -> None:
    page = client.get("/view/customer-overview?scenario=vip").get_data(as_text=True)
    assert 'href="/view/customer-overview?theme=dark&amp;scenario=vip"' in page


# ---------------------------------------------------------------------- filter box, status dots
def test_index_has_the_filter_box_and_every_section_its_status(client, app_dir: Path) -> None:
    (app_dir / "kviews" / "broken.jsx").write_text("<p>{", encoding="utf-8")
    (app_dir / "kviews" / "warned.jsx").write_text('<Button text="a" colour="red" />', encoding="utf-8")
    page = client.get("/").get_data(as_text=True)
    assert 'id="kvg-filter"' in page and 'type="search"' in page
    sections = re.findall(r'<section class="kvg-view[^"]*"[^>]*data-view="([^"]+)".*?'
                          r'<div class="kvg-view-title" data-status="(\w+)"><span class="kvg-dot"', page, re.S)
    statuses = dict(sections)
    assert statuses["broken"] == "err" and statuses["warned"] == "warn" and statuses["loyalty"] == "ok"
    assert len(statuses) == len(load_app(app_dir).views)
    nav = dict(re.findall(r'data-view="([^"]+)" data-status="(\w+)" data-context=', page))
    assert nav == statuses  # the sidebar and the sections agree
    assert "/static/panel.js?v=" in page
