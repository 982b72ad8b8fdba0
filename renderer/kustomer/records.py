"""Kustomer's template globals: the record variables (``customer``, ``object``, ``this.kobject``…) and ``KustomerRequest``.

Record globals (``record_globals(data, resource)``)
===================================================

Templates see records **flattened** (``customer.name``, ``customer.custom.tierStr``;
reference §2.2–2.3). From the user's mock data (already JS values) kview fills in the
aliases a real view would have; a key the data sets itself is never replaced:

* ``object`` is the record the view is bound to: ``customer`` / ``conversation`` /
  ``company`` for those resources, the KObject for ``kobject.<klass>``. For a KObject the
  record may be given as ``kobject``, ``object``, ``"kobject.<klass>"`` or ``this.kobject``;
  ``object``, ``kobject`` and ``this.kobject`` then are the *same* dict. When only
  ``object`` is given, the resource's own name (``customer``…) aliases it.
* A record given in API (JSON:API) shape — ``{type, id, attributes, relationships}`` or a
  whole response ``{data: {…}}`` — is flattened to ``{id, …attributes}``, so a pasted API
  response works as mock data.
* ``context`` (what templates hand to ``<DynamicCard context={…}>``) defaults to the Cards
  SDK context (§6.3) in **JSON:API shape**: ``{type: resource, customer: {type, id,
  attributes}, conversation, company, object, user: <agent id>}`` plus, for KObject views,
  the record under its resource name (``context["kobject.group_booking"]``). Conversations
  get a ``relationships.customer`` link.
* ``object.context``: starter templates pass ``context={object.context}``; kview sets it to
  the same ``context`` object when the record has no ``context`` of its own (so it is an
  own key of the record; ``JSON.stringify(object)`` shows it).
* ``this`` at the top of a template is the data object: every global above (``this.kobject``,
  ``this.customer``…). A ``this`` in the data is kept (and gets ``kobject`` filled in for
  KObject views).
* ``appSettings`` defaults to ``{default: []}``. A category given as a plain object
  (``{"default": {"apikey": "x"}}``) becomes the observed array shape
  ``[{type: 'setting', attributes: {name, value, app}}]`` (``app`` from ``appSettings.app``,
  else ``"kview_mock_app"``).

``KustomerRequest(options, callback?)``
=======================================

Answered from the render's mock request table (format: ``renderer/mockdata.py``); the network
is never used. ``options.url`` is required, ``options.method`` defaults to ``GET`` (any
case). The answer is delivered asynchronously: as a job in the render's queue (after the
current synchronous code, so the first render shows loading states), or after
``delay`` virtual milliseconds when the table says so. Then:

* **success** (2xx): ``callback(null, body)`` if a callback was given, then the returned
  promise resolves with the same full JSON:API body;
* **error** (a table entry with status ≥ 400, or no entry at all): ``callback(errorBody,
  undefined)``, then the promise **rejects** with ``errorBody`` — Kustomer's API error shape
  ``{errors: [{status, code, title, detail}]}``. Promise and callback always agree, whether
  or not a callback was given; an ``await`` inside ``try`` lands in ``catch`` either way;
* a callback that throws (the taskGPT templates read ``response.responseBody.errors`` in
  theirs) is reported on the console and as a warning but does not change the promise:
  templates that ``await`` the request still get the body;
* a miss is also a warning (kind ``request``) and a console warning naming the key to add.

Built-in answers when the table has no matching entry: ``GET /v1/users/current`` → a
plausible agent (``DEFAULT_USER``), ``GET /v1/customers|conversations|companies/<id>`` for
the records of this render, and ``GET /v1/conversations/<id>/messages`` for its
conversation (``mock_messages``). Every call is recorded in ``rt.extra['request_log']``.
``Kustomer.request`` belongs to the Cards SDK (iframes), not to templates, and is not defined.
"""

from __future__ import annotations

import copy
import re
from typing import Any

from ..js.members import get_member
from ..js.values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSThrow,
    NativeFunction,
    safe_to_string,
    to_js,
    to_string,
    type_error,
)

DEFAULT_USER: dict[str, Any] = {
    "id": "5f3c2b1a9d8e7f6a5b4c3d2e",
    "name": "Alex Agent",
    "displayName": "Alex Agent",
    "email": "alex.agent@example.com",
    "avatarUrl": None,
    "roles": ["org.user.customer.read", "org.user.conversation.write", "org.user.kobject.write"],
    "createdAt": "2024-02-12T16:20:11.402Z",
    "updatedAt": "2026-05-28T09:14:37.118Z",
}

_STANDARD = ("customer", "conversation", "company")
_API_KEYS = frozenset({"type", "id", "attributes", "relationships", "links", "meta"})
_COLLECTIONS = {"customer": "customers", "conversation": "conversations", "company": "companies"}
APP_FALLBACK = "kview_mock_app"


def primary_name(resource: str) -> str:
    """The data key holding the view's own record: ``kobject.order`` → ``kobject``."""
    resource = (resource or "customer").strip()
    return "kobject" if resource.startswith("kobject.") or resource == "kobject" else resource


def _api_type(name: str, resource: str) -> str:
    if name == "kobject":
        return resource if resource.startswith("kobject.") else "kobject"
    return name


# ---------------------------------------------------------------------------- shapes

def is_api_resource(v: Any) -> bool:
    return (
        type(v) is dict
        and type(v.get("attributes")) is dict
        and type(v.get("type")) is str
        and set(v) <= _API_KEYS
    )


def flatten_record(v: Any) -> Any:
    """A JSON:API resource (or ``{data: resource}`` response) → the flattened template shape."""
    if type(v) is dict and "data" in v and set(v) <= {"data", "included", "links", "meta"} and is_api_resource(v["data"]):
        v = v["data"]
    if not is_api_resource(v):
        return v
    out = {"id": v["id"]} if "id" in v else {}
    out.update(v["attributes"])
    return out


def to_jsonapi(record: Any, api_type: str, relationships: dict | None = None) -> Any:
    """A flattened record → ``{type, id, attributes}`` (works on JSON data and on JS values)."""
    if type(record) is not dict:
        return record
    out: dict[str, Any] = {"type": api_type}
    if "id" in record:
        out["id"] = record["id"]
    out["attributes"] = {k: v for k, v in record.items() if k not in ("id", "context")}
    if relationships:
        out["relationships"] = relationships
    return out


def build_context(records: dict[str, Any], resource: str) -> dict[str, Any]:
    """The Cards SDK context (JSON:API shape) for the records of a view on ``resource``."""
    resource = (resource or "customer").strip()
    primary = primary_name(resource)
    ctx: dict[str, Any] = {"type": resource}
    api: dict[str, Any] = {}
    customer = records.get("customer")
    for name in (*_STANDARD, "kobject"):
        rec = records.get(name)
        if type(rec) is not dict:
            continue
        rel = None
        if name == "conversation" and type(customer) is dict and "id" in customer:
            rel = {"customer": {"data": {"type": "customer", "id": customer["id"]}}}
        api[name] = to_jsonapi(rec, _api_type(name, resource), rel)
        if name != "kobject":
            ctx[name] = api[name]
    if primary == "kobject" and "kobject" in api:
        ctx[_api_type("kobject", resource)] = api["kobject"]
    rec = records.get(primary)
    if primary in api:
        ctx["object"] = api[primary]
    elif type(rec) is dict:
        ctx["object"] = to_jsonapi(rec, resource)
    ctx["user"] = DEFAULT_USER["id"]
    return ctx


def _settings_array(values: dict, app: str) -> list:
    return [{"type": "setting", "attributes": {"name": k, "value": v, "app": app}} for k, v in values.items()]


def _normalize_app_settings(settings: Any) -> Any:
    if type(settings) is not dict:
        return settings
    app = settings["app"] if type(settings.get("app")) is str else APP_FALLBACK
    for category, value in list(settings.items()):
        if category != "app" and type(value) is dict and not is_api_resource(value):
            settings[category] = _settings_array(value, app)
    settings.setdefault("default", [])
    return settings


def record_globals(data: dict[str, Any], resource: str = "customer") -> dict[str, Any]:
    """``data`` (JS values) plus the record aliases a view on ``resource`` sees (see module doc)."""
    resource = (resource or "customer").strip()
    primary = primary_name(resource)
    g = dict(data)
    for name in (*_STANDARD, "kobject", "object", resource):
        if name in g:
            g[name] = flatten_record(g[name])
    this = g.get("this")
    if primary == "kobject":
        rec = next(
            (g[k] for k in ("kobject", "object", resource) if type(g.get(k)) is dict),
            this.get("kobject") if type(this) is dict and type(this.get("kobject")) is dict else None,
        )
        if rec is not None:
            g.setdefault("kobject", rec)
            g.setdefault("object", g["kobject"])
    else:
        if primary not in g and type(g.get("object")) is dict:
            g[primary] = g["object"]
        if primary in g:
            g.setdefault("object", g[primary])
    if "context" not in g:
        g["context"] = build_context(g, resource)
    obj = g.get("object")
    if type(obj) is dict and "context" not in obj:
        obj["context"] = g["context"]
    g["appSettings"] = _normalize_app_settings(g.get("appSettings", {"default": []}))
    if type(this) is dict:
        if primary == "kobject" and "kobject" in g:
            this.setdefault("kobject", g["kobject"])
    elif "this" not in g:
        g["this"] = {k: v for k, v in g.items() if k != "this"}
    return g


# ---------------------------------------------------------------------------- KustomerRequest

def _builtin_answer(method: str, path: str, records: dict[str, Any]) -> Any:
    """A JS-valued body for requests kview answers itself, or None."""
    if method != "GET":
        return None
    path = path.split("?", 1)[0].rstrip("/")
    if path == "/v1/users/current":
        user = dict(DEFAULT_USER)
        uid = user.pop("id")
        return to_js({"data": {"type": "user", "id": uid, "attributes": user,
                               "links": {"self": f"/v1/users/{uid}"}}})
    conv = records.get("conversation")
    if type(conv) is dict and type(conv.get("id")) is str and path == f"/v1/conversations/{conv['id']}/messages":
        return mock_messages(conv, records.get("customer"))
    for name, coll in _COLLECTIONS.items():
        rec = records.get(name)
        if type(rec) is dict and type(rec.get("id")) is str and path == f"/v1/{coll}/{rec['id']}":
            body = to_jsonapi(rec, name)
            body["links"] = {"self": path}
            return {"data": body}
    return None


_ID_SEGMENT = re.compile(r"(?<=/)(?:[0-9a-f]{24}|[0-9a-f]{8}-[0-9a-f-]{27}|\d+)(?=/|\Z)", re.I)


def suggest_pattern(url: str) -> str:
    """A table key for a missed URL: query dropped, id-like segments as ``:id``."""
    return _ID_SEGMENT.sub(":id", url.split("?", 1)[0].split("#", 1)[0])


def mock_messages(conv: dict, customer: Any) -> Any:
    """``GET /v1/conversations/<id>/messages`` for the render's conversation: the customer's
    message (the conversation's ``preview``), then an agent reply if it has outbound messages."""
    cid = conv["id"]
    cust_id = customer.get("id") if type(customer) is dict else None
    channel = conv["channels"][0] if type(conv.get("channels")) is list and conv.get("channels") else "email"
    created = conv.get("createdAt") if type(conv.get("createdAt")) is str else "2026-06-01T12:00:00.000Z"
    updated = conv.get("lastActivityAt") if type(conv.get("lastActivityAt")) is str else created
    preview = conv.get("preview") if type(conv.get("preview")) is str else "Hi, I have a question about my order."
    out = [("in", "initial-in", preview, created)]
    if type(conv.get("outboundMessageCount")) is not float or conv["outboundMessageCount"] > 0:
        out.append(("out", "response-out", "Thanks for reaching out! I'm looking into this for you now.", updated))
    data = []
    for i, (direction, dtype, text, at) in enumerate(out):
        rel: dict[str, Any] = {"conversation": {"data": {"type": "conversation", "id": cid}}}
        if cust_id is not None:
            rel["customer"] = {"data": {"type": "customer", "id": cust_id}}
        data.append({"type": "message", "id": f"{cid[:16]}{i + 1:08x}", "attributes": {
            "channel": to_string(channel), "app": "gmail" if channel == "email" else to_string(channel),
            "direction": direction, "directionType": dtype, "preview": text, "status": "sent",
            "sentAt": at, "createdAt": at, "auto": False, "redacted": False,
        }, "relationships": rel})
    return to_js({"data": data, "links": {"self": f"/v1/conversations/{cid}/messages"}})


def _describe(method: str, url: str) -> str:
    return f"{method} {url}"


def make_kustomer_request(rt: Any, table: Any, records: dict[str, Any]) -> NativeFunction:
    """The per-render ``KustomerRequest`` answering from ``table`` (a ``mockdata.RequestTable``)."""
    from ..js.builtins.promise import JSPromise
    from .mockdata import error_body

    log: list = rt.extra.setdefault("request_log", [])

    def call(this: Any, args: list) -> Any:
        opts = args[0] if args else UNDEFINED
        callback = args[1] if len(args) > 1 else UNDEFINED
        if not isinstance(opts, dict):
            type_error("KustomerRequest: the first argument must be an options object like {url: '/v1/users/current'}")
        url = get_member(opts, "url")
        if type(url) is not str or not url:
            type_error(f"KustomerRequest: options.url must be a string like '/v1/users/current', not {safe_to_string(url)}")
        m = get_member(opts, "method")
        method = "GET" if m is UNDEFINED or m is None else to_string(m).upper()
        where = _describe(method, url)
        loc = rt.loc
        found = table.match(method, url, path_fallback=True)
        delay = 0.0
        if found is not None:
            route, params = found
            resp = route.response
            status, delay = resp.status, resp.delay_ms
            make_body = lambda: to_js(copy.deepcopy(resp.body))  # noqa: E731 - fresh per delivery
            matched = route.key
        else:
            builtin = _builtin_answer(method, url, records)
            if builtin is not None:
                status, matched = 200, "(kview built-in)"
                make_body = lambda: builtin  # noqa: E731
            else:
                status, matched = 404, None
                detail = f"kview: no mock for {where} (add it to mocks/requests.json)"
                make_body = lambda: to_js(error_body(404, detail))  # noqa: E731
                msg = (f'KustomerRequest: no mock for {where}; add "{method} {suggest_pattern(url)}" '
                       "to the request table (--requests)")
                rt.warn(msg, loc, kind="request")
                rt.log("warn", msg)
        log.append({"method": method, "url": url, "status": status, "matched": matched,
                    "body": get_member(opts, "body")})

        promise = JSPromise(rt)

        def deliver() -> Any:
            body = make_body()
            ok = 200 <= status < 300
            if isinstance(callback, JSFunction):
                try:
                    callback.call(UNDEFINED, [None, body] if ok else [body, UNDEFINED])
                except JSThrow as exc:
                    v = exc.value
                    text = f"{v.name}: {v.message}" if isinstance(v, JSError) else safe_to_string(v)
                    rt.log("error", f"Uncaught {text} (in the KustomerRequest callback for {where})")
                    rt.warn(f"the KustomerRequest callback for {where} threw {text}; "
                            "the returned promise still settles with the response", loc, kind="request")
            if ok:
                promise.resolve(body)
            else:
                promise.reject(body)
            return UNDEFINED  # (also the timer callback's result)

        if delay > 0:
            rt.set_timer(NativeFunction("", lambda t, a: deliver()), delay, [])
        else:
            rt.enqueue(deliver)
        return promise

    return NativeFunction("KustomerRequest", call, 2)


# ---------------------------------------------------------------------------- wiring

def install(rt: Any, data: dict[str, Any], resource: str | None = "customer", requests: Any = None) -> dict[str, Any]:
    """Register Kustomer's and the browser's globals in ``rt`` and return the data's globals.

    ``data`` holds JS values; the result adds the record aliases (``record_globals``) unless
    ``resource`` is None (``evaluate()``: data stays as given).
    ``requests`` is a request table (JSON data or a ``RequestTable``); a malformed one raises
    ``MockDataError``. ``sessionStorage``/``localStorage`` keys of the data seed the storages.
    """
    from ..browser import window as browser
    from .mockdata import load_requests

    table = load_requests(requests)
    rt.extra["request_table"] = table
    data = browser.take_storage_seeds(rt, data)
    g = record_globals(data, resource) if resource is not None else dict(data)

    def kustomer_globals(rt2: Any) -> dict[str, Any]:
        return {"KustomerRequest": make_kustomer_request(rt2, table, g)}

    factories = rt.extra.setdefault("global_factories", [])
    factories.append(browser.browser_globals)
    factories.append(kustomer_globals)
    return g
