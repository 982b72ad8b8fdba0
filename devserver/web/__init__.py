"""The web layer: ``create_app(config)`` builds the Flask app for one app folder.

Blueprints, registered here: ``gallery`` (``/``, ``/view/<name>``, ``/_kview/gallery.css``),
``render`` (``/render/<name>``), ``events`` (``/events``, server-sent events), ``interact``
(``POST /interact/<name>``: a preview's event handlers, run in a kept render), ``preview``
(``POST /api/preview/<name>``, ``POST /api/scenario/<name>``: the data panel), ``sdk`` (the Cards
SDK stub, host and mock API under ``/_kview/``), ``widgets`` (``/widget/<name>``, the mock agent
desktop, and widget pages under ``/_kview/pages/``); ``/static/…`` is
Flask's static route over the repository's ``static/`` folder. ``guard`` answers only the
server's own hosts and adds the security headers to every response. ``server.DevServer`` puts the
app on a socket with a file watcher; ``push`` turns a refresh into the ``reload`` event (the
new fragments); ``page`` writes the standalone page of ``kview render --page``. Pages are Jinja templates (``templates/``, autoescaped).

Rule: ``web`` uses ``project`` (the app model) and ``watch``; neither knows about ``web``.
"""

from __future__ import annotations

import secrets
from functools import cache
from typing import Any

from flask import Flask
from jinja2 import FileSystemBytecodeCache

from ..assets import static_dir
from ..project import Project
from . import events, fragment, gallery, guard, interact, preview, sdk, widgets
from .config import ServerConfig
from .events import Broadcaster
from .state import KviewState

__all__ = ["KviewState", "ServerConfig", "create_app"]


@cache
def _bytecode_cache() -> FileSystemBytecodeCache:
    """The pages' compiled templates, kept between runs (Jinja's own cache, in the temp folder it
    checks is this user's, keyed by template file and source checksum): compiling the gallery's
    templates is ~200 ms of the first page after ``kview serve`` starts."""
    return FileSystemBytecodeCache()


def create_app(config: ServerConfig | dict[str, Any] | None = None) -> Flask:
    """The Flask app for one app folder. ``config``: a ``ServerConfig`` or its fields as a dict."""
    if config is None:
        raise TypeError("create_app needs a ServerConfig (or a dict with 'views_dir')")
    if isinstance(config, dict):
        config = ServerConfig(**config)
    app = Flask(__name__, static_folder=str(static_dir()), static_url_path="/static")
    # block tags take their line with them: the templates read as HTML, the pages stay compact
    app.jinja_options = {**app.jinja_options, "trim_blocks": True, "lstrip_blocks": True,
                         "keep_trailing_newline": True, "bytecode_cache": _bytecode_cache()}
    app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 0  # static files change while developing
    app.config[guard.PAGES_TOKEN] = secrets.token_urlsafe(12)  # widget pages' URLs (guard.py)
    project = Project(config.views_dir, tz=config.tz, parent_url=config.parent_url, budgets=config.budgets)
    app.extensions["kview"] = KviewState(config, project, Broadcaster())
    guard.install(app, guard.HostPolicy.for_server(config.host, config.allow_hosts))
    app.register_blueprint(gallery.bp)
    app.register_blueprint(fragment.bp)
    app.register_blueprint(events.bp)
    interact.install(app)
    app.register_blueprint(preview.bp)
    app.register_blueprint(sdk.bp)
    app.register_blueprint(widgets.bp)
    return app
