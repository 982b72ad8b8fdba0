"""Promises resolved by the render's own job queue (no threads, no real time)."""

from __future__ import annotations

from typing import Any

from ..members import ITERATORS, define_methods, get_member, iterate
from ..runtime import current_runtime
from ..values import (
    UNDEFINED,
    JSError,
    JSFunction,
    JSObject,
    JSThrow,
    NativeFunction,
    safe_to_string,
    type_error,
)
from .instance import register_instance_check

PENDING, FULFILLED, REJECTED = 0, 1, 2


class JSPromise(JSObject):
    __slots__ = ("rt", "state", "value", "reactions", "handled")
    class_name = "Promise"

    def __init__(self, rt: Any) -> None:
        super().__init__()
        self.rt = rt
        self.state = PENDING
        self.value: Any = UNDEFINED
        self.reactions: list[tuple[Any, Any, JSPromise | None]] = []
        self.handled = False

    # -------------------------------------------------------------- settling
    def resolve(self, value: Any) -> None:
        if self.state != PENDING:
            return
        if value is self:
            self.reject(_type_error_value("Chaining cycle detected for promise #<Promise>"))
            return
        if isinstance(value, JSPromise):
            # Adopt its state (PromiseResolveThenableJob, one job later like V8).
            self.state = -1  # locked in: further resolve/reject calls are ignored
            def adopt() -> None:
                value._subscribe(self._fulfil, self._reject, None)
            self.rt.enqueue(adopt)
            return
        if isinstance(value, (dict, JSObject)) and not isinstance(value, JSFunction):
            try:
                then = get_member(value, "then")
            except JSThrow as exc:
                self.reject(exc.value)
                return
            if isinstance(then, JSFunction):
                self.state = -1

                def call_then() -> None:
                    done = [False]

                    def res(this: Any, args: list) -> Any:
                        if not done[0]:
                            done[0] = True
                            self.state = PENDING
                            self.resolve(args[0] if args else UNDEFINED)
                        return UNDEFINED

                    def rej(this: Any, args: list) -> Any:
                        if not done[0]:
                            done[0] = True
                            self._reject(args[0] if args else UNDEFINED)
                        return UNDEFINED

                    try:
                        then.call(value, [NativeFunction("", res, 1), NativeFunction("", rej, 1)])
                    except JSThrow as exc:
                        rej(UNDEFINED, [exc.value])

                self.rt.enqueue(call_then)
                return
        self._fulfil(value)

    def reject(self, reason: Any) -> None:
        if self.state != PENDING:
            return
        self._reject(reason)

    def _fulfil(self, value: Any) -> None:
        self.state = FULFILLED
        self.value = value
        self._flush()

    def _reject(self, reason: Any) -> None:
        self.state = REJECTED
        self.value = reason
        if not self.reactions:
            self.rt.unhandled.append(self)
        self._flush()

    def _flush(self) -> None:
        reactions, self.reactions = self.reactions, []
        for on_ok, on_err, derived in reactions:
            self._schedule(on_ok, on_err, derived)

    def _schedule(self, on_ok: Any, on_err: Any, derived: JSPromise | None) -> None:
        state, value = self.state, self.value

        def job() -> None:
            handler = on_ok if state == FULFILLED else on_err
            if handler is None:
                if derived is not None:
                    if state == FULFILLED:
                        derived.resolve(value)
                    else:
                        derived.reject(value)
                return
            try:
                result = handler(value) if not isinstance(handler, JSFunction) else handler.call(UNDEFINED, [value])
            except JSThrow as exc:
                if derived is not None:
                    derived.reject(exc.value)
                return
            if derived is not None:
                derived.resolve(result)

        self.rt.enqueue(job)

    def _subscribe(self, on_ok: Any, on_err: Any, derived: JSPromise | None) -> None:
        """Python or JS callbacks run when settled; ``derived`` gets their result."""
        self.handled = True
        if self.state == REJECTED and self in self.rt.unhandled:
            self.rt.unhandled.remove(self)
        if self.state in (PENDING, -1):
            self.reactions.append((on_ok, on_err, derived))
        else:
            self._schedule(on_ok, on_err, derived)

    def then(self, on_ok: Any, on_err: Any) -> JSPromise:
        derived = JSPromise(self.rt)
        self._subscribe(
            on_ok if isinstance(on_ok, JSFunction) else None,
            on_err if isinstance(on_err, JSFunction) else None,
            derived,
        )
        return derived


def _type_error_value(message: str) -> Any:
    return JSError("TypeError", message)


def _this_promise(this: Any, name: str) -> JSPromise:
    if not isinstance(this, JSPromise):
        type_error(f"Method Promise.prototype.{name} called on incompatible receiver")
    return this


def _then(this: Any, args: list) -> Any:
    p = _this_promise(this, "then")
    return p.then(args[0] if args else UNDEFINED, args[1] if len(args) > 1 else UNDEFINED)


def _catch(this: Any, args: list) -> Any:
    p = _this_promise(this, "catch")
    return p.then(UNDEFINED, args[0] if args else UNDEFINED)


def _finally(this: Any, args: list) -> Any:
    p = _this_promise(this, "finally")
    fn = args[0] if args else UNDEFINED
    if not isinstance(fn, JSFunction):
        return p.then(fn, fn)
    derived = JSPromise(p.rt)

    def ok(value: Any) -> Any:
        r = fn.call(UNDEFINED, [])
        inner = resolved(p.rt, r)
        inner._subscribe(lambda _v: derived.resolve(value), lambda e: derived.reject(e), None)
        return UNDEFINED

    def err(reason: Any) -> Any:
        r = fn.call(UNDEFINED, [])
        inner = resolved(p.rt, r)
        inner._subscribe(lambda _v: derived.reject(reason), lambda e: derived.reject(e), None)
        return UNDEFINED

    p._subscribe(_guard(ok, derived), _guard(err, derived), None)
    return derived


def _guard(fn: Any, derived: JSPromise) -> Any:
    def run(v: Any) -> Any:
        try:
            return fn(v)
        except JSThrow as exc:
            derived.reject(exc.value)
            return UNDEFINED

    return run


define_methods(JSPromise, then=_then, catch=_catch, finally_=_finally)


def resolved(rt: Any, value: Any) -> JSPromise:
    """Promise.resolve(value)."""
    if isinstance(value, JSPromise):
        return value
    p = JSPromise(rt)
    p.resolve(value)
    return p


def rejected(rt: Any, reason: Any) -> JSPromise:
    p = JSPromise(rt)
    p.reject(reason)
    return p


def make_promise_global() -> NativeFunction:
    """The ``Promise`` constructor with its statics, made once (``PROMISE``): writes to it are
    ignored and each call finds its render's runtime (job queue) with ``current_runtime()``."""

    def construct(args: list) -> JSPromise:
        executor = args[0] if args else UNDEFINED
        if not isinstance(executor, JSFunction):
            type_error(f"Promise resolver {safe_to_string(executor)} is not a function")
        p = JSPromise(current_runtime())

        def resolve(this: Any, a: list) -> Any:
            p.resolve(a[0] if a else UNDEFINED)
            return UNDEFINED

        def reject(this: Any, a: list) -> Any:
            p.reject(a[0] if a else UNDEFINED)
            return UNDEFINED

        res = NativeFunction("", resolve, 1)
        rej = NativeFunction("", reject, 1)
        try:
            executor.call(UNDEFINED, [res, rej])
        except JSThrow as exc:
            p.reject(exc.value)
        return p

    def call(this: Any, args: list) -> Any:
        return type_error("Promise constructor cannot be invoked without 'new'")

    ctor = NativeFunction("Promise", call, 1, ctor=construct)

    def combinator(kind: str):
        def run(this: Any, args: list) -> JSPromise:
            rt = current_runtime()
            items = list(iterate(args[0] if args else UNDEFINED))
            out = JSPromise(rt)
            n = len(items)
            results: list = [UNDEFINED] * n
            remaining = [n]
            if n == 0:
                if kind == "any":
                    agg = JSError("AggregateError", "All promises were rejected")
                    agg.props["errors"] = []
                    out.reject(agg)
                elif kind != "race":
                    out.resolve([])
                return out
            for i, item in enumerate(items):
                p = resolved(rt, item)

                def ok(v: Any, i: int = i) -> Any:
                    if kind == "all":
                        results[i] = v
                        remaining[0] -= 1
                        if remaining[0] == 0:
                            out.resolve(results)
                    elif kind == "allSettled":
                        results[i] = {"status": "fulfilled", "value": v}
                        remaining[0] -= 1
                        if remaining[0] == 0:
                            out.resolve(results)
                    else:  # race, any
                        out.resolve(v)
                    return UNDEFINED

                def err(e: Any, i: int = i) -> Any:
                    if kind in ("all", "race"):
                        out.reject(e)
                    elif kind == "allSettled":
                        results[i] = {"status": "rejected", "reason": e}
                        remaining[0] -= 1
                        if remaining[0] == 0:
                            out.resolve(results)
                    else:
                        results[i] = e
                        remaining[0] -= 1
                        if remaining[0] == 0:
                            agg = JSError("AggregateError", "All promises were rejected")
                            agg.props["errors"] = results
                            out.reject(agg)
                    return UNDEFINED

                p._subscribe(ok, err, None)
            return out

        return run

    ctor.props.update(
        resolve=NativeFunction("resolve", lambda this, a: resolved(current_runtime(), a[0] if a else UNDEFINED), 1),
        reject=NativeFunction("reject", lambda this, a: rejected(current_runtime(), a[0] if a else UNDEFINED), 1),
        all=NativeFunction("all", combinator("all"), 1),
        allSettled=NativeFunction("allSettled", combinator("allSettled"), 1),
        race=NativeFunction("race", combinator("race"), 1),
        any=NativeFunction("any", combinator("any"), 1),
    )
    return ctor


PROMISE = make_promise_global()
register_instance_check(PROMISE, lambda v: isinstance(v, JSPromise))

ITERATORS.setdefault(JSPromise, lambda p: type_error("object is not iterable"))
