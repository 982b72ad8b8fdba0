"""The snapshot shots of an app folder, for ``kview snapshot`` and the pytest plugin alike: every
view × scenario × theme as a ``snapshot.shots.Shot``. Here, not in ``snapshot/``, because it reads
the app (``project``) and frames views as the gallery does (``web``'s templates), and ``snapshot``
sits below both in the layers (it is given shots and never reads an app folder).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import renderer
from renderer import KViewError, ViewCache

from .project import RENDER_THEMES, App, ViewInputs, ViewSpec, read_inputs, render_view
from .project.scenarios import scenario_names
from .snapshot.shots import Shot, ShotError, assets_digest, code_digest, digest

# The gallery's Jinja templates (devserver/web/templates/), named without importing ``web``:
# that brings Flask, which a run where nothing changed does not need.
GALLERY_TEMPLATES = Path(__file__).resolve().parent / "web" / "templates"
FRAME_TEMPLATES = (GALLERY_TEMPLATES / "partials" / "frames.html", GALLERY_TEMPLATES / "partials" / "icons.html")


@functools.cache
def _gallery_frame() -> Callable[..., Any]:
    """The gallery's ``frame`` macro (``partials/frames.html``), rendered outside Flask."""
    # Imported here: Flask (through web) only when a view is framed for a shot.
    from jinja2 import Environment, FileSystemLoader

    from .web.gallery import icon_key  # web brings Flask: see above

    env = Environment(loader=FileSystemLoader(GALLERY_TEMPLATES), autoescape=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.globals["icon_key"] = icon_key
    frame: Callable[..., Any] = env.get_template("partials/frames.html").module.frame  # type: ignore[attr-defined]
    return frame


def app_shots(app: App) -> list[Shot]:
    """Every view × scenario × theme of ``app`` as a snapshot ``Shot``: its digest from the view's
    inputs (``ViewInputs.key``), its frame, kview's assets and the renderer's code; its HTML the
    view rendered by ``render_view`` in the gallery's frame (``partials/frames.html``), made only
    when the shot is taken."""
    common = (assets_digest(FRAME_TEMPLATES), code_digest(Path(renderer.__file__).parent))
    cache = ViewCache()
    shots: list[Shot] = []
    for spec in app.views:
        for scenario in scenario_names(app, spec):
            inputs: ViewInputs | KViewError
            try:
                inputs = read_inputs(app, spec, scenario=scenario)
                key = inputs.key()
            except KViewError as exc:
                inputs, key = exc, f"error: {exc}"
            meta = (spec.display_name, spec.context, spec.resource, sorted(spec.meta.items(), key=str))
            for theme in RENDER_THEMES:
                shots.append(Shot(spec.name, scenario, theme, digest(key, theme, meta, *common),
                                  functools.partial(_framed_view, spec, inputs, theme, cache)))
    return shots


def _framed_view(spec: ViewSpec, inputs: ViewInputs | KViewError, theme: str, cache: ViewCache) -> str:
    """A shot's HTML: the view rendered in ``theme``, in its gallery frame; ``ShotError`` (the
    located message and code frame) when it does not render."""
    try:
        if isinstance(inputs, KViewError):
            raise inputs
        fragment = render_view(inputs, theme=theme, cache=cache).html
    except KViewError as exc:
        raise ShotError("\n".join(filter(None, (str(exc), exc.code_frame())))) from None
    return str(_gallery_frame()(spec, theme, fragment))
