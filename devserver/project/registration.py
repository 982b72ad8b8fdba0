"""How a view is named and recorded once registered with Kustomer, and finding it by either name.

``kview build`` writes a folder view (``kviews/<name>.jsx`` + meta) as a KView record named
``kustomer.app.<app>.<name>`` (``registered_name``); the gallery's copy button gives the same
record (``definition_entry``), and ``/view/<name>`` accepts the view's name, its template's file
stem or its registered name (``find_view``). One module, so build, check and the gallery agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import App, ViewSpec
from .scenarios import definition_for


def registered_name(view: ViewSpec, definition: Mapping[str, Any]) -> str:
    """The name a folder view is registered under. A view named by its file alone
    (``kviews/tracking.jsx``, no ``name`` in its meta) is the app's: it becomes
    ``kustomer.app.<app>.tracking``, as Kustomer's docs name views; a name the meta gives is kept."""
    app = definition.get("app")
    if "." in view.name or not isinstance(app, str) or not app:
        return view.name
    return f"kustomer.app.{app}.{view.name}"


def definition_entry(view: ViewSpec, definition: Mapping[str, Any] | None) -> dict[str, Any]:
    """``view`` as an entry of a definition's ``kviews``: the record as written for a view of an
    app definition, else (a folder view) the record ``kview build`` makes, template inline."""
    if view.record is not None:
        return dict(view.record)
    record: dict[str, Any] = {"name": registered_name(view, definition or {}), "resource": view.resource,
                              "context": view.context}
    if view.meta:
        record["meta"] = dict(view.meta)
    record["template"] = view.source
    return record


def app_entry(app: App, view: ViewSpec) -> dict[str, Any]:
    """``definition_entry`` with the definition ``view`` belongs to (``scenarios.definition_for``)."""
    return definition_entry(view, definition_for(app, view))


def find_view(app: App, name: str) -> ViewSpec | None:
    """The view called ``name``: by its name, else by its registered name
    (``kustomer.app.<app>.<name>``), else by its template's file stem (``recent-orders``)."""
    exact = app.view(name)
    if exact is not None:
        return exact
    by_registered = [v for v in app.views if v.record is None and _registered(app, v) == name]
    if by_registered:
        return by_registered[0]
    return next((v for v in app.views if v.path is not None and v.path.suffix == ".jsx" and v.path.stem == name),
                None)


def _registered(app: App, view: ViewSpec) -> str:
    return registered_name(view, definition_for(app, view) or {})
