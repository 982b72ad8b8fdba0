"""Scope analysis of ESTree programs: what a body declares, and which globals a template reads.

One analysis for two users: the compiler asks what each body hoists (``var_names``,
``lexical_names``), and mock-data generation asks which globals a template uses
(``free_globals``: the identifiers it reads but never declares in any enclosing scope, with
``var``/function hoisting, block scopes, parameters, catch clauses, classes and JSX names).
"""

from __future__ import annotations

from typing import Any


def var_scoped_names(stmts: list) -> tuple[list[str], list[str]]:
    """What a function body declares anywhere in it, not in nested functions: ``var`` names and
    the names of function declarations (at any block depth)."""
    out: list[str] = []
    functions: list[str] = []

    def visit(node: Any) -> None:
        if node is None:
            return
        t = node.type
        if t == "VariableDeclaration":
            if node.kind == "var":
                for d in node.declarations:
                    out.extend(pattern_names(d.id))
            return
        if t == "FunctionDeclaration":
            if node.id is not None:
                functions.append(node.id.name)
            return
        if t in ("FunctionExpression", "ArrowFunctionExpression", "ClassDeclaration"):
            return
        for key in ("body", "consequent", "alternate", "block", "handler", "finalizer", "init", "left", "cases"):
            child = getattr(node, key, None)
            if child is None:
                continue
            if isinstance(child, list):
                for c in child:
                    visit(c)
            elif hasattr(child, "type"):
                visit(child)

    for s in stmts:
        visit(s)
    return list(dict.fromkeys(out)), functions


def var_names(stmts: list) -> list[str]:
    """Names declared with ``var`` anywhere in a function body (not in nested functions)."""
    return var_scoped_names(stmts)[0]


def pattern_names(p: Any) -> list[str]:
    """Names bound by a binding pattern (``a``, ``{a, b: [c]}``, ``...rest``, ``x = 1``)."""
    t = p.type
    if t == "Identifier":
        return [p.name]
    if t == "ObjectPattern":
        out: list[str] = []
        for prop in p.properties:
            out.extend(pattern_names(prop.argument if prop.type == "RestElement" else prop.value))
        return out
    if t == "ArrayPattern":
        out = []
        for el in p.elements:
            if el is not None:
                out.extend(pattern_names(el))
        return out
    if t == "AssignmentPattern":
        return pattern_names(p.left)
    if t == "RestElement":
        return pattern_names(p.argument)
    return []


def lexical_names(stmts: list) -> tuple[list[str], list[str]]:
    """``let``/``const``/class names declared directly in a block: (all, consts)."""
    names: list[str] = []
    consts: list[str] = []
    for s in stmts:
        if s.type == "VariableDeclaration" and s.kind in ("let", "const"):
            for d in s.declarations:
                ns = pattern_names(d.id)
                names.extend(ns)
                if s.kind == "const":
                    consts.extend(ns)
        elif s.type == "ClassDeclaration" and s.id is not None:
            names.append(s.id.name)
    return names, consts


def contains_closure(node: Any) -> bool:
    """Whether a loop body creates functions (then each iteration needs its own bindings)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, list):
            stack.extend(n)
            continue
        if not hasattr(n, "type"):
            continue
        if n.type in ("FunctionExpression", "ArrowFunctionExpression", "FunctionDeclaration"):
            return True
        for v in vars(n).values():
            if isinstance(v, list) or hasattr(v, "type"):
                stack.append(v)
    return False


_FUNCTIONS = ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression")


_NOT_CHILDREN = frozenset(("type", "loc", "range"))


def child_nodes(node: Any) -> list[Any]:
    """The ESTree nodes directly under ``node`` (any key, lists flattened), in source order.
    A list, not a generator, and no helper call per value: every walk of a tree goes through here."""
    # a node is what has a string ``type``: esprima's objects answer None for any missing
    # attribute, so the value is tested, not hasattr
    out: list[Any] = []
    for key, value in vars(node).items():
        if key in _NOT_CHILDREN or key[:1] == "_":
            continue
        if type(value) is list:
            out.extend(v for v in value if type(getattr(v, "type", None)) is str)
        elif type(getattr(value, "type", None)) is str:
            out.append(value)
    return out


def _hoisted(stmts: list) -> set[str]:
    """``var`` names and function declarations anywhere in a body, not inside nested functions
    (sloppy mode, Annex B: a block's function reaches the function scope)."""
    names, functions = var_scoped_names(stmts)
    return set(names) | set(functions)


def _lexical(stmts: list) -> set[str]:
    """``let``/``const``/``class``/function names declared directly in a statement list."""
    return set(lexical_names(stmts)[0]) | {s.id.name for s in stmts if s.type == "FunctionDeclaration" and s.id is not None}


class _Scope:
    __slots__ = ("names", "parent")

    def __init__(self, names: set[str], parent: _Scope | None) -> None:
        self.names = names
        self.parent = parent

    def has(self, name: str) -> bool:
        s: _Scope | None = self
        while s is not None:
            if name in s.names:
                return True
            s = s.parent
        return False


class _FreeWalker:
    def __init__(self) -> None:
        self.free: set[str] = set()

    def ref(self, name: str, scope: _Scope) -> None:
        if not scope.has(name):
            self.free.add(name)

    def walk(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        if node is None:
            return
        t = node.type
        handler = getattr(self, "w_" + t, None)
        if handler is not None:
            handler(node, scope, in_fn)
            return
        for c in child_nodes(node):
            self.walk(c, scope, in_fn)

    def walk_all(self, nodes: list, scope: _Scope, in_fn: bool) -> None:
        for n in nodes:
            if n is not None:
                self.walk(n, scope, in_fn)

    def decl_pattern(self, p: Any, scope: _Scope, in_fn: bool) -> None:
        """A binding pattern: its names are declared elsewhere; defaults and computed keys are read."""
        if p is None:
            return
        t = p.type
        if t == "ObjectPattern":
            for prop in p.properties:
                if prop.type == "RestElement":
                    self.decl_pattern(prop.argument, scope, in_fn)
                    continue
                if prop.computed:
                    self.walk(prop.key, scope, in_fn)
                self.decl_pattern(prop.value, scope, in_fn)
        elif t == "ArrayPattern":
            for e in p.elements:
                self.decl_pattern(e, scope, in_fn)
        elif t == "AssignmentPattern":
            self.decl_pattern(p.left, scope, in_fn)
            self.walk(p.right, scope, in_fn)
        elif t == "RestElement":
            self.decl_pattern(p.argument, scope, in_fn)
        elif t != "Identifier":  # a member expression target in for-in heads etc.
            self.walk(p, scope, in_fn)

    # ------------------------------------------------------------ scopes
    def w_Program(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        s = _Scope(_hoisted(node.body) | _lexical(node.body), scope)
        self.walk_all(node.body, s, in_fn)

    def _function(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        arrow = node.type == "ArrowFunctionExpression"
        if node.type == "FunctionExpression" and node.id is not None:
            scope = _Scope({node.id.name}, scope)
        names = {n for p in node.params for n in pattern_names(p)}
        if not arrow:
            names.add("arguments")
        body = node.body
        stmts = body.body if body.type == "BlockStatement" else []
        fscope = _Scope(names | _hoisted(stmts) | _lexical(stmts), scope)
        inner = in_fn or not arrow
        for p in node.params:
            self.decl_pattern(p, fscope, inner)
        if body.type == "BlockStatement":
            self.walk_all(stmts, fscope, inner)
        else:
            self.walk(body, fscope, inner)

    w_FunctionDeclaration = w_FunctionExpression = w_ArrowFunctionExpression = _function

    def w_BlockStatement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk_all(node.body, _Scope(_lexical(node.body), scope), in_fn)

    def w_SwitchStatement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk(node.discriminant, scope, in_fn)
        stmts = [s for c in node.cases for s in c.consequent]
        s = _Scope(_lexical(stmts), scope)
        for c in node.cases:
            self.walk(c.test, s, in_fn)
            self.walk_all(c.consequent, s, in_fn)

    def _loop(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        head = getattr(node, "init", None) if node.type == "ForStatement" else node.left
        names: set[str] = set()
        if head is not None and head.type == "VariableDeclaration" and head.kind != "var":
            names = {n for d in head.declarations for n in pattern_names(d.id)}
        s = _Scope(names, scope) if names else scope
        for c in child_nodes(node):
            self.walk(c, s, in_fn)

    w_ForStatement = w_ForInStatement = w_ForOfStatement = _loop

    def w_CatchClause(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        names = set(pattern_names(node.param)) if node.param is not None else set()
        s = _Scope(names | _lexical(node.body.body), scope)
        if node.param is not None:
            self.decl_pattern(node.param, s, in_fn)
        self.walk_all(node.body.body, s, in_fn)

    def _class(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk(node.superClass, scope, in_fn)
        if node.id is not None:
            scope = _Scope({node.id.name}, scope)
        for member in node.body.body:
            if member.computed:
                self.walk(member.key, scope, in_fn)
            self.walk(member.value, scope, True)

    w_ClassDeclaration = w_ClassExpression = _class

    # ------------------------------------------------------------ declarations and references
    def w_VariableDeclaration(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        for d in node.declarations:
            self.decl_pattern(d.id, scope, in_fn)
            self.walk(d.init, scope, in_fn)

    def w_Identifier(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.ref(node.name, scope)

    def w_ThisExpression(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        if not in_fn:
            self.free.add("this")

    def w_MemberExpression(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk(node.object, scope, in_fn)
        if node.computed:
            self.walk(node.property, scope, in_fn)

    def w_Property(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        if node.computed:
            self.walk(node.key, scope, in_fn)
        self.walk(node.value, scope, in_fn)

    def w_MethodDefinition(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        if node.computed:
            self.walk(node.key, scope, in_fn)
        self.walk(node.value, scope, True)

    w_PropertyDefinition = w_MethodDefinition

    def w_LabeledStatement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        self.walk(node.body, scope, in_fn)

    def w_BreakStatement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        return

    w_ContinueStatement = w_MetaProperty = w_BreakStatement

    # ------------------------------------------------------------ JSX
    def w_JSXOpeningElement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        name = node.name
        if name.type == "JSXIdentifier":
            n = name.name
            if n[:1].isupper() or n[:1] in ("_", "$"):
                self.ref(n, scope)
        elif name.type == "JSXMemberExpression":
            root = name
            while root.type == "JSXMemberExpression":
                root = root.object
            if root.type == "JSXIdentifier":
                self.ref(root.name, scope)
        for attr in node.attributes:
            if attr.type == "JSXSpreadAttribute":
                self.walk(attr.argument, scope, in_fn)
            else:
                self.walk(attr.value, scope, in_fn)

    def w_JSXClosingElement(self, node: Any, scope: _Scope, in_fn: bool) -> None:
        return


def free_globals(tree: Any) -> set[str]:
    """Identifiers ``tree`` reads but never declares (plus ``"this"`` for a top-level ``this``)."""
    w = _FreeWalker()
    w.walk(tree, _Scope(set(), None), False)
    return w.free
