"""Everything one view needs to render, gathered in one place for ``kview render`` and the server.

``read_inputs`` reads the files (template, the scenario's mock data, app-wide fixtures, the app
definition, request mocks, components) as text; ``ViewInputs.key()`` hashes them (the server
memoises renders on it, errors included), and ``render_view`` parses the JSON, composes the
view's data (``scenarios.compose``: scenario, fixtures, generated) and calls the renderer. Both
edges go through these two functions, so a view renders the same on the command line and in
the gallery.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renderer import (
    Budgets,
    KViewError,
    LiveSession,
    MockDataError,
    RenderResult,
    ViewCache,
    compile_view,
    render,
)

from .confinement import inside, outside_error
from .errors import FileError
from .load import parse_json
from .model import App, ViewSpec
from .scenarios import DEFAULT, Composed, compose, definition_for, fixture_paths, scenario_path

# ``overlay(data, resource)``: records replaced in a view's composed data (``store.MockStore.overlay``)
Overlay = Callable[[dict[str, Any], str], dict[str, Any]]

@dataclass(frozen=True)
class InputFile:
    """One JSON input as read: ``text`` is ``None`` when the file went away since it was listed."""

    path: Path
    what: str  # how error messages call it: "mock data", "data file", …
    text: str | None

    def value(self) -> Any:
        return None if self.text is None else parse_json(self.text, self.what, str(self.path))


@dataclass(frozen=True)
class ViewInputs:
    """A view's template with the raw text of every file its render depends on."""

    view: ViewSpec
    data: InputFile | None = None
    requests: InputFile | None = None
    components: tuple[tuple[str, str], ...] = ()  # (file name, source), sorted
    tz: str | None = None  # the zone Date uses (None: UTC)
    scenario: str = DEFAULT
    fixtures: tuple[tuple[str, InputFile], ...] = ()  # (data key, mocks/<resource>.json)
    definition: Mapping[str, Any] | None = None  # the raw app definition: klasses and settings

    @property
    def name(self) -> str:
        return self.view.template_name

    def key(self) -> str:
        """A digest of everything the render reads (equal digests render equally)."""
        v = self.view
        text = (v.template_name, v.source, v.resource, v.context, self.tz, _raw(self.data),
                _raw(self.requests), self.components, self.scenario,
                tuple((k, _raw(f)) for k, f in self.fixtures),
                json.dumps(self.definition, sort_keys=True, default=str) if self.definition else None)
        return hashlib.sha256(repr(text).encode("utf-8", "surrogatepass")).hexdigest()

    def data_value(self) -> Any:
        """The data file's JSON (``None`` without one); ``MockDataError`` when it is not JSON."""
        return self.data.value() if self.data is not None else None

    def composed(self, cache: ViewCache | None = None) -> Composed:
        """The view's data for its scenario: scenario, fixtures, generated (``scenarios.py``).
        May raise ``MockDataError`` (invalid JSON, data that is not an object, a bad option).
        A template that does not compile gets nothing generated: rendering it reports why."""
        scenario: dict[str, Any] | None = None
        if self.data is not None and self.data.text is not None:
            scenario = _object(self.data)
        fixtures = [(k, f.value()) for k, f in self.fixtures if f.text is not None]
        try:
            needs = compile_view(self.view.source, self.name, cache).needs  # what is generated
        except KViewError:
            needs = None
        return compose(self.view, needs, scenario=scenario,
                       scenario_file=str(self.data.path) if self.data else "scenario",
                       scenario_text=self.data.text if self.data else None, fixtures=fixtures,
                       definition=self.definition,
                       requests=self.requests.value() if self.requests is not None else None)

    def render_args(self, cache: ViewCache | None = None, overlay: Overlay | None = None
                    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """The data and the keywords ``renderer.render`` takes for this view (may raise what
        ``composed`` raises). ``overlay(data, resource)`` may replace records of the composed
        data (the server's mock store puts the Cards SDK's writes back into the views showing them)."""
        c = self.composed(cache)
        kwargs: dict[str, Any] = {
            "name": self.name,
            "resource": self.view.resource,
            "tz": self.tz,
            "components": dict(self.components) or None,
            "requests": c.requests,
            "locale": c.locale,
        }
        return (c.data if overlay is None else overlay(c.data, self.view.resource)), kwargs


def read_inputs(app: App, view: ViewSpec, *, data: Path | None = None, requests: Path | None = None,
                tz: str | None = None, scenario: str | None = None) -> ViewInputs:
    """Read what ``view`` of ``app`` renders with: the scenario's mock data (``default``: the
    view's own), the app-wide fixtures, definition, request mocks and components, unless
    ``data`` / ``requests`` name other files (``kview render --data``). Raises ``FileError``
    when a file exists but cannot be read, or when a file the app names is outside its folder
    (``data`` / ``requests`` are the user's own choice: read as given); ``UnknownScenario``
    for a scenario the view lacks; the view's own ``problem`` (its template is outside the
    folder) when it has one."""
    if view.problem is not None:
        raise view.problem
    scenario = scenario or DEFAULT
    data_file = (_read(data, "data file") if data
                 else _read(_confined(app, scenario_path(app, view, scenario), "mock data"), "mock data"))
    fixtures = tuple((key, f) for key, p in fixture_paths(app, view)
                     if (f := _read(_confined(app, p, "fixture"), "fixture")) is not None)
    requests_file = (_read(requests, "requests file") if requests
                     else _read(_confined(app, app.requests, "request mocks"), "request mocks"))
    components = tuple((str(p), text) for p in app.components
                       if _confined(app, p, "component") and (text := _read_text(p, "component")) is not None)
    return ViewInputs(view, data_file, requests_file, components, tz, scenario, fixtures,
                      definition_for(app, view))


def render_view(inputs: ViewInputs, *, theme: str, cache: ViewCache | None = None,
                settle_jobs: bool = True, parent_url: str | None = None,
                overlay: Overlay | None = None, budgets: Budgets | None = None) -> RenderResult:
    """Render a view's inputs with the root element themed (``kview kview-theme-<theme>``)."""
    data, kwargs = inputs.render_args(cache, overlay)
    return render(inputs.view.source, data, root_class=theme_class(theme), cache=cache,
                  settle_jobs=settle_jobs, parent_url=parent_url, budgets=budgets, **kwargs)


def live_view(inputs: ViewInputs, *, theme: str, cache: ViewCache | None = None,
              parent_url: str | None = None, reload: LiveSession | None = None,
              overlay: Overlay | None = None, budgets: Budgets | None = None) -> LiveSession:
    """A live session of the view (its handlers run; ``renderer.live``), rendered as ``render_view``
    renders it; with ``reload``, that session re-runs these inputs keeping its state."""
    data, kwargs = inputs.render_args(cache, overlay)
    kwargs.update(root_class=theme_class(theme), cache=cache, parent_url=parent_url, budgets=budgets)
    if reload is not None:
        reload.reload(inputs.view.source, data, **kwargs)
        return reload
    return LiveSession(inputs.view.source, data, **kwargs)


def theme_class(theme: str) -> str:
    """The classes of a rendered view's root element in ``theme``."""
    return f"kview kview-theme-{theme}"


def _object(file: InputFile) -> dict[str, Any]:
    """A mock file's JSON, which must be an object (its keys become the template's globals)."""
    value = file.value()
    if not isinstance(value, dict):
        raise MockDataError(
            f"{file.what} must be a JSON object whose keys become the template's globals "
            f"(customer, conversation, kobject, …), not a {type(value).__name__}",
            file=str(file.path), line=1, column=0, source=file.text,
        )
    return value


def _confined(app: App, path: Path | None, what: str) -> Path | None:
    """``path`` if it is inside the app folder (or the app has none); else ``FileError``."""
    if path is not None and app.root is not None and not inside(app.root, path):
        raise outside_error(FileError, what, path)
    return path


def _raw(file: InputFile | None) -> tuple[str, str | None] | None:
    return None if file is None else (str(file.path), file.text)


def _read(path: Path | None, what: str) -> InputFile | None:
    return None if path is None else InputFile(path, what, _read_text(path, what))


def _read_text(path: Path, what: str) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, IsADirectoryError):
        return None  # removed since the app was read: as if it had never been there
    except OSError as exc:
        raise FileError(f"cannot read {what}: {exc.strerror or exc}", file=str(path)) from None
    except UnicodeDecodeError as exc:
        raise FileError(f"cannot read {what}: not UTF-8 ({exc.reason} at byte {exc.start})",
                        file=str(path)) from None
