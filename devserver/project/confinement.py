"""Files stay inside the app folder.

An app folder may come from anyone (a marketplace app, a colleague's branch), so the names in
it must not reach files elsewhere on the machine: a view named ``../../outside/secret`` would
read ``outside/secret.json`` as its mock data, and a symlink in ``kviews/``, ``mocks/`` or
``components/`` could point at any file. Every file an app folder names is read only if,
symlinks resolved, it is inside the (resolved) folder; a symlink within the folder is fine.
"""

from __future__ import annotations

from pathlib import Path

from renderer.errors import KViewError


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with symlinks and ``..`` resolved, is ``root`` or below it."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


def outside_error(kind: type[KViewError], what: str, path: Path) -> KViewError:
    """The located error for a file the app names outside its folder."""
    return kind(f"{what} is outside the app folder (a symlink or '..' leads elsewhere); kview reads "
                "only files inside the app", file=str(path))
