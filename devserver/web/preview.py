"""The data panel's endpoints: render a view with edited data, and save the edit as a scenario.

``POST /api/preview/<view>`` ``{"scenario", "theme", "text"}``: ``text`` is the editor's JSON (a
scenario file: the globals, and ``$scenario`` with the request table). It renders in memory, in
a throwaway ``Project`` that shares the compile cache: no file is written and the server's memo
and last good renders are not touched. The answer is JSON: ``{"ok": false, "json_error"}`` when
the text is not JSON (line and column; the page keeps its previews), else ``{"ok": true, "error",
"warnings", "console", "themes": {theme: {html, error, ms}}, "section"}`` where ``section`` is
the view's section as the gallery draws it (the page takes its stage and output from it).

``POST /api/scenario/<view>`` ``{"name", "text", "overwrite"}`` writes ``mocks/<view>/<name>.json``
(``scenarios.save_scenario``: name checked, confined to the app folder, an existing scenario
replaced only with ``overwrite``) and answers ``{"ok", "scenario", "file", "url"}``.

Both change nothing a cross-site page could abuse, but the second writes a file: every POST here
must come from a page of this server (an ``Origin`` naming the host asked, JSON, not
``Sec-Fetch-Site: cross-site``) on top of ``guard``'s Host and Origin checks.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Response, jsonify, render_template, request, url_for

from renderer import KViewError
from renderer.errors import Diagnostic

from ..project import InputFile, Project, ViewInputs, ViewSpec
from ..project.load import parse_json
from ..project.registration import find_view
from ..project.scenarios import (
    DEFAULT,
    ScenarioExists,
    ScenarioNameError,
    save_scenario,
    scenario_names,
)
from ..project.workspace import shown
from .config import GALLERY_THEMES, themes_for
from .state import kview_state

bp = Blueprint("preview", __name__)

EDITED = "edited data"  # how errors name the editor's text (it is no file)
MAX_BODY = 4 * 1024 * 1024  # an edit is a scenario file: a few KB, generously bounded


class _Draft(Project):
    """A ``Project`` whose views render with one set of inputs: its memo and last good renders
    are its own, thrown away with it; the compile cache is the server's (templates compile once)."""

    def __init__(self, base: Project, inputs: ViewInputs) -> None:
        super().__init__(base.root, base.cache, tz=base.tz, parent_url=base.parent_url)
        self._draft = inputs

    def inputs(self, spec: ViewSpec, scenario: str | None = None) -> ViewInputs:
        return self._draft


@bp.before_request
def _same_origin_only() -> Response | None:
    """A POST must come from one of this server's own pages: the browser's ``Origin`` naming
    the host it asked (a form or script elsewhere cannot forge that), and a JSON body."""
    origin = request.headers.get("Origin")
    if origin is None or urlsplit(origin).netloc.lower() != request.host.lower():
        return _fail(403, "Forbidden", "kview: only kview's own pages may do this (Origin missing or foreign)")
    if request.headers.get("Sec-Fetch-Site") not in (None, "same-origin"):
        return _fail(403, "Forbidden", "kview: only kview's own pages may do this")
    if not request.is_json:
        return _fail(415, "UnsupportedMediaType", "send the request as application/json")
    if request.content_length is None or request.content_length > MAX_BODY:
        return _fail(413, "TooLarge", f"the request must be at most {MAX_BODY // 1024 // 1024} MB, with its length")
    return None


@bp.post("/api/preview/<path:name>")
def preview(name: str) -> Response:
    kv = kview_state()
    body, spec, scenario, failed = _request_view(name)
    if failed is not None:
        return failed
    assert spec is not None and body is not None
    mode = str(body["theme"]) if body.get("theme") in GALLERY_THEMES else kv.config.theme
    text = body.get("text")
    if not isinstance(text, str):
        return _fail(400, "BadRequest", '"text" must be the edited JSON, as a string')
    try:
        parse_json(text, EDITED, EDITED)
    except KViewError as exc:  # invalid JSON: located, and nothing is rendered
        return jsonify({"ok": False, "json_error": shown(exc, EDITED).to_dict()})
    try:
        inputs = kv.project.inputs(spec, scenario)
    except KViewError as exc:  # a file of the view cannot be read (shown on the page too)
        return jsonify({"ok": True, "error": shown(exc, kv.project.rel(exc.file) if exc.file else None).to_dict(),
                        "warnings": [], "console": [], "themes": {}, "section": None})
    # the editor holds all the data: its records and its request table (no fixtures, no
    # mocks/requests.json underneath, so deleting an entry deletes it)
    edited = replace(inputs, data=InputFile(Path(EDITED), EDITED, text), requests=None, fixtures=())
    state = _Draft(kv.project, edited).state(spec, themes_for(mode), scenario)
    section = render_template("preview.html", state=state, theme_q=None)
    return jsonify({
        "ok": True,
        "error": state.error.to_dict() if state.error else None,
        "warnings": [w.to_dict() for w in state.warnings],
        "console": state.console,
        "themes": {t: {"html": o.html, "error": o.error.to_dict() if o.error else None, "ms": round(o.ms, 2)}
                   for t, o in state.outcomes.items()},
        "section": section,
    })


@bp.post("/api/scenario/<path:name>")
def save(name: str) -> Response:
    kv = kview_state()
    body, spec, _scenario, failed = _request_view(name)
    if failed is not None:
        return failed
    assert spec is not None and body is not None
    scenario, text = body.get("name"), body.get("text")
    if not isinstance(scenario, str) or not isinstance(text, str):
        return _fail(400, "BadRequest", '"name" (the scenario\'s name) and "text" (its JSON) must be strings')
    try:
        value = parse_json(text, EDITED, EDITED)
        path = save_scenario(kv.project.last_app, spec, scenario, value, overwrite=body.get("overwrite") is True)
    except ScenarioNameError as exc:
        return _fail(400, "ScenarioNameError", exc.message)
    except ScenarioExists as exc:
        return _fail(409, "ScenarioExists", exc.message, file=kv.project.rel(exc.file))
    except KViewError as exc:  # invalid JSON or $scenario options (located), outside the app folder
        status = 403 if exc.kind == "FileError" else 422
        response = jsonify({"ok": False, "error": shown(exc, _named(kv.project, exc.file)).to_dict()})
        response.status_code = status
        return response
    theme = body.get("theme") if body.get("theme") in GALLERY_THEMES else None
    url = url_for("gallery.view_page", name=spec.name, scenario=None if scenario == DEFAULT else scenario,
                  theme=None if theme == kv.config.theme else theme)
    return jsonify({"ok": True, "scenario": scenario, "file": kv.project.rel(path), "url": url})


def _request_view(name: str) -> tuple[dict[str, Any] | None, ViewSpec | None, str, Response | None]:
    """The JSON body, the view and the scenario a request names; or the error response."""
    kv = kview_state()
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return None, None, DEFAULT, _fail(400, "BadRequest", "the body must be a JSON object")
    app = kv.project.app()
    spec = find_view(app, name)
    if spec is None:
        return None, None, DEFAULT, _fail(404, "NotFound", f"no view named {name!r}")
    scenario = body.get("scenario") or DEFAULT
    scenarios = scenario_names(app, spec)
    if scenario not in scenarios:
        return None, None, DEFAULT, _fail(404, "NotFound", f"view {spec.name!r} has no scenario {scenario!r} "
                                                           f"(its scenarios: {', '.join(scenarios)})")
    return body, spec, scenario, None


def _named(project: Project, file: str | None) -> str | None:
    """A file as errors show it: the editor's text by its name, files relative to the app."""
    return file if file in (None, EDITED) or not Path(str(file)).is_absolute() else project.rel(file)


def _fail(status: int, kind: str, message: str, file: str | None = None) -> Response:
    response = jsonify({"ok": False, "error": Diagnostic("error", kind, message, file=file).to_dict()})
    response.status_code = status
    return response

