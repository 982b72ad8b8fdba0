"""Files stay inside the app folder.

An app folder may come from anyone (a marketplace app, a colleague's branch), so the names in
it must not reach files elsewhere on the machine: a view named ``../../outside/secret`` would
read ``outside/secret.json`` as its mock data, and a symlink in ``kviews/``, ``mocks/`` or
``components/`` could point at any file. Every file an app folder names is read only if,
symlinks resolved, it is inside the (resolved) folder; a symlink within the folder is fine.
"""

from __future__ import annotations

import functools
from pathlib import Path

from renderer.errors import KViewError


def inside(root: Path, path: Path) -> bool:
    """Whether ``path``, with symlinks and ``..`` resolved, is ``root`` or below it.

    The common case is decided without resolving: a path written below ``root``, with no ``..``
    and no symlink among its parts below ``root``, is inside it (a reload checks ~80 paths, and
    resolving each costs an lstat per part from ``/``). Anything else is resolved."""
    try:
        rel = path.relative_to(root)
    except ValueError:
        return _resolved_inside(root, path)
    return _plainly_below(root, rel.parts) or _resolved_inside(root, path)


def _plainly_below(root: Path, parts: tuple[str, ...]) -> bool:
    """No ``..`` among ``parts`` and no symlink on the way down from ``root`` (an unreadable
    part counts as a doubt: the caller resolves)."""
    if ".." in parts:
        return False
    step = root
    try:
        for part in parts:
            step = step / part
            if step.is_symlink():
                return False
    except OSError:
        return False
    return True


def _resolved_inside(root: Path, path: Path) -> bool:
    try:
        path.resolve().relative_to(_real(root))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return False
    return True


@functools.lru_cache(maxsize=64)
def _real(root: Path) -> Path:
    """The app folder, resolved once: every file an app names is checked against it (a reload
    checks ~80). Were the folder itself later re-pointed elsewhere, its files would be refused,
    never let out."""
    return root.resolve()


def outside_error(kind: type[KViewError], what: str, path: Path) -> KViewError:
    """The located error for a file the app names outside its folder."""
    return kind(f"{what} is outside the app folder (a symlink or '..' leads elsewhere); kview reads "
                "only files inside the app", file=str(path))
