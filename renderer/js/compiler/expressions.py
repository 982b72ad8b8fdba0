"""ESTree → Python closures, once per template version: the expression compiler's core.

Each ESTree node becomes one closure ``(scope) -> value`` chosen from a dispatch table on
``node.type`` (Jinja's visitor). This module compiles literals, identifiers, templates, array
and object literals, member access, calls and ``await``, and holds the helpers the other parts
share. Each further file extends the class below it: ``operators.py``, ``classes.py``,
``statements.py`` (``Compiler``), and one layer up ``renderer/react/jsx.py`` (JSX). Closures that can fail capture their
``(line, column)`` and stamp it on the JavaScript error that passes through them, so every
runtime error points at the template.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from renderer.errors import TemplateSyntaxError

from .. import values as jv
from ..builtins.regexp import make_regexp
from ..builtins.string import register_template_raw
from ..class_objects import super_call, super_member
from ..coroutines import await_value
from ..generators import yield_from, yield_value
from ..limits import LARGE
from ..members import PROTOS, check_string_length, get_member, spread_into
from ..members import _blocked as blocked_key
from ..scope import MISSING, TDZ, Scope, lookup, lookup_or_missing
from ..values import (
    UNDEFINED,
    JSFunction,
    JSNamespace,
    JSThrow,
    to_property_key,
    to_string,
)

Fn = Callable[[Scope], Any]

# The method tables get_member consults for primitives (the same dicts, filled in place by
# renderer/js/builtins): a method call on a primitive finds its method here without the gate's
# general path. Only used for static, non-blocked names, where the two agree.
_PRIMITIVE_METHODS = {t: PROTOS[t] for t in (list, str, float, bool)}


class _ShortCircuit(Exception):
    """Raised by an optional link (``?.``) whose base is nullish; caught by its ChainExpression."""


def _loc(node: Any) -> tuple[int, int]:
    s = node.loc.start
    return (s.line, s.column)


def stamp(exc: JSThrow, loc: tuple[int, int]) -> None:
    if exc.loc is None:
        exc.loc = loc


def prop_name(prop: Any) -> str:
    """A non-computed member name; ``#x`` for private names (kept apart from ``x``)."""
    return "#" + prop.name if prop.type == "PrivateIdentifier" else prop.name


def callee_text(source: str, node: Any) -> str:
    """How Chrome names a callee in 'x is not a function'."""
    t = node.type
    if t == "Identifier":
        return node.name
    if t == "MemberExpression":
        obj = callee_text(source, node.object)
        if node.computed:
            prop = node.property
            if prop.type == "Literal":
                return f"{obj}[{prop.raw}]"
            return f"{obj}[{callee_text(source, prop)}]" if prop.type in ("Identifier", "MemberExpression") else f"{obj}[...]"
        return f"{obj}.{prop_name(node.property)}"
    if t == "ThisExpression":
        return "this"
    if t == "Super":
        return "super"
    if t == "ChainExpression":
        return callee_text(source, node.expression)
    return "(intermediate value)"


class ExpressionCompiler:
    """Expressions: the base of the compiler chain (operators ← classes ← statements extend it)."""

    source: str
    name: str

    if TYPE_CHECKING:  # provided by Compiler (statements.py)
        def function(self, node: Any, name: str = "") -> Fn: ...

    def error(self, node: Any, message: str) -> TemplateSyntaxError:
        line, col = _loc(node)
        return TemplateSyntaxError(message, file=self.name, line=line, column=col, source=self.source)

    def expr(self, node: Any) -> Fn:
        method = getattr(self, "e_" + node.type, None)
        if method is None:
            raise self.error(node, f"kview does not support {node.type} yet")
        return method(node)

    # ------------------------------------------------------------------ atoms
    def e_Literal(self, node: Any) -> Fn:
        v = node.value
        if getattr(node, "regex", None) is not None:
            pattern, flags = node.regex.pattern, node.regex.flags
            loc = _loc(node)
            try:
                make_regexp(pattern, flags)  # report bad patterns at compile time
            except JSThrow as exc:
                raise self.error(node, jv.safe_to_string(exc.value)) from None

            def regex(scope: Scope) -> Any:
                try:
                    return make_regexp(pattern, flags)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise

            return regex
        value: Any
        if isinstance(v, bool) or v is None:
            value = v
        elif isinstance(v, (int, float)):
            value = float(v)
        elif isinstance(v, str):
            value = jv.to_code_units(v)
        else:  # pragma: no cover
            value = UNDEFINED
        return _constant(value)

    def e_Identifier(self, node: Any) -> Fn:
        name = node.name
        if name == "undefined":
            def undef(scope: Scope) -> Any:
                v = lookup_or_missing(scope, name)
                return UNDEFINED if v is MISSING else v

            return undef
        loc = _loc(node)

        def ident(scope: Scope) -> Any:
            s: Scope | None = scope
            while s is not None:
                v = s.vars.get(name, MISSING)
                if v is not MISSING:
                    if v is TDZ:
                        break
                    return v
                s = s.parent
            try:
                return lookup(scope, name)
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return ident

    def e_Super(self, node: Any) -> Fn:
        raise self.error(node, "'super' keyword unexpected here")

    def e_ThisExpression(self, node: Any) -> Fn:
        def this(scope: Scope) -> Any:
            v = lookup_or_missing(scope, "this")
            return UNDEFINED if v is MISSING else v

        return this

    def e_TemplateLiteral(self, node: Any) -> Fn:
        parts: list[Any] = []
        for i, q in enumerate(node.quasis):
            cooked = q.value.cooked
            if cooked:
                parts.append(jv.to_code_units(cooked))
            if i < len(node.expressions):
                parts.append(self.expr(node.expressions[i]))
        if not any(callable(p) for p in parts):
            text = "".join(parts)
            return lambda scope: text
        if len(parts) == 2 and (type(parts[0]) is str) != (type(parts[1]) is str):
            return _template2(*parts)  # `#${n}`, `${n} items`: one concatenation

        def template(scope: Scope) -> str:
            out = []
            n = 0
            for p in parts:
                if type(p) is str:
                    out.append(p)
                else:
                    v = p(scope)
                    out.append(v if type(v) is str else to_string(v))
                n += len(out[-1])
            if n >= LARGE:
                check_string_length(n)
            return "".join(out)

        return template

    def e_TaggedTemplateExpression(self, node: Any) -> Fn:
        tag = self.expr(node.tag)
        quasi = node.quasi
        cooked = [jv.to_code_units(q.value.cooked) if q.value.cooked is not None else UNDEFINED for q in quasi.quasis]
        raw = [jv.to_code_units(q.value.raw) for q in quasi.quasis]
        exprs = [self.expr(e) for e in quasi.expressions]
        loc = _loc(node)

        def tagged(scope: Scope) -> Any:
            fn = tag(scope)
            if not isinstance(fn, JSFunction):
                stamp_throw(jv.type_error, f"{callee_text(self.source, node.tag)} is not a function", loc)
            strings = jv_strings(cooked, raw)
            try:
                return fn.call(UNDEFINED, [strings, *[e(scope) for e in exprs]])
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return tagged

    def e_ArrayExpression(self, node: Any) -> Fn:
        items: list[tuple[bool, Fn | None]] = []
        for el in node.elements:
            if el is None:
                items.append((False, None))
            elif el.type == "SpreadElement":
                items.append((True, self.expr(el.argument)))
            else:
                items.append((False, self.expr(el)))
        if not any(spread or f is None for spread, f in items):
            fns = [f for _, f in items if f is not None]  # (none is None here)

            def literal(scope: Scope) -> list:
                scope.rt.tick()  # a step, like a call: `while (true) a = [a]` must end early
                return [f(scope) for f in fns]

            return literal
        loc = _loc(node)

        def array(scope: Scope) -> list:
            scope.rt.tick()
            out: list = []
            for spread, f in items:
                if f is None:
                    out.append(UNDEFINED)
                elif spread:
                    try:
                        spread_into(out, f(scope))
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise
                else:
                    out.append(f(scope))
            return out

        return array

    def e_ObjectExpression(self, node: Any) -> Fn:
        ops: list[tuple[str, Any, Any]] = []
        for prop in node.properties:
            if prop.type == "SpreadElement":
                ops.append(("spread", None, self.expr(prop.argument)))
                continue
            if prop.computed:
                key: Any = self.expr(prop.key)
                kind = "computed"
            else:
                k = prop.key
                key = k.name if k.type == "Identifier" else (
                    jv.number_to_string(float(k.value)) if isinstance(k.value, (int, float)) and not isinstance(k.value, bool) else jv.to_code_units(str(k.value))
                )
                kind = "static"
            if prop.kind in ("get", "set"):
                # Accessors are evaluated once at creation (a documented simplification).
                fn = self.function(prop.value, name=key if isinstance(key, str) else "")
                ops.append(("get" if prop.kind == "get" else "set", key, fn))
                continue
            value_node = prop.value
            if value_node.type in ("FunctionExpression", "ArrowFunctionExpression") and not value_node.id:
                value = self.function(value_node, name=key if isinstance(key, str) else "")
            else:
                value = self.expr(value_node)
            ops.append((kind, key, value))
        if all(kind == "static" for kind, _, _ in ops):
            build = _props_builder([(k, v, constant_of(v)) for _, k, v in ops])

            def static_obj(scope: Scope) -> dict:
                scope.rt.tick()  # a step, like a call: `while (true) o = {o}` must end early
                return build(scope)

            return static_obj
        loc = _loc(node)

        def obj(scope: Scope) -> dict:
            scope.rt.tick()
            out: dict = {}
            for kind, key, value in ops:
                if kind == "static":
                    out[key] = value(scope)
                elif kind == "computed":
                    out[to_property_key(key(scope))] = value(scope)
                elif kind == "spread":
                    src = value(scope)
                    copy_own(out, src)
                elif kind == "get":
                    k = key if isinstance(key, str) else to_property_key(key(scope))
                    getter = value(scope)
                    try:
                        out[k] = getter.call(out, [])
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise
            return out

        return obj

    def e_SequenceExpression(self, node: Any) -> Fn:
        fns = [self.expr(e) for e in node.expressions]

        def seq(scope: Scope) -> Any:
            v = UNDEFINED
            for f in fns:
                v = f(scope)
            return v

        return seq

    # ------------------------------------------------------------------ members and calls
    def member_key(self, node: Any) -> Fn:
        if node.computed:
            k = self.expr(node.property)
            return k
        name = prop_name(node.property)
        return lambda scope: name

    def peek_name(self, node: Any) -> str:
        """The name of an identifier whose value may be read straight from the innermost scope
        (``o`` in ``o.x``: saves a closure call when it is bound there), else ``""``."""
        return node.name if node.type == "Identifier" and node.name != "undefined" else ""

    def e_MemberExpression(self, node: Any) -> Fn:
        if node.object.type == "Super":
            return self.super_member(node)
        obj = self.expr(node.object)
        oname = self.peek_name(node.object)
        loc = _loc(node.property)
        optional = getattr(node, "optional", False)
        if not node.computed:
            name = prop_name(node.property)
            is_length = name == "length"

            def member(scope: Scope) -> Any:
                o = scope.vars.get(oname, MISSING)
                if o is MISSING or o is TDZ:
                    o = obj(scope)
                if type(o) is dict:
                    v = o.get(name, MISSING)
                    if v is not MISSING and name != "__proto__":
                        return v
                elif is_length and (type(o) is list or type(o) is str):
                    return float(len(o))
                elif optional and (o is None or o is UNDEFINED):
                    raise _ShortCircuit
                try:
                    return get_member(o, name)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise

            return member
        key = self.expr(node.property)
        kc = constant_of(key)
        if type(kc) is float and 0 <= kc < 1e15 and kc == int(kc):
            index = int(kc)

            def element_at(scope: Scope) -> Any:  # a[0]: the index is known
                o = scope.vars.get(oname, MISSING)
                if o is MISSING or o is TDZ:
                    o = obj(scope)
                if type(o) is list and index < len(o):
                    return o[index]
                if optional and (o is None or o is UNDEFINED):
                    raise _ShortCircuit
                try:
                    return get_member(o, kc)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise

            return element_at

        def computed(scope: Scope) -> Any:
            o = scope.vars.get(oname, MISSING)
            if o is MISSING or o is TDZ:
                o = obj(scope)
            if optional and (o is None or o is UNDEFINED):
                raise _ShortCircuit
            k = key(scope)
            if type(o) is list and type(k) is float:
                i = int(k) if -1e15 < k < 1e15 else -1
                if i == k and 0 <= i < len(o):
                    return o[i]
            try:
                return get_member(o, k)
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return computed

    def e_ChainExpression(self, node: Any) -> Fn:
        inner = self.expr(node.expression)

        def chain(scope: Scope) -> Any:
            try:
                return inner(scope)
            except _ShortCircuit:
                return UNDEFINED

        return chain

    def super_member(self, node: Any) -> Fn:
        key = self.member_key(node)
        loc = _loc(node)

        def read_super(scope: Scope) -> Any:
            try:
                return super_member(scope, key(scope))
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return read_super

    def super_call(self, node: Any) -> Fn:
        """``super(...)`` and ``super.method(...)`` (the latter with the current ``this``)."""
        args = self.arguments(node.arguments)
        loc = _loc(node)
        callee = node.callee
        method = self.super_member(callee) if callee.type == "MemberExpression" else None
        text = callee_text(self.source, callee)

        def call_super(scope: Scope) -> Any:
            try:
                if method is None:
                    return super_call(scope, args(scope))
                fn = method(scope)
                if not isinstance(fn, JSFunction):
                    jv.type_error(f"{text} is not a function")
                this = lookup_or_missing(scope, "this")
                return fn.call(UNDEFINED if this is MISSING else this, args(scope))
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return call_super

    def e_CallExpression(self, node: Any) -> Fn:
        callee = node.callee
        if callee.type == "Super" or (callee.type == "MemberExpression" and callee.object.type == "Super"):
            return self.super_call(node)
        args = self.arguments(node.arguments)
        loc = _loc(node)
        optional_call = getattr(node, "optional", False)
        text = callee_text(self.source, callee)
        if callee.type == "MemberExpression":
            obj = self.expr(callee.object)
            oname = self.peek_name(callee.object)
            key = self.member_key(callee)
            optional_member = getattr(callee, "optional", False)
            static_name = None if callee.computed else prop_name(callee.property)
            # Method tables may answer directly only for names get_member does not block.
            methods = {} if static_name is None or blocked_key(static_name) else _PRIMITIVE_METHODS

            def method_call(scope: Scope) -> Any:
                this = scope.vars.get(oname, MISSING)
                if this is MISSING or this is TDZ:
                    this = obj(scope)
                if optional_member and (this is None or this is UNDEFINED):
                    raise _ShortCircuit
                k = static_name if static_name is not None else key(scope)
                try:
                    t = type(this)
                    if t is dict and k in this:
                        fn = this[k]
                    elif t in methods and k in methods[t]:  # e.g. list.map, number.toFixed
                        fn = methods[t][k]
                    elif t is JSNamespace and methods and k in this:  # e.g. _.sumBy, Object.keys
                        fn = this[k]
                    else:
                        fn = get_member(this, k)
                    if not isinstance(fn, JSFunction):
                        if optional_call and (fn is None or fn is UNDEFINED):
                            raise _ShortCircuit
                        jv.type_error(f"{text} is not a function")
                    return fn.call(this, args(scope))
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise
                except RecursionError:
                    raise stack_overflow(loc) from None

            return method_call
        fnc = self.expr(callee)

        def call(scope: Scope) -> Any:
            fn = fnc(scope)
            try:
                if not isinstance(fn, JSFunction):
                    if optional_call and (fn is None or fn is UNDEFINED):
                        raise _ShortCircuit
                    jv.type_error(f"{text} is not a function")
                return fn.call(UNDEFINED, args(scope))
            except JSThrow as exc:
                stamp(exc, loc)
                raise
            except RecursionError:
                raise stack_overflow(loc) from None

        return call

    def arguments(self, nodes: list) -> Callable[[Scope], list]:
        if not any(a.type == "SpreadElement" for a in nodes):
            fns = [self.expr(a) for a in nodes]
            n = len(fns)
            if n == 0:
                return lambda scope: []
            consts = [constant_of(f) for f in fns]
            if MISSING not in consts:
                return lambda scope: consts.copy()  # (2), ("a", 1): literal arguments only
            if n == 1:
                f0 = fns[0]
                return lambda scope: [f0(scope)]
            if n == 2:
                f0, f1 = fns
                return lambda scope: [f0(scope), f1(scope)]
            return lambda scope: [f(scope) for f in fns]
        parts = [
            (True, self.expr(a.argument)) if a.type == "SpreadElement" else (False, self.expr(a))
            for a in nodes
        ]

        def spread_args(scope: Scope) -> list:
            out: list = []
            for spread, f in parts:
                if spread:
                    spread_into(out, f(scope))
                else:
                    out.append(f(scope))
            return out

        return spread_args

    def e_NewExpression(self, node: Any) -> Fn:
        callee = self.expr(node.callee)
        args = self.arguments(node.arguments)
        loc = _loc(node)
        text = callee_text(self.source, node.callee)

        def new(scope: Scope) -> Any:
            fn = callee(scope)
            try:
                if not isinstance(fn, JSFunction):
                    jv.type_error(f"{text} is not a constructor")
                return fn.construct(args(scope))
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return new

    # ------------------------------------------------------------------ async
    def e_AwaitExpression(self, node: Any) -> Fn:
        arg = self.expr(node.argument)
        loc = _loc(node)

        def await_(scope: Scope) -> Any:
            v = arg(scope)
            try:
                return await_value(scope.rt, v)
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return await_

    def e_YieldExpression(self, node: Any) -> Fn:
        arg = self.expr(node.argument) if node.argument is not None else None
        delegate = bool(getattr(node, "delegate", False))
        loc = _loc(node)

        def yield_(scope: Scope) -> Any:
            v = arg(scope) if arg is not None else UNDEFINED
            try:
                return yield_from(scope.rt, v) if delegate else yield_value(scope.rt, v)
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return yield_


def stack_overflow(loc: tuple[int, int]) -> JSThrow:
    exc = JSThrow(jv.JSError("RangeError", "Maximum call stack size exceeded"))
    exc.loc = loc
    return exc


def stamp_throw(raiser: Callable[[str], Any], message: str, loc: tuple[int, int]) -> None:
    try:
        raiser(message)
    except JSThrow as exc:
        stamp(exc, loc)
        raise


def jv_strings(cooked: list, raw: list) -> list:
    """The strings array of a tagged template; ``String.raw`` finds its raw twin by identity."""
    strings = list(cooked)
    register_template_raw(strings, list(raw))
    return strings


def copy_own(target: dict, src: Any) -> None:
    """Object spread: own enumerable string keys, in JavaScript's key order."""
    t = type(src)
    if t is dict:
        if any(k.isdigit() for k in src):
            for k in jv.own_keys(src):
                target[k] = src[k]
        else:
            target.update(src)
    elif t is list:
        for i, v in enumerate(src):
            target[str(i)] = v
    elif t is str:
        for i, c in enumerate(src):
            target[str(i)] = c
    elif isinstance(src, jv.JSObject):
        target.update(src.props)


def _constant(value: Any) -> Fn:
    """A closure returning ``value``, marked so that the expression using it can fold it."""

    def constant(scope: Scope) -> Any:
        return value

    constant.js_constant = value  # type: ignore[attr-defined]  # a function attribute: mypy cannot declare one
    return constant


def constant_of(fn: Fn) -> Any:
    """The value of a literal's closure (see ``_constant``), or MISSING."""
    return getattr(fn, "js_constant", MISSING)


def _template2(p0: Any, p1: Any) -> Fn:
    """A template literal of one string and one substitution (in either order)."""
    if type(p0) is str:
        def text_then_value(scope: Scope) -> str:
            v = p1(scope)
            return jv.concat_strings(p0, v if type(v) is str else to_string(v))

        return text_then_value

    def value_then_text(scope: Scope) -> str:
        v = p0(scope)
        return jv.concat_strings(v if type(v) is str else to_string(v), p1)

    return value_then_text


def _props_builder(ops: list[tuple[str, Fn, Any]]) -> Callable[[Scope], dict]:
    """A closure making a fresh dict from ``(name, closure, constant or MISSING)`` in order
    (JSX props without ``key``, object literals with static keys), unrolled for the usual
    small counts; literal-only dicts are copied from a prepared one."""
    if all(c is not MISSING for _, _, c in ops):
        static = {n: c for n, _, c in ops}
        return lambda scope: static.copy()
    if len(ops) == 1:
        (n0, f0, _), = ops
        return lambda scope: {n0: f0(scope)}
    if len(ops) == 2:
        (n0, f0, _), (n1, f1, _) = ops
        return lambda scope: {n0: f0(scope), n1: f1(scope)}
    if len(ops) == 3:
        (n0, f0, _), (n1, f1, _), (n2, f2, _) = ops
        return lambda scope: {n0: f0(scope), n1: f1(scope), n2: f2(scope)}
    pairs = [(n, f) for n, f, _ in ops]

    def build(scope: Scope) -> dict:
        p = {}
        for n, f in pairs:
            p[n] = f(scope)
        return p

    return build
