"""``ServerConfig``: what ``kview serve`` was asked for."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from renderer import Budgets

from ..project import RENDER_THEMES

GALLERY_THEMES = ("both", "light", "dark", "system")  # system: one pane, following the OS


def themes_for(mode: str) -> tuple[str, ...]:
    """The themes a gallery mode renders: both → light and dark side by side; else the one named."""
    return RENDER_THEMES if mode == "both" else (mode,)


@dataclass
class ServerConfig:
    """What ``kview serve`` was asked for."""

    views_dir: Path
    theme: str = "both"  # which themes the gallery shows unless the URL says otherwise
    reload: bool = True  # watch the folder and push reloads to open pages
    debounce: float = 0.05  # quiet wanted after a change that reports no close (watch.Watcher)
    force_polling: bool = False
    tz: str | None = field(default_factory=lambda: os.environ.get("TZ") or None)  # Date's zone
    parent_url: str = "http://127.0.0.1:5000/"  # DynamicCard's parentUrl (set by `kview serve`)
    host: str = "127.0.0.1"  # the interface served: its name is answered (guard.HostPolicy)
    allow_hosts: tuple[str, ...] = ()  # more Host names to answer (kview serve --allow-host)
    budgets: Budgets | None = None  # render budgets (kview serve --settle-time/--settle-renders)

    def __post_init__(self) -> None:
        self.views_dir = Path(self.views_dir).resolve()
        self.allow_hosts = tuple(self.allow_hosts)
        if self.theme not in GALLERY_THEMES:
            raise ValueError(f"theme must be one of {', '.join(GALLERY_THEMES)}, not {self.theme!r}")
