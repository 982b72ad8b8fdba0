"""Everything one view needs to render, gathered in one place for ``kview render`` and the server.

``read_inputs`` reads the files (template, mock data, request mocks, components) as text;
``ViewInputs.key()`` hashes them (the server memoises renders on it, errors included), and
``render_view`` parses the JSON and calls the renderer. Both edges go through these two
functions, so a view renders the same on the command line and in the gallery.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from renderer import MockDataError, RenderResult, ViewCache, render

from .confinement import inside, outside_error
from .errors import FileError
from .load import parse_json
from .model import App, ViewSpec


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

    @property
    def name(self) -> str:
        return self.view.template_name

    def key(self) -> str:
        """A digest of everything the render reads (equal digests render equally)."""
        v = self.view
        text = (v.template_name, v.source, v.resource, v.context, self.tz, _raw(self.data),
                _raw(self.requests), self.components)
        return hashlib.sha256(repr(text).encode("utf-8", "surrogatepass")).hexdigest()

    def data_value(self) -> Any:
        """The data file's JSON (``None`` without one); ``MockDataError`` when it is not JSON."""
        return self.data.value() if self.data is not None else None

    def render_args(self) -> tuple[dict[str, Any] | None, dict[str, Any]]:
        """The data and the keywords ``renderer.render`` takes for this view (may raise
        ``MockDataError``: invalid JSON, or data that is not an object)."""
        data: Any = None
        if self.data is not None and self.data.text is not None:
            data = self.data.value()
            if not isinstance(data, dict):
                raise MockDataError(
                    f"{self.data.what} must be a JSON object whose keys become the template's globals "
                    f"(customer, conversation, kobject, …), not a {type(data).__name__}",
                    file=str(self.data.path), line=1, column=0, source=self.data.text,
                )
        kwargs: dict[str, Any] = {
            "name": self.name,
            "resource": self.view.resource,
            "tz": self.tz,
            "components": dict(self.components) or None,
            "requests": self.requests.value() if self.requests is not None else None,
        }
        return data, kwargs


def read_inputs(app: App, view: ViewSpec, *, data: Path | None = None, requests: Path | None = None,
                tz: str | None = None) -> ViewInputs:
    """Read what ``view`` of ``app`` renders with: the app's mock data, request mocks and
    components, unless ``data`` / ``requests`` name other files (``kview render --data``).
    Raises ``FileError`` when a file exists but cannot be read, or when a file the app names
    is outside its folder (``data`` / ``requests`` are the user's own choice: read as given);
    the view's own ``problem`` (its template is outside the folder) when it has one."""
    if view.problem is not None:
        raise view.problem
    data_file = _read(data, "data file") if data else _read(_confined(app, app.mock_for(view), "mock data"), "mock data")
    requests_file = (_read(requests, "requests file") if requests
                     else _read(_confined(app, app.requests, "request mocks"), "request mocks"))
    components = tuple((str(p), text) for p in app.components
                       if _confined(app, p, "component") and (text := _read_text(p, "component")) is not None)
    return ViewInputs(view, data_file, requests_file, components, tz)


def render_view(inputs: ViewInputs, *, theme: str, cache: ViewCache | None = None,
                settle_jobs: bool = True, parent_url: str | None = None) -> RenderResult:
    """Render a view's inputs with the root element themed (``kview kview-theme-<theme>``)."""
    data, kwargs = inputs.render_args()
    return render(inputs.view.source, data, root_class=f"kview kview-theme-{theme}", cache=cache,
                  settle_jobs=settle_jobs, parent_url=parent_url, **kwargs)


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
