"""The renderer's front door: template source + data in, HTML out (no IO, no globals)."""

from __future__ import annotations

import contextvars
import functools
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from . import class_components
from .errors import Diagnostic, KViewError, MockDataError
from .html import RenderContext, to_html
from .js import values as jv
from .js.builtins.timevalue import clock_var, tz_var
from .js.runtime import Budgets, Runtime
from .js.values import JSThrow
from .kustomer.generate import mock_data_from_needs
from .kustomer.runtime import KustomerRuntime
from .react.settle import render_settled
from .realm import make_scope, new_runtime, template_globals
from .user_components import evaluate_user_components
from .view import CompiledView, ViewCache, compile_view, out_of_memory, template_needs


@dataclass
class RenderResult:
    html: str
    value: Any = field(repr=False, default=None)
    console: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    handlers: list[Any] = field(default_factory=list, repr=False)


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


def in_own_context(fn: Any) -> Any:
    """Run a render in a copy of the caller's context: the clock and zone it binds never leak."""

    @functools.wraps(fn)
    def run(*args: Any, **kwargs: Any) -> Any:
        return contextvars.copy_context().run(fn, *args, **kwargs)

    return run


def bind_time(rt: Runtime, tz: str | None) -> None:
    """``Date`` reads this render's virtual clock and zone (``tz`` defaults to UTC: reproducible)."""
    clock_var.set(rt.now)
    zone = tz or "UTC"
    try:
        ZoneInfo(zone)
    except (ValueError, KeyError, OSError):
        rt.warn(f"unknown time zone {zone!r}: using UTC", kind="config")
        zone = "UTC"
    tz_var.set(zone)


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
    aliases (``object``, ``context``…) only when a ``resource`` is given (``renderer/kustomer/records.py``).
    """
    view = compile_view(source, name)
    rt = new_runtime(budgets, now_ms)
    bind_time(rt, tz)
    scope = make_scope(rt, template_globals(rt, to_js_data(globals), resource, requests))
    value = view.run(scope)
    if settle_jobs:
        view.settle(rt)
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
    locale: str | None = None,
) -> RenderResult:
    """Render a template to an HTML fragment. Raises a ``KViewError`` subclass on failure.

    ``components`` maps an app's component file names to their source; their capitalized
    top-level bindings become globals before the template runs (``renderer/user_components.py``).

    ``resource`` is the view's resource (``customer``, ``kobject.<klass>``…): it decides the
    record aliases (``object``, ``this.kobject``, ``context``). Without ``data`` and with
    ``generate_mocks``, plausible records are generated for the globals the template uses
    (``renderer/kustomer/generate.py``). ``requests`` is the mock request table answering
    ``KustomerRequest`` (and ``fetch``); see ``renderer/kustomer/requests.py``. ``tz`` is the IANA
    zone ``Date`` uses (default UTC); ``now_ms`` pins the virtual clock's start;
    ``parent_url`` is what DynamicCard iframes get as ``parentUrl`` (the host page).
    ``locale`` is the agent's language (Kustomer's ``fr_fr`` or a tag like ``fr-FR``):
    ``navigator.language``; default ``en-US``.
    """
    started = start_render(
        source, data, name=name, root_class=root_class, budgets=budgets, now_ms=now_ms, cache=cache,
        mark_handlers=mark_handlers, components=components, requests=requests, resource=resource,
        generate_mocks=generate_mocks, tz=tz, parent_url=parent_url, locale=locale,
    )
    return started.render(settle_jobs)


@dataclass
class StartedRender:
    """A template that has run, ready to be rendered (``render``) once or, kept alive by a
    ``renderer.live.LiveSession``, again after each event: ``rt`` holds the hooks' fibers."""

    view: CompiledView
    rt: KustomerRuntime
    value: Any
    root_class: str | None
    mark_handlers: bool
    parent_url: str | None

    def new_ctx(self) -> RenderContext:
        ctx = RenderContext()
        ctx.mark_handlers = self.mark_handlers
        ctx.tz = tz_var.get()  # components format dates in the render's zone
        ctx.parent_url = self.parent_url  # DynamicCard's parentUrl query parameter
        return ctx

    def render(self, settle_jobs: bool = True) -> RenderResult:
        """Render (then, with ``settle_jobs``, effects, jobs and timers until settled:
        renderer/react/settle.py); errors come out located (``KViewError``)."""
        view, rt = self.view, self.rt
        try:
            html, ctx = render_settled(
                self.value, rt, self.new_ctx, settle_jobs,
                emit=lambda tree, c: to_html(tree, c, root_class=self.root_class),
            )
        except JSThrow as exc:
            raise view.error(exc, rt) from None
        except MemoryError:
            raise view.error(out_of_memory(), rt) from None
        except KViewError as exc:
            raise exc.located(view.name, view.source) from None
        warnings = rt.warnings + ctx.warnings
        return RenderResult(html, self.value, [c.to_dict() for c in rt.console], warnings, ctx.handlers)


def start_render(
    source: str | CompiledView,
    data: dict[str, Any] | PreparedData | None = None,
    *,
    name: str = "<template>",
    root_class: str | None = None,
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
    locale: str | None = None,
    record_activity: bool = False,
) -> StartedRender:
    """``render``'s set-up: compile, make the realm, run the components and the template.

    Binds the clock and zone in the *current* context: call it inside the context the
    render will run in (``render`` makes its own; a live session keeps one).
    ``record_activity``: keep what the view does outside itself (``BrowserRuntime.activity``).
    """
    view = source if isinstance(source, CompiledView) else compile_view(source, name, cache)
    rt = new_runtime(budgets, now_ms)
    rt.recording = record_activity
    if locale:
        rt.language = language_tag(locale)
    bind_time(rt, tz)
    if data is None and generate_mocks and view.needs is not None:
        data = mock_data_from_needs(view.needs, resource)
    scope = make_scope(rt, template_globals(rt, to_js_data(data), resource, requests))
    if class_components.wanted(view.source, *(components or {}).values()):
        class_components.install(rt, scope)
    if components:
        evaluate_user_components(components, rt, scope, cache)
    value = view.run(scope)
    return StartedRender(view, rt, value, root_class, mark_handlers, parent_url)


def language_tag(locale: str) -> str:
    """Kustomer's locale (``fr_fr``, ``en_us``) → a BCP 47 tag (``fr-FR``) as browsers give it."""
    lang, _, region = locale.replace("_", "-").partition("-")
    return f"{lang.lower()}-{region.upper()}" if region else lang.lower()


def mock_data_for(source: str, resource: str = "customer", seed: str = "kview") -> dict[str, Any]:
    """The data ``render`` generates for a template given none (for tests and tools)."""
    needs = template_needs(source)
    return mock_data_from_needs(needs, resource, seed) if needs is not None else {}
