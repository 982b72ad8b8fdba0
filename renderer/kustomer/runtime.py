"""The runtime of a render on the Kustomer platform: the engine's, React's, the browser's and Kustomer's state."""

from __future__ import annotations

from ..browser.base import BrowserRuntime
from ..js.runtime import Budgets
from ..react.elements import BuiltinComponent
from ..react.hooks import ReactRuntime


class KustomerRuntime(BrowserRuntime, ReactRuntime):
    """Every layer's per-render state as typed fields (one object per render, never shared).

    Kustomer's own: the placeholder components made for unknown JSX names this render.
    """

    def __init__(self, budgets: Budgets | None = None, now_ms: float | None = None) -> None:
        super().__init__(budgets, now_ms)
        self.unknown_components: dict[str, BuiltinComponent] = {}
