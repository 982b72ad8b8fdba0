"""ESTree statements, functions and destructuring → closures (the other half of the compiler).

Statement closures return ``None`` when control flows on, or a signal tuple
``(RETURN, value)``, ``(BREAK, label)``, ``(CONTINUE, label)`` that enclosing statements act on:
cheaper than exceptions on the hot path of every function return.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from greenlet import GreenletExit

from .. import values as jv
from ..analysis import contains_closure, lexical_names, pattern_names, var_names
from ..functions import Closure, FunctionCode, closure_class
from ..members import get_member, iterate, set_member
from ..scope import EMPTY, TDZ, Scope, assign
from ..values import UNDEFINED, JSError, JSThrow, to_boolean
from .classes import ClassCompiler, compile_class
from .expressions import Fn, _loc, stack_overflow, stamp

RETURN, BREAK, CONTINUE = 0, 1, 2
Stmt = Callable[[Scope], Any]


class Compiler(ClassCompiler):
    """The ECMAScript compiler: statements, functions and patterns, over the class, operator
    and expression compilers it extends (JSX is one layer up: ``renderer.react.jsx``)."""

    def __init__(self, source: str, name: str) -> None:
        self.source = source
        self.name = name

    # ------------------------------------------------------------------ program
    def program(self, node: Any) -> Callable[[Scope], Any]:
        body = node.body
        hoisted_vars = var_names(body)
        names, consts = lexical_names(body)
        const_set = frozenset(consts)
        run = self.block_body(body, track=True)

        def program(scope: Scope) -> Any:
            g = scope.parent.vars if scope.parent is not None else scope.vars
            for n in hoisted_vars:
                if n not in g:
                    g[n] = UNDEFINED
            for n in names:
                scope.vars[n] = TDZ
            if const_set:
                scope.consts = scope.consts | const_set
            r = run(scope)
            if r is not None and r[0] == RETURN:
                return r[1]
            return scope.rt.completion

        return program

    # ------------------------------------------------------------------ functions
    def function(self, node: Any, name: str = "") -> Fn:
        code = self.function_code(node, name)

        cls = closure_class(code)

        def make(scope: Scope) -> Closure:
            return cls(code, scope)

        return make

    def function_code(self, node: Any, name: str = "") -> FunctionCode:
        fname = node.id.name if getattr(node, "id", None) is not None else name
        params = node.params
        is_arrow = node.type == "ArrowFunctionExpression"
        loc = _loc(node)
        length = 0
        for p in params:
            if p.type in ("AssignmentPattern", "RestElement"):
                break
            length += 1
        bind = self.params(params)
        if getattr(node, "expression", False) and node.body.type != "BlockStatement":
            run = self.expr(node.body)  # a concise body: its value is the return value
        else:
            stmts = node.body.body
            hoisted = var_names(stmts)
            body = self.block_body(stmts, track=False)
            if hoisted:
                def run_block(scope: Scope) -> Any:
                    vs = scope.vars
                    for n in hoisted:
                        if n not in vs:
                            vs[n] = UNDEFINED
                    r = body(scope)
                    if r is not None and r[0] == RETURN:
                        return r[1]
                    return UNDEFINED
            else:
                def run_block(scope: Scope) -> Any:
                    r = body(scope)
                    if r is not None and r[0] == RETURN:
                        return r[1]
                    return UNDEFINED

            run = run_block
        is_async = bool(getattr(node, "isAsync", False) or getattr(node, "async", False))
        code = FunctionCode(fname, length, is_arrow, is_async, bind, run, loc)
        if getattr(node, "generator", False):
            if is_async:
                raise self.error(node, "kview does not support async generator functions yet")
            code.is_generator = True
        if node.type == "FunctionExpression" and getattr(node, "id", None) is not None:
            code.self_name = fname  # a named function expression sees its own name
        if is_arrow and all(p.type == "Identifier" for p in params):
            code.arrow_names = tuple(p.name for p in params)
        return code

    def params(self, params: list) -> Callable[[Scope, list], None]:
        if all(p.type == "Identifier" for p in params):
            names = [p.name for p in params]
            n = len(names)

            def bind_simple(scope: Scope, args: list) -> None:
                vs = scope.vars
                na = len(args)
                for i in range(n):
                    vs[names[i]] = args[i] if i < na else UNDEFINED

            return bind_simple
        binders: list[tuple[str, Any]] = []
        for p in params:
            if p.type == "RestElement":
                binders.append(("rest", self.pattern(p.argument, "let")))
            else:
                binders.append(("one", self.pattern(p, "let")))

        def bind(scope: Scope, args: list) -> None:
            for i, (kind, b) in enumerate(binders):
                if kind == "rest":
                    b(scope, list(args[i:]))
                else:
                    b(scope, args[i] if i < len(args) else UNDEFINED)

        return bind

    def e_FunctionExpression(self, node: Any) -> Fn:
        return self.function(node)

    def e_ArrowFunctionExpression(self, node: Any) -> Fn:
        return self.function(node)

    # ------------------------------------------------------------------ patterns
    def pattern(self, p: Any, mode: str) -> Callable[[Scope, Any], None]:
        """A binder ``(scope, value)``; ``mode`` is 'let'/'const'/'var' (declare) or 'assign'."""
        t = p.type
        loc = _loc(p)
        if t == "Identifier":
            name = p.name
            if mode == "assign":
                return lambda scope, v: assign(scope, name, v)
            if mode == "var":
                def bind_var(scope: Scope, v: Any) -> None:
                    s: Scope | None = scope
                    while s is not None and name not in s.vars:
                        s = s.parent
                    (s or scope).vars[name] = v

                return bind_var

            def bind_name(scope: Scope, v: Any) -> None:
                scope.vars[name] = v

            return bind_name
        if t == "MemberExpression" and mode == "assign":
            obj = self.expr(p.object)
            key = self.member_key(p)
            return lambda scope, v: set_member(obj(scope), key(scope), v)
        if t == "AssignmentPattern":
            inner = self.pattern(p.left, mode)
            if p.right.type in ("FunctionExpression", "ArrowFunctionExpression") and p.left.type == "Identifier":
                default = self.function(p.right, name=p.left.name)
            else:
                default = self.expr(p.right)

            def bind_default(scope: Scope, v: Any) -> None:
                inner(scope, default(scope) if v is UNDEFINED else v)

            return bind_default
        if t == "ObjectPattern":
            entries: list[tuple[str, Any, Any]] = []
            rest = None
            for prop in p.properties:
                if prop.type == "RestElement":
                    rest = self.pattern(prop.argument, mode)
                    continue
                if prop.computed:
                    entries.append(("computed", self.expr(prop.key), self.pattern(prop.value, mode)))
                else:
                    k = prop.key
                    static_key = k.name if k.type == "Identifier" else jv.to_property_key(
                        float(k.value) if isinstance(k.value, (int, float)) and not isinstance(k.value, bool) else k.value
                    )
                    entries.append(("static", static_key, self.pattern(prop.value, mode)))

            def bind_object(scope: Scope, v: Any) -> None:
                if v is None or v is UNDEFINED:
                    first = entries[0][1] if entries and entries[0][0] == "static" else None
                    what = "null" if v is None else "undefined"
                    msg = (
                        f"Cannot destructure property '{first}' of '{what}' as it is {what}."
                        if first
                        else f"Cannot destructure '{what}' as it is {what}."
                    )
                    exc = JSThrow(JSError("TypeError", msg), loc)
                    raise exc
                used: list[str] = []
                for kind, key, binder in entries:
                    k = key if kind == "static" else jv.to_property_key(key(scope))
                    used.append(k)
                    if type(v) is dict:
                        val = v.get(k, UNDEFINED)
                    else:
                        val = get_member(v, k)
                    binder(scope, val)
                if rest is not None:
                    out: dict = {}
                    if type(v) is dict:
                        for k in jv.own_keys(v):
                            if k not in used:
                                out[k] = v[k]
                    rest(scope, out)

            return bind_object
        if t == "ArrayPattern":
            items: list[tuple[str, Any]] = []
            for el in p.elements:
                if el is None:
                    items.append(("hole", None))
                elif el.type == "RestElement":
                    items.append(("rest", self.pattern(el.argument, mode)))
                else:
                    items.append(("one", self.pattern(el, mode)))

            def bind_array(scope: Scope, v: Any) -> None:
                if type(v) is list:
                    seq = v
                else:
                    try:
                        seq = list(iterate(v))
                    except JSThrow:
                        raise JSThrow(
                            JSError("TypeError", f"{jv.safe_to_string(v) if v is None or v is UNDEFINED else 'object'} is not iterable"),
                            loc,
                        ) from None
                n = len(seq)
                for i, (kind, b) in enumerate(items):
                    if kind == "hole":
                        continue
                    if kind == "rest":
                        b(scope, list(seq[i:]))
                    else:
                        b(scope, seq[i] if i < n else UNDEFINED)

            return bind_array
        raise self.error(p, f"Unsupported binding pattern {t}")

    # ------------------------------------------------------------------ blocks
    def stmt(self, node: Any, track: bool) -> Stmt:
        method = getattr(self, "s_" + node.type, None)
        if method is None:
            raise self.error(node, f"kview does not support {node.type} yet")
        return method(node, track)

    def block_body(self, stmts: list, track: bool) -> Stmt:
        """Statements of a block, with function declarations hoisted to its top."""
        funcs = [s for s in stmts if s.type == "FunctionDeclaration"]
        rest = [s for s in stmts if s.type != "FunctionDeclaration"]
        decls = [(f.id.name, self.function(f)) for f in funcs]
        fns = [self.stmt(s, track) for s in rest]

        def body(scope: Scope) -> Any:
            vs = scope.vars
            for name, make in decls:
                vs[name] = make(scope)
            for f in fns:
                r = f(scope)
                if r is not None:
                    return r
            return None

        if not decls:
            if len(fns) == 1:
                return fns[0]

            def body_nodecl(scope: Scope) -> Any:
                for f in fns:
                    r = f(scope)
                    if r is not None:
                        return r
                return None

            return body_nodecl
        return body

    def scoped_block(self, stmts: list, track: bool) -> Stmt:
        names, consts = lexical_names(stmts)
        funcs = [s.id.name for s in stmts if s.type == "FunctionDeclaration"]
        body = self.block_body(stmts, track)
        if not names and not funcs:
            return body
        const_set = frozenset(consts)
        tdz = dict.fromkeys(names, TDZ)

        def block(scope: Scope) -> Any:
            return body(Scope(dict(tdz), scope, const_set, scope.rt))

        return block

    def s_Program(self, node: Any, track: bool) -> Stmt:  # pragma: no cover - via program()
        return self.block_body(node.body, track)

    def s_BlockStatement(self, node: Any, track: bool) -> Stmt:
        return self.scoped_block(node.body, track)

    def s_EmptyStatement(self, node: Any, track: bool) -> Stmt:
        return lambda scope: None

    def s_DebuggerStatement(self, node: Any, track: bool) -> Stmt:
        return lambda scope: None

    def s_ExpressionStatement(self, node: Any, track: bool) -> Stmt:
        expr = self.expr(node.expression)
        loc = _loc(node)
        if track:
            def tracked(scope: Scope) -> None:
                rt = scope.rt
                rt.loc = loc
                rt.completion = expr(scope)

            return tracked

        def statement(scope: Scope) -> None:
            expr(scope)

        return statement

    def s_VariableDeclaration(self, node: Any, track: bool) -> Stmt:
        kind = node.kind
        ops: list[tuple[Any, Any]] = []
        for d in node.declarations:
            binder = self.pattern(d.id, kind)
            if d.init is None:
                init = None if kind == "var" else (lambda scope: UNDEFINED)
            elif d.init.type in ("FunctionExpression", "ArrowFunctionExpression") and d.id.type == "Identifier" and not getattr(d.init, "id", None):
                init = self.function(d.init, name=d.id.name)
            else:
                init = self.expr(d.init)
            ops.append((binder, init))
        loc = _loc(node)
        if len(ops) == 1 and ops[0][1] is not None and node.declarations[0].id.type == "Identifier" and kind != "var":
            name = node.declarations[0].id.name
            init0 = ops[0][1]

            def declare_one(scope: Scope) -> None:
                scope.vars[name] = init0(scope)

            return declare_one

        def declare(scope: Scope) -> None:
            for binder, init in ops:
                if init is None:
                    continue
                try:
                    binder(scope, init(scope))
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise

        return declare

    def s_FunctionDeclaration(self, node: Any, track: bool) -> Stmt:  # hoisted by block_body
        return lambda scope: None

    def s_ClassDeclaration(self, node: Any, track: bool) -> Stmt:
        make = compile_class(self, node)
        name = node.id.name
        loc = _loc(node)

        def declare_class(scope: Scope) -> None:
            try:
                scope.vars[name] = make(scope)
            except JSThrow as exc:
                stamp(exc, loc)
                raise

        return declare_class

    def s_ReturnStatement(self, node: Any, track: bool) -> Stmt:
        if node.argument is None:
            signal = (RETURN, UNDEFINED)
            return lambda scope: signal
        arg = self.expr(node.argument)
        return lambda scope: (RETURN, arg(scope))

    def s_IfStatement(self, node: Any, track: bool) -> Stmt:
        test = self.expr(node.test)
        yes = self.stmt(node.consequent, track)
        no = self.stmt(node.alternate, track) if node.alternate is not None else None
        if no is None:
            def if_(scope: Scope) -> Any:
                if to_boolean(test(scope)):
                    return yes(scope)
                return None

            return if_

        def if_else(scope: Scope) -> Any:
            if to_boolean(test(scope)):
                return yes(scope)
            return no(scope)

        return if_else

    def s_ThrowStatement(self, node: Any, track: bool) -> Stmt:
        arg = self.expr(node.argument)
        loc = _loc(node)

        def throw(scope: Scope) -> None:
            raise JSThrow(arg(scope), loc)

        return throw

    def s_TryStatement(self, node: Any, track: bool) -> Stmt:
        block = self.stmt(node.block, track)
        handler = node.handler
        run_catch: Callable[[Scope, Any], Any] | None = None
        if handler is not None:
            catch_body = self.scoped_block(handler.body.body, track)
            catch_bind = self.pattern(handler.param, "let") if handler.param is not None else None

            def catch(scope: Scope, value: Any) -> Any:
                cscope = Scope({}, scope, EMPTY, scope.rt)
                if catch_bind is not None:
                    catch_bind(cscope, value)
                return catch_body(cscope)

            run_catch = catch
        final = self.stmt(node.finalizer, track) if node.finalizer is not None else None

        def try_(scope: Scope) -> Any:
            rt = scope.rt
            depth = rt.depth
            try:
                r = block(scope)
            except JSThrow as exc:
                if getattr(exc, "budget", False):
                    raise  # budgets are not catchable: a runaway loop must stop
                rt.depth = depth
                if run_catch is None:
                    if final is not None:
                        fr = final(scope)
                        if fr is not None:
                            return fr
                    raise
                try:
                    r = run_catch(scope, exc.value)
                except JSThrow:
                    if final is not None:
                        fr = final(scope)
                        if fr is not None:
                            return fr
                    raise
            except RecursionError:
                rt.depth = depth
                exc2 = stack_overflow(_loc(node))
                if run_catch is None:
                    raise exc2 from None
                r = run_catch(scope, exc2.value)
            except GreenletExit:
                raise
            if final is not None:
                completion = rt.completion
                fr = final(scope)
                if fr is not None:
                    return fr
                rt.completion = completion  # a normal finally does not change the completion value
            return r

        return try_

    def s_LabeledStatement(self, node: Any, track: bool) -> Stmt:
        label = node.label.name
        body = self.stmt(node.body, track, ) if node.body.type not in (
            "ForStatement", "ForOfStatement", "ForInStatement", "WhileStatement", "DoWhileStatement"
        ) else self.loop(node.body, track, label)

        def labeled(scope: Scope) -> Any:
            r = body(scope)
            if r is not None and r[0] == BREAK and r[1] == label:
                return None
            return r

        return labeled

    def s_BreakStatement(self, node: Any, track: bool) -> Stmt:
        signal = (BREAK, node.label.name if node.label else None)
        return lambda scope: signal

    def s_ContinueStatement(self, node: Any, track: bool) -> Stmt:
        signal = (CONTINUE, node.label.name if node.label else None)
        return lambda scope: signal

    # ------------------------------------------------------------------ loops
    def s_WhileStatement(self, node: Any, track: bool) -> Stmt:
        return self.loop(node, track, None)

    s_DoWhileStatement = s_WhileStatement
    s_ForStatement = s_WhileStatement
    s_ForOfStatement = s_WhileStatement
    s_ForInStatement = s_WhileStatement

    def loop(self, node: Any, track: bool, label: str | None) -> Stmt:
        t = node.type
        body = self.stmt(node.body, track)

        def outcome(r: Any) -> tuple[bool, Any]:
            """(stop, value to return) for a body signal."""
            kind, payload = r
            if kind == BREAK:
                if payload is None or payload == label:
                    return True, None
                return True, r
            if kind == CONTINUE:
                if payload is None or payload == label:
                    return False, None
                return True, r
            return True, r

        if t in ("WhileStatement", "DoWhileStatement"):
            test = self.expr(node.test)
            first_free = t == "DoWhileStatement"
            loc = _loc(node)

            def while_(scope: Scope) -> Any:
                rt = scope.rt
                skip_test = first_free
                while skip_test or to_boolean(test(scope)):
                    skip_test = False
                    try:
                        rt.tick()
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise
                    r = body(scope)
                    if r is not None:
                        stop, value = outcome(r)
                        if stop:
                            return value
                return None

            return while_
        if t == "ForStatement":
            init = node.init
            names: list[str] = []
            consts: list[str] = []
            init_fn: Any = None
            if init is not None:
                if init.type == "VariableDeclaration":
                    init_fn = self.s_VariableDeclaration(init, False)
                    if init.kind != "var":
                        for d in init.declarations:
                            names.extend(pattern_names(d.id))
                        if init.kind == "const":
                            consts = list(names)
                else:
                    e = self.expr(init)
                    init_fn = lambda scope: e(scope)  # noqa: E731
            cond = self.expr(node.test) if node.test is not None else None
            update = self.expr(node.update) if node.update is not None else None
            per_iteration = bool(names) and contains_closure(node.body)
            loc = _loc(node)
            const_set = frozenset(consts)

            def for_(scope: Scope) -> Any:
                rt = scope.rt
                loop_scope = Scope(dict.fromkeys(names, TDZ), scope, const_set, rt) if names else scope
                if init_fn is not None:
                    init_fn(loop_scope)
                while True:
                    if cond is not None and not to_boolean(cond(loop_scope)):
                        return None
                    try:
                        rt.tick()
                    except JSThrow as exc:
                        stamp(exc, loc)
                        raise
                    r = body(loop_scope)
                    if r is not None:
                        stop, value = outcome(r)
                        if stop:
                            return value
                    if per_iteration:
                        loop_scope = Scope(dict(loop_scope.vars), scope, const_set, rt)
                    if update is not None:
                        update(loop_scope)

            return for_
        # for…of / for…in
        left = node.left
        if left.type == "VariableDeclaration":
            decl = left.declarations[0].id
            mode = left.kind
            binder = self.pattern(decl, "let" if mode != "var" else "var")
            fresh = mode != "var"
            const_set = frozenset(pattern_names(decl)) if mode == "const" else EMPTY
        else:
            binder = self.pattern(left, "assign")
            fresh = False
            const_set = EMPTY
        right = self.expr(node.right)
        loc = _loc(node)
        is_of = t == "ForOfStatement"

        def for_each(scope: Scope) -> Any:
            rt = scope.rt
            subject = right(scope)
            try:
                if is_of:
                    items = iterate(subject)
                else:
                    items = iter(for_in_keys(subject))
            except JSThrow as exc:
                stamp(exc, loc)
                raise
            for item in items:
                try:
                    rt.tick()
                except JSThrow as exc:
                    stamp(exc, loc)
                    raise
                s = Scope({}, scope, const_set, rt) if fresh else scope
                binder(s, item)
                r = body(s)
                if r is not None:
                    stop, value = outcome(r)
                    if stop:
                        return value
            return None

        return for_each

    def s_SwitchStatement(self, node: Any, track: bool) -> Stmt:
        disc = self.expr(node.discriminant)
        cases = []
        all_stmts = []
        for c in node.cases:
            all_stmts.extend(c.consequent)
        names, consts = lexical_names(all_stmts)
        const_set = frozenset(consts)
        for c in node.cases:
            test = self.expr(c.test) if c.test is not None else None
            cases.append((test, self.block_body(c.consequent, track)))

        def switch(scope: Scope) -> Any:
            v = disc(scope)
            s = Scope(dict.fromkeys(names, TDZ), scope, const_set, scope.rt) if names else scope
            start = None
            for i, (test, _) in enumerate(cases):
                if test is not None and jv.strict_equals(v, test(s)):
                    start = i
                    break
            if start is None:
                for i, (test, _) in enumerate(cases):
                    if test is None:
                        start = i
                        break
            if start is None:
                return None
            for _, run in cases[start:]:
                r = run(s)
                if r is not None:
                    if r[0] == BREAK and r[1] is None:
                        return None
                    return r
            return None

        return switch


def for_in_keys(v: Any) -> list[str]:
    if v is None or v is UNDEFINED:
        return []
    if type(v) is dict:
        return jv.own_keys(v)
    if type(v) is list or type(v) is str:
        return [str(i) for i in range(len(v))]
    if isinstance(v, jv.JSObject):
        return list(v.props)
    if isinstance(v, dict):
        return list(v)
    return []


__all__ = ["BREAK", "CONTINUE", "Compiler", "RETURN"]
