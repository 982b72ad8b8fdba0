"""A live preview: one render kept alive so that its event handlers can run, with one engine.

``LiveSession(source, data, **render's keywords)`` renders exactly as ``render()`` does (the
same set-up, ``render.start_render``) with ``mark_handlers`` on: elements with handlers carry
``data-kv-on`` (event names) and ``data-kv-id`` (their number in this render). It keeps the
runtime, so the hooks' fibers (the view's state), its timers and promises, live on.

``dispatch(ids, type, payload)`` runs what React would for a browser event on the element
``ids[0]`` (``ids`` is its path of handler-carrying ancestors, innermost first, for bubbling):
one synthetic event per React event name (``react/events.py``), each handler under fresh
budgets, then the same settle loop as the first render (re-render, effects, jobs, timers,
``KustomerRequest`` answered from the request table), and returns the new HTML with the
turn's console output and activity (``window.open``, navigation, requests with their mocked
answers; ``BrowserRuntime.record``). A handler that throws raises a located ``KViewError``;
the session stays usable. ``reload`` re-runs a changed template keeping the state of the
components whose shape is unchanged (``HooksRuntime.carry_over``); ``reset`` starts afresh.

One call at a time (the session's own lock); each runs in the session's own ``contextvars``
context, which holds its render's clock, zone and current runtime.
"""

from __future__ import annotations

import contextvars
import threading
from dataclasses import dataclass, field
from typing import Any

from .browser.base import HREF
from .errors import Diagnostic
from .js.values import UNDEFINED, JSError, JSFunction, JSThrow, safe_to_string
from .react.events import REACT_EVENTS, SyntheticEvent, element_object
from .react.hooks import hooks_for
from .render import RenderResult, StartedRender, start_render
from .view import ensure_recursion_headroom, out_of_memory

MAX_PATH = 64  # handler-carrying ancestors a bubbling event visits
MAX_PRINTED = 1000  # console entries a session keeps (console_log)


@dataclass
class LiveResult:
    """One turn of a live session: the HTML now, and what this turn printed and did."""

    html: str
    console: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    activity: list[dict[str, Any]] = field(default_factory=list)
    default_prevented: bool = False
    handled: bool = False  # a handler ran


class LiveSession:
    """A view rendered once and kept, to run its handlers (see the module docstring)."""

    def __init__(self, source: Any, data: Any = None, **kwargs: Any) -> None:
        for own in ("mark_handlers", "settle_jobs", "record_activity"):
            kwargs.pop(own, None)
        self._source, self._data, self._kwargs = source, data, kwargs
        self._lock = threading.Lock()
        self.turns = 0
        self.first = self._open()

    # ------------------------------------------------------------------ life cycle
    def _open(self, carry_from: StartedRender | None = None) -> LiveResult:
        """A fresh context and runtime; with ``carry_from``, the state of its components carried."""
        context = contextvars.copy_context()
        started, result = context.run(self._start, carry_from)
        # only a render that succeeded replaces the session's (a broken edit keeps the old one)
        self._context, self._started = context, started
        self._location = started.rt.global_obj.get("location")
        self._printed: list[dict[str, Any]] = []
        self._keep(result)
        console, activity = self._take(started.rt)
        return LiveResult(result.html, console, result.warnings, activity)

    def _take(self, rt: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """This turn's console entries and activity, taken off the runtime (whose lists are
        bounded per render: taken each turn, a long session never runs out of them)."""
        console = [c.to_dict() for c in rt.console]
        activity = rt.activity
        rt.console, rt.activity = [], []
        self._printed = (self._printed + console)[-MAX_PRINTED:]
        return console, activity

    def _start(self, carry_from: StartedRender | None) -> tuple[StartedRender, RenderResult]:
        ensure_recursion_headroom()
        started = start_render(self._source, self._data, mark_handlers=True, record_activity=True,
                               **self._kwargs)
        if carry_from is not None:
            hooks_for(started.rt).carry_over(hooks_for(carry_from.rt))
        return started, started.render()

    def _keep(self, result: RenderResult) -> None:
        self.html = result.html
        self._handlers: dict[tuple[str, str], JSFunction] = {}
        for el, event, fn in result.handlers:
            hid = el.get("data-kv-id")
            if hid is not None:
                self._handlers.setdefault((hid, event), fn)

    def reload(self, source: Any, data: Any = None, **kwargs: Any) -> LiveResult:
        """The template (or its data) changed: render the new one, keeping what state fits."""
        for own in ("mark_handlers", "settle_jobs", "record_activity"):
            kwargs.pop(own, None)
        with self._lock:
            previous = self._source, self._data, self._kwargs
            self._source, self._data, self._kwargs = source, data, kwargs
            try:
                return self._open(self._started)
            except BaseException:
                self._source, self._data, self._kwargs = previous
                raise

    def reset(self) -> LiveResult:
        """Start again from the first render (state, timers, activity all fresh)."""
        with self._lock:
            return self._open()

    def console_log(self) -> list[dict[str, Any]]:
        """What the session printed so far, first render and every turn (the last ``MAX_PRINTED``)."""
        return list(self._printed)

    # ------------------------------------------------------------------ events
    def handles(self, hid: str, event_type: str) -> bool:
        """Whether the element ``hid`` of the current HTML has a handler for ``event_type``."""
        return any((hid, name) in self._handlers for name in REACT_EVENTS.get(event_type, (event_type,)))

    def dispatch(self, ids: list[str] | str, event_type: str, payload: Any = None) -> LiveResult:
        """Run the handlers of a browser event and re-render (see the module docstring).

        Raises a located ``KViewError`` when a handler throws or runs out of budget."""
        path = [ids] if isinstance(ids, str) else [str(i) for i in ids][:MAX_PATH]
        with self._lock:
            return self._context.run(self._dispatch, path, event_type, payload if isinstance(payload, dict) else {})

    def _dispatch(self, path: list[str], event_type: str, payload: dict[str, Any]) -> LiveResult:
        ensure_recursion_headroom()
        started = self._started
        rt, view = started.rt, started.view
        rt.new_turn()
        target = element_object(payload.get("target"))
        infos = payload.get("currentTargets")
        infos = infos if isinstance(infos, list) else []
        current = [element_object(infos[i]) if i < len(infos) else target for i in range(len(path))]
        handled = prevented = False
        try:
            for name in REACT_EVENTS.get(event_type, (event_type,)):
                event = SyntheticEvent(name, payload, target, rt.now() - rt.start_ms)
                for i, hid in enumerate(path):
                    fn = self._handlers.get((hid, name))
                    if fn is None:
                        continue
                    handled = True
                    fn.call(UNDEFINED, [event.at(current[i])])
                    if event.propagation_stopped:
                        break
                prevented = prevented or event.default_prevented
            self._navigation(rt)
        except JSThrow as exc:
            raise view.error(exc, rt) from None
        except RecursionError:
            raise view.error(JSThrow(_stack_overflow()), rt) from None
        except MemoryError:
            raise view.error(out_of_memory(), rt) from None
        result = started.render()
        self._navigation(rt)
        self._keep(result)
        self.turns += 1
        console, activity = self._take(rt)
        return LiveResult(result.html, console, result.warnings, activity, prevented, handled)

    def _navigation(self, rt: Any) -> None:
        """``location.href = url`` (or ``window.location = url``) is recorded as a link that would
        open, and the preview stays where it is."""
        loc = rt.global_obj.get("location")
        if loc is not self._location:
            rt.record("open", url=safe_to_string(loc), via="location")
            rt.global_obj["location"] = self._location
        elif isinstance(loc, dict) and loc.get("href") != HREF:
            rt.record("open", url=safe_to_string(loc.get("href")), via="location.href")
            loc["href"] = HREF


def _stack_overflow() -> JSError:
    return JSError("RangeError", "Maximum call stack size exceeded")
