"""Taking the pictures: one headless Chromium (the system one, ``chromium.py``, or a remote one,
``remote.py``) and ``workers`` pages, each in a context of its own with a fixed viewport, device
scale factor 1 and the sRGB colour profile, that load the snapshot page once and then swap view
after view into it (no navigation per shot).

The page lives at a made-up origin that never reaches the network: Playwright's router answers
it with the page (``templates/page.html``), kview's stylesheets and the fonts from ``static/``,
and aborts every other request (a view's remote image would make shots depend on the network).
Before each shot the fonts are loaded (``document.fonts.ready``) and every image has settled;
animations are off and the caret hidden (``snapshot.css`` and Playwright's own options).
"""

from __future__ import annotations

import asyncio
import mimetypes
import threading
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader
from playwright.async_api import (
    Browser,
    BrowserContext,
    Page,
    Route,
    ViewportSize,
    async_playwright,
)
from playwright.async_api import Error as PlaywrightError

from ..assets import static_dir
from . import remote
from .chromium import LAUNCH_ARGS, chromium_path
from .shots import Shot, ShotError

ORIGIN = "http://kview-snapshot.invalid/"
VIEWPORT: ViewportSize = {"width": 800, "height": 600}
# Determinism: the colour profile, hinting and scrollbars must not depend on the machine.
SNAPSHOT_ARGS = ["--force-color-profile=srgb", "--font-render-hinting=none", "--hide-scrollbars",
                 "--disable-lcd-text", "--disable-font-subpixel-positioning"]
PAGE_CSP = ("default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; font-src 'self'; "
            "img-src 'self' data: blob:; base-uri 'none'; form-action 'none'")
STAGE = "#kvg-stage"
FRAME = "#kvg-stage > .kvg-frame"
# Runs through the DevTools protocol (Playwright's evaluate), which the page's CSP does not govern.
SWAP = """async ([html, theme]) => {
  document.body.dataset.theme = theme;
  document.querySelector('#kvg-stage').innerHTML = html;
  await document.fonts.ready;
  await Promise.all(Array.from(document.images, (img) => img.decode().catch(() => null)));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""
TEMPLATES = Path(__file__).resolve().parent / "templates"
# A look at the page after a shot is taken (``kview audit`` measures colours there): given the page
# with the view swapped in, the shot and its picture; what it returns is the ``Taken``'s ``extra``.
Probe = Callable[[Page, Shot, bytes], Awaitable[Any]]


@dataclass(frozen=True)
class Taken:
    """One shot's outcome: the PNG, or why there is none."""

    shot: Shot
    png: bytes | None = None
    error: str | None = None
    extra: Any = None  # what the run's probe returned, if it has one


@dataclass(frozen=True)
class Staged:
    """A shot with its HTML, made before the browser starts (a view that fails needs none)."""

    shot: Shot
    html: str


def stage(shot: Shot) -> Staged | Taken:
    """``shot`` with its HTML, or its error as a ``Taken`` without a picture."""
    try:
        return Staged(shot, shot.html())
    except ShotError as exc:
        return Taken(shot, error=str(exc))


@cache
def page_html() -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    return env.get_template("page.html").render(csp=PAGE_CSP, base=ORIGIN)


def _asset(path: str) -> tuple[bytes, str] | None:
    """The static file at ``path`` below the origin (stylesheets, fonts), or ``None``."""
    if path == "":
        return page_html().encode(), "text/html"
    static = static_dir().resolve()
    target = (static / path).resolve()
    if not target.is_relative_to(static) or not target.is_file():
        return None
    return target.read_bytes(), mimetypes.guess_type(target.name)[0] or "application/octet-stream"


async def _route(route: Route) -> None:
    url = route.request.url
    if not url.startswith(ORIGIN):
        await route.abort("blockedbyclient")
        return
    found = _asset(url[len(ORIGIN):].split("?", 1)[0])
    if found is None:
        await route.fulfill(status=404, body=b"")
    else:
        await route.fulfill(status=200, body=found[0], content_type=found[1])


async def prepare_page(context: Any) -> Page:
    """A page of ``context`` on the snapshot page, its requests answered by ``_route`` (also the
    pytest plugin's camera's one page)."""
    page = await context.new_page()
    await page.route("**/*", _route)
    await page.goto(ORIGIN, wait_until="load")
    return page


async def shoot(page: Page, staged: Staged, masks: Sequence[str], probe: Probe | None = None) -> Taken:
    """``staged`` swapped into ``page`` and photographed (and looked at by ``probe``)."""
    shot = staged.shot
    await page.evaluate(SWAP, [staged.html, shot.theme])
    frame = page.locator(FRAME)
    if await frame.count() != 1:
        return Taken(shot, error="the view's frame is missing from the snapshot page")
    try:
        png = await frame.screenshot(type="png", animations="disabled", caret="hide", scale="css",
                                     mask=[page.locator(m) for m in masks], mask_color="#FF00FF")
    except PlaywrightError as exc:  # e.g. a remote browser that throttles background pages: see remote
        return Taken(shot, error=f"no screenshot: {str(exc.message).splitlines()[0]}")
    return Taken(shot, png, extra=None if probe is None else await probe(page, shot, png))


async def open_browser(playwright: Any, endpoint: str | None = None) -> Browser:
    """The system Chromium with the determinism switches, or the browser at ``endpoint`` (``remote``)."""
    if endpoint:
        return await remote.connect(playwright, endpoint, SNAPSHOT_ARGS)
    return await playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                            args=[*LAUNCH_ARGS, *SNAPSHOT_ARGS])


async def new_context(browser: Browser) -> BrowserContext:
    """The context every shot is taken in: fixed viewport, scale 1, light scheme, no motion, UTC."""
    return await browser.new_context(viewport=VIEWPORT, device_scale_factor=1, color_scheme="light",
                                     reduced_motion="reduce", locale="en-US", timezone_id="UTC")


async def _take_all(shots: Sequence[Staged], workers: int, masks: Sequence[str],
                    on_taken: Callable[[Taken], None], endpoint: str | None, probe: Probe | None = None) -> None:
    queue: asyncio.Queue[Staged] = asyncio.Queue()
    for staged in shots:
        queue.put_nowait(staged)
    async with async_playwright() as p:
        browser = await open_browser(p, endpoint)
        try:
            # A context (a window) per page: each page is its window's front tab. Pages sharing a
            # window are background tabs, which a browser kview did not launch may stop painting.
            count = max(1, min(workers, len(shots)))
            contexts = await asyncio.gather(*(new_context(browser) for _ in range(count)))
            pages = await asyncio.gather(*(prepare_page(context) for context in contexts))

            async def work(page: Page) -> None:
                while not queue.empty():
                    on_taken(await shoot(page, queue.get_nowait(), masks, probe))

            await asyncio.gather(*(work(page) for page in pages))
        finally:
            await browser.close()


def take(shots: Sequence[Shot], *, workers: int = 1, masks: Sequence[str] = (),
         on_taken: Callable[[Taken], None] = lambda taken: None, endpoint: str | None = None,
         probe: Probe | None = None) -> list[Taken]:
    """Photograph ``shots`` with ``workers`` pages of one browser, calling ``on_taken`` as each is
    done; returns them all in ``shots``' order. Their HTML is made first: a browser starts only
    when some shot has HTML. ``masks`` are CSS selectors painted over (magenta) in every shot;
    ``endpoint``: a remote browser's URL (``remote``); ``probe``, when given, looks at the page
    after each shot (its result is ``Taken.extra``). Raises ``ChromiumNotFound`` without a
    Chromium, ``remote.BadEndpoint`` / ``remote.BrowserUnavailable`` for an unusable endpoint."""
    done: dict[str, Taken] = {}

    def record(taken: Taken) -> None:
        done[taken.shot.name] = taken
        on_taken(taken)

    staged: list[Staged] = []
    for shot in shots:
        ready = stage(shot)
        if isinstance(ready, Taken):
            record(ready)
        else:
            staged.append(ready)
    if staged:
        _run_async(lambda: _take_all(staged, workers, masks, record, endpoint, probe))
    return [done[s.name] for s in shots]


def _run_async(make: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run a coroutine to its end from synchronous code, also when this thread already runs an
    event loop (Playwright's sync API in the same process, a pytest plugin): then in a thread of
    its own, whose errors are raised here."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(make())
        return
    failed: list[BaseException] = []

    def target() -> None:
        try:
            asyncio.run(make())
        except BaseException as exc:  # handed to the caller's thread below
            failed.append(exc)

    thread = threading.Thread(target=target, name="kview-snapshot")
    thread.start()
    thread.join()
    if failed:
        raise failed[0]
