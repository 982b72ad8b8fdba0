"""Function components with hooks, and the settle loop that runs their effects.

React's model, reduced to what a static preview needs:

* ``HooksRuntime`` (one per render, stored as ``rt.hooks`` of the ``ReactRuntime`` -- never module-global,
  renders run on several threads) owns the *fibers*: one per mounted component instance,
  identified by its position in the tree (the path of child indexes or keys from the root)
  and its type. A fiber keeps its hook list across render passes.
* ``expand(value)`` is one render pass: it walks the element tree depth-first and replaces
  every function component (and context Provider/Consumer, ``memo``, ``forwardRef``,
  ``StrictMode``, ``Suspense``) by what it renders, so the HTML walk (``renderer/html``) only ever sees
  host elements, Kustomer ``BuiltinComponent``s and fragments. A component that has no
  pending update, receives the very same props object (or equal props, for ``memo``) and
  whose contexts are unchanged bails out like React's: it is not called again and its
  previous output is walked instead. A tree without any of those (``_host_only``) is
  only scanned for duplicate keys: the walk would return it unchanged.
* ``commit()`` runs what the pass scheduled, in React's order: unmounted components'
  cleanups, then layout-effect cleanups and setups, then passive-effect cleanups and setups
  (children before parents, all cleanups before any setup).
* ``render_settled`` alternates: render, commit, drain the microtask queue, re-render when a
  state update is pending, otherwise advance virtual time to the next timer -- until nothing
  is pending or a runaway bound is reached (``react/settle.py``: effects updating in a row,
  renders caused by timers, the virtual clock's horizon; then a warning naming which, and the
  last render is used).

The HTML walk plugs in through ``RenderContext.component_renderer`` for components it meets
itself (elements that Python components create while rendering, after the walk): those
render with hooks too but their effects are not run (documented difference).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..js.builtins.promise import FULFILLED, REJECTED, JSPromise
from ..js.members import get_member
from ..js.runtime import Budgets, Runtime
from ..js.values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSObject,
    JSThrow,
    NativeFunction,
    safe_to_string,
    same_value,
    to_boolean,
)
from .elements import FRAGMENT, BuiltinComponent, VNode

MISSING: Any = object()

INVALID_HOOK_CALL = (
    "Invalid hook call. Hooks can only be called inside of the body of a function component. "
    "This could happen for one of the following reasons:\n"
    "1. You might have mismatching versions of React and the renderer (such as React DOM)\n"
    "2. You might be breaking the Rules of Hooks\n"
    "3. You might have more than one copy of React in the same app\n"
    "See https://react.dev/link/invalid-hook-call for tips about how to debug and fix this problem."
)
TOO_MANY_RERENDERS = "Too many re-renders. React limits the number of renders to prevent an infinite loop."
MORE_HOOKS = "Rendered more hooks than during the previous render."
FEWER_HOOKS = "Rendered fewer hooks than expected. This may be caused by an accidental early return statement."
NO_QUEUE = (
    "Should have a queue. You are likely calling Hooks conditionally, which is not allowed. "
    "(https://react.dev/link/invalid-hook-call)"
)
MAX_COMPONENT_DEPTH = 200
RENDER_PHASE_LIMIT = 25


def js_error(message: str, kind: str = "Error") -> JSThrow:
    return JSThrow(JSError(kind, message))


# --------------------------------------------------------------------------- special types


class SpecialType(JSFunction):
    """Element types React defines as objects (contexts, memo, forwardRef, StrictMode...).

    They are ``JSFunction`` subclasses only so that the HTML walk hands any it meets to the
    component renderer; calling one from JavaScript is a TypeError as in React.
    """

    __slots__ = ()
    class_name = "Object"

    def call(self, this: Any, args: list) -> Any:
        raise js_error(f"{self.name or 'object'} is not a function", "TypeError")


class ContextType(SpecialType):
    """``React.createContext(default)``: usable as ``<Ctx value>`` and ``<Ctx.Provider value>``."""

    __slots__ = ("default", "consumer")

    def __init__(self, default: Any) -> None:
        super().__init__("Context", 0)
        self.default = default
        self.consumer = ConsumerType(self)
        self.props.update(
            {"Provider": self, "Consumer": self.consumer, "_currentValue": default, "displayName": UNDEFINED}
        )


class ConsumerType(SpecialType):
    __slots__ = ("context",)

    def __init__(self, context: ContextType) -> None:
        super().__init__("Context.Consumer", 0)
        self.context = context
        self.props["_context"] = context


class MemoType(SpecialType):
    __slots__ = ("inner", "compare")

    def __init__(self, inner: Any, compare: Any) -> None:
        super().__init__(getattr(inner, "name", "") or "Memo", 1)
        self.inner = inner
        self.compare = compare if isinstance(compare, JSFunction) else None
        self.props["type"] = inner
        self.props["compare"] = compare if compare is not UNDEFINED else None


class ForwardRefType(SpecialType):
    __slots__ = ("render",)

    def __init__(self, render: Any) -> None:
        super().__init__(getattr(render, "name", "") or "ForwardRef", 1)
        self.render = render
        self.props["render"] = render


class WrapperType(SpecialType):
    """``StrictMode``, ``Profiler``, ``Suspense``, ``Activity``: render their children."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        super().__init__(kind, 0)
        self.kind = kind


# --------------------------------------------------------------------------- fibers and hooks


class Fiber:
    __slots__ = (
        "path", "type", "name", "hooks", "mounted", "props", "rendered", "has_updates",
        "did_update", "render_phase_update", "effects", "context_reads", "unmounted", "order",
        "suspended", "carried",
    )  # fmt: skip

    def __init__(self, path: tuple, typ: Any) -> None:
        self.path = path
        self.type = typ
        self.name = getattr(typ, "name", "") or "Anonymous"
        self.hooks: list[Any] = []
        self.mounted = False
        self.props: Any = MISSING
        self.rendered: Any = None
        self.has_updates = False
        self.did_update = False
        self.render_phase_update = False
        self.effects: list[tuple[EffectHook, Any, Any]] = []  # (hook, create, deps) of this pass
        self.context_reads: dict[Any, Any] = {}
        self.unmounted = False
        self.order = 0
        self.suspended = False
        self.carried = False  # hooks kept from before a hot reload, not yet confirmed


class StateHook:
    __slots__ = ("kind", "state", "queue", "reducer", "dispatch")

    def __init__(self, kind: str, state: Any, reducer: Any) -> None:
        self.kind = kind
        self.state = state
        self.queue: list[tuple[Any, Any, Any]] = []  # (action, eager state, reducer of eager)
        self.reducer = reducer
        self.dispatch: Any = None


class EffectHook:
    __slots__ = ("kind", "layout", "deps", "destroy")

    def __init__(self, kind: str, layout: bool) -> None:
        self.kind = kind
        self.layout = layout
        self.deps: list | None | Any = MISSING  # deps of the last committed run
        self.destroy: Any = None


class ValueHook:
    """useMemo / useCallback / useRef / useId / useTransition ...: a value and maybe deps."""

    __slots__ = ("kind", "value", "deps")

    def __init__(self, kind: str, value: Any, deps: Any = None) -> None:
        self.kind = kind
        self.value = value
        self.deps = deps


BASIC_REDUCER: Any = object()


class Suspend(Exception):
    """A component read a pending promise with ``use()``: it renders nothing this pass."""


class Remount(Exception):
    """A component whose hooks were carried over a hot reload called other hooks: start it afresh."""


def _deps(value: Any, hooks: HooksRuntime, name: str) -> list | None:
    if value is UNDEFINED or value is None:
        return None
    if isinstance(value, list):
        return list(value)
    hooks.rt.warn(
        f"{name} received a final argument that is not an array (instead, received "
        f"`{safe_to_string(value)}`). When specified, the final argument must be an array."
    )
    return None


def _deps_equal(prev: Any, nxt: list | None) -> bool:
    """React's areHookInputsEqual (compares up to the shorter length)."""
    if nxt is None or prev is None or prev is MISSING:
        return False
    for a, b in zip(prev, nxt):
        if not same_value(a, b):
            return False
    return True


def _recover_of(fiber: Fiber) -> JSFunction | None:
    """For a class component that is an error boundary (React: its class has
    ``getDerivedStateFromError`` or its instances ``componentDidCatch``), the ``recover``
    function of its host (``renderer/class_components.py``, kept in the host's ref)."""
    for h in fiber.hooks:
        value = getattr(h, "value", None)
        if getattr(h, "kind", None) == "useRef" and isinstance(value, dict):
            host = value.get("current")
            if not isinstance(host, dict) or not isinstance(host.get("recover"), JSFunction):
                continue
            boundary = isinstance(get_member(fiber.type, "getDerivedStateFromError"), JSFunction) or isinstance(
                get_member(host.get("inst"), "componentDidCatch"), JSFunction)
            return host["recover"] if boundary else None
    return None


def _is_class_component(typ: JSFunction) -> bool:
    """A class extending ``React.Component`` (it inherits the shim's static marker)."""
    return get_member(typ, "__kvClassComponent") is True


def _shallow_equal(a: Any, b: Any) -> bool:
    if a is b:
        return True
    if not isinstance(a, dict) or not isinstance(b, dict) or len(a) != len(b):
        return False
    for k, v in a.items():
        if k not in b or not same_value(v, b[k]):
            return False
    return True


def _duplicate_key(key: Any) -> str:
    return (
        f"Encountered two children with the same key, `{key}`. Keys should be unique so that "
        "components maintain their identity across updates."
    )


HOST_SCAN_DEPTH = 1000  # the full walk of a tree this deep stays far from the recursion limit


def _host_only(v: Any, depth: int, dups: list) -> bool:
    """Whether ``HooksRuntime.walk`` would return ``v`` unchanged and do nothing but warn about
    duplicate keys: no function component, special type (context, memo...) or promise where
    the walk looks (children, a Kustomer component's element props). Visits what the walk
    visits in its order and appends ``(key, loc)`` per duplicate key to ``dups``, which the
    caller reports only on True (on False the full walk runs and reports them itself).
    Trees nested deeper than ``HOST_SCAN_DEPTH`` answer False: the full walk then runs out
    of stack, or not, exactly as before."""
    if depth > HOST_SCAN_DEPTH:
        return False
    t = type(v)
    if t is list:
        keys: set | None = None
        for item in v:
            ti = type(item)
            if ti is VNode:
                key = item.key
                if key is not None:  # walk_list's check
                    if keys is None:
                        keys = {key}
                    elif key in keys:
                        dups.append((key, item.loc))
                    else:
                        keys.add(key)
                if type(item.type) is str:  # inlined: host elements are most of a tree
                    c = item.vprops.get("children")
                    if c is None or type(c) is str or type(c) is float or _host_only(c, depth + 2, dups):
                        continue
                    return False
            elif ti is str or ti is float or item is None:
                continue
            if not _host_only(item, depth + 1, dups):
                return False
        return True
    if t is VNode:
        typ = v.type
        props = v.vprops
        if type(typ) is str or typ is FRAGMENT:
            c = props.get("children")
            return c is None or type(c) is str or type(c) is float or _host_only(c, depth + 1, dups)
        if isinstance(typ, BuiltinComponent):
            c = props.get("children")
            if not (c is None or type(c) is str or type(c) is float or _host_only(c, depth + 1, dups)):
                return False
            for name, value in props.items():  # walk_host walks elements in its other props too
                if name != "children" and (isinstance(value, VNode) or type(value) is list):
                    if not _host_only(value, depth + 1, dups):
                        return False
            return True
        return not isinstance(typ, JSFunction)  # (invalid types are left to the HTML walk)
    if t is str or t is float or v is None or v is UNDEFINED or t is bool:
        return True
    if isinstance(v, VNode):  # (no subclass exists; the walk would render it)
        return False
    return not (isinstance(v, JSObject) and v.class_name == "Promise")


# --------------------------------------------------------------------------- the runtime


class HooksRuntime:
    def __init__(self, rt: Any) -> None:
        self.rt = rt
        self.fibers: dict[tuple, Fiber] = {}
        self.replaced: list[Fiber] = []
        self.visited: set[tuple] = set()
        self.commit_list: list[Fiber] = []
        self.current: Fiber | None = None
        self.hook_i = 0
        self.context_values: dict[Any, Any] = {}
        self.dirty = False
        self.dirty_by_timer = False
        self.order = 0
        self.id_counter = 0
        self.depth = 0
        self.late = 0
        self.suspended = False
        self.subscribed: set[int] = set()
        self.kustomer_root: Any = MISSING
        self.passes = 0
        self.carried: dict[tuple, Fiber] = {}  # fibers of the render before a hot reload (carry_over)

    def carry_over(self, old: HooksRuntime) -> None:
        """Hot reload, like React Fast Refresh: a component of the same name at the same path
        that calls the same hooks in the same order keeps its state (``useState``,
        ``useReducer``, ``useRef``…); its effects and memos run again. Any other component
        mounts afresh (``Remount``)."""
        self.carried = dict(old.fibers)

    def adopt(self, fiber: Fiber, old: Fiber) -> None:
        """Give a new fiber the hooks of ``old`` (checked against the new calls by ``slot``)."""
        hooks: list[Any] = []
        for h in old.hooks:
            if isinstance(h, StateHook):
                nh = StateHook(h.kind, h.state, h.reducer)
                name = "dispatchSetState" if h.kind == "useState" else "dispatchReducerAction"
                nh.dispatch = self.make_dispatch(fiber, nh, name)
                hooks.append(nh)
            elif isinstance(h, EffectHook):
                hooks.append(EffectHook(h.kind, h.layout))  # runs again (deps unknown)
            elif h.kind in ("useMemo", "useCallback"):
                hooks.append(ValueHook(h.kind, None, MISSING))  # recomputed
            else:
                hooks.append(h)
        fiber.hooks = hooks
        fiber.carried = True

    # ------------------------------------------------------------------ one pass
    def root_value(self, value: Any) -> Any:
        if value is UNDEFINED and self.kustomer_root is not MISSING:
            return self.kustomer_root
        return value

    def expand(self, value: Any) -> Any:
        """One render pass over the whole tree: components replaced by their output."""
        self.passes += 1
        self.dirty = False
        self.dirty_by_timer = False
        self.visited = set()
        self.order = 0
        self.late = 0
        self.context_values = {}
        self.suspended = False
        root = self.root_value(value)
        # Fast path: a tree of host elements, fragments and Kustomer components only (no
        # function component, context, memo..., promise) comes out of the walk unchanged; all
        # the walk would do is warn about duplicate keys, which the scan does for much less
        # (no path tuples, no frames per element). Anything else takes the full walk.
        dups: list[tuple[str, Any]] = []
        if _host_only(root, 0, dups):
            for key, loc in dups:
                self.rt.warn(_duplicate_key(key), loc)
            return root
        try:
            return self.walk_children(root, ())
        except RecursionError:
            raise js_error("Maximum call stack size exceeded", "RangeError") from None

    def walk_children(self, children: Any, path: tuple) -> Any:
        if type(children) is list:
            return self.walk_list(children, path)
        if type(children) is VNode and children.type is FRAGMENT and children.key is None:
            return self.walk_top_fragment(children, path)
        return self.walk(children, path + (self.seg(children, 0),))

    def walk_top_fragment(self, node: VNode, path: tuple) -> VNode:
        """An unkeyed fragment that is the whole of a children slot is transparent, as in React's
        reconcileChildFibers: its children take the slot's positions, so ``<Child/>`` and
        ``<><Child/>…</>`` are the same Child (its state kept). A keyed fragment, or one inside
        an array, is an element of its own."""
        props = node.vprops
        kids = props.get("children", MISSING)
        if kids is MISSING or kids is None or type(kids) is str or type(kids) is float:
            return node
        walked = self.walk_children(kids, path)
        if walked is kids:
            return node
        new_props = dict(props)
        new_props["children"] = walked
        return VNode(FRAGMENT, new_props, node.key, node.loc)

    @staticmethod
    def seg(item: Any, i: int) -> Any:
        if type(item) is VNode and item.key is not None:
            return ("k", item.key)
        return i

    def walk_list(self, items: list, path: tuple) -> list:
        out = None
        keys: set | None = None
        for i, item in enumerate(items):
            seg = self.seg(item, i)
            if type(seg) is tuple:
                if keys is None:
                    keys = set()
                if seg in keys:
                    self.rt.warn(_duplicate_key(seg[1]), item.loc)
                    seg = (seg, i)
                keys.add(seg)
            r = self.walk(item, path + (seg,))
            if r is not item and out is None:
                out = items[:i]
            if out is not None:
                out.append(r)
        return items if out is None else out

    def walk(self, v: Any, path: tuple) -> Any:
        t = type(v)
        if t is str or t is float or v is None or v is UNDEFINED or t is bool:
            return v
        if t is VNode:
            return self.walk_node(v, path)
        if t is list:
            return self.walk_list(v, path)
        if isinstance(v, VNode):
            return self.walk_node(v, path)
        if isinstance(v, JSObject) and v.class_name == "Promise":
            return self.walk_promise(v, path)
        return v

    def walk_promise(self, p: Any, path: tuple) -> Any:
        if p.state == FULFILLED:
            return self.walk(p.value, path)
        if p.state == REJECTED:
            raise JSThrow(p.value)
        self.wait_for(p)
        self.suspended = True
        return None

    def wait_for(self, p: Any) -> None:
        """Re-render when a pending promise the view depends on settles."""
        if id(p) in self.subscribed:
            return
        self.subscribed.add(id(p))

        def settled(_value: Any) -> Any:
            self.subscribed.discard(id(p))
            self.dirty = True
            return UNDEFINED

        p._subscribe(settled, settled, None)

    def walk_node(self, node: VNode, path: tuple) -> Any:
        typ = node.type
        if type(typ) is str or typ is FRAGMENT or isinstance(typ, BuiltinComponent):
            return self.walk_host(node, typ, path)
        if isinstance(typ, SpecialType):
            return self.walk_special(node, typ, path)
        if isinstance(typ, JSFunction):
            return self.render_component(node, typ, path)
        return node  # the HTML walk reports invalid element types

    def walk_host(self, node: VNode, typ: Any, path: tuple) -> VNode:
        props = node.vprops
        tid = typ if type(typ) is str else ("#fragment" if typ is FRAGMENT else ("#builtin", typ.name))
        sub = path + (tid,)
        new_props = None
        children = props.get("children", MISSING)
        if children is not MISSING and not (type(children) is str or type(children) is float or children is None):
            r = self.walk_children(children, sub)
            if r is not children:
                new_props = dict(props)
                new_props["children"] = r
        if isinstance(typ, BuiltinComponent):
            # Elements passed in other props (label={<X/>}) are rendered by the component.
            for name, value in props.items():
                if name != "children" and (isinstance(value, VNode) or type(value) is list):
                    r = self.walk_children(value, sub + ("prop:" + name,))
                    if r is not value:
                        if new_props is None:
                            new_props = dict(props)
                        new_props[name] = r
        if new_props is None:
            return node
        return VNode(typ, new_props, node.key, node.loc)

    def walk_special(self, node: VNode, typ: SpecialType, path: tuple) -> Any:
        props = node.vprops
        if isinstance(typ, ContextType):
            old = self.context_values.get(typ, MISSING)
            self.context_values[typ] = props.get("value", UNDEFINED)
            try:
                out = self.walk_children(props.get("children"), path + ("#provider",))
            finally:
                if old is MISSING:
                    del self.context_values[typ]
                else:
                    self.context_values[typ] = old
            return self.fragment(out, node)
        if isinstance(typ, ConsumerType):
            render = props.get("children")
            if not isinstance(render, JSFunction):
                raise js_error(
                    "A context consumer was rendered with multiple children, or a child that "
                    "isn't a function. A context consumer expects a single child that is a "
                    "function.",
                    "TypeError",
                )
            value = self.read_context(typ.context, record=False)
            return self.walk_children(render.call(UNDEFINED, [value]), path + ("#consumer",))
        if isinstance(typ, (MemoType, ForwardRefType)):
            return self.render_component(node, typ, path)
        if isinstance(typ, WrapperType):
            sub = path + ("#" + typ.kind,)
            if typ.kind != "Suspense":
                return self.fragment(self.walk_children(props.get("children"), sub), node)
            outer = self.suspended
            self.suspended = False
            out = self.walk_children(props.get("children"), sub)
            if self.suspended:
                out = self.walk_children(props.get("fallback"), path + ("#fallback",))
            self.suspended = outer
            return self.fragment(out, node)
        return node

    @staticmethod
    def fragment(children: Any, node: VNode) -> VNode:
        return VNode(FRAGMENT, {} if children is None else {"children": children}, node.key, node.loc)

    # ------------------------------------------------------------------ components
    def render_component(self, node: VNode, typ: JSFunction, path: tuple) -> Any:
        fiber = self.fibers.get(path)
        if fiber is not None and fiber.type is not typ:
            # another component type here: it and everything it rendered unmount (React does
            # not match the old children against the new type's, even at the same positions)
            self.replaced.append(fiber)
            depth = len(path)
            below = [p for p in self.fibers if len(p) > depth and p[:depth] == path]
            for p in below:
                self.replaced.append(self.fibers.pop(p))
            fiber = None
        mount = fiber is None
        if fiber is None:
            fiber = Fiber(path, typ)
            self.fibers[path] = fiber
            if self.carried:
                old = self.carried.pop(path, None)
                if old is not None and old.name == fiber.name and old.mounted:
                    self.adopt(fiber, old)
        self.visited.add(path)
        fiber.order = self.order
        self.order += 1
        props = node.vprops
        same_props = not mount and (
            props is fiber.props or (isinstance(typ, MemoType) and self.memo_equal(typ, fiber.props, props))
        )
        if same_props and not fiber.has_updates and not fiber.suspended and self.contexts_unchanged(fiber):
            rendered = fiber.rendered  # bail out: walk the previous output
        else:
            self.depth += 1
            try:
                if self.depth > MAX_COMPONENT_DEPTH:
                    raise js_error("Maximum call stack size exceeded", "RangeError")
                try:
                    rendered = self.call_component(fiber, typ, props, node)
                except Remount:  # a hot reload changed this component's hooks: its state resets
                    fiber = self.fibers[path] = Fiber(path, typ)
                    fiber.order = self.order - 1
                    rendered = self.call_component(fiber, typ, props, node)
            finally:
                self.depth -= 1
            if not mount and same_props and not fiber.did_update:
                fiber.effects = []  # React's bailoutHooks: state unchanged, keep the old output
                rendered = fiber.rendered
            else:
                fiber.rendered = rendered
                fiber.props = props
        recover = _recover_of(fiber) if self.class_host(typ) is not None else None
        if recover is not None:
            out = self.walk_boundary(fiber, rendered, path, recover)
        else:
            out = self.walk_children(rendered, path)
        if fiber.effects:
            self.commit_list.append(fiber)
        return out

    def walk_boundary(self, fiber: Fiber, rendered: Any, path: tuple, recover: JSFunction) -> Any:
        """An error boundary's children: an error thrown while rendering them is caught here
        (not a budget's): the subtree rendered so far is dropped, as React discards it, and the
        boundary renders again through ``recover`` (``renderer/class_components.py``), its state
        from ``getDerivedStateFromError``; ``componentDidCatch`` runs after the commit."""
        committed = len(self.commit_list)
        try:
            return self.walk_children(rendered, path)
        except JSThrow as exc:
            if getattr(exc, "budget", False):
                raise
            del self.commit_list[committed:]
            depth = len(path)
            self.visited = {p for p in self.visited if len(p) <= depth or p[:depth] != path}
            fiber.rendered = recover.call(UNDEFINED, [exc.value])
            return self.walk_children(fiber.rendered, path)

    def memo_equal(self, typ: MemoType, prev: Any, nxt: Any) -> bool:
        if typ.compare is not None:
            return to_boolean(typ.compare.call(UNDEFINED, [prev, nxt]))
        return _shallow_equal(prev, nxt)

    def contexts_unchanged(self, fiber: Fiber) -> bool:
        for ctx, seen in fiber.context_reads.items():
            if not same_value(self.read_context(ctx, record=False), seen):
                return False
        return True

    def call_component(self, fiber: Fiber, typ: JSFunction, props: dict, node: VNode) -> Any:
        fn, args = self.invocation(typ, props)
        saved = (self.current, self.hook_i)
        self.current = fiber
        fiber.did_update = fiber.suspended  # a render that suspended last time never committed
        fiber.suspended = False
        fiber.has_updates = False
        if fiber.mounted and not self.contexts_unchanged(fiber):
            fiber.did_update = True
        renders = 0
        try:
            while True:
                self.hook_i = 0
                fiber.render_phase_update = False
                fiber.effects = []
                fiber.context_reads = {}
                first = not fiber.mounted
                try:
                    result = fn.call(UNDEFINED, args)
                except Suspend:
                    # use(promise) on a pending promise: nothing this pass, retry when it settles
                    # (a mount is discarded entirely, as React throws away the unfinished fiber).
                    self.suspended = True
                    fiber.suspended = True
                    fiber.effects = []
                    if first:
                        fiber.hooks = []
                    return None
                if fiber.carried:
                    if self.hook_i != len(fiber.hooks):
                        raise Remount()
                    fiber.carried = False
                fiber.mounted = True
                if not fiber.render_phase_update:
                    if not first and self.hook_i < len(fiber.hooks):
                        raise js_error(FEWER_HOOKS)
                    return result
                renders += 1
                if renders >= RENDER_PHASE_LIMIT:
                    raise js_error(TOO_MANY_RERENDERS)
        finally:
            self.current, self.hook_i = saved

    def invocation(self, typ: Any, props: dict) -> tuple[JSFunction, list]:
        if isinstance(typ, MemoType):
            typ = typ.inner
        defaults = typ.props.get("defaultProps") if isinstance(typ, JSObject) else None
        if isinstance(defaults, dict) and defaults:
            props = dict(props)
            for k, v in defaults.items():
                if props.get(k, UNDEFINED) is UNDEFINED:
                    props[k] = v
        if isinstance(typ, ForwardRefType):
            ref = props.get("ref", None)
            if "ref" in props:
                props = {k: v for k, v in props.items() if k != "ref"}
            if not isinstance(typ.render, JSFunction):
                raise js_error("forwardRef requires a render function", "TypeError")
            return typ.render, [props, ref]
        if isinstance(typ, MemoType) or not isinstance(typ, JSFunction):
            raise js_error(
                "Element type is invalid: expected a string (for built-in components) or a "
                "class/function (for composite components) but got: object."
            )
        host = self.class_host(typ)
        if host is not None:
            return host, [typ, props]  # renderer/class_components.py renders it with hooks
        return typ, [props]

    def class_host(self, typ: Any) -> JSFunction | None:
        """The function component that renders ``typ`` when it is a class component; ``None``
        otherwise, at once in a render without class components (the shim is not installed)."""
        host: JSFunction | None = getattr(self.rt, "class_component_host", None)
        if host is None or not isinstance(typ, JSFunction) or not _is_class_component(typ):
            return None
        return host

    def component_renderer(self, node: VNode) -> Any:
        """``RenderContext.component_renderer``: components the HTML walk meets after the settle loop."""
        self.late += 1
        return self.walk(node, ("#late", self.late))

    # ------------------------------------------------------------------ hooks
    def slot(self, kind: str) -> tuple[Fiber, Any]:
        fiber = self.current
        if fiber is None:
            raise js_error(INVALID_HOOK_CALL)
        i = self.hook_i
        self.hook_i += 1
        hooks = fiber.hooks
        if i < len(hooks):
            h = hooks[i]
            if h.kind != kind:
                if fiber.carried:
                    raise Remount()
                if kind in ("useState", "useReducer") and not isinstance(h, StateHook):
                    raise js_error(NO_QUEUE)
                self.rt.warn(
                    f"React has detected a change in the order of Hooks called by {fiber.name} "
                    f"(hook {i + 1}: {h.kind} → {kind}). This will lead to bugs and errors if not "
                    "fixed. https://react.dev/link/rules-of-hooks"
                )
                return fiber, None
            return fiber, h
        if fiber.mounted:
            raise js_error(MORE_HOOKS)
        if fiber.carried:
            raise Remount()
        return fiber, None

    def store(self, fiber: Fiber, h: Any) -> Any:
        i = self.hook_i - 1
        if i < len(fiber.hooks):
            fiber.hooks[i] = h
        else:
            fiber.hooks.append(h)
        return h

    def use_state(self, initial: Any) -> list:
        fiber, h = self.slot("useState")
        if h is None:
            if isinstance(initial, JSFunction):
                initial = initial.call(UNDEFINED, [])
            h = self.store(fiber, StateHook("useState", initial, BASIC_REDUCER))
            h.dispatch = self.make_dispatch(fiber, h, "dispatchSetState")
        else:
            self.process_queue(fiber, h)
        return [h.state, h.dispatch]

    def use_reducer(self, reducer: Any, initial: Any, init: Any) -> list:
        fiber, h = self.slot("useReducer")
        if h is None:
            state = init.call(UNDEFINED, [initial]) if isinstance(init, JSFunction) else initial
            h = self.store(fiber, StateHook("useReducer", state, reducer))
            h.dispatch = self.make_dispatch(fiber, h, "dispatchReducerAction")
        else:
            h.reducer = reducer
            self.process_queue(fiber, h)
        return [h.state, h.dispatch]

    def make_dispatch(self, fiber: Fiber, h: StateHook, name: str) -> NativeFunction:
        def dispatch(this: Any, args: list) -> Any:
            self.dispatch(fiber, h, args[0] if args else UNDEFINED)
            return UNDEFINED

        return NativeFunction("bound " + name, dispatch, 1)

    def apply(self, reducer: Any, state: Any, action: Any) -> Any:
        if reducer is BASIC_REDUCER:
            return action.call(UNDEFINED, [state]) if isinstance(action, JSFunction) else action
        if not isinstance(reducer, JSFunction):
            raise js_error(f"{safe_to_string(reducer)} is not a function", "TypeError")
        return reducer.call(UNDEFINED, [state, action])

    def dispatch(self, fiber: Fiber, h: StateHook, action: Any) -> None:
        if fiber.unmounted:
            return  # React ignores updates on unmounted components
        current = self.current
        if current is fiber:  # a render-phase update: re-run the component right away
            h.queue.append((action, MISSING, None))
            fiber.render_phase_update = True
            return
        if current is not None:
            self.rt.warn(
                f"Cannot update a component (`{fiber.name}`) while rendering a different "
                f"component (`{current.name}`)."
            )
        if h.reducer is BASIC_REDUCER and not fiber.has_updates and not h.queue:
            # React's eager state: an update to the same value does not re-render.
            eager = self.apply(BASIC_REDUCER, h.state, action)
            if same_value(eager, h.state):
                return
            h.queue.append((action, eager, BASIC_REDUCER))
        else:
            h.queue.append((action, MISSING, None))
        fiber.has_updates = True
        self.dirty = True

    def process_queue(self, fiber: Fiber, h: StateHook) -> None:
        if not h.queue:
            return
        queue, h.queue = h.queue, []
        state = h.state
        for action, eager, reducer in queue:
            if eager is not MISSING and reducer is h.reducer:
                state = eager
            else:
                state = self.apply(h.reducer, state, action)
        if not same_value(state, h.state):
            fiber.did_update = True
        h.state = state

    def use_effect(self, kind: str, layout: bool, create: Any, deps: Any) -> Any:
        fiber, h = self.slot(kind)
        nxt = _deps(deps, self, kind)
        if h is None:
            h = self.store(fiber, EffectHook(kind, layout))
        elif _deps_equal(h.deps, nxt):
            return UNDEFINED
        fiber.effects.append((h, create, nxt))
        return UNDEFINED

    def use_memo(self, kind: str, compute: Callable[[], Any], deps: Any) -> Any:
        fiber, h = self.slot(kind)
        nxt = _deps(deps, self, kind)
        if h is not None and _deps_equal(h.deps, nxt):
            return h.value
        value = compute()
        if h is None:
            self.store(fiber, ValueHook(kind, value, nxt))
        else:
            h.value, h.deps = value, nxt
        return value

    def use_value(self, kind: str, make: Callable[[], Any]) -> Any:
        """A hook whose value is made once on mount (useRef, useId, useTransition ...)."""
        fiber, h = self.slot(kind)
        if h is None:
            h = self.store(fiber, ValueHook(kind, make()))
        return h.value

    def next_id(self) -> str:
        n = self.id_counter
        self.id_counter += 1
        digits = ""
        while True:
            digits = "0123456789abcdefghijklmnopqrstuv"[n % 32] + digits
            n //= 32
            if not n:
                break
        return "_r_" + digits + "_"

    def read_context(self, ctx: Any, record: bool = True) -> Any:
        if record and self.current is None:
            raise js_error(INVALID_HOOK_CALL)
        value = self.context_values.get(ctx, MISSING)
        if value is MISSING:
            value = ctx.props.get("_currentValue", ctx.default)
        if record and self.current is not None:
            self.current.context_reads[ctx] = value
        return value

    def use(self, usable: Any) -> Any:
        if isinstance(usable, ContextType):
            return self.read_context(usable)
        if self.current is None:
            raise js_error(INVALID_HOOK_CALL)
        if isinstance(usable, JSPromise):  # (the only JSObject whose class_name is "Promise")
            if usable.state == FULFILLED:
                return usable.value
            if usable.state == REJECTED:
                raise JSThrow(usable.value)
            self.wait_for(usable)
            raise Suspend()
        raise js_error(f"An unsupported type was passed to use(): {safe_to_string(usable)}")

    def use_sync_external_store(self, subscribe: Any, get_snapshot: Any) -> Any:
        if not isinstance(get_snapshot, JSFunction):
            raise js_error(f"{safe_to_string(get_snapshot)} is not a function", "TypeError")
        value = get_snapshot.call(UNDEFINED, [])
        fiber = self.current
        box = self.use_value("useSyncExternalStore", lambda: {"value": value})
        if fiber is not None and not same_value(box["value"], value):
            fiber.did_update = True  # a new snapshot: this render's output is the one to keep
        box["value"] = value

        def on_change(this: Any, args: list) -> Any:
            if fiber is not None and not fiber.unmounted:
                if not same_value(get_snapshot.call(UNDEFINED, []), box["value"]):
                    fiber.has_updates = True
                    fiber.did_update = True
                    self.dirty = True
            return UNDEFINED

        def setup(this: Any, args: list) -> Any:
            if isinstance(subscribe, JSFunction):
                return subscribe.call(UNDEFINED, [NativeFunction("handleStoreChange", on_change)])
            return UNDEFINED

        self.use_effect("useEffect", False, NativeFunction("subscribeToStore", setup), [subscribe])
        return value

    # ------------------------------------------------------------------ commit
    def commit(self) -> None:
        """Unmount what the last pass did not render, then run the scheduled effects."""
        gone = [f for p, f in self.fibers.items() if p not in self.visited]
        for f in gone:
            del self.fibers[f.path]
        gone.extend(self.replaced)
        self.replaced = []
        gone.sort(key=lambda f: f.order)
        for f in gone:
            f.unmounted = True
        work, self.commit_list = self.commit_list, []
        pending = []
        for f in work:
            pending.append((f, f.effects))
            f.effects = []

        def destroy(h: EffectHook) -> None:
            d, h.destroy = h.destroy, None
            if isinstance(d, JSFunction):
                self.run_effect_fn(d, h.kind)

        for layout in (True, False):
            for f in gone:
                for h in f.hooks:
                    if isinstance(h, EffectHook) and h.layout is layout:
                        destroy(h)
            for _f, effects in pending:
                for h, _create, _deps in effects:
                    if h.layout is layout:
                        destroy(h)
            for f, effects in pending:
                for h, create, deps in effects:
                    if h.layout is layout:
                        h.deps = deps
                        if f.unmounted:
                            continue
                        h.destroy = self.run_create(create, h.kind)

    def run_create(self, create: Any, kind: str) -> Any:
        if not isinstance(create, JSFunction):
            self.report_uncaught(js_error(f"{safe_to_string(create)} is not a function", "TypeError"), kind)
            return None
        result = self.run_effect_fn(create, kind)
        if result is UNDEFINED or isinstance(result, JSFunction):
            return result
        if isinstance(result, JSObject) and result.class_name == "Promise":
            self.rt.warn(
                f"{kind} must not return anything besides a function, which is used for clean-up. "
                f"It looks like you wrote {kind}(async () => ...) or returned a Promise. Instead, "
                "write the async function inside your effect and call it immediately."
            )
        elif result is None:
            self.rt.warn(
                f"{kind} must not return anything besides a function, which is used for clean-up. "
                "You returned null. If your effect does not require clean up, return undefined "
                "(or nothing)."
            )
        else:
            self.rt.warn(
                f"{kind} must not return anything besides a function, which is used for clean-up. "
                f"You returned: {safe_to_string(result)}"
            )
        return None

    def run_effect_fn(self, fn: JSFunction, kind: str) -> Any:
        """Run an effect or cleanup. An error thrown there is reported and the view kept."""
        try:
            return fn.call(UNDEFINED, [])
        except JSThrow as exc:
            if getattr(exc, "budget", False):
                raise
            self.report_uncaught(exc, f"an {kind} callback")
            return UNDEFINED

    def report_uncaught(self, exc: JSThrow, where: str) -> None:
        what = str(exc)
        self.rt.log("error", "Uncaught " + what)
        self.rt.warn(
            f"kview: {where} threw {what}; in Kustomer this error is uncaught "
            "(React unmounts the view for errors in effects). kview keeps rendering.",
            exc.loc,
        )


# --------------------------------------------------------------------------- entry points


class ReactRuntime(Runtime):
    """A render's runtime with React's state: the hooks runtime (made on first use) and what
    JSX renders for a capitalized name that is not defined (the platform layer decides)."""

    def __init__(self, budgets: Budgets | None = None, now_ms: float | None = None) -> None:
        super().__init__(budgets, now_ms)
        self.hooks: HooksRuntime | None = None
        self.unknown_component: Callable[[str, tuple[int, int]], Any] | None = None

    def new_turn(self) -> None:
        """A live preview's next event: fresh budgets and a fresh settle-pass count."""
        super().new_turn()
        if self.hooks is not None:
            self.hooks.passes = 0


def hooks_for(rt: Runtime) -> HooksRuntime:
    """The per-render hooks runtime (created on first use)."""
    if not isinstance(rt, ReactRuntime):
        raise TypeError("React needs a ReactRuntime (renderer.realm makes one per render)")
    h = rt.hooks
    if h is None:
        h = rt.hooks = HooksRuntime(rt)
    return h
