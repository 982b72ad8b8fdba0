"""The ``React`` global as Kustomer provides it.

A global of each render (``react_globals(rt)``, installed by ``renderer/realm.py``), but its
functions are made once and shared by all renders (writes to them are ignored): the hooks
find the render's ``HooksRuntime`` (``hooks.py``) through ``current_runtime()``. Element types React
defines as objects (contexts, ``memo``, ``forwardRef``, ``StrictMode``...) are
``hooks.SpecialType`` values (``StrictMode`` and the like made per render: templates could
write their props); ``React.Fragment`` is ``elements.FRAGMENT`` itself, so ``<React.Fragment>``
and ``<>`` are the same element type.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..js.members import ITERATORS, MISSING, SPECIAL_GETTERS, get_member, iterate
from ..js.runtime import current_runtime
from ..js.values import (
    UNDEFINED,
    JSFunction,
    JSNamespace,
    JSObject,
    NativeFunction,
    js_add,
    safe_to_string,
    to_string,
)
from .elements import FRAGMENT, VNode
from .hooks import INVALID_HOOK_CALL as INVALID
from .hooks import (
    ContextType,
    ForwardRefType,
    MemoType,
    WrapperType,
    hooks_for,
    js_error,
)

REACT_VERSION = "19.3.1"


def _arg(args: list, i: int) -> Any:
    return args[i] if len(args) > i else UNDEFINED


def _own_items(config: Any) -> list[tuple[str, Any]]:
    if isinstance(config, dict):
        return list(config.items())
    if isinstance(config, JSObject):
        return list(config.props.items())
    if isinstance(config, list):
        return [(str(i), v) for i, v in enumerate(config)]
    return []


def _key_string(v: Any) -> str:
    return v if isinstance(v, str) else js_add("", v)


def create_element(rt: Any, args: list) -> VNode:
    """``React.createElement(type, config, ...children)`` with React 19's rules."""
    typ = _arg(args, 0)
    config = _arg(args, 1)
    props: dict = {}
    key = None
    if config is not None and config is not UNDEFINED:
        for name, value in _own_items(config):
            if name == "key":
                if value is not UNDEFINED:
                    key = _key_string(value)
                continue
            if name in ("__self", "__source"):
                continue
            props[name] = value
    children = args[2:]
    if len(children) == 1:
        props["children"] = children[0]
    elif len(children) > 1:
        props["children"] = list(children)
    defaults = typ.props.get("defaultProps") if isinstance(typ, JSObject) else None
    if isinstance(defaults, dict):
        for name, value in defaults.items():
            if props.get(name, UNDEFINED) is UNDEFINED:
                props[name] = value
    return VNode(typ, props, key, rt.loc)


def clone_element(rt: Any, args: list) -> VNode:
    el = _arg(args, 0)
    if not isinstance(el, VNode):
        raise js_error(
            f"The argument must be a React element, but you passed {to_string(el) if el is None or el is UNDEFINED else 'an object'}."
        )
    config = _arg(args, 1)
    props = dict(el.vprops)
    key = el.key
    if config is not None and config is not UNDEFINED:
        for name, value in _own_items(config):
            if name == "key":
                if value is not UNDEFINED:
                    key = _key_string(value)
                continue
            if name in ("__self", "__source") or (name == "ref" and value is UNDEFINED):
                continue
            props[name] = value
    children = args[2:]
    if len(children) == 1:
        props["children"] = children[0]
    elif len(children) > 1:
        props["children"] = list(children)
    return VNode(el.type, props, key, el.loc)


# --------------------------------------------------------------------------- React.Children

_ESCAPE = re.compile("[=:]")
_SLASHES = re.compile("/+")


def _escape_key(key: str) -> str:
    return "$" + _ESCAPE.sub(lambda m: "=0" if m.group() == "=" else "=2", key)


def _element_key(el: Any, index: int) -> str:
    if isinstance(el, VNode) and el.key is not None:
        return _escape_key(el.key)
    return _base36(index)


def _base36(n: int) -> str:
    digits = ""
    while True:
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"[n % 36] + digits
        n //= 36
        if not n:
            return digits


def _objects_error(v: Any) -> Any:
    if isinstance(v, dict):
        found = "object with keys {" + ", ".join(v) + "}"
    else:
        found = f"[object {getattr(v, 'class_name', 'Object')}]"
    raise js_error(
        f"Objects are not valid as a React child (found: {found}). If you meant to render a "
        "collection of children, use an array instead."
    )


def _map_into(children: Any, out: list, prefix: str, name: str, callback: Callable[[Any], Any]) -> int:
    """React's mapIntoArray."""
    if children is UNDEFINED or type(children) is bool:
        children = None
    leaf = children is None or type(children) in (str, float) or isinstance(children, VNode)
    if leaf:
        child = children
        mapped = callback(child)
        child_key = "." + _element_key(child, 0) if name == "" else name
        if isinstance(mapped, list):
            esc = _SLASHES.sub(lambda m: m.group() + "/", child_key) + "/"
            _map_into(mapped, out, esc, "", lambda c: c)
        elif mapped is not None and mapped is not UNDEFINED:
            if isinstance(mapped, VNode):
                same = isinstance(child, VNode) and child.key == mapped.key
                extra = "" if mapped.key is None or same else _SLASHES.sub(lambda m: m.group() + "/", mapped.key) + "/"
                mapped = VNode(mapped.type, mapped.vprops, prefix + extra + child_key, mapped.loc)
            out.append(mapped)
        return 1
    count = 0
    next_prefix = "." if name == "" else name + ":"
    if isinstance(children, list):
        for i, c in enumerate(children):
            count += _map_into(c, out, prefix, next_prefix + _element_key(c, i), callback)
        return count
    if isinstance(children, JSObject) and any(b in ITERATORS for b in type(children).__mro__):
        for i, c in enumerate(iterate(children)):
            count += _map_into(c, out, prefix, next_prefix + _element_key(c, i), callback)
        return count
    if isinstance(children, JSFunction):
        return 0
    return _objects_error(children)


def _map_children(children: Any, fn: Any, this: Any) -> Any:
    if children is None or children is UNDEFINED:
        return children
    out: list = []
    counter = [0]

    def callback(child: Any) -> Any:
        i = counter[0]
        counter[0] += 1
        return fn.call(this, [child, float(i)])

    _map_into(children, out, "", "", callback)
    return out


def _need_fn(fn: Any, name: str) -> None:
    if not isinstance(fn, JSFunction):
        raise js_error(f"{to_string(fn) if fn is None or fn is UNDEFINED else 'object'} is not a function", "TypeError")


def _children_namespace() -> JSNamespace:
    def map_(this: Any, args: list) -> Any:
        fn = _arg(args, 1)
        if _arg(args, 0) not in (None, UNDEFINED):
            _need_fn(fn, "map")
        return _map_children(_arg(args, 0), fn, _arg(args, 2))

    def for_each(this: Any, args: list) -> Any:
        fn = _arg(args, 1)
        if _arg(args, 0) not in (None, UNDEFINED):
            _need_fn(fn, "forEach")

        def call(this2: Any, a: list) -> Any:
            fn.call(this2, a)
            return UNDEFINED

        _map_children(_arg(args, 0), NativeFunction("", call), _arg(args, 2))
        return UNDEFINED

    def count(this: Any, args: list) -> float:
        n = [0]

        def inc(this2: Any, a: list) -> Any:
            n[0] += 1
            return UNDEFINED

        _map_children(_arg(args, 0), NativeFunction("", inc), UNDEFINED)
        return float(n[0])

    def to_array(this: Any, args: list) -> Any:
        r = _map_children(_arg(args, 0), NativeFunction("", lambda this2, a: a[0]), UNDEFINED)
        return r if isinstance(r, list) else []

    def only(this: Any, args: list) -> Any:
        c = _arg(args, 0)
        if not isinstance(c, VNode):
            raise js_error("React.Children.only expected to receive a single React element child.")
        return c

    return JSNamespace(
        map=NativeFunction("map", map_, 3),
        forEach=NativeFunction("forEach", for_each, 3),
        count=NativeFunction("count", count, 1),
        toArray=NativeFunction("toArray", to_array, 1),
        only=NativeFunction("only", only, 1),
    )


# --------------------------------------------------------------------------- the namespace


def _start_transition(this: Any, args: list) -> Any:
    scope = _arg(args, 0)
    if isinstance(scope, JSFunction):
        scope.call(UNDEFINED, [])
    return UNDEFINED


def _react_namespace() -> dict[str, Any]:
    """``React``'s members, made once; ``make_react`` adds the per-render element types."""

    def hooks() -> Any:
        return hooks_for(current_runtime())

    def fn(name: str, impl: Callable[[list], Any], length: int = 0) -> NativeFunction:
        return NativeFunction(name, lambda this, args: impl(args), length)

    def use_effect(kind: str, layout: bool) -> NativeFunction:
        return fn(kind, lambda a: hooks().use_effect(kind, layout, _arg(a, 0), _arg(a, 1)), 2)

    def use_memo(a: list) -> Any:
        compute = _arg(a, 0)

        def run() -> Any:
            if not isinstance(compute, JSFunction):
                raise js_error(f"{to_string(compute) if compute in (None, UNDEFINED) else 'object'} is not a function", "TypeError")
            return compute.call(UNDEFINED, [])

        return hooks().use_memo("useMemo", run, _arg(a, 1))

    def use_callback(a: list) -> Any:
        cb = _arg(a, 0)
        return hooks().use_memo("useCallback", lambda: cb, _arg(a, 1))

    def use_ref(a: list) -> Any:
        init = _arg(a, 0)
        return hooks().use_value("useRef", lambda: {"current": init})

    def use_imperative_handle(a: list) -> Any:
        ref, create, deps = _arg(a, 0), _arg(a, 1), _arg(a, 2)

        def setup(this: Any, args: list) -> Any:
            value = create.call(UNDEFINED, []) if isinstance(create, JSFunction) else UNDEFINED
            if isinstance(ref, JSFunction):
                ref.call(UNDEFINED, [value])
                return NativeFunction("", lambda t, x: ref.call(UNDEFINED, [None]))
            if isinstance(ref, dict):
                ref["current"] = value

                def clear(this2: Any, args2: list) -> Any:
                    ref["current"] = None
                    return UNDEFINED

                return NativeFunction("", clear)
            return UNDEFINED

        d = deps + [ref] if isinstance(deps, list) else deps
        return hooks().use_effect("useImperativeHandle", True, NativeFunction("imperativeHandleEffect", setup), d)

    def use_transition(a: list) -> Any:
        start = NativeFunction("startTransition", _start_transition, 1)
        return hooks().use_value("useTransition", lambda: [False, start])

    def use_deferred_value(a: list) -> Any:
        value = _arg(a, 0)
        h = hooks()
        h.use_value("useDeferredValue", lambda: None)
        return value

    def use_id(a: list) -> Any:
        h = hooks()
        return h.use_value("useId", h.next_id)

    def use_optimistic(a: list) -> Any:
        state = _arg(a, 0)
        h = hooks()
        setter = h.use_value("useOptimistic", lambda: NativeFunction("addOptimistic", lambda t, x: UNDEFINED, 1))
        return [state, setter]

    def use_action_state(a: list) -> Any:
        initial = _arg(a, 1)
        h = hooks()
        box = h.use_value("useActionState", lambda: [initial, NativeFunction("dispatchActionState", lambda t, x: UNDEFINED, 1), False])
        return [box[0], box[1], False]

    def use_context(a: list) -> Any:
        ctx = _arg(a, 0)
        if not isinstance(ctx, ContextType):
            h = hooks()
            if h.current is None:
                raise js_error(INVALID)
            raise js_error("useContext() expects a context object created by React.createContext()", "TypeError")
        return hooks().read_context(ctx)

    def use_debug_value(a: list) -> Any:
        if hooks().current is None:
            raise js_error(INVALID)
        return UNDEFINED

    def create_context(a: list) -> Any:
        return ContextType(_arg(a, 0))

    def memo(a: list) -> Any:
        return MemoType(_arg(a, 0), _arg(a, 1))

    def forward_ref(a: list) -> Any:
        return ForwardRefType(_arg(a, 0))

    def lazy(a: list) -> Any:
        """``React.lazy(factory)``: a component that suspends on ``factory()``'s promise and then
        renders the resolved module's ``default`` (with ``Suspense`` showing the fallback meanwhile)."""
        factory = _arg(a, 0)
        loaded: dict[str, Any] = {}

        def render_lazy(this: Any, args: list) -> Any:
            if "promise" not in loaded:
                if not isinstance(factory, JSFunction):
                    raise js_error("lazy: Expected a function that returns a promise", "TypeError")
                loaded["promise"] = factory.call(UNDEFINED, [])
            module = hooks().use(loaded["promise"])
            component = get_member(module, "default") if module is not None and module is not UNDEFINED else UNDEFINED
            if component is UNDEFINED:
                raise js_error("lazy: Expected the result of a dynamic import() call. Instead received: "
                               + safe_to_string(module) + "\n\nYour code should look like: \n  "
                               "const MyComponent = lazy(() => import('./MyComponent'))")
            return create_element(current_runtime(), [component, _arg(args, 0)])

        return NativeFunction("Lazy", render_lazy, 1)

    def is_valid_element(a: list) -> bool:
        return isinstance(_arg(a, 0), VNode)

    def create_ref(a: list) -> Any:
        return {"current": None}

    ns = {
        "version": REACT_VERSION,
        "createElement": fn("createElement", lambda a: create_element(current_runtime(), a), 3),
        "cloneElement": fn("cloneElement", lambda a: clone_element(current_runtime(), a), 3),
        "isValidElement": fn("isValidElement", is_valid_element, 1),
        "createRef": fn("createRef", create_ref),
        "createContext": fn("createContext", create_context, 1),
        "memo": fn("memo", memo, 2),
        "forwardRef": fn("forwardRef", forward_ref, 1),
        "lazy": fn("lazy", lazy, 1),
        "startTransition": NativeFunction("startTransition", _start_transition, 1),
        "Fragment": FRAGMENT,
        "StrictMode": None,  # (placeholders keeping the key order: see make_react)
        "Profiler": None,
        "Suspense": None,
        "Activity": None,
        "Children": _children_namespace(),
        "useState": fn("useState", lambda a: hooks().use_state(_arg(a, 0)), 1),
        "useReducer": fn("useReducer", lambda a: hooks().use_reducer(_arg(a, 0), _arg(a, 1), _arg(a, 2)), 3),
        "useEffect": use_effect("useEffect", False),
        "useLayoutEffect": use_effect("useLayoutEffect", True),
        "useInsertionEffect": use_effect("useInsertionEffect", True),
        "useMemo": fn("useMemo", use_memo, 2),
        "useCallback": fn("useCallback", use_callback, 2),
        "useRef": fn("useRef", use_ref, 1),
        "useContext": fn("useContext", use_context, 1),
        "useImperativeHandle": fn("useImperativeHandle", use_imperative_handle, 3),
        "useId": fn("useId", use_id),
        "useTransition": fn("useTransition", use_transition),
        "useDeferredValue": fn("useDeferredValue", use_deferred_value, 2),
        "useSyncExternalStore": fn(
            "useSyncExternalStore", lambda a: hooks().use_sync_external_store(_arg(a, 0), _arg(a, 1)), 3
        ),
        "useDebugValue": fn("useDebugValue", use_debug_value, 2),
        "useOptimistic": fn("useOptimistic", use_optimistic, 2),
        "useActionState": fn("useActionState", use_action_state, 3),
        "use": fn("use", lambda a: hooks().use(_arg(a, 0)), 1),
    }
    return ns


_REACT = _react_namespace()


def make_react() -> JSNamespace:
    """The per-render ``React`` namespace: the shared members and fresh element types."""
    ns = JSNamespace(_REACT)
    for kind in ("StrictMode", "Profiler", "Suspense", "Activity"):
        ns[kind] = WrapperType(kind)  # per render: templates could write their props
    return ns


def _element_property(node: VNode, key: str) -> Any:
    """A React element's own properties: ``el.type``, ``el.props``, ``el.key``, ``el.ref``."""
    if key == "props":
        return node.vprops
    if key == "type":
        return node.type
    if key == "key":
        return node.key
    if key == "ref":
        return node.vprops.get("ref", None)
    return MISSING


SPECIAL_GETTERS.setdefault(VNode, _element_property)


def _create_portal(this: Any, args: list) -> Any:
    """``ReactDOM.createPortal(children, container)``: a preview has no document to portal into,
    so the children render in place, and the render says so."""
    current_runtime().warn("kview: createPortal renders its children in place (a preview has no "
                           "document.body to move them to)", kind="portal-in-place")
    key = _arg(args, 2)
    return VNode(FRAGMENT, {"children": _arg(args, 0)}, None if key in (UNDEFINED, None) else str(key), None)


def _flush_sync(this: Any, args: list) -> Any:
    fn = _arg(args, 0)
    return fn.call(UNDEFINED, []) if isinstance(fn, JSFunction) else UNDEFINED


_REACT_DOM = JSNamespace({
    "version": REACT_VERSION,
    "createPortal": NativeFunction("createPortal", _create_portal, 2),
    "flushSync": NativeFunction("flushSync", _flush_sync, 1),
})


def react_globals(rt: Any) -> dict[str, Any]:
    """``React`` and ``ReactDOM`` for one render (``renderer/realm.py`` installs them)."""
    return {"React": make_react(), "ReactDOM": _REACT_DOM}


__all__ = [
    "create_element",
    "clone_element",
    "make_react",
    "react_globals",
]
