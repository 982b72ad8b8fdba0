"""``Project``: one app folder's render state for the server.

It re-reads the folder on every request (a handful of small files), renders views through one
bounded ``ViewCache`` (compile once per file version), memoises each render on the content of
its inputs, and remembers per view and theme the last good render, so that a broken edit shows
its error *beside* what the view looked like before. Rendering never raises out of ``Project``:
template, data and file errors become ``Diagnostic``s (``shown``); a crash of kview itself is logged
with a trimmed traceback and shown the same way, so the server keeps serving.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from renderer import Budgets, KViewError, ViewCache, compile_view
from renderer.browser.network import load_requests
from renderer.errors import Diagnostic

from .confinement import inside
from .inputs import ViewInputs, read_inputs, render_view, theme_class
from .load import COMPONENTS, load_app, page_touched, views_touched
from .model import App, ViewSpec
from .scenarios import DEFAULT
from .store import MockStore, Seed

log = logging.getLogger("kview")

RENDER_THEMES = ("light", "dark")
SEED_RECHECK = 1.0  # seconds: how long the mock store's seed is trusted without re-reading


def shown(exc: KViewError, file: str | None) -> Diagnostic:
    """``exc`` as the gallery shows it: its diagnostic, naming ``file`` (relative to the app)."""
    diag = exc.diagnostic()
    return diag if file is None else replace(diag, file=file)


@dataclass
class Outcome:
    """One render of one view in one theme: HTML or an error; its console output and warnings."""

    theme: str
    html: str | None = None
    console: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    error: Diagnostic | None = None
    at: float = field(default_factory=time.time)
    ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        """The JSON of ``/render?format=json`` (without its per-request fields)."""
        return {
            "html": self.html,
            "warnings": [w.to_dict() for w in self.warnings],
            "console": self.console,
            "error": self.error.to_dict() if self.error else None,
        }


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
    def error(self) -> Diagnostic | None:
        return next((o.error for o in self.outcomes.values() if o.error), None)

    @property
    def console(self) -> list[dict[str, Any]]:
        """The console output of the first good theme (the template runs the same in each)."""
        outs = [o for o in self.outcomes.values() if o.ok] or list(self.outcomes.values())
        return outs[0].console if outs else []

    @property
    def warnings(self) -> list[Diagnostic]:
        """Every theme's warnings, each once."""
        out: list[Diagnostic] = []
        for o in self.outcomes.values():
            for w in o.warnings:
                if w not in out:
                    out.append(w)
        return out

    @property
    def status(self) -> str:
        """The sidebar's dot: ok | warn | err | idle (nothing rendered)."""
        if not self.outcomes:
            return "idle"
        if self.error:
            return "err"
        return "warn" if self.warnings else "ok"

    @property
    def chrome_key(self) -> str:
        """A digest of what the view's section shows besides its previews (header chips, frame,
        console and warnings): while it stays the same, a page can patch the previews alone."""
        s = self.spec
        text = repr((s.name, s.display_name, s.context, s.resource, sorted(s.meta.items(), key=str), s.iframe,
                     self.file, self.data_source, self.console, [w.to_dict() for w in self.warnings]))
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class Refreshed:
    """What a batch of file changes did: the views it re-rendered (``everything``: all of them,
    e.g. a shared file changed), the errors they, or the app folder, now have, and their new
    states (default scenario, both themes: what the server pushes to open pages)."""

    views: list[str]
    everything: bool
    errors: list[tuple[ViewSpec | None, Diagnostic]]  # (None, error): the app folder's
    states: list[ViewState] = field(default_factory=list)
    app: App | None = None  # the app as read for this refresh (its view list)
    pages: list[str] = field(default_factory=list)  # widgets whose local page files changed
    listed: bool = False  # the list of views changed (one added, removed or renamed)


# A capitalized top-level binding of a component file (user_components installs those as globals).
_COMPONENT_DEF = re.compile(
    r"^(?:export\s+)?(?:(?:async\s+)?function\s*\*?\s*|const\s+|let\s+|var\s+|class\s+)?([A-Z][\w$]*)\s*[=(]"
    r"|^(?:export\s+)?(?:function\s*\*?\s*|class\s+)([A-Z][\w$]*)",
    re.MULTILINE,
)


def component_names(source: str) -> frozenset[str]:
    """The component names a component file defines (its capitalized top-level bindings)."""
    return frozenset(a or b for a, b in _COMPONENT_DEF.findall(source))


def _uses(source: str, names: Iterable[str]) -> bool:
    """Whether ``source`` mentions any of ``names`` as an identifier."""
    return any(re.search(rf"(?<![\w$.]){re.escape(n)}(?![\w$])", source) for n in names)


def trimmed_traceback(exc: BaseException, keep_head: int = 2, keep_tail: int = 6) -> str:
    """A traceback without the long middle of JS-interpreter frames (a template recurses deep)."""
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


def _slot(spec: ViewSpec, inputs: ViewInputs | KViewError) -> str:
    """Where a view's memo and last good render live: one per scenario (default: the view's name)."""
    scenario = inputs.scenario if isinstance(inputs, ViewInputs) else DEFAULT
    return spec.name if scenario == DEFAULT else f"{spec.name}\0{scenario}"


class Project:
    """One app folder: its views, their renders and their last good renders. Thread-safe."""

    def __init__(self, root: Path, cache: ViewCache | None = None, *, tz: str | None = None,
                 parent_url: str | None = None, budgets: Budgets | None = None) -> None:
        self.root = Path(root).resolve()
        self.budgets = budgets  # render budgets (None: the renderer's defaults)
        self.cache = cache or ViewCache()
        self.tz = tz  # the zone Date uses
        self.parent_url = parent_url  # what DynamicCard iframes are told their parent is
        self._lock = threading.Lock()
        self._app = App(root=self.root)
        self.app_error: Diagnostic | None = None  # why the folder could not be read, if so
        self._memo: dict[tuple[str, str], tuple[str, Outcome]] = {}
        self._last_good: dict[tuple[str, str], Outcome] = {}
        # what each component file defined when last read: a renamed component still
        # re-renders the views that used its old name
        self._component_names: dict[Path, frozenset[str]] = {}
        self.store = MockStore()  # the Cards SDK's records: writes while the server runs
        self._seed: tuple[str, Seed] | None = None
        self._seed_checked = 0.0

    # ------------------------------------------------------------------ files
    def rel(self, path: Path | str | None) -> str:
        """``path`` relative to the app folder (how the gallery names files)."""
        if path is None:
            return ""
        p = Path(path)
        for candidate in (p, p.resolve()):  # as named first: a symlink shows under its own name
            try:
                return candidate.relative_to(self.root).as_posix()
            except ValueError:
                continue
        return str(p)

    def _shown(self, file: str | None) -> str | None:
        """A file name from the loader or renderer as the gallery shows it (absolute paths:
        relative to the app folder)."""
        return self.rel(file) if file and Path(file).is_absolute() else file

    def app(self) -> App:
        """Re-read the folder; if it cannot be read, keep the last good app and set ``app_error``."""
        try:
            app = load_app(self.root)
        except KViewError as exc:
            with self._lock:
                self.app_error = shown(exc, self._shown(exc.file))
                return self._app
        with self._lock:
            self.app_error = None
            self._app = app
            unknown = [p for p in app.components if p not in self._component_names]
        for p in unknown:
            self._component_names.setdefault(p, component_names(_read_or_empty(p)))
        return app

    def _app_after(self, paths: list[Path]) -> App:
        """The app after ``paths`` changed. When each is the content of a file the app already
        has — a folder view's template, a component, a view's mock, the request table — the
        app's shape cannot have changed: the last app, with the changed templates re-read, is
        the app (reading the whole folder is a third of a hot reload). Anything else, or any
        doubt (a file gone, unreadable, now leading outside), reads the folder (``app()``)."""
        with self._lock:
            last, broken = self._app, self.app_error
        if broken is not None or not last.views or not paths or last.root is None:
            return self.app()
        shared = {*last.mocks.values(), *last.components, *([last.requests] if last.requests else [])}
        templates = {v.path: i for i, v in enumerate(last.views)
                     if v.path is not None and v.path.suffix == ".jsx" and v.problem is None}
        views = list(last.views)
        for path in map(Path, paths):
            if (path not in shared and path not in templates) or not path.is_file() or not inside(last.root, path):
                return self.app()
            if path in templates:
                try:
                    text = path.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    return self.app()  # the full read locates the problem
                views[templates[path]] = replace(views[templates[path]], source=text)
        app = replace(last, views=tuple(views))
        with self._lock:
            if self._app is last:  # else a full read finished meanwhile: read again, not undo it
                self._app = app
                return app
        return self.app()

    @property
    def last_app(self) -> App:
        """The app as last read (without reading the folder again)."""
        with self._lock:
            return self._app

    def views(self) -> list[ViewSpec]:
        return list(self.app().views)

    def find(self, name: str) -> ViewSpec | None:
        return self.app().view(name)

    def inputs(self, spec: ViewSpec, scenario: str | None = None) -> ViewInputs:
        """What ``spec`` renders with in ``scenario`` (may raise ``FileError``, ``UnknownScenario``)."""
        return read_inputs(self.last_app, spec, tz=self.tz, scenario=scenario)

    # ------------------------------------------------------------------ rendering
    def state(self, spec: ViewSpec, themes: Iterable[str] = RENDER_THEMES, scenario: str | None = None) -> ViewState:
        """``spec`` rendered in ``themes`` (with ``scenario``'s data), with its last good renders."""
        inputs = self._inputs_or_error(spec, scenario)
        outcomes: dict[str, Outcome] = {}
        first: Outcome | None = None
        for theme in themes:
            outcomes[theme] = self._render(spec, theme, inputs, like=first)
            first = first or outcomes[theme]
        slot = _slot(spec, inputs)
        with self._lock:
            last_good = {t: self._last_good[(slot, t)] for t in outcomes if (slot, t) in self._last_good}
        data = inputs.data if isinstance(inputs, ViewInputs) else None
        if data is None or data.text is None:
            return ViewState(spec, self.rel(spec.path), None, outcomes, last_good)
        return ViewState(spec, self.rel(spec.path), self.rel(data.path), outcomes, last_good, data.text)

    def render(self, spec: ViewSpec, theme: str, scenario: str | None = None) -> Outcome:
        """Render one view in one theme; never raises.

        Memoised on the content of every input (template, mock, request table, components),
        errors included: a template that runs into its time budget costs that time once per
        version, not on every page load. kview's own crashes are not memoised (retry them).
        """
        return self._render(spec, theme, self._inputs_or_error(spec, scenario))

    def _inputs_or_error(self, spec: ViewSpec, scenario: str | None = None) -> ViewInputs | KViewError:
        try:
            return self.inputs(spec, scenario)
        except KViewError as exc:  # an input exists but cannot be read
            return exc

    def _render(self, spec: ViewSpec, theme: str, inputs: ViewInputs | KViewError,
                like: Outcome | None = None) -> Outcome:
        """``spec`` in ``theme``, memoised. ``like``: the same inputs just rendered in another
        theme, whose outcome this one copies with the root element's theme class swapped:
        themes are CSS variables only, nothing a template runs can tell them apart."""
        if isinstance(inputs, KViewError):
            return Outcome(theme, error=shown(inputs, self._shown(inputs.file)))
        t0 = time.perf_counter()
        digest = hashlib.sha256(f"{theme}\0{self.store.version}\0{inputs.key()}".encode()).hexdigest()
        key: str | None = digest
        slot = _slot(spec, inputs)
        with self._lock:
            memo = self._memo.get((slot, theme))
        if memo and memo[0] == key:
            return memo[1]
        if like is not None and (out := _in_theme(like, theme)) is not None:
            with self._lock:
                self._memo[(slot, theme)] = (digest, out)
                if out.ok:
                    self._last_good[(slot, theme)] = out
            return out
        try:
            result = render_view(inputs, theme=theme, cache=self.cache, parent_url=self.parent_url,
                                 overlay=self.store.overlay, budgets=self.budgets)
            warnings = [replace(w, file=self._shown(w.file)) for w in result.warnings]
            out = Outcome(theme, result.html, list(result.console), warnings)
        except KViewError as exc:
            out = Outcome(theme, error=shown(exc, self._shown(exc.file)))
        except Exception as exc:  # a bug in kview itself: log it, show it, keep serving
            key = None
            tb = trimmed_traceback(exc)
            log.error("internal error rendering %s (%s):\n%s", spec.name, theme, tb)
            out = Outcome(theme, error=Diagnostic(
                "error", "InternalError", f"kview crashed while rendering this view: {type(exc).__name__}: {exc}",
                file=self._shown(spec.template_name), detail=tb,
            ))
        out.ms = (time.perf_counter() - t0) * 1000
        with self._lock:
            if key is not None:
                self._memo[(slot, theme)] = (key, out)
            else:
                self._memo.pop((slot, theme), None)
            if out.ok:
                self._last_good[(slot, theme)] = out
        return out

    # ------------------------------------------------------------------ the Cards SDK's data
    def sdk_seed(self) -> Seed:
        """What the mock store starts from: the records of every view's default scenario (as
        each renders with them), the app's request table, klasses, commands and the agent's
        roles. Memoised on the content of every view's inputs, which are re-read at most every
        ``SEED_RECHECK`` seconds (reading them costs more than an SDK call may): the watcher's
        ``refresh`` drops the memo at once, so a served app never sees a stale seed."""
        now = time.monotonic()
        with self._lock:
            if self._seed is not None and now - self._seed_checked < SEED_RECHECK:
                return self._seed[1]
        app = self.app()
        entries: list[tuple[ViewSpec, ViewInputs]] = []
        for spec in app.views:
            inputs = self._inputs_or_error(spec)
            if isinstance(inputs, ViewInputs):
                entries.append((spec, inputs))
        digest = hashlib.sha256("\0".join(i.key() for _, i in entries).encode()).hexdigest()
        with self._lock:
            self._seed_checked = now
            if self._seed is not None and self._seed[0] == digest:
                return self._seed[1]
        seed = build_seed(app, entries, self.cache)
        with self._lock:
            self._seed = (digest, seed)
        return seed

    # ------------------------------------------------------------------ changes
    def affected(self, paths: Iterable[Path]) -> tuple[list[str], bool]:
        """Names of the views a batch of changed files touches, and whether it touches all."""
        return self._affected(self.app(), paths)

    def _affected(self, app: App, paths: Iterable[Path], before: App | None = None) -> tuple[list[str], bool]:
        names: set[str] = set()
        everything = False
        for path in paths:
            touched = views_touched(app, Path(path), before)
            if touched is None and self._is_component(app, Path(path)):
                touched = self._component_users(app, Path(path))
            if touched is None:
                everything = True
            else:
                names |= touched
        if everything:
            names.update(v.name for v in app.views)
        return sorted(names), everything

    def _is_component(self, app: App, path: Path) -> bool:
        p = Path(path)
        return p.suffix == ".jsx" and p.parent.name == COMPONENTS and p.parent.parent == app.root

    def _component_users(self, app: App, path: Path) -> frozenset[str] | None:
        """The views that use a component file's components (directly or through another
        component), by the names it defines now and defined before; ``None`` (every view) when
        it no longer compiles or defines nothing kview can see: every view runs every component file."""
        text = _read_or_empty(path)
        new = component_names(text)
        if text:
            try:
                compile_view(text, str(path), self.cache)
            except KViewError:
                return None
        with self._lock:
            old = self._component_names.get(path, frozenset())
            self._component_names[path] = new
        target = set(old | new)
        if not target:
            return None
        sources = {p: _read_or_empty(p) for p in app.components if p != path}
        grew = True
        while grew:  # components using the changed ones count as changed
            grew = False
            for p, src in sources.items():
                defined = self._component_names.get(p) or component_names(src)
                if not defined <= target and _uses(src, target):
                    target |= defined
                    grew = True
        return frozenset(v.name for v in app.views if _uses(v.source, target))

    def refresh(self, paths: Iterable[Path]) -> Refreshed:
        """After a change: re-render the affected views (so the last good render is tracked even
        when no page is open) and say what happened. Compiled templates are not dropped: the
        cache is keyed on the source, so an unchanged template (a mock edit) stays compiled."""
        paths = list(paths)
        before = self.last_app
        app = self._app_after(paths)
        with self._lock:
            self._seed_checked = 0.0  # the next SDK call re-reads what the store starts from
        names, everything = self._affected(app, paths, before)
        pages = sorted({name for p in paths if (name := page_touched(app, Path(p)))})
        listed = [v.name for v in before.views] != [v.name for v in app.views]
        return self._rendered(app, names, everything, pages, listed)

    def rerender(self, names: Iterable[str]) -> Refreshed:
        """The named views rendered again (their data changed, not their files: the Cards SDK
        wrote to the mock store), reported as ``refresh`` reports a change."""
        return self._rendered(self.app(), sorted(set(names)), False, [])

    def _rendered(self, app: App, names: list[str], everything: bool, pages: list[str],
                  listed: bool = False) -> Refreshed:
        errors: list[tuple[ViewSpec | None, Diagnostic]] = []
        states: list[ViewState] = []
        for name in names:
            spec = app.view(name)
            if spec is None:
                continue
            state = self.state(spec)
            states.append(state)
            if state.error:
                errors.append((spec, state.error))
        if self.app_error:
            errors.append((None, self.app_error))
        return Refreshed(names, everything, errors, states, app, pages, listed)


def _in_theme(out: Outcome, theme: str) -> Outcome | None:
    """``out`` (a render in another theme) as rendered in ``theme``, or ``None`` when it cannot
    be told (a kview crash, not memoised, is rendered again)."""
    if out.error is not None:
        return None if out.error.kind == "InternalError" else Outcome(theme, None, out.console, out.warnings, out.error,
                                                                        ms=out.ms)
    was = f'<div class="{theme_class(out.theme)}">'
    if out.html is None or not out.html.startswith(was):
        return None
    return Outcome(theme, f'<div class="{theme_class(theme)}">' + out.html[len(was):], out.console, out.warnings,
                   ms=out.ms)


def _read_or_empty(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def build_seed(app: App, entries: Iterable[tuple[ViewSpec, ViewInputs]], cache: ViewCache | None = None) -> Seed:
    """A ``Seed`` from views and their inputs: each view's composed data (a view whose data
    cannot be made adds nothing: its card shows why), and one request table: every view's
    (its default scenario's entries over the app-wide ones; the first view to give a key
    wins), else the app-wide table as written."""
    seed = Seed(klasses={k.name: k.raw for k in app.klasses if k.name},
                commands=frozenset(c.name for c in app.commands if c.name))
    table: Any = None
    for spec, inputs in entries:
        try:
            composed = inputs.composed(cache)
        except KViewError:
            continue
        seed.add(spec.name, composed.data, spec.resource)
        if isinstance(composed.requests, dict):
            table = {**composed.requests, **(table if isinstance(table, dict) else {})}
        elif table is None and composed.requests is not None:
            table = composed.requests  # malformed: load_requests below reports it as the renderer does
        if seed.roles is None and isinstance(composed.options.get("roles"), list):
            seed.roles = list(composed.options["roles"])
    if table is None and app.requests is not None:
        try:
            table = json.loads(app.requests.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            table = None
    if isinstance(table, dict):
        try:
            seed.table = load_requests(table, "mocks/requests.json")
        except KViewError:
            seed.table = None
    return seed
