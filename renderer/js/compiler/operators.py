"""ESTree operator expressions → closures: unary, binary, logical, conditional, assignment, update.

``OperatorCompiler`` extends ``ExpressionCompiler`` (``expressions.py``) and is extended by the
class and statement compilers; ``BINARY`` maps each binary
operator to its JavaScript semantics.
"""

from __future__ import annotations

import math
import operator as _op
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .. import values as jv
from ..builtins.instance import instance_of
from ..members import delete_member, get_member, has_property, set_member
from ..scope import MISSING, TDZ, Scope, assign, lookup_or_missing, reference_error
from ..values import (
    UNDEFINED,
    JSFunction,
    JSThrow,
    js_add,
    loose_equals,
    strict_equals,
    to_boolean,
    to_int32,
    to_number,
    to_uint32,
    typeof,
)
from .expressions import ExpressionCompiler, Fn, _loc, constant_of, stamp

if TYPE_CHECKING:
    pass


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


class OperatorCompiler(ExpressionCompiler):
    """Operators, over the expression compiler (classes and statements extend this)."""

    if TYPE_CHECKING:  # provided by Compiler (statements.py)
        def pattern(self, p: Any, mode: str) -> Callable[[Scope, Any], None]: ...

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
                if type(a) is float and type(b) is float:
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
            if op in ("&&=", "||=", "??="):
                def logical_member(scope: Scope) -> Any:
                    o = obj(scope)
                    k = key(scope)
                    try:
                        cur = get_member(o, k)
                        if op == "&&=" and not to_boolean(cur):
                            return cur
                        if op == "||=" and to_boolean(cur):
                            return cur
                        if op == "??=" and cur is not None and cur is not UNDEFINED:
                            return cur
                        v = value(scope)
                        set_member(o, k, v)
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise
                    return v

                return logical_member
            fn = BINARY[op[:-1]]

            def compound_member(scope: Scope) -> Any:
                o = obj(scope)
                k = key(scope)
                try:
                    v = fn(get_member(o, k), value(scope))
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
