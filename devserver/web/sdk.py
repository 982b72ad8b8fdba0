"""The Cards SDK's server side: the stub and host scripts, and the mock API the host calls.

``GET /static/kustomer-card.js`` and ``/static/kview-host.js`` are ``static/``'s scripts with
the API description prepended (served by this blueprint, not Flask's static route) (``devserver.sdk.script``). The host (in the page that frames a
widget or a DynamicCard) answers the iframe's postMessage calls; for the ones that need data it
calls, same-origin and JSON only:

- ``POST /_kview/sdk/context`` ``{view?, scenario?, customer?}`` → ``{context, config}``: a
  view's Cards SDK context (``renderer.kustomer.records.build_context`` over the view's data
  with the store's writes), or for a widget the store's customer number ``customer`` (and a
  conversation of theirs) as ``{type: "widget", …}``;
- ``POST /_kview/sdk/request`` ``{method, url, body}`` → ``{status, body, views}`` from the mock
  store (``project/store.py``); a write re-renders the KViews showing the record;
- ``POST /_kview/sdk/reset`` → the store back to the scenario;
- ``GET /_kview/sdk/socket``: a WebSocket carrying the same asks, which the host prefers (an
  answer in about 1 ms instead of a fetch's 3–6: ``websocket``).

Nothing here reaches the network. Every endpoint is POST, passes ``guard``'s host and origin
checks like every request, and takes only ``application/json`` (which a cross-site form cannot
send), so another site cannot drive the store.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, Response, abort, current_app, jsonify, request
from werkzeug.exceptions import HTTPException

from renderer import KViewError
from renderer.kustomer.records import DEFAULT_USER, build_context

from .. import sdk
from ..project.store import Key, Seed
from . import websocket
from .connection import TAKEOVER
from .state import KviewState, kview_state

bp = Blueprint("sdk", __name__)
SLOW_ANSWER = 0.05  # seconds: a socket whose answer took longer answers on the SDK threads from then on


@bp.get("/static/<any('kustomer-card.js', 'kview-host.js'):name>")
def script(name: str) -> Response:
    """The stub or the host with the API description prepended (werkzeug ranks this ``any()``
    rule above Flask's ``/static/<path:filename>``; tests/devserver/test_sdk.py checks it)."""
    return Response(sdk.script(name), mimetype="text/javascript", headers={"Cache-Control": "no-cache"})


@bp.get("/_kview/sdk/api.json")
def api() -> Response:
    return jsonify(sdk.api())


def _context(kv: KviewState, ask: dict[str, Any]) -> dict[str, Any]:
    seed = kv.project.sdk_seed()
    config = {"userRoles": seed.roles if seed.roles is not None else list(DEFAULT_USER["roles"])}
    view = ask.get("view")
    if isinstance(view, str) and view:
        return {"context": _view_context(kv, view, ask.get("scenario")), "config": config}
    return {"context": widget_context(kv, seed, ask.get("customer"), bool(ask.get("open", True))), "config": config}


def _request(kv: KviewState, ask: dict[str, Any]) -> dict[str, Any]:
    method, url = ask.get("method") or "GET", ask.get("url")
    if not isinstance(method, str) or not isinstance(url, str):
        abort(400, description="a request needs a string url and method")
    seed = kv.project.sdk_seed()
    answer, changed = kv.project.store.handle(seed, method, url, ask.get("body"))
    views = _rerender(kv, seed, [changed]) if changed is not None else []
    return {"status": answer.status, "body": answer.body, "views": views}


def _reset(kv: KviewState, ask: dict[str, Any]) -> dict[str, Any]:
    seed = kv.project.sdk_seed()
    return {"views": _rerender(kv, seed, kv.project.store.reset())}


# What the host may ask, by name: ``POST /_kview/sdk/<name>`` and the socket's messages alike.
ANSWERS: dict[str, Callable[[KviewState, dict[str, Any]], dict[str, Any]]] = {
    "context": _context, "request": _request, "reset": _reset}


@bp.post("/_kview/sdk/<any(context, request, reset):name>")
def answer(name: str) -> Response:
    return jsonify(ANSWERS[name](kview_state(), _json_body()))


@bp.route("/_kview/sdk/socket", websocket=True)  # werkzeug routes an Upgrade request to such rules only
def sdk_socket() -> Response:
    """The WebSocket the host sends the same asks on (``websocket``): ``{seq, name, body}`` in,
    ``{seq, status, body}`` out, ``body`` being what ``POST /_kview/sdk/<name>`` answers with
    that status. ``guard`` has checked the host and the ``Origin`` (a WebSocket is not bound by
    the same-origin policy: another site's page could open one, and is refused there)."""
    key = request.headers.get("Sec-WebSocket-Key")
    if request.headers.get("Upgrade", "").lower() != "websocket" or not websocket.valid_key(key):
        abort(400, description="this URL is kview's Cards SDK WebSocket")
    if request.headers.get("Sec-WebSocket-Version") != "13":
        return Response("WebSocket version 13 only\n", status=426, headers={"Sec-WebSocket-Version": "13"})
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    request.environ[TAKEOVER] = lambda reader, conn: _serve(app, websocket.WebSocket(reader, conn))
    return Response(status=101, headers={"Upgrade": "websocket", "Connection": "Upgrade",
                                         "Sec-WebSocket-Accept": websocket.accept_key(str(key))})


def _serve(app: Flask, ws: websocket.WebSocket) -> None:
    """Answer the socket's messages until it closes (or the server stops). On this thread while
    answers are quick (a hand-over to another thread costs some 0.7 ms of a 4 ms round trip);
    once one took longer than ``SLOW_ANSWER``, on the server's SDK threads, side by side as the
    POSTs of a page's six connections are, so that a slow answer does not hold the others back
    past the stub's call timeout."""
    kv: KviewState = app.extensions["kview"]
    kv.sockets.add(ws)
    pooled = False
    try:
        while (text := ws.receive()) is not None:
            if not pooled:
                started = time.monotonic()
                _answer(app, ws, text)
                pooled = time.monotonic() - started > SLOW_ANSWER
                continue
            try:
                kv.answerers.submit(_answer, app, ws, text)
            except RuntimeError:  # the server is stopping
                break
    finally:
        kv.sockets.discard(ws)
        ws.close()


def _answer(app: Flask, ws: websocket.WebSocket, text: str) -> None:
    with app.app_context():
        reply = app.json.dumps(_socket_answer(app, text))
    try:
        ws.send(reply)
    except OSError:  # the page went away meanwhile
        pass


def _socket_answer(app: Flask, text: str) -> dict[str, Any]:
    try:
        ask = json.loads(text)
    except ValueError:
        ask = None
    if not isinstance(ask, dict) or ask.get("name") not in ANSWERS or not isinstance(ask.get("body"), dict):
        seq = ask.get("seq") if isinstance(ask, dict) else None
        return {"seq": seq, "status": 400, "body": {"error": "Bad Request", "description":
                "a message is {seq, name, body} with name one of " + ", ".join(ANSWERS)}}
    try:
        return {"seq": ask.get("seq"), "status": 200, "body": ANSWERS[ask["name"]](kview_state(), ask["body"])}
    except HTTPException as exc:
        return {"seq": ask.get("seq"), "status": exc.code or 500, "body": _error_body(exc)}
    except Exception:  # as Flask does for a route: logged with its traceback, a 500 to the page
        app.logger.exception("kview: the Cards SDK socket's %s failed", ask["name"])
        return {"seq": ask.get("seq"), "status": 500,
                "body": {"error": "Internal Server Error", "description": "kview failed to answer: see its log"}}


def widget_context(kv: KviewState, seed: Seed, customer: Any, is_open: bool) -> dict[str, Any]:
    """A widget's context: ``{type: "widget", widget: {isOpen}, customer, conversation?, user}``;
    ``customer`` picks one of the store's customers (the event panel's "next customer")."""
    customers = seed.all_of("customer")
    index = customer if isinstance(customer, int) and customers else 0
    records: dict[str, Any] = {}
    if customers:
        chosen = kv.project.store.get(seed, ("customer", customers[index % len(customers)]["id"]))
        if chosen is not None:
            records["customer"] = chosen
        conv = next((c for c in seed.all_of("conversation")), None)
        if conv is not None and index == 0:
            records["conversation"] = kv.project.store.get(seed, ("conversation", conv["id"]))
    ctx = build_context(records, "customer")
    ctx.pop("object", None)
    ctx["type"] = "widget"
    ctx["widget"] = {"isOpen": is_open}
    return ctx


def _view_context(kv: KviewState, name: str, scenario: Any) -> dict[str, Any]:
    spec = kv.project.find(name)
    if spec is None:
        abort(404, description=f"no view named {name!r}")
    try:
        inputs = kv.project.inputs(spec, scenario if isinstance(scenario, str) and scenario else None)
        data = kv.project.store.overlay(inputs.composed(kv.project.cache).data, spec.resource)
    except KViewError as exc:
        abort(422, description=f"the data of view {name!r} cannot be made: {exc}")
    given = data.get("context")
    return given if isinstance(given, dict) else build_context(data, spec.resource)


def _rerender(kv: KviewState, seed: Seed, keys: Any) -> list[str]:
    """Tell the open pages which views show the changed records (the one place a store change
    becomes a ``reload`` event)."""
    changed: list[Key] = list(keys)
    views = kv.project.store.views_of(seed, changed)
    if views:
        kv.rerender_later(views)
    return views


def _json_body() -> dict[str, Any]:
    """The request's JSON object; 415 unless it is JSON (a cross-site form cannot send it)."""
    if not request.is_json:
        abort(415, description="kview's SDK endpoints take application/json")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        abort(400, description="the body must be a JSON object")
    return body


@bp.errorhandler(HTTPException)
def _as_json(exc: HTTPException) -> tuple[Response, int]:
    """Errors of the SDK endpoints as JSON (the host shows ``description`` in its log)."""
    return jsonify(_error_body(exc)), exc.code or 500


def _error_body(exc: HTTPException) -> dict[str, Any]:
    """An SDK endpoint's error as the host reads it (``description`` goes to its log), over HTTP
    and over the socket alike."""
    return {"error": exc.name, "description": exc.description}
