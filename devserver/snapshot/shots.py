"""What a run photographs: a ``Shot`` is one view in one scenario and one theme, named
``<view>.<scenario>.<theme>``, with the digest of everything its picture depends on and a way to
make its HTML (only called when the shot is actually taken: an unchanged run makes none).

The caller (``kview snapshot`` in ``cli``) builds the shots from the app; this package never
reads an app folder, so it stays below ``project`` and ``web`` in the layers.
"""

from __future__ import annotations

import fnmatch
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..assets import static_dir

THEMES = ("light", "dark")
_UNSAFE = re.compile(r"[^A-Za-z0-9_\-]+")


class ShotError(Exception):
    """A shot that cannot be taken (its view does not render): ``str()`` is the located message."""


@dataclass(frozen=True)
class Shot:
    view: str
    scenario: str
    theme: str
    digest: str  # equal digests give equal pictures (inputs, assets, options)
    html: Callable[[], str]  # the framed view; raises ShotError when the view fails

    @property
    def name(self) -> str:
        return shot_name(self.view, self.scenario, self.theme)


def shot_name(view: str, scenario: str, theme: str) -> str:
    """``<view>.<scenario>.<theme>``, each part made safe as a file name (``/`` → ``_``)."""
    return ".".join(_UNSAFE.sub("_", part).strip("_") or "_" for part in (view, scenario, theme))


def select(shots: Iterable[Shot], *, view: str | None = None, theme: str | None = None,
           scenario: str | None = None) -> list[Shot]:
    """The shots a run takes: ``view`` is a glob (``order-*``) or a name, ``theme`` light or dark
    (``None``/``both``: both), ``scenario`` a name."""
    return [s for s in shots
            if (view is None or fnmatch.fnmatchcase(s.view, view))
            and (theme in (None, "both") or s.theme == theme)
            and (scenario is None or s.scenario == scenario)]


def assets_digest(extra: Iterable[Path] = ()) -> str:
    """A digest of what every shot's page loads besides the view: kview's stylesheets, the
    fonts, the snapshot page's template and the files in ``extra`` (the gallery's frames). A
    change to any of them makes every shot's digest change."""
    h = hashlib.sha256()
    static = static_dir()
    files = [static / "kview.css", static / "gallery.css", static / "snapshot.css",
             *sorted((static / "fonts").glob("*")), *sorted(Path(__file__).parent.glob("templates/*.html")),
             *extra]
    for path in files:
        h.update(str(path.name).encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()


def digest(*parts: object) -> str:
    """The digest of a shot from its parts (strings, or anything with a stable ``repr``)."""
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogatepass")).hexdigest()


def code_digest(*packages: Path) -> str:
    """A digest of the Python source of ``packages`` (the renderer): a new kview that renders
    differently takes the shots again rather than trusting the recorded digests."""
    h = hashlib.sha256()
    for package in packages:
        for path in sorted(package.rglob("*.py")):
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()
