"""``KviewState``: what the blueprints share, at ``app.extensions["kview"]``."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import current_app

from ..project import Project
from ..watch import Watcher
from .config import ServerConfig
from .events import Broadcaster

log = logging.getLogger("kview")


@dataclass
class KviewState:
    """The server's config, its one ``Project`` and the SSE broadcaster."""

    config: ServerConfig
    project: Project
    broadcaster: Broadcaster

    def on_files_changed(self, paths: list[Path]) -> dict[str, Any]:
        """The watcher's callback: one ``reload`` event (+ an ``error`` event per broken view)."""
        info = self.project.refresh(paths)
        if not info["views"] and not info["errors"]:
            log.debug("changed: %s (no view depends on it)", ", ".join(map(str, paths)))
            return info
        shown = ", ".join(info["views"]) or "app folder"
        log.info("changed: %s → reloading %s", ", ".join(self.project.rel(p) for p in paths), shown)
        self.broadcaster.publish("reload", {"views": info["views"], "all": info["all"], "errors": len(info["errors"])})
        for item in info["errors"]:
            err = item["error"]
            log.warning("%s: %s", err.get("file") or item["view"], err.get("message"))
            self.broadcaster.publish("error", item)
        return info

    def watcher(self) -> Watcher:
        return Watcher(self.config.views_dir, self.on_files_changed,
                       debounce=self.config.debounce, force_polling=self.config.force_polling)


def kview_state() -> KviewState:
    """The current app's ``KviewState`` (inside a request)."""
    state: KviewState = current_app.extensions["kview"]
    return state
