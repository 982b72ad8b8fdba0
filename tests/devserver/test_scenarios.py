"""Scenarios of mock data: where a view's data comes from, and every edge that picks a scenario.

Modules under test: devserver/project/scenarios.py, inputs.py, workspace.py (per-scenario
renders), devserver/cli.py (``kview render --scenario``, ``kview mocks``), devserver/web
(``/render/<view>?scenario=``, ``/view/<view>?scenario=``), and the sample app's scenarios.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from devserver.cli import main
from devserver.project import load, read_inputs, render_view
from devserver.project.scenarios import scenario_names
from devserver.web import ServerConfig, create_app
from renderer import MockDataError

SAMPLES = Path(__file__).resolve().parents[2] / "sample_views"

SOURCES = """<dl>
  <dt>customer</dt><dd>{customer.name}</dd>
  <dt>conversation</dt><dd>{conversation.name}</dd>
  <dt>order</dt><dd>{object.title} {object.custom.orderNumberStr}</dd>
</dl>"""
AGENT = """const { useState, useEffect } = React;
function Agent() {
  const [me, setMe] = useState(null);
  const [orders, setOrders] = useState(null);
  useEffect(() => {
    KustomerRequest({ url: '/v1/users/current' }).then(r => setMe(r.data.attributes));
    KustomerRequest({ url: '/v1/orders' }).then(r => setOrders(r.data.length), e => setOrders(e.errors[0].title));
  }, []);
  if (!me) return <p>loading</p>;
  const setting = appSettings.default.find(s => s.attributes.name === 'storeDomain');
  return <p>roles={me.roles.join('+')} store={setting.attributes.value} lang={navigator.language} orders={orders}</p>;
}
<Agent />"""
MASKED = """const email = customer.emails[0].email;
<p>{email.isMasked ? 'masked:' + email.maskedPresentation : email} {customer.name}</p>"""
DEFINITION = {
    "app": "acme", "title": "Acme",
    "settings": {"default": {"storeDomain": {"type": "string", "defaultValue": "shop.acme.example"},
                             "apiToken": {"type": "secret"}}},
    "klasses": [{"name": "acme-order", "metadata": {"properties": {"orderNumberStr": {}, "totalNum": {}}}}],
}


def write(root: Path, files: dict[str, object]) -> Path:
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return root


@pytest.fixture
def app_dir(tmp_path: Path) -> Path:
    return write(tmp_path / "app", {
        "app.json": DEFINITION,
        "kviews/order.jsx": SOURCES,
        "kviews/order.json": {"resource": "kobject.acme-order", "context": "expanded-timeline"},
        "kviews/agent.jsx": AGENT,
        "kviews/masked.jsx": MASKED,
        "mocks/requests.json": {"GET /v1/orders": {"data": [{"id": "1"}, {"id": "2"}]}},
        "mocks/customer.json": {"id": "c-fixture", "name": "Fixture Customer",
                                "emails": [{"email": "fixture.customer@example.com"}]},
        "mocks/order/default.json": {"conversation": {"id": "v1", "name": "From the scenario"}},
        "mocks/order/vip.json": {"customer": {"id": "c-vip", "name": "Vip Scenario"}},
        "mocks/agent/french-admin.json": {"$scenario": {
            "roles": ["org.admin"], "locale": "fr_fr",
            "settings": {"default": {"storeDomain": "vip.acme.example"}},
            "requests": {"GET /v1/orders": {"status": 503}}}},
        "mocks/masked/pii.json": {"$scenario": {"mask": ["customer.emails[0].email"]}},
        "mocks/masked/bad.json": "{\n  \"$scenario\": {\"mask\": [\"customer.phones[0].phone\"]}\n}",
    })


def html_of(root: Path, view: str, scenario: str | None = None) -> str:
    app = load(root)
    spec = app.view(view)
    assert spec is not None
    return render_view(read_inputs(app, spec, scenario=scenario), theme="light").html


def cells(html: str) -> dict[str, str]:
    return dict(re.findall(r"<dt>(\w+)</dt><dd>([^<]*)</dd>", html))


# ---------------------------------------------------------------------- where data comes from
def test_scenario_then_fixture_then_generated_from_the_app_klass(app_dir: Path) -> None:
    got = cells(html_of(app_dir, "order"))
    assert got["conversation"] == "From the scenario"  # the view's default scenario
    assert got["customer"] == "Fixture Customer"  # mocks/customer.json: not in the scenario
    title, number = got["order"].rsplit(" ", 1)  # generated, with the app's Klass attributes
    assert title.startswith("Order #") and number.isdigit()
    assert cells(html_of(app_dir, "order", "vip"))["customer"] == "Vip Scenario"  # a scenario beats the fixture


def test_a_klass_fixture_beats_generation(app_dir: Path) -> None:
    write(app_dir, {"mocks/kobject.acme-order.json": {"id": "k9", "title": "Fixture order",
                                                       "custom": {"orderNumberStr": "4417"}}})
    assert cells(html_of(app_dir, "order"))["order"] == "Fixture order 4417"


def test_the_legacy_mock_is_the_default_scenario_until_a_default_file_exists(app_dir: Path) -> None:
    write(app_dir, {"mocks/masked.json": {"customer": {"name": "Legacy", "emails": [{"email": "l@x.io"}]}}})
    assert "l@x.io Legacy" in html_of(app_dir, "masked")
    write(app_dir, {"mocks/masked/default.json": {"customer": {"name": "New", "emails": [{"email": "n@x.io"}]}}})
    assert "n@x.io New" in html_of(app_dir, "masked")
    assert scenario_names(load(app_dir), load(app_dir).view("masked")) == ["default", "bad", "pii"]


def test_generated_data_is_the_same_every_run(app_dir: Path) -> None:
    assert html_of(app_dir, "order") == html_of(app_dir, "order")


# ---------------------------------------------------------------------- what a scenario sets
def test_masked_fields_reach_the_template_as_kustomer_masks_them(app_dir: Path) -> None:
    assert "masked:•••• .com Fixture Customer" in html_of(app_dir, "masked", "pii")
    assert "fixture.customer@example.com" in html_of(app_dir, "masked")


def test_a_mask_path_not_in_the_data_is_a_located_error(app_dir: Path) -> None:
    with pytest.raises(MockDataError) as err:
        html_of(app_dir, "masked", "bad")
    assert "customer.phones[0].phone" in err.value.message and err.value.line == 2
    assert err.value.file is not None and err.value.file.endswith("bad.json")


def test_roles_settings_locale_and_request_table_reach_the_template(app_dir: Path) -> None:
    default = html_of(app_dir, "agent")
    assert "roles=org.user.customer.read+org.user.conversation.write+org.user.kobject.write" in default
    assert "store=shop.acme.example lang=en-US orders=2" in default  # settings defaults, app table
    scenario = html_of(app_dir, "agent", "french-admin")
    assert "roles=org.admin store=vip.acme.example lang=fr-FR orders=Service Unavailable" in scenario


# ---------------------------------------------------------------------- the edges
def test_kview_render_scenario(app_dir: Path) -> None:
    r = CliRunner().invoke(main, ["render", str(app_dir), "--view", "order", "--scenario", "vip"])
    assert r.exit_code == 0, r.output
    assert cells(r.output)["customer"] == "Vip Scenario"
    r = CliRunner().invoke(main, ["render", str(app_dir), "--view", "order", "--scenario", "vpi"])
    assert r.exit_code == 2 and "Did you mean 'vip'?" in r.output and "default, vip" in r.output


def test_kview_mocks_write_round_trip(app_dir: Path) -> None:
    generated = html_of(app_dir, "agent")
    runner = CliRunner()
    r = runner.invoke(main, ["mocks", str(app_dir)])
    assert r.exit_code == 0 and "agent: default, french-admin" in r.output
    r = runner.invoke(main, ["mocks", str(app_dir), "--write", "--view", "agent"])
    assert r.exit_code == 0, r.output
    written = app_dir / "mocks" / "agent" / "default.json"
    data = json.loads(written.read_text(encoding="utf-8"))
    assert data["customer"]["name"] == "Fixture Customer" and data["appSettings"]["default"] == {
        "storeDomain": "shop.acme.example"}
    assert html_of(app_dir, "agent") == generated  # the written scenario renders as generated did
    written.write_text(json.dumps({**data, "customer": {**data["customer"], "name": "Edited"}}), encoding="utf-8")
    r = runner.invoke(main, ["mocks", str(app_dir), "--write", "--view", "agent"])
    assert "kept" in r.output and "Edited" in written.read_text(encoding="utf-8")  # never overwritten
    r = runner.invoke(main, ["mocks", str(app_dir), "--write", "--view", "agent", "--force"])
    assert r.exit_code == 0 and "Edited" not in written.read_text(encoding="utf-8")
    r = runner.invoke(main, ["mocks", str(app_dir), "--view", "nope"])
    assert r.exit_code == 2


def test_server_render_and_view_take_a_scenario(app_dir: Path) -> None:
    client = create_app(ServerConfig(views_dir=app_dir, reload=False)).test_client()
    body = client.get("/render/order?format=json&scenario=vip").get_json()
    assert body["scenario"] == "vip" and cells(body["html"])["customer"] == "Vip Scenario"
    assert cells(client.get("/render/order").get_data(as_text=True))["customer"] == "Fixture Customer"
    missing = client.get("/render/order?scenario=nope&format=json")
    assert missing.status_code == 404 and "default, vip" in missing.get_json()["error"]["message"]
    assert client.get("/render/order?scenario=nope").status_code == 404
    page = client.get("/view/order?scenario=vip").get_data(as_text=True)
    assert "Vip Scenario" in page
    assert re.search(r'href="[^"]*scenario=vip"[^>]*aria-current="page"', page)
    assert client.get("/view/order?scenario=nope").status_code == 404


# ---------------------------------------------------------------------- the sample app
@pytest.fixture
def samples(tmp_path: Path) -> Path:
    dest = tmp_path / "sample_views"
    shutil.copytree(SAMPLES, dest)
    return dest


@pytest.mark.parametrize("view,scenario,shows", [
    ("order-activity", "default", "3 orders synced"),
    ("order-activity", "empty", "0 orders synced"),
    ("order-activity", "api-error", "Service Unavailable"),
    ("customer-overview", "vip", "Platinum"),
    ("customer-overview", "masked-pii", "•••• ••• 4417"),
    ("order-details", "default", "Leave at the side door."),  # mocks/kobject.acme_orders-order.json
])
def test_the_sample_ships_its_scenarios(samples: Path, view: str, scenario: str, shows: str) -> None:
    html = html_of(samples, view, scenario)
    assert shows in html
    if scenario == "masked-pii":
        assert "+1 503 555 4417" not in html and "dana.whitfield@example.com" not in html


# ---------------------------------------------------------------------- widgets
def test_a_widget_url_is_filled_from_the_scenario_the_desktop_shows(app_dir: Path) -> None:
    """A widget belongs to no view: its desktop offers the app's scenarios by name, and a
    scenario's ``$scenario.settings`` fill the URL's placeholders over the defaults."""
    definition = {**DEFINITION, "widgets": [{
        "name": "store", "title": "Store", "url": "http://127.0.0.1:3000/w?d={{{settings.default.storeDomain}}}"}]}
    write(app_dir, {"app.json": definition})
    c = create_app(ServerConfig(views_dir=app_dir, reload=False)).test_client()
    plain = c.get("/widget/store").text
    assert "d=shop.acme.example" in plain  # the definition's defaultValue
    assert re.findall(r'data-scenario="([^"]+)"', plain) == ["default", "bad", "french-admin", "pii", "vip"]
    french = c.get("/widget/store?scenario=french-admin").text
    assert "d=vip.acme.example" in french and "d=shop.acme.example" not in french
    assert "d=shop.acme.example" in c.get("/widget/store?scenario=vip").text  # vip gives no settings
    missing = c.get("/widget/store?scenario=nope")
    assert missing.status_code == 404 and "french-admin" in missing.text


def test_widgets_are_photographed_in_the_scenarios_that_change_them(app_dir: Path) -> None:
    """A scenario reaches a widget only through its settings: kview snapshot shoots the widget in
    ``default`` and in each scenario whose settings differ, not once per scenario."""
    from devserver.widget_shots import WidgetServer, widget_scenarios, widget_shots

    write(app_dir, {"app.json": {**DEFINITION, "widgets": [{"name": "store", "title": "Store", "url": "https://x.example/"}]},
                    "mocks/order/same-settings.json": {"$scenario": {
                        "settings": {"default": {"storeDomain": "vip.acme.example"}}}}})
    app = load(app_dir)
    assert [name for name, _ in widget_scenarios(app)] == ["default", "french-admin"]  # same-settings repeats it
    shots = widget_shots(app, WidgetServer(app_dir))
    assert sorted(s.name for s in shots) == [f"widgets/store.{sc}.{t}" for sc in ("default", "french-admin")
                                             for t in ("dark", "light")]
    assert len({s.digest for s in shots}) == 4


def test_the_sdk_answers_from_every_views_default_scenario_requests(tmp_path: Path) -> None:
    """The mock store's request table: each view's default scenario entries over the app-wide
    table (the first view to give a key wins), not the first view's only."""
    root = write(tmp_path / "app", {
        "kviews/a.jsx": "<p>a</p>",
        "kviews/b.jsx": "<p>b</p>",
        "mocks/requests.json": {"GET /v1/shared": {"data": {"id": "app-wide"}}},
        "mocks/a.json": {"$scenario": {"requests": {"GET /v1/both": {"data": {"id": "from-a"}}}}},
        "mocks/b.json": {"$scenario": {"requests": {"GET /v1/only-b": {"data": {"id": "from-b"}},
                                                    "GET /v1/both": {"data": {"id": "from-b"}}}}},
    })
    c = create_app(ServerConfig(views_dir=root, reload=False)).test_client()

    def answer(url: str) -> object:
        return c.post("/_kview/sdk/request", json={"method": "GET", "url": url}).get_json()["body"]["data"]["id"]

    assert answer("/v1/only-b") == "from-b"
    assert answer("/v1/both") == "from-a"
    assert answer("/v1/shared") == "app-wide"
