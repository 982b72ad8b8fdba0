"""Taking the pictures: one headless Chromium (the system one, ``chromium.py``, or a remote one,
``remote.py``) and ``workers`` pages, each in a context of its own with a fixed viewport, device
scale factor 1 and the sRGB colour profile, that load the snapshot page once and then swap view
after view into it (no navigation per shot).

The page lives at a made-up origin that never reaches the network: Playwright's router answers
it with the page (``templates/page.html``), kview's stylesheets and the fonts from ``static/``,
and aborts every other request (a view's remote image would make shots depend on the network).
Before each shot the fonts are loaded (``document.fonts.ready``) and every image has settled;
animations are off and the caret hidden (``snapshot.css`` and Playwright's own options). A
view's iframes (DynamicCards) are drawn as placeholders of their boxes: their pages are not the
view's, and when Chromium paints a blocked frame's error page is up to it.

A shot with a ``Visit`` (a widget in kview's mock desktop) is taken the other way (``Visitor``):
its URL is opened in a page of its own (the same determinism settings, the visit's viewport,
``Date`` fixed in every frame with Playwright's clock), only the URL's origin is answered, the
visit's readiness script is awaited, then the fonts and images of every frame and two animation
frames, and the element its selector names is photographed. Visits run one at a time (they
share the server they open, whose state ``Visit.before`` resets), beside the pages swapping views.
"""

from __future__ import annotations

import asyncio
import mimetypes
import re
import threading
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
from .shots import Shot, ShotError, Visit

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
SWAP = """async ([html, theme, stageSelector, frameSelector]) => {
  document.body.dataset.theme = theme;
  const stage = document.querySelector(stageSelector);
  stage.innerHTML = html;
  // A framed page (a DynamicCard) is drawn as a placeholder of its box: the page itself is not
  // the view's (it is blocked here, and Chromium paints its error page when it gets to it).
  for (const frame of stage.querySelectorAll('iframe')) {
    const box = frame.getBoundingClientRect();
    const shown = getComputedStyle(frame).display;
    const holder = document.createElement('div');
    holder.className = 'kvg-snapshot-framed';
    const display = shown === 'none' ? 'none' : shown.startsWith('inline') ? 'inline-flex' : 'flex';
    holder.style.cssText = `width: ${box.width}px; height: ${box.height}px; display: ${display}`;
    let where = '';
    try { where = new URL(frame.getAttribute('src') || '', location.href).host; } catch (e) { where = ''; }
    holder.textContent = `framed page${where && where !== location.host ? ' · ' + where : ''}`;
    frame.replaceWith(holder);
  }
  void stage.offsetHeight;  // laid out now: the fonts it uses start loading, and fonts.ready waits for them
  await document.fonts.ready;
  await Promise.all(Array.from(document.images, (img) => img.decode().catch(() => null)));
  const frames = document.querySelectorAll(frameSelector);
  if (frames.length !== 1) return null;
  // the frame's box in the page, widened to whole pixels as Playwright does an element's
  const r = frames[0].getBoundingClientRect();
  const x = Math.floor(r.left + window.scrollX + 1e-3), y = Math.floor(r.top + window.scrollY + 1e-3);
  const x2 = Math.ceil(r.right + window.scrollX - 1e-3), y2 = Math.ceil(r.bottom + window.scrollY - 1e-3);
  return { x, y, width: x2 - x, height: y2 - y };
}"""
# Run in every frame of a visited page before its shot: its fonts loaded, its images decoded.
SETTLE_FRAME = """async () => {
  await document.fonts.ready;
  await Promise.all(Array.from(document.images, (img) => img.decode().catch(() => null)));
}"""
TWO_FRAMES = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
MASK_COLOR = "#FF00FF"
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


@dataclass(frozen=True)
class StagedVisit:
    """A shot with the page to open for it (making it may have started a server)."""

    shot: Shot
    visit: Visit


def stage(shot: Shot) -> Staged | StagedVisit | Taken:
    """``shot`` with its HTML or its visit, or its error as a ``Taken`` without a picture."""
    try:
        if shot.visit is not None:
            return StagedVisit(shot, shot.visit())
        if shot.html is None:
            return Taken(shot, error="the shot has neither HTML nor a page to visit")
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
    box = await page.evaluate(SWAP, [staged.html, shot.theme, STAGE, FRAME])
    if box is None:
        return Taken(shot, error="the view's frame is missing from the snapshot page")
    try:
        # beyond the viewport only when the frame is: that capture lays the page out again
        viewport = page.viewport_size or VIEWPORT
        beyond = box["x"] + box["width"] > viewport["width"] or box["y"] + box["height"] > viewport["height"]
        png = await page.screenshot(type="png", animations="disabled", caret="hide", scale="css", clip=box,
                                    full_page=beyond, mask=[page.locator(m) for m in masks], mask_color=MASK_COLOR)
    except PlaywrightError as exc:  # e.g. a remote browser that throttles background pages: see remote
        return Taken(shot, error=f"no screenshot: {str(exc.message).splitlines()[0]}")
    return Taken(shot, png, extra=None if probe is None else await probe(page, shot, png))


class Visitor:
    """Takes visit shots in ``browser``, one at a time (visits share the server they open, whose
    state ``Visit.before`` resets). Each shot gets a page of its own (a fresh document, every
    frame's script started anew) in a context kept for the run per viewport, time and init
    script: its HTTP cache spares every shot but the first the stylesheets and fonts."""

    def __init__(self, browser: Browser) -> None:
        self._browser = browser
        self._contexts: dict[tuple[object, ...], BrowserContext] = {}
        self._one = asyncio.Lock()
        self._kept: tuple[str, Page] | None = None  # the last visit's page, for the next of its same_page

    @property
    def busy(self) -> bool:
        """Whether a shot is being taken (another would wait for it)."""
        return self._one.locked()

    async def _context(self, visit: Visit) -> BrowserContext:
        key = (visit.viewport, visit.fixed_time, visit.init_script)
        if key not in self._contexts:
            width, height = visit.viewport
            context = await new_context(self._browser, {"width": width, "height": height})
            await context.clock.set_fixed_time(visit.fixed_time)  # Date, in every frame (iframes too)
            if visit.init_script:
                await context.add_init_script(visit.init_script)
            self._contexts[key] = context
        return self._contexts[key]

    async def shoot(self, staged: StagedVisit, masks: Sequence[str]) -> Taken:
        """``staged``'s page opened and its element photographed (see the module); a page that
        does not load or get ready in time is the shot's error, not an exception."""
        async with self._one:
            return await self._shoot(staged, masks)

    async def _shoot(self, staged: StagedVisit, masks: Sequence[str]) -> Taken:
        shot, visit = staged.shot, staged.visit
        switch = visit.switch if visit.same_page is not None else None  # the page may be reused
        kept, self._kept = self._kept, None
        switched = kept is not None and switch is not None and kept[0] == visit.same_page
        if kept is not None and not switched:
            await kept[1].close()
        page = kept[1] if kept is not None and switched else None
        keep = False
        try:
            if page is not None and switch is not None:  # the page of the visit before, switched in place
                await page.evaluate(switch, visit.switch_arg)
                await _settle(page)
            else:
                page = await self._new_page(visit)
                await asyncio.wait_for(_open(page, visit), visit.timeout_ms / 1000 + 5)
            target = page.locator(visit.selector)
            if await target.count() != 1:
                return Taken(shot, error=f"{visit.selector} is not (once) on {visit.url}")
            png = await target.screenshot(type="png", animations="disabled", caret="hide", scale="css",
                                          mask=[f.locator(m) for f in page.frames for m in masks],
                                          mask_color=MASK_COLOR)
            keep = switch is not None
        except TimeoutError:
            return Taken(shot, error=f"{visit.url} was not ready in {visit.timeout_ms / 1000:.0f} s")
        except PlaywrightError as exc:
            return Taken(shot, error=f"no screenshot of {visit.url}: {_first_line(exc)}")
        finally:
            if page is not None and keep:
                self._kept = (str(visit.same_page), page)
            elif page is not None:
                await page.close()
        return Taken(shot, png)

    async def _new_page(self, visit: Visit) -> Page:
        """A page of the visit's context, answered by the visit's origin only (``before`` run first)."""
        if visit.before is not None:
            await asyncio.to_thread(visit.before)
        parts = urlsplit(visit.url)
        # Every URL but the visit's origin's (a regular expression the browser side matches, so
        # the origin's own requests are not stopped on their way): the network (a remote image, a
        # font from a CDN) would make shots differ.
        elsewhere = re.compile(f"^(?!{re.escape(f'{parts.scheme}://{parts.netloc}/')})")
        page = await (await self._context(visit)).new_page()
        page.set_default_timeout(visit.timeout_ms)
        try:
            await page.route(elsewhere, _blocked)
        except BaseException:
            await page.close()
            raise
        return page


async def _blocked(route: Route) -> None:
    await route.abort("blockedbyclient")


async def _open(page: Page, visit: Visit) -> None:
    """``visit``'s page loaded, its styles added, its readiness awaited, every frame settled."""
    await page.goto(visit.url, wait_until="load")
    for href in visit.styles:
        await page.add_style_tag(url=href)
    waited = True
    while waited:  # a frame that had calls to wait for may have made more: look again
        if visit.ready:
            await page.evaluate(visit.ready, visit.ready_arg)
        waited = False
        if visit.frame_ready:
            for frame in page.frames[1:]:
                waited = bool(await frame.evaluate(visit.frame_ready, visit.ready_arg)) or waited
    await _settle(page)


async def _settle(page: Page) -> None:
    """Every frame's fonts and images loaded, then two animation frames."""
    for frame in page.frames:
        await frame.evaluate(SETTLE_FRAME)
    await page.evaluate(TWO_FRAMES)


def _first_line(exc: PlaywrightError) -> str:
    return next((line.strip() for line in str(exc.message).splitlines() if line.strip()), "failed")


async def open_browser(playwright: Any, endpoint: str | None = None) -> Browser:
    """The system Chromium with the determinism switches, or the browser at ``endpoint`` (``remote``)."""
    if endpoint:
        return await remote.connect(playwright, endpoint, SNAPSHOT_ARGS)
    return await playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                            args=[*LAUNCH_ARGS, *SNAPSHOT_ARGS])


async def new_context(browser: Browser, viewport: ViewportSize = VIEWPORT) -> BrowserContext:
    """The context every shot is taken in: fixed viewport, scale 1, light scheme, no motion, UTC."""
    return await browser.new_context(viewport=viewport, device_scale_factor=1, color_scheme="light",
                                     reduced_motion="reduce", locale="en-US", timezone_id="UTC")


async def _take_all(first: Staged | StagedVisit, rest: Sequence[Shot], workers: int, masks: Sequence[str],
                    on_taken: Callable[[Taken], None], endpoint: str | None, probe: Probe | None = None) -> None:
    loop = asyncio.get_running_loop()

    def stage_rest() -> list[Staged | StagedVisit]:
        out = [first]
        for shot in rest:
            ready = stage(shot)
            if isinstance(ready, Taken):
                loop.call_soon_threadsafe(on_taken, ready)
            else:
                out.append(ready)
        return out

    # The rest are staged (their views rendered: Python) while Playwright's driver and the browser
    # start (other processes): a third of a second to a second off a run.
    staging = asyncio.ensure_future(asyncio.to_thread(stage_rest))
    try:
        async with async_playwright() as p:
            browser = await open_browser(p, endpoint)
            try:
                await _shoot_all(browser, await staging, workers, masks, on_taken, probe)
            finally:
                await browser.close()
    finally:
        if not staging.done():  # the browser did not start: no callback may outlive the loop
            await asyncio.wait([staging])


async def _shoot_all(browser: Browser, shots: Sequence[Staged | StagedVisit], workers: int, masks: Sequence[str],
                     on_taken: Callable[[Taken], None], probe: Probe | None) -> None:
    views = deque(s for s in shots if isinstance(s, Staged))
    visits = deque(s for s in shots if isinstance(s, StagedVisit))
    # A context (a window) per page: each page is its window's front tab. Pages sharing a
    # window are background tabs, which a browser kview did not launch may stop painting.
    count = min(max(workers, 1), len(views))  # none when every shot is a visit
    contexts = await asyncio.gather(*(new_context(browser) for _ in range(count)))
    pages = await asyncio.gather(*(prepare_page(context) for context in contexts))
    visitor = Visitor(browser)  # visits: one at a time, beside the pages swapping views

    # Visits go one at a time and take long (a page, its frames, their SDK calls): a
    # worker starts one whenever the visitor is free and swaps views meanwhile, so the
    # visits run beside the views rather than queued behind each other at the end.
    async def work(page: Page | None) -> None:
        while views or visits:
            if visits and (not visitor.busy or not views or page is None):
                on_taken(await visitor.shoot(visits.popleft(), masks))
            elif page is not None:
                on_taken(await shoot(page, views.popleft(), masks, probe))

    await asyncio.gather(*(work(page) for page in ([*pages] if pages else [None])))


def take(shots: Sequence[Shot], *, workers: int = 1, masks: Sequence[str] = (),
         on_taken: Callable[[Taken], None] = lambda taken: None, endpoint: str | None = None,
         probe: Probe | None = None) -> list[Taken]:
    """Photograph ``shots`` with ``workers`` pages of one browser, calling ``on_taken`` as each is
    done; returns them all in ``shots``' order. The browser starts once a shot has its HTML (or
    visit), and the others' are made while it starts: none starts when no shot has one.
    ``masks`` are CSS selectors painted over (magenta) in every shot; ``endpoint``: a remote
    browser's URL (``remote``); ``probe``, when given, looks at the page
    after each shot (its result is ``Taken.extra``). Raises ``ChromiumNotFound`` without a
    Chromium, ``remote.BadEndpoint`` / ``remote.BrowserUnavailable`` for an unusable endpoint."""
    done: dict[str, Taken] = {}

    def record(taken: Taken) -> None:
        done[taken.shot.name] = taken
        on_taken(taken)

    pending = list(shots)
    first: Staged | StagedVisit | None = None
    while pending and first is None:  # the browser starts once one shot needs it
        ready = stage(pending.pop(0))
        if isinstance(ready, Taken):
            record(ready)
        else:
            first = ready
    if first is not None:
        _run_async(lambda: _take_all(first, pending, workers, masks, record, endpoint, probe))
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
