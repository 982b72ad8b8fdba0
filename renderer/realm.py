"""One render's realm: its runtime and its global object, layer by layer, in one explicit order.

The order (later layers win on a clash, the template's data wins over everything but the
components it does not define):

1. the language's built-ins, shared by every render (``renderer/js/builtins``);
2. ``Promise``, ``console`` and the timers: made once, they find the render's runtime with
   ``current_runtime()``, which ``make_global_object`` binds first;
3. the browser's globals: ``window``'s members, ``document``, storages, ``fetch``
   (``renderer/browser``);
4. Kustomer's ``KustomerRequest`` (``renderer/kustomer/requests.py``);
5. ``React`` (``renderer/react/api.py``) and ``Kustomer.render`` (``renderer/kustomer/namespace.py``);
6. ``globalThis``/``window``/``self``, then the data (the record globals);
7. Kustomer's components, where the data did not define the name.
"""

from __future__ import annotations

from typing import Any

from .browser.network import load_requests
from .browser.storage import take_storage_seeds
from .browser.window import browser_globals
from .js.builtins import STATIC_GLOBALS
from .js.builtins.promise import PROMISE
from .js.console import CONSOLE
from .js.runtime import Budgets
from .js.scope import EMPTY, Scope
from .js.timers import TIMERS
from .js.values import UNDEFINED
from .kustomer.components import component_globals
from .kustomer.components.unknown import placeholder_for
from .kustomer.namespace import KUSTOMER, ensure_kustomer_render
from .kustomer.records import record_globals
from .kustomer.requests import make_kustomer_request
from .kustomer.runtime import KustomerRuntime
from .react.api import react_globals


def new_runtime(budgets: Budgets | None = None, now_ms: float | None = None) -> KustomerRuntime:
    """The runtime of one render, with every layer's state and the host hooks set."""
    rt = KustomerRuntime(budgets, now_ms)
    rt.unknown_component = lambda name, loc: placeholder_for(rt, name, loc)
    return rt


def template_globals(
    rt: KustomerRuntime, data: dict[str, Any], resource: str | None = "customer", requests: Any = None
) -> dict[str, Any]:
    """The data's globals for a render: record aliases added (unless ``resource`` is None:
    ``evaluate()`` keeps data as given), storage seeds taken out, the request table loaded.

    ``data`` holds JS values; a malformed request table raises ``MockDataError``.
    """
    rt.request_table = load_requests(requests)
    data = take_storage_seeds(rt, data)
    return record_globals(data, resource) if resource is not None else dict(data)


def make_global_object(rt: KustomerRuntime, data: dict[str, Any] | None = None) -> dict[str, Any]:
    """The global object, in the order of the module docstring; ``data`` holds JS values."""
    rt.make_current()  # first: the shared functions below find ``rt`` through it
    data = data or {}
    g: dict[str, Any] = dict(STATIC_GLOBALS)
    g["Promise"] = PROMISE
    g["console"] = CONSOLE
    g.update(TIMERS)
    g.update(browser_globals(rt))
    g["KustomerRequest"] = make_kustomer_request(rt, rt.request_table or load_requests(None), data)
    g.update(react_globals(rt))
    g["Kustomer"] = KUSTOMER
    g["globalThis"] = g
    g["window"] = g
    g["self"] = g
    g.update(data)
    rt.global_obj = g
    ensure_kustomer_render(rt)
    for name, comp in component_globals().items():  # Kustomer's components; data wins
        g.setdefault(name, comp)
    return g


def make_scope(rt: KustomerRuntime, data: dict[str, Any], this: Any = UNDEFINED) -> Scope:
    """The template's top-level scope: ``this`` over the global object."""
    g = make_global_object(rt, data)
    root = Scope(g, None, EMPTY, rt)
    if this is UNDEFINED:
        this = data.get("this", UNDEFINED) if "this" in data else dict(data)
    return Scope({"this": this}, root, EMPTY, rt)
