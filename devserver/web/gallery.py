"""The gallery: ``/`` lists every view of the app folder, ``/view/<name>`` shows one in detail.

Each view is rendered in light and dark side by side, framed like the place Kustomer shows it
(an insight card with its header for ``smartbar-card``, a timeline entry for
``expanded-timeline``, …), with its console output and warnings underneath. A view that fails
shows its error card (file, line, column, code frame) beside its last good render, dimmed.
``?theme=light|dark|system`` shows one pane instead (``system`` follows the OS), ``?scenario=``
another data set. ``/view/<name>`` takes the view's name, its file's stem or its registered name;
its page adds the template source, the data editor (``static/panel.js``, endpoints in
``preview.py``), the rendered HTML and the view's definition entry, each with a copy button.

The pages are Jinja templates (``templates/``, autoescaped); this module only gathers what they
show. The gallery's stylesheet is ``static/gallery.css``, served at ``/_kview/gallery.css``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from flask import (
    Blueprint,
    Response,
    abort,
    copy_current_request_context,
    render_template,
    request,
    url_for,
)
from markupsafe import Markup

from renderer import KViewError

from ..assets import static_dir
from ..project import App, ViewSpec, ViewState
from ..project.registration import app_entry, find_view
from ..project.scenarios import DEFAULT, editable, scenario_names
from .config import GALLERY_THEMES, themes_for
from .state import KviewState, app_errors, app_problems, error_event, kview_state

bp = Blueprint("gallery", __name__)

CONTEXT_LABELS = {
    "smartbar-card": "Insight cards",
    "smartbar-details": "Insight details",
    "expanded-timeline": "Timeline",
    "create-form": "Create forms",
}

# meta.icon names (Material Design Icons) → the line icons templates/partials/icons.html draws:
# the first key the name contains, else the first alias it contains.
ICON_KEYS = ("cart", "clock", "calendar", "account", "truck", "star", "receipt", "earth", "apps",
             "flash", "message", "image", "package", "card", "web")
ICON_ALIASES = {
    "basket": "cart", "shopping": "cart", "calendly": "calendar", "user": "account", "person": "account",
    "delivery": "truck", "shipping": "truck", "invoice": "receipt", "file": "receipt", "document": "receipt",
    "globe": "earth", "grid": "apps", "lightning": "flash", "bolt": "flash", "chat": "message",
    "comment": "message", "photo": "image", "credit": "card", "iframe": "web", "open-in": "web",
}


# ---------------------------------------------------------------------- routes
@bp.get("/")
def index() -> Response:
    kv = kview_state()
    mode = _theme_mode(kv)
    app = kv.project.app()

    def body() -> str:
        specs = sorted(app.views, key=_group_key)  # the sidebar's order
        states = [kv.project.state(spec, themes_for(mode)) for spec in specs]
        return _page("index.html", kv, app, states, mode, failing=sum(1 for s in states if s.error))

    return _head_first(kv, app, "All views", body)


@bp.get("/view/<path:name>")
def view_page(name: str) -> Response:
    kv = kview_state()
    mode = _theme_mode(kv)
    app = kv.project.app()
    spec = find_view(app, name)  # its name, its file's stem or its registered name
    if spec is None:
        abort(404, description=f"no view named {name!r} in {kv.config.views_dir}")
    scenarios = scenario_names(app, spec)
    scenario = request.args.get("scenario") or DEFAULT
    if scenario not in scenarios:
        abort(404, description=f"view {name!r} has no scenario {scenario!r} (its scenarios: {', '.join(scenarios)})")

    def body() -> str:
        state = kv.project.state(spec, themes_for(mode), scenario)
        # the other views render too (memoised), so the sidebar's status dots are true
        states = [state if s.name == spec.name else kv.project.state(s, themes_for(mode)) for s in app.views]
        definition = json.dumps(app_entry(app, spec), indent=2, ensure_ascii=False)
        return _page("view.html", kv, app, states, mode, current=spec.name, state=state,
                     scenarios=scenarios, scenario=scenario, editor=_editor_data(kv, spec, scenario, state),
                     definition=definition)

    return _head_first(kv, app, spec.display_name, body)


# Read whole rather than streamed (send_file): small files, and a client that never reads
# the body leaves no open file behind.
@bp.get("/_kview/gallery.css")
def gallery_css() -> Response:
    css = (static_dir() / "gallery.css").read_bytes()
    return Response(css, mimetype="text/css", headers={"Cache-Control": "no-cache"})


@bp.get("/favicon.ico")
def favicon() -> Response:
    return Response((static_dir() / "favicon.svg").read_bytes(), mimetype="image/svg+xml")


# ---------------------------------------------------------------------- template helpers
@bp.app_template_global()
def icon_key(name: str) -> str | None:
    """Which line icon stands for a ``meta.icon`` name (``None``: show its first letter)."""
    key = next((k for k in ICON_KEYS if k in name), None)
    return key or next((v for k, v in ICON_ALIASES.items() if k in name), None)


@bp.app_template_filter("anchor")
def anchor(name: str) -> str:
    """A view name as a fragment id (``#view-<anchor>``; reload.js computes the same)."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name)


@bp.app_template_filter("clock")
def clock(timestamp: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(timestamp))


@bp.app_template_filter("json_script")
def json_script(value: Any) -> Markup:
    """JSON for a ``<script type="application/json">``: ``<``, ``>`` and ``&`` as JSON escapes,
    so nothing in it can end the element or open a comment, and ``JSON.parse`` reads it back."""
    text = json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


# ---------------------------------------------------------------------- what the pages show
@dataclass(frozen=True)
class NavLink:
    name: str
    title: str
    context: str
    status: str  # ok | warn | err | idle: the sidebar's dot
    href: str
    current: bool


@dataclass(frozen=True)
class NavGroup:
    label: str
    links: list[NavLink]


@dataclass(frozen=True)
class AppCard:
    """An app definition of the folder as the gallery lists it, views or not."""

    label: str
    file: str  # relative to the app folder
    app: str | None
    contents: list[str]  # "1 widget (my-first-widget)", "2 settings (…)", …
    has_views: bool


@dataclass(frozen=True)
class ThemeLink:
    label: str
    href: str
    pressed: bool


@dataclass(frozen=True)
class EditorData:
    """What the data panel's editor starts with: the scenario's data as the render composes it
    (scenario, fixtures, generated; the request table under ``$scenario.requests``), or, when
    that cannot be composed, the file as written and why."""

    text: str  # pretty JSON (or the file's own text when it is not valid)
    error: str | None = None


def _editor_data(kv: KviewState, spec: ViewSpec, scenario: str, state: ViewState) -> EditorData:
    """The editor's text: ``scenarios.editable`` of the composed data (same cache as the render),
    so editing nothing renders exactly what the page shows."""
    try:
        composed = kv.project.inputs(spec, scenario).composed(kv.project.cache)
    except KViewError as exc:  # the render shows the same error, located, on the card
        return EditorData(state.data_text or "{}", str(exc))
    return EditorData(json.dumps(editable(composed), indent=2, ensure_ascii=False, default=str))


def _theme_mode(kv: KviewState) -> str:
    mode = request.args.get("theme") or kv.config.theme
    return mode if mode in GALLERY_THEMES else "both"


def _group_key(spec: ViewSpec) -> tuple[int, str]:
    order = list(CONTEXT_LABELS)
    ctx = spec.context
    return (order.index(ctx) if ctx in order else len(order), ctx)


def _head_first(kv: KviewState, app: App, title: str, body: Callable[[], str]) -> Response:
    """A gallery page whose head (stylesheets, scripts) is sent before ``body()`` renders the
    views: the browser fetches and parses them meanwhile (the first page after a start renders
    every view, ~200 ms). Errors that choose the status (404) come before the head is sent."""
    head = render_template("partials/head.html", page_title=title, app_title=app.title or kv.project.root.name,
                           css_version=_mtime("kview.css"), js_version=_mtime("reload.js"),
                           panel_version=_mtime("panel.js"))
    # The body renders in a copy of the request context pushed and popped within one step of the
    # generator: a context held open across yields (``stream_with_context``) is popped out of
    # order when two responses are read interleaved, or by the garbage collector.
    render_body = copy_current_request_context(body)

    def chunks() -> Iterator[str]:
        yield head
        yield render_body()

    return Response(chunks(), mimetype="text/html")


def _page(template: str, kv: KviewState, app: App, states: list[ViewState], mode: str,
          current: str | None = None, **context: Any) -> str:
    """The page after its head (``_head_first``)."""
    project = kv.project
    problems = app_problems(project, app)
    errors = app_errors(project, app, problems) + [error_event(s.spec, s.error) for s in states if s.error]
    theme_q = None if mode == kv.config.theme else mode  # keep ?theme= in links unless it is the default
    return render_template(
        template,
        app_title=app.title or project.root.name,
        root=project.root,
        reload=kv.config.reload,
        mode=mode,
        theme_q=theme_q,
        theme_links=_theme_links(mode),
        nav=_nav(states, theme_q, current),
        states=states,
        app_error=project.app_error,
        problems=problems,
        apps=[AppCard(d.label, project.rel(d.path) if d.path else "", d.app, d.contents(), bool(d.views))
              for d in app.definitions],
        errors=errors,
        **context,
    )


def _theme_links(mode: str) -> list[ThemeLink]:
    path = quote(request.path)
    scenario = request.args.get("scenario")
    keep = f"&scenario={quote(scenario)}" if scenario else ""  # switching the theme keeps the scenario
    return [ThemeLink(label, f"{path}?theme={m}{keep}", m == mode)
            for m, label in (("light", "Light"), ("both", "Both"), ("dark", "Dark"), ("system", "System"))]


def _nav(states: list[ViewState], theme_q: str | None, current: str | None) -> list[NavGroup]:
    groups: dict[str, list[ViewState]] = {}
    for s in states:
        groups.setdefault(s.spec.context, []).append(s)
    order = list(CONTEXT_LABELS) + sorted(c for c in groups if c not in CONTEXT_LABELS)
    return [
        NavGroup(CONTEXT_LABELS.get(ctx, ctx), [
            NavLink(s.name, s.spec.display_name, s.spec.context, view_status(s),
                    url_for("gallery.view_page", name=s.name, theme=theme_q) if current else f"#view-{anchor(s.name)}",
                    s.name == current)
            for s in groups[ctx]
        ])
        for ctx in order if ctx in groups
    ]


@bp.app_template_filter("status")
def view_status(state: ViewState) -> str:
    """A view's status dot (``ViewState.status``: ok, warn, err or idle), for templates."""
    return state.status


def _mtime(name: str) -> str:
    try:
        return str(int((static_dir() / name).stat().st_mtime))
    except OSError:
        return "0"
