"""Mock data as Kustomer gives it: both record shapes from one source, user data kept as written,
generation from the app's klasses and from every way templates reach records, determinism.

Modules under test: renderer/kustomer/records.py, generate.py, needs.py, klasses.py,
renderer/js/members.py (non-enumerable properties of plain objects), render(locale=…).
"""

from __future__ import annotations

import json

import pytest

from renderer import evaluate, render
from renderer.kustomer.generate import fill_missing, generate_mock
from renderer.kustomer.klasses import klass_attributes
from renderer.kustomer.records import record_shapes
from renderer.view import template_needs
from tests.support.jsoracle import node_eval_many

CUSTOMER = {"id": "c1", "name": "Ada Lovelace", "emails": [{"email": "ada@example.com"}],
            "custom": {"tierStr": "gold"}}
ORDER = {"id": "k1", "title": "Order #7", "custom": {"totalNum": 12.5}}
KLASSES = [
    {"name": "acme-order", "metadata": {"properties": {
        "orderNumberStr": {}, "notesTxt": {}, "totalNum": {}, "placedAt": {}, "giftBool": {},
        "trackingUrl": {}, "parentId": {}, "reasonTree": {}}}},
    {"name": "customer", "metadata": {"standard": True, "properties": {"vipBool": {}}}},
]


# ---------------------------------------------------------------------- both shapes, one source
@pytest.mark.parametrize("given", [
    CUSTOMER,
    {"type": "customer", "id": "c1", "attributes": {k: v for k, v in CUSTOMER.items() if k != "id"}},
])
def test_one_function_makes_both_shapes_and_they_agree(given) -> None:
    flat, api = record_shapes(given, "customer")
    assert flat == CUSTOMER
    assert api == {"type": "customer", "id": "c1", "attributes": {k: v for k, v in CUSTOMER.items() if k != "id"}}
    assert api["attributes"]["custom"] is flat["custom"]  # shared, so they cannot drift apart


def test_the_context_carries_the_same_record_as_the_template_sees() -> None:
    got = evaluate("JSON.stringify([customer, context.customer, context.object.id, context.type])",
                   {"customer": CUSTOMER}, resource="customer")
    flat, api, object_id, kind = json.loads(got)
    assert flat == CUSTOMER and api["attributes"] == {k: v for k, v in CUSTOMER.items() if k != "id"}
    assert (api["id"], api["type"], object_id, kind) == ("c1", "customer", "c1", "customer")


# ---------------------------------------------------------------------- user data is as written
ENUMERATIONS = ("JSON.stringify([Object.keys({r}), JSON.stringify({r}), (() => {{ const k = []; "
                "for (const x in {r}) k.push(x); return k; }})(), Object.keys({{...{r}}})])")


@pytest.mark.parametrize("resource,data,record", [
    ("customer", {"customer": CUSTOMER}, "object"),
    ("customer", {"customer": CUSTOMER}, "customer"),
    ("kobject.acme-order", {"kobject": ORDER}, "object"),
    ("kobject.acme-order", {"this": {"note": "mine"}, "kobject": ORDER}, "this"),
    ("customer", {"customer": CUSTOMER, "appSettings": {"other": []}}, "appSettings"),
])
def test_no_key_kview_adds_shows_in_keys_stringify_for_in_or_spread(resource, data, record) -> None:
    """Object.keys, JSON.stringify, for…in and spread over a record the user wrote equal Node's
    on the same object: kview's helpers (object.context, this.kobject, appSettings.default)
    are there to read, not to enumerate."""
    mine = evaluate(ENUMERATIONS.format(r=record), data, resource=resource)
    source = {"object": data.get("customer", data.get("kobject")), "customer": data.get("customer"),
              "this": data.get("this"), "appSettings": data.get("appSettings")}[record]
    [node] = node_eval_many([f"const o = {json.dumps(source)}; " + ENUMERATIONS.format(r="o")])
    assert mine == node["ok"]


def test_the_helpers_are_still_there_to_read() -> None:
    got = evaluate("[object.context === context, 'context' in object, this.kobject === kobject, "
                   "appSettings.default.length, Object.keys(object).includes('context')]",
                   {"this": {"note": "mine"}, "kobject": ORDER, "appSettings": {"other": []}},
                   resource="kobject.acme-order")
    assert got == [True, True, True, 0.0, False]


def test_a_record_with_its_own_context_keeps_it() -> None:
    got = evaluate("JSON.stringify([object.context, Object.keys(object)])",
                   {"customer": {**CUSTOMER, "context": "mine"}}, resource="customer")
    assert json.loads(got) == ["mine", ["id", "name", "emails", "custom", "context"]]


def test_the_starter_dynamic_card_gets_the_context() -> None:
    html = render('<div><DynamicCard src={"https://cards.example.com/x"} context={object.context} /></div>',
                  {"customer": CUSTOMER}, resource="customer").html
    assert "cards.example.com" in html and "c1" in html  # the context (customer id) reaches the card


# ---------------------------------------------------------------------- generation
def test_generated_kobject_has_exactly_the_app_klass_attributes_typed_by_suffix() -> None:
    data = generate_mock("kobject.acme-order", set(), "kview", None, klass_attributes(KLASSES))
    custom = data["kobject"]["custom"]
    assert list(custom) == ["orderNumberStr", "notesTxt", "totalNum", "placedAt", "giftBool",
                            "trackingUrl", "parentId", "reasonTree"]
    assert isinstance(custom["orderNumberStr"], str) and isinstance(custom["notesTxt"], str)
    assert isinstance(custom["totalNum"], float) and isinstance(custom["giftBool"], bool)
    assert custom["placedAt"].endswith("Z") and custom["placedAt"][10] == "T"
    assert custom["trackingUrl"].startswith("https://")
    assert len(custom["parentId"]) == 24 and int(custom["parentId"], 16) >= 0
    assert "." in custom["reasonTree"]
    assert isinstance(data["customer"]["custom"]["vipBool"], bool)  # a standard Klass's added attribute


def test_generation_is_deterministic_and_seeded() -> None:
    k = klass_attributes(KLASSES)
    a = generate_mock("kobject.acme-order", {"conversation", "appSettings"}, "kview", None, k)
    assert a == generate_mock("kobject.acme-order", {"conversation", "appSettings"}, "kview", None, k)
    assert a != generate_mock("kobject.acme-order", {"conversation", "appSettings"}, "other", None, k)


@pytest.mark.parametrize("source,resource,expect", [
    ('<p>{context["kobject.group_booking"].attributes.title}</p>', "customer", "Booking #"),
    ("<p>{this.kobject.title}</p>", "kobject.acme-order", "Order #"),
    ("<p>{object.title}</p>", "kobject.acme-order", "Order #"),
    ("<p>{this.conversation.name}</p>", "customer", ""),
    ("<p>{context.company.attributes.name}</p>", "customer", ""),
])
def test_generation_covers_every_way_templates_reach_records(source, resource, expect) -> None:
    html = render(source, resource=resource).html
    text = html.split("<p>", 1)[1].split("</p>", 1)[0]
    assert text and expect in text


def test_fill_missing_keeps_what_is_given_under_any_name() -> None:
    needs = template_needs("<p>{object.title}{conversation.name}{customer.name}</p>")
    given = {"object": ORDER, "customer": None}
    out = fill_missing(given, needs, "kobject.acme-order")
    assert "kobject" not in out and out["object"] is ORDER and out["customer"] is None  # null is given
    assert out["conversation"]["name"]  # the one record missing is generated


def test_the_locale_is_navigator_language() -> None:
    src = "<p>{navigator.language} {navigator.languages.join(',')}</p>"
    assert "<p>fr-FR fr-FR,fr</p>" in render(src, {}, locale="fr_fr").html
    assert "<p>en-US en-US,en</p>" in render(src, {}).html
