"""``kview init``: a new app folder that serves at once and passes ``kview check --strict``.

The files are in ``app/`` as they will be written, with ``${app}``, ``${title}`` and
``${identifier}`` filled in (``string.Template``); nothing here knows Flask or click.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

TEMPLATE_DIR = "app"


class ScaffoldError(Exception):
    """The target cannot take a new app (it is a file, or a folder with files in it)."""


def app_id(name: str) -> str:
    """A valid app id from a folder name: ``My Orders-App`` → ``my_orders_app``."""
    words = re.findall(r"[A-Za-z0-9]+", name)
    out = "_".join(w.lower() for w in words) or "my_app"
    return out if out[0].isalpha() else f"app_{out}"


def scaffold(target: Path, app: str | None = None, title: str | None = None) -> list[Path]:
    """Write the new app into ``target`` (created; must be empty); returns the files written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f"{target} is not an empty folder")
    app = app or app_id(target.resolve().name)
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", app):
        raise ScaffoldError(f"app id {app!r}: use letters, digits and underscores, starting with a letter")
    shown = title or app.replace("_", " ").title()
    words = {"app": app, "title": json.dumps(shown, ensure_ascii=False)[1:-1],  # inside JSON strings
             "identifier": re.sub(r"[^A-Za-z0-9]", "", app)[:12]}
    written: list[Path] = []
    for rel, source in _files(resources.files(__package__).joinpath(TEMPLATE_DIR), Path()):
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(Template(source).safe_substitute(words), encoding="utf-8")
        written.append(dest)
    return written


def _files(folder: Traversable, rel: Path) -> list[tuple[Path, str]]:
    out: list[tuple[Path, str]] = []
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.is_dir():
            out += _files(item, rel / item.name)
        elif not item.name.startswith("."):
            out.append((rel / item.name, item.read_text(encoding="utf-8")))
    return out
