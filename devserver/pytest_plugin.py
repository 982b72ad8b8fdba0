"""kview's pytest plugin: test an app's widgets against the Cards SDK stub, from your own tests.

Registered by entry point (``pytest11``), so installing kview is enough; it does nothing until a
test asks for one of its fixtures. The app folder is ``--kview-app DIR`` (or the ``kview_app``
ini option, or ``KVIEW_APP``)::

    def test_lookup_asks_for_the_customer(kview_widget):
        widget = kview_widget("order-lookup")
        widget.wait_for_call("request")
        assert any(c["args"][0]["url"].startswith("/v1/customers/") for c in widget.calls("request"))

Fixtures:

- ``kview_server`` (session): ``kview serve`` of the app on a free port (no file watching);
  ``.url``.
- ``kview_browser`` (session): the system Chromium through Playwright (``KVIEW_CHROMIUM``).
- ``kview_widget(name, theme="light")``: a new page on ``/widget/<name>`` once the widget's page
  has called ``Kustomer.initialize``; a ``WidgetPage`` with ``page``, ``frame`` (Playwright's
  frame locator of the widget's iframe) and the host's call log (``calls``, ``wait_for_call``).
  The mock store is reset first, so each test starts from the scenario's records.

Playwright's sync API allows one instance per thread: a suite that starts its own uses its own
browser with ``kview_server`` rather than ``kview_browser``.
"""

from __future__ import annotations

import json
import os
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

WAIT_MS = 15_000


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("kview", "kview: Kustomer app views and widgets")
    group.addoption("--kview-app", metavar="DIR", default=None,
                    help="the app folder the kview_* fixtures serve (also: ini kview_app, env KVIEW_APP)")
    parser.addini("kview_app", "the app folder the kview_* fixtures serve", default="")
    group.addoption("--kview-update", action="store_true", dest="kview_update",
                    help="with --kview-app: rewrite the snapshot baselines that changed and write missing ones")
    group.addoption("--kview-theme", choices=("light", "dark"), default=None, dest="kview_theme",
                    help="with --kview-app: only this theme's snapshot items")
    group.addoption("--kview-threshold", type=float, default=0.2, dest="kview_threshold",
                    help="how far a pixel's colour may move (0-1), as kview snapshot --threshold")
    group.addoption("--kview-max-diff-pixels", type=int, default=None, dest="kview_max_diff_pixels",
                    help="how many pixels may differ (default 0)")
    group.addoption("--kview-max-diff-pixel-ratio", type=float, default=None, dest="kview_max_diff_pixel_ratio",
                    help="what share of the pixels may differ (0-1)")
    group.addoption("--kview-mask", action="append", metavar="SELECTOR", dest="kview_masks",
                    help="paint over what a CSS selector matches in every shot (repeatable)")
    group.addoption("--kview-browser-endpoint", metavar="URL", default=None, dest="kview_browser_endpoint",
                    help="take the snapshots in a remote browser: ws://… (a Playwright browser server) "
                         "or http://… (a Chromium's DevTools port)")


def pytest_configure(config: pytest.Config) -> None:
    """With ``--kview-app`` on the command line, the app's snapshot items (``pytest_snapshots``)."""
    if not config.getoption("--kview-app"):
        return
    config.addinivalue_line("markers", "kview_snapshot: a kview snapshot item (a view's picture vs its baseline)")
    from .pytest_snapshots import SnapshotSession  # here: nothing of it runs without --kview-app

    config.pluginmanager.register(SnapshotSession(config, _app_dir(config)), "kview-snapshots")


def _app_dir(config: pytest.Config) -> Path:
    given = config.getoption("--kview-app") or config.getini("kview_app") or os.environ.get("KVIEW_APP")
    if not given:
        raise pytest.UsageError("the kview fixtures need an app folder: pytest --kview-app DIR "
                                "(or kview_app in the ini file, or KVIEW_APP)")
    path = Path(str(given))
    if not path.is_absolute():
        path = config.rootpath / path
    if not path.is_dir():
        raise pytest.UsageError(f"--kview-app {given}: not a folder")
    return path


@dataclass
class WidgetPage:
    """A widget open in kview's mock agent desktop, with the Cards SDK calls its page made."""

    page: Any  # playwright.sync_api.Page
    frame: Any  # playwright.sync_api.FrameLocator of the widget's iframe
    frame_id: str  # the host's id of that iframe (entries of other frames are not this widget's)

    def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        """The host's log of this widget's calls, oldest first: ``method``, ``args``, ``answer``,
        ``status`` ("ok", "error", "refused"), ``ms``."""
        entries: list[dict[str, Any]] = self.page.evaluate(
            "id => window.kviewSdkLog.filter(e => e.frame === id).map(e => ({...e}))", self.frame_id)
        return [e for e in entries if method is None or e.get("method") == method]

    def wait_for_call(self, method: str, status: str | None = "ok", timeout_ms: int = WAIT_MS) -> dict[str, Any]:
        """The first call of ``method`` (answered with ``status``; ``None``: any), waiting for it."""
        self.page.wait_for_function(
            "([id, m, s]) => window.kviewSdkLog.some(e => e.frame === id && e.method === m && (s === null || e.status === s))",
            arg=[self.frame_id, method, status], timeout=timeout_ms)
        return next(e for e in self.calls(method) if status is None or e.get("status") == status)


class _Served:
    def __init__(self, app: Path) -> None:
        from .web import ServerConfig  # here: Flask is imported only by a test that serves
        from .web.server import DevServer

        self.server = DevServer(ServerConfig(views_dir=app, reload=False), port=0).start()
        self.url: str = self.server.url

    def post(self, path: str, body: dict[str, Any]) -> Any:
        req = urllib.request.Request(self.url.rstrip("/") + path, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())


@pytest.fixture(scope="session")
def kview_server(request: pytest.FixtureRequest) -> Iterator[_Served]:
    """``kview serve`` of the app folder, on a free port of 127.0.0.1."""
    served = _Served(_app_dir(request.config))
    yield served
    served.server.stop()


@pytest.fixture(scope="session")
def kview_browser() -> Iterator[Any]:
    """The system Chromium, launched once per session as ``kview snapshot`` launches it."""
    sync_api = pytest.importorskip("playwright.sync_api")
    from .snapshot.chromium import launch  # here: Playwright is imported only when used

    with sync_api.sync_playwright() as p:
        browser = launch(p)
        yield browser
        browser.close()


@pytest.fixture
def kview_widget(kview_server: _Served, kview_browser: Any) -> Iterator[Callable[..., WidgetPage]]:
    """``kview_widget(name, theme="light")``: the widget open and initialized (see the module)."""
    contexts: list[Any] = []

    def open_widget(name: str, theme: str = "light") -> WidgetPage:
        kview_server.post("/_kview/sdk/reset", {})
        context = kview_browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{kview_server.url}widget/{name}?theme={theme}", wait_until="load")
        selector = f'iframe[data-widget="{name}"]'
        frame_id = page.get_attribute(selector, "data-kvh-id", timeout=WAIT_MS)
        if not frame_id:
            raise AssertionError(f"no widget named {name!r} on {page.url}")
        widget = WidgetPage(page, page.frame_locator(selector), frame_id)
        widget.wait_for_call("initialize")
        return widget

    yield open_widget
    for context in contexts:
        context.close()
