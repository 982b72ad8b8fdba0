"""Apps as Kustomer sees them: every public definition in the corpus loads (views, widget-only,
webhook-only, settings-only, iframe views), a folder of several apps shows all their views, a
view defined twice names both places, and a bad file is one located error while every other
view still renders, on the command line and in a running server."""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from devserver.cli import main
from devserver.project import AppLoadError, load, read_inputs, render_view
from devserver.web import ServerConfig, create_app
from devserver.web.server import DevServer
from renderer import KViewError
from tests.support.paths import CORPUS, ROOT

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not here")

# definition file → (its views, what an app without views lists)
DEFINITIONS = {
    "JZimms2__sample-app-1/resolved/app_expert_testing.app.json": (["hello-world-zzz-josh-shakira.helloworld"], None),
    "JZimms2__sample-app-1/resolved/jokeApp.app.json": (["joke-kview-zzz-josh-shakira.advanced"], None),
    "NateSkiles__effort_timer/resolved/effort_timer.app.json": (["kustomer.app.effort_timer.timer-card"], None),
    "Tchelet__kustomer-giphy-app/resolved/giphy_tutorial_app.app.json": (["giphy_tutorial_app.randomgiphy"], None),
    "arwinada__kustomer-demo/resolved/giphytutorialapp.app.json": (["giphytutorialapp.randomgiphy"], None),
    "kustomer__kustomer-apps-starter-configs/resolved/my_first_advanced_kview_app.app.json":
        (["card-js-kview-<<organization>>.advanced"], None),
    "kustomer__kustomer-apps-starter-configs/resolved/my_first_app.app.json":
        (["hello-world-<<organization>>.helloworld"], None),
    "kustomer__kustomer-apps-starter-configs/resolved/my_first_outbound_webhook_app.app.json":
        ([], ["1 outbound webhook (My first outbound webhook)"]),
    "kustomer__kustomer-apps-starter-configs/resolved/my_first_widget_app.app.json":
        ([], ["1 widget (myFirstWidget)", "1 setting (mySettingsCategory.urlDomain)", "i18n (en_us)"]),
    "parcelLab__kustomer-app_bak/resolved/parcellab_app.app.json": (["parcellab_app.trackorders"], None),
    "parcelLab__kustomer-app_bak/resolved/parcellab_app.v0.0.30-widget.app.json":
        ([], ["1 widget (parcelLab Widget)", "1 command (parcellab_app.app.api.fetchOrderData)",
              "1 setting (default.parcelLabApiToken)", "i18n (en_us)"]),
    "sangeethayesurajan-TU__Kustomer_AuthorAI/resolved/sample_authorai.app.json": (["sample_authorai"], None),
    "sangeethayesurajan-TU__taskGPT_Kustomer/src/old_app.json": (["taskgpt"], None),
    "sangeethayesurajan-TU__taskGPT_Kustomer/src/taskgpt_kustomer/app.json": (["taskgpt"], None),
    "watson-developer-cloud__assistant-web-chat-service-desk-starter/src/kustomer/webChat/client/exampleApp.json":
        (["watson_assistant.chatHistory"], None),
}
RECORDS = sorted(CORPUS.glob("**/kviews/*.kview.json")) if CORPUS.is_dir() else []


def render_all(app) -> dict[str, str]:
    return {v.name: render_view(read_inputs(app, v), theme="light").html for v in app.views}


# ---------------------------------------------------------------------- the corpus
@pytest.mark.parametrize("rel", sorted(DEFINITIONS))
def test_every_public_definition_loads_and_renders(rel: str) -> None:
    views, contents = DEFINITIONS[rel]
    app = load(CORPUS / rel)
    assert [v.name for v in app.views] == views and app.problems == ()
    (defn,) = app.definitions
    assert defn.raw == json.loads((CORPUS / rel).read_text(encoding="utf-8"))  # the raw definition is kept
    if contents is not None:
        assert defn.contents() == contents
    assert all(isinstance(html, str) for html in render_all(app).values())


def test_definition_parts_are_typed() -> None:
    effort = load(CORPUS / "NateSkiles__effort_timer/resolved/effort_timer.app.json").definitions[0]
    assert effort.app == "effort_timer" and [s.key for s in effort.settings] == ["default.authToken", "default.orgName"]
    assert [k.name for k in effort.klasses] == ["conversation"] and len(effort.workflows) == 4
    assert list(effort.i18n) == ["en_us"] and all(isinstance(t, str) for t in effort.i18n["en_us"].values())
    widget = load(CORPUS / "kustomer__kustomer-apps-starter-configs/resolved/my_first_widget_app.app.json")
    (w,) = widget.widgets
    assert (w.name, w.width, w.height) == ("myFirstWidget", "500", "500") and "{{{settings." in (w.url or "")
    parcel = load(CORPUS / "parcelLab__kustomer-app_bak/resolved/parcellab_app.v0.0.30-widget.app.json")
    assert (parcel.widgets[0].width, parcel.widgets[0].height) == ("330px", "30vh")
    assert [(c.name, c.http_method) for c in parcel.commands] == [("parcellab_app.app.api.fetchOrderData", "get")]


def test_every_public_kview_record_loads_and_renders() -> None:
    assert len(RECORDS) == 18
    for path in RECORDS:
        app = load(path)
        (view,) = app.views
        assert app.problems == () and view.problem is None, path
        html = render_all(app)[view.name]
        if view.iframe:  # GSTJ's view: template null, served by the app itself
            assert path.name == "my-example-view.kview.json"
            assert "iframe view" in html and "kview-iframe-view" in html
    nameless = load(CORPUS / "makskustomer__alpha_insight_card/kviews/alpha-insight-card.kview.json").views[0]
    assert (nameless.name, nameless.resource) == ("alpha-insight-card", "customer")  # named by its file


def test_a_workflow_file_is_not_an_app_definition_located() -> None:
    path = CORPUS / "Maquendi__kustomer-apps-configurer/src/example.workflow1.json"
    with pytest.raises(AppLoadError, match="not an app definition") as info:
        load(path)
    assert info.value.file == str(path) and info.value.line == 1
    result = CliRunner().invoke(main, ["render", str(path)])
    assert result.exit_code == 2 and "not an app definition" in result.stderr and "Traceback" not in result.output


# ---------------------------------------------------------------------- several apps in one folder
@pytest.fixture
def multi(tmp_path: Path) -> Path:
    """The corpus's registered definitions side by side, with an editable view and a widgets/ file."""
    root = tmp_path / "apps"
    (root / "kviews").mkdir(parents=True)
    (root / "widgets").mkdir()
    for rel in DEFINITIONS:
        if "/resolved/" in rel:
            shutil.copy(CORPUS / rel, root / Path(rel).name)
    shutil.copy(CORPUS / "GSTJ__kustomer_example/kviews/my-example-view.kview.json", root / "kviews")
    (root / "kviews" / "local.jsx").write_text("<div>local view</div>\n", encoding="utf-8")
    (root / "widgets" / "rail.json").write_text(json.dumps({"name": "rail", "url": "https://x.example"}), "utf-8")
    return root


def expected_views() -> set[str]:
    names = {n for rel, (views, _) in DEFINITIONS.items() if "/resolved/" in rel for n in views}
    return names | {"my-example-view", "local"}


def test_a_folder_of_several_apps_shows_all_their_views(multi: Path) -> None:
    app = load(multi)
    assert {v.name for v in app.views} == expected_views() and app.problems == ()
    assert len(app.definitions) == 13  # 12 registered definitions + the folder's own (widgets/)
    assert [w.name for w in app.widgets] == ["rail", "myFirstWidget", "parcelLab Widget"]
    client = create_app(ServerConfig(views_dir=multi, reload=False)).test_client()
    page = client.get("/").get_data(as_text=True)
    shown = set(re.findall(r'<section class="kvg-view[^"]*" id="[^"]*" data-view="([^"]*)"', page))
    assert {name.replace("&lt;", "<").replace("&gt;", ">") for name in shown} == expected_views()
    # the apps without views are listed with what they have, in the sidebar and the page
    assert "Apps without views" in page
    assert "1 widget (myFirstWidget) · 1 setting (mySettingsCategory.urlDomain) · i18n (en_us)" in page
    assert "1 outbound webhook (My first outbound webhook)" in page
    listing = CliRunner().invoke(main, ["render", str(multi)])
    assert listing.exit_code == 0
    assert "local" in listing.stdout and "my-example-view" in listing.stdout and "iframe view" in listing.stdout
    assert "Apps without views:" in listing.stdout and "1 outbound webhook" in listing.stdout


def test_an_app_without_views_lists_what_it_has(tmp_path: Path) -> None:
    root = tmp_path / "widget-app"
    root.mkdir()
    shutil.copy(CORPUS / "kustomer__kustomer-apps-starter-configs/resolved/my_first_widget_app.app.json", root)
    result = CliRunner().invoke(main, ["render", str(root)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "defines no KViews" in result.stderr and "1 widget (myFirstWidget)" in result.stderr
    asked = CliRunner().invoke(main, ["render", str(root), "--view", "x"])
    assert asked.exit_code == 2 and "It defines no views" in asked.stderr and "1 widget" in asked.stderr
    page = create_app(ServerConfig(views_dir=root, reload=False)).test_client().get("/").get_data(as_text=True)
    assert "No KViews in" in page and "1 widget (myFirstWidget)" in page and "kvg-problems" not in page


# ---------------------------------------------------------------------- both layouts, duplicates
def test_editable_folder_with_inline_views_records_and_iframes(tmp_path: Path) -> None:
    root = tmp_path / "app"
    (root / "kviews").mkdir(parents=True)
    (root / "kviews" / "card.jsx").write_text("<div>card</div>", encoding="utf-8")
    (root / "app.json").write_text(json.dumps({"app": "acme", "title": "Acme", "kviews": [
        {"name": "inline", "template": "<b>inline</b>", "context": "smartbar-details", "resource": "kobject.acme-x"},
        {"name": "hosted", "template": None, "meta": {"url": "https://cards.example/card.html"}},
    ], "settings": {"default": {"token": {"type": "secret", "required": True}}}}), encoding="utf-8")
    (root / "one.kview.json").write_text(json.dumps({"name": "one", "template": "<i>one</i>"}), encoding="utf-8")
    app = load(root)
    assert app.title == "Acme" and [v.name for v in app.views] == ["card", "inline", "hosted", "one"]
    assert app.settings[0].key == "default.token" and app.settings[0].required
    assert app.view("inline").app == "acme" and app.view("inline").origin == f"{root / 'app.json'} kviews[0]"
    html = render_all(app)
    assert "<b>inline</b>" in html["inline"] and "<i>one</i>" in html["one"]
    assert '<iframe class="kv-card-iframe" src="https://cards.example/card.html?' in html["hosted"]


def test_a_view_defined_twice_is_an_error_naming_both(tmp_path: Path) -> None:
    root = tmp_path / "app"
    (root / "kviews").mkdir(parents=True)
    (root / "kviews" / "orders.jsx").write_text("<div>file</div>", encoding="utf-8")
    (root / "kviews" / "orders.json").write_text(json.dumps({"name": "acme.orders"}), encoding="utf-8")
    (root / "kviews" / "same.jsx").write_text("<div>same</div>", encoding="utf-8")
    (root / "b.app.json").write_text(json.dumps({"app": "b", "kviews": [
        {"name": "acme.orders", "template": "<div>inline</div>"},
        {"name": "same", "template": "<div>same</div>"},  # an identical copy (a built definition): one view
    ]}), encoding="utf-8")
    app = load(root)
    assert [v.name for v in app.views] == ["acme.orders", "same"] and app.view("same").problem is None
    problem = app.view("acme.orders").problem
    assert isinstance(problem, AppLoadError)
    assert f"defined twice: in {root / 'kviews' / 'orders.jsx'} and in {root / 'b.app.json'} kviews[0]" in str(problem)
    result = CliRunner().invoke(main, ["render", str(root), "--view", "acme.orders"])
    assert result.exit_code == 1 and "kviews/orders.jsx" in result.stderr and "b.app.json kviews[0]" in result.stderr
    err = create_app(ServerConfig(views_dir=root, reload=False)).test_client().get(
        "/render/acme.orders?format=json").get_json()["error"]
    assert "defined twice" in err["message"] and "b.app.json" in err["message"]


def test_unknown_view_lists_the_views_with_a_did_you_mean(tmp_path: Path) -> None:
    root = tmp_path / "app"
    (root / "kviews").mkdir(parents=True)
    for name in ("recent-orders", "loyalty"):
        (root / "kviews" / f"{name}.jsx").write_text(f"<p>{name}</p>", encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(root), "--view", "recent-order"])
    assert result.exit_code == 2
    assert "no view named 'recent-order'. Did you mean 'recent-orders'?" in result.stderr
    assert re.search(r"^\s+loyalty\s+\(customer, smartbar-card\)$", result.stderr, re.M)
    assert re.search(r"^\s+recent-orders\s+\(customer, smartbar-card\)$", result.stderr, re.M)


# ---------------------------------------------------------------------- bad input
@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A folder with one good view and one bad file of each kind."""
    root = tmp_path / "broken"
    (root / "kviews").mkdir(parents=True)
    (root / "kviews" / "good.jsx").write_text("<div>still here</div>\n", encoding="utf-8")
    (root / "kviews" / "latin1.jsx").write_bytes("<div>\n  caf\xe9\n</div>\n".encode("latin-1"))
    (root / "kviews" / "shape.jsx").write_text("<div>shape</div>", encoding="utf-8")
    (root / "kviews" / "shape.json").write_text('["not", "an", "object"]', encoding="utf-8")
    (root / "malformed.app.json").write_text('{\n  "app": "m",\n  "kviews": [\n    {"name": "x",}\n  ]\n}', "utf-8")
    (root / "missing.app.json").write_text(json.dumps(
        {"app": "n", "kviews": [{"template": "<p/>"}, {"name": "kept", "template": "<p>kept</p>"}]}, indent=2), "utf-8")
    (root / "wrong.app.json").write_text(json.dumps({"app": "w", "kviews": {"a": 1}, "widgets": "no"}, indent=2),
                                         "utf-8")
    return root


def test_each_bad_file_is_located_and_the_other_views_render(broken: Path) -> None:
    app = load(broken)  # does not raise
    assert [v.name for v in app.views] == ["good", "latin1", "shape", "kept"]
    latin1, shape = app.view("latin1").problem, app.view("shape").problem
    assert (latin1.file, latin1.line, latin1.column) == (str(broken / "kviews/latin1.jsx"), 2, 5)
    assert "not UTF-8" in latin1.message and "> 2 |   caf" in latin1.code_frame()
    assert (shape.file, shape.line) == (str(broken / "kviews/shape.json"), 1) and "must be a JSON object" in shape.message
    located = {(Path(e.file).name, e.line, e.column, e.message) for e in app.problems}
    assert located == {
        ("malformed.app.json", 4, 17, "invalid app definition: Expecting property name enclosed in double quotes"),
        ("missing.app.json", 3, 2, "kviews[0] has no 'name' (a string naming the view, e.g. 'kustomer.app.<app>.<view>')"),
        ("wrong.app.json", 3, 2, "'kviews' must be an array of KView records, not a JSON object"),
        ("wrong.app.json", 6, 2, "'widgets' must be an array of objects, not a JSON string"),
    }
    assert all(isinstance(e, KViewError) for e in app.problems)
    html = render_all(replace(app, views=(app.view("good"), app.view("kept"))))
    assert "still here" in html["good"] and "kept" in html["kept"]
    runner = CliRunner()
    ok = runner.invoke(main, ["render", str(broken), "--view", "good"])
    assert ok.exit_code == 0 and "still here" in ok.stdout
    assert "malformed.app.json:4:18" in ok.stderr and "Traceback" not in ok.output  # problems are warnings
    bad = runner.invoke(main, ["render", str(broken), "--view", "latin1"])
    assert bad.exit_code == 1 and "latin1.jsx:2:6" in bad.stderr and "not UTF-8" in bad.stderr
    assert "Traceback" not in bad.output


def test_the_server_stays_up_and_names_every_bad_file(broken: Path) -> None:
    with DevServer(ServerConfig(views_dir=broken, reload=False), port=0).start() as server:
        with urllib.request.urlopen(server.url, timeout=10) as resp:
            assert resp.status == 200
            page = resp.read().decode()
        with urllib.request.urlopen(server.url + "render/good", timeout=10) as resp:
            assert b"still here" in resp.read()
        with urllib.request.urlopen(server.url + "render/latin1?format=json", timeout=10) as resp:
            err = json.loads(resp.read())["error"]
    assert (err["kind"], err["file"], err["line"]) == ("AppLoadError", "kviews/latin1.jsx", 2)
    assert "could not be read" not in page and "4 files could not be loaded" in page
    for name in ("malformed.app.json", "missing.app.json", "wrong.app.json", "kviews/shape.json"):
        assert name in page
    assert 'data-view="good" data-state="ok"' in page and "Traceback" not in page


def test_the_folder_app_json_owns_the_folders_views() -> None:
    """The sample's app.json holds widgets and commands and no inline kviews: its views are the
    folder's kviews/*.jsx, so it is not listed as an app without views."""
    app = load(ROOT / "sample_views")
    (defn,) = [d for d in app.definitions if d.path == ROOT / "sample_views" / "app.json"]
    assert set(defn.views) == {v.name for v in app.views} and len(defn.views) >= 8
