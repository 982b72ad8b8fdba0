"""React elements as template values: what JSX and ``React.createElement`` evaluate to."""

from __future__ import annotations

from typing import Any

from ..js.values import JSFunction, JSObject


class Fragment:
    """The ``<>…</>`` / ``React.Fragment`` element type."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "Fragment"


FRAGMENT = Fragment()


class VNode(JSObject):
    """A React element. ``type`` is a tag name (``str``), a ``JSFunction`` component,
    a ``BuiltinComponent`` or ``FRAGMENT``; ``props`` holds ``children`` like React's.

    ``loc`` is the (line, column) of the JSX in the template, for warnings and errors.
    """

    __slots__ = ("type", "vprops", "key", "loc")
    class_name = "Object"

    def __init__(self, type: Any, props: dict, key: Any = None, loc: tuple[int, int] | None = None):
        self.props = {}  # JSObject.__init__, inlined: one VNode per JSX element evaluated
        self.type = type
        self.vprops = props
        self.key = key
        self.loc = loc

    def __repr__(self) -> str:
        name = self.type if isinstance(self.type, str) else getattr(self.type, "name", self.type)
        return f"<VNode {name} {self.vprops!r}>"


class BuiltinComponent(JSFunction):
    """A Kustomer component implemented in Python (``renderer/components``).

    ``render(props, children, ctx)`` receives the props dict (JS values, ``children``
    removed) and the children already rendered to lxml nodes/strings, and returns an lxml
    element. ``prop_spec`` declares the accepted props (name → description) for the docs
    table and unknown-prop warnings.
    """

    __slots__ = ("render", "prop_spec", "doc", "context_hint")

    def __init__(self, name: str, render: Any, prop_spec: dict, doc: str = "", context_hint: str = ""):
        super().__init__(name, 1)
        self.render = render
        self.prop_spec = prop_spec
        self.doc = doc
        self.context_hint = context_hint

    def call(self, this: Any, args: list) -> Any:
        props = args[0] if args and isinstance(args[0], dict) else {}
        return VNode(self, dict(props))
