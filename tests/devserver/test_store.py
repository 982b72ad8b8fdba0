"""The mock store behind the Cards SDK's ``request``: reads, writes, reset, errors, masks, and
the views a write re-renders (``devserver/project/store.py``, seeded by ``Project.sdk_seed``)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from devserver.project import Project
from devserver.project.store import MockStore, Seed
from renderer.browser.network import load_requests
from tests.support.paths import ROOT

CUSTOMER = {"id": "aaaaaaaaaaaaaaaaaaaaaaaa", "name": "Ada", "email": {"isMasked": True, "maskedPresentation": "•••• .com"},
            "custom": {"tierStr": "gold", "cardStr": {"isMasked": True, "maskedPresentation": "•••• 4417"}}}


def seed() -> Seed:
    s = Seed(commands=frozenset({"acme.app.refund"}), klasses={"acme-order": {"name": "acme-order"}})
    s.add("overview", {"customer": CUSTOMER}, "customer")
    s.add("order", {"kobject": {"type": "kobject.acme-order", "id": "b" * 24, "attributes": {"title": "#1"}}},
          "kobject.acme-order")
    return s


def test_get_answers_the_record_in_json_api_shape() -> None:
    answer, changed = MockStore().handle(seed(), "get", "/v1/customers/" + "a" * 24)
    assert answer.status == 200 and changed is None
    data = answer.body["data"]
    assert data["type"] == "customer" and data["id"] == "a" * 24
    assert data["attributes"]["name"] == "Ada" and "id" not in data["attributes"]
    assert data["links"] == {"self": "/v1/customers/" + "a" * 24}


def test_kobjects_and_klasses() -> None:
    store, s = MockStore(), seed()
    answer, _ = store.handle(s, "GET", "/v1/klasses/acme-order/" + "b" * 24)
    assert answer.body["data"]["type"] == "kobject.acme-order"
    assert answer.body["data"]["attributes"]["title"] == "#1"
    answer, _ = store.handle(s, "GET", "/v1/customers/x/klasses/acme-order")
    assert [d["id"] for d in answer.body["data"]] == ["b" * 24]
    assert store.handle(s, "GET", "/v1/klasses/acme-order")[0].body["data"]["id"] == "acme-order"
    assert store.handle(s, "GET", "/v1/klasses/nope")[0].status == 404


def test_missing_record_is_kustomers_404() -> None:
    answer, _ = MockStore().handle(seed(), "GET", "/v1/conversations/" + "c" * 24)
    assert answer.status == 404
    error = answer.body["errors"][0]
    assert error["status"] == 404 and error["code"] == "not_found" and error["source"] == {"parameter": "id"}
    assert "c" * 24 in error["detail"]


def test_unknown_route_and_bad_body_are_errors() -> None:
    store, s = MockStore(), seed()
    answer, _ = store.handle(s, "GET", "/v1/orders/1")
    assert answer.status == 404 and "mocks/requests.json" in answer.body["errors"][0]["detail"]
    answer, _ = store.handle(s, "PUT", "/v1/customers/" + "a" * 24, ["not", "an", "object"])
    assert answer.status == 400 and answer.body["errors"][0]["source"] == {"parameter": "body"}
    assert store.handle(s, "GET", "https://evil.example/x")[0].status == 404


def test_write_changes_the_store_until_reset() -> None:
    store, s = MockStore(), seed()
    path = "/v1/customers/" + "a" * 24
    answer, changed = store.handle(s, "PATCH", path, {"name": "Ada L.", "custom": {"vipBool": True}})
    assert answer.status == 200 and changed == ("customer", "a" * 24)
    attrs = store.handle(s, "GET", path)[0].body["data"]["attributes"]
    assert attrs["name"] == "Ada L."
    assert attrs["custom"] == {"tierStr": "gold", "vipBool": True, "cardStr": CUSTOMER["custom"]["cardStr"]}
    assert s.records[("customer", "a" * 24)]["name"] == "Ada"  # the seed itself never changes
    assert store.views_of(s, [changed]) == ["overview"]
    assert store.reset() == {("customer", "a" * 24)}
    assert store.handle(s, "GET", path)[0].body["data"]["attributes"]["name"] == "Ada"


def test_masked_fields_stay_masked() -> None:
    store, s = MockStore(), seed()
    path = "/v1/customers/" + "a" * 24
    attrs = store.handle(s, "GET", path)[0].body["data"]["attributes"]
    assert attrs["email"] == {"isMasked": True, "maskedPresentation": "•••• .com"}
    store.handle(s, "PUT", path, {"data": {"attributes": {"email": "new.address@example.org",
                                                           "custom": {"cardStr": "4111111111119999"}}}})
    attrs = store.handle(s, "GET", path)[0].body["data"]["attributes"]
    assert attrs["email"]["isMasked"] is True and "new.address" not in json.dumps(attrs)
    assert attrs["custom"]["cardStr"] == {"isMasked": True, "maskedPresentation": "•••• 9999"}


def test_create_and_delete() -> None:
    store, s = MockStore(), seed()
    answer, key = store.handle(s, "POST", "/v1/klasses/acme-order", {"title": "#2"})
    assert answer.status == 201 and key is not None and len(key[1]) == 24
    assert store.handle(s, "GET", f"/v1/klasses/acme-order/{key[1]}")[0].body["data"]["attributes"] == {"title": "#2"}
    answer, _ = store.handle(s, "DELETE", "/v1/customers/" + "a" * 24)
    assert answer.status == 204 and answer.body is None
    assert store.handle(s, "GET", "/v1/customers/" + "a" * 24)[0].status == 404


def test_users_commands_and_the_request_table() -> None:
    s = seed()
    s.roles = ["org.admin"]
    s.table = load_requests({"GET /v1/customers/:id": {"status": 503},
                             "POST /v1/commands/acme.app.refund/run": {"data": {"attributes": {"responseBody": {"ok": 1}}}}})
    store = MockStore()
    assert store.handle(s, "GET", "/v1/users/current")[0].body["data"]["attributes"]["roles"] == ["org.admin"]
    assert store.handle(s, "GET", "/v1/customers/" + "a" * 24)[0].status == 503  # the table wins
    answer, _ = store.handle(s, "POST", "/v1/commands/acme.app.refund/run", {"args": {}})
    assert answer.body["data"]["attributes"]["responseBody"] == {"ok": 1}
    s.table = None
    assert store.handle(s, "POST", "/v1/commands/acme.app.refund/run")[0].status == 200
    answer, _ = store.handle(s, "POST", "/v1/commands/acme.app.nope/run")
    assert answer.status == 404 and "acme.app.refund" in answer.body["errors"][0]["detail"]
    assert store.handle(s, "GET", "/v1/commands/acme.app.refund/run")[0].status == 405


def test_overlay_puts_writes_into_a_views_data() -> None:
    store, s = MockStore(), seed()
    data = {"customer": dict(CUSTOMER), "orders": [1]}
    assert store.overlay(data, "customer") is data  # nothing written: untouched
    store.handle(s, "PATCH", "/v1/customers/" + "a" * 24, {"name": "Grace"})
    out = store.overlay(data, "customer")
    assert out["customer"]["name"] == "Grace" and out["orders"] == [1] and data["customer"]["name"] == "Ada"


@pytest.fixture()
def sample(tmp_path: Path) -> Path:
    app = tmp_path / "app"
    shutil.copytree(ROOT / "sample_views", app)
    return app


def test_project_seed_and_a_write_rerenders_the_view(sample: Path) -> None:
    """The seed is what the views render with; a write shows in the next render of the views
    that show that record, and a reset takes it back."""
    project = Project(sample)
    s = project.sdk_seed()
    key = next(k for k, views in s.shown_in.items() if "customer-overview" in views and k[0] == "customer")
    name = s.records[key]["name"]
    spec = project.find("customer-overview")
    assert spec is not None
    before = project.render(spec, "light").html
    assert name in before
    answer, changed = project.store.handle(s, "PATCH", f"/v1/customers/{key[1]}", {"name": "Zelda Written"})
    assert answer.ok and project.store.views_of(s, [changed]) == sorted(s.shown_in[key])
    assert "Zelda Written" in project.render(spec, "light").html
    project.store.reset()
    assert project.render(spec, "light").html == before
    assert project.sdk_seed() is s  # memoised while no input changed
