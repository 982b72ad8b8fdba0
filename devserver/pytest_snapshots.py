"""The pytest plugin's snapshot tests: with ``pytest --kview-app DIR``, one test item per view ×
scenario × theme of the app (``DIR::<view>[<scenario>-<theme>]``) and per widget × scenario ×
theme (``DIR::widgets/<widget>[<scenario>-<theme>]``), each comparing its picture with
``DIR/__snapshots__/<name>.png`` exactly as ``kview snapshot`` does (the same shots, capture,
comparison and tolerance: ``snapshot.run.judge``). The widgets' dev server is started by the
first widget item a process runs, and stopped at the end of the session; a widget whose page is
the developer's own server is skipped with the reason.

Registered by ``pytest_plugin`` only when ``--kview-app`` is on the command line. One browser per
pytest process (an xdist worker has its own), opened by the first item, one page reused. Every
worker collects every item (xdist requires it); the baselines no view produces any more are
reported once, by the controller, from the whole app, so a worker that ran a part never makes the
rest look removed. Items write only their own files (a baseline, their result pictures): workers
never rewrite a shared file. The inputs index (``.kview-inputs.json``) is ``kview snapshot``'s
alone: the plugin always takes its shots and leaves the index be.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from renderer import KViewError

from .app_shots import app_shots
from .project import load
from .snapshot import remote
from .snapshot.run import Options, judge
from .snapshot.shots import WIDGET, WIDGETS, Shot, select
from .snapshot.store import Failure, Store
from .snapshot.tolerance import Tolerance
from .widget_shots import WidgetServer, widget_shots

MARKER = "kview_snapshot"
_SETTINGS = pytest.StashKey["Settings"]()
_CAMERA = pytest.StashKey[Any]()
_SERVER = pytest.StashKey[WidgetServer]()


@dataclass(frozen=True)
class Settings:
    """What the command line asked for, read once per process."""

    app: Path
    label: str  # the app's node id: its path from the root folder, else its name
    store: Store
    options: Options
    theme: str | None


def settings(config: pytest.Config, app: Path) -> Settings:
    try:
        tolerance = Tolerance(config.getoption("kview_threshold"), config.getoption("kview_max_diff_pixels"),
                              config.getoption("kview_max_diff_pixel_ratio"))
    except ValueError as exc:
        raise pytest.UsageError(f"kview: {exc}") from None
    options = Options(update=bool(config.getoption("kview_update")), tolerance=tolerance,
                      masks=tuple(config.getoption("kview_masks") or ()),
                      endpoint=config.getoption("kview_browser_endpoint"))
    if options.endpoint:
        try:
            remote.parse(options.endpoint)
        except remote.BadEndpoint as exc:
            raise pytest.UsageError(f"--kview-browser-endpoint: {exc}") from None
    label = app.relative_to(config.rootpath).as_posix() if app.is_relative_to(config.rootpath) else app.name
    return Settings(app, label, Store(app), options, config.getoption("kview_theme"))


class SnapshotFailure(Exception):
    """A shot that did not match (or had no baseline, or did not render): ``str()`` is the report."""


def _shots(config: pytest.Config) -> list[Shot]:
    """The app's view shots, then its widget shots (through this process's ``WidgetServer``)."""
    app = config.stash[_SETTINGS].app
    if _SERVER not in config.stash:
        config.stash[_SERVER] = WidgetServer(app)
    try:
        loaded = load(app)
    except KViewError as exc:  # an app that does not load: one line, not a traceback
        raise pytest.UsageError(f"--kview-app {app}: {exc}") from None
    return [*app_shots(loaded), *widget_shots(loaded, config.stash[_SERVER])]


def item_name(shot: Shot) -> str:
    """``<view>[<scenario>-<theme>]``; a widget's: ``widgets/<widget>[<scenario>-<theme>]``."""
    subject = f"{WIDGETS}/{shot.view}" if shot.kind == WIDGET else shot.view
    return f"{subject}[{shot.scenario}-{shot.theme}]"


class KviewApp(pytest.Collector):
    """The app folder's snapshot items."""

    def collect(self) -> list[pytest.Item]:
        theme = self.config.stash[_SETTINGS].theme
        return [SnapshotItem.from_parent(self, name=item_name(s), shot=s)
                for s in select(_shots(self.config), theme=theme)]


class SnapshotItem(pytest.Item):
    """One shot compared with its baseline."""

    def __init__(self, *, shot: Shot, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shot = shot
        self.add_marker(MARKER)

    def runtest(self) -> None:
        if self.shot.skip is not None:
            pytest.skip(f"{self.shot.name}: {self.shot.skip}")
        config = self.config
        s = config.stash[_SETTINGS]
        camera = config.stash.get(_CAMERA, None)
        if camera is None:
            from .snapshot.camera import Camera  # Playwright: only when a shot is taken
            from .snapshot.chromium import ChromiumNotFound  # beside it: same reason

            try:
                camera = Camera(endpoint=s.options.endpoint, masks=s.options.masks)
            except (ChromiumNotFound, remote.BrowserUnavailable) as exc:
                camera = SnapshotFailure(str(exc))  # every item says so, none tries again
            config.stash[_CAMERA] = camera
        if isinstance(camera, SnapshotFailure):
            raise camera
        name, store = self.shot.name, s.store
        store.clear_result(name)
        taken = camera.take(self.shot)
        if taken.png is None:
            what = "the widget cannot be photographed" if self.shot.kind == WIDGET else "the view does not render"
            raise SnapshotFailure(f"{name}: {what}\n{taken.error}")
        actual, expected, diff = store.result_files(name)
        if store.baseline(name) is None and not s.options.update:
            store.write_result(actual.name, taken.png)
            raise SnapshotFailure(
                f"{name}: no baseline {store.baseline_path(name)}\n"
                f"  create it: pytest --kview-app {s.app} --kview-update (or: kview snapshot {s.app})\n"
                f"  this run's picture: {actual}")
        failures: list[Failure] = []
        result = judge(store, taken, s.options, {}, failures)
        if result.status in ("new", "updated"):
            self.user_properties.append(("kview_baseline", f"{result.status}: {store.baseline_path(name)}"))
        if result.status == "failed":
            lines = [f"{name}: {result.message}"]
            lines += [f"  {what}: {path}" for what, path in zip(("actual", "expected", "diff"), (actual, expected, diff))
                      if path.is_file()]
            lines.append(f"  accept it: pytest --kview-app {s.app} --kview-update -k '{self.name}'")
            raise SnapshotFailure("\n".join(lines))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str | Any:
        if isinstance(excinfo.value, SnapshotFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"kview snapshot {self.shot.name}"


class SnapshotSession:
    """The hooks, registered as a plugin when ``--kview-app`` is given; keeps what the controller reports."""

    def __init__(self, config: pytest.Config, app: Path) -> None:
        config.stash[_SETTINGS] = settings(config, app)
        self.written: list[str] = []

    @pytest.hookimpl(tryfirst=True)  # before -k / -m deselect, so they narrow these items too
    def pytest_collection_modifyitems(self, session: pytest.Session, config: pytest.Config,
                                      items: list[pytest.Item]) -> None:
        s = config.stash[_SETTINGS]
        items.extend(KviewApp.from_parent(session, name=s.label, path=s.app, nodeid=s.label).collect())

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        """The baselines written (an xdist worker's reports come to the controller too)."""
        if report.when == "call":
            self.written.extend(str(v) for k, v in report.user_properties if k == "kview_baseline")

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        camera = session.config.stash.get(_CAMERA, None)
        if camera is not None and not isinstance(camera, SnapshotFailure):
            camera.close()
        server = session.config.stash.get(_SERVER, None)
        if server is not None:
            server.close()

    def pytest_terminal_summary(self, terminalreporter: Any, config: pytest.Config) -> None:
        if hasattr(config, "workerinput"):  # a worker ran a part: the controller reports for the whole
            return
        s = config.stash[_SETTINGS]
        if self.written:
            terminalreporter.write_sep("-", f"kview: {len(self.written)} baseline(s) written")
            for line in sorted(self.written):
                terminalreporter.write_line(f"  {line}")
        stale = sorted(s.store.baseline_names() - {shot.name for shot in _shots(config)})
        if stale:
            terminalreporter.write_sep("-", f"kview: {len(stale)} baseline(s) no view produces any more "
                                            "(delete them if so)", yellow=True)
            for name in stale:
                terminalreporter.write_line(f"  {s.store.baseline_path(name)}")
