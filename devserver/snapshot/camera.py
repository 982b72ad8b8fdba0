"""One browser for many shots asked for one at a time from synchronous code: the pytest plugin's
session-wide camera. The browser and its page live on an event loop in a thread of their own
(Playwright's async API, as ``capture`` uses it), so a test process that also runs Playwright's
sync API on its main thread is not disturbed; each ``take`` swaps a view into the same page (a
widget's shot opens its page: ``capture.Visitor``).
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine, Sequence
from typing import Any, TypeVar

from playwright.async_api import async_playwright

from .capture import (
    StagedVisit,
    Taken,
    Visitor,
    new_context,
    open_browser,
    prepare_page,
    shoot,
    stage,
)
from .shots import Shot

T = TypeVar("T")


class Camera:
    """A browser (the system Chromium, or the one at ``endpoint``) with one snapshot page."""

    def __init__(self, *, endpoint: str | None = None, masks: Sequence[str] = ()) -> None:
        self._masks = tuple(masks)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="kview-camera", daemon=True)
        self._thread.start()
        self._playwright: Any = None
        self._browser: Any = None
        self._page: Any = None
        self._visitor: Any = None
        try:
            self._call(self._open(endpoint))
        except BaseException:
            self.close()
            raise

    def _call(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    async def _open(self, endpoint: str | None) -> None:
        self._playwright = await async_playwright().start()
        self._browser = await open_browser(self._playwright, endpoint)
        self._page = await prepare_page(await new_context(self._browser))
        self._visitor = Visitor(self._browser)

    def take(self, shot: Shot) -> Taken:
        """``shot``'s picture, or the error of a view that does not render."""
        ready = stage(shot)
        if isinstance(ready, Taken):
            return ready
        if isinstance(ready, StagedVisit):
            return self._call(self._visitor.shoot(ready, self._masks))
        return self._call(shoot(self._page, ready, self._masks))

    async def _close(self) -> None:
        if self._browser is not None:
            await self._browser.close()
        if self._playwright is not None:
            await self._playwright.stop()

    def close(self) -> None:
        """Close the browser (a remote one: disconnect) and stop the loop's thread."""
        if self._loop.is_closed():
            return
        try:
            self._call(self._close())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join()
            self._loop.close()
