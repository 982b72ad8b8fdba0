"""Interactive previews: a preview's event handlers run on the server, in a kept render.

``POST /interact/<view>`` with JSON ``{session, theme, scenario, handler, type, payload}`` runs
the handlers of one browser event (``renderer.live.LiveSession.dispatch``; ``handler`` is the
element's ``data-kv-id``, or the list of them from the target outwards) and answers
``{html, activity, console, warnings, error, defaultPrevented, handled, ms}``. Without
``handler`` it only opens the session (its first render). ``POST /interact/<view>/reset``
starts the view's session afresh; ``POST /interact/<view>/reload`` re-runs it on the view's
current files keeping its state (the gallery asks for it before a hot-reload patch).

Sessions are keyed by the id the page makes (one per open page), the view, theme and scenario;
they live in a bounded LRU with idle expiry (``SessionStore``), each with its own lock (the
session's). Errors come back as located diagnostics (``Diagnostic.to_dict()``), never a
traceback; budgets bound a runaway handler. All routes are POST, JSON only (a cross-site form
cannot send JSON without a CORS preflight, which kview never answers), and pass the guard
(``guard.py``: Host allowlist, Origin and Sec-Fetch-Site checks) like every request.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request

from renderer import KViewError, LiveResult, LiveSession
from renderer.errors import Diagnostic

from ..project import ViewSpec, trimmed_traceback
from ..project.inputs import live_view
from ..project.scenarios import DEFAULT, scenario_names
from ..project.workspace import shown
from .state import kview_state

log = logging.getLogger("kview")

bp = Blueprint("interact", __name__)

MAX_SESSIONS = 64
MAX_BODY = 256 * 1024  # bytes of one request: an event's description is small
IDLE_SECONDS = 30 * 60.0
_SESSION_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
_EVENT_TYPE = re.compile(r"[a-z]{1,24}")
_HANDLER_ID = re.compile(r"\d{1,7}")


class SessionStore:
    """Live sessions by ``(page session, view, theme, scenario)``: at most ``max_sessions``
    (the least recently used goes), none idle longer than ``idle_seconds``."""

    def __init__(self, max_sessions: int = MAX_SESSIONS, idle_seconds: float = IDLE_SECONDS) -> None:
        self.max_sessions = max_sessions
        self.idle_seconds = idle_seconds
        self._lock = threading.Lock()
        self._sessions: OrderedDict[tuple[str, ...], tuple[float, LiveSession]] = OrderedDict()

    def get(self, key: tuple[str, ...]) -> LiveSession | None:
        with self._lock:
            self._expire()
            found = self._sessions.get(key)
            if found is None:
                return None
            self._sessions[key] = (time.monotonic(), found[1])
            self._sessions.move_to_end(key)
            return found[1]

    def put(self, key: tuple[str, ...], session: LiveSession) -> None:
        with self._lock:
            self._expire()
            self._sessions[key] = (time.monotonic(), session)
            self._sessions.move_to_end(key)
            while len(self._sessions) > self.max_sessions:
                self._sessions.popitem(last=False)

    def drop(self, key: tuple[str, ...]) -> None:
        with self._lock:
            self._sessions.pop(key, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._sessions)

    def _expire(self) -> None:
        cutoff = time.monotonic() - self.idle_seconds
        while self._sessions:
            key, (seen, _) = next(iter(self._sessions.items()))
            if seen >= cutoff:
                break
            del self._sessions[key]


def install(app: Flask) -> None:
    """Register the blueprint with its session store."""
    app.extensions["kview-live"] = SessionStore()
    app.register_blueprint(bp)


def _store() -> SessionStore:
    store: SessionStore = current_app.extensions["kview-live"]
    return store


class BadRequest(Exception):
    """A request kview cannot act on: answered with ``status`` and a located-free diagnostic."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _answer_error(status: int, message: str, kind: str = "BadRequest") -> Response:
    out = jsonify({"html": None, "error": Diagnostic("error", kind, message).to_dict()})
    out.status_code = status
    return out


def _body() -> dict[str, Any]:
    if not request.is_json:
        raise BadRequest(415, "kview: /interact takes JSON (Content-Type: application/json)")
    if (request.content_length or 0) > MAX_BODY:
        raise BadRequest(413, f"kview: an /interact request is at most {MAX_BODY // 1024} KB")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise BadRequest(400, "kview: the request body must be a JSON object")
    return body


def _key(name: str, body: dict[str, Any]) -> tuple[tuple[str, ...], ViewSpec, str, str]:
    """The session's key, the view, theme and scenario of a request (``BadRequest`` if wrong)."""
    kv = kview_state()
    sid = body.get("session")
    if not isinstance(sid, str) or not _SESSION_ID.fullmatch(sid):
        raise BadRequest(400, "kview: 'session' must be 8 to 64 letters, digits, '-' or '_'")
    theme = body.get("theme", "light")
    if theme not in ("light", "dark"):
        raise BadRequest(400, "kview: 'theme' must be 'light' or 'dark'")
    spec = kv.project.find(name)
    if spec is None:
        raise BadRequest(404, f"no view named {name!r}")
    scenario = body.get("scenario") or DEFAULT
    scenarios = scenario_names(kv.project.last_app, spec)
    if not isinstance(scenario, str) or scenario not in scenarios:
        raise BadRequest(404, f"view {name!r} has no scenario {scenario!r} (its scenarios: {', '.join(scenarios)})")
    return (sid, spec.name, theme, scenario), spec, theme, scenario


def _open(spec: ViewSpec, theme: str, scenario: str, reload: LiveSession | None = None) -> LiveSession:
    kv = kview_state()
    inputs = kv.project.inputs(spec, scenario)
    return live_view(inputs, theme=theme, cache=kv.project.cache, parent_url=kv.project.parent_url, reload=reload,
                     overlay=kv.project.store.overlay, budgets=kv.project.budgets)


def _result(result: LiveResult, t0: float, spec: ViewSpec) -> Response:
    kv = kview_state()
    return jsonify({
        "html": result.html,
        "activity": result.activity,
        "console": result.console,
        "warnings": [w.to_dict() for w in result.warnings],
        "error": None,
        "defaultPrevented": result.default_prevented,
        "handled": result.handled,
        "view": spec.name,
        "ms": round((time.perf_counter() - t0) * 1000, 2),
        "file": kv.project.rel(spec.path),
    })


def _guarded(spec_name: str, run: Callable[[], Response]) -> Response:
    """Run a request; kview's own errors and bugs come back as diagnostics, never tracebacks."""
    kv = kview_state()
    try:
        return run()
    except BadRequest as exc:
        return _answer_error(exc.status, str(exc), "NotFound" if exc.status == 404 else "BadRequest")
    except KViewError as exc:
        file = exc.file
        diag = shown(exc, kv.project.rel(file) if file else None)
        return jsonify({"html": None, "error": diag.to_dict(), "activity": [], "console": []})
    except Exception as exc:  # a bug in kview: log it, show it, keep serving
        tb = trimmed_traceback(exc)
        log.error("internal error in an interactive preview of %s:\n%s", spec_name, tb)
        diag = Diagnostic("error", "InternalError",
                          f"kview crashed while running this view's handler: {type(exc).__name__}: {exc}",
                          detail=tb)
        return jsonify({"html": None, "error": diag.to_dict(), "activity": [], "console": []})


@bp.post("/interact/<path:name>")
def interact(name: str) -> Response:
    def run() -> Response:
        t0 = time.perf_counter()
        body = _body()
        key, spec, theme, scenario = _key(name, body)
        store = _store()
        session = store.get(key)
        if session is None:
            session = _open(spec, theme, scenario)
            store.put(key, session)
            opened: LiveResult | None = session.first
        else:
            opened = None
        handler = body.get("handler")
        if handler is None:
            return _result(opened or LiveResult(session.html), t0, spec)
        ids = handler if isinstance(handler, list) else [handler]
        ids = [str(i) for i in ids]
        if not ids or not all(_HANDLER_ID.fullmatch(i) for i in ids):
            raise BadRequest(400, "kview: 'handler' must be an element's data-kv-id or a list of them")
        etype = body.get("type")
        if not isinstance(etype, str) or not _EVENT_TYPE.fullmatch(etype):
            raise BadRequest(400, "kview: 'type' must be an event type like 'click'")
        result = session.dispatch(ids, etype, body.get("payload"))
        if opened is not None:  # the first render's console and activity come with the first event
            result.console = opened.console + result.console
            result.activity = opened.activity + result.activity
        return _result(result, t0, spec)

    return _guarded(name, run)


@bp.post("/interact/<path:name>/reset")
def reset(name: str) -> Response:
    def run() -> Response:
        t0 = time.perf_counter()
        key, spec, theme, scenario = _key(name, _body())
        store = _store()
        store.drop(key)
        session = _open(spec, theme, scenario)
        store.put(key, session)
        return _result(session.first, t0, spec)

    return _guarded(name, run)


@bp.post("/interact/<path:name>/reload")
def reload(name: str) -> Response:
    def run() -> Response:
        t0 = time.perf_counter()
        key, spec, theme, scenario = _key(name, _body())
        store = _store()
        session = store.get(key)
        if session is None:
            session = _open(spec, theme, scenario)
            store.put(key, session)
            return _result(session.first, t0, spec)
        _open(spec, theme, scenario, reload=session)
        return _result(LiveResult(session.html), t0, spec)

    return _guarded(name, run)
