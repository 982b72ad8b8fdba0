"""``KviewState``: what the blueprints share, at ``app.extensions["kview"]``.

A module of its own (not in ``web/__init__``) so that blueprints can import it without
importing the app factory that registers them.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import current_app

from renderer.errors import Diagnostic

from ..project import App, Project, Refreshed, ViewSpec
from ..project.workspace import shown
from ..watch import Watcher
from .config import ServerConfig
from .events import Broadcaster
from .push import reload_payload
from .websocket import GOING_AWAY, WebSocket

log = logging.getLogger("kview")


@dataclass
class KviewState:
    """The server's config, its one ``Project``, the SSE broadcaster and the open SDK sockets."""

    config: ServerConfig
    project: Project
    broadcaster: Broadcaster
    # renders pushed after a mock-store write, one at a time and in order, off the SDK request
    pusher: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(1, "kview-push"))
    sockets: set[WebSocket] = field(default_factory=set)  # the hosts' open Cards SDK sockets
    # the sockets' asks, answered side by side (as many as a browser's connections to a host)
    answerers: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(6, "kview-sdk"))

    def on_files_changed(self, paths: list[Path]) -> Refreshed:
        """The watcher's callback: the affected views rendered again and ``publish``-ed."""
        done = self.project.refresh(paths)
        if not done.views and not done.errors and not done.pages and not done.listed:
            log.debug("changed: %s (no view depends on it)", ", ".join(map(str, paths)))
            return done
        files = [self.project.rel(p) for p in paths]
        shown_views = ", ".join(done.views + [f"widget page {w}" for w in done.pages]) or ("the list of views" if done.listed else "app folder")
        log.info("changed: %s → reloading %s", ", ".join(files), shown_views)
        self.publish(done, files)
        return done

    def rerender_later(self, names: list[str]) -> None:
        """Views whose data changed (a Cards SDK write): render and ``publish`` them after the
        call that changed them has been answered."""
        try:
            self.pusher.submit(lambda: self.publish(self.project.rerender(names), []))
        except RuntimeError:  # shutting down
            pass

    def close(self) -> None:
        """Stop pushing: the event stream closes, a pending render is dropped."""
        self.pusher.shutdown(wait=False, cancel_futures=True)
        self.answerers.shutdown(wait=False, cancel_futures=True)
        self.broadcaster.close()
        for ws in list(self.sockets):  # the pages see the close and fall back to fetch
            ws.close(GOING_AWAY, "kview is stopping")

    def publish(self, done: Refreshed, files: list[str]) -> None:
        """``done`` to the open pages: one ``reload`` event carrying the new renders
        (``push.reload_payload``), then an ``error`` event per broken view."""
        app = done.app or self.project.last_app
        errors = app_errors(self.project, app)
        self.broadcaster.publish("reload", reload_payload(done, files, [v.name for v in app.views], errors))
        for spec, error in done.errors:
            log.warning("%s: %s", error.file or (spec.name if spec else "app folder"), error.message)
            self.broadcaster.publish("error", error_event(spec, error))

    def watcher(self) -> Watcher:
        return Watcher(self.config.views_dir, self.on_files_changed,
                       debounce=self.config.debounce, force_polling=self.config.force_polling)


def error_event(spec: ViewSpec | None, error: Diagnostic, title: str | None = None) -> dict[str, Any]:
    """An error as reload.js's overlay reads it (the ``error`` event, the page's ``#kvg-errors``):
    ``{view, title, error}``; ``view`` is ``None`` for the app folder's own error."""
    if spec is None:
        event: dict[str, Any] = {"view": None}
        if title is not None:
            event["title"] = title
    else:
        event = {"view": spec.name, "title": spec.display_name}
    event["error"] = error.to_dict()
    return event


def app_problems(project: Project, app: App) -> list[Diagnostic]:
    """The files of the folder that could not be read, as the gallery shows them."""
    return [shown(exc, project.rel(exc.file) if exc.file else None) for exc in app.problems]


def app_errors(project: Project, app: App, problems: list[Diagnostic] | None = None) -> list[dict[str, Any]]:
    """The errors that belong to no view (the folder's, then its unreadable files'), as overlay items."""
    items = [error_event(None, p, title=p.file or "App folder")
             for p in (app_problems(project, app) if problems is None else problems)]
    if project.app_error:
        items.insert(0, error_event(None, project.app_error, title="App folder"))
    return items


def kview_state() -> KviewState:
    """The current app's ``KviewState`` (inside a request)."""
    state: KviewState = current_app.extensions["kview"]
    return state
