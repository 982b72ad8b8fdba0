"""Compile a template once per version: parse, compile to closures, cache by content hash."""

from __future__ import annotations

import hashlib
import sys
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from .errors import BudgetError, KViewError, RenderError, TemplateSyntaxError
from .js import values as jv
from .js.parse import parse
from .js.runtime import Runtime
from .js.scope import Scope
from .js.values import JSError, JSThrow
from .kustomer.needs import TemplateNeeds, needs_of
from .react.jsx import JSXCompiler


@dataclass
class CompiledView:
    """A template ready to run: ``run(scope)`` returns the completion value."""

    name: str
    source: str
    sha: str
    program: Any = field(repr=False)
    compile_seconds: float = 0.0
    needs: TemplateNeeds | None = field(repr=False, default=None)  # the globals it reads

    def run(self, scope: Scope) -> Any:
        """Evaluate the template; anything escaping it becomes a located kview error."""
        ensure_recursion_headroom()
        rt = scope.rt
        try:
            return self.program(scope)
        except JSThrow as exc:
            raise self.error(exc, rt) from None
        except RecursionError:
            raise self.error(JSThrow(JSError("RangeError", "Maximum call stack size exceeded")), rt) from None
        except MemoryError:
            raise self.error(out_of_memory(), rt) from None

    def settle(self, rt: Runtime) -> None:
        """Run the render's jobs and timers to the end, errors located like ``run``'s."""
        try:
            rt.settle()
        except JSThrow as exc:
            raise self.error(exc, rt) from None
        except MemoryError:
            raise self.error(out_of_memory(), rt) from None

    def error(self, exc: JSThrow, rt: Runtime) -> RenderError:
        """A JavaScript throw as a located ``RenderError`` (``BudgetError`` past a budget)."""
        loc = exc.loc or rt.loc
        v = exc.value
        if isinstance(v, JSError):
            js_type, message = v.name, v.message
        else:
            js_type, message = "Uncaught", _describe_thrown(v)
        line, col = loc if loc else (None, None)
        cls = BudgetError if getattr(exc, "budget", False) else RenderError
        # An error escaping a user component (components/*.jsx) is tagged with that file.
        file = getattr(exc, "kv_file", None) or self.name
        source = getattr(exc, "kv_source", None) or self.source
        return cls(message, js_type, file=file, line=line, column=col, source=source)


def out_of_memory() -> JSThrow:
    """A ``MemoryError`` as the budget error it stands for (the budgets should come first)."""
    exc = JSThrow(JSError("RangeError", "kview: out of memory"))
    exc.budget = True
    return exc


def _describe_thrown(v: Any) -> str:
    if type(v) is str:
        return repr(jv.from_code_units(v)).replace('"', "'")
    return jv.safe_to_string(v)


class ViewCache:
    """A bounded LRU of compiled views keyed by ``(name, sha256(source))``.

    One instance per owner (the dev server has one; ``compile_view`` uses a default), so
    there is no unbounded module-level state; ``invalidate(name)`` drops every version.
    """

    def __init__(self, maxsize: int = 128) -> None:
        self.maxsize = maxsize
        self._items: OrderedDict[tuple[str, str], CompiledView] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, source: str, name: str) -> CompiledView:
        sha = hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()
        key = (name, sha)
        with self._lock:
            view = self._items.get(key)
            if view is not None:
                self._items.move_to_end(key)
                return view
        view = _compile(source, name, sha)
        with self._lock:
            self._items[key] = view
            while len(self._items) > self.maxsize:
                self._items.popitem(last=False)
        return view

    def invalidate(self, name: str) -> None:
        with self._lock:
            for key in [k for k in self._items if k[0] == name]:
                del self._items[key]

    def __len__(self) -> int:
        return len(self._items)


def _compile(source: str, name: str, sha: str) -> CompiledView:
    ensure_recursion_headroom()
    t0 = time.perf_counter()
    tree = parse(source, name)
    try:
        program = JSXCompiler(source, name).program(tree)
    except KViewError as exc:
        raise exc.located(name, source) from None
    except RecursionError:
        raise TemplateSyntaxError("template is nested too deeply to compile", file=name, line=1, column=0, source=source) from None
    needs = needs_of(tree)  # one cheap walk now saves a second parse when mocks are generated
    return CompiledView(name, source, sha, program, time.perf_counter() - t0, needs)


_default_cache = ViewCache()


def compile_view(source: str, name: str = "<template>", cache: ViewCache | None = None) -> CompiledView:
    return (cache or _default_cache).get(source, name)


def template_needs(source: str) -> TemplateNeeds | None:
    """What a template reads (globals, custom attributes), through the default compile cache."""
    return compile_view(source, "<template>").needs


def ensure_recursion_headroom(limit: int = 20000) -> None:
    """Interpreted JS nests many Python frames per JS call; depth is capped by our own budget."""
    if sys.getrecursionlimit() < limit:
        sys.setrecursionlimit(limit)
