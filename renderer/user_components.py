"""User components: an app's ``components/*.jsx`` files, evaluated before the view.

Each file is a template program of its own (compiled and cached like a view, so its errors
carry its own file name and line numbers). It runs in a child scope of the render's global
scope; every capitalized binding it declares at top level (``function Badge() {}``,
``const Badge = () => …``, ``var Badge``) becomes a global, taking precedence over the
built-in component of the same name. Files run in sorted name order, so a later file can use
an earlier file's components at top level; inside component bodies every component is
available, whatever the order.

Component functions are wrapped (``UserComponent``) so that a JavaScript error escaping one
is reported against its own file rather than the view that used it.
"""

from __future__ import annotations

from typing import Any

from .js.runtime import Runtime
from .js.scope import EMPTY, TDZ, Scope
from .js.values import UNDEFINED, JSFunction, JSThrow
from .react.elements import BuiltinComponent
from .view import ViewCache, compile_view


class UserComponent(JSFunction):
    """A function from a component file, tagging escaping errors with that file."""

    __slots__ = ("target", "file", "source")

    def __init__(self, target: JSFunction, file: str, source: str) -> None:
        super().__init__(target.name, target.length)
        self.props = target.props  # user-set properties (``Badge.defaultProps``) are shared
        self.target = target
        self.file = file
        self.source = source

    def _tag(self, exc: JSThrow) -> None:
        if getattr(exc, "kv_file", None) is None:
            exc.kv_file = self.file
            exc.kv_source = self.source

    def call(self, this: Any, args: list) -> Any:
        try:
            return self.target.call(this, args)
        except JSThrow as exc:
            self._tag(exc)
            raise

    def construct(self, args: list) -> Any:
        try:
            return self.target.construct(args)
        except JSThrow as exc:
            self._tag(exc)
            raise


def is_component_name(name: str) -> bool:
    return name[:1].isupper()


def evaluate_user_components(
    sources: dict[str, str], rt: Runtime, scope: Scope, cache: ViewCache | None = None
) -> dict[str, Any]:
    """Run each component file and install its capitalized top-level bindings as globals.

    ``scope`` is any scope of the render (its root holds the global object). Returns the
    installed ``{name: value}``. A syntax or runtime error raises the usual ``KViewError``
    located in the component file.
    """
    root = scope
    while root.parent is not None:
        root = root.parent
    g = root.vars
    installed: dict[str, Any] = {}
    saved_completion = rt.completion
    for name in sorted(sources):
        source = sources[name]
        view = compile_view(source, name, cache)
        before = {k: v for k, v in g.items() if is_component_name(k)}
        child = Scope({"this": UNDEFINED}, root, EMPTY, rt)
        view.run(child)
        found = {k: v for k, v in child.vars.items() if is_component_name(k) and v is not TDZ}
        # ``var`` declarations and sloppy assignments land on the global object itself.
        found.update({
            k: v for k, v in g.items()
            if is_component_name(k) and v is not UNDEFINED and before.get(k, TDZ) is not v
        })
        for k, v in found.items():
            if isinstance(v, JSFunction) and not isinstance(v, UserComponent | BuiltinComponent):
                v = UserComponent(v, name, source)
            g[k] = installed[k] = v
    rt.completion = saved_completion
    return installed
