"""Where kview's own files live (the `static/` folder at the repository root)."""

from __future__ import annotations

import os
from pathlib import Path


def static_dir() -> Path:
    """``KVIEW_STATIC`` if set, else ``static/`` beside the packages (kview installs editable)."""
    env = os.environ.get("KVIEW_STATIC")
    return Path(env) if env else Path(__file__).resolve().parents[1] / "static"


def theme_css() -> str:
    """The theme + component stylesheet, inlined into standalone pages."""
    path = static_dir() / "kview.css"
    return path.read_text(encoding="utf-8") if path.exists() else ""
