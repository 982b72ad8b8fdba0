"""What a run photographs: a ``Shot`` is one view, or one widget, in one scenario and one theme,
with the digest of everything its picture depends on and a way to make it (only called when the
shot is actually taken: an unchanged run makes none).

Two kinds: a view's shot makes HTML, swapped into the snapshot page (``capture``), and is named
``<view>.<scenario>.<theme>``; a widget's shot makes a ``Visit`` (a URL to open and the element to
photograph there) and is named ``widgets/<name>.<scenario>.<theme>``: its baseline lives in the
``widgets/`` subfolder, so a widget never shares a file with a view of the same name (a view's
name never holds a ``/``).

The caller (``kview snapshot`` in ``cli``) builds the shots from the app; this package never
reads an app folder or starts a server, so it stays below ``project`` and ``web`` in the layers.
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
VIEW, WIDGET = "view", "widget"  # the kinds of shot
WIDGETS = "widgets"  # a widget shot's name (and baseline) is under widgets/
_UNSAFE = re.compile(r"[^A-Za-z0-9_\-]+")


class ShotError(Exception):
    """A shot that cannot be taken (its view does not render): ``str()`` is the located message."""


@dataclass(frozen=True)
class Visit:
    """How a shot is taken by opening a page rather than swapping HTML into the snapshot page:
    ``url`` opened in a context of its own (``viewport``, ``Date`` fixed at ``fixed_time`` in
    every frame), the element ``selector`` matches photographed. Only ``url``'s origin is
    answered; every other request is blocked. ``before`` runs first (a store reset);
    ``init_script`` runs in every frame before the page's own scripts; ``ready`` is a JavaScript
    function awaited in the page (given ``ready_arg``), then ``frame_ready`` in every frame below
    it (it resolves true when it had to wait), again until a pass where no frame waited; then the
    fonts, images and two animation frames every shot waits for. ``styles`` are stylesheets (URLs)
    added to the page. Visits with the same ``same_page`` key show one page but for what
    ``switch`` (a JavaScript function, given ``switch_arg``) changes in place, e.g. the theme:
    the next such visit after one is taken in its page, switched, without opening it again."""

    url: str
    selector: str
    viewport: tuple[int, int] = (1280, 800)
    fixed_time: str = "2024-01-15T12:00:00Z"
    ready: str | None = None
    frame_ready: str | None = None
    ready_arg: object = None
    init_script: str | None = None
    styles: tuple[str, ...] = ()
    before: Callable[[], None] | None = None
    timeout_ms: int = 30_000
    same_page: str | None = None
    switch: str | None = None
    switch_arg: object = None


@dataclass(frozen=True)
class Shot:
    view: str  # the view's name; for a widget shot, the widget's
    scenario: str
    theme: str
    digest: str  # equal digests give equal pictures (inputs, assets, options)
    html: Callable[[], str] | None = None  # the framed view; raises ShotError when the view fails
    kind: str = VIEW
    visit: Callable[[], Visit] | None = None  # a widget shot's page (may start a server); raises ShotError
    skip: str | None = None  # why the shot is never taken (listed as skipped, not a failure)

    @property
    def name(self) -> str:
        base = shot_name(self.view, self.scenario, self.theme)
        return f"{WIDGETS}/{base}" if self.kind == WIDGET else base


def shot_name(view: str, scenario: str, theme: str) -> str:
    """``<view>.<scenario>.<theme>``, each part made safe as a file name (``/`` → ``_``)."""
    return ".".join(_UNSAFE.sub("_", part).strip("_") or "_" for part in (view, scenario, theme))


def select(shots: Iterable[Shot], *, view: str | None = None, theme: str | None = None,
           scenario: str | None = None) -> list[Shot]:
    """The shots a run takes: ``view`` is a glob (``order-*``) or a name, matched against a view's
    name and a widget's name alike, and against ``widgets/<name>`` (``widgets/*``: every widget and
    no view); ``theme`` light or dark (``None``/``both``: both), ``scenario`` a name."""
    return [s for s in shots
            if (view is None or fnmatch.fnmatchcase(s.view, view)
                or (s.kind == WIDGET and fnmatch.fnmatchcase(f"{WIDGETS}/{s.view}", view)))
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
    """A digest of the Python source of ``packages`` (the renderer; a package or one module): a
    new kview that renders differently takes the shots again rather than trusting the recorded
    digests."""
    h = hashlib.sha256()
    for package in packages:
        files = [package] if package.is_file() else sorted(package.rglob("*.py"))
        for path in files:
            h.update((path.name if path == package else path.relative_to(package).as_posix()).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def files_digest(folder: Path) -> str:
    """A digest of every file below ``folder`` (names and bytes; nothing there: a digest too)."""
    h = hashlib.sha256()
    if folder.is_dir():
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            h.update(path.relative_to(folder).as_posix().encode() + b"\0")
            h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()
