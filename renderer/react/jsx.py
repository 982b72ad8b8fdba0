"""JSX → closures that build React elements (``VNode``), each props dict built as directly as its element allows.

``JSXCompiler`` extends the engine's ``Compiler`` (``renderer/js/compiler``): JSX is React's syntax,
so it is compiled one layer above the engine. ``renderer/view.py`` compiles templates with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..js import values as jv
from ..js.compiler.expressions import (
    Fn,
    _constant,
    _loc,
    _props_builder,
    constant_of,
    copy_own,
    stamp,
)
from ..js.compiler.statements import Compiler
from ..js.members import get_member
from ..js.parse import decode_entities, jsx_text
from ..js.runtime import Runtime
from ..js.scope import MISSING, TDZ, Scope, lookup_or_missing, reference_error
from ..js.values import UNDEFINED, JSThrow, to_string
from .elements import FRAGMENT, VNode
from .hooks import ReactRuntime

if TYPE_CHECKING:
    pass


class JSXCompiler(Compiler):
    """The template compiler: ECMAScript (``Compiler``) plus JSX, which builds React elements."""

    def e_JSXElement(self, node: Any) -> Fn:
        opening = node.openingElement
        type_fn = self.jsx_type(opening.name)
        ops = self.jsx_attribute_ops(opening.attributes)
        children, shape = self.jsx_children(node.children)
        loc = _loc(node)
        static_type = type_fn if isinstance(type_fn, str) else None
        names = [n for n, _, _ in ops]
        keys = names.count("key")
        if "..." not in names and (keys == 0 or (keys == 1 and names.index("key") in (0, len(names) - 1))):
            return jsx_element(static_type, type_fn, ops, children, shape, loc)
        props = jsx_props(ops)
        dynamic_type: Fn = _constant(type_fn) if isinstance(type_fn, str) else type_fn  # (called only when not static)

        def element(scope: Scope) -> VNode:
            t = static_type if static_type is not None else dynamic_type(scope)
            p, key = props(scope)
            kids = children(scope)
            if kids is not None:
                p["children"] = kids
            return VNode(t, p, key, loc)

        return element

    def e_JSXFragment(self, node: Any) -> Fn:
        children, _ = self.jsx_children(node.children)
        loc = _loc(node)

        def fragment(scope: Scope) -> VNode:
            kids = children(scope)
            return VNode(FRAGMENT, {} if kids is None else {"children": kids}, None, loc)

        return fragment

    def jsx_name(self, name: Any) -> str:
        if name.type == "JSXIdentifier":
            return name.name
        if name.type == "JSXNamespacedName":
            return f"{name.namespace.name}:{name.name.name}"
        return f"{self.jsx_name(name.object)}.{name.property.name}"

    def jsx_type(self, name: Any) -> str | Fn:
        full = self.jsx_name(name)
        if name.type == "JSXIdentifier" and not (full[0].isupper() or full[0] in "_$" or "." in full):
            return full
        if name.type == "JSXNamespacedName":
            return full
        loc = _loc(name)
        parts = full.split(".")

        def component(scope: Scope) -> Any:
            v = lookup_or_missing(scope, parts[0])
            if v is MISSING or v is TDZ:
                return unknown_component(scope.rt, full, loc)
            for p in parts[1:]:
                try:
                    v = get_member(v, p)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise
            if v is UNDEFINED:
                return unknown_component(scope.rt, full, loc)
            return v

        return component

    def jsx_attribute_ops(self, attrs: list) -> list[tuple[str, Fn, Any]]:
        """``(name, value closure, constant value or MISSING)`` per attribute, in source order;
        a spread is named ``...``."""
        ops: list[tuple[str, Fn, Any]] = []
        for a in attrs:
            if a.type == "JSXSpreadAttribute":
                ops.append(("...", self.expr(a.argument), MISSING))
                continue
            name = self.jsx_name(a.name)
            v = a.value
            if v is None:
                ops.append((name, _constant(True), True))
            elif v.type == "Literal":
                text = jv.to_code_units(decode_entities(v.value))
                ops.append((name, _constant(text), text))
            elif v.type == "JSXExpressionContainer":
                if v.expression.type == "JSXEmptyExpression":
                    raise self.error(v, "JSX attributes must only be assigned a non-empty expression")
                ops.append((name, self.expr(v.expression), MISSING))
            else:
                ops.append((name, self.expr(v), MISSING))
        return ops

    def jsx_children(self, nodes: list) -> tuple[Callable[[Scope], Any], str]:
        """The children closure and its shape: ``none`` (always None), ``one`` (the only
        child's value, which may be None) or ``many`` (always a list)."""
        fns: list[Fn] = []
        for c in nodes:
            if c.type == "JSXText":
                text = jsx_text(c.raw if getattr(c, "raw", None) is not None else c.value)
                if text:
                    fns.append(_constant(jv.to_code_units(text)))
            elif c.type == "JSXExpressionContainer":
                if c.expression.type == "JSXEmptyExpression":
                    continue
                fns.append(self.expr(c.expression))
            elif c.type == "JSXSpreadChild":
                raise self.error(c, "Spread children are not supported in React.")
            else:
                fns.append(self.expr(c))
        if not fns:
            return (lambda scope: None), "none"
        if len(fns) == 1:
            return fns[0], "one"
        # Unrolled for the usual small counts: a comprehension costs a frame of its own.
        if len(fns) == 2:
            f0, f1 = fns
            return (lambda scope: [f0(scope), f1(scope)]), "many"
        if len(fns) == 3:
            f0, f1, f2 = fns
            return (lambda scope: [f0(scope), f1(scope), f2(scope)]), "many"
        return (lambda scope: [f(scope) for f in fns]), "many"

    def e_JSXExpressionContainer(self, node: Any) -> Fn:
        if node.expression.type == "JSXEmptyExpression":
            return lambda scope: UNDEFINED
        return self.expr(node.expression)

    def e_JSXText(self, node: Any) -> Fn:
        text = jv.to_code_units(jsx_text(node.value))
        return lambda scope: text


def _jsx_key(k: Any) -> Any:
    return None if k is UNDEFINED else k if type(k) is str else to_string(k)


def jsx_props(ops: list[tuple[str, Fn, Any]]) -> Callable[[Scope], tuple[dict, Any]]:
    """Props and key of an element in the general case (spreads, ``key`` among other props)."""
    has_spread = any(n == "..." for n, _, _ in ops)
    has_key = any(n == "key" for n, _, _ in ops)
    pairs = [(n, f) for n, f, _ in ops]

    def attributes(scope: Scope) -> tuple[dict, Any]:
        props: dict = {}
        for n, f in pairs:
            if n == "...":
                copy_own(props, f(scope))
            else:
                props[n] = f(scope)
        key = None
        if has_key or has_spread:
            key = _jsx_key(props.pop("key", UNDEFINED))
        return props, key

    return attributes


def jsx_element(
    tag: str | None, type_fn: Any, ops: list, children: Fn, shape: str, loc: tuple[int, int]
) -> Fn:
    """An element without spread attributes whose ``key`` (if any) is its first or last
    attribute: the props dict is built directly, no build-then-pop of ``key``. The order of
    evaluation is the generic path's: type, attributes in source order (key among them), the
    key's ToString, children."""
    key_fn = None
    key_first = False
    rest = []
    for i, (n, f, c) in enumerate(ops):
        if n == "key":
            key_fn, key_first = f, i == 0
        else:
            rest.append((n, f, c))
    # Literal-only props (the usual case: none, or className="x") are copied from a dict made
    # once, without a call; a literal only child (<b>text</b>) joins them.
    static = {n: c for n, _, c in rest} if all(c is not MISSING for _, _, c in rest) else None
    build = _props_builder(rest)
    if shape == "one" and static is not None and constant_of(children) is not MISSING:
        if constant_of(children) is not None:  # ({null} leaves no children prop, as below)
            static["children"] = constant_of(children)
        shape = "none"
    if key_fn is None and shape == "none":
        def element(scope: Scope) -> VNode:
            t = tag if tag is not None else type_fn(scope)
            return VNode(t, static.copy() if static is not None else build(scope), None, loc)

    elif key_fn is None and shape == "one":
        def element(scope: Scope) -> VNode:
            t = tag if tag is not None else type_fn(scope)
            p = static.copy() if static is not None else build(scope)
            kids = children(scope)
            if kids is not None:
                p["children"] = kids
            return VNode(t, p, None, loc)

    elif key_fn is None:  # many children: always a list
        def element(scope: Scope) -> VNode:
            t = tag if tag is not None else type_fn(scope)
            p = static.copy() if static is not None else build(scope)
            p["children"] = children(scope)
            return VNode(t, p, None, loc)

    else:
        has_children = shape != "none"

        def element(scope: Scope) -> VNode:
            t = tag if tag is not None else type_fn(scope)
            if key_first:
                k = key_fn(scope)
                p = static.copy() if static is not None else build(scope)
            else:
                p = static.copy() if static is not None else build(scope)
                k = key_fn(scope)
            key = None if k is UNDEFINED else k if type(k) is str else to_string(k)
            if has_children:
                kids = children(scope)
                if kids is not None:
                    p["children"] = kids
            return VNode(t, p, key, loc)

    return element


def unknown_component(rt: Runtime, name: str, loc: tuple[int, int]) -> Any:
    """A capitalized JSX name that is not defined: what the platform renders for it (the
    realm's ``unknown_component`` hook: a placeholder and a warning), else a ReferenceError."""
    hook = rt.unknown_component if isinstance(rt, ReactRuntime) else None
    if hook is None:
        reference_error(f"{name} is not defined")
    return hook(name, loc)
