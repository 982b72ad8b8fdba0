"""The settle loop: render, run effects, jobs and timers, and render again until nothing changes.

A preview shows where a template ends up, as React would after its effects, promises and
timers have run (on the render's virtual clock). Honest programs run to their end (a typewriter
reveal, a poll that stops); runaway ones end in a warning that says what kept them going:

- effects updating state on every render: ``max_settle_passes`` renders in a row with no timer
  between them;
- timers updating state without end: ``max_timer_renders`` renders caused by timers (the
  warning points at the timer's callback), or the virtual clock reaching ``max_timer_ms`` with
  timers still pending after they changed the view.

The wall-clock and step budgets still apply on top and end a heavy loop with a located error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..js.values import JSThrow
from .hooks import HooksRuntime, hooks_for

RUNAWAY = "kview: the view kept updating after {n} passes (an effect sets state on every render?)"
RUNAWAY_TIMERS = ("kview: the view kept updating: {n} renders caused by timers, {s:g} s into virtual time "
                  "(a timer or interval that never stops setting state?)")
HORIZON = ("kview: stopped at {s:g} s of virtual time with timers still pending after they changed the "
           "view (an interval that never ends?)")


def settle_loop(value: Any, rt: Any, settle: bool = True) -> Any:
    """Render ``value`` until it is settled; returns the expanded tree of the last pass."""
    hooks = hooks_for(rt)
    tree = hooks.expand(value)
    if not settle:
        return tree
    limit = max(1, rt.budgets.max_settle_passes)
    timer_limit = max(1, rt.budgets.max_timer_renders)
    in_a_row = 1  # renders since the last timer fired (the first render counts)
    by_timer = False
    timer_renders = 0
    while True:
        hooks.commit()
        run_jobs(rt, hooks)
        if hooks.dirty:
            if by_timer:
                timer_renders += 1
                in_a_row = 0
                if timer_renders > timer_limit:
                    seconds = (rt.clock_ms - rt.timer_base) / 1000
                    rt.warn(RUNAWAY_TIMERS.format(n=timer_limit, s=round(seconds, 3)), _loc(rt.last_timer))
                    return tree
            elif in_a_row >= limit:
                rt.warn(RUNAWAY.format(n=hooks.passes))
                return tree
            tree = hooks.expand(value)
            in_a_row += 1
            by_timer = False
            continue
        try:
            if not rt.run_next_timer():
                break
        except JSThrow as exc:
            if getattr(exc, "budget", False):
                raise
            hooks.report_uncaught(exc, "a timer callback")
        by_timer = True
        run_jobs(rt, hooks)
    if rt.horizon_cut and timer_renders:
        rt.warn(HORIZON.format(s=round(rt.budgets.max_timer_ms / 1000, 3)), _loc(rt.last_timer))
    return tree


def _loc(fn: Any) -> tuple[int, int] | None:
    """Where a template function was written, if it was (its ``code.loc``)."""
    code = getattr(fn, "code", None)
    loc = getattr(code, "loc", None)
    if isinstance(loc, tuple) and len(loc) == 2:
        return loc
    return None


def run_jobs(rt: Any, hooks: HooksRuntime) -> None:
    """Drain the microtask queue; an uncaught error in a job is reported like a browser does."""
    while True:
        try:
            rt.run_jobs()
            return
        except JSThrow as exc:
            if getattr(exc, "budget", False):
                raise
            hooks.report_uncaught(exc, "a queued callback")


def render_settled(
    value: Any,
    rt: Any,
    ctx_factory: Callable[[], Any],
    settle: bool = True,
    *,
    emit: Callable[[Any, Any], Any],
) -> tuple[Any, Any]:
    """Render a template's value with React semantics and return ``(html, ctx)``.

    ``settle=False`` is the first render only (no effects, no jobs, no timers).
    ``emit(tree, ctx)`` turns the expanded tree into output (``html.to_html`` in ``render``).
    """
    tree = settle_loop(value, rt, settle)
    hooks = hooks_for(rt)
    ctx = ctx_factory()
    ctx.component_renderer = hooks.component_renderer
    return emit(tree, ctx), ctx
