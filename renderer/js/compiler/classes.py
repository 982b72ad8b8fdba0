"""``class`` declarations and expressions → a closure that creates the ``ClassFunction``.

The runtime side (instances, the class chain, ``super``) is ``renderer/js/class_objects.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..class_objects import HOME, ClassFunction, jv_describe
from ..functions import FunctionCode, closure_class
from ..scope import EMPTY, Scope
from ..values import UNDEFINED, JSFunction, to_property_key, type_error
from .expressions import Fn
from .operators import OperatorCompiler


class ClassCompiler(OperatorCompiler):
    """Classes, over the operator and expression compilers (statements extend this)."""

    if TYPE_CHECKING:  # provided by Compiler (statements.py)
        def function_code(self, node: Any, name: str = "") -> FunctionCode: ...

    def e_ClassExpression(self, node: Any) -> Fn:
        return compile_class(self, node)


def compile_class(compiler: ClassCompiler, node: Any) -> Fn:
    """A closure that creates the class (evaluating ``extends`` and computed keys then)."""
    def closure(code: Any, home: Scope) -> Any:
        return closure_class(code)(code, home)

    name = node.id.name if node.id is not None else ""
    parent_fn = compiler.expr(node.superClass) if node.superClass is not None else None
    members: list[tuple[str, bool, Any, Any]] = []  # (kind, static, key or key-fn, code)
    for m in node.body.body:
        key: Any
        if m.type == "StaticBlock":
            # Runs once, with `this` the class, in order with the static fields (like V8).
            members.append(("static_block", True, None, compiler.function_code(_StaticBlockFunction(m), name="")))
            continue
        if m.computed:
            key = compiler.expr(m.key)
        elif m.key.type == "PrivateIdentifier":
            key = "#" + m.key.name
        elif m.key.type == "Identifier":
            key = m.key.name
        else:
            key = to_property_key(float(m.key.value) if isinstance(m.key.value, (int, float)) else m.key.value)
        if m.type == "MethodDefinition":
            kind = m.kind  # constructor, method, get, set
            code = compiler.function_code(m.value, name=key if isinstance(key, str) else "")
            members.append((kind, bool(m.static), key, code))
        elif m.type in ("PropertyDefinition", "ClassProperty"):
            init = None
            if m.value is not None:
                # A field initialiser runs like a method body with `this` the instance.
                init = compiler.function_code(_as_arrowless_function(m.value), name=key if isinstance(key, str) else "")
            members.append(("field", bool(m.static), key, init))

    def make(scope: Scope) -> ClassFunction:
        parent = parent_fn(scope) if parent_fn is not None else None
        if parent is not None and not isinstance(parent, JSFunction):
            type_error(f"Class extends value {jv_describe(parent)} is not a constructor or null")
        cls = ClassFunction(name, parent)
        home = Scope({HOME: cls}, scope, EMPTY, scope.rt)
        if name:
            home.vars[name] = cls  # the class sees its own name
        cls.home_scope = home
        statics: list[tuple[str | None, Any]] = []  # run after every method is defined
        for kind, static, key, code in members:
            if kind == "static_block":
                statics.append((None, closure(code, home)))
                continue
            k = key if isinstance(key, str) else to_property_key(key(home))
            if kind == "field":
                fn = closure(code, home) if code is not None else None
                if static:
                    statics.append((k, fn))
                else:
                    cls.fields.append((k, fn))
                continue
            fn = closure(code, home)
            if kind == "constructor":
                cls.ctor = fn
                cls.length = code.length
            elif static:
                if kind == "get":
                    cls.props[k] = fn.invoke(cls, [])  # static accessors: evaluated once (documented)
                else:
                    cls.props[k] = fn
            else:
                table = {"method": cls.methods, "get": cls.getters, "set": cls.setters}[kind]
                table[k] = fn
        for field_key, init in statics:  # static fields and static blocks, in source order
            value = init.invoke(cls, []) if init is not None else UNDEFINED
            if field_key is not None:
                cls.props[field_key] = value
        return cls

    return make


class _FieldFunction:
    """An ESTree-like FunctionExpression whose body returns the field's initialiser."""

    type = "FunctionExpression"
    id = None
    params: list = []
    isAsync = False
    generator = False
    expression = True

    def __init__(self, value: Any) -> None:
        self.body = value
        self.loc = value.loc


def _as_arrowless_function(value: Any) -> Any:
    return _FieldFunction(value)


class _StaticBlockFunction:
    """An ESTree-like FunctionExpression whose body is a ``static { … }`` block's statements."""

    type = "FunctionExpression"
    id = None
    params: list = []
    isAsync = False
    generator = False
    expression = False

    def __init__(self, block: Any) -> None:
        self.body = _Block(block)
        self.loc = block.loc


class _Block:
    type = "BlockStatement"

    def __init__(self, block: Any) -> None:
        self.body = block.body
        self.loc = block.loc
        self.range = getattr(block, "range", None)
