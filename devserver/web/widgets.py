"""Widgets in a mock agent desktop: ``/widget/<name>`` and the widget pages kview serves.

``/widget/<name>`` draws the navigation rail with every widget of the app (one widget: its icon
in the rail; several: grouped under a Widgets menu, as Kustomer does), opens ``<name>`` at its
declared ``width``/``height``, frames each page with ``iframePermissions`` as ``allow`` and the
``parentUrl``/``id`` query parameters Kustomer adds, and preloads ``backgroundLoad`` widgets.
``static/kview-host.js`` answers the frames' Cards SDK calls (``web/sdk.py``).

Which page a widget frames: ``widgets/<name>/index.html`` in the app folder when it exists
(served under ``/_kview/pages/<token>/<name>/``, confined to that folder, the real SDK's script tag
pointed at the stub, sandboxed by ``guard``), else its ``url`` with the settings placeholders
(``{{{settings.<category>.<name>}}}``, also with two braces) filled from the settings'
``defaultValue`` and, with ``?scenario=NAME``, the ``$scenario.settings`` of the app's scenario
of that name — the developer's own server, framed as it is.
"""

from __future__ import annotations

import mimetypes
import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for

from renderer.kustomer.components.cards import framed_src

from ..project import App, Widget
from ..project.confinement import inside
from ..project.scenarios import DEFAULT, app_scenario_names, scenario_settings
from ..sdk.rewrite import with_stub
from .config import GALLERY_THEMES
from .guard import PAGES_TOKEN
from .state import kview_state

bp = Blueprint("widgets", __name__)

PAGES = "widgets"  # widgets/<name>/… in the app folder
_PLACEHOLDER = re.compile(r"\{\{\{?\s*settings\.([\w-]+)\.([\w-]+)\s*\}?\}\}")
_CSS_SIZE = re.compile(r"\A(?:\d+(?:\.\d+)?(?:px|vw|vh|%|em|rem)?|calc\([\d\s.+\-*/()a-z%]*\))\Z")
DEFAULT_SIZE = ("24vw", "60vh")


@dataclass(frozen=True)
class HostedWidget:
    """A widget as the desktop frames it."""

    name: str
    title: str
    icon: str | None  # the icon's URL (http(s) only)
    width: str
    height: str
    allow: str | None
    background: bool
    src: str  # the iframe's URL, parentUrl and id included
    frame_id: str
    local: bool  # served by kview from widgets/<name>/ (sandboxed, origin "null")
    origin: str  # the origin its messages must come from ("null" for a local page)
    declared: str | None  # the url as the definition gives it
    problems: tuple[str, ...] = ()


@bp.get("/widget/<name>")
def desktop(name: str) -> str:
    kv = kview_state()
    app = kv.project.app()
    scenarios = app_scenario_names(app)
    scenario = request.args.get("scenario") or DEFAULT
    if scenario not in scenarios:
        abort(404, description=f"no scenario {scenario!r} (the app's scenarios: {', '.join(scenarios)})")
    settings = {**setting_values(app), **scenario_settings(app, scenario)}
    widgets = hosted_widgets(app, kv.project.root, _desktop_url(name), settings)
    current = next((w for w in widgets if w.name == name), None)
    if current is None:
        names = ", ".join(w.name for w in widgets) or "none"
        abort(404, description=f"no widget named {name!r} (the app's widgets: {names})")
    mode = request.args.get("theme") or ("light" if kv.config.theme == "both" else kv.config.theme)
    mode = mode if mode in GALLERY_THEMES and mode != "both" else "light"
    keep = None if scenario == DEFAULT else scenario
    return render_template(
        "widget.html", widgets=widgets, current=current, theme=mode, reload=kv.config.reload,
        app_title=app.title or kv.project.root.name,
        theme_links=[(m, url_for("widgets.desktop", name=name, theme=m, scenario=keep), m == mode)
                     for m in ("light", "dark")],
        scenario_links=[(s, url_for("widgets.desktop", name=name, theme=request.args.get("theme"),
                                    scenario=None if s == DEFAULT else s), s == scenario) for s in scenarios],
        host_data={"frames": [{"id": w.frame_id, "name": w.name, "origin": w.origin, "local": w.local}
                              for w in widgets],
                   "current": current.name, "kind": "widget"},
    )


@bp.get("/_kview/pages/<token>/<name>/")
@bp.get("/_kview/pages/<token>/<name>/<path:rest>")
def page_file(token: str, name: str, rest: str = "index.html") -> Response:
    """A file of ``widgets/<name>/`` (HTML with the SDK tag pointed at the stub). ``token`` is
    the server's pages token (``guard``): without it, 404."""
    if not secrets.compare_digest(token, str(current_app.config[PAGES_TOKEN])):
        abort(404)
    kv = kview_state()
    folder = kv.project.root / PAGES / name
    path = folder / rest
    if not inside(folder, path) or not path.is_file():
        abort(404, description=f"no file {rest!r} in {PAGES}/{name}/")
    data = path.read_bytes()
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if mime == "text/html":
        text, _ = with_stub(data.decode("utf-8", "replace"))
        return Response(text, mimetype="text/html", headers={"Cache-Control": "no-cache"})
    return Response(data, mimetype=mime, headers={"Cache-Control": "no-cache"})


@bp.app_template_global()
def widget_links() -> list[tuple[str, str, str]]:
    """``(name, title, href)`` of every widget of the app: the gallery's links to their desktop."""
    app = kview_state().project.last_app
    return [(w.name, w.title or w.name, url_for("widgets.desktop", name=w.name))
            for w in app.widgets if w.name]


@bp.app_template_global()
def local_pages() -> dict[str, str]:
    """``name`` → the URL kview serves ``widgets/<name>/index.html`` at, for every such page of
    the app folder. kview-host.js frames one in place of a DynamicCard whose ``src`` ends in
    ``/<name>`` (the page is deployed elsewhere; here it is the folder)."""
    root = kview_state().project.root / PAGES
    if not root.is_dir():
        return {}
    token = current_app.config[PAGES_TOKEN]
    return {d.name: url_for("widgets.page_file", token=token, name=d.name, rest="index.html")
            for d in sorted(root.iterdir())
            if (d / "index.html").is_file() and inside(root, d / "index.html")}


def hosted_widgets(app: App, root: Path, parent_url: str, settings: dict[str, Any]) -> list[HostedWidget]:
    """Every named widget of ``app`` as the desktop at ``parent_url`` frames it, its URL's
    placeholders filled from ``settings`` (``category.name`` → value)."""
    out = []
    for i, w in enumerate(x for x in app.widgets if x.name):
        out.append(_hosted(w, i, root, parent_url, settings))
    return out


def setting_values(app: App) -> dict[str, Any]:
    """``category.name`` → the setting's default value (what a new install of the app has)."""
    return {s.key: s.default for s in app.settings if s.default is not None}


def fill_settings(url: str, settings: dict[str, Any]) -> tuple[str, list[str]]:
    """``url`` with ``{{{settings.<category>.<name>}}}`` (or two braces) filled; and the names
    of the settings that have no value (left as written)."""
    missing: list[str] = []

    def one(m: re.Match[str]) -> str:
        key = f"{m.group(1)}.{m.group(2)}"
        if key not in settings:
            missing.append(key)
            return m.group(0)
        return quote(str(settings[key]), safe=":/.-_~")

    return _PLACEHOLDER.sub(one, url), missing


def css_size(value: str | None, default: str) -> tuple[str, str | None]:
    """A declared width/height as CSS (a bare number is pixels); a problem when it is not a size."""
    if value is None or not str(value).strip():
        return default, None
    text = str(value).strip()
    if not _CSS_SIZE.match(text):
        return default, f"{text!r} is not a CSS size (use vw, vh, px or calc()); shown at {default}"
    return (text + "px" if text.replace(".", "", 1).isdigit() else text), None


def _hosted(w: Widget, index: int, root: Path, parent_url: str, settings: dict[str, Any]) -> HostedWidget:
    name = w.name or f"widget-{index + 1}"
    frame_id = f"kv-widget-{index + 1}"
    problems = []
    width, p1 = css_size(w.width, DEFAULT_SIZE[0])
    height, p2 = css_size(w.height, DEFAULT_SIZE[1])
    problems += [f"width: {p1}"] if p1 else []
    problems += [f"height: {p2}"] if p2 else []
    local = (root / PAGES / name / "index.html").is_file()
    url, missing = fill_settings(w.url or "", settings)
    problems += [f"url: setting {m!r} has no value (give it a defaultValue, or a scenario's settings)"
                 for m in missing]
    if local:
        base = url_for("widgets.page_file", token=current_app.config[PAGES_TOKEN], name=name, rest="index.html")
        origin = "null"
    else:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(f"url {w.url!r} is not an http(s) URL and there is no {PAGES}/{name}/index.html")
            base, origin = "about:blank", "null"
        else:
            base, origin = url, f"{parts.scheme}://{parts.netloc}"
    src = base if base == "about:blank" else framed_src(base, parent_url, frame_id)
    icon = w.icon if w.icon and urlsplit(w.icon).scheme in ("http", "https") else None
    allow = w.raw.get("iframePermissions")
    return HostedWidget(
        name=name, title=w.title or name, icon=icon, width=width, height=height,
        allow=allow if isinstance(allow, str) else None, background=w.raw.get("backgroundLoad") is True,
        src=src, frame_id=frame_id, local=local, origin=origin, declared=w.url, problems=tuple(problems),
    )


def _desktop_url(name: str) -> str:
    return request.host_url + "widget/" + quote(name)

