"""The renderer's front door: template source + data in, HTML out (no IO, no globals)."""

from __future__ import annotations

import contextvars
import functools
from dataclasses import dataclass, field
from typing import Any

from .errors import KViewError, MockDataError, RenderError
from .js import values as jv
from .js.runtime import Budgets, Runtime
from .js.scope import EMPTY, Scope
from .js.values import UNDEFINED, JSError, JSThrow
from .realm import make_global_object
from .view import CompiledView, ViewCache, compile_view, ensure_recursion_headroom


@dataclass
class RenderResult:
    html: str
    value: Any = field(repr=False, default=None)
    console: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    handlers: list = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class PreparedData:
    """Template data converted to JS values once (``prepare_data``), to render many times.

    ``render`` takes it in place of a dict; each render still gets its own copy of the
    objects and arrays (a template may mutate its data), which is cheaper than converting.
    """

    values: dict[str, Any]


def prepare_data(data: dict[str, Any] | None, name: str = "data") -> PreparedData:
    """Convert (and check) template data once; raises ``MockDataError`` like ``render``."""
    return PreparedData(to_js_data(data, name))


def to_js_data(data: dict[str, Any] | PreparedData | None, name: str = "data") -> dict[str, Any]:
    """Mock JSON → JS values, as a located ``MockDataError`` when something cannot be one."""
    if data is None:
        return {}
    if isinstance(data, PreparedData):
        return jv.copy_js_data(data.values)
    if not isinstance(data, dict):
        raise MockDataError(f"{name} must be a JSON object whose keys become globals, not {type(data).__name__}")
    try:
        return {jv.to_code_units(str(k)): jv.to_js(v, f"$.{k}") for k, v in data.items()}
    except ValueError as exc:
        raise MockDataError(str(exc), file=name) from None


def js_error_to_kview(exc: JSThrow, view: CompiledView) -> RenderError:
    v = exc.value
    if isinstance(v, JSError):
        js_type, message = v.name, v.message
    else:
        js_type, message = "Uncaught", _describe_thrown(v)
    line, col = exc.loc if exc.loc else (None, None)
    err_cls = jv_budget_error if getattr(exc, "budget", False) else RenderError
    # An error escaping a user component (components/*.jsx) is tagged with that file.
    file = getattr(exc, "kv_file", None) or view.name
    source = getattr(exc, "kv_source", None) or view.source
    return err_cls(message, js_type, file=file, line=line, column=col, source=source)


def jv_budget_error(message: str, js_type: str, **kw: Any) -> RenderError:
    from .errors import BudgetError

    return BudgetError(message, js_type, **kw)


def _describe_thrown(v: Any) -> str:
    if type(v) is str:
        return repr(jv.from_code_units(v)).replace('"', "'")
    return jv.safe_to_string(v)


def make_scope(rt: Runtime, data: dict[str, Any], this: Any = UNDEFINED) -> Scope:
    from .kustomer.components import component_globals
    from .react.api import ensure_kustomer_render
    from .react.api import install as install_react

    install_react(rt)  # React + Kustomer.render (renderer/react.py)
    g = make_global_object(rt, data)
    ensure_kustomer_render(rt)
    for name, comp in component_globals().items():  # Kustomer's components; data wins
        g.setdefault(name, comp)
    root = Scope(g, None, EMPTY, rt)
    if this is UNDEFINED:
        this = data.get("this", UNDEFINED) if "this" in data else dict(data)
    return Scope({"this": this}, root, EMPTY, rt)


def run_program(view: CompiledView, scope: Scope) -> Any:
    """Evaluate the template and convert anything escaping it into a located kview error."""
    ensure_recursion_headroom()
    rt = scope.rt
    try:
        return view.program(scope)
    except JSThrow as exc:
        if exc.loc is None:
            exc.loc = rt.loc
        raise js_error_to_kview(exc, view) from None
    except RecursionError:
        exc2 = JSThrow(JSError("RangeError", "Maximum call stack size exceeded"), rt.loc)
        raise js_error_to_kview(exc2, view) from None


def in_own_context(fn: Any) -> Any:
    """Run a render in a copy of the caller's context: the clock and zone it binds never leak."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        return contextvars.copy_context().run(fn, *args, **kwargs)

    return run


def bind_time(rt: Runtime, tz: str | None) -> None:
    """``Date`` reads this render's virtual clock and zone (``tz`` defaults to UTC: reproducible)."""
    from .js.builtins.timevalue import clock_var, tz_var

    clock_var.set(rt.now)
    zone = tz or "UTC"
    try:
        from zoneinfo import ZoneInfo

        ZoneInfo(zone)
    except (ValueError, KeyError, OSError):
        rt.warn(f"unknown time zone {zone!r}: using UTC", kind="config")
        zone = "UTC"
    tz_var.set(zone)


def tz_var_value() -> str:
    from .js.builtins.timevalue import tz_var

    return tz_var.get()


def settle(view: CompiledView, rt: Runtime) -> None:
    try:
        rt.settle()
    except JSThrow as exc:
        if exc.loc is None:
            exc.loc = rt.loc
        raise js_error_to_kview(exc, view) from None


@in_own_context
def evaluate(
    source: str,
    globals: dict[str, Any] | None = None,
    *,
    name: str = "<eval>",
    settle_jobs: bool = True,
    budgets: Budgets | None = None,
    now_ms: float | None = None,
    requests: dict[str, Any] | None = None,
    resource: str | None = None,
    tz: str | None = None,
) -> Any:
    """Run a template and return its completion value as a JS value (jobs and timers run).

    Browser globals and ``KustomerRequest`` (answered from ``requests``) are there; record
    aliases (``object``, ``context``…) only when a ``resource`` is given (``renderer/kustomer.py``).
    """
    from .kustomer.records import install as install_kustomer

    view = compile_view(source, name)
    rt = Runtime(budgets, now_ms)
    bind_time(rt, tz)
    scope = make_scope(rt, install_kustomer(rt, to_js_data(globals), resource, requests))
    value = run_program(view, scope)
    if settle_jobs:
        settle(view, rt)
    return value


@in_own_context
def render(
    source: str | CompiledView,
    data: dict[str, Any] | PreparedData | None = None,
    *,
    name: str = "<template>",
    root_class: str | None = None,
    settle_jobs: bool = True,
    budgets: Budgets | None = None,
    now_ms: float | None = None,
    cache: ViewCache | None = None,
    mark_handlers: bool = False,
    components: dict[str, str] | None = None,
    requests: dict[str, Any] | None = None,
    resource: str = "customer",
    generate_mocks: bool = True,
    tz: str | None = None,
    parent_url: str | None = None,
) -> RenderResult:
    """Render a template to an HTML fragment. Raises a ``KViewError`` subclass on failure.

    ``components`` maps an app's component file names to their source; their capitalized
    top-level bindings become globals before the template runs (``components/user.py``).

    ``resource`` is the view's resource (``customer``, ``kobject.<klass>``…): it decides the
    record aliases (``object``, ``this.kobject``, ``context``). Without ``data`` and with
    ``generate_mocks``, plausible records are generated for the globals the template uses
    (``renderer/mockdata.py``). ``requests`` is the mock request table answering
    ``KustomerRequest`` (and ``fetch``); see ``renderer/kustomer.py``. ``tz`` is the IANA
    zone ``Date`` uses (default UTC); ``now_ms`` pins the virtual clock's start;
    ``parent_url`` is what DynamicCard iframes get as ``parentUrl`` (the host page).
    """
    from .html.walk import RenderContext, to_html
    from .react.hooks import render_settled

    view = source if isinstance(source, CompiledView) else compile_view(source, name, cache)
    rt = Runtime(budgets, now_ms)
    bind_time(rt, tz)
    if data is None and generate_mocks:
        from .kustomer.mockdata import mock_data_from_needs

        data = mock_data_from_needs(view.needs, resource)
    from .kustomer.records import install as install_kustomer

    scope = make_scope(rt, install_kustomer(rt, to_js_data(data), resource, requests))
    if components:
        from .kustomer.components.user import evaluate_user_components

        evaluate_user_components(components, rt, scope, cache)
    value = run_program(view, scope)

    def new_ctx() -> RenderContext:
        ctx = RenderContext()
        ctx.mark_handlers = mark_handlers
        ctx.tz = tz_var_value()  # components format dates in the render's zone
        ctx.parent_url = parent_url  # DynamicCard's parentUrl query parameter
        return ctx

    try:  # render, then (settle_jobs) effects, jobs and timers until settled (renderer/hooks.py)
        html, ctx = render_settled(
            value, rt, new_ctx, settle_jobs, emit=lambda tree, c: to_html(tree, c, root_class=root_class)
        )
    except JSThrow as exc:
        if exc.loc is None:
            exc.loc = rt.loc
        raise js_error_to_kview(exc, view) from None
    except KViewError as exc:
        raise exc.located(view.name, view.source) from None
    warnings = rt.warnings + list(getattr(ctx, "warnings", []))
    return RenderResult(html, value, [c.to_dict() for c in rt.console], warnings, list(getattr(ctx, "handlers", [])))
