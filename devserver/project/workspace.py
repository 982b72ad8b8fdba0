"""The dev server: ``create_app(config)`` (Flask app factory) and ``DevServer`` (socket + watcher).

The app keeps one ``Project`` per app folder: it reads the folder on every request (a handful of
small files), renders views through one bounded ``ViewCache`` (compile once per file version)
and remembers, per view and theme, the last good render so that a broken edit shows its error
*beside* what the view looked like before. Rendering never raises out of ``Project``: template
and mock errors become error dicts (``KViewError.to_dict()``), unexpected Python exceptions are
logged with a trimmed traceback and shown the same way (pattern 6).

Blueprints: ``gallery`` (``/``, ``/view/<name>``), ``render`` (``/render/<name>``), ``events``
(``/events``); ``/static/…`` is Flask's static route over the repository's ``static/`` folder.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import threading
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from renderer import KViewError, MockDataError, ViewCache, render

from .load import AppLoadError, ViewSpec, component_files, find_mock, load_app_dir

log = logging.getLogger("kview")

RENDER_THEMES = ("light", "dark")


@dataclass
class Outcome:
    """One render of one view in one theme: HTML, or an error dict; console and warnings."""

    theme: str
    html: str | None = None
    console: list[dict] = field(default_factory=list)
    warnings: list[dict] = field(default_factory=list)
    error: dict | None = None
    at: float = field(default_factory=time.time)
    ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict:
        return {"html": self.html, "warnings": self.warnings, "console": self.console, "error": self.error}


@dataclass
class ViewState:
    """A view with its current outcome per theme and the last good one (shown when it breaks)."""

    spec: ViewSpec
    file: str  # relative to the app folder
    data_source: str | None  # "mocks/x.json", or None when kview generates mock data
    outcomes: dict[str, Outcome]
    last_good: dict[str, Outcome]

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def error(self) -> dict | None:
        return next((o.error for o in self.outcomes.values() if o.error), None)


def trimmed_traceback(exc: BaseException, keep_head: int = 2, keep_tail: int = 6) -> str:
    """A traceback without the long middle of interpreter frames (Jinja's ``@internalcode``)."""
    frames = traceback.extract_tb(exc.__traceback__)
    # drop our own dispatch frames above the renderer call
    while len(frames) > 1 and frames[0].filename == __file__:
        frames.pop(0)
    lines = ["Traceback (most recent call last, trimmed):\n"]
    if len(frames) > keep_head + keep_tail + 1:
        lines += traceback.format_list(frames[:keep_head])
        lines.append(f"  … {len(frames) - keep_head - keep_tail} interpreter frames omitted …\n")
        lines += traceback.format_list(frames[-keep_tail:])
    else:
        lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(exc), exc)
    return "".join(lines).rstrip()


def parse_json(text: str, path: Path, what: str, shown: str) -> Any:
    """JSON already read from ``path``, as a located ``MockDataError`` when it is not JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise MockDataError(f"invalid {what}: {exc.msg}", file=shown, line=exc.lineno,
                            column=exc.colno - 1, source=text) from None


def _render_params() -> frozenset[str]:
    try:
        return frozenset(inspect.signature(render).parameters)
    except (TypeError, ValueError):  # pragma: no cover - render is a plain function
        return frozenset()


class Project:
    """One app folder: its views, their renders and their last good renders. Thread-safe."""

    def __init__(self, root: Path, cache: ViewCache | None = None, *, tz: str | None = None,
                 parent_url: str | None = None) -> None:
        self.root = Path(root).resolve()
        self.cache = cache or ViewCache()
        self.tz = tz  # the zone Date uses
        self.parent_url = parent_url  # what DynamicCard iframes are told their parent is
        self._lock = threading.Lock()
        self._views: list[ViewSpec] = []
        self.app_error: dict | None = None
        self._memo: dict[tuple[str, str], tuple[str, Outcome]] = {}
        self._last_good: dict[tuple[str, str], Outcome] = {}
        self._params = _render_params()

    # ------------------------------------------------------------------ files
    def rel(self, path: Path | str | None) -> str:
        if path is None:
            return ""
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(p)

    def views(self) -> list[ViewSpec]:
        """Re-read the folder; if it cannot be read, keep the last good list and set ``app_error``."""
        try:
            views = load_app_dir(self.root)
        except KViewError as exc:
            err = exc.to_dict()
            err["file"] = self.rel(exc.file) if exc.file else err["file"]
            with self._lock:
                self.app_error = err
                return list(self._views)
        except (AppLoadError, OSError, UnicodeDecodeError) as exc:
            with self._lock:
                self.app_error = {"kind": type(exc).__name__, "message": str(exc), "file": None,
                                  "line": None, "column": None, "frame": ""}
                return list(self._views)
        with self._lock:
            self.app_error = None
            self._views = views
        return views

    def find(self, name: str) -> ViewSpec | None:
        return next((v for v in self.views() if v.name == name), None)

    def template_name(self, spec: ViewSpec) -> str:
        """The file name errors show (and the key the compile cache is invalidated by)."""
        if spec.path is None:
            return spec.name
        rel = self.rel(spec.path)
        return rel if spec.path.suffix == ".jsx" else f"{rel}#{spec.name}"

    def _read_optional(self, path: Path) -> str | None:
        try:
            return path.read_text(encoding="utf-8")
        except (FileNotFoundError, IsADirectoryError):
            return None

    def _components(self) -> dict[str, str]:
        # keyed by file name: component errors point at components/<file>.jsx
        return {self.rel(p): text for p, text in component_files(self.root).items()}

    # ------------------------------------------------------------------ rendering
    def state(self, spec: ViewSpec, themes: Iterable[str] = RENDER_THEMES) -> ViewState:
        mock = find_mock(self.root, spec)
        outcomes = {theme: self.render(spec, theme) for theme in themes}
        with self._lock:
            last_good = {t: self._last_good[(spec.name, t)] for t in outcomes if (spec.name, t) in self._last_good}
        return ViewState(spec, self.rel(spec.path), self.rel(mock) if mock else None, outcomes, last_good)

    def render(self, spec: ViewSpec, theme: str) -> Outcome:
        """Render one view in one theme; never raises.

        Memoised on the content of every input (template, mock, request table, components),
        errors included: a template that runs into its time budget costs that time once per
        version, not on every page load. kview's own crashes are not memoised (retry them).
        """
        t0 = time.perf_counter()
        try:
            files = self._read_inputs(spec)
        except (OSError, UnicodeDecodeError) as exc:  # unreadable, or saved in another encoding
            return Outcome(theme, error={"kind": "FileError", "file": self.template_name(spec), "line": None,
                                         "column": None, "message": f"cannot read an input of this view: {exc}",
                                         "frame": ""})
        key: str | None = hashlib.sha256(
            repr((spec.source, theme, spec.resource, spec.context, files)).encode("utf-8", "surrogatepass")
        ).hexdigest()
        with self._lock:
            memo = self._memo.get((spec.name, theme))
        if memo and memo[0] == key:
            return memo[1]
        try:
            data, kwargs = self._parse_inputs(spec, files)
            result = render(
                spec.source,
                data,
                name=self.template_name(spec),
                root_class=f"kview kview-theme-{theme}",
                cache=self.cache,
                **kwargs,
            )
            out = Outcome(theme, result.html, list(result.console), [w.to_dict() for w in result.warnings])
        except KViewError as exc:
            out = Outcome(theme, error=self._error_dict(exc))
        except Exception as exc:  # a bug in kview itself: log it, show it, keep serving
            key = None
            tb = trimmed_traceback(exc)
            log.error("internal error rendering %s (%s):\n%s", spec.name, theme, tb)
            out = Outcome(theme, error={
                "kind": "InternalError", "file": self.template_name(spec), "line": None, "column": None,
                "message": f"kview crashed while rendering this view: {type(exc).__name__}: {exc}",
                "frame": "", "traceback": tb,
            })
        out.ms = (time.perf_counter() - t0) * 1000
        with self._lock:
            if key is not None:
                self._memo[(spec.name, theme)] = (key, out)
            else:
                self._memo.pop((spec.name, theme), None)
            if out.ok:
                self._last_good[(spec.name, theme)] = out
        return out

    def _error_dict(self, exc: KViewError) -> dict:
        err = exc.to_dict()
        if getattr(exc, "js_type", None):  # RenderError: show "ReferenceError", not the class
            err["js_type"] = exc.js_type
        if exc.file and Path(exc.file).is_absolute():
            err["file"] = self.rel(exc.file)
        return err

    def _read_inputs(self, spec: ViewSpec) -> tuple:
        """The raw text of every file the render of ``spec`` depends on (the memo key)."""
        mock_path = find_mock(self.root, spec)
        mock = (mock_path, self._read_optional(mock_path)) if mock_path else None
        requests_path = self.root / "mocks" / "requests.json"
        requests = (requests_path, self._read_optional(requests_path))
        return mock, requests, tuple(sorted(self._components().items()))

    def _parse_inputs(self, spec: ViewSpec, files: tuple) -> tuple[Any, dict[str, Any]]:
        """Mock data and render() keywords from the raw files (may raise ``MockDataError``)."""
        mock, (requests_path, requests_text), components = files
        data: Any = None
        if mock is not None and mock[1] is not None:
            data = parse_json(mock[1], mock[0], "mock data", self.rel(mock[0]))
            if not isinstance(data, dict):
                raise MockDataError(
                    "mock data must be a JSON object whose keys become the template's globals "
                    f"(customer, conversation, kobject, …), not a {type(data).__name__}",
                    file=self.rel(mock[0]), line=1, column=0, source=mock[1],
                )
        kwargs: dict[str, Any] = {}
        if requests_text is not None and "requests" in self._params:
            kwargs["requests"] = parse_json(requests_text, requests_path, "request mocks", self.rel(requests_path))
        if components and "components" in self._params:
            kwargs["components"] = dict(components)
        if "resource" in self._params:
            kwargs["resource"] = spec.resource
        kwargs["tz"] = self.tz
        kwargs["parent_url"] = self.parent_url
        return data, kwargs

    # ------------------------------------------------------------------ changes
    def affected(self, paths: Iterable[Path]) -> tuple[list[str], bool]:
        """Names of the views a batch of changed files touches, and whether it touches all."""
        views = self.views()
        names: set[str] = set()
        everything = False
        for path in paths:
            rel = Path(self.rel(path))
            parts = rel.parts
            if not parts or (parts[0] not in ("kviews", "mocks", "components") and
                             not (len(parts) == 1 and rel.suffix == ".json")):
                continue  # README, assets, …: no view reads them
            hit: set[str] = set()
            if len(parts) == 2 and parts[0] == "kviews":
                hit = {v.name for v in views if v.path is not None and v.path.stem == rel.stem}
            elif len(parts) == 2 and parts[0] == "mocks" and rel.stem != "requests":
                hit = {v.name for v in views if rel.stem in (v.name, v.path.stem if v.path else None)}
            if hit:
                names |= hit
            else:  # requests.json, components/, app definitions, new or deleted views: any view
                everything = True
        if everything:
            names.update(v.name for v in views)
        return sorted(names), everything

    def refresh(self, paths: Iterable[Path]) -> dict[str, Any]:
        """After a change: invalidate compiled versions, re-render the affected views (so the last
        good render is tracked even when no page is open) and describe what happened."""
        names, everything = self.affected(paths)
        specs = {v.name: v for v in self.views()}
        errors: list[dict] = []
        for name in names:
            spec = specs.get(name)
            if spec is None:
                continue
            self.cache.invalidate(self.template_name(spec))
            state = self.state(spec)
            if state.error:
                errors.append({"view": name, "title": spec.display_name, "error": state.error})
        if self.app_error:
            errors.append({"view": None, "error": self.app_error})
        return {"views": names, "all": everything, "errors": errors}
