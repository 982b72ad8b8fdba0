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
import logging
import threading
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from renderer import KViewError, ViewCache

from .inputs import ViewInputs, read_inputs, render_view
from .load import load_app, views_touched
from .model import App, ViewSpec

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
    data_text: str | None = None  # the mock data as read

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def error(self) -> dict | None:
        return next((o.error for o in self.outcomes.values() if o.error), None)

    @property
    def console(self) -> list[dict]:
        """The console output of the first good theme (the template runs the same in each)."""
        outs = [o for o in self.outcomes.values() if o.ok] or list(self.outcomes.values())
        return outs[0].console if outs else []

    @property
    def warnings(self) -> list[dict]:
        """Every theme's warnings, each once."""
        out: list[dict] = []
        for o in self.outcomes.values():
            out.extend(w for w in o.warnings if w not in out)
        return out


def trimmed_traceback(exc: BaseException, keep_head: int = 2, keep_tail: int = 6) -> str:
    """A traceback without the long middle of interpreter frames (Jinja's ``@internalcode``)."""
    frames = traceback.extract_tb(exc.__traceback__)
    # drop our own dispatch frames above the renderer call
    here = Path(__file__).parent
    while len(frames) > 1 and Path(frames[0].filename).parent == here:
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


class Project:
    """One app folder: its views, their renders and their last good renders. Thread-safe."""

    def __init__(self, root: Path, cache: ViewCache | None = None, *, tz: str | None = None,
                 parent_url: str | None = None) -> None:
        self.root = Path(root).resolve()
        self.cache = cache or ViewCache()
        self.tz = tz  # the zone Date uses
        self.parent_url = parent_url  # what DynamicCard iframes are told their parent is
        self._lock = threading.Lock()
        self._app = App(root=self.root)
        self.app_error: dict | None = None
        self._memo: dict[tuple[str, str], tuple[str, Outcome]] = {}
        self._last_good: dict[tuple[str, str], Outcome] = {}

    # ------------------------------------------------------------------ files
    def rel(self, path: Path | str | None) -> str:
        """``path`` relative to the app folder (how the gallery names files)."""
        if path is None:
            return ""
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return str(p)

    def app(self) -> App:
        """Re-read the folder; if it cannot be read, keep the last good app and set ``app_error``."""
        try:
            app = load_app(self.root)
        except KViewError as exc:
            err = exc.to_dict()
            err["file"] = self.rel(exc.file) if exc.file else err["file"]
            with self._lock:
                self.app_error = err
                return self._app
        with self._lock:
            self.app_error = None
            self._app = app
        return app

    @property
    def last_app(self) -> App:
        """The app as last read (without reading the folder again)."""
        with self._lock:
            return self._app

    def views(self) -> list[ViewSpec]:
        return list(self.app().views)

    def find(self, name: str) -> ViewSpec | None:
        return self.app().view(name)

    def inputs(self, spec: ViewSpec) -> ViewInputs:
        """What ``spec`` renders with (may raise ``FileError``)."""
        return read_inputs(self.last_app, spec, tz=self.tz)

    # ------------------------------------------------------------------ rendering
    def state(self, spec: ViewSpec, themes: Iterable[str] = RENDER_THEMES) -> ViewState:
        """``spec`` rendered in ``themes``, with its last good renders."""
        inputs = self._inputs_or_error(spec)
        outcomes = {theme: self._render(spec, theme, inputs) for theme in themes}
        with self._lock:
            last_good = {t: self._last_good[(spec.name, t)] for t in outcomes if (spec.name, t) in self._last_good}
        data = inputs.data if isinstance(inputs, ViewInputs) else None
        if data is None or data.text is None:
            return ViewState(spec, self.rel(spec.path), None, outcomes, last_good)
        return ViewState(spec, self.rel(spec.path), self.rel(data.path), outcomes, last_good, data.text)

    def render(self, spec: ViewSpec, theme: str) -> Outcome:
        """Render one view in one theme; never raises.

        Memoised on the content of every input (template, mock, request table, components),
        errors included: a template that runs into its time budget costs that time once per
        version, not on every page load. kview's own crashes are not memoised (retry them).
        """
        return self._render(spec, theme, self._inputs_or_error(spec))

    def _inputs_or_error(self, spec: ViewSpec) -> ViewInputs | KViewError:
        try:
            return self.inputs(spec)
        except KViewError as exc:  # an input exists but cannot be read
            return exc

    def _render(self, spec: ViewSpec, theme: str, inputs: ViewInputs | KViewError) -> Outcome:
        if isinstance(inputs, KViewError):
            return Outcome(theme, error=self._error_dict(inputs))
        t0 = time.perf_counter()
        key: str | None = hashlib.sha256(f"{theme}\0{inputs.key()}".encode()).hexdigest()
        with self._lock:
            memo = self._memo.get((spec.name, theme))
        if memo and memo[0] == key:
            return memo[1]
        try:
            result = render_view(inputs, theme=theme, cache=self.cache, parent_url=self.parent_url)
            out = Outcome(theme, result.html, list(result.console), [w.to_dict() for w in result.warnings])
        except KViewError as exc:
            out = Outcome(theme, error=self._error_dict(exc))
        except Exception as exc:  # a bug in kview itself: log it, show it, keep serving
            key = None
            tb = trimmed_traceback(exc)
            log.error("internal error rendering %s (%s):\n%s", spec.name, theme, tb)
            out = Outcome(theme, error={
                "kind": "InternalError", "file": self.rel(spec.template_name), "line": None, "column": None,
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
            err["js_type"] = exc.js_type  # type: ignore[attr-defined]
        if exc.file and Path(exc.file).is_absolute():
            err["file"] = self.rel(exc.file)
        return err

    # ------------------------------------------------------------------ changes
    def affected(self, paths: Iterable[Path]) -> tuple[list[str], bool]:
        """Names of the views a batch of changed files touches, and whether it touches all."""
        app = self.app()
        names: set[str] = set()
        everything = False
        for path in paths:
            touched = views_touched(app, Path(path))
            if touched is None:
                everything = True
            else:
                names |= touched
        if everything:
            names.update(v.name for v in app.views)
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
            self.cache.invalidate(spec.template_name)
            state = self.state(spec)
            if state.error:
                errors.append({"view": name, "title": spec.display_name, "error": state.error})
        if self.app_error:
            errors.append({"view": None, "error": self.app_error})
        return {"views": names, "all": everything, "errors": errors}
