"""What every browser module shares: the render's ``BrowserRuntime`` and small function makers."""

from __future__ import annotations

import random
from typing import Any

from ..js.runtime import Budgets, Runtime, current_runtime
from ..js.values import (
    UNDEFINED,
    JSError,
    JSThrow,
    NativeFunction,
)
from .network import RequestTable

ORIGIN = "https://kview.local"  # where a preview pretends to run: ``location``, ``document.URL``
HREF = ORIGIN + "/app"
MAX_ACTIVITY = 500


class BrowserRuntime(Runtime):
    """A render's runtime with the browser's state: storages' seeds, the document's own
    elements, the clipboard, ``crypto``'s random source and the mocked network."""

    def __init__(self, budgets: Budgets | None = None, now_ms: float | None = None) -> None:
        super().__init__(budgets, now_ms)
        self.storage_seeds: dict[str, dict[str, str]] = {}
        self.document_nodes: dict[str, Any] = {}  # document.py's own <html>, <head>, <body>
        self.clipboard = ""
        self.crypto_rng: random.Random | None = None
        self.request_table: RequestTable | None = None
        self.request_log: list[dict[str, Any]] = []
        self.language = "en-US"  # navigator.language: the agent's locale (a scenario's ``locale``)
        # What the view did that Kustomer would show outside it (window.open, navigation,
        # KustomerRequest with its mocked answer), for the dev server's activity panel: kept
        # only when ``recording`` (a live session's render; a static render pays nothing).
        self.recording = False
        self.activity: list[dict[str, Any]] = []

    def record(self, kind: str, **fields: Any) -> None:
        """Add an activity entry when recording (at most ``MAX_ACTIVITY``; the oldest go first)."""
        if not self.recording:
            return
        if len(self.activity) >= MAX_ACTIVITY:
            del self.activity[0]
        self.activity.append({"kind": kind, **fields})


def browser_runtime() -> BrowserRuntime:
    """The running render's runtime, which has the browser's state (``realm`` makes it so)."""
    rt = current_runtime()
    if not isinstance(rt, BrowserRuntime):
        raise TypeError("browser globals need a BrowserRuntime (renderer.realm makes one per render)")
    return rt


def native(name: str, fn: Any, length: int = 0) -> NativeFunction:
    return NativeFunction(name, fn, length)


def constant(name: str, value: Any) -> NativeFunction:
    return NativeFunction(name, lambda this, args: value)


def arg(args: list, i: int = 0) -> Any:
    return args[i] if len(args) > i else UNDEFINED


def dom_error(name: str, message: str) -> Any:
    raise JSThrow(JSError(name, message))


def noop(name: str) -> NativeFunction:
    return NativeFunction(name, lambda this, args: UNDEFINED)
