"""React elements as template values: what JSX and ``React.createElement`` evaluate to."""

from __future__ import annotations

import difflib
from typing import Any

from ..js.console import RawText
from ..js.values import UNDEFINED, JSFunction, JSObject


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

    def inspect_entries(self) -> list[tuple[str, Any]]:
        """What Node's ``console.log`` prints for a React 19 element."""
        typ = RawText("Symbol(react.fragment)") if self.type is FRAGMENT else self.type
        return [
            ("$$typeof", RawText("Symbol(react.transitional.element)")),
            ("type", typ),
            ("key", self.key),
            ("props", self.vprops),
            ("_owner", None),
            ("_store", {}),
        ]

    def json_value(self) -> dict:
        """A React element's enumerable string-keyed fields (``$$typeof`` is a symbol)."""
        typ = self.type if isinstance(self.type, (str, JSFunction)) else UNDEFINED
        return {"type": typ, "key": self.key, "props": self.vprops, "_owner": None, "_store": {}}

    def __repr__(self) -> str:
        name = self.type if isinstance(self.type, str) else getattr(self.type, "name", self.type)
        return f"<VNode {name} {self.vprops!r}>"


class BuiltinComponent(JSFunction):
    """A Kustomer component implemented in Python (``renderer/kustomer/components``).

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

    # ------------------------------------------------------------------ unknown props
    def check_props(self, props: dict, ctx: Any, loc: tuple[int, int] | None = None) -> list[str]:
        """Warn once per prop ``prop_spec`` does not declare; returns the unknown names.

        The HTML walk, which knows the element's location, calls this before ``render``; the
        render wrapper then sees the element was checked (``checked_before``) and skips its
        own check, which without a location would not de-duplicate against this one.
        """
        if not isinstance(props, dict):
            return []
        marks = _pending_checks(ctx)
        if marks is not None and len(marks) < 10_000:
            marks.append(self._mark(props))
        return self.warn_unknown_props(props, ctx, loc)

    def checked_before(self, props: dict, ctx: Any) -> bool:
        """Whether ``check_props`` already ran for this element (and forget that it did)."""
        marks = getattr(ctx, "_kv_checked", None)
        mark = self._mark(props)
        if marks and mark in marks:
            marks.remove(mark)
            return True
        return False

    def warn_unknown_props(self, props: dict, ctx: Any, loc: tuple[int, int] | None) -> list[str]:
        spec = self.prop_spec
        unknown = [p for p in props if p not in spec and p not in IGNORED_PROPS]
        warn = getattr(ctx, "warn", None)
        for p in unknown:
            close = difflib.get_close_matches(p, list(spec), n=1, cutoff=0.6)
            hint = f"; did you mean `{close[0]}`?" if close else f"; it takes {', '.join(spec) or 'no props'}"
            if warn is not None:
                where = loc if loc is not None else getattr(ctx, "loc", None)
                warn(f"<{self.name}>: unknown prop `{p}` (ignored){hint}", where if isinstance(where, tuple) else None,
                     "unknown-prop")
        return unknown

    def _mark(self, props: dict) -> tuple:
        return (self.name, tuple(p for p in props if p not in IGNORED_PROPS))


IGNORED_PROPS = frozenset({"key", "ref", "children"})


def _pending_checks(ctx: Any) -> list | None:
    """Elements whose props a caller already checked, not yet rendered (a multiset)."""
    marks = getattr(ctx, "_kv_checked", None)
    if marks is None:
        try:
            marks = ctx._kv_checked = []
        except AttributeError:  # a ctx that takes no attributes: the wrapper checks again
            return None
    return marks
