"""Per-render state: budgets, the job queue, the virtual clock, console output and warnings.

One ``Runtime`` lives for one render; nothing here is module-global, so renders on different
threads (the dev server) never share state. The layers above the engine add their own
per-render state as typed fields of subclasses (``ReactRuntime``, ``BrowserRuntime``,
``KustomerRuntime``); ``renderer/realm.py`` makes the one that has them all.
"""

from __future__ import annotations

import heapq
import os
import resource
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import Diagnostic
from . import limits
from .values import UNDEFINED, JSError, JSFunction, JSThrow, range_error, to_number


@dataclass
class Budgets:
    """Limits that turn runaway templates into located errors instead of hangs."""

    max_steps: int = 200_000  # loop iterations, calls, array and object literals
    max_depth: int = 250  # nested JS calls
    max_seconds: float = 2.0  # wall clock: JS steps and built-ins' inner loops both check it
    max_work: int = 5_000_000  # nodes and elements built-ins walk in Python loops (the clock usually ends first)
    max_memory_mb: int = 256  # process memory growth during the render (sampled)
    max_nodes: int = 50_000  # output elements
    max_settle_passes: int = 25  # renders in a row with no timer between them (effects updating)
    max_timer_renders: int = 300  # renders that timers caused while settling (an endless interval)
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


# How often the clock and memory are looked at: every 1024 JS steps, every _CHECK_EVERY units of
# built-in work, and after every _MEMORY_EVERY code units of large strings and arrays built.
MAX_LOG_TEXT = 10_000  # characters kept of one console entry (the overlay shows them all)
_CHECK_EVERY = 4096
_MEMORY_EVERY = 4_000_000


def _rss_bytes() -> int:
    """This process's resident memory now (Linux), else its peak so far (other systems)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak if sys.platform == "darwin" else peak * 1024


_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def current_runtime() -> Runtime:
    """The runtime of the render running in this context.

    Built-in functions that only need their render's runtime are made once and shared by
    all renders (writes to them are ignored) and find it here: each render runs in its own
    ``contextvars`` context (``render.in_own_context``; the greenlets of async functions and
    generators run in copies of it) and ``make_global_object`` sets it there.
    """
    rt: Runtime = limits.current()
    return rt


class Runtime:
    def __init__(self, budgets: Budgets | None = None, now_ms: float | None = None) -> None:
        self.budgets = budgets or Budgets()
        self.steps = 0
        self.depth = 0
        self.work = 0
        self._next_check = _CHECK_EVERY
        self._allocated = 0
        self.deadline = time.perf_counter() + self.budgets.max_seconds
        self.memory_base = _rss_bytes()
        self.jobs: deque[Callable[[], Any]] = deque()
        self.timers: list[_Timer] = []
        self.cancelled: set[int] = set()
        self._timer_seq = 0
        self.start_ms = now_ms if now_ms is not None else float(int(time.time() * 1000))
        self.clock_ms = self.start_ms
        self.timer_base = self.start_ms  # max_timer_ms counts from here (new_turn moves it)
        self.console: list[ConsoleEntry] = []
        self.warnings: list[Diagnostic] = []
        self.global_obj: dict = {}
        self.completion: Any = UNDEFINED
        self.loc: tuple[int, int] | None = None  # last located statement, for console entries
        self.unhandled: list[Any] = []
        self.horizon_cut = False  # run_next_timer dropped timers due past max_timer_ms
        self.last_timer: Any = None  # the callback of the timer run last (settle's warnings name it)

    def make_current(self) -> None:
        """This render's runtime for the shared built-ins (``current_runtime``)."""
        limits.set_current(self)

    # -------------------------------------------------------------- budgets
    def tick(self) -> None:
        self.steps += 1
        if self.steps > self.budgets.max_steps:
            self._over(f"kview: step budget exceeded ({self.budgets.max_steps} loop iterations and calls)")
        if not self.steps & 1023:
            self.check_limits()

    def charge(self, units: int = 1) -> None:
        """``units`` of built-in work done: past every ``_CHECK_EVERY`` units, check the limits."""
        self.work += units
        if self.work >= self._next_check:
            self._next_check = self.work + _CHECK_EVERY
            if self.work > self.budgets.max_work:
                self._over(f"kview: work budget exceeded ({self.budgets.max_work} built-in operations)")
            self.check_limits()

    def allocating(self, units: int) -> None:
        """A string or array of ``units`` elements is being built: sample memory now and then."""
        self._allocated += units
        if self._allocated >= _MEMORY_EVERY:
            self._allocated = 0
            self.check_limits()

    def check_limits(self) -> None:
        """The clock and the memory budget (raised as located RangeErrors)."""
        if time.perf_counter() > self.deadline:
            self._over(f"kview: time budget exceeded ({self.budgets.max_seconds:g} s)")
        if _rss_bytes() - self.memory_base > self.budgets.max_memory_mb << 20:
            self._over(f"kview: memory budget exceeded ({self.budgets.max_memory_mb} MB)")

    def new_turn(self) -> None:
        """A new turn of a kept runtime (a live preview's event): fresh step, work, time and
        memory budgets, and the timer horizon counted from now on the virtual clock."""
        self.steps = 0
        self.work = 0
        self._next_check = _CHECK_EVERY
        self._allocated = 0
        self.depth = 0
        self.deadline = time.perf_counter() + self.budgets.max_seconds
        self.memory_base = _rss_bytes()
        self.horizon_cut = False
        self.timer_base = self.clock_ms

    def seconds_left(self) -> float:
        """Time left before the time budget (for built-ins that take a timeout)."""
        return self.deadline - time.perf_counter()

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
            if t.due - self.timer_base > self.budgets.max_timer_ms:
                self.timers.clear()
                self.horizon_cut = True  # timers were still pending: settling stopped at the horizon
                return False
            self.last_timer = t.fn
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
        """Keep a console entry: at most 1000 of them, each cut to ``MAX_LOG_TEXT`` characters."""
        if len(self.console) < 1000:
            if len(text) > MAX_LOG_TEXT:
                text = text[:MAX_LOG_TEXT] + f"… ({len(text) - MAX_LOG_TEXT} more characters)"
            self.console.append(ConsoleEntry(level, text, self.loc))

    def warn(self, message: str, loc: tuple[int, int] | None = None, kind: str = "warning") -> None:
        entry = Diagnostic.warning(message, loc, kind)
        if entry not in self.warnings and len(self.warnings) < 200:
            self.warnings.append(entry)
