"""The settle loop: render, run effects, jobs and timers, and render again until nothing changes.

A preview shows where a template ends up, as React would after its effects, promises and
timers have run (on the render's virtual clock). The loop is bounded by ``max_settle_passes``
so a view that never stops updating ends in a warning, not a hang.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..js.values import JSThrow
from .hooks import HooksRuntime, hooks_for

RUNAWAY = "kview: the view kept updating after {n} passes (an effect sets state on every render?)"
RUNAWAY_TIMERS = "kview: the view kept updating after {n} passes (a timer or interval keeps setting state?)"


def settle_loop(value: Any, rt: Any, settle: bool = True) -> Any:
    """Render ``value`` until it is settled; returns the expanded tree of the last pass."""
    hooks = hooks_for(rt)
    tree = hooks.expand(value)
    if not settle:
        return tree
    limit = max(1, rt.budgets.max_settle_passes)
    by_timer = False
    while True:
        hooks.commit()
        run_jobs(rt, hooks)
        if hooks.dirty:
            if hooks.passes >= limit:
                rt.warn((RUNAWAY_TIMERS if by_timer else RUNAWAY).format(n=hooks.passes))
                return tree
            tree = hooks.expand(value)
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
    return tree


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
