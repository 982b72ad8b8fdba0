"""Kustomer's template globals, the browser stand-ins, KustomerRequest and generated mock data.

Modules under test: renderer/kustomer/, renderer/browser/, renderer/js/analysis.py (and
their wiring in renderer/render.py).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from renderer import KViewError, MockDataError, evaluate, render
from renderer.browser.network import load_requests
from renderer.js.analysis import free_globals
from renderer.js.builtins.promise import FULFILLED, JSPromise
from renderer.js.parse import parse
from renderer.kustomer.generate import generate_mock
from renderer.kustomer.needs import referenced_data
from renderer.kustomer.records import DEFAULT_USER, record_globals
from renderer.kustomer.requests import suggest_pattern
from renderer.render import mock_data_for
from renderer.view import template_needs
from tests.support.jsoracle import node_eval_many
from tests.support.paths import CORPUS

CORPUS_VIEWS = sorted(CORPUS.glob("**/kviews/*.kview.json")) if CORPUS.is_dir() else []
TASKGPT = CORPUS / "sangeethayesurajan-TU__taskGPT_Kustomer/kviews/taskgpt-old_app.kview.json"

CUSTOMER = {"id": "c1", "name": "Ada Lovelace", "custom": {"tierStr": "gold"}}
CONVERSATION = {"id": "v1", "name": "Where is my order?", "status": "open"}
ORDER = {"id": "k1", "title": "Group booking #7", "externalId": "GB-7", "custom": {"sizeNum": 12}}


def settled(v):
    """A completion value, with a settled promise replaced by its value (a rejection raises)."""
    if isinstance(v, JSPromise):
        assert v.state == FULFILLED, f"promise not fulfilled: state {v.state}, value {v.value!r}"
        return v.value
    return v


def ev(source: str, data: dict | None = None, **kw):
    return settled(evaluate(source, data, **kw))


def to_py(v):
    if isinstance(v, dict):
        return {k: to_py(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_py(x) for x in v]
    return v


def js(source: str, data: dict | None = None, resource: str | None = "customer", **kw):
    """Evaluate an expression to plain Python data (dicts, lists, floats, str, None)."""
    return to_py(ev(source, data, resource=resource, **kw))


def rend(source: str, data: dict | None = None, **kw):
    return render(source, data, **kw)


# ============================================================================ record aliases


class TestRecordGlobals:
    def test_customer_view_object_is_the_customer(self):
        src = "[object === customer, this.customer === customer, this.object === customer, object.name]"
        assert ev(src, {"customer": CUSTOMER}, resource="customer") == [True, True, True, "Ada Lovelace"]

    def test_conversation_view_object_is_the_conversation(self):
        data = {"customer": CUSTOMER, "conversation": CONVERSATION}
        assert ev("[object === conversation, object.status, customer.name]", data, resource="conversation") == [
            True, "open", "Ada Lovelace"]

    @pytest.mark.parametrize("given", ["kobject", "object", "kobject.group_booking", "this"])
    def test_kobject_view_aliases_are_one_record(self, given):
        data = {"this": {"kobject": ORDER}} if given == "this" else {given: ORDER}
        src = "[object === kobject, this.kobject === kobject, kobject.title, this.kobject.custom.sizeNum]"
        assert ev(src, data, resource="kobject.group_booking") == [True, True, "Group booking #7", 12.0]

    def test_context_is_jsonapi_shaped(self):
        data = {"customer": CUSTOMER, "conversation": CONVERSATION}
        ctx = js("context", data, resource="conversation")
        assert ctx["type"] == "conversation"
        assert ctx["customer"] == {"type": "customer", "id": "c1",
                                   "attributes": {"name": "Ada Lovelace", "custom": {"tierStr": "gold"}}}
        assert ctx["conversation"]["attributes"]["status"] == "open"
        assert ctx["conversation"]["relationships"]["customer"]["data"] == {"type": "customer", "id": "c1"}
        assert ctx["object"] == ctx["conversation"]
        assert ctx["user"] == DEFAULT_USER["id"]

    def test_context_has_the_kobject_under_its_resource_name(self):
        src = 'context["kobject.group_booking"].attributes?.externalId'
        assert ev(src, {"kobject": ORDER}, resource="kobject.group_booking") == "GB-7"
        assert js("context.object.type", {"kobject": ORDER}, resource="kobject.group_booking") == "kobject.group_booking"

    def test_object_context_is_the_context(self):
        assert ev("object.context === context && context.customer.id", {"customer": CUSTOMER}, resource="customer") == "c1"

    def test_data_keys_are_never_replaced(self):
        data = {"customer": CUSTOMER, "object": {"id": "other"}, "context": {"mine": True}, "this": {"x": 1}}
        assert ev("[object.id, context.mine, this.x, typeof this.customer]", data, resource="customer") == [
            "other", True, 1.0, "undefined"]

    def test_jsonapi_records_are_flattened(self):
        api = {"data": {"type": "customer", "id": "c9", "attributes": {"name": "Grace", "custom": {}}}}
        assert ev("[customer.id, customer.name, object === customer]", {"customer": api}, resource="customer") == ["c9", "Grace", True]

    def test_app_settings_default_and_object_form(self):
        assert js("appSettings", {}) == {"default": []}
        data = {"appSettings": {"app": "taskgpt", "default": {"apikey": "k", "url_def": "https://x"}}}
        assert js("appSettings.default", data) == [
            {"type": "setting", "attributes": {"name": "apikey", "value": "k", "app": "taskgpt"}},
            {"type": "setting", "attributes": {"name": "url_def", "value": "https://x", "app": "taskgpt"}},
        ]

    def test_record_globals_is_a_pure_function_of_data(self):
        g = record_globals({"customer": {"id": "c1"}}, "customer")
        assert g["object"] is g["customer"] and g["this"]["customer"] is g["customer"]
        assert g["context"]["customer"] == {"type": "customer", "id": "c1", "attributes": {}}

    def test_evaluate_without_resource_adds_no_aliases(self):
        assert ev("typeof object + typeof context", {"customer": CUSTOMER}) == "undefinedundefined"


# ============================================================================ KustomerRequest

REQUESTS = {
    "GET /v1/users/current": {"data": {"type": "user", "id": "u1", "attributes": {"name": "Jamie", "email": "j@x.io"}}},
    "POST /v1/commands/*/run": {"data": {"attributes": {"responseBody": {"authToken": "tok"}}}},
    "GET /v1/customers/:id": {"data": {"type": "customer", "id": "any", "attributes": {"name": "Pattern"}}},
    "GET /v1/customers/c1": {"data": {"type": "customer", "id": "c1", "attributes": {"name": "Exact"}}},
    "/v1/anything": {"ok": True},
    "GET /v1/broken": {"status": 500},
    "GET /v1/private": {"status": 403, "body": {"errors": [{"status": 403, "title": "Nope"}]}},
    "GET /v1/slow": {"status": 200, "body": {"slow": True}, "delay": 250},
}


class TestKustomerRequest:
    def test_promise_style_resolves_to_the_full_body(self):
        src = "(async () => (await KustomerRequest({url: '/v1/users/current'})).data.attributes.name)()"
        assert ev(src, requests=REQUESTS) == "Jamie"

    def test_then_style(self):
        src = "let n; KustomerRequest({ url: '/v1/users/current' }).then(r => { n = r.data.attributes.email }); (async () => { await null; await null; return n })()"
        assert ev(src, requests=REQUESTS) == "j@x.io"

    def test_callback_style_gets_null_and_the_body_and_the_promise_still_resolves(self):
        src = """(async () => {
          const seen = [];
          const r = await KustomerRequest({url: '/v1/commands/myapp.app.login_api/run', method: 'post', body: {body: {}}},
            (err, response) => { seen.push(err, response.data.attributes.responseBody.authToken) });
          return [...seen, r.data.attributes.responseBody.authToken];
        })()"""
        assert ev(src, requests=REQUESTS) == [None, "tok", "tok"]

    def test_a_throwing_callback_is_reported_and_does_not_change_the_promise(self):
        # taskGPT reads response.responseBody.errors in its callbacks: undefined.errors throws.
        src = """const { useState, useEffect } = React;
        function C() {
          const [v, setV] = useState('loading');
          useEffect(() => { (async () => {
            const r = await KustomerRequest({url: '/v1/commands/app.x/run', method: 'POST'},
              (err, response) => { if (err) return 'x'; else if (response.responseBody.errors) return 'y'; });
            setV(r.data.attributes.responseBody.authToken);
          })() }, []);
          return <p>{v}</p>;
        }
        <C />"""
        r = rend(src, {}, requests=REQUESTS)
        assert r.html == "<p>tok</p>"
        assert any(w.kind == "request" and "callback" in w.message and "TypeError" in w.message
                   for w in r.warnings)
        assert any(c["level"] == "error" and "reading 'errors'" in c["text"] for c in r.console)

    def test_post_commands_url_and_method_case(self):
        src = "KustomerRequest({url: '/v1/commands/' + 'abc' + '.app.generate_authtoken_api/run', method: 'Post'})"
        assert js(src, requests=REQUESTS) == {"data": {"attributes": {"responseBody": {"authToken": "tok"}}}}

    def test_get_of_a_command_does_not_match_a_post_route(self):
        src = "KustomerRequest({url: '/v1/commands/a/run'}).catch(e => e.errors[0].status)"
        assert ev(src, requests=REQUESTS) == 404.0

    def test_param_patterns_and_exact_keys_win(self):
        src = "Promise.all(['/v1/customers/zz9', '/v1/customers/c1', '/v1/customers/c1/?x=1'].map(url => KustomerRequest({url}).then(r => r.data.attributes.name)))"
        assert ev(src, requests=REQUESTS) == ["Pattern", "Exact", "Exact"]

    def test_bare_path_matches_any_method(self):
        assert js("KustomerRequest({url: '/v1/anything', method: 'DELETE'})", requests=REQUESTS) == {"ok": True}

    def test_absolute_kustomer_urls_match_by_path(self):
        src = "KustomerRequest({url: 'https://acme.api.kustomerapp.com/v1/users/current'}).then(r => r.data.id)"
        assert ev(src, requests=REQUESTS) == "u1"

    def test_miss_rejects_with_the_api_error_shape_and_warns(self):
        src = """const { useState, useEffect } = React;
        function C() {
          const [v, setV] = useState('loading');
          useEffect(() => {
            KustomerRequest({url: '/v1/conversations/5f3c2b1a9d8e7f6a5b4c3d2f/notes'}, (err, res) => setV('cb:' + err.errors[0].code + ':' + typeof res))
              .catch(e => console.log(JSON.stringify(e)));
          }, []);
          return <p>{v}</p>;
        }
        <C />"""
        r = rend(src, {})
        assert r.html == "<p>cb:not_found:undefined</p>"
        detail = ("kview: no mock for GET /v1/conversations/5f3c2b1a9d8e7f6a5b4c3d2f/notes "
                  "(add it to mocks/requests.json)")
        body = {"errors": [{"status": 404, "code": "not_found", "title": "Not Found", "detail": detail}]}
        assert json.loads(r.console[-1]["text"]) == body
        warns = [w for w in r.warnings if w.kind == "request"]
        assert len(warns) == 1 and '"GET /v1/conversations/:id/notes"' in warns[0].message
        assert any(c["level"] == "warn" and "no mock for GET" in c["text"] for c in r.console)

    def test_error_statuses_reject_with_their_body(self):
        src = "Promise.allSettled(['/v1/broken', '/v1/private'].map(url => KustomerRequest({url}))).then(rs => rs.map(r => [r.status, r.reason.errors[0].status, r.reason.errors[0].title]))"
        assert ev(src, requests=REQUESTS) == [
            ["rejected", 500.0, "Internal Server Error"], ["rejected", 403.0, "Nope"]]

    def test_builtin_current_user_and_records(self):
        data = {"customer": CUSTOMER, "conversation": CONVERSATION}
        src = """Promise.all([
          KustomerRequest({url: '/v1/users/current'}).then(r => r.data.attributes.name),
          KustomerRequest({url: '/v1/customers/c1'}).then(r => r.data.attributes.name),
          KustomerRequest({url: '/v1/conversations/v1/messages'}).then(r => r.data.map(m => m.attributes.direction)),
        ])"""
        assert ev(src, data, resource="conversation") == [DEFAULT_USER["name"], "Ada Lovelace", ["in", "out"]]

    def test_each_request_gets_a_fresh_body(self):
        src = """(async () => {
          const a = await KustomerRequest({url: '/v1/anything'}); a.ok = 'mutated';
          return (await KustomerRequest({url: '/v1/anything'})).ok;
        })()"""
        assert ev(src, requests=REQUESTS) is True

    def test_bad_options_are_type_errors(self):
        with pytest.raises(KViewError, match="options.url must be a string"):
            ev("KustomerRequest({method: 'GET'})")
        with pytest.raises(KViewError, match="first argument must be an options object"):
            ev("KustomerRequest('/v1/users/current')")

    def test_delivery_is_asynchronous(self):
        src = "let state = 'pending'; KustomerRequest({url: '/v1/users/current'}).then(() => { state = 'done' }); state"
        assert ev(src, requests=REQUESTS) == "pending"

    def test_delay_runs_on_the_virtual_clock(self):
        src = "KustomerRequest({url: '/v1/slow'}).then(r => [r.slow, performance.now()])"
        assert ev(src, requests=REQUESTS, now_ms=1_000_000.0) == [True, 250.0]

    def test_first_render_shows_loading(self):
        src = """const { useState, useEffect } = React;
        function Who() {
          const [name, setName] = useState(null);
          useEffect(() => { KustomerRequest({ url: '/v1/users/current' }).then(r => setName(r.data.attributes.name)) }, []);
          return <span>{name ?? 'loading…'}</span>;
        }
        <Who />"""
        assert rend(src, {}, requests=REQUESTS, settle_jobs=False).html == "<span>loading…</span>"
        assert rend(src, {}, requests=REQUESTS).html == "<span>Jamie</span>"

    def test_suggested_keys_generalise_ids(self):
        assert suggest_pattern("/v1/customers/5f3c2b1a9d8e7f6a5b4c3d2e/klasses/order?x=1") == "/v1/customers/:id/klasses/order"
        assert suggest_pattern("/v1/users/current") == "/v1/users/current"


# ============================================================================ request tables


class TestRequestTable:
    def test_valid_table(self):
        t = load_requests(REQUESTS)
        assert len(t) == len(REQUESTS)
        route, params = t.match("get", "/v1/customers/abc")
        assert route.key == "GET /v1/customers/:id" and params == {"id": "abc"}
        assert t.match("GET", "/v1/nothing") is None
        assert t.match("PUT", "/v1/anything")[0].response.body == {"ok": True}
        assert t.match("GET", "/v1/broken")[0].response.body["errors"][0]["code"] == "internal_server_error"

    def test_pattern_with_query_compares_the_query(self):
        t = load_requests({"GET /v1/search?q=*": {"hit": 1}, "GET /v1/search": {"hit": 0}})
        assert t.match("GET", "/v1/search?q=boots")[0].response.body == {"hit": 1}
        assert t.match("GET", "/v1/search?page=2")[0].response.body == {"hit": 0}

    @pytest.mark.parametrize(
        ("table", "message"),
        [
            ([1, 2], "must be a JSON object mapping"),
            ({"GTE /v1/x": {}}, "unknown HTTP method 'GTE'"),
            ({"GET v1/x": {}}, "must start with /"),
            ({"GET /v1/x extra": {}}, "is not \"METHOD /path\""),
            ({"GET /v1/x": {"status": "404"}}, "must be an HTTP status code"),
            ({"GET /v1/x": {"status": 200, "delay": -1}}, "delay must be a number"),
            ({"GET /v1/x": {"status": 200, "headers": {"a": 1}}}, "headers must be an object of strings"),
            ({"GET /v1/x": {}, "get /v1/x/": {}}, "repeats the route"),
            ({"GET /v1/x": {1, 2}}, "cannot use a Python set"),
        ],
    )
    def test_bad_tables_are_mock_data_errors(self, table, message):
        with pytest.raises(MockDataError, match=re.escape(message)):
            load_requests(table)

    def test_render_reports_a_bad_table(self):
        with pytest.raises(MockDataError) as info:
            rend("<div/>", {}, requests={"FETCH /v1": {}})
        assert str(info.value).startswith("requests: unknown HTTP method 'FETCH'")

    def test_cli_renders_with_a_requests_file(self, tmp_path):
        from click.testing import CliRunner

        from devserver.cli import main

        (tmp_path / "card.jsx").write_text(
            "const { useState, useEffect } = React;\n"
            "function C() { const [n, setN] = useState('…');\n"
            "  useEffect(() => { KustomerRequest({url: '/v1/users/current'}).then(r => setN(r.data.attributes.name)) }, []);\n"
            "  return <b>{n}</b>; }\n<C />\n")
        (tmp_path / "mocks.json").write_text(json.dumps(REQUESTS))
        (tmp_path / "bad.json").write_text('{"GET nowhere": 1}')
        runner = CliRunner()
        ok = runner.invoke(main, ["render", str(tmp_path / "card.jsx"), "--requests", str(tmp_path / "mocks.json")])
        assert ok.exit_code == 0, ok.output
        assert "<b>Jamie</b>" in ok.output
        bad = runner.invoke(main, ["render", str(tmp_path / "card.jsx"), "--requests", str(tmp_path / "bad.json")])
        assert bad.exit_code == 1 and "must start with /" in bad.output


# ============================================================================ browser globals


STORAGE_VALUES = ["true", "false", "0", "-0", "1.5e300", "null", "undefined", "'x'", "[1, [2, 3]]",
                  "({a: 1})", "({toString() { return 'custom' }})", "NaN", "''"]


class TestStorage:
    def test_stringification_matches_node_string(self):
        kview = [ev(f"sessionStorage.setItem('k', {v}); sessionStorage.getItem('k')") for v in STORAGE_VALUES]
        node = [r["ok"] for r in node_eval_many([f"String({v})" for v in STORAGE_VALUES])]
        assert kview == node

    def test_web_storage_semantics(self):
        src = """const s = sessionStorage; const out = [s.getItem('missing'), s.length];
        s.setItem('a', 1); s.setItem('b', true); s.setItem('a', 2);
        out.push(s.length, s.key(0), s.key(1), s.key(2), s.getItem('a'), s.b, typeof s.getItem);
        s.removeItem('a'); out.push(s.length, s.getItem('a'), s.key(0));
        s.clear(); out.push(s.length, s.key(0));
        localStorage.c = 5; out.push(localStorage.getItem('c'));
        out"""
        assert ev(src) == [None, 0.0, 2.0, "a", "b", None, "2", "true", "function", 1.0, None, "b", 0.0, None, "5"]

    def test_items_are_own_properties_like_in_browsers(self):
        src = """sessionStorage.setItem('a', 1); sessionStorage.b = {}; sessionStorage.setItem('key', 'k');
        const out = [Object.keys(sessionStorage), JSON.stringify(sessionStorage), sessionStorage.length,
                     typeof sessionStorage.key, sessionStorage.getItem('key')];
        delete sessionStorage.a; out.push(sessionStorage.getItem('a'), sessionStorage.length); out"""
        assert js(src) == [["a", "b"], '{"a":"1","b":"[object Object]"}', 3.0, "function", "k", None, 2.0]

    def test_missing_arguments_are_type_errors(self):
        with pytest.raises(KViewError, match="2 arguments required, but only 1 present"):
            ev("sessionStorage.setItem('x')")

    def test_seeded_from_data_and_fresh_per_render(self):
        data = {"sessionStorage": {"isLoggedIn": "true", "n": 3, "obj": {"a": [1]}}}
        src = "[sessionStorage.getItem('isLoggedIn'), sessionStorage.n, sessionStorage.obj, typeof localStorage.getItem('isLoggedIn')]"
        assert ev(src, data) == ["true", "3", '{"a": [1]}', "object"]
        ev("sessionStorage.setItem('leak', 'x')")
        assert ev("sessionStorage.getItem('leak')") is None

    def test_bad_seed_is_a_mock_data_error(self):
        with pytest.raises(MockDataError, match="data.sessionStorage must be an object"):
            ev("1", {"sessionStorage": [1]})

    def test_taskgpt_login_state_comes_from_the_seed(self):
        src = "const [l] = [sessionStorage.getItem('isLoggedIn') === 'true']; l"
        assert ev(src, {"sessionStorage": {"isLoggedIn": "true"}}) is True
        assert ev(src) is False


class TestBrowser:
    def test_fetch_is_refused_with_a_clear_type_error(self):
        src = "fetch('https://orchestrator.example.com/api', {method: 'POST'}).catch(e => [e.name, e.message])"
        assert ev(src) == ["TypeError", "kview: fetch() is not available in previews; mock the call with "
                                        "KustomerRequest or a --requests table"]

    def test_fetch_refusal_warns(self):
        r = rend("<div>{String(fetch('https://x.example.com/a') instanceof Promise)}</div>", {})
        assert r.html == "<div>true</div>"
        assert any(w.kind == "request" and "fetch()" in w.message and "GET https://x.example.com/a" in w.message
                   for w in r.warnings)

    def test_fetch_answered_from_the_table(self):
        requests = {"POST https://api.example.com/health": {"healthy": True},
                    "GET https://api.example.com/gone": {"status": 404, "body": "missing"}}
        src = """(async () => {
          const r = await fetch('https://api.example.com/health', {method: 'POST', body: '{}'});
          const g = await fetch('https://api.example.com/gone');
          return [r.ok, r.status, r.headers.get('Content-Type'), (await r.json()).healthy, g.ok, g.status, await g.text()];
        })()"""
        assert ev(src, requests=requests) == [True, 200.0, "application/json", True, False, 404.0, "missing"]

    def test_window_members(self):
        src = """[window === globalThis, typeof window.addEventListener(), window.innerWidth > 0,
                 window.getSelection().toString(), String(window.getSelection()), window.getSelection().rangeCount,
                 window.location.href, location.origin, window.open('https://x') , navigator.userAgent, navigator.language]"""
        assert ev(src) == [True, "undefined", True, "", "", 0.0, "https://kview.local/app", "https://kview.local",
                           None, "kview", "en-US"]

    def test_get_range_at_throws_like_a_browser(self):
        assert ev("try { getSelection().getRangeAt(0) } catch (e) { e.name }") == "IndexSizeError"

    def test_document_basics(self):
        src = """const el = document.createElement('textarea');
        el.value = 'copy me'; el.style.position = 'fixed'; el.setAttribute('readonly', '');
        el.classList.add('a', 'b'); el.classList.toggle('a');
        document.body.appendChild(el); el.select();
        [el.tagName, el.getAttribute('readonly'), el.className, document.execCommand('copy'),
         document.getElementById('x'), document.querySelector('.y'), document.querySelectorAll('p').length,
         document.cookie, document.body.children.length, typeof document.addEventListener('click', () => {})]"""
        assert ev(src) == ["TEXTAREA", "", "b", False, None, None, 0.0, "", 1.0, "undefined"]

    def test_script_tags_are_not_loaded(self):
        src = """const { useEffect } = React;
        function C() { useEffect(() => { const s = document.createElement('script'); s.src = 'https://cdn/x.js'; document.head.appendChild(s); }, []); return <i/>; }
        <C />"""
        r = rend(src, {})
        assert any(w.kind == "browser" and "https://cdn/x.js" in w.message for w in r.warnings)

    def test_clipboard(self):
        r = rend("""const { useState, useEffect } = React;
        function C() { const [s, setS] = useState('');
          useEffect(() => { navigator.clipboard.writeText('hello').then(() => setS('copied')) }, []);
          return <b>{s}</b>; }
        <C />""", {})
        assert r.html == "<b>copied</b>"
        assert any("[clipboard] hello" in c["text"] for c in r.console)

    def test_base64(self):
        assert ev("[btoa('hello'), atob('aGVsbG8='), atob(' aGVs bG8 '), atob(btoa('\\u00ff\\u0000'))]") == [
            "aGVsbG8=", "hello", "hello", "\u00ff\u0000"]
        assert ev("try { btoa('€') } catch (e) { e.name }") == "InvalidCharacterError"
        assert ev("try { atob('a') } catch (e) { e.name }") == "InvalidCharacterError"

    def test_structured_clone(self):
        src = """const a = {x: [1, {y: 2}], m: new Map([[1, 'one']]), d: new Date(0)}; a.self = a;
        const b = structuredClone(a);
        [b !== a, b.x[1].y, b.x !== a.x, b.self === b, b.m.get(1), b.m !== a.m, b.d.getTime()]"""
        assert ev(src) == [True, 2.0, True, True, "one", True, 0.0]
        assert ev("try { structuredClone({f() {}}) } catch (e) { e.name }") == "DataCloneError"

    def test_animation_frames_and_performance_use_the_virtual_clock(self):
        src = "new Promise(res => requestAnimationFrame(t => res([t, performance.now()])))"
        assert ev(src) == [16.0, 16.0]
        assert ev("performance.now()") == 0.0

    def test_random_uuid_is_v4_shaped_and_deterministic(self):
        a = ev("[crypto.randomUUID(), crypto.randomUUID()]", now_ms=5.0)
        assert a == ev("[crypto.randomUUID(), crypto.randomUUID()]", now_ms=5.0) and a[0] != a[1]
        assert all(re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", u) for u in a)

    def test_dompurify(self):
        dirty = ('<p onclick="steal()" class="x">Hi<script>alert(1)</script>'
                 '<a href="javascript:alert(1)">l</a><img src=x onerror=alert(1)></p>')
        assert ev("DOMPurify.sanitize(s)", {"s": dirty}) == '<p class="x">Hi<a>l</a><img src="x"></p>'
        split = ev("DOMPurify.sanitize(s)", {"s": "<scr<script></script>ipt>alert(1)</script>"})
        assert not lxml_html.fragment_fromstring(split, create_parent="div").xpath("//script")
        assert ev("DOMPurify.sanitize(s)", {"s": "a &lt; b <b>\u00e9\U0001f600</b>"}) == "a &lt; b <b>\u00e9\ud83d\ude00</b>"  # JS strings are code units
        assert ev("DOMPurify.sanitize(undefined)") == ""

    def test_dialogs_warn_and_decline(self):
        r = rend("<b>{String(confirm('Delete?'))}{String(prompt('Name?'))}</b>", {})
        assert r.html == "<b>falsenull</b>"
        assert sum(w.kind == "browser" for w in r.warnings) == 2


# ============================================================================ free globals and mocks


def fg(source: str) -> set[str]:
    return free_globals(parse(source))


class TestFreeGlobals:
    def test_scopes(self):
        src = """
        var v = 1; let l; const {a, b: [c = dflt]} = obj;
        function f(p, {q} = r, ...rest) { var inner; return p + q + inner + rest + outer + arguments.length; }
        const g = function named() { return named; };
        try { x() } catch (err) { err + y }
        for (const i of list) { i }
        { let blockOnly = 1; }
        blockOnly;
        class K extends Base { m() { return this.k + K } }
        hoisted(); function hoisted() {}
        label: for (;;) { break label; }
        ({ key: val, [comp]: 1, short }).prop;
        typeof maybe;
        implicit = 1;
        """
        assert fg(src) == {"obj", "dflt", "r", "outer", "x", "y", "list", "blockOnly", "Base", "val", "comp",
                           "short", "maybe", "implicit"}

    def test_jsx_names(self):
        src = "const Local = () => <div/>; <Segment><div className={cls}/><Local/><UI.Row/><my-el/>{items.map(i => <i key={i}/>)}</Segment>"
        assert fg(src) == {"Segment", "cls", "UI", "items"}

    def test_top_level_this(self):
        assert fg("const data = this; <div>{data.kobject.title}</div>") == {"this"}
        assert fg("function f() { return this } (() => 1)()") == set()
        assert fg("(() => this.kobject)()") == {"this"}

    @pytest.mark.skipif(not TASKGPT.exists(), reason="corpus not available")
    def test_taskgpt(self):
        used = fg(json.loads(TASKGPT.read_text())["template"])
        assert {"appSettings", "conversation", "KustomerRequest", "React", "sessionStorage", "navigator",
                "window", "console", "setTimeout"} <= used
        assert not used & {"useState", "useEffect", "MyComponent", "generateTokenApi", "isAuthuu"}

    def test_custom_attributes(self):
        src = """<div>{this.kobject.custom.eventDurationNum.toString()} {_.get(customer, 'custom.@acmeTierStr', 'none')}
                 {object.custom.startTimeAt} {conversation?.custom?.["topicTree"]} {reservation.attributes.custom.unitStr}</div>"""
        assert referenced_data(parse(src))[0] == {
            "kobject": {"eventDurationNum"}, "customer": {"@acmeTierStr"}, "object": {"startTimeAt"},
            "conversation": {"topicTree"}}


ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z")
HEX24 = re.compile(r"[0-9a-f]{24}\Z")


class TestGenerateMock:
    def test_deterministic_for_a_seed(self):
        used = {"customer", "conversation", "company", "appSettings"}
        a = generate_mock("conversation", used, "s1")
        assert a == generate_mock("conversation", used, "s1")
        assert a != generate_mock("conversation", used, "s2")
        # each record has its own stream: the customer does not depend on what else is used
        assert generate_mock("customer", set(), "s1")["customer"] == a["customer"]

    def test_shapes(self):
        m = generate_mock("conversation", {"company", "appSettings"}, "kview")
        c, v, co = m["customer"], m["conversation"], m["company"]
        assert {"name", "displayName", "emails", "phones", "locations", "custom"} <= set(c)
        assert {"loyaltyTierStr", "lifetimeValueNum", "lastOrderAt"} <= set(c["custom"])
        assert isinstance(c["custom"]["lifetimeValueNum"], float) and ISO.match(c["custom"]["lastOrderAt"])
        assert {"status", "priority", "channels", "assignedUsers", "messageCount", "custom"} <= set(v)
        assert v["assignedUsers"] == [DEFAULT_USER["id"]] and v["customer"] == c["id"]
        assert all(HEX24.match(r["id"]) for r in (c, v, co))
        assert all(ISO.match(r["createdAt"]) for r in (c, v, co))
        assert m["appSettings"]["default"][0]["attributes"].keys() == {"name", "value", "app"}
        assert m["context"]["type"] == "conversation" and m["context"]["conversation"]["id"] == v["id"]
        json.dumps(m)  # plain JSON

    def test_kobject_resource(self):
        m = generate_mock("kobject.acme-order", set(), "kview")
        k = m["kobject"]
        assert {"title", "description", "custom", "images"} <= set(k) and k["images"][0]["url"].startswith("data:image/svg+xml,")
        assert m["context"]["kobject.acme-order"]["id"] == k["id"]

    def test_referenced_custom_attributes_are_typed_by_suffix(self):
        m = generate_mock("kobject.calendly-event", set(), "kview",
                          {"kobject": {"eventDurationNum", "eventTypeStr", "startTimeAt", "paidBool", "inviteeUrl"},
                           "customer": {"@acmeOrderCountNum"}})
        kc = m["kobject"]["custom"]
        assert isinstance(kc["eventDurationNum"], int) and isinstance(kc["eventTypeStr"], str)
        assert ISO.match(kc["startTimeAt"]) and isinstance(kc["paidBool"], bool)
        assert kc["inviteeUrl"].startswith("https://")
        assert isinstance(m["customer"]["custom"]["@acmeOrderCountNum"], int)

    def test_a_plural_urls_attribute_is_a_list(self):
        """``photoUrls`` (as sample_views' conversation-summary reads it, with ``_.get(…, [])``):
        pictures drawn inline, not one string a template would take for a relative URL."""
        m = generate_mock("conversation", set(), "kview", {"conversation": {"photoUrls", "docsUrls"}})
        custom = m["conversation"]["custom"]
        assert len(custom["photoUrls"]) == 3 and all(u.startswith("data:image/svg+xml,") for u in custom["photoUrls"])
        assert custom["docsUrls"] and all(u.startswith("https://example.com/docs/") for u in custom["docsUrls"])
        html = rend("<Images images={_.get(conversation, 'custom.photoUrls', [])} size=\"small\" />",
                    resource="conversation").html
        assert html.count("<img") == 3 and "data:image/svg+xml," in html

    def test_calendly_style_template_renders_out_of_the_box(self):
        src = """<div>{this.kobject.custom ? <p>{this.kobject.custom.eventTypeStr} · {`${this.kobject.custom.eventDurationNum.toString()} minutes`}</p> : null}</div>;"""
        html = rend(src, resource="kobject.calendly-event").html
        assert re.fullmatch(r"<div><p>[^<]+ · \d+ minutes</p></div>", html), html

    def test_render_uses_generated_data_only_without_data(self):
        assert rend("<b>{typeof customer}</b>").html == "<b>object</b>"
        with pytest.raises(KViewError, match="customer is not defined"):
            rend("<b>{customer.name}</b>", {})
        with pytest.raises(KViewError, match="customer is not defined"):
            rend("<b>{customer.name}</b>", generate_mocks=False)

    def test_generated_data_is_stable_across_renders(self):
        src = "<b>{customer.name} {customer.id}</b>"
        assert rend(src).html == rend(src).html


def _corpus_template(path: Path) -> tuple[str, str]:
    d = json.loads(path.read_text())
    return d.get("template") or "", d.get("resource") or "customer"


@pytest.mark.parametrize("path", CORPUS_VIEWS, ids=lambda p: p.parent.parent.name + "/" + p.stem)
def test_corpus_free_globals_are_all_defined(path):
    source, resource = _corpus_template(path)
    if not source.strip():
        pytest.skip("empty template")
    used = template_needs(source).used - {"this", "undefined", "santizedData"}  # santizedData: an implicit global
    names = sorted(used)
    types = evaluate("[" + ", ".join(f"typeof {n}" for n in names) + "]", mock_data_for(source, resource),
                     resource=resource)
    missing = [n for n, t in zip(names, types) if t == "undefined"]
    assert not missing


@pytest.mark.parametrize("path", CORPUS_VIEWS, ids=lambda p: p.parent.parent.name + "/" + p.stem)
def test_corpus_renders_with_generated_mocks(path):
    source, resource = _corpus_template(path)
    if not source.strip():
        pytest.skip("empty template")
    try:
        r = render(source, name=path.name, resource=resource)
    except KViewError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug elsewhere in the renderer, not in the globals
        pytest.xfail(f"renderer error outside the Kustomer globals: {exc!r}")
    assert isinstance(r.html, str)
    assert not [w for w in r.warnings if "is not defined" in w.message]

