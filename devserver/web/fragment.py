"""``/render/<name>?theme=light|dark|system&scenario=NAME``: one view as an HTML fragment, or as JSON for scripts.

``name`` is the view's name, its template's file stem or its registered name
(``registration.find_view``, as ``/view/<name>``).

HTML (the default): the renderer's fragment, status 200; on a template or data error, status 422
and an error card (500 for a kview bug). JSON (``?format=json`` or ``Accept: application/json``):
always ``{html, warnings, console, error, last_good_html, ms}`` with status 200, so a client can
show the error next to the last good render.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, render_template, request

from renderer.errors import Diagnostic

from ..project.registration import find_view
from ..project.scenarios import DEFAULT, scenario_names
from .state import kview_state

bp = Blueprint("render", __name__)


def _wants_json() -> bool:
    fmt = request.args.get("format")
    if fmt in ("json", "html"):
        return fmt == "json"
    return request.accept_mimetypes.best_match(["text/html", "application/json"]) == "application/json"


@bp.get("/render/<path:name>")
def render_view(name: str) -> Response:
    kv = kview_state()
    theme = request.args.get("theme", "light")
    if theme not in ("light", "dark", "system"):
        abort(400, description="theme must be 'light', 'dark' or 'system'")
    spec = find_view(kv.project.app(), name)
    if spec is None:
        if _wants_json():
            missing = jsonify({"error": Diagnostic("error", "NotFound", f"no view named {name!r}").to_dict()})
            missing.status_code = 404
            return missing
        abort(404, description=f"no view named {name!r}")
    scenario = request.args.get("scenario") or DEFAULT
    scenarios = scenario_names(kv.project.last_app, spec)
    if scenario not in scenarios:
        text = f"view {name!r} has no scenario {scenario!r} (its scenarios: {', '.join(scenarios)})"
        if _wants_json():
            missing = jsonify({"error": Diagnostic("error", "NotFound", text).to_dict()})
            missing.status_code = 404
            return missing
        abort(404, description=text)
    state = kv.project.state(spec, [theme], scenario)
    out = state.outcomes[theme]
    if _wants_json():
        body = out.to_dict()
        good = state.last_good.get(theme)
        body["last_good_html"] = good.html if good else None
        body["ms"] = round(out.ms, 2)
        body["view"] = spec.name
        body["theme"] = theme
        body["scenario"] = scenario
        return jsonify(body)
    if out.error:
        status = 500 if out.error.kind == "InternalError" else 422
        return Response(render_template("error.html", error=out.error), status=status, mimetype="text/html")
    return Response(out.html or "", mimetype="text/html")
