"""Per-render state: budgets, the job queue, the virtual clock, console output and warnings.

One ``Runtime`` lives for one render; nothing here is module-global, so renders on different
threads (the dev server) never share state. The layers above the engine add their own
per-render state as typed fields of subclasses (``ReactRuntime``, ``BrowserRuntime``,
``KustomerRuntime``); ``renderer/realm.py`` makes the one that has them all.
"""

from __future__ import annotations

import heapq
import time
from collections import deque
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from ..errors import Diagnostic
from .values import UNDEFINED, JSError, JSFunction, JSThrow, range_error, to_number


@dataclass
class Budgets:
    """Limits that turn runaway templates into located errors instead of hangs."""

    max_steps: int = 100_000  # loop iterations + function calls
    max_depth: int = 250  # nested JS calls
    max_seconds: float = 2.0  # wall clock, a backstop behind max_steps
    max_nodes: int = 50_000  # output elements
    max_settle_passes: int = 25  # render/effect passes when settling
    max_timer_ms: float = 60_000.0  # how far the virtual clock may run


@dataclass
class ConsoleEntry:
    level: str
    text: str
    loc: tuple[int, int] | None = None

    def to_dict(self) -> dict:
        return {"level": self.level, "text": self.text, "line": self.loc and self.loc[0]}


@dataclass(order=True)
class _Timer:
    due: float
    seq: int
    id: int = field(compare=False)
    fn: Any = field(compare=False)
    args: list = field(compare=False)
    interval: float | None = field(compare=False, default=None)


_current: ContextVar[Runtime] = ContextVar("kview_runtime")


def current_runtime() -> Runtime:
    """The runtime of the render running in this context.

    Built-in functions that only need their render's runtime are made once and shared by
    all renders (writes to them are ignored) and find it here: each render runs in its own
    ``contextvars`` context (``render.in_own_context``; the greenlets of async functions and
    generators run in copies of it) and ``make_global_object`` sets it there.
    """
    return _current.get()


class Runtime:
    def __init__(self, budgets: Budgets | None = None, now_ms: float | None = None) -> None:
        self.budgets = budgets or Budgets()
        self.steps = 0
        self.depth = 0
        self.deadline = time.perf_counter() + self.budgets.max_seconds
        self.jobs: deque[Callable[[], Any]] = deque()
        self.timers: list[_Timer] = []
        self.cancelled: set[int] = set()
        self._timer_seq = 0
        self.start_ms = now_ms if now_ms is not None else float(int(time.time() * 1000))
        self.clock_ms = self.start_ms
        self.console: list[ConsoleEntry] = []
        self.warnings: list[Diagnostic] = []
        self.global_obj: dict = {}
        self.completion: Any = UNDEFINED
        self.loc: tuple[int, int] | None = None  # last located statement, for console entries
        self.unhandled: list[Any] = []

    def make_current(self) -> None:
        """This render's runtime for the shared built-ins (``current_runtime``)."""
        _current.set(self)

    # -------------------------------------------------------------- budgets
    def tick(self) -> None:
        self.steps += 1
        if self.steps > self.budgets.max_steps:
            self._over(f"kview: step budget exceeded ({self.budgets.max_steps} loop iterations and calls)")
        if not self.steps & 1023 and time.perf_counter() > self.deadline:
            self._over(f"kview: time budget exceeded ({self.budgets.max_seconds:g} s)")

    def _over(self, message: str) -> None:
        err = JSError("RangeError", message)
        exc = JSThrow(err)
        exc.budget = True
        raise exc

    def enter(self) -> None:
        self.depth += 1
        if self.depth > self.budgets.max_depth:
            self.depth -= 1
            range_error("Maximum call stack size exceeded")

    # -------------------------------------------------------------- jobs and timers
    def enqueue(self, job: Callable[[], Any]) -> None:
        self.jobs.append(job)

    def run_jobs(self) -> None:
        jobs = self.jobs
        while jobs:
            self.tick()
            jobs.popleft()()

    def set_timer(self, fn: Any, delay: Any, args: list, repeat: bool = False) -> float:
        d = to_number(delay) if delay is not UNDEFINED else 0.0
        if d != d or d < 0:
            d = 0.0
        self._timer_seq += 1
        tid = self._timer_seq
        heapq.heappush(
            self.timers,
            _Timer(self.clock_ms + d, tid, tid, fn, args, max(d, 1.0) if repeat else None),
        )
        return float(tid)

    def clear_timer(self, tid: Any) -> None:
        try:
            self.cancelled.add(int(to_number(tid)))
        except (ValueError, OverflowError):
            pass

    def run_next_timer(self) -> bool:
        """Advance the virtual clock to the next due timer and run it; False when none is left."""
        while self.timers:
            t = heapq.heappop(self.timers)
            if t.id in self.cancelled:
                continue
            if t.due - self.start_ms > self.budgets.max_timer_ms:
                self.timers.clear()
                return False
            self.clock_ms = max(self.clock_ms, t.due)
            if t.interval is not None:
                self._timer_seq += 1
                heapq.heappush(
                    self.timers,
                    _Timer(t.due + t.interval, self._timer_seq, t.id, t.fn, t.args, t.interval),
                )
            if isinstance(t.fn, JSFunction):
                t.fn.call(UNDEFINED, t.args)
            return True
        return False

    def settle(self) -> None:
        """Run microtasks, then timers in virtual time, until nothing is pending."""
        self.run_jobs()
        while self.run_next_timer():
            self.run_jobs()

    def now(self) -> float:
        return self.clock_ms

    # -------------------------------------------------------------- output
    def log(self, level: str, text: str) -> None:
        if len(self.console) < 1000:
            self.console.append(ConsoleEntry(level, text, self.loc))

    def warn(self, message: str, loc: tuple[int, int] | None = None, kind: str = "warning") -> None:
        entry = Diagnostic.warning(message, loc, kind)
        if entry not in self.warnings and len(self.warnings) < 200:
            self.warnings.append(entry)
