"""``fetch``: answered from the render's request table (``network.py``), never from the network."""

from __future__ import annotations

import copy
import json
from typing import Any

from ..js.builtins.promise import JSPromise, rejected, resolved
from ..js.members import (
    get_member,
)
from ..js.values import (
    UNDEFINED,
    JSError,
    NativeFunction,
    to_code_units,
    to_js,
    to_string,
)
from .base import (
    arg,
    browser_runtime,
    native,
)

FETCH_REFUSED = ("kview: fetch() is not available in previews; mock the call with "
                 "KustomerRequest or a --requests table")


def _response(rt: Any, url: str, resp: Any) -> dict[str, Any]:
    body = resp.body
    headers = {k.lower(): v for k, v in resp.headers.items()}
    if not isinstance(body, str):
        headers.setdefault("content-type", "application/json")
    used = [False]

    def consume(name: str) -> Any:
        if used[0]:
            return rejected(rt, JSError("TypeError", f"Failed to execute '{name}' on 'Response': body stream already read"))
        used[0] = True
        return None

    def text(this: Any, args: list) -> Any:
        r = consume("text")
        if r is not None:
            return r
        if body is None:
            return resolved(rt, "")
        s = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False, separators=(",", ":"))
        return resolved(rt, to_code_units(s))

    def as_json(this: Any, args: list) -> Any:
        r = consume("json")
        if r is not None:
            return r
        if isinstance(body, str) or body is None:
            try:
                return resolved(rt, to_js(json.loads(body or "")))
            except ValueError:
                return rejected(rt, JSError("SyntaxError", f"Unexpected token in JSON from {url}: not valid JSON"))
        return resolved(rt, to_js(copy.deepcopy(body)))

    return {
        "ok": resp.ok, "status": float(resp.status), "statusText": _STATUS_TEXT.get(resp.status, ""),
        "url": url, "redirected": False, "type": "basic", "bodyUsed": False,
        "headers": {
            "get": native("get", lambda this, args: headers.get(to_string(arg(args)).lower()), 1),
            "has": native("has", lambda this, args: to_string(arg(args)).lower() in headers, 1),
        },
        "json": native("json", as_json), "text": native("text", text),
    }


_STATUS_TEXT = {200: "OK", 201: "Created", 204: "No Content", 400: "Bad Request", 401: "Unauthorized",
                403: "Forbidden", 404: "Not Found", 409: "Conflict", 422: "Unprocessable Entity",
                429: "Too Many Requests", 500: "Internal Server Error", 502: "Bad Gateway",
                503: "Service Unavailable"}


def _make_fetch() -> NativeFunction:
    """``fetch``, made once (``FETCH``): it answers from its render's request table."""
    def fetch(this: Any, args: list) -> Any:
        rt = browser_runtime()
        target = arg(args)
        url = to_string(get_member(target, "url")) if isinstance(target, dict) else to_string(target)
        init = arg(args, 1)
        m = get_member(init, "method") if isinstance(init, dict) else UNDEFINED
        method = "GET" if m is UNDEFINED or m is None else to_string(m).upper()
        table = rt.request_table
        found = table.match(method, url) if table is not None else None
        rt.request_log.append(
            {"method": method, "url": url, "status": found[0].response.status if found else None,
             "matched": found[0].key if found else None, "via": "fetch"})
        if found is None:
            msg = f'{FETCH_REFUSED} (add "{method} {url.split("?")[0]}" to the request table to answer it)'
            rt.warn(msg, rt.loc, kind="request")
            rt.log("warn", msg)
            return rejected(rt, JSError("TypeError", FETCH_REFUSED))
        resp = found[0].response
        p = JSPromise(rt)

        def deliver() -> Any:
            p.resolve(_response(rt, url, resp))
            return UNDEFINED  # (also the timer callback's result)

        if resp.delay_ms > 0:
            rt.set_timer(NativeFunction("", lambda t, a: deliver()), resp.delay_ms, [])
        else:
            rt.enqueue(deliver)
        return p

    return NativeFunction("fetch", fetch, 1)


FETCH = _make_fetch()
