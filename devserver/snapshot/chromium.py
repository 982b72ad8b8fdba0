"""Which Chromium to drive, and how: Playwright cannot download its own browsers here, so kview
launches the system Chromium (``KVIEW_CHROMIUM``, else the one on ``PATH``) with ``LAUNCH_ARGS``
(``kview snapshot`` adds its own for determinism: ``capture.SNAPSHOT_ARGS``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

_CANDIDATES = ("chromium", "chromium-browser")
_FALLBACK = "/usr/bin/chromium"


class ChromiumNotFound(RuntimeError):
    pass


def chromium_path() -> str:
    """``$KVIEW_CHROMIUM``, else ``chromium`` / ``chromium-browser`` on PATH, else /usr/bin/chromium."""
    env = os.environ.get("KVIEW_CHROMIUM")
    if env:
        if Path(env).is_file() and os.access(env, os.X_OK):
            return env
        raise ChromiumNotFound(f"KVIEW_CHROMIUM={env} is not an executable file")
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    if os.access(_FALLBACK, os.X_OK):
        return _FALLBACK
    raise ChromiumNotFound(
        "no Chromium found: install it (Debian: `apt-get install chromium fonts-liberation`; "
        "`make install` does this as root) or point KVIEW_CHROMIUM at a Chromium binary"
    )


def launch_args(**overrides: Any) -> dict[str, Any]:
    """Keyword arguments for Playwright's ``chromium.launch()``."""
    kwargs: dict[str, Any] = {"executable_path": chromium_path(), "args": list(LAUNCH_ARGS), "headless": True}
    kwargs.update(overrides)
    return kwargs


def launch(playwright: Any, **overrides: Any) -> Any:
    """``playwright.chromium.launch`` with the system Chromium and ``LAUNCH_ARGS``."""
    return playwright.chromium.launch(**launch_args(**overrides))
