"""ESTree → Python closures, once per template version: expressions and JSX.

Each ESTree node becomes one closure ``(scope) -> value`` chosen from a dispatch table on
``node.type`` (Jinja's visitor). Statements and functions live in ``statements.py``; both
mix into ``Compiler``. Closures that can fail capture their ``(line, column)`` and stamp it on
the JavaScript error that passes through them, so every runtime error points at the template.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from . import jsvalues as jv
from .errors import TemplateSyntaxError
from .jsvalues import (
    UNDEFINED,
    JSFunction,
    JSNamespace,
    JSThrow,
    js_add,
    loose_equals,
    strict_equals,
    to_boolean,
    to_int32,
    to_number,
    to_property_key,
    to_string,
    to_uint32,
    typeof,
)
from .members import PROTOS, delete_member, get_member, has_property, iterate, set_member
from .members import _blocked as blocked_key
from .parse import decode_entities, jsx_text
from .scope import MISSING, TDZ, Scope, assign, lookup, lookup_or_missing, reference_error
from .vnode import FRAGMENT, VNode

Fn = Callable[[Scope], Any]

# The method tables get_member consults for primitives (the same dicts, filled in place by
# renderer/builtins): a method call on a primitive finds its method here without the gate's
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


def _num_op(op: Callable[[float, float], Any]) -> Callable[[Any, Any], Any]:
    def run(a: Any, b: Any) -> Any:
        return op(to_number(a), to_number(b))

    return run


def _sub(a: Any, b: Any) -> float:
    if type(a) is float and type(b) is float:
        return a - b
    return to_number(a) - to_number(b)


def _mul(a: Any, b: Any) -> float:
    if type(a) is not float or type(b) is not float:
        a, b = to_number(a), to_number(b)
    try:
        return a * b
    except OverflowError:  # pragma: no cover - floats saturate
        return math.inf


def _instanceof(a: Any, b: Any) -> bool:
    if not isinstance(b, JSFunction):
        jv.type_error("Right-hand side of 'instanceof' is not callable")
    from .builtins.instance import instance_of

    return instance_of(a, b)


def _shift(op: str) -> Callable[[Any, Any], float]:
    def run(a: Any, b: Any) -> float:
        n = to_uint32(b) & 31
        if op == "<<":
            return float(to_int32(float(to_int32(a) << n & 0xFFFFFFFF)))
        if op == ">>":
            return float(to_int32(a) >> n)
        return float(to_uint32(a) >> n)

    return run


BINARY: dict[str, Callable[[Any, Any], Any]] = {
    "+": js_add,
    "-": _sub,
    "*": _mul,
    "/": _num_op(jv.js_div),
    "%": _num_op(jv.js_mod),
    "**": _num_op(jv.js_pow),
    "==": loose_equals,
    "!=": lambda a, b: not loose_equals(a, b),
    "===": strict_equals,
    "!==": lambda a, b: not strict_equals(a, b),
    "<": jv.js_lt,
    ">": jv.js_gt,
    "<=": jv.js_le,
    ">=": jv.js_ge,
    "&": lambda a, b: float(to_int32(float(to_int32(a) & to_int32(b)))),
    "|": lambda a, b: float(to_int32(float((to_int32(a) | to_int32(b)) & 0xFFFFFFFF))),
    "^": lambda a, b: float(to_int32(float((to_int32(a) ^ to_int32(b)) & 0xFFFFFFFF))),
    "<<": _shift("<<"),
    ">>": _shift(">>"),
    ">>>": _shift(">>>"),
    "in": lambda a, b: has_property(b, a),
    "instanceof": _instanceof,
}


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
    """The expression half of the compiler (see ``Compiler`` in statements.py)."""

    source: str
    name: str

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
            from .builtins.regexp import make_regexp

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
            for p in parts:
                if type(p) is str:
                    out.append(p)
                else:
                    v = p(scope)
                    out.append(v if type(v) is str else to_string(v))
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
            fns = [f for _, f in items]
            return lambda scope: [f(scope) for f in fns]  # type: ignore[misc]
        loc = _loc(node)

        def array(scope: Scope) -> list:
            out: list = []
            for spread, f in items:
                if f is None:
                    out.append(UNDEFINED)
                elif spread:
                    try:
                        out.extend(iterate(f(scope)))
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
            return _props_builder([(k, v, constant_of(v)) for _, k, v in ops])
        loc = _loc(node)

        def obj(scope: Scope) -> dict:
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

    # ------------------------------------------------------------------ operators
    def e_UnaryExpression(self, node: Any) -> Fn:
        op = node.operator
        arg_node = node.argument
        loc = _loc(node)
        if op == "typeof" and arg_node.type == "Identifier":
            name = arg_node.name

            def typeof_ident(scope: Scope) -> str:
                v = lookup_or_missing(scope, name)
                if v is TDZ:
                    try:
                        reference_error(f"Cannot access '{name}' before initialization")
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise
                return "undefined" if v is MISSING else typeof(v)

            return typeof_ident
        if op == "delete":
            return self.delete(node)
        arg = self.expr(arg_node)
        if op == "!":
            return lambda scope: not to_boolean(arg(scope))
        if op == "-":
            def neg(scope: Scope) -> float:
                v = arg(scope)
                return -(v if type(v) is float else to_number(v))

            return neg
        if op == "+":
            return lambda scope: to_number(arg(scope))
        if op == "typeof":
            return lambda scope: typeof(arg(scope))
        if op == "void":
            def void(scope: Scope) -> Any:
                arg(scope)
                return UNDEFINED

            return void
        if op == "~":
            return lambda scope: float(~to_int32(arg(scope)))
        raise self.error(node, f"Unsupported unary operator {op}")

    def delete(self, node: Any) -> Fn:
        target = node.argument
        if target.type == "ChainExpression":
            target = target.expression
        if target.type != "MemberExpression":
            return lambda scope: True
        obj = self.expr(target.object)
        key = self.member_key(target)
        loc = _loc(node)

        def delete(scope: Scope) -> bool:
            try:
                return delete_member(obj(scope), key(scope))
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return delete

    def e_BinaryExpression(self, node: Any) -> Fn:
        op = node.operator
        left = self.expr(node.left)
        right = self.expr(node.right)
        loc = _loc(node)
        if op == "+":
            def add(scope: Scope) -> Any:
                a = left(scope)
                b = right(scope)
                ta = type(a)
                if ta is type(b) and (ta is float or ta is str):
                    return a + b
                try:
                    return js_add(a, b)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise

            return add
        if op in ("===", "!=="):
            if constant_of(right) is not MISSING:
                return _strict_equals_constant(left, constant_of(right), op == "!==")
            if constant_of(left) is not MISSING:  # a literal has no side effects to order
                return _strict_equals_constant(right, constant_of(left), op == "!==")
        if op == "===":
            def seq(scope: Scope) -> bool:
                a = left(scope)
                b = right(scope)
                ta = type(a)
                if ta is type(b) and (ta is str or ta is float or ta is bool):
                    return a == b
                return strict_equals(a, b)

            return seq
        if op == "!==":
            def sne(scope: Scope) -> bool:
                a = left(scope)
                b = right(scope)
                ta = type(a)
                if ta is type(b) and (ta is str or ta is float or ta is bool):
                    return a != b
                return not strict_equals(a, b)

            return sne
        if op in ("<", ">", "<=", ">="):
            slow = BINARY[op]
            import operator as _op

            fast = {"<": _op.lt, ">": _op.gt, "<=": _op.le, ">=": _op.ge}[op]
            c = constant_of(right)
            if type(c) is float:
                def compare_number(scope: Scope) -> bool:
                    a = left(scope)
                    if type(a) is float:
                        return fast(a, c)
                    try:
                        return slow(a, c)
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise

                return compare_number

            def compare(scope: Scope) -> bool:
                a = left(scope)
                b = right(scope)
                if type(a) is float and type(b) is float:
                    return fast(a, b)
                try:
                    return slow(a, b)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise

            return compare
        fn = BINARY.get(op)
        if fn is None:
            raise self.error(node, f"Unsupported operator {op}")
        numeric = {"/": jv.js_div, "%": jv.js_mod, "**": jv.js_pow}.get(op)
        if numeric is not None:
            def arithmetic(scope: Scope) -> Any:
                a = left(scope)
                b = right(scope)
                if type(a) is float and type(b) is float:  # no ToNumber needed (i % 2)
                    return numeric(a, b)
                try:
                    return fn(a, b)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise

            return arithmetic

        def binary(scope: Scope) -> Any:
            a = left(scope)
            b = right(scope)
            try:
                return fn(a, b)
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return binary

    def e_LogicalExpression(self, node: Any) -> Fn:
        left = self.expr(node.left)
        right = self.expr(node.right)
        op = node.operator
        if op == "&&":
            def and_(scope: Scope) -> Any:
                v = left(scope)
                return right(scope) if v is True or (v is not False and to_boolean(v)) else v

            return and_
        if op == "||":
            def or_(scope: Scope) -> Any:
                v = left(scope)
                return v if v is True or (v is not False and to_boolean(v)) else right(scope)

            return or_

        def nullish(scope: Scope) -> Any:
            v = left(scope)
            return right(scope) if v is None or v is UNDEFINED else v

        return nullish

    def e_ConditionalExpression(self, node: Any) -> Fn:
        test = self.expr(node.test)
        yes = self.expr(node.consequent)
        no = self.expr(node.alternate)

        def conditional(scope: Scope) -> Any:
            v = test(scope)
            return yes(scope) if v is True or (v is not False and to_boolean(v)) else no(scope)

        return conditional

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
        from .classes import super_member

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
        from .classes import super_call

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
                    out.extend(iterate(f(scope)))
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

    # ------------------------------------------------------------------ assignment
    def e_AssignmentExpression(self, node: Any) -> Fn:
        op = node.operator
        target = node.left
        loc = _loc(node)
        if target.type in ("ObjectPattern", "ArrayPattern"):
            binder = self.pattern(target, "assign")
            value = self.expr(node.right)

            def destructure(scope: Scope) -> Any:
                v = value(scope)
                try:
                    binder(scope, v)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise
                return v

            return destructure
        if target.type == "Identifier":
            name = target.name
            if op == "=":
                if node.right.type in ("FunctionExpression", "ArrowFunctionExpression", "ClassExpression") and not getattr(node.right, "id", None):
                    value = self.function(node.right, name=name) if node.right.type != "ClassExpression" else self.expr(node.right)
                else:
                    value = self.expr(node.right)

                def assign_ident(scope: Scope) -> Any:
                    v = value(scope)
                    s: Scope | None = scope
                    while s is not None:
                        vs = s.vars
                        if name in vs and vs[name] is not TDZ and name not in s.consts:
                            vs[name] = v
                            return v
                        if name in vs:
                            break
                        s = s.parent
                    try:
                        assign(scope, name, v)
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise
                    return v

                return assign_ident
            read = self.e_Identifier(target)
            value = self.expr(node.right)
            if op in ("&&=", "||=", "??="):
                def logical_assign(scope: Scope) -> Any:
                    cur = read(scope)
                    if op == "&&=" and not to_boolean(cur):
                        return cur
                    if op == "||=" and to_boolean(cur):
                        return cur
                    if op == "??=" and cur is not None and cur is not UNDEFINED:
                        return cur
                    v = value(scope)
                    assign(scope, name, v)
                    return v

                return logical_assign
            fn = BINARY[op[:-1]]

            def compound_ident(scope: Scope) -> Any:
                try:
                    v = fn(read(scope), value(scope))
                    assign(scope, name, v)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise
                return v

            return compound_ident
        if target.type == "MemberExpression":
            obj = self.expr(target.object)
            key = self.member_key(target)
            value = self.expr(node.right)
            if op == "=":
                def assign_member(scope: Scope) -> Any:
                    o = obj(scope)
                    k = key(scope)
                    v = value(scope)
                    try:
                        set_member(o, k, v)
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise
                    return v

                return assign_member
            logical = op in ("&&=", "||=", "??=")
            fn = None if logical else BINARY[op[:-1]]

            def compound_member(scope: Scope) -> Any:
                o = obj(scope)
                k = key(scope)
                try:
                    cur = get_member(o, k)
                    if logical:
                        if op == "&&=" and not to_boolean(cur):
                            return cur
                        if op == "||=" and to_boolean(cur):
                            return cur
                        if op == "??=" and cur is not None and cur is not UNDEFINED:
                            return cur
                        v = value(scope)
                    else:
                        v = fn(cur, value(scope))  # type: ignore[misc]
                    set_member(o, k, v)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise
                return v

            return compound_member
        raise self.error(node, "Invalid left-hand side in assignment")

    def e_UpdateExpression(self, node: Any) -> Fn:
        delta = 1.0 if node.operator == "++" else -1.0
        prefix = node.prefix
        target = node.argument
        loc = _loc(node)
        if target.type == "Identifier":
            name = target.name
            read = self.e_Identifier(target)

            def update_ident(scope: Scope) -> float:
                old = read(scope)
                old = old if type(old) is float else to_number(old)
                new = old + delta
                try:
                    assign(scope, name, new)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise
                return new if prefix else old

            return update_ident
        if target.type == "MemberExpression":
            obj = self.expr(target.object)
            key = self.member_key(target)

            def update_member(scope: Scope) -> float:
                o = obj(scope)
                k = key(scope)
                try:
                    old = to_number(get_member(o, k))
                    new = old + delta
                    set_member(o, k, new)
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise
                return new if prefix else old

            return update_member
        raise self.error(node, "Invalid left-hand side expression in postfix operation")

    # ------------------------------------------------------------------ async
    def e_AwaitExpression(self, node: Any) -> Fn:
        from .asyncio_js import await_value

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

    # ------------------------------------------------------------------ JSX
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

        def element(scope: Scope) -> VNode:
            t = static_type if static_type is not None else type_fn(scope)  # type: ignore[operator]
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
    from .builtins.string import register_template_raw

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

    constant.js_constant = value  # type: ignore[attr-defined]
    return constant


def constant_of(fn: Fn) -> Any:
    """The value of a literal's closure (see ``_constant``), or MISSING."""
    return getattr(fn, "js_constant", MISSING)


def _strict_equals_constant(left: Fn, c: Any, negate: bool) -> Fn:
    """``x === c`` (``!==`` when ``negate``) for a literal ``c``: a literal string, number or
    boolean equals only a value of its own type (NaN never, 0 and -0 do, as ``==`` in Python)."""
    if c is None or c is UNDEFINED:
        if negate:
            return lambda scope: left(scope) is not c
        return lambda scope: left(scope) is c
    tc = type(c)
    if negate:
        def strict_ne(scope: Scope) -> bool:
            a = left(scope)
            return type(a) is not tc or a != c

        return strict_ne

    def strict_eq(scope: Scope) -> bool:
        a = left(scope)
        return type(a) is tc and a == c

    return strict_eq


def _template2(p0: Any, p1: Any) -> Fn:
    """A template literal of one string and one substitution (in either order)."""
    if type(p0) is str:
        def text_then_value(scope: Scope) -> str:
            v = p1(scope)
            return p0 + (v if type(v) is str else to_string(v))

        return text_then_value

    def value_then_text(scope: Scope) -> str:
        v = p0(scope)
        return (v if type(v) is str else to_string(v)) + p1

    return value_then_text


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


def unknown_component(rt: Any, name: str, loc: tuple[int, int]) -> Any:
    """A capitalized JSX name that is not defined: a placeholder plus a warning."""
    from .components.unknown import placeholder_for

    return placeholder_for(rt, name, loc)
