"""The widget shots of an app folder, for ``kview snapshot`` and the pytest plugin alike: every
named widget × the app's scenarios × theme, photographed as kview's mock agent desktop shows it
(``/widget/<name>?theme=…&scenario=…``): the open widget's section, its title bar and its frame at
the declared size, not the rail or the host's panel. Beside ``app_shots`` (and not in
``snapshot/``) because it reads the app (``project``) and starts the dev server (``web``).

A widget page needs the server (its Cards SDK calls are answered from the mock store), so a
``WidgetServer`` is handed to the shots and started by the first one taken: a run where every
shot is unchanged starts none. The shot is ready when the widget's frame said hello to the host
(``connected``), ``initialize`` was answered, every SDK call any frame made has its answer at
the host and every promise of an SDK call in every frame has settled (its callbacks have run,
and any call they made is counted), checked again until a pass finds nothing to wait for;
``Date`` is fixed in every frame (``capture`` sets Playwright's clock), the store is reset
before each shot.

Only a widget whose page is in the app folder (``widgets/<name>/index.html``) is photographed. A
widget whose URL is the developer's own server cannot be digested (kview cannot tell when it
changed) and its pictures would depend on that server: its shots are ``skipped``, with the reason.
"""

from __future__ import annotations

import functools
import json
import threading
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

import renderer
from renderer import KViewError

from .assets import static_dir
from .project import RENDER_THEMES, App, read_inputs
from .project.scenarios import DEFAULT, app_scenario_names, scenario_settings
from .snapshot.shots import (
    WIDGET,
    Shot,
    ShotError,
    Visit,
    assets_digest,
    code_digest,
    digest,
    files_digest,
)

if TYPE_CHECKING:
    from .web.server import DevServer

PAGES = "widgets"  # widgets/<name>/index.html in the app folder (web.widgets.PAGES)
VIEWPORT = (1280, 800)  # the desktop's window: a widget's vw/vh sizes are of this
FIXED_TIME = "2024-01-15T12:00:00Z"  # Date.now() in the desktop and every widget frame
READY_MS = 20_000
_DEVSERVER = Path(__file__).resolve().parent
_TEMPLATES = _DEVSERVER / "web" / "templates"
# What draws the desktop and answers the SDK, besides kview's stylesheets and fonts
# (``assets_digest``): the desktop's templates, the SDK's scripts and API description.
DESKTOP_FILES = (_TEMPLATES / "widget.html", *sorted((_TEMPLATES / "partials").glob("*.html")),
                 *(static_dir() / name for name in ("kustomer-card.js", "kview-host.js", "kview-sdk-check.js", "dom.js")),
                 _DEVSERVER / "sdk" / "api.json")
# The code the desktop's answers come from: the renderer (contexts), the server, the SDK, the
# store and this module (the readiness below).
CODE = (Path(renderer.__file__).parent, _DEVSERVER / "web", _DEVSERVER / "sdk", _DEVSERVER / "project",
        Path(__file__).resolve())

# Run in every frame before the page's scripts. In the desktop it counts the SDK calls the frames
# post (before the host's own listener sees them), so that READY knows none is unanswered. In a
# widget's frame it wraps the ``window.Kustomer`` the stub assigns, counting the promises its
# methods return that have not settled: a call made in the answer of another is pending there
# before its message reaches the host (FRAME_READY waits for none).
INSTRUMENT = """(() => {
  if (window === window.top) {
    const seen = window.__kviewShotCalls = { count: 0 };
    window.addEventListener('message', (event) => {
      const m = event.data;
      if (m && typeof m === 'object' && m.tag === 'kview-card-sdk' && m.kind === 'call') seen.count += 1;
    }, true);
    return;
  }
  let pending = 0;
  Object.defineProperty(window, '__kviewShotPending', { get: () => pending });
  const settle = () => { pending -= 1; };
  const watch = (value) => {
    if (value && typeof value.then === 'function') { pending += 1; value.then(settle, settle); }
    return value;
  };
  const wrap = (obj) => new Proxy(obj, {
    get(target, key) {
      const value = target[key];
      if (typeof value === 'function') return function (...args) { return watch(value.apply(target, args)); };
      if (value && typeof value === 'object' && (key === 'command' || key === 'modal')) return wrap(value);
      return value;
    }
  });
  let current;
  Object.defineProperty(window, 'Kustomer', {
    configurable: true, enumerable: true, get: () => current,
    set: (v) => { current = v && typeof v === 'object' ? wrap(v) : v; }
  });
})()"""
# Awaited in every frame below the desktop: resolves true when it had SDK calls to wait for,
# false when none was pending (two checks a task apart: a frame that is hidden draws no frames).
FRAME_READY = """async ({ timeoutMs }) => {
  const deadline = performance.now() + timeoutMs;
  const pending = () => window.__kviewShotPending || 0;
  const tick = () => new Promise((done) => setTimeout(done, 0));
  let waited = false;
  for (;;) {
    if (pending() === 0) { await tick(); if (pending() === 0) return waited; }
    if (performance.now() > deadline) throw new Error(`${pending()} SDK call(s) of ${location.pathname} still pending`);
    waited = true;
    await new Promise((done) => setTimeout(done, 10));
  }
}"""
# Awaited in the desktop: resolves when the widget is ready (see the module), rejects with what it
# still waits for after ``timeoutMs``.
READY = """async ({ name, timeoutMs }) => {
  const deadline = performance.now() + timeoutMs;
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  const section = document.querySelector(`.kvh-widget[data-widget="${CSS.escape(name)}"]`);
  const iframe = section && section.querySelector('iframe.kvh-frame');
  if (!iframe) throw new Error(`no frame of widget ${name} on the desktop`);
  const id = iframe.dataset.kvhId;
  const waiting = () => {
    const log = window.kviewSdkLog;
    if (!log) return 'the host to start';
    if (!log.some((e) => e.frame === id && e.method === 'connected')) return 'the widget page to load the SDK';
    if (!log.some((e) => e.frame === id && e.method === 'initialize' && e.status !== 'event'))
      return 'the widget to call Kustomer.initialize';
    const answered = log.filter((e) => typeof e.ms === 'number' || e.status === 'refused').length;
    const made = window.__kviewShotCalls.count;
    if (answered < made) return `${made - answered} SDK call(s) to be answered`;
    return null;
  };
  for (;;) {
    const what = waiting();
    if (what === null) {
      const made = window.__kviewShotCalls.count;
      await frame(); await frame();
      if (waiting() === null && window.__kviewShotCalls.count === made) return;
    } else if (performance.now() > deadline) {
      throw new Error(`widget ${name} not ready: still waiting for ${what}`);
    } else {
      await frame();
    }
  }
}"""


# The desktop's theme changed in place (what its Light/Dark links reload the page with): a
# widget's page knows nothing of the desktop's theme, so its other theme is the same page, and
# its second shot is taken without loading it again.
SWITCH_THEME = """(theme) => {
  const body = document.body;
  body.classList.remove('kview-theme-light', 'kview-theme-dark');
  body.classList.add(`kview-theme-${theme}`);
  body.dataset.themeMode = theme;
  document.querySelectorAll('.kvh-toolbar .kvg-seg[aria-pressed]').forEach((a) => {
    a.setAttribute('aria-pressed', String(new URL(a.href).searchParams.get('theme') === theme));
  });
}"""


class WidgetServer:
    """The app's dev server (no file watching), started by the first widget shot that needs it;
    ``close()`` (or leaving the ``with`` block) stops it if it was started."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._server: DevServer | None = None
        self._lock = threading.Lock()

    def url(self) -> str:
        """The server's URL (``http://127.0.0.1:PORT/``), starting it the first time."""
        with self._lock:
            if self._server is None:
                from .web import ServerConfig  # Flask: only when a widget shot is taken
                from .web.server import DevServer

                try:
                    # tz=None: dates in the mock data as kview snapshot renders views (not $TZ)
                    config = ServerConfig(views_dir=self.root, reload=False, tz=None)
                    self._server = DevServer(config, port=0).start()
                except (OSError, KViewError) as exc:
                    raise ShotError(f"the dev server for the widgets did not start: {exc}") from None
            return self._server.url

    def reset(self) -> None:
        """The mock store back to the app's files (a shot never sees another's writes)."""
        req = urllib.request.Request(self.url() + "_kview/sdk/reset", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            resp.read()

    def close(self) -> None:
        with self._lock:
            if self._server is not None:
                self._server.stop()
                self._server = None

    def __enter__(self) -> WidgetServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def widget_shots(app: App, server: WidgetServer) -> list[Shot]:
    """Every named widget of ``app`` × ``widget_scenarios`` × theme as a ``Shot`` of kind
    widget (named ``widgets/<name>.<scenario>.<theme>``), opened through ``server``. Its digest:
    every widget's definition, every file under ``widgets/`` (pages may share files: the sample's
    pages load ``../order-lookup/widget.css``), the scenario's settings, the mock store's data
    (every view's default scenario, the app definition and request mocks: what the server's
    store is seeded from), the desktop's templates, the SDK's scripts, kview's stylesheets and
    fonts, and the code that answers (renderer, web, sdk, project, this module)."""
    widgets = [w for w in app.widgets if w.name]
    if app.root is None or not widgets:
        return []
    root = app.root
    data: list[str] = []
    for spec in app.views:
        try:
            data.append(read_inputs(app, spec, scenario=DEFAULT).key())
        except KViewError as exc:
            data.append(f"error: {exc}")
    common = digest(assets_digest(DESKTOP_FILES), code_digest(*CODE), files_digest(root / PAGES),
                    [json.dumps(dict(w.raw), sort_keys=True, default=str) for w in widgets], data,
                    sorted((s.key, repr(s.default)) for s in app.settings), VIEWPORT, FIXED_TIME)
    shots: list[Shot] = []
    for w in widgets:
        name = str(w.name)
        skip = None
        if not (root / PAGES / name / "index.html").is_file():
            skip = (f"its page is {w.url or 'not given'} (the developer's server, not {PAGES}/{name}/index.html "
                    "in the app folder): kview cannot tell when it changes, so it does not photograph it")
        for scenario, settings in widget_scenarios(app):
            for theme in RENDER_THEMES:
                shots.append(Shot(name, scenario, theme, digest(WIDGET, name, scenario, theme, settings, common),
                                  kind=WIDGET, skip=skip,
                                  visit=functools.partial(_visit, server, name, scenario, theme)))
    return shots


def widget_scenarios(app: App) -> list[tuple[str, list[tuple[str, str]]]]:
    """The scenarios a widget is photographed in, with their settings: ``default`` and each
    scenario whose ``$scenario.settings`` differ from every one kept before it. On the desktop a
    scenario changes a widget only through its settings (the URL's placeholders): the store the
    SDK answers from is the same in all, so the other scenarios would give the same picture."""
    kept: list[tuple[str, list[tuple[str, str]]]] = []
    for scenario in app_scenario_names(app):
        settings = sorted((k, repr(v)) for k, v in scenario_settings(app, scenario).items())
        if scenario == DEFAULT or (settings and all(settings != other for _, other in kept)):
            kept.append((scenario, settings))
    return kept


def _visit(server: WidgetServer, name: str, scenario: str, theme: str) -> Visit:
    """The desktop with ``name`` open in ``scenario`` and ``theme`` (starts the server)."""
    base = server.url()
    query = urlencode({"theme": theme, "scenario": scenario})
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    return Visit(url=f"{base}widget/{quote(name, safe='')}?{query}",
                 selector=f'.kvh-widget[data-widget="{quoted}"]', viewport=VIEWPORT, fixed_time=FIXED_TIME,
                 ready=READY, frame_ready=FRAME_READY, ready_arg={"name": name, "timeoutMs": READY_MS},
                 init_script=INSTRUMENT,
                 styles=(f"{base}static/snapshot.css",),  # the fonts kview ships, nothing moving
                 before=server.reset, timeout_ms=READY_MS + 10_000,
                 same_page=f"{name}\n{scenario}", switch=SWITCH_THEME, switch_arg=theme)

