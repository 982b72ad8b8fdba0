"""``KustomerRequest``: Kustomer's API as templates call it, answered from the render's request table.

``KustomerRequest(options, callback?)``
=======================================

Answered from the render's mock request table (format: ``renderer/browser/network.py``); the network
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
conversation (``mock_messages``). Every call is recorded in ``rt.request_log``.
``Kustomer.request`` belongs to the Cards SDK (iframes), not to templates, and is not defined.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from ..browser.base import BrowserRuntime
from ..browser.network import RequestTable, error_body
from ..js.builtins.json import stringify
from ..js.builtins.promise import JSPromise
from ..js.members import get_member
from ..js.values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSThrow,
    NativeFunction,
    from_code_units,
    safe_to_string,
    to_js,
    to_string,
    type_error,
)
from .records import _COLLECTIONS, DEFAULT_USER, to_jsonapi


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


def json_of(value: Any) -> Any:
    """A JS value as plain JSON data for the activity panel (``None`` for what JSON drops)."""
    try:
        text = stringify(value)
    except JSThrow:  # a cycle, a throwing toJSON
        return "[not JSON]"
    return None if text is UNDEFINED else json.loads(from_code_units(text))


def _describe(method: str, url: str) -> str:
    return f"{method} {url}"


def make_kustomer_request(rt: BrowserRuntime, table: RequestTable, records: dict[str, Any]) -> NativeFunction:
    """The per-render ``KustomerRequest`` answering from ``table`` (a ``browser.network.RequestTable``)."""
    log = rt.request_log

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
            if rt.recording:
                rt.record("request", method=method, url=url, status=status, matched=matched,
                          body=json_of(get_member(opts, "body")), response=json_of(body))
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
